"""Pairing: index rows, local files and Clio documents into (base, local, remote) triples."""

from __future__ import annotations

from dataclasses import replace

from desktop.sync.mirror.model import Action, Base, LocalState, RemoteState
from desktop.sync.mirror.pairing import Triple, pair
from desktop.sync.mirror.reconcile import decide
from tests.mirror.states import ctx

A = "a" * 64
B = "b" * 64


def row(path: str, doc: int | None, inode: int, *, sha: str = A, remote: tuple[str, ...] = (),
        historical: bool = False) -> Base:
    rpath = remote or tuple(path.split("/"))
    return Base(path, 10, 1_000, inode, sha, doc_id=doc, remote_parent=rpath[:-1] if doc else (),
                version_id=1 if doc else None, remote_name=rpath[-1] if doc else "",
                historical=historical)


def file(path: str, inode: int, *, size: int = 10, mtime: int = 1_000,
         sha: str | None = None) -> LocalState:
    return LocalState(True, path, size, mtime, inode, sha)


def doc(doc_id: int, path: str, *, version: int = 1, sha: str | None = A,
        deleted: bool = False) -> RemoteState:
    return RemoteState(True, deleted, doc_id, tuple(path.split("/")), version, 10, sha)


def by_path(triples: list[Triple]) -> dict[str, Triple]:
    return {t.path: t for t in triples}


def test_unchanged_document_pairs_by_path_and_id() -> None:
    (t,) = pair([row("a.pdf", 1, 11)], [file("a.pdf", 11)], [doc(1, "a.pdf")])
    assert t.base is not None and t.local.path == "a.pdf" and t.remote.doc_id == 1
    assert t.remote.local_path == "a.pdf"
    assert decide(t.base, t.local, t.remote, ctx()).action is Action.NOTHING


def test_local_rename_is_found_by_inode_size_and_mtime() -> None:
    (t,) = pair([row("a.pdf", 1, 11)], [file("renamed.pdf", 11)], [doc(1, "a.pdf")])
    assert t.base is not None and t.base.path == "a.pdf" and t.local.path == "renamed.pdf"
    d = decide(t.base, t.local, t.remote, ctx())
    assert d.action is Action.MOVE_REMOTE and d.remote_path == ("renamed.pdf",)


def test_move_into_a_sub_folder() -> None:
    (t,) = pair([row("a.pdf", 1, 11)], [file("Sub/Deeper/a.pdf", 11)], [doc(1, "a.pdf")])
    d = decide(t.base, t.local, t.remote, ctx())
    assert d.action is Action.MOVE_REMOTE and d.remote_path == ("Sub", "Deeper", "a.pdf")


def test_move_across_volumes_is_found_by_content() -> None:
    # a new inode and mtime (copy + delete), same bytes
    (t,) = pair([row("a.pdf", 1, 11)], [file("Sub/a.pdf", 99, mtime=5, sha=A)], [doc(1, "a.pdf")])
    assert t.base is not None and t.local.path == "Sub/a.pdf"


def test_ambiguous_content_is_not_a_move() -> None:
    triples = pair([row("a.pdf", 1, 11)],
                   [file("x.pdf", 98, mtime=5, sha=A), file("y.pdf", 99, mtime=5, sha=A)],
                   [doc(1, "a.pdf")])
    kinds = {t.path: (t.base is not None, t.local.present) for t in triples}
    assert kinds == {"a.pdf": (True, False), "x.pdf": (False, True), "y.pdf": (False, True)}


def test_zero_inodes_never_match() -> None:
    # platforms without inodes report 0: two files must not be paired on that
    triples = pair([row("a.pdf", 1, 0, sha=B)], [file("b.pdf", 0)], [doc(1, "a.pdf")])
    assert len(triples) == 2


def test_deleted_local_file_leaves_the_base_without_local() -> None:
    (t,) = pair([row("a.pdf", 1, 11)], [], [doc(1, "a.pdf")])
    assert not t.local.present and t.local.path == "a.pdf"
    assert decide(t.base, t.local, t.remote, ctx()).action is Action.DELETE_REMOTE


