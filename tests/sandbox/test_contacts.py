"""Contacts conformance: Person/Company rules, nested emails/phones/addresses (request vs
response naming, item-by-item edits), query and other filters, delete rules."""

from __future__ import annotations

from typing import Any

from tests.support.sandbox_fixtures import ApiClient

FIELDS = (
    "id,etag,type,name,first_name,last_name,primary_email_address,secondary_email_address,"
    "primary_phone_number,is_client,email_addresses{id,address,name,primary},"
    "phone_numbers{id,number,name,primary},addresses{id,street,city,province,postal_code,country,name,primary}"
)


def create(api: ApiClient, data: dict[str, Any], fields: str = FIELDS) -> dict[str, Any]:
    resp = api.post("/contacts.json", params={"fields": fields}, json={"data": data})
    assert resp.status_code == 201, resp.text
    return resp.json()["data"]  # type: ignore[no-any-return]


def test_create_person_with_nested_items(api: ApiClient) -> None:
    c = create(
        api,
        {
            "type": "Person",
            "first_name": "Ada",
            "last_name": "Lovelace",
            "email_addresses": [
                {"name": "Home", "address": "ada@home.example"},
                {"name": "Work", "address": "ada@example.com", "default_email": True},
            ],
            "phone_numbers": [{"name": "Mobile", "number": "555-0100", "default_number": True}],
            "addresses": [
                {
                    "name": "Home",
                    "street": "1 Main St",
                    "city": "Halifax",
                    "province": "NS",
                    "postal_code": "B3H 1A1",
                    "country": "CA",
                }
            ],
        },
    )
    assert c["name"] == "Ada Lovelace" and c["type"] == "Person"
    assert c["primary_email_address"] == "ada@example.com"
    assert c["secondary_email_address"] == "ada@home.example"
    assert c["primary_phone_number"] == "555-0100"
    assert {e["address"]: e["primary"] for e in c["email_addresses"]} == {
        "ada@home.example": False,
        "ada@example.com": True,
    }
    assert set(c["email_addresses"][0]) == {"id", "address", "name", "primary"}
    assert c["addresses"][0]["city"] == "Halifax"
    assert c["is_client"] is False


def test_person_needs_a_first_or_last_name(api: ApiClient) -> None:
    resp = api.post("/contacts.json", json={"data": {"type": "Person"}})
    assert resp.status_code == 422
    assert "first name or last name" in resp.json()["error"]["message"]
    only_last = create(api, {"type": "Person", "last_name": "Cher"}, "id,name,first_name,last_name")
    assert only_last["name"] == "Cher" and only_last["first_name"] is None
    split = create(
        api, {"type": "Person", "name": "Grace Brewster Hopper"}, "id,first_name,last_name"
    )
    assert split["last_name"] == "Hopper" and split["first_name"] == "Grace Brewster"


def test_company_needs_name_and_type_is_required(api: ApiClient) -> None:
    assert api.post("/contacts.json", json={"data": {"type": "Company"}}).status_code == 422
    assert api.post("/contacts.json", json={"data": {"name": "Acme"}}).status_code == 422
    acme = create(api, {"type": "Company", "name": "Acme Ltd."}, "id,name,type")
    assert acme == {"id": acme["id"], "name": "Acme Ltd.", "type": "Company"}


def test_request_field_names_are_not_response_names(api: ApiClient) -> None:
    resp = api.post(
        "/contacts.json",
        json={
            "data": {
                "type": "Person",
                "last_name": "X",
                "email_addresses": [{"address": "x@y.z", "primary": True}],
            }
        },
    )
    assert resp.status_code == 422
    bad_name = api.post(
        "/contacts.json",
        json={
            "data": {
                "type": "Person",
                "last_name": "X",
                "phone_numbers": [{"name": "Cell", "number": "1"}],
            }
        },
    )
    assert bad_name.status_code == 422


def test_unknown_body_attribute_is_refused(api: ApiClient) -> None:
    resp = api.post(
        "/contacts.json", json={"data": {"type": "Person", "last_name": "X", "nickname": "x"}}
    )
    assert resp.status_code == 422
    assert "nickname" in resp.json()["error"]["message"]
    assert api.post("/contacts.json", json={"type": "Person", "last_name": "X"}).status_code == 400
    assert (
        api.post(
            "/contacts.json", content=b"{not json", headers={"Content-Type": "application/json"}
        ).status_code
        == 400
    )


