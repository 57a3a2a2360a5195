"""``MirrorPart``: the document mirror as one part of the engine (``SyncPart`` + read models).

A pass: apply what the user decided from another process (conflict resolutions, restores),
finish what a crash interrupted, then for every linked matter (or the matters a fast pass names)
initialise it when newly linked, plan it, hold deletions the guard stops, and execute. The remote
feed (``poll``) runs before, once per cycle for the whole account; a full listing runs every few
hours (and on "Sync now"). See ``docs/sync-rules.md``.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from desktop.clio.records import Document
from desktop.prolegis.manifest import ManifestError
from desktop.prolegis.records import Manifest
from desktop.prolegis.workspace import FolderOutsideWorkspaceError, WorkspaceMissingError
from desktop.sync import commands as cmd
from desktop.sync.clock import iso, parse_iso, utcnow
from desktop.sync.context import EngineContext, PassInterrupted
from desktop.sync.events import DocumentsChanged
from desktop.sync.matter_views import DocCounts
from desktop.sync.messages import msg
from desktop.sync.mirror import localops, names, views
from desktop.sync.mirror.clioops import ClioOps
from desktop.sync.mirror.conflicts import ConflictError, Conflicts
from desktop.sync.mirror.deletions import Deletions
from desktop.sync.mirror.doer import Doer, Kit
from desktop.sync.mirror.executor import PASS_LEVEL, MatterRun
from desktop.sync.mirror.guards import MirrorSafetyError
from desktop.sync.mirror.localfeed import LocalFeed, fast_pass
from desktop.sync.mirror.planner import MatterPlan, MatterScope, plan_matter
from desktop.sync.mirror.push import PushError, push
from desktop.sync.mirror.remote import RemoteCache, matter_remote
from desktop.sync.mirror.watcher import ExpectedWrites
from desktop.sync.report import Outcome, PassOptions, PassReport
from desktop.sync.store.db import StoreError
from desktop.sync.store.documents import MirrorMatter
from desktop.sync.store.links import MatterLink
from desktop.sync.views import ConflictView, DocumentView, GuardView

log = logging.getLogger(__name__)

FULL_EVERY = timedelta(hours=4)
LAST_FULL = "mirror.last_full"


SETTLE_HORIZON = 5.0  # a one-shot pass waits for re-looks due within this many seconds


class MirrorPart:
    """The document mirror (see the module docstring)."""

    name = "documents"

    def __init__(self, ctx: EngineContext) -> None:
        self.ctx = ctx
        cache = RemoteCache(ctx)
        expected = ExpectedWrites()
        self.kit = Kit(ctx, cache, ClioOps(ctx, cache), expected)
        self.conflict_book = Conflicts(self.kit, self.scope_for)
        self.deletions = Deletions(self.kit, self.scope_for)
        self.local_feed = LocalFeed(ctx, expected, self.kit.live)

    # -- SyncPart ---------------------------------------------------------------------------

    def start(self) -> None:
        self.kit.ops.recover(self._adopt)

    def stop(self) -> None:
        self.local_feed.stop()

    def tick(self, now: float) -> PassOptions | None:
        return self.local_feed.tick(now)

    def guards(self) -> list[GuardView]:
        return self.deletions.guards()

    def settling(self, now: float) -> tuple[float, frozenset[str]] | None:
        """For a one-shot pass: the matters to look at again shortly (a file still being
        written, an item that changed while the pass ran) and the seconds until the last of
        them is due; None when nothing is due within ``SETTLE_HORIZON`` seconds. The matters
        returned are taken off the re-look list."""
        recheck = self.kit.live.recheck
        soon = {m: at for m, at in recheck.items() if at - now <= SETTLE_HORIZON}
        if not soon:
            return None
        for m in soon:
            recheck.pop(m, None)
        return max(0.0, max(soon.values()) - now), frozenset(soon)

    def poll(self, report: PassReport, *, full: bool) -> None:
        full = full or self._full_due()
        seen = self.kit.cache.poll(full=full)
        if full and self.ctx.store.matter_links.all():
            self.ctx.store.meta.set(LAST_FULL, iso())
        report.count("documents_listed", seen)

    def _full_due(self) -> bool:
        last = self.ctx.store.meta.get(LAST_FULL)
        return not isinstance(last, str) or utcnow() - parse_iso(last) > FULL_EVERY

    def sync(self, manifest: Manifest, options: PassOptions, report: PassReport) -> None:
        root = self.ctx.workspace.root
        if not root.is_dir():
            report.error("documents", msg("The Prolegis folder {root} is missing: no document was "
                                          "synced and nothing was deleted.", root=root))
            return
        self._forget_unlinked()
        self.conflict_book.apply_queued()
        self.conflict_book.close_gone()
        self.deletions.apply_queued()
        if self.ctx.store.journal.open_intents():
            self.kit.ops.recover(self._adopt)
        plans = self._plan_all(manifest, options, report)
        self.deletions.apply_guard(plans, options, report)
        for mp in plans:
            with self._contained(report, mp.scope.matter_id):
                self._execute(mp, report)
        for c in self.kit.state.conflicts():
            report.add(Outcome.CONFLICT, "conflict",
                       f"{c.rel_path}: a version conflict waits for you ('conflicts')",
                       matter_id=c.matter_id, subject=c.rel_path)

    def handle(self, command: cmd.Command) -> bool:
        """The user's commands, served before background work."""
        with self.ctx.clio.interactive():
            return self._handle(command)

    def _handle(self, command: cmd.Command) -> bool:
        if isinstance(command, cmd.PushFiles):
            self.push(command.matter_id, command.paths, command.target_subfolder)
        elif isinstance(command, cmd.ResolveConflict):
            self.conflict_book.resolve(command.conflict_id, command.keep)
        elif isinstance(command, cmd.ResolveAllConflicts):
            self.resolve_all(command.keep)
        elif isinstance(command, cmd.AllowDeletions):
            self.deletions.allow(command.matter_id)
        elif isinstance(command, cmd.RestoreDeletions):
            self.deletions.restore(command.matter_id)
        else:
            return False
        return True

    # -- read models ------------------------------------------------------------------------

    def counts(self) -> Mapping[str, DocCounts]:
        return views.counts(self.kit)

    def documents(self, matter_id: str) -> list[DocumentView]:
        scope = self.scope_for(matter_id)
        if scope is None:
            return []
        return views.documents(self.kit, scope, scope.clio_matter_id)

    def conflicts(self) -> list[ConflictView]:
        return self.conflict_book.views()

    # -- commands ---------------------------------------------------------------------------

    def push(self, matter_id: str, paths: tuple[str, ...], target_subfolder: str = ""
             ) -> list[str]:
        """Queue files for upload (outside files are copied in first) and ask for a pass."""
        scope = self.scope_for(matter_id, need_clio=False)
        if scope is None:
            raise PushError(msg("Matter {matter} is not linked to Clio; link it first.",
                                matter=matter_id))
        queued = push(Doer(self.kit, scope), paths, target_subfolder)
        self.ctx.request_pass(fast_pass(frozenset({matter_id})))
        return queued

    def resolve_all(self, keep: str) -> int:
        errors: list[ConflictError] = []
        done = 0
        for row in self.kit.state.conflicts():
            try:
                self.conflict_book.resolve(row.id, keep)
                done += 1
            except ConflictError as exc:
                errors.append(exc)
        if len(errors) == 1:
            raise errors[0]
        if errors:
            raise ConflictError("; ".join(str(e) for e in errors))
        return done

    # -- matters ----------------------------------------------------------------------------

    def scope_for(self, matter_id: str, *, need_clio: bool = True) -> MatterScope | None:
        """A linked matter of the current manifest, as the mirror works on it."""
        store, manifest = self.ctx.store, self._manifest()
        link = store.matter_links.get(matter_id)
        if link is None or manifest is None or matter_id not in manifest.matters_by_id:
            return None
        state = store.documents.matter(matter_id)
        root_id = state.root_folder_id if state else link.clio_folder_id
        if root_id is None and need_clio:
            return None
        matter = manifest.matters_by_id[matter_id]
        try:
            folder = self.ctx.workspace.matter_folder(matter)
        except FolderOutsideWorkspaceError:
            return None
        return MatterScope(matter_id, matter.display_name, folder, link.clio_matter_id,
                           root_id or 0, localops.case_insensitive(folder))

    def _manifest(self) -> Manifest | None:
        """The engine's manifest; before the first pass, the workspace's (read now)."""
        if self.ctx.manifest is None:
            with contextlib.suppress(ManifestError, WorkspaceMissingError):
                self.ctx.workspace.refresh()
            self.ctx.manifest = self.ctx.workspace.current
        return self.ctx.manifest

    def _ensure(self, link: MatterLink) -> None:
        """Initialise a newly linked (or relinked) matter: list its Clio folder tree and take
        its historical snapshot into the index, atomically."""
        docs = self.kit.state
        mid = link.matter_id
        known = docs.matter(mid)
        if known and (known.linked_at, known.clio_matter_id) == (link.linked_at,
                                                                  link.clio_matter_id):
            return
        root_id = link.clio_folder_id
        if root_id is None:
            root_id = self.ctx.clio.matter(link.clio_matter_id, fields="id,folder{id}").folder_id
            if root_id is None:
                raise MirrorSafetyError(mid, msg("Clio shows no document folder for this matter"))
            self.ctx.store.matter_links.update(mid, clio_folder_id=root_id)
        self.kit.cache.load_matter(link.clio_matter_id, root_id)
        snapshot = [(e.rel_path, e.size, e.mtime_ns, e.inode)
                    for e in self.ctx.store.matter_links.snapshot(mid).values()
                    if names.is_safe_relative(e.rel_path)
                    and not any(names.is_ignored(p) for p in e.rel_path.split("/"))]
        with self.ctx.store.db.write():
            docs.start_matter(MirrorMatter(mid, link.linked_at, link.clio_matter_id, root_id,
                                           None))
            docs.import_snapshot(mid, snapshot)
        if snapshot:
            self.ctx.record("link", msg("{n} documents that were in the folder when the matter "
                                        "was linked stay out of Clio until you push them",
                                        n=len(snapshot)), result="info", matter_id=mid)

    def _forget_unlinked(self) -> None:
        links = self.ctx.store.matter_links.all()
        linked_clio = {link.clio_matter_id for link in links.values()}
        for mid, m in self.kit.state.matters().items():
            link = links.get(mid)
            if link is None:
                self.kit.state.drop_matter(mid)
                if m.clio_matter_id not in linked_clio:
                    self.kit.state.forget_clio_matter(m.clio_matter_id)
                self.ctx.record("unlink", msg("Documents are no longer synced (files were left "
                                              "as they are)"), result="info", matter_id=mid)

    def _plan_all(self, manifest: Manifest, options: PassOptions,
                  report: PassReport) -> list[MatterPlan]:
        links = self.ctx.store.matter_links.all()
        pushes = self.kit.state.pushes()
        folders: dict[str, Path] = {}
        plans: list[MatterPlan] = []
        for matter in manifest.matters:
            link = links.get(matter.id)
            if link is None:
                continue
            try:
                folders[matter.id] = self.ctx.workspace.matter_folder(matter)
            except FolderOutsideWorkspaceError as exc:
                report.error("documents", str(exc), matter_id=matter.id)
                continue
            if options.matters is not None and matter.id not in options.matters:
                continue
            try:
                with self._contained(report, matter.id):
                    plans.append(self._plan(link, pushes.get(matter.id, set())))
                    self.kit.live.matter_errors.pop(matter.id, None)
            except MirrorSafetyError as exc:
                message = str(exc).split(": ", 1)[-1]
                report.error("documents", exc.said, matter_id=matter.id)
                if self.kit.live.matter_errors.get(matter.id) != message:
                    self.ctx.record("error", exc.said, result="error", matter_id=matter.id)
                self.kit.live.matter_errors[matter.id] = message
            self.ctx.checkpoint()
        self.local_feed.folders = folders
        return plans

    @contextlib.contextmanager
    def _contained(self, report: PassReport, matter_id: str) -> Iterator[None]:
        """A bug met in one matter is reported for that matter; the others go on."""
        try:
            yield
        except (*PASS_LEVEL, PassInterrupted, StoreError, MirrorSafetyError):
            raise
        except Exception as exc:
            log.exception("documents of %s", matter_id)
            message = f"internal error ({type(exc).__name__}: {exc}); see the log"
            report.error("documents", message, matter_id=matter_id)
            self.kit.live.matter_errors[matter_id] = message

    def _plan(self, link: MatterLink, pushes: set[str]) -> MatterPlan:
        self._ensure(link)
        scope = self.scope_for(link.matter_id)
        assert scope is not None
        mp = plan_matter(scope, self.kit.state, pushes=pushes, user_name=self.kit.user_name)
        if mp.remote.unplaced:  # the cache misses a folder: list the matter again
            self.kit.cache.load_matter(scope.clio_matter_id, scope.root_folder_id)
            mp = plan_matter(scope, self.kit.state, pushes=pushes, user_name=self.kit.user_name)
        return mp.compact()

    def _execute(self, mp: MatterPlan, report: PassReport) -> None:
        mid = mp.scope.matter_id
        run = MatterRun(self.kit, mp, report, self.conflict_book.create)
        run.run()
        self.kit.state.synced(mid)
        for path in self.kit.state.pushes(mid).get(mid, set()):
            row = self.kit.state.row(mid, path)
            if (row is not None and row.base.doc_id is not None) or not (
                    mp.scope.root / path).exists():
                self.kit.state.remove_push(mid, path)
        if run.changed:
            self.ctx.emit(DocumentsChanged(mid, tuple(self.documents(mid))))

    def _adopt(self, payload: dict[str, Any], doc: Document) -> None:
        """An upload a crash interrupted turned out committed: index it."""
        mid, path = str(payload["matter_id"]), str(payload["path"])
        scope = self.scope_for(mid)
        row = self.kit.state.row(mid, path)
        if scope is None or (row is not None and row.base.doc_id is not None):
            return
        remote = matter_remote(self.kit.state.clio_docs(scope.clio_matter_id),
                               self.kit.state.clio_folders(scope.clio_matter_id),
                               scope.root_folder_id)
        where = next((d.path for d in remote.docs if d.doc_id == doc.id), None)
        if where is None:
            return
        stat = (int(payload["size"]), int(payload["mtime_ns"]), int(payload["inode"]))
        Doer(self.kit, scope).write_doc(path, stat, str(payload["sha256"]), doc, where,
                                        prolegis_id=str(payload["prolegis_id"]))
