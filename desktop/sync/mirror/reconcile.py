"""The document mirror's rules: one pure function, ``decide(base, local, remote, ctx)``.

It compares the index row (base) with what each side shows now and returns one ``Decision``.
The rules, in the order they are read below (``docs/sync-rules.md`` has them in words):

1. A local file that is still being written waits.
2. Not in Clio (no base, a historical row, or a row never uploaded): link, conflict, download,
   upload, keep historical or forget — ``_not_linked``.
3. Linked (the base has a Clio document): the three-way table — ``_linked``:
   both gone → forget; gone locally → delete in Clio unless Clio changed it (download again);
   gone in Clio → trash locally unless changed locally (restore + upload); edited on both sides →
   same content: update the base, else conflict; an edit on one side, renames on either → both
   apply, and when both sides renamed, Clio's name wins.

"Changed locally": size or mtime differ from the base and, when the sizes are equal, the sha256
differs too (a touched but identical file only updates the base). "Changed in Clio": a different
version id whose content is not known to equal the base. A rename/move: a different path with the
same identity (inode on the local side, document id on Clio's).
"""

from __future__ import annotations

from enum import Enum

from desktop.sync.mirror import names
from desktop.sync.mirror.model import (
    Action,
    Base,
    Context,
    Decision,
    LocalState,
    RemotePath,
    RemoteState,
    WaitReason,
)


class Change(Enum):
    """How one side differs from the base."""

    NONE = "none"  # nothing on this side, and no base
    NEW = "new"  # something here, no base (for Clio: no linked document)
    SAME = "same"  # identical metadata
    TOUCHED = "touched"  # metadata differs, content is the same
    CHANGED = "changed"
    DELETED = "deleted"


def local_change(base: Base | None, local: LocalState) -> Change:
    """How the local file differs from the base (the content, not the path)."""
    if base is None:
        return Change.NEW if local.present else Change.NONE
    if not local.present:
        return Change.DELETED
    if (local.size, local.mtime_ns, local.inode) == (base.size, base.mtime_ns, base.inode):
        return Change.SAME
    if local.size != base.size:
        return Change.CHANGED
    if local.sha256 is not None and local.sha256 == base.sha256:
        return Change.TOUCHED
    if local.sha256 is None and local.mtime_ns == base.mtime_ns:
        return Change.TOUCHED  # only the inode moved (same path, size and mtime): not an edit
    return Change.CHANGED


def remote_change(base: Base | None, remote: RemoteState) -> Change:
    """How the Clio document differs from the base (the content, not the path)."""
    if base is None or base.doc_id is None:
        return Change.NEW if remote.live else Change.NONE
    if not remote.live:
        return Change.DELETED
    if remote.version_id == base.version_id:
        return Change.SAME
    if remote.sha256 is not None and remote.sha256 == base.sha256:
        return Change.TOUCHED  # a new version with the same bytes
    return Change.CHANGED


def local_moved(base: Base | None, local: LocalState) -> bool:
    """The local file sits at another path than the base (a rename or move, case included)."""
    return base is not None and local.present and local.path != base.path


def remote_moved(base: Base | None, remote: RemoteState) -> bool:
    """The Clio document has another folder or name than the base."""
    return (
        base is not None and base.doc_id is not None and remote.live
        and remote.path != base.remote_path
    )


def same_content(local: LocalState, remote: RemoteState) -> bool | None:
    """True/False when known; None when Clio's hash is unknown and the sizes are equal."""
    if local.sha256 is not None and remote.sha256 is not None:
        return local.sha256 == remote.sha256
    if remote.size is not None and remote.size != local.size:
        return False
    return None


def decide(
    base: Base | None, local: LocalState, remote: RemoteState, ctx: Context
) -> Decision:
    """The rule for one document (see the module docstring and ``docs/sync-rules.md``)."""
    if base is not None and base.doc_id is not None and remote.present \
            and remote.doc_id != base.doc_id:
        raise ValueError(f"paired wrongly: base doc {base.doc_id}, remote doc {remote.doc_id}")
    lc = local_change(base, local)
    if local.present and local.still_being_written and lc is not Change.SAME:
        return _wait(WaitReason.BEING_WRITTEN, local.path)
    if base is None or base.doc_id is None:
        return _not_linked(base, local, remote, lc, ctx)
    return _linked(base, local, remote, lc, remote_change(base, remote), ctx)


