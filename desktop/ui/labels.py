"""The words the GUI shows for states and times, in one place so they stay consistent with the
glossary and go through Qt's translation (context ``"Status"``).

Public API (stable; the tray and dialogs use it too):

* :func:`matter_state_text(view)` — "In sync", "Syncing 3↑ 1↓", "Conflict (2)", … for a
  ``MatterView``; :func:`matter_state_name(state)` — the bare word of a ``MatterSyncState``.
* :func:`matter_state_detail(view, held)` — what the state means ("Needs a linked client:
  Ada Lovelace"), in the UI's words; the engine's own text only for an error's reason.
* :func:`document_state_text(doc)` — "Uploading 42 %", "Historical — not in Clio", …
* :func:`engine_state_text(status)` — the toolbar's "In sync — 2 min ago", "Syncing 12↑ 3↓", …
* :func:`relative_time(iso, now=None)` — "just now", "2 min ago", "yesterday 14:02", a date.
* :func:`clock_time(iso, now=None)` — "14:02", "yesterday 14:02", "2025-03-12 14:02".
* :func:`freeze_now(dt)` — fix "now" for screenshots and tests (None: the clock).
* :func:`file_size(n)` — "212 KB"; :func:`count_text(n)` — "1,310" ("1 310" in French).
* :func:`engine_text(template, params, fallback)` — an activity log line or a notification
  the engine wrote (``desktop.sync.messages``), in the current language;
  :func:`message_text(message)` — the same for a ``Message`` (a Clio error's
  ``user_template``); :func:`status_message(status)` — ``EngineStatus.message`` so.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QLocale

from desktop.sync.messages import NESTED, NUMBER_PARAMS, Message, nested
from desktop.sync.views import (
    DocumentState,
    DocumentView,
    EngineState,
    EngineStatus,
    MatterSyncState,
    MatterView,
)
from desktop.ui import engine_messages
from desktop.ui.i18n import TranslationContext

_frozen_now: datetime | None = None


class Status(TranslationContext):
    """The translation context of these words (``Status.tr(...)``: lupdate reads the context
    from the class name, plural forms included)."""


def freeze_now(now: datetime | None) -> None:
    """Fix "now" for every relative time (screenshots, tests); None follows the clock."""
    global _frozen_now
    _frozen_now = now


def current_time() -> datetime:
    """Now (or the frozen now), timezone-aware."""
    return _frozen_now or datetime.now(UTC)


def count_text(n: int) -> str:
    """``1,310`` in English, ``1 310`` in French: a count grouped as the language groups it."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:  # no real locale: read like English
        return f"{n:,}"
    return locale.toString(n)


def decimal_text(value: float, decimals: int = 1) -> str:
    """``3.4`` in English, ``3,4`` in French."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return f"{value:.{decimals}f}"
    return locale.toString(value, "f", decimals)


def matter_state_name(state: MatterSyncState) -> str:
    """The bare status word of a matter state (filter menus, legends)."""
    return {
        MatterSyncState.IN_SYNC: Status.tr("In sync"),
        MatterSyncState.SYNCING: Status.tr("Syncing"),
        MatterSyncState.PENDING: Status.tr("Pending"),
        MatterSyncState.NEEDS_CLIENT: Status.tr("Needs a linked client"),
        MatterSyncState.NOT_SYNCED: Status.tr("Not synced (pre-existing)"),
        MatterSyncState.CONFLICT: Status.tr("Conflict"),
        MatterSyncState.ERROR: Status.tr("Error"),
        MatterSyncState.PAUSED: Status.tr("Paused"),
        MatterSyncState.WAITING: Status.tr("Waiting for your OK"),
    }[MatterSyncState(state)]


def matter_state_text(view: MatterView) -> str:
    """The status column's words for one matter, with its counts."""
    state = view.state
    if state == MatterSyncState.SYNCING:
        return (
            Status.tr("Syncing %1↑ %2↓")
            .replace("%1", str(view.uploading))
            .replace("%2", str(view.downloading))
        )
    if state == MatterSyncState.PENDING and view.pending:
        return Status.tr("Pending (%n)", "", view.pending)
    if state == MatterSyncState.CONFLICT and view.conflicts:
        return Status.tr("Conflict (%n)", "", view.conflicts)
    return matter_state_name(state)


