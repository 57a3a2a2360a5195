"""Safety guards around a sync pass: inputs that look like a catastrophe are errors, not
deletions, and too many deletions at once pause the matter instead of running.

- ``check_inputs``: an indexed matter folder that vanished, or an empty Clio listing where the
  index has linked rows, raises (the pass for that matter stops; nothing is deleted).
- ``deletion_guard``: in one pass, ≥ 50 deletions in total (every matter with a deletion is
  paused), or ≥ 10 deletions in one matter that are ≥ 30 % of its indexed documents, or every
  document of a matter that has at least 3 (an emptied matter folder looks like a missing one:
  that matter is paused). A paused matter's deletions are held; everything else proceeds
  (``hold``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from desktop.sync.messages import Message, msg
from desktop.sync.mirror.folders import FolderAction, FolderOp, FolderPlan, Planned
from desktop.sync.mirror.model import DELETIONS, Base, Decision


class MirrorSafetyError(Exception):
    """A matter's inputs look wrong; the pass must stop for it, deleting nothing."""

    def __init__(self, matter_id: str, message: str | Message) -> None:
        super().__init__(f"matter {matter_id}: {message}")
        self.matter_id = matter_id
        self.said = message  # for the activity log (a Message: in the user's language too)


class MissingMatterFolderError(MirrorSafetyError):
    """The matter folder was indexed and is gone (unmounted share, renamed, deleted)."""


class EmptyRemoteListingError(MirrorSafetyError):
    """Clio listed nothing for a matter whose index has documents in Clio."""


def check_inputs(
    matter_id: str,
    *,
    folder_exists: bool,
    index_rows: Sequence[Base],
    remote_count: int,
    remote_folder_count: int | None = None,
    indexed_folders: int = 0,
) -> None:
    """Raise a ``MirrorSafetyError`` when this matter's pass must not run.

    ``remote_count`` counts every document Clio listed for the matter (trash included);
    ``remote_folder_count`` / ``indexed_folders`` apply the same rule to folders."""
    if not folder_exists and index_rows:
        raise MissingMatterFolderError(
            matter_id, msg("the matter folder is missing but {n} documents are indexed in it; "
                           "check that the drive or share is available. Nothing was deleted.",
                           n=len(index_rows)))
    linked = sum(1 for row in index_rows if row.doc_id is not None)
    if remote_count == 0 and linked:
        raise EmptyRemoteListingError(
            matter_id, msg("Clio listed no documents but {n} are linked; treating this as an "
                           "error, not as deletions.", n=linked))
    if remote_folder_count == 0 and indexed_folders:
        raise EmptyRemoteListingError(
            matter_id, msg("Clio listed no folders but {n} are linked; treating this as an "
                           "error, not as deletions.", n=indexed_folders))


@dataclass(frozen=True)
class Limits:
    """The deletion guard's thresholds (``decisions.md``)."""

    total: int = 50
    per_matter: int = 10
    per_matter_percent: int = 30
    whole_matter: int = 3  # every document of a matter with at least this many


@dataclass(frozen=True)
class MatterCount:
    """One matter in a pass: its deletions and its indexed documents."""

    matter_id: str
    deletions: int
    indexed: int


@dataclass(frozen=True)
class GuardVerdict:
    """Which matters are paused, and why (empty: nothing paused)."""

    paused: Mapping[str, str] = field(default_factory=dict)
    total: int = 0

    def is_paused(self, matter_id: str) -> bool:
        return matter_id in self.paused


def count_deletions(decisions: Iterable[Decision]) -> int:
    """Deletions among a matter's decisions (Clio deletions and local trashes)."""
    return sum(1 for d in decisions if d.action in DELETIONS)


def deletion_guard(matters: Iterable[MatterCount], limits: Limits = Limits()) -> GuardVerdict:
    """Pause matters whose deletions in this pass cross the thresholds."""
    counts = [m for m in matters if m.deletions > 0]
    total = sum(m.deletions for m in counts)
    paused: dict[str, str] = {}
    for m in counts:
        if total >= limits.total:
            paused[m.matter_id] = (f"{total} deletions in this pass (limit {limits.total}); "
                                   f"{m.deletions} in this matter are held")
        elif (m.deletions >= limits.per_matter
              and m.deletions * 100 >= limits.per_matter_percent * m.indexed):
            paused[m.matter_id] = (f"{m.deletions} of {m.indexed} documents would be deleted "
                                   f"(≥ {limits.per_matter} and ≥ {limits.per_matter_percent} %)")
        elif m.indexed >= limits.whole_matter and m.deletions >= m.indexed:
            paused[m.matter_id] = (f"all {m.indexed} documents of this matter would be deleted "
                                   f"(its folder emptied on one side)")
    return GuardVerdict(paused, total)


_FOLDER_DELETIONS = frozenset({FolderAction.DELETE_REMOTE, FolderAction.TRASH_LOCAL})


@dataclass(frozen=True)
class HeldPlan:
    """A matter's plan split by the guard: what runs now, and the deletions held for the user."""

    plan: FolderPlan
    held_items: tuple[Planned, ...]
    held_folders: tuple[FolderOp, ...]


def hold(plan: FolderPlan, paused: bool) -> HeldPlan:
    """Take a paused matter's deletions (documents and folders) out of its plan."""
    if not paused:
        return HeldPlan(plan, (), ())
    items = tuple(p for p in plan.items if p.decision.action not in DELETIONS)
    held = tuple(p for p in plan.items if p.decision.action in DELETIONS)
    after = tuple(op for op in plan.after if op.action not in _FOLDER_DELETIONS)
    held_folders = tuple(op for op in plan.after if op.action in _FOLDER_DELETIONS)
    return HeldPlan(FolderPlan(plan.before, items, after), held, held_folders)
