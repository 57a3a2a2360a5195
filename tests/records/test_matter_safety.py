"""Creating Clio matters is idempotent: a crash at any state write of the pass, an answer lost
after Clio saved, two companions on one Clio account, and a firm that may not add custom fields
all end with exactly one Clio matter. Faults and broken manifests change nothing in Clio."""

from __future__ import annotations

import pytest

from desktop.sandbox import Sandbox
from desktop.sync import commands as cmd
from desktop.sync.records.matter_tag import FIELD_NAME, META_FIELD
from desktop.sync.store import StoreError
from tests.records.helpers import clio_matters, run
from tests.support.harness import SyncHarness
from tests.support.harness_fixtures import HarnessFactory
from tests.support.sandbox_fixtures import SandboxFactory


def seat(harness_factory: HarnessFactory, sandbox, contact: int, **kw) -> SyncHarness:  # type: ignore[no-untyped-def]
    h = harness_factory(sandbox, documents=False, **kw)
    h.builder.add_client("Ada", "Lovelace", id="c-1", emails=["ada@lovelace.example"])
    h.builder.add_client("Rita", "Okafor", id="c-2", emails=["rita@okafor.example"])
    h.builder.write()
    assert h.sync_once().exit_code == 0
    assert run(h, cmd.LinkClient("c-1", contact_id=contact)) == []
    return h


def add_new_matter(h: SyncHarness, mid: str = "m-1") -> None:
    h.builder.add_matter(
        "Purchase of 12 Elm St", id=mid, number="2025-0001", client_ids=["c-2", "c-1"]
    )
    h.builder.write()


def assert_one_matter(h: SyncHarness, contact: int) -> None:
    matters = clio_matters(h)
    assert len(matters) == 1, matters
    (m,) = matters
    assert m.client is not None and m.client.id == contact
    link = h.services.store.matter_links.get("m-1")
    assert link is not None and link.clio_matter_id == m.id
    assert [i for i in h.services.store.journal.open_intents() if i.kind == "create_matter"] == []


def test_a_crash_at_any_state_write_of_the_pass_makes_one_matter(
    sandbox_factory: SandboxFactory, harness_factory: HarnessFactory
) -> None:
    probe_sb = sandbox_factory()
    probe = seat(harness_factory, probe_sb, person_in(probe_sb), name="probe")
    add_new_matter(probe)
    start = probe.services.store.db.writes
    assert probe.sync_once().exit_code == 0
    writes = probe.services.store.db.writes - start
    assert writes > 3
    crashed = 0
    for k in range(1, writes + 1):
        sb = sandbox_factory()
        contact = person_in(sb)
        h = seat(harness_factory, sb, contact, name=f"crash{k}")
        add_new_matter(h)
        h.services.store.db.fail_write_at = h.services.store.db.writes + k
        try:
            report = h.sync_once()
        except StoreError:
            report = None
        if report is None or any(r.code == "state" for r in report.reasons):
            crashed += 1
        h.restart()
        report = h.sync_once()
        assert report.exit_code == 0, (k, report.lines())
        assert_one_matter(h, contact)
    assert crashed >= writes - 1


def person_in(sb) -> int:  # type: ignore[no-untyped-def]
    return int(sb.admin.create_contact("Person", first_name="Ada", last_name="Lovelace"))


