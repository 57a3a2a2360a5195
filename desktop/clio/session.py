"""The authenticated request layer: every call to Clio's API goes through :class:`ClioSession`.

It adds ``Authorization``, an explicit ``X-API-VERSION`` and a ``User-Agent``; draws each attempt
from the shared :class:`~desktop.clio.budget.RequestBudget` and feeds it the ``X-RateLimit-*``
headers; waits out 429s; renews the access token shortly before it expires and once after a
401; retries idempotent requests after 5xx and network errors with exponential backoff and
jitter; and turns error answers into typed exceptions. A request that may have reached Clio but
is not idempotent (a create) is never repeated: it raises :class:`AmbiguousCreateError` so the
caller can look the record up first.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import httpx

from desktop.clio.budget import Priority, RequestBudget
from desktop.clio.errors import (
    AmbiguousCreateError,
    AmbiguousRequestError,
    ClioError,
    NetworkError,
    RateLimitedError,
    ResponseFormatError,
    ServerError,
    TokenExpiredError,
    TokenRevokedError,
    error_from_response,
    parse_error_body,
    retry_after_seconds,
)
from desktop.clio.httpclient import API_VERSION, make_http_client
from desktop.clio.oauth import ClientCredentials, OAuthClient
from desktop.clio.regions import ClioTarget
from desktop.clio.retry import RETRYABLE_STATUS, RetryPolicy, is_idempotent
from desktop.clio.tokens import TokenSet, TokenStore
from desktop.messages import msg

log = logging.getLogger(__name__)

ParamValue = str | int | float | bool | None | Sequence[str | int]
Params = Mapping[str, ParamValue] | Sequence[tuple[str, ParamValue]] | None


def query_pairs(params: Params) -> list[tuple[str, str | int | float | bool | None]]:
    """Query parameters as text pairs: booleans as ``true``/``false``, lists repeated, None
    dropped."""
    items = list(params.items()) if isinstance(params, Mapping) else list(params or ())
    out: list[tuple[str, str | int | float | bool | None]] = []
    for key, value in items:
        if value is None:
            continue
        if isinstance(value, bool):
            out.append((key, "true" if value else "false"))
        elif isinstance(value, str | int | float):
            out.append((key, str(value)))
        else:
            out.extend((key, str(v)) for v in value)
    return out

# Errors raised before a single byte of the request left this machine: safe to repeat.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ProxyError,
             httpx.UnsupportedProtocol)
MAX_RATE_LIMITED_RETRIES = 8


class ClioSession:
    """Authenticated, budgeted, retrying requests against one Clio target for one account."""

    def __init__(
        self,
        target: ClioTarget,
        tokens: TokenSet,
        *,
        credentials: ClientCredentials | None = None,
        store: TokenStore | None = None,
        account: str | None = None,
        budget: RequestBudget | None = None,
        retry: RetryPolicy | None = None,
        http: httpx.Client | None = None,
        api_version: str = API_VERSION,
        default_priority: Priority = Priority.BACKGROUND,
        refresh_leeway: float = 300.0,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.target = target
        self.account = account
        self.budget = budget or RequestBudget()
        self.retry = retry or RetryPolicy()
        self.api_version = api_version
        self.refresh_leeway = refresh_leeway
        self._credentials = credentials
        self._store = store
        self._owns_http = http is None
        self._http = http or make_http_client()
        self._oauth = OAuthClient(target, credentials, self._http) if credentials else None
        self._tokens = tokens
        self._tokens_lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        self._default_priority = default_priority
        self._local = threading.local()
        self._sleep = sleep
        self._rng = rng or random.Random()
        self.store_error: ClioError | None = None
        self.refresh_count = 0
        tokens.register_secrets()

    # ------------------------------------------------------------------ tokens

    @property
    def tokens(self) -> TokenSet:
        with self._tokens_lock:
            return self._tokens

    @property
    def http(self) -> httpx.Client:
        return self._http

    def refresh_tokens(self, *, only_if_current: TokenSet | None = None) -> TokenSet:
        """Renew the access token now (skipped if another thread already replaced
        ``only_if_current``). Saves the new tokens to the store."""
        with self._refresh_lock:
            current = self.tokens
            if only_if_current is not None and current.access_token != only_if_current.access_token:
                return current
            if self._oauth is None:
                raise TokenExpiredError("access token expired and no app credentials to renew it")
            new = self._oauth.refresh(current)
            with self._tokens_lock:
                self._tokens = new
            self.refresh_count += 1
            log.info("Clio access token renewed")
            self._save(new)
            return new

    def _save(self, tokens: TokenSet) -> None:
        if self._store is None or self.account is None:
            return
        try:
            self._store.save(self.target, self.account, tokens)
            self.store_error = None
        except ClioError as exc:  # keep working with the tokens in memory
            self.store_error = exc
            log.warning("could not save renewed Clio tokens: %s", exc)

    def _usable_tokens(self) -> TokenSet:
        tokens = self.tokens
        if self._oauth is None or not tokens.needs_refresh(self.refresh_leeway):
            return tokens
        try:
            return self.refresh_tokens(only_if_current=tokens)
        except (NetworkError, ServerError):
            if tokens.needs_refresh(0):
                raise
            log.warning("early token renewal failed; using the current token meanwhile")
            return tokens

    def sleep(self, seconds: float) -> None:
        """Wait between attempts (the injectable sleep, so tests and transfers share it)."""
        self._sleep(seconds)

    @property
    def rng(self) -> random.Random:
        return self._rng

    # ------------------------------------------------------------------ priority

    @contextmanager
    def priority(self, priority: Priority) -> Iterator[None]:
        """Run the requests of this thread inside the block at ``priority``."""
        old = getattr(self._local, "priority", None)
        self._local.priority = priority
        try:
            yield
        finally:
            self._local.priority = old

    @contextmanager
    def retrying(self, policy: RetryPolicy) -> Iterator[None]:
        """Requests of this thread inside the block follow ``policy`` (e.g. ``NO_RETRY`` for a
        question whose answer can wait, such as who is signed in at start)."""
        old = getattr(self._local, "retry", None)
        self._local.retry = policy
        try:
            yield
        finally:
            self._local.retry = old

    def _retry_policy(self) -> RetryPolicy:
        current = getattr(self._local, "retry", None)
        return current if isinstance(current, RetryPolicy) else self.retry

    def current_priority(self) -> Priority:
        """This thread's priority (set with :meth:`priority`), else the session default."""
        current = getattr(self._local, "priority", None)
        return current if isinstance(current, Priority) else self._default_priority

    def _priority(self, explicit: Priority | None) -> Priority:
        return explicit if explicit is not None else self.current_priority()

    # ------------------------------------------------------------------ requests

    def url_for(self, path_or_url: str) -> str:
        """An API path (``/matters.json``) as a full URL; a full URL must be this target's."""
        if path_or_url.startswith(("http://", "https://")):
            if not self.target.same_origin(path_or_url):
                host = urlsplit(path_or_url).netloc
                raise ClioError(f"refusing to send the Clio token to {host}")
            return path_or_url
        return self.target.api_base + "/" + path_or_url.lstrip("/")

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Params = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        priority: Priority | None = None,
        idempotent: bool | None = None,
    ) -> httpx.Response:
        """Send one logical request (maybe several attempts); return the answer (< 400).

        ``idempotent`` overrides the method's default (see :mod:`desktop.clio.retry`).
        """
        method = method.upper()
        url = self.url_for(path)
        where = urlsplit(url).path
        prio = self._priority(priority)
        extra = dict(headers or {})
        idem = is_idempotent(method, extra, idempotent)
        retry = self._retry_policy()
        pairs = query_pairs(params)
        query = httpx.QueryParams(pairs) if pairs else None
        attempt = 0
        limited = 0
        refreshed = False
        reached = False  # an earlier attempt may have been processed by Clio
        while True:
            attempt += 1
            tokens = self._usable_tokens()
            self.budget.acquire(prio)
            send_headers = {
                "Authorization": f"Bearer {tokens.access_token}",
                "X-API-VERSION": self.api_version,
                "Accept": "application/json",
                **extra,
            }
            started = time.perf_counter()
            try:
                resp = self._http.request(method, url, params=query, json=json,
                                          headers=send_headers)
            except httpx.TransportError as exc:
                self.budget.abandon()
                sent = not isinstance(exc, _NOT_SENT)
                reached = reached or sent
                log.info("%s %s failed (attempt %d): %s", method, where, attempt,
                         type(exc).__name__)
                if (idem or not sent) and attempt < retry.max_attempts:
                    self._sleep(retry.delay(attempt, self._rng))
                    continue
                if sent and not idem:
                    raise self._ambiguous(method, where, exc) from exc
                raise NetworkError(
                    f"{method} {where}: {type(exc).__name__}: {exc}",
                    user_template=msg("Cannot reach Clio ({host}). Check the internet "
                                      "connection (and the office proxy, if any); Prolegis "
                                      "Desktop will try again.", host=self.target.host),
                ) from exc
            self.budget.observe(resp.headers)
            status = resp.status_code
            log.debug("%s %s -> %d in %.0f ms (attempt %d)", method, where, status,
                      (time.perf_counter() - started) * 1000, attempt)
            if status == 429:
                wait = retry_after_seconds(resp.headers)
                self.budget.penalize(wait)
                limited += 1
                attempt -= 1  # a refused request is not a failed attempt
                if limited <= MAX_RATE_LIMITED_RETRIES:
                    continue
                raise error_from_response(method, where, status, resp.headers, resp.content)
            if status == 401:
                if not refreshed and self._oauth is not None:
                    refreshed = True
                    attempt -= 1
                    self.refresh_tokens(only_if_current=tokens)
                    continue
                raise self._unauthorized(method, where, resp, renewable=self._oauth is not None)
            if status in RETRYABLE_STATUS:
                reached = True
                if idem and attempt < retry.max_attempts:
                    delay = max(retry.delay(attempt, self._rng),
                                retry_after_seconds(resp.headers) or 0.0)
                    self._sleep(delay)
                    continue
                err = error_from_response(method, where, status, resp.headers, resp.content)
                if not idem:
                    raise self._ambiguous(method, where, err) from err
                raise err
            if status == 404 and method == "DELETE" and reached:
                return resp  # an earlier attempt did delete it
            if status >= 400:
                raise error_from_response(method, where, status, resp.headers, resp.content,
                                          possibly_own_change=reached)
            return resp

    def _ambiguous(self, method: str, where: str, cause: BaseException) -> AmbiguousRequestError:
        cls = AmbiguousCreateError if method == "POST" else AmbiguousRequestError
        return cls(f"{method} {where}: no reliable answer ({type(cause).__name__}); it may have "
                   "been applied", method=method, path=where, cause=cause,
                   status=getattr(cause, "status", None))

    @staticmethod
    def _unauthorized(method: str, where: str, resp: httpx.Response,
                      renewable: bool) -> ClioError:
        etype, msg = parse_error_body(resp.content)
        tech = f"{method} {where} -> 401: {etype or ''} {msg or ''}".strip()
        if not renewable and msg and "expired" in msg.lower():
            return TokenExpiredError(tech, status=401, error_type=etype, clio_message=msg)
        return TokenRevokedError(tech, status=401, error_type=etype, clio_message=msg)

    # ------------------------------------------------------------------ JSON helpers

    def json(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        """:meth:`request` and the answer's JSON object (``{}`` for 204)."""
        resp = self.request(method, path, **kw)
        return decode_json(resp)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> ClioSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def decode_json(resp: httpx.Response) -> dict[str, Any]:
    """The JSON object of an answer; :class:`ResponseFormatError` if it is not one."""
    if resp.status_code == 204 or not resp.content:
        return {}
    try:
        doc = resp.json()
    except ValueError:
        raise ResponseFormatError(
            f"{resp.request.method} {resp.request.url.path}: answer is not JSON"
        ) from None
    if not isinstance(doc, dict):
        raise ResponseFormatError(f"{resp.request.url.path}: answer is not a JSON object")
    return doc


__all__ = ["ClioSession", "RateLimitedError", "decode_json"]
