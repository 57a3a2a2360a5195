"""API-wide conventions over HTTP: paths with and without ``.json``, ``{"data": ...}``
envelopes, default ``id``/``etag`` only, ``fields`` nesting and its 400s, paging with
``page_token`` in absolute ``next`` URLs, ``updated_since``/``created_since``, ETags with
``If-Match``/``If-None-Match``, ``X-API-VERSION``, and rate-limit headers."""

from __future__ import annotations

import time
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from desktop.sandbox import Sandbox
from tests.support.sandbox_fixtures import ApiClient, api_client


def make_contacts(sb: Sandbox, n: int) -> list[int]:
    return [sb.admin.create_contact(first_name=f"P{i:03d}", last_name="Person") for i in range(n)]


def test_paths_with_and_without_json(api: ApiClient) -> None:
    cid = api.sandbox.admin.create_contact(last_name="Both")
    for path in (f"/contacts/{cid}", f"/contacts/{cid}.json"):
        resp = api.get(path, params={"fields": "id,name"})
        assert resp.status_code == 200
        assert resp.json() == {"data": {"id": cid, "name": "Both"}}
    assert api.get("/contacts").status_code == api.get("/contacts.json").status_code == 200
    assert api.get("/nonsense.json").status_code == 404


def test_default_fields_are_id_and_etag(api: ApiClient) -> None:
    cid = api.sandbox.admin.create_contact(last_name="Default")
    one = api.get(f"/contacts/{cid}.json").json()["data"]
    assert set(one) == {"id", "etag"}
    assert one["etag"].startswith('"') and one["etag"].endswith('"')
    many = api.get("/contacts.json").json()
    assert set(many) == {"data", "meta"}
    assert all(set(r) == {"id", "etag"} for r in many["data"])


def test_nested_fields(api: ApiClient) -> None:
    acme = api.sandbox.admin.create_contact(type="Company", name="Acme")
    cid = api.sandbox.admin.create_contact(last_name="Nested", company={"id": acme})
    data = api.get(
        f"/contacts/{cid}", params={"fields": "id,company,folder{id,name,parent}"}
    ).json()["data"]
    assert set(data["company"]) == {"id", "etag"}
    assert set(data["folder"]) == {"id", "name", "parent"}
    assert set(data["folder"]["parent"]) == {"id", "etag"}


@pytest.mark.parametrize(
    "fields",
    [
        "id,not_a_field",
        "id,company{not_a_field}",
        "id,company{company{id}}",
        "id,name{id}",
        "id,company{id",
        "document_versions",
    ],
)
def test_bad_fields_are_400_invalid_fields(api: ApiClient, fields: str) -> None:
    cid = api.sandbox.admin.create_contact(last_name="Bad")
    for resp in (
        api.get(f"/contacts/{cid}", params={"fields": fields}),
        api.get("/contacts", params={"fields": fields}),
    ):
        assert resp.status_code == 400
        assert resp.json()["error"]["type"] == "InvalidFields"


def test_fields_shape_post_and_patch_responses(api: ApiClient) -> None:
    resp = api.post(
        "/contacts",
        params={"fields": "id,last_name"},
        json={"data": {"type": "Person", "last_name": "A"}},
    )
    assert resp.status_code == 201 and set(resp.json()["data"]) == {"id", "last_name"}
    cid = resp.json()["data"]["id"]
    resp = api.patch(
        f"/contacts/{cid}", params={"fields": "name"}, json={"data": {"last_name": "B"}}
    )
    assert resp.json() == {"data": {"name": "B"}}
    bad = api.post(
        "/contacts", params={"fields": "nope"}, json={"data": {"type": "Person", "last_name": "C"}}
    )
    assert bad.status_code == 400
    assert api.get("/contacts", params={"query": "C", "fields": "id"}).json()["data"] == []


def test_cursor_paging(api: ApiClient) -> None:
    ids = make_contacts(api.sandbox, 7)
    seen: list[int] = []
    url: str | None = f"{api.sandbox.base_url}/api/v4/contacts.json?fields=id,name&limit=3"
    pages = 0
    while url:
        resp = api.get(url)
        assert resp.status_code == 200
        body = resp.json()
        seen += [r["id"] for r in body["data"]]
        assert all(set(r) == {"id", "name"} for r in body["data"])
        url = body["meta"]["paging"].get("next")
        if url:
            parts = urlsplit(url)
            assert parts.scheme == "http" and parts.netloc == urlsplit(api.sandbox.base_url).netloc
            q = parse_qs(parts.query)
            assert "page_token" in q and q["limit"] == ["3"] and q["fields"] == ["id,name"]
        pages += 1
    assert seen == sorted(ids) and pages == 3


