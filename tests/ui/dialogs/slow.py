"""Slow backends for the dialog tests — a keychain, a sign-out, a Prolegis folder on a slow
share — and a way for them to see whether the GUI thread kept running while they were slow.

:class:`GuiPulse` counts turns of the GUI event loop (a 10 ms timer on the GUI thread). A slow
backend runs on a worker thread; once the test *arms* it (just before the user action under
test, e.g. Cancel), it waits until the GUI thread has turned a few more times — it does, unless
the GUI thread is blocked waiting for that very backend — and records whether it did, then goes
on. A dialog that joins the worker on the GUI thread stalls the pulse, so the backend records
``gui_kept_running = False`` (after ``STALL_S``) and the test fails; nothing depends on timing
otherwise.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer

from tests.support.memory_keyring import MemoryKeyring

STALL_S = 3.0  # how long the GUI may stay still before the backend calls it blocked
GIVE_UP_S = 20.0  # a backend never waits longer than this to be armed (no hung test)


class GuiPulse:
    """Counts turns of the GUI thread's event loop (create and stop it on the GUI thread)."""

    def __init__(self) -> None:
        self.ticks = 0
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        self.ticks += 1

    def kept_running(self, turns: int = 3) -> bool:
        """Called off the GUI thread: True once the GUI has turned ``turns`` more times, False
        if it stood still for :data:`STALL_S`."""
        start = self.ticks
        deadline = time.monotonic() + STALL_S
        while time.monotonic() < deadline:
            if self.ticks >= start + turns:
                return True
            time.sleep(0.005)
        return False

    def stop(self) -> None:
        self._timer.stop()


class _Slow:
    """What a slow backend records: the thread it ran on, whether the GUI kept running."""

    def __init__(self, pulse: GuiPulse) -> None:
        self.pulse = pulse
        self.started = threading.Event()
        self.finished = threading.Event()
        self._armed = threading.Event()
        self.thread: threading.Thread | None = None
        self.gui_kept_running: bool | None = None

    def arm(self) -> None:
        """From now on, watch whether the GUI keeps running, then let the work go on."""
        self._armed.set()

    def _hold(self) -> None:
        self.thread = threading.current_thread()
        self.started.set()
        self._armed.wait(GIVE_UP_S)
        self.gui_kept_running = self.pulse.kept_running()


class SlowCall(_Slow):
    """Wraps a callable (a real sign-out): held until armed, then run for real."""

    def __init__(self, real: Callable[[], None], pulse: GuiPulse) -> None:
        super().__init__(pulse)
        self._real = real

    def __call__(self) -> None:
        try:
            self._hold()
            self._real()
        finally:
            self.finished.set()


class SlowShare(_Slow):
    """A Prolegis folder on a share that answers slowly: its ``prolegis.json`` is a named pipe,
    so reading it blocks until this writer, once armed, hands over the real manifest."""

    def __init__(self, root: Path, manifest: bytes, pulse: GuiPulse) -> None:
        super().__init__(pulse)
        root.mkdir(parents=True)
        self.root = root
        self.pipe = root / "prolegis.json"
        os.mkfifo(self.pipe)
        self._manifest = manifest
        self._writer = threading.Thread(target=self._serve, name="slow-share", daemon=True)
        self._writer.start()

    def _serve(self) -> None:
        try:
            self._hold()
            with open(self.pipe, "wb") as fh:  # meets the reader blocked in open()
                fh.write(self._manifest)
        finally:
            self.finished.set()


class SlowKeyring(MemoryKeyring):
    """The test keyring, as slow as an OS keychain (``delay`` seconds a read), recording each
    read: its key and the thread that made it."""

    def __init__(self, delay: float = 0.2) -> None:
        super().__init__()
        self.delay = delay
        self.reads: list[tuple[str, threading.Thread]] = []

    def get_password(self, service: str, username: str) -> str | None:
        self.reads.append((username, threading.current_thread()))
        time.sleep(self.delay)
        return super().get_password(service, username)

    def reads_on_gui_thread(self) -> list[str]:
        return [key for key, thread in self.reads if thread is threading.main_thread()]
