"""Local file-system primitives of the mirror: streaming sha256, "is this file settled?",
"is it open in Office?", resolving a relative path safely inside a matter folder, and atomic
writes (temp file in the same folder with an ignored name → fsync → rename → fsync the folder).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import secrets
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from desktop.sync.mirror import names

CHUNK = 1 << 20
"""Read size for hashing and copying: 1 MiB."""

SETTLE_SECONDS = 1.5
"""A file modified less than this long ago may still be being written. The watcher already
waits for 1 s without events before it reports a change; half a second more keeps a writer's
short pauses out while a saved edit still reaches Clio within two seconds (a file uploaded
mid-write would only be a version more: its next state is uploaded when it settles)."""


def hash_file(path: Path | str, chunk: int = CHUNK) -> tuple[str, int]:
    """(sha256 hex digest, bytes read) of a file, streamed in ``chunk``-sized reads."""
    with open(path, "rb", buffering=0) as f:
        first = f.read(chunk)
        digest = hashlib.sha256(first)
        total = len(first)
        if total < chunk:  # a small file: one read, no buffer to allocate
            return digest.hexdigest(), total
        buf = bytearray(chunk)
        view = memoryview(buf)
        while n := f.readinto(buf):
            digest.update(view[:n])
            total += n
    return digest.hexdigest(), total


def recently_modified(mtime_ns: int, now_ns: int | None = None,
                      settle: float = SETTLE_SECONDS) -> bool:
    """Modified within the last ``settle`` seconds (a future mtime beyond that does not count)."""
    now_ns = time.time_ns() if now_ns is None else now_ns
    return abs(now_ns - mtime_ns) < settle * 1e9


def is_stable(path: Path | str, interval: float = 0.5, settle: float = SETTLE_SECONDS,
              sleep: Callable[[float], None] = time.sleep) -> bool:
    """True when the file is settled: not modified in the last ``settle`` seconds and its size
    and mtime unchanged over ``interval``. A missing file is not stable."""
    try:
        first = os.stat(path)
        if recently_modified(first.st_mtime_ns, settle=settle):
            return False
        sleep(interval)
        second = os.stat(path)
    except FileNotFoundError:
        return False
    return (first.st_size, first.st_mtime_ns) == (second.st_size, second.st_mtime_ns)


def office_lock_present(path: Path | str, siblings: Iterable[str] | None = None) -> bool:
    """An Office (``~$…``) or LibreOffice (``.~lock.…#``) lock file sits beside ``path``.

    ``siblings``: the folder's names when the caller has them already (saves the stats)."""
    p = Path(path)
    candidates = names.office_lock_names(p.name)
    if siblings is not None:
        present = set(siblings)
        return any(c in present for c in candidates)
    return any((p.parent / c).exists() for c in candidates if c != p.name)


def resolve_in(root: Path, rel: str) -> Path:
    """``root / rel`` for a relative local path, refusing anything that would leave ``root``
    (``..``, absolute paths, drive letters, symlinked folders pointing outside)."""
    if not names.is_safe_relative(rel):
        raise ValueError(f"unsafe path for a matter folder: {rel!r}")
    target = root.joinpath(*rel.split("/"))
    real_root = root.resolve()
    real_parent = target.parent.resolve()
    if real_parent != real_root and real_root not in real_parent.parents:
        raise ValueError(f"path leaves its matter folder: {rel!r}")
    return target


def new_temp_path(target: Path) -> Path:
    """A fresh temp path beside ``target`` whose name the mirror ignores
    (``.prolegis-partial-<token>-<name>``, at most 255 bytes)."""
    token = secrets.token_hex(4)
    return target.with_name(names.truncate_name(f"{names.PARTIAL_PREFIX}{token}-{target.name}"))


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened: Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def discard(path: Path) -> None:
    """Remove one of our own temp files if it exists (never a user's file)."""
    if not names.is_ignored(path.name):
        raise ValueError(f"refusing to discard a non-temporary file: {path}")
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def atomic_write_from(temp_path: Path, target: Path, *, replace: bool = True) -> None:
    """Put a fully written temp file (from ``new_temp_path``) in place of ``target``.

    fsyncs the file, renames it over ``target`` (``replace=False``: fails with
    ``FileExistsError`` instead of replacing an existing file), fsyncs the folder. On any error
    the temp file is removed and ``target`` is left as it was."""
    try:
        if temp_path.parent.resolve() != target.parent.resolve():
            raise ValueError("the temp file must be in the target's folder")
        with open(temp_path, "rb+") as f:
            os.fsync(f.fileno())
        if replace:
            os.replace(temp_path, target)
        else:
            _rename_no_clobber(temp_path, target)
        fsync_dir(target.parent)
    except BaseException:
        discard(temp_path)
        raise


def _rename_no_clobber(src: Path, dst: Path) -> None:
    if os.name == "nt":
        os.rename(src, dst)  # fails if dst exists
        return
    try:
        os.link(src, dst)  # atomic, fails with EEXIST
    except OSError as exc:
        if exc.errno == errno.EEXIST:
            raise FileExistsError(errno.EEXIST, "target exists", str(dst)) from exc
        if dst.exists():  # a file system without hard links (FAT, some shares)
            raise FileExistsError(errno.EEXIST, "target exists", str(dst)) from exc
        os.rename(src, dst)
        return
    os.unlink(src)


def write_atomically(target: Path, chunks: Iterable[bytes], *, replace: bool = True) -> int:
    """Write ``chunks`` to ``target`` through a temp file; returns the bytes written. Nothing
    partial is ever left at ``target`` or beside it."""
    temp = new_temp_path(target)
    written = 0
    try:
        with open(temp, "xb") as f:
            for chunk in chunks:
                f.write(chunk)
                written += len(chunk)
    except BaseException:
        discard(temp)
        raise
    atomic_write_from(temp, target, replace=replace)
    return written
