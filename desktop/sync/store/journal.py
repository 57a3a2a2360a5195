"""The journal of intents: every Clio mutation is written here before it is sent.

An intent is *open* while the call is in flight and *closed* (done / undone / failed) after. At
start, open intents are the calls a crash interrupted: the engine finishes or undoes each one
(looking the record up by its tag) instead of repeating it blindly.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desktop.sync.clock import iso
from desktop.sync.store.db import Database


@dataclass(frozen=True)
class Intent:
    id: int
    kind: str
    subject: str
    payload: dict[str, Any]
    state: str
    created_at: str
    closed_at: str | None
    result: dict[str, Any]


def _row(r: Any) -> Intent:
    return Intent(
        id=r["id"],
        kind=r["kind"],
        subject=r["subject"],
        payload=json.loads(r["payload"]),
        state=r["state"],
        created_at=r["created_at"],
        closed_at=r["closed_at"],
        result=json.loads(r["result"]) if r["result"] else {},
    )


class Journal:
    def __init__(self, db: Database) -> None:
        self._db = db

    def open(self, kind: str, subject: str, payload: dict[str, Any]) -> int:
        """Record an intent before the call; returns its id."""
        with self._db.write() as c:
            cur = c.execute(
                "INSERT INTO journal (kind, subject, payload, state, created_at) "
                "VALUES (?, ?, ?, 'open', ?)",
                (kind, subject, json.dumps(payload, sort_keys=True), iso()),
            )
            return int(cur.lastrowid or 0)

    def update_payload(self, intent_id: int, payload: dict[str, Any]) -> None:
        """Remember progress inside an intent (e.g. the stub id after the POST of an upload)."""
        with self._db.write() as c:
            c.execute(
                "UPDATE journal SET payload = ? WHERE id = ?",
                (json.dumps(payload, sort_keys=True), intent_id),
            )

    def close(
        self, intent_id: int, state: str = "done", result: dict[str, Any] | None = None
    ) -> None:
        if state not in ("done", "undone", "failed"):
            raise ValueError(f"bad intent state {state!r}")
        with self._db.write() as c:
            c.execute(
                "UPDATE journal SET state = ?, closed_at = ?, result = ? WHERE id = ?",
                (state, iso(), json.dumps(result or {}, sort_keys=True), intent_id),
            )

    def get(self, intent_id: int) -> Intent | None:
        row = self._db.query_one("SELECT * FROM journal WHERE id = ?", (intent_id,))
        return _row(row) if row else None

    def open_intents(self, kind: str | None = None) -> list[Intent]:
        if kind is None:
            rows = self._db.query("SELECT * FROM journal WHERE state = 'open' ORDER BY id")
        else:
            rows = self._db.query(
                "SELECT * FROM journal WHERE state = 'open' AND kind = ? ORDER BY id", (kind,)
            )
        return [_row(r) for r in rows]

    def prune(self, keep_days: int = 30) -> int:
        """Drop closed intents older than ``keep_days``."""
        with self._db.write() as c:
            cur = c.execute(
                "DELETE FROM journal WHERE state != 'open' AND closed_at < "
                "strftime('%Y-%m-%dT%H:%M:%f', 'now', ?)",
                (f"-{int(keep_days)} days",),
            )
            return cur.rowcount
