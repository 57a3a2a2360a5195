"""The records half outside the engine, for one-shot commands (``clients …``, ``matters …``):
the same :class:`RecordsPart` over the same services, its events collected instead of sent to a
GUI. The manifest is read (and the baseline taken) as a sync pass would; interrupted records
intents are settled first."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import TypeVar

from desktop.clio.errors import ClioError
from desktop.prolegis.manifest import ManifestError
from desktop.prolegis.records import Manifest
from desktop.prolegis.workspace import WorkspaceMissingError
from desktop.sync.commands import Command
from desktop.sync.context import EngineContext, Services
from desktop.sync.events import CommandFailed, Event, command_failed
from desktop.sync.records.part import RecordsPart

E = TypeVar("E", bound=Event)


class WorkspaceUnreadable(Exception):
    """The Prolegis folder or its manifest cannot be read; the message says why."""


class RecordsSession:
    """A :class:`RecordsPart` with its own context; see the module docstring."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.events: list[Event] = []
        self.ctx = EngineContext(services, emit=self.events.append)
        self.part = RecordsPart(self.ctx)

    def load(self, *, recover: bool = True) -> Manifest:
        """Read the manifest (the baseline is taken at the first good read)."""
        ws = self.services.workspace
        with contextlib.suppress(ManifestError, WorkspaceMissingError):
            ws.refresh()
        error = ws.last_error
        manifest = ws.current
        if error is not None or manifest is None:
            if isinstance(error, ManifestError):
                raise WorkspaceUnreadable(f"prolegis.json: {error.message} (at {error.json_path})")
            raise WorkspaceUnreadable(
                error.message if error is not None else "The Prolegis folder cannot be read."
            )
        store = self.services.store
        if not store.baseline.taken():
            store.baseline.take(m.id for m in manifest.matters)
        self.ctx.manifest = manifest
        if recover:
            self.part.recover()
        return manifest

    def run(self, command: Command) -> list[str]:
        """Run a records command now; returns the messages of what failed (none: it worked)."""
        before = len(self.events)
        try:
            if not self.part.handle(command):
                raise ValueError(f"not a records command: {type(command).__name__}")
        except ClioError as exc:
            self.events.append(command_failed(type(command).__name__, exc.user_template))
        return [e.message for e in self.events[before:] if isinstance(e, CommandFailed)]

    def last(self, kind: type[E]) -> E | None:
        found: Sequence[Event] = [e for e in self.events if isinstance(e, kind)]
        return found[-1] if found else None  # type: ignore[return-value]