def matter_state_detail(view: MatterView, held: int = 0) -> str:
    """What the matter's state means, in the UI's words (the fly-out, the status tooltip).

    Built from the view's state and counts; the engine's ``state_detail`` is shown only for an
    error, where it is the free-form reason. ``held``: deletions a guard holds for the matter.
    """
    state = view.state
    if state == MatterSyncState.NOT_SYNCED:
        return Status.tr("Pre-existing matter: choose “Sync with Clio” to link it.")
    if state == MatterSyncState.NEEDS_CLIENT:
        names = ", ".join(c.name for c in view.clients if c.contact_id is None)
        if not names:
            return Status.tr("Link one of its clients to a Clio contact.")
        return Status.tr("Needs a linked client: %1").replace("%1", names)
    if state == MatterSyncState.WAITING:
        return Status.tr("Waiting for you to confirm creating new Clio matters.")
    if state == MatterSyncState.PAUSED:
        if held == 1:
            return Status.tr("1 deletion held: confirm it or restore the file.")
        if held:
            return Status.tr("%n deletions held: confirm or restore them.", "", held)
        return Status.tr("Syncing is paused.")
    if state == MatterSyncState.CONFLICT:
        if view.conflicts > 1:
            return Status.tr("%n version conflicts to resolve", "", view.conflicts)
        return Status.tr("1 version conflict to resolve")
    if state == MatterSyncState.ERROR:
        return view.state_detail or Status.tr("A document could not be synced.")
    if state == MatterSyncState.PENDING:
        if not view.linked:
            return Status.tr("The Clio matter will be created on the next sync.")
        if view.pending > 1:
            return Status.tr("%n changes waiting to be synced", "", view.pending)
        return Status.tr("1 change waiting to be synced")
    return matter_state_text(view)


def suggestion_reason(reason: str) -> str:
    """Why the engine suggests a Clio matter, in the UI's words when the reason is a known one."""
    known = {
        "same client": Status.tr("same client"),
        "same description": Status.tr("same description"),
        "similar description": Status.tr("similar description"),
        "same number": Status.tr("same number"),
        "same open date": Status.tr("same open date"),
    }
    return known.get(reason, reason)


def document_state_text(doc: DocumentView) -> str:
    """The status words of one document (with the progress while transferring)."""
    state = doc.state
    pct = (
        ""
        if doc.progress is None
        else " " + Status.tr("%1 %").replace("%1", str(round(doc.progress * 100)))
    )
    if state == DocumentState.UPLOADING:
        return Status.tr("Uploading") + pct
    if state == DocumentState.DOWNLOADING:
        return Status.tr("Downloading") + pct
    return {
        DocumentState.IN_SYNC: Status.tr("In sync"),
        DocumentState.PENDING: Status.tr("Pending"),
        DocumentState.HISTORICAL: Status.tr("Historical — not in Clio"),
        DocumentState.CONFLICT: Status.tr("Version conflict"),
        DocumentState.ERROR: Status.tr("Error"),
        DocumentState.WAITING: Status.tr("Waiting"),
        DocumentState.HELD: Status.tr("Deletion held"),
    }[DocumentState(state)]


def document_detail(doc: DocumentView) -> str:
    """What a document's state means, in the UI's words where the state says it all; the
    engine's reason for an error or a wait (free-form: "Open in Word…") as it is."""
    if doc.state == DocumentState.CONFLICT:
        return Status.tr("Changed here and in Clio since the last sync: choose which to keep.")
    if doc.state == DocumentState.HELD:
        return Status.tr("Deleted on the other side: held until you confirm or restore it.")
    return doc.detail


def document_state_words() -> list[str]:
    """Every document status as the status column can show it (transfers at 100 %): the
    column is made wide enough for the longest in the current language."""
    words = []
    for state in DocumentState:
        progress = 1.0 if state in (DocumentState.UPLOADING, DocumentState.DOWNLOADING) else None
        words.append(document_state_text(DocumentView("", "", 0, None, state, progress=progress)))
    return words


def engine_state_name(state: EngineState) -> str:
    """The bare word of the engine's overall state (tray tooltip, menus)."""
    return {
        EngineState.IDLE: Status.tr("In sync"),
        EngineState.SYNCING: Status.tr("Syncing"),
        EngineState.PAUSED: Status.tr("Paused"),
        EngineState.OFFLINE: Status.tr("Offline — retrying"),
        EngineState.ERROR: Status.tr("Error"),
        EngineState.CONFLICT: Status.tr("Version conflicts"),
        EngineState.SIGNED_OUT: Status.tr("Not connected to Clio"),
        EngineState.STARTING: Status.tr("Starting…"),
    }[EngineState(state)]


