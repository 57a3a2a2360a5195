"""A scripted engine for the GUI tests: implements ``EngineAPI``, records every command, and emits
the events a test scripts — on its own (engine) thread, like the real one.

The GUI is the system under test; this double only stands where the real engine will be wired in
by the integrator. ``run()`` serves a queue until ``Shutdown``; :meth:`emit` queues an event to be
sent from that thread (or directly, when ``run()`` is not running).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from desktop.sync.commands import Command, Shutdown
from desktop.sync.engine_api import Listener
from desktop.sync.events import Event

Reaction = Callable[[Command], list[Event] | None]


class ScriptedEngine:
    """An ``EngineAPI`` whose answers are scripted per command type."""

    def __init__(self) -> None:
        self._queue: queue.Queue[tuple[str, Any]] = queue.Queue()
        self._listeners: list[Listener] = []
        self._reactions: dict[type[Command], Reaction] = {}
        self._lock = threading.Lock()
        self.submitted: list[Command] = []
        self.handled: list[Command] = []
        self.emit_threads: list[str] = []
        self.running = threading.Event()
        self.stopped = threading.Event()

    # -- EngineAPI ------------------------------------------------------------------------------

    def submit(self, command: Command) -> None:
        with self._lock:
            self.submitted.append(command)
        self._queue.put(("command", command))

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def run(self) -> None:
        self.running.set()
        try:
            while True:
                kind, payload = self._queue.get()
                if kind == "event":
                    self._send(payload)
                    continue
                command: Command = payload
                self.handled.append(command)
                if isinstance(command, Shutdown):
                    return
                reaction = self._reactions.get(type(command))
                if reaction is not None:
                    for event in reaction(command) or []:
                        self._send(event)
        finally:
            self.running.clear()
            self.stopped.set()

    # -- scripting ------------------------------------------------------------------------------

    def on(self, command_type: type[Command], reaction: Reaction) -> None:
        """When a ``command_type`` command is handled, emit what ``reaction`` returns."""
        self._reactions[command_type] = reaction

    def emit(self, *events: Event) -> None:
        """Emit ``events`` from the engine thread (queued behind earlier commands)."""
        for event in events:
            if self.running.is_set():
                self._queue.put(("event", event))
            else:
                self._send(event)

    def commands(self, command_type: type[Command]) -> list[Command]:
        """The submitted commands of one type, in order."""
        with self._lock:
            return [c for c in self.submitted if isinstance(c, command_type)]

    def _send(self, event: Event) -> None:
        self.emit_threads.append(threading.current_thread().name)
        for listener in list(self._listeners):
            listener(event)
