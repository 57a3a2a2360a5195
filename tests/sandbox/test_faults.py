"""Fault injection (``--faults``): syntax, seeded determinism, per-route statuses, resets,
slow answers, failures after processing, and storage PUT failures; ``/sandbox/stats``."""

from __future__ import annotations

import time

import httpx
import pytest

from desktop.sandbox import Sandbox
from desktop.sandbox.faults import Faults, parse
from tests.support.sandbox_fixtures import api_client


@pytest.mark.parametrize(
    "spec",
    [
        "nonsense",
        "/x=404",
        "/x=500@2",
        "/x=slow:abc",
        "/x=slow:1+after",
        "seed=abc",
        "1X:/x=500",
        "=500",
    ],
)
def test_bad_specs_are_rejected(spec: str) -> None:
    with pytest.raises(ValueError):
        parse(spec)


def test_spec_syntax() -> None:
    seed, rules = parse(
        "seed=7; POST:/api/v4/activities*=502+after@0.25 ;/storage/*=reset;*=slow:0.5@0.1"
    )
    assert seed == 7
    assert [(r.method, r.glob, r.kind, r.status, r.after, r.probability) for r in rules] == [
        ("POST", "/api/v4/activities*", "status", 502, True, 0.25),
        (None, "/storage/*", "reset", 0, False, 1.0),
        (None, "*", "slow", 0, False, 0.1),
    ]


def test_same_seed_same_faults() -> None:
    def pattern() -> list[bool]:
        f = Faults("seed=42;/api/v4/*=503@0.3")
        return [f.decide("GET", "/api/v4/contacts").rule is not None for _ in range(200)]

    a, b = pattern(), pattern()
    assert a == b and 30 < sum(a) < 90
    assert Faults("seed=42;/api/v4/*=503@0.3").decide("GET", "/oauth/token").rule is None


def test_status_faults_per_route(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    sb: Sandbox = sandbox_factory(faults="/api/v4/contacts*=503")
    with api_client(sb) as api:
        assert api.get("/contacts").status_code == 503
        assert api.get("/contacts/1.json").status_code == 503
        assert api.get("/users/who_am_i").status_code == 200
        sb.admin.set_faults("GET:/api/v4/users/*=429")
        limited = api.get("/users/who_am_i")
        assert limited.status_code == 429 and limited.headers["Retry-After"] == "1"
        assert api.get("/contacts").status_code == 200
        sb.admin.set_faults(None)
        assert api.get("/users/who_am_i").status_code == 200
    stats = sb.admin.stats()
    assert stats["faults_injected"] == 3 and stats["injected_429"] == 1
    assert stats["routes"]["GET /api/v4/contacts"] == {"200": 1, "503": 1}


def test_after_faults_still_process(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    sb: Sandbox = sandbox_factory(faults="POST:/api/v4/contacts=502+after")
    with api_client(sb) as api:
        resp = api.post("/contacts", json={"data": {"type": "Person", "last_name": "Ghost"}})
        assert resp.status_code == 502
        found = api.get("/contacts", params={"query": "Ghost", "fields": "name"}).json()["data"]
        assert found == [{"name": "Ghost"}]


def test_reset_faults_drop_the_connection(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    sb: Sandbox = sandbox_factory(faults="/api/v4/users/who_am_i=reset")
    with api_client(sb) as api:
        with pytest.raises(httpx.TransportError):
            api.get("/users/who_am_i")
        sb.admin.set_faults(None)
        assert api.get("/users/who_am_i").status_code == 200


def test_slow_faults_delay(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    sb: Sandbox = sandbox_factory(faults="/api/v4/users/*=slow:0.3")
    with api_client(sb) as api:
        t = time.perf_counter()
        assert api.get("/users/who_am_i").status_code == 200
        assert time.perf_counter() - t >= 0.3


def test_storage_put_failures(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    sb: Sandbox = sandbox_factory(faults="PUT:/storage/*=500")
    with api_client(sb) as api:
        mid = sb.admin.create_matter(sb.admin.create_contact(last_name="F"), "m")
        d = api.post(
            "/documents",
            params={"fields": "id,latest_document_version{uuid,put_url,put_headers}"},
            json={"data": {"name": "f.txt", "parent": {"id": mid, "type": "Matter"}}},
        ).json()["data"]
        v = d["latest_document_version"]
        headers = {h["name"]: h["value"] for h in v["put_headers"]}
        failed = httpx.put(v["put_url"], content=b"data", headers=headers)
        assert failed.status_code == 500 and b"<Code>InternalError</Code>" in failed.content
        commit = api.patch(
            f"/documents/{d['id']}", json={"data": {"uuid": v["uuid"], "fully_uploaded": True}}
        )
        assert commit.json()["error"]["type"] == "UploadNotFoundError"
        sb.admin.set_faults("PUT:/storage/*=reset")
        with pytest.raises(httpx.TransportError):
            httpx.put(v["put_url"], content=b"data", headers=headers)
        sb.admin.set_faults(None)
        assert httpx.put(v["put_url"], content=b"data", headers=headers).status_code == 200
        assert (
            api.patch(
                f"/documents/{d['id']}", json={"data": {"uuid": v["uuid"], "fully_uploaded": True}}
            ).status_code
            == 200
        )
    assert sb.admin.stats()["routes"]["PUT /storage/{key}"] == {"0": 1, "200": 1, "500": 1}


def test_stats_endpoint(sandbox: Sandbox) -> None:
    with api_client(sandbox) as api:
        for _ in range(3):
            api.get("/contacts")
        api.get(f"/contacts/{10**9}")
    stats = httpx.get(f"{sandbox.base_url}/sandbox/stats").json()
    assert stats["routes"]["GET /api/v4/contacts"] == {"200": 3}
    assert stats["routes"]["GET /api/v4/contacts/{id}"] == {"404": 1}
    assert stats["requests"] >= 4 and stats["rate_limited"] == 0
    sandbox.admin.reset()
    assert sandbox.admin.stats()["requests"] == 0
