"""The engine as the GUI and the command line see it: a command queue in, typed events out.

The real implementation is :class:`desktop.sync.engine.Engine`; the GUI hosts any object with this
shape in a ``QThread`` (``desktop.ui.engine_host``) and never calls anything else on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from desktop.sync.commands import Command
from desktop.sync.events import Event

Listener = Callable[[Event], None]


class EngineAPI(Protocol):
    def submit(self, command: Command) -> None:
        """Queue a command; thread-safe; returns at once."""

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(event)`` for every event, on the engine's thread."""

    def run(self) -> None:
        """Serve commands and scheduled work until a ``Shutdown`` command; blocks."""
