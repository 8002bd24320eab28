"""The legacy Vietnamese 8-bit encodings TCVN3 (ABC) and VNI: found, converted, or refused."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.readers_fixtures import ARTICLE, BODY, TITLE, to_tcvn3, to_vni
from viewer.core.readers import ReadError, decode_document
from viewer.core.readers.legacy import TCVN3_TABLE, decode_tcvn3, decode_vni


def test_tcvn3_file_becomes_unicode() -> None:
    doc = decode_document(to_tcvn3(ARTICLE), "cu.txt")
    assert doc.encoding == "tcvn3"
    # TCVN3 has no codes for upper-case toned letters: "Ủy" can only come back as "ủy".
    assert doc.title.lower() == TITLE.lower()
    assert doc.body.lower() == BODY.lower()
    assert "Lê Văn Thành" in doc.title and "Hoằng Lộc" in doc.title


def test_vni_file_becomes_unicode_with_capitals() -> None:
    doc = decode_document(to_vni(ARTICLE), "cu.txt")
    assert doc.encoding == "vni"
    assert (doc.title, doc.body) == (TITLE, BODY)


def test_vni_upper_case_letters_with_marks() -> None:
    text = "ĐỒNG CHÍ PHÓ BÍ THƯ THƯỜNG TRỰC TỈNH ỦY THĂM XÃ VĨNH LỘC\n\n" + BODY
    doc = decode_document(to_vni(text), "cu.txt")
    assert doc.title == "ĐỒNG CHÍ PHÓ BÍ THƯ THƯỜNG TRỰC TỈNH ỦY THĂM XÃ VĨNH LỘC"


def test_known_words_in_each_chart() -> None:
    assert decode_tcvn3(b"Thanh H\xe3a, Ph\xf3 B\xdd th\xad") == "Thanh Hóa, Phú Bí thư"
    assert decode_tcvn3(b"\xa7\xe5ng ch\xdd") == "Đồng chí"
    text, strays = decode_vni("Vieät Nam, ngöôøi daân, ÑOÀNG".encode("cp1252"))
    assert (text, strays) == ("Việt Nam, người dân, ĐỒNG", 0)


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs iconv with TCVN5712-1")
def test_tcvn3_letters_match_the_standard_chart_in_glibc() -> None:
    high = bytes(range(0xA0, 0x100))
    result = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=high, capture_output=True, check=False
    )
    if result.returncode != 0:
        pytest.skip("this iconv has no TCVN5712-1")
    assert result.stdout.decode("utf-8") == TCVN3_TABLE[0xA0:]


def test_text_from_a_tcvn3_font_pasted_as_unicode_is_converted() -> None:
    pasted = to_tcvn3(ARTICLE).decode("cp1252").encode("utf-8")
    doc = decode_document(pasted, "a.txt")
    assert doc.encoding == "tcvn3"
    assert doc.body.lower() == BODY.lower()
    assert doc.original is not None  # what the file really held stays visible


def test_text_from_a_vni_font_pasted_as_unicode_is_converted() -> None:
    pasted = to_vni(ARTICLE).decode("cp1252").encode("utf-8")
    doc = decode_document(pasted, "a.txt")
    assert (doc.encoding, doc.body) == ("vni", BODY)


def test_damaged_vni_is_refused_rather_than_half_converted() -> None:
    data = bytearray(to_vni(ARTICLE))
    # Knock the base letters off a third of the marks: the marks now sit on consonants.
    marks = [i for i, b in enumerate(data) if b in (0xF9, 0xF8, 0xEF, 0xE2, 0xE4) and i > 1]
    for i in marks[::3]:
        data[i - 1] = ord("x")
    with pytest.raises(ReadError, match="VNI"):
        decode_document(bytes(data), "cu.txt")


def test_short_legacy_text_that_fits_two_encodings_is_refused() -> None:
    # Two bytes, readable in more than one chart: too little to tell which.
    with pytest.raises(ReadError):
        decode_document(b"\xe0\xe1", "a.txt")
