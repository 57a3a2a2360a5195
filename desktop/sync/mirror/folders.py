"""Folder rules: turn folder-level changes on either side into folder operations, and adjust the
document decisions a folder operation already covers.

Documents are judged one by one (``reconcile``); a folder renamed on one side shows up there as
every document inside it moved. This module sees the folder instead:

- renamed/moved in Clio (same folder id, other path) → one local folder rename; the documents'
  MOVE_LOCAL decisions it covers become UPDATE_BASE_ONLY (or the plain download/upload);
- renamed/moved locally (gone from its path, its documents all found under one new folder with
  the same relative paths) → one Clio folder rename, likewise; renamed on both sides → Clio's
  name wins (the local name is logged);
- deleted on one side: the folder is deleted on the other side only when every document inside
  is deleted or forgotten; when a document inside survives (changed on the other side, new, or
  waiting) the folder stays — re-created where a survivor needs it — and the rest is deleted;
- new on one side → created on the other (locally always; in Clio when the matter is live);
  new on both sides at the same path → linked. A rename whose folder holds a document open in
  Office waits, with its documents.

Operations in ``before`` run before the documents (parents first); ``after`` runs last (only the
topmost of nested deletions is listed; it takes its sub-folders with it).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from desktop.sync.mirror import names
from desktop.sync.mirror.model import Action, Decision, RemotePath, WaitReason
from desktop.sync.mirror.pairing import Triple


@dataclass(frozen=True, slots=True)
class FolderBase:
    """One folder index row: a local folder and the Clio folder it mirrors (None: not in Clio)."""

    path: str
    folder_id: int | None
    remote_path: RemotePath


@dataclass(frozen=True, slots=True)
class RemoteFolder:
    """A Clio folder of the matter as listed (``deleted``: in Clio's trash)."""

    folder_id: int
    path: RemotePath
    deleted: bool = False


class FolderAction(Enum):
    CREATE_REMOTE = "create_remote"
    CREATE_LOCAL = "create_local"
    RENAME_REMOTE = "rename_remote"
    RENAME_LOCAL = "rename_local"
    LINK = "link"
    DELETE_REMOTE = "delete_remote"
    TRASH_LOCAL = "trash_local"
    FORGET = "forget"


@dataclass(frozen=True, slots=True)
class FolderOp:
    """One folder operation. ``path``: the local folder (its current path); ``new_path``: the
    local destination of RENAME_LOCAL; ``remote_path``: the Clio destination of CREATE_REMOTE /
    RENAME_REMOTE (or the folder's Clio path). Renames and deletions also rewrite or drop the
    index rows below the folder."""

    action: FolderAction
    why: str
    path: str
    new_path: str | None = None
    folder_id: int | None = None
    remote_path: RemotePath | None = None
    logged: str = ""


@dataclass(frozen=True, slots=True)
class Planned:
    """A document's triple with its decision."""

    triple: Triple
    decision: Decision


@dataclass(frozen=True)
class FolderPlan:
    before: tuple[FolderOp, ...]
    items: tuple[Planned, ...]
    after: tuple[FolderOp, ...]


_GONE_REMOTE = frozenset({Action.DELETE_REMOTE, Action.FORGET})
_GONE_LOCAL = frozenset({Action.TRASH_LOCAL, Action.FORGET})
_NEEDS_CLIO = frozenset({
    Action.UPLOAD_NEW, Action.UPLOAD_VERSION, Action.RESTORE_REMOTE_THEN_UPLOAD_VERSION,
    Action.MOVE_REMOTE, Action.MOVE_REMOTE_THEN_UPLOAD_VERSION, Action.MOVE_REMOTE_THEN_DOWNLOAD,
    Action.MOVE_LOCAL_THEN_UPLOAD_VERSION,
})
_NEEDS_LOCAL = frozenset({
    Action.DOWNLOAD, Action.MOVE_LOCAL, Action.MOVE_LOCAL_THEN_DOWNLOAD,
    Action.MOVE_LOCAL_THEN_UPLOAD_VERSION, Action.CONFLICT,
})
_IDLE = frozenset({Action.NOTHING, Action.KEEP_HISTORICAL, Action.WAIT})
_COVER_LOCAL = {Action.MOVE_LOCAL: Action.UPDATE_BASE_ONLY,
                Action.MOVE_LOCAL_THEN_DOWNLOAD: Action.DOWNLOAD,
                Action.MOVE_LOCAL_THEN_UPLOAD_VERSION: Action.UPLOAD_VERSION}
_COVER_REMOTE = {Action.MOVE_REMOTE: Action.UPDATE_BASE_ONLY,
                 Action.MOVE_REMOTE_THEN_DOWNLOAD: Action.DOWNLOAD,
                 Action.MOVE_REMOTE_THEN_UPLOAD_VERSION: Action.UPLOAD_VERSION}


def folder_maps(
    bases: Iterable[FolderBase],
) -> tuple[dict[str, RemotePath], dict[RemotePath, str]]:
    """(local folder → Clio folder, Clio folder → local folder) for ``Context.folders`` and
    ``pairing.pair(remote_folders=…)``; the matter root is ``"" ↔ ()``."""
    linked = [b for b in bases if b.folder_id is not None]
    return ({"": (), **{b.path: b.remote_path for b in linked}},
            {(): "", **{b.remote_path: b.path for b in linked}})


def _rewrite(path: str, moves: Mapping[str, str]) -> str:
    """``path`` after the folder moves in ``moves`` (old folder → new folder)."""
    parts = path.split("/")
    for cut in range(len(parts), 0, -1):
        new = moves.get("/".join(parts[:cut]))
        if new is not None:
            return "/".join([new, *parts[cut:]])
    return path


def _rewrite_remote(path: RemotePath, moves: Mapping[RemotePath, RemotePath]) -> RemotePath:
    for cut in range(len(path), 0, -1):
        new = moves.get(path[:cut])
        if new is not None:
            return (*new, *path[cut:])
    return path


class _Planner:
    def __init__(self, folder_bases: Iterable[FolderBase], local_dirs: Iterable[str],
                 remote_folders: Iterable[RemoteFolder], items: Iterable[Planned], *,
                 matter_live: bool, case_insensitive: bool) -> None:
        self.items = list(items)
        self.ci, self.live = case_insensitive, matter_live
        self.bases = sorted(folder_bases, key=lambda b: (b.path.count("/"), b.path))
        self.dirs = {self.key(d): d for d in local_dirs if d}
        self.remote = {f.folder_id: f for f in remote_folders}
        self.files = {self.key(p.triple.path) for p in self.items}  # documents, either side
        self.l2r, self.r2l = folder_maps(self.bases)
        self.known_dirs = {self.key(b.path) for b in self.bases}
        self.moved_locally: dict[str, str] = {}  # happened on disk
        self.to_move_locally: dict[str, str] = {}  # RENAME_LOCAL ops
        self.moved_in_clio: dict[RemotePath, RemotePath] = {}  # happened in Clio
        self.to_move_in_clio: dict[RemotePath, RemotePath] = {}  # RENAME_REMOTE ops
        self.postponed: list[str] = []
        self.before: list[FolderOp] = []
        self.after: list[FolderOp] = []
        self.claimed: set[str] = set()  # local dir keys explained by a rename or link

    def key(self, path: str) -> str:
        return names.path_key(path, self.ci)

    def under(self, folder: str) -> list[Planned]:
        return [p for p in self.items if names.is_under(p.triple.path, folder)
                or (p.triple.base is not None and names.is_under(p.triple.base.path, folder))]

    def deleted_above(self, path: str, kinds: set[FolderAction]) -> bool:
        return any(op.action in kinds and names.is_under(path, op.path) for op in self.after)

    def plan(self) -> FolderPlan:
        for fb in self.bases:
            self.one(fb)
        self.new_remote_folders()
        self.new_local_dirs()
        items = tuple(self.adjust(p) for p in self.items)
        if self.to_move_locally:
            items = tuple(self.hold(p, q) for p, q in zip(self.items, items, strict=True))
            self.before = [op for op in self.before if op.action is FolderAction.RENAME_LOCAL
                           or not self.moved_here(op.path)]
            self.after = [op for op in self.after if not self.moved_here(op.path)]
        return FolderPlan(tuple(self.before), items, tuple(self.after))

    def one(self, fb: FolderBase) -> None:
        now_local = _rewrite(fb.path, self.moved_locally)
        here = self.key(now_local) in self.dirs
        if fb.folder_id is None:  # a folder that was never in Clio
            self.unlinked(fb, now_local, here)
            return
        rf = self.remote.get(fb.folder_id) if fb.folder_id is not None else None
        there = rf is not None and not rf.deleted
        if rf is not None and there and rf.path != fb.remote_path:
            self.moved_in_clio[fb.remote_path] = rf.path
        # renamed/moved itself in Clio (not merely carried along by a parent's rename)
        clio_renamed = rf is not None and there and rf.path != self._parent_moved(fb)
        if here:
            self.claimed.add(self.key(now_local))
        if not here and there:
            target = self.local_rename_target(fb)
            if target is not None and not clio_renamed and self.taken_in_clio(fb, target):
                target = None  # another Clio folder has that name: its documents move in
            if target is not None:
                self.moved_locally[fb.path] = target
                self.claimed.add(self.key(target))
                now_local, here = target, True
                if not clio_renamed:
                    self.rename_remote(fb, target)
                    return
        if here and there and clio_renamed and rf is not None:
            self.rename_local(fb, now_local, rf)
        elif here and not there:
            self.deleted_in_clio(fb, now_local)
        elif not here and there:
            self.deleted_locally(fb, now_local)
        elif not here and not self.deleted_above(fb.path, {FolderAction.FORGET}):
            self.after.append(FolderOp(FolderAction.FORGET, "gone on both sides", fb.path,
                                       folder_id=fb.folder_id))

    def unlinked(self, fb: FolderBase, now_local: str, here: bool) -> None:
        if not here:
            self.after.append(FolderOp(FolderAction.FORGET, "gone, never in Clio", fb.path))
            return
        self.claimed.add(self.key(now_local))
        if any(p.decision.action in _NEEDS_CLIO for p in self.under(now_local)):
            remote = names.remote_folder_for(now_local, self.l2r)
            self.l2r[now_local] = remote
            self.before.append(FolderOp(FolderAction.CREATE_REMOTE, "a document inside goes to "
                                        "Clio", now_local, remote_path=remote))

    def _parent_moved(self, fb: FolderBase) -> RemotePath:
        return _rewrite_remote(fb.remote_path[:-1], self.moved_in_clio) + fb.remote_path[-1:]

    def local_rename_target(self, fb: FolderBase) -> str | None:
        """The new local folder every moved document of ``fb`` agrees on, if any."""
        targets: set[str] = set()
        for p in self.under(fb.path):
            base, local = p.triple.base, p.triple.local
            if base is None or not local.present or names.is_under(local.path, fb.path):
                continue
            rel = base.path[len(fb.path) + 1:]
            if not local.path.endswith("/" + rel):
                return None
            targets.add(local.path[: -len(rel) - 1])
        if len(targets) != 1:
            return None
        (target,) = targets
        known = self.key(target) in self.known_dirs or self.key(target) in self.claimed
        return target if self.key(target) in self.dirs and not known else None

    def taken_in_clio(self, fb: FolderBase, target: str) -> bool:
        """Whether another live Clio folder already has the path ``target`` maps to (Clio
        refuses a second folder of one name; the documents then move into that one, and the
        emptied folder is deleted on the next pass)."""
        new = tuple(n.casefold() for n in names.remote_folder_for(target, self.l2r))
        return any(rf.folder_id != fb.folder_id and not rf.deleted
                   and tuple(n.casefold() for n in rf.path) == new
                   for rf in self.remote.values())

    def rename_remote(self, fb: FolderBase, target: str) -> None:
        old = _rewrite_remote(fb.remote_path, self.to_move_in_clio)
        new = names.remote_folder_for(target, self.l2r)
        self.to_move_in_clio[fb.remote_path] = new
        self.l2r[target] = new
        self.before.append(FolderOp(FolderAction.RENAME_REMOTE, "renamed locally", target,
                                    folder_id=fb.folder_id, remote_path=new,
                                    logged=f"{'/'.join(old)} → {'/'.join(new)}"))

    def rename_local(self, fb: FolderBase, now_local: str, rf: RemoteFolder) -> None:
        source = _rewrite(now_local, self.to_move_locally)
        target = self.free_dir(names.local_folder_for(rf.path, self.r2l), self.key(now_local))
        if any(p.triple.local.open_in_office for p in self.under(now_local)) or any(
                names.is_under(now_local, x) for x in self.postponed):
            self.postponed.append(now_local)
            return
        self.to_move_locally[now_local] = target
        self.r2l[rf.path] = target
        lost = f"local name {now_local!r} lost to Clio's" if now_local != fb.path else ""
        self.before.append(FolderOp(FolderAction.RENAME_LOCAL, "renamed in Clio", source,
                                    new_path=target, folder_id=fb.folder_id,
                                    remote_path=rf.path, logged=lost))

    def deleted_in_clio(self, fb: FolderBase, now_local: str) -> None:
        inside = [p.decision.action for p in self.under(now_local)]
        new_dirs = self.live and any(
            names.is_under(d, now_local) and d != now_local and k not in self.known_dirs
            for k, d in self.dirs.items())
        if new_dirs or any(a in _NEEDS_CLIO for a in inside):
            self.before.append(FolderOp(FolderAction.CREATE_REMOTE,
                                        "deleted in Clio, a document inside changed: re-create",
                                        now_local, remote_path=fb.remote_path))
        elif all(a in _GONE_LOCAL for a in inside) and not self.deleted_above(
                now_local, {FolderAction.TRASH_LOCAL}):
            self.after.append(FolderOp(FolderAction.TRASH_LOCAL, "deleted in Clio",
                                       now_local, folder_id=fb.folder_id))

    def deleted_locally(self, fb: FolderBase, now_local: str) -> None:
        inside = [p.decision.action for p in self.under(now_local)]
        if any(a in _NEEDS_LOCAL for a in inside):
            self.before.append(FolderOp(FolderAction.CREATE_LOCAL,
                                        "deleted locally, a document inside changed: re-create",
                                        now_local, folder_id=fb.folder_id,
                                        remote_path=fb.remote_path))
        elif all(a in _GONE_REMOTE for a in inside) and not self.deleted_above(
                now_local, {FolderAction.DELETE_REMOTE}):
            self.after.append(FolderOp(FolderAction.DELETE_REMOTE, "deleted locally",
                                       now_local, folder_id=fb.folder_id,
                                       remote_path=fb.remote_path))

    def new_remote_folders(self) -> None:
        known_ids = {b.folder_id for b in self.bases}
        fresh = [f for f in self.remote.values() if f.folder_id not in known_ids and not f.deleted]
        for rf in sorted(fresh, key=lambda f: (len(f.path), f.path)):
            wanted = names.local_folder_for(rf.path, self.r2l)
            k = self.key(wanted)
            if k in self.dirs and k not in self.known_dirs and k not in self.claimed:
                self.claimed.add(k)
                self.r2l[rf.path] = self.dirs[k]
                self.before.append(FolderOp(FolderAction.LINK, "new on both sides",
                                            self.dirs[k], folder_id=rf.folder_id,
                                            remote_path=rf.path))
                continue
            target = self.free_dir(wanted)
            self.claimed.add(self.key(target))
            self.r2l[rf.path] = target
            self.before.append(FolderOp(FolderAction.CREATE_LOCAL, "new in Clio", target,
                                        folder_id=rf.folder_id, remote_path=rf.path))

    def free_dir(self, wanted: str, own: str | None = None) -> str:
        """``wanted``, numbered `` (2)``… while another local folder, or a document, holds
        that path."""
        parent = names.parent_of(wanted)

        def used(name: str) -> bool:
            k = self.key(names.join(parent, name))
            return (k in self.dirs or k in self.claimed or k in self.files) and k != own

        return names.join(parent, names.dedupe(names.name_of(wanted), used))

    def new_local_dirs(self) -> None:
        if not self.live:
            return
        fresh = [d for k, d in self.dirs.items() if k not in self.known_dirs
                 and k not in self.claimed]
        for d in sorted(fresh, key=lambda d: (d.count("/"), d)):
            remote = names.remote_folder_for(d, self.l2r)
            self.l2r[d] = remote
            self.before.append(FolderOp(FolderAction.CREATE_REMOTE, "new locally", d,
                                        remote_path=remote))

    def moved_here(self, path: str | None) -> bool:
        """Whether ``path`` lies in a folder this pass renames locally (Clio's rename)."""
        return bool(path) and any(names.is_under(path or "", s) for s in self.to_move_locally)

    def hold(self, p: Planned, adjusted: Planned) -> Planned:
        """What a local folder rename (Clio's, followed here) does not cover waits for the
        next pass, and so do the other folder operations inside it: the rename moves the
        files, so a decision made from their old paths (trash a file Clio deleted, upload one,
        re-create a sub-folder) would act on a path that is gone, and a file the companion
        moved itself would then look moved by the user — taken for a change, a document
        deleted in Clio was uploaded again, from every seat. The executor moves the index rows
        with the folder; the next pass, moments later, judges those files where they are."""
        d, t = p.decision, p.triple
        if adjusted is not p or d.action in _IDLE:
            return adjusted
        if not any(self.moved_here(x) for x in (t.local.path if t.local.present else None,
                                                d.path, d.move_to, d.download_to)):
            return p
        return Planned(t, Decision(Action.WAIT, WaitReason.FOLDER_RENAMED.value,
                                   path=t.local.path if t.local.present else d.path or t.path,
                                   wait=WaitReason.FOLDER_RENAMED))

    def adjust(self, p: Planned) -> Planned:
        d, t = p.decision, p.triple
        if d.action in _COVER_LOCAL and d.move_to is not None:
            if any(names.is_under(t.local.path, x) for x in self.postponed):
                return Planned(t, Decision(Action.WAIT, "its folder's rename waits for an open "
                                           "document", path=t.local.path,
                                           wait=WaitReason.OPEN_IN_OFFICE))
            if _rewrite(t.local.path, self.to_move_locally) == d.move_to:
                return Planned(t, dataclasses.replace(
                    d, action=_COVER_LOCAL[d.action], path=d.move_to, move_to=None,
                    replace=d.action is Action.MOVE_LOCAL_THEN_DOWNLOAD,
                    why=d.why + " (by its folder's rename)"))
        if (d.action in _COVER_REMOTE and t.base is not None and d.remote_path is not None
                and _rewrite_remote(t.base.remote_path, self.to_move_in_clio) == d.remote_path):
            return Planned(t, dataclasses.replace(
                    d, action=_COVER_REMOTE[d.action], remote_path=None,
                    why=d.why + " (by its folder's rename)"))
        return p


def plan_folders(
    folder_bases: Iterable[FolderBase],
    local_dirs: Iterable[str],
    remote_folders: Iterable[RemoteFolder],
    items: Iterable[Planned],
    *,
    matter_live: bool = True,
    case_insensitive: bool = False,
) -> FolderPlan:
    """Folder operations for one matter, and its document decisions adjusted to them.

    ``local_dirs``: every folder under the matter folder (relative paths, as scanned);
    ``remote_folders``: the matter's Clio folders (trash included where listed); ``items``: the
    documents' triples with their ``decide`` decisions."""
    return _Planner(folder_bases, local_dirs, remote_folders, items, matter_live=matter_live,
                    case_insensitive=case_insensitive).plan()
