"""Every screen of the dialogs, wizards and settings renders (the screenshot script, into a
temporary folder), and every control in them can be reached and named by assistive technology:
a text, an accessible name, or a label that is its buddy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.dialogs import screens
from tests.ui.dialogs.screenshots import render


def test_every_screen_renders(qtbot: QtBot, tmp_path: Path) -> None:
    files = render(tmp_path)
    assert {f.stem for f in files} == set(screens.SCREENS)
    for f in files:
        image = QImage(str(f))
        assert not image.isNull() and image.width() >= 500, f.name
        # not a blank picture: many different colours were drawn
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 8, f.name


def _buddied(root: QWidget) -> set[int]:
    return {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}


def _named(w: QWidget, buddies: set[int]) -> bool:
    if w.accessibleName():
        return True
    if isinstance(w, QAbstractButton) and (w.text().replace("&", "").strip()):
        return True
    return id(w) in buddies


@pytest.mark.parametrize("name", sorted(screens.SCREENS))
def test_controls_are_named_and_focusable(qtbot: QtBot, name: str) -> None:
    make, width, height = screens.SCREENS[name]
    root = make()
    qtbot.addWidget(root)
    root.resize(width, height)
    root.show()
    buddies = _buddied(root)
    kinds = (QAbstractButton, QLineEdit, QAbstractItemView, QComboBox, QAbstractSpinBox)
    unnamed = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, kinds) or not w.isVisibleTo(root):
            continue
        if type(w).__name__ in ("QScrollBar", "QHeaderView") or w.objectName().startswith("qt_"):
            continue
        focusable = isinstance(w, QAbstractItemView) or (w.focusPolicy() != Qt.FocusPolicy.NoFocus)
        if focusable and not _named(w, buddies):
            unnamed.append(f"{type(w).__name__} {w.objectName()!r} {w.toolTip()!r}")
    root.close()
    assert unnamed == [], f"{name}: controls without a name: {unnamed}"
