"""The window's actions, menus, toolbar and shortcuts, declared in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from viewer.qt import icons
from viewer.qt.strings import LANGUAGES, language, tr


@dataclass
class Actions:
    """The window's actions, as its menus, toolbar and tests reach them."""

    import_files: QAction
    import_folder: QAction
    open_archive: QAction
    new_archive: QAction
    export_csv: QAction
    export_json: QAction
    print_visit: QAction
    print_report: QAction
    export_pdf: QAction
    quit: QAction
    find: QAction
    next_visit: QAction
    previous_visit: QAction
    clear_filters: QAction
    default_province: QAction
    about: QAction
    languages: QActionGroup


def _action(window: QMainWindow, key: str, icon: str | None, shortcuts: list[str],
            slot: Callable[[], object]) -> QAction:
    action = QAction(tr(key), window)
    if icon:
        action.setIcon(icons.icon(icon))
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setToolTip(f"{tr(key)} ({shortcuts[0]})")
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work wherever the focus is
    return action


def build_actions(window, on_language: Callable[[str], None]) -> Actions:  # type: ignore[no-untyped-def]
    """Create the actions wired to `window`'s slots, and the menus and toolbar holding them."""
    w = window
    actions = Actions(
        import_files=_action(w, "action.import_files", "fa6s.file-import",
                             ["Ctrl+I", "Ctrl+O"], w.choose_files_to_import),
        import_folder=_action(w, "action.import_folder", "fa6s.folder-open",
                              ["Ctrl+Shift+I"], w.choose_folder_to_import),
        open_archive=_action(w, "action.open_archive", "fa6s.database", ["Ctrl+Shift+O"],
                             w.choose_archive_to_open),
        new_archive=_action(w, "action.new_archive", "fa6s.folder-plus", ["Ctrl+Shift+N"],
                            w.choose_archive_to_create),
        export_csv=_action(w, "action.export_csv", "fa6s.file-csv", [], w.export_csv),
        export_json=_action(w, "action.export_json", "fa6s.file-code", [], w.export_json),
        print_visit=_action(w, "action.print", "fa6s.print", ["Ctrl+P"], w.print_visit),
        print_report=_action(w, "action.print_report", None, ["Ctrl+Shift+P"], w.print_report),
        export_pdf=_action(w, "action.export_pdf", "fa6s.file-pdf", ["Ctrl+E"], w.export_pdf),
        quit=_action(w, "action.quit", None, ["Ctrl+Q"], w.close),
        find=_action(w, "action.find", "fa6s.magnifying-glass", ["Ctrl+F"], w.focus_search),
        next_visit=_action(w, "action.next_visit", "fa6s.arrow-down", ["Alt+Down", "J"],
                           lambda: w.step_visit(1)),
        previous_visit=_action(w, "action.previous_visit", "fa6s.arrow-up", ["Alt+Up", "K"],
                               lambda: w.step_visit(-1)),
        clear_filters=_action(w, "action.clear_filters", "fa6s.filter-circle-xmark",
                              ["Ctrl+Shift+X"], w.clear_filters),
        default_province=_action(w, "action.default_province", "fa6s.gear", [],
                                 w.choose_default_province),
        about=_action(w, "action.about", "fa6s.circle-info", ["F1"], w.show_about),
        languages=QActionGroup(w),
    )
    bar = w.menuBar()
    file_menu = bar.addMenu(tr("menu.file"))
    for action in (actions.import_files, actions.import_folder, None, actions.open_archive,
                   actions.new_archive, None, actions.export_csv, actions.export_json,
                   actions.export_pdf, None, actions.print_visit, actions.print_report, None,
                   actions.quit):
        file_menu.addSeparator() if action is None else file_menu.addAction(action)
    view_menu = bar.addMenu(tr("menu.view"))
    view_menu.addAction(actions.find)
    view_menu.addAction(actions.clear_filters)
    view_menu.addSeparator()
    view_menu.addAction(actions.default_province)
    language_menu = view_menu.addMenu(icons.icon("fa6s.language"), tr("menu.language"))
    for code, name in LANGUAGES.items():
        choice = QAction(name, w, checkable=True, checked=code == language())
        choice.triggered.connect(lambda _checked=False, code=code: on_language(code))
        actions.languages.addAction(choice)
        language_menu.addAction(choice)
    go_menu = bar.addMenu(tr("menu.go"))
    go_menu.addAction(actions.next_visit)
    go_menu.addAction(actions.previous_visit)
    help_menu = bar.addMenu(tr("menu.help"))
    help_menu.addAction(actions.about)

    toolbar = QToolBar("main", w, objectName="main_toolbar", movable=False)
    # Words beside the icons: a new user should not have to hover to find "Import".
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in (actions.import_files, actions.import_folder, None, actions.print_visit,
                   actions.export_pdf, None, actions.previous_visit, actions.next_visit, None,
                   actions.clear_filters):
        toolbar.addSeparator() if action is None else toolbar.addAction(action)
    w.addToolBar(toolbar)
    return actions