def _linked(
    base: Base, local: LocalState, remote: RemoteState, lc: Change, rc: Change, ctx: Context
) -> Decision:
    doc, ver = base.doc_id, remote.version_id
    l_moved, r_moved = local_moved(base, local), remote_moved(base, remote)
    l_edit, r_edit = lc is Change.CHANGED, rc is Change.CHANGED
    clio_at = _local_target(base, remote)  # where Clio's copy belongs locally

    if lc is Change.DELETED and rc is Change.DELETED:
        return Decision(Action.FORGET, "gone on both sides", path=base.path, doc_id=doc)
    if lc is Change.DELETED:
        if r_edit or r_moved:
            return Decision(Action.DOWNLOAD, "deleted locally, changed in Clio: download again",
                            path=clio_at, doc_id=doc, version_id=ver)
        if remote.locked:
            return _wait(WaitReason.REMOTE_LOCKED, base.path)
        return Decision(Action.DELETE_REMOTE, "deleted locally", path=base.path, doc_id=doc)
    if rc is Change.DELETED:
        target = _remote_target(base, local, ctx)
        if l_edit or l_moved:
            if remote.present:  # in Clio's trash: bring it back
                return Decision(Action.RESTORE_REMOTE_THEN_UPLOAD_VERSION,
                                "changed locally, deleted in Clio: restore and upload",
                                path=local.path, doc_id=doc, remote_path=target)
            return Decision(Action.UPLOAD_NEW, "changed locally, purged from Clio: upload again",
                            path=local.path, remote_path=target)
        if local.open_in_office:
            return _wait(WaitReason.OPEN_IN_OFFICE, local.path)
        return Decision(Action.TRASH_LOCAL, "deleted in Clio", path=local.path, doc_id=doc)

    if l_edit and r_edit:
        same = same_content(local, remote)
        if same:
            return _renames(base, local, remote, ctx, touched=True)
        return _conflict(local, remote, clio_at, ctx, keep_local_name=False,
                         verify_same=same is None)
    if l_edit:
        if remote.locked:
            return _wait(WaitReason.REMOTE_LOCKED, local.path)
        if r_moved and local.path != clio_at:  # Clio renamed, we edited (both: Clio's wins)
            if local.open_in_office:
                return _wait(WaitReason.OPEN_IN_OFFICE, local.path)
            return Decision(Action.MOVE_LOCAL_THEN_UPLOAD_VERSION,
                            "renamed in Clio, changed locally: move, then upload",
                            path=local.path, move_to=clio_at, doc_id=doc, version_id=ver,
                            logged=_lost_name(l_moved, local))
        if l_moved and not r_moved:
            return Decision(Action.MOVE_REMOTE_THEN_UPLOAD_VERSION,
                            "renamed and changed locally: move in Clio, then upload",
                            path=local.path, remote_path=_remote_target(base, local, ctx),
                            doc_id=doc, version_id=ver)
        return Decision(Action.UPLOAD_VERSION, "changed locally", path=local.path,
                        doc_id=doc, version_id=ver)
    if r_edit:
        if local.open_in_office:
            return _wait(WaitReason.OPEN_IN_OFFICE, local.path)
        if r_moved and local.path != clio_at:
            return Decision(Action.MOVE_LOCAL_THEN_DOWNLOAD,
                            "renamed and changed in Clio: move, then download",
                            path=local.path, move_to=clio_at, doc_id=doc, version_id=ver,
                            replace=True, logged=_lost_name(l_moved, local))
        if l_moved and not r_moved:
            if remote.locked:
                return _wait(WaitReason.REMOTE_LOCKED, local.path)
            return Decision(Action.MOVE_REMOTE_THEN_DOWNLOAD,
                            "renamed locally, changed in Clio: move in Clio, then download",
                            path=local.path, remote_path=_remote_target(base, local, ctx),
                            doc_id=doc, version_id=ver, replace=True)
        return Decision(Action.DOWNLOAD, "changed in Clio", path=local.path, doc_id=doc,
                        version_id=ver, replace=True)
    touched = lc is Change.TOUCHED or rc is Change.TOUCHED
    return _renames(base, local, remote, ctx, touched=touched)


def _renames(
    base: Base, local: LocalState, remote: RemoteState, ctx: Context, *, touched: bool
) -> Decision:
    """Content agrees on both sides: only renames (and the base) may need work."""
    doc, ver = base.doc_id, remote.version_id
    l_moved, r_moved = local_moved(base, local), remote_moved(base, remote)
    clio_at = _local_target(base, remote)
    if r_moved and local.path != clio_at:  # Clio renamed (if we did too, Clio's name wins)
        if local.open_in_office:
            return _wait(WaitReason.OPEN_IN_OFFICE, local.path)
        return Decision(Action.MOVE_LOCAL, "renamed in Clio", path=local.path, move_to=clio_at,
                        doc_id=doc, version_id=ver, logged=_lost_name(l_moved, local))
    if l_moved and not r_moved:
        if remote.locked:
            return _wait(WaitReason.REMOTE_LOCKED, local.path)
        return Decision(Action.MOVE_REMOTE, "renamed locally", path=local.path,
                        remote_path=_remote_target(base, local, ctx), doc_id=doc, version_id=ver)
    if touched or l_moved or r_moved:
        return Decision(Action.UPDATE_BASE_ONLY, "same content on both sides", path=local.path,
                        doc_id=doc, version_id=ver)
    return Decision(Action.NOTHING, "in step", path=local.path, doc_id=doc, version_id=ver)