def test_an_answer_lost_after_clio_saved_is_adopted(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    contact = person_in(sandbox)
    h = seat(harness_factory, sandbox, contact)
    add_new_matter(h)
    sandbox.admin.set_faults("POST:/api/v4/matters*=502+after")
    report = h.sync_once()
    assert report.exit_code == 1 and any(r.code == "matter" for r in report.reasons)
    assert h.services.store.matter_links.get("m-1") is None
    sandbox.admin.set_faults(None)
    h.restart()
    assert h.sync_once().exit_code == 0
    assert_one_matter(h, contact)


def test_two_companions_on_one_account_make_one_matter(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    contact = person_in(sandbox)
    second_user = sandbox.admin.add_user("Marc Tremblay", "marc@example-law.ca")
    one = seat(harness_factory, sandbox, contact, name="seat1")
    two = seat(
        harness_factory,
        sandbox,
        contact,
        name="seat2",
        user_id=second_user,
        settings={"prolegis_username": "mtremblay", "activity_authors": "mtremblay"},
    )
    add_new_matter(one)
    add_new_matter(two)
    assert one.sync_once().exit_code == 0
    assert two.sync_once().exit_code == 0
    assert_one_matter(one, contact)
    assert_one_matter(two, contact)
    assert two.services.store.matter_links.get("m-1").how == "adopted"  # type: ignore[union-attr]
    fields = [f for f in one.clio.custom_fields(parent_type="Matter") if f.name == FIELD_NAME]
    assert len(fields) == 1
    for h in (one, two):
        assert h.sync_once().exit_code == 0
    assert len(clio_matters(one)) == 1


def test_a_firm_that_may_not_add_custom_fields(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    contact = person_in(sandbox)
    clerk = sandbox.admin.add_user("Clerk", "clerk@example-law.ca")  # not an administrator
    h = seat(
        harness_factory,
        sandbox,
        contact,
        user_id=clerk,
        settings={"prolegis_username": "clerk", "activity_authors": "clerk"},
    )
    add_new_matter(h)
    assert h.sync_once().exit_code == 0
    (m,) = clio_matters(h)
    assert m.description == "2025-0001 Purchase of 12 Elm St" and m.custom_field_values == ()
    assert list(h.clio.custom_fields(parent_type="Matter")) == []
    reason = h.services.store.meta.get(META_FIELD)["reason"]
    assert "administrators" in reason
    # lost answer: found again by number, description and client
    add_second = h.builder.add_matter(
        "Sale of 9 Oak Ave", id="m-2", number="2025-0002", client_ids=["c-1"]
    )
    h.builder.write()
    sandbox.admin.set_faults("POST:/api/v4/matters*=502+after")
    assert h.sync_once().exit_code == 1
    sandbox.admin.set_faults(None)
    h.restart()
    assert h.sync_once().exit_code == 0
    assert sorted(x.description or "" for x in clio_matters(h)) == [
        "2025-0001 Purchase of 12 Elm St",
        f"{add_second.number} {add_second.title}",
    ]
    link = h.services.store.matter_links.get("m-2")
    assert link is not None


def test_an_administrator_later_adds_the_field(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    contact = person_in(sandbox)
    clerk = sandbox.admin.add_user("Clerk", "clerk@example-law.ca")
    h = seat(harness_factory, sandbox, contact, user_id=clerk)
    add_new_matter(h)
    assert h.sync_once().exit_code == 0
    sandbox.admin.create_custom_field(FIELD_NAME)
    h.restart()
    h.builder.add_matter("Sale", id="m-2", number="2025-0002", client_ids=["c-1"])
    h.builder.write()
    assert h.sync_once().exit_code == 0
    m2 = h.clio.matter(h.services.store.matter_links.get("m-2").clio_matter_id)  # type: ignore[union-attr]
    assert [v.value for v in m2.custom_field_values] == ["m-2"]


@pytest.mark.parametrize("fault", ["GET:/api/v4/matters*=503", "*=reset"])
def test_connection_faults_are_an_error_and_nothing_is_lost(
    sandbox: Sandbox, harness_factory: HarnessFactory, fault: str
) -> None:
    contact = person_in(sandbox)
    h = seat(harness_factory, sandbox, contact)
    add_new_matter(h)
    sandbox.admin.set_faults(fault)
    report = h.sync_once()
    assert report.exit_code == 1 and any(r.code == "network" for r in report.reasons)
    sandbox.admin.set_faults(None)
    assert h.sync_once().exit_code == 0
    assert_one_matter(h, contact)


def test_a_refused_create_waits_and_the_others_go_on(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    contact = person_in(sandbox)
    h = seat(harness_factory, sandbox, contact)
    sandbox.admin.create_custom_field("File code", required=True)  # every matter needs it
    add_new_matter(h)
    report = h.sync_once()
    assert report.exit_code == 1
    (reason,) = [r for r in report.reasons if r.code == "matter"]
    assert reason.matter_id == "m-1" and "File code" in reason.message
    problem = h.services.store.problems.get("matter", "m-1")
    assert problem is not None and problem.retry_at is not None and not problem.needs_user
    view = {v.matter_id: v for v in h.engine.matter_views()}["m-1"]
    assert view.state.value == "error" and "File code" in view.state_detail
    assert clio_matters(h) == []


def test_malformed_manifests_change_nothing_in_clio(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    contact = person_in(sandbox)
    h = seat(harness_factory, sandbox, contact)
    add_new_matter(h)
    assert h.sync_once().exit_code == 0
    before = [(m.id, m.etag) for m in clio_matters(h)]
    for text in (
        '{"format": "prolegis-workspace", "version": 1, "matters": [}',
        '{"format": "prolegis-workspace", "version": 1, "clients": [], '
        '"matters": [], "activities": []}x',
        "",
    ):
        (h.root / "prolegis.json").write_text(text)
        report = h.sync_once()
        assert report.exit_code == 1 and "manifest" in {r.code for r in report.reasons}
    assert [(m.id, m.etag) for m in clio_matters(h)] == before
    assert h.services.store.matter_links.get("m-1") is not None
