"""Whatever bytes a file holds, reading it ends in a Document or a ReadError, nothing else."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.readers_fixtures import ARTICLE, to_tcvn3, to_vni
from viewer.core.model import Document
from viewer.core.readers import ReadError, decode_document

NAMES = ["a.txt", "a.html", "a.docx", "noext"]
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(data: bytes, name: str) -> None:
    try:
        doc = decode_document(data, name)
    except ReadError as err:
        assert str(err)  # a reason, never an empty message
        return
    assert isinstance(doc, Document)
    assert doc.title or doc.body


@FUZZ
@given(data=st.binary(max_size=2048), name=st.sampled_from(NAMES))
def test_any_bytes(data: bytes, name: str) -> None:
    _read(data, name)


@FUZZ
@given(
    base=st.sampled_from([ARTICLE.encode(), to_tcvn3(ARTICLE), to_vni(ARTICLE)]),
    cuts=st.lists(st.tuples(st.integers(0, 900), st.binary(max_size=8)), max_size=6),
    name=st.sampled_from(NAMES),
)
def test_damaged_articles(base: bytes, cuts: list[tuple[int, bytes]], name: str) -> None:
    data = bytearray(base)
    for at, junk in cuts:
        data[at : at + len(junk)] = junk
    _read(bytes(data), name)


@FUZZ
@given(
    text=st.text(max_size=300),
    encoding=st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1258", "latin-1"]),
)
def test_any_text_in_any_encoding(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="ignore")
    _read(data, "a.txt")
    _read(f"<html><body><p>{text}</p></body></html>".encode(encoding, errors="ignore"), "a.htm")


@pytest.mark.parametrize("member", ["word/document.xml", "[Content_Types].xml"])
@FUZZ
@given(junk=st.binary(max_size=512))
def test_docx_packages_with_junk_parts(member: str, junk: bytes) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, junk)
    _read(buffer.getvalue(), "a.docx")
