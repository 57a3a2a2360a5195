"""One running instance per home: the GUI and a long-running ``sync`` hold an exclusive lock.

The lock is an OS file lock (``fcntl.flock`` / ``msvcrt.locking``) on ``<data>/instance.lock``,
released by the OS when the process dies, so a crash never leaves a stale lock. The file also
records who holds it (command, pid, start time) so a second instance can say so.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any


class LockHeld(Exception):
    """Another instance holds the lock; ``holder`` says who (may be empty if unreadable)."""

    def __init__(self, holder: dict[str, Any]) -> None:
        self.holder = holder
        who = holder.get("command", "another instance")
        pid = holder.get("pid", "?")
        since = holder.get("started", "")
        super().__init__(
            f"Another prolegis-desktop ({who}, process {pid}{', since ' + since if since else ''}) "
            "is already running with this home. Stop it first, or use it."
        )


class InstanceLock:
    def __init__(self, path: Path, command: str) -> None:
        self.path = path
        self.command = command
        self._fh: IO[str] | None = None

    def acquire(self) -> InstanceLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the lock's life
        try:
            _lock(fh)
        except OSError:
            fh.seek(0)
            try:
                holder = json.loads(fh.read() or "{}")
            except ValueError:
                holder = {}
            fh.close()
            raise LockHeld(holder) from None
        fh.seek(0)
        fh.truncate()
        fh.write(
            json.dumps(
                {
                    "command": self.command,
                    "pid": os.getpid(),
                    "started": time.strftime("%Y-%m-%d %H:%M:%S"),
                }
            )
        )
        fh.flush()
        self._fh = fh
        return self

    def release(self) -> None:
        if self._fh is not None:
            try:
                self._fh.seek(0)
                self._fh.truncate()
                _unlock(self._fh)
            finally:
                self._fh.close()
                self._fh = None

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def read_holder(path: Path) -> dict[str, Any] | None:
    """Who holds the lock, or None when nobody does (checked by trying to take it)."""
    try:
        with InstanceLock(path, "probe"):
            return None
    except LockHeld as held:
        return held.holder


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(fh: IO[str]) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fh: IO[str]) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
