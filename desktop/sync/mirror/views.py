"""The mirror's read models for the GUI and ``status``: per-matter counts (one query per table,
cheap enough for 50,000 matters) and one matter's document list (the index, what waits on
either side, conflicts, held deletions, failures and transfers in progress)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime

from desktop.sync.matter_views import DocCounts
from desktop.sync.mirror import names, scanner
from desktop.sync.mirror.doer import Kit
from desktop.sync.mirror.folders import folder_maps
from desktop.sync.mirror.planner import MatterScope
from desktop.sync.mirror.remote import matter_remote
from desktop.sync.views import DocumentState, DocumentView


def _when(mtime_ns: int) -> str | None:
    return datetime.fromtimestamp(mtime_ns / 1e9, UTC).isoformat() if mtime_ns else None


def counts(kit: Kit) -> Mapping[str, DocCounts]:
    state = kit.state
    index, conflicts, held = state.index_counts(), state.conflict_counts(), state.held_counts()
    pushes = state.pushes()
    errors: dict[str, list[str]] = {}
    for p in kit.ctx.store.problems.all("document"):
        errors.setdefault(p.matter_id, []).append(p.message)
    matters = state.matters()
    out: dict[str, DocCounts] = {}
    for mid in kit.ctx.store.matter_links.all():
        docs, hist = index.get(mid, (0, 0))
        moving = kit.live.transfers.get(mid, {}).values()
        errs = errors.get(mid, [])
        matter_error = kit.live.matter_errors.get(mid, "")
        state_row = matters.get(mid)
        out[mid] = DocCounts(
            documents=docs, historical=hist, conflicts=conflicts.get(mid, 0),
            uploading=sum(1 for t in moving if t[0] == "up"),
            downloading=sum(1 for t in moving if t[0] == "down"),
            pending=len(kit.live.waits.get(mid, {})) + len(pushes.get(mid, ())),
            errors=len(errs) + (1 if matter_error else 0), held=held.get(mid, 0),
            last_sync=state_row.last_sync if state_row else None,
            error_detail=matter_error or (errs[0] if errs else ""))
    return out


def documents(kit: Kit, scope: MatterScope, clio_matter_id: int) -> list[DocumentView]:
    """Every document of one matter with its state (see the module docstring)."""
    state, mid = kit.state, scope.matter_id
    rows = state.rows(mid)
    views: dict[str, DocumentView] = {}
    for path, r in rows.items():
        b = r.base
        kind = (DocumentState.IN_SYNC if b.doc_id is not None else
                DocumentState.HISTORICAL if b.historical else DocumentState.PENDING)
        views[path] = DocumentView(mid, path, b.size, _when(b.mtime_ns), kind,
                                   clio_document_id=b.doc_id)
    try:
        scan = scanner.scan(scope.root, {p: r.base for p, r in rows.items()},
                            hash_changed=False)
    except FileNotFoundError:
        scan = None
    present = set(scan.unchanged) | set(scan.changed) if scan else set()
    for path, local in (scan.changed.items() if scan else ()):
        row = rows.get(path)
        if row is None:
            views[path] = DocumentView(mid, path, local.size, _when(local.mtime_ns),
                                       DocumentState.PENDING, "not in Clio yet")
        elif row.base.doc_id is not None and (local.size, local.mtime_ns) != (
                row.base.size, row.base.mtime_ns):
            views[path] = DocumentView(mid, path, local.size, _when(local.mtime_ns),
                                       DocumentState.PENDING, "changed here, not sent yet",
                                       clio_document_id=row.base.doc_id)
    for path, view in list(views.items()):
        if path not in present:
            views[path] = _replace(view, local=False)
    linked = {r.base.doc_id for r in rows.values() if r.base.doc_id is not None}
    _, r2l = folder_maps(state.folders(mid))
    remote = matter_remote(state.clio_docs(clio_matter_id), state.clio_folders(clio_matter_id),
                           scope.root_folder_id)
    for d in remote.docs:
        if d.live and d.doc_id not in linked:
            path = names.local_path_for(d.path, r2l)
            views.setdefault(path, DocumentView(
                mid, path, d.size or 0, remote.cached[d.doc_id or 0].modified or None,
                DocumentState.PENDING, "in Clio, not downloaded yet", clio_document_id=d.doc_id,
                local=False))
    _overlay(kit, mid, views)
    return [views[p] for p in sorted(views)]


def _overlay(kit: Kit, mid: str, views: dict[str, DocumentView]) -> None:
    state = kit.state

    def mark(path: str, kind: DocumentState, detail: str,
             progress: float | None = None) -> None:
        view = views.get(path) or DocumentView(mid, path, 0, None, kind)
        views[path] = _replace(view, state=kind, detail=detail, progress=progress)

    for h in state.held(mid):
        mark(h.subject, DocumentState.HELD, "deletion held: confirm or restore")
    for path, why in kit.live.waits.get(mid, {}).items():
        mark(path, DocumentState.WAITING, why)
    for p in kit.ctx.store.problems.all("document"):
        if p.matter_id == mid:
            mark(p.subject.split(":", 1)[1].rstrip("/"), DocumentState.ERROR, p.message)
    for c in state.conflicts(mid):
        mark(c.rel_path, DocumentState.CONFLICT, f"version conflict (copy: {c.copy_path})")
        mark(c.copy_path, DocumentState.CONFLICT, f"version conflict with {c.rel_path}")
    for path, (direction, done, total) in kit.live.transfers.get(mid, {}).items():
        kind = DocumentState.UPLOADING if direction == "up" else DocumentState.DOWNLOADING
        mark(path, kind, "", done / total if total else 0.0)


def _replace(view: DocumentView, **changes: object) -> DocumentView:
    import dataclasses

    return dataclasses.replace(view, **changes)  # type: ignore[arg-type]


ScopeFor = Callable[[str], MatterScope | None]
