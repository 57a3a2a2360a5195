"""Build the matter rows the GUI and ``status`` show — a pure function of the engine's state."""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
from pathlib import Path

from desktop.prolegis.records import Manifest, Matter
from desktop.sync.views import ClientChip, MatterSyncState, MatterView


@dataclass(frozen=True)
class DocCounts:
    """What the document mirror knows about one matter's documents."""

    documents: int = 0
    uploading: int = 0
    downloading: int = 0
    pending: int = 0
    conflicts: int = 0
    historical: int = 0
    errors: int = 0
    held: int = 0  # deletions held by the guard
    last_sync: str | None = None
    error_detail: str = ""


@dataclass(frozen=True)
class MatterLinkInfo:
    clio_matter_id: int
    display_number: str
    web_url: str


def clio_web_url(base_url: str, clio_matter_id: int) -> str:
    """The matter's page in Clio's web app (``…/nc/#/matters/<id>``)."""
    return f"{base_url.rstrip('/')}/nc/#/matters/{clio_matter_id}"


def build_matter_view(
    matter: Matter,
    manifest: Manifest,
    workspace_root: Path,
    *,
    link: MatterLinkInfo | None,
    contact_of: Mapping[str, int],
    preexisting: bool,
    counts: DocCounts,
    paused: bool,
    held_new: bool,
    record_error: str = "",
) -> MatterView:
    """One row. State precedence: paused, conflict, error, guard, then link and transfer state."""
    chips = tuple(
        ClientChip(
            cid,
            manifest.clients_by_id[cid].display_name if cid in manifest.clients_by_id else cid,
            contact_of.get(cid),
        )
        for cid in matter.client_ids
    )
    state, detail = _state(matter, chips, link, preexisting, counts, paused, held_new, record_error)
    return MatterView(
        matter_id=matter.id,
        number=matter.number,
        title=matter.title,
        status=matter.status,
        clients=chips,
        preexisting=preexisting,
        folder=str(workspace_root / matter.folder),
        state=state,
        state_detail=detail,
        clio_matter_id=link.clio_matter_id if link else None,
        clio_display_number=link.display_number if link else "",
        clio_web_url=link.web_url if link else "",
        uploading=counts.uploading,
        downloading=counts.downloading,
        pending=counts.pending,
        conflicts=counts.conflicts,
        historical=counts.historical,
        errors=counts.errors,
        documents=counts.documents,
        last_sync=counts.last_sync,
        open_date=matter.open_date.isoformat() if matter.open_date else None,
    )


def _state(
    matter: Matter,
    chips: tuple[ClientChip, ...],
    link: MatterLinkInfo | None,
    preexisting: bool,
    counts: DocCounts,
    paused: bool,
    held_new: bool,
    record_error: str,
) -> tuple[MatterSyncState, str]:
    if link is None:
        if preexisting:
            return (
                MatterSyncState.NOT_SYNCED,
                "Pre-existing matter: choose “Sync with Clio” to link it.",
            )
        unlinked = [c.name for c in chips if c.contact_id is None]
        if not any(c.contact_id is not None for c in chips):
            names = ", ".join(unlinked) or "no clients"
            return MatterSyncState.NEEDS_CLIENT, f"Needs a linked client: {names}"
        if record_error:
            return MatterSyncState.ERROR, record_error
        if held_new:
            return MatterSyncState.WAITING, "Waiting for you to confirm creating new Clio matters."
        if paused:
            return MatterSyncState.PAUSED, "Syncing is paused."
        return MatterSyncState.PENDING, "The Clio matter will be created on the next sync."
    if paused:
        return MatterSyncState.PAUSED, "Syncing is paused."
    if counts.conflicts:
        n = counts.conflicts
        return MatterSyncState.CONFLICT, f"{n} version conflict{'s' if n > 1 else ''} to resolve"
    if record_error or counts.errors:
        return MatterSyncState.ERROR, record_error or counts.error_detail or "A document failed."
    if counts.held:
        return MatterSyncState.PAUSED, f"{counts.held} deletions held: confirm or restore them."
    if counts.uploading or counts.downloading:
        return MatterSyncState.SYNCING, f"Syncing ({counts.uploading}↑ {counts.downloading}↓)"
    if counts.pending:
        return MatterSyncState.PENDING, f"{counts.pending} pending"
    return MatterSyncState.IN_SYNC, "In sync"


def build_matter_views(
    manifest: Manifest,
    workspace_root: Path,
    *,
    links: Mapping[str, MatterLinkInfo],
    contact_of: Mapping[str, int],
    preexisting: Set[str],
    counts: Mapping[str, DocCounts],
    paused: bool,
    held_new: Set[str],
    record_errors: Mapping[str, str],
) -> list[MatterView]:
    """Every matter of the manifest as a row, in manifest order."""
    empty = DocCounts()
    return [
        build_matter_view(
            m,
            manifest,
            workspace_root,
            link=links.get(m.id),
            contact_of=contact_of,
            preexisting=m.id in preexisting,
            counts=counts.get(m.id, empty),
            paused=paused,
            held_new=m.id in held_new,
            record_error=record_errors.get(m.id, ""),
        )
        for m in manifest.matters
    ]
