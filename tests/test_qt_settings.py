"""Settings, translations and the application's start-up choices."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QProgressBar

from viewer.core.archive import VisitFilter
from viewer.qt import strings
from viewer.qt.app import Application, start_path
from viewer.qt.dialogs import ArchiveChoice, province_names
from viewer.qt.settings import DEFAULT_PROVINCE, LANGUAGE, LAST_ARCHIVE, Settings
from viewer.qt.strings import tr


def test_settings_round_trip_through_the_ini_file(settings, tmp_path):
    chosen = VisitFilter(officials=frozenset({3, 1}), communes=frozenset({7}),
                         topics=frozenset({"education"}), date_from=dt.date(2025, 7, 1),
                         date_to=None, text="biện thượng")
    settings.set_last_filter(chosen)
    settings.set(DEFAULT_PROVINCE, "Nghệ An")
    settings.set_splitter_sizes("main_splitter", [300, 500, 700])
    settings.set_hidden_kinds({"caption", "date"})
    settings.sync()
    again = Settings.from_file(tmp_path / "settings.ini")
    assert again.last_filter() == chosen
    assert again.get(DEFAULT_PROVINCE) == "Nghệ An"
    assert again.get(LANGUAGE) == "vi"  # the declared default
    assert again.splitter_sizes("main_splitter") == [300, 500, 700]
    assert again.hidden_kinds() == {"caption", "date"}
    assert "[meta]\nversion=1" in (tmp_path / "settings.ini").read_text(encoding="utf-8")


def test_a_damaged_settings_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "broken.ini"
    path.write_text("[archive]\nlast_filter={not json\n[window]\nsplitter\\main=oops\n",
                    encoding="utf-8")
    settings = Settings.from_file(path)
    assert settings.last_filter() == VisitFilter()
    assert settings.splitter_sizes("main") == []


def test_every_string_exists_in_both_languages_and_formats():
    for key, (vi, en) in strings.STRINGS.items():
        assert vi.strip() and en.strip(), key
    try:
        strings.set_language("en")
        assert strings.tr("timeline.month_header", month=12, year=2025, count=2) == \
            "12/2025 — 2 visits"
        strings.set_language("xx")  # unknown: Vietnamese first
        assert strings.tr("timeline.month_header", month=12, year=2025, count=2) == \
            "Tháng 12/2025 — 2 chuyến"
    finally:
        strings.set_language("vi")


def test_the_34_provinces_are_offered_by_the_names_the_importer_uses():
    names = province_names()
    assert len(names) == 34
    assert "Thanh Hóa" in names and "Hà Nội" in names
    assert not any(n.startswith(("Tỉnh", "Thành phố")) for n in names)


def test_start_path_prefers_the_argument_then_the_last_archive(settings, tmp_path):
    last = tmp_path / "last.sqlite"
    assert start_path(None, settings) is None  # nothing yet: the default archive
    settings.set(LAST_ARCHIVE, str(last))
    assert start_path(None, settings) is None  # remembered but gone
    last.write_bytes(b"")
    assert start_path(None, settings) == last
    assert start_path(tmp_path / "asked.sqlite", settings) == tmp_path / "asked.sqlite"


def test_an_archive_that_cannot_be_opened_offers_the_default(qtbot, settings, tmp_path,
                                                             monkeypatch, private_user_dirs):
    not_an_archive = tmp_path / "notes.sqlite"
    not_an_archive.write_text("these are not the droids", encoding="utf-8")
    messages: list[str] = []

    def answer(parent, message: str) -> ArchiveChoice:  # type: ignore[no-untyped-def]
        messages.append(message)
        return ArchiveChoice.USE_DEFAULT

    monkeypatch.setattr("viewer.qt.dialogs.archive_error", answer)
    application = Application(settings)
    try:
        assert application.open(not_an_archive)
        assert "notes.sqlite" in messages[0]
        # The default archive was created (in tmp) with the sample articles, and opened.
        assert application.archive.path.parent == private_user_dirs
        qtbot.waitUntil(lambda: application.window.model.visit_count == 2, timeout=20_000)
    finally:
        application.close()


def test_quitting_from_the_error_opens_nothing(qtbot, settings, tmp_path, monkeypatch):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00" * 100)
    monkeypatch.setattr("viewer.qt.dialogs.archive_error", lambda *_: ArchiveChoice.QUIT)
    application = Application(settings)
    assert not application.open(bad)
    assert application.window is None


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_export_writes_the_filtered_visits(qtbot, make_window, seeds_archive, tmp_path,
                                           monkeypatch, kind):
    window = make_window(seeds_archive)
    out = tmp_path / f"out.{kind}"
    monkeypatch.setattr("viewer.qt.output.ask_export_path", lambda *_: out)
    window._export(kind)
    status = window.statusBar()
    running = status.currentMessage()  # said at once: a big export takes a while
    assert running == tr("export.running", count=2, path=out)
    bars = lambda: status.findChildren(QProgressBar, "export_progress")  # noqa: E731
    assert [bar.maximum() for bar in bars()] == [2]
    qtbot.waitUntil(lambda: status.currentMessage() == tr("export.done", count=2, path=out),
                    timeout=10_000)
    qtbot.waitUntil(lambda: not bars())  # gone once done
    text = out.read_text(encoding="utf-8-sig")
    assert "Biện Thượng" in text and "Thiệu Hóa" in text


def test_print_actions_hand_the_visit_to_the_printing_module(qtbot, make_window, seeds_archive,
                                                             monkeypatch):
    window = make_window(seeds_archive)
    printed: list[tuple[int, bool]] = []
    monkeypatch.setattr("viewer.qt.printing.print_preview",
                        lambda parent, visits, *, report, filter_text="":
                        printed.append((len(visits), report)))
    window.actions.print_visit.trigger()
    window.actions.print_report.trigger()
    qtbot.waitUntil(lambda: len(printed) == 2, timeout=10_000)
    assert printed == [(1, False), (2, True)]


def test_counts_are_grouped_as_each_language_writes_them():
    assert strings.tr("status.visits", shown=strings.number(43215),
                      total=strings.number(100000)) == "43.215 / 100.000 chuyến"
    strings.set_language("en")
    try:
        assert strings.tr("export.done", count=strings.number(1234567), path="a.csv") == (
            "Exported 1,234,567 visits to a.csv")
        assert strings.number(999) == "999"
    finally:
        strings.set_language("vi")
