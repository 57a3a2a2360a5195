"""Small builders for mirror tests: one linked document in a few well-known states."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from desktop.sync.mirror.model import Base, Context, LocalState, RemoteState

SHA_A = "a" * 64  # the synced content
SHA_B = "b" * 64  # a local edit
SHA_C = "c" * 64  # an edit in Clio
PATH = "Pleadings/Claim.pdf"
WHEN = datetime(2026, 3, 4, 14, 2)

BASE = Base(PATH, 100, 1_000, 11, SHA_A, doc_id=7, remote_parent=("Pleadings",), version_id=1,
            remote_name="Claim.pdf")
HIST = Base(PATH, 100, 1_000, 11, None, historical=True)

L_SAME = LocalState(True, PATH, 100, 1_000, 11)
L_TOUCHED = LocalState(True, PATH, 100, 2_000, 11, SHA_A)
L_INODE = LocalState(True, PATH, 100, 1_000, 99)  # same size+mtime, new inode (atomic save)
L_CHANGED = LocalState(True, PATH, 120, 2_000, 11, SHA_B)
L_CHANGED_SAME_SIZE = LocalState(True, PATH, 100, 2_000, 11, SHA_B)
L_GONE = LocalState.absent(PATH)
L_RENAMED = LocalState(True, "Pleadings/Claim (final).pdf", 100, 1_000, 11)
L_MOVED = LocalState(True, "Filed/Claim.pdf", 100, 1_000, 11)
L_RENAMED_CHANGED = replace(L_CHANGED, path="Pleadings/Claim (final).pdf")

R_SAME = RemoteState(True, False, 7, ("Pleadings", "Claim.pdf"), 1, 100, SHA_A, local_path=PATH)
R_CHANGED = replace(R_SAME, version_id=2, size=130, sha256=SHA_C)
R_CHANGED_AS_LOCAL = replace(R_SAME, version_id=2, size=120, sha256=SHA_B)
R_CHANGED_UNKNOWN = replace(R_SAME, version_id=2, size=120, sha256=None)
R_TOUCHED = replace(R_SAME, version_id=2)  # a new version with the same bytes
R_TRASHED = replace(R_SAME, deleted=True)
R_PURGED = RemoteState.absent()
R_RENAMED = replace(R_SAME, path=("Pleadings", "Statement of Claim.pdf"),
                    local_path="Pleadings/Statement of Claim.pdf")
R_RENAMED_CHANGED = replace(R_RENAMED, version_id=2, size=130, sha256=SHA_C)
R_NEW = RemoteState(True, False, 9, ("Pleadings", "Claim.pdf"), 5, 100, SHA_A, local_path=PATH)
R_NEW_DIFFERENT = replace(R_NEW, size=130, sha256=SHA_C)
R_NEW_UNKNOWN = replace(R_NEW, sha256=None)

L_NEW = LocalState(True, PATH, 100, 5_000, 21, SHA_A)
L_NEW_DIFFERENT = LocalState(True, PATH, 120, 5_000, 21, SHA_B)


def ctx(**kw: object) -> Context:
    """A context with a fixed user and time (deterministic conflicted-copy names)."""
    defaults: dict[str, object] = {"user_name": "Ann Lee", "now": WHEN}
    defaults.update(kw)
    return Context(**defaults)  # type: ignore[arg-type]
