"""The tray controller's icon per state, tooltip, menu and notifications (offscreen: Qt has no
tray there, but the controller's icon, menu and messages exist), and the no-tray fallback: the
main window opens with a notice saying why, and closing it quits."""

from __future__ import annotations

from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from desktop.ui.main_window import MainWindow
from desktop.ui.tray import NoTrayNotice, TrayController, attach_tray, tray_available
from tests.ui.dialogs import tray_cases as cases
from tests.ui.dialogs.conftest import Recorder


def _tray(qtbot: QtBot, submitted: Recorder) -> TrayController:
    tray = TrayController(submitted)
    return tray


def test_offscreen_has_no_tray() -> None:
    assert not tray_available()
    assert not QSystemTrayIcon.isSystemTrayAvailable()


def test_one_icon_per_state(qtbot: QtBot, submitted: Recorder) -> None:
    cases.check_one_icon_per_state(_tray(qtbot, submitted))


def test_tooltip_has_counts(qtbot: QtBot, submitted: Recorder) -> None:
    cases.check_tooltip_counts(_tray(qtbot, submitted))


def test_menu(qtbot: QtBot, submitted: Recorder) -> None:
    cases.check_menu(_tray(qtbot, submitted), submitted)


def test_notifications(qtbot: QtBot, submitted: Recorder) -> None:
    cases.check_notifications(_tray(qtbot, submitted))


def test_no_tray_opens_the_window_with_a_notice(
    qtbot: QtBot, window: MainWindow, submitted: Recorder
) -> None:
    window.hide()
    assert attach_tray(window, submitted) is None  # offscreen: no tray
    assert window.isVisible()
    notices = window.findChildren(NoTrayNotice)
    assert len(notices) == 1 and notices[0].isVisible()
    assert "no system tray" in notices[0].text.text()
    assert "closing the window stops it" in notices[0].text.text()
    assert window.close_to_tray is False
    window.close()
    assert not window.isVisible()  # closed for real, not hidden in a tray that is not there


def test_with_a_tray_closing_hides_to_it(
    qtbot: QtBot, window: MainWindow, submitted: Recorder
) -> None:
    tray = cases.check_attach(window, submitted)
    assert window.findChildren(NoTrayNotice) == []
    window.close()
    assert not window.isVisible()
    tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    assert window.isVisible()


def test_engine_notices_are_not_told_twice(qtbot) -> None:  # type: ignore[no-untyped-def]
    """With the real engine (which sends a Notice for a conflict), the tray does not derive a
    second notification from the conflict list."""
    from desktop.sync.events import notice
    from desktop.sync.messages import msg
    from desktop.ui.tray import TrayController
    from tests.ui.dialogs.tray_cases import conflict

    tray = TrayController(lambda c: None, derive_notifications=False)
    tray.on_conflicts([])
    tray.on_conflicts([conflict(1)])
    assert tray.messages == []
    tray.on_notice(
        notice(
            "warning",
            msg("Version conflict"),
            msg(
                "{path} was changed here and in Clio; both versions are kept until you choose.",
                path="Deed.pdf",
            ),
            "m-1",
        )
    )
    assert len(tray.messages) == 1 and "Deed.pdf" in tray.messages[0][1]
    tray.deleteLater()
