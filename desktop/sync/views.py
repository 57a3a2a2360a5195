"""Read models: what the engine tells the GUI and ``status --json`` about matters, documents,
conflicts, guards, matches and its own state. Plain frozen values, safe to pass between threads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class EngineState(StrEnum):
    """The overall state shown in the toolbar and by the tray icon."""

    IDLE = "idle"  # everything that can be in step is
    SYNCING = "syncing"
    PAUSED = "paused"
    OFFLINE = "offline"  # Clio unreachable; retries by itself
    ERROR = "error"  # something needs fixing (sign-in, manifest, folder…)
    CONFLICT = "conflict"  # version conflicts wait for the user
    SIGNED_OUT = "signed_out"  # no Clio account connected yet
    STARTING = "starting"


class MatterSyncState(StrEnum):
    IN_SYNC = "in_sync"
    SYNCING = "syncing"
    PENDING = "pending"
    NEEDS_CLIENT = "needs_client"  # new matter, none of its clients linked to a Clio contact
    NOT_SYNCED = "not_synced"  # pre-existing matter, not linked yet ("Sync with Clio")
    CONFLICT = "conflict"
    ERROR = "error"
    PAUSED = "paused"  # syncing paused, or this matter held by a guard
    WAITING = "waiting"  # new matter held by the new-matter guard, awaiting confirmation


class DocumentState(StrEnum):
    IN_SYNC = "in_sync"
    UPLOADING = "uploading"
    DOWNLOADING = "downloading"
    PENDING = "pending"
    HISTORICAL = "historical"  # existed before the matter was linked: "not in Clio"
    CONFLICT = "conflict"
    ERROR = "error"
    WAITING = "waiting"  # open in Office, still being written, or locked in Clio
    HELD = "held"  # a deletion held by the deletion guard


@dataclass(frozen=True)
class ClientChip:
    """One of a matter's clients, with its Clio link (``contact_id`` None when not linked)."""

    client_id: str
    name: str
    contact_id: int | None = None


@dataclass(frozen=True)
class MatterView:
    matter_id: str
    number: str
    title: str
    status: str  # open | pending | closed
    clients: tuple[ClientChip, ...]
    preexisting: bool
    folder: str  # absolute path of the matter folder
    state: MatterSyncState
    state_detail: str = ""  # e.g. "Needs a linked client: Ada Lovelace"
    clio_matter_id: int | None = None
    clio_display_number: str = ""
    clio_web_url: str = ""
    uploading: int = 0
    downloading: int = 0
    pending: int = 0
    conflicts: int = 0
    historical: int = 0
    errors: int = 0
    documents: int = 0
    last_sync: str | None = None  # ISO-8601 UTC
    open_date: str | None = None

    @property
    def linked(self) -> bool:
        return self.clio_matter_id is not None


@dataclass(frozen=True)
class DocumentView:
    matter_id: str
    rel_path: str  # POSIX path inside the matter folder
    size: int
    modified: str | None  # ISO-8601 UTC of the local file, or of the Clio version
    state: DocumentState
    detail: str = ""  # the reason for ERROR / WAITING / CONFLICT
    progress: float | None = None  # 0..1 while uploading or downloading
    clio_document_id: int | None = None
    local: bool = True  # present on this computer


@dataclass(frozen=True)
class VersionInfo:
    name: str
    size: int
    modified: str | None
    by: str  # "you", or the Clio user who uploaded it
    path: str = ""  # a local file that can be opened (the conflicted copy / the Clio version)


@dataclass(frozen=True)
class ConflictView:
    conflict_id: int
    matter_id: str
    matter_label: str  # "2024-0012 Purchase of 12 Elm St"
    rel_path: str
    local: VersionInfo
    clio: VersionInfo
    detected_at: str


@dataclass(frozen=True)
class GuardView:
    """A safety guard that paused something until the user decides."""

    kind: str  # "deletions" | "new_matters" | "activity_removals"
    matter_id: str | None
    items: tuple[str, ...]  # paths, matter labels or activity descriptions
    message: str


@dataclass(frozen=True)
class ActivityLogEntry:
    id: int
    at: str
    kind: str  # upload, download, delete, move, matter_created, time_entry, expense, push, error…
    result: str  # ok | warning | error | info
    matter_id: str
    matter_label: str
    message: str  # English, as the history table and the logs have it
    detail: str = ""  # for an error: what to do
    # the message as a template and its parameters (``desktop.sync.messages``), so the GUI can
    # show it in the user's language; "" / () for a line the engine wrote as plain text
    template: str = ""
    params: tuple[tuple[str, str], ...] = ()
    detail_template: str = ""
    detail_params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class EvidenceView:
    field: str  # name | email | phone | company | address
    verdict: str  # agrees | disagrees | partial
    detail: str


@dataclass(frozen=True)
class CandidateView:
    contact_id: int
    name: str
    score: float  # 0..100
    evidence: tuple[EvidenceView, ...]
    summary: str  # "m.tremblay@lexmail.ca · 403-555-0142 · Calgary AB"


@dataclass(frozen=True)
class ClientMatchView:
    client_id: str
    name: str
    kind: str  # person | company
    summary: str
    band: str  # confident | review | none | linked
    linked_contact_id: int | None
    linked_contact_name: str
    candidates: tuple[CandidateView, ...]
    on_new_matters: tuple[str, ...] = ()  # new matters waiting for this client to be linked


@dataclass(frozen=True)
class MatterSuggestion:
    clio_matter_id: int
    display_number: str
    description: str
    client_name: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class AccountView:
    name: str
    email: str
    region: str  # "ca" | "us" | "eu" | "au" | "" for a custom URL
    base_url: str


@dataclass(frozen=True)
class EngineStatus:
    state: EngineState
    message: str = ""
    last_sync: str | None = None
    account: AccountView | None = None
    matters_total: int = 0
    matters_linked: int = 0
    pending: int = 0
    uploading: int = 0
    downloading: int = 0
    conflicts: int = 0
    errors: int = 0
    needs_attention: int = 0
    eta_seconds: float | None = None  # estimate of the time left on a long sync
    banners: tuple[str, ...] = field(default_factory=tuple)
    # ``message`` as a template and its parameters (``desktop.sync.messages``): the GUI says it
    # in the user's language; empty when only the English is known
    message_template: str = ""
    message_params: tuple[tuple[str, str], ...] = ()
