"""The local copy of Clio records (one table, keyed by resource and id) and guard holds."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from desktop.sync.clock import iso
from desktop.sync.store.db import Database


class RecordsCache:
    """Clio records as JSON, by resource ("contacts", "matters", "activities", "users", …)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def upsert(self, resource: str, records: Iterable[dict[str, Any]]) -> int:
        rows = [
            (
                resource,
                int(r["id"]),
                str(r.get("etag") or ""),
                str(r.get("updated_at") or ""),
                json.dumps(r, sort_keys=True),
            )
            for r in records
        ]
        if rows:
            with self._db.write() as c:
                c.executemany("INSERT OR REPLACE INTO clio_records VALUES (?, ?, ?, ?, ?)", rows)
        return len(rows)

    def replace_all(self, resource: str, records: Iterable[dict[str, Any]]) -> int:
        """A full refresh: the cache becomes exactly ``records`` (catches Clio-side deletions)."""
        with self._db.write() as c:
            c.execute("DELETE FROM clio_records WHERE resource = ?", (resource,))
            return self.upsert(resource, records)

    def delete(self, resource: str, ids: Iterable[int]) -> None:
        with self._db.write() as c:
            c.executemany(
                "DELETE FROM clio_records WHERE resource = ? AND id = ?",
                [(resource, int(i)) for i in ids],
            )

    def get(self, resource: str, record_id: int) -> dict[str, Any] | None:
        row = self._db.query_one(
            "SELECT data FROM clio_records WHERE resource = ? AND id = ?", (resource, record_id)
        )
        return json.loads(row["data"]) if row else None

    def all(self, resource: str) -> Iterator[dict[str, Any]]:
        for row in self._db.query(
            "SELECT data FROM clio_records WHERE resource = ? ORDER BY id", (resource,)
        ):
            yield json.loads(row["data"])

    def count(self, resource: str) -> int:
        row = self._db.query_one(
            "SELECT COUNT(*) AS n FROM clio_records WHERE resource = ?", (resource,)
        )
        return int(row["n"]) if row else 0


@dataclass(frozen=True)
class Hold:
    kind: str  # "new_matter" | "activity_removal" | "deletions"
    subject: str
    matter_id: str
    detail: str
    decision: str  # "ask" | "allow" | "defer"
    since: str


class Holds:
    """What a safety guard is holding, and what the user decided about it."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def hold(self, kind: str, subject: str, *, matter_id: str = "", detail: str = "") -> None:
        with self._db.write() as c:
            c.execute(
                "INSERT OR IGNORE INTO held VALUES (?, ?, ?, ?, 'ask', ?)",
                (kind, subject, matter_id, detail, iso()),
            )

    def decide(self, kind: str, decision: str, *, matter_id: str | None = None) -> int:
        if decision not in ("ask", "allow", "defer"):
            raise ValueError(decision)
        with self._db.write() as c:
            if matter_id is None:
                cur = c.execute("UPDATE held SET decision = ? WHERE kind = ?", (decision, kind))
            else:
                cur = c.execute(
                    "UPDATE held SET decision = ? WHERE kind = ? AND matter_id = ?",
                    (decision, kind, matter_id),
                )
            return cur.rowcount

    def release(self, kind: str, subjects: Iterable[str]) -> None:
        with self._db.write() as c:
            c.executemany(
                "DELETE FROM held WHERE kind = ? AND subject = ?", [(kind, s) for s in subjects]
            )

    def all(self, kind: str | None = None) -> list[Hold]:
        if kind is None:
            rows = self._db.query("SELECT * FROM held ORDER BY since, subject")
        else:
            rows = self._db.query(
                "SELECT * FROM held WHERE kind = ? ORDER BY since, subject", (kind,)
            )
        return [Hold(**dict(r)) for r in rows]

    def with_decision(self, kind: str, decision: str) -> set[str]:
        rows = self._db.query(
            "SELECT subject FROM held WHERE kind = ? AND decision = ?", (kind, decision)
        )
        return {r["subject"] for r in rows}
