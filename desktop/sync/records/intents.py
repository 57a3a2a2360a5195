"""The records half's journal intents: each is opened with its owner (this run of the engine or
of a command-line action), and :meth:`RecordsJournal.recoverable` says which open intents are
safe to finish or undo now — never one that another live process has in flight.

Kinds: ``create_contact``, ``create_matter``, ``create_relationship``, ``update_matter``,
``create_activity``, ``update_activity``, ``delete_activity``.
"""

from __future__ import annotations

import os
import uuid
from datetime import timedelta
from typing import Any

from desktop.sync.clock import iso, parse_iso, utcnow
from desktop.sync.store import Store
from desktop.sync.store.journal import Intent

RECORD_KINDS = frozenset(
    {
        "create_contact",
        "create_matter",
        "create_relationship",
        "update_matter",
        "create_activity",
        "update_activity",
        "delete_activity",
    }
)

STALE_AFTER = timedelta(minutes=15)
"""An intent older than this is recovered whoever owns it (no Clio call takes that long)."""


class RecordsJournal:
    """Open, close and find the records half's intents."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.run_id = uuid.uuid4().hex
        self.pid = os.getpid()

    def open(self, kind: str, subject: str, payload: dict[str, Any]) -> int:
        if kind not in RECORD_KINDS:
            raise ValueError(f"not a records intent: {kind}")
        body = {**payload, "owner": self.run_id, "pid": self.pid, "opened_at": iso()}
        return self._store.journal.open(kind, subject, body)

    def close(self, intent_id: int, state: str = "done", **result: Any) -> None:
        self._store.journal.close(intent_id, state, result)

    def recoverable(self) -> list[Intent]:
        """Open records intents nobody else is working on, oldest first."""
        return [
            i
            for i in self._store.journal.open_intents()
            if i.kind in RECORD_KINDS and self._orphaned(i)
        ]

    def _orphaned(self, intent: Intent) -> bool:
        owner = intent.payload.get("owner")
        pid = intent.payload.get("pid")
        if owner == self.run_id or not isinstance(pid, int) or pid == self.pid:
            return True  # ours (nothing is in flight between items), or a finished run here
        if utcnow() - parse_iso(intent.created_at) > STALE_AFTER:
            return True
        return not _alive(pid)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (POSIX); elsewhere assume it does (age decides)."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
