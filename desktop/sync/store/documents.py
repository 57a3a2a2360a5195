"""The document mirror's repository: the document and folder index (the reconcile base), the
cache of what Clio last showed for the linked matters, conflicts, held deletions, pending pushes
and per-matter mirror state. Every SQL statement of the mirror lives here."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desktop.sync.clock import iso
from desktop.sync.mirror.folders import FolderBase
from desktop.sync.mirror.model import Base, RemotePath
from desktop.sync.store.db import Database


@dataclass(frozen=True)
class IndexRow:
    """One document index row: the reconcile base and the companion's own document id."""

    base: Base
    prolegis_id: str = ""
    synced_at: str = ""


@dataclass(frozen=True)
class CachedDoc:
    """A Clio document of a linked matter as the feed last listed it.

    ``version_key`` is the latest version id, negated while that version is still uploading;
    ``sha256`` is only set when the companion's stored hash describes that latest version."""

    doc_id: int
    clio_matter_id: int
    parent_id: int | None
    name: str
    version_key: int | None
    size: int | None
    sha256: str | None
    prolegis_id: str
    deleted: bool
    locked: bool
    updated_at: str = ""
    modified: str = ""


@dataclass(frozen=True)
class CachedFolder:
    folder_id: int
    clio_matter_id: int
    parent_id: int | None
    name: str
    deleted: bool
    updated_at: str = ""


@dataclass(frozen=True)
class ConflictRow:
    id: int
    matter_id: str
    rel_path: str  # the document (Clio's version for an edit conflict)
    copy_path: str  # the other copy kept beside it
    kind: str  # "edit": the copy is the local version; "historical": the copy is Clio's
    doc_id: int
    local_size: int
    local_modified: str
    clio_size: int
    clio_modified: str
    detected_at: str
    resolution: str  # "" (waiting) | "local" | "clio" | "both"


@dataclass(frozen=True)
class HeldRow:
    matter_id: str
    kind: str  # "document" | "folder"
    subject: str  # local path
    action: str  # the held action ("delete_remote" / "trash_local")
    detail: dict[str, Any]
    decision: str  # "ask" | "allow" | "restore"
    since: str


@dataclass(frozen=True)
class MirrorMatter:
    matter_id: str
    linked_at: str
    clio_matter_id: int
    root_folder_id: int
    last_sync: str | None


def _path(text: str) -> RemotePath:
    return tuple(str(p) for p in json.loads(text))


def _base(r: Any) -> IndexRow:
    base = Base(r["rel_path"], r["size"], r["mtime_ns"], r["inode"], r["sha256"],
                doc_id=r["doc_id"], remote_parent=_path(r["remote_parent"]),
                version_id=r["version_id"], remote_name=r["remote_name"],
                historical=bool(r["historical"]))
    return IndexRow(base, r["prolegis_id"], r["synced_at"])


def _under(column: str) -> str:
    return f"({column} = ? OR substr({column}, 1, length(?) + 1) = ? || '/')"


