"""The main window: lays out the parts and wires them together; the parts do the work."""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

# Dialogs are named as QtWidgets.QFileDialog and QtWidgets.QMessageBox: a PySide6 class's
# Python type (and its enums) is created when first named, so not at every start.
from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QMainWindow, QSplitter, QVBoxLayout, QWidget

from viewer import APP_NAME
from viewer.core.archive import Archive, FacetValue, VisitDetail, VisitFilter
from viewer.qt import icons, output
from viewer.qt.actions import build_actions
from viewer.qt.article_view import ArticlePane
from viewer.qt.filter_chips import FilterChips
from viewer.qt.filter_panel import FilterPanel
from viewer.qt.first_answer import FirstAnswer
from viewer.qt.import_task import ImportProgress, ImportTask
from viewer.qt.month_chart import MonthChart
from viewer.qt.queries import FilterResult, run_facets, run_filter
from viewer.qt.settings import (
    DEFAULT_PROVINCE,
    LANGUAGE,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    Settings,
)
from viewer.qt.strings import number, tr
from viewer.qt.tasks import ArchiveExecutor
from viewer.qt.timeline_model import TimelineModel
from viewer.qt.timeline_view import EmptyState, TimelineView

if TYPE_CHECKING:
    from viewer.qt.import_report import ImportReportDialog

SEARCH_DEBOUNCE_MS = 200
BANNER_STYLE = "background:#fff3cd; color:#5c4400; padding:6px; border:1px solid #e0c36c;"