def test_patch_edits_nested_items_one_by_one(api: ApiClient) -> None:
    c = create(
        api,
        {
            "type": "Person",
            "first_name": "Alan",
            "last_name": "Turing",
            "email_addresses": [
                {"name": "Work", "address": "alan@work.example", "default_email": True},
                {"name": "Home", "address": "alan@home.example"},
            ],
        },
    )
    work, home = c["email_addresses"]
    resp = api.patch(
        f"/contacts/{c['id']}.json",
        params={"fields": FIELDS},
        json={
            "data": {
                "email_addresses": [
                    {"id": home["id"], "_destroy": True},
                    {"id": work["id"], "address": "turing@work.example"},
                    {"name": "Other", "address": "at@other.example"},
                ]
            }
        },
    )
    assert resp.status_code == 200, resp.text
    emails = {e["address"]: e for e in resp.json()["data"]["email_addresses"]}
    assert set(emails) == {"turing@work.example", "at@other.example"}
    assert emails["turing@work.example"]["id"] == work["id"]
    assert emails["turing@work.example"]["primary"] is True
    foreign = api.patch(
        f"/contacts/{c['id']}.json",
        json={"data": {"email_addresses": [{"id": 1, "address": "q@q.q"}]}},
    )
    assert foreign.status_code == 422


def test_patch_omitted_items_are_left_alone(api: ApiClient) -> None:
    c = create(
        api,
        {"type": "Person", "last_name": "Keep", "phone_numbers": [{"name": "Work", "number": "1"}]},
    )
    resp = api.patch(
        f"/contacts/{c['id']}", params={"fields": FIELDS}, json={"data": {"first_name": "Kim"}}
    )
    assert resp.status_code == 200
    d = resp.json()["data"]
    assert d["name"] == "Kim Keep" and d["phone_numbers"][0]["number"] == "1"


def test_query_filter_searches_names_emails_phones(api: ApiClient) -> None:
    a = create(
        api,
        {
            "type": "Person",
            "first_name": "Marie",
            "last_name": "Curie",
            "email_addresses": [{"name": "Work", "address": "marie@radium.example"}],
        },
        "id",
    )
    b = create(
        api,
        {
            "type": "Company",
            "name": "Radium Works",
            "phone_numbers": [{"name": "Work", "number": "902-555-0199"}],
        },
        "id",
    )
    c = create(api, {"type": "Person", "first_name": "Pierre", "last_name": "Other"}, "id")

    def ids(**params: str) -> set[int]:
        resp = api.get("/contacts.json", params={"fields": "id", **params})
        assert resp.status_code == 200, resp.text
        return {r["id"] for r in resp.json()["data"]}

    assert ids(query="radium") == {a["id"], b["id"]}
    assert ids(query="555-0199") == {b["id"]}
    assert ids(type="Company") == {b["id"]}
    assert ids(type="Person") == {a["id"], c["id"]}
    assert ids(email_only="true") == {a["id"]}
    assert ids(initial="C") == {a["id"]}
    assert ids(**{"ids[]": str(c["id"])}) == {c["id"]}
    assert ids(**{"exclude_ids[]": str(c["id"])}) == {a["id"], b["id"]}
    assert api.get("/contacts.json", params={"type": "person"}).status_code == 400


def test_show_missing_and_delete(api: ApiClient) -> None:
    c = create(api, {"type": "Person", "last_name": "Gone"}, "id")
    assert api.get(f"/contacts/{c['id']}.json").status_code == 200
    assert api.delete(f"/contacts/{c['id']}.json").status_code == 204
    missing = api.get(f"/contacts/{c['id']}.json")
    assert missing.status_code == 404
    assert missing.json()["error"]["type"]


def test_company_association(api: ApiClient) -> None:
    acme = create(api, {"type": "Company", "name": "Acme"}, "id")
    p = create(
        api,
        {"type": "Person", "last_name": "Coyote", "company": {"id": acme["id"]}},
        "id,company{id,name}",
    )
    assert p["company"] == {"id": acme["id"], "name": "Acme"}
    person = create(api, {"type": "Person", "last_name": "Runner"}, "id")
    bad = api.post(
        "/contacts.json",
        json={"data": {"type": "Person", "last_name": "Z", "company": {"id": person["id"]}}},
    )
    assert bad.status_code == 422
