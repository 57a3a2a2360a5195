"""The storage port behaves like a pre-signed S3 bucket on another host: it refuses a bearer
``Authorization`` header, chunked uploads, missing lengths, altered/expired URLs and headers
that differ from the signed ``put_headers``."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from desktop.sandbox import choices
from tests.support.sandbox_fixtures import ApiClient


@pytest.fixture
def version(api: ApiClient) -> dict[str, Any]:
    cid = api.sandbox.admin.create_contact(last_name="S")
    mid = api.sandbox.admin.create_matter(cid, "m")
    resp = api.post(
        "/documents",
        params={"fields": "id,latest_document_version{uuid,put_url,put_headers}"},
        json={"data": {"name": "s.txt", "parent": {"id": mid, "type": "Matter"}}},
    )
    d = resp.json()["data"]
    v = d["latest_document_version"]
    v["doc_id"] = d["id"]
    v["headers"] = {h["name"]: h["value"] for h in v["put_headers"]}
    return v  # type: ignore[no-any-return]


def committed(api: ApiClient, v: dict[str, Any]) -> int:
    return api.patch(
        f"/documents/{v['doc_id']}", json={"data": {"uuid": v["uuid"], "fully_uploaded": True}}
    ).status_code


def test_bearer_authorization_is_refused(api: ApiClient, version: dict[str, Any]) -> None:
    resp = httpx.put(
        version["put_url"],
        content=b"x",
        headers={**version["headers"], "Authorization": "Bearer abc"},
    )
    assert resp.status_code == 400 and b"InvalidArgument" in resp.content
    assert committed(api, version) == 422


def test_chunked_upload_is_refused(api: ApiClient, version: dict[str, Any]) -> None:
    def body() -> Iterator[bytes]:
        yield b"chunk one"
        yield b"chunk two"

    resp = httpx.put(version["put_url"], content=body(), headers=version["headers"])
    assert resp.status_code == 501 and b"NotImplemented" in resp.content
    assert committed(api, version) == 422


def test_missing_content_length_is_refused(version: dict[str, Any]) -> None:
    parts = urlsplit(version["put_url"])
    request = f"PUT {parts.path}?{parts.query} HTTP/1.1\r\nHost: {parts.netloc}\r\n"
    request += "".join(f"{k}: {v}\r\n" for k, v in version["headers"].items())
    request += "Connection: close\r\n\r\n"
    with socket.create_connection((parts.hostname, parts.port), timeout=5) as s:
        s.sendall(request.encode())
        reply = s.recv(65536).decode()
    assert reply.startswith("HTTP/1.1 411")


def test_headers_must_match_put_headers(version: dict[str, Any]) -> None:
    wrong_type = {**version["headers"], "Content-Type": "application/pdf"}
    assert httpx.put(version["put_url"], content=b"x", headers=wrong_type).status_code == 403
    no_sse = {k: v for k, v in version["headers"].items() if not k.startswith("x-amz")}
    assert httpx.put(version["put_url"], content=b"x", headers=no_sse).status_code == 403


def test_altered_url_is_refused(version: dict[str, Any]) -> None:
    url = version["put_url"].replace("X-Amz-Expires=", "X-Amz-Expires=9")
    assert httpx.put(url, content=b"x", headers=version["headers"]).status_code == 403
    bare = version["put_url"].split("?")[0]
    assert httpx.put(bare, content=b"x", headers=version["headers"]).status_code == 403
    other_key = version["put_url"].replace(version["uuid"], "0" * 36)
    assert httpx.put(other_key, content=b"x", headers=version["headers"]).status_code == 403


def test_expired_put_url(
    api: ApiClient, version: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(choices, "PUT_URL_TTL", 1)
    fresh = api.get(
        f"/documents/{version['doc_id']}", params={"fields": "latest_document_version{put_url}"}
    ).json()["data"]["latest_document_version"]["put_url"]
    time.sleep(2.1)
    resp = httpx.put(fresh, content=b"x", headers=version["headers"])
    assert resp.status_code == 403 and b"expired" in resp.content


def test_put_then_get_via_download(api: ApiClient, version: dict[str, Any]) -> None:
    assert (
        httpx.put(version["put_url"], content=b"hello", headers=version["headers"]).status_code
        == 200
    )
    assert committed(api, version) == 200
    location = api.get(f"/documents/{version['doc_id']}/download").headers["Location"]
    with_bearer = httpx.get(
        location, headers={"Authorization": f"Bearer {api.tokens['access_token']}"}
    )
    assert with_bearer.status_code == 400
    assert httpx.get(location).content == b"hello"
    assert httpx.put(location, content=b"x").status_code == 403  # a GET URL cannot be used to PUT
