"""Carrying out one matter's plan: folder operations first (``FolderPlan.before``), then every
document decision, then folder deletions (``after``); after each action the index row is
written from the resulting states.

Safety at the moment of acting (the plan may be seconds old): a local file is replaced, moved or
trashed only if it is still exactly what the scan saw and no Office lock file sits beside it; a
download never overwrites a file that appeared meanwhile; a new version or a deletion in Clio
first checks that the document's latest version is still the one decided on. Such an item is
*deferred* (tried again by the next pass), not failed.

Per-item failures are recorded as problems (kind ``document``) with a growing retry delay and
never stop the rest; sign-in, network and server failures end the pass (the engine retries it).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import time
from collections.abc import Callable

from desktop.clio.errors import (
    AuthError,
    ClioError,
    KeychainError,
    NetworkError,
    RateLimitedError,
    ServerError,
    ValidationError,
)
from desktop.sync.events import notice
from desktop.sync.messages import msg
from desktop.sync.mirror import localfs, localops, names
from desktop.sync.mirror.doer import Doer, Kit, Stat
from desktop.sync.mirror.folders import FolderAction, FolderBase, FolderOp, Planned
from desktop.sync.mirror.localops import Deferred
from desktop.sync.mirror.model import Action, Decision, LocalState, RemotePath, WaitReason
from desktop.sync.mirror.pairing import Triple
from desktop.sync.mirror.planner import MatterPlan
from desktop.sync.report import PassReport

log = logging.getLogger(__name__)

PASS_LEVEL = (AuthError, KeychainError, NetworkError, RateLimitedError, ServerError)
"""Failures that end the pass instead of one item."""
RECHECK_SECONDS = 2.5


def local_stat(local: LocalState) -> Stat:
    return (local.size, local.mtime_ns, local.inode)


def rewrite(path: RemotePath, moves: dict[RemotePath, RemotePath]) -> RemotePath:
    for cut in range(len(path), 0, -1):
        new = moves.get(path[:cut])
        if new is not None:
            return (*new, *path[cut:])
    return path


class MatterRun(Doer):
    """Execute one ``MatterPlan`` (see the module docstring)."""

    def __init__(self, kit: Kit, mp: MatterPlan, report: PassReport,
                 conflict: Callable[[MatterRun, Triple, Decision], None]) -> None:
        super().__init__(kit, mp.scope)
        self.mp = mp
        self.report = report
        self.on_conflict = conflict
        self.folder_ids: dict[RemotePath, int] = dict(mp.remote.folder_ids)
        self.remote_moves: dict[RemotePath, RemotePath] = {}
        self.failed_dirs: list[str] = []
        self.changed = False
        kit.live.waits[self.mid] = {}
        kit.live.recheck.pop(self.mid, None)

    # -- the plan -------------------------------------------------------------------------

    def run(self) -> None:
        plan = self.mp.plan
        for op in plan.before:
            self.guarded(f"{op.path}/", self._folder_work(op), folder=op.path)
        for item in plan.items:
            self.item(item)
        for op in plan.after:
            self.guarded(f"{op.path}/", self._folder_work(op), folder=op.path)

    def _folder_work(self, op: FolderOp) -> Callable[[], None]:
        return lambda: self.folder_op(op)

    def item(self, p: Planned) -> None:
        d, t = p.decision, p.triple
        if d.action in (Action.NOTHING, Action.KEEP_HISTORICAL):
            return
        if d.action is Action.WAIT:
            self.kit.live.waits[self.mid][t.path] = d.why
            if d.wait is WaitReason.BEING_WRITTEN:  # again as soon as it has settled
                settled = t.local.mtime_ns / 1e9 + localfs.SETTLE_SECONDS - time.time()
                self.kit.live.recheck_in(self.mid, min(max(settled + 0.1, 0.2), 5.0))
            elif d.wait is WaitReason.FOLDER_RENAMED:  # again once this pass has moved it
                self.kit.live.recheck_in(self.mid, 0.2)
            return
        if any(names.is_under(x, f) for f in self.failed_dirs for x in (t.path, d.path) if x):
            return
        self.guarded(t.path, lambda: self.act(t, d))

    def guarded(self, subject: str, work: Callable[[], None], *, folder: str = "") -> None:
        """Run one item with per-item backoff; pass-level failures propagate."""
        problems = self.kit.ctx.store.problems
        key = f"{self.mid}:{subject}"
        problem = problems.get("document", key)
        if problem is not None and not problem.due():
            self.report.error("document", msg("{path}: {reason} (tried again after {when})",
                                              path=subject, reason=problem.message,
                                              when=problem.retry_at or ""),
                              matter_id=self.mid, subject=subject)
            if folder:
                self.failed_dirs.append(folder)
            return
        try:
            work()
        except PASS_LEVEL:
            raise
        except Deferred as exc:
            log.info("%s: %s (next pass)", key, exc)
            self.kit.live.waits[self.mid][subject.rstrip("/")] = str(exc)
            self.kit.live.recheck_in(self.mid, RECHECK_SECONDS)
            if folder:
                self.failed_dirs.append(folder)
        except (ClioError, OSError, ValueError) as exc:
            message = exc.user_message if isinstance(exc, ClioError) else _plain(exc)
            reason = exc.user_template if isinstance(exc, ClioError) else message
            got = problems.report("document", key, type(exc).__name__, message,
                                  matter_id=self.mid)
            failed = msg("{path}: {reason}", path=subject, reason=reason)
            self.record("error", failed, result="error", subject=subject,
                        detail=msg("Tried {n} time(s); it will be tried again.",
                                   n=got.attempts))
            if got.attempts == 1:
                self.kit.ctx.emit(notice("error", msg("A document could not be synced"),
                                         failed, self.mid))
            self.report.error("document", failed, matter_id=self.mid, subject=subject)
            if folder:
                self.failed_dirs.append(folder)
        else:
            if problem is not None:
                problems.clear("document", key)
            self.changed = True
        self.kit.ctx.checkpoint()

    # -- documents ------------------------------------------------------------------------

    def act(self, t: Triple, d: Decision) -> None:
        a = d.action
        if a is Action.UPLOAD_NEW:
            self.upload_new_doc(t, d)
        elif a is Action.UPLOAD_VERSION:
            self.new_version(t, d.path, self.current(t.remote.path))
        elif a is Action.DOWNLOAD:
            self.download_doc(t, d, d.path, replace=d.replace)
        elif a is Action.DELETE_REMOTE:
            self.delete_remote(t, d)
        elif a is Action.TRASH_LOCAL:
            localops.check_unchanged(self.abs(t.local.path), t.local)
            self.trash(t.local.path)
            self.forget(t)
            self.report.count("trashed_locally")
        elif a is Action.MOVE_REMOTE:
            remote = self.move_remote(t, d)
            self.keep(t, t.local.path, remote)
        elif a is Action.MOVE_LOCAL:
            self.move_local(t, d)
            self.keep(t, d.move_to or t.local.path, self.current(t.remote.path))
        elif a is Action.MOVE_REMOTE_THEN_UPLOAD_VERSION:
            self.new_version(t, t.local.path, self.move_remote(t, d))
        elif a is Action.MOVE_REMOTE_THEN_DOWNLOAD:
            remote = self.move_remote(t, d)
            self.download_doc(t, d, d.path, replace=True, remote_path=remote)
        elif a is Action.MOVE_LOCAL_THEN_UPLOAD_VERSION:
            self.move_local(t, d)
            self.follow(t, d.move_to or t.local.path)
            self.new_version(t, d.move_to or t.local.path, self.current(t.remote.path))
        elif a is Action.MOVE_LOCAL_THEN_DOWNLOAD:
            self.move_local(t, d)
            self.follow(t, d.move_to or t.local.path)
            self.download_doc(t, d, d.move_to or t.local.path, replace=True)
        elif a is Action.RESTORE_REMOTE_THEN_UPLOAD_VERSION:
            self.restore_then_upload(t, d)
        elif a in (Action.UPDATE_BASE_ONLY, Action.LINK):
            self.keep(t, d.path or t.local.path, self.current(t.remote.path))
        elif a is Action.FORGET:
            self.forget(t)
        elif a is Action.CONFLICT:
            self.on_conflict(self, t, d)
        else:  # pragma: no cover - every action is handled above
            raise ValueError(f"unknown action {a}")

    def current(self, path: RemotePath) -> RemotePath:
        """A Clio path after this pass's folder renames in Clio."""
        return rewrite(path, self.remote_moves)

    def known_sha(self, t: Triple) -> str | None:
        """The local file's sha256 if known without reading it."""
        if t.local.sha256 is not None:
            return t.local.sha256
        b = t.base
        if b is not None and (b.size, b.mtime_ns, b.inode) == local_stat(t.local):
            return b.sha256
        return None

    def keep(self, t: Triple, rel: str, remote_path: RemotePath, sha: str | None = None
             ) -> None:
        """Write the row for an unchanged file (only paths or versions moved)."""
        b = t.base
        sha = sha or self.known_sha(t) or (b.sha256 if b else None)
        if t.remote.live:
            doc_id, version, remote = t.remote.doc_id, t.remote.version_id, remote_path
        else:
            doc_id = b.doc_id if b else None
            version, remote = (b.version_id if b else None), (b.remote_path if b else ())
        self.write(rel, local_stat(t.local), sha, doc_id=doc_id, version_id=version,
                   remote_path=remote, replaces=b.path if b else None,
                   historical=bool(b and b.historical and doc_id is None))

    def follow(self, t: Triple, rel: str) -> None:
        """The row follows a file this pass just moved, keeping the base's content: if the
        transfer that comes next fails, the next pass finds the file where its row is (its
        edit still to send, or Clio's still to fetch) — an edited file under a new name could
        not be recognised any more, and would be uploaded as a second document."""
        b = t.base
        if b is None:
            return
        self.write(rel, (b.size, b.mtime_ns, b.inode), b.sha256, doc_id=b.doc_id,
                   version_id=b.version_id, remote_path=self.current(t.remote.path),
                   replaces=b.path)

    def forget(self, t: Triple) -> None:
        if t.base is not None:
            self.kit.state.delete_row(self.mid, t.base.path)
            if t.base.historical:
                self.kit.ctx.store.matter_links.forget_historical(self.mid, [t.base.path])

    def parent_id(self, remote: RemotePath, local: str) -> int:
        """The Clio folder at ``remote`` (created level by level where missing)."""
        if remote in self.folder_ids:
            return self.folder_ids[remote]
        local_parts = local.split("/") if local else []
        aligned = len(local_parts) == len(remote)
        for i in range(1, len(remote) + 1):
            if remote[:i] in self.folder_ids:
                continue
            parent = self.folder_ids[remote[:i - 1]]
            folder_id = self.create_folder(remote[i - 1], parent)
            self.folder_ids[remote[:i]] = folder_id
            if aligned:
                self.kit.state.put_folder(self.mid, _folder_base(
                    "/".join(local_parts[:i]), folder_id, remote[:i]))
        return self.folder_ids[remote]

    def create_folder(self, name: str, parent: int) -> int:
        try:
            return self.kit.ops.create_folder(name, parent).id
        except ValidationError:  # the name is taken: a folder made meanwhile (or by a crash)
            for f in self.kit.ctx.clio.folders(parent_id=parent):
                if f.name == name and f.deleted_at is None:
                    self.kit.cache.update_folder(f)
                    return f.id
            raise

    def upload_new_doc(self, t: Triple, d: Decision) -> None:
        remote = d.remote_path or names.remote_path_for(d.path, self.mp.context.folders)
        parent = self.parent_id(remote[:-1], names.parent_of(d.path))
        row = self.kit.state.row(self.mid, t.base.path) if t.base else None
        keep_id = row is not None and row.base.doc_id is None  # a historical file keeps its id
        asked = d.path in self.mp.context.push  # the user is waiting: before background work
        with self.kit.ctx.clio.interactive() if asked else contextlib.nullcontext():
            doc, sha, st, pid = self.upload_new(d.path, parent, remote[-1],
                                                prolegis_id=row.prolegis_id if row and keep_id
                                                else "", sha256=self.known_sha(t))
        self.write_doc(d.path, st, sha, doc, remote, replaces=t.base.path if t.base else None,
                       prolegis_id=pid)
        self.kit.state.remove_push(self.mid, d.path)
        self.record("upload", msg("Uploaded {path}", path=d.path), subject=d.path)
        self.report.count("uploaded")

    def new_version(self, t: Triple, rel: str, remote: RemotePath) -> None:
        doc_id = t.remote.doc_id or (t.base.doc_id if t.base else None)
        if doc_id is None:
            raise ValueError(f"{rel}: no Clio document to add a version to")
        key = self.expected_key(doc_id, t.remote.version_id)
        doc, sha, st = self.upload_version(rel, doc_id, remote[-1], key)
        self.write_doc(rel, st, sha, doc, remote, replaces=t.base.path if t.base else None)
        self.record("upload", msg("Uploaded a new version of {path}", path=rel), subject=rel)
        self.report.count("uploaded")

    def download_doc(self, t: Triple, d: Decision, rel: str, *, replace: bool,
                     remote_path: RemotePath | None = None) -> None:
        doc_id = d.doc_id or t.remote.doc_id
        if doc_id is None:
            raise ValueError(f"{rel}: no Clio document to download")
        target = self.abs(rel)
        local = dataclasses.replace(t.local, path=rel)
        if replace:
            localops.check_unchanged(target, local)
        elif target.exists():
            raise Deferred(f"{rel} appeared meanwhile")
        result = self.download(doc_id, rel, d.version_id)
        version = d.version_id if d.version_id is not None else t.remote.version_id
        remote = remote_path or self.current(t.remote.path)
        replaces = t.base.path if t.base else None
        if replace and result.sha256 == self.known_sha(t):  # the same bytes: keep the file
            self.discard(result)
            self.write(rel, local_stat(t.local), result.sha256, doc_id=doc_id, version_id=version,
                       remote_path=remote, replaces=replaces)
            return
        st = self.place(result, rel, replace=replace,
                        still=(lambda: localops.check_unchanged(target, local)) if replace
                        else None)
        self.write(rel, st, result.sha256, doc_id=doc_id, version_id=version,
                   remote_path=remote, replaces=replaces)
        self.record("download", msg("Downloaded {path}", path=rel), subject=rel)
        self.report.count("downloaded")

    def delete_remote(self, t: Triple, d: Decision) -> None:
        assert t.base is not None and t.base.doc_id is not None
        key = self.expected_key(t.base.doc_id, t.remote.version_id)
        self.kit.ops.delete(t.base.doc_id, key)
        self.forget(t)
        self.record("delete", msg("Deleted {path} in Clio (kept in Clio's trash for 30 days)",
                                  path=t.base.path), subject=t.base.path)
        self.report.count("deleted_in_clio")

    def move_remote(self, t: Triple, d: Decision) -> RemotePath:
        assert d.remote_path is not None and t.remote.doc_id is not None
        now, new = self.current(t.remote.path), d.remote_path
        parent_id = None
        if new[:-1] != now[:-1]:
            parent_id = self.parent_id(new[:-1], names.parent_of(t.local.path))
        name = new[-1] if new[-1] != now[-1] else None
        if parent_id is not None or name is not None:
            self.kit.ops.move(t.remote.doc_id, name=name, parent_id=parent_id)
            self.record("move", msg("Moved {old} to {new} in Clio", old="/".join(now),
                                    new="/".join(new)), subject=t.local.path)
            self.report.count("moved_in_clio")
        return new

    def move_local(self, t: Triple, d: Decision) -> None:
        assert d.move_to is not None
        localops.check_unchanged(self.abs(t.local.path), t.local)
        try:
            self.move(t.local.path, d.move_to)
        except FileExistsError as exc:  # a file appeared there since the scan
            raise Deferred(f"{d.move_to} is taken") from exc
        self.record("move", msg("Moved {old} to {new}", old=t.local.path, new=d.move_to),
                    subject=d.move_to, detail=d.logged)
        self.report.count("moved_locally")

    def restore_then_upload(self, t: Triple, d: Decision) -> None:
        b = t.base
        assert b is not None and b.doc_id is not None
        remote = d.remote_path or b.remote_path
        cached = self.mp.remote.cached.get(b.doc_id)
        parent_gone = cached is not None and cached.parent_id not in self.folder_ids.values()
        if not t.remote.present or parent_gone:
            # purged, or trashed with its folder (restoring it would bring the whole folder
            # back): upload the surviving file as a new document
            self.upload_new_doc(t, dataclasses.replace(d, remote_path=remote))
            return
        doc = self.kit.ops.restore(b.doc_id)
        self.record("restore", msg("Restored {path} in Clio (changed here, deleted in Clio)",
                                   path=b.path), subject=t.local.path)
        moved = dataclasses.replace(t, remote=dataclasses.replace(t.remote, deleted=False))
        now = self.move_remote(moved, dataclasses.replace(d, remote_path=remote)) \
            if remote != self.current(t.remote.path) else remote
        if self.known_sha(t) == b.sha256 and t.local.size == b.size:  # only renamed here
            if doc.latest_version_id in (None, b.version_id):
                self.keep(moved, t.local.path, now)
            else:  # edited in Clio before it was deleted there: the rename gets that edit
                self.download_doc(moved, dataclasses.replace(
                    d, version_id=doc.latest_version_id), t.local.path, replace=True,
                    remote_path=now)
            return
        self.new_version(dataclasses.replace(moved, remote=dataclasses.replace(
            moved.remote, version_id=doc.latest_version_id)), t.local.path, now)

    # -- folders --------------------------------------------------------------------------

    def folder_op(self, op: FolderOp) -> None:
        state, a = self.kit.state, op.action
        if a is FolderAction.CREATE_REMOTE:
            assert op.remote_path is not None
            self.parent_id(op.remote_path, op.path)
            state.put_folder(self.mid, _folder_base(op.path, self.folder_ids[op.remote_path],
                                                    op.remote_path))
        elif a is FolderAction.CREATE_LOCAL:
            localops.ensure_dir(self.scope.root, op.path, self.kit.expected)
            state.put_folder(self.mid, _folder_base(op.path, op.folder_id, op.remote_path or ()))
        elif a is FolderAction.LINK:
            state.put_folder(self.mid, _folder_base(op.path, op.folder_id, op.remote_path or ()))
        elif a is FolderAction.RENAME_REMOTE:
            self.rename_remote_folder(op)
        elif a is FolderAction.RENAME_LOCAL:
            row = self.folder_row(op.folder_id)
            target = op.new_path or op.path
            if target != op.path:
                self.move(op.path, target)
                self.record("move", msg("Moved folder {old} to {new}", old=op.path, new=target),
                            subject=target, detail=op.logged)
            if row is not None:
                state.move_folders(self.mid, row.path, target, row.remote_path,
                                   op.remote_path or row.remote_path)
            state.move_rows_under(self.mid, op.path, target)  # the files moved with it
        elif a is FolderAction.DELETE_REMOTE:
            assert op.folder_id is not None
            unseen = self.kit.ops.unseen_inside(op.folder_id)
            if unseen:  # the next pass sees them and keeps the folder for them
                raise Deferred(f"folder {op.path} changed in Clio since the last look: "
                               + ", ".join(sorted(unseen)[:5]))
            self.kit.ops.delete_folder(op.folder_id)
            state.delete_folders_under(self.mid, op.path)
            self.record("delete", msg("Deleted folder {path} in Clio", path=op.path),
                        subject=op.path)
        elif a is FolderAction.TRASH_LOCAL:
            self.trash_folder(op.path)
        elif a is FolderAction.FORGET:
            state.delete_folders_under(self.mid, op.path)

    def folder_row(self, folder_id: int | None) -> FolderBase | None:
        for f in self.kit.state.folders(self.mid):
            if folder_id is not None and f.folder_id == folder_id:
                return f
        return None

    def rename_remote_folder(self, op: FolderOp) -> None:
        assert op.folder_id is not None and op.remote_path is not None
        row = self.folder_row(op.folder_id)
        if row is None:
            raise ValueError(f"folder {op.folder_id} is not indexed")
        old, new = self.current(row.remote_path), op.remote_path
        parent = self.parent_id(new[:-1], names.parent_of(op.path)) if new[:-1] != old[:-1] \
            else None
        self.kit.ops.update_folder(op.folder_id, name=new[-1] if new[-1] != old[-1] else None,
                                   parent_id=parent)
        self.remote_moves[old] = new
        for path in [p for p in self.folder_ids if p[:len(old)] == old]:
            self.folder_ids[(*new, *path[len(old):])] = self.folder_ids.pop(path)
        self.kit.state.move_folders(self.mid, row.path, op.path, row.remote_path, new)
        self.record("move", msg("Moved folder {old} to {new} in Clio", old="/".join(old),
                                new="/".join(new)), subject=op.path, detail=op.logged)

    def trash_folder(self, rel: str) -> None:
        """Trash a local folder Clio deleted — only if nothing but ignored files is left."""
        root = self.abs(rel)
        if root.exists():
            for _dirpath, _dirs, files in os.walk(root):
                if any(not names.is_ignored(f) for f in files):
                    raise Deferred(f"folder {rel} still holds files")
            self.trash(rel)
        self.kit.state.delete_folders_under(self.mid, rel)


def _folder_base(path: str, folder_id: int | None, remote: RemotePath) -> FolderBase:
    return FolderBase(path, folder_id, remote)


def _plain(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror} ({exc.filename})" if exc.filename else exc.strerror
    return str(exc) or type(exc).__name__
