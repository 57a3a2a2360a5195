"""Every row of the reconcile table, end to end: a real engine, real files, the sandbox over
HTTP. Each test mutates one or both sides of a synced matter, runs one pass and compares the
three states."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.mirror_harness import MirrorHarness, settle, sha

M = "m-1"


@pytest.fixture
def synced(mh: MirrorHarness) -> MirrorHarness:
    """A live matter with two synced documents, one in a sub-folder."""
    mh.new_matter(M)
    mh.write(M, "Pleadings/Claim.pdf", b"claim v1")
    mh.write(M, "Letter.docx", b"letter v1")
    mh.sync()
    mh.assert_in_step(M)
    return mh


def transfers(mh: MirrorHarness) -> tuple[int, int]:
    stats = mh.admin.stats()
    return stats["bytes_uploaded"], stats["bytes_downloaded"]


def test_same_same_does_nothing(synced: MirrorHarness) -> None:
    before = transfers(synced)
    inode = (synced.folder(M) / "Letter.docx").stat().st_ino
    synced.sync()
    assert transfers(synced) == before
    assert (synced.folder(M) / "Letter.docx").stat().st_ino == inode
    synced.assert_in_step(M)


def test_changed_locally_uploads_a_new_version(synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Letter.docx")
    synced.write(M, "Letter.docx", b"letter v2, longer")
    synced.sync()
    assert synced.admin.document_bytes(doc) == b"letter v2, longer"
    assert synced.doc_id(M, "Letter.docx") == doc  # a version, not a new document
    assert len(list(synced.clio.document_versions(doc))) == 2
    synced.assert_in_step(M)


def test_same_size_edit_is_found_by_its_hash(synced: MirrorHarness) -> None:
    synced.write(M, "Letter.docx", b"letter v9", age=5)  # same size, new mtime
    synced.sync()
    assert synced.admin.document_bytes(synced.doc_id(M, "Letter.docx")) == b"letter v9"
    synced.assert_in_step(M)


def test_touched_file_is_not_uploaded(synced: MirrorHarness) -> None:
    before = transfers(synced)
    p = synced.folder(M) / "Letter.docx"
    os.utime(p, (p.stat().st_atime, p.stat().st_mtime - 100))
    synced.sync()
    assert transfers(synced) == before
    synced.assert_in_step(M)


def test_changed_in_clio_is_downloaded_atomically(synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Pleadings/Claim.pdf")
    synced.clio_edit(doc, b"claim v2 from Clio")
    synced.sync()
    assert synced.local_state(M)["Pleadings/Claim.pdf"] == b"claim v2 from Clio"
    leftovers = [p.name for p in (synced.folder(M) / "Pleadings").iterdir()]
    assert leftovers == ["Claim.pdf"]  # no temp file left beside it
    synced.assert_in_step(M)


def test_changed_on_both_sides_with_the_same_bytes_only_updates_the_base(
        synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Letter.docx")
    synced.clio_edit(doc, b"agreed text")
    synced.write(M, "Letter.docx", b"agreed text")
    up, _down = transfers(synced)
    synced.sync()
    up2, _down2 = transfers(synced)
    assert up2 == up  # nothing uploaded
    synced.assert_in_step(M)
    assert synced.store.documents.conflicts(M) == []


def test_changed_on_both_sides_differently_is_a_conflict(synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Letter.docx")
    synced.clio_edit(doc, b"theirs")
    synced.write(M, "Letter.docx", b"mine, different")
    synced.sync(expect=3)
    local = synced.local_state(M)
    assert local["Letter.docx"] == b"theirs"
    copies = [p for p in local if p.startswith("Letter (conflicted copy, Jane Doe, ")]
    assert len(copies) == 1 and local[copies[0]] == b"mine, different"
    assert synced.admin.document_bytes(doc) == b"theirs"  # nothing overwritten in Clio
    synced.assert_in_step(M)


def test_deleted_locally_is_deleted_in_clio(synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Letter.docx")
    (synced.folder(M) / "Letter.docx").unlink()
    synced.sync()
    assert doc in synced.clio_state(M, deleted=True)  # in Clio's trash, restorable
    synced.assert_in_step(M)


def test_deleted_in_clio_goes_to_the_local_trash(synced: MirrorHarness, tmp_path: Path) -> None:
    synced.admin.delete_document(synced.doc_id(M, "Letter.docx"))
    synced.sync()
    assert "Letter.docx" not in synced.local_state(M)
    trashed = list((tmp_path / "xdg-data" / "Trash" / "files").iterdir())
    assert [p.read_bytes() for p in trashed] == [b"letter v1"]
    synced.assert_in_step(M)


def test_deleted_locally_and_changed_in_clio_is_downloaded_again(synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Letter.docx")
    (synced.folder(M) / "Letter.docx").unlink()
    synced.clio_edit(doc, b"edited in Clio")
    synced.sync()
    assert synced.local_state(M)["Letter.docx"] == b"edited in Clio"
    synced.assert_in_step(M)


def test_changed_locally_and_deleted_in_clio_is_restored_with_the_change(
        synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Letter.docx")
    synced.admin.delete_document(doc)
    synced.write(M, "Letter.docx", b"edited here")
    synced.sync()
    assert synced.doc_id(M, "Letter.docx") == doc  # restored, not re-created
    assert synced.admin.document_bytes(doc) == b"edited here"
    synced.assert_in_step(M)


def test_renamed_locally_edited_then_deleted_in_clio_is_restored_with_clio_s_edit(
        synced: MirrorHarness) -> None:
    """Stress interleavings: the rename restored the document, and the row then claimed the
    local bytes were its latest version — while Clio's latest was the edit a colleague made
    before deleting it. The renamed file now gets that edit."""
    doc = synced.doc_id(M, "Letter.docx")
    synced.clio_edit(doc, b"edited in Clio")
    synced.admin.delete_document(doc)
    os.rename(synced.folder(M) / "Letter.docx", synced.folder(M) / "Letter (final).docx")
    synced.sync()
    assert synced.doc_id(M, "Letter (final).docx") == doc  # restored, not re-created
    assert synced.local_state(M)["Letter (final).docx"] == b"edited in Clio"
    assert synced.admin.document_bytes(doc) == b"edited in Clio"
    synced.assert_in_step(M)


def test_changed_locally_and_purged_from_clio_is_uploaded_again(synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Letter.docx")
    synced.clio_purge(doc)  # gone from every listing: only the full reconcile can see it
    synced.write(M, "Letter.docx", b"edited here")
    synced.sync(full=True)
    new = synced.doc_id(M, "Letter.docx")
    assert new != doc and synced.admin.document_bytes(new) == b"edited here"
    synced.assert_in_step(M)


def test_purged_from_clio_goes_to_the_local_trash(synced: MirrorHarness) -> None:
    synced.clio_purge(synced.doc_id(M, "Letter.docx"))
    synced.sync()  # the incremental feed cannot see a purge
    assert "Letter.docx" in synced.local_state(M)
    synced.sync(full=True)
    assert "Letter.docx" not in synced.local_state(M)
    synced.assert_in_step(M)


def test_deleted_on_both_sides_is_forgotten(synced: MirrorHarness) -> None:
    synced.admin.delete_document(synced.doc_id(M, "Letter.docx"))
    (synced.folder(M) / "Letter.docx").unlink()
    synced.sync()
    assert "Letter.docx" not in synced.index_state(M)
    synced.assert_in_step(M)


def test_new_on_both_sides_with_the_same_bytes_is_linked(mh: MirrorHarness) -> None:
    mh.new_matter(M)
    mh.write(M, "Deed.pdf", b"same deed")
    doc = mh.clio_upload(M, "Deed.pdf", b"same deed")
    mh.sync()
    assert mh.doc_id(M, "Deed.pdf") == doc
    assert len(mh.clio_state(M)) == 1
    mh.assert_in_step(M)


def test_new_on_both_sides_with_other_bytes_is_a_conflict(mh: MirrorHarness) -> None:
    mh.new_matter(M)
    mh.write(M, "Deed.pdf", b"my deed")
    doc = mh.clio_upload(M, "Deed.pdf", b"their deed, longer")
    mh.sync(expect=3)
    local = mh.local_state(M)
    assert local["Deed.pdf"] == b"their deed, longer"
    assert mh.doc_id(M, "Deed.pdf") == doc
    assert sorted(local.values()) == [b"my deed", b"their deed, longer"]
    mh.assert_in_step(M)


def test_renamed_locally_is_renamed_in_clio(synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Letter.docx")
    before = transfers(synced)
    os.rename(synced.folder(M) / "Letter.docx", synced.folder(M) / "Letter (signed).docx")
    synced.sync()
    assert synced.doc_id(M, "Letter (signed).docx") == doc
    assert transfers(synced) == before  # no delete + upload
    synced.assert_in_step(M)


def test_moved_locally_is_moved_in_clio(synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Letter.docx")
    (synced.folder(M) / "Sent").mkdir()
    os.rename(synced.folder(M) / "Letter.docx", synced.folder(M) / "Sent" / "Letter.docx")
    synced.sync()
    assert synced.clio_state(M)[doc].path == ("Sent", "Letter.docx")
    synced.assert_in_step(M)


def test_renamed_in_clio_is_renamed_locally(synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Letter.docx")
    inode = (synced.folder(M) / "Letter.docx").stat().st_ino
    synced.admin.update_document(doc, name="Final letter.docx")
    synced.sync()
    assert (synced.folder(M) / "Final letter.docx").stat().st_ino == inode  # moved, not copied
    synced.assert_in_step(M)


def test_moved_in_clio_is_moved_locally(synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Letter.docx")
    folder = synced.clio_folder(M, ("Archive", "2025"))
    synced.admin.update_document(doc, folder_id=folder)
    synced.sync()
    assert synced.local_state(M)["Archive/2025/Letter.docx"] == b"letter v1"
    synced.assert_in_step(M)


def test_renamed_locally_and_edited_in_clio_both_apply(synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Letter.docx")
    os.rename(synced.folder(M) / "Letter.docx", synced.folder(M) / "Letter A.docx")
    synced.clio_edit(doc, b"edited in Clio")
    synced.sync()
    assert synced.local_state(M)["Letter A.docx"] == b"edited in Clio"
    assert synced.clio_state(M)[doc].path == ("Letter A.docx",)
    synced.assert_in_step(M)


def test_renamed_in_clio_and_edited_locally_both_apply(synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Letter.docx")
    synced.admin.update_document(doc, name="Letter B.docx")
    synced.write(M, "Letter.docx", b"edited here, longer")
    synced.sync()
    assert synced.local_state(M)["Letter B.docx"] == b"edited here, longer"
    assert synced.admin.document_bytes(doc) == b"edited here, longer"
    synced.assert_in_step(M)


def test_renamed_differently_on_both_sides_takes_clios_name(synced: MirrorHarness) -> None:
    doc = synced.doc_id(M, "Letter.docx")
    os.rename(synced.folder(M) / "Letter.docx", synced.folder(M) / "Mine.docx")
    synced.admin.update_document(doc, name="Theirs.docx")
    synced.sync()
    assert "Theirs.docx" in synced.local_state(M) and "Mine.docx" not in synced.local_state(M)
    synced.assert_in_step(M)
    log = [e.message for e in synced.store.history.recent()]
    assert any("Mine.docx" in m for m in log)  # the local name is logged


def test_index_keeps_the_companion_hash_in_clio(synced: MirrorHarness) -> None:
    doc = synced.clio.document(synced.doc_id(M, "Letter.docx"))
    assert doc.external_property("prolegis_sha256") == sha(b"letter v1")
    assert doc.external_property("prolegis_version") == "1"
    assert doc.external_property("prolegis_id")


def test_a_relinked_matter_links_by_hash_without_transfers(synced: MirrorHarness) -> None:
    synced.clio_upload(M, "Theirs.pdf", b"uploaded by a colleague")
    synced.sync()
    docs = {p: e.doc_id for p, e in synced.index_state(M).items()}
    synced.store.matter_links.unlink(M)
    synced.sync()
    assert synced.index_state(M) == {}
    for path in synced.folder(M).rglob("*.*"):
        settle(path)  # the download just written is not "still being written" any more
    synced.link(M, how="created")  # linked again, as after a lost state database
    before = transfers(synced)
    synced.sync()
    up, down = transfers(synced)
    assert up == before[0]  # nothing uploaded twice
    assert down - before[1] == len(b"uploaded by a colleague")  # only the unknown hash fetched
    assert {p: e.doc_id for p, e in synced.index_state(M).items()} == docs
    synced.assert_in_step(M)
