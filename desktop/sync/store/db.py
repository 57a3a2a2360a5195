"""The SQLite connection: WAL mode, migrations with a copy taken before each one, one lock.

Every write goes through :meth:`Database.write` (a transaction), which is also where tests inject
a failure at the N-th write (``fail_write_at``) to prove that a crash at any write converges.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class StoreError(Exception):
    """The state database cannot be opened, migrated or written."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.user_message = message


class StoreWriteFault(StoreError):
    """An injected failure of the N-th write (tests only)."""


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


class Database:
    """A thread-safe SQLite connection with migrations.

    One connection is shared by the engine's threads under a re-entrant lock; other processes
    (``prolegis-desktop status`` beside a running sync) open their own, which WAL allows.
    """

    def __init__(self, path: Path, migrations: Sequence[Migration]) -> None:
        self.path = path
        self._lock = threading.RLock()
        self.writes = 0
        self.fail_write_at: int | None = None
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._conn = sqlite3.connect(
                str(path), check_same_thread=False, isolation_level=None, timeout=30.0
            )
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.execute("PRAGMA busy_timeout=30000")
        except sqlite3.Error as exc:
            raise StoreError(f"Cannot open the state database {path}: {exc}") from exc
        self._migrate(migrations)

    # -- migrations ---------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        row = self._conn.execute("PRAGMA user_version").fetchone()
        return int(row[0])

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        current = self.schema_version
        pending = sorted((m for m in migrations if m.version > current), key=lambda m: m.version)
        if not pending:
            return
        if current > 0:
            self._backup(current)
        for m in pending:
            log.info("migrating state database %s to version %d (%s)", self.path, m.version, m.name)
            try:
                with self._lock:
                    self._conn.execute("BEGIN IMMEDIATE")
                    for statement in _split_sql(m.sql):
                        self._conn.execute(statement)
                    self._conn.execute(f"PRAGMA user_version={int(m.version)}")
                    self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self._conn.execute("ROLLBACK")
                raise StoreError(
                    f"Cannot upgrade the state database to version {m.version}: {exc}"
                ) from exc

    def _backup(self, version: int) -> Path:
        """Copy the database (consistently, with SQLite's backup API) before migrating it."""
        target = self.path.with_name(f"{self.path.stem}.v{version}.bak{self.path.suffix}")
        dest = sqlite3.connect(str(target))
        try:
            self._conn.backup(dest)
        finally:
            dest.close()
        log.info("state database copied to %s before migration", target)
        return target

    # -- access ---------------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return list(self._conn.execute(sql, params))

    def query_one(
        self, sql: str, params: Sequence[Any] | dict[str, Any] = ()
    ) -> sqlite3.Row | None:
        with self._lock:
            row: sqlite3.Row | None = self._conn.execute(sql, params).fetchone()
            return row

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction. Nested calls join the outer transaction."""
        with self._lock:
            if self._conn.in_transaction:
                yield self._conn
                return
            self.writes += 1
            if self.fail_write_at is not None and self.writes == self.fail_write_at:
                raise StoreWriteFault(f"injected failure of state write #{self.writes}")
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                try:
                    self._conn.execute("COMMIT")
                except sqlite3.Error as exc:
                    self._conn.execute("ROLLBACK")
                    raise StoreError(f"Cannot save sync state: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside our literals)."""
    return [s.strip() for s in script.split(";") if s.strip()]
