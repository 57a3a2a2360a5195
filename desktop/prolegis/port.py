"""``ProlegisPort``: what the sync engine needs from Prolegis, and its local-workspace adapter.

The engine depends only on :class:`ProlegisPort`. :class:`WorkspacePort` implements it over a
workspace folder (:class:`~desktop.prolegis.workspace.Workspace` +
:class:`~desktop.prolegis.watcher.ManifestWatcher`); an adapter for a future Prolegis web API
would implement the same protocol (documents would still live in a local folder).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, runtime_checkable

from desktop.prolegis.diff import RecordEvent
from desktop.prolegis.records import Manifest, Matter
from desktop.prolegis.watcher import ErrorCallback, EventsCallback, ManifestWatcher
from desktop.prolegis.workspace import ReadError, Workspace

log = logging.getLogger(__name__)

Unsubscribe = Callable[[], None]


@runtime_checkable
class ProlegisPort(Protocol):
    """The Prolegis side as the engine sees it."""

    @property
    def root(self) -> Path:
        """The local folder holding the matter folders."""
        ...

    @property
    def current(self) -> Manifest | None:
        """The last good manifest (None until one was read)."""
        ...

    @property
    def last_error(self) -> ReadError | None:
        """Why the latest read failed (None after a good read)."""
        ...

    def matter_folder(self, matter: Matter) -> Path:
        """The absolute path of the matter's document folder, inside ``root``."""
        ...

    def refresh(self) -> list[RecordEvent]:
        """Re-read the records now; subscribers get the events too; returns them."""
        ...

    def subscribe(
        self, on_events: EventsCallback, on_error: ErrorCallback | None = None
    ) -> Unsubscribe:
        """Be told of record events and read errors (on the port's own thread)."""
        ...

    def start(self) -> None:
        """Start watching for changes."""
        ...

    def stop(self) -> None:
        """Stop watching."""
        ...


class WorkspacePort:
    """:class:`ProlegisPort` over a local workspace folder, fanning events out to subscribers."""

    def __init__(self, root: Path, *, debounce: float = 0.5) -> None:
        self.workspace = Workspace(root)
        self._lock = threading.Lock()
        self._event_subs: list[EventsCallback] = []
        self._error_subs: list[ErrorCallback] = []
        self.watcher = ManifestWatcher(self.workspace, self._emit, self._fail, debounce)

    @property
    def root(self) -> Path:
        return self.workspace.root

    @property
    def current(self) -> Manifest | None:
        return self.workspace.current

    @property
    def last_error(self) -> ReadError | None:
        return self.workspace.last_error

    def matter_folder(self, matter: Matter) -> Path:
        return self.workspace.matter_folder(matter)

    def refresh(self) -> list[RecordEvent]:
        return self.watcher.poll()

    def subscribe(
        self, on_events: EventsCallback, on_error: ErrorCallback | None = None
    ) -> Unsubscribe:
        with self._lock:
            self._event_subs.append(on_events)
            if on_error is not None:
                self._error_subs.append(on_error)

        def unsubscribe() -> None:
            with self._lock:
                if on_events in self._event_subs:
                    self._event_subs.remove(on_events)
                if on_error is not None and on_error in self._error_subs:
                    self._error_subs.remove(on_error)

        return unsubscribe

    def start(self) -> None:
        self.watcher.start()

    def stop(self) -> None:
        self.watcher.stop()

    def _emit(self, events: list[RecordEvent]) -> None:
        with self._lock:
            subs = list(self._event_subs)
        for sub in subs:
            try:
                sub(events)
            except Exception:
                log.exception("a record-event subscriber failed")

    def _fail(self, error: ReadError) -> None:
        with self._lock:
            subs = list(self._error_subs)
        for sub in subs:
            try:
                sub(error)
            except Exception:
                log.exception("a manifest-error subscriber failed")
