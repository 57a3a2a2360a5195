"""The watcher on real files: debounce, collapse, ignored names, self-echo, watch limits."""

from __future__ import annotations

import errno
import os
import queue
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.sync.mirror import localfs
from desktop.sync.mirror.watcher import (
    ChangeBatch,
    ExpectedWrites,
    Watcher,
    WatchLimitError,
)

QUIET = 0.3


class Inbox:
    def __init__(self) -> None:
        self.batches: queue.Queue[tuple[ChangeBatch, str, float]] = queue.Queue()

    def __call__(self, batch: ChangeBatch) -> None:
        self.batches.put((batch, threading.current_thread().name, time.monotonic()))

    def next(self, timeout: float = 5.0) -> ChangeBatch:
        return self.batches.get(timeout=timeout)[0]

    def none_within(self, seconds: float) -> bool:
        try:
            got = self.batches.get(timeout=seconds)
        except queue.Empty:
            return True
        raise AssertionError(f"unexpected batch: {got[0].relative()}")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "workspace"
    (root / "M-001").mkdir(parents=True)
    return root


@pytest.fixture
def watched(workspace: Path) -> Iterator[tuple[Watcher, Inbox]]:
    inbox = Inbox()
    watcher = Watcher(workspace, inbox, quiet=QUIET, max_delay=5.0)
    watcher.start()
    try:
        yield watcher, inbox
    finally:
        watcher.stop()


def test_a_burst_of_events_is_one_batch_after_a_quiet_second(
        workspace: Path, watched: tuple[Watcher, Inbox]) -> None:
    _, inbox = watched
    target = workspace / "M-001" / "Claim.pdf"
    for i in range(5):
        time.sleep(0.05)
        target.write_bytes(b"x" * i)
    last_write = time.monotonic()
    batch, thread, at = inbox.batches.get(timeout=5)
    assert batch.relative() == ["M-001/Claim.pdf"]
    assert at - last_write >= QUIET * 0.9
    assert thread == "mirror-watcher"
    assert inbox.none_within(QUIET * 2)


def test_paths_are_collapsed_under_a_new_folder(workspace: Path,
                                                watched: tuple[Watcher, Inbox]) -> None:
    _, inbox = watched
    sub = workspace / "M-001" / "Pleadings"
    sub.mkdir()
    for i in range(3):
        (sub / f"doc{i}.pdf").write_bytes(b"x")
    assert inbox.next().relative() == ["M-001/Pleadings"]


def test_several_files_are_one_batch(workspace: Path, watched: tuple[Watcher, Inbox]) -> None:
    _, inbox = watched
    (workspace / "M-001" / "a.pdf").write_bytes(b"a")
    (workspace / "M-001" / "b.pdf").write_bytes(b"b")
    assert inbox.next().relative() == ["M-001/a.pdf", "M-001/b.pdf"]


def test_moves_report_both_ends(workspace: Path, watched: tuple[Watcher, Inbox]) -> None:
    _, inbox = watched
    (workspace / "M-001" / "a.pdf").write_bytes(b"a")
    inbox.next()
    os.rename(workspace / "M-001" / "a.pdf", workspace / "M-001" / "b.pdf")
    assert inbox.next().relative() == ["M-001/a.pdf", "M-001/b.pdf"]


def test_ignored_names_are_dropped(workspace: Path, watched: tuple[Watcher, Inbox]) -> None:
    _, inbox = watched
    for name in ("x.tmp", ".DS_Store", "Thumbs.db", ".prolegis-partial-1-a.pdf"):
        (workspace / "M-001" / name).write_bytes(b"junk")
    (workspace / "M-001" / ".prolegis-cache").mkdir()
    (workspace / "M-001" / ".prolegis-cache" / "inside.pdf").write_bytes(b"x")
    assert inbox.none_within(QUIET * 3)


def test_an_office_lock_reports_its_folder(workspace: Path,
                                           watched: tuple[Watcher, Inbox]) -> None:
    _, inbox = watched
    (workspace / "M-001" / "~$aim.docx").write_bytes(b"lock")
    assert inbox.next().relative() == ["M-001"]


def test_the_engines_own_download_is_not_echoed(workspace: Path,
                                                watched: tuple[Watcher, Inbox]) -> None:
    watcher, inbox = watched
    target = workspace / "M-001" / "Claim.pdf"
    temp = localfs.new_temp_path(target)
    temp.write_bytes(b"downloaded from Clio")
    st = temp.stat()
    watcher.expected.expect_file(target, st.st_size, st.st_mtime_ns)
    localfs.atomic_write_from(temp, target)
    assert inbox.none_within(QUIET * 3)


