"""Historical documents of a pre-existing matter and pushing by hand: the link-time snapshot
stays "not in Clio" (exit 0) until pushed; a later edit makes one live; files that appear later
are live whatever their mtime; Clio's documents of a newly linked matter are downloaded; a
historical file whose path is in Clio is linked or kept both ways; outside files are copied in
and pushed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.sync import commands as cmd
from desktop.sync.views import DocumentState
from tests.support.mirror_harness import MirrorHarness, settle

M = "m-1"


@pytest.fixture
def old(mh: MirrorHarness) -> MirrorHarness:
    """A pre-existing matter with three files (one nested), linked: all historical."""
    mh.new_matter(M, link=False)
    mh.write(M, "Will.pdf", b"old will", age=10**7)
    mh.write(M, "Estate/Inventory.xlsx", b"inventory", age=10**7)
    mh.write(M, "Estate/Letters/To bank.docx", b"bank letter", age=10**7)
    mh.link(M, how="linked")
    return mh


HISTORICAL = {"Will.pdf", "Estate/Inventory.xlsx", "Estate/Letters/To bank.docx"}


def test_historical_files_stay_out_of_clio(old: MirrorHarness) -> None:
    old.sync()  # historical documents waiting for a push are a normal state: exit 0
    assert old.clio_state(M) == {}
    assert old.clio_folders(M) == set()  # their folders stay out of Clio too
    assert {p for p, e in old.index_state(M).items() if e.historical} == HISTORICAL
    old.assert_in_step(M, local_only=HISTORICAL)
    states = {v.rel_path: v.state for v in old.part.documents(M)}
    assert states == dict.fromkeys(HISTORICAL, DocumentState.HISTORICAL)
    assert old.part.counts()[M].historical == 3


def test_a_later_edit_makes_a_historical_file_live(old: MirrorHarness) -> None:
    old.sync()
    old.write(M, "Will.pdf", b"new will, signed")
    old.sync()
    assert old.clio_by_path(M) == {"Will.pdf": b"new will, signed"}
    assert "Will.pdf" not in old.store.matter_links.snapshot(M)
    old.assert_in_step(M, local_only=HISTORICAL - {"Will.pdf"})


def test_renaming_keeps_it_historical_an_mtime_change_makes_it_live(old: MirrorHarness) -> None:
    old.sync()
    os.rename(old.folder(M) / "Estate/Inventory.xlsx", old.folder(M) / "Estate/Assets.xlsx")
    old.sync()
    assert old.clio_state(M) == {}
    hist = {p for p, e in old.index_state(M).items() if e.historical}
    assert hist == {"Estate/Assets.xlsx", "Will.pdf", "Estate/Letters/To bank.docx"}
    os.utime(old.folder(M) / "Will.pdf", (1, 1))  # the snapshot has no hash: a new mtime
    old.sync()                                      # cannot be told from an edit
    assert old.clio_by_path(M) == {"Will.pdf": b"old will"}


def test_a_file_copied_in_later_is_live_whatever_its_mtime(old: MirrorHarness) -> None:
    old.sync()
    old.write(M, "Estate/Old copy.pdf", b"an old file copied in", age=10**8)
    old.sync()
    assert old.clio_by_path(M) == {"Estate/Old copy.pdf": b"an old file copied in"}
    old.assert_in_step(M, local_only=HISTORICAL)


def test_push_historical_files(old: MirrorHarness) -> None:
    old.sync()
    folder = old.folder(M)
    old.part.handle(cmd.PushFiles(M, (str(folder / "Estate/Letters/To bank.docx"),)))
    old.sync()
    assert old.clio_by_path(M) == {"Estate/Letters/To bank.docx": b"bank letter"}
    assert old.clio_folders(M) == {("Estate",), ("Estate", "Letters")}
    assert not old.index_state(M)["Estate/Letters/To bank.docx"].historical
    assert old.store.documents.pushes(M) == {}
    old.assert_in_step(M, local_only=HISTORICAL - {"Estate/Letters/To bank.docx"})


def test_push_outside_files_copies_them_in_first(old: MirrorHarness, tmp_path: Path) -> None:
    old.sync()
    outside = tmp_path / "Downloads"
    outside.mkdir()
    (outside / "Will.pdf").write_bytes(b"a will from email")
    (outside / "Scan.pdf").write_bytes(b"scan")
    settle(outside / "Will.pdf")
    settle(outside / "Scan.pdf")
    queued = old.part.push(M, (str(outside / "Will.pdf"), str(outside / "Scan.pdf")), "Inbox")
    assert queued == ["Inbox/Will.pdf", "Inbox/Scan.pdf"]
    assert (outside / "Will.pdf").exists()  # copied, not moved
    old.sync()
    assert old.clio_by_path(M) == {"Inbox/Will.pdf": b"a will from email",
                                   "Inbox/Scan.pdf": b"scan"}
    # a name already taken in the target folder gets " (2)"
    old.part.push(M, (str(outside / "Scan.pdf"),), "Inbox")
    assert (old.folder(M) / "Inbox" / "Scan (2).pdf").read_bytes() == b"scan"
    old.sync()
    old.assert_in_step(M, local_only=HISTORICAL)


def test_push_refuses_bad_paths_and_changes_nothing(old: MirrorHarness, tmp_path: Path) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(b"x")
    with pytest.raises(ValueError, match="not a file"):
        old.part.push(M, (str(good), str(tmp_path / "missing.pdf")))
    with pytest.raises(ValueError, match="lock file"):
        (tmp_path / "~$Will.docx").write_bytes(b"lock")
        old.part.push(M, (str(tmp_path / "~$Will.docx"),))
    with pytest.raises(ValueError, match="inside the matter folder"):
        old.part.push(M, (str(good),), "../elsewhere")
    assert not (old.folder(M) / "good.pdf").exists()
    assert old.store.documents.pushes() == {}
    with pytest.raises(ValueError, match="not linked"):
        old.part.push("m-404", (str(good),))


def test_clio_documents_of_a_newly_linked_matter_are_downloaded(mh: MirrorHarness) -> None:
    clio_id = mh.new_matter(M, link=False)
    mh.clio_matters[M] = clio_id
    mh.clio_upload(M, "Intake/Questionnaire.pdf", b"answers")
    mh.clio_upload(M, "Engagement.pdf", b"engagement")
    mh.link(M, how="created")
    mh.sync()
    assert mh.local_state(M) == {"Intake/Questionnaire.pdf": b"answers",
                                 "Engagement.pdf": b"engagement"}
    mh.assert_in_step(M)


def test_historical_file_with_the_same_content_in_clio_is_linked(old: MirrorHarness) -> None:
    doc = old.clio_upload(M, "Will.pdf", b"old will")
    old.sync()
    assert old.doc_id(M, "Will.pdf") == doc
    old.assert_in_step(M, local_only=HISTORICAL - {"Will.pdf"})


def historical_conflict(old: MirrorHarness) -> tuple[int, str]:
    doc = old.clio_upload(M, "Will.pdf", b"the will in Clio")
    old.sync(expect=3)
    (c,) = old.store.documents.conflicts(M)
    assert c.kind == "historical" and c.rel_path == "Will.pdf"
    local = old.local_state(M)
    assert local["Will.pdf"] == b"old will"  # the historical file keeps its name
    assert local[c.copy_path] == b"the will in Clio"  # Clio's version beside it
    assert c.copy_path.startswith("Will (conflicted copy, Jane Doe, ")
    return doc, c.copy_path


def test_historical_file_differing_from_clio_is_a_conflict(old: MirrorHarness) -> None:
    historical_conflict(old)
    old.sync(expect=3)  # stable: nothing more happens while it waits
    assert len(old.clio_state(M)) == 1


def test_historical_conflict_keep_mine(old: MirrorHarness) -> None:
    doc, copy = historical_conflict(old)
    old.part.handle(cmd.ResolveConflict(old.store.documents.conflicts(M)[0].id, "local"))
    old.sync()
    assert old.admin.document_bytes(doc) == b"old will"
    assert "Will.pdf" in old.local_state(M) and copy not in old.local_state(M)
    old.assert_in_step(M, local_only=HISTORICAL - {"Will.pdf"})


def test_historical_conflict_keep_clios(old: MirrorHarness) -> None:
    doc, _copy = historical_conflict(old)
    old.part.handle(cmd.ResolveConflict(old.store.documents.conflicts(M)[0].id, "clio"))
    old.sync()
    assert old.local_state(M)["Will.pdf"] == b"the will in Clio"
    assert old.doc_id(M, "Will.pdf") == doc
    old.assert_in_step(M, local_only=HISTORICAL - {"Will.pdf"})


def test_historical_conflict_keep_both(old: MirrorHarness) -> None:
    _doc, _copy = historical_conflict(old)
    old.part.handle(cmd.ResolveConflict(old.store.documents.conflicts(M)[0].id, "both"))
    old.sync()
    contents = sorted(d.data for d in old.clio_state(M).values())
    assert contents == [b"old will", b"the will in Clio"]
    old.assert_in_step(M, local_only=HISTORICAL - {"Will.pdf"})
