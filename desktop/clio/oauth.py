"""OAuth 2.0 for Clio Manage: the authorize URL (``state`` + PKCE S256), the callback check,
the code exchange, refresh and deauthorization.

Authlib supplies the protocol pieces (random tokens, the S256 challenge, the grant URI, the token
request body, the callback parser); the HTTP goes through our own configured httpx client, not
Authlib's httpx integration (see docs/decisions.md). Client credentials travel in the form body
(``client_secret_post``), as Clio documents.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
from authlib.common.security import generate_token  # type: ignore[import-untyped]
from authlib.oauth2.rfc6749.errors import MissingCodeException  # type: ignore[import-untyped]
from authlib.oauth2.rfc6749.parameters import (  # type: ignore[import-untyped]
    parse_authorization_code_response,
    prepare_grant_uri,
    prepare_token_request,
)
from authlib.oauth2.rfc7636 import create_s256_code_challenge  # type: ignore[import-untyped]

from desktop.clio.errors import (
    AuthorizationDenied,
    NetworkError,
    OAuthProtocolError,
    ResponseFormatError,
    ServerError,
    SignInError,
    StateMismatchError,
    TokenRevokedError,
    parse_error_body,
)
from desktop.clio.regions import ClioTarget
from desktop.clio.tokens import TokenSet
from desktop.logsetup import register_secret
from desktop.messages import msg

log = logging.getLogger(__name__)

_FORM = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}


@dataclass(frozen=True)
class ClientCredentials:
    """The registered Clio app's id and secret (one app per region)."""

    client_id: str
    client_secret: str = field(repr=False)

    def __post_init__(self) -> None:
        register_secret(self.client_secret)


@dataclass(frozen=True)
class AuthorizationRequest:
    """One sign-in attempt: the URL to open and what the callback must match."""

    url: str
    redirect_uri: str
    state: str = field(repr=False)
    code_verifier: str = field(repr=False)


def new_authorization(
    target: ClioTarget, client_id: str, redirect_uri: str
) -> AuthorizationRequest:
    """A fresh authorize URL with an unguessable ``state`` and a PKCE S256 challenge.

    ``redirect_on_decline=true`` makes Clio send a declined consent back to us as
    ``error=access_denied`` instead of leaving the user on Clio's page.
    """
    state = generate_token(43)
    verifier = generate_token(64)  # letters and digits: a valid RFC 7636 verifier
    url = prepare_grant_uri(
        target.authorize_url,
        client_id=client_id,
        response_type="code",
        redirect_uri=redirect_uri,
        state=state,
        code_challenge=create_s256_code_challenge(verifier),
        code_challenge_method="S256",
        redirect_on_decline="true",
    )
    return AuthorizationRequest(url=str(url), redirect_uri=redirect_uri, state=state,
                                code_verifier=verifier)


def parse_callback(url_or_query: str, expected_state: str) -> str:
    """The authorization code from a redirect to our callback, after checking ``state``.

    Raises :class:`StateMismatchError` when ``state`` is missing or foreign (checked first, so a
    foreign error answer cannot end a sign-in as "denied"), :class:`AuthorizationDenied` for
    ``error=access_denied`` and :class:`SignInError` for other errors or a missing code.
    """
    query = urlsplit(url_or_query).query if "?" in url_or_query else url_or_query
    params = dict(parse_qsl(query, keep_blank_values=True))
    got = params.get("state", "")
    if not got or not hmac.compare_digest(got.encode(), expected_state.encode()):
        raise StateMismatchError("callback state does not match this sign-in")
    error = params.get("error")
    if error == "access_denied":
        raise AuthorizationDenied("the user declined access in Clio")
    if error:
        desc = params.get("error_description", "")
        raise SignInError(
            f"authorization failed: {error} {desc}".strip(),
            user_template=msg("Clio refused the sign-in ({error}). Please start it again.",
                              error=error),
        )
    try:
        result = parse_authorization_code_response("http://x/?" + query, state=expected_state)
    except MissingCodeException:
        raise SignInError("callback carries no authorization code") from None
    code = str(result["code"])
    register_secret(code)
    return code


