"""The pure matter and activity plans, rule by rule."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from desktop.prolegis.records import Activity, Client, Manifest, Matter
from desktop.sync.records.activity_plan import (
    PushedActivity,
    author_in_scope,
    build_payload,
    plan_activities,
)
from desktop.sync.records.matter_plan import LinkedMatter, clio_description, plan_matters

NOW = datetime(2026, 11, 20, 17, 4, tzinfo=UTC)


def client(cid: str, first: str = "Ada", last: str = "Lovelace") -> Client:
    return Client(cid, "person", first, last, None, (), (), (), NOW)


def matter(mid: str, clients: tuple[str, ...], status: str = "open", folder: str = "") -> Matter:
    return Matter(
        mid,
        mid[2:],
        f"Title {mid}",
        status,
        date(2024, 3, 2),
        clients,  # type: ignore[arg-type]
        folder or mid,
        NOW,
    )


def time_entry(aid: str, mid: str, hours: str = "1.5", author: str = "jdoe") -> Activity:
    return Activity(
        aid,
        mid,
        "time",
        date(2026, 11, 20),
        Decimal(hours),
        Decimal("350"),
        None,
        None,
        "Review title search",
        author,
        NOW,
    )


def manifest(clients=(), matters=(), activities=()) -> Manifest:  # type: ignore[no-untyped-def]
    return Manifest(1, tuple(clients), tuple(matters), tuple(activities))


# -- matters --------------------------------------------------------------------------------


def test_new_matter_with_linked_clients_is_created_with_first_linked_as_client() -> None:
    m = manifest(
        [client("c-1"), client("c-2"), client("c-3")], [matter("m-1", ("c-1", "c-2", "c-3"))]
    )
    plan = plan_matters(m, preexisting=set(), links={}, contact_of={"c-2": 20, "c-3": 30})
    assert [(c.matter.id, c.client_contact_id, c.related_contact_ids) for c in plan.creates] == [
        ("m-1", 20, (30,))
    ]
    assert plan.needs_client == ()


def test_new_matter_without_linked_client_waits_and_names_them() -> None:
    m = manifest([client("c-1"), client("c-2", "Rita", "Okafor")], [matter("m-1", ("c-1", "c-2"))])
    plan = plan_matters(m, preexisting=set(), links={}, contact_of={})
    assert plan.creates == ()
    assert [c.display_name for c in plan.needs_client[0].unlinked] == [
        "Ada Lovelace",
        "Rita Okafor",
    ]


def test_preexisting_matter_is_left_alone_until_linked() -> None:
    m = manifest([client("c-1")], [matter("m-1", ("c-1",))])
    plan = plan_matters(m, preexisting={"m-1"}, links={}, contact_of={"c-1": 10})
    assert plan.creates == () and [x.id for x in plan.unlinked_preexisting] == ["m-1"]


def test_more_than_five_new_matters_are_held_until_allowed() -> None:
    ms = [matter(f"m-{i}", ("c-1",)) for i in range(6)]
    m = manifest([client("c-1")], ms)
    plan = plan_matters(m, preexisting=set(), links={}, contact_of={"c-1": 10})
    assert plan.creates == () and len(plan.held) == 6
    plan = plan_matters(
        m, preexisting=set(), links={}, contact_of={"c-1": 10}, allow_new_matters=True
    )
    assert len(plan.creates) == 6 and plan.held == ()
    five = manifest([client("c-1")], ms[:5])
    assert len(plan_matters(five, preexisting=set(), links={}, contact_of={"c-1": 10}).creates) == 5


def test_deferred_matters_stay_held() -> None:
    m = manifest([client("c-1")], [matter("m-1", ("c-1",)), matter("m-2", ("c-1",))])
    plan = plan_matters(m, preexisting=set(), links={}, contact_of={"c-1": 1}, deferred={"m-1"})
    assert [c.matter.id for c in plan.creates] == ["m-2"] and [c.matter.id for c in plan.held] == [
        "m-1"
    ]


def test_status_change_and_folder_move_of_linked_matter() -> None:
    m = manifest([client("c-1")], [matter("m-1", ("c-1",), status="closed", folder="new")])
    links = {"m-1": LinkedMatter(7, "open", "old"), "m-gone": LinkedMatter(8, "open", "x")}
    plan = plan_matters(m, preexisting=set(), links=links, contact_of={})
    assert [(s.clio_matter_id, s.old_status, s.matter.status) for s in plan.status_updates] == [
        (7, "open", "closed")
    ]
    assert [(f.old_folder, f.matter.folder) for f in plan.folder_moves] == [("old", "new")]
    assert plan.vanished == ("m-gone",)


def test_description_carries_the_prolegis_number() -> None:
    assert clio_description(matter("m-2024-0012", ())) == "2024-0012 Title m-2024-0012"


# -- activities -----------------------------------------------------------------------------


def test_time_entry_payload_uses_seconds_and_rate() -> None:
    p = build_payload(time_entry("a-1", "m-1", "1.5"), clio_matter_id=5, user_id=3, categories={})
    body = p.to_clio()
    assert body == {
        "type": "TimeEntry",
        "date": "2026-11-20",
        "quantity": 5400,
        "price": 350.0,
        "note": "Review title search",
        "matter": {"id": 5},
        "user": {"id": 3},
    }


def test_expense_payload_uses_amount_and_category_by_name() -> None:
    e = Activity(
        "a-2",
        "m-1",
        "expense",
        date(2026, 11, 21),
        None,
        None,
        Decimal("45.20"),
        "Courier",
        "Courier to lender",
        "jdoe",
        NOW,
    )
    body = build_payload(e, clio_matter_id=5, user_id=3, categories={"courier": 9}).to_clio()
    assert (body["type"], body["quantity"], body["price"], body["expense_category"]) == (
        "ExpenseEntry",
        1,
        45.2,
        {"id": 9},
    )
    other = build_payload(e, clio_matter_id=5, user_id=3, categories={"filing fees": 1}).to_clio()
    assert "expense_category" not in other


def test_authors_setting() -> None:
    assert author_in_scope("jdoe", "jdoe, mtremblay") and author_in_scope("JDoe", "jdoe")
    assert author_in_scope("anyone", "*") and not author_in_scope("jdoe", "")
    assert not author_in_scope("bsmith", "jdoe")


def _plan(m: Manifest, pushed: dict[str, PushedActivity], authors: str = "jdoe", **kw):  # type: ignore[no-untyped-def]
    return plan_activities(
        m,
        clio_matter_of={"m-1": 5, "m-2": 6},
        pushed=pushed,
        authors_setting=authors,
        user_of_author={"jdoe": 3, "bsmith": 4},
        categories={},
        **kw,
    )


def test_only_linked_matters_and_own_authors_are_pushed() -> None:
    m = manifest(
        activities=[
            time_entry("a-1", "m-1"),
            time_entry("a-2", "m-9"),
            time_entry("a-3", "m-1", author="bsmith"),
        ]
    )
    plan = _plan(m, {})
    assert [c.activity.id for c in plan.creates] == ["a-1"]
    assert [c.activity.id for c in _plan(m, {}, authors="*").creates] == ["a-1", "a-3"]


def test_changed_activity_is_updated_unchanged_is_not() -> None:
    a = time_entry("a-1", "m-1")
    digest = build_payload(a, clio_matter_id=5, user_id=3, categories={}).digest()
    same = _plan(manifest(activities=[a]), {"a-1": PushedActivity("m-1", 77, digest, "pushed")})
    assert same.creates == () and same.updates == ()
    changed = _plan(
        manifest(activities=[time_entry("a-1", "m-1", "2")]),
        {"a-1": PushedActivity("m-1", 77, digest, "pushed")},
    )
    assert [(u.clio_activity_id, u.payload.quantity) for u in changed.updates] == [(77, 7200)]


def test_billed_and_clio_edited_entries_are_not_overwritten() -> None:
    m = manifest(activities=[time_entry("a-1", "m-1", "3"), time_entry("a-2", "m-1", "3")])
    pushed = {
        "a-1": PushedActivity("m-1", 1, "old", "billed"),
        "a-2": PushedActivity("m-1", 2, "old", "clio_edited"),
    }
    plan = _plan(m, pushed)
    assert plan.updates == ()
    assert sorted((b.activity_id, b.code) for b in plan.blocked) == [
        ("a-1", "billed"),
        ("a-2", "clio_edited"),
    ]


def test_unmapped_author_is_reported_not_pushed() -> None:
    plan = _plan(manifest(activities=[time_entry("a-1", "m-1", author="ghost")]), {}, authors="*")
    assert plan.creates == () and plan.blocked[0].code == "unmapped_author"


def test_removed_activity_is_deleted_unless_billed() -> None:
    pushed = {
        "a-1": PushedActivity("m-1", 1, "d", "pushed"),
        "a-2": PushedActivity("m-2", 2, "d", "billed"),
    }
    others = {f"k-{i}": PushedActivity("m-1", 100 + i, "d", "pushed") for i in range(9)}
    keep = [time_entry(f"k-{i}", "m-1") for i in range(9)]
    plan = _plan(manifest(activities=keep), {**pushed, **others})
    assert [d.activity_id for d in plan.deletes] == ["a-1"]
    assert [b.code for b in plan.blocked if b.activity_id == "a-2"] == ["billed"]


def test_removal_guard_total_and_share() -> None:
    many = {
        f"a-{i}": PushedActivity("m-1" if i % 2 else "m-2", i, "d", "pushed") for i in range(11)
    }
    plan = _plan(manifest(), many)
    assert plan.deletes == () and len(plan.held_deletes) == 11
    assert len(_plan(manifest(), many, allow_removals=True).deletes) == 11
    # 3 of 4 pushed entries of one matter vanish: > 30 % → held; other matters unaffected
    pushed = {f"a-{i}": PushedActivity("m-1", i, "d", "pushed") for i in range(4)}
    pushed["b-1"] = PushedActivity("m-2", 50, "d", "pushed")
    kept = manifest(activities=[time_entry("a-3", "m-1"), time_entry("b-0", "m-2")])
    plan = _plan(kept, pushed)
    assert sorted(d.activity_id for d in plan.held_deletes) == ["a-0", "a-1", "a-2"]
    assert [d.activity_id for d in plan.deletes] == ["b-1"]
    allowed = _plan(kept, pushed, allowed_removal_matters={"m-1"})
    assert len(allowed.deletes) == 4
