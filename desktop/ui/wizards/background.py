"""Calls that may block — the OS keychain (it can take hundreds of milliseconds, or ask the
user), a Clio request, a slow network share — run off the GUI thread, their answer handed back
on the GUI thread.

:func:`run_in_background` starts the call on a thread of its own and returns a
:class:`BackgroundCall`. The answer reaches ``done`` through a queued signal, so ``done`` runs
on the GUI thread, and only while ``owner`` (the widget that asked) still exists and the call
was not cancelled: closing or deleting the widget never lets a late answer touch it. Nobody ever
waits for the thread on the GUI thread; a call that outlives its widget finishes on its own.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")
Done = Callable[[T | None, BaseException | None], None]
"""Called on the GUI thread with ``(value, None)`` or ``(None, error)``."""


class _Relay(QObject):
    """Lives on the GUI thread: the worker emits ``answered`` from its own thread, and the
    relay's own slot (a queued connection, as the relay is a QObject of the GUI thread) hands
    the answer on there."""

    answered = Signal(object, object)  # value, error

    def __init__(self, deliver: Callable[[object, BaseException | None], None]) -> None:
        super().__init__()
        self._deliver = deliver
        self.answered.connect(self._on_answered)

    def _on_answered(self, value: object, error: BaseException | None) -> None:
        self._deliver(value, error)


_RUNNING: set[BackgroundCall[object]] = set()  # kept alive until their answer is delivered


class BackgroundCall(Generic[T]):
    """One call running off the GUI thread (see the module docstring)."""

    def __init__(
        self, work: Callable[[], T], done: Done[T], owner: QObject, name: str, daemon: bool
    ) -> None:
        self._work = work
        self._done = done
        self._owner = owner
        self._cancelled = False
        self._finished = threading.Event()
        self._relay = _Relay(self._deliver)  # type: ignore[arg-type]
        self._thread = threading.Thread(target=self._run, name=name, daemon=daemon)

    def start(self) -> None:
        _RUNNING.add(self)  # type: ignore[arg-type]
        self._thread.start()

    def cancel(self) -> None:
        """Drop the answer (the call itself runs to its end)."""
        self._cancelled = True

    def is_running(self) -> bool:
        """True until the answer was delivered (or dropped)."""
        return self in _RUNNING

    def wait(self, timeout: float) -> bool:
        """Wait for the call to end, at most ``timeout`` seconds — for tests and scripts, never
        for the GUI thread."""
        return self._finished.wait(timeout)

    def _run(self) -> None:
        value: T | None = None
        error: BaseException | None = None
        try:
            value = self._work()
        except Exception as exc:  # handed to ``done``, never lost in the thread
            error = exc
        self._finished.set()
        self._relay.answered.emit(value, error)

    def _deliver(self, value: T | None, error: BaseException | None) -> None:
        _RUNNING.discard(self)
        self._relay.deleteLater()
        if self._cancelled or not shiboken6.isValid(self._owner):
            log.debug("background answer dropped (%s)", self._thread.name)
            return
        self._done(value, error)


def run_in_background(
    work: Callable[[], T],
    done: Done[T],
    *,
    owner: QObject,
    name: str = "background",
    finish_before_exit: bool = False,
) -> BackgroundCall[T]:
    """Run ``work()`` on a thread of its own; call ``done(value, error)`` on the GUI thread
    when it ends, if ``owner`` still exists and the call was not cancelled. Call from the GUI
    thread. ``finish_before_exit``: the process waits for the call before it ends (a sign-out
    that must still delete the tokens here); otherwise the thread dies with the process."""
    call = BackgroundCall(work, done, owner, name, daemon=not finish_before_exit)
    call.start()
    return call
