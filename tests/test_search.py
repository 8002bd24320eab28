"""Search: tone-less typing finds toned text, typed tones are respected, no input raises."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import add_visit
from viewer.core.archive import Archive, VisitFilter
from viewer.core.archive.search import match_spans, parse_query


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        add_visit(
            archive,
            body="Sáng 12/12, đồng chí Nguyễn Hồng Phong làm việc tại xã Biện Thượng, "
            "tỉnh Thanh Hoá, về chuyển đổi số và bản án.",
        )
        add_visit(
            archive,
            lead="Mai Xuân Liêm",
            communes=(("Thiệu Hóa", 16010),),
            date=dt.date(2025, 12, 22),
            body="Chiều 22/12, đồng chí Mai Xuân Liêm kiểm tra xã Thiệu Hóa, bàn về an ninh.",
        )
        yield archive


def found(archive: Archive, text: str) -> int:
    return len(archive.visit_ids(VisitFilter(text=text)))


@pytest.mark.parametrize("typed", ["bien thuong", "Biện Thượng", "BIỆN THƯỢNG", "biện thuong"])
def test_with_or_without_tones_the_commune_is_found(archive, typed):
    assert found(archive, typed) == 1


@pytest.mark.parametrize("typed", ["thanh hoa", "Thanh Hóa", "Thanh Hoá"])
def test_either_tone_placement_matches(archive, typed):
    assert found(archive, typed) == 1


def test_typed_tones_keep_different_words_apart(archive):
    assert found(archive, "an") == 2  # toneless: án and an both match
    assert found(archive, "án") == 1  # only "bản án"... in the first article
    assert found(archive, "ấn") == 0


def test_exact_tone_hits_rank_first(archive):
    hits = archive.search_articles("an ninh")
    assert hits and hits[0].exact


def test_prefix_of_the_last_word_follows_typing(archive):
    assert found(archive, "thieu ho") == 1


def test_excluded_word_and_phrase(archive):
    assert found(archive, '"xã Thiệu Hóa"') == 1
    assert found(archive, "xa -thieu") == 1


@pytest.mark.parametrize(
    "typed",
    ['"', "AND", "OR NOT", "NEAR(a b)", "*", "a:b", "^x", "'", "(((", "-", "--x", '"""', "\\"],
)
def test_operator_text_never_raises(archive, typed):
    archive.visit_ids(VisitFilter(text=typed))
    archive.search_articles(typed)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_any_typed_text_gives_results_or_nothing(tmp_path_factory, typed):
    path = tmp_path_factory.getbasetemp() / "hyp.sqlite"
    with Archive(path) as archive:
        if not archive.visit_ids():
            add_visit(archive)
        archive.visit_ids(VisitFilter(text=typed))
        archive.search_articles(typed)
        match_spans("Biện Thượng và Vĩnh Lộc", parse_query(typed))


def test_match_spans_highlight_the_words_typed():
    text = "Đồng chí làm việc tại xã Biện Thượng và Vĩnh Lộc."
    spans = match_spans(text, parse_query("bien thuong"))
    assert [text[s:e] for s, e in spans] == ["Biện", "Thượng"]
    assert match_spans(text, parse_query("Biến")) == []


@pytest.fixture(scope="module")
def gold_archive(tmp_path_factory):
    """The 30 gold-set articles: real sentences, both tone placements, NFD text."""
    from viewer.core.importer import run_import

    gold = Path(__file__).parent / "gold" / "articles"
    with Archive(tmp_path_factory.mktemp("gold") / "a.sqlite") as archive:
        run_import(archive, [gold])
        yield archive


@pytest.mark.parametrize(
    "typed",
    ["Thiệu Hóa", "Hoá", "chuyển đổi số", "xã", "Bí thư", '"nông thôn mới"', "đồng chí -Phó"],
)
def test_a_fully_toned_search_skips_the_folded_index_without_changing_the_answer(
    gold_archive, typed
):
    query = parse_query(typed)
    assert query.exact_is_enough

    def rowids(table: str, match: str) -> set[int]:
        sql = f"SELECT rowid FROM {table} WHERE {table} MATCH ?"
        return {r[0] for r in gold_archive.conn.execute(sql, (match,))}

    exact = rowids("search_exact", query.exact)
    assert exact, "the query should find something in the gold set"
    assert exact == exact & rowids("search_folded", query.folded)


def test_a_toneless_word_still_needs_the_folded_index():
    assert not parse_query("Thiệu hoa").exact_is_enough
    assert not parse_query("Thiệu Hóa -xa").exact_is_enough


def test_the_folded_index_strips_marks_token_for_token_as_fold_does(gold_archive):
    """search_folded is fed text with only đ folded (`folded_index_form`): its tokenizer
    must then make every token `fold` would, or toneless search would miss words."""
    from viewer.core.archive.search import folded_index_form
    from viewer.core.text import fold

    db = sqlite3.connect(":memory:")
    for name in ("by_fold", "by_tokenizer"):
        db.execute(
            f"CREATE VIRTUAL TABLE {name} USING fts5(body, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        db.execute(f"CREATE VIRTUAL TABLE {name}_words USING fts5vocab({name}, 'instance')")
    texts = [r[0] for r in gold_archive.conn.execute("SELECT title || ' ' || text FROM articles")]
    texts.append("Đà Nẵng ĐỒNG Thuỷ Thủy Hoà Hòa Ưu ơi Ở ậ ẫ ữ ự ỹ Ỷ ĩ ẽ ẻ ặ ằ ẳ ẵ")
    for rowid, text in enumerate(texts):
        db.execute("INSERT INTO by_fold (rowid, body) VALUES (?, ?)", (rowid, fold(text)))
        db.execute(
            "INSERT INTO by_tokenizer (rowid, body) VALUES (?, ?)",
            (rowid, folded_index_form(text)),
        )
    words = "SELECT term, doc, offset FROM {}_words ORDER BY doc, offset"
    folded = db.execute(words.format("by_fold")).fetchall()
    assert len(folded) > 10_000
    assert db.execute(words.format("by_tokenizer")).fetchall() == folded
