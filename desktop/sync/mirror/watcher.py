"""Watching the workspace for local changes.

A watchdog observer watches the workspace recursively; its thread only records paths. The
watcher's own thread waits until events have been quiet for ``quiet`` seconds (at most
``max_delay`` after the first one), then hands the callback one ``ChangeBatch``: "something
changed under these paths", each path once, none inside another.

Self-echo suppression: before the executor writes, moves or deletes a path it registers the
expected result in ``ExpectedWrites`` (a file with its size and mtime, a folder, or nothing).
When the batch is due, a path whose current state equals its expectation is dropped — exactly
the engine's own changes; a user's change made meanwhile differs and is delivered.

Ignored names are dropped, except Office lock files, which report their folder (a document
opened or closed there: waiting downloads may proceed). When inotify's watch limit is hit,
``start`` raises ``WatchLimitError`` saying how to raise ``fs.inotify.max_user_watches``.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from desktop.sync.mirror import names

log = logging.getLogger(__name__)

_SKIP_EVENTS = frozenset({"opened", "closed_no_write"})
_SKIP_DIR_EVENTS = frozenset({"modified", "attrib", "closed", "opened", "closed_no_write"})


def _norm(path: Path | str) -> str:
    return os.path.abspath(os.fspath(path))


@dataclass(frozen=True)
class _Expectation:
    kind: str  # "file", "dir", "absent"
    size: int
    mtime_ns: int
    until: float


class ExpectedWrites:
    """The engine's own pending changes, so the watcher can ignore their events. Thread-safe.

    An expectation lives ``ttl`` seconds; matching compares the path's *current* state, so a
    path the user changed after the engine is never suppressed."""

    def __init__(self, ttl: float = 30.0, clock: Callable[[], float] = time.monotonic) -> None:
        self._ttl, self._clock = ttl, clock
        self._lock = threading.Lock()
        self._items: dict[str, _Expectation] = {}

    def expect_file(self, path: Path | str, size: int, mtime_ns: int) -> None:
        """``path`` will be a file of ``size`` bytes with ``mtime_ns`` (e.g. a temp file's stat
        before the rename that puts it there)."""
        self._put(path, "file", size, mtime_ns)

    def expect_dir(self, path: Path | str) -> None:
        """``path`` will be a folder."""
        self._put(path, "dir", 0, 0)

    def expect_absent(self, path: Path | str) -> None:
        """``path`` will be gone (deleted, trashed, or moved away)."""
        self._put(path, "absent", 0, 0)

    def discard(self, path: Path | str) -> None:
        """Forget an expectation (the write was abandoned)."""
        with self._lock:
            self._items.pop(_norm(path), None)

    def matches(self, path: Path | str) -> bool:
        """The path's current state is one the engine announced (and not expired)."""
        key = _norm(path)
        with self._lock:
            self._expire()
            exp = self._items.get(key)
        if exp is None:
            return False
        try:
            st = os.lstat(key)
        except FileNotFoundError:
            return exp.kind == "absent"
        except OSError:
            return False
        if exp.kind == "dir":
            return os.path.isdir(key) and not os.path.islink(key)
        return exp.kind == "file" and (st.st_size, st.st_mtime_ns) == (exp.size, exp.mtime_ns)

    def __len__(self) -> int:
        with self._lock:
            self._expire()
            return len(self._items)

    def _put(self, path: Path | str, kind: str, size: int, mtime_ns: int) -> None:
        with self._lock:
            self._items[_norm(path)] = _Expectation(kind, size, mtime_ns,
                                                    self._clock() + self._ttl)

    def _expire(self) -> None:
        now = self._clock()
        for key in [k for k, e in self._items.items() if e.until < now]:
            del self._items[key]


@dataclass(frozen=True)
class ChangeBatch:
    """Absolute paths under which something changed (none inside another), and how many
    paths were dropped as the engine's own writes."""

    root: Path
    paths: frozenset[Path]
    suppressed: int = 0

    def relative(self) -> list[str]:
        """The paths relative to the root, POSIX-style, sorted (``""`` is the root itself)."""
        out = []
        for p in self.paths:
            rel = os.path.relpath(p, self.root)
            out.append("" if rel == "." else Path(rel).as_posix())
        return sorted(out)


class WatchLimitError(RuntimeError):
    """The OS refused more file watches (inotify's ``max_user_watches``/``max_user_instances``)."""


