"""What the proof suites found, one focused test per fix (each names the suite and the case).
The suites' own examples are random; these pin each finding down for good."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from desktop.sandbox import Sandbox
from tests.proofs.conftest import ProofFactory
from tests.proofs.support import ProblemClock, ProofHarness, being_written

M = "m-1"


def conflicted(mh: ProofHarness, rel: str = "A/x.txt") -> str:
    """A document changed on both sides; returns its conflicted copy's path."""
    mh.new_matter(M)
    mh.write(M, rel, b"base")
    mh.sync()
    mh.clio_edit(mh.doc_id(M, rel), b"theirs")
    mh.write(M, rel, b"mine, longer")
    mh.sync(expect=3)
    (c,) = mh.store.documents.conflicts(M)
    return c.copy_path


def test_a_conflicted_copy_moved_with_its_folder_closes_the_conflict(
        sandbox: Sandbox, proof_factory: ProofFactory) -> None:
    """Interleavings: the user renamed the folder holding a conflict's copy; the conflict
    stayed open for ever, pointing at a file that was no longer there (exit code 3 on every
    pass), while the moved copy went to Clio as an ordinary file."""
    mh = proof_factory(sandbox)
    copy = conflicted(mh)
    os.rename(mh.folder(M) / "A", mh.folder(M) / "C")
    mh.sync()  # exit 0: answered by the move (kept both)
    assert mh.store.documents.conflicts(M) == []
    moved = "C/" + copy.split("/", 1)[1]
    assert mh.clio_by_path(M) == {"C/x.txt": b"theirs", moved: b"mine, longer"}
    mh.assert_in_step(M)


def test_a_deleted_conflicted_copy_closes_the_conflict(
        sandbox: Sandbox, proof_factory: ProofFactory) -> None:
    mh = proof_factory(sandbox)
    copy = conflicted(mh)
    (mh.folder(M) / copy).unlink()
    mh.sync()
    assert mh.store.documents.conflicts(M) == []
    assert mh.clio_by_path(M) == {"A/x.txt": b"theirs"}
    mh.assert_in_step(M)


def test_a_missing_matter_folder_closes_no_conflict(
        sandbox: Sandbox, proof_factory: ProofFactory) -> None:
    mh = proof_factory(sandbox)
    conflicted(mh)
    folder: Path = mh.folder(M)
    os.rename(folder, folder.with_name("away"))
    mh.sync(expect=1)
    assert len(mh.store.documents.conflicts(M)) == 1
    os.rename(folder.with_name("away"), folder)
    mh.sync(expect=3)
    assert len(mh.store.documents.conflicts(M)) == 1


def test_a_clio_document_named_like_an_open_conflicts_copy_is_downloaded_beside_it(
        sandbox: Sandbox, proof_factory: ProofFactory) -> None:
    """Interleavings: a colleague uploaded a document whose name is the conflicted copy's; the
    mirror left it out (the copy's path is kept out of the sync) for as long as the conflict
    stayed open — a Clio document with no local file, and no row."""
    mh = proof_factory(sandbox)
    copy = conflicted(mh)
    mh.clio_upload(M, copy, b"a colleague's file of that name")
    mh.sync(expect=3)
    local = mh.local_state(M)
    assert local[copy] == b"mine, longer"
    numbered = copy[:-len(".txt")] + " (2).txt"
    assert local[numbered] == b"a colleague's file of that name"
    mh.assert_in_step(M)


