"""The tray menu in French against a real tray host (Xvfb + trayer, ``scripts/run-tray-tests``;
marker ``tray``): its words, and the picture ``docs/screenshots/fr/tray-menu.png``."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from desktop.sync.views import EngineState
from desktop.ui.tray import TrayController, attach_tray, tray_available
from tests.ui import sample_data as sd
from tests.ui.dialogs import tray_cases as cases

pytestmark = pytest.mark.tray


@pytest.fixture
def tray(qtbot: QtBot, french: None) -> Iterator[TrayController]:
    if QApplication.platformName() != "xcb":
        pytest.skip("needs an X display with a tray host: run scripts/run-tray-tests")
    qtbot.waitUntil(tray_available, timeout=10000)
    window = QMainWindow()
    qtbot.addWidget(window)
    controller = attach_tray(window, lambda _c: None, on_quit=lambda: None)
    assert controller is not None
    qtbot.waitUntil(lambda: controller.icon.geometry().width() > 0, timeout=10000)
    yield controller
    controller.hide()
    controller.deleteLater()
    qtbot.wait(50)


def test_french_tray_menu(qtbot: QtBot, tray: TrayController) -> None:
    tray.on_status(cases.status(EngineState.SYNCING, uploading=3, downloading=1, pending=12))
    history = sd.make_history(5)  # the engine's own lines, said in French
    tray.on_history(history)
    assert tray.open_action.text() == "&Ouvrir Prolegis Desktop"
    assert tray.recent_menu.title() == "&Activité récente"
    recent = [a.text() for a in tray.recent_menu.actions()]
    assert len(recent) == len(history)
    assert not any(e.message in text for e, text in zip(reversed(history), recent, strict=True))
    assert "dossiers" in tray.tooltip()
    screen = QApplication.primaryScreen().geometry()
    menu_size = tray.menu.sizeHint()
     # under the tray (top right), the menu's right edge on the screen's
    tray.menu.popup(QPoint(screen.right() - menu_size.width() - 8, 36))
    qtbot.waitUntil(tray.menu.isVisible)
    out = Path(__file__).resolve().parents[3] / "docs" / "screenshots" / "fr"
    # the picture for the docs: the menu, "Recent activity" open on its left
    if out.is_dir() and os.environ.get("PROLEGIS_SCREENSHOTS") == "1":
        recent = tray.menu.actionGeometry(tray.recent_menu.menuAction())
        size = tray.recent_menu.sizeHint()
        tray.recent_menu.popup(tray.menu.mapToGlobal(recent.topLeft()) - QPoint(size.width(), 0))
        qtbot.waitUntil(tray.recent_menu.isVisible)
        qtbot.wait(300)
        left = min(tray.menu.x(), tray.recent_menu.x()) - 12
        bottom = max(tray.menu.geometry().bottom(), tray.recent_menu.geometry().bottom()) + 12
        shot = QApplication.primaryScreen().grabWindow(
            0, left, 0, screen.right() - left + 1, bottom
        )
        shot.save(str(out / "tray-menu.png"))
        tray.recent_menu.hide()
    tray.menu.hide()