def test_case_only_rename_on_a_case_sensitive_file_system() -> None:
    (t,) = pair([row("Report.pdf", 1, 11)], [file("report.pdf", 11)], [doc(1, "Report.pdf")])
    d = decide(t.base, t.local, t.remote, ctx())
    assert d.action is Action.MOVE_REMOTE and d.remote_path == ("report.pdf",)


def test_case_only_rename_on_a_case_insensitive_file_system() -> None:
    triples = pair([row("Report.pdf", 1, 11)], [file("report.pdf", 77, mtime=5, sha=B)],
                   [doc(1, "Report.pdf")], case_insensitive=True)
    (t,) = triples  # matched by path key although inode, mtime and content differ
    d = decide(t.base, t.local, t.remote, ctx(case_insensitive=True))
    assert d.action is Action.MOVE_REMOTE_THEN_UPLOAD_VERSION


def test_case_only_rename_in_clio_on_a_case_insensitive_file_system() -> None:
    (t,) = pair([row("Report.pdf", 1, 11)], [file("Report.pdf", 11)], [doc(1, "REPORT.pdf")],
                case_insensitive=True)
    assert t.remote.local_path == "REPORT.pdf"  # its own old name does not count as taken
    d = decide(t.base, t.local, t.remote, ctx(case_insensitive=True))
    assert d.action is Action.MOVE_LOCAL and d.move_to == "REPORT.pdf"


def test_names_differing_in_case_collide_only_when_case_insensitive() -> None:
    remotes = [doc(1, "A.pdf"), doc(2, "a.pdf")]
    sensitive = {t.remote.local_path for t in pair([], [], remotes)}
    insensitive = {t.remote.local_path for t in pair([], [], remotes, case_insensitive=True)}
    assert sensitive == {"A.pdf", "a.pdf"}
    assert insensitive == {"A.pdf", "a (2).pdf"}


def test_new_on_both_sides_pairs_by_path() -> None:
    (t,) = pair([], [file("Sub/new.pdf", 5, sha=A)], [doc(9, "Sub/new.pdf")])
    assert t.base is None and t.local.present and t.remote.doc_id == 9
    assert decide(t.base, t.local, t.remote, ctx()).action is Action.LINK


def test_new_on_both_sides_with_different_content_is_a_conflict() -> None:
    (t,) = pair([], [file("new.pdf", 5, sha=B)], [doc(9, "new.pdf", sha=A)])
    assert decide(t.base, t.local, t.remote, ctx()).action is Action.CONFLICT


def test_new_clio_document_pairs_with_a_historical_file() -> None:
    hist = row("old.pdf", None, 11, sha="", historical=True)
    hist = replace(hist, sha256=None)
    (t,) = pair([hist], [file("old.pdf", 11, sha=A)], [doc(9, "old.pdf")])
    assert t.base is hist and t.remote.doc_id == 9 and t.remote.local_path == "old.pdf"
    assert decide(t.base, t.local, t.remote, ctx()).action is Action.LINK


def test_new_clio_document_at_a_linked_path_is_numbered() -> None:
    triples = by_path(pair([row("a.pdf", 1, 11)], [file("a.pdf", 11)],
                           [doc(1, "a.pdf"), doc(2, "a.pdf")]))
    assert set(triples) == {"a.pdf", "a (2).pdf"}
    new = triples["a (2).pdf"]
    assert new.base is None and new.remote.doc_id == 2
    assert decide(new.base, new.local, new.remote, ctx()).action is Action.DOWNLOAD


def test_duplicate_names_are_numbered_by_document_id() -> None:
    triples = pair([], [], [doc(30, "x/a.pdf"), doc(10, "x/a.pdf"), doc(20, "x/a.pdf")])
    assert {t.remote.doc_id: t.remote.local_path for t in triples} == {
        10: "x/a.pdf", 20: "x/a (2).pdf", 30: "x/a (3).pdf"}


