"""The overall state the toolbar, the tray and ``status`` show — a pure function of the matter
rows, the last pass's errors and what the engine is doing."""

from __future__ import annotations

from desktop.sync.report import Reason
from desktop.sync.views import AccountView, EngineState, EngineStatus, MatterSyncState, MatterView

ETA_MIN_DOCUMENTS = 20  # below this a sync is short: no estimate shown
REQUESTS_PER_DOCUMENT = 2
ATTENTION = {
    MatterSyncState.CONFLICT,
    MatterSyncState.ERROR,
    MatterSyncState.NEEDS_CLIENT,
    MatterSyncState.WAITING,
}


def build_status(
    views: list[MatterView],
    *,
    state: EngineState | None,
    errors: list[Reason],
    last_sync: str | None,
    account: AccountView,
    requests_per_minute: int,
) -> EngineStatus:
    """``state`` forced by the engine (signed out, paused, syncing) or None: then offline when
    the last pass could not reach Clio, error on any other error, conflict, else idle."""
    conflicts = sum(v.conflicts for v in views)
    if state is None:
        if any(r.code == "network" for r in errors):
            state = EngineState.OFFLINE
        elif errors:
            state = EngineState.ERROR
        elif conflicts:
            state = EngineState.CONFLICT
        else:
            state = EngineState.IDLE
    said = errors[0].template if errors else None
    return EngineStatus(
        state=state,
        message=errors[0].message if errors else "",
        message_template=said.template if said is not None else "",
        message_params=said.params if said is not None else (),
        last_sync=last_sync,
        account=account,
        matters_total=len(views),
        matters_linked=sum(1 for v in views if v.linked),
        pending=sum(v.pending for v in views),
        uploading=sum(v.uploading for v in views),
        downloading=sum(v.downloading for v in views),
        conflicts=conflicts,
        errors=sum(v.errors for v in views) + len(errors),
        needs_attention=sum(1 for v in views if v.state in ATTENTION),
        eta_seconds=time_left(views, requests_per_minute),
        banners=banners(views),
    )


def time_left(views: list[MatterView], requests_per_minute: int) -> float | None:
    """Seconds left on a long sync: two Clio requests per document waiting (create + commit)
    at the rate Clio currently allows. None when the work is short."""
    documents = sum(v.pending + v.uploading + v.downloading for v in views)
    if documents < ETA_MIN_DOCUMENTS:
        return None
    return documents * REQUESTS_PER_DOCUMENT * 60.0 / max(1, requests_per_minute)


def banners(views: list[MatterView]) -> tuple[str, ...]:
    """What needs the user, in English (the GUI builds its own translated banners)."""
    unlinked = {
        c.client_id
        for v in views
        if v.state is MatterSyncState.NEEDS_CLIENT
        for c in v.clients
        if c.contact_id is None
    }
    if not unlinked:
        return ()
    n = len(unlinked)
    return (
        f"{n} client{'s' if n != 1 else ''} on new matters "
        f"{'are' if n != 1 else 'is'} not linked to Clio.",
    )
