"""Pushing files by hand (the GUI's "Push to Clio", drag and drop, ``prolegis-desktop push``):
historical files of the matter folder, or any file from elsewhere, which is first copied into
the matter folder (``target_subfolder``; a name already there gets `` (2)``). The paths are kept
as pending pushes in the store until the next pass uploads them; a pushed historical file is
live from then on.

Every path is checked before anything is copied, so a bad one changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from desktop.sync.messages import Explained, msg
from desktop.sync.mirror import localfs, localops, names
from desktop.sync.mirror.doer import Doer


class PushError(Explained, ValueError):
    """A path that cannot be pushed (the message, a ``Message``, says which and why)."""


def _inside(path: Path, root: Path) -> str | None:
    try:
        rel = path.resolve().relative_to(root.resolve())
    except ValueError:
        return None
    return rel.as_posix()


def push(doer: Doer, paths: Iterable[str], target_subfolder: str = "") -> list[str]:
    """Queue ``paths`` (absolute, or relative to the current folder) for upload; returns the
    matter-relative paths queued."""
    root = doer.scope.root
    sub = target_subfolder.strip().strip("/").replace("\\", "/")
    if sub and not names.is_safe_relative(sub):
        raise PushError(msg("“{folder}” is not a folder inside the matter folder",
                            folder=target_subfolder))
    plan: list[tuple[Path, str | None]] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.is_file():
            raise PushError(msg("{path}: not a file (nothing was pushed)", path=raw))
        if names.is_ignored(path.name):
            raise PushError(msg("{path}: a temporary or lock file is never synced", path=raw))
        rel = _inside(path, root)
        if rel is not None and not names.is_safe_relative(rel):
            raise PushError(msg("{path}: not a file inside the matter folder", path=raw))
        plan.append((path, rel))
    queued: list[str] = []
    for path, rel in plan:
        if rel is None:
            folder = localops.ensure_dir(root, sub, doer.kit.expected)
            name = localops.free_name(folder, names.safe_local_name(path.name))
            rel = names.join(sub, name)
            localops.copy_in(path, localfs.resolve_in(root, rel), doer.kit.expected)
            doer.record("push", msg("Copied {source} into the matter folder as {path}",
                                    source=path, path=rel), subject=rel)
        queued.append(rel)
    doer.kit.state.add_pushes(doer.mid, queued)
    return queued
