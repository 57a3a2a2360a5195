"""The bridge between the engine and the GUI: one ``QThread`` runs ``engine.run()``; every engine
event is re-emitted as a Qt signal on the GUI thread; commands go to the engine's queue.

The engine never imports Qt and calls its listeners on its own thread. The listener installed
here only hands the event to a signal with an explicit *queued* connection, so every slot
connected to :class:`EngineHost` runs on the GUI thread and may touch widgets.

``TransferProgress`` events can arrive hundreds of times a second; they are coalesced (the
latest value per file wins) so a fast transfer never floods the GUI's event queue.
"""

from __future__ import annotations

import logging
import threading
import traceback

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from desktop.sync.commands import Command, Shutdown
from desktop.sync.engine_api import EngineAPI
from desktop.sync.events import (
    CommandFailed,
    ConflictsChanged,
    DocumentsChanged,
    Event,
    GuardsChanged,
    HistoryAdded,
    MatchesReady,
    MattersChanged,
    Notice,
    StatusChanged,
    SuggestionsReady,
    TransferProgress,
)

log = logging.getLogger(__name__)


class _EngineThread(QThread):
    """Runs ``engine.run()``; reports an exception that escapes it instead of dying silently."""

    failed = Signal(str)

    def __init__(self, engine: EngineAPI, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self.setObjectName("engine")

    def run(self) -> None:
        threading.current_thread().name = "engine"
        try:
            self._engine.run()
        except Exception:  # reported to the GUI: the crash dialog shows it
            report = traceback.format_exc()
            log.error("the engine stopped on an error:\n%s", report)
            self.failed.emit(report)


class EngineHost(QObject):
    """Hosts an :class:`~desktop.sync.engine_api.EngineAPI` in a ``QThread``.

    Signals (all delivered on the GUI thread):

    * ``eventReceived(object)`` — every event, whatever its type (not ``event``: that name is
      ``QObject.event()``, which a signal must not shadow);
    * one typed signal per event type: ``statusChanged``, ``mattersChanged``,
      ``documentsChanged``, ``transferProgress``, ``historyAdded``, ``conflictsChanged``,
      ``guardsChanged``, ``matchesReady``, ``suggestionsReady``, ``commandFailed``, ``notice``
      (each carries the event object);
    * ``commandSubmitted(object)`` — a command the GUI sent (the activity log and tests use it);
    * ``engineFailed(str)`` — ``engine.run()`` raised; the argument is the traceback;
    * ``engineStopped()`` — the engine thread finished.
    """

    eventReceived = Signal(object)
    statusChanged = Signal(object)
    mattersChanged = Signal(object)
    documentsChanged = Signal(object)
    transferProgress = Signal(object)
    historyAdded = Signal(object)
    conflictsChanged = Signal(object)
    guardsChanged = Signal(object)
    matchesReady = Signal(object)
    suggestionsReady = Signal(object)
    commandFailed = Signal(object)
    notice = Signal(object)
    commandSubmitted = Signal(object)
    engineFailed = Signal(str)
    engineStopped = Signal()

    # Internal: carries an event from the engine thread to the GUI thread (queued).
    _relay = Signal(object)
    _progressPending = Signal()

    def __init__(self, engine: EngineAPI, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._thread = _EngineThread(engine)
        self._thread.failed.connect(self.engineFailed, Qt.ConnectionType.QueuedConnection)
        self._thread.finished.connect(self.engineStopped, Qt.ConnectionType.QueuedConnection)
        self._relay.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        self._progressPending.connect(self._drain_progress, Qt.ConnectionType.QueuedConnection)
        self._progress_lock = threading.Lock()
        self._progress: dict[tuple[str, str], TransferProgress] = {}
        self._progress_scheduled = False
        self._shutting_down = False
        self._typed = {
            StatusChanged: self.statusChanged,
            MattersChanged: self.mattersChanged,
            DocumentsChanged: self.documentsChanged,
            TransferProgress: self.transferProgress,
            HistoryAdded: self.historyAdded,
            ConflictsChanged: self.conflictsChanged,
            GuardsChanged: self.guardsChanged,
            MatchesReady: self.matchesReady,
            SuggestionsReady: self.suggestionsReady,
            CommandFailed: self.commandFailed,
            Notice: self.notice,
        }
        engine.add_listener(self._on_engine_event)

    @property
    def engine(self) -> EngineAPI:
        return self._engine

    def start(self) -> None:
        """Start the engine thread (once)."""
        if not self._thread.isRunning() and not self._thread.isFinished():
            self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def submit(self, command: Command) -> None:
        """Queue ``command`` for the engine; returns at once."""
        if self._shutting_down and not isinstance(command, Shutdown):
            log.debug("ignoring %s: shutting down", type(command).__name__)
            return
        self._engine.submit(command)
        self.commandSubmitted.emit(command)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Ask the engine to stop and wait for its thread; False if it did not stop in time."""
        if self._shutting_down and not self._thread.isRunning():
            return True
        self._shutting_down = True
        if self._thread.isRunning():
            self._engine.submit(Shutdown())
            if not self._thread.wait(timeout_ms):
                log.warning("the engine did not stop within %d ms", timeout_ms)
                return False
        return True

    # -- engine thread ------------------------------------------------------------------------

    def _on_engine_event(self, event: Event) -> None:
        """Listener called on the engine's thread: hand the event over, never touch widgets."""
        if isinstance(event, TransferProgress):
            with self._progress_lock:
                self._progress[(event.matter_id, event.rel_path)] = event
                if self._progress_scheduled:
                    return
                self._progress_scheduled = True
            self._progressPending.emit()
            return
        self._relay.emit(event)

    # -- GUI thread ---------------------------------------------------------------------------

    @Slot(object)
    def _dispatch(self, event: Event) -> None:
        typed = self._typed.get(type(event))
        if typed is not None:
            typed.emit(event)
        self.eventReceived.emit(event)

    @Slot()
    def _drain_progress(self) -> None:
        with self._progress_lock:
            batch = list(self._progress.values())
            self._progress.clear()
            self._progress_scheduled = False
        for event in batch:
            self._dispatch(event)
