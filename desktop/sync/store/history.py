"""What happened, for the activity log: uploads, downloads, creations, pushes, errors."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.sync.clock import iso
from desktop.sync.store.db import Database


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: str
    kind: str  # e.g. "upload", "download", "matter_created", "time_entry", "error"
    result: str  # "ok" | "warning" | "error" | "info"
    matter_id: str
    subject: str
    message: str
    detail: str


class History:
    def __init__(self, db: Database, keep: int = 20_000) -> None:
        self._db = db
        self._keep = keep

    def add(
        self,
        kind: str,
        message: str,
        *,
        result: str = "ok",
        matter_id: str = "",
        subject: str = "",
        detail: str = "",
    ) -> HistoryEntry:
        at = iso()
        with self._db.write() as c:
            cur = c.execute(
                "INSERT INTO history (at, kind, result, matter_id, subject, message, detail) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (at, kind, result, matter_id, subject, message, detail),
            )
            new_id = int(cur.lastrowid or 0)
            if new_id % 500 == 0:
                c.execute("DELETE FROM history WHERE id <= ?", (new_id - self._keep,))
        return HistoryEntry(new_id, at, kind, result, matter_id, subject, message, detail)

    def recent(self, limit: int = 200, *, after_id: int = 0) -> list[HistoryEntry]:
        """The newest entries (newest first), optionally only those after ``after_id``."""
        rows = self._db.query(
            "SELECT * FROM history WHERE id > ? ORDER BY id DESC LIMIT ?", (after_id, limit)
        )
        return [HistoryEntry(**dict(r)) for r in rows]
