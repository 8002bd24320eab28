"""The `viewer` command line as a user runs it: import, list visits, re-import, bad options."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def viewer(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "VIEWER_DATA_DIR": str(data_dir),
        "PATH": "/usr/bin:/bin",
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [sys.executable, "-m", "viewer", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "a.sqlite")


def test_import_seeds_then_list_visits_as_json(db, tmp_path):
    imported = viewer("import", "data", "--db", db, "--json", data_dir=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert len(json.loads(imported.stdout)["imported"]) == 2
    listed = viewer("visits", "--db", db, "--json", data_dir=tmp_path)
    visits = json.loads(listed.stdout)
    assert [v["date"] for v in visits] == ["2025-12-22", "2025-12-12"]
    assert all(v["lead"]["name"] == "Nguyễn Hồng Phong" for v in visits)
    assert {c["name"] for c in visits[0]["communes"] if c["visited"]} == {
        "Thiệu Trung",
        "Thiệu Hóa",
    }
    assert all(c["province"] == "Thanh Hóa" for v in visits for c in v["communes"])
    again = viewer("import", "data", "--db", db, data_dir=tmp_path)
    assert "0 imported, 2 duplicates, 0 failed" in again.stdout


def test_filters_by_commune_typed_without_tones(db, tmp_path):
    viewer("import", "data", "--db", db, data_dir=tmp_path)
    out = viewer("visits", "--db", db, "--commune", "thieu hoa", data_dir=tmp_path).stdout
    assert "2025-12-22" in out and "2025-12-12" not in out
    text = viewer("visits", "--db", db, "--query", "phu trinh", "--json", data_dir=tmp_path).stdout
    assert [v["date"] for v in json.loads(text)] == ["2025-12-12"]


def test_unknown_names_and_bad_dates_get_a_clear_message(db, tmp_path):
    viewer("import", "data", "--db", db, data_dir=tmp_path)
    nobody = viewer("visits", "--db", db, "--official", "Trần Không Có", data_dir=tmp_path)
    assert "No official in the archive matches" in nobody.stderr
    bad = viewer("visits", "--db", db, "--from", "12/13/2025", data_dir=tmp_path)
    assert bad.returncode == 2 and "is not a date" in bad.stderr


def test_first_use_creates_the_default_archive_from_the_samples(tmp_path):
    listed = viewer("visits", "--json", data_dir=tmp_path)
    assert len(json.loads(listed.stdout)) == 2
    assert (tmp_path / "archive.sqlite").exists()


def test_version_and_an_unopenable_archive(tmp_path):
    assert viewer("--version", data_dir=tmp_path).stdout.startswith("viewer ")
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database" * 100)
    result = viewer("visits", "--db", str(junk), data_dir=tmp_path)
    assert result.returncode == 2 and "junk.sqlite" in result.stderr


def test_sample_articles_are_recorded_by_name_not_by_install_path(tmp_path):
    listed = json.loads(viewer("visits", "--json", data_dir=tmp_path).stdout)
    files = [f for v in listed for f in v["article"]["files"]]
    assert sorted(files) == ["data/000_172bc57fb8c9c5e3.txt", "data/004_e25b7a6582c1cd78.txt"]


def test_files_given_without_a_command_are_opened_in_the_window(tmp_path):
    from viewer.cli import _files_to_open

    article = tmp_path / "bài.txt"
    article.write_text("x")
    assert _files_to_open([str(article)]) == [article]
    assert _files_to_open(["visits", "--json"]) == []
    assert _files_to_open([str(tmp_path / "missing.txt")]) == []  # argparse explains


def test_version_does_not_load_the_import_pipeline(tmp_path):
    code = (
        "import sys, viewer.cli as c; c.main(['stats', '--db', sys.argv[1]]); "
        "print('trafilatura' in sys.modules, 'viewer.core.extract' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "a.sqlite")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert out.strip().endswith("False False")
