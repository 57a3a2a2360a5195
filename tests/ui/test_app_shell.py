"""The shell around the window: one instance per home, the crash dialog with a redacted,
copyable report, and ``run_gui`` starting and stopping the engine thread."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from desktop.logsetup import REDACTED, register_secret
from desktop.ui.crash import CrashHandler, build_report
from desktop.ui.single_instance import SingleInstance, acquire, server_name

ROOT = Path(__file__).resolve().parents[2]


def test_a_second_launch_raises_the_first(qtbot, tmp_path: Path) -> None:
    first = acquire(tmp_path / "home")
    assert first is not None
    try:
        with qtbot.waitSignal(first.activationRequested, timeout=5000):
            assert acquire(tmp_path / "home") is None
        other = acquire(tmp_path / "other-home")  # another home is another instance
        assert other is not None
        other.close()
    finally:
        first.close()


def test_a_stale_socket_does_not_block_the_next_launch(qtbot, tmp_path: Path) -> None:
    crashed = SingleInstance(tmp_path)
    assert crashed.listen()
    crashed.close()  # as if the process had died: the name is free again
    again = acquire(tmp_path)
    assert again is not None
    again.close()
    assert server_name(tmp_path) == server_name(tmp_path / ".")
    assert server_name(tmp_path) != server_name(tmp_path / "x")


def test_the_crash_report_is_complete_and_redacted(tmp_path: Path) -> None:
    register_secret("s3cr3t-refresh-token-value")
    try:
        raise RuntimeError("refresh failed for s3cr3t-refresh-token-value access_token=abcdef123")
    except RuntimeError as exc:
        report = build_report(type(exc), exc, exc.__traceback__, tmp_path / "logs")
    assert "prolegis-desktop" in report
    assert "OS:" in report and "Qt " in report
    assert "RuntimeError" in report and "Traceback" in report
    assert str(tmp_path / "logs") in report
    assert "s3cr3t-refresh-token-value" not in report
    assert "abcdef123" not in report
    assert REDACTED in report


@pytest.fixture
def crash_handler(qapp, tmp_path: Path):  # type: ignore[no-untyped-def]
    handler = CrashHandler(tmp_path / "logs").install()
    yield handler
    handler.uninstall()
    if handler.dialog is not None:
        handler.dialog.close()


def test_an_unexpected_error_shows_a_copyable_report(qtbot, crash_handler) -> None:
    try:
        raise ValueError("bad state with Authorization: Bearer xyz789token")
    except ValueError:
        sys.excepthook(*sys.exc_info())  # what Qt does for an exception escaping a slot
    qtbot.waitUntil(lambda: crash_handler.dialog is not None and crash_handler.dialog.isVisible())
    dialog = crash_handler.dialog
    text = dialog.report.toPlainText()
    assert "ValueError" in text and "xyz789token" not in text
    qtbot.mouseClick(dialog.copy_button, qtbot_left())
    assert QGuiApplication.clipboard().text() == text
    assert dialog.copy_button.text() == "Copied"


def test_an_error_in_another_thread_reaches_the_dialog(qtbot, crash_handler) -> None:
    def boom() -> None:
        raise KeyError("in a worker")

    worker = threading.Thread(target=boom, name="worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: crash_handler.dialog is not None and crash_handler.dialog.isVisible())
    text = crash_handler.dialog.report.toPlainText()
    assert "KeyError" in text and "in a worker" in text


def qtbot_left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def _gui(home: Path, *extra: str) -> subprocess.Popen[str]:
    """The real GUI in its own process (``run_gui`` ends the process's Qt event loop)."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.ui.gui_process", str(home), *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_run_gui_shows_the_window_and_stops_the_engine(tmp_path: Path) -> None:
    proc = _gui(tmp_path / "home", "--quit-when-shown", "--matters", "50")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("shown ")
    assert lines[-1] == "exit 0"
    # the engine thread got the snapshot request, then Shutdown, and was joined
    assert lines[-2] == "engine stopped RequestSnapshot,Shutdown"
    assert (tmp_path / "home" / "config" / "window.ini").exists()  # geometry kept


def test_a_second_launch_on_the_same_home_raises_the_first(tmp_path: Path) -> None:
    first = _gui(tmp_path / "home", "--quit-on-raise", "--quit-after-ms", "30000")
    try:
        assert first.stdout is not None
        assert first.stdout.readline().strip() == "listening"
        second = _gui(tmp_path / "home", "--quit-after-ms", "30000")
        out2, err2 = second.communicate(timeout=60)
        assert second.returncode == 0, err2
        assert "shown" not in out2  # it did not open a window of its own
        assert "engine never-started" in out2.splitlines()  # nor start a second engine
        out1, err1 = first.communicate(timeout=60)
        assert "raised" in out1.splitlines(), err1
        assert first.returncode == 0
    finally:
        if first.poll() is None:
            first.kill()
