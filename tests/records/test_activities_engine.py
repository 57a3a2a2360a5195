"""Time entries and expenses through the real engine and the sandbox: what is pushed and as whom
(author assignment and mapping), expense categories, changes with If-Match, billed entries.
Clio-side edits, removals and idempotency are in test_activities_safety."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from desktop.sandbox import Sandbox
from desktop.sync import commands as cmd
from tests.records.helpers import clio_activities, codes, run
from tests.support.harness import SyncHarness
from tests.support.harness_fixtures import HarnessFactory

DAY = date(2026, 11, 20)


def linked(harness_factory: HarnessFactory, sandbox: Sandbox, **kw: Any) -> SyncHarness:
    """A workspace with a new matter m-1 whose Clio matter exists (created by the first passes)."""
    h = harness_factory(sandbox, documents=False, **kw)
    contact = (
        h.sandbox.admin.create_contact("Person", first_name="Ada", last_name="Lovelace")
        if not hasattr(sandbox, "_ada")
        else sandbox._ada
    )
    sandbox._ada = contact
    h.builder.add_client("Ada", "Lovelace", id="c-1")
    h.builder.write()
    assert h.sync_once().exit_code == 0
    assert run(h, cmd.LinkClient("c-1", contact_id=contact)) == []
    h.builder.add_matter("Purchase of 12 Elm St", id="m-1", number="2025-0001", client_ids=["c-1"])
    h.builder.add_matter("Sale of 9 Oak Ave", id="m-2", number="2025-0002", client_ids=["c-1"])
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 0, report.lines()
    return h


def clio_id(h: SyncHarness, matter_id: str = "m-1") -> int:
    link = h.services.store.matter_links.get(matter_id)
    assert link is not None
    return link.clio_matter_id


def entry(h: SyncHarness, activity_id: str) -> Any:
    link = h.services.store.activity_links.get(activity_id)
    assert link is not None, activity_id
    return link


def time(h: SyncHarness, aid: str, hours: str = "1.5", **kw: Any) -> None:
    kw.setdefault("date", DAY)
    kw.setdefault("note", "Review title search")
    h.builder.add_activity(
        kw.pop("matter", "m-1"), id=aid, hours=hours, rate=kw.pop("rate", "350"), **kw
    )


def test_time_entries_and_expenses_are_pushed(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    courier = sandbox.admin.create_expense_category("Courier")
    h = linked(harness_factory, sandbox)
    time(h, "a-1")
    h.builder.add_activity(
        "m-1",
        id="a-2",
        kind="expense",
        amount="45.20",
        category="courier",
        date=DAY,
        note="Courier to lender",
    )
    h.builder.add_activity(
        "m-1", id="a-3", kind="expense", amount="12", category="Parking", date=DAY, note="Parking"
    )
    h.builder.add_activity("m-1", id="a-4", hours="0.25", date=DAY, note="Call")  # no rate
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 0, report.lines()
    assert report.counts["activities_pushed"] == 4
    got = {a.id: a for a in clio_activities(h, matter_id=clio_id(h))}
    t = got[entry(h, "a-1").clio_activity_id]
    assert (t.type, t.date, t.quantity, t.price, t.note) == (
        "TimeEntry",
        DAY,
        5400,
        Decimal("350"),
        "Review title search",
    )
    assert (t.matter_id, t.user_id) == (clio_id(h), sandbox.admin.default_user_id())
    e = got[entry(h, "a-2").clio_activity_id]
    assert (e.type, e.quantity, e.price) == ("ExpenseEntry", 1, Decimal("45.2"))
    assert e.expense_category is not None and e.expense_category.id == courier
    assert got[entry(h, "a-3").clio_activity_id].expense_category is None
    untimed = got[entry(h, "a-4").clio_activity_id]
    assert untimed.quantity == 900 and untimed.price == Decimal("350")  # the user's rate
    assert h.sync_once().exit_code == 0
    assert len(clio_activities(h)) == 4
    assert {ln.state for ln in h.services.store.activity_links.all().values()} == {"pushed"}
    # a category added in Clio later is used once the categories are read again
    parking = sandbox.admin.create_expense_category("Parking")
    h.services.store.meta.set("fetched:expense_categories", "2000-01-01T00:00:00+00:00")
    report = h.sync_once()
    assert report.exit_code == 0 and report.counts["activities_updated"] == 1
    fixed = h.clio.activity(entry(h, "a-3").clio_activity_id)
    assert fixed.expense_category is not None and fixed.expense_category.id == parking


def test_activities_of_unlinked_matters_wait(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = linked(harness_factory, sandbox)
    h.builder.add_client("Bob", "Smith", id="c-9")
    h.builder.add_matter("Needs client", id="m-9", client_ids=["c-9"])
    time(h, "a-9", matter="m-9")
    h.builder.write()
    assert h.sync_once().exit_code == 5
    assert clio_activities(h) == []


def test_only_the_authors_assigned_to_this_companion_are_pushed(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    marc = sandbox.admin.add_user("Marc Tremblay", "marc@example-law.ca", rate=250)
    one = linked(harness_factory, sandbox, name="seat1")
    two = linked(
        harness_factory,
        sandbox,
        name="seat2",
        user_id=marc,
        settings={"prolegis_username": "mtremblay", "activity_authors": "mtremblay"},
    )
    for h in (one, two):
        time(h, "a-1", author="jdoe")
        time(h, "a-2", author="mtremblay", note="Draft transfer")
        h.builder.write()
    assert one.sync_once().exit_code == 0
    assert two.sync_once().exit_code == 0
    assert one.sync_once().exit_code == 0
    entries = clio_activities(one)
    assert sorted((a.note, a.user_id) for a in entries) == [
        ("Draft transfer", marc),
        ("Review title search", sandbox.admin.default_user_id()),
    ]
    assert set(one.services.store.activity_links.all()) == {"a-1"}
    assert set(two.services.store.activity_links.all()) == {"a-2"}


def test_the_billing_seat_maps_authors_by_email_or_id(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    marc = sandbox.admin.add_user("Marc Tremblay", "marc@example-law.ca")
    h = linked(
        harness_factory,
        sandbox,
        settings={
            "activity_authors": "*",
            "author_map": f"mtremblay=MARC@example-law.ca, lpaquet={marc}",
        },
    )
    time(h, "a-1", author="jdoe")
    time(h, "a-2", author="mtremblay")
    time(h, "a-3", author="lpaquet", note="Other")
    time(h, "a-4", author="ghost", note="Nobody")
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 5 and codes(report) == {"unmapped_author"}, report.lines()
    users = {entry(h, a).clio_activity_id: a for a in ("a-1", "a-2", "a-3")}
    got = {users[a.id]: a.user_id for a in clio_activities(h) if a.id in users}
    assert got == {"a-1": sandbox.admin.default_user_id(), "a-2": marc, "a-3": marc}
    problem = h.services.store.problems.get("activity", "a-4")
    assert problem is not None and problem.needs_user and "ghost" in problem.message


def test_a_change_is_patched_with_if_match(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = linked(harness_factory, sandbox)
    time(h, "a-1")
    h.builder.write()
    h.sync_once()
    first = entry(h, "a-1")
    h.builder.update_activity("a-1", hours="2", note="Review title search and charges")
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 0 and report.counts["activities_updated"] == 1, report.lines()
    (a,) = clio_activities(h)
    assert (a.id, a.quantity, a.note) == (
        first.clio_activity_id,
        7200,
        "Review title search and charges",
    )
    assert entry(h, "a-1").etag == a.etag != first.etag


def test_billed_entries_are_locked_and_not_retried(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = linked(harness_factory, sandbox)
    time(h, "a-1")
    time(h, "a-2", note="Second")
    h.builder.write()
    h.sync_once()
    sandbox.admin.mark_activity_billed(entry(h, "a-1").clio_activity_id)
    assert h.sync_once().exit_code == 0  # billed and unchanged: nothing to say
    assert entry(h, "a-1").state == "billed"
    h.builder.update_activity("a-1", hours="3")
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 5 and codes(report) == {"billed"}
    assert "already billed in clio" in report.reasons[0].message.lower()
    patches = sandbox.admin.stats()["routes"].get("PATCH /api/v4/activities/{id}", {})
    h.sync_once()
    assert sandbox.admin.stats()["routes"].get("PATCH /api/v4/activities/{id}", {}) == patches
    # found out by the PATCH itself (no poll in between): 412, read again, locked
    sandbox.admin.mark_activity_billed(entry(h, "a-2").clio_activity_id)
    h.builder.update_activity("a-2", hours="4")
    h.builder.write()
    report = h.sync_once(poll=False)
    assert report.exit_code == 5 and entry(h, "a-2").state == "billed"
    # the user acknowledges: no longer reported; a removal keeps the billed entry in Clio
    run(h, cmd.OverwriteClioActivity("a-1", overwrite=False))
    run(h, cmd.OverwriteClioActivity("a-2", overwrite=False))
    assert h.sync_once().exit_code == 0
    h.builder.remove_activity("a-1")
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 5 and codes(report) == {"billed"}
    assert len(clio_activities(h)) == 2


def test_an_unreadable_author_map_is_an_error_and_pushes_nothing(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = linked(harness_factory, sandbox)
    h.settings.set("author_map", "jdoe")
    time(h, "a-1")
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 1 and codes(report) == {"settings"}
    assert "author_map" in report.reasons[0].message
    assert clio_activities(h) == []
    h.settings.set("author_map", "")
    assert h.sync_once().exit_code == 0 and len(clio_activities(h)) == 1
