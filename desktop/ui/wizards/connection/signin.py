"""The connection wizard's sign-in plumbing, off the GUI thread.

:class:`SignInService` is the small interface the wizard needs: ``start(request)`` binds the
loopback port and returns an attempt with the URL to open; the attempt's ``wait`` blocks until
the browser comes back (then exchanges the code, asks Clio who signed in and stores the tokens)
and ``cancel`` stops it from another thread. :class:`ClioSignInService` is the real one, on
``desktop.clio.signin.BrowserSignIn``. :class:`SignInThread` runs an attempt in a ``QThread``
and reports to the GUI with signals; :func:`explain` turns a failure into words for people.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QThread, Signal

from desktop.clio import errors
from desktop.clio.connect import app_credentials
from desktop.clio.regions import ClioTarget
from desktop.clio.signin import DEFAULT_TIMEOUT, BrowserSignIn
from desktop.clio.tokens import TokenStore, token_store_for
from desktop.logsetup import register_secret
from desktop.ui import labels
from desktop.ui.i18n import TranslationContext

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignInRequest:
    """Where to sign in, with which Clio app (empty: the configured/built-in one), which port."""

    target: ClioTarget
    port: int
    client_id: str = ""
    client_secret: str = ""

    def __repr__(self) -> str:  # never show the secret
        return f"SignInRequest({self.target.base_url!r}, port={self.port}, id={self.client_id!r})"


@dataclass(frozen=True)
class SignedIn:
    """Who signed in: the Clio user, on which Clio."""

    target: ClioTarget
    account: str
    name: str
    email: str


class SignInAttempt(Protocol):
    url: str

    def wait(self, timeout: float) -> SignedIn: ...
    def cancel(self) -> None: ...
    def close(self) -> None: ...


class SignInService(Protocol):
    def start(self, request: SignInRequest) -> SignInAttempt: ...


class _ClioAttempt:
    def __init__(self, signin: BrowserSignIn, store: TokenStore, request: SignInRequest) -> None:
        self._signin = signin
        self._store = store
        self._request = request
        self.url = signin.url

    def wait(self, timeout: float) -> SignedIn:
        result = self._signin.wait(timeout, store=self._store)
        req = self._request
        if req.client_id and req.client_secret:
            # Kept only once it has worked, and only in the keyring (or the sandbox's file).
            self._store.save_client_secret(req.target, req.client_id, req.client_secret)
        user = result.user
        name = user.name or " ".join(p for p in (user.first_name, user.last_name) if p)
        return SignedIn(result.target, result.account, name or "", user.email or "")

    def cancel(self) -> None:
        self._signin.cancel()

    def close(self) -> None:
        self._signin.close()


class ClioSignInService:
    """Signs in with ``desktop.clio``: tokens go to the keyring (a home file for the sandbox)."""

    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir

    def store_for(self, target: ClioTarget) -> TokenStore:
        return token_store_for(target, self._data_dir)

    def start(self, request: SignInRequest) -> SignInAttempt:
        store = self.store_for(request.target)
        register_secret(request.client_secret or None)
        creds = app_credentials(
            request.target,
            store,
            client_id=request.client_id or None,
            client_secret=request.client_secret or None,
        )
        return _ClioAttempt(BrowserSignIn(request.target, creds, port=request.port), store, request)


class SignIn(TranslationContext):
    """The translation context of the sign-in explanations (``SignIn.tr``)."""


_EXPLAINED: dict[str, tuple[BaseException, int]] = {}  # message → what it explained (a few)


def explained(message: str) -> tuple[BaseException, int] | None:
    """The failure (and port) that :func:`explain` turned into ``message``: the page explains
    it again in a new language."""
    return _EXPLAINED.get(message)


def explain(exc: BaseException, port: int) -> tuple[str, str]:
    """``(kind, message)`` for a failed sign-in; ``kind`` is one of ``denied``, ``timeout``,
    ``port``, ``cancelled``, ``app``, ``keychain``, ``network``, ``state``, ``other``."""
    kind, message = _explain(exc, port)
    if len(_EXPLAINED) >= 16:
        _EXPLAINED.pop(next(iter(_EXPLAINED)))
    _EXPLAINED[message] = (exc, port)
    return kind, message


def _explain(exc: BaseException, port: int) -> tuple[str, str]:
    if isinstance(exc, errors.AuthorizationDenied):
        return "denied", SignIn.tr(
            "Access was declined on the Clio page, so Prolegis Desktop is not connected. To "
            "connect, sign in again and choose Allow (or Approve)."
        )
    if isinstance(exc, errors.SignInTimeout):
        return "timeout", SignIn.tr(
            "No answer came back from the browser in time. Sign in again and finish on the "
            "Clio page that opens; if no page opened, use Copy link and paste it into your "
            "browser."
        )
    if isinstance(exc, errors.PortInUseError):
        return "port", SignIn.tr(
            "Another program on this computer is using port {port}, where the answer from "
            "Clio must arrive. Close that program and try again, or choose another port on "
            "the Advanced page (your firm's Clio app must then use the same port in its "
            "redirect address)."
        ).format(port=exc.port)
    if isinstance(exc, errors.SignInCancelled):
        return "cancelled", SignIn.tr("The sign-in was cancelled.")
    if isinstance(exc, errors.AppNotConfiguredError):
        return "app", SignIn.tr(
            "No Clio app is set up for this region in this copy of Prolegis Desktop. Enter "
            "your firm's Clio app id and secret on the Advanced page."
        )
    if isinstance(exc, errors.KeychainLockedError):
        return "keychain", SignIn.tr(
            "The system keychain is locked, so the Clio sign-in cannot be kept safely. "
            "Unlock it and sign in again."
        )
    if isinstance(exc, errors.KeychainError):
        return "keychain", SignIn.tr(
            "No system keychain is available to keep the Clio sign-in safe. On Linux, install "
            "and start GNOME Keyring or KWallet, then sign in again."
        )
    if isinstance(exc, errors.StateMismatchError):
        return "state", SignIn.tr(
            "The browser sent back an answer from another sign-in (perhaps an old tab). Close "
            "the old Clio tabs and sign in again."
        )
    if isinstance(exc, errors.OAuthProtocolError) and exc.oauth_error in (
        "invalid_client",
        "unauthorized_client",
    ):
        return "app", SignIn.tr(
            "Clio did not accept this app's id and secret for this region. Check them on the "
            "Advanced page (each region needs its own registered app)."
        )
    if isinstance(exc, errors.NetworkError):
        return "network", SignIn.tr(
            "Clio could not be reached. Check the internet connection (and the office proxy, "
            "if any), then sign in again."
        )
    if isinstance(exc, errors.ClioError):
        return "other", labels.message_text(exc.user_template)
    return "other", SignIn.tr("The sign-in failed unexpectedly. Please try again.")


class SignInThread(QThread):
    """One sign-in attempt in its own thread; ``cancel()`` is safe from the GUI thread."""

    url_ready = Signal(str)
    succeeded = Signal(object)  # SignedIn
    failed = Signal(str, str)  # kind, message

    def __init__(
        self,
        service: SignInService,
        request: SignInRequest,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._request = request
        self._timeout = timeout
        self._lock = threading.Lock()
        self._attempt: SignInAttempt | None = None
        self._cancelled = False

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            attempt = self._attempt
        if attempt is not None:
            attempt.cancel()

    def run(self) -> None:
        try:
            attempt = self._service.start(self._request)
        except Exception as exc:  # every failure is reported, none escapes the thread
            log.info("sign-in could not start: %s", type(exc).__name__)
            self.failed.emit(*explain(exc, self._request.port))
            return
        with self._lock:
            self._attempt = attempt
            cancelled = self._cancelled
        try:
            if cancelled:
                raise errors.SignInCancelled("cancelled before the browser opened")
            self.url_ready.emit(attempt.url)
            result = attempt.wait(self._timeout)
        except Exception as exc:
            log.info("sign-in ended without success: %s", type(exc).__name__)
            self.failed.emit(*explain(exc, self._request.port))
            return
        finally:
            attempt.close()
        self.succeeded.emit(result)
