"""Time entries and expenses when Clio changed too, or things went wrong: Clio-side edits and
deletions, removals and their guard, and nothing pushed twice (lost answers, a crash at any state
write, an identical entry, a lost state database, injected faults)."""

from __future__ import annotations

import contextlib
from decimal import Decimal

from desktop.sandbox import Sandbox
from desktop.sync import commands as cmd
from desktop.sync.store import StoreError
from tests.records.helpers import clio_activities, codes, part, run
from tests.records.test_activities_engine import DAY, clio_id, entry, linked, time
from tests.support.harness import SyncHarness
from tests.support.harness_fixtures import HarnessFactory
from tests.support.sandbox_fixtures import SandboxFactory, api_client


def test_a_clio_side_edit_is_not_overwritten(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = linked(harness_factory, sandbox)
    time(h, "a-1")
    h.builder.write()
    h.sync_once()
    cid = entry(h, "a-1").clio_activity_id
    with api_client(sandbox) as api:
        assert (
            api.patch(
                f"/activities/{cid}.json", json={"data": {"note": "Edited by the bookkeeper"}}
            ).status_code
            == 200
        )
    report = h.sync_once()
    assert report.exit_code == 5 and codes(report) == {"clio_edited"}, report.lines()
    assert entry(h, "a-1").state == "clio_edited"
    assert "Edited by the bookkeeper" in entry(h, "a-1").detail
    h.builder.update_activity("a-1", hours="2")
    h.builder.write()
    assert h.sync_once().exit_code == 5
    assert h.clio.activity(cid).note == "Edited by the bookkeeper"
    assert run(h, cmd.OverwriteClioActivity("a-1", overwrite=True)) == []
    a = h.clio.activity(cid)
    assert (a.note, a.quantity) == ("Review title search", 7200)
    assert h.sync_once().exit_code == 0 and entry(h, "a-1").state == "pushed"
    with api_client(sandbox) as api:
        api.patch(f"/activities/{cid}.json", json={"data": {"price": 400}})
    assert h.sync_once().exit_code == 5
    assert run(h, cmd.OverwriteClioActivity("a-1", overwrite=False)) == []
    assert h.sync_once().exit_code == 0
    assert h.clio.activity(cid).price == Decimal("400")
    h.builder.update_activity("a-1", note="Later change in Prolegis")
    h.builder.write()
    assert h.sync_once().exit_code == 0
    a = h.clio.activity(cid)
    assert (a.note, a.price) == ("Later change in Prolegis", Decimal("350"))


def test_an_edit_in_clio_found_by_the_patch_is_not_overwritten(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = linked(harness_factory, sandbox)
    time(h, "a-1")
    h.builder.write()
    h.sync_once()
    cid = entry(h, "a-1").clio_activity_id
    with api_client(sandbox) as api:
        api.patch(f"/activities/{cid}.json", json={"data": {"note": "Bookkeeper"}})
    h.builder.update_activity("a-1", hours="2")
    h.builder.write()
    report = h.sync_once(poll=False)
    assert report.exit_code == 5 and codes(report) == {"clio_edited"}
    assert h.clio.activity(cid).note == "Bookkeeper"


def test_a_touch_in_clio_that_keeps_our_values_is_taken(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = linked(harness_factory, sandbox)
    time(h, "a-1")
    h.builder.write()
    h.sync_once()
    cid = entry(h, "a-1").clio_activity_id
    with api_client(sandbox) as api:
        api.patch(f"/activities/{cid}.json", json={"data": {"note": "Review title search"}})
    assert h.sync_once().exit_code == 0
    assert entry(h, "a-1").etag == h.clio.activity(cid).etag
    h.builder.update_activity("a-1", hours="3")
    h.builder.write()
    assert h.sync_once(poll=False).exit_code == 0  # 412 → same values → PATCH again
    assert h.clio.activity(cid).quantity == 10800


def test_an_entry_deleted_in_clio(sandbox: Sandbox, harness_factory: HarnessFactory) -> None:
    h = linked(harness_factory, sandbox)
    time(h, "a-1")
    time(h, "a-2", note="Two")
    h.builder.write()
    h.sync_once()
    with api_client(sandbox) as api:
        for aid in ("a-1", "a-2"):
            api.delete(f"/activities/{entry(h, aid).clio_activity_id}.json")
    h.builder.update_activity("a-1", hours="2")
    h.builder.update_activity("a-2", hours="2")
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 5 and codes(report) == {"clio_deleted"}
    assert run(h, cmd.OverwriteClioActivity("a-1", overwrite=True)) == []
    assert run(h, cmd.OverwriteClioActivity("a-2", overwrite=False)) == []
    assert h.sync_once().exit_code == 0
    (a,) = clio_activities(h)
    assert (a.quantity, a.id) == (7200, entry(h, "a-1").clio_activity_id)
    assert entry(h, "a-2").state == "kept_deleted"


def test_removals_are_deleted_and_many_are_held(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = linked(harness_factory, sandbox)
    for i in range(14):
        time(h, f"a-{i}", note=f"Entry {i}", matter="m-1" if i < 12 else "m-2")
    h.builder.write()
    h.sync_once()
    assert len(clio_activities(h)) == 14
    h.builder.remove_activity("a-0")  # one of 12: an everyday edit
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 0 and report.counts["activities_deleted"] == 1
    assert len(clio_activities(h)) == 13
    assert h.services.store.activity_links.get("a-0") is None
    for i in range(1, 12):
        h.builder.remove_activity(f"a-{i}")
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 4 and codes(report) == {"activity_removals"}
    assert len(clio_activities(h)) == 13
    (guard,) = part(h).guards()
    assert (guard.kind, guard.matter_id, len(guard.items)) == ("activity_removals", "m-1", 11)
    assert any("Entry 5" in item for item in guard.items)
    run(h, cmd.AllowActivityRemovals("m-1"))
    report = h.sync_once()
    assert report.exit_code == 0 and report.counts["activities_deleted"] == 11
    assert len(clio_activities(h)) == 2 and part(h).guards() == []


def test_a_matter_losing_most_of_its_entries_is_held(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = linked(harness_factory, sandbox)
    for i in range(4):
        time(h, f"a-{i}", note=f"Entry {i}", matter="m-2")
    h.builder.write()
    h.sync_once()
    for i in range(3):
        h.builder.remove_activity(f"a-{i}")
    h.builder.write()
    assert h.sync_once().exit_code == 4
    assert len(clio_activities(h)) == 4
    assert h.sync_once(allow_deletes=True).exit_code == 0
    assert len(clio_activities(h)) == 1


def test_a_lost_answer_to_a_create_is_adopted(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = linked(harness_factory, sandbox)
    time(h, "a-1")
    h.builder.write()
    sandbox.admin.set_faults("POST:/api/v4/activities*=502+after")
    report = h.sync_once()
    assert report.exit_code == 1 and codes(report) == {"activity"}
    sandbox.admin.set_faults(None)
    h.restart()
    assert h.sync_once().exit_code == 0
    (a,) = clio_activities(h)
    assert entry(h, "a-1").clio_activity_id == a.id
    assert h.services.store.journal.open_intents() == []


def test_an_identical_entry_already_in_clio_is_adopted(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = linked(harness_factory, sandbox)
    there = sandbox.admin.create_activity(
        type="TimeEntry",
        date=DAY.isoformat(),
        quantity=5400,
        price=350,
        note="Review title search",
        matter={"id": clio_id(h)},
    )
    time(h, "a-1")
    time(h, "a-2")  # the same entry twice in Prolegis: the second is created
    h.builder.write()
    assert h.sync_once().exit_code == 0
    assert len(clio_activities(h)) == 2
    assert there in {entry(h, "a-1").clio_activity_id, entry(h, "a-2").clio_activity_id}


def test_a_crash_at_any_state_write_pushes_each_entry_once(
    sandbox_factory: SandboxFactory, harness_factory: HarnessFactory
) -> None:
    def prepared(name: str) -> SyncHarness:
        h = linked(harness_factory, sandbox_factory(), name=name)
        time(h, "a-1")
        h.builder.add_activity("m-1", id="a-2", kind="expense", amount="9.50", date=DAY)
        h.builder.write()
        return h

    probe = prepared("probe")
    start = probe.services.store.db.writes
    assert probe.sync_once().exit_code == 0
    writes = probe.services.store.db.writes - start
    for k in range(1, writes + 1):
        h = prepared(f"crash{k}")
        h.services.store.db.fail_write_at = h.services.store.db.writes + k
        with contextlib.suppress(StoreError):
            h.sync_once()
        h.restart()
        report = h.sync_once()
        assert report.exit_code == 0, (k, report.lines())
        got = clio_activities(h)
        assert len(got) == 2, (k, got)
        assert {entry(h, "a-1").clio_activity_id, entry(h, "a-2").clio_activity_id} == {
            a.id for a in got
        }


def test_an_injected_server_error_fails_one_entry_not_the_others(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = linked(harness_factory, sandbox)
    time(h, "a-1")
    h.builder.write()
    h.sync_once()
    time(h, "a-2", note="New")
    h.builder.update_activity("a-1", hours="2")
    h.builder.write()
    sandbox.admin.set_faults("POST:/api/v4/activities*=500")
    report = h.sync_once()
    assert report.exit_code == 1
    assert report.counts["activities_updated"] == 1
    problem = h.services.store.problems.get("activity", "a-2")
    assert problem is not None and problem.retry_at is not None
    sandbox.admin.set_faults(None)
    h.restart()
    report = h.sync_once()  # still waiting for its retry time: reported, not tried
    assert report.exit_code == 1 and len(clio_activities(h)) == 1


def test_a_lost_state_database_pushes_nothing_twice(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = linked(harness_factory, sandbox)
    time(h, "a-1")
    time(h, "a-2", note="Second")
    h.builder.write()
    assert h.sync_once().exit_code == 0
    clio_matter = clio_id(h)
    path = h.services.store.path
    h.close()
    for f in path.parent.glob(path.name + "*"):
        f.unlink()
    h.restart()
    assert h.sync_once().exit_code == 0  # a new baseline: m-1 is pre-existing, nothing moves
    assert run(h, cmd.LinkMatter("m-1", clio_matter_id=clio_matter)) == []
    report = h.sync_once()
    assert report.exit_code == 0, report.lines()
    got = clio_activities(h)
    assert len(got) == 2
    assert {entry(h, "a-1").clio_activity_id, entry(h, "a-2").clio_activity_id} == {
        a.id for a in got
    }


def test_a_removal_never_deletes_an_entry_edited_in_clio(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = linked(harness_factory, sandbox)
    time(h, "a-1")
    time(h, "a-2", note="Two")
    h.builder.write()
    h.sync_once()
    with api_client(sandbox) as api:
        for aid in ("a-1", "a-2"):
            cid = entry(h, aid).clio_activity_id
            api.patch(f"/activities/{cid}.json", json={"data": {"note": "Bookkeeper"}})
    h.builder.remove_activity("a-1")
    h.builder.remove_activity("a-2")
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 5 and codes(report) == {"clio_edited"}
    assert len(clio_activities(h)) == 2
    assert run(h, cmd.OverwriteClioActivity("a-1", overwrite=True)) == []  # delete it after all
    assert run(h, cmd.OverwriteClioActivity("a-2", overwrite=False)) == []  # keep it in Clio
    assert h.sync_once().exit_code == 0
    (kept,) = clio_activities(h)
    assert kept.note == "Bookkeeper"
    assert h.services.store.activity_links.all() == {}


def test_an_edit_in_clio_after_the_last_poll_is_not_deleted(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    """The removal pass does not poll first (poll=False): only the fresh read before the delete
    can see the bookkeeper's edit — and it must hold the entry (Clio has no activity trash)."""
    h = linked(harness_factory, sandbox)
    time(h, "a-1")
    h.builder.write()
    h.sync_once()
    cid = entry(h, "a-1").clio_activity_id
    with api_client(sandbox) as api:
        api.patch(f"/activities/{cid}.json", json={"data": {"note": "Bookkeeper"}})
    h.builder.remove_activity("a-1")
    h.builder.write()
    report = h.sync_once(poll=False)
    assert report.exit_code == 5 and codes(report) == {"clio_edited"}, report.lines()
    assert [a.note for a in clio_activities(h)] == ["Bookkeeper"]
    assert entry(h, "a-1").state == "clio_edited"