def test_duplicate_numbering_is_stable_for_linked_documents() -> None:
    # doc 10 ("a.pdf") went to Clio's trash: doc 20 keeps "a (2).pdf" (no local rename), and
    # the new doc 30 does not take "a.pdf" while doc 10's row and file are still there
    bases = [row("a.pdf", 10, 11), row("a (2).pdf", 20, 12, remote=("a.pdf",))]
    locals_ = [file("a.pdf", 11), file("a (2).pdf", 12)]
    remotes = [doc(10, "a.pdf", deleted=True), doc(20, "a.pdf"), doc(30, "a.pdf")]
    got = {t.remote.doc_id: t.remote.local_path for t in pair(bases, locals_, remotes)}
    assert got == {10: "a.pdf", 20: "a (2).pdf", 30: "a (3).pdf"}


def test_clio_rename_gets_a_free_local_name() -> None:
    bases = [row("a.pdf", 1, 11), row("b.pdf", 2, 12)]
    triples = by_path(pair(bases, [file("a.pdf", 11), file("b.pdf", 12)],
                           [doc(1, "b.pdf"), doc(2, "b.pdf")]))
    assert triples["a.pdf"].remote.local_path == "b (2).pdf"
    assert triples["b.pdf"].remote.local_path == "b.pdf"


def test_hostile_clio_names_are_sanitised() -> None:
    (t,) = pair([], [], [doc(5, "../../x:y.pdf")])
    assert t.remote.local_path == "_/_/x_y.pdf"


def test_known_folders_map_clio_paths() -> None:
    (t,) = pair([], [], [doc(5, "Court: 2026/a.pdf")],
                remote_folders={("Court: 2026",): "Court 2026"})
    assert t.remote.local_path == "Court 2026/a.pdf"


def test_trashed_clio_document_without_a_row_is_ignored() -> None:
    assert pair([], [], [doc(5, "a.pdf", deleted=True)]) == []


def test_rows_under_an_unreadable_folder_are_not_judged() -> None:
    bases = [row("Locked/a.pdf", 1, 11), row("b.pdf", 2, 12)]
    triples = pair(bases, [file("b.pdf", 12)],
                   [doc(1, "Locked/a.pdf"), doc(2, "b.pdf"), doc(3, "Locked/new.pdf")],
                   unscanned=["Locked"])
    assert [t.path for t in triples] == ["b.pdf"]


def test_every_input_appears_once() -> None:
    bases = [row("a.pdf", 1, 11), row("b.pdf", 2, 12), row("c.pdf", 3, 13)]
    locals_ = [file("a.pdf", 11), file("moved/b.pdf", 12), file("d.pdf", 14, sha=B)]
    remotes = [doc(1, "a.pdf"), doc(2, "b.pdf"), doc(4, "e.pdf")]
    triples = pair(bases, locals_, remotes)
    assert sorted(t.base.path for t in triples if t.base) == ["a.pdf", "b.pdf", "c.pdf"]
    assert sorted(t.local.path for t in triples if t.local.present) == \
        ["a.pdf", "d.pdf", "moved/b.pdf"]
    assert sorted(t.remote.doc_id or 0 for t in triples if t.remote.present) == [1, 2, 4]


def test_moved_and_edited_in_place_is_found_by_inode_and_name() -> None:
    (t,) = pair([row("a.pdf", 1, 11)], [file("Sub/a.pdf", 11, size=99, mtime=7, sha=B)],
                [doc(1, "a.pdf")])
    d = decide(t.base, t.local, t.remote, ctx())
    assert d.action is Action.MOVE_REMOTE_THEN_UPLOAD_VERSION


def test_renamed_and_edited_with_a_new_inode_is_delete_and_new() -> None:
    triples = pair([row("a.pdf", 1, 11)], [file("b.pdf", 12, size=99, mtime=7, sha=B)],
                   [doc(1, "a.pdf")])
    got = {t.path: decide(t.base, t.local, t.remote, ctx()).action for t in triples}
    assert got == {"a.pdf": Action.DELETE_REMOTE, "b.pdf": Action.UPLOAD_NEW}