def test_renamed_in_clio_edited_here_and_the_upload_failing_makes_no_second_document(
        sandbox: Sandbox, proof_factory: ProofFactory, clock: ProblemClock) -> None:
    """Faults (an ongoing mix on every route): a document renamed in Clio and edited here was
    moved to Clio's name, then its upload failed; the row stayed at the old name, so the next
    pass took the edited file under its new name for a new one and uploaded it as a second
    document (and downloaded the first beside it)."""
    mh = proof_factory(sandbox)
    mh.new_matter(M)
    mh.write(M, "Letters/doc.txt", b"v1")
    mh.sync()
    doc = mh.doc_id(M, "Letters/doc.txt")
    mh.admin.update_document(doc, name="renamed in Clio.txt")
    mh.write(M, "Letters/doc.txt", b"v2, edited here")
    sandbox.admin.set_faults("PATCH:/api/v4/documents/*=502+after")  # the commit's answer lost
    mh.sync(expect=1)
    assert mh.local_state(M) == {"Letters/renamed in Clio.txt": b"v2, edited here"}
    sandbox.admin.set_faults(None)
    clock.advance()
    mh.sync(expect=None)
    clock.advance()
    mh.sync()
    assert mh.clio_by_path(M) == {"Letters/renamed in Clio.txt": b"v2, edited here"}
    assert mh.local_state(M) == {"Letters/renamed in Clio.txt": b"v2, edited here"}
    mh.assert_in_step(M)


def test_a_version_uploaded_by_someone_else_during_ours_is_not_taken_for_ours(
        sandbox: Sandbox, proof_factory: ProofFactory) -> None:
    """Two seats: both uploaded a new version of one document at the same moment. The
    companion recorded the document's latest version after its own commit — the other
    upload's — as its own (with its own sha256, in the index and in Clio's properties), so
    this computer kept its bytes for ever while Clio's latest version had the other's."""
    mh = proof_factory(sandbox)
    mh.new_matter(M)
    mh.write(M, "Offer.docx", b"v1")
    mh.sync()
    doc = mh.doc_id(M, "Offer.docx")
    mh.write(M, "Offer.docx", b"mine, v2")
    fired: list[str] = []

    def colleague_commits_first(request: object) -> None:
        url = getattr(request, "url", None)
        if (not fired and getattr(request, "method", "") == "PATCH"
                and str(getattr(url, "path", "")).startswith(f"/api/v4/documents/{doc}")):
            fired.append("theirs")  # before our commit: their version is newer than ours
            mh.clio_edit(doc, b"theirs, v3")

    http = mh.h.clio.session.http
    http.event_hooks = {**http.event_hooks,
                        "request": [*http.event_hooks["request"], colleague_commits_first]}
    mh.sync()
    assert fired
    versions = [v.id for v in mh.clio.document_versions(doc)]
    assert len(versions) == 3
    ours = versions[1]
    assert mh.store.documents.row(M, "Offer.docx").base.version_id == ours
    stored = mh.clio.document(doc)
    assert stored.external_property("prolegis_version") == "2"  # the hash describes ours
    mh.sync()  # Clio's latest is theirs: downloaded (ours stays in Clio's versions)
    assert mh.local_state(M) == {"Offer.docx": b"theirs, v3"}
    assert mh.admin.document_bytes(doc, ours) == b"mine, v2"
    mh.assert_in_step(M)


def test_linking_a_folder_to_documents_the_companion_uploaded_downloads_nothing(
        sandbox: Sandbox, proof_factory: ProofFactory) -> None:
    """Lost state: after the state database was lost, linking the (now pre-existing) matter
    again downloaded every document to compare it with the local file, though Clio had the
    companion's sha256 of each — the local files, taken as historical, were never hashed."""
    mh = proof_factory(sandbox)
    mh.new_matter(M)
    for i in range(3):
        mh.write(M, f"Docs/{i}.pdf", f"same size {i}")
    mh.sync()
    docs = {p: e.doc_id for p, e in mh.index_state(M).items()}
    mh.store.matter_links.unlink(M)
    mh.sync()
    down = mh.admin.stats()["bytes_downloaded"]
    mh.link(M, how="linked")  # what linking a pre-existing matter records: a snapshot
    mh.sync()
    assert mh.admin.stats()["bytes_downloaded"] == down
    assert {p: e.doc_id for p, e in mh.index_state(M).items()} == docs
    mh.assert_in_step(M)


