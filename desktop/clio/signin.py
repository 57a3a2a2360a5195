"""Signing in with the system browser, and signing out.

:class:`BrowserSignIn` binds the loopback listener first (a busy port fails before anything
opens), builds the authorize URL with ``state`` and PKCE, opens it with an injectable opener,
waits for the one callback, exchanges the code, asks Clio who signed in, and stores the tokens
under that account. The GUI calls :meth:`BrowserSignIn.cancel` from its thread to stop waiting.
"""

from __future__ import annotations

import logging
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from desktop.clio.api import ClioClient
from desktop.clio.budget import Priority, RequestBudget
from desktop.clio.errors import ClioError
from desktop.clio.httpclient import make_http_client
from desktop.clio.loopback import LoopbackListener
from desktop.clio.oauth import ClientCredentials, OAuthClient, new_authorization
from desktop.clio.records import User
from desktop.clio.regions import ClioTarget
from desktop.clio.session import ClioSession
from desktop.clio.tokens import TokenSet, TokenStore

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 600.0
Opener = Callable[[str], bool]


@dataclass(frozen=True)
class SignInResult:
    target: ClioTarget
    account: str
    user: User
    tokens: TokenSet


class BrowserSignIn:
    """One browser sign-in attempt; see the module docstring. Use as a context manager."""

    def __init__(self, target: ClioTarget, credentials: ClientCredentials, *, port: int,
                 http: httpx.Client | None = None) -> None:
        self.target = target
        self.credentials = credentials
        self._http = http
        self._listener = LoopbackListener(port)
        self._auth = new_authorization(target, credentials.client_id,
                                       self._listener.redirect_uri)
        self._listener.expect_state(self._auth.state)

    @property
    def url(self) -> str:
        """The address to open in a browser."""
        return self._auth.url

    @property
    def redirect_uri(self) -> str:
        return self._auth.redirect_uri

    def open_browser(self, opener: Opener = webbrowser.open) -> bool:
        """Open :attr:`url` with ``opener``; False if no browser could be started."""
        try:
            return bool(opener(self.url))
        except Exception as exc:  # a missing browser must not end the sign-in
            log.warning("could not open a browser: %s", exc)
            return False

    def cancel(self) -> None:
        """Stop :meth:`wait` (from any thread) with SignInCancelled."""
        self._listener.cancel()

    def wait(self, timeout: float = DEFAULT_TIMEOUT, *,
             store: TokenStore | None = None) -> SignInResult:
        """Wait for the callback, then exchange the code, identify the user, store tokens."""
        code = self._listener.wait(timeout)
        http = self._http or _client()
        try:
            oauth = OAuthClient(self.target, self.credentials, http)
            tokens = oauth.exchange_code(code, self._auth.code_verifier, self.redirect_uri)
            session = ClioSession(self.target, tokens, credentials=self.credentials,
                                  budget=RequestBudget(), http=http,
                                  default_priority=Priority.INTERACTIVE)
            user = ClioClient(session).who_am_i()
            tokens = session.tokens
        finally:
            if self._http is None:
                http.close()
        account = str(user.id)
        if store is not None:
            store.save(self.target, account, tokens)
            store.set_current_account(self.target, account)
        return SignInResult(target=self.target, account=account, user=user, tokens=tokens)

    def close(self) -> None:
        self._listener.close()

    def __enter__(self) -> BrowserSignIn:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _client() -> httpx.Client:
    return make_http_client()


@dataclass(frozen=True)
class SignOutResult:
    was_signed_in: bool
    revoked: bool
    revoke_error: ClioError | None = None


def sign_out(target: ClioTarget, store: TokenStore, *, account: str | None = None,
             credentials: ClientCredentials | None = None,
             http: httpx.Client | None = None) -> SignOutResult:
    """Ask Clio to revoke the tokens (best effort) and delete them here in any case."""
    account = account or store.current_account(target)
    tokens = store.load(target, account) if account else None
    if account is None or tokens is None:
        if account is not None:
            store.set_current_account(target, None)
        return SignOutResult(was_signed_in=False, revoked=False)
    error: ClioError | None = None
    client = http or _client()
    try:
        creds = credentials or ClientCredentials(client_id="", client_secret="")
        OAuthClient(target, creds, client).deauthorize(tokens.access_token)
    except ClioError as exc:
        error = exc
        log.warning("Clio deauthorization failed: %s", exc)
    finally:
        if http is None:
            client.close()
    store.delete(target, account)
    store.set_current_account(target, None)
    return SignOutResult(was_signed_in=True, revoked=error is None, revoke_error=error)