class DocumentState:
    """See the module docstring. Thread-safe through the database's lock."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # -- the document index -----------------------------------------------------------------

    def rows(self, matter_id: str) -> dict[str, IndexRow]:
        rows = self._db.query("SELECT * FROM doc_index WHERE matter_id = ?", (matter_id,))
        return {r["rel_path"]: _base(r) for r in rows}

    def row(self, matter_id: str, rel_path: str) -> IndexRow | None:
        r = self._db.query_one("SELECT * FROM doc_index WHERE matter_id = ? AND rel_path = ?",
                               (matter_id, rel_path))
        return _base(r) if r else None

    def row_by_doc(self, doc_id: int) -> tuple[str, IndexRow] | None:
        r = self._db.query_one("SELECT * FROM doc_index WHERE doc_id = ?", (doc_id,))
        return (r["matter_id"], _base(r)) if r else None

    def put_row(self, matter_id: str, base: Base, *, prolegis_id: str = "",
                replaces: str | None = None) -> None:
        """Write a row (after an action); ``replaces``: the row's old path, removed."""
        with self._db.write() as c:
            if replaces is not None and replaces != base.path:
                c.execute("DELETE FROM doc_index WHERE matter_id = ? AND rel_path = ?",
                          (matter_id, replaces))
            if base.doc_id is not None:  # one row per Clio document
                c.execute("DELETE FROM doc_index WHERE doc_id = ? AND NOT (matter_id = ? AND "
                          "rel_path = ?)", (base.doc_id, matter_id, base.path))
            c.execute(
                "INSERT OR REPLACE INTO doc_index VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (matter_id, base.path, base.size, base.mtime_ns, base.inode, base.sha256,
                 base.doc_id, json.dumps(list(base.remote_parent)), base.version_id,
                 base.remote_name, int(base.historical), prolegis_id, iso()))

    def delete_row(self, matter_id: str, rel_path: str) -> None:
        with self._db.write() as c:
            c.execute("DELETE FROM doc_index WHERE matter_id = ? AND rel_path = ?",
                      (matter_id, rel_path))

    def move_rows_under(self, matter_id: str, old: str, new: str) -> None:
        """The files below local folder ``old`` were moved with it to ``new``: their rows
        follow (paths only; what each row says of Clio is left for the pass to update). A row
        already at a destination path is kept, and the moved one stays behind."""
        with self._db.write() as c:
            rows = c.execute(
                f"SELECT rel_path FROM doc_index WHERE matter_id = ? AND {_under('rel_path')}",
                (matter_id, old, old, old)).fetchall()
            c.executemany(
                "UPDATE OR IGNORE doc_index SET rel_path = ? WHERE matter_id = ? AND rel_path = ?",
                [(new + r["rel_path"][len(old):], matter_id, r["rel_path"]) for r in rows])

    def import_snapshot(self, matter_id: str, entries: Iterable[tuple[str, int, int, int]]) -> None:
        """Historical rows (path, size, mtime_ns, inode) for a newly linked matter."""
        now = iso()
        with self._db.write() as c:
            c.executemany(
                "INSERT OR IGNORE INTO doc_index (matter_id, rel_path, size, mtime_ns, inode, "
                "historical, synced_at) VALUES (?, ?, ?, ?, ?, 1, ?)",
                [(matter_id, p, s, m, i, now) for p, s, m, i in entries])

    def index_counts(self) -> dict[str, tuple[int, int]]:
        """Per matter: (documents in Clio, historical documents)."""
        rows = self._db.query(
            "SELECT matter_id, SUM(doc_id IS NOT NULL) AS docs, SUM(historical) AS hist "
            "FROM doc_index GROUP BY matter_id")
        return {r["matter_id"]: (int(r["docs"] or 0), int(r["hist"] or 0)) for r in rows}

    # -- the folder index -------------------------------------------------------------------

    def folders(self, matter_id: str) -> list[FolderBase]:
        rows = self._db.query("SELECT * FROM folder_index WHERE matter_id = ? ORDER BY rel_path",
                              (matter_id,))
        return [FolderBase(r["rel_path"], r["folder_id"], _path(r["remote_path"])) for r in rows]

    def put_folder(self, matter_id: str, folder: FolderBase) -> None:
        with self._db.write() as c:
            if folder.folder_id is not None:
                c.execute("DELETE FROM folder_index WHERE matter_id = ? AND folder_id = ?",
                          (matter_id, folder.folder_id))
            c.execute("INSERT OR REPLACE INTO folder_index VALUES (?, ?, ?, ?)",
                      (matter_id, folder.path, folder.folder_id,
                       json.dumps(list(folder.remote_path))))

    def delete_folders_under(self, matter_id: str, rel_path: str) -> None:
        with self._db.write() as c:
            c.execute(f"DELETE FROM folder_index WHERE matter_id = ? AND {_under('rel_path')}",
                      (matter_id, rel_path, rel_path, rel_path))

    def move_folders(self, matter_id: str, old: str, new: str, old_remote: RemotePath,
                     new_remote: RemotePath) -> None:
        """A folder moved (locally and in Clio): rewrite its rows and those below it."""
        with self._db.write() as c:
            rows = c.execute(
                f"SELECT * FROM folder_index WHERE matter_id = ? AND {_under('rel_path')}",
                (matter_id, old, old, old)).fetchall()
            for r in rows:
                path = new + r["rel_path"][len(old):]
                remote = _path(r["remote_path"])
                if remote[:len(old_remote)] == old_remote:
                    remote = (*new_remote, *remote[len(old_remote):])
                c.execute("DELETE FROM folder_index WHERE matter_id = ? AND rel_path = ?",
                          (matter_id, r["rel_path"]))
                c.execute("INSERT OR REPLACE INTO folder_index VALUES (?, ?, ?, ?)",
                          (matter_id, path, r["folder_id"], json.dumps(list(remote))))

    # -- the Clio cache ---------------------------------------------------------------------

    def put_clio_docs(self, docs: Iterable[CachedDoc]) -> None:
        rows = [(d.doc_id, d.clio_matter_id, d.parent_id, d.name, d.version_key, d.size,
                 d.sha256, d.prolegis_id, int(d.deleted), int(d.locked), d.updated_at,
                 d.modified) for d in docs]
        if rows:
            with self._db.write() as c:
                c.executemany("INSERT OR REPLACE INTO clio_documents VALUES "
                              "(?,?,?,?,?,?,?,?,?,?,?,?)", rows)

    def put_clio_folders(self, folders: Iterable[CachedFolder]) -> None:
        rows = [(f.folder_id, f.clio_matter_id, f.parent_id, f.name, int(f.deleted),
                 f.updated_at) for f in folders]
        if rows:
            with self._db.write() as c:
                c.executemany("INSERT OR REPLACE INTO clio_folders VALUES (?,?,?,?,?,?)", rows)

    def forget_clio(self, doc_ids: Iterable[int] = (), folder_ids: Iterable[int] = ()) -> None:
        with self._db.write() as c:
            c.executemany("DELETE FROM clio_documents WHERE doc_id = ?", [(i,) for i in doc_ids])
            c.executemany("DELETE FROM clio_folders WHERE folder_id = ?",
                          [(i,) for i in folder_ids])

    def forget_clio_matter(self, clio_matter_id: int) -> None:
        with self._db.write() as c:
            c.execute("DELETE FROM clio_documents WHERE clio_matter_id = ?", (clio_matter_id,))
            c.execute("DELETE FROM clio_folders WHERE clio_matter_id = ?", (clio_matter_id,))

    def clio_docs(self, clio_matter_id: int) -> list[CachedDoc]:
        rows = self._db.query("SELECT * FROM clio_documents WHERE clio_matter_id = ?",
                              (clio_matter_id,))
        return [_doc(r) for r in rows]

    def clio_doc(self, doc_id: int) -> CachedDoc | None:
        r = self._db.query_one("SELECT * FROM clio_documents WHERE doc_id = ?", (doc_id,))
        return _doc(r) if r else None

    def clio_folders(self, clio_matter_id: int) -> list[CachedFolder]:
        rows = self._db.query("SELECT * FROM clio_folders WHERE clio_matter_id = ?",
                              (clio_matter_id,))
        return [CachedFolder(r["folder_id"], r["clio_matter_id"], r["parent_id"], r["name"],
                             bool(r["deleted"]), r["updated_at"]) for r in rows]

    def clio_ids(self, table: str, clio_matter_ids: Iterable[int]) -> set[int]:
        """Cached document (``table="documents"``) or folder ids of these Clio matters."""
        column = {"documents": "doc_id", "folders": "folder_id"}[table]
        ids = list(clio_matter_ids)
        if not ids:
            return set()
        marks = ",".join("?" * len(ids))
        rows = self._db.query(
            f"SELECT {column} AS id FROM clio_{table} WHERE clio_matter_id IN ({marks})", ids)
        return {int(r["id"]) for r in rows}

    # -- per-matter mirror state ------------------------------------------------------------

    def matter(self, matter_id: str) -> MirrorMatter | None:
        r = self._db.query_one("SELECT * FROM mirror_matters WHERE matter_id = ?", (matter_id,))
        return MirrorMatter(**dict(r)) if r else None

    def matters(self) -> dict[str, MirrorMatter]:
        return {r["matter_id"]: MirrorMatter(**dict(r))
                for r in self._db.query("SELECT * FROM mirror_matters")}

    def start_matter(self, m: MirrorMatter) -> None:
        """A newly linked (or relinked) matter: forget everything the mirror knew about it."""
        self.drop_matter(m.matter_id)
        with self._db.write() as c:
            c.execute("INSERT INTO mirror_matters VALUES (?, ?, ?, ?, ?)",
                      (m.matter_id, m.linked_at, m.clio_matter_id, m.root_folder_id,
                       m.last_sync))

    def synced(self, matter_id: str) -> None:
        with self._db.write() as c:
            c.execute("UPDATE mirror_matters SET last_sync = ? WHERE matter_id = ?",
                      (iso(), matter_id))

    def drop_matter(self, matter_id: str) -> None:
        """An unlinked matter: drop its rows (never its files)."""
        with self._db.write() as c:
            for table in ("doc_index", "folder_index", "doc_conflicts", "doc_held",
                          "doc_pushes", "mirror_matters"):
                c.execute(f"DELETE FROM {table} WHERE matter_id = ?", (matter_id,))

    # -- conflicts --------------------------------------------------------------------------

    def add_conflict(self, matter_id: str, rel_path: str, copy_path: str, kind: str,
                     doc_id: int, *, local: tuple[int, str], clio: tuple[int, str]) -> int:
        with self._db.write() as c:
            cur = c.execute(
                "INSERT INTO doc_conflicts (matter_id, rel_path, copy_path, kind, doc_id, "
                "local_size, local_modified, clio_size, clio_modified, detected_at) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)",
                (matter_id, rel_path, copy_path, kind, doc_id, local[0], local[1], clio[0],
                 clio[1], iso()))
            return int(cur.lastrowid or 0)

    def conflicts(self, matter_id: str | None = None) -> list[ConflictRow]:
        if matter_id is None:
            rows = self._db.query("SELECT * FROM doc_conflicts ORDER BY id")
        else:
            rows = self._db.query("SELECT * FROM doc_conflicts WHERE matter_id = ? ORDER BY id",
                                  (matter_id,))
        return [ConflictRow(**dict(r)) for r in rows]

    def conflict(self, conflict_id: int) -> ConflictRow | None:
        r = self._db.query_one("SELECT * FROM doc_conflicts WHERE id = ?", (conflict_id,))
        return ConflictRow(**dict(r)) if r else None

    def resolve_conflicts(self, keep: str, conflict_id: int | None = None) -> int:
        """Ask for a resolution (one conflict, or all); the engine applies it."""
        with self._db.write() as c:
            if conflict_id is None:
                return c.execute("UPDATE doc_conflicts SET resolution = ?", (keep,)).rowcount
            return c.execute("UPDATE doc_conflicts SET resolution = ? WHERE id = ?",
                             (keep, conflict_id)).rowcount

    def close_conflict(self, conflict_id: int) -> None:
        with self._db.write() as c:
            c.execute("DELETE FROM doc_conflicts WHERE id = ?", (conflict_id,))

    def conflict_counts(self) -> dict[str, int]:
        rows = self._db.query("SELECT matter_id, COUNT(*) AS n FROM doc_conflicts "
                              "GROUP BY matter_id")
        return {r["matter_id"]: int(r["n"]) for r in rows}

    # -- deletions held by the guard --------------------------------------------------------

    def hold(self, matter_id: str, kind: str, subject: str, action: str,
             detail: Mapping[str, Any]) -> None:
        with self._db.write() as c:
            c.execute("INSERT OR IGNORE INTO doc_held VALUES (?, ?, ?, ?, ?, 'ask', ?)",
                      (matter_id, kind, subject, action, json.dumps(dict(detail)), iso()))

    def held(self, matter_id: str | None = None) -> list[HeldRow]:
        if matter_id is None:
            rows = self._db.query("SELECT * FROM doc_held ORDER BY matter_id, subject")
        else:
            rows = self._db.query("SELECT * FROM doc_held WHERE matter_id = ? ORDER BY subject",
                                  (matter_id,))
        return [HeldRow(r["matter_id"], r["kind"], r["subject"], r["action"],
                        json.loads(r["detail"]), r["decision"], r["since"]) for r in rows]

    def decide_held(self, decision: str, matter_id: str | None = None) -> int:
        if decision not in ("ask", "allow", "restore"):
            raise ValueError(f"bad decision {decision!r}")
        with self._db.write() as c:
            if matter_id is None:
                return c.execute("UPDATE doc_held SET decision = ?", (decision,)).rowcount
            return c.execute("UPDATE doc_held SET decision = ? WHERE matter_id = ?",
                             (decision, matter_id)).rowcount

    def release_held(self, matter_id: str, keys: Iterable[tuple[str, str]]) -> None:
        """Forget held items ``(kind, subject)`` (done, restored, or no longer wanted)."""
        with self._db.write() as c:
            c.executemany("DELETE FROM doc_held WHERE matter_id = ? AND kind = ? AND subject = ?",
                          [(matter_id, k, s) for k, s in keys])

    def held_counts(self) -> dict[str, int]:
        rows = self._db.query("SELECT matter_id, COUNT(*) AS n FROM doc_held GROUP BY matter_id")
        return {r["matter_id"]: int(r["n"]) for r in rows}

    # -- pushes the user asked for ----------------------------------------------------------

    def add_pushes(self, matter_id: str, rel_paths: Iterable[str]) -> None:
        now = iso()
        with self._db.write() as c:
            c.executemany("INSERT OR REPLACE INTO doc_pushes VALUES (?, ?, ?)",
                          [(matter_id, p, now) for p in rel_paths])

    def pushes(self, matter_id: str | None = None) -> dict[str, set[str]]:
        """Pending pushes by matter."""
        if matter_id is None:
            rows = self._db.query("SELECT matter_id, rel_path FROM doc_pushes")
        else:
            rows = self._db.query("SELECT matter_id, rel_path FROM doc_pushes WHERE matter_id = ?",
                                  (matter_id,))
        out: dict[str, set[str]] = {}
        for r in rows:
            out.setdefault(r["matter_id"], set()).add(r["rel_path"])
        return out

    def remove_push(self, matter_id: str, rel_path: str) -> None:
        with self._db.write() as c:
            c.execute("DELETE FROM doc_pushes WHERE matter_id = ? AND rel_path = ?",
                      (matter_id, rel_path))


def _doc(r: Any) -> CachedDoc:
    return CachedDoc(r["doc_id"], r["clio_matter_id"], r["parent_id"], r["name"],
                     r["version_key"], r["size"], r["sha256"], r["prolegis_id"],
                     bool(r["deleted"]), bool(r["locked"]), r["updated_at"], r["modified"])
