"""Documents conformance: the three-step upload (stub, PUT to the storage port, commit),
hidden stubs, UploadNotFoundError, new versions, versions list, multipart uploads, download as
a 303 to the storage port, trash and restore, locked documents, external properties."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import httpx
import pytest

from desktop.sandbox.resources.uploads import MIN_PART_SIZE
from tests.support.sandbox_fixtures import ApiClient

UPLOAD_FIELDS = "id,latest_document_version{uuid,put_url,put_headers}"


def matter(api: ApiClient) -> int:
    cid = api.sandbox.admin.create_contact(first_name="Jo", last_name="Client")
    return api.sandbox.admin.create_matter(cid, "Estate")


def stub(
    api: ApiClient, parent: dict[str, Any], name: str = "memo.pdf", **extra: Any
) -> dict[str, Any]:
    resp = api.post(
        "/documents.json",
        params={"fields": UPLOAD_FIELDS},
        json={"data": {"name": name, "parent": parent, **extra}},
    )
    assert resp.status_code == 201, resp.text
    return resp.json()["data"]  # type: ignore[no-any-return]


def put(version: dict[str, Any], data: bytes) -> httpx.Response:
    headers = {h["name"]: h["value"] for h in version["put_headers"]}
    return httpx.put(version["put_url"], content=data, headers=headers)


def commit(
    api: ApiClient,
    doc_id: int,
    uuid: str,
    fields: str = "id,size,latest_document_version{fully_uploaded}",
) -> httpx.Response:
    return api.patch(
        f"/documents/{doc_id}.json",
        params={"fields": fields},
        json={"data": {"uuid": uuid, "fully_uploaded": True}},
    )


def upload(api: ApiClient, parent: dict[str, Any], name: str, data: bytes, **extra: Any) -> int:
    d = stub(api, parent, name, **extra)
    v = d["latest_document_version"]
    assert put(v, data).status_code == 200
    assert commit(api, d["id"], v["uuid"]).status_code == 200
    return int(d["id"])


def doc_ids(api: ApiClient, **params: Any) -> set[int]:
    resp = api.get("/documents.json", params={"fields": "id", **params})
    assert resp.status_code == 200, resp.text
    return {r["id"] for r in resp.json()["data"]}


def test_upload_commit_download(api: ApiClient) -> None:
    mid = matter(api)
    d = stub(api, {"id": mid, "type": "Matter"})
    v = d["latest_document_version"]
    assert v["uuid"] and v["put_url"].startswith(api.sandbox.storage_url)
    assert {h["name"] for h in v["put_headers"]} == {"Content-Type", "x-amz-server-side-encryption"}
    assert not v["put_url"].startswith(api.sandbox.base_url)
    assert d["id"] not in doc_ids(api)
    assert d["id"] in doc_ids(api, show_uncompleted="true")
    data = b"%PDF-1.7 sandbox" * 1000
    assert put(v, data).status_code == 200
    resp = commit(api, d["id"], v["uuid"])
    assert resp.status_code == 200
    assert resp.json()["data"] == {
        "id": d["id"],
        "size": len(data),
        "latest_document_version": {"fully_uploaded": True},
    }
    assert d["id"] in doc_ids(api)
    shown = api.get(
        f"/documents/{d['id']}",
        params={"fields": "name,filename,content_type,matter{id},parent{id},creator{id,name}"},
    ).json()["data"]
    assert shown["filename"] == "memo.pdf" and shown["content_type"] == "application/pdf"
    assert shown["matter"] == {"id": mid} and shown["creator"]["name"] == "Jane Doe"
    redirect = api.get(f"/documents/{d['id']}/download.json")
    assert redirect.status_code == 303
    location = redirect.headers["Location"]
    assert location.startswith(api.sandbox.storage_url)
    got = httpx.get(location)
    assert got.status_code == 200 and got.content == data
    followed = api.get(f"/documents/{d['id']}/download", follow_redirects=True)
    assert followed.content == data


def test_commit_without_put_is_upload_not_found(api: ApiClient) -> None:
    d = stub(api, {"id": matter(api), "type": "Matter"})
    resp = commit(api, d["id"], d["latest_document_version"]["uuid"])
    assert 400 <= resp.status_code < 500
    assert resp.json()["error"]["type"] == "UploadNotFoundError"
    assert d["id"] not in doc_ids(api)


def test_commit_needs_the_right_uuid_and_only_once(api: ApiClient) -> None:
    d = stub(api, {"id": matter(api), "type": "Matter"})
    v = d["latest_document_version"]
    put(v, b"x")
    assert commit(api, d["id"], "00000000-0000-0000-0000-000000000000").status_code == 422
    assert commit(api, d["id"], v["uuid"]).status_code == 200
    again = commit(api, d["id"], v["uuid"])
    assert 400 <= again.status_code < 500
    fresh = api.get(
        f"/documents/{d['id']}", params={"fields": "latest_document_version{put_url,put_headers}"}
    )
    assert fresh.json()["data"]["latest_document_version"] == {"put_url": None, "put_headers": []}


def test_stub_get_gives_a_fresh_put_url(api: ApiClient) -> None:
    d = stub(api, {"id": matter(api), "type": "Matter"})
    again = api.get(f"/documents/{d['id']}", params={"fields": UPLOAD_FIELDS}).json()["data"]
    v = again["latest_document_version"]
    assert v["uuid"] == d["latest_document_version"]["uuid"]
    assert put(v, b"later").status_code == 200
    assert commit(api, d["id"], v["uuid"]).status_code == 200


def test_new_version(api: ApiClient) -> None:
    mid = matter(api)
    doc_id = upload(api, {"id": mid, "type": "Matter"}, "letter.docx", b"v1")
    d = stub(api, {"id": doc_id, "type": "Document"}, "letter.docx")
    assert d["id"] == doc_id
    v2 = d["latest_document_version"]
    assert put(v2, b"version two").status_code == 200
    assert commit(api, doc_id, v2["uuid"]).status_code == 200
    versions = api.get(
        f"/documents/{doc_id}/versions.json",
        params={"fields": "id,version_number,size,fully_uploaded,uuid"},
    ).json()["data"]
    assert [(v["version_number"], v["size"], v["fully_uploaded"]) for v in versions] == [
        (1, 2, True),
        (2, 11, True),
    ]
    assert api.get(f"/documents/{doc_id}/download", follow_redirects=True).content == b"version two"
    old = api.get(
        f"/documents/{doc_id}/download",
        params={"document_version_id": versions[0]["id"]},
        follow_redirects=True,
    )
    assert old.content == b"v1"
    assert len(doc_ids(api)) == 1


def test_pending_new_version_does_not_hide_or_change_the_document(api: ApiClient) -> None:
    doc_id = upload(api, {"id": matter(api), "type": "Matter"}, "a.txt", b"one")
    stub(api, {"id": doc_id, "type": "Document"}, "a.txt")
    assert doc_id in doc_ids(api)
    assert api.get(f"/documents/{doc_id}", params={"fields": "size"}).json()["data"]["size"] == 3
    pending = api.get(
        f"/documents/{doc_id}/versions",
        params={"fully_uploaded": "false", "fields": "version_number"},
    )
    assert pending.json()["data"] == [{"version_number": 2}]
    assert api.get(f"/documents/{doc_id}/download", follow_redirects=True).content == b"one"


def test_document_versions_field_is_gone(api: ApiClient) -> None:
    doc_id = upload(api, {"id": matter(api), "type": "Matter"}, "a.txt", b"one")
    resp = api.get(f"/documents/{doc_id}", params={"fields": "id,document_versions"})
    assert resp.status_code == 400 and resp.json()["error"]["type"] == "InvalidFields"


def test_multipart_upload(api: ApiClient) -> None:
    mid = matter(api)
    part1 = b"a" * MIN_PART_SIZE
    part2 = b"b" * 1000
    parts = [
        {
            "part_number": 1,
            "content_length": str(len(part1)),
            "content_md5": base64.b64encode(hashlib.md5(part1).digest()).decode(),
        },
        {"part_number": 2, "content_length": str(len(part2))},
    ]
    resp = api.post(
        "/documents.json",
        params={"fields": "id,latest_document_version{uuid,put_url,multiparts}"},
        json={
            "data": {
                "name": "big.bin",
                "content_type": "application/octet-stream",
                "parent": {"id": mid, "type": "Matter"},
                "multiparts": parts,
            }
        },
    )
    assert resp.status_code == 201, resp.text
    d = resp.json()["data"]
    v = d["latest_document_version"]
    assert v["put_url"] is None and [p["part_number"] for p in v["multiparts"]] == [1, 2]
    by_n = {p["part_number"]: p for p in v["multiparts"]}
    assert {h["name"] for h in by_n[1]["put_headers"]} == {"Content-Length", "Content-MD5"}
    # part 2 first: parts may be sent in any order
    assert (
        httpx.put(
            by_n[2]["put_url"],
            content=part2,
            headers={h["name"]: h["value"] for h in by_n[2]["put_headers"]},
        ).status_code
        == 200
    )
    early = commit(api, d["id"], v["uuid"])
    assert early.json()["error"]["type"] == "UploadNotFoundError"
    bad_md5 = httpx.put(
        by_n[1]["put_url"],
        content=b"c" * MIN_PART_SIZE,
        headers={h["name"]: h["value"] for h in by_n[1]["put_headers"]},
    )
    assert bad_md5.status_code == 400 and b"BadDigest" in bad_md5.content
    ok = httpx.put(
        by_n[1]["put_url"],
        content=part1,
        headers={h["name"]: h["value"] for h in by_n[1]["put_headers"]},
    )
    assert ok.status_code == 200
    done = commit(api, d["id"], v["uuid"])
    assert done.status_code == 200 and done.json()["data"]["size"] == len(part1) + len(part2)
    got = api.get(f"/documents/{d['id']}/download", follow_redirects=True)
    assert got.content == part1 + part2


def test_multipart_rules(api: ApiClient) -> None:
    mid = matter(api)
    too_many = [{"part_number": i, "content_length": "1"} for i in range(1, 52)]
    resp = api.post(
        "/documents.json",
        json={
            "data": {
                "name": "x.bin",
                "content_type": "application/octet-stream",
                "parent": {"id": mid, "type": "Matter"},
                "multiparts": too_many,
            }
        },
    )
    assert resp.status_code == 422
    first = [{"part_number": i, "content_length": "1"} for i in range(1, 51)]
    d = api.post(
        "/documents.json",
        params={"fields": "id,latest_document_version{uuid,multiparts}"},
        json={
            "data": {
                "name": "x.bin",
                "content_type": "application/octet-stream",
                "parent": {"id": mid, "type": "Matter"},
                "multiparts": first,
            }
        },
    ).json()["data"]
    more = api.patch(
        f"/documents/{d['id']}",
        params={"fields": "latest_document_version{multiparts}"},
        json={
            "data": {
                "uuid": d["latest_document_version"]["uuid"],
                "fully_uploaded": False,
                "multiparts": [{"part_number": 51, "content_length": "1"}],
            }
        },
    )
    assert more.status_code == 200, more.text
    assert len(more.json()["data"]["latest_document_version"]["multiparts"]) == 51
    small = api.post(
        "/documents.json",
        params={"fields": "id,latest_document_version{uuid,multiparts}"},
        json={
            "data": {
                "name": "s.bin",
                "content_type": "application/octet-stream",
                "parent": {"id": mid, "type": "Matter"},
                "multiparts": [
                    {"part_number": 1, "content_length": "3"},
                    {"part_number": 2, "content_length": "3"},
                ],
            }
        },
    ).json()["data"]
    for p in small["latest_document_version"]["multiparts"]:
        httpx.put(
            p["put_url"], content=b"abc", headers={h["name"]: h["value"] for h in p["put_headers"]}
        )
    assert commit(api, small["id"], small["latest_document_version"]["uuid"]).status_code == 422


def test_content_type_and_received_at_rules(api: ApiClient) -> None:
    parent = {"id": matter(api), "type": "Matter"}
    assert (
        api.post("/documents", json={"data": {"name": "noext", "parent": parent}}).status_code
        == 422
    )
    ok = stub(api, parent, "noext", content_type="application/octet-stream")
    assert ok["id"]
    bare = api.post(
        "/documents",
        json={"data": {"name": "a.pdf", "parent": parent, "received_at": "2025-03-01"}},
    )
    assert bare.status_code == 422
    full = api.post(
        "/documents",
        params={"fields": "received_at"},
        json={"data": {"name": "a.pdf", "parent": parent, "received_at": "2025-03-01T10:00:00Z"}},
    )
    assert full.status_code == 201 and full.json()["data"]["received_at"].startswith(
        "2025-03-01T10:00:00"
    )
    assert api.post("/documents", json={"data": {"name": "a.pdf"}}).status_code == 422
    assert (
        api.post(
            "/documents", json={"data": {"name": "a.pdf", "parent": {"id": 1, "type": "Matter"}}}
        ).status_code
        == 422
    )


def test_parents_folder_and_contact(api: ApiClient) -> None:
    mid = matter(api)
    folder_id = api.sandbox.admin.create_folder("Pleadings", matter_id=mid)
    in_folder = upload(api, {"id": folder_id, "type": "Folder"}, "p.pdf", b"p")
    cid = api.sandbox.admin.create_contact(last_name="Owner")
    for_contact = upload(api, {"id": cid, "type": "Contact"}, "id.pdf", b"c")
    at_top = upload(api, {"id": mid, "type": "Matter"}, "top.pdf", b"t")
    assert doc_ids(api, matter_id=mid) == {in_folder, at_top}
    assert doc_ids(api, contact_id=cid) == {for_contact}
    mfolder = api.sandbox.admin.matter_folder_id(mid)
    assert doc_ids(api, parent_id=mfolder) == {at_top}
    assert doc_ids(api, parent_id=mfolder, scope="descendants") == {at_top, in_folder}
    assert doc_ids(api, query="top") == {at_top}


def test_trash_and_restore(api: ApiClient) -> None:
    doc_id = upload(api, {"id": matter(api), "type": "Matter"}, "t.pdf", b"t")
    assert api.delete(f"/documents/{doc_id}.json").status_code == 204
    assert doc_id not in doc_ids(api)
    trashed = api.get(
        "/documents", params={"include_deleted": "true", "fields": "id,deleted_at"}
    ).json()["data"]
    assert [d["id"] for d in trashed] == [doc_id] and trashed[0]["deleted_at"]
    restored = api.patch(
        f"/documents/{doc_id}", params={"fields": "deleted_at"}, json={"data": {"restore": True}}
    )
    assert restored.status_code == 200 and restored.json()["data"]["deleted_at"] is None
    assert doc_id in doc_ids(api)


def test_updated_since_sees_deletions(api: ApiClient) -> None:
    import time

    doc_id = upload(api, {"id": matter(api), "type": "Matter"}, "t.pdf", b"t")
    time.sleep(1.1)
    mark = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 0.5))
    time.sleep(0.6)
    api.delete(f"/documents/{doc_id}")
    assert doc_ids(api, updated_since=mark, include_deleted="true") == {doc_id}


def test_locked_documents_refuse_changes(api: ApiClient) -> None:
    doc_id = upload(api, {"id": matter(api), "type": "Matter"}, "l.pdf", b"l")
    api.sandbox.admin.lock_document(doc_id)
    assert (
        api.get(f"/documents/{doc_id}", params={"fields": "locked"}).json()["data"]["locked"]
        is True
    )
    assert doc_ids(api, locked="true") == {doc_id}
    new_version = api.post(
        "/documents", json={"data": {"name": "l.pdf", "parent": {"id": doc_id, "type": "Document"}}}
    )
    assert 400 <= new_version.status_code < 500
    assert (
        400 <= api.patch(f"/documents/{doc_id}", json={"data": {"name": "m.pdf"}}).status_code < 500
    )
    assert 400 <= api.delete(f"/documents/{doc_id}").status_code < 500
    assert api.get(f"/documents/{doc_id}/download", follow_redirects=True).content == b"l"


def test_rename_and_move(api: ApiClient) -> None:
    mid = matter(api)
    folder_id = api.sandbox.admin.create_folder("Sub", matter_id=mid)
    doc_id = upload(api, {"id": mid, "type": "Matter"}, "old.pdf", b"o")
    resp = api.patch(
        f"/documents/{doc_id}",
        params={"fields": "name,parent{id}"},
        json={"data": {"name": "new.pdf", "parent": {"id": folder_id, "type": "Folder"}}},
    )
    assert resp.status_code == 200
    assert resp.json()["data"] == {"name": "new.pdf", "parent": {"id": folder_id}}
    assert (
        api.patch(f"/documents/{doc_id}", json={"data": {"filename": "x.pdf"}}).status_code == 422
    )


def test_external_properties(api: ApiClient) -> None:
    parent = {"id": matter(api), "type": "Matter"}
    props = [{"name": "sha256", "value": "ab" * 32}, {"name": "prolegis_id", "value": "d-77"}]
    doc_id = upload(api, parent, "e.pdf", b"e", external_properties=props)
    upload(
        api, parent, "f.pdf", b"f", external_properties=[{"name": "prolegis_id", "value": "d-78"}]
    )
    shown = api.get(
        f"/documents/{doc_id}", params={"fields": "external_properties{id,name,value}"}
    ).json()["data"]
    got = {p["name"]: p for p in shown["external_properties"]}
    assert got["prolegis_id"]["value"] == "d-77"
    assert doc_ids(api, external_property_name="prolegis_id", external_property_value="d-77") == {
        doc_id
    }
    assert len(doc_ids(api, external_property_name="prolegis_id")) == 2
    assert api.get("/documents", params={"external_property_value": "d-77"}).status_code == 400
    change = api.patch(
        f"/documents/{doc_id}",
        params={"fields": "external_properties{name,value}"},
        json={
            "data": {
                "external_properties": [
                    {"id": got["sha256"]["id"], "value": "cd" * 32},
                    {"id": got["prolegis_id"]["id"], "_destroy": True},
                ]
            }
        },
    )
    assert change.status_code == 200
    assert change.json()["data"]["external_properties"] == [{"name": "sha256", "value": "cd" * 32}]
    six = [{"name": f"p{i}", "value": "v"} for i in range(6)]
    assert (
        api.post(
            "/documents",
            json={"data": {"name": "g.pdf", "parent": parent, "external_properties": six}},
        ).status_code
        == 422
    )


@pytest.mark.parametrize("filename", ["report.pdf", "Résumé final.docx"])
def test_download_keeps_filename(api: ApiClient, filename: str) -> None:
    doc_id = upload(api, {"id": matter(api), "type": "Matter"}, filename, b"z")
    got = api.get(f"/documents/{doc_id}/download", follow_redirects=True)
    assert "attachment" in got.headers["Content-Disposition"]


def test_download_of_stub_is_404(api: ApiClient) -> None:
    d = stub(api, {"id": matter(api), "type": "Matter"})
    assert api.get(f"/documents/{d['id']}/download").status_code == 404
    assert api.get("/documents/1/download").status_code == 404


def test_admin_upload_as_another_user(api: ApiClient) -> None:
    sb = api.sandbox
    mid = matter(api)
    raj = sb.admin.add_user("Raj Patel", "raj@example-law.ca")
    doc_id = sb.admin.upload_document(mid, "from-web.pdf", b"web bytes", user_id=raj)
    shown = api.get(f"/documents/{doc_id}", params={"fields": "creator{id,name},size"}).json()[
        "data"
    ]
    assert shown == {"creator": {"id": raj, "name": "Raj Patel"}, "size": 9}
    sb.admin.upload_document(document_id=doc_id, name="from-web.pdf", data=b"v2", user_id=raj)
    assert api.get(f"/documents/{doc_id}/download", follow_redirects=True).content == b"v2"
    assert sb.admin.document_bytes(doc_id) == b"v2"
