"""Clio's OAuth 2.0 endpoints for the sandbox's one registered app.

* ``GET /oauth/authorize`` — consent page, or with auto-approve an immediate redirect to
  ``redirect_uri?code=...&state=...``; Deny redirects with ``error=access_denied`` only when
  ``redirect_on_decline=true``. Any loopback ``http`` redirect URI is accepted for the sandbox's
  client (real Clio needs it registered).
* ``POST /oauth/token`` — form-encoded; ``authorization_code`` and ``refresh_token`` grants;
  client id and secret in the form body; codes single-use and short-lived; PKCE verified when a
  ``code_challenge`` was sent.
* ``POST /oauth/deauthorize`` — revokes the grant of the bearer (and form ``token``).
* :meth:`OAuth.authenticate` — bearer token to user id (None if unknown, expired or revoked).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from desktop.sandbox import choices, consent
from desktop.sandbox.store import Store
from desktop.sandbox.timeutil import now
from desktop.sandbox.wire import Request, Response

APP_NAME = "Prolegis Desktop"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
INVALID_TOKEN = (
    "The access token provided is expired, revoked, malformed, or invalid for other reasons."
)


def is_loopback_redirect(uri: str) -> bool:
    try:
        parts = urlsplit(uri)
        host = parts.hostname
        _ = parts.port
    except ValueError:
        return False
    return parts.scheme == "http" and host in LOOPBACK_HOSTS and not parts.fragment


def with_params(uri: str, params: dict[str, str]) -> str:
    sep = "&" if urlsplit(uri).query else "?"
    return uri + sep + urlencode(params)


def _oauth_error(status: int, error: str, description: str) -> Response:
    resp = Response.json(status, {"error": error, "error_description": description})
    resp.set_header("Cache-Control", "no-store")
    if status == 401:
        resp.set_header("WWW-Authenticate", f'Bearer realm="Clio", error="{error}"')
    return resp


def invalid_token_response() -> Response:
    return _oauth_error(401, "invalid_token", INVALID_TOKEN)


class OAuth:
    """Authorization codes (in memory) and tokens (in the store, so ``--data`` keeps them)."""

    def __init__(self, core: Any) -> None:
        self.core = core
        self.store: Store = core.store
        self._lock = threading.Lock()
        self._codes: dict[str, dict[str, Any]] = {}
        self._pending: dict[str, dict[str, Any]] = {}

    @property
    def config(self) -> Any:
        return self.core.config

    # -- tokens -----------------------------------------------------------------------------
    def issue(self, user_id: int, refresh: str | None = None) -> dict[str, Any]:
        """New access token (and refresh token unless one is given) for a user."""
        lifetime = int(self.config.token_lifetime)
        access = secrets.token_urlsafe(32)
        with self.store.lock:
            new_refresh = refresh is None
            if refresh is None:
                refresh = secrets.token_urlsafe(32)
                self.store.oauth["refresh"][refresh] = {"user_id": user_id, "revoked": False}
            self.store.oauth["access"][access] = {
                "user_id": user_id,
                "expires_at": now() + lifetime,
                "refresh": refresh,
                "revoked": False,
            }
            self.store.changed()
        out: dict[str, Any] = {
            "token_type": "bearer",
            "access_token": access,
            "expires_in": lifetime,
        }
        if new_refresh or choices.REFRESH_RETURNS_REFRESH_TOKEN:
            out["refresh_token"] = refresh
        return out

    def authenticate(self, token: str | None) -> int | None:
        if not token:
            return None
        with self.store.lock:
            rec = self.store.oauth["access"].get(token)
            if rec is None or rec["revoked"] or rec["expires_at"] <= now():
                return None
            user = self.store.get("users", rec["user_id"])
            if user is None or not user.get("enabled", True):
                return None
            return int(rec["user_id"])

    def expire(self, token: str) -> None:
        with self.store.lock:
            rec = self.store.oauth["access"].get(token)
            if rec is None:
                raise KeyError("unknown access token")
            rec["expires_at"] = now() - 1
            self.store.changed()

    def revoke_all(self) -> None:
        with self.store.lock:
            for kind in ("access", "refresh"):
                for rec in self.store.oauth[kind].values():
                    rec["revoked"] = True
            self.store.changed()

    def _revoke_grant(self, access_token: str) -> None:
        rec = self.store.oauth["access"].get(access_token)
        if rec is None:
            return
        refresh = rec.get("refresh")
        rec["revoked"] = True
        if refresh:
            r = self.store.oauth["refresh"].get(refresh)
            if r is not None:
                r["revoked"] = True
            for other in self.store.oauth["access"].values():
                if other.get("refresh") == refresh:
                    other["revoked"] = True
        self.store.changed()

    # -- HTTP ---------------------------------------------------------------------------------
    def handle(self, req: Request) -> Response:
        path = req.path.rstrip("/")
        if path == "/oauth/authorize" and req.method == "GET":
            return self._authorize(dict(req.query))
        if path == "/oauth/authorize" and req.method == "POST":
            return self._decision(req)
        if path == "/oauth/token" and req.method == "POST":
            return self._token(req)
        if path == "/oauth/deauthorize" and req.method == "POST":
            return self._deauthorize(req)
        return Response.json(404, {"error": "not_found", "error_description": "No such endpoint"})

    def _authorize(self, p: dict[str, str]) -> Response:
        if p.get("client_id") != self.config.client_id:
            return Response.text(
                400, consent.error_page("Invalid client", "The client_id is unknown."), "text/html"
            )
        redirect = p.get("redirect_uri", "")
        if not is_loopback_redirect(redirect):
            return Response.text(
                400,
                consent.error_page(
                    "Invalid redirect URI",
                    "The redirect_uri is missing or not registered (the sandbox accepts any "
                    "http loopback address).",
                ),
                "text/html",
            )
        state = {"state": p["state"]} if "state" in p else {}
        if p.get("response_type") != "code":
            return self._redirect(
                with_params(redirect, {"error": "unsupported_response_type", **state})
            )
        method = p.get("code_challenge_method", "plain" if p.get("code_challenge") else "")
        if p.get("code_challenge") and method not in ("S256", "plain"):
            return self._redirect(with_params(redirect, {"error": "invalid_request", **state}))
        request = dict(p)
        if self.config.auto_approve:
            return self._approve(request, self.core.signin_user_id())
        rid = secrets.token_urlsafe(16)
        with self._lock:
            self._pending[rid] = request
        with self.store.lock:
            users = [
                (u["id"], u["name"], u["email"])
                for u in self.store.all("users")
                if u.get("enabled", True)
            ]
        page = consent.consent_page(rid, APP_NAME, users, self.core.signin_user_id())
        return Response.text(200, page, "text/html; charset=utf-8")

    def _decision(self, req: Request) -> Response:
        form = dict(parse_qsl(req.body().decode("utf-8", "replace"), keep_blank_values=True))
        with self._lock:
            request = self._pending.pop(form.get("request_id", ""), None)
        if request is None:
            return Response.text(
                400, consent.error_page("Expired request", "Start the sign-in again."), "text/html"
            )
        redirect = request["redirect_uri"]
        state = {"state": request["state"]} if "state" in request else {}
        if form.get("decision") != "approve":
            if request.get("redirect_on_decline") == "true":
                return self._redirect(with_params(redirect, {"error": "access_denied", **state}))
            return Response.text(200, consent.declined_page(), "text/html; charset=utf-8")
        try:
            user_id = int(form.get("user_id") or self.core.signin_user_id())
        except ValueError:
            user_id = self.core.signin_user_id()
        return self._approve(request, user_id)

    def _approve(self, request: dict[str, str], user_id: int) -> Response:
        code = secrets.token_urlsafe(24)
        with self._lock:
            self._codes[code] = {
                "user_id": user_id,
                "redirect_uri": request["redirect_uri"],
                "expires_at": now() + choices.AUTH_CODE_TTL,
                "challenge": request.get("code_challenge"),
                "method": request.get("code_challenge_method") or "plain",
            }
        params = {"code": code}
        if "state" in request:
            params["state"] = request["state"]
        return self._redirect(with_params(request["redirect_uri"], params))

    @staticmethod
    def _redirect(location: str) -> Response:
        return Response(302, [("Location", location), ("Cache-Control", "no-store")])

    def _token(self, req: Request) -> Response:
        ctype = (req.header("Content-Type") or "").split(";")[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded":
            return _oauth_error(400, "invalid_request", "The token request must be form-encoded")
        form = dict(parse_qsl(req.body().decode("utf-8", "replace"), keep_blank_values=True))
        cid, secret = form.get("client_id"), form.get("client_secret")
        if (cid is None or secret is None) and choices.CLIENT_CREDENTIALS_IN_BODY_ONLY:
            return _oauth_error(
                401,
                "invalid_client",
                "Client authentication failed: send client_id and client_secret in the form body",
            )
        if cid != self.config.client_id or not hmac.compare_digest(
            (secret or "").encode(), self.config.client_secret.encode()
        ):
            return _oauth_error(401, "invalid_client", "Client authentication failed")
        grant = form.get("grant_type")
        if grant == "authorization_code":
            return self._grant_code(form)
        if grant == "refresh_token":
            return self._grant_refresh(form)
        return _oauth_error(400, "unsupported_grant_type", "The grant type is not supported")

    def _grant_code(self, form: dict[str, str]) -> Response:
        code = form.get("code", "")
        with self._lock:
            rec = self._codes.pop(code, None)  # single use, even when the checks below fail
        if rec is None or rec["expires_at"] <= now():
            return _oauth_error(
                400, "invalid_grant", "The authorization code is invalid or expired"
            )
        if form.get("redirect_uri") != rec["redirect_uri"]:
            return _oauth_error(
                400, "invalid_grant", "The redirect_uri does not match the authorization request"
            )
        if rec["challenge"]:
            verifier = form.get("code_verifier")
            if not verifier:
                return _oauth_error(400, "invalid_grant", "code_verifier is required")
            if rec["method"] == "S256":
                digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
                computed = base64.urlsafe_b64encode(digest).decode().rstrip("=")
            else:
                computed = verifier
            if not hmac.compare_digest(computed, rec["challenge"]):
                return _oauth_error(400, "invalid_grant", "The code_verifier does not match")
        return self._token_response(self.issue(rec["user_id"]))

    def _grant_refresh(self, form: dict[str, str]) -> Response:
        token = form.get("refresh_token", "")
        with self.store.lock:
            rec = self.store.oauth["refresh"].get(token)
            if rec is None or rec["revoked"] or self.store.get("users", rec["user_id"]) is None:
                return _oauth_error(400, "invalid_grant", "The refresh token is invalid or revoked")
            if not choices.REFRESH_KEEPS_OLD_ACCESS_TOKEN:
                for a in self.store.oauth["access"].values():
                    if a.get("refresh") == token:
                        a["revoked"] = True
            return self._token_response(self.issue(rec["user_id"], refresh=token))

    @staticmethod
    def _token_response(payload: dict[str, Any]) -> Response:
        resp = Response.json(200, payload)
        resp.set_header("Cache-Control", "no-store")
        resp.set_header("Pragma", "no-cache")
        return resp

    def _deauthorize(self, req: Request) -> Response:
        bearer = bearer_token(req)
        if self.authenticate(bearer) is None:
            return invalid_token_response()
        form = dict(parse_qsl(req.body().decode("utf-8", "replace"), keep_blank_values=True))
        with self.store.lock:
            for tok in {bearer, form.get("token")}:
                if tok:
                    self._revoke_grant(tok)
        return Response.json(200, {})


def bearer_token(req: Request) -> str | None:
    header = req.header("Authorization") or ""
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        return None
    return value.strip()
