"""Small dialogs: About, the default province, an archive that cannot be opened."""

from __future__ import annotations

import html
from enum import Enum

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from viewer import APP_NAME, __version__
from viewer.core.archive import ArchiveStats
from viewer.qt.strings import tr


def province_names() -> list[str]:
    """The 34 provinces as the importer names them: "Thanh Hóa", "Hà Nội" (no "Tỉnh")."""
    from vietnam_provinces import Province  # 0.1 s to import: not at the window's start

    names = []
    for province in Province.iter_all():
        name = province.name
        for prefix in ("Thành phố ", "Tỉnh "):
            name = name.removeprefix(prefix)
        names.append(name)
    return sorted(names)


def choose_province(parent: QWidget, current: str) -> str | None:
    names = province_names()
    index = names.index(current) if current in names else 0
    name, ok = QInputDialog.getItem(parent, tr("settings.province_title"),
                                    tr("settings.province_label"), names, index, False)
    return name if ok else None


def show_about(parent: QWidget, stats: ArchiveStats) -> None:
    def day(value) -> str:  # type: ignore[no-untyped-def]
        return value.strftime("%d/%m/%Y") if value else "—"

    text = tr("about.text", app=html.escape(APP_NAME), version=__version__,
              path=html.escape(stats.path), articles=stats.articles, visits=stats.visits,
              officials=stats.officials, communes=stats.communes, first=day(stats.first_visit),
              last=day(stats.last_visit), schema=stats.schema_version)
    QMessageBox.about(parent, tr("about.title"), text)


class ArchiveChoice(Enum):
    OPEN_OTHER = 1
    USE_DEFAULT = 2
    QUIT = 3


def archive_error(parent: QWidget | None, message: str) -> ArchiveChoice:
    """Tell the user why the archive cannot be opened and ask what to do instead."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("archive.cannot_open"), message,
                      parent=parent)
    other = box.addButton(tr("archive.open_other"), QMessageBox.ButtonRole.AcceptRole)
    default = box.addButton(tr("archive.use_default"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(tr("import.cancel"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if clicked is other:
        return ArchiveChoice.OPEN_OTHER
    if clicked is default:
        return ArchiveChoice.USE_DEFAULT
    return ArchiveChoice.QUIT
