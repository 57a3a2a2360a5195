"""Matters conformance: required client and description, status case rules, automatic
numbering and folder, custom field values (composite ids, one value per field, 255 chars,
required fields) and the ``custom_field_values[<id>]`` filter, relationships."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.sandbox_fixtures import ApiClient

MFIELDS = (
    "id,display_number,number,description,status,open_date,close_date,"
    "client{id,name},folder{id,name}"
)


def client(api: ApiClient, last: str = "Smith") -> int:
    return api.sandbox.admin.create_contact(first_name="John", last_name=last)


def post_matter(api: ApiClient, data: dict[str, Any], fields: str = MFIELDS) -> Any:
    return api.post("/matters.json", params={"fields": fields}, json={"data": data})


def test_create_matter(api: ApiClient) -> None:
    cid = client(api)
    resp = post_matter(
        api, {"client": {"id": cid}, "description": "Estate of Smith", "status": "open"}
    )
    assert resp.status_code == 201, resp.text
    m = resp.json()["data"]
    assert m["status"] == "Open"
    assert m["client"] == {"id": cid, "name": "John Smith"}
    assert m["display_number"] == f"{m['number']:05d}-Smith"
    assert m["open_date"] and m["close_date"] is None
    folder = api.get(
        f"/folders/{m['folder']['id']}", params={"fields": "id,matter{id},parent{id}"}
    ).json()["data"]
    assert folder["matter"] == {"id": m["id"]}
    second = post_matter(api, {"client": {"id": cid}, "description": "Sale of house"}).json()[
        "data"
    ]
    assert second["number"] == m["number"] + 1 and second["status"] == "Open"


@pytest.mark.parametrize(
    "data",
    [
        {"description": "No client"},
        {"client": {"id": 1}, "description": "Unknown client"},
        {"client": {"id": "CLIENT"}},
    ],
)
def test_client_and_description_are_required(api: ApiClient, data: dict[str, Any]) -> None:
    if data.get("client", {}).get("id") == "CLIENT":
        data = {"client": {"id": client(api)}}
    assert post_matter(api, data).status_code == 422


def test_status_case_rules(api: ApiClient) -> None:
    cid = client(api)
    assert (
        post_matter(api, {"client": {"id": cid}, "description": "x", "status": "Open"}).status_code
        == 422
    )
    pending = post_matter(
        api, {"client": {"id": cid}, "description": "p", "status": "pending"}
    ).json()["data"]
    assert pending["status"] == "Pending"
    closed = api.patch(
        f"/matters/{pending['id']}",
        params={"fields": "status,close_date"},
        json={"data": {"status": "closed"}},
    ).json()["data"]
    assert closed["status"] == "Closed" and closed["close_date"]
    post_matter(api, {"client": {"id": cid}, "description": "o"})

    def statuses(value: str) -> list[str]:
        resp = api.get("/matters", params={"status": value, "fields": "status"})
        assert resp.status_code == 200, resp.text
        return sorted(r["status"] for r in resp.json()["data"])

    assert statuses("open") == ["Open"]
    assert statuses("open,closed") == ["Closed", "Open"]
    assert api.get("/matters", params={"status": "Open"}).status_code == 400


def test_display_number_is_generated(api: ApiClient) -> None:
    resp = post_matter(
        api, {"client": {"id": client(api)}, "description": "d", "display_number": "M-1"}
    )
    assert resp.status_code == 422


def test_unsupported_and_unknown_attributes(api: ApiClient) -> None:
    cid = client(api)
    unsupported = post_matter(
        api, {"client": {"id": cid}, "description": "d", "practice_area": {"id": 1}}
    )
    assert unsupported.status_code == 400
    unknown = post_matter(api, {"client": {"id": cid}, "description": "d", "colour": "red"})
    assert unknown.status_code == 422


def test_query_and_client_filters(api: ApiClient) -> None:
    a, b = client(api, "Alpha"), client(api, "Beta")
    ma = post_matter(api, {"client": {"id": a}, "description": "Purchase of cottage"}).json()[
        "data"
    ]
    mb = post_matter(api, {"client": {"id": b}, "description": "Will and estate"}).json()["data"]

    def ids(**params: str) -> set[int]:
        return {r["id"] for r in api.get("/matters", params=params).json()["data"]}

    assert ids(query="cottage") == {ma["id"]}
    assert ids(query="Beta") == {mb["id"]}
    assert ids(query=mb["display_number"]) == {mb["id"]}
    assert ids(client_id=str(a)) == {ma["id"]}


def _text_field(api: ApiClient, name: str = "Prolegis matter id", **extra: Any) -> int:
    resp = api.post(
        "/custom_fields.json",
        params={"fields": "id,name,field_type,parent_type"},
        json={"data": {"name": name, "field_type": "text_line", "parent_type": "Matter", **extra}},
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["data"]["parent_type"] == "Matter"
    return int(resp.json()["data"]["id"])


CFV = "id,custom_field_values{id,value,field_name,custom_field}"


def test_custom_field_values_and_filter(api: ApiClient) -> None:
    fid = _text_field(api)
    cid = client(api)
    m1 = post_matter(
        api,
        {
            "client": {"id": cid},
            "description": "one",
            "custom_field_values": [{"custom_field": {"id": fid}, "value": "m-2024-0001"}],
        },
        CFV,
    ).json()["data"]
    post_matter(
        api,
        {
            "client": {"id": cid},
            "description": "two",
            "custom_field_values": [{"custom_field": {"id": fid}, "value": "m-2024-0002"}],
        },
    )
    value = m1["custom_field_values"][0]
    assert value["id"] == f"text_line-{value['id'].split('-')[1]}"
    assert value["value"] == "m-2024-0001" and value["field_name"] == "Prolegis matter id"
    assert value["custom_field"]["id"] == fid
    found = api.get(
        "/matters.json", params={f"custom_field_values[{fid}]": "m-2024-0001", "fields": "id"}
    ).json()
    assert [r["id"] for r in found["data"]] == [m1["id"]]
    none = api.get("/matters.json", params={f"custom_field_values[{fid}]": "m-2024-9999"}).json()
    assert none["data"] == []
    assert api.get("/matters.json", params={"custom_field_values[999]": "x"}).status_code == 400


def test_changing_a_custom_field_value_needs_its_id(api: ApiClient) -> None:
    fid = _text_field(api)
    m = post_matter(
        api,
        {
            "client": {"id": client(api)},
            "description": "d",
            "custom_field_values": [{"custom_field": {"id": fid}, "value": "a"}],
        },
        CFV,
    ).json()["data"]
    second = api.patch(
        f"/matters/{m['id']}",
        json={"data": {"custom_field_values": [{"custom_field": {"id": fid}, "value": "b"}]}},
    )
    assert second.status_code == 422
    vid = m["custom_field_values"][0]["id"]
    ok = api.patch(
        f"/matters/{m['id']}",
        params={"fields": CFV},
        json={"data": {"custom_field_values": [{"id": vid, "value": "b"}]}},
    )
    assert ok.status_code == 200
    assert ok.json()["data"]["custom_field_values"][0]["value"] == "b"
    gone = api.patch(
        f"/matters/{m['id']}",
        params={"fields": CFV},
        json={"data": {"custom_field_values": [{"id": vid, "_destroy": True}]}},
    )
    assert gone.json()["data"]["custom_field_values"] == []


def test_text_line_limit_and_required_fields(api: ApiClient) -> None:
    fid = _text_field(api)
    cid = client(api)
    too_long = post_matter(
        api,
        {
            "client": {"id": cid},
            "description": "d",
            "custom_field_values": [{"custom_field": {"id": fid}, "value": "x" * 256}],
        },
    )
    assert too_long.status_code == 422
    _text_field(api, "Mandatory", required=True)
    assert post_matter(api, {"client": {"id": cid}, "description": "d"}).status_code == 422


def test_contact_field_cannot_go_on_a_matter(api: ApiClient) -> None:
    contact_field = api.sandbox.admin.create_custom_field("Client code", parent_type="Contact")
    resp = post_matter(
        api,
        {
            "client": {"id": client(api)},
            "description": "d",
            "custom_field_values": [{"custom_field": {"id": contact_field}, "value": "x"}],
        },
    )
    assert resp.status_code == 422
    listed = api.get(
        "/custom_fields", params={"parent_type": "contact", "fields": "id,name"}
    ).json()["data"]
    assert listed == [{"id": contact_field, "name": "Client code"}]


def test_contact_custom_fields_and_filter(api: ApiClient) -> None:
    fid = api.sandbox.admin.create_custom_field("Prolegis client id", parent_type="Contact")
    c = api.post(
        "/contacts",
        params={"fields": "id,custom_field_values{value}"},
        json={
            "data": {
                "type": "Person",
                "last_name": "Z",
                "custom_field_values": [{"custom_field": {"id": fid}, "value": "c-1001"}],
            }
        },
    ).json()["data"]
    assert c["custom_field_values"] == [{"value": "c-1001"}]
    found = api.get("/contacts", params={f"custom_field_values[{fid}]": "c-1001"}).json()["data"]
    assert [r["id"] for r in found] == [c["id"]]


def test_numeric_custom_field_operators(api: ApiClient) -> None:
    fid = api.sandbox.admin.create_custom_field("Value", field_type="numeric")
    cid = client(api)
    ids = {}
    for v in (10, 50, 90):
        ids[v] = api.sandbox.admin.create_matter(
            cid, f"m{v}", custom_field_values=[{"custom_field": {"id": fid}, "value": v}]
        )

    def found(expr: str) -> set[int]:
        resp = api.get("/matters", params={f"custom_field_values[{fid}]": expr})
        assert resp.status_code == 200, resp.text
        return {r["id"] for r in resp.json()["data"]}

    assert found(">=50") == {ids[50], ids[90]}
    assert found("<50") == {ids[10]}
    assert found("[>=45, <=60]") == {ids[50]}


def test_relationships(api: ApiClient) -> None:
    cid = client(api)
    other = api.sandbox.admin.create_contact(first_name="Mary", last_name="Smith")
    m = post_matter(api, {"client": {"id": cid}, "description": "joint"}).json()["data"]
    resp = api.post(
        "/relationships.json",
        params={"fields": "id,description,matter{id},contact{id,name}"},
        json={
            "data": {
                "description": "Co-client",
                "matter": {"id": m["id"]},
                "contact": {"id": other},
            }
        },
    )
    assert resp.status_code == 201, resp.text
    rel = resp.json()["data"]
    assert rel["contact"] == {"id": other, "name": "Mary Smith"} and rel["matter"] == {
        "id": m["id"]
    }
    dup = api.post(
        "/relationships.json",
        json={
            "data": {"description": "again", "matter": {"id": m["id"]}, "contact": {"id": other}}
        },
    )
    assert dup.status_code == 422
    shown = api.get(
        f"/matters/{m['id']}", params={"fields": "relationships{id,description,contact}"}
    ).json()["data"]
    assert shown["relationships"] == [
        {
            "id": rel["id"],
            "description": "Co-client",
            "contact": {"id": other, "etag": shown["relationships"][0]["contact"]["etag"]},
        }
    ]
    listed = api.get("/relationships", params={"matter_id": m["id"]}).json()["data"]
    assert [r["id"] for r in listed] == [rel["id"]]
    assert api.delete(f"/relationships/{rel['id']}").status_code == 204
    assert (
        api.get(f"/matters/{m['id']}", params={"fields": "relationships"}).json()["data"][
            "relationships"
        ]
        == []
    )


def test_admin_related_contact(api: ApiClient) -> None:
    cid, other = client(api), client(api, "Related")
    mid = api.sandbox.admin.create_matter(cid, "with relation")
    rid = api.sandbox.admin.add_related_contact(mid, other, "Executor")
    rels = api.get(
        "/relationships", params={"contact_id": other, "fields": "id,description"}
    ).json()
    assert rels["data"] == [{"id": rid, "description": "Executor"}]


def test_matter_relationships_in_body(api: ApiClient) -> None:
    cid, other = client(api), client(api, "Jones")
    m = post_matter(
        api,
        {
            "client": {"id": cid},
            "description": "x",
            "relationships": [{"description": "Spouse", "contact": {"id": other}}],
        },
        "id,relationships{description,contact}",
    ).json()["data"]
    assert m["relationships"][0]["description"] == "Spouse"


def test_client_in_use_cannot_be_deleted(api: ApiClient) -> None:
    cid = client(api)
    m = post_matter(api, {"client": {"id": cid}, "description": "x"}).json()["data"]
    assert (
        api.get(f"/contacts/{cid}", params={"fields": "is_client"}).json()["data"]["is_client"]
        is True
    )
    assert api.delete(f"/contacts/{cid}").status_code == 422
    assert api.delete(f"/matters/{m['id']}").status_code == 204
    assert api.get(f"/matters/{m['id']}").status_code == 404
    assert api.delete(f"/contacts/{cid}").status_code == 204