class OAuthClient:
    """Talks to one target's ``/oauth/token`` and ``/oauth/deauthorize``."""

    def __init__(self, target: ClioTarget, credentials: ClientCredentials,
                 http: httpx.Client) -> None:
        self.target = target
        self.credentials = credentials
        self._http = http

    def _post_token(self, body: str) -> dict[str, Any]:
        try:
            resp = self._http.post(self.target.token_url, content=body, headers=_FORM)
        except httpx.TransportError as exc:
            raise NetworkError(f"POST /oauth/token failed: {type(exc).__name__}") from exc
        if resp.status_code >= 500:
            raise ServerError(f"POST /oauth/token -> {resp.status_code}",
                              status=resp.status_code)
        if resp.status_code != 200:
            err, desc = parse_error_body(resp.content)
            raise self._oauth_error(err or "invalid_request", desc, resp.status_code)
        try:
            payload = resp.json()
        except ValueError:
            raise ResponseFormatError("token endpoint did not answer JSON") from None
        if not isinstance(payload, dict):
            raise ResponseFormatError("token endpoint answer is not an object")
        return payload

    def _oauth_error(self, err: str, desc: str | None, status: int) -> OAuthProtocolError:
        tech = f"POST /oauth/token -> {status}: {err} {desc or ''}".strip()
        if err == "invalid_grant":
            said = msg("Clio did not accept the sign-in code: it was already used or has expired. "
                       "Please start the sign-in again.")
        elif err in ("invalid_client", "unauthorized_client"):
            said = msg("Clio did not accept this app's client id and secret for {region}. Check "
                       "the Clio app settings (each region needs its own registered app).",
                       region=self.target.label)
        else:
            said = msg("Clio refused the sign-in ({error}). Please start it again.", error=err)
        return OAuthProtocolError(tech, oauth_error=err, user_template=said, status=status)

    def exchange_code(self, code: str, code_verifier: str, redirect_uri: str) -> TokenSet:
        """Trade an authorization code for tokens (never retried: a code works once)."""
        body = prepare_token_request(
            "authorization_code",
            code=code,
            redirect_uri=redirect_uri,
            client_id=self.credentials.client_id,
            client_secret=self.credentials.client_secret,
            code_verifier=code_verifier,
        )
        payload = self._post_token(str(body))
        return self._tokens(payload, previous_refresh_token=None)

    def refresh(self, tokens: TokenSet) -> TokenSet:
        """New tokens from the refresh token; an answer without one keeps the old one.

        A refused refresh token means the sign-in is gone: :class:`TokenRevokedError`.
        """
        if not tokens.refresh_token:
            raise TokenRevokedError("no refresh token to renew the access token")
        body = prepare_token_request(
            "refresh_token",
            refresh_token=tokens.refresh_token,
            client_id=self.credentials.client_id,
            client_secret=self.credentials.client_secret,
        )
        try:
            payload = self._post_token(str(body))
        except OAuthProtocolError as exc:
            if exc.oauth_error in ("invalid_grant", "invalid_token"):
                raise TokenRevokedError(f"refresh refused: {exc.oauth_error}",
                                        status=exc.status) from exc
            raise
        return self._tokens(payload, previous_refresh_token=tokens.refresh_token)

    def deauthorize(self, access_token: str) -> None:
        """Ask Clio to revoke the tokens (``POST /oauth/deauthorize``). A 401 means they were
        already invalid, which is the goal; other failures raise."""
        headers = {**_FORM, "Authorization": f"Bearer {access_token}"}
        try:
            resp = self._http.post(self.target.deauthorize_url,
                                   content=urlencode({"token": access_token}),
                                   headers=headers)
        except httpx.TransportError as exc:
            raise NetworkError(f"POST /oauth/deauthorize failed: {type(exc).__name__}") from exc
        if resp.status_code < 300 or resp.status_code == 401:
            return
        if resp.status_code >= 500:
            raise ServerError(f"POST /oauth/deauthorize -> {resp.status_code}",
                              status=resp.status_code)
        err, desc = parse_error_body(resp.content)
        raise self._oauth_error(err or "invalid_request", desc, resp.status_code)

    @staticmethod
    def _tokens(payload: Mapping[str, Any], previous_refresh_token: str | None) -> TokenSet:
        try:
            return TokenSet.from_token_response(payload,
                                                previous_refresh_token=previous_refresh_token)
        except ValueError as exc:
            raise ResponseFormatError(f"token answer unusable: {exc}") from None
