"""Pairing: from one matter's index rows, local listing and Clio listing, build the
``(base, local, remote)`` triples that ``reconcile.decide`` judges one by one.

- Local ↔ base by path; a base whose path is empty locally is then matched to a new local file
  by identity (inode + size + mtime: a local rename/move), then by content (sha256 + size: a move
  across volumes, or a platform without stable inodes), then by inode + file name (moved, or its
  folder renamed, and edited in place). Only one-to-one matches count.
- Clio ↔ base by document id.
- A new Clio document ↔ a file with no Clio document (new, or historical) at the document's local
  path: "new on both sides, same path".
- Every Clio document gets its ``local_path``: the base path while Clio has not moved it,
  otherwise its sanitised path, numbered `` (2)``, `` (3)``… (in document-id order) where that
  local path is already used by another document or file.

With ``case_insensitive`` paths are compared by their NFC case-fold, so ``Report.pdf`` →
``report.pdf`` is a rename of one file, and two Clio names differing only in case get numbered.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from desktop.sync.mirror import names
from desktop.sync.mirror.model import Base, LocalState, RemotePath, RemoteState

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Triple:
    """One document seen three ways; any side may be missing (``present=False`` / None)."""

    base: Base | None
    local: LocalState
    remote: RemoteState

    @property
    def path(self) -> str:
        """The local path this triple is about (for sorting, logs and folder rules)."""
        if self.local.present:
            return self.local.path
        if self.base is not None:
            return self.base.path
        return self.remote.local_path


@dataclass
class _Slot:
    """A local path with no Clio document yet: a new or historical file (or a historical row
    whose file is gone) that a new Clio document at the same path pairs with."""

    base: Base | None
    local: LocalState | None
    remote: RemoteState | None = None


def pair(
    bases: Iterable[Base],
    local_files: Iterable[LocalState],
    remote_docs: Iterable[RemoteState],
    *,
    case_insensitive: bool = False,
    remote_folders: Mapping[RemotePath, str] | None = None,
    unscanned: Iterable[str] = (),
    reserved: Iterable[str] = (),
    held: Iterable[str] = (),
) -> list[Triple]:
    """The triples of one matter, sorted by path.

    ``remote_folders`` maps known Clio folder paths to their local folder paths (a folder whose
    local name differs from its sanitised Clio name). ``unscanned``: local folders the scan could
    not read — nothing under them is judged this pass (their rows are not "deleted").
    ``reserved``: local paths a Clio document must not be placed at (folders, on either side:
    a document named like a folder is numbered instead of colliding with it).
    ``held``: local files kept out of the sync (an open conflict's copies): not judged, like
    ``unscanned``, but known to be there — a Clio document whose path is one of them is
    numbered away from it instead of being left out.
    """
    def key(path: str) -> str:
        return names.path_key(path, case_insensitive)

    blind = tuple(unscanned)
    kept_out = (*blind, *held)

    def unseen(path: str) -> bool:
        return any(names.is_under(path, d) for d in blind)

    def hidden(path: str) -> bool:
        return any(names.is_under(path, d) for d in kept_out)

    all_bases = list(bases)
    kept = [b for b in all_bases if not hidden(b.path)]
    hidden_docs = {b.doc_id for b in all_bases if hidden(b.path) and b.doc_id is not None}

    # 1. local ↔ base: by path, then by identity, then by content
    loose: dict[str, LocalState] = {}
    extra: list[LocalState] = []  # same key twice (a case-insensitive flag on a sensitive FS)
    for state in local_files:
        if not state.present:
            continue
        if key(state.path) in loose:
            extra.append(state)
        else:
            loose[key(state.path)] = state
    found: list[LocalState | None] = [loose.pop(key(b.path), None) for b in kept]
    missing = [i for i, lf in enumerate(found) if lf is None]
    for ident in (_identity, _content, _inode_and_name):
        matches = _unique_matches(
            {i: ident(kept[i]) for i in missing if found[i] is None},
            {k: ident(lf) for k, lf in loose.items()},
        )
        for i, k in matches:
            found[i] = loose.pop(k)

    # 2. Clio ↔ base by document id
    by_doc = {r.doc_id: r for r in remote_docs if r.present and r.doc_id not in hidden_docs}
    remotes: list[RemoteState] = [
        by_doc.pop(b.doc_id, RemoteState.absent()) if b.doc_id is not None
        else RemoteState.absent()
        for b in kept
    ]

    # 3. local paths for Clio documents; new ones pair with an open slot at their path
    slots: dict[str, _Slot] = {}
    for b, at in zip(kept, found, strict=True):
        if b.doc_id is None:
            slots.setdefault(key(at.path if at else b.path), _Slot(b, at))
    for k, state in loose.items():
        slots.setdefault(k, _Slot(None, state))
    taken = {key(b.path) for b in kept} | {key(at.path) for at in found if at} | set(loose)
    taken |= {key(state.path) for state in extra}
    taken |= {key(path) for path in reserved}
    taken |= {key(path) for path in held}

    def place(remote: RemoteState, own: set[str]) -> str:
        wanted = names.local_path_for(remote.path, remote_folders)
        folder = names.parent_of(wanted)

        def used(name: str) -> bool:
            k = key(names.join(folder, name))
            return k in taken and k not in own

        chosen = names.join(folder, names.dedupe(names.name_of(wanted), used))
        taken.add(key(chosen))
        return chosen

    order = sorted(range(len(kept)), key=lambda i: kept[i].doc_id or 0)
    for i in order:
        b, r, at = kept[i], remotes[i], found[i]
        if not r.present:
            continue
        if not r.live or r.path == b.remote_path:
            remotes[i] = dataclasses.replace(r, local_path=b.path)
        else:
            own = {key(b.path)} | ({key(at.path)} if at else set())
            remotes[i] = dataclasses.replace(r, local_path=place(r, own))
    new_docs: list[RemoteState] = []
    for r in sorted((r for r in by_doc.values() if r.live), key=lambda r: r.doc_id or 0):
        wanted = names.local_path_for(r.path, remote_folders)
        if unseen(wanted):
            continue
        slot = slots.get(key(wanted))
        if slot is not None and slot.remote is None:
            here = slot.local.path if slot.local else slot.base.path if slot.base else wanted
            slot.remote = dataclasses.replace(r, local_path=here)
        else:
            new_docs.append(dataclasses.replace(r, local_path=place(r, set())))

    # 4. the triples
    paired = {id(s.base): s.remote for s in slots.values() if s.base and s.remote}
    triples = [
        Triple(b, at or LocalState.absent(b.path), paired.get(id(b), r))
        for b, at, r in zip(kept, found, remotes, strict=True)
    ]
    for k, state in loose.items():
        triples.append(Triple(None, state, slots[k].remote or RemoteState.absent()))
    triples += [Triple(None, state, RemoteState.absent()) for state in extra]
    triples += [Triple(None, LocalState.absent(r.local_path), r) for r in new_docs]
    triples.sort(key=lambda t: t.path)
    return triples


def _identity(item: Base | LocalState) -> tuple[int, int, int] | None:
    """Inode + size + mtime; None where the platform reports no inode (0)."""
    return (item.inode, item.size, item.mtime_ns) if item.inode else None


def _content(item: Base | LocalState) -> tuple[str, int] | None:
    return (item.sha256, item.size) if item.sha256 else None


def _inode_and_name(item: Base | LocalState) -> tuple[int, str] | None:
    """Same inode and same file name: moved (or its folder renamed) and edited in place."""
    return (item.inode, names.name_of(item.path)) if item.inode else None


def _unique_matches(
    left: Mapping[K, object | None], right: Mapping[str, object | None]
) -> list[tuple[K, str]]:
    """Pairs (left key, right key) whose value occurs exactly once on each side."""
    lefts: dict[object, list[K]] = defaultdict(list)
    rights: dict[object, list[str]] = defaultdict(list)
    for lk, v in left.items():
        if v is not None:
            lefts[v].append(lk)
    for rk, v in right.items():
        if v is not None:
            rights[v].append(rk)
    return [(ls[0], rights[v][0]) for v, ls in lefts.items()
            if len(ls) == 1 and len(rights.get(v, ())) == 1]

