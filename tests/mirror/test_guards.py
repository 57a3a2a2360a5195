"""Safety guards: input checks and the deletion guard at its exact thresholds."""

from __future__ import annotations

import pytest

from desktop.sync.mirror.folders import FolderAction, FolderOp, FolderPlan, Planned
from desktop.sync.mirror.guards import (
    EmptyRemoteListingError,
    MatterCount,
    MissingMatterFolderError,
    check_inputs,
    count_deletions,
    deletion_guard,
    hold,
)
from desktop.sync.mirror.model import Action, Base, Decision, LocalState, RemoteState
from desktop.sync.mirror.pairing import Triple

LINKED = Base("a.pdf", 1, 1, 1, "a" * 64, doc_id=1, remote_name="a.pdf", version_id=1)
HIST = Base("h.pdf", 1, 1, 2, None, historical=True)


def test_missing_matter_folder_that_was_indexed_is_an_error() -> None:
    with pytest.raises(MissingMatterFolderError, match="Nothing was deleted"):
        check_inputs("M1", folder_exists=False, index_rows=[LINKED], remote_count=1)


def test_missing_folder_of_a_matter_never_synced_is_fine() -> None:
    check_inputs("M1", folder_exists=False, index_rows=[], remote_count=3)


def test_empty_clio_listing_with_linked_rows_is_an_error() -> None:
    with pytest.raises(EmptyRemoteListingError, match="not as deletions"):
        check_inputs("M1", folder_exists=True, index_rows=[LINKED, HIST], remote_count=0)


def test_empty_clio_listing_with_only_historical_rows_is_fine() -> None:
    check_inputs("M1", folder_exists=True, index_rows=[HIST], remote_count=0)


def test_empty_folder_listing_with_linked_folders_is_an_error() -> None:
    with pytest.raises(EmptyRemoteListingError):
        check_inputs("M1", folder_exists=True, index_rows=[], remote_count=0,
                     remote_folder_count=0, indexed_folders=2)


def test_error_names_the_matter() -> None:
    with pytest.raises(MissingMatterFolderError) as info:
        check_inputs("2026-0042", folder_exists=False, index_rows=[LINKED], remote_count=1)
    assert info.value.matter_id == "2026-0042" and "2026-0042" in str(info.value)


@pytest.mark.parametrize(("deletions", "indexed", "paused"), [
    (9, 10, False),    # 90 % but fewer than 10
    (3, 3, True),      # every document of the matter: an emptied folder
    (9, 9, True),
    (2, 2, False),     # fewer than 3
    (4, 5, False),
    (10, 33, True),    # 30.3 %
    (10, 34, False),   # 29.4 %
    (10, 10, True),
    (30, 100, True),   # exactly 30 %
    (29, 100, False),
    (49, 1000, False),  # under every limit
])
def test_per_matter_threshold(deletions: int, indexed: int, paused: bool) -> None:
    verdict = deletion_guard([MatterCount("M", deletions, indexed)])
    assert verdict.is_paused("M") is paused


def test_fifty_in_total_pauses_every_matter_with_deletions() -> None:
    matters = [MatterCount("A", 25, 1000), MatterCount("B", 25, 1000), MatterCount("C", 0, 5)]
    verdict = deletion_guard(matters)
    assert set(verdict.paused) == {"A", "B"} and verdict.total == 50


def test_forty_nine_in_total_pauses_nothing() -> None:
    matters = [MatterCount("A", 25, 1000), MatterCount("B", 24, 1000)]
    assert deletion_guard(matters).paused == {}


def test_reason_is_readable() -> None:
    verdict = deletion_guard([MatterCount("M", 12, 20)])
    assert "12 of 20" in verdict.paused["M"]
    assert "all 4 documents" in deletion_guard([MatterCount("M", 4, 4)]).paused["M"]


def _item(action: Action) -> Planned:
    t = Triple(None, LocalState.absent("x"), RemoteState.absent())
    return Planned(t, Decision(action, "test", path="x"))


def test_count_deletions() -> None:
    decisions = [_item(a).decision for a in
                 (Action.DELETE_REMOTE, Action.TRASH_LOCAL, Action.FORGET, Action.UPLOAD_NEW)]
    assert count_deletions(decisions) == 2


def test_a_paused_matter_holds_its_deletions_and_runs_the_rest() -> None:
    items = tuple(_item(a) for a in (Action.DELETE_REMOTE, Action.TRASH_LOCAL,
                                     Action.UPLOAD_NEW, Action.DOWNLOAD))
    create = FolderOp(FolderAction.CREATE_LOCAL, "new", "N")
    delete = FolderOp(FolderAction.DELETE_REMOTE, "old", "O")
    forget = FolderOp(FolderAction.FORGET, "gone", "G")
    plan = FolderPlan((create,), items, (delete, forget))
    held = hold(plan, paused=True)
    assert [p.decision.action for p in held.plan.items] == [Action.UPLOAD_NEW, Action.DOWNLOAD]
    assert [p.decision.action for p in held.held_items] == [Action.DELETE_REMOTE,
                                                             Action.TRASH_LOCAL]
    assert held.plan.before == (create,) and held.plan.after == (forget,)
    assert held.held_folders == (delete,)
    assert hold(plan, paused=False).plan is plan
