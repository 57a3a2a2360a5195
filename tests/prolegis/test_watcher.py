"""The manifest watcher: real watchdog events from real writes, debounced into batches."""

from __future__ import annotations

import os
import queue
import shutil
import threading
import time
from collections.abc import Iterator

import pytest

from desktop.prolegis.builder import WorkspaceBuilder
from desktop.prolegis.diff import ActivityAdded, MatterChanged, RecordEvent
from desktop.prolegis.manifest import ManifestError, parse_manifest
from desktop.prolegis.records import Manifest
from desktop.prolegis.watcher import ManifestWatcher
from desktop.prolegis.workspace import ReadError, Workspace, WorkspaceMissingError

DEBOUNCE = 0.3
WAIT = 10.0


class CountingWorkspace(Workspace):
    """A real workspace that also counts how often it is read."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.loads = 0

    def load(self) -> Manifest:
        self.loads += 1
        return super().load()


class Recorder:
    """Collects what the watcher reports, and on which thread."""

    def __init__(self) -> None:
        self.batches: queue.Queue[list[RecordEvent]] = queue.Queue()
        self.errors: queue.Queue[ReadError] = queue.Queue()
        self.threads: set[str] = set()

    def on_events(self, events: list[RecordEvent]) -> None:
        self.threads.add(threading.current_thread().name)
        self.batches.put(events)

    def on_error(self, error: ReadError) -> None:
        self.threads.add(threading.current_thread().name)
        self.errors.put(error)

    def batch(self) -> list[RecordEvent]:
        return self.batches.get(timeout=WAIT)

    def error(self) -> ReadError:
        return self.errors.get(timeout=WAIT)

    def quiet(self, seconds: float = DEBOUNCE * 3) -> bool:
        """Nothing more arrives for a while."""
        time.sleep(seconds)
        return self.batches.empty() and self.errors.empty()


@pytest.fixture
def firm(workspace: WorkspaceBuilder) -> WorkspaceBuilder:
    workspace.add_client("Ada", "Lovelace", id="c-1001")
    workspace.add_matter("Purchase of 12 Elm St", number="2024-0012", client_ids=["c-1001"])
    workspace.write()
    return workspace


@pytest.fixture
def watched(firm: WorkspaceBuilder) -> Iterator[tuple[ManifestWatcher, Recorder]]:
    ws = CountingWorkspace(firm.root, retries=3, retry_delay=0.05)
    rec = Recorder()
    watcher = ManifestWatcher(ws, rec.on_events, rec.on_error, debounce=DEBOUNCE)
    watcher.start()
    first = rec.batch()  # the initial read: everything is new to this watcher
    assert [type(e).__name__ for e in first] == ["ClientAdded", "MatterAdded"]
    yield watcher, rec
    watcher.stop()


def test_callbacks_run_on_the_watchers_own_thread(
    watched: tuple[ManifestWatcher, Recorder],
) -> None:
    assert watched[1].threads == {"prolegis-manifest-watcher"}


def test_an_atomic_replace_is_picked_up(
    watched: tuple[ManifestWatcher, Recorder], firm: WorkspaceBuilder
) -> None:
    _, rec = watched
    firm.update_matter("m-2024-0012", status="closed")
    firm.write()  # temp file + rename over prolegis.json
    (event,) = rec.batch()
    assert isinstance(event, MatterChanged) and event.new.status == "closed"
    assert rec.quiet()
    assert [p.name for p in firm.root.iterdir()] == ["prolegis.json"]


def test_an_in_place_rewrite_is_picked_up(
    watched: tuple[ManifestWatcher, Recorder], firm: WorkspaceBuilder
) -> None:
    _, rec = watched
    firm.add_activity("m-2024-0012", hours="0.5", id="a-1")
    firm.write(atomic=False)
    (event,) = rec.batch()
    assert isinstance(event, ActivityAdded) and event.record_id == "a-1"


def test_a_burst_of_writes_is_one_batch(
    watched: tuple[ManifestWatcher, Recorder], firm: WorkspaceBuilder
) -> None:
    watcher, rec = watched
    for i in range(6):
        firm.add_activity("m-2024-0012", hours="0.1", id=f"a-{i}")
        firm.write(atomic=i % 2 == 0)
        time.sleep(DEBOUNCE / 10)
    batch = rec.batch()
    assert [e.record_id for e in batch] == [f"a-{i}" for i in range(6)]
    assert rec.quiet()
    assert watcher.workspace.current is not None
    assert len(watcher.workspace.current.activities) == 6


def test_a_bad_write_reports_an_error_and_the_fix_reports_the_net_change(
    watched: tuple[ManifestWatcher, Recorder], firm: WorkspaceBuilder
) -> None:
    watcher, rec = watched
    good = watcher.workspace.current
    data = firm.to_dict()
    data["matters"][0]["status"] = "archived"
    firm.write(data)
    error = rec.error()
    assert isinstance(error, ManifestError) and error.json_path == "$.matters[0].status"
    assert watcher.workspace.current is good
    firm.update_matter("m-2024-0012", status="pending")
    firm.write()
    (event,) = rec.batch()
    assert isinstance(event, MatterChanged) and event.old.status == "open"


def test_a_deleted_manifest_is_an_error_not_removals(
    watched: tuple[ManifestWatcher, Recorder], firm: WorkspaceBuilder
) -> None:
    watcher, rec = watched
    firm.manifest_path.unlink()
    assert isinstance(rec.error(), WorkspaceMissingError)
    assert rec.batches.empty()
    assert watcher.workspace.current is not None and len(watcher.workspace.current.matters) == 1
    firm.write()
    assert rec.quiet()  # back as it was: nothing changed


def test_a_deleted_workspace_is_an_error_and_is_watched_again_when_back(
    watched: tuple[ManifestWatcher, Recorder], firm: WorkspaceBuilder
) -> None:
    watcher, rec = watched
    shutil.rmtree(firm.root)
    error = rec.error()
    assert isinstance(error, WorkspaceMissingError) and "missing" in error.message
    firm.root.mkdir()
    firm.update_matter("m-2024-0012", title="Purchase of 12 Elm Street")
    firm.write()
    assert rec.batches.empty()
    events = watcher.poll()  # the periodic check notices the return and watches again
    assert [type(e) for e in events] == [MatterChanged]
    assert rec.batch() == events
    firm.update_matter("m-2024-0012", status="closed")
    firm.write()
    (event,) = rec.batch()
    assert isinstance(event, MatterChanged) and event.new.status == "closed"


def test_writes_in_matter_folders_are_not_the_watchers_business(
    watched: tuple[ManifestWatcher, Recorder], firm: WorkspaceBuilder
) -> None:
    watcher, rec = watched
    assert isinstance(watcher.workspace, CountingWorkspace)
    before = watcher.workspace.loads
    firm.add_document("m-2024-0012", "Statement of Adjustments.docx")
    (firm.root / "notes.txt").write_text("not the manifest", encoding="utf-8")
    os.utime(firm.root)
    assert rec.quiet()
    assert watcher.workspace.loads == before


def test_a_failing_callback_does_not_stop_the_watcher(firm: WorkspaceBuilder) -> None:
    rec = Recorder()
    calls = 0

    def explode(events: list[RecordEvent]) -> None:
        nonlocal calls
        calls += 1
        rec.on_events(events)
        raise RuntimeError("subscriber bug")

    watcher = ManifestWatcher(Workspace(firm.root), explode, rec.on_error, debounce=DEBOUNCE)
    watcher.start()
    try:
        rec.batch()
        firm.update_matter("m-2024-0012", status="closed")
        firm.write()
        rec.batch()
        assert calls == 2 and watcher.running
    finally:
        watcher.stop()


def test_poll_without_start_reads_in_the_callers_thread(firm: WorkspaceBuilder) -> None:
    rec = Recorder()
    watcher = ManifestWatcher(Workspace(firm.root), rec.on_events, rec.on_error)
    events = watcher.poll()
    assert [e.record_id for e in events] == ["c-1001", "m-2024-0012"]
    assert rec.threads == {threading.current_thread().name}
    assert watcher.poll() == []  # nothing changed since
    firm.manifest_path.write_bytes(b"{")
    assert watcher.poll() == []
    assert isinstance(rec.error(), ManifestError)


def test_the_first_batch_is_relative_to_what_the_workspace_already_read(
    firm: WorkspaceBuilder,
) -> None:
    ws = Workspace(firm.root)
    ws.load()
    rec = Recorder()
    watcher = ManifestWatcher(ws, rec.on_events, rec.on_error, debounce=DEBOUNCE)
    watcher.start()
    try:
        assert rec.quiet()
        firm.update_client("c-1001", first_name="Augusta Ada")
        firm.write()
        assert [type(e).__name__ for e in rec.batch()] == ["ClientChanged"]
    finally:
        watcher.stop()


def test_stop_ends_the_threads_and_the_reports(firm: WorkspaceBuilder) -> None:
    rec = Recorder()
    watcher = ManifestWatcher(Workspace(firm.root), rec.on_events, rec.on_error, DEBOUNCE)
    watcher.start()
    rec.batch()
    watcher.stop()
    assert not watcher.running
    assert not any(t.name == "prolegis-manifest-watcher" for t in threading.enumerate())
    firm.update_matter("m-2024-0012", status="closed")
    firm.write()
    assert rec.quiet()
    watcher.stop()  # idempotent
    assert parse_manifest(firm.manifest_path.read_bytes()).matters[0].status == "closed"
