"""Safety rails: a vanished workspace or matter folder and an empty Clio listing are errors,
never deletions; the deletion guard holds, lets through and restores; hostile and duplicate Clio
names never leave the matter folder; case-only renames; locked Clio documents; an unlinked
matter stops syncing without touching files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from desktop.sync import commands as cmd
from desktop.sync.mirror import localops
from desktop.sync.report import Outcome
from desktop.sync.views import DocumentState
from tests.support.mirror_harness import MirrorHarness

M = "m-1"


@pytest.fixture
def synced(mh: MirrorHarness) -> MirrorHarness:
    mh.new_matter(M)
    for i in range(12):
        mh.write(M, f"Docs/File {i:02d}.pdf", f"content {i}")
    mh.sync()
    return mh


def live_docs(mh: MirrorHarness) -> int:
    return len(mh.clio_state(M))


def test_vanished_workspace_is_an_error_not_a_deletion(synced: MirrorHarness) -> None:
    root = synced.h.root
    os.rename(root, root.with_name("Prolegis (moved)"))
    report = synced.sync(expect=1)
    assert {r.code for r in report.reasons} >= {"documents"}
    assert live_docs(synced) == 12
    os.rename(root.with_name("Prolegis (moved)"), root)
    synced.sync()
    synced.assert_in_step(M)


def test_vanished_matter_folder_is_an_error_not_a_deletion(synced: MirrorHarness) -> None:
    folder = synced.folder(M)
    os.rename(folder, folder.with_name("elsewhere"))
    report = synced.sync(expect=1)
    (reason,) = [r for r in report.reasons if r.matter_id == M]
    assert "missing" in reason.message and "Nothing was deleted" in reason.message
    assert live_docs(synced) == 12
    assert synced.part.counts()[M].errors == 1
    os.rename(folder.with_name("elsewhere"), folder)
    synced.sync()
    assert synced.part.counts()[M].errors == 0


def test_empty_clio_listing_where_the_index_has_documents_is_an_error(
        synced: MirrorHarness) -> None:
    synced.store.documents.forget_clio_matter(synced.clio_matters[M])  # Clio "lists" nothing
    report = synced.sync(expect=1, poll=False)
    assert any("Clio listed no documents" in r.message for r in report.reasons)
    assert len(synced.local_state(M)) == 12


def test_deletion_guard_holds_many_local_deletions(synced: MirrorHarness) -> None:
    for i in range(10):
        (synced.folder(M) / f"Docs/File {i:02d}.pdf").unlink()
    report = synced.sync(expect=4)
    assert any(r.outcome is Outcome.GUARD and r.matter_id == M for r in report.reasons)
    assert live_docs(synced) == 12  # nothing deleted in Clio
    (guard,) = synced.part.guards()
    assert guard.kind == "deletions" and len(guard.items) == 10
    states = {v.rel_path: v.state for v in synced.part.documents(M)}
    assert states["Docs/File 00.pdf"] is DocumentState.HELD
    synced.sync(expect=4)  # still held
    synced.sync(allow_deletes=True)
    assert live_docs(synced) == 2
    assert synced.part.guards() == []
    synced.assert_in_step(M)


def test_allow_deletions_command_lets_them_run(synced: MirrorHarness) -> None:
    for i in range(10):
        (synced.folder(M) / f"Docs/File {i:02d}.pdf").unlink()
    synced.sync(expect=4)
    synced.part.handle(cmd.AllowDeletions(M))
    synced.sync()
    assert live_docs(synced) == 2


def test_restore_deletions_brings_local_files_back(synced: MirrorHarness) -> None:
    for i in range(10):
        (synced.folder(M) / f"Docs/File {i:02d}.pdf").unlink()
    synced.sync(expect=4)
    synced.part.handle(cmd.RestoreDeletions(M))
    assert len(synced.local_state(M)) == 12
    synced.sync()
    assert synced.part.guards() == []
    synced.assert_in_step(M)


def test_restore_deletions_brings_clio_documents_back(synced: MirrorHarness) -> None:
    for i in range(11):
        synced.admin.delete_document(synced.doc_id(M, f"Docs/File {i:02d}.pdf"))
    synced.sync(expect=4)
    assert len(synced.local_state(M)) == 12  # nothing trashed here
    synced.part.handle(cmd.RestoreDeletions(M))
    assert live_docs(synced) == 12
    synced.sync()
    synced.assert_in_step(M)


def test_few_deletions_are_not_held(synced: MirrorHarness) -> None:
    for i in range(3):
        (synced.folder(M) / f"Docs/File {i:02d}.pdf").unlink()
    synced.sync()
    assert live_docs(synced) == 9


def test_an_emptied_matter_folder_is_held_like_a_missing_one(mh: MirrorHarness) -> None:
    """Review finding: a matter of fewer than 10 documents lost all of them in Clio when its
    folder was emptied (select all, delete; a cloud drive freeing space). Every document of a
    matter that has at least 3 is held and asked about, on either side."""
    mh.new_matter(M)
    for name in ("Offer.pdf", "Title search.pdf", "Statement of adjustments.xlsx"):
        mh.write(M, name, name)
    mh.sync()
    for path in mh.folder(M).iterdir():
        path.unlink()
    report = mh.sync(expect=4)
    assert "all 3 documents" in " ".join(report.lines())
    assert live_docs(mh) == 3  # nothing deleted in Clio
    mh.part.handle(cmd.RestoreDeletions(M))
    mh.sync()
    assert len(mh.local_state(M)) == 3
    mh.assert_in_step(M)

    for doc in mh.clio_state(M):
        mh.admin.delete_document(doc)  # a colleague empties it in Clio
    mh.sync(expect=4)
    assert len(mh.local_state(M)) == 3  # nothing trashed here
    mh.sync(allow_deletes=True)  # confirmed: the deletions run
    assert mh.local_state(M) == {}


HOSTILE = {
    "../../escape.txt": b"1",
    "a\\b.txt": b"2",
    "CON.txt": b"3",
    "x:y?.pdf": b"4",
    "trailing. ": b"5",
    "~$lock.docx": b"6",
    ".prolegis-partial-x": b"7",
    "Thumbs.db": b"8",
    "notes.tmp": b"9",
    "L" * 300 + ".pdf": b"10",
    "Cafe\u0301.pdf": b"11",
    "..": b"12",
}


def test_hostile_clio_names_stay_inside_the_matter_folder(mh: MirrorHarness,
                                                          tmp_path: Path) -> None:
    mh.new_matter(M)
    for name, data in HOSTILE.items():
        mh.clio_upload(M, (name,), data)
    mh.clio_upload(M, ("..", "..", "deep.txt"), b"13")  # folders named ".."
    mh.sync()
    local = mh.local_state(M)
    assert sorted(local.values()) == sorted([*HOSTILE.values(), b"13"])
    root = mh.folder(M).resolve()
    for rel in local:
        assert (root / rel).resolve().is_relative_to(root)
        assert all(len(part.encode()) <= 255 for part in rel.split("/"))
    outside = {p.name for p in tmp_path.rglob("escape.txt")} | {
        p.name for p in tmp_path.rglob("deep.txt") if not p.resolve().is_relative_to(root)}
    assert outside == set()
    assert "Café.pdf" in local  # NFC
    assert "_CON.txt" in local and "_~$lock.docx" in local and "notes_tmp" in local
    mh.sync()  # stable: nothing more to do
    mh.assert_in_step(M)


def test_duplicate_clio_names_get_numbered_locally(mh: MirrorHarness) -> None:
    mh.new_matter(M)
    mh.clio_upload(M, "Claim.pdf", b"first")
    mh.clio_upload(M, "Claim.pdf", b"second")
    mh.sync()
    assert mh.local_state(M) == {"Claim.pdf": b"first", "Claim (2).pdf": b"second"}
    mh.sync()
    mh.assert_in_step(M)


def test_case_only_rename_in_clio_and_locally(mh: MirrorHarness) -> None:
    mh.new_matter(M)
    mh.write(M, "Report.pdf", b"report")
    mh.sync()
    doc = mh.doc_id(M, "Report.pdf")
    mh.admin.update_document(doc, name="report.pdf")
    mh.sync()
    assert mh.local_state(M) == {"report.pdf": b"report"}
    os.rename(mh.folder(M) / "report.pdf", mh.folder(M) / "REPORT.pdf")
    mh.sync()
    assert mh.clio_state(M)[doc].path == ("REPORT.pdf",)
    mh.assert_in_step(M)


def test_case_insensitive_file_system_numbers_names_differing_in_case(
        mh: MirrorHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    localops.case_insensitive.cache_clear()
    monkeypatch.setattr(localops, "case_insensitive", lambda folder: True)
    mh.new_matter(M)
    mh.clio_upload(M, "Memo.pdf", b"upper")
    mh.clio_upload(M, "memo.pdf", b"lower")
    mh.sync()
    assert mh.local_state(M) == {"Memo.pdf": b"upper", "memo (2).pdf": b"lower"}


def test_locked_clio_document_gets_no_new_version(synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Docs/File 00.pdf")
    synced.admin.lock_document(doc)
    synced.write(M, "Docs/File 00.pdf", b"edited while locked")
    synced.sync()
    assert synced.admin.document_bytes(doc) == b"content 0"
    states = {v.rel_path: v for v in synced.part.documents(M)}
    assert states["Docs/File 00.pdf"].state is DocumentState.WAITING
    assert "locked" in states["Docs/File 00.pdf"].detail
    synced.admin.lock_document(doc, locked=False)
    synced.sync()
    assert synced.admin.document_bytes(doc) == b"edited while locked"
    synced.assert_in_step(M)


def test_unlinked_matter_stops_syncing_and_keeps_its_files(synced: MirrorHarness) -> None:
    synced.store.matter_links.unlink(M)
    synced.sync()
    assert synced.index_state(M) == {}
    assert len(synced.local_state(M)) == 12 and live_docs(synced) == 12
    synced.write(M, "Docs/After.pdf", b"after")
    synced.sync()
    assert live_docs(synced) == 12


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_folder_is_not_mistaken_for_deletions(synced: MirrorHarness) -> None:
    docs = synced.folder(M) / "Docs"
    docs.chmod(0)
    try:
        synced.sync(expect=None)
        assert live_docs(synced) == 12
    finally:
        docs.chmod(0o755)


def test_read_models(synced: MirrorHarness) -> None:
    counts: Any = synced.part.counts()[M]
    assert counts.documents == 12 and counts.errors == 0 and counts.last_sync
    synced.write(M, "Docs/New.pdf", b"new")
    synced.sync()
    synced.clio_upload(M, "Docs/From Clio.pdf", b"x")
    synced.part.kit.cache.poll(full=False)  # listed, not synced yet
    views = {v.rel_path: v for v in synced.part.documents(M)}
    assert views["Docs/New.pdf"].state is DocumentState.IN_SYNC
    assert views["Docs/From Clio.pdf"].state is DocumentState.PENDING
    assert not views["Docs/From Clio.pdf"].local
    synced.write(M, "Docs/Local only.pdf", b"not yet")
    synced.write(M, "Docs/File 01.pdf", b"edited, not sent")
    views = {v.rel_path: v for v in synced.part.documents(M)}
    assert views["Docs/Local only.pdf"].state is DocumentState.PENDING
    assert views["Docs/File 01.pdf"].state is DocumentState.PENDING
    assert views["Docs/File 02.pdf"].state is DocumentState.IN_SYNC


def test_a_bug_in_one_matter_does_not_stop_the_others(
        mh: MirrorHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.sync.mirror import part as part_module

    mh.new_matter("m-1")
    mh.new_matter("m-2")
    mh.write("m-1", "a.pdf", b"a")
    mh.write("m-2", "b.pdf", b"b")
    real = part_module.plan_matter

    def broken(scope, *args, **kw):  # type: ignore[no-untyped-def]
        if scope.matter_id == "m-1":
            raise KeyError("a bug")
        return real(scope, *args, **kw)

    monkeypatch.setattr(part_module, "plan_matter", broken)
    report = mh.sync(expect=1)
    assert [r.matter_id for r in report.reasons] == ["m-1"]
    assert mh.clio_by_path("m-2") == {"b.pdf": b"b"}


def test_decomposed_local_names_go_to_clio_composed_and_stay_put(mh: MirrorHarness) -> None:
    mh.new_matter(M)
    mh.write(M, "Re\u0301sume\u0301.pdf", b"cv")  # as macOS writes it
    mh.sync()
    (doc,) = mh.clio_state(M).values()
    assert doc.path == ("Résumé.pdf",)
    mh.sync()
    assert mh.local_state(M) == {"Re\u0301sume\u0301.pdf": b"cv"}
    mh.assert_in_step(M)


def test_restore_brings_a_folder_deleted_in_clio_back(mh: MirrorHarness) -> None:
    mh.new_matter(M)
    for i in range(11):
        mh.write(M, f"Box/File {i:02d}.pdf", f"content {i}")
    mh.write(M, "Other.pdf", b"other")
    mh.sync()
    mh.admin.delete_folder(mh.clio_folder(M, ("Box",)))
    mh.sync(expect=4)
    held = {h.kind for h in mh.store.documents.held(M)}
    assert held == {"document", "folder"}
    assert len(mh.local_state(M)) == 12
    mh.part.handle(cmd.RestoreDeletions(M))
    assert len(mh.clio_state(M)) == 12 and ("Box",) in mh.clio_folders(M)
    mh.sync()
    mh.assert_in_step(M)
