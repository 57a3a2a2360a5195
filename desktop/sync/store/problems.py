"""Per-item problems: what failed (with a growing retry delay) and what needs the user.

A problem is keyed by ``(kind, subject)`` — e.g. ``("activity", "a-5001")`` — so one failing
item never blocks the rest: the engine skips it until ``retry_at`` and reports it in the status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from desktop.sync.clock import iso, parse_iso, utcnow
from desktop.sync.store.db import Database

BASE_DELAY = timedelta(seconds=25)
MAX_DELAY = timedelta(days=1)


def retry_delay(attempts: int) -> timedelta:
    """25 s × 5ⁿ⁻¹, capped at a day."""
    exponent = min(max(0, attempts - 1), 10)  # 25 s × 5¹⁰ is far past the cap already
    seconds = BASE_DELAY.total_seconds() * (5**exponent)
    return min(timedelta(seconds=seconds), MAX_DELAY)


@dataclass(frozen=True)
class Problem:
    kind: str
    subject: str
    matter_id: str
    code: str
    message: str
    needs_user: bool
    attempts: int
    retry_at: str | None
    first_seen: str
    last_seen: str

    def due(self) -> bool:
        """True when the item may be tried again now (never for problems that need the user)."""
        if self.needs_user:
            return False
        return self.retry_at is None or parse_iso(self.retry_at) <= utcnow()


def _row(r: object) -> Problem:
    d = dict(r)  # type: ignore[call-overload]
    d["needs_user"] = bool(d["needs_user"])
    return Problem(**d)


class Problems:
    def __init__(self, db: Database) -> None:
        self._db = db

    def report(
        self,
        kind: str,
        subject: str,
        code: str,
        message: str,
        *,
        matter_id: str = "",
        needs_user: bool = False,
    ) -> Problem:
        """Record a failure (or a question for the user); the retry delay grows each time."""
        now = utcnow()
        with self._db.write() as c:
            row = c.execute(
                "SELECT attempts, first_seen FROM problems WHERE kind = ? AND subject = ?",
                (kind, subject),
            ).fetchone()
            attempts = (row["attempts"] if row else 0) + 1
            first_seen = row["first_seen"] if row else iso(now)
            retry_at = None if needs_user else iso(now + retry_delay(attempts))
            c.execute(
                "INSERT OR REPLACE INTO problems VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    kind,
                    subject,
                    matter_id,
                    code,
                    message,
                    int(needs_user),
                    attempts,
                    retry_at,
                    first_seen,
                    iso(now),
                ),
            )
        return Problem(
            kind,
            subject,
            matter_id,
            code,
            message,
            needs_user,
            attempts,
            retry_at,
            first_seen,
            iso(now),
        )

    def clear(self, kind: str, subject: str) -> bool:
        with self._db.write() as c:
            cur = c.execute("DELETE FROM problems WHERE kind = ? AND subject = ?", (kind, subject))
            return cur.rowcount > 0

    def get(self, kind: str, subject: str) -> Problem | None:
        row = self._db.query_one(
            "SELECT * FROM problems WHERE kind = ? AND subject = ?", (kind, subject)
        )
        return _row(row) if row else None

    def all(self, kind: str | None = None) -> list[Problem]:
        if kind is None:
            rows = self._db.query("SELECT * FROM problems ORDER BY first_seen")
        else:
            rows = self._db.query(
                "SELECT * FROM problems WHERE kind = ? ORDER BY first_seen", (kind,)
            )
        return [_row(r) for r in rows]
