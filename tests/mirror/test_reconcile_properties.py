"""Hypothesis properties of ``decide`` over generated (base, local, remote, context) states."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.sync.mirror import names
from desktop.sync.mirror.model import Action, Base, Context, LocalState, RemoteState
from desktop.sync.mirror.reconcile import (
    Change,
    decide,
    local_change,
    local_moved,
    remote_change,
    remote_moved,
)
from tests.mirror.states import WHEN

SHAS = st.sampled_from(["a" * 64, "b" * 64, "c" * 64])
PATHS = st.sampled_from(["Claim.pdf", "Pleadings/Claim.pdf", "Pleadings/Other.pdf",
                         "Filed/Claim.pdf"])
NUMS = st.sampled_from([100, 120])
TIMES = st.sampled_from([1_000, 2_000])
EXAMPLES = 1500


@st.composite
def triples(draw: st.DrawFn) -> tuple[Base | None, LocalState, RemoteState, Context]:
    kind = draw(st.sampled_from(["none", "linked", "historical", "pending"]))
    base: Base | None = None
    if kind != "none":
        path = draw(PATHS)
        base = Base(path, draw(NUMS), draw(TIMES), draw(st.sampled_from([11, 12])),
                    None if kind == "historical" else draw(SHAS),
                    doc_id=7 if kind == "linked" else None,
                    remote_parent=tuple(names.parent_of(path).split("/")) if "/" in path else (),
                    version_id=1 if kind == "linked" else None,
                    remote_name=names.name_of(path) if kind == "linked" else "",
                    historical=kind == "historical")
    local = LocalState.absent(base.path if base else "")
    shape = draw(st.sampled_from(["absent", "like base", "random"]))
    if shape == "like base" and base is not None:  # the base, perhaps edited, moved or touched
        local = LocalState(True, draw(st.sampled_from([base.path, "Filed/Claim.pdf"])),
                           draw(st.sampled_from([base.size, 120])),
                           draw(st.sampled_from([base.mtime_ns, 2_000])), base.inode,
                           draw(st.one_of(st.none(), st.just(base.sha256), SHAS)),
                           open_in_office=draw(st.booleans()),
                           still_being_written=draw(st.booleans()))
    elif shape != "absent":
        local = LocalState(True, draw(PATHS), draw(NUMS), draw(TIMES),
                           draw(st.sampled_from([11, 12])),
                           draw(st.one_of(st.none(), SHAS)),
                           open_in_office=draw(st.booleans()),
                           still_being_written=draw(st.booleans()))
    remote = RemoteState.absent()
    if draw(st.integers(0, 2)):
        doc = 7 if base is not None and base.doc_id is not None else 9
        like_base = base is not None and base.doc_id is not None and draw(st.booleans())
        rpath = "/".join(base.remote_path) if like_base and base else draw(PATHS)
        remote = RemoteState(True, draw(st.booleans()), doc, tuple(rpath.split("/")),
                             draw(st.sampled_from([1, 2])), draw(st.one_of(st.none(), NUMS)),
                             draw(st.one_of(st.none(), SHAS)), draw(st.booleans()),
                             local_path=rpath)
    context = Context(matter_live=draw(st.booleans()), user_name="Ann", now=WHEN,
                      push=frozenset(draw(st.sets(PATHS, max_size=1))))
    return base, local, remote, context


LOCAL_WRITES = {Action.DOWNLOAD, Action.MOVE_LOCAL_THEN_DOWNLOAD, Action.MOVE_REMOTE_THEN_DOWNLOAD,
                Action.TRASH_LOCAL}
LOCAL_MOVES = {Action.MOVE_LOCAL, Action.MOVE_LOCAL_THEN_DOWNLOAD,
               Action.MOVE_LOCAL_THEN_UPLOAD_VERSION}
REMOTE_WRITES = {Action.UPLOAD_VERSION, Action.MOVE_LOCAL_THEN_UPLOAD_VERSION, Action.MOVE_REMOTE,
                 Action.MOVE_REMOTE_THEN_UPLOAD_VERSION, Action.MOVE_REMOTE_THEN_DOWNLOAD,
                 Action.DELETE_REMOTE}


@settings(max_examples=EXAMPLES, deadline=None)
@given(triples())
def test_deterministic(t: tuple[Base | None, LocalState, RemoteState, Context]) -> None:
    assert decide(*t) == decide(*t)


@settings(max_examples=EXAMPLES, deadline=None)
@given(triples())
def test_no_deletion_when_the_other_side_changed(
        t: tuple[Base | None, LocalState, RemoteState, Context]) -> None:
    base, local, remote, _ = t
    action = decide(*t).action
    if action is Action.TRASH_LOCAL:
        assert local_change(base, local) in (Change.SAME, Change.TOUCHED)
        assert not local_moved(base, local)
    if action is Action.DELETE_REMOTE:
        assert remote_change(base, remote) in (Change.SAME, Change.TOUCHED)
        assert not remote_moved(base, remote)


@settings(max_examples=EXAMPLES, deadline=None)
@given(triples())
def test_a_local_change_is_never_overwritten_without_a_conflict_copy(
        t: tuple[Base | None, LocalState, RemoteState, Context]) -> None:
    base, local, _, _ = t
    d = decide(*t)
    if local.present and local_change(base, local) in (Change.CHANGED, Change.NEW):
        assert d.action not in LOCAL_WRITES, d
        if d.action is Action.CONFLICT:
            kept_at = d.move_to or local.path
            assert kept_at != d.download_to


@settings(max_examples=EXAMPLES, deadline=None)
@given(triples())
def test_an_open_document_is_never_replaced_moved_or_trashed(
        t: tuple[Base | None, LocalState, RemoteState, Context]) -> None:
    _, local, _, _ = t
    d = decide(*t)
    if local.present and local.open_in_office:
        assert d.action not in LOCAL_WRITES - {Action.DOWNLOAD} | LOCAL_MOVES, d
        assert not (d.action is Action.DOWNLOAD and d.replace)
        assert not (d.action is Action.CONFLICT and d.move_to is not None)


@settings(max_examples=EXAMPLES, deadline=None)
@given(triples())
def test_a_locked_clio_document_gets_no_new_version_move_or_delete(
        t: tuple[Base | None, LocalState, RemoteState, Context]) -> None:
    _, _, remote, _ = t
    if remote.live and remote.locked:
        assert decide(*t).action not in REMOTE_WRITES


@settings(max_examples=EXAMPLES, deadline=None)
@given(triples())
def test_a_file_being_written_waits(
        t: tuple[Base | None, LocalState, RemoteState, Context]) -> None:
    base, local, _, _ = t
    if local.present and local.still_being_written and local_change(base, local) is not Change.SAME:
        assert decide(*t).action is Action.WAIT


@settings(max_examples=EXAMPLES, deadline=None)
@given(triples())
def test_moves_go_somewhere_and_paths_stay_inside(
        t: tuple[Base | None, LocalState, RemoteState, Context]) -> None:
    base, _, _, _ = t
    d = decide(*t)
    if d.action in LOCAL_MOVES:
        assert d.move_to and d.move_to != d.path
    if d.action in {Action.MOVE_REMOTE, Action.MOVE_REMOTE_THEN_DOWNLOAD,
                    Action.MOVE_REMOTE_THEN_UPLOAD_VERSION}:
        assert base is not None and d.remote_path != base.remote_path
    for p in (d.path, d.move_to, d.download_to):
        assert p is None or p == "" or names.is_safe_relative(p)


@settings(max_examples=EXAMPLES, deadline=None)
@given(triples())
def test_historical_files_are_uploaded_only_when_pushed_or_changed(
        t: tuple[Base | None, LocalState, RemoteState, Context]) -> None:
    base, local, _, ctx = t
    d = decide(*t)
    if base is not None and base.historical and d.action is Action.UPLOAD_NEW:
        assert local.path in ctx.push or local_change(base, local) is Change.CHANGED


@settings(max_examples=500, deadline=None)
@given(triples())
def test_a_stale_being_written_flag_on_an_unchanged_file_changes_nothing(
        t: tuple[Base | None, LocalState, RemoteState, Context]) -> None:
    base, local, remote, ctx = t
    if base is not None and local.present and local_change(base, local) is Change.SAME:
        flagged = replace(local, still_being_written=True)
        assert decide(base, flagged, remote, ctx) == decide(base, local, remote, ctx)