def engine_state_text(status: EngineStatus, now: datetime | None = None) -> str:
    """The toolbar's summary: "In sync — 2 min ago", "Syncing 12↑ 3↓ — about 4 min left", …"""
    state = status.state
    if state == EngineState.IDLE:
        if status.last_sync:
            return Status.tr("In sync — %1").replace("%1", relative_time(status.last_sync, now))
        return engine_state_name(state)
    if state == EngineState.SYNCING:
        text = (
            Status.tr("Syncing %1↑ %2↓")
            .replace("%1", str(status.uploading))
            .replace("%2", str(status.downloading))
        )
        if status.eta_seconds and status.eta_seconds >= 90:
            minutes = round(status.eta_seconds / 60)
            text += " — " + Status.tr("about %n min left", "", minutes)
        return text
    if state == EngineState.CONFLICT and status.conflicts:
        n = status.conflicts
        return (
            Status.tr("1 version conflict") if n == 1 else Status.tr("%n version conflicts", "", n)
        )
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
        return Status.tr("just now")
    if seconds < 3600:
        return Status.tr("%n min ago", "", max(1, round(seconds / 60)))
    local = moment.astimezone()
    local_now = now.astimezone()
    if local.date() == local_now.date():
        return local.strftime("%H:%M")
    if (local_now.date() - local.date()).days == 1:
        return Status.tr("yesterday %1").replace("%1", local.strftime("%H:%M"))
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
        return Status.tr("yesterday %1").replace("%1", local.strftime("%H:%M"))
    return local.strftime("%Y-%m-%d %H:%M")


def file_size(n: int) -> str:
    """A byte count for people: "0 B", "812 B", "212 KB", "3.4 MB", "1.2 GB" (French: "Ko")."""
    if n < 1000:
        return Status.tr("%1 B", "bytes").replace("%1", str(n))
    value = float(n)
    units = (
        Status.tr("%1 KB", "kilobytes"),
        Status.tr("%1 MB", "megabytes"),
        Status.tr("%1 GB", "gigabytes"),
        Status.tr("%1 TB", "terabytes"),
    )
    index = 0
    value /= 1000
    while value >= 999.5 and index < len(units) - 1:
        value /= 1000
        index += 1
    number = f"{value:.0f}" if value >= 10 else decimal_text(value, 1)
    return units[index].replace("%1", number)


def engine_text(template: str, params: Sequence[tuple[str, str]], fallback: str) -> str:
    """A sentence the engine wrote as a template (``desktop.sync.messages.msg``), in the current
    language: the template is translated (context ``EngineMessages``; the plural form picked
    by ``n`` when it has ``{n}``), then filled — counts and decimals written as the language
    writes them, matter statuses in its words, a value that is itself a message (a Clio error's
    ``user_template`` as ``{reason}``) translated the same way, other values as they are.
    ``fallback`` (the engine's English) when there is no template, or when a translation does
    not fit it."""
    if not template:
        return fallback
    values = {name: value for name, value in params if NESTED not in name}
    n = _count(values.get("n")) if "{n}" in template else -1
    translated = engine_messages.translate(template, n)
    wanted, needed = _names(translated), _names(template)
    if wanted is None or needed is None:
        return fallback
    # every value the template shows, the count aside (a singular form may say "one")
    if not needed - {"n"} <= wanted <= values.keys():
        return fallback
    shown = {name: _param_text(name, value, params) for name, value in values.items()}
    try:
        return translated.format(**shown)
    except (KeyError, IndexError, ValueError, AttributeError):
        return fallback


def message_text(message: Message) -> str:
    """A :class:`~desktop.sync.messages.Message` in the current language (see
    :func:`engine_text`; its English when it has no translation)."""
    return engine_text(message.template, message.params, message.english())


def status_message(status: EngineStatus) -> str:
    """What went wrong in the last pass (``EngineStatus.message``), in the current language;
    ``""`` when nothing did."""
    return engine_text(status.message_template, status.message_params, status.message)


def _names(text: str) -> set[str] | None:
    """The ``{placeholders}`` of ``text`` (None if it is not a valid template)."""
    try:
        return {name for _t, name, _s, _c in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def _count(value: str | None) -> int:
    try:
        return max(0, int(value or ""))
    except ValueError:
        return -1


def _param_text(name: str, value: str, params: Sequence[tuple[str, str]] = ()) -> str:
    """One parameter as the current language writes it (see :func:`engine_text`)."""
    inner = nested(tuple(params), name) if params else None
    if inner is not None:
        return engine_text(inner.template, inner.params, value)
    if name in ("status", "old_status"):
        return engine_messages.status_word(value)
    if name not in NUMBER_PARAMS:
        return value
    try:
        number = Decimal(value)
    except InvalidOperation:
        return value
    if not number.is_finite():
        return value
    exponent = number.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if decimals == 0 and number == number.to_integral_value():
        return count_text(int(number))
    return decimal_text(float(number), decimals)
