"""The request layer against the sandbox: headers, token renewal, revocation, typed errors,
the rate budget, and retries under injected faults without duplicate creates."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest

from desktop.clio.api import ClioClient
from desktop.clio.budget import RequestBudget
from desktop.clio.errors import (
    AmbiguousCreateError,
    InvalidFieldsError,
    NetworkError,
    NotFoundError,
    PreconditionFailedError,
    ServerError,
    TokenExpiredError,
    TokenRevokedError,
    ValidationError,
)
from desktop.clio.regions import ClioTarget
from desktop.clio.retry import NO_RETRY
from desktop.clio.session import ClioSession
from desktop.clio.tokens import HomeFileTokenStore, TokenSet
from desktop.sandbox import Sandbox
from tests.support.clio_fixtures import FAST_RETRY, ClioFactory


def statuses(sb: Sandbox, route: str) -> dict[str, int]:
    return dict(sb.admin.stats()["routes"].get(route, {}))


# ---------------------------------------------------------------- headers


def test_sends_version_user_agent_and_bearer(tmp_path: Path) -> None:
    seen: dict[str, Any] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.update(dict(self.headers))
            body = b'{"data": {"id": 1, "name": "X"}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *a: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    t = threading.Thread(target=server.handle_request)
    t.start()
    target = ClioTarget.for_url(f"http://127.0.0.1:{server.server_port}")
    with ClioClient(ClioSession(target, TokenSet("tok-123456"))) as client:
        assert client.who_am_i().name == "X"
    t.join(5)
    server.server_close()
    assert seen["X-API-VERSION"] == "4.0.13"
    assert seen["Authorization"] == "Bearer tok-123456"
    assert seen["User-Agent"].startswith("prolegis-desktop/")
    assert "(" in seen["User-Agent"]


def test_every_listing_sends_fields(clio: ClioClient, sandbox: Sandbox) -> None:
    sandbox.admin.create_contact(first_name="Ada", last_name="Lovelace")
    (contact,) = list(clio.contacts())
    assert contact.name == "Ada Lovelace" and contact.etag and contact.updated_at
    with pytest.raises(ValueError):
        clio._list("/contacts.json", lambda d: d, "")


# ---------------------------------------------------------------- tokens


def test_expired_token_is_renewed_once_and_saved(clio: ClioClient, sandbox: Sandbox) -> None:
    old = clio.session.tokens
    sandbox.admin.expire_access_token(old.access_token)
    user = clio.who_am_i()
    assert user.name
    new = clio.session.tokens
    assert new.access_token != old.access_token
    assert new.refresh_token == old.refresh_token, "refresh answered without one: keep the old"
    assert clio.session.refresh_count == 1
    assert statuses(sandbox, "GET /api/v4/users/who_am_i") == {"200": 1, "401": 1}
    store = HomeFileTokenStore(next(Path(p) for p in [clio.session._store.path]))  # type: ignore[union-attr]
    saved = store.load(clio.session.target, clio.session.account or "")
    assert saved is not None and saved.access_token == new.access_token


def test_token_close_to_expiry_is_renewed_before_use(
    sandbox_factory: Any, clio_factory: ClioFactory
) -> None:
    sb = sandbox_factory(token_lifetime=120)  # inside the 5-minute early-renewal window
    clio = clio_factory(sb)
    clio.who_am_i()
    assert clio.session.refresh_count == 1
    assert statuses(sb, "GET /api/v4/users/who_am_i") == {"200": 1}


def test_revoked_sign_in_is_a_clear_error(clio: ClioClient, sandbox: Sandbox) -> None:
    sandbox.admin.revoke_all_tokens()
    with pytest.raises(TokenRevokedError) as info:
        clio.who_am_i()
    assert "sign in" in info.value.user_message.lower()


def test_expired_without_app_credentials_asks_to_sign_in(sandbox: Sandbox) -> None:
    payload = sandbox.admin.issue_tokens()
    sandbox.admin.expire_access_token(payload["access_token"])
    session = ClioSession(ClioTarget.for_url(sandbox.base_url),
                          TokenSet.from_token_response(payload))
    with ClioClient(session) as client, pytest.raises(TokenExpiredError):
        client.who_am_i()


# ---------------------------------------------------------------- typed errors


def test_field_errors(clio: ClioClient, sandbox: Sandbox) -> None:
    with pytest.raises(InvalidFieldsError) as info:
        list(clio.contacts(fields="id,no_such_field"))
    assert "no_such_field" in str(info.value)
    with pytest.raises(ValidationError) as v:
        clio.create_contact({"type": "Person", "title": "Dr."})
    assert v.value.status == 422 and v.value.clio_message
    assert v.value.clio_message in v.value.user_message


def test_not_found(clio: ClioClient) -> None:
    with pytest.raises(NotFoundError):
        clio.matter(999_999)


def test_412_when_the_record_changed(clio: ClioClient, sandbox: Sandbox) -> None:
    cid = sandbox.admin.create_contact(first_name="A", last_name="B")
    mid = sandbox.admin.create_matter(cid, "Estate")
    stale = clio.matter(mid)
    sandbox.admin.update_matter(mid, description="Changed in Clio")
    with pytest.raises(PreconditionFailedError) as info:
        clio.update_matter(mid, {"description": "Mine"}, etag=stale.etag)
    assert not info.value.possibly_own_change
    current = clio.matter(mid)
    assert current.description == "Changed in Clio"
    if info.value.current_etag is not None:
        assert info.value.current_etag == current.etag
    assert clio.update_matter(mid, {"description": "Mine"}, etag=current.etag).description == "Mine"


# ---------------------------------------------------------------- rate limit


def test_budget_keeps_requests_inside_the_limit(
    sandbox: Sandbox, clio_factory: ClioFactory
) -> None:
    sandbox.admin.set_rate_limit(5, 1.0)
    clio = clio_factory(sandbox, budget=RequestBudget())  # starts believing 50/min
    for _ in range(11):
        clio.who_am_i()
    assert sandbox.admin.stats()["rate_limited"] == 0
    assert statuses(sandbox, "GET /api/v4/users/who_am_i") == {"200": 11}


def test_a_larger_server_allowance_replaces_the_first_guess(clio: ClioClient) -> None:
    # The client starts believing Clio's 50/min; this sandbox allows a million per window.
    for _ in range(60):
        clio.who_am_i()
    assert clio.session.budget.snapshot().available > 900_000


def test_429_waits_retry_after_and_succeeds(sandbox: Sandbox, clio: ClioClient) -> None:
    sandbox.admin.set_faults("seed=3;GET:/api/v4/users/who_am_i=429@0.5")
    for _ in range(6):
        assert clio.who_am_i().id
    assert clio.session.budget.rate_limited_count >= 1
    assert sandbox.admin.stats()["injected_429"] == clio.session.budget.rate_limited_count


def test_threads_share_one_budget(sandbox: Sandbox, clio_factory: ClioFactory) -> None:
    sandbox.admin.set_rate_limit(10, 1.0)
    clio = clio_factory(sandbox, budget=RequestBudget(limit=10, window=1.0))
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(5):
                clio.who_am_i()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    assert sandbox.admin.stats()["rate_limited"] == 0


# ---------------------------------------------------------------- retries and idempotency


def test_reads_are_retried_through_5xx_and_resets(sandbox: Sandbox, clio: ClioClient) -> None:
    for i in range(30):
        sandbox.admin.create_contact(first_name=f"P{i}", last_name="Q")
    sandbox.admin.set_faults("seed=11;GET:/api/v4/contacts*=503@0.15;GET:/api/v4/contacts*=reset@0.1")
    for _ in range(10):
        assert len(list(clio.contacts(query="Q"))) == 30
    assert sandbox.admin.stats()["faults_injected"] > 0


def test_persistent_server_error_gives_up_with_a_typed_error(
    sandbox: Sandbox, clio: ClioClient
) -> None:
    sandbox.admin.set_faults("GET:/api/v4/users/who_am_i=500")
    with pytest.raises(ServerError):
        clio.who_am_i()
    assert statuses(sandbox, "GET /api/v4/users/who_am_i") == {"500": FAST_RETRY.max_attempts}


def test_a_thread_can_ask_once_without_retries(sandbox: Sandbox, clio: ClioClient) -> None:
    """Who is signed in is asked at start with one attempt (offline, the remembered name does);
    the policy is this thread's, for the block only."""
    sandbox.admin.set_faults("GET:/api/v4/users/who_am_i=500")
    with pytest.raises(ServerError), clio.session.retrying(NO_RETRY):
        clio.who_am_i()
    assert statuses(sandbox, "GET /api/v4/users/who_am_i") == {"500": 1}
    with pytest.raises(ServerError):
        clio.who_am_i()
    assert statuses(sandbox, "GET /api/v4/users/who_am_i") == {"500": 1 + FAST_RETRY.max_attempts}


