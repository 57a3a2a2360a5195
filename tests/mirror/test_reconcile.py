"""Every row of the reconcile table (architecture.md) and every extra rule (decisions.md), one
named case each; the Hypothesis properties are in test_reconcile_properties.py."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from desktop.sync.mirror.model import Action, Base, LocalState, RemoteState, WaitReason
from desktop.sync.mirror.reconcile import decide
from tests.mirror.states import (
    BASE,
    HIST,
    L_CHANGED,
    L_CHANGED_SAME_SIZE,
    L_GONE,
    L_INODE,
    L_MOVED,
    L_NEW,
    L_NEW_DIFFERENT,
    L_RENAMED,
    L_RENAMED_CHANGED,
    L_SAME,
    L_TOUCHED,
    PATH,
    R_CHANGED,
    R_CHANGED_AS_LOCAL,
    R_CHANGED_UNKNOWN,
    R_NEW,
    R_NEW_DIFFERENT,
    R_NEW_UNKNOWN,
    R_PURGED,
    R_RENAMED,
    R_RENAMED_CHANGED,
    R_SAME,
    R_TOUCHED,
    R_TRASHED,
    ctx,
)

COPY = "Pleadings/Claim (conflicted copy, Ann Lee, 2026-03-04 1402).pdf"
NONE = RemoteState.absent()


def opened(state: LocalState) -> LocalState:
    """The same file with an Office lock file beside it."""
    return replace(state, open_in_office=True)


# (row name, base, local, remote, context overrides, expected action, expected fields)
CASES: list[tuple[str, Base | None, LocalState, RemoteState, dict[str, Any], Action,
                  dict[str, Any]]] = [
    # --- architecture.md, the table, row by row --------------------------------------------
    ("same/same: nothing", BASE, L_SAME, R_SAME, {}, Action.NOTHING, {}),
    ("changed/same: upload a new version", BASE, L_CHANGED, R_SAME, {}, Action.UPLOAD_VERSION,
     {"doc_id": 7, "version_id": 1, "path": PATH}),
    ("changed (same size, other hash)/same: upload", BASE, L_CHANGED_SAME_SIZE, R_SAME, {},
     Action.UPLOAD_VERSION, {}),
    ("same/changed: download and replace", BASE, L_SAME, R_CHANGED, {}, Action.DOWNLOAD,
     {"path": PATH, "replace": True, "version_id": 2}),
    ("changed/changed, same content: update base only", BASE, L_CHANGED, R_CHANGED_AS_LOCAL, {},
     Action.UPDATE_BASE_ONLY, {"version_id": 2}),
    ("changed/changed, different: conflict", BASE, L_CHANGED, R_CHANGED, {}, Action.CONFLICT,
     {"move_to": COPY, "download_to": PATH, "verify_same": False}),
    ("changed/changed, Clio hash unknown, same size: conflict, verify first", BASE, L_CHANGED,
     R_CHANGED_UNKNOWN, {}, Action.CONFLICT, {"verify_same": True, "move_to": COPY}),
    ("deleted/same: delete in Clio", BASE, L_GONE, R_SAME, {}, Action.DELETE_REMOTE,
     {"doc_id": 7}),
    ("same/deleted: move the local file to the trash", BASE, L_SAME, R_TRASHED, {},
     Action.TRASH_LOCAL, {"path": PATH}),
    ("same/purged: trash locally", BASE, L_SAME, R_PURGED, {}, Action.TRASH_LOCAL, {}),
    ("deleted/changed: download it again", BASE, L_GONE, R_CHANGED, {}, Action.DOWNLOAD,
     {"path": PATH, "replace": False}),
    ("changed/deleted: restore in Clio and upload", BASE, L_CHANGED, R_TRASHED, {},
     Action.RESTORE_REMOTE_THEN_UPLOAD_VERSION,
     {"doc_id": 7, "remote_path": ("Pleadings", "Claim.pdf")}),
    ("new/—: upload (live matter)", None, L_NEW, NONE, {}, Action.UPLOAD_NEW,
     {"remote_path": ("Pleadings", "Claim.pdf")}),
    ("new/—: not uploaded when the matter is not live", None, L_NEW, NONE,
     {"matter_live": False}, Action.NOTHING, {}),
    ("new/— historical: not uploaded", HIST, L_SAME, NONE, {}, Action.KEEP_HISTORICAL, {}),
    ("—/new: download", None, L_GONE, R_NEW, {}, Action.DOWNLOAD,
     {"path": PATH, "doc_id": 9, "version_id": 5, "replace": False}),
    ("new/new same path, same content: link", None, L_NEW, R_NEW, {}, Action.LINK,
     {"doc_id": 9, "version_id": 5}),
    ("new/new same path, different: conflict", None, L_NEW_DIFFERENT, R_NEW_DIFFERENT, {},
     Action.CONFLICT, {"move_to": COPY, "download_to": PATH}),
    ("new/new same path, Clio hash unknown, same size: conflict, verify first", None, L_NEW,
     R_NEW_UNKNOWN, {}, Action.CONFLICT, {"verify_same": True}),
    ("new/new same path, Clio hash unknown, other size: conflict", None, L_NEW_DIFFERENT,
     R_NEW_UNKNOWN, {}, Action.CONFLICT, {"verify_same": False}),
    ("renamed/same: rename in Clio", BASE, L_RENAMED, R_SAME, {}, Action.MOVE_REMOTE,
     {"remote_path": ("Pleadings", "Claim (final).pdf"), "path": L_RENAMED.path}),
    ("moved/same: move in Clio", BASE, L_MOVED, R_SAME, {}, Action.MOVE_REMOTE,
     {"remote_path": ("Filed", "Claim.pdf")}),
    ("moved into a known folder: its Clio name is used", BASE, L_MOVED, R_SAME,
     {"folders": {"Filed": ("Court", "Filed: 2026")}}, Action.MOVE_REMOTE,
     {"remote_path": ("Court", "Filed: 2026", "Claim.pdf")}),
    ("same/renamed: rename locally", BASE, L_SAME, R_RENAMED, {}, Action.MOVE_LOCAL,
     {"path": PATH, "move_to": "Pleadings/Statement of Claim.pdf"}),
    # --- decisions.md, the extra rules -----------------------------------------------------
    ("renamed locally + changed in Clio: both apply", BASE, L_RENAMED, R_CHANGED, {},
     Action.MOVE_REMOTE_THEN_DOWNLOAD,
     {"remote_path": ("Pleadings", "Claim (final).pdf"), "path": L_RENAMED.path,
      "replace": True}),
    ("renamed in Clio + changed locally: both apply", BASE, L_CHANGED, R_RENAMED, {},
     Action.MOVE_LOCAL_THEN_UPLOAD_VERSION, {"move_to": "Pleadings/Statement of Claim.pdf"}),
    ("renamed and changed locally: move in Clio, then upload", BASE, L_RENAMED_CHANGED, R_SAME,
     {}, Action.MOVE_REMOTE_THEN_UPLOAD_VERSION,
     {"remote_path": ("Pleadings", "Claim (final).pdf")}),
    ("renamed and changed in Clio: move locally, then download", BASE, L_SAME,
     R_RENAMED_CHANGED, {}, Action.MOVE_LOCAL_THEN_DOWNLOAD,
     {"move_to": "Pleadings/Statement of Claim.pdf", "replace": True}),
    ("different renames on both sides: Clio's name wins, local name logged", BASE, L_RENAMED,
     R_RENAMED, {}, Action.MOVE_LOCAL,
     {"path": L_RENAMED.path, "move_to": "Pleadings/Statement of Claim.pdf",
      "logged": "local rename to 'Pleadings/Claim (final).pdf' lost to Clio's name"}),
    ("same rename on both sides: update base only", BASE,
     replace(L_SAME, path="Pleadings/Statement of Claim.pdf"), R_RENAMED, {},
     Action.UPDATE_BASE_ONLY, {}),
    ("both renamed, changed locally: Clio's name, then upload", BASE, L_RENAMED_CHANGED,
     R_RENAMED, {}, Action.MOVE_LOCAL_THEN_UPLOAD_VERSION,
     {"move_to": "Pleadings/Statement of Claim.pdf", "logged": pytest.approx}),
    ("deleted locally + renamed in Clio: download again (at Clio's name)", BASE, L_GONE,
     R_RENAMED, {}, Action.DOWNLOAD, {"path": "Pleadings/Statement of Claim.pdf"}),
    ("renamed locally + deleted in Clio: restore at the new name", BASE, L_RENAMED, R_TRASHED,
     {}, Action.RESTORE_REMOTE_THEN_UPLOAD_VERSION,
     {"remote_path": ("Pleadings", "Claim (final).pdf")}),
    ("changed locally + purged from Clio: upload again as new", BASE, L_CHANGED, R_PURGED, {},
     Action.UPLOAD_NEW, {"remote_path": ("Pleadings", "Claim.pdf")}),
    ("deleted on both sides: forget", BASE, L_GONE, R_TRASHED, {}, Action.FORGET, {}),
    ("deleted locally, purged in Clio: forget", BASE, L_GONE, R_PURGED, {}, Action.FORGET, {}),
    ("touched but identical locally: update base only", BASE, L_TOUCHED, R_SAME, {},
     Action.UPDATE_BASE_ONLY, {}),
    ("same size and mtime, new inode: update base only", BASE, L_INODE, R_SAME, {},
     Action.UPDATE_BASE_ONLY, {}),
    ("touched locally, changed in Clio: download", BASE, L_TOUCHED, R_CHANGED, {},
     Action.DOWNLOAD, {"replace": True}),
    ("new Clio version with the same bytes: update base only", BASE, L_SAME, R_TOUCHED, {},
     Action.UPDATE_BASE_ONLY, {"version_id": 2}),
    ("changed locally, same-bytes Clio version: upload", BASE, L_CHANGED, R_TOUCHED, {},
     Action.UPLOAD_VERSION, {"version_id": 2}),
    ("touched locally, deleted in Clio: trash", BASE, L_TOUCHED, R_TRASHED, {},
     Action.TRASH_LOCAL, {}),
    # historical documents
    ("historical, untouched: keep (not in Clio)", HIST, L_SAME, NONE, {},
     Action.KEEP_HISTORICAL, {}),
    ("historical, untouched, matter not live: keep", HIST, L_SAME, NONE, {"matter_live": False},
     Action.KEEP_HISTORICAL, {}),
    ("historical, changed later: becomes live, upload", HIST, L_CHANGED, NONE, {},
     Action.UPLOAD_NEW, {"remote_path": ("Pleadings", "Claim.pdf")}),
    ("historical, mtime changed only (no hash in the snapshot): live, upload", HIST, L_TOUCHED,
     NONE, {}, Action.UPLOAD_NEW, {}),
    ("historical, changed, matter not live: nothing", HIST, L_CHANGED, NONE,
     {"matter_live": False}, Action.NOTHING, {}),
    ("historical, pushed by the user: upload", HIST, L_SAME, NONE,
     {"push": frozenset({PATH}), "matter_live": False}, Action.UPLOAD_NEW, {}),
    ("historical, renamed untouched: still historical", HIST, L_RENAMED, NONE, {},
     Action.UPDATE_BASE_ONLY, {"path": L_RENAMED.path}),
    ("historical, deleted: forget", HIST, L_GONE, NONE, {}, Action.FORGET, {}),
    ("historical + same path in Clio, other size: conflict", HIST, replace(L_SAME, sha256=None),
     replace(R_NEW, sha256=None, size=99), {}, Action.CONFLICT, {"verify_same": False}),
    ("historical + same path in Clio, same hash: link", HIST, replace(L_SAME, sha256="a" * 64),
     R_NEW, {}, Action.LINK, {"doc_id": 9}),
    ("historical + same path in Clio, different: Clio's beside it as a conflicted copy", HIST,
     replace(L_SAME, sha256="a" * 64), R_NEW_DIFFERENT, {}, Action.CONFLICT,
     {"move_to": None, "download_to": COPY, "path": PATH}),
    ("historical + same path in Clio, open in Office: still keep both", HIST,
     replace(L_SAME, sha256="a" * 64, open_in_office=True), R_NEW_DIFFERENT, {},
     Action.CONFLICT, {"move_to": None}),
    ("historical deleted + same path in Clio: download", HIST, L_GONE, R_NEW, {},
     Action.DOWNLOAD, {"doc_id": 9}),
    # open in Office, locked in Clio, still being written
    ("open in Office + changed in Clio: wait", BASE, opened(L_SAME), R_CHANGED, {},
     Action.WAIT, {"wait": WaitReason.OPEN_IN_OFFICE}),
    ("open in Office + deleted in Clio: wait", BASE, opened(L_SAME), R_TRASHED, {},
     Action.WAIT, {"wait": WaitReason.OPEN_IN_OFFICE}),
    ("open in Office + renamed in Clio: wait", BASE, opened(L_SAME), R_RENAMED, {},
     Action.WAIT, {"wait": WaitReason.OPEN_IN_OFFICE}),
    ("open in Office + conflict: wait", BASE, opened(L_CHANGED), R_CHANGED, {},
     Action.WAIT, {"wait": WaitReason.OPEN_IN_OFFICE}),
    ("open in Office + new/new conflict: wait", None, opened(L_NEW_DIFFERENT),
     R_NEW_DIFFERENT, {}, Action.WAIT, {"wait": WaitReason.OPEN_IN_OFFICE}),
    ("open in Office + changed locally: upload anyway", BASE, opened(L_CHANGED), R_SAME,
     {}, Action.UPLOAD_VERSION, {}),
    ("open in Office + renamed in Clio + changed locally: wait", BASE,
     opened(L_CHANGED), R_RENAMED, {}, Action.WAIT,
     {"wait": WaitReason.OPEN_IN_OFFICE}),
    ("locked in Clio + changed locally: no new version", BASE, L_CHANGED,
     replace(R_SAME, locked=True), {}, Action.WAIT, {"wait": WaitReason.REMOTE_LOCKED}),
    ("locked in Clio + deleted locally: wait", BASE, L_GONE, replace(R_SAME, locked=True), {},
     Action.WAIT, {"wait": WaitReason.REMOTE_LOCKED}),
    ("locked in Clio + renamed locally: wait", BASE, L_RENAMED, replace(R_SAME, locked=True),
     {}, Action.WAIT, {"wait": WaitReason.REMOTE_LOCKED}),
    ("locked in Clio + changed in Clio: download", BASE, L_SAME,
     replace(R_CHANGED, locked=True), {}, Action.DOWNLOAD, {}),
    ("still being written + changed: wait", BASE, replace(L_CHANGED, still_being_written=True),
     R_SAME, {}, Action.WAIT, {"wait": WaitReason.BEING_WRITTEN}),
    ("still being written, new file: wait", None, replace(L_NEW, still_being_written=True),
     NONE, {}, Action.WAIT, {"wait": WaitReason.BEING_WRITTEN}),
    ("unknown Clio-deleted new doc + new local file: upload", None, L_NEW,
     replace(R_NEW, deleted=True), {}, Action.UPLOAD_NEW, {}),
    ("nothing anywhere: nothing", None, LocalState.absent(), NONE, {}, Action.NOTHING, {}),
]


@pytest.mark.parametrize(("base", "local", "remote", "overrides", "action", "fields"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_row(base: Base | None, local: LocalState, remote: RemoteState,
             overrides: dict[str, Any], action: Action, fields: dict[str, Any]) -> None:
    decision = decide(base, local, remote, ctx(**overrides))
    assert decision.action is action, decision
    for name, expected in fields.items():
        if expected is pytest.approx:  # "something is logged"
            assert getattr(decision, name), name
        else:
            assert getattr(decision, name) == expected, name
    assert decision.why


def test_every_action_is_covered_by_a_row() -> None:
    produced = {decide(b, lo, r, ctx(**o)).action for _, b, lo, r, o, _, _ in CASES}
    assert produced == set(Action)


def test_conflicted_copy_name_avoids_taken_paths() -> None:
    from desktop.sync.mirror.names import path_key

    taken = frozenset({path_key(COPY)})
    decision = decide(BASE, L_CHANGED, R_CHANGED, ctx(taken=taken))
    assert decision.move_to == COPY.replace("1402).pdf", "1402) 2.pdf")


def test_case_insensitive_taken_paths() -> None:
    taken = frozenset({COPY.casefold()})
    decision = decide(BASE, L_CHANGED, R_CHANGED, ctx(taken=taken, case_insensitive=True))
    assert decision.move_to is not None and decision.move_to.endswith(" 2.pdf")


def test_wrongly_paired_triple_is_refused() -> None:
    with pytest.raises(ValueError, match="paired wrongly"):
        decide(BASE, L_SAME, replace(R_SAME, doc_id=8), ctx())


def test_unchanged_local_file_does_not_wait_even_if_flagged() -> None:
    # a file equal to its row cannot be mid-write; a stale flag must not block a download
    local = replace(L_SAME, still_being_written=True)
    assert decide(BASE, local, R_CHANGED, ctx()).action is Action.DOWNLOAD
