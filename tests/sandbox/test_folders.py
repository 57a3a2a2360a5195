"""Folders conformance: matter and contact folders, creating folders under a Matter, Contact or
Folder parent, ``/folders`` filters, ``/folders/list`` mixed items with cursor paging, trash."""

from __future__ import annotations

from typing import Any

from tests.support.sandbox_fixtures import ApiClient


def setup_tree(api: ApiClient) -> dict[str, int]:
    sb = api.sandbox
    cid = sb.admin.create_contact(last_name="Tree")
    mid = sb.admin.create_matter(cid, "Trees")
    mfolder = sb.admin.matter_folder_id(mid)
    return {"contact": cid, "matter": mid, "mfolder": mfolder}


def make_folder(api: ApiClient, name: str, parent: dict[str, Any]) -> Any:
    return api.post(
        "/folders.json",
        params={"fields": "id,name,parent{id},matter{id}"},
        json={"data": {"name": name, "parent": parent}},
    )


def test_create_folders_under_matter_and_folder(api: ApiClient) -> None:
    t = setup_tree(api)
    resp = make_folder(api, "Pleadings", {"id": t["matter"], "type": "Matter"})
    assert resp.status_code == 201, resp.text
    f = resp.json()["data"]
    assert f["parent"] == {"id": t["mfolder"]} and f["matter"] == {"id": t["matter"]}
    sub = make_folder(api, "Drafts", {"id": f["id"], "type": "Folder"}).json()["data"]
    assert sub["matter"] == {"id": t["matter"]}
    assert make_folder(api, "Pleadings", {"id": t["matter"], "type": "Matter"}).status_code == 422
    assert make_folder(api, "", {"id": t["matter"], "type": "Matter"}).status_code == 422
    assert make_folder(api, "X", {"id": t["matter"], "type": "Document"}).status_code == 422
    children = api.get("/folders", params={"parent_id": t["mfolder"], "fields": "name"}).json()[
        "data"
    ]
    assert children == [{"name": "Pleadings"}]
    deep = api.get(
        "/folders", params={"parent_id": t["mfolder"], "scope": "descendants", "fields": "name"}
    ).json()["data"]
    assert sorted(d["name"] for d in deep) == ["Drafts", "Pleadings"]
    by_matter = api.get("/folders", params={"matter_id": t["matter"], "fields": "name"}).json()[
        "data"
    ]
    assert sorted(d["name"] for d in by_matter) == ["00001-Tree", "Drafts", "Pleadings"]


def test_contact_folder(api: ApiClient) -> None:
    t = setup_tree(api)
    resp = make_folder(api, "ID documents", {"id": t["contact"], "type": "Contact"})
    assert resp.status_code == 201
    folder = api.get(f"/contacts/{t['contact']}", params={"fields": "folder{id,name}"}).json()[
        "data"
    ]["folder"]
    assert folder["name"] == "Tree"
    assert api.get(
        f"/folders/{resp.json()['data']['id']}", params={"fields": "contact{id}"}
    ).json()["data"]["contact"] == {"id": t["contact"]}


def test_folders_list_mixes_items_and_pages(api: ApiClient) -> None:
    t = setup_tree(api)
    sb = api.sandbox
    sub = sb.admin.create_folder("Sub", matter_id=t["matter"])
    docs = [sb.admin.upload_document(t["matter"], f"d{i}.txt", b"x") for i in range(3)]
    seen: list[tuple[str, int]] = []
    url: str | None = (
        f"{sb.base_url}/api/v4/folders/list.json?parent_id={t['mfolder']}&limit=2&fields=id,type,name"
    )
    while url:
        body = api.get(url).json()
        seen += [(r["type"], r["id"]) for r in body["data"]]
        url = body["meta"]["paging"].get("next")
    assert seen == [("Folder", sub)] + [("Document", d) for d in docs]
    assert (
        api.get("/folders/list", params={"parent_id": t["mfolder"], "offset": 0}).status_code == 400
    )
    root = api.get("/folders/list", params={"fields": "name,type"}).json()["data"]
    assert {"name": "00001-Tree", "type": "Folder"} in root


def test_folder_trash_hides_contents(api: ApiClient) -> None:
    t = setup_tree(api)
    sb = api.sandbox
    sub = sb.admin.create_folder("Old", matter_id=t["matter"])
    doc = sb.admin.upload_document(folder_id=sub, name="inside.txt", data=b"x")
    assert api.delete(f"/folders/{sub}").status_code == 204
    assert api.get("/documents", params={"matter_id": t["matter"]}).json()["data"] == []
    trashed = api.get(
        "/documents", params={"matter_id": t["matter"], "include_deleted": "true", "fields": "id"}
    ).json()["data"]
    assert [d["id"] for d in trashed] == [doc]
    assert api.patch(f"/folders/{sub}", json={"data": {"restore": True}}).status_code == 200
    assert [
        d["id"]
        for d in api.get("/documents", params={"matter_id": t["matter"], "fields": "id"}).json()[
            "data"
        ]
    ] == [doc]
    assert api.delete(f"/folders/{t['mfolder']}").status_code == 422


def test_rename_and_move_folder(api: ApiClient) -> None:
    t = setup_tree(api)
    a = api.sandbox.admin.create_folder("A", matter_id=t["matter"])
    b = api.sandbox.admin.create_folder("B", matter_id=t["matter"])
    resp = api.patch(
        f"/folders/{a}",
        params={"fields": "name,parent{id}"},
        json={"data": {"name": "A2", "parent": {"id": b, "type": "Folder"}}},
    )
    assert resp.json()["data"] == {"name": "A2", "parent": {"id": b}}
    loop = api.patch(f"/folders/{b}", json={"data": {"parent": {"id": a, "type": "Folder"}}})
    assert loop.status_code == 422
