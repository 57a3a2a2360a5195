"""The tray against a real tray host: Xvfb + trayer, run by ``scripts/run-tray-tests``
(marker ``tray``; skipped by the main test command, which runs offscreen)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from desktop.sync.commands import SyncNow
from desktop.sync.views import EngineState
from desktop.ui.tray import NoTrayNotice, TrayController, attach_tray, tray_available
from tests.ui.dialogs import tray_cases as cases
from tests.ui.dialogs.conftest import Recorder

pytestmark = pytest.mark.tray


@pytest.fixture
def tray_host(qtbot: QtBot) -> None:
    if QApplication.platformName() != "xcb":
        pytest.skip("needs an X display with a tray host: run scripts/run-tray-tests")
    qtbot.waitUntil(tray_available, timeout=10000)


@pytest.fixture
def tray(qtbot: QtBot, tray_host: None, submitted: Recorder) -> Iterator[TrayController]:
    window = QMainWindow()
    qtbot.addWidget(window)
    controller = attach_tray(window, submitted, on_quit=lambda: None, derive_notifications=True)
    assert controller is not None, "a tray host is running: attach_tray must use it"
    assert window.findChildren(NoTrayNotice) == []
    qtbot.waitUntil(
        lambda: controller.icon.geometry().isValid() and controller.icon.geometry().width() > 0,
        timeout=10000,
    )
    yield controller
    controller.hide()  # leave the tray empty for the next test
    controller.deleteLater()
    qtbot.wait(50)


def test_icon_is_in_the_tray(tray: TrayController) -> None:
    assert tray.icon.isVisible()
    assert QSystemTrayIcon.isSystemTrayAvailable()
    geometry = tray.icon.geometry()
    assert 8 <= geometry.width() <= 128


def test_one_icon_per_state(tray: TrayController) -> None:
    cases.check_one_icon_per_state(tray)


def test_tooltip(tray: TrayController) -> None:
    cases.check_tooltip_counts(tray)


def test_menu_pops_up_from_the_icon(
    qtbot: QtBot, tray: TrayController, submitted: Recorder
) -> None:
    tray.on_status(cases.status(EngineState.SYNCING, uploading=3, downloading=1, pending=12))
    tray.on_history([cases.entry(i) for i in range(5)])
    geometry = tray.icon.geometry()
    tray.menu.popup(geometry.bottomLeft() + QPoint(0, 2))
    qtbot.waitUntil(tray.menu.isVisible)
    assert tray.menu.geometry().intersects(QApplication.primaryScreen().geometry())
    out = Path(__file__).resolve().parents[3] / "docs" / "screenshots"
    # the screenshot of the tray and its menu, for the docs
    if out.is_dir() and os.environ.get("PROLEGIS_SCREENSHOTS") == "1":
        recent = tray.menu.actionGeometry(tray.recent_menu.menuAction())
        size = tray.recent_menu.sizeHint()
        tray.recent_menu.popup(tray.menu.mapToGlobal(recent.topLeft()) - QPoint(size.width(), 0))
        qtbot.waitUntil(tray.recent_menu.isVisible)
        qtbot.wait(300)
        screen = QApplication.primaryScreen().geometry()
        left = min(tray.menu.x(), tray.recent_menu.x()) - 12
        bottom = max(tray.menu.geometry().bottom(), tray.recent_menu.geometry().bottom()) + 12
        shot = QApplication.primaryScreen().grabWindow(
            0, left, 0, screen.right() - left + 1, bottom
        )
        shot.save(str(out / "tray-menu.png"))
        tray.recent_menu.hide()
    tray.sync_action.trigger()
    tray.menu.hide()
    assert submitted.commands == [SyncNow()]


def test_menu_actions(tray: TrayController, submitted: Recorder) -> None:
    cases.check_menu(tray, submitted)


def test_notifications(tray: TrayController) -> None:
    assert QSystemTrayIcon.supportsMessages() in (True, False)
    cases.check_notifications(tray)