class MainWindow(QMainWindow):
    timeline_shown = Signal()  # a filter's timeline is shown; its facet counts follow
    results_shown = Signal()  # a filter's results, counts included, reached the widgets
    import_done = Signal(object)  # ImportReport, after the timeline was refreshed
    archive_requested = Signal(object)  # Path: app.py opens it (or reports why it cannot)

    def __init__(self, archive: Archive, settings: Settings,
                 first_answer: FirstAnswer | None = None) -> None:
        """`first_answer`: the start-up filter's answer on `archive`, asked for before this
        window was built (app.py); without it the window asks for its saved filter."""
        super().__init__()
        self.settings = settings
        self.archive = archive
        if first_answer is not None:
            self.executor = first_answer.executor
            self.executor.setParent(self)
        else:
            self.executor = ArchiveExecutor(archive.path, self)
        self.filter = VisitFilter()
        self.generation = 0
        self.result: FilterResult | None = None
        self._index_requested = False
        self._counts_after_paint = False  # the next answer's counts wait for its paint
        self.import_task: ImportTask | None = None
        self.last_report_dialog: ImportReportDialog | None = None
        self.setWindowTitle(f"{APP_NAME} — {archive.path.name}")
        self.setAcceptDrops(True)
        self._build()
        self.actions = build_actions(self, self.set_language)
        self._restore_layout()
        self._show_read_only(archive.read_only)
        if first_answer is not None:
            self.apply_filter(first_answer.filter, first_answer.future)
        else:
            self.apply_filter(settings.last_filter())

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.search = QLineEdit(placeholderText=tr("filter.search_placeholder"),
                                clearButtonEnabled=True)
        self.search.addAction(icons.icon("fa6s.magnifying-glass", color="#777"),
                              QLineEdit.ActionPosition.LeadingPosition)
        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_typed)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.chips = FilterChips()
        self.chips.filter_changed.connect(self.apply_filter)
        self.chart = MonthChart()
        self.chart.month_clicked.connect(self.jump_to_month)
        self.chart.range_selected.connect(
            lambda start, end: self.apply_filter(replace(self.filter, date_from=start,
                                                         date_to=end)))
        self.model = TimelineModel(self.archive.visit_rows, self)
        self.timeline = TimelineView(self.model)
        self.timeline.clear_filters_requested.connect(self.clear_filters)
        self.timeline.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.show_visit(self.model.visit_id_at(current.row())))
        self.filters = FilterPanel()
        self.filters.filter_changed.connect(self.apply_filter)
        self.article = ArticlePane(self.settings.hidden_kinds())
        self.article.filter_requested.connect(self.filter_by)
        self.article.kinds_changed.connect(
            lambda kinds: self.settings.set_hidden_kinds(set(self.article.legend_boxes) - kinds))
        self.banner = QLabel(wordWrap=True, styleSheet=BANNER_STYLE)
        self.banner.hide()

        middle = QWidget()
        column = QVBoxLayout(middle)
        column.setContentsMargins(4, 4, 4, 0)
        for widget in (self.banner, self.search, self.chips, self.chart):
            column.addWidget(widget)
        column.addWidget(self.timeline, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="main_splitter")
        for widget in (self.filters, middle, self.article):
            self.splitter.addWidget(widget)
        self.splitter.setSizes([300, 560, 740])
        self.splitter.setStretchFactor(2, 1)
        self.setCentralWidget(self.splitter)
        self.count_label = QLabel()
        self.progress = ImportProgress()
        self.progress.cancel_requested.connect(self.cancel_import)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.count_label)
        screen = self.screen().availableGeometry()
        self.resize(min(1600, int(screen.width() * 0.95)), min(1000, int(screen.height() * 0.95)))

    def _splitters(self) -> list[QSplitter]:
        return [self.splitter, self.filters.splitter, self.article.splitter]

    def _restore_layout(self) -> None:
        geometry = self.settings.get(WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
            self.restoreState(self.settings.get(WINDOW_STATE))
        for splitter in self._splitters():
            sizes = self.settings.splitter_sizes(splitter.objectName())
            if sizes and len(sizes) == splitter.count():
                splitter.setSizes(sizes)

    def _show_read_only(self, read_only: bool) -> None:
        self.banner.setText(tr("archive.read_only"))
        self.banner.setVisible(read_only)
        for action in (self.actions.import_files, self.actions.import_folder):
            action.setEnabled(not read_only)

    # -- filtering -----------------------------------------------------------------------
    def apply_filter(self, filter_: VisitFilter,
                     answer: Future[FilterResult] | None = None) -> None:
        """Show `filter_`: queries run on the worker; only the newest answer is shown.
        `answer`: its query, when it was asked for already (the start-up's)."""
        self.filter = filter_
        self.filters.filter = filter_  # a second click before the answer builds on this one
        if self.search.text() != filter_.text:
            self.search.blockSignals(True)
            self.search.setText(filter_.text)
            self.search.blockSignals(False)
        self.generation += 1
        generation = self.generation
        if answer is None:
            answer = self.executor.submit(lambda archive: run_filter(archive, filter_))
            if answer is None:
                return  # the window is closing
        self.executor.deliver(answer, lambda result: self._show_result(generation, result),
                              self._query_failed)

    def show_answers_already_here(self) -> None:
        """Show now the answers that reached the window during its construction (the
        start-up's first answer, asked for before it): called before the window is first
        shown, so its first paint has the timeline's rows, instead of painting the whole
        window once empty (~50 ms) and again when the queued answer is delivered.

        That answer's facet counts are asked for once the timeline has painted it: asked
        for with it, at 100,000 visits the worker counted them during the first paint,
        competing with it for the GIL and the CPU (the paint came ~25 ms later). Only the
        start-up asks for this: a window never shown (as in the tests) never paints."""
        self._counts_after_paint = True
        QCoreApplication.sendPostedEvents(self.executor, QEvent.Type.MetaCall)

    def refresh(self) -> None:
        self.apply_filter(self.filter)

    def _show_result(self, generation: int, result: FilterResult) -> None:
        if generation != self.generation:
            return  # the user changed the filter meanwhile
        shown_id = self.article.detail.row.id if self.article.detail else None
        self.result = result
        self.model.set_results(result.ids, result.month_counts, result.first_rows)
        self.filters.show_filter(result.filter)
        self.chips.show_filter(result.filter, self.filters.labels())
        self.chart.set_counts(result.chart_counts, (result.filter.date_from,
                                                    result.filter.date_to))
        self.count_label.setText(tr("status.visits", shown=number(len(result.ids)),
                                    total=number(result.total_visits)))
        if result.total_visits == 0:
            self.timeline.set_empty_state(EmptyState.EMPTY_ARCHIVE)
        elif not result.ids:
            self.timeline.set_empty_state(EmptyState.NO_MATCH)
        else:
            self.timeline.set_empty_state(EmptyState.NONE)
        row = self.model.row_of_visit(shown_id) if shown_id is not None else None
        if row is None and self.model.visit_count:
            row = self.model.row_of_position(0)
        # Selecting a row (the model was reset, so it is always a change) shows the visit
        # with the new search highlighted: rendering it here first would do it twice.
        self.article.set_search(result.filter.text, render=row is None)
        self._select_row(row)
        self.settings.set_last_filter(result.filter)
        self.timeline_shown.emit()
        # The counts are asked for now, not with the timeline: computed meanwhile, they
        # would hold the GIL while this thread lays out the answer. Skipped when stale.
        filter_ = result.filter

        def ask_counts() -> None:
            self.executor.run(
                lambda archive: (run_facets(archive, filter_)
                                 if generation == self.generation else None),
                lambda facets: self._show_facets(generation, filter_, facets),
                self._query_failed)

        if self._counts_after_paint:  # see show_answers_already_here
            self._counts_after_paint = False
            # Queued: the rest of the window is painted in the same pass as the timeline.
            self.timeline.rows_painted.connect(lambda: QTimer.singleShot(0, ask_counts),
                                               Qt.ConnectionType.SingleShotConnection)
        else:
            ask_counts()

    def _show_facets(self, generation: int, filter_: VisitFilter,
                     facets: dict[str, list[FacetValue]] | None) -> None:
        if facets is None or generation != self.generation:
            return
        self.filters.show_facets(filter_, facets)
        self.chips.show_filter(filter_, self.filters.labels())
        if not self._index_requested:
            # After the first answers, not before them: the index takes about a second
            # per 100,000 visits, then every later filter and count takes milliseconds.
            self._index_requested = True
            self.executor.build_index()
        self.results_shown.emit()

    def _query_failed(self, error: BaseException) -> None:
        self.statusBar().showMessage(str(error), 10_000)

    def _search_typed(self) -> None:
        if self.search.text() != self.filter.text:
            self.apply_filter(replace(self.filter, text=self.search.text()))

    def filter_by(self, facet: str, value: object) -> None:
        """Add `value` to `facet` (clicked in the article); clicking it again does nothing."""
        if value not in getattr(self.filter, facet):
            self.apply_filter(self.filter.toggled(facet, value))  # type: ignore[arg-type]

    def clear_filters(self) -> None:
        self.apply_filter(VisitFilter())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- the timeline and the article ----------------------------------------------------
    def _select_row(self, row: int | None) -> None:
        if row is None:
            self.timeline.selectionModel().clear()
            self.show_visit(None)
            return
        index = self.model.index(row, 0)
        self.timeline.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.timeline.scrollTo(index)

    def step_visit(self, step: int) -> None:
        current = self.timeline.currentIndex().row()
        row = self.model.neighbour_visit_row(current if current >= 0 else -1, step)
        if row is not None:
            self._select_row(row)

    def jump_to_month(self, month: str) -> None:
        row = self.model.row_of_month(month)
        if row is not None:
            self.timeline.scroll_to_row_top(row)
            self._select_row(row + 1)
            self.timeline.scroll_to_row_top(row)

    def show_visit(self, visit_id: int | None) -> None:
        # One visit in full is a handful of indexed queries (< 1 ms): fine on this thread.
        detail = self.archive.visit_detail(visit_id) if visit_id is not None else None
        self.article.show_visit(detail)

    # -- importing -----------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and not self.archive.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def choose_files_to_import(self) -> None:
        names, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self, tr("import.pick_files"), "", tr("import.file_types"))
        if names:
            self.import_paths([Path(n) for n in names])

    def choose_folder_to_import(self) -> None:
        name = QtWidgets.QFileDialog.getExistingDirectory(self, tr("import.pick_folder"))
        if name:
            self.import_paths([Path(name)])

    def import_paths(self, paths: list[Path]) -> None:
        if self.archive.read_only:
            return
        if self.import_task and self.import_task.running:
            self.statusBar().showMessage(tr("import.busy"), 5000)
            return
        task = ImportTask(self.archive.path, paths, self.settings.get(DEFAULT_PROVINCE), self)
        task.finished.connect(self._import_finished)
        task.failed.connect(self._import_failed)
        self.import_task = task
        self.progress.follow(task)
        task.start()

    def cancel_import(self) -> None:
        if self.import_task:
            self.import_task.cancel()
            self.progress.cancel.setEnabled(False)

    def _import_finished(self, report) -> None:  # type: ignore[no-untyped-def]
        from viewer.qt.import_report import ImportReportDialog, summary_text  # not at start

        self.progress.stop()
        self.statusBar().showMessage(summary_text(report), 8000)
        self.model.forget_rows()
        self.refresh()
        self.last_report_dialog = ImportReportDialog(report, self)
        self.last_report_dialog.open()  # not exec(): the window stays usable
        self.import_done.emit(report)

    def _import_failed(self, message: str) -> None:
        self.progress.stop()
        QtWidgets.QMessageBox.warning(self, tr("import.title"), tr("import.failed", error=message))

    # -- archive files, output, settings -------------------------------------------------
    def choose_archive_to_open(self) -> None:
        name, _ = QtWidgets.QFileDialog.getOpenFileName(
            self, tr("archive.pick_open"), "", tr("archive.file_types"))
        if name:
            self.archive_requested.emit(Path(name))

    def choose_archive_to_create(self) -> None:
        name, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, tr("archive.pick_new"), "archive.sqlite", tr("archive.file_types"))
        if name:
            self.archive_requested.emit(Path(name))

    def _with_filtered_visits(self, then, limit: int | None = None) -> None:  # type: ignore[no-untyped-def]
        ids = self.model.ids[:limit] if limit else list(self.model.ids)
        if not ids:
            QtWidgets.QMessageBox.information(self, APP_NAME, tr("export.nothing"))
            return
        if limit and len(self.model.ids) > limit:
            self.statusBar().showMessage(tr("print.too_many", count=number(len(self.model.ids)),
                                            limit=limit), 8000)
        output.load_details(self.executor, ids, then, self._query_failed)

    def export_csv(self) -> None:
        self._export("csv")

    def export_json(self) -> None:
        self._export("json")

    def _export(self, kind: str) -> None:
        ids = list(self.model.ids)
        if not ids:
            QtWidgets.QMessageBox.information(self, APP_NAME, tr("export.nothing"))
            return
        path = output.ask_export_path(self, kind)
        if path is None:
            return
        output.export_apart(
            self.statusBar(), self.executor, ids, path, kind,
            lambda error: QtWidgets.QMessageBox.warning(self, APP_NAME,
                                                       tr("export.failed", error=error)))

    def print_visit(self) -> None:
        if self.article.detail:
            output.print_preview(self, [self.article.detail], report=False, filter_text="")

    def print_report(self) -> None:
        describe = self.chips_text()
        self._with_filtered_visits(lambda visits: output.print_preview(
            self, visits, report=True, filter_text=describe), output.REPORT_LIMIT)

    def export_pdf(self) -> None:
        describe = self.chips_text()

        def write(visits: list[VisitDetail]) -> None:
            message = output.export_pdf(self, visits, report=len(visits) > 1,
                                        filter_text=describe)
            if message:
                self.statusBar().showMessage(message, 8000)

        self._with_filtered_visits(write, output.REPORT_LIMIT)

    def chips_text(self) -> str:
        return "; ".join(self.chips.texts)

    def choose_default_province(self) -> None:
        from viewer.qt.dialogs import choose_province  # dialogs load when first shown

        name = choose_province(self, self.settings.get(DEFAULT_PROVINCE))
        if name:
            self.settings.set(DEFAULT_PROVINCE, name)

    def set_language(self, code: str) -> None:
        self.settings.set(LANGUAGE, code)
        QtWidgets.QMessageBox.information(self, tr("menu.language"), tr("settings.restart"))

    def show_about(self) -> None:
        from viewer.qt.dialogs import show_about  # dialogs load when first shown

        show_about(self, self.archive.stats())

    # -- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set(WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(WINDOW_STATE, self.saveState())
        for splitter in self._splitters():
            self.settings.set_splitter_sizes(splitter.objectName(), splitter.sizes())
        self.settings.sync()
        self.shut_down()
        super().closeEvent(event)

    def shut_down(self) -> None:
        """Stop background work: an import is cancelled and waited for (it commits per batch)."""
        if self.import_task and self.import_task.running:
            self.import_task.cancel()
            self.import_task.wait()
        self.executor.close()
