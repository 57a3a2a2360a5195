"""Matters through the real engine and the sandbox: the baseline, new matters created with their
linked clients (and only then), the new-matter guard, status changes, pre-existing matters
linked by hand with their historical snapshot, suggestions and unlinking."""

from __future__ import annotations

from datetime import date

from desktop.sandbox import Sandbox
from desktop.sync import commands as cmd
from desktop.sync.events import Notice, SuggestionsReady
from desktop.sync.records.matter_tag import FIELD_NAME
from desktop.sync.records.status import records_status
from desktop.sync.report import Outcome
from desktop.sync.views import MatterSyncState
from tests.records.helpers import clio_matters, codes, part, person, run
from tests.support.harness import SyncHarness
from tests.support.harness_fixtures import HarnessFactory


def firm(harness_factory: HarnessFactory, sandbox, **kw) -> SyncHarness:  # type: ignore[no-untyped-def]
    """Three clients, the first two with Clio contacts; the first pass takes the baseline."""
    h = harness_factory(sandbox, documents=False, **kw)
    b = h.builder
    b.add_client("Ada", "Lovelace", id="c-1", emails=["ada@lovelace.example"])
    b.add_client("Rita", "Okafor", id="c-2", emails=["rita@okafor.example"])
    b.add_client("Bob", "Smith", id="c-3", emails=["bob@smith.example"])
    b.add_matter("Old estate", id="m-old", number="2019-0042", client_ids=["c-1"])
    b.write()
    h.contacts = {  # type: ignore[attr-defined]
        "c-1": person(h, "Ada", "Lovelace", "ada@lovelace.example"),
        "c-2": person(h, "Rita", "Okafor", "rita@okafor.example"),
    }
    assert h.sync_once().exit_code == 0
    return h


def link_clients(h: SyncHarness, *ids: str) -> None:
    for cid in ids:
        assert run(h, cmd.LinkClient(cid, contact_id=h.contacts[cid])) == []  # type: ignore[attr-defined]


def rows(h: SyncHarness) -> dict[str, object]:
    return {v.matter_id: v for v in h.engine.matter_views()}


def field_id(h: SyncHarness) -> int:
    (f,) = [f for f in h.clio.custom_fields(parent_type="Matter") if f.name == FIELD_NAME]
    return f.id


