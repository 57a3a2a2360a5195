"""Helpers for the records tests: run commands through the engine, read both sides."""

from __future__ import annotations

from typing import Any

from desktop.clio.records import Activity, Contact, Matter
from desktop.sync.commands import Command
from desktop.sync.events import CommandFailed
from desktop.sync.records.part import RecordsPart
from tests.support.harness import SyncHarness


def part(h: SyncHarness) -> RecordsPart:
    found = [p for p in h.engine.parts if isinstance(p, RecordsPart)]
    assert found, "the harness has no records part"
    return found[0]


def run(h: SyncHarness, command: Command) -> list[str]:
    """Send a command to the engine and let it run now; returns CommandFailed messages."""
    before = len(h.events_of(CommandFailed))
    h.engine.submit(command)
    h.engine.checkpoint()
    return [e.message for e in h.events_of(CommandFailed)[before:]]


def clio_matters(h: SyncHarness) -> list[Matter]:
    return list(h.clio.matters())


def clio_contacts(h: SyncHarness) -> list[Contact]:
    return list(h.clio.contacts())


def clio_activities(h: SyncHarness, **kw: Any) -> list[Activity]:
    return list(h.clio.activities(**kw))


def person(h: SyncHarness, first: str, last: str, email: str | None = None, **kw: Any) -> int:
    """A contact entered in Clio by the firm."""
    if email:
        kw["email_addresses"] = [{"name": "Work", "address": email, "default_email": True}]
    return int(h.admin.create_contact("Person", first_name=first, last_name=last, **kw))


def codes(report: Any) -> set[str]:
    return {r.code for r in report.reasons}
