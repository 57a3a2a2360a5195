"""Activities conformance: TimeEntry quantity in seconds, ExpenseEntry, ``user`` (default the
token's user), billed entries refuse PATCH/DELETE, filters; expense categories."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.sandbox_fixtures import ApiClient

AFIELDS = (
    "id,type,date,quantity,quantity_in_hours,rounded_quantity,price,total,note,billed,on_bill,"
    "non_billable,matter{id},user{id,name},expense_category{id,name}"
)


@pytest.fixture
def matter_id(api: ApiClient) -> int:
    cid = api.sandbox.admin.create_contact(last_name="Billable")
    return api.sandbox.admin.create_matter(cid, "Work")


def post(api: ApiClient, data: dict[str, Any]) -> Any:
    return api.post("/activities.json", params={"fields": AFIELDS}, json={"data": data})


def test_time_entry_in_seconds(api: ApiClient, matter_id: int) -> None:
    resp = post(
        api,
        {
            "type": "TimeEntry",
            "date": "2025-03-01",
            "quantity": 5400,
            "price": 300,
            "note": "Draft motion",
            "matter": {"id": matter_id},
            "non_billable": False,
        },
    )
    assert resp.status_code == 201, resp.text
    a = resp.json()["data"]
    assert a["quantity"] == 5400 and a["quantity_in_hours"] == 1.5
    assert a["total"] == 450.0 and a["billed"] is False
    assert a["user"]["id"] == api.sandbox.admin.default_user_id()
    assert a["matter"] == {"id": matter_id}
    rounded = post(
        api,
        {
            "type": "TimeEntry",
            "date": "2025-03-01",
            "quantity": 100,
            "price": 360,
            "matter": {"id": matter_id},
        },
    )
    assert rounded.json()["data"]["rounded_quantity"] == 360


def test_time_entry_price_defaults_to_user_rate(api: ApiClient, matter_id: int) -> None:
    a = post(
        api,
        {"type": "TimeEntry", "date": "2025-03-01", "quantity": 3600, "matter": {"id": matter_id}},
    ).json()["data"]
    assert a["price"] == 350.0 and a["total"] == 350.0


def test_expense_entry_and_categories(api: ApiClient, matter_id: int) -> None:
    resp = api.post(
        "/expense_categories.json",
        params={"fields": "id,name,rate,entry_type"},
        json={"data": {"name": "Filing fees", "rate": 0}},
    )
    assert resp.status_code == 201, resp.text
    cat = resp.json()["data"]
    assert cat["entry_type"] == "unassociated"
    listed = api.get("/expense_categories", params={"fields": "id,name", "query": "filing"}).json()[
        "data"
    ]
    assert listed == [{"id": cat["id"], "name": "Filing fees"}]
    e = post(
        api,
        {
            "type": "ExpenseEntry",
            "date": "2025-03-02",
            "quantity": 1,
            "price": 125.5,
            "matter": {"id": matter_id},
            "expense_category": {"id": cat["id"]},
        },
    ).json()["data"]
    assert e["total"] == 125.5 and e["expense_category"] == {"id": cat["id"], "name": "Filing fees"}
    assert e["quantity_in_hours"] is None
    assert (
        api.post("/expense_categories", json={"data": {"name": "Filing fees"}}).status_code == 422
    )


def test_required_and_invalid(api: ApiClient, matter_id: int) -> None:
    assert post(api, {"date": "2025-03-01"}).status_code == 422
    assert post(api, {"type": "TimeEntry"}).status_code == 422
    assert post(api, {"type": "Nap", "date": "2025-03-01"}).status_code == 422
    assert post(api, {"type": "TimeEntry", "date": "01/03/2025"}).status_code == 422
    assert (
        post(api, {"type": "TimeEntry", "date": "2025-03-01", "matter": {"id": 5}}).status_code
        == 422
    )
    assert (
        post(api, {"type": "TimeEntry", "date": "2025-03-01", "user": {"id": 5}}).status_code == 422
    )
    assert (
        post(api, {"type": "TimeEntry", "date": "2025-03-01", "quantity": "1h"}).status_code == 422
    )
    assert (
        post(api, {"type": "TimeEntry", "date": "2025-03-01", "start_timer": True}).status_code
        == 400
    )


def test_activity_for_another_user(api: ApiClient, matter_id: int) -> None:
    raj = api.sandbox.admin.add_user("Raj Patel", "raj@example-law.ca", rate=200)
    a = post(
        api,
        {
            "type": "TimeEntry",
            "date": "2025-03-01",
            "quantity": 1800,
            "user": {"id": raj},
            "matter": {"id": matter_id},
        },
    ).json()["data"]
    assert a["user"] == {"id": raj, "name": "Raj Patel"} and a["price"] == 200.0
    mine = api.get("/activities", params={"user_id": raj, "fields": "id"}).json()["data"]
    assert [r["id"] for r in mine] == [a["id"]]
    users = api.get("/users", params={"fields": "id,name"}).json()["data"]
    assert {u["name"] for u in users} == {"Jane Doe", "Raj Patel"}


def test_billed_entries_refuse_changes(api: ApiClient, matter_id: int) -> None:
    a = post(
        api,
        {"type": "TimeEntry", "date": "2025-03-01", "quantity": 600, "matter": {"id": matter_id}},
    ).json()["data"]
    assert api.patch(f"/activities/{a['id']}", json={"data": {"note": "edited"}}).status_code == 200
    api.sandbox.admin.mark_activity_billed(a["id"])
    shown = api.get(
        f"/activities/{a['id']}", params={"fields": "billed,on_bill,bill{id,state}"}
    ).json()["data"]
    assert (
        shown["billed"] is True
        and shown["on_bill"] is True
        and shown["bill"]["state"] == "awaiting_payment"
    )
    patch = api.patch(f"/activities/{a['id']}", json={"data": {"note": "again"}})
    assert 400 <= patch.status_code < 500
    delete = api.delete(f"/activities/{a['id']}")
    assert 400 <= delete.status_code < 500
    assert (
        api.get(f"/activities/{a['id']}", params={"fields": "note"}).json()["data"]["note"]
        == "edited"
    )
    billed = api.get("/activities", params={"status": "billed", "fields": "id"}).json()["data"]
    assert [r["id"] for r in billed] == [a["id"]]
    assert api.get("/activities", params={"status": "unbilled"}).json()["data"] == []


def test_filters_and_delete(api: ApiClient, matter_id: int) -> None:
    t = post(
        api,
        {
            "type": "TimeEntry",
            "date": "2025-01-10",
            "quantity": 60,
            "matter": {"id": matter_id},
            "note": "call client",
        },
    ).json()["data"]
    e = post(
        api,
        {"type": "ExpenseEntry", "date": "2025-02-10", "price": 10, "matter": {"id": matter_id}},
    ).json()["data"]
    orphan = post(api, {"type": "TimeEntry", "date": "2025-02-11", "quantity": 60}).json()["data"]

    def ids(**params: Any) -> set[int]:
        resp = api.get("/activities", params={"fields": "id", **params})
        assert resp.status_code == 200, resp.text
        return {r["id"] for r in resp.json()["data"]}

    assert ids(matter_id=matter_id) == {t["id"], e["id"]}
    assert ids(matter_id="null") == {orphan["id"]}
    assert ids(type="ExpenseEntry") == {e["id"]}
    assert ids(start_date="2025-02-01", end_date="2025-02-10") == {e["id"]}
    assert ids(query="client") == {t["id"]}
    assert api.delete(f"/activities/{t['id']}").status_code == 204
    assert api.get(f"/activities/{t['id']}").status_code == 404