def test_the_engines_own_move_and_delete_are_not_echoed(workspace: Path,
                                                        watched: tuple[Watcher, Inbox]) -> None:
    watcher, inbox = watched
    a, b, c = (workspace / "M-001" / n for n in ("a.pdf", "b.pdf", "c.pdf"))
    a.write_bytes(b"a")
    c.write_bytes(b"c")
    inbox.next()
    st = a.stat()
    watcher.expected.expect_absent(a)
    watcher.expected.expect_file(b, st.st_size, st.st_mtime_ns)
    os.rename(a, b)
    watcher.expected.expect_absent(c)
    c.unlink()
    new_dir = workspace / "M-001" / "Created"
    watcher.expected.expect_dir(new_dir)
    new_dir.mkdir()
    assert inbox.none_within(QUIET * 3)


def test_only_the_expected_write_is_dropped(workspace: Path,
                                            watched: tuple[Watcher, Inbox]) -> None:
    watcher, inbox = watched
    ours = workspace / "M-001" / "ours.pdf"
    temp = localfs.new_temp_path(ours)
    temp.write_bytes(b"ours")
    st = temp.stat()
    watcher.expected.expect_file(ours, st.st_size, st.st_mtime_ns)
    localfs.atomic_write_from(temp, ours)
    (workspace / "M-001" / "theirs.pdf").write_bytes(b"user's")
    batch = inbox.next()
    assert batch.relative() == ["M-001/theirs.pdf"] and batch.suppressed == 1


def test_a_user_edit_right_after_the_engines_write_is_delivered(
        workspace: Path, watched: tuple[Watcher, Inbox]) -> None:
    watcher, inbox = watched
    target = workspace / "M-001" / "Claim.pdf"
    temp = localfs.new_temp_path(target)
    temp.write_bytes(b"from Clio")
    st = temp.stat()
    watcher.expected.expect_file(target, st.st_size, st.st_mtime_ns)
    localfs.atomic_write_from(temp, target)
    with open(target, "ab") as f:  # the user saves over it at once
        f.write(b" + the user's edit")
    assert inbox.next().relative() == ["M-001/Claim.pdf"]


def test_a_failing_callback_does_not_stop_the_watcher(workspace: Path) -> None:
    calls: list[ChangeBatch] = []

    def flaky(batch: ChangeBatch) -> None:
        calls.append(batch)
        if len(calls) == 1:
            raise RuntimeError("consumer bug")

    with Watcher(workspace, flaky, quiet=QUIET):
        (workspace / "M-001" / "a.pdf").write_bytes(b"a")
        deadline = time.monotonic() + 5
        while not calls and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(QUIET)
        (workspace / "M-001" / "b.pdf").write_bytes(b"b")
        while len(calls) < 2 and time.monotonic() < deadline + 5:
            time.sleep(0.05)
    assert len(calls) == 2


def test_expectations_expire() -> None:
    now = [100.0]
    expected = ExpectedWrites(ttl=10, clock=lambda: now[0])
    expected.expect_absent("/nonexistent/for/sure")
    assert expected.matches("/nonexistent/for/sure") and len(expected) == 1
    now[0] = 111.0
    assert not expected.matches("/nonexistent/for/sure") and len(expected) == 0


def test_expectation_compares_the_current_state(tmp_path: Path) -> None:
    expected = ExpectedWrites()
    f = tmp_path / "a.pdf"
    f.write_bytes(b"abc")
    st = f.stat()
    expected.expect_file(f, st.st_size, st.st_mtime_ns)
    assert expected.matches(f)
    f.write_bytes(b"abcd")
    assert not expected.matches(f)
    expected.discard(f)
    assert len(expected) == 0
    expected.expect_dir(tmp_path)
    assert expected.matches(tmp_path)
    expected.expect_absent(f)
    assert not expected.matches(f)


class _RefusingObserver:
    """An observer whose inotify setup fails as the kernel does when the limit is reached."""

    def __init__(self, code: int) -> None:
        self.code = code

    def schedule(self, *args: Any, **kwargs: Any) -> None:
        pass

    def start(self) -> None:
        raise OSError(self.code, os.strerror(self.code))


def test_inotify_watch_limit_gives_a_clear_error(workspace: Path) -> None:
    watcher = Watcher(workspace, Inbox(), observer_factory=lambda: _RefusingObserver(
        errno.ENOSPC))
    with pytest.raises(WatchLimitError) as info:
        watcher.start()
    message = str(info.value)
    assert "fs.inotify.max_user_watches" in message and "sysctl" in message
    assert str(workspace) in message


def test_inotify_instance_limit_gives_a_clear_error(workspace: Path) -> None:
    watcher = Watcher(workspace, Inbox(), observer_factory=lambda: _RefusingObserver(
        errno.EMFILE))
    with pytest.raises(WatchLimitError, match="max_user_instances"):
        watcher.start()


def test_other_errors_pass_through(workspace: Path) -> None:
    watcher = Watcher(workspace, Inbox(), observer_factory=lambda: _RefusingObserver(
        errno.EACCES))
    with pytest.raises(PermissionError):
        watcher.start()
