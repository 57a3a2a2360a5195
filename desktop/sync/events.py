"""Typed events the engine reports (on its own thread) to listeners: the GUI bridges them to Qt
signals; the command line prints them. Every field is an immutable view from ``views``."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.sync.messages import Message
from desktop.sync.views import (
    ActivityLogEntry,
    ClientMatchView,
    ConflictView,
    DocumentView,
    EngineStatus,
    GuardView,
    MatterSuggestion,
    MatterView,
)


@dataclass(frozen=True)
class Event:
    """Base class of every engine event."""


@dataclass(frozen=True)
class StatusChanged(Event):
    status: EngineStatus


@dataclass(frozen=True)
class MattersChanged(Event):
    """Matter rows changed. ``full`` means this is every matter (replace the list)."""

    matters: tuple[MatterView, ...]
    full: bool = False
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocumentsChanged(Event):
    """The documents of one matter (always the full list for that matter)."""

    matter_id: str
    documents: tuple[DocumentView, ...]


@dataclass(frozen=True)
class TransferProgress(Event):
    matter_id: str
    rel_path: str
    direction: str  # "up" | "down"
    done: int
    total: int


@dataclass(frozen=True)
class HistoryAdded(Event):
    entries: tuple[ActivityLogEntry, ...]  # oldest first


@dataclass(frozen=True)
class ConflictsChanged(Event):
    conflicts: tuple[ConflictView, ...]  # every open conflict


@dataclass(frozen=True)
class GuardsChanged(Event):
    guards: tuple[GuardView, ...]  # every guard currently holding something


@dataclass(frozen=True)
class MatchesReady(Event):
    results: tuple[ClientMatchView, ...]


@dataclass(frozen=True)
class SuggestionsReady(Event):
    matter_id: str
    suggestions: tuple[MatterSuggestion, ...]


@dataclass(frozen=True)
class CommandFailed(Event):
    """A user command could not be done; ``message`` says why and what to do (English);
    ``template`` and ``params`` let the GUI say it in the user's language (see
    :func:`command_failed`; empty: only the English is known)."""

    command: str
    message: str
    template: str = ""
    params: tuple[tuple[str, str], ...] = ()


def command_failed(command: str, message: Message) -> CommandFailed:
    """A :class:`CommandFailed` from a :class:`~desktop.sync.messages.Message`."""
    return CommandFailed(command, message.english(), message.template, message.params)


@dataclass(frozen=True)
class Notice(Event):
    """Something worth a desktop notification (conflict, error, new matter needing a client…).

    ``title`` and ``message`` are English; ``title_template``, ``message_template`` and
    ``params`` (shared by both) let the GUI say them in the user's language (see
    :func:`notice`)."""

    level: str  # info | warning | error
    title: str
    message: str
    matter_id: str | None = None
    title_template: str = ""
    message_template: str = ""
    params: tuple[tuple[str, str], ...] = ()


def notice(level: str, title: Message, message: Message, matter_id: str | None = None) -> Notice:
    """A :class:`Notice` from two :class:`~desktop.sync.messages.Message` values."""
    return Notice(
        level,
        title.text(),
        message.text(),
        matter_id,
        title.template,
        message.template,
        title.params + message.params,
    )
