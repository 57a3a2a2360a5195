"""Disconnecting from Clio off the GUI thread: :func:`clio_sign_out` revokes the tokens in Clio
(best effort) and deletes them here; :func:`start_sign_out` runs any such callable in the
background and reports on the GUI thread (nobody waits for it there: the Clio call may take
its full timeout); :class:`SignOutThread` is the same as a ``QThread``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from desktop.clio import errors
from desktop.clio.connect import target_from_settings
from desktop.clio.signin import sign_out
from desktop.clio.tokens import token_store_for
from desktop.messages import Message, verbatim
from desktop.settings import Settings
from desktop.ui.wizards.background import BackgroundCall, run_in_background


def clio_sign_out(settings: Settings, data_dir: Path) -> Callable[[], None]:
    """A ``sign_out`` for the settings dialog: revoke the tokens in Clio (best effort) and
    delete them from this computer."""

    def run() -> None:
        target = target_from_settings(settings)
        sign_out(target, token_store_for(target, data_dir))

    return run


def sign_out_problem(exc: BaseException) -> Message:
    """Why a sign-out failed: a Clio error's ``user_template``, or another error's text."""
    if isinstance(exc, errors.ClioError):
        return exc.user_template
    return verbatim(str(exc) or type(exc).__name__)


def start_sign_out(
    sign_out: Callable[[], None], done: Callable[[Message | None], None], *, owner: QObject
) -> BackgroundCall[None]:
    """Run ``sign_out`` off the GUI thread; ``done(None)`` or ``done(why it failed)`` on the GUI
    thread, while ``owner`` exists. The process waits for it before it ends, so the tokens are
    deleted here even if the app is closed meanwhile."""
    return run_in_background(
        sign_out,
        lambda _value, error: done(None if error is None else sign_out_problem(error)),
        owner=owner,
        name="sign-out",
        finish_before_exit=True,
    )


class SignOutThread(QThread):
    """Runs ``sign_out`` and emits ``done`` with None, or why it failed (a ``Message``: a Clio
    error's ``user_template``, or another error's text as it is)."""

    done = Signal(object)  # None, or why it failed (desktop.messages.Message)

    def __init__(self, sign_out: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sign_out = sign_out

    def run(self) -> None:
        try:
            self._sign_out()
        except Exception as exc:  # reported, never lost in the thread
            self.done.emit(sign_out_problem(exc))
        else:
            self.done.emit(None)