def test_paging_survives_inserts_between_pages(api: ApiClient) -> None:
    make_contacts(api.sandbox, 4)
    first = api.get("/contacts", params={"limit": 2}).json()
    api.sandbox.admin.create_contact(last_name="Late")
    rest: list[int] = []
    url = first["meta"]["paging"]["next"]
    while url:
        body = api.get(url).json()
        rest += [r["id"] for r in body["data"]]
        url = body["meta"]["paging"].get("next")
    all_ids = [r["id"] for r in first["data"]] + rest
    assert len(all_ids) == len(set(all_ids)) == 5


@pytest.mark.parametrize("limit", ["0", "201", "abc"])
def test_limit_must_be_1_to_200(api: ApiClient, limit: str) -> None:
    assert api.get("/contacts", params={"limit": limit}).status_code == 400


def test_default_page_is_200(api: ApiClient) -> None:
    make_contacts(api.sandbox, 205)
    body = api.get("/contacts").json()
    assert len(body["data"]) == 200 and "next" in body["meta"]["paging"]
    tail = api.get(body["meta"]["paging"]["next"]).json()
    assert len(tail["data"]) == 5 and "next" not in tail["meta"]["paging"]


def test_offset_paging_and_order(api: ApiClient) -> None:
    for name in ("Charlie", "Alpha", "Bravo"):
        api.sandbox.admin.create_contact(type="Company", name=name)
    body = api.get("/contacts", params={"fields": "name", "order": "name(asc)", "limit": 2}).json()
    assert [r["name"] for r in body["data"]] == ["Alpha", "Bravo"]
    nxt = body["meta"]["paging"]["next"]
    assert "offset=2" in nxt
    assert [r["name"] for r in api.get(nxt).json()["data"]] == ["Charlie"]
    assert api.get("/contacts", params={"order": "nonsense(asc)"}).status_code == 400
    assert api.get("/contacts", params={"offset": "10000"}).status_code == 422


def test_updated_and_created_since(api: ApiClient) -> None:
    old = make_contacts(api.sandbox, 2)
    time.sleep(1.1)
    mark = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(time.time() - 1))
    time.sleep(1.0)
    new = api.sandbox.admin.create_contact(last_name="New")
    api.patch(f"/contacts/{old[0]}", json={"data": {"first_name": "Changed"}})
    updated = {r["id"] for r in api.get("/contacts", params={"updated_since": mark}).json()["data"]}
    created = {r["id"] for r in api.get("/contacts", params={"created_since": mark}).json()["data"]}
    assert updated == {old[0], new}
    assert created == {new}
    assert api.get("/contacts", params={"updated_since": "yesterday"}).status_code == 400


def test_etags_and_conditional_requests(api: ApiClient) -> None:
    cid = api.sandbox.admin.create_contact(last_name="Tag")
    first = api.get(f"/contacts/{cid}")
    etag = first.headers["ETag"]
    assert first.json()["data"]["etag"] == etag
    assert "Last-Modified" in first.headers
    nm = api.get(f"/contacts/{cid}", headers={"If-None-Match": etag})
    assert nm.status_code == 304 and nm.content == b""
    ok = api.patch(
        f"/contacts/{cid}", headers={"If-Match": etag}, json={"data": {"last_name": "Tag2"}}
    )
    assert ok.status_code == 200
    new_etag = ok.headers["ETag"]
    assert new_etag != etag
    stale = api.patch(
        f"/contacts/{cid}", headers={"If-Match": etag}, json={"data": {"last_name": "Tag3"}}
    )
    assert stale.status_code == 412
    assert (
        api.get(f"/contacts/{cid}", params={"fields": "last_name"}).json()["data"]["last_name"]
        == "Tag2"
    )
    assert api.get(f"/contacts/{cid}", headers={"If-None-Match": etag}).status_code == 200


