"""Conflicts: keep both, then let the user choose.

Creating one (a ``CONFLICT`` decision):

- **edit** (changed on both sides, or new on both sides with different content): the local file
  is renamed to ``name (conflicted copy, <user>, <YYYY-MM-DD HHMM>).ext`` and Clio's version is
  downloaded to the document's name. The copy stays local (kept out of the sync) until resolved.
- **historical** (a historical file whose path exists in Clio with other content): the local
  file keeps its name; Clio's version is downloaded beside it as the conflicted copy. Both stay
  out of the sync until resolved.
- ``verify_same`` (Clio's hash unknown, sizes equal): Clio's copy is fetched first and, when its
  sha256 equals the local one, the two are simply linked.

Resolving one: **local** (keep mine) uploads mine as the newest version of the Clio document
(Clio keeps the other in its versions) and puts it at the document's name; **clio** (keep
Clio's) sends mine to the OS trash; **both** keeps both — my copy (or the historical file) is
uploaded as a document of its own by the next pass. The ``conflict_policy`` setting answers new
conflicts at once (``keep_both``/``keep_local``/``keep_clio``; ``ask`` leaves them to the user).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from desktop.clio.records import Document
from desktop.sync.events import notice
from desktop.sync.messages import Explained, msg
from desktop.sync.mirror import localfs, localops, names
from desktop.sync.mirror.doer import Doer, Kit, Stat
from desktop.sync.mirror.executor import MatterRun
from desktop.sync.mirror.localops import Deferred
from desktop.sync.mirror.model import Decision, RemotePath
from desktop.sync.mirror.pairing import Triple
from desktop.sync.mirror.planner import MatterScope
from desktop.sync.report import PassOptions
from desktop.sync.store.documents import ConflictRow
from desktop.sync.views import ConflictView, VersionInfo

log = logging.getLogger(__name__)

KEEPS = ("local", "clio", "both")
POLICY = {"keep_both": "both", "keep_local": "local", "keep_clio": "clio"}


def stamp(mtime_ns: int) -> str:
    return datetime.fromtimestamp(mtime_ns / 1e9, UTC).isoformat()


class ConflictError(Explained, ValueError):
    """A resolution cannot be applied (the copy is gone, the conflict is unknown…); its message
    is a ``Message`` (``str(exc)`` its English, ``exc.explanation`` for the GUI)."""


class Conflicts:
    """Create, resolve and show conflicts (``scope_for`` gives a linked matter's scope)."""

    def __init__(self, kit: Kit, scope_for: Callable[[str], MatterScope | None]) -> None:
        self.kit = kit
        self.scope_for = scope_for

    # -- creating ---------------------------------------------------------------------------

    def create(self, run: MatterRun, t: Triple, d: Decision) -> None:
        """Carry out a ``CONFLICT`` decision (see the module docstring)."""
        doc_id = d.doc_id or t.remote.doc_id
        assert doc_id is not None and d.download_to is not None
        rel = t.local.path
        localops.check_unchanged(run.abs(rel), t.local)
        if d.verify_same and t.remote.sha256 is not None:
            # Clio knows its hash (the companion stored it), only ours is unknown (a file
            # taken as historical, never hashed): hashing it here spares a download
            local_sha = run.known_sha(t) or localfs.hash_file(run.abs(rel))[0]
            if local_sha == t.remote.sha256:
                self._same(run, t, rel, local_sha)
                return
        result = run.download(doc_id, d.download_to, d.version_id)
        try:
            if d.verify_same:
                local_sha = run.known_sha(t) or localfs.hash_file(run.abs(rel))[0]
                if local_sha == result.sha256:
                    run.discard(result)
                    self._same(run, t, rel, local_sha)
                    return
            if d.move_to is not None:
                run.move_local(t, d)
        except BaseException:
            run.discard(result)
            raise
        st = run.place(result, d.download_to, replace=False)
        version = d.version_id if d.version_id is not None else t.remote.version_id
        remote = run.current(t.remote.path)
        cached = self.kit.state.clio_doc(doc_id)
        clio_modified = cached.modified if cached is not None else ""
        if d.move_to is not None:  # edit: mine is the copy, Clio's takes the name
            run.write(d.download_to, st, result.sha256, doc_id=doc_id, version_id=version,
                      remote_path=remote, replaces=t.base.path if t.base else None)
            kind, doc_path, copy = "edit", d.download_to, d.move_to
        else:  # historical: mine keeps its name, Clio's is the copy
            run.write(d.download_to, st, result.sha256, doc_id=doc_id, version_id=version,
                      remote_path=remote, prolegis_id=cached.prolegis_id if cached else "")
            kind, doc_path, copy = "historical", rel, d.download_to
        conflict_id = self.kit.state.add_conflict(
            run.mid, doc_path, copy, kind, doc_id,
            local=(t.local.size, stamp(t.local.mtime_ns)), clio=(st[0], clio_modified))
        run.record("conflict", msg("{path}: changed here and in Clio; both kept ({copy})",
                                   path=doc_path, copy=copy), result="warning", subject=doc_path)
        run.report.count("conflicts")
        self.kit.ctx.emit(notice("warning", msg("Version conflict"),
                                 msg("{path} was changed here and in Clio; both versions are "
                                     "kept until you choose.", path=doc_path), run.mid))
        keep = POLICY.get(str(self.kit.ctx.settings.get("conflict_policy") or "ask"))
        if keep is not None:
            self.resolve(conflict_id, keep)

    @staticmethod
    def _same(run: MatterRun, t: Triple, rel: str, sha: str) -> None:
        run.keep(t, rel, run.current(t.remote.path), sha=sha)
        run.record("link", msg("{path}: same content in Clio; linked", path=rel), subject=rel)

    # -- resolving --------------------------------------------------------------------------

    def resolve(self, conflict_id: int, keep: str) -> None:
        """Apply one resolution now (raises ``ConflictError`` or a Clio/OS error)."""
        if keep not in KEEPS:
            raise ConflictError(f"keep must be one of {', '.join(KEEPS)}, not {keep!r}")
        row = self.kit.state.conflict(conflict_id)
        if row is None:
            raise ConflictError(msg("There is no open conflict {conflict}.", conflict=conflict_id))
        scope = self.scope_for(row.matter_id)
        if scope is None:
            self.kit.state.close_conflict(conflict_id)  # the matter was unlinked
            return
        doer = Doer(self.kit, scope)
        self.kit.state.resolve_conflicts(keep, conflict_id)
        if row.kind == "edit":
            self._edit(doer, row, keep)
        else:
            self._historical(doer, row, keep)
        self.kit.state.close_conflict(conflict_id)
        words = {"local": msg("{path}: kept this computer's version", path=row.rel_path),
                 "clio": msg("{path}: kept Clio's version", path=row.rel_path),
                 "both": msg("{path}: kept both versions", path=row.rel_path)}
        doer.record("conflict", words[keep], subject=row.rel_path)
        self.kit.ctx.request_pass(PassOptions(records=False, poll=False,
                                              matters=frozenset({row.matter_id})))

    def _doc_path(self, row: ConflictRow) -> tuple[str, RemotePath]:
        found = self.kit.state.row_by_doc(row.doc_id)
        if found is None or found[0] != row.matter_id:
            raise ConflictError(msg("{path}: the Clio document is no longer linked here; choose "
                                    "“keep both”.", path=row.rel_path))
        base = found[1].base
        return base.path, base.remote_path

    def _upload_mine(self, doer: Doer, mine: str, row: ConflictRow
                     ) -> tuple[str, Document, str, Stat, RemotePath]:
        if not doer.abs(mine).exists():
            raise ConflictError(msg("{path} is gone; choose “keep Clio's” or “keep both”.",
                                    path=mine))
        path, remote = self._doc_path(row)
        key = doer.expected_key(row.doc_id, None)
        try:
            doc, sha, st = doer.upload_version(mine, row.doc_id, remote[-1], key)
        except Deferred as exc:
            raise ConflictError(msg("{path}: {reason}; try again in a moment.",
                                    path=row.rel_path, reason=str(exc))) from exc
        return path, doc, sha, st, remote

    def _edit(self, doer: Doer, row: ConflictRow, keep: str) -> None:
        copy = row.copy_path
        if keep == "clio":
            if doer.abs(copy).exists():
                doer.trash(copy)
            return
        if keep == "both":
            return  # the copy is an ordinary new file from now on: the next pass uploads it
        path, doc, sha, _st, remote = self._upload_mine(doer, copy, row)
        target = doer.abs(path)
        indexed = self.kit.state.row(doer.mid, path)
        unchanged = indexed is not None and localops.stat_of(target) == (
            indexed.base.size, indexed.base.mtime_ns, indexed.base.inode)
        if target.exists() and not unchanged:
            doer.trash(path)  # edited since: keep that edit in the trash
        localops.replace(doer.scope.root, copy, path, self.kit.expected)
        st = localops.stat_of(target)
        assert st is not None
        doer.write_doc(path, st, sha, doc, remote)

    def _historical(self, doer: Doer, row: ConflictRow, keep: str) -> None:
        mine = row.rel_path
        if keep == "both":
            self.kit.state.add_pushes(doer.mid, [mine])  # pushed as its own document
            return
        if keep == "local":
            path, doc, sha, st, remote = self._upload_mine(doer, mine, row)
            if doer.abs(path).exists() and path != mine:
                doer.trash(path)  # Clio's former version (kept in Clio's versions too)
            doer.write_doc(mine, st, sha, doc, remote, replaces=path)
            return
        path, remote = self._doc_path(row)
        if doer.abs(mine).exists():
            doer.trash(mine)
        indexed = self.kit.state.row(doer.mid, path)
        doer.move(path, mine)
        moved = localops.stat_of(doer.abs(mine))
        assert moved is not None and indexed is not None
        doer.write(mine, moved, indexed.base.sha256, doc_id=row.doc_id,
                   version_id=indexed.base.version_id, remote_path=remote, replaces=path)

    def apply_queued(self) -> None:
        """Apply resolutions asked for from another process (``conflicts resolve``)."""
        for row in self.kit.state.conflicts():
            if row.resolution not in KEEPS:
                continue
            try:
                self.resolve(row.id, row.resolution)
            except (ConflictError, OSError) as exc:
                log.warning("conflict %s: %s", row.id, exc)
                self.kit.state.resolve_conflicts("", row.id)
                self.kit.ctx.record("error", str(exc), result="error", matter_id=row.matter_id,
                                    subject=row.rel_path)

    def close_gone(self) -> int:
        """Close the conflicts whose kept files the user moved or deleted here: what they did
        with them is their answer (a moved copy is an ordinary file from then on — kept both;
        a deleted one is gone — kept the other). Returns how many were closed. A matter
        folder that is missing closes nothing."""
        closed = 0
        for row in self.kit.state.conflicts():
            scope = self.scope_for(row.matter_id)
            if scope is None or not scope.root.is_dir():
                continue
            mine, clios = ((row.copy_path, row.rel_path) if row.kind == "edit"
                           else (row.rel_path, row.copy_path))
            held = [mine] if row.kind == "edit" else [mine, clios]
            if not any(_gone(scope.root, p) for p in held):
                continue
            self.kit.state.close_conflict(row.id)
            if not _gone(scope.root, mine):
                said = msg("{path}: kept this computer's version", path=row.rel_path)
            elif _named_anywhere(scope.root, names.name_of(mine)):
                said = msg("{path}: kept both versions", path=row.rel_path)
            else:
                said = msg("{path}: kept Clio's version", path=row.rel_path)
            Doer(self.kit, scope).record("conflict", said, subject=row.rel_path)
            closed += 1
        return closed

    # -- the read model ---------------------------------------------------------------------

    def views(self) -> list[ConflictView]:
        out = []
        for row in self.kit.state.conflicts():
            scope = self.scope_for(row.matter_id)
            if scope is None:
                continue
            doc_file, copy_file = scope.root / row.rel_path, scope.root / row.copy_path
            local_file, clio_file = ((copy_file, doc_file) if row.kind == "edit"
                                     else (doc_file, copy_file))
            local_rel, clio_rel = ((row.copy_path, row.rel_path) if row.kind == "edit"
                                   else (row.rel_path, row.copy_path))
            out.append(ConflictView(
                row.id, row.matter_id, scope.label, row.rel_path,
                VersionInfo(names.name_of(local_rel), row.local_size, row.local_modified, "you",
                            str(local_file) if local_file.exists() else ""),
                VersionInfo(names.name_of(clio_rel), row.clio_size, row.clio_modified or None,
                            "Clio", str(clio_file) if clio_file.exists() else ""),
                row.detected_at))
        return out


def _gone(root: Path, rel: str) -> bool:
    """Nothing at ``rel`` any more (an unreadable folder is not "gone")."""
    try:
        os.lstat(localfs.resolve_in(root, rel))
    except (FileNotFoundError, NotADirectoryError):
        return True
    except (OSError, ValueError):
        return False
    return False


def _named_anywhere(root: Path, name: str) -> bool:
    """A file called ``name`` somewhere under ``root`` (a moved copy)."""
    return any(name in files for _dirpath, _dirs, files in os.walk(root))
