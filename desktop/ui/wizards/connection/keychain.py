"""What the connection wizard asks this computer's keychain — is a Clio app's secret stored,
is a Clio app available for a region — asked at most once per Clio and app, and never on the
GUI thread: the OS keychain can take hundreds of milliseconds, or ask the user to unlock it.

:class:`KeychainAnswers` answers from what it already knows, or ``None`` while it asks (in the
background, see ``desktop.ui.wizards.background``); ``answered`` tells the pages to look again.
A keychain that cannot be read counts as "not stored" (the sign-in then explains what is wrong).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.clio import errors
from desktop.clio.connect import app_credentials, builtin_app
from desktop.clio.regions import ClioTarget
from desktop.clio.tokens import TokenStore
from desktop.settings import Settings
from desktop.ui.wizards.background import BackgroundCall, run_in_background

log = logging.getLogger(__name__)

StoreFor = Callable[[ClioTarget], TokenStore]
Key = tuple[str, str, str]  # what, Clio base URL, app id


def app_known_without_keychain(target: ClioTarget, client_id: str) -> bool | None:
    """Whether a Clio app is available for ``target`` when no app id is configured (the build's
    own app, or the sandbox's): no keychain needed. ``None`` when an app id is configured: only
    the keychain knows whether its secret is stored (mirrors ``app_credentials``)."""
    if client_id:
        return None
    return builtin_app(target) is not None or target.is_loopback


class KeychainAnswers(QObject):
    """The keychain's answers for the wizard (see the module docstring)."""

    answered = Signal()

    def __init__(
        self, settings: Settings, store_for: StoreFor, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._store_for = store_for
        self._answers: dict[Key, bool] = {}
        self._asking: dict[Key, BackgroundCall[bool]] = {}

    def secret_stored(self, target: ClioTarget, client_id: str) -> bool | None:
        """Whether the secret of app ``client_id`` is stored for ``target``; ``None`` while the
        keychain is being asked."""
        if not client_id:
            return False
        store_for = self._store_for

        def look() -> bool:
            return bool(store_for(target).load_client_secret(target, client_id))

        return self._ask(("secret", target.base_url, client_id), look)

    def known_secret(self, target: ClioTarget, client_id: str) -> bool | None:
        """What is known about that secret, without asking (``None``: not known yet)."""
        return self._answers.get(("secret", target.base_url, client_id))

    def app_available(self, target: ClioTarget) -> bool | None:
        """Whether a Clio app is known for ``target`` without asking the user (built in,
        configured with a stored secret, or the sandbox's); ``None`` while the keychain is
        being asked."""
        client_id = str(self._settings.get("client_id") or "")
        known = app_known_without_keychain(target, client_id)
        if known is not None:
            return known
        store_for = self._store_for

        def look() -> bool:
            app_credentials(target, store_for(target), client_id=client_id)
            return True

        return self._ask(("app", target.base_url, client_id), look)

    def is_asking(self) -> bool:
        return bool(self._asking)

    def forget(self) -> None:
        """Ask again next time (a sign-in has just stored a secret)."""
        self._answers.clear()

    def _ask(self, key: Key, look: Callable[[], bool]) -> bool | None:
        if key in self._answers:
            return self._answers[key]
        if key not in self._asking:
            self._asking[key] = run_in_background(
                look,
                lambda value, error: self._answer(key, value, error),
                owner=self,
                name="keychain",
            )
        return None

    def _answer(self, key: Key, value: bool | None, error: BaseException | None) -> None:
        self._asking.pop(key, None)
        if error is not None and not isinstance(error, errors.ClioError):
            log.warning("the keychain could not be read: %s", type(error).__name__)
        self._answers[key] = bool(value) and error is None
        self.answered.emit()
