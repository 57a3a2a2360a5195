"""Browser sign-in against the sandbox over real HTTP: approve, deny, wrong state, replayed
code, busy port, and sign-out."""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest

from desktop.clio.connect import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
from desktop.clio.errors import (
    AuthorizationDenied,
    OAuthProtocolError,
    PortInUseError,
    StateMismatchError,
    TokenRevokedError,
)
from desktop.clio.oauth import ClientCredentials, OAuthClient
from desktop.clio.regions import ClioTarget
from desktop.clio.signin import BrowserSignIn, sign_out
from desktop.clio.tokens import HomeFileTokenStore
from desktop.sandbox import DEFAULT_USER_EMAIL, DEFAULT_USER_NAME, Sandbox
from tests.clio.browser import ScriptedBrowser

CREDS = ClientCredentials(SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_approve_stores_tokens_for_the_user(sandbox: Sandbox, tmp_path: Path) -> None:
    target = ClioTarget.for_url(sandbox.base_url)
    store = HomeFileTokenStore(tmp_path / "t.json")
    browser = ScriptedBrowser("approve")
    with BrowserSignIn(target, CREDS, port=free_port()) as signin:
        assert signin.open_browser(browser)
        result = signin.wait(30, store=store)
    browser.join()
    assert browser.final_status == 200
    assert result.user.name == DEFAULT_USER_NAME and result.user.email == DEFAULT_USER_EMAIL
    assert store.current_account(target) == str(result.user.id)
    saved = store.load(target, result.account)
    assert saved is not None and saved.access_token == result.tokens.access_token
    assert saved.refresh_token and saved.expires_at


def test_pkce_and_state_are_sent_and_checked_by_the_server(sandbox: Sandbox) -> None:
    target = ClioTarget.for_url(sandbox.base_url)
    with BrowserSignIn(target, CREDS, port=free_port()) as signin:
        q = dict(parse_qsl(urlsplit(signin.url).query))
        assert q["code_challenge_method"] == "S256" and q["state"]
        resp = httpx.get(signin.url, trust_env=False)
        code = dict(parse_qsl(urlsplit(resp.headers["location"]).query))["code"]
    with httpx.Client(trust_env=False) as http, pytest.raises(OAuthProtocolError) as info:
        OAuthClient(target, CREDS, http).exchange_code(code, "x" * 64, signin.redirect_uri)
    assert info.value.oauth_error == "invalid_grant"


def test_deny(sandbox_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sb = sandbox_factory(auto_approve=False)
    browser = ScriptedBrowser("deny")
    store = HomeFileTokenStore(tmp_path / "t.json")
    target = ClioTarget.for_url(sb.base_url)
    with BrowserSignIn(target, CREDS, port=free_port()) as signin:
        signin.open_browser(browser)
        with pytest.raises(AuthorizationDenied) as info:
            signin.wait(30, store=store)
    browser.join()
    assert browser.error is None and browser.final_status == 400
    assert "allow" in info.value.user_message
    assert store.current_account(target) is None


def test_wrong_state(sandbox: Sandbox) -> None:
    browser = ScriptedBrowser("wrong_state")
    with BrowserSignIn(ClioTarget.for_url(sandbox.base_url), CREDS, port=free_port()) as signin:
        signin.open_browser(browser)
        with pytest.raises(StateMismatchError):
            signin.wait(30)
    browser.join()
    assert browser.final_status == 400


def test_replayed_code_is_refused(sandbox: Sandbox) -> None:
    target = ClioTarget.for_url(sandbox.base_url)
    browser = ScriptedBrowser("approve")
    with BrowserSignIn(target, CREDS, port=free_port()) as signin:
        signin.open_browser(browser)
        signin.wait(30)
        verifier = signin._auth.code_verifier
        redirect_uri = signin.redirect_uri
    browser.join()
    assert browser.redirect is not None
    code = dict(parse_qsl(urlsplit(browser.redirect).query))["code"]
    with httpx.Client(trust_env=False) as http, pytest.raises(OAuthProtocolError) as info:
        OAuthClient(target, CREDS, http).exchange_code(code, verifier, redirect_uri)
    assert info.value.oauth_error == "invalid_grant"
    assert "already used" in info.value.user_message


def test_wrong_client_secret_says_so(sandbox: Sandbox) -> None:
    target = ClioTarget.for_url(sandbox.base_url)
    bad = ClientCredentials(SANDBOX_CLIENT_ID, "not-the-secret")
    with BrowserSignIn(target, bad, port=free_port()) as signin:
        signin.open_browser(ScriptedBrowser("approve"))
        with pytest.raises(OAuthProtocolError) as info:
            signin.wait(30)
    assert info.value.oauth_error == "invalid_client"
    assert "client id and secret" in info.value.user_message


def test_busy_port(sandbox: Sandbox) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        with pytest.raises(PortInUseError):
            BrowserSignIn(ClioTarget.for_url(sandbox.base_url), CREDS, port=s.getsockname()[1])


def test_sign_out_revokes_and_deletes(sandbox: Sandbox, tmp_path: Path) -> None:
    target = ClioTarget.for_url(sandbox.base_url)
    store = HomeFileTokenStore(tmp_path / "t.json")
    with BrowserSignIn(target, CREDS, port=free_port()) as signin:
        signin.open_browser(ScriptedBrowser("approve"))
        result = signin.wait(30, store=store)
    out = sign_out(target, store)
    assert out.was_signed_in and out.revoked
    assert store.load(target, result.account) is None
    assert store.current_account(target) is None
    with httpx.Client(trust_env=False) as http, pytest.raises(TokenRevokedError):
        OAuthClient(target, CREDS, http).refresh(result.tokens)
    assert not sign_out(target, store).was_signed_in
