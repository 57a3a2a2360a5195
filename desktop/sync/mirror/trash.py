"""Sending a local file (or folder) away without destroying it: the OS trash first
(``send2trash``), and when that fails (network shares, file systems without a trash, no desktop
trash at all) the app's own recovery folder, keeping the file's relative path under a timestamped
folder. Nothing here ever unlinks a file that has not been copied first.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from send2trash import send2trash


class TrashError(OSError):
    """Neither the OS trash nor the recovery folder took the file; it is still in place."""


@dataclass(frozen=True)
class TrashedItem:
    """Where a trashed path went: ``"os-trash"`` (``location`` unknown: the OS decides) or
    ``"recovery"`` (``location`` is the path in the recovery folder; ``trash_error`` says why
    the OS trash was not used)."""

    original: Path
    where: Literal["os-trash", "recovery"]
    location: Path | None
    trash_error: str = ""


def move_to_trash(
    path: Path,
    recovery_dir: Path,
    *,
    root: Path | None = None,
    trash: Callable[[str], None] = send2trash,
    now: datetime | None = None,
) -> TrashedItem:
    """Move ``path`` to the OS trash, or else to ``recovery_dir/<YYYYMMDD-HHMMSS>/<root's
    name>/<path relative to root>`` (without ``root``, or outside it: the full path without its
    anchor); a clash gets `` 2``, `` 3``. Raises ``FileNotFoundError`` if ``path`` is gone
    and ``TrashError`` if both ways fail (the file stays where it was)."""
    if not os.path.lexists(path):
        raise FileNotFoundError(errno.ENOENT, "nothing to trash", str(path))
    try:
        trash(str(path))
    except Exception as exc:  # send2trash raises OSError, TrashPermissionError, or worse
        if not os.path.lexists(path):  # it went, though the call complained
            return TrashedItem(path, "os-trash", None)
        reason = f"{type(exc).__name__}: {exc}"
    else:
        return TrashedItem(path, "os-trash", None)
    try:
        location = _recover(path, recovery_dir, root, now or datetime.now())
    except OSError as exc:
        raise TrashError(errno.EIO, f"could not trash {path} ({reason}) nor move it to the "
                         f"recovery folder ({exc}); it was left in place") from exc
    return TrashedItem(path, "recovery", location, reason)


def _recover(path: Path, recovery_dir: Path, root: Path | None, when: datetime) -> Path:
    if root is not None and path.is_relative_to(root) and path != root:
        rel = path.relative_to(root)
        rel = Path(root.name) / rel
    else:
        rel = Path(*path.parts[1:]) if path.is_absolute() else path
    dest = recovery_dir / when.strftime("%Y%m%d-%H%M%S") / rel
    dest.parent.mkdir(parents=True, exist_ok=True)
    n = 1
    final = dest
    while os.path.lexists(final):
        n += 1
        final = dest.with_name(f"{dest.stem} {n}{dest.suffix}")
    _move(path, final)
    return final


def _move(src: Path, dst: Path) -> None:
    """Rename, or across devices copy (fsynced) then remove the source."""
    try:
        os.rename(src, dst)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
    if src.is_dir() and not src.is_symlink():
        shutil.copytree(src, dst, symlinks=True)
        shutil.rmtree(src)
        return
    shutil.copy2(src, dst, follow_symlinks=False)
    if not dst.is_symlink():
        with open(dst, "rb+") as f:
            os.fsync(f.fileno())
    os.unlink(src)
