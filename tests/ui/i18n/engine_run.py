"""A short run of the real engine against the sandbox, for the language tests: a client linked
to a Clio contact, a new matter created in Clio, a document uploaded and one downloaded, a time
entry and an expense pushed, the matter's status carried to Clio, a version conflict and a
matter waiting for a client. What it leaves is the activity log lines and the notifications
the engine wrote — with their templates — as the GUI receives them."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.sandbox import Sandbox
from desktop.sync import commands as cmd
from desktop.sync.events import HistoryAdded, Notice
from desktop.sync.views import ActivityLogEntry
from tests.support.harness import SyncHarness
from tests.support.harness_fixtures import HarnessFactory

DAY = date(2026, 11, 20)


@dataclass(frozen=True)
class EngineRun:
    entries: tuple[ActivityLogEntry, ...]  # oldest first, as HistoryAdded carries them
    notices: tuple[Notice, ...]
    stored: tuple[ActivityLogEntry, ...]  # the same lines read back from the history table


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    past = time.time() - 30  # settled: not a file still being written
    os.utime(path, (past, past))


def _sync(h: SyncHarness) -> None:
    report = h.sync_once()
    assert report.exit_code in (0, 3, 5), report.lines()  # a conflict, a matter waiting


def run_engine(sandbox: Sandbox, harness_factory: HarnessFactory) -> EngineRun:
    """Drive the engine through the everyday lines of the activity log (see the docstring)."""
    h = harness_factory(sandbox)
    admin = sandbox.admin
    contact = admin.create_contact("Person", first_name="Ada", last_name="Lovelace")
    b = h.builder
    b.add_client("Ada", "Lovelace", id="c-1")
    b.add_client("Marc-André", "Gagnon", id="c-2")
    b.write()
    _sync(h)
    h.engine.submit(cmd.LinkClient("c-1", contact_id=contact))
    h.engine.checkpoint()
    b.add_matter("Purchase of 12 Elm St", id="m-1", number="2025-0001", client_ids=["c-1"])
    b.add_matter("Estate of Roy Tremblay", id="m-2", number="2025-0002", client_ids=["c-2"])
    b.write()
    _sync(h)  # m-1 created in Clio; m-2 waits for a linked client
    folder = b.matter_path("m-1")
    _write(folder / "Letter to lender.docx", b"letter v1")
    _write(folder / "Searches" / "Title search.pdf", b"%PDF title")
    b.add_activity("m-1", id="a-1", hours="1.5", rate="350", date=DAY, note="Review title search")
    b.add_activity(
        "m-1",
        id="a-2",
        kind="expense",
        amount="1245.20",
        category="Courier",
        date=DAY,
        note="Courier to lender",
    )
    b.write()
    _sync(h)
    link = h.services.store.matter_links.get("m-1")
    assert link is not None
    root = int(admin.matter_folder_id(link.clio_matter_id))
    admin.upload_document(
        name="Statement of Adjustments.pdf",
        data=b"%PDF soa",
        folder_id=root,
        content_type="application/pdf",
    )
    b.update_matter("m-1", status="closed")
    b.write()
    _sync(h)
    # a version conflict: the letter changed here and in Clio since the last sync
    row = h.services.store.documents.row("m-1", "Letter to lender.docx")
    assert row is not None and row.base.doc_id is not None
    admin.upload_document(
        name="",
        data=b"letter from Clio",
        document_id=row.base.doc_id,
        content_type="application/octet-stream",
    )
    _write(folder / "Letter to lender.docx", b"letter v2, here")
    _sync(h)
    added = [e for event in h.events_of(HistoryAdded) for e in event.entries]
    stored = list(reversed(h.services.store.history.recent(500)))
    by_id = {e.id: e for e in added}
    back = tuple(
        ActivityLogEntry(
            s.id,
            s.at,
            s.kind,
            s.result,
            s.matter_id,
            by_id[s.id].matter_label,
            s.message,
            s.detail,
            s.template,
            s.params,
            s.detail_template,
            s.detail_params,
        )
        for s in stored
    )
    return EngineRun(tuple(added), tuple(h.events_of(Notice)), back)
