"""The long-running engine (``prolegis-desktop sync``): a saved edit reaches Clio within a few
seconds through the watcher; the engine's own downloads never echo back as changes; an open
Office document is never replaced; commands from the GUI's queue are served."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from desktop.sync import commands as cmd
from desktop.sync.events import StatusChanged
from desktop.sync.views import DocumentState, EngineState
from tests.support.mirror_harness import MirrorHarness

M = "m-1"


def wait_for(check: Callable[[], bool], timeout: float = 10.0) -> float:
    """Seconds until ``check()`` held (fails after ``timeout``)."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > timeout:
            raise AssertionError(f"not within {timeout} s")
        time.sleep(0.05)
    return time.monotonic() - start


@contextmanager
def running(mh: MirrorHarness) -> Iterator[None]:
    engine = mh.h.engine
    thread = threading.Thread(target=engine.run, name="engine")
    thread.start()
    try:
        wait_for(lambda: mh.part.local_feed.watcher is not None)
        wait_for(lambda: not engine._syncing and engine._last_report is not None)
        yield
    finally:
        engine.submit(cmd.Shutdown())
        thread.join(20)
    assert not thread.is_alive()


def passes(mh: MirrorHarness) -> int:
    return sum(1 for e in mh.h.events
               if isinstance(e, StatusChanged) and e.status.state is EngineState.SYNCING)


@pytest.fixture
def live(mh: MirrorHarness) -> MirrorHarness:
    mh.new_matter(M)
    mh.write(M, "Letter.docx", b"v1")
    mh.sync()
    return mh


def test_a_saved_edit_reaches_clio_within_seconds(live: MirrorHarness) -> None:
    doc = live.doc_id(M, "Letter.docx")
    with running(live):
        (live.folder(M) / "Letter.docx").write_bytes(b"v2, saved just now")
        took = wait_for(lambda: live.admin.document_bytes(doc) == b"v2, saved just now")
        (live.folder(M) / "New.pdf").write_bytes(b"new")
        wait_for(lambda: "New.pdf" in live.clio_by_path(M))
    print(f"a saved edit reached Clio in {took:.2f} s")
    assert took < 6.0, took
    live.assert_in_step(M)


def test_the_engines_own_writes_do_not_echo(live: MirrorHarness) -> None:
    doc = live.doc_id(M, "Letter.docx")
    live.clio_edit(doc, b"from Clio")
    live.clio_upload(M, "Deep/Er/From Clio.pdf", b"nested")
    with running(live):
        batches, before = live.part.local_feed.batches, passes(live)
        live.h.engine.submit(cmd.SyncNow())
        wait_for(lambda: (live.folder(M) / "Deep/Er/From Clio.pdf").exists()
                 and (live.folder(M) / "Letter.docx").read_bytes() == b"from Clio")
        time.sleep(3.0)  # longer than the watcher's quiet time and the settle time
        assert live.part.local_feed.batches == batches
        assert passes(live) == before + 1
    assert len(list(live.clio.document_versions(doc))) == 2  # nothing uploaded back
    live.assert_in_step(M)


def test_an_open_office_document_is_not_replaced(live: MirrorHarness) -> None:
    doc = live.doc_id(M, "Letter.docx")
    lock = live.folder(M) / "~$Letter.docx"
    lock.write_bytes(b"owner")
    live.clio_edit(doc, b"edited in Clio while open here")
    live.sync()
    assert (live.folder(M) / "Letter.docx").read_bytes() == b"v1"
    states = {v.rel_path: v for v in live.part.documents(M)}
    assert states["Letter.docx"].state is DocumentState.WAITING
    assert "open" in states["Letter.docx"].detail
    with running(live):
        lock.unlink()  # closed in Word: the watcher reports the folder, the download runs
        wait_for(lambda: (live.folder(M) / "Letter.docx").read_bytes()
                 == b"edited in Clio while open here")
    live.assert_in_step(M)


def test_commands_through_the_queue(live: MirrorHarness, tmp_path) -> None:  # type: ignore[no-untyped-def]
    outside = tmp_path / "Inbox" / "Scan.pdf"
    outside.parent.mkdir()
    outside.write_bytes(b"scan")
    import os

    os.utime(outside, (1_600_000_000, 1_600_000_000))
    with running(live):
        live.h.engine.submit(cmd.PushFiles(M, (str(outside),), "Scans"))
        wait_for(lambda: "Scans/Scan.pdf" in live.clio_by_path(M))
    live.assert_in_step(M)
