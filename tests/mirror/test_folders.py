"""Folder rules: create, rename, move and delete on either side, survivors, nesting."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.sync.mirror.folders import (
    FolderAction,
    FolderBase,
    FolderPlan,
    Planned,
    RemoteFolder,
    folder_maps,
    plan_folders,
)
from desktop.sync.mirror.model import Action, Base, LocalState, RemoteState
from desktop.sync.mirror.pairing import pair
from desktop.sync.mirror.reconcile import decide
from tests.mirror.states import ctx

A, B, C = "a" * 64, "b" * 64, "c" * 64


def row(path: str, doc: int, inode: int) -> Base:
    parts = tuple(path.split("/"))
    return Base(path, 10, 1_000, inode, A, doc_id=doc, remote_parent=parts[:-1], version_id=1,
                remote_name=parts[-1])


def file(path: str, inode: int, *, changed: bool = False, open_: bool = False) -> LocalState:
    if changed:
        return LocalState(True, path, 20, 2_000, inode, B, open_in_office=open_)
    return LocalState(True, path, 10, 1_000, inode, open_in_office=open_)


def doc(doc_id: int, path: str, *, changed: bool = False, deleted: bool = False) -> RemoteState:
    return RemoteState(True, deleted, doc_id, tuple(path.split("/")), 2 if changed else 1,
                       30 if changed else 10, C if changed else A)


def run(folders: Iterable[FolderBase], dirs: Iterable[str], remote_folders: Iterable[RemoteFolder],
        bases: Iterable[Base], files: Iterable[LocalState], docs: Iterable[RemoteState], *,
        live: bool = True) -> FolderPlan:
    folders = list(folders)
    l2r, r2l = folder_maps(folders)
    triples = pair(bases, files, docs, remote_folders=r2l)
    context = ctx(folders=l2r, matter_live=live)
    items = [Planned(t, decide(t.base, t.local, t.remote, context)) for t in triples]
    return plan_folders(folders, dirs, remote_folders, items, matter_live=live)


def ops(ops_: Iterable[object]) -> list[tuple[object, ...]]:
    return [(o.action, o.path, o.new_path) for o in ops_]  # type: ignore[attr-defined]


def actions(plan: FolderPlan) -> dict[str, Action]:
    return {p.triple.path: p.decision.action for p in plan.items}


OLD = FolderBase("Old", 5, ("Old",))
OLD_DOCS = [row("Old/a.pdf", 1, 11), row("Old/b.pdf", 2, 12)]


def test_folder_renamed_in_clio_is_one_local_rename() -> None:
    plan = run([OLD], ["Old"], [RemoteFolder(5, ("New",))], OLD_DOCS,
               [file("Old/a.pdf", 11), file("Old/b.pdf", 12)],
               [doc(1, "New/a.pdf"), doc(2, "New/b.pdf", changed=True)])
    assert ops(plan.before) == [(FolderAction.RENAME_LOCAL, "Old", "New")]
    assert plan.after == ()
    got = {p.triple.path: (p.decision.action, p.decision.path) for p in plan.items}
    assert got == {"Old/a.pdf": (Action.UPDATE_BASE_ONLY, "New/a.pdf"),
                   "Old/b.pdf": (Action.DOWNLOAD, "New/b.pdf")}


def test_folder_renamed_locally_is_one_clio_rename() -> None:
    plan = run([OLD], ["New"], [RemoteFolder(5, ("Old",))], OLD_DOCS,
               [file("New/a.pdf", 11), file("New/b.pdf", 12, changed=True)],
               [doc(1, "Old/a.pdf"), doc(2, "Old/b.pdf")])
    (op,) = plan.before
    assert (op.action, op.path, op.folder_id, op.remote_path) == \
        (FolderAction.RENAME_REMOTE, "New", 5, ("New",))
    assert actions(plan) == {"New/a.pdf": Action.UPDATE_BASE_ONLY,
                             "New/b.pdf": Action.UPLOAD_VERSION}


def test_folder_moved_locally_into_another_folder() -> None:
    folders = [OLD, FolderBase("Archive", 6, ("Archive",))]
    plan = run(folders, ["Archive", "Archive/Old"],
               [RemoteFolder(5, ("Old",)), RemoteFolder(6, ("Archive",))], OLD_DOCS,
               [file("Archive/Old/a.pdf", 11), file("Archive/Old/b.pdf", 12)],
               [doc(1, "Old/a.pdf"), doc(2, "Old/b.pdf")])
    (op,) = plan.before
    assert (op.action, op.remote_path) == (FolderAction.RENAME_REMOTE, ("Archive", "Old"))
    assert set(actions(plan).values()) == {Action.UPDATE_BASE_ONLY}


def test_folder_renamed_differently_on_both_sides_takes_clios_name() -> None:
    plan = run([OLD], ["Mine"], [RemoteFolder(5, ("Theirs",))], OLD_DOCS,
               [file("Mine/a.pdf", 11), file("Mine/b.pdf", 12)],
               [doc(1, "Theirs/a.pdf"), doc(2, "Theirs/b.pdf")])
    (op,) = plan.before
    assert (op.action, op.path, op.new_path) == (FolderAction.RENAME_LOCAL, "Mine", "Theirs")
    assert "Mine" in op.logged
    assert set(actions(plan).values()) == {Action.UPDATE_BASE_ONLY}


def test_nested_rename_in_clio_is_only_the_parent() -> None:
    folders = [OLD, FolderBase("Old/Sub", 7, ("Old", "Sub"))]
    plan = run(folders, ["Old", "Old/Sub"],
               [RemoteFolder(5, ("New",)), RemoteFolder(7, ("New", "Sub"))],
               [row("Old/Sub/c.pdf", 3, 13)], [file("Old/Sub/c.pdf", 13)],
               [doc(3, "New/Sub/c.pdf")])
    assert ops(plan.before) == [(FolderAction.RENAME_LOCAL, "Old", "New")]
    assert actions(plan) == {"Old/Sub/c.pdf": Action.UPDATE_BASE_ONLY}


def test_parent_and_child_both_renamed_in_clio() -> None:
    folders = [OLD, FolderBase("Old/Sub", 7, ("Old", "Sub"))]
    plan = run(folders, ["Old", "Old/Sub"],
               [RemoteFolder(5, ("New",)), RemoteFolder(7, ("New", "Renamed"))],
               [row("Old/Sub/c.pdf", 3, 13)], [file("Old/Sub/c.pdf", 13)],
               [doc(3, "New/Renamed/c.pdf")])
    assert ops(plan.before) == [(FolderAction.RENAME_LOCAL, "Old", "New"),
                                (FolderAction.RENAME_LOCAL, "New/Sub", "New/Renamed")]
    assert actions(plan) == {"Old/Sub/c.pdf": Action.UPDATE_BASE_ONLY}


def test_rename_waits_for_an_open_document_inside() -> None:
    plan = run([OLD], ["Old"], [RemoteFolder(5, ("New",))], OLD_DOCS,
               [file("Old/a.pdf", 11, open_=True), file("Old/b.pdf", 12)],
               [doc(1, "New/a.pdf"), doc(2, "New/b.pdf")])
    assert plan.before == ()
    assert set(actions(plan).values()) == {Action.WAIT}


def test_folder_deleted_locally_is_deleted_in_clio() -> None:
    plan = run([OLD], [], [RemoteFolder(5, ("Old",))], OLD_DOCS, [],
               [doc(1, "Old/a.pdf"), doc(2, "Old/b.pdf")])
    assert set(actions(plan).values()) == {Action.DELETE_REMOTE}
    assert ops(plan.after) == [(FolderAction.DELETE_REMOTE, "Old", None)]
    assert plan.before == ()


def test_folder_deleted_locally_while_a_file_inside_changed_in_clio() -> None:
    plan = run([OLD], [], [RemoteFolder(5, ("Old",))], OLD_DOCS, [],
               [doc(1, "Old/a.pdf", changed=True), doc(2, "Old/b.pdf")])
    assert actions(plan) == {"Old/a.pdf": Action.DOWNLOAD, "Old/b.pdf": Action.DELETE_REMOTE}
    assert ops(plan.before) == [(FolderAction.CREATE_LOCAL, "Old", None)]
    assert plan.after == ()


def test_folder_deleted_in_clio_is_trashed_locally() -> None:
    plan = run([OLD], ["Old"], [RemoteFolder(5, ("Old",), deleted=True)], OLD_DOCS,
               [file("Old/a.pdf", 11), file("Old/b.pdf", 12)],
               [doc(1, "Old/a.pdf", deleted=True), doc(2, "Old/b.pdf", deleted=True)])
    assert set(actions(plan).values()) == {Action.TRASH_LOCAL}
    assert ops(plan.after) == [(FolderAction.TRASH_LOCAL, "Old", None)]


def test_folder_deleted_in_clio_while_a_file_inside_changed_locally() -> None:
    plan = run([OLD], ["Old"], [], OLD_DOCS,
               [file("Old/a.pdf", 11, changed=True), file("Old/b.pdf", 12)], [])
    assert actions(plan) == {"Old/a.pdf": Action.UPLOAD_NEW, "Old/b.pdf": Action.TRASH_LOCAL}
    (op,) = plan.before
    assert (op.action, op.path, op.remote_path) == (FolderAction.CREATE_REMOTE, "Old", ("Old",))
    assert plan.after == ()


def test_folder_in_clio_trash_with_a_locally_changed_file_is_recreated() -> None:
    plan = run([OLD], ["Old"], [RemoteFolder(5, ("Old",), deleted=True)], OLD_DOCS,
               [file("Old/a.pdf", 11, changed=True), file("Old/b.pdf", 12)],
               [doc(1, "Old/a.pdf", deleted=True), doc(2, "Old/b.pdf", deleted=True)])
    assert actions(plan)["Old/a.pdf"] is Action.RESTORE_REMOTE_THEN_UPLOAD_VERSION
    assert [o.action for o in plan.before] == [FolderAction.CREATE_REMOTE]


def test_folder_deleted_in_clio_with_an_open_document_stays() -> None:
    plan = run([OLD], ["Old"], [], OLD_DOCS,
               [file("Old/a.pdf", 11, open_=True), file("Old/b.pdf", 12)], [])
    assert actions(plan) == {"Old/a.pdf": Action.WAIT, "Old/b.pdf": Action.TRASH_LOCAL}
    assert plan.before == () and plan.after == ()


def test_nested_deletion_lists_only_the_top_folder() -> None:
    folders = [OLD, FolderBase("Old/Sub", 7, ("Old", "Sub"))]
    plan = run(folders, [], [RemoteFolder(5, ("Old",)), RemoteFolder(7, ("Old", "Sub"))],
               [row("Old/Sub/c.pdf", 3, 13)], [], [doc(3, "Old/Sub/c.pdf")])
    assert ops(plan.after) == [(FolderAction.DELETE_REMOTE, "Old", None)]


def test_empty_folder_deleted_locally() -> None:
    plan = run([OLD], [], [RemoteFolder(5, ("Old",))], [], [], [])
    assert ops(plan.after) == [(FolderAction.DELETE_REMOTE, "Old", None)]


def test_gone_on_both_sides_is_forgotten() -> None:
    plan = run([OLD], [], [RemoteFolder(5, ("Old",), deleted=True)], [], [], [])
    assert ops(plan.after) == [(FolderAction.FORGET, "Old", None)]


def test_new_local_folder_is_created_in_clio_when_live() -> None:
    plan = run([], ["Fresh", "Fresh/Deep"], [], [], [], [])
    assert [(o.action, o.path, o.remote_path) for o in plan.before] == [
        (FolderAction.CREATE_REMOTE, "Fresh", ("Fresh",)),
        (FolderAction.CREATE_REMOTE, "Fresh/Deep", ("Fresh", "Deep"))]
    assert run([], ["Fresh"], [], [], [], [], live=False).before == ()


def test_new_clio_folder_is_created_locally() -> None:
    plan = run([], [], [RemoteFolder(8, ("Court: 2026",))], [], [], [])
    assert [(o.action, o.path, o.folder_id) for o in plan.before] == [
        (FolderAction.CREATE_LOCAL, "Court_ 2026", 8)]


def test_new_on_both_sides_is_linked() -> None:
    plan = run([], ["Shared"], [RemoteFolder(8, ("Shared",))], [], [], [])
    assert [(o.action, o.path, o.folder_id) for o in plan.before] == [
        (FolderAction.LINK, "Shared", 8)]


def test_clio_folder_whose_local_name_is_taken_is_numbered() -> None:
    folders = [FolderBase("Notes", 5, ("Notes",))]
    plan = run(folders, ["Notes"], [RemoteFolder(5, ("Notes",)), RemoteFolder(9, ("Notes?",))],
               [], [], [])
    assert [(o.action, o.path) for o in plan.before] == [(FolderAction.CREATE_LOCAL, "Notes_")]
    plan = run(folders, ["Notes"], [RemoteFolder(5, ("Notes",)), RemoteFolder(9, ("Notes:",))],
               [], [], [])
    assert [(o.action, o.path) for o in plan.before] == [(FolderAction.CREATE_LOCAL, "Notes_")]


def test_folder_never_in_clio_is_not_trashed() -> None:
    hist = Base("Old/h.pdf", 10, 1_000, 11, None, historical=True)
    plan = run([FolderBase("Old", None, ())], ["Old"], [], [hist], [file("Old/h.pdf", 11)], [])
    assert plan.before == () and plan.after == ()
    assert actions(plan) == {"Old/h.pdf": Action.KEEP_HISTORICAL}


def test_unchanged_folders_need_nothing() -> None:
    plan = run([OLD], ["Old"], [RemoteFolder(5, ("Old",))], OLD_DOCS,
               [file("Old/a.pdf", 11), file("Old/b.pdf", 12)],
               [doc(1, "Old/a.pdf"), doc(2, "Old/b.pdf")])
    assert plan.before == () and plan.after == ()
    assert set(actions(plan).values()) == {Action.NOTHING}
