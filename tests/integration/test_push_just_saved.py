"""``push`` of a file saved a moment ago, end to end against the sandbox with a real folder: it
waits for the file to be written and it ends up in Clio — or, when it is still being written,
``push`` says it is queued, never that it is in Clio, and the next pass sends it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.cli.push_check import WAIT_LIMIT
from desktop.sandbox import Sandbox
from tests.support.harness_fixtures import HarnessFactory
from tests.support.mirror_harness import MirrorHarness, settle

M = "m-1"


@pytest.fixture
def mh(sandbox: Sandbox, harness_factory: HarnessFactory) -> MirrorHarness:
    h = MirrorHarness(harness_factory(sandbox, records=False))
    h.new_matter(M)
    h.sync()
    return h


def push(mh: MirrorHarness, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--home", str(mh.h.base / "home"), "push", M, *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@contextmanager
def still_writing(path: Path, seconds: float = 120.0) -> Iterator[list[bytes]]:
    """Append to ``path`` every 0.2 s (a long save) until the block ends (or ``seconds``);
    yields what was written."""
    written: list[bytes] = []
    stop = threading.Event()

    def write() -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not stop.is_set():
            chunk = f"line {len(written)}\n".encode()
            with path.open("ab") as f:
                f.write(chunk)
            written.append(chunk)
            time.sleep(0.2)

    path.write_bytes(b"")
    writer = threading.Thread(target=write, name="writer")
    writer.start()
    try:
        yield written
    finally:
        stop.set()
        writer.join()


def test_a_file_saved_just_before_push_ends_up_in_clio(
    mh: MirrorHarness, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    scan = tmp_path / "Scanned deed.pdf"
    scan.write_bytes(b"%PDF-1.4 the deed")  # saved this instant
    code, out = push(mh, capsys, str(scan), "--to", "Scans")
    assert code == 0, out
    assert "Waiting for Scanned deed.pdf to finish being written" in out
    assert "in Clio: Scans/Scanned deed.pdf" in out and "not in Clio" not in out
    assert mh.clio_by_path(M) == {"Scans/Scanned deed.pdf": b"%PDF-1.4 the deed"}


def test_a_file_of_the_matter_folder_saved_just_now_ends_up_in_clio(
    mh: MirrorHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    letter = mh.folder(M) / "Letter.docx"
    letter.parent.mkdir(parents=True, exist_ok=True)
    letter.write_bytes(b"Dear Ada")
    code, out = push(mh, capsys, str(letter))
    assert code == 0, out
    assert "queued: Letter.docx" in out and "in Clio: Letter.docx" in out
    assert mh.clio_by_path(M) == {"Letter.docx": b"Dear Ada"}
    assert mh.store.documents.pushes(M) == {}


def test_a_file_still_being_written_is_said_queued_and_goes_on_the_next_pass(
    mh: MirrorHarness, capsys: pytest.CaptureFixture[str]
) -> None:
    report = mh.folder(M) / "Report.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    with still_writing(report) as written:
        code, out = push(mh, capsys, str(report))
    assert code == 0, out
    assert f"up to {WAIT_LIMIT:g} s" in out
    assert "in Clio:" not in out
    assert "not in Clio yet: Report.txt (the file is still being written)" in out
    assert "stays queued" in out
    assert mh.clio_by_path(M) == {}
    assert mh.store.documents.pushes(M) == {M: {"Report.txt"}}
    settle(report)
    mh.sync()  # the next pass sends it, as it is now
    assert mh.clio_by_path(M) == {"Report.txt": b"".join(written)}
    assert mh.store.documents.pushes(M) == {}


def test_an_outside_file_still_being_written_is_refused_and_nothing_is_copied(
    mh: MirrorHarness, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "Export.csv"
    with still_writing(export):
        code, out = push(mh, capsys, str(export))
    assert code == 1
    assert "still being written; nothing was pushed" in out
    assert mh.local_state(M) == {} and mh.clio_by_path(M) == {}
    assert mh.store.documents.pushes(M) == {}
