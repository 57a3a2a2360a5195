"""The authorize URL (state + PKCE S256) and the callback check, without a server."""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from desktop.clio.errors import AuthorizationDenied, SignInError, StateMismatchError
from desktop.clio.oauth import ClientCredentials, new_authorization, parse_callback
from desktop.clio.regions import ClioTarget
from desktop.logsetup import redact

REDIRECT = "http://127.0.0.1:53682/callback"


def test_authorize_url_carries_state_and_s256_challenge() -> None:
    target = ClioTarget.for_region("eu")
    auth = new_authorization(target, "my-app", REDIRECT)
    parts = urlsplit(auth.url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://eu.app.clio.com/oauth/authorize"
    q = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert q["response_type"] == "code"
    assert q["client_id"] == "my-app"
    assert q["redirect_uri"] == REDIRECT
    assert q["state"] == auth.state
    assert q["redirect_on_decline"] == "true"
    assert q["code_challenge_method"] == "S256"
    expected = base64.urlsafe_b64encode(
        hashlib.sha256(auth.code_verifier.encode("ascii")).digest()).rstrip(b"=").decode()
    assert q["code_challenge"] == expected
    assert re.fullmatch(r"[A-Za-z0-9\-._~]{43,128}", auth.code_verifier)
    assert "code_verifier" not in q and auth.code_verifier not in auth.url


def test_every_attempt_gets_fresh_secrets() -> None:
    target = ClioTarget.resolve()
    a, b = (new_authorization(target, "x", REDIRECT) for _ in range(2))
    assert a.state != b.state and a.code_verifier != b.code_verifier
    assert len(a.state) >= 32
    assert a.code_verifier not in repr(a)  # the state is in the URL by design


def test_callback_with_matching_state_gives_the_code() -> None:
    assert parse_callback("code=abc123&state=S1", "S1") == "abc123"
    assert parse_callback(f"{REDIRECT}?code=abc123&state=S1", "S1") == "abc123"


@pytest.mark.parametrize("query", ["code=abc&state=other", "code=abc",
                                   "error=access_denied&state=other"])
def test_foreign_or_missing_state_is_refused(query: str) -> None:
    with pytest.raises(StateMismatchError):
        parse_callback(query, "S1")


def test_denial_is_reported_as_such() -> None:
    with pytest.raises(AuthorizationDenied) as info:
        parse_callback("error=access_denied&state=S1", "S1")
    assert "allow" in info.value.user_message


def test_other_errors_and_missing_code() -> None:
    with pytest.raises(SignInError, match="server_error"):
        parse_callback("error=server_error&state=S1", "S1")
    with pytest.raises(SignInError, match="no authorization code"):
        parse_callback("state=S1", "S1")


def test_codes_and_secrets_are_redacted_from_logs() -> None:
    code = parse_callback("code=Zq9xW2kLmN4p&state=S1", "S1")
    creds = ClientCredentials("app", "very-secret-value")
    line = f"got {code} with {creds.client_secret}"
    assert code not in redact(line) and creds.client_secret not in redact(line)
    assert "very-secret-value" not in repr(creds)