def test_pre_existing_matters_are_left_alone(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = firm(harness_factory, sandbox)
    link_clients(h, "c-1")
    report = h.sync_once()
    assert report.exit_code == 0, report.lines()
    assert clio_matters(h) == []
    assert h.services.store.baseline.preexisting() == {"m-old"}
    assert rows(h)["m-old"].state is MatterSyncState.NOT_SYNCED  # type: ignore[attr-defined]


def test_new_matter_is_created_with_its_linked_clients(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = firm(harness_factory, sandbox)
    link_clients(h, "c-1", "c-2")
    h.builder.add_matter(
        "Purchase of 12 Elm St",
        id="m-1",
        number="2025-0001",
        client_ids=["c-3", "c-2", "c-1"],
        status="pending",
        open_date=date(2025, 3, 2),
    )
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 0, report.lines()
    assert report.counts["matters_created"] == 1
    (m,) = clio_matters(h)
    assert m.client is not None and m.client.id == h.contacts["c-2"]  # type: ignore[attr-defined]
    assert m.description == "2025-0001 Purchase of 12 Elm St"
    assert (m.status, m.open_date) == ("Pending", date(2025, 3, 2))
    value = m.custom_value(field_id(h))
    assert value is not None and value.value == "m-1"
    related = [r.contact.id for r in h.clio.relationships(matter_id=m.id) if r.contact]
    assert related == [h.contacts["c-1"]]  # type: ignore[attr-defined]
    link = h.services.store.matter_links.get("m-1")
    assert link is not None
    assert (link.clio_matter_id, link.how, link.clio_folder_id, link.status) == (
        m.id,
        "created",
        m.folder_id,
        "pending",
    )
    assert link.display_number == m.display_number and link.linked_at
    assert h.services.store.matter_links.snapshot("m-1") == {}
    assert rows(h)["m-1"].clio_matter_id == m.id  # type: ignore[attr-defined]
    assert h.sync_once().exit_code == 0 and len(clio_matters(h)) == 1


def test_no_linked_client_no_clio_matter_until_one_is_linked(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = firm(harness_factory, sandbox)
    h.builder.add_matter(
        "Sale of 9 Oak Ave", id="m-2", number="2025-0002", client_ids=["c-3", "c-1"]
    )
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 5, report.lines()
    (reason,) = [r for r in report.reasons if r.code == "needs_client"]
    assert reason.outcome is Outcome.NEEDS_USER and reason.matter_id == "m-2"
    assert "Bob Smith, Ada Lovelace" in reason.message
    assert clio_matters(h) == []
    view = rows(h)["m-2"]
    assert view.state is MatterSyncState.NEEDS_CLIENT  # type: ignore[attr-defined]
    assert "Bob Smith, Ada Lovelace" in view.state_detail  # type: ignore[attr-defined]
    notices = [n for n in h.events_of(Notice) if n.matter_id == "m-2"]
    assert len(notices) == 1 and "Bob Smith, Ada Lovelace" in notices[0].message
    status = records_status(h.services.store, h.engine.ctx.manifest, h.settings)
    (mine,) = [m for m in status["matter_records"] if m["matter_id"] == "m-2"]
    assert (mine["new"], mine["linked"], mine["state"]) == (True, False, "needs_client")
    assert "Bob Smith, Ada Lovelace" in mine["why_not"]
    problems = h.services.store.problems.all("needs_client")
    assert [(p.subject, p.needs_user) for p in problems] == [("m-2", True)]
    assert h.sync_once().exit_code == 5
    assert len([n for n in h.events_of(Notice) if n.matter_id == "m-2"]) == 1  # told once
    link_clients(h, "c-1")
    report = h.sync_once()
    assert report.exit_code == 0, report.lines()
    (m,) = clio_matters(h)
    assert m.client is not None and m.client.id == h.contacts["c-1"]  # type: ignore[attr-defined]
    assert h.services.store.problems.all("needs_client") == []


def test_more_than_five_new_matters_wait_for_confirmation(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = firm(harness_factory, sandbox)
    link_clients(h, "c-1")
    for i in range(6):
        h.builder.add_matter(
            f"Matter {i}", id=f"m-{i}", number=f"2025-01{i:02d}", client_ids=["c-1"]
        )
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 4 and "new_matters" in codes(report), report.lines()
    assert clio_matters(h) == []
    (guard,) = part(h).guards()
    assert guard.kind == "new_matters" and len(guard.items) == 6
    assert "2025-0100 Matter 0" in guard.items
    assert rows(h)["m-0"].state is MatterSyncState.WAITING  # type: ignore[attr-defined]
    run(h, cmd.DeferNewMatters())
    assert part(h).guards() == []
    assert h.sync_once().exit_code == 4 and clio_matters(h) == []
    report = h.sync_once(allow_new_matters=True)
    assert report.exit_code == 0 and report.counts["matters_created"] == 6
    assert len(clio_matters(h)) == 6 and h.services.store.holds.all() == []


def test_the_guard_is_lifted_by_the_users_ok(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = firm(harness_factory, sandbox)
    link_clients(h, "c-1")
    for i in range(7):
        h.builder.add_matter(f"Matter {i}", id=f"m-{i}", client_ids=["c-1"])
    h.builder.write()
    assert h.sync_once().exit_code == 4
    run(h, cmd.AllowNewMatters())
    assert h.sync_once().exit_code == 0
    assert len(clio_matters(h)) == 7


def test_five_new_matters_are_created_without_asking(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = firm(harness_factory, sandbox)
    link_clients(h, "c-1")
    for i in range(5):
        h.builder.add_matter(f"Matter {i}", id=f"m-{i}", client_ids=["c-1"])
    h.builder.write()
    assert h.sync_once().exit_code == 0
    assert len(clio_matters(h)) == 5


def test_status_changes_follow_to_clio(sandbox: Sandbox, harness_factory: HarnessFactory) -> None:
    h = firm(harness_factory, sandbox)
    link_clients(h, "c-1")
    h.builder.add_matter("Purchase", id="m-1", client_ids=["c-1"])
    h.builder.write()
    h.sync_once()
    h.builder.update_matter("m-1", status="closed")
    h.builder.write()
    report = h.sync_once()
    assert report.exit_code == 0 and report.counts["matter_status_updates"] == 1
    (m,) = clio_matters(h)
    assert m.status == "Closed" and m.close_date is not None
    assert h.services.store.matter_links.get("m-1").status == "closed"  # type: ignore[union-attr]
    h.sync_once()
    sandbox.admin.update_matter(m.id, description="Edited in Clio")  # etag moves on
    h.builder.update_matter("m-1", status="open")
    h.builder.write()
    assert h.sync_once(poll=False).exit_code == 0
    assert clio_matters(h)[0].status == "Open"


def test_link_a_pre_existing_matter_records_its_historical_snapshot(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = firm(harness_factory, sandbox)
    h.builder.add_document("m-old", "Will.pdf")
    h.builder.add_document("m-old", "Letters/To bank.docx", "letter")
    h.builder.add_document("m-old", "Letters/~$To bank.docx", "lock")
    clio_id = sandbox.admin.create_matter(h.contacts["c-1"], "Lovelace estate")  # type: ignore[attr-defined]
    assert run(h, cmd.LinkMatter("m-old", clio_matter_id=clio_id)) == []
    link = h.services.store.matter_links.get("m-old")
    assert link is not None and (link.clio_matter_id, link.how) == (clio_id, "linked")
    assert link.clio_folder_id == sandbox.admin.matter_folder_id(clio_id)
    snap = h.services.store.matter_links.snapshot("m-old")
    assert sorted(snap) == ["Letters/To bank.docx", "Will.pdf"]
    letter = h.builder.matter_path("m-old") / "Letters" / "To bank.docx"
    st = letter.stat()
    assert (
        snap["Letters/To bank.docx"].size,
        snap["Letters/To bank.docx"].inode,
        snap["Letters/To bank.docx"].mtime_ns,
    ) == (st.st_size, st.st_ino, st.st_mtime_ns)
    tagged = h.clio.matter(clio_id).custom_value(field_id(h))
    assert tagged is not None and tagged.value == "m-old"
    failed = run(h, cmd.LinkMatter("m-old", clio_matter_id=clio_id))
    assert failed and "already linked" in failed[0]


def test_a_pre_existing_matter_can_create_its_clio_matter(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = firm(harness_factory, sandbox)
    h.builder.add_document("m-old", "Will.pdf")
    failed = run(h, cmd.LinkMatter("m-old", create=True))
    assert failed and "needs a linked client" in failed[0] and "Ada Lovelace" in failed[0]
    assert clio_matters(h) == []
    link_clients(h, "c-1")
    assert run(h, cmd.LinkMatter("m-old", create=True)) == []
    (m,) = clio_matters(h)
    assert m.description == "2019-0042 Old estate"
    link = h.services.store.matter_links.get("m-old")
    assert link is not None and link.how == "created"
    assert list(h.services.store.matter_links.snapshot("m-old")) == ["Will.pdf"]


def test_suggestions_rank_by_number_description_and_client(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = firm(harness_factory, sandbox)
    link_clients(h, "c-1")
    ada, rita = h.contacts["c-1"], h.contacts["c-2"]  # type: ignore[attr-defined]
    by_number = sandbox.admin.create_matter(rita, "2019-0042 Estate file")
    by_client = sandbox.admin.create_matter(ada, "Old estate of Lovelace")
    sandbox.admin.create_matter(rita, "Unrelated purchase")
    run(h, cmd.SuggestMatters("m-old"))
    (event,) = h.events_of(SuggestionsReady)
    ids = [s.clio_matter_id for s in event.suggestions]
    assert ids[:2] == [by_client, by_number] or ids[:2] == [by_number, by_client]
    assert len(ids) == 2
    best = {s.clio_matter_id: s for s in event.suggestions}
    assert any("2019-0042" in r for r in best[by_number].reasons)
    assert any("Ada Lovelace" in r for r in best[by_client].reasons)
    assert any("Description" in r for r in best[by_client].reasons)


def test_unlink_stops_syncing_and_leaves_both_sides(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = firm(harness_factory, sandbox)
    link_clients(h, "c-1")
    h.builder.add_matter("Purchase", id="m-1", client_ids=["c-1"])
    h.builder.write()
    h.sync_once()
    (before,) = clio_matters(h)
    assert run(h, cmd.UnlinkMatter("m-1")) == []
    assert h.services.store.matter_links.get("m-1") is None
    h.builder.update_matter("m-1", status="closed")
    h.builder.write()
    assert h.sync_once().exit_code == 0
    (after,) = clio_matters(h)
    assert (after.id, after.status, after.etag) == (before.id, "Open", before.etag)
    assert rows(h)["m-1"].state is MatterSyncState.NOT_SYNCED  # type: ignore[attr-defined]
    assert (h.builder.root / "prolegis.json").exists()
    run(h, cmd.SuggestMatters("m-1"))
    top = h.events_of(SuggestionsReady)[-1].suggestions[0]
    assert top.clio_matter_id == before.id and top.score == 100
    assert run(h, cmd.LinkMatter("m-1", clio_matter_id=before.id)) == []


def test_a_lost_state_database_takes_a_new_baseline(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = firm(harness_factory, sandbox)
    link_clients(h, "c-1")
    h.builder.add_matter("Purchase", id="m-1", client_ids=["c-1"])
    h.builder.write()
    h.sync_once()
    assert len(clio_matters(h)) == 1
    path = h.services.store.path
    h.close()
    for f in path.parent.glob(path.name + "*"):
        f.unlink()
    h.restart()
    assert h.sync_once().exit_code == 0
    assert h.services.store.baseline.preexisting() == {"m-old", "m-1"}
    link_clients(h, "c-1")
    report = h.sync_once()
    assert report.exit_code == 0, report.lines()
    assert len(clio_matters(h)) == 1
    assert rows(h)["m-1"].state is MatterSyncState.NOT_SYNCED  # type: ignore[attr-defined]
