"""Folders both ways: nested creation, one rename for a renamed folder (never delete + upload),
moves, deletions, and a folder deleted on one side while a file inside changed on the other."""

from __future__ import annotations

import os

import pytest

from tests.support.mirror_harness import MirrorHarness

M = "m-1"


@pytest.fixture
def tree(mh: MirrorHarness) -> MirrorHarness:
    mh.new_matter(M)
    mh.write(M, "Estate/Bank/Statement.pdf", b"statement")
    mh.write(M, "Estate/Bank/Letter.docx", b"bank letter")
    mh.write(M, "Estate/Will.pdf", b"will")
    (mh.folder(M) / "Empty").mkdir()
    mh.sync()
    mh.assert_in_step(M)
    return mh


def transfers(mh: MirrorHarness) -> tuple[int, int]:
    stats = mh.admin.stats()
    return stats["bytes_uploaded"], stats["bytes_downloaded"]


def test_nested_local_folders_reach_clio(tree: MirrorHarness) -> None:
    assert tree.clio_folders(M) == {("Estate",), ("Estate", "Bank"), ("Empty",)}


def test_nested_clio_folders_reach_the_matter_folder(tree: MirrorHarness) -> None:
    tree.clio_upload(M, "Court/2025/Filed/Motion.pdf", b"motion")
    tree.clio_folder(M, ("Court", "Empty in Clio"))
    tree.sync()
    assert tree.local_state(M)["Court/2025/Filed/Motion.pdf"] == b"motion"
    assert "Court/Empty in Clio" in tree.local_dirs(M)
    tree.assert_in_step(M)


def test_folder_renamed_locally_is_one_rename_in_clio(tree: MirrorHarness) -> None:
    docs = {p: e.doc_id for p, e in tree.index_state(M).items()}
    before = transfers(tree)
    os.rename(tree.folder(M) / "Estate", tree.folder(M) / "Succession")
    tree.sync()
    assert transfers(tree) == before
    after = {p: e.doc_id for p, e in tree.index_state(M).items()}
    assert after == {p.replace("Estate/", "Succession/"): d for p, d in docs.items()}
    assert ("Succession", "Bank") in tree.clio_folders(M)
    assert ("Estate",) not in tree.clio_folders(M)
    tree.assert_in_step(M)


def test_folder_renamed_in_clio_is_renamed_locally(tree: MirrorHarness) -> None:
    inode = (tree.folder(M) / "Estate/Bank/Statement.pdf").stat().st_ino
    before = transfers(tree)
    folder_id = tree.clio_folder(M, ("Estate", "Bank"))
    _rename_clio_folder(tree, folder_id, "Banking")
    tree.sync()
    assert transfers(tree) == before
    assert (tree.folder(M) / "Estate/Banking/Statement.pdf").stat().st_ino == inode
    assert not (tree.folder(M) / "Estate/Bank").exists()
    tree.assert_in_step(M)


def _rename_clio_folder(mh: MirrorHarness, folder_id: int, name: str,
                        parent_id: int | None = None) -> None:
    mh.clio.update_folder(folder_id, name=name, parent_id=parent_id)


def test_folder_moved_both_ways(tree: MirrorHarness) -> None:
    os.rename(tree.folder(M) / "Estate/Bank", tree.folder(M) / "Bank")
    tree.sync()
    assert ("Bank",) in tree.clio_folders(M)
    tree.assert_in_step(M)
    estate = tree.clio_folder(M, ("Estate",))
    _rename_clio_folder(tree, tree.clio_folder(M, ("Bank",)), "Bank", parent_id=estate)
    tree.sync()
    assert "Estate/Bank/Statement.pdf" in tree.local_state(M)
    tree.assert_in_step(M)


def test_folder_deleted_locally_is_deleted_in_clio(tree: MirrorHarness) -> None:
    import shutil

    shutil.rmtree(tree.folder(M) / "Estate/Bank")
    tree.sync()
    assert ("Estate", "Bank") not in tree.clio_folders(M)
    assert len(tree.clio_state(M, deleted=True)) == 2
    tree.assert_in_step(M)


def test_folder_deleted_in_clio_is_trashed_locally(tree: MirrorHarness) -> None:
    tree.admin.delete_folder(tree.clio_folder(M, ("Estate", "Bank")))
    tree.sync()
    assert not (tree.folder(M) / "Estate/Bank").exists()
    assert tree.local_state(M) == {"Estate/Will.pdf": b"will"}
    tree.assert_in_step(M)


def test_folder_deleted_in_clio_while_a_file_inside_changed_keeps_that_file(
        tree: MirrorHarness) -> None:
    tree.admin.delete_folder(tree.clio_folder(M, ("Estate", "Bank")))
    tree.write(M, "Estate/Bank/Letter.docx", b"bank letter, edited here")
    tree.sync()
    assert tree.local_state(M) == {"Estate/Will.pdf": b"will",
                                   "Estate/Bank/Letter.docx": b"bank letter, edited here"}
    assert tree.clio_by_path(M)["Estate/Bank/Letter.docx"] == b"bank letter, edited here"
    tree.assert_in_step(M)