def listing_requests(mh: ProofHarness) -> int:
    routes = mh.admin.stats()["routes"]
    return sum(sum(routes.get(r, {}).values())
               for r in ("GET /api/v4/documents", "GET /api/v4/folders"))


def test_an_idle_poll_lists_nothing_once_the_last_changes_have_settled(
        sandbox: Sandbox, proof_factory: ProofFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bench (idle poll cycle, 1 vs 500 matters): every idle cycle listed again everything
    updated in the 5 s before the newest change (the overlap kept for clock skew) — after a
    burst of 500 matters or a colleague's bulk upload, several pages every minute for ever."""
    from desktop.sync import feed as feed_module

    mh = proof_factory(sandbox)
    mh.new_matter(M)
    for i in range(250):  # a burst: more than one page, all within the overlap
        mh.clio_upload(M, f"Bulk/{i:03d}.txt", f"bulk {i}")
    mh.sync()
    before = listing_requests(mh)
    mh.sync()  # the tail of the burst is listed again once (within the overlap)
    assert listing_requests(mh) - before > 2

    class Later:
        @staticmethod
        def time() -> float:
            return time.time() + 6  # a poll interval later

    monkeypatch.setattr(feed_module, "time", Later, raising=False)
    mh.sync()  # nothing newer: the mark moves up to the newest change
    before = listing_requests(mh)
    mh.sync()
    assert listing_requests(mh) - before == 2  # one request per resource: nothing to list
    mh.clio_upload(M, "Bulk/late.txt", b"after the burst")
    mh.sync()
    assert mh.local_state(M)["Bulk/late.txt"] == b"after the burst"
    mh.assert_in_step(M)


def test_a_file_saved_a_second_and_a_half_ago_is_uploaded(
        sandbox: Sandbox, proof_factory: ProofFactory) -> None:
    """Bench (saved edit → committed in Clio, median 2.12 s against a target of 2 s): a file
    modified less than 2 s ago was taken as still being written, so every edit waited two
    seconds after its save before it could go; the watcher's second of quiet plus half a
    second is enough."""
    mh = proof_factory(sandbox)
    mh.new_matter(M)
    mh.write(M, "Offer.docx", b"saved moments ago", age=1.6)
    mh.sync()
    assert mh.clio_by_path(M) == {"Offer.docx": b"saved moments ago"}
    mh.write(M, "Offer.docx", b"saved again, just now", age=0.5)
    mh.sync()  # still being written when the pass looked: looked at again once settled
    assert mh.clio_by_path(M) == {"Offer.docx": b"saved again, just now"}
    mh.assert_in_step(M)


def test_a_one_shot_pass_leaves_nothing_half_written_behind(
        sandbox: Sandbox, proof_factory: ProofFactory) -> None:
    """Crash rounds (``sync --once`` right after a killed run): the download the killed run
    had just placed looked "still being written", the one-shot pass left it for a next run
    and exited 0 with the index behind the file. A one-shot pass now looks again once such
    files settle — but a file that never stops changing is never sent half-written, and the
    pass still ends (a bounded number of re-looks)."""
    mh = proof_factory(sandbox)
    mh.new_matter(M)
    mh.write(M, "Draft.docx", b"first draft")
    mh.sync()
    mh.write(M, "Draft.docx", b"second draft, just saved", age=0.2)
    mh.sync()
    assert mh.clio_by_path(M) == {"Draft.docx": b"second draft, just saved"}
    mh.assert_in_step(M)

    path = mh.folder(M) / "Log.txt"
    stop = threading.Event()

    def keep_writing() -> None:
        n = 0
        while not stop.is_set():
            n += 1
            with path.open("ab") as f:
                f.write(b"line %d\n" % n)
            stop.wait(0.2)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        report = mh.sync()
    finally:
        stop.set()
        writer.join()
    assert report.exit_code == 0
    assert "Log.txt" not in mh.clio_by_path(M)  # never sent while it was being written
    assert being_written(mh)
