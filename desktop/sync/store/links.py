"""Links between Prolegis records and Clio records, the matter baseline and historical snapshots."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.sync.clock import iso
from desktop.sync.store.db import Database


@dataclass(frozen=True)
class ClientLink:
    client_id: str
    contact_id: int
    contact_name: str
    how: str  # "matched" (user chose), "confident" (accept-all), "created", "adopted"
    linked_at: str


@dataclass(frozen=True)
class MatterLink:
    matter_id: str
    clio_matter_id: int
    display_number: str
    clio_folder_id: int | None
    how: str  # "created" (new matter), "linked" (pre-existing, user chose), "adopted" (found tag)
    linked_at: str
    folder: str
    status: str
    etag: str


@dataclass(frozen=True)
class ActivityLink:
    activity_id: str
    matter_id: str
    clio_activity_id: int
    etag: str
    pushed_digest: str
    pushed_at: str
    state: str  # "pushed", "billed", "clio_edited"
    detail: str


@dataclass(frozen=True)
class SnapshotEntry:
    rel_path: str
    size: int
    mtime_ns: int
    inode: int


class ClientLinks:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, client_id: str) -> ClientLink | None:
        row = self._db.query_one("SELECT * FROM client_links WHERE client_id = ?", (client_id,))
        return ClientLink(**dict(row)) if row else None

    def all(self) -> dict[str, ClientLink]:
        rows = self._db.query("SELECT * FROM client_links")
        return {r["client_id"]: ClientLink(**dict(r)) for r in rows}

    def by_contact(self, contact_id: int) -> list[ClientLink]:
        rows = self._db.query("SELECT * FROM client_links WHERE contact_id = ?", (contact_id,))
        return [ClientLink(**dict(r)) for r in rows]

    def link(self, client_id: str, contact_id: int, contact_name: str, how: str) -> ClientLink:
        link = ClientLink(client_id, contact_id, contact_name, how, iso())
        with self._db.write() as c:
            c.execute(
                "INSERT OR REPLACE INTO client_links VALUES (?, ?, ?, ?, ?)",
                (link.client_id, link.contact_id, link.contact_name, link.how, link.linked_at),
            )
        return link

    def unlink(self, client_id: str) -> bool:
        with self._db.write() as c:
            return (
                c.execute("DELETE FROM client_links WHERE client_id = ?", (client_id,)).rowcount > 0
            )


class MatterLinks:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, matter_id: str) -> MatterLink | None:
        row = self._db.query_one("SELECT * FROM matter_links WHERE matter_id = ?", (matter_id,))
        return MatterLink(**dict(row)) if row else None

    def by_clio_id(self, clio_matter_id: int) -> MatterLink | None:
        row = self._db.query_one(
            "SELECT * FROM matter_links WHERE clio_matter_id = ?", (clio_matter_id,)
        )
        return MatterLink(**dict(row)) if row else None

    def all(self) -> dict[str, MatterLink]:
        return {
            r["matter_id"]: MatterLink(**dict(r))
            for r in self._db.query("SELECT * FROM matter_links")
        }

    def link(
        self,
        matter_id: str,
        clio_matter_id: int,
        *,
        display_number: str,
        clio_folder_id: int | None,
        how: str,
        folder: str,
        status: str,
        etag: str = "",
        snapshot: Iterable[SnapshotEntry] = (),
    ) -> MatterLink:
        """Record the link and, atomically with it, the historical snapshot of the folder."""
        link = MatterLink(
            matter_id,
            clio_matter_id,
            display_number,
            clio_folder_id,
            how,
            iso(),
            folder,
            status,
            etag,
        )
        with self._db.write() as c:
            c.execute(
                "INSERT OR REPLACE INTO matter_links VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    link.matter_id,
                    link.clio_matter_id,
                    link.display_number,
                    link.clio_folder_id,
                    link.how,
                    link.linked_at,
                    link.folder,
                    link.status,
                    link.etag,
                ),
            )
            c.execute("DELETE FROM historical WHERE matter_id = ?", (matter_id,))
            c.executemany(
                "INSERT INTO historical VALUES (?, ?, ?, ?, ?)",
                [(matter_id, e.rel_path, e.size, e.mtime_ns, e.inode) for e in snapshot],
            )
        return link

    def update(self, matter_id: str, **fields: object) -> None:
        allowed = {"display_number", "clio_folder_id", "folder", "status", "etag"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"cannot update {sorted(unknown)} on a matter link")
        if not fields:
            return
        assignments = ", ".join(f"{k} = ?" for k in fields)
        with self._db.write() as c:
            c.execute(
                f"UPDATE matter_links SET {assignments} WHERE matter_id = ?",
                (*fields.values(), matter_id),
            )

    def unlink(self, matter_id: str) -> bool:
        with self._db.write() as c:
            c.execute("DELETE FROM historical WHERE matter_id = ?", (matter_id,))
            return (
                c.execute("DELETE FROM matter_links WHERE matter_id = ?", (matter_id,)).rowcount > 0
            )

    def snapshot(self, matter_id: str) -> dict[str, SnapshotEntry]:
        rows = self._db.query(
            "SELECT rel_path, size, mtime_ns, inode FROM historical WHERE matter_id = ?",
            (matter_id,),
        )
        return {r["rel_path"]: SnapshotEntry(**dict(r)) for r in rows}

    def forget_historical(self, matter_id: str, rel_paths: Iterable[str]) -> None:
        """A historical file was pushed or changed: it is live from now on."""
        with self._db.write() as c:
            c.executemany(
                "DELETE FROM historical WHERE matter_id = ? AND rel_path = ?",
                [(matter_id, p) for p in rel_paths],
            )


class Baseline:
    """Which matters were pre-existing when this account and workspace were first connected."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def taken(self) -> bool:
        return (
            self._db.query_one("SELECT value FROM meta WHERE key = 'baseline_taken_at'") is not None
        )

    def take(self, matter_ids: Iterable[str]) -> None:
        """Record every given matter as pre-existing, once; later calls do nothing."""
        now = iso()
        with self._db.write() as c:
            if c.execute("SELECT 1 FROM meta WHERE key = 'baseline_taken_at'").fetchone():
                return
            c.executemany(
                "INSERT OR IGNORE INTO baseline VALUES (?, ?)", [(m, now) for m in matter_ids]
            )
            c.execute("INSERT INTO meta VALUES ('baseline_taken_at', ?)", (json.dumps(now),))

    def add(self, matter_ids: Iterable[str]) -> None:
        """Treat these matters as pre-existing from now on (a new matter the user unlinked:
        nothing happens until the user links it again)."""
        now = iso()
        with self._db.write() as c:
            c.executemany(
                "INSERT OR IGNORE INTO baseline VALUES (?, ?)", [(m, now) for m in matter_ids]
            )

    def is_preexisting(self, matter_id: str) -> bool:
        return (
            self._db.query_one("SELECT 1 FROM baseline WHERE matter_id = ?", (matter_id,))
            is not None
        )

    def preexisting(self) -> set[str]:
        return {r["matter_id"] for r in self._db.query("SELECT matter_id FROM baseline")}


