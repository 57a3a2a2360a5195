"""Reading the workspace: whole and atomic, retrying half-written files, keeping the last good
manifest in force, and never mistaking a missing workspace for deleted records."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from desktop.prolegis.builder import WorkspaceBuilder
from desktop.prolegis.manifest import ManifestError
from desktop.prolegis.workspace import (
    FolderOutsideWorkspaceError,
    Workspace,
    WorkspaceMissingError,
)
from tests.prolegis.example import EXAMPLE_JSON


@pytest.fixture
def ws(workspace: WorkspaceBuilder) -> Workspace:
    workspace.manifest_path.write_text(EXAMPLE_JSON, encoding="utf-8")
    return Workspace(workspace.root, retries=3, retry_delay=0.02)


def test_load_reads_the_manifest_and_keeps_it(ws: Workspace) -> None:
    assert ws.current is None and ws.last_error is None
    m = ws.load()
    assert ws.current is m and ws.last_error is None
    assert [c.id for c in m.clients] == ["c-1001", "c-1002"]
    assert ws.root.is_absolute() and ws.manifest_path == ws.root / "prolegis.json"


def test_a_bad_manifest_keeps_the_last_good_one(ws: Workspace) -> None:
    good = ws.load()
    ws.manifest_path.write_text(EXAMPLE_JSON.replace('"open"', '"archived"'), encoding="utf-8")
    with pytest.raises(ManifestError) as info:
        ws.load()
    assert ws.current is good
    assert ws.last_error is info.value
    assert info.value.json_path == "$.matters[0].status"
    ws.manifest_path.write_text(EXAMPLE_JSON.replace('"open"', '"closed"'), encoding="utf-8")
    fixed = ws.load()
    assert ws.current is fixed and ws.last_error is None
    assert fixed.matters[0].status == "closed"


def test_a_missing_root_is_not_an_empty_workspace(ws: Workspace) -> None:
    good = ws.load()
    shutil.rmtree(ws.root)
    with pytest.raises(WorkspaceMissingError) as info:
        ws.load()
    assert "workspace folder is missing" in info.value.message
    assert info.value.path == ws.root
    assert ws.current is good  # the records are unknown, not deleted
    assert ws.last_error is info.value


def test_a_missing_manifest_is_not_an_empty_workspace(ws: Workspace) -> None:
    good = ws.load()
    ws.manifest_path.unlink()
    with pytest.raises(WorkspaceMissingError) as info:
        ws.load()
    assert "no prolegis.json" in info.value.message
    assert ws.current is good


def test_a_manifest_that_is_a_folder(ws: Workspace) -> None:
    ws.manifest_path.unlink()
    ws.manifest_path.mkdir()
    with pytest.raises(WorkspaceMissingError) as info:
        ws.load()
    assert "is a folder" in info.value.message


def test_a_manifest_that_reappears_during_the_retries_is_read(ws: Workspace) -> None:
    """A writer that deletes then renames leaves a short gap; the read waits it out."""
    ws.retries, ws.retry_delay = 20, 0.02
    data = ws.manifest_path.read_bytes()
    ws.manifest_path.unlink()
    writer = threading.Timer(0.1, ws.manifest_path.write_bytes, args=(data,))
    writer.start()
    try:
        assert len(ws.load().matters) == 1
    finally:
        writer.join()


def test_a_half_written_manifest_is_read_again_until_complete(ws: Workspace) -> None:
    ws.retries, ws.retry_delay = 40, 0.02
    data = EXAMPLE_JSON.encode()
    done = threading.Event()

    def slow_writer() -> None:
        with open(ws.manifest_path, "wb") as fh:
            for start in range(0, len(data), 200):
                fh.write(data[start : start + 200])
                fh.flush()
                time.sleep(0.03)
        done.set()

    ws.manifest_path.write_bytes(data[: len(data) // 3])
    thread = threading.Thread(target=slow_writer)
    thread.start()
    try:
        m = ws.load()
    finally:
        thread.join()
    assert done.is_set()
    assert [a.id for a in m.activities] == ["a-5001", "a-5002"]


def test_a_truncated_manifest_that_stays_truncated_is_an_error(ws: Workspace) -> None:
    good = ws.load()
    ws.manifest_path.write_bytes(EXAMPLE_JSON.encode()[:300])
    with pytest.raises(ManifestError) as info:
        ws.load()
    assert info.value.json_path == "$" and "half-written" in info.value.message
    assert ws.current is good


def test_an_empty_manifest_is_an_error_not_an_empty_workspace(ws: Workspace) -> None:
    good = ws.load()
    ws.manifest_path.write_bytes(b"")
    with pytest.raises(ManifestError):
        ws.load()
    assert ws.current is good


def test_matter_folder_is_absolute_and_inside_the_root(ws: Workspace) -> None:
    m = ws.load()
    path = ws.matter_folder(m.matters[0])
    assert path == ws.root / "2024-0012 Purchase of 12 Elm St"
    assert path.is_absolute() and not path.exists()


def test_matter_folder_with_sub_folders(workspace: WorkspaceBuilder) -> None:
    workspace.add_client("Ada", "Lovelace")
    matter = workspace.add_matter("Estate of R. Okafor", folder="Estates/2025-0107 Okafor")
    workspace.write()
    ws = Workspace(workspace.root)
    ws.load()
    assert ws.matter_folder(matter) == ws.root / "Estates" / "2025-0107 Okafor"


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_matter_folder_refuses_a_link_leading_outside(
    workspace: WorkspaceBuilder, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    matter = workspace.add_matter("Purchase of 12 Elm St", folder="Elm")
    inner = workspace.add_matter("Sale of 88 Bay Rd", folder="Bay/Docs")
    workspace.write()
    (workspace.root / "Elm").symlink_to(outside, target_is_directory=True)
    (workspace.root / "Bay").symlink_to(workspace.root / "Shared", target_is_directory=True)
    ws = Workspace(workspace.root)
    with pytest.raises(FolderOutsideWorkspaceError) as info:
        ws.matter_folder(matter)
    assert "leads outside the workspace" in str(info.value)
    assert ws.matter_folder(inner) == ws.root / "Bay" / "Docs"  # a link within is fine


def test_loads_from_several_threads_agree(ws: Workspace) -> None:
    results: list[object] = []

    def read() -> None:
        results.append(ws.load())

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r == results[0] for r in results)
