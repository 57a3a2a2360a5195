"""Small key/value tables: facts about this database, and settings that belong to the account."""

from __future__ import annotations

import json
from typing import Any

from desktop.sync.store.db import Database


class KeyValue:
    """A JSON-valued key/value table (``meta`` or ``account_settings``)."""

    def __init__(self, db: Database, table: str) -> None:
        if table not in ("meta", "account_settings"):
            raise ValueError(table)
        self._db = db
        self._table = table

    def get(self, key: str, default: Any = None) -> Any:
        row = self._db.query_one(f"SELECT value FROM {self._table} WHERE key = ?", (key,))
        if row is None:
            return default
        try:
            return json.loads(row["value"])
        except ValueError:
            return row["value"]

    def set(self, key: str, value: Any) -> None:
        with self._db.write() as c:
            c.execute(
                f"INSERT OR REPLACE INTO {self._table} VALUES (?, ?)", (key, json.dumps(value))
            )

    def delete(self, key: str) -> None:
        with self._db.write() as c:
            c.execute(f"DELETE FROM {self._table} WHERE key = ?", (key,))

    def all(self) -> dict[str, Any]:
        return {
            r["key"]: json.loads(r["value"]) for r in self._db.query(f"SELECT * FROM {self._table}")
        }
