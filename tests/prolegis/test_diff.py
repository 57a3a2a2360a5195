"""Record events between two versions of the manifest: each kind, and a deterministic order."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.prolegis.builder import WorkspaceBuilder
from desktop.prolegis.diff import (
    ActivityAdded,
    ActivityChanged,
    ActivityRemoved,
    ClientAdded,
    ClientChanged,
    ClientRemoved,
    MatterAdded,
    MatterChanged,
    MatterRemoved,
    diff_manifests,
)
from desktop.prolegis.manifest import parse_manifest


@pytest.fixture
def firm(workspace: WorkspaceBuilder) -> WorkspaceBuilder:
    b = workspace
    b.add_client("Ada", "Lovelace", id="c-1001", emails=["ada@example.com"])
    b.add_client(company="Prairie Holdings Ltd.", id="c-1002")
    b.add_matter("Purchase of 12 Elm St", number="2024-0012", client_ids=["c-1001", "c-1002"],
                 open_date=date(2024, 3, 2))
    b.add_matter("Estate of R. Okafor", number="2025-0107", client_ids=["c-1001"])
    b.add_activity("m-2024-0012", hours="1.5", rate=350, note="Review title search",
                   id="a-5001")
    b.add_activity("m-2024-0012", kind="expense", amount="45.20", category="Courier",
                   id="a-5002")
    b.add_activity("m-2025-0107", hours="0.3", id="a-5003")
    return b


def test_from_nothing_everything_is_added_in_dependency_order(firm: WorkspaceBuilder) -> None:
    events = diff_manifests(None, firm.manifest())
    assert [(type(e), e.record_id) for e in events] == [
        (ClientAdded, "c-1001"),
        (ClientAdded, "c-1002"),
        (MatterAdded, "m-2024-0012"),
        (MatterAdded, "m-2025-0107"),
        (ActivityAdded, "a-5001"),
        (ActivityAdded, "a-5002"),
        (ActivityAdded, "a-5003"),
    ]
    assert isinstance(events[2], MatterAdded)
    assert events[2].record.folder == "2024-0012 Purchase of 12 Elm St"


def test_the_same_manifest_gives_no_events(firm: WorkspaceBuilder) -> None:
    m = firm.manifest()
    assert diff_manifests(m, m) == []
    assert diff_manifests(m, parse_manifest(firm.to_bytes())) == []


def test_a_client_changed(firm: WorkspaceBuilder) -> None:
    before = firm.manifest()
    firm.update_client("c-1001", emails=("ada@lovelace.ca",), phones=("403-555-0199",))
    (event,) = diff_manifests(before, firm.manifest())
    assert isinstance(event, ClientChanged)
    assert event.fields == ("emails", "phones", "updated_at")
    assert event.old.emails == ("ada@example.com",) and event.new.emails == ("ada@lovelace.ca",)
    assert event.record is event.new and event.record_id == "c-1001"


def test_a_matter_status_change(firm: WorkspaceBuilder) -> None:
    before = firm.manifest()
    firm.update_matter("m-2025-0107", status="closed")
    (event,) = diff_manifests(before, firm.manifest())
    assert isinstance(event, MatterChanged)
    assert event.fields == ("status", "updated_at")
    assert event.status_changed and not event.folder_moved
    assert (event.old.status, event.new.status) == ("open", "closed")


def test_a_folder_change_is_a_move(firm: WorkspaceBuilder) -> None:
    before = firm.manifest()
    firm.update_matter("m-2024-0012", folder="Closed/2024-0012 Purchase of 12 Elm St")
    (event,) = diff_manifests(before, firm.manifest())
    assert isinstance(event, MatterChanged) and event.folder_moved
    assert event.old.folder == "2024-0012 Purchase of 12 Elm St"
    assert event.new.folder == "Closed/2024-0012 Purchase of 12 Elm St"


def test_a_matters_clients_changed(firm: WorkspaceBuilder) -> None:
    before = firm.manifest()
    firm.update_matter("m-2024-0012", client_ids=["c-1002", "c-1001"])  # order matters
    (event,) = diff_manifests(before, firm.manifest())
    assert isinstance(event, MatterChanged) and "client_ids" in event.fields


def test_only_the_stamp_changed_is_still_a_change(firm: WorkspaceBuilder) -> None:
    before = firm.manifest()
    firm.update_activity("a-5003")
    (event,) = diff_manifests(before, firm.manifest())
    assert isinstance(event, ActivityChanged) and event.fields == ("updated_at",)


def test_an_activity_edited(firm: WorkspaceBuilder) -> None:
    before = firm.manifest()
    firm.update_activity("a-5001", hours="2.0", note="Review title search and charges")
    (event,) = diff_manifests(before, firm.manifest())
    assert isinstance(event, ActivityChanged)
    assert event.fields == ("hours", "note", "updated_at")


def test_an_activity_deleted_in_prolegis(firm: WorkspaceBuilder) -> None:
    before = firm.manifest()
    firm.remove_activity("a-5002")
    (event,) = diff_manifests(before, firm.manifest())
    assert isinstance(event, ActivityRemoved) and event.record.amount is not None
    assert event.record_id == "a-5002"


def test_an_activity_added(firm: WorkspaceBuilder) -> None:
    before = firm.manifest()
    firm.add_activity("m-2025-0107", kind="expense", amount=12, category="Courier", id="a-6000")
    (event,) = diff_manifests(before, firm.manifest())
    assert isinstance(event, ActivityAdded) and event.record.matter_id == "m-2025-0107"


def test_removals_come_after_additions_children_first(firm: WorkspaceBuilder) -> None:
    before = firm.manifest()
    firm.add_client("Élise", "Gagnon", id="c-2000")
    firm.add_matter("Vente du 45 rue Saint-Denis", number="2025-0113", client_ids=["c-2000"])
    firm.remove_matter("m-2025-0107")  # and its activity a-5003
    firm.update_matter("m-2024-0012", client_ids=["c-1002"])
    firm.remove_client("c-1001")
    firm.update_activity("a-5001", rate=395)
    events = diff_manifests(before, firm.manifest())
    assert [(type(e).__name__, e.record_id) for e in events] == [
        ("ClientAdded", "c-2000"),
        ("MatterChanged", "m-2024-0012"),
        ("MatterAdded", "m-2025-0113"),
        ("ActivityChanged", "a-5001"),
        ("ActivityRemoved", "a-5003"),
        ("MatterRemoved", "m-2025-0107"),
        ("ClientRemoved", "c-1001"),
    ]
    assert isinstance(events[-1], ClientRemoved)
    assert isinstance(events[-2], MatterRemoved)
    # Deterministic: the same two versions always give the same list.
    assert diff_manifests(before, firm.manifest()) == events


def test_events_are_immutable_values(firm: WorkspaceBuilder) -> None:
    events = diff_manifests(None, firm.manifest())
    with pytest.raises(AttributeError):
        events[0].record = events[1].record  # type: ignore[misc]
    assert events == diff_manifests(None, firm.manifest())
