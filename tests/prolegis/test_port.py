"""``ProlegisPort`` over a local workspace: what the engine sees."""

from __future__ import annotations

import queue

from desktop.prolegis.builder import WorkspaceBuilder
from desktop.prolegis.diff import MatterAdded, RecordEvent
from desktop.prolegis.manifest import ManifestError
from desktop.prolegis.port import ProlegisPort, WorkspacePort
from desktop.prolegis.workspace import ReadError


def test_the_workspace_port_is_a_prolegis_port(workspace: WorkspaceBuilder) -> None:
    port: ProlegisPort = WorkspacePort(workspace.root)  # checked by mypy too
    assert isinstance(port, ProlegisPort)
    assert port.root == workspace.root.absolute()


def test_refresh_fans_events_out_and_unsubscribe_stops_them(workspace: WorkspaceBuilder) -> None:
    matter = workspace.add_matter("Purchase of 12 Elm St", number="2024-0012")
    workspace.write()
    port = WorkspacePort(workspace.root)
    first: list[list[RecordEvent]] = []
    second: list[list[RecordEvent]] = []
    errors: list[ReadError] = []
    port.subscribe(first.append, errors.append)
    stop_second = port.subscribe(second.append)
    events = port.refresh()
    assert [type(e) for e in events] == [MatterAdded]
    assert first == [events] and second == [events]
    assert port.current is not None and port.current.matters == (matter,)
    assert port.matter_folder(matter) == port.root / "2024-0012 Purchase of 12 Elm St"

    stop_second()
    workspace.update_matter(matter.id, status="closed")
    workspace.write()
    port.refresh()
    assert len(first) == 2 and len(second) == 1

    workspace.manifest_path.write_text("{", encoding="utf-8")
    assert port.refresh() == []
    assert isinstance(port.last_error, ManifestError) and errors == [port.last_error]
    assert port.current is not None and port.current.matters[0].status == "closed"


def test_start_and_stop_watch_for_changes(workspace: WorkspaceBuilder) -> None:
    port = WorkspacePort(workspace.root, debounce=0.2)
    batches: queue.Queue[list[RecordEvent]] = queue.Queue()
    port.subscribe(batches.put)
    port.start()
    try:
        workspace.add_client(company="Prairie Holdings Ltd.", id="c-1002")
        workspace.write()
        batch = batches.get(timeout=10)
        assert [e.record_id for e in batch] == ["c-1002"]
    finally:
        port.stop()