class ActivityLinks:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, activity_id: str) -> ActivityLink | None:
        row = self._db.query_one(
            "SELECT * FROM activity_links WHERE activity_id = ?", (activity_id,)
        )
        return ActivityLink(**dict(row)) if row else None

    def all(self) -> dict[str, ActivityLink]:
        rows = self._db.query("SELECT * FROM activity_links")
        return {r["activity_id"]: ActivityLink(**dict(r)) for r in rows}

    def record_push(
        self,
        activity_id: str,
        matter_id: str,
        clio_activity_id: int,
        etag: str,
        digest: str,
        *,
        state: str = "pushed",
        detail: str = "",
    ) -> None:
        with self._db.write() as c:
            c.execute(
                "INSERT OR REPLACE INTO activity_links VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (activity_id, matter_id, clio_activity_id, etag, digest, iso(), state, detail),
            )

    def set_state(self, activity_id: str, state: str, detail: str = "") -> None:
        with self._db.write() as c:
            c.execute(
                "UPDATE activity_links SET state = ?, detail = ? WHERE activity_id = ?",
                (state, detail, activity_id),
            )

    def remove(self, activity_id: str) -> None:
        with self._db.write() as c:
            c.execute("DELETE FROM activity_links WHERE activity_id = ?", (activity_id,))
