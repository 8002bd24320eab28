"""Articles saved from a newspaper's website (.html, .htm): the article text without the page.

trafilatura finds the article among menus, related-article lists and comments; it is
only ever given the page as a string, so nothing is fetched, and scripts, iframes and
images are dropped, never run or loaded. Paragraphs come out as in the .txt format, so
the same article saved both ways has the same body (the importer's duplicate test).
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re

import lxml.html
import trafilatura

from ..model import Document
from ..text import collapse_spaces, nfc
from .article import make_document, parse_header
from .decode import Decoded, check_unicode, decode_text
from .errors import ReadError
from .legacy import decode_tcvn3, decode_vni
from .sniff import reject_binary

# trafilatura reports pages it finds little in at WARNING; the import report says enough.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
# Labels the HTML standard reads as Windows-1252 whatever they say.
_WINDOWS_1252_ALIASES = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}
_LEGACY_LABELS = {
    "tcvn": "tcvn3", "tcvn3": "tcvn3", "tcvn-3": "tcvn3", "abc": "tcvn3", "vni": "vni"
}  # fmt: skip


def read_html(data: bytes) -> Document:
    if not data.strip():
        raise ReadError("the file is empty")
    reject_binary(data)
    decoded = decode_html(data)
    return document_from_html(decoded.text, decoded.encoding)


def decode_html(data: bytes) -> Decoded:
    """Decode by the page's <meta charset>, unless the bytes prove it wrong."""
    match = _META_CHARSET.search(data[:8192])
    declared = match[1].decode("ascii").lower() if match else ""
    if declared in _LEGACY_LABELS:
        label = _LEGACY_LABELS[declared]
        text = decode_tcvn3(data) if label == "tcvn3" else decode_vni(data)[0]
        return Decoded(text, label)
    if declared in _WINDOWS_1252_ALIASES:
        declared = "cp1252"
    try:
        codec = codecs.lookup(declared).name if declared else ""
    except LookupError:
        codec = ""
    if codec and not codec.startswith("utf"):
        try:
            data.decode("utf-8")  # a page that is valid UTF-8 is UTF-8, whatever it claims
        except UnicodeDecodeError:
            try:
                return check_unicode(data.decode(codec), codec)
            except UnicodeDecodeError:
                pass
    return decode_text(data)


def document_from_html(page: str, encoding: str) -> Document:
    tree = _parse(page)
    title, published = _metadata(page, tree)
    paragraphs = _article_paragraphs(page, tree)
    if paragraphs and title and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]  # the page's <h1> repeats the title
    if paragraphs and not title:
        title, paragraphs = paragraphs[0], paragraphs[1:]
    if paragraphs and (header := parse_header(paragraphs[0])) is not None:
        published = published or header[0]  # a crawled .txt wrapped in <pre> or <p>
        paragraphs = ([header[1]] if header[1] and not title else []) + paragraphs[1:]
    if not paragraphs:
        raise ReadError("no article text was found in the web page")
    return make_document(title, paragraphs, published, "html", encoding)


def _parse(page: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return None


def _metadata(page: str, tree: lxml.html.HtmlElement | None) -> tuple[str, dt.date | None]:
    title, date = "", None
    try:
        meta = trafilatura.extract_metadata(page, extensive=False)  # no guessing from text
        title = meta.title or ""
        date = _parse_date(meta.date)
    except Exception:  # trafilatura on a broken page; the fallback below still works
        pass
    if not title and tree is not None:
        for xpath in ("//h1", "//title"):
            found = [collapse_spaces(e.text_content()) for e in tree.xpath(xpath)]
            if any(found):
                title = next(t for t in found if t)
                break
    return collapse_spaces(title), date


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _article_paragraphs(page: str, tree: lxml.html.HtmlElement | None) -> list[str]:
    try:
        text = trafilatura.extract(
            page,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_tables=True,
            favor_precision=True,
            deduplicate=False,
        )
    except Exception:  # a page trafilatura cannot handle: fall back to its <p> elements
        text = None
    if text:
        return [line.strip() for line in text.splitlines() if line.strip()]
    if tree is None:
        return []
    paragraphs = (collapse_spaces(p.text_content()) for p in tree.xpath("//body//p"))
    return [p for p in paragraphs if p]


def _same(a: str, b: str) -> bool:
    return collapse_spaces(nfc(a)).casefold() == collapse_spaces(nfc(b)).casefold()
