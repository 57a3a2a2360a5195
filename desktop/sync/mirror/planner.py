"""Planning one matter's pass: scan the folder against the index, take Clio's side from the
cache, check the inputs, pair, decide every document and plan the folders — no side effects.

What is kept out of the pass (never judged, so never mistaken for deletions or new files):
folders and files the scan could not read, the copies kept by an open conflict, and documents
whose Clio folder the cache cannot place (the matter is listed again first).
A Clio version still being uploaded is taken as no change until it is committed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Set
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.sync.mirror import guards, names, scanner
from desktop.sync.mirror.folders import (
    FolderBase,
    FolderPlan,
    Planned,
    RemoteFolder,
    folder_maps,
    plan_folders,
)
from desktop.sync.mirror.model import Action, Base, Context, Decision, RemoteState
from desktop.sync.mirror.pairing import pair
from desktop.sync.mirror.reconcile import decide
from desktop.sync.mirror.remote import MatterRemote, matter_remote
from desktop.sync.mirror.scanner import ScanResult
from desktop.sync.store.documents import ConflictRow, DocumentState


@dataclass(frozen=True)
class MatterScope:
    """One linked matter as the mirror works on it."""

    matter_id: str
    label: str
    root: Path  # the matter folder
    clio_matter_id: int
    root_folder_id: int  # the matter's folder in Clio
    case_insensitive: bool = False


@dataclass
class MatterPlan:
    """One matter's plan. Every matter of a pass is planned before any runs (the deletion
    guard counts across matters), so :meth:`compact` keeps only what the executor reads."""

    scope: MatterScope
    plan: FolderPlan
    remote: MatterRemote
    context: Context
    folder_bases: list[FolderBase]
    scan: ScanResult | None
    hidden: frozenset[str]
    indexed: int  # documents of the index that are in Clio (for the deletion guard)

    @property
    def deletions(self) -> int:
        return guards.count_deletions(p.decision for p in self.plan.items)

    def compact(self) -> MatterPlan:
        """The same plan without what only planning needed: the items with nothing to do,
        the scan, and Clio's side beyond the folders and the documents with work. A pass
        over 100,000 documents in step then holds next to nothing until it runs."""
        work = [p for p in self.plan.items if p.decision.action not in _IDLE]
        ids = {i for p in work for i in (p.triple.remote.doc_id,
                                         p.triple.base.doc_id if p.triple.base else None)
               if i is not None}
        remote = MatterRemote([], self.remote.folders, self.remote.folder_ids,
                              self.remote.unplaced,
                              {i: c for i, c in self.remote.cached.items() if i in ids})
        return dataclasses.replace(self, plan=FolderPlan(self.plan.before, tuple(work),
                                                         self.plan.after),
                                   remote=remote, scan=None)


_IDLE = frozenset({Action.NOTHING, Action.KEEP_HISTORICAL})


def hidden_paths(conflicts: Iterable[ConflictRow]) -> set[str]:
    """Paths an open conflict keeps out of the sync: the kept copy; for a historical file both
    the file and Clio's copy."""
    out: set[str] = set()
    for c in conflicts:
        out.add(c.copy_path)
        if c.kind == "historical":
            out.add(c.rel_path)
    return out


def _pending_as_base(remote: RemoteState, base: Base | None) -> RemoteState:
    """A version still being uploaded is no change yet (its commit will be one)."""
    if base is None or remote.version_id is None or remote.version_id >= 0:
        return remote
    return dataclasses.replace(remote, version_id=base.version_id, sha256=base.sha256,
                               size=base.size)


def _historical_only_dirs(items: Iterable[Planned], known: Set[str]) -> set[str]:
    """Folders holding only historical files: they stay out of Clio like their files."""
    live: set[str] = set()
    hist: set[str] = set()
    for p in items:
        kept = p.decision.action is Action.KEEP_HISTORICAL
        folder = names.parent_of(p.triple.path)
        while folder:
            (hist if kept else live).add(folder)
            folder = names.parent_of(folder)
    return hist - live - set(known)


