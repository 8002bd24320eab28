"""The active filters as removable chips above the timeline, and one button to clear them all.

The chips wrap onto as many lines as they need, and a long one (a long search, a long
commune name) shows its first words: the timeline's column must never grow with them.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from viewer.core.archive import VisitFilter
from viewer.qt import icons
from viewer.qt.flow_layout import FlowLayout
from viewer.qt.strings import tr

CHIP_STYLE = """
QPushButton { border: 1px solid #9bb5d6; border-radius: 10px; background: #e8f0fb;
              padding: 2px 8px; color: #1b3a63; }
QPushButton:hover { background: #d4e3f7; }
"""


def _date(value) -> str:  # type: ignore[no-untyped-def]
    return value.strftime("%d/%m/%Y") if value else "…"


CHIP_CHARACTERS = 48  # at most, on a chip; its tooltip and `texts` keep every word


def _shortened(text: str) -> str:
    return text if len(text) <= CHIP_CHARACTERS else text[: CHIP_CHARACTERS - 1].rstrip() + "…"


class FilterChips(QWidget):
    """Shows `filter`; emits the filter with one part removed when a chip is clicked."""

    filter_changed = Signal(object)  # VisitFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = FlowLayout(self, spacing=4)
        self._layout.setContentsMargins(0, 2, 0, 2)
        self.chips: list[QPushButton] = []
        self.texts: list[str] = []  # what each chip says, in full
        self._shown: list[tuple[str, VisitFilter]] | None = None  # what the chips say now
        self.setVisible(False)

    def show_filter(self, filter_: VisitFilter, labels: dict[tuple[str, object], str]) -> None:
        """`labels` maps (facet, value) to what the user saw in the facet list."""
        chips = self._chips_of(filter_, labels)
        if chips == self._shown:
            return  # asked again when the facet counts arrive: most often nothing changed
        self._shown = chips
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.chips = []
        self.texts = [text for text, _ in chips]
        for text, without in chips:
            self._add(text, without)
        if self.chips:
            clear = QLabel(f'<a href="clear">{tr("filter.clear_all")}</a>')
            clear.linkActivated.connect(lambda _h: self.filter_changed.emit(VisitFilter()))
            self._layout.addWidget(clear)
        self.setVisible(bool(self.chips))

    @staticmethod
    def _chips_of(filter_: VisitFilter,
                  labels: dict[tuple[str, object], str]) -> list[tuple[str, VisitFilter]]:
        """(text, the filter without it) of each chip `filter_` shows."""
        chips = []
        for facet in ("officials", "communes", "topics"):
            for value in sorted(getattr(filter_, facet), key=str):
                label = labels.get((facet, value), str(value))
                chips.append((f"{tr('filter.' + facet)}: {label}", filter_.toggled(facet, value)))
        if filter_.date_from or filter_.date_to:
            chips.append((tr("filter.date_chip", start=_date(filter_.date_from),
                             end=_date(filter_.date_to)),
                          replace(filter_, date_from=None, date_to=None)))
        if filter_.text.strip():
            chips.append((tr("filter.text_chip", text=filter_.text.strip()),
                          replace(filter_, text="")))
        return chips

    def _add(self, text: str, without: VisitFilter) -> None:
        chip = QPushButton(icons.icon("fa6s.xmark", color="#1b3a63"), _shortened(text))
        chip.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the close icon after the words
        chip.setStyleSheet(CHIP_STYLE)
        chip.setCursor(Qt.CursorShape.PointingHandCursor)
        shortened = _shortened(text) != text
        chip.setToolTip(f"{text}\n{tr('filter.remove_tip')}" if shortened
                        else tr("filter.remove_tip"))
        chip.clicked.connect(lambda _checked=False: self.filter_changed.emit(without))
        self._layout.addWidget(chip)
        self.chips.append(chip)
