"""The mirror's working parts shared by the pass executor, conflict resolutions, restores and
pushes: ``Kit`` (the services and the in-memory state the read models show) and ``Doer`` (the
primitive steps on one matter — transfers with progress events, local moves and trashing, and
writing index rows from the resulting states)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.clio.records import Document
from desktop.clio.streams import ProgressFn
from desktop.clio.transfer import DownloadResult
from desktop.sync.context import EngineContext
from desktop.sync.events import TransferProgress
from desktop.sync.messages import Message, msg
from desktop.sync.mirror import localfs, localops, names
from desktop.sync.mirror.clioops import ClioOps, new_prolegis_id
from desktop.sync.mirror.localops import Deferred
from desktop.sync.mirror.model import Base, RemotePath
from desktop.sync.mirror.planner import MatterScope
from desktop.sync.mirror.remote import RemoteCache, version_key
from desktop.sync.mirror.trash import TrashedItem
from desktop.sync.mirror.watcher import ExpectedWrites
from desktop.sync.store.documents import DocumentState

Stat = tuple[int, int, int]  # size, mtime_ns, inode


@dataclass
class Live:
    """What the read models show besides the store: waits, transfers, matter errors."""

    waits: dict[str, dict[str, str]] = field(default_factory=dict)  # matter → path → why
    transfers: dict[str, dict[str, tuple[str, int, int]]] = field(default_factory=dict)
    matter_errors: dict[str, str] = field(default_factory=dict)
    recheck: dict[str, float] = field(default_factory=dict)  # matter → when (monotonic)
    wake: Callable[[str, float], None] | None = None  # set while watching: a timer

    def recheck_in(self, matter_id: str, delay: float) -> None:
        """Look at a matter again in ``delay`` seconds (a file still being written…)."""
        due = time.monotonic() + delay
        if due < self.recheck.get(matter_id, due + 1):
            self.recheck[matter_id] = due
            if self.wake is not None:
                self.wake(matter_id, delay)


@dataclass
class Kit:
    """The mirror's services, built once by the part."""

    ctx: EngineContext
    cache: RemoteCache
    ops: ClioOps
    expected: ExpectedWrites
    live: Live = field(default_factory=Live)

    @property
    def state(self) -> DocumentState:
        return self.ctx.store.documents

    @property
    def recovery_dir(self) -> Path:
        return self.ctx.services.paths.recovery_dir

    @property
    def user_name(self) -> str:
        account = self.ctx.services.account
        return account.name or account.email or "me"


