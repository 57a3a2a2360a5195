"""The deletion guard, wired: which matters' deletions wait for the user, what they decided,
and bringing held files back.

Each pass counts the deletions every matter's plan would make (``guards.deletion_guard``). A
paused matter's deletions — documents and folders — are taken out of its plan and kept in the
store (``doc_held``) with exit code 4; the rest of the matter syncs. ``--allow-deletes`` (or the
``AllowDeletions`` command, remembered per held item) lets them run; ``RestoreDeletions``
(``deletions restore MATTER_ID``) undoes them instead: a file deleted here is downloaded again, a
document deleted in Clio is restored from Clio's trash (a folder likewise).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from desktop.clio.errors import ClioError, NotFoundError
from desktop.sync.messages import msg
from desktop.sync.mirror import localops
from desktop.sync.mirror.doer import Doer, Kit
from desktop.sync.mirror.executor import PASS_LEVEL
from desktop.sync.mirror.folders import FolderAction, FolderPlan
from desktop.sync.mirror.guards import MatterCount, deletion_guard, hold
from desktop.sync.mirror.model import Action
from desktop.sync.mirror.planner import MatterPlan, MatterScope
from desktop.sync.report import Outcome, PassOptions, PassReport
from desktop.sync.store.documents import HeldRow
from desktop.sync.views import GuardView

log = logging.getLogger(__name__)

DOCUMENT, FOLDER = "document", "folder"


class Deletions:
    def __init__(self, kit: Kit, scope_for: Callable[[str], MatterScope | None]) -> None:
        self.kit = kit
        self.scope_for = scope_for

    def apply_guard(self, plans: list[MatterPlan], options: PassOptions,
                    report: PassReport) -> None:
        """Take held deletions out of the plans (in place) and remember them."""
        state = self.kit.state
        verdict = deletion_guard(MatterCount(mp.scope.matter_id, mp.deletions, mp.indexed)
                                 for mp in plans)
        for mp in plans:
            mid = mp.scope.matter_id
            before = {(h.kind, h.subject): h for h in state.held(mid)}
            if options.allow_deletes or not verdict.is_paused(mid):
                state.release_held(mid, before)
                continue
            held = hold(mp.plan, paused=True)
            allowed = {k for k, h in before.items() if h.decision == "allow"}
            run_ids: set[int] = set()
            kept: set[tuple[str, str]] = set()
            for p in held.held_items:
                t = p.triple
                key = (DOCUMENT, t.path)
                if key in allowed:
                    run_ids.add(id(p))
                    continue
                base = t.base
                state.hold(mid, DOCUMENT, t.path, p.decision.action.value, {
                    "doc_id": base.doc_id if base else t.remote.doc_id,
                    "remote_path": list(base.remote_path) if base else list(t.remote.path)})
                kept.add(key)
            after = list(held.plan.after)
            for op in held.held_folders:
                key = (FOLDER, op.path)
                if key in allowed:
                    after.append(op)
                    continue
                state.hold(mid, FOLDER, op.path, op.action.value, {
                    "folder_id": op.folder_id, "remote_path": list(op.remote_path or ())})
                kept.add(key)
            state.release_held(mid, [k for k in before if k not in kept])
            items = tuple(p for p in mp.plan.items
                          if p.decision.action not in (Action.DELETE_REMOTE, Action.TRASH_LOCAL)
                          or id(p) in run_ids)
            mp.plan = FolderPlan(held.plan.before, items, tuple(after))
            if kept:
                report.add(Outcome.GUARD, "deletions",
                           f"{len(kept)} deletions in {mp.scope.label} are held "
                           f"({verdict.paused[mid]}); confirm them with 'sync --once "
                           f"--allow-deletes' or undo them with 'deletions restore {mid}'",
                           matter_id=mid)
                self.kit.ctx.record("guard", msg("{n} deletions held: {reason}", n=len(kept),
                                                 reason=verdict.paused[mid]),
                                    result="warning", matter_id=mid)

    def allow(self, matter_id: str | None = None) -> int:
        """Let the held deletions run on the next pass."""
        n = self.kit.state.decide_held("allow", matter_id)
        self.kit.ctx.request_pass(PassOptions(records=False, poll=False, matters=(
            frozenset({matter_id}) if matter_id else None)))
        return n

    def restore(self, matter_id: str | None = None) -> int:
        """Bring the held files back on both sides; returns how many were restored."""
        rows = self.kit.state.held(matter_id)
        done = 0
        for mid in sorted({h.matter_id for h in rows}):
            scope = self.scope_for(mid)
            mine = [h for h in rows if h.matter_id == mid]
            if scope is None:  # unlinked meanwhile
                self.kit.state.release_held(mid, [(h.kind, h.subject) for h in mine])
                continue
            doer = Doer(self.kit, scope)
            mine.sort(key=lambda h: (h.kind != FOLDER, h.subject.count("/"), h.subject))
            for h in mine:
                try:
                    self._restore_one(doer, h)
                except PASS_LEVEL:
                    raise
                except (ClioError, OSError, ValueError, localops.Deferred) as exc:
                    doer.record("error", msg("Could not restore {path}: {reason}",
                                             path=h.subject, reason=exc),
                                result="error", subject=h.subject)
                    continue
                self.kit.state.release_held(mid, [(h.kind, h.subject)])
                done += 1
            self.kit.ctx.request_pass(PassOptions(records=False, matters=frozenset({mid})))
        return done

    def _restore_one(self, doer: Doer, h: HeldRow) -> None:
        ops, state = self.kit.ops, self.kit.state
        if h.kind == FOLDER:
            if h.action == FolderAction.DELETE_REMOTE.value:  # deleted here: make it again
                localops.ensure_dir(doer.scope.root, h.subject, self.kit.expected)
            elif h.detail.get("folder_id") is not None:  # deleted in Clio: out of the trash
                ops.restore_folder(int(h.detail["folder_id"]))
            doer.record("restore", msg("Restored folder {path}", path=h.subject),
                        subject=h.subject)
            return
        doc_id = h.detail.get("doc_id")
        if doc_id is None:
            return
        if h.action == Action.DELETE_REMOTE.value:  # deleted here: download it again
            row = state.row(doer.mid, h.subject)
            cached = state.clio_doc(int(doc_id))
            result = doer.download(int(doc_id), h.subject, None)
            st = doer.place(result, h.subject, replace=False)
            remote = tuple(h.detail.get("remote_path") or ())
            doer.write(h.subject, st, result.sha256, doc_id=int(doc_id),
                       version_id=cached.version_key if cached else
                       (row.base.version_id if row else None), remote_path=remote)
            doer.record("restore", msg("Downloaded {path} again (its deletion was undone)",
                                       path=h.subject),
                        subject=h.subject)
            return
        try:  # deleted in Clio: out of Clio's trash
            ops.restore(int(doc_id))
        except NotFoundError:  # purged: the next pass uploads the file as a new document
            state.delete_row(doer.mid, h.subject)
        doer.record("restore", msg("Restored {path} in Clio (its deletion was undone)",
                                   path=h.subject),
                    subject=h.subject)

    def ask_restore(self, matter_id: str | None) -> int:
        """Queue a restore for a running instance (from another process)."""
        return self.kit.state.decide_held("restore", matter_id)

    def apply_queued(self) -> None:
        queued = {h.matter_id for h in self.kit.state.held() if h.decision == "restore"}
        for mid in sorted(queued):
            self.restore(mid)

    def guards(self) -> list[GuardView]:
        out = []
        by_matter: dict[str, list[HeldRow]] = {}
        for h in self.kit.state.held():
            by_matter.setdefault(h.matter_id, []).append(h)
        for mid, rows in by_matter.items():
            scope = self.scope_for(mid)
            label = scope.label if scope else mid
            out.append(GuardView(
                "deletions", mid, tuple(h.subject for h in rows),
                f"{len(rows)} deletions in {label} wait for you: confirm them or restore "
                "the files."))
        return out
