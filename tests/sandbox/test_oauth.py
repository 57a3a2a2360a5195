"""OAuth conformance: authorize (consent / auto-approve), code exchange, refresh, PKCE,
deauthorize, and 401 invalid_token for bad, expired or revoked tokens — over HTTP."""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from desktop.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, Sandbox

REDIRECT = "http://127.0.0.1:5678/callback"


def authorize(sb: Sandbox, **params: str) -> httpx.Response:
    q = {
        "response_type": "code",
        "client_id": DEFAULT_CLIENT_ID,
        "redirect_uri": REDIRECT,
        **params,
    }
    return httpx.get(f"{sb.base_url}/oauth/authorize", params=q, follow_redirects=False)


def redirect_params(resp: httpx.Response) -> dict[str, str]:
    assert resp.status_code == 302, resp.text
    loc = resp.headers["Location"]
    assert loc.startswith(REDIRECT)
    return {k: v[0] for k, v in parse_qs(urlsplit(loc).query).items()}


def exchange(sb: Sandbox, code: str, **extra: str) -> httpx.Response:
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "client_id": DEFAULT_CLIENT_ID,
        "client_secret": DEFAULT_CLIENT_SECRET,
        "redirect_uri": REDIRECT,
        **extra,
    }
    return httpx.post(f"{sb.base_url}/oauth/token", data=form)


def who_am_i(sb: Sandbox, token: str) -> httpx.Response:
    return httpx.get(
        f"{sb.base_url}/api/v4/users/who_am_i.json",
        params={"fields": "id,name,email"},
        headers={"Authorization": f"Bearer {token}"},
    )


def test_auto_approve_full_sign_in(sandbox: Sandbox) -> None:
    params = redirect_params(authorize(sandbox, state="xyz-123"))
    assert params["state"] == "xyz-123"
    resp = exchange(sandbox, params["code"])
    assert resp.status_code == 200
    body = resp.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == sandbox.config.token_lifetime
    assert body["access_token"] and body["refresh_token"]
    me = who_am_i(sandbox, body["access_token"])
    assert me.status_code == 200
    assert me.json()["data"] == {
        "id": sandbox.admin.default_user_id(),
        "name": "Jane Doe",
        "email": "jane.doe@example-law.ca",
    }


def test_code_is_single_use(sandbox: Sandbox) -> None:
    code = redirect_params(authorize(sandbox))["code"]
    assert exchange(sandbox, code).status_code == 200
    again = exchange(sandbox, code)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


def test_exchange_checks_client_secret_and_redirect(sandbox: Sandbox) -> None:
    code = redirect_params(authorize(sandbox))["code"]
    bad = exchange(sandbox, code, client_secret="wrong")
    assert bad.status_code == 401 and bad.json()["error"] == "invalid_client"
    code = redirect_params(authorize(sandbox))["code"]
    bad = exchange(sandbox, code, redirect_uri="http://127.0.0.1:5679/callback")
    assert bad.status_code == 400 and bad.json()["error"] == "invalid_grant"
    code = redirect_params(authorize(sandbox))["code"]
    bad = exchange(sandbox, code, client_id="someone-else")
    assert bad.status_code == 401


def test_token_needs_form_body_credentials(sandbox: Sandbox) -> None:
    code = redirect_params(authorize(sandbox))["code"]
    form = {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT}
    basic = httpx.post(
        f"{sandbox.base_url}/oauth/token",
        data=form,
        auth=(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET),
    )
    assert basic.status_code == 401
    assert basic.json()["error"] == "invalid_client"
    as_json = httpx.post(
        f"{sandbox.base_url}/oauth/token",
        json={**form, "client_id": DEFAULT_CLIENT_ID, "client_secret": DEFAULT_CLIENT_SECRET},
    )
    assert as_json.status_code == 400


def test_unknown_grant_type(sandbox: Sandbox) -> None:
    resp = httpx.post(
        f"{sandbox.base_url}/oauth/token",
        data={
            "grant_type": "password",
            "client_id": DEFAULT_CLIENT_ID,
            "client_secret": DEFAULT_CLIENT_SECRET,
        },
    )
    assert resp.status_code == 400 and resp.json()["error"] == "unsupported_grant_type"


def test_refresh_grant(sandbox: Sandbox) -> None:
    tokens = exchange(sandbox, redirect_params(authorize(sandbox))["code"]).json()
    form = {
        "grant_type": "refresh_token",
        "refresh_token": tokens["refresh_token"],
        "client_id": DEFAULT_CLIENT_ID,
        "client_secret": DEFAULT_CLIENT_SECRET,
    }
    first = httpx.post(f"{sandbox.base_url}/oauth/token", data=form)
    assert first.status_code == 200
    new = first.json()
    assert new["access_token"] != tokens["access_token"]
    assert new["expires_in"] > 0
    assert who_am_i(sandbox, new["access_token"]).status_code == 200
    # Manage refresh tokens are reusable.
    second = httpx.post(f"{sandbox.base_url}/oauth/token", data=form)
    assert second.status_code == 200
    bad = httpx.post(f"{sandbox.base_url}/oauth/token", data={**form, "refresh_token": "nope"})
    assert bad.status_code == 400 and bad.json()["error"] == "invalid_grant"


def test_pkce_is_verified_when_sent(sandbox: Sandbox) -> None:
    verifier = "v" * 64
    challenge = (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).decode().rstrip("=")
    )
    code = redirect_params(
        authorize(sandbox, code_challenge=challenge, code_challenge_method="S256")
    )["code"]
    assert exchange(sandbox, code).status_code == 400  # verifier missing
    code = redirect_params(
        authorize(sandbox, code_challenge=challenge, code_challenge_method="S256")
    )["code"]
    assert exchange(sandbox, code, code_verifier="w" * 64).status_code == 400
    code = redirect_params(
        authorize(sandbox, code_challenge=challenge, code_challenge_method="S256")
    )["code"]
    assert exchange(sandbox, code, code_verifier=verifier).status_code == 200


