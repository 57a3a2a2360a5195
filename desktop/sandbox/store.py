"""The sandbox's data: plain dicts in tables, one lock, monotonic ids, etags that change on
every write.

Every record is a dict with ``id``, ``_t`` (its table), ``_v`` (a write counter the etag is
derived from), ``created_ts`` and ``updated_ts`` (epoch seconds). Nested items (email addresses,
custom field values, external properties...) are dicts of the same shape kept inside their
parent record. Each table numbers its ids from its own base, so an id of one kind never names a
record of another kind by accident (a client mixing up matter and contact ids gets a 404).

Callers hold :attr:`Store.lock` around every read-modify-write; the store calls ``on_write``
after each change so persistence can save (debounced).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from typing import Any

from desktop.sandbox.timeutil import now

Record = dict[str, Any]

TABLES = (
    "users",
    "contacts",
    "matters",
    "relationships",
    "custom_fields",
    "folders",
    "documents",
    "versions",
    "activities",
    "expense_categories",
    "bills",
)
# Nested item sequences (ids only; the items live inside their parent record).
SUBSEQS = (
    "email_addresses",
    "phone_numbers",
    "addresses",
    "custom_field_values",
    "external_properties",
    "picklist_options",
)

_BASES = {name: (i + 1) * 10_000_000 for i, name in enumerate(TABLES + SUBSEQS)}


def etag_of(rec: Record) -> str:
    """The quoted entity tag of a record; it changes with every write (``_v``)."""
    raw = f"{rec.get('_t')}:{rec.get('id')}:{rec.get('_v')}:{rec.get('updated_ts')}"
    return '"' + hashlib.md5(raw.encode()).hexdigest() + '"'


class Store:
    """Tables of records, id sequences and OAuth grants behind one re-entrant lock."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.on_write: Callable[[], None] | None = None
        self.tables: dict[str, dict[int, Record]] = {}
        self.seq: dict[str, int] = {}
        self.oauth: dict[str, dict[str, Record]] = {}
        self.meta: dict[str, Any] = {}
        self.clear()

    def clear(self) -> None:
        with self.lock:
            self.tables = {name: {} for name in TABLES}
            self.seq = dict(_BASES)
            self.oauth = {"access": {}, "refresh": {}}
            self.meta = {}

    # -- ids and writes --------------------------------------------------------------------
    def next_id(self, seq: str) -> int:
        with self.lock:
            self.seq[seq] += 1
            return self.seq[seq]

    def changed(self) -> None:
        """Tell persistence something was written."""
        if self.on_write is not None:
            self.on_write()

    def insert(self, table: str, rec: Record, ts: float | None = None) -> Record:
        """Add a record: assigns ``id``, timestamps and the first version."""
        with self.lock:
            t = now() if ts is None else ts
            rec["id"] = self.next_id(table)
            rec["_t"] = table
            rec["_v"] = 1
            rec.setdefault("created_ts", t)
            rec["updated_ts"] = t
            self.tables[table][rec["id"]] = rec
            self.changed()
            return rec

    def new_item(self, seq: str, fields: Record) -> Record:
        """A nested item (email address, custom field value...) with its own id and etag."""
        t = now()
        item = {"id": self.next_id(seq), "_t": seq, "_v": 1, "created_ts": t, "updated_ts": t}
        item.update(fields)
        return item

    def touch(self, rec: Record, ts: float | None = None) -> None:
        """Mark a record (or nested item) as written: new ``updated_at`` and etag."""
        rec["_v"] = int(rec.get("_v", 0)) + 1
        rec["updated_ts"] = now() if ts is None else ts
        self.changed()

    def delete(self, table: str, rec_id: int) -> None:
        with self.lock:
            self.tables[table].pop(rec_id, None)
            self.changed()

    # -- reads ------------------------------------------------------------------------------
    def get(self, table: str, rec_id: Any) -> Record | None:
        if isinstance(rec_id, bool):
            return None
        if isinstance(rec_id, str) and rec_id.isdigit():
            rec_id = int(rec_id)
        if not isinstance(rec_id, int):
            return None
        return self.tables[table].get(rec_id)

    def all(self, table: str) -> Iterator[Record]:
        """Records in id order (ids only grow, and dicts keep insertion order)."""
        return iter(list(self.tables[table].values()))

    # -- persistence ------------------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            return {
                "format": 1,
                "tables": {name: list(t.values()) for name, t in self.tables.items()},
                "seq": dict(self.seq),
                "oauth": {k: dict(v) for k, v in self.oauth.items()},
                "meta": dict(self.meta),
            }

    def load(self, data: dict[str, Any]) -> None:
        if data.get("format") != 1:
            raise ValueError("unknown sandbox state format")
        with self.lock:
            self.clear()
            for name, rows in data.get("tables", {}).items():
                if name in self.tables:
                    self.tables[name] = {int(r["id"]): r for r in rows}
            for name, value in data.get("seq", {}).items():
                self.seq[name] = max(self.seq.get(name, 0), int(value))
            for kind in ("access", "refresh"):
                self.oauth[kind] = dict(data.get("oauth", {}).get(kind, {}))
            self.meta = dict(data.get("meta", {}))