def _not_linked(
    base: Base | None, local: LocalState, remote: RemoteState, lc: Change, ctx: Context
) -> Decision:
    """No Clio document in the base: a new file, a historical file, or a new Clio document
    (paired by path with whatever sits at its local path)."""
    historical = base is not None and base.historical
    if remote.live:
        if not local.present:
            return Decision(Action.DOWNLOAD, "new in Clio",
                            path=remote.local_path or names.local_path_for(remote.path),
                            doc_id=remote.doc_id, version_id=remote.version_id)
        same = same_content(local, remote)
        if same:
            return Decision(Action.LINK, "same content on both sides", path=local.path,
                            doc_id=remote.doc_id, version_id=remote.version_id)
        return _conflict(local, remote, local.path, ctx, keep_local_name=historical,
                         verify_same=same is None)
    if not local.present:
        if base is None:
            return Decision(Action.NOTHING, "nothing on either side")
        return Decision(Action.FORGET, "gone, never in Clio", path=base.path)
    target = names.remote_path_for(local.path, ctx.folders)
    if local.path in ctx.push:
        return Decision(Action.UPLOAD_NEW, "pushed by the user", path=local.path,
                        remote_path=target)
    if historical and lc is not Change.CHANGED:
        if lc is Change.TOUCHED or local_moved(base, local):
            return Decision(Action.UPDATE_BASE_ONLY, "historical, same content",
                            path=local.path)
        return Decision(Action.KEEP_HISTORICAL, "historical: not in Clio", path=local.path)
    if not ctx.matter_live:
        return Decision(Action.NOTHING, "not in Clio; the matter is not live-synced",
                        path=local.path)
    why = "historical file changed: now live" if historical else "new locally"
    return Decision(Action.UPLOAD_NEW, why, path=local.path, remote_path=target)


def _conflict(
    local: LocalState, remote: RemoteState, clio_at: str, ctx: Context, *,
    keep_local_name: bool, verify_same: bool = False,
) -> Decision:
    """Keep both. Normally Clio's version takes the document's name and the local file becomes
    the conflicted copy; for a historical file the local file keeps its name and Clio's version
    is downloaded beside it as the conflicted copy."""
    folder = names.parent_of(local.path)

    def taken(name: str) -> bool:
        return names.path_key(names.join(folder, name), ctx.case_insensitive) in ctx.taken

    copy = names.join(folder, names.conflicted_copy_name(
        names.name_of(local.path), ctx.user_name, ctx.now, taken))
    if keep_local_name:
        return Decision(Action.CONFLICT, "historical file differs from Clio's: keep both",
                        path=local.path, download_to=copy, doc_id=remote.doc_id,
                        version_id=remote.version_id, verify_same=verify_same)
    if local.open_in_office:
        return _wait(WaitReason.OPEN_IN_OFFICE, local.path)
    return Decision(Action.CONFLICT, "changed on both sides: keep both", path=local.path,
                    move_to=copy, download_to=clio_at, doc_id=remote.doc_id,
                    version_id=remote.version_id, verify_same=verify_same)


def _local_target(base: Base, remote: RemoteState) -> str:
    """Where the Clio document belongs locally: its base path unless Clio moved it."""
    if not remote_moved(base, remote):
        return base.path
    return remote.local_path or names.local_path_for(remote.path)


def _remote_target(base: Base, local: LocalState, ctx: Context) -> RemotePath:
    """Where the local file belongs in Clio; an unchanged part keeps its original Clio name
    (``A:B.pdf`` stays ``A:B.pdf`` though it is ``A_B.pdf`` locally)."""
    if not local.present or local.path == base.path:
        return base.remote_path
    parent, name = names.parent_of(local.path), names.name_of(local.path)
    if parent == names.parent_of(base.path):
        remote_parent: RemotePath = base.remote_parent
    else:
        remote_parent = names.remote_folder_for(parent, ctx.folders)
    remote_name = base.remote_name if name == names.name_of(base.path) else names.clio_name(name)
    return (*remote_parent, remote_name)


def _lost_name(l_moved: bool, local: LocalState) -> str:
    return f"local rename to {local.path!r} lost to Clio's name" if l_moved else ""


def _wait(reason: WaitReason, path: str) -> Decision:
    return Decision(Action.WAIT, reason.value, path=path, wait=reason)
