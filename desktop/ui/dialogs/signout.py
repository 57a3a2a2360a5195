"""Disconnecting from Clio off the GUI thread: :func:`clio_sign_out` revokes the tokens in Clio
(best effort) and deletes them here; :class:`SignOutThread` runs any such callable and reports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from desktop.clio import errors
from desktop.clio.connect import target_from_settings
from desktop.clio.signin import sign_out
from desktop.clio.tokens import token_store_for
from desktop.messages import verbatim
from desktop.settings import Settings


def clio_sign_out(settings: Settings, data_dir: Path) -> Callable[[], None]:
    """A ``sign_out`` for the settings dialog: revoke the tokens in Clio (best effort) and
    delete them from this computer."""

    def run() -> None:
        target = target_from_settings(settings)
        sign_out(target, token_store_for(target, data_dir))

    return run


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
        except errors.ClioError as exc:
            self.done.emit(exc.user_template)
        except Exception as exc:  # reported, never lost in the thread
            self.done.emit(verbatim(str(exc) or type(exc).__name__))
        else:
            self.done.emit(None)
