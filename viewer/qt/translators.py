"""Qt's own words (OK, Cancel, the file dialog's labels) in the user's language.

Apart from the dialogs (viewer.qt.dialogs) because every start installs a translator, and
the dialogs themselves are only loaded when one is first shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from viewer.qt.strings import QT_VIETNAMESE


class QtWordsInVietnamese(QTranslator):
    """Qt's own words (OK, Cancel, Yes, No, the file dialog's labels) in Vietnamese.

    PySide6 ships no qtbase_vi.qm, and a .qm would be a generated file to build and bundle;
    a translator answering from `QT_VIETNAMESE` needs neither.
    """

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return QT_VIETNAMESE.get((context, source_text), "")  # "": Qt keeps its own text

    def isEmpty(self) -> bool:
        return False


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Qt's standard dialogs in `language`: Qt's own translation when the Qt we run with
    ships one (qtbase_<language>.qm), else, for Vietnamese, ours. Returns what was installed
    (kept alive by the caller; a test removes them again)."""
    if language == "en":
        return []
    official = QTranslator()
    if official.load(f"qtbase_{language}",
                     QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        official.setParent(app)  # the application keeps it alive
        installed: QTranslator = official
    elif language == "vi":
        installed = QtWordsInVietnamese(app)
    else:
        return []
    app.installTranslator(installed)
    return [installed]
