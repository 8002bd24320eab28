"""Unicode encodings (UTF-8, UTF-16 with and without BOM), Windows-1258 and bad guesses."""

from __future__ import annotations

import pytest

from tests.readers_fixtures import ARTICLE, BODY, TITLE, to_cp1258
from viewer.core.readers import ReadError, decode_document


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (ARTICLE.encode("utf-8-sig"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16"),  # with BOM
        (b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16"),
        (ARTICLE.encode("utf-16-le"), "utf-16"),  # no BOM: found by the NUL pattern
        (ARTICLE.encode("utf-16-be"), "utf-16"),
        (to_cp1258(ARTICLE), "cp1258"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16be-bom", "utf-16le", "utf-16be", "cp1258"],
)
def test_every_encoding_gives_the_same_article(data: bytes, encoding: str) -> None:
    doc = decode_document(data, "a.txt")
    assert (doc.title, doc.body) == (TITLE, BODY)
    assert doc.encoding == encoding


def test_cp1258_keeps_its_decomposed_text_as_original() -> None:
    doc = decode_document(to_cp1258(ARTICLE), "a.txt")
    assert doc.original is not None and doc.original != doc.text
    assert "\u0301" in doc.original  # tone marks as Windows-1258 writes them


def test_utf8_saved_twice_is_repaired_and_the_garbled_text_kept() -> None:
    twice = ARTICLE.encode("utf-8").decode("latin-1").encode("utf-8")
    doc = decode_document(twice, "a.txt")
    assert (doc.title, doc.body) == (TITLE, BODY)
    assert doc.original is not None and "á»" in doc.original


def test_lossy_double_utf8_is_refused_not_stored() -> None:
    lossy = ARTICLE.encode("utf-8").decode("cp1252", errors="ignore").encode("utf-8")
    with pytest.raises(ReadError, match="garbled"):
        decode_document(lossy, "a.txt")


def test_invalid_utf16_is_refused() -> None:
    with pytest.raises(ReadError, match="UTF-16"):
        decode_document(b"\xff\xfe" + "Xã".encode("utf-16-le") + b"\x00\xdc", "a.txt")


@pytest.mark.parametrize(
    "data",
    [
        "Grüße aus München: schöne Straße, übermäßig größer, Ärger über Öl".encode("cp1252"),
        "中文新闻报道省领导视察乡镇工作听取汇报并作重要指示".encode("gbk"),
        "Новости области: губернатор посетил район и провёл совещание".encode("cp1251"),
    ],
    ids=["german-cp1252", "chinese-gbk", "russian-cp1251"],
)
def test_non_vietnamese_8bit_text_is_refused_with_a_reason(data: bytes) -> None:
    with pytest.raises(ReadError, match="not UTF-8") as err:
        decode_document(data, "a.txt")
    assert "Vietnamese" in str(err.value)


def test_non_vietnamese_utf8_text_is_accepted_as_is() -> None:
    doc = decode_document("Visit report\n\nThe café in Hà Nội was crowded.".encode(), "a.txt")
    assert doc.body == "The café in Hà Nội was crowded."
