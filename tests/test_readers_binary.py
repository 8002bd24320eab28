"""Files that are not text at all, renamed to .txt or dropped among the articles."""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.core.readers import ReadError, decode_document


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "xin chào")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (_zip_bytes(), "zip"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + bytes(100), "Windows program"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old Word .doc"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100), "JPEG"),
    ],
    ids=["png", "pdf", "zip", "exe", "doc", "jpeg"],
)
def test_known_binary_formats_are_named(data: bytes, kind: str) -> None:
    with pytest.raises(ReadError, match="looks like a binary file") as err:
        decode_document(data, "renamed.txt")
    assert kind in str(err.value)


def test_unknown_binary_with_nul_bytes_is_refused() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4096))
    with pytest.raises(ReadError, match="binary"):
        decode_document(data, "data.txt")


def test_text_full_of_control_characters_is_refused() -> None:
    data = b"Tin t\x01c \x02\x03 x\x04 \x05h\x06i \x07\x08 \x0e\x0f\x10\x11\x12" * 20
    with pytest.raises(ReadError, match="binary"):
        decode_document(data, "weird.txt")


def test_binary_saved_as_html_is_refused_too() -> None:
    with pytest.raises(ReadError, match="PNG image"):
        decode_document(b"\x89PNG\r\n\x1a\n" + bytes(64), "page.html")


def test_binary_is_not_mistaken_for_utf16() -> None:
    data = b"\x01\x00\x02\x00\x03\x00\x04\x00\x05\x00" * 50  # NUL pattern, control chars
    with pytest.raises(ReadError, match="binary"):
        decode_document(data, "a.txt")


@given(st.binary(max_size=2000))
def test_the_control_byte_ratio_counts_every_control_byte(data):
    from viewer.core.readers.sniff import _CONTROL, control_ratio

    expected = sum(1 for byte in data if byte in _CONTROL) / len(data) if data else 0.0
    assert control_ratio(data) == expected
