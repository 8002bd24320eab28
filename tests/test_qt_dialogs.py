"""Qt's standard dialogs speak the window's language: Vietnamese buttons in a Vietnamese window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
)

from viewer.qt.app import install_translators
from viewer.qt.strings import set_language


@pytest.fixture
def translators(qapp):  # type: ignore[no-untyped-def]
    """Install the translators for a language as run_app does; removed after the test."""
    installed = []

    def install(language: str) -> None:
        set_language(language)
        installed.extend(install_translators(qapp, language))

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)
    set_language("vi")


def _buttons_of_the_box_shown_by(qtbot, show) -> list[str]:  # type: ignore[no-untyped-def]
    """Run `show` (which opens a modal box), read the box's buttons, then close it."""
    texts: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)  # not up yet
            return
        texts.extend(b.text() for b in box.findChildren(QPushButton) if b.isVisible())
        box.done(0)

    QTimer.singleShot(0, read_and_close)
    show()
    return texts


def test_the_about_box_says_dong_y_in_a_vietnamese_window(qtbot, make_window, seeds_archive,
                                                         translators):
    translators("vi")
    window = make_window(seeds_archive)
    assert _buttons_of_the_box_shown_by(qtbot, window.show_about) == ["Đồng ý"]


def test_the_about_box_says_ok_in_an_english_window(qtbot, make_window, seeds_archive,
                                                     translators):
    translators("en")
    window = make_window(seeds_archive)
    assert _buttons_of_the_box_shown_by(qtbot, window.show_about) == ["OK"]


def test_yes_no_and_cancel_are_vietnamese(qtbot, translators):
    translators("vi")
    buttons = QMessageBox.StandardButton

    texts = _buttons_of_the_box_shown_by(qtbot, lambda: QMessageBox.question(
        None, "?", "?", buttons.Yes | buttons.No | buttons.Cancel))
    assert sorted(texts) == sorted(["&Có", "&Không", "Hủy"])


def test_qts_own_file_dialog_labels_are_vietnamese(qtbot, translators):
    translators("vi")
    dialog = QFileDialog(None, "Chọn bài báo để nhập")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Tìm tr&ong:", "&Tên tệp:", "&Loại tệp:"} <= labels
    buttons = {button.text() for button in dialog.findChildren(QPushButton)}
    assert {"&Mở", "Hủy"} <= buttons
    tips = {button.toolTip() for button in dialog.findChildren(QToolButton)}
    assert {"Lùi", "Thư mục cha", "Tạo thư mục mới"} <= tips
