"""The in-memory visit index answers exactly what SQL answers: same visits in the same
order, same month headers, same facet counts, for any filter; and it follows the archive
when visits are added by this or another connection."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import add_visit
from viewer.core.archive import Archive, VisitFilter, visit_index
from viewer.core.archive.archive import build_index
from viewer.core.archive.rows import content_key
from viewer.core.archive.store import insert_article
from viewer.core.model import Document, Extraction

FACETS = ("officials", "communes", "topics")
LEADS = ("Nguyễn Hồng Phong", "Mai Xuân Liêm", "Đỗ Thị Toán")
COMMUNES = (("Biện Thượng", 16000), ("Vĩnh Lộc", 16001), ("Thiệu Hóa", 16002))
TOPICS = ("digital_transformation", "education", "craft_villages")
DATES = (
    None,
    dt.date(2024, 11, 30),
    dt.date(2025, 1, 2),
    dt.date(2025, 1, 31),
    dt.date(2025, 2, 1),
    dt.date(2025, 12, 12),
)


def build(archive: Archive, count: int = 40) -> None:
    """Visits whose officials, communes, topics and dates overlap in many ways, and an
    article in which no visit was found (search hits on it match no visit)."""
    document = Document(
        "Tin vắn", "Chuyển đổi số ở làng nghề, không có chuyến thăm nào.", None, "txt", "utf-8"
    )
    with archive.batch():
        insert_article(
            archive.conn,
            document,
            Extraction(None, []),
            file_name="tin.txt",
            file_sha256="0" * 64,
            file_size=10,
            key=content_key(document),
        )
    for n in range(count):
        add_visit(
            archive,
            lead=LEADS[n % 3],
            others=(LEADS[(n + 1) % 3],) if n % 4 == 0 else (),
            communes=COMMUNES[n % 3 : n % 3 + 1 + n % 2],
            topics=TOPICS[: 1 + n % 3],
            date=DATES[n % len(DATES)],
            body=f"Bài số {n}: đồng chí {LEADS[n % 3]} bàn về chuyển đổi số và giáo dục."
            if n % 5
            else f"Bài số {n}: đồng chí {LEADS[n % 3]} thăm làng nghề.",
            file_name=f"visit-{n}.txt",
        )


@pytest.fixture(scope="module")
def archives(tmp_path_factory):
    """The same archive twice: one answering from SQL, one from the index."""
    path = tmp_path_factory.mktemp("index") / "a.sqlite"
    with Archive(path) as writer:
        build(writer)
    with Archive(path) as by_sql, Archive(path) as by_index, Archive(path) as by_tally:
        by_index.load_index()
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(visit_index, "MANY_VALUES", 0)  # count small scopes visit by visit
            by_tally.load_index()
        yield by_sql, by_index, by_tally


def ids_of(archive: Archive, facet: str) -> list[object]:
    return sorted({v.id for v in archive.facet(VisitFilter(), facet)}, key=str)


filters = st.builds(
    VisitFilter,
    officials=st.frozensets(st.integers(1, 4), max_size=2),
    communes=st.frozensets(st.integers(1, 4), max_size=2),
    topics=st.frozensets(st.sampled_from((*TOPICS, "no_such_topic")), max_size=2),
    date_from=st.sampled_from((None, *DATES[1:], dt.date(2030, 1, 1))),
    date_to=st.sampled_from((None, *DATES[1:], dt.date(2000, 1, 1))),
    # "bai so 7": a single hit, which the index's C shortcuts must handle too
    text=st.sampled_from(
        ("", "chuyen doi", "làng nghề", "lang ng", "giao duc", "không có", "bai so 7")
    ),
)


def facet_counts(archive: Archive, filter_: VisitFilter, facet: str) -> list[tuple]:  # type: ignore[type-arg]
    # ties in count may come in either order; everything else must match
    return sorted((v.id, v.label, v.group, v.count) for v in archive.facet(filter_, facet))


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(filter_=filters)
def test_the_index_answers_what_sql_answers(archives, filter_):
    by_sql, by_index, by_tally = archives
    assert by_index.visit_ids(filter_) == by_sql.visit_ids(filter_)
    assert by_index.timeline(filter_) == by_sql.timeline(filter_)
    assert by_index.month_counts(filter_) == by_sql.month_counts(filter_)
    for facet in FACETS:
        expected = facet_counts(by_sql, filter_, facet)
        assert facet_counts(by_index, filter_, facet) == expected
        assert facet_counts(by_tally, filter_, facet) == expected


def test_facet_lists_keep_the_order_users_see(archives):
    by_sql, by_index, _ = archives
    chosen = VisitFilter(topics=frozenset({"education"}))
    for facet in FACETS:
        shown = [(v.group, v.count) for v in by_index.facet(chosen, facet)]
        assert shown == [(v.group, v.count) for v in by_sql.facet(chosen, facet)]


def test_ticking_values_under_a_search_keeps_every_facet_list_right(archives):
    """The index keeps each facet's last list for a repeated scope (ticking communes one
    after another leaves the commune list's scope alone); every list must still follow
    each change."""
    by_sql, by_index, _ = archives
    steps = [
        VisitFilter(text="chuyen doi"),
        VisitFilter(text="chuyen doi", communes=frozenset({1})),
        VisitFilter(text="chuyen doi", communes=frozenset({1, 2})),
        VisitFilter(text="chuyen doi", communes=frozenset({1, 2}), topics=frozenset({"education"})),
        VisitFilter(text="giao duc", communes=frozenset({1, 2})),
        VisitFilter(communes=frozenset({1, 2})),
    ]
    for filter_ in steps:
        for facet in FACETS:
            assert facet_counts(by_index, filter_, facet) == facet_counts(by_sql, filter_, facet)


def test_the_index_follows_visits_added_by_another_connection(tmp_path):
    path = tmp_path / "a.sqlite"
    with Archive(path) as window:
        add_visit(window, lead="Lê Văn A", date=dt.date(2025, 3, 1))
        window.load_index()
        assert len(window.visit_ids()) == 1
        with Archive(path) as importer:  # another window, or the import task
            add_visit(importer, lead="Mai Văn C", date=dt.date(2025, 4, 1), file_name="c.txt")
        assert len(window.visit_ids()) == 2
        assert [v.label for v in window.facet(VisitFilter(), "officials")] == [
            "Lê Văn A",
            "Mai Văn C",
        ]
        add_visit(window, lead="Đỗ Thị B", date=dt.date(2025, 5, 1), file_name="b.txt")
        assert window.month_counts() == [("2025-03", 1), ("2025-04", 1), ("2025-05", 1)]


def test_an_empty_archive_has_an_empty_index(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        archive.load_index()
        assert archive.timeline() == ([], [])
        assert all(archive.facet(VisitFilter(), facet) == [] for facet in FACETS)
        with pytest.raises(ValueError):
            archive.facet(VisitFilter(), "sites")


def test_a_stale_index_hands_over_to_sql_while_a_new_one_is_built_elsewhere(tmp_path):
    path = tmp_path / "a.sqlite"
    with Archive(path) as window:
        add_visit(window, lead="Lê Văn A", date=dt.date(2025, 3, 1))
        window.adopt_index(build_index(path))  # as the window's builder thread does
        asked: list[bool] = []
        window.on_stale_index = lambda: asked.append(True)
        with Archive(path) as importer:
            add_visit(importer, lead="Mai Văn C", date=dt.date(2025, 4, 1), file_name="c.txt")
        assert len(window.visit_ids()) == 2  # answered by SQL, not by the old index
        assert asked == [True]
        window.adopt_index(build_index(path))
        assert len(window.visit_ids(VisitFilter(text="Mai"))) == 1
        assert asked == [True]


def test_search_hits_map_to_every_visit_of_an_article_and_skip_unknown_articles(tmp_path):
    """The store makes one visit per article today; the index must not assume it, nor
    fail on an article stored after it was built."""
    path = tmp_path / "a.sqlite"
    with Archive(path) as archive:
        build(archive, count=12)
    index = build_index(path)
    try:
        assert len(index._matching("search_folded", '"dong"')) == 12  # "đồng chí" in each
        index._more_article_positions = {1: [11]}  # article 1 also reports the last visit
        assert list(index._matching("search_folded", '"tin"')) == [11, index.size]
        index._more_article_positions = {}
        index._article_position = index._article_position[:6]  # articles 6+ are "newer"
        assert len(index._matching("search_folded", '"dong"')) == 4  # articles 2-5
    finally:
        index.close()


def test_a_deleted_article_leaves_the_index_at_once(tmp_path):
    from viewer.core.archive.store import delete_article

    with Archive(tmp_path / "a.sqlite") as archive:
        gone, _ = add_visit(archive, lead="Lê Văn A", date=dt.date(2025, 3, 1))
        add_visit(archive, lead="Mai Văn C", date=dt.date(2025, 4, 1), file_name="c.txt")
        archive.load_index()
        with archive.batch():
            delete_article(archive.conn, gone)  # through the archive's own connection
        assert [v.label for v in archive.facet(VisitFilter(), "officials")] == ["Mai Văn C"]
        assert archive.month_counts() == [("2025-04", 1)]
        assert archive.visit_ids(VisitFilter(text="Lê Văn")) == []