def plan_matter(
    scope: MatterScope,
    state: DocumentState,
    *,
    pushes: Set[str] = frozenset(),
    user_name: str = "me",
    now: datetime | None = None,
) -> MatterPlan:
    """Plan one matter (raises ``guards.MirrorSafetyError`` when it must not run)."""
    rows = state.rows(scope.matter_id)
    bases = [r.base for r in rows.values()]
    try:
        scan: ScanResult | None = scanner.scan(scope.root, {b.path: b for b in bases})
    except FileNotFoundError:
        scan = None
    remote = matter_remote(state.clio_docs(scope.clio_matter_id),
                           state.clio_folders(scope.clio_matter_id), scope.root_folder_id)
    folder_bases = state.folders(scope.matter_id)
    guards.check_inputs(
        scope.matter_id, folder_exists=scan is not None, index_rows=bases,
        remote_count=remote.count, remote_folder_count=len(remote.folders),
        indexed_folders=sum(1 for f in folder_bases if f.folder_id is not None))

    held = hidden_paths(state.conflicts(scope.matter_id))
    blind: set[str] = set(scan.unreadable) if scan is not None else set()
    blind.update(b.path for b in bases if b.doc_id in remote.unplaced)
    hidden = held | blind

    def is_hidden(path: str) -> bool:
        return any(names.is_under(path, h) for h in hidden)

    by_doc = {b.doc_id: b for b in bases if b.doc_id is not None}
    docs = [_pending_as_base(d, by_doc.get(d.doc_id or 0)) for d in remote.docs]
    local = [s for s in (scan.local_states() if scan else []) if not is_hidden(s.path)]
    kept_folders = [f for f in folder_bases if not is_hidden(f.path)]
    hidden_ids = {f.folder_id for f in folder_bases if is_hidden(f.path)}
    l2r, r2l = folder_maps(kept_folders)
    remote_folders = [f for f in remote.folders if f.folder_id not in hidden_ids
                      and not is_hidden(names.local_folder_for(f.path, r2l))]
    ci = scope.case_insensitive
    folder_paths = {names.local_folder_for(f.path, r2l) for f in remote_folders if not f.deleted}
    folder_paths.update(scan.dirs if scan else ())
    triples = pair(bases, local, docs, case_insensitive=ci, remote_folders=r2l,
                   unscanned=sorted(blind), reserved=folder_paths, held=sorted(held))
    taken = {names.path_key(p, ci) for p in hidden}
    for t in triples:
        for p in (t.local.path if t.local.present else "", t.base.path if t.base else "",
                  t.remote.local_path):
            if p:
                taken.add(names.path_key(p, ci))
    context = Context(matter_live=True, push=frozenset(pushes), folders=l2r,
                      taken=frozenset(taken), user_name=user_name,
                      now=now or datetime.now().astimezone(), case_insensitive=ci)
    items: list[Planned] = []
    for t in triples:
        try:
            decision = decide(t.base, t.local, t.remote, context)
        except ValueError as exc:  # a pairing the rules refuse: leave it alone, say why
            decision = Decision(Action.NOTHING, f"not judged: {exc}", path=t.path)
        items.append(Planned(t, decision))
    dirs = [d for d in (scan.dirs if scan else ()) if not is_hidden(d)]
    skip = _historical_only_dirs(items, {f.path for f in kept_folders})
    folder_plan = plan_folders(kept_folders, [d for d in dirs if d not in skip],
                               remote_folders, items, matter_live=True, case_insensitive=ci)
    indexed = sum(1 for b in bases if b.doc_id is not None)
    return MatterPlan(scope, folder_plan, remote, context, folder_bases, scan,
                      frozenset(hidden), indexed)


__all__ = ["MatterPlan", "MatterScope", "RemoteFolder", "hidden_paths", "plan_matter"]
