"""The issue's definition of done, with a plain HTTP client: sign in to a sandbox with
auto-approve, page through contacts, and upload, commit and download a document exactly as the
Clio reference describes. Plus concurrent writers (thread safety)."""

from __future__ import annotations

import threading
from urllib.parse import parse_qs, urlsplit

import httpx

from desktop.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, Sandbox

REDIRECT = "http://127.0.0.1:5678/callback"


def test_sign_in_page_contacts_upload_commit_download(sandbox: Sandbox) -> None:
    for i in range(450):
        sandbox.admin.create_contact(first_name=f"C{i:03d}", last_name="Client")
    base = sandbox.base_url
    with httpx.Client(timeout=10) as http:
        # 1. OAuth: authorize (auto-approved) and exchange the code, form-encoded.
        auth = http.get(
            f"{base}/oauth/authorize",
            params={
                "response_type": "code",
                "client_id": DEFAULT_CLIENT_ID,
                "redirect_uri": REDIRECT,
                "state": "abc",
                "redirect_on_decline": "true",
            },
        )
        query = parse_qs(urlsplit(auth.headers["Location"]).query)
        assert query["state"] == ["abc"]
        tokens = http.post(
            f"{base}/oauth/token",
            data={
                "grant_type": "authorization_code",
                "code": query["code"][0],
                "client_id": DEFAULT_CLIENT_ID,
                "client_secret": DEFAULT_CLIENT_SECRET,
                "redirect_uri": REDIRECT,
            },
        ).json()
        api = httpx.Client(
            base_url=f"{base}/api/v4",
            headers={
                "Authorization": f"Bearer {tokens['access_token']}",
                "X-API-VERSION": "4.0.13",
            },
            timeout=10,
        )
        me = api.get("/users/who_am_i.json", params={"fields": "id,name,email"}).json()["data"]
        assert me["email"] == "jane.doe@example-law.ca"
        # 2. Page through contacts by following meta.paging.next verbatim.
        names: list[str] = []
        url: str | None = "/contacts.json?fields=id,name&limit=200"
        while url:
            body = api.get(url).json()
            names += [c["name"] for c in body["data"]]
            url = body["meta"]["paging"].get("next")
        assert len(names) == len(set(names)) == 450
        # 3. Upload: create, PUT to put_url with put_headers only, commit, download.
        client_id = api.get("/contacts.json", params={"fields": "id", "limit": 1}).json()["data"][
            0
        ]["id"]
        matter = api.post(
            "/matters.json",
            params={"fields": "id,folder{id}"},
            json={"data": {"client": {"id": client_id}, "description": "Estate of C000"}},
        ).json()["data"]
        created = api.post(
            "/documents.json",
            params={"fields": "id,latest_document_version{uuid,put_url,put_headers}"},
            json={"data": {"name": "will.pdf", "parent": {"id": matter["id"], "type": "Matter"}}},
        )
        assert created.status_code == 201
        doc = created.json()["data"]
        ver = doc["latest_document_version"]
        content = b"%PDF-1.4 last will" * 5000
        put = http.put(
            ver["put_url"],
            content=content,
            headers={h["name"]: h["value"] for h in ver["put_headers"]},
        )
        assert put.status_code == 200
        done = api.patch(
            f"/documents/{doc['id']}.json",
            params={"fields": "id,latest_document_version{fully_uploaded}"},
            json={"data": {"uuid": ver["uuid"], "fully_uploaded": True}},
        )
        assert done.json()["data"]["latest_document_version"]["fully_uploaded"] is True
        listed = api.get(
            "/documents.json",
            params={
                "parent_id": matter["folder"]["id"],
                "scope": "descendants",
                "fields": "id,name,size",
            },
        ).json()["data"]
        assert listed == [{"id": doc["id"], "name": "will.pdf", "size": len(content)}]
        redirect = api.get(f"/documents/{doc['id']}/download.json")
        assert redirect.status_code == 303
        assert http.get(redirect.headers["Location"]).content == content
        api.close()


def test_concurrent_writers(sandbox: Sandbox) -> None:
    token = sandbox.admin.issue_tokens()["access_token"]
    errors: list[str] = []
    ids: list[int] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        with httpx.Client(
            base_url=f"{sandbox.base_url}/api/v4", headers={"Authorization": f"Bearer {token}"}
        ) as api:
            for i in range(25):
                resp = api.post(
                    "/contacts", json={"data": {"type": "Person", "last_name": f"W{n}-{i}"}}
                )
                if resp.status_code != 201:
                    errors.append(resp.text)
                    continue
                with lock:
                    ids.append(resp.json()["data"]["id"])

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(ids) == len(set(ids)) == 200
    with httpx.Client(
        base_url=f"{sandbox.base_url}/api/v4", headers={"Authorization": f"Bearer {token}"}
    ) as api:
        assert api.get("/contacts", params={"limit": 1}).json()["meta"]["records"] == 200


def test_admin_reset_gives_a_new_account(sandbox: Sandbox) -> None:
    cid = sandbox.admin.create_contact(last_name="Before")
    sandbox.admin.upload_document(name="x.txt", data=b"x")
    sandbox.admin.set_faults("/api/v4/contacts*=503")
    sandbox.admin.reset()
    token = sandbox.admin.issue_tokens()["access_token"]
    with httpx.Client(
        base_url=f"{sandbox.base_url}/api/v4", headers={"Authorization": f"Bearer {token}"}
    ) as api:
        assert api.get("/contacts").json()["data"] == []
        assert api.get(f"/contacts/{cid}").status_code == 404
        assert api.get("/documents", params={"show_uncompleted": "true"}).json()["data"] == []
        assert api.get("/users/who_am_i", params={"fields": "name"}).json()["data"] == {
            "name": "Jane Doe"
        }
    assert not [p for p in sandbox.blobs.root.iterdir() if p.is_file()]


def test_in_memory_sandbox_cannot_restart(sandbox: Sandbox) -> None:
    import pytest

    sandbox.stop()
    with pytest.raises(RuntimeError):
        sandbox.start()
