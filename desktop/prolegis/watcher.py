"""Watch ``prolegis.json`` and report its changes as record events.

:class:`ManifestWatcher` watches the workspace root (not recursively: matter folders are watched
by the document mirror) with watchdog, reacts to any write, creation, deletion or rename onto
the manifest (writers that replace it atomically by renaming a temp file included), waits until
the file has been quiet for ``debounce`` seconds, re-reads it and calls ``on_events`` with the
difference from the previous good version, or ``on_error`` if it cannot be read.

Threads: watchdog's observer thread only notes that something happened; the reading and **both
callbacks run on the watcher's own thread** ("prolegis-manifest-watcher"), one batch at a time,
never two at once. ``poll()`` reads in the calling thread and calls the callbacks there (still
serialized with the watcher's own checks). Callbacks must not block for long; an exception in a
callback is logged and does not stop the watcher.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from desktop.prolegis.diff import RecordEvent, diff_manifests
from desktop.prolegis.manifest import ManifestError
from desktop.prolegis.records import Manifest
from desktop.prolegis.workspace import ReadError, Workspace, WorkspaceMissingError

log = logging.getLogger(__name__)

EventsCallback = Callable[[list[RecordEvent]], None]
ErrorCallback = Callable[[ReadError], None]

_RELEVANT = frozenset({"created", "modified", "moved", "deleted", "closed"})
_GONE = frozenset({"moved", "deleted"})  # of the root itself


class _Handler(FileSystemEventHandler):
    """Runs on watchdog's thread: filters events and pokes the watcher, nothing more."""

    def __init__(self, watcher: ManifestWatcher) -> None:
        self._watcher = watcher
        self._manifest = os.path.normcase(str(watcher.workspace.manifest_path))
        self._root = os.path.normcase(str(watcher.workspace.root))

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in _RELEVANT:
            return
        for raw in (event.src_path, event.dest_path):
            if not raw:
                continue
            path = os.path.normcase(os.path.abspath(os.fsdecode(raw)))
            if path == self._manifest or (path == self._root and event.event_type in _GONE):
                self._watcher.notify()
                return


class ManifestWatcher:
    """Debounced watcher of one workspace's manifest (see the module docstring for threads).

    The first batch is the difference from ``workspace.current`` at construction (all records
    as added if nothing was read yet).
    """

    def __init__(
        self,
        workspace: Workspace,
        on_events: EventsCallback,
        on_error: ErrorCallback,
        debounce: float = 0.5,
    ) -> None:
        self.workspace = workspace
        self.on_events = on_events
        self.on_error = on_error
        self.debounce = debounce
        self._base: Manifest | None = workspace.current
        self._check_lock = threading.RLock()
        self._cond = threading.Condition()
        self._deadline: float | None = None
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._observer: BaseObserver | None = None
        self._watching = False

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Start watching; an immediate check reports the current state of the file."""
        if self.running:
            return
        self._stopping = False
        self._observer = Observer()
        self._observer.daemon = True
        self._observer.start()
        self._thread = threading.Thread(
            target=self._run, name="prolegis-manifest-watcher", daemon=True
        )
        self._thread.start()
        with self._cond:
            self._deadline = time.monotonic()
            self._cond.notify()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop watching and wait for the threads to end; a pending debounced check is dropped."""
        with self._cond:
            self._stopping = True
            self._deadline = None
            self._cond.notify()
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout)
            self._observer = None
            self._watching = False
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
        self._thread = None

    def notify(self) -> None:
        """Something touched the manifest: check it once it has been quiet for ``debounce``."""
        with self._cond:
            self._deadline = time.monotonic() + self.debounce
            self._cond.notify()

    def poll(self) -> list[RecordEvent]:
        """Re-read the manifest now (the periodic check), call the callbacks in this thread and
        return the events (empty when nothing changed or the read failed)."""
        return self._check()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopping and self._deadline is None:
                    self._cond.wait()
                if self._stopping:
                    return
                assert self._deadline is not None
                wait = self._deadline - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                self._deadline = None
            self._check()

    def _ensure_watch(self) -> None:
        """(Re)attach the watchdog watch on the root once it exists."""
        observer = self._observer
        if observer is None or self._watching:
            return
        try:
            observer.schedule(_Handler(self), str(self.workspace.root), recursive=False)
        except OSError as exc:
            log.debug("cannot watch %s yet: %s", self.workspace.root, exc)
            return
        self._watching = True

    def _check(self) -> list[RecordEvent]:
        with self._check_lock:
            try:
                self._ensure_watch()
                new = self.workspace.load()
            except (ManifestError, WorkspaceMissingError) as exc:
                if isinstance(exc, WorkspaceMissingError) and not self.workspace.root.is_dir():
                    self._drop_watch()
                self._call(self.on_error, exc)
                return []
            events = diff_manifests(self._base, new)
            self._base = new
            if events:
                self._call(self.on_events, events)
            return events

    def _drop_watch(self) -> None:
        if self._observer is not None and self._watching:
            self._observer.unschedule_all()
            self._watching = False

    @staticmethod
    def _call(callback: Callable[[Any], None], arg: object) -> None:
        try:
            callback(arg)
        except Exception:
            log.exception("a manifest watcher callback failed")