class Doer:
    """Primitive steps on one matter's folder and Clio documents."""

    def __init__(self, kit: Kit, scope: MatterScope) -> None:
        self.kit = kit
        self.scope = scope
        self.mid = scope.matter_id

    # -- helpers --------------------------------------------------------------------------

    def abs(self, rel: str) -> Path:
        """The absolute path of a matter-relative path; never outside the matter folder."""
        return localfs.resolve_in(self.scope.root, rel)

    def record(self, kind: str, message: str | Message, *, result: str = "ok",
               subject: str = "", detail: str | Message = "") -> None:
        self.kit.ctx.record(kind, message, result=result, matter_id=self.mid, subject=subject,
                            detail=detail)

    def progress(self, rel: str, direction: str) -> ProgressFn:
        transfers = self.kit.live.transfers.setdefault(self.mid, {})

        def report(done: int, total: int) -> None:
            transfers[rel] = (direction, done, total)
            self.kit.ctx.emit(TransferProgress(self.mid, rel, direction, done, total))

        transfers[rel] = (direction, 0, 0)
        return report

    def done_transfer(self, rel: str) -> None:
        self.kit.live.transfers.get(self.mid, {}).pop(rel, None)

    # -- transfers ------------------------------------------------------------------------

    def download(self, doc_id: int, rel: str, version_id: int | None) -> DownloadResult:
        """Clio's version into a temp file beside ``rel`` (the folder is created if needed)."""
        localops.ensure_dir(self.scope.root, names.parent_of(rel), self.kit.expected)
        target = self.abs(rel)
        try:
            return self.kit.ctx.clio.download_document(
                doc_id, target, version_id=version_id if version_id and version_id > 0 else None,
                progress=self.progress(rel, "down"))
        finally:
            self.done_transfer(rel)

    def place(self, result: DownloadResult, rel: str, *, replace: bool,
              still: Callable[[], None] | None = None) -> Stat:
        """Put a finished download at ``rel``; ``still`` re-checks the old file right before."""
        target = self.abs(rel)
        try:
            if still is not None:
                still()
            if not replace and target.exists():
                raise Deferred(f"{rel} appeared meanwhile")
            localops.place_download(result.path, target, self.kit.expected, replace=replace)
        except FileExistsError as exc:
            self.discard(result)
            raise Deferred(f"{rel} appeared meanwhile") from exc
        except BaseException:
            self.discard(result)
            raise
        st = localops.stat_of(target)
        if st is None:
            raise FileNotFoundError(str(target))
        return st

    @staticmethod
    def discard(result: DownloadResult) -> None:
        with contextlib.suppress(FileNotFoundError, ValueError):
            localfs.discard(result.path)

    def upload_new(self, rel: str, parent_id: int, name: str, *, prolegis_id: str = "",
                   sha256: str | None = None) -> tuple[Document, str, Stat, str]:
        """Upload a local file as a new document; returns it, its sha256, the local stat it
        was sent from and its Prolegis id."""
        path = self.abs(rel)
        localops.check_settled(path)
        st = localops.stat_of(path)
        if st is None:
            raise Deferred(f"{rel} is gone")
        if sha256 is None:
            sha256, _ = localfs.hash_file(path)
        prolegis_id = prolegis_id or new_prolegis_id()
        try:
            doc, sha = self.kit.ops.upload_new(
                path, matter_id=self.mid, rel_path=rel, parent_id=parent_id, name=name,
                sha256=sha256, stat=st, prolegis_id=prolegis_id,
                progress=self.progress(rel, "up"))
        finally:
            self.done_transfer(rel)
        return doc, sha, st, prolegis_id

    def upload_version(self, rel: str, doc_id: int, name: str,
                       expected_key: int | None) -> tuple[Document, str, Stat]:
        path = self.abs(rel)
        localops.check_settled(path)
        st = localops.stat_of(path)
        if st is None:
            raise Deferred(f"{rel} is gone")
        try:
            doc, sha = self.kit.ops.upload_version(
                path, matter_id=self.mid, rel_path=rel, doc_id=doc_id, name=name,
                expected_key=expected_key, progress=self.progress(rel, "up"))
        finally:
            self.done_transfer(rel)
        return doc, sha, st

    def expected_key(self, doc_id: int, fallback: int | None) -> int | None:
        """The version key the cache holds for a document (what a pass decided on)."""
        cached = self.kit.state.clio_doc(doc_id)
        return cached.version_key if cached is not None else fallback

    # -- local steps ----------------------------------------------------------------------

    def move(self, src: str, dst: str) -> None:
        localops.move(self.scope.root, src, dst, self.kit.expected)

    def trash(self, rel: str) -> TrashedItem:
        item = localops.trash(self.scope.root, rel, self.kit.recovery_dir, self.kit.expected)
        said = (msg("Moved {path} to the trash", path=rel) if item.where == "os-trash"
                else msg("Moved {path} to the recovery folder ({location})", path=rel,
                         location=item.location))
        self.record("trash", said, subject=rel, detail=item.trash_error)
        return item

    # -- the index --------------------------------------------------------------------------

    def write(self, rel: str, stat: Stat, sha: str | None, *, doc_id: int | None,
              version_id: int | None, remote_path: RemotePath, replaces: str | None = None,
              historical: bool = False, prolegis_id: str | None = None) -> Base:
        """Write the index row for ``rel`` from the resulting states (``replaces``: its old
        path); a document that became live leaves the historical snapshot."""
        state = self.kit.state
        old = state.row(self.mid, replaces or rel)
        if prolegis_id is None:
            prolegis_id = old.prolegis_id if old is not None else ""
            if not prolegis_id and doc_id is not None:
                cached = state.clio_doc(doc_id)
                prolegis_id = cached.prolegis_id if cached is not None else ""
        base = Base(rel, stat[0], stat[1], stat[2], sha, doc_id=doc_id,
                    remote_parent=remote_path[:-1] if doc_id is not None else (),
                    version_id=version_id,
                    remote_name=remote_path[-1] if doc_id is not None and remote_path else "",
                    historical=historical)
        state.put_row(self.mid, base, prolegis_id=prolegis_id, replaces=replaces)
        if not historical and old is not None and old.base.historical:
            gone = [p for p in {rel, replaces} if p]
            self.kit.ctx.store.matter_links.forget_historical(self.mid, gone)
        return base

    def write_doc(self, rel: str, stat: Stat, sha: str, doc: Document, remote_path: RemotePath,
                  *, replaces: str | None = None, prolegis_id: str | None = None) -> Base:
        """The row of a document just uploaded (its version is the one in ``doc``)."""
        return self.write(rel, stat, sha, doc_id=doc.id, version_id=version_key(doc),
                          remote_path=remote_path, replaces=replaces, prolegis_id=prolegis_id)
