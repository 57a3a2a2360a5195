"""The mirror's writes to the matter folders, each announced to the watcher first
(``ExpectedWrites``) so it never echoes back as a user change, and each refusing to clobber:
creating folders, moving a file or folder without replacing anything, sending a file or folder
to the OS trash (or the recovery folder), copying a file in through a temp file, and checking
that a file is still exactly what the scan saw before touching it."""

from __future__ import annotations

import errno
import os
import shutil
from functools import lru_cache
from pathlib import Path

from desktop.sync.mirror import localfs, names
from desktop.sync.mirror.model import LocalState
from desktop.sync.mirror.trash import TrashedItem, move_to_trash
from desktop.sync.mirror.watcher import ExpectedWrites


class Deferred(Exception):
    """The item cannot be done safely right now (changed meanwhile, open, being written); a
    later pass tries again. Not an error."""


def stat_of(path: Path) -> tuple[int, int, int] | None:
    """(size, mtime_ns, inode) of a regular file, None if there is none."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def still_as_scanned(path: Path, local: LocalState) -> bool:
    """The file at ``path`` is the one the scan saw (same size, mtime and inode)."""
    return stat_of(path) == (local.size, local.mtime_ns, local.inode)


def check_unchanged(path: Path, local: LocalState) -> None:
    """Raise ``Deferred`` unless ``path`` is still what the scan saw and not open in Office."""
    if not still_as_scanned(path, local):
        raise Deferred(f"{path.name} changed since it was scanned")
    if localfs.office_lock_present(path):
        raise Deferred(f"{path.name} is open in Office")


def check_settled(path: Path) -> None:
    """Raise ``Deferred`` while a file is still being written (modified moments ago)."""
    st = stat_of(path)
    if st is None:
        raise Deferred(f"{path.name} is gone")
    if localfs.recently_modified(st[1]):
        raise Deferred(f"{path.name} is still being written")


def ensure_dir(root: Path, rel: str, expected: ExpectedWrites) -> Path:
    """The folder ``root/rel`` (created level by level, each announced)."""
    target = localfs.resolve_in(root, rel) if rel else root
    missing: list[Path] = []
    p = target
    while not p.exists() and p != root.parent:
        missing.append(p)
        p = p.parent
    for folder in reversed(missing):
        expected.expect_dir(folder)
        folder.mkdir(exist_ok=True)
    return target


def move(root: Path, src_rel: str, dst_rel: str, expected: ExpectedWrites) -> None:
    """Move a file or folder inside the matter folder without replacing anything; a case-only
    rename on a case-insensitive file system is done in place."""
    src = localfs.resolve_in(root, src_rel)
    dst = localfs.resolve_in(root, dst_rel)
    if src == dst:
        return
    ensure_dir(root, names.parent_of(dst_rel), expected)
    same_file = dst.exists() and os.path.samefile(src, dst)  # a case-only rename
    if dst.exists() and not same_file:
        raise FileExistsError(errno.EEXIST, "a file is already there", str(dst))
    st = os.stat(src, follow_symlinks=False)
    expected.expect_absent(src)
    if src.is_dir():
        expected.expect_dir(dst)
    else:
        expected.expect_file(dst, st.st_size, st.st_mtime_ns)
    if same_file or src.is_dir():
        if not same_file and dst.exists():
            raise FileExistsError(errno.EEXIST, "a folder is already there", str(dst))
        os.rename(src, dst)
    else:
        _rename_no_clobber(src, dst)
    localfs.fsync_dir(dst.parent)
    if src.parent != dst.parent:
        localfs.fsync_dir(src.parent)


def replace(root: Path, src_rel: str, dst_rel: str, expected: ExpectedWrites) -> None:
    """Rename a file over another one atomically (the replaced file must have a way back,
    e.g. Clio keeps it among its versions)."""
    src = localfs.resolve_in(root, src_rel)
    dst = localfs.resolve_in(root, dst_rel)
    st = os.stat(src, follow_symlinks=False)
    expected.expect_absent(src)
    expected.expect_file(dst, st.st_size, st.st_mtime_ns)
    os.replace(src, dst)
    localfs.fsync_dir(dst.parent)


def _rename_no_clobber(src: Path, dst: Path) -> None:
    if os.name == "nt":
        os.rename(src, dst)
        return
    try:
        os.link(src, dst)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some shares): check, then rename
        if dst.exists():
            raise FileExistsError(errno.EEXIST, "a file is already there", str(dst)) from None
        os.rename(src, dst)
        return
    os.unlink(src)


def trash(root: Path, rel: str, recovery_dir: Path, expected: ExpectedWrites) -> TrashedItem:
    """Send a file or folder of the matter to the OS trash, else the recovery folder."""
    path = localfs.resolve_in(root, rel)
    expected.expect_absent(path)
    try:
        return move_to_trash(path, recovery_dir, root=root)
    except BaseException:
        expected.discard(path)
        raise


def place_download(temp: Path, target: Path, expected: ExpectedWrites, *, replace: bool) -> None:
    """Rename a finished download into place (atomic; ``replace=False`` never clobbers)."""
    st = os.stat(temp)
    expected.expect_file(target, st.st_size, st.st_mtime_ns)
    try:
        localfs.atomic_write_from(temp, target, replace=replace)
    except BaseException:
        expected.discard(target)
        raise


def copy_in(source: Path, target: Path, expected: ExpectedWrites) -> None:
    """Copy an outside file into a matter folder through a temp file (never clobbers)."""
    temp = localfs.new_temp_path(target)
    try:
        with open(source, "rb") as src, open(temp, "xb") as out:
            shutil.copyfileobj(src, out, localfs.CHUNK)
        shutil.copystat(source, temp)
    except BaseException:
        localfs.discard(temp)
        raise
    place_download(temp, target, expected, replace=False)


def free_name(folder: Path, name: str) -> str:
    """``name``, or ``name (2)``… when a file of that name is already in ``folder``."""
    return names.dedupe(name, lambda n: (folder / n).exists())


@lru_cache(maxsize=256)
def case_insensitive(folder: Path) -> bool:
    """Whether the file system holding ``folder`` ignores case (probed on its own name or one
    of its parents' names)."""
    p = folder
    while not p.exists() and p != p.parent:
        p = p.parent
    while p != p.parent:
        flipped = p.name.swapcase()
        if flipped != p.name:
            other = p.with_name(flipped)
            try:
                return os.path.samefile(p, other)
            except OSError:
                return False
        p = p.parent
    return False
