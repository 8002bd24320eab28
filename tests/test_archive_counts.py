"""Facet counts read from the kept totals equal counts taken from the link rows, always."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.factories import add_visit
from viewer.core.archive import Archive, VisitFilter
from viewer.core.archive.store import delete_article

FACETS = ("officials", "communes", "topics")


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        yield archive


def counted(archive: Archive, facet: str) -> dict[object, int]:
    """Counts under a filter that admits every visit: computed from the link rows."""
    everything = VisitFilter(date_from=dt.date(1900, 1, 1))
    undated = [v for v in archive.visit_ids() if archive.visit_rows([v])[v].date is None]
    assert not undated, "the comparison filter needs dated visits"
    return {v.id: v.count for v in archive.facet(everything, facet)}


def kept(archive: Archive, facet: str) -> dict[object, int]:
    return {v.id: v.count for v in archive.facet(VisitFilter(), facet)}


def test_kept_counts_follow_imports_and_deletes(archive):
    add_visit(archive, lead="Lê Văn A", topics=("education",), date=dt.date(2025, 1, 2))
    article, _ = add_visit(
        archive, lead="Lê Văn A", others=("Đỗ Thị B",), topics=("education", "craft_villages"),
        communes=(("Biện Thượng", 16000), ("Vĩnh Lộc", 16001)), date=dt.date(2025, 2, 3),
    )
    add_visit(archive, lead="Mai Văn C", date=dt.date(2025, 3, 4))
    for facet in FACETS:
        assert kept(archive, facet) == counted(archive, facet)
    with archive.batch():
        delete_article(archive.conn, article)  # cascades to the link rows
    for facet in FACETS:
        assert kept(archive, facet) == counted(archive, facet)
    assert sorted(kept(archive, "officials").values()) == [1, 1]


def test_a_value_no_visit_uses_any_more_is_not_offered(archive):
    article, _ = add_visit(archive, lead="Lê Văn A", topics=("education",))
    with archive.batch():
        delete_article(archive.conn, article)
    assert all(kept(archive, facet) == {} for facet in FACETS)
