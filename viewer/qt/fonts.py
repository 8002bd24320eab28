"""The bundled Noto Sans font (resources/fonts): registered once so Vietnamese prints anywhere.

Machines differ in which fonts they have and how well those cover Vietnamese (stacked tone
marks such as ộ, ầ, ế); printing with a bundled family makes every PDF look the same and
embed a font that has every glyph.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase

from viewer.core.summary_html import DEFAULT_FAMILY
from viewer.resources import resource_path

FONT_FILES = (
    "NotoSans-Regular.ttf",
    "NotoSans-Bold.ttf",
    "NotoSans-Italic.ttf",
    "NotoSans-BoldItalic.ttf",
)

log = logging.getLogger(__name__)
_registered: str | None = None


def register_bundled_fonts() -> str:
    """Add the bundled fonts to Qt (needs a QGuiApplication) and return their family name.

    Safe to call more than once. If the files are missing (a broken install), returns the
    family name anyway: Qt then falls back to a system font, which is better than no PDF.
    """
    global _registered
    if _registered is not None:
        return _registered
    family = DEFAULT_FAMILY
    for name in FONT_FILES:
        path = resource_path("fonts", name)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("could not load the bundled font %s", path)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        if families:
            family = families[0]
    _registered = family
    return family
