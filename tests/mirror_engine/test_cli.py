"""The headless commands: ``push``, ``conflicts [--json]``, ``conflicts resolve``,
``deletions list|restore`` — acting directly, or queued for a running instance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.instance_lock import InstanceLock
from tests.support.mirror_harness import MirrorHarness, settle

M = "m-1"


def cli(mh: MirrorHarness, *args: str) -> int:
    return main(["--home", str(mh.h.base / "home"), *args])


def out_json(capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


@pytest.fixture
def conflicted(mh: MirrorHarness) -> MirrorHarness:
    mh.new_matter(M)
    for name in ("A.docx", "B.docx"):
        mh.write(M, name, b"base")
    mh.sync()
    for name in ("A.docx", "B.docx"):
        mh.clio_edit(mh.doc_id(M, name), b"theirs")
        mh.write(M, name, b"mine, longer")
    mh.sync(expect=3)
    return mh


def test_push_copies_and_uploads(mh: MirrorHarness, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    mh.new_matter(M)
    mh.sync()
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"scanned")
    settle(scan)
    assert cli(mh, "push", M, str(scan), "--to", "Scans") == 0
    assert "queued: Scans/scan.pdf" in capsys.readouterr().out
    assert mh.clio_by_path(M) == {"Scans/scan.pdf": b"scanned"}
    assert cli(mh, "push", "m-404", str(scan)) == 1
    assert cli(mh, "push", M, str(tmp_path / "missing.pdf")) == 1


def test_conflicts_json_and_resolve(conflicted: MirrorHarness,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    mh = conflicted
    capsys.readouterr()
    assert cli(mh, "conflicts", "--json") == 0
    payload = out_json(capsys)
    assert payload["schema"] == "prolegis-desktop/conflicts/1"
    items = payload["conflicts"]
    assert isinstance(items, list) and [c["path"] for c in items] == ["A.docx", "B.docx"]
    first = items[0]
    assert first["local"]["size"] == len(b"mine, longer") and first["matter_id"] == M
    assert cli(mh, "conflicts", "resolve", str(first["id"]), "--keep", "local") == 3  # B waits
    assert mh.admin.document_bytes(mh.doc_id(M, "A.docx")) == b"mine, longer"
    assert cli(mh, "conflicts", "resolve", "--all", "--keep", "clio") == 0
    capsys.readouterr()
    assert cli(mh, "conflicts") == 0
    assert "No version conflicts." in capsys.readouterr().out
    mh.assert_in_step(M)


def test_resolve_usage_errors(conflicted: MirrorHarness) -> None:
    assert cli(conflicted, "conflicts", "resolve", "--keep", "local") == 2
    assert cli(conflicted, "conflicts", "resolve", "1", "--all", "--keep", "local") == 2
    assert cli(conflicted, "conflicts", "resolve", "999", "--keep", "local") == 1
    assert cli(conflicted, "conflicts", "resolve", "1", "--keep", "mine") == 2


def test_resolution_is_queued_for_a_running_instance(
        conflicted: MirrorHarness, capsys: pytest.CaptureFixture[str]) -> None:
    mh = conflicted
    lock = InstanceLock(mh.h.paths.lock_file, "sync").acquire()
    try:
        assert cli(mh, "conflicts", "resolve", "--all", "--keep", "local") == 0
        assert "queued" in capsys.readouterr().out
        assert len(mh.store.documents.conflicts(M)) == 2  # not applied by the command
    finally:
        lock.release()
    mh.sync()  # the running instance's next pass applies it
    assert mh.store.documents.conflicts(M) == []
    assert set(mh.clio_by_path(M).values()) == {b"mine, longer"}


def test_deletions_list_and_restore(mh: MirrorHarness,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    mh.new_matter(M)
    for i in range(10):
        mh.write(M, f"f{i}.pdf", f"{i}")
    mh.sync()
    for i in range(10):
        (mh.folder(M) / f"f{i}.pdf").unlink()
    mh.sync(expect=4)
    capsys.readouterr()
    assert cli(mh, "deletions", "list", "--json") == 0
    payload = out_json(capsys)
    assert payload["schema"] == "prolegis-desktop/deletions/1"
    held = payload["deletions"]
    assert isinstance(held, list) and len(held) == 10 and held[0]["side"] == "clio"
    assert cli(mh, "deletions", "restore", M) == 0
    assert len(mh.local_state(M)) == 10
    capsys.readouterr()
    assert cli(mh, "deletions", "list") == 0
    assert "No deletions are held." in capsys.readouterr().out
    assert cli(mh, "deletions", "restore", "m-404") == 1



def test_status_shows_the_mirror(conflicted: MirrorHarness,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert cli(conflicted, "status", "--json") == 0
    payload = out_json(capsys)
    (matter,) = payload["matters"]  # type: ignore[misc]
    assert matter["documents"] == 2 and matter["conflicts"] == 2
    assert [c["rel_path"] for c in payload["conflicts"]] == ["A.docx", "B.docx"]  # type: ignore[index, union-attr]