def test_folder_deleted_locally_while_a_file_inside_changed_in_clio_keeps_it(
        tree: MirrorHarness) -> None:
    import shutil

    doc = tree.doc_id(M, "Estate/Bank/Letter.docx")
    shutil.rmtree(tree.folder(M) / "Estate/Bank")
    tree.clio_edit(doc, b"edited in Clio")
    tree.sync()
    assert tree.local_state(M)["Estate/Bank/Letter.docx"] == b"edited in Clio"
    assert "Estate/Bank/Statement.pdf" not in tree.local_state(M)
    assert set(tree.clio_by_path(M)) == {"Estate/Bank/Letter.docx", "Estate/Will.pdf"}
    tree.assert_in_step(M)


def test_folder_deleted_locally_keeps_what_a_colleague_put_in_it_since_the_last_look(
        tree: MirrorHarness) -> None:
    """Review finding: a pass started by the watcher does not list Clio first, so a document a
    colleague added to the folder (or edited in it) since the last poll went to Clio's trash
    with the folder. The folder is looked into before it is deleted; what is new there wins."""
    import shutil

    letter = tree.doc_id(M, "Estate/Bank/Letter.docx")
    shutil.rmtree(tree.folder(M) / "Estate/Bank")
    tree.clio_upload(M, "Estate/Bank/Colleague.docx", b"added by a colleague")
    tree.clio_edit(letter, b"letter, edited by a colleague")
    tree.sync(poll=False, records=False)  # the watcher's pass: no look at Clio first
    assert tree.clio_by_path(M)["Estate/Bank/Colleague.docx"] == b"added by a colleague"
    tree.sync()
    assert tree.local_state(M) == {"Estate/Will.pdf": b"will",
                                   "Estate/Bank/Colleague.docx": b"added by a colleague",
                                   "Estate/Bank/Letter.docx": b"letter, edited by a colleague"}
    assert [d.path for d in tree.clio_state(M, deleted=True).values()] == [
        ("Estate", "Bank", "Statement.pdf")]  # what nobody touched is deleted as asked
    tree.assert_in_step(M)


def test_folder_renamed_locally_to_a_name_a_colleague_took_in_clio_merges(
        tree: MirrorHarness) -> None:
    """Stress interleavings: a folder renamed here to a name that a new Clio folder already
    had was renamed in Clio too — refused ("name has already been taken"), every pass, for
    ever. Its documents now move into Clio's folder of that name one by one."""
    tree.clio_upload(M, "Estate/Accounts/Ledger.xlsx", b"a colleague's ledger")
    os.rename(tree.folder(M) / "Estate/Bank", tree.folder(M) / "Estate/Accounts")
    tree.sync()
    tree.sync()
    assert tree.local_state(M) == {"Estate/Will.pdf": b"will",
                                   "Estate/Accounts/Statement.pdf": b"statement",
                                   "Estate/Accounts/Letter.docx": b"bank letter",
                                   "Estate/Accounts/Ledger.xlsx": b"a colleague's ledger"}
    assert ("Estate", "Bank") not in tree.clio_folders(M)
    tree.assert_in_step(M)


def test_folder_renamed_in_clio_while_a_folder_inside_was_deleted_there(
        tree: MirrorHarness) -> None:
    """Two-seat stress: a colleague renamed a folder and deleted a sub-folder of it. Following
    the rename here moved the sub-folder's files, so trashing them from their old paths failed,
    and the next look took them for files moved by the user inside a folder Clio deleted: each
    was uploaded again as a new document — from every seat. The files are now trashed, and
    nothing is uploaded."""
    before = transfers(tree)
    bank = tree.clio_folder(M, ("Estate", "Bank"))
    _rename_clio_folder(tree, tree.clio_folder(M, ("Estate",)), "Succession")
    tree.admin.delete_folder(bank)
    tree.sync()
    assert tree.local_state(M) == {"Succession/Will.pdf": b"will"}
    assert transfers(tree)[0] == before[0]
    assert set(tree.clio_by_path(M)) == {"Succession/Will.pdf"}
    assert tree.clio_folders(M) == {("Succession",), ("Empty",)}
    tree.assert_in_step(M)


def test_new_file_in_a_folder_renamed_in_clio_goes_into_that_folder(
        tree: MirrorHarness) -> None:
    tree.write(M, "Estate/Bank/Cheque.pdf", b"cheque")
    _rename_clio_folder(tree, tree.clio_folder(M, ("Estate",)), "Succession")
    tree.sync()
    assert tree.clio_by_path(M)["Succession/Bank/Cheque.pdf"] == b"cheque"
    assert tree.clio_folders(M) == {("Succession",), ("Succession", "Bank"), ("Empty",)}
    assert "Estate" not in tree.local_dirs(M)
    tree.assert_in_step(M)


def test_empty_folders_both_ways(tree: MirrorHarness) -> None:
    (tree.folder(M) / "New here").mkdir()
    tree.clio_folder(M, ("New in Clio",))
    tree.sync()
    assert ("New here",) in tree.clio_folders(M)
    assert "New in Clio" in tree.local_dirs(M)