@pytest.mark.parametrize("fault", ["502+after", "reset+after", "503"])
def test_create_is_never_repeated_blindly(sandbox: Sandbox, clio: ClioClient, fault: str) -> None:
    sandbox.admin.set_faults(f"POST:/api/v4/contacts={fault}")
    with pytest.raises(AmbiguousCreateError) as info:
        clio.create_contact({"type": "Person", "first_name": "Once", "last_name": "Only"})
    assert info.value.method == "POST"
    sandbox.admin.set_faults(None)
    found = list(clio.contacts(query="Only"))
    assert len(found) == (1 if fault.endswith("+after") else 0)
    assert sum(statuses(sandbox, "POST /api/v4/contacts").values()) == 1


def test_create_is_retried_when_the_connection_never_opened(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    with socket_that_refuses() as port:
        target = ClioTarget.for_url(f"http://127.0.0.1:{port}")
        session = ClioSession(target, TokenSet("tok-xxxxxx"), retry=FAST_RETRY)
        with ClioClient(session) as client, pytest.raises(NetworkError) as info:
            client.create_contact({"type": "Person", "first_name": "A"})
    assert not isinstance(info.value, AmbiguousCreateError)
    assert "reach Clio" in info.value.user_message


def clear_faults_on_first_retry(sandbox: Sandbox) -> Any:
    """A session ``sleep`` that lifts the faults while the client waits to retry, so exactly
    one attempt fails."""
    return lambda _seconds: sandbox.admin.set_faults(None)


def test_conditional_patch_retry_reports_its_own_change(
    sandbox: Sandbox, clio_factory: ClioFactory
) -> None:
    clio = clio_factory(sandbox, sleep=clear_faults_on_first_retry(sandbox))
    cid = sandbox.admin.create_contact(first_name="A", last_name="B")
    mid = sandbox.admin.create_matter(cid, "Before")
    m = clio.matter(mid)
    sandbox.admin.set_faults("PATCH:/api/v4/matters/*=502+after")
    with pytest.raises(PreconditionFailedError) as info:
        clio.update_matter(mid, {"description": "After"}, etag=m.etag)
    assert info.value.possibly_own_change
    sandbox.admin.set_faults(None)
    assert clio.matter(mid).description == "After"


def test_delete_retried_after_a_lost_answer_succeeds(
    sandbox: Sandbox, clio_factory: ClioFactory
) -> None:
    clio = clio_factory(sandbox, sleep=clear_faults_on_first_retry(sandbox))
    cid = sandbox.admin.create_contact(first_name="A", last_name="B")
    mid = sandbox.admin.create_matter(cid, "Doomed")
    sandbox.admin.set_faults("DELETE:/api/v4/matters/*=reset+after")
    clio.delete_matter(mid)
    assert statuses(sandbox, "DELETE /api/v4/matters/{id}") == {"0": 1, "404": 1}
    with pytest.raises(NotFoundError):
        clio.matter(mid)


class socket_that_refuses:
    """A loopback port nobody listens on."""

    def __enter__(self) -> int:
        import socket

        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = int(s.getsockname()[1])
        s.close()
        return self.port

    def __exit__(self, *exc: object) -> None:
        pass