def watch_limit_message(code: int, root: Path) -> str:
    """What to tell the user when inotify runs out of watches (``ENOSPC``) or instances."""
    setting = "max_user_watches" if code == errno.ENOSPC else "max_user_instances"
    value = 524288 if code == errno.ENOSPC else 1024
    current = ""
    with contextlib.suppress(OSError):
        current = Path(f"/proc/sys/fs/inotify/{setting}").read_text().strip()
    now = f" (now {current})" if current else ""
    return (
        f"Cannot watch {root} for changes: the system's limit fs.inotify.{setting}{now} is "
        f"reached. Raise it with:\n"
        f"  echo fs.inotify.{setting}={value} | sudo tee /etc/sysctl.d/60-prolegis.conf\n"
        f"  sudo sysctl --system\n"
        f"Until then, changes are found by the periodic rescan (every 10 minutes)."
    )


class _Handler(FileSystemEventHandler):
    def __init__(self, root: str, note: Callable[[list[str]], None]) -> None:
        self._root = root.rstrip(os.sep) + os.sep
        self._note = note

    def on_any_event(self, event: FileSystemEvent) -> None:
        kind = event.event_type
        if kind in _SKIP_EVENTS or (event.is_directory and kind in _SKIP_DIR_EVENTS):
            return
        raw = [event.src_path, getattr(event, "dest_path", "")]
        found: list[str] = []
        for item in raw:
            path = os.fsdecode(item)
            if not path:
                continue
            name = os.path.basename(path)
            if names.is_ignored(name):
                if names.is_office_lock(name):
                    found.append(os.path.dirname(path))
                continue
            inner = path[len(self._root):] if path.startswith(self._root) else ""
            if any(names.is_ignored(part) for part in inner.split(os.sep)[:-1]):
                continue  # inside an ignored folder (e.g. ``.prolegis-…``)
            found.append(path)
        if found:
            self._note(found)


class Watcher:
    """Watch ``root`` recursively and call ``on_changes(ChangeBatch)`` on the watcher's thread.

    ``observer_factory`` builds the watchdog observer (the platform's default one)."""

    def __init__(
        self,
        root: Path,
        on_changes: Callable[[ChangeBatch], None],
        *,
        expected: ExpectedWrites | None = None,
        quiet: float = 1.0,
        max_delay: float = 10.0,
        observer_factory: Callable[[], Any] = Observer,
    ) -> None:
        self.root = Path(_norm(root))
        self.expected = expected if expected is not None else ExpectedWrites()
        self._on_changes, self._quiet, self._max_delay = on_changes, quiet, max_delay
        self._factory = observer_factory
        self._cond = threading.Condition()
        self._pending: set[str] = set()
        self._first = self._last = 0.0
        self._stopping = False
        self._observer: Any = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start watching; raises ``WatchLimitError`` when the OS refuses more watches."""
        observer = self._factory()
        try:
            observer.schedule(_Handler(str(self.root), self._note), str(self.root),
                              recursive=True)
            observer.start()
        except OSError as exc:
            if exc.errno in (errno.ENOSPC, errno.EMFILE):
                raise WatchLimitError(watch_limit_message(exc.errno, self.root)) from exc
            raise
        self._observer = observer
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="mirror-watcher", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop watching. Changes not yet delivered are dropped (the next rescan finds them)."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout)
            self._observer = None
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def __enter__(self) -> Watcher:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _note(self, paths: list[str]) -> None:
        now = time.monotonic()
        with self._cond:
            if not self._pending:
                self._first = now
            self._pending.update(paths)
            self._last = now
            self._cond.notify_all()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._stopping:
                    self._cond.wait()
                while not self._stopping:
                    now = time.monotonic()
                    left = min(self._last + self._quiet, self._first + self._max_delay) - now
                    if left <= 0:
                        break
                    self._cond.wait(left)
                if self._stopping:
                    return
                batch, self._pending = self._pending, set()
            self._deliver(batch)

    def _deliver(self, raw: set[str]) -> None:
        kept = sorted(p for p in raw if not self.expected.matches(p))
        minimal: list[str] = []
        for p in kept:  # sorted: a folder comes right before what is inside it
            if minimal and (p == minimal[-1] or p.startswith(minimal[-1].rstrip(os.sep) + os.sep)):
                continue
            minimal.append(p)
        if not minimal:
            return
        batch = ChangeBatch(self.root, frozenset(Path(p) for p in minimal), len(raw) - len(kept))
        try:
            self._on_changes(batch)
        except Exception:  # the watcher must survive a failing consumer
            log.exception("change callback failed")
