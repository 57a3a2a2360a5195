"""The document mirror's harness, in the spirit of Nextcloud's FakeFolder: a temp workspace, the
running sandbox and the real engine (``SyncHarness``), plus the three views a test compares —
``local_state`` (the matter folder), ``clio_state`` (the matter's Clio documents, read over
HTTP) and ``index_state`` (the mirror's index) — and ``assert_in_step``, which checks that they
agree after a pass.

Typical test::

    m = mh.new_matter("m-1")                      # a Prolegis matter linked to a Clio matter
    mh.write("m-1", "Pleadings/Claim.pdf", b"v1")
    mh.sync()                                     # one pass; fails on an unexpected exit code
    mh.clio_upload("m-1", "Letter.docx", b"x")    # another Clio user acts
    mh.sync()
    mh.assert_in_step("m-1")

Everything a later test layer needs (faults, restarts, a second seat) goes through ``h`` (the
``SyncHarness``) and ``admin`` (the sandbox's admin API).
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.clio.api import ClioClient
from desktop.sandbox import Sandbox
from desktop.sync.mirror import names
from desktop.sync.mirror.model import RemotePath
from desktop.sync.report import PassReport
from desktop.sync.store.links import SnapshotEntry
from tests.support.harness import SyncHarness


@dataclass(frozen=True)
class ClioDoc:
    doc_id: int
    path: RemotePath  # Clio names below the matter folder
    data: bytes
    version_id: int | None


@dataclass(frozen=True)
class IndexEntry:
    doc_id: int | None
    sha256: str | None
    historical: bool
    remote_path: RemotePath


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class MirrorHarness:
    """See the module docstring. ``h`` is the underlying ``SyncHarness``."""

    def __init__(self, h: SyncHarness) -> None:
        self.h = h
        self.sandbox: Sandbox = h.sandbox
        self.admin: Any = h.admin
        self.clio_matters: dict[str, int] = {}
        self._client_contact: int | None = None

    # -- setting up matters -------------------------------------------------------------------

    @property
    def store(self) -> Any:
        return self.h.services.store

    @property
    def clio(self) -> ClioClient:
        return self.h.clio

    def folder(self, matter_id: str) -> Path:
        return self.h.builder.matter_path(matter_id)

    def new_matter(self, matter_id: str, *, how: str = "created", folder: str | None = None,
                   clio_matter_id: int | None = None, link: bool = True) -> int:
        """A Prolegis matter (manifest written) and its Clio matter, linked ``how``
        ("created": new, live; "linked": pre-existing, its current files historical)."""
        b = self.h.builder
        if "c-1" not in b.clients:
            b.add_client(id="c-1", first_name="Ada", last_name="Lovelace")
        number = f"2025-{len(b.matters) + 1:04d}"
        b.add_matter(f"Matter {matter_id}", id=matter_id, number=number, client_ids=["c-1"],
                     folder=folder)
        b.write()
        if clio_matter_id is None:
            if self._client_contact is None:
                self._client_contact = self.admin.create_contact(first_name="Ada",
                                                                 last_name="Lovelace")
            clio_matter_id = int(self.admin.create_matter(self._client_contact,
                                                          f"Matter {matter_id}"))
        self.clio_matters[matter_id] = clio_matter_id
        if link:
            self.link(matter_id, how=how)
        return clio_matter_id

    def link(self, matter_id: str, *, how: str = "created") -> None:
        """Record the link as the records half does (with the snapshot for "linked")."""
        clio_id = self.clio_matters[matter_id]
        snapshot = self.snapshot(matter_id) if how == "linked" else []
        self.store.matter_links.link(
            matter_id, clio_id, display_number=f"0000{clio_id}", how=how,
            clio_folder_id=self.admin.matter_folder_id(clio_id),
            folder=self.h.builder.matters[matter_id].folder, status="open", snapshot=snapshot)

    def snapshot(self, matter_id: str) -> list[SnapshotEntry]:
        root = self.folder(matter_id)
        out = []
        for path in sorted(root.rglob("*")) if root.exists() else []:
            if path.is_file():
                st = path.stat()
                out.append(SnapshotEntry(path.relative_to(root).as_posix(), st.st_size,
                                         st.st_mtime_ns, st.st_ino))
        return out

    def clio_root(self, matter_id: str) -> int:
        return int(self.admin.matter_folder_id(self.clio_matters[matter_id]))

    # -- acting on the two sides --------------------------------------------------------------

    def write(self, matter_id: str, rel: str, data: bytes | str, *, age: float = 10.0) -> Path:
        """Write a local file, its mtime ``age`` seconds in the past (settled)."""
        path = self.folder(matter_id) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        settle(path, age)
        return path

    def clio_folder(self, matter_id: str, remote: RemotePath) -> int:
        """The Clio folder at ``remote`` below the matter folder (created as needed)."""
        parent = self.clio_root(matter_id)
        for name in remote:
            found = [f for f in self.clio.folders(parent_id=parent)
                     if f.name == name and f.deleted_at is None]
            parent = found[0].id if found else int(self.admin.create_folder(name,
                                                                             parent_id=parent))
        return parent

    def clio_upload(self, matter_id: str, remote: str | RemotePath, data: bytes | str,
                    **kw: Any) -> int:
        """Another Clio user uploads a document (``remote``: "A/B/name" or a tuple)."""
        parts = tuple(remote.split("/")) if isinstance(remote, str) else remote
        folder = self.clio_folder(matter_id, parts[:-1])
        raw = data.encode() if isinstance(data, str) else data
        kw.setdefault("content_type", "application/octet-stream")
        return int(self.admin.upload_document(name=parts[-1], data=raw, folder_id=folder, **kw))

    def clio_edit(self, doc_id: int, data: bytes | str) -> None:
        raw = data.encode() if isinstance(data, str) else data
        self.admin.upload_document(name="", data=raw, document_id=doc_id,
                                   content_type="application/octet-stream")

    def clio_purge(self, doc_id: int) -> None:
        """What Clio does 30 days after a deletion (the sandbox never purges by itself): the
        document is gone from every listing, trash included."""
        store = self.admin._store
        with store.lock:
            store.delete("documents", doc_id)

    def doc_id(self, matter_id: str, rel: str) -> int:
        row = self.store.documents.row(matter_id, rel)
        assert row is not None and row.base.doc_id is not None, f"{rel} is not in Clio"
        return int(row.base.doc_id)

    # -- passes -------------------------------------------------------------------------------

    def sync(self, expect: int | None = 0, **options: Any) -> PassReport:
        """One pass (``sync --once``); asserts its exit code unless ``expect`` is None."""
        report = self.h.sync_once(**options)
        if expect is not None:
            assert report.exit_code == expect, report.lines()
        return report

    def sync_once(self, **options: Any) -> PassReport:
        """One pass, whatever its outcome (``sync`` asserts the exit code)."""
        return self.sync(expect=None, **options)

    @property
    def part(self) -> Any:
        return self.h.engine.mirror

    # -- the three states ---------------------------------------------------------------------

    def local_state(self, matter_id: str) -> dict[str, bytes]:
        """Every file of the matter folder the mirror would sync (ignored names left out)."""
        root = self.folder(matter_id)
        out: dict[str, bytes] = {}
        for dirpath, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if not names.is_ignored(d)]
            for f in files:
                if names.is_ignored(f):
                    continue
                p = Path(dirpath) / f
                out[p.relative_to(root).as_posix()] = p.read_bytes()
        return out

    def local_dirs(self, matter_id: str) -> set[str]:
        root = self.folder(matter_id)
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir()}

    def clio_state(self, matter_id: str, *, deleted: bool = False) -> dict[int, ClioDoc]:
        """The matter's live Clio documents (``deleted``: those in the trash), read over HTTP."""
        root = self.clio_root(matter_id)
        folders = {f.id: f for f in self.clio.folders(parent_id=root, scope="descendants",
                                                      include_deleted=True)}

        def path_of(folder_id: int | None) -> RemotePath:
            if folder_id == root or folder_id is None:
                return ()
            f = folders[folder_id]
            return (*path_of(f.parent_id), f.name or "")

        out: dict[int, ClioDoc] = {}
        for d in self.clio.documents(parent_id=root, scope="descendants",
                                     include_deleted=deleted):
            if (d.deleted_at is not None) != deleted:
                continue
            out[d.id] = ClioDoc(d.id, (*path_of(d.parent_id), d.name or ""),
                                self.admin.document_bytes(d.id), d.latest_version_id)
        return out

    def clio_folders(self, matter_id: str) -> set[RemotePath]:
        root = self.clio_root(matter_id)
        folders = {f.id: f for f in self.clio.folders(parent_id=root, scope="descendants")}

        def path_of(fid: int | None) -> RemotePath:
            if fid == root or fid is None or fid not in folders:
                return ()
            return (*path_of(folders[fid].parent_id), folders[fid].name or "")

        return {path_of(fid) for fid in folders}

    def clio_by_path(self, matter_id: str) -> dict[str, bytes]:
        return {"/".join(d.path): d.data for d in self.clio_state(matter_id).values()}

    def index_state(self, matter_id: str) -> dict[str, IndexEntry]:
        return {path: IndexEntry(r.base.doc_id, r.base.sha256, r.base.historical,
                                 r.base.remote_path)
                for path, r in self.store.documents.rows(matter_id).items()}

    def assert_in_step(self, matter_id: str, *, local_only: set[str] | None = None) -> None:
        """local == Clio == index: every local file is indexed, every indexed document is
        in Clio at its recorded path with the same bytes (and sha256), and Clio has no other
        live document. ``local_only``: files expected to stay local (historical, conflict
        copies, waiting) — checked to be local and not in Clio. A document an open conflict
        holds (a historical one's row is at its copy) is in Clio and indexed, not compared."""
        local = self.local_state(matter_id)
        index = self.index_state(matter_id)
        clio = self.clio_state(matter_id)
        hidden = {c.copy_path for c in self.store.documents.conflicts(matter_id)}
        hidden |= {c.rel_path for c in self.store.documents.conflicts(matter_id)
                   if c.kind == "historical"}
        only = set(local_only or ()) | hidden
        assert set(local) - only == {p for p, e in index.items() if p not in only}, (
            f"local {sorted(local)} vs index {sorted(index)}")
        linked = {p: e for p, e in index.items() if e.doc_id is not None and p not in only}
        for p, e in index.items():
            if e.doc_id is None:
                assert e.historical or p in only, f"{p} is indexed but not in Clio"
        held = {e.doc_id for p, e in index.items() if e.doc_id is not None and p in only}
        assert {e.doc_id for e in linked.values()} | held == set(clio), (
            f"index docs {sorted((e.doc_id, p) for p, e in linked.items())} vs Clio "
            f"{sorted((d.doc_id, d.path) for d in clio.values())}")
        for p, e in linked.items():
            doc = clio[e.doc_id or 0]
            assert local[p] == doc.data, f"{p}: local bytes differ from Clio's"
            assert e.sha256 == sha(local[p]), f"{p}: the index sha256 is stale"
            assert e.remote_path == doc.path, f"{p}: index says {e.remote_path}, Clio {doc.path}"
        for p in only:
            assert p in local, f"{p} should still be local"


def settle(path: Path, age: float = 10.0) -> None:
    """Give a file an mtime ``age`` seconds ago, so the mirror sees it as settled."""
    when = time.time() - age
    os.utime(path, (when, when))


@contextmanager
def peak_rss() -> Iterator[list[int]]:
    """Yields a one-item list that holds, after the block, the peak growth of this process's
    resident memory over the block (sampled every 20 ms)."""
    import psutil

    proc = psutil.Process()
    base = proc.memory_info().rss
    peak = [base]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], proc.memory_info().rss)
            stop.wait(0.02)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    out = [0]
    try:
        yield out
    finally:
        stop.set()
        thread.join()
        out[0] = max(peak[0], proc.memory_info().rss) - base
