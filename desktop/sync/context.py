"""What every part of the engine shares during its life: the services (store, Clio client,
workspace, settings), the signed-in account, and the engine's callbacks (events, history,
checkpoints between items, requests for another pass)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from desktop.clio.api import ClioClient
from desktop.clio.records import User
from desktop.paths import AppPaths
from desktop.prolegis.port import ProlegisPort
from desktop.prolegis.records import Manifest
from desktop.settings import Settings
from desktop.sync.commands import Command
from desktop.sync.events import Event, HistoryAdded
from desktop.sync.feed import RemoteFeed
from desktop.sync.messages import Message
from desktop.sync.report import PassOptions, PassReport
from desktop.sync.store import Store
from desktop.sync.views import ActivityLogEntry, GuardView

log = logging.getLogger(__name__)


class PassInterrupted(Exception):
    """Raised at a checkpoint when the user paused or the app is shutting down."""


@dataclass
class Services:
    """The long-lived collaborators the composition root builds for the engine."""

    paths: AppPaths
    settings: Settings
    store: Store
    clio: ClioClient
    workspace: ProlegisPort
    account: User
    base_url: str


@dataclass
class EngineContext:
    services: Services
    emit: Callable[[Event], None]
    checkpoint: Callable[[], None] = field(default=lambda: None)
    request_pass: Callable[[PassOptions], None] = field(default=lambda options: None)
    manifest: Manifest | None = None

    @property
    def store(self) -> Store:
        return self.services.store

    @property
    def clio(self) -> ClioClient:
        return self.services.clio

    @property
    def settings(self) -> Settings:
        return self.services.settings

    @property
    def workspace(self) -> ProlegisPort:
        return self.services.workspace

    @property
    def feed(self) -> RemoteFeed:
        return RemoteFeed(self.services.store)

    def matter_label(self, matter_id: str) -> str:
        """ "2024-0012 Purchase of 12 Elm St" for a matter id (the id if unknown)."""
        if self.manifest is not None and matter_id in self.manifest.matters_by_id:
            return self.manifest.matters_by_id[matter_id].display_name
        return matter_id

    def record(
        self,
        kind: str,
        message: str | Message,
        *,
        result: str = "ok",
        matter_id: str = "",
        subject: str = "",
        detail: str | Message = "",
    ) -> None:
        """Add a line to the activity log (history) and tell listeners. ``message`` and
        ``detail`` are English; as a :class:`Message` (``msg("Uploaded {path}", path=…)``)
        the GUI can also show them in the user's language."""
        entry = self.store.history.add(
            kind, message, result=result, matter_id=matter_id, subject=subject, detail=detail
        )
        level = logging.WARNING if result == "error" else logging.INFO
        log.log(level, "%s%s: %s", kind, f" [{matter_id}]" if matter_id else "", entry.message)
        self.emit(
            HistoryAdded(
                (
                    ActivityLogEntry(
                        entry.id,
                        entry.at,
                        kind,
                        result,
                        matter_id,
                        self.matter_label(matter_id) if matter_id else "",
                        entry.message,
                        entry.detail,
                        entry.template,
                        entry.params,
                        entry.detail_template,
                        entry.detail_params,
                    ),
                )
            )
        )


class SyncPart(Protocol):
    """One half of the engine (records, documents). All methods run on the engine thread."""

    name: str

    def start(self) -> None:
        """Finish or undo what a crash interrupted (the journal), start watchers."""

    def stop(self) -> None:
        """Stop watchers and worker threads."""

    def poll(self, report: PassReport, *, full: bool) -> None:
        """List what changed in Clio for this part's resources (one listing per resource)."""

    def sync(self, manifest: Manifest, options: PassOptions, report: PassReport) -> None:
        """Do this part's work for one pass, reporting outcomes into ``report``."""

    def handle(self, command: Command) -> bool:
        """Execute a command this part owns; False if it is not this part's."""

    def tick(self, now: float) -> PassOptions | None:
        """Called often on the engine thread; return options to ask for a pass (rescans…)."""

    def guards(self) -> list[GuardView]:
        """What this part's safety guards are holding."""