def test_redirect_uri_must_be_loopback(sandbox: Sandbox) -> None:
    resp = authorize(sandbox, redirect_uri="https://evil.example/cb")
    assert resp.status_code == 400
    assert "Location" not in resp.headers
    ok = authorize(sandbox, redirect_uri="http://localhost:9999/other?x=1")
    assert ok.status_code == 302
    loc = urlsplit(ok.headers["Location"])
    assert parse_qs(loc.query)["x"] == ["1"] and "code" in parse_qs(loc.query)


def test_unknown_client_gets_error_page(sandbox: Sandbox) -> None:
    resp = authorize(sandbox, client_id="nope")
    assert resp.status_code == 400 and "Location" not in resp.headers


def _consent(sb: Sandbox, **params: str) -> tuple[str, httpx.Response]:
    page = authorize(sb, **params)
    assert page.status_code == 200
    assert "Approve" in page.text and "Deny" in page.text
    m = re.search(r"name='request_id' value='([^']+)'", page.text)
    assert m
    return m.group(1), page


def test_consent_page_approve_and_deny(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    sb = sandbox_factory(auto_approve=False)
    rid, _ = _consent(sb, state="s1")
    approved = httpx.post(
        f"{sb.base_url}/oauth/authorize", data={"request_id": rid, "decision": "approve"}
    )
    params = redirect_params(approved)
    assert params["state"] == "s1" and exchange(sb, params["code"]).status_code == 200

    rid, _ = _consent(sb, state="s2", redirect_on_decline="true")
    denied = httpx.post(
        f"{sb.base_url}/oauth/authorize", data={"request_id": rid, "decision": "deny"}
    )
    assert redirect_params(denied) == {"error": "access_denied", "state": "s2"}

    rid, _ = _consent(sb, state="s3")
    stays = httpx.post(
        f"{sb.base_url}/oauth/authorize", data={"request_id": rid, "decision": "deny"}
    )
    assert stays.status_code == 200 and "access_denied" in stays.text


def test_consent_page_can_sign_in_another_user(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    sb = sandbox_factory(auto_approve=False)
    other = sb.admin.add_user("Raj Patel", "raj.patel@example-law.ca")
    rid, page = _consent(sb)
    assert "Raj Patel" in page.text
    resp = httpx.post(
        f"{sb.base_url}/oauth/authorize",
        data={"request_id": rid, "decision": "approve", "user_id": str(other)},
    )
    token = exchange(sb, redirect_params(resp)["code"]).json()["access_token"]
    assert who_am_i(sb, token).json()["data"]["id"] == other


@pytest.mark.parametrize("header", ["Bearer not-a-token", "Basic abc", ""])
def test_bad_tokens_get_invalid_token(sandbox: Sandbox, header: str) -> None:
    resp = httpx.get(
        f"{sandbox.base_url}/api/v4/users/who_am_i",
        headers={"Authorization": header} if header else {},
    )
    assert resp.status_code == 401
    assert resp.json()["error"] == "invalid_token"


def test_expired_and_revoked_tokens(sandbox: Sandbox) -> None:
    t1 = sandbox.admin.issue_tokens()["access_token"]
    assert who_am_i(sandbox, t1).status_code == 200
    sandbox.admin.expire_access_token(t1)
    assert who_am_i(sandbox, t1).status_code == 401
    t2 = sandbox.admin.issue_tokens()
    sandbox.admin.revoke_all_tokens()
    assert who_am_i(sandbox, t2["access_token"]).status_code == 401
    refresh = httpx.post(
        f"{sandbox.base_url}/oauth/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": t2["refresh_token"],
            "client_id": DEFAULT_CLIENT_ID,
            "client_secret": DEFAULT_CLIENT_SECRET,
        },
    )
    assert refresh.status_code == 400


def test_short_token_lifetime_expires(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    import time

    sb = sandbox_factory(token_lifetime=1)
    tokens = sb.admin.issue_tokens()
    assert tokens["expires_in"] == 1
    time.sleep(1.1)
    assert who_am_i(sb, tokens["access_token"]).status_code == 401


def test_deauthorize_revokes_grant(sandbox: Sandbox) -> None:
    tokens = sandbox.admin.issue_tokens()
    at = tokens["access_token"]
    resp = httpx.post(
        f"{sandbox.base_url}/oauth/deauthorize",
        data={"token": at},
        headers={"Authorization": f"Bearer {at}"},
    )
    assert 200 <= resp.status_code < 300
    assert who_am_i(sandbox, at).status_code == 401
    refresh = httpx.post(
        f"{sandbox.base_url}/oauth/token",
        data={
            "grant_type": "refresh_token",
            "refresh_token": tokens["refresh_token"],
            "client_id": DEFAULT_CLIENT_ID,
            "client_secret": DEFAULT_CLIENT_SECRET,
        },
    )
    assert refresh.status_code == 400
    again = httpx.post(
        f"{sandbox.base_url}/oauth/deauthorize", headers={"Authorization": f"Bearer {at}"}
    )
    assert again.status_code == 401


def test_codes_are_short_lived(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.sandbox import choices

    monkeypatch.setattr(choices, "AUTH_CODE_TTL", 0.0)
    code = redirect_params(authorize(sandbox))["code"]
    resp = exchange(sandbox, code)
    assert resp.status_code == 400 and resp.json()["error"] == "invalid_grant"
