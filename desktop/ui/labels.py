"""The words the GUI shows for states and times, in one place so they stay consistent with the
glossary and go through Qt's translation (context ``"Status"``).

Public API (stable; the tray and dialogs use it too):

* :func:`matter_state_text(view)` — "In sync", "Syncing 3↑ 1↓", "Conflict (2)", … for a
  ``MatterView``; :func:`matter_state_name(state)` — the bare word of a ``MatterSyncState``.
* :func:`document_state_text(doc)` — "Uploading 42 %", "Historical — not in Clio", …
* :func:`engine_state_text(status)` — the toolbar's "In sync — 2 min ago", "Syncing 12↑ 3↓", …
* :func:`relative_time(iso, now=None)` — "just now", "2 min ago", "yesterday 14:02", a date.
* :func:`clock_time(iso, now=None)` — "14:02", "yesterday 14:02", "2025-03-12 14:02".
* :func:`freeze_now(dt)` — fix "now" for screenshots and tests (None: the clock).
* :func:`file_size(n)` — "212 KB".
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from desktop.sync.views import (
    DocumentState,
    DocumentView,
    EngineState,
    EngineStatus,
    MatterSyncState,
    MatterView,
)

_CTX = "Status"
_frozen_now: datetime | None = None


def freeze_now(now: datetime | None) -> None:
    """Fix "now" for every relative time (screenshots, tests); None follows the clock."""
    global _frozen_now
    _frozen_now = now


def current_time() -> datetime:
    """Now (or the frozen now), timezone-aware."""
    return _frozen_now or datetime.now(UTC)


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate(_CTX, text, None, n)


def matter_state_name(state: MatterSyncState) -> str:
    """The bare status word of a matter state (filter menus, legends)."""
    return {
        MatterSyncState.IN_SYNC: _tr("In sync"),
        MatterSyncState.SYNCING: _tr("Syncing"),
        MatterSyncState.PENDING: _tr("Pending"),
        MatterSyncState.NEEDS_CLIENT: _tr("Needs a linked client"),
        MatterSyncState.NOT_SYNCED: _tr("Not synced (pre-existing)"),
        MatterSyncState.CONFLICT: _tr("Conflict"),
        MatterSyncState.ERROR: _tr("Error"),
        MatterSyncState.PAUSED: _tr("Paused"),
        MatterSyncState.WAITING: _tr("Waiting for your OK"),
    }[MatterSyncState(state)]


def matter_state_text(view: MatterView) -> str:
    """The status column's words for one matter, with its counts."""
    state = view.state
    if state == MatterSyncState.SYNCING:
        return (
            _tr("Syncing %1↑ %2↓")
            .replace("%1", str(view.uploading))
            .replace("%2", str(view.downloading))
        )
    if state == MatterSyncState.PENDING and view.pending:
        return _tr("Pending (%n)", view.pending)
    if state == MatterSyncState.CONFLICT and view.conflicts:
        return _tr("Conflict (%n)", view.conflicts)
    return matter_state_name(state)


def document_state_text(doc: DocumentView) -> str:
    """The status words of one document (with the progress while transferring)."""
    state = doc.state
    pct = "" if doc.progress is None else f" {round(doc.progress * 100)} %"
    if state == DocumentState.UPLOADING:
        return _tr("Uploading") + pct
    if state == DocumentState.DOWNLOADING:
        return _tr("Downloading") + pct
    return {
        DocumentState.IN_SYNC: _tr("In sync"),
        DocumentState.PENDING: _tr("Pending"),
        DocumentState.HISTORICAL: _tr("Historical — not in Clio"),
        DocumentState.CONFLICT: _tr("Version conflict"),
        DocumentState.ERROR: _tr("Error"),
        DocumentState.WAITING: _tr("Waiting"),
        DocumentState.HELD: _tr("Deletion held"),
    }[DocumentState(state)]


def engine_state_name(state: EngineState) -> str:
    """The bare word of the engine's overall state (tray tooltip, menus)."""
    return {
        EngineState.IDLE: _tr("In sync"),
        EngineState.SYNCING: _tr("Syncing"),
        EngineState.PAUSED: _tr("Paused"),
        EngineState.OFFLINE: _tr("Offline — retrying"),
        EngineState.ERROR: _tr("Error"),
        EngineState.CONFLICT: _tr("Version conflicts"),
        EngineState.SIGNED_OUT: _tr("Not connected to Clio"),
        EngineState.STARTING: _tr("Starting…"),
    }[EngineState(state)]


def engine_state_text(status: EngineStatus, now: datetime | None = None) -> str:
    """The toolbar's summary: "In sync — 2 min ago", "Syncing 12↑ 3↓ — about 4 min left", …"""
    state = status.state
    if state == EngineState.IDLE:
        if status.last_sync:
            return _tr("In sync — %1").replace("%1", relative_time(status.last_sync, now))
        return engine_state_name(state)
    if state == EngineState.SYNCING:
        text = (
            _tr("Syncing %1↑ %2↓")
            .replace("%1", str(status.uploading))
            .replace("%2", str(status.downloading))
        )
        if status.eta_seconds and status.eta_seconds >= 90:
            minutes = round(status.eta_seconds / 60)
            text += " — " + _tr("about %n min left", minutes)
        return text
    if state == EngineState.CONFLICT and status.conflicts:
        n = status.conflicts
        return _tr("1 version conflict") if n == 1 else _tr("%n version conflicts", n)
    return engine_state_name(state)


def parse_iso(iso: str | None) -> datetime | None:
    """An ISO-8601 timestamp as an aware datetime (UTC if it has no zone); None if unreadable."""
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def relative_time(iso: str | None, now: datetime | None = None) -> str:
    """A short human time for ``iso``: "just now", "5 min ago", "14:02", "yesterday", a date."""
    moment = parse_iso(iso)
    if moment is None:
        return iso if iso else "—"
    now = now or current_time()
    seconds = (now - moment).total_seconds()
    if seconds < 45:
        return _tr("just now")
    if seconds < 3600:
        return _tr("%n min ago", max(1, round(seconds / 60)))
    local = moment.astimezone()
    local_now = now.astimezone()
    if local.date() == local_now.date():
        return local.strftime("%H:%M")
    if (local_now.date() - local.date()).days == 1:
        return _tr("yesterday %1").replace("%1", local.strftime("%H:%M"))
    return local.strftime("%Y-%m-%d")


def clock_time(iso: str | None, now: datetime | None = None) -> str:
    """A log time: "14:02" today, "yesterday 14:02", else "2025-03-12 14:02" (local time)."""
    moment = parse_iso(iso)
    if moment is None:
        return iso if iso else "—"
    local = moment.astimezone()
    local_now = (now or current_time()).astimezone()
    if local.date() == local_now.date():
        return local.strftime("%H:%M")
    if (local_now.date() - local.date()).days == 1:
        return _tr("yesterday %1").replace("%1", local.strftime("%H:%M"))
    return local.strftime("%Y-%m-%d %H:%M")


def file_size(n: int) -> str:
    """A byte count for people: "0 B", "812 B", "212 KB", "3.4 MB", "1.2 GB"."""
    if n < 1000:
        return f"{n} B"
    value = float(n)
    units = ("KB", "MB", "GB", "TB")
    index = 0
    value /= 1000
    while value >= 999.5 and index < len(units) - 1:
        value /= 1000
        index += 1
    unit = units[index]
    return f"{value:.0f} {unit}" if value >= 10 else f"{value:.1f} {unit}"