def test_if_modified_since(api: ApiClient) -> None:
    cid = api.sandbox.admin.create_contact(last_name="Dated")
    last_modified = api.get(f"/contacts/{cid}").headers["Last-Modified"]
    assert (
        api.get(f"/contacts/{cid}", headers={"If-Modified-Since": last_modified}).status_code == 304
    )
    old = "Mon, 01 Jan 2001 00:00:00 GMT"
    assert api.get(f"/contacts/{cid}", headers={"If-Modified-Since": old}).status_code == 200


def test_users_endpoints(api: ApiClient) -> None:
    me = api.get("/users/who_am_i.json").json()["data"]
    assert set(me) == {"id", "etag"}
    other = api.sandbox.admin.add_user("Sam Lee", "sam@example-law.ca")
    shown = api.get(f"/users/{other}.json", params={"fields": "name,email,enabled"}).json()["data"]
    assert shown == {"name": "Sam Lee", "email": "sam@example-law.ca", "enabled": True}
    assert api.get("/users/1.json").status_code == 404
    names = [
        u["name"]
        for u in api.get("/users", params={"fields": "name", "order": "name(asc)"}).json()["data"]
    ]
    assert names == ["Jane Doe", "Sam Lee"]


def test_every_write_changes_the_etag(api: ApiClient) -> None:
    cid = api.sandbox.admin.create_contact(last_name="Same")
    tags = set()
    for _ in range(3):
        resp = api.patch(f"/contacts/{cid}", json={"data": {"last_name": "Same"}})
        tags.add(resp.headers["ETag"])
    assert len(tags) == 3


def test_api_version_header(api: ApiClient) -> None:
    resp = api.get("/users/who_am_i")
    assert resp.headers["X-API-VERSION"] == "4.0.13"
    resp = api.get("/users/who_am_i", headers={"X-API-VERSION": "4.0.9"})
    assert resp.status_code == 200 and resp.headers["X-API-VERSION"] == "4.0.9"
    for bad in ("4.0.1", "5.0.0", "latest"):
        gone = api.get("/users/who_am_i", headers={"X-API-VERSION": bad})
        assert gone.status_code == 410


def test_rate_limit_headers_and_429(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    sb = sandbox_factory(rate_limit=5, rate_window=30)
    with api_client(sb) as api:
        remaining = []
        for _ in range(5):
            resp = api.get("/users/who_am_i")
            assert resp.status_code == 200
            assert resp.headers["X-RateLimit-Limit"] == "5"
            assert int(resp.headers["X-RateLimit-Reset"]) > time.time()
            remaining.append(int(resp.headers["X-RateLimit-Remaining"]))
        assert remaining == [4, 3, 2, 1, 0]
        limited = api.get("/users/who_am_i")
        assert limited.status_code == 429
        assert 1 <= int(limited.headers["Retry-After"]) <= 30
        assert limited.headers["X-RateLimit-Remaining"] == "0"
        with api_client(sb) as other:  # the limit is per access token
            assert other.get("/users/who_am_i").status_code == 200
    stats = httpx.get(f"{sb.base_url}/sandbox/stats").json()
    assert stats["rate_limited"] == 1
    assert stats["routes"]["GET /api/v4/users/who_am_i"] == {"200": 6, "429": 1}


def test_rate_limit_headers_on_every_api_answer(api: ApiClient) -> None:
    answers = [
        api.get("/contacts/1"),
        api.get("/users/who_am_i", headers={"X-API-VERSION": "3.0"}),
        httpx.get(f"{api.sandbox.base_url}/api/v4/contacts"),
        api.get("/contacts", params={"fields": "nope"}),
    ]
    assert [r.status_code for r in answers] == [404, 410, 401, 400]
    for r in answers:
        for name in ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"):
            assert name in r.headers
        assert "X-API-VERSION" not in r.headers


def test_rate_limit_window_resets(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    sb = sandbox_factory(rate_limit=2, rate_window=1)
    with api_client(sb) as api:
        assert [api.get("/users/who_am_i").status_code for _ in range(3)] == [200, 200, 429]
        time.sleep(1.1)
        assert api.get("/users/who_am_i").status_code == 200


def test_default_rate_limit_is_clios_peak() -> None:
    from desktop.sandbox import SandboxConfig

    assert (SandboxConfig().rate_limit, SandboxConfig().rate_window) == (50, 60.0)
