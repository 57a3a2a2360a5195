"""The app's start: the connection wizard first when nothing is set up, then the main window;
a cancelled wizard quits; another instance holding the lock is named and nothing starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _run(base: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "tests.integration.shell_process", str(base), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_first_run_shows_the_wizard_then_the_main_window(tmp_path: Path) -> None:
    out = _run(tmp_path, "--wizard", "accept")
    assert out.returncode == 0, out.stderr[-3000:]
    lines = out.stdout.splitlines()
    assert lines[0] == "wizard 1"
    assert "window 1" in lines and lines[-1] == "exit 0"


def test_set_up_app_opens_without_the_wizard(tmp_path: Path) -> None:
    out = _run(tmp_path, "--wizard", "none")
    assert out.returncode == 0, out.stderr[-3000:]
    assert not any(line.startswith("wizard") for line in out.stdout.splitlines())
    assert "window 1" in out.stdout


def test_cancelling_the_wizard_quits_without_a_window(tmp_path: Path) -> None:
    out = _run(tmp_path, "--wizard", "cancel")
    assert out.returncode == 0, out.stderr[-3000:]
    assert out.stdout.splitlines() == ["wizard 1", "exit 0"]


def test_another_instance_holding_the_home_is_named(tmp_path: Path) -> None:
    out = _run(tmp_path, "--wizard", "none", "--lock-held")
    assert out.returncode == 1
    assert "critical Another prolegis-desktop (sync" in out.stdout
    assert "window" not in out.stdout
