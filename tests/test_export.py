"""Exports stream a chunk at a time, equal the in-memory CSV, and never leave half a file."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.factories import add_visit
from viewer.core import export
from viewer.core.archive import Archive


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        for name in ("Lê Văn A", "Mai Văn C", "Đỗ Thị Toán"):
            add_visit(archive, lead=name, file_name=f"{name}.txt")
        yield archive


def test_a_csv_export_written_in_chunks_equals_the_csv_built_at_once(
    archive, tmp_path, monkeypatch
):
    monkeypatch.setattr(export, "EXPORT_CHUNK", 2)
    ids = archive.visit_ids()
    path = tmp_path / "out.csv"
    heard = []
    assert export.export_visits(archive, ids, path, "csv", heard.append) == 3
    assert heard == [2, 3]  # after each chunk, so a window can show how far it got
    with path.open(encoding="utf-8-sig", newline="") as file:  # keep csv's \r\n
        written = file.read()
    assert written == export.visits_to_csv(archive.visit_details(ids))
    rows = list(csv.reader(io.StringIO(written)))
    assert [r[4] for r in rows[1:]] == ["Đỗ Thị Toán", "Mai Văn C", "Lê Văn A"]


def test_a_json_export_is_the_documented_list(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(export, "EXPORT_CHUNK", 2)
    ids = archive.visit_ids()
    path = tmp_path / "out.json"
    assert export.export_visits(archive, ids, path, "json") == 3
    visits = json.loads(path.read_text(encoding="utf-8"))
    assert visits == [export.visit_to_dict(v) for v in archive.visit_details(ids)]


def test_a_failed_export_leaves_no_file_behind(archive, tmp_path, monkeypatch):
    path = tmp_path / "out.csv"
    path.write_text("the user's older export")

    def broken(ids, **_):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(archive, "visit_details", broken)
    with pytest.raises(OSError, match="disk full"):
        export.export_visits(archive, archive.visit_ids(), path, "csv")
    assert path.read_text() == "the user's older export"
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []
