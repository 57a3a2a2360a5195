"""Commands the GUI (or the command line) sends to the engine through its queue.

The engine executes them on its own thread, in order, interactive ones before background work;
results come back as events (see ``events``), never as return values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Command:
    """Base class of every engine command."""


@dataclass(frozen=True)
class SyncNow(Command):
    pass


@dataclass(frozen=True)
class Pause(Command):
    pass


@dataclass(frozen=True)
class Resume(Command):
    pass


@dataclass(frozen=True)
class Shutdown(Command):
    pass


@dataclass(frozen=True)
class RequestSnapshot(Command):
    """Re-send status, every matter row, conflicts and guards (e.g. when a window opens)."""


@dataclass(frozen=True)
class RequestDocuments(Command):
    matter_id: str


@dataclass(frozen=True)
class PushFiles(Command):
    """Push historical files, or copy outside files into the matter folder and push them."""

    matter_id: str
    paths: tuple[str, ...]  # absolute paths
    target_subfolder: str = ""  # where outside files are copied, relative to the matter folder


@dataclass(frozen=True)
class LinkMatter(Command):
    """Sync a pre-existing matter with Clio: link to ``clio_matter_id`` or create one."""

    matter_id: str
    clio_matter_id: int | None = None
    create: bool = False


@dataclass(frozen=True)
class UnlinkMatter(Command):
    matter_id: str


@dataclass(frozen=True)
class SuggestMatters(Command):
    matter_id: str


@dataclass(frozen=True)
class RefreshMatches(Command):
    """Recompute contact candidates for every client (results in ``MatchesReady``)."""


@dataclass(frozen=True)
class LinkClient(Command):
    """Link a client to ``contact_id``, or create a new Clio contact from it."""

    client_id: str
    contact_id: int | None = None
    create: bool = False


@dataclass(frozen=True)
class UnlinkClient(Command):
    client_id: str


@dataclass(frozen=True)
class AcceptConfidentMatches(Command):
    """Link every client in the confident band (the user confirmed the count)."""

    expected: int  # the count the user confirmed; refused if the band changed meanwhile


@dataclass(frozen=True)
class ResolveConflict(Command):
    conflict_id: int
    keep: str  # "local" | "clio" | "both"


@dataclass(frozen=True)
class ResolveAllConflicts(Command):
    keep: str


@dataclass(frozen=True)
class AllowDeletions(Command):
    """Confirm the deletions the guard held for ``matter_id`` (None: every matter)."""

    matter_id: str | None = None


@dataclass(frozen=True)
class RestoreDeletions(Command):
    """Undo the held deletions for ``matter_id``: bring the files back instead."""

    matter_id: str | None = None


@dataclass(frozen=True)
class AllowNewMatters(Command):
    """Create the new Clio matters the new-matter guard held."""


@dataclass(frozen=True)
class DeferNewMatters(Command):
    """Not now: keep the held new matters waiting."""


@dataclass(frozen=True)
class AllowActivityRemovals(Command):
    matter_id: str | None = None


@dataclass(frozen=True)
class OverwriteClioActivity(Command):
    """An activity edited in Clio since the last push: overwrite it, or keep Clio's."""

    activity_id: str
    overwrite: bool


@dataclass(frozen=True)
class UpdateSettings(Command):
    values: dict[str, Any] = field(default_factory=dict)
