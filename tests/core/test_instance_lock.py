"""One instance per home: a second holder is refused and told who holds the lock."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.instance_lock import InstanceLock, LockHeld, read_holder


def test_second_lock_in_another_process_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "instance.lock"
    with InstanceLock(path, "sync"):
        code = (
            "import sys; from pathlib import Path\n"
            "from desktop.instance_lock import InstanceLock, LockHeld\n"
            "try:\n    InstanceLock(Path(sys.argv[1]), 'gui').acquire()\n"
            "except LockHeld as e:\n    print(e); sys.exit(3)\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, str(path)], capture_output=True, text=True
        )
        assert out.returncode == 3
        assert "sync" in out.stdout and "already running" in out.stdout
        assert read_holder(path) is not None
    assert read_holder(path) is None


def test_lock_is_released_when_the_holder_dies(tmp_path: Path) -> None:
    path = tmp_path / "instance.lock"
    code = (
        "import os, sys; from pathlib import Path; from desktop.instance_lock import InstanceLock\n"
        "InstanceLock(Path(sys.argv[1]), 'sync').acquire(); os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(path)], check=False)
    with InstanceLock(path, "gui") as lock:
        assert lock.path == path


def test_same_process_second_acquire_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "instance.lock"
    with InstanceLock(path, "gui"), pytest.raises(LockHeld):
        InstanceLock(path, "sync").acquire()
