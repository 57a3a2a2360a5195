"""Scanning a matter folder against its index rows.

``scan(folder, index_rows)`` walks the folder (sub-folders included) with ``os.scandir``,
skipping (and reporting) ignored names, symlinks and special files, and stats every file. A file
whose size, mtime_ns and inode equal its row is *unchanged* and never hashed; one whose identity
equals another row (a rename or move) is not hashed either; every other file is hashed (streamed
sha256). ``hashed_files`` counts the hashes, so a rescan can prove it re-hashed nothing.

Speed: on POSIX each folder is opened once and its files are stat'ed relative to the folder's
descriptor (a shorter kernel path walk than full paths); unchanged files are kept as bare paths,
their ``LocalState`` built from the row only when asked for (``local_states``).
"""

from __future__ import annotations

import os
import stat as stat_mod
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop.sync.mirror import names
from desktop.sync.mirror.localfs import SETTLE_SECONDS, hash_file
from desktop.sync.mirror.model import Base, LocalState

_DIR_FD = os.stat in os.supports_dir_fd and os.scandir in os.supports_fd
_OPEN_DIR = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path the scan left out, and why (``ignored``, ``symlink``, ``special``, or an error)."""

    path: str
    reason: str


@dataclass(frozen=True)
class ScanResult:
    """What one scan found. Paths are relative to ``root``, POSIX-style.

    ``unreadable``: files and folders that could not be stat'ed, listed or read — nothing is
    known about them, so pass them to ``pairing.pair(unscanned=…)`` (their rows are not judged;
    they are never mistaken for deletions)."""

    root: Path
    unchanged: frozenset[str]
    changed: Mapping[str, LocalState]
    open_in_office: frozenset[str]
    dirs: tuple[str, ...]
    skipped: tuple[Skipped, ...]
    errors: tuple[Skipped, ...]
    unreadable: tuple[str, ...]
    hashed_files: int
    hashed_bytes: int
    index: Mapping[str, Base]

    @property
    def file_count(self) -> int:
        return len(self.unchanged) + len(self.changed)

    def local_states(self) -> list[LocalState]:
        """Every file found, as ``LocalState`` (unchanged ones built from their rows)."""
        states = list(self.changed.values())
        for path in self.unchanged:
            row = self.index[path]
            states.append(LocalState(True, path, row.size, row.mtime_ns, row.inode, None,
                                     path in self.open_in_office, False))
        return states


class _Scan:
    def __init__(self, root: Path, index: Mapping[str, Base], now_ns: int, settle: float,
                 hash_changed: bool) -> None:
        self.root, self.index, self.now_ns = root, index, now_ns
        self.settle_ns = int(settle * 1e9)
        self.hash_changed = hash_changed
        self.unchanged: list[str] = []
        self.candidates: list[tuple[str, os.stat_result]] = []
        self.open: set[str] = set()
        self.dirs: list[str] = []
        self.skipped: list[Skipped] = []
        self.errors: list[Skipped] = []
        self.unreadable: list[str] = []
        self.hashed_files = 0
        self.hashed_bytes = 0

    def walk(self) -> None:
        pending = [""]
        while pending:
            rel = pending.pop()
            try:
                subdirs = self.folder(rel)
            except OSError as exc:
                if not rel:
                    raise
                self.errors.append(Skipped(rel, f"cannot list: {exc.strerror or exc}"))
                self.unreadable.append(rel)
                continue
            for name in subdirs:
                child = f"{rel}/{name}" if rel else name
                self.dirs.append(child)
                pending.append(child)

    def folder(self, rel: str) -> list[str]:
        """Scan one folder's files; return its sub-folder names."""
        path = self.root / rel if rel else self.root
        prefix = rel + "/" if rel else ""
        if not _DIR_FD:
            return self.folder_by_path(path, prefix)
        fd = os.open(path, _OPEN_DIR)
        try:
            return self.folder_fd(fd, prefix)
        finally:
            os.close(fd)

    def folder_fd(self, fd: int, prefix: str) -> list[str]:
        """The hot loop: one fstatat per entry, compared with its row. A name with a row is
        never an ignored one, so the ignore rules only run for names the index does not know;
        folders are told apart by the stat's mode (no extra call per file)."""
        subdirs: list[str] = []
        locks: set[str] = set()
        first_unchanged, first_candidate = len(self.unchanged), len(self.candidates)
        stat, get, unchanged = os.stat, self.index.get, self.unchanged.append
        is_ignored, is_dir = names.is_ignored, stat_mod.S_ISDIR
        with os.scandir(fd) as it:
            for e in it:
                name = e.name
                rel = prefix + name
                row = get(rel)
                if row is None and is_ignored(name):
                    self.ignored(rel, name, locks, e.is_dir(follow_symlinks=False))
                    continue
                try:
                    st = stat(name, dir_fd=fd, follow_symlinks=False)
                except FileNotFoundError:
                    continue  # gone since the listing
                except OSError as exc:
                    self.cannot(rel, f"cannot stat: {exc.strerror}")
                    continue
                if (row is not None and row.size == st.st_size
                        and row.mtime_ns == st.st_mtime_ns and row.inode == st.st_ino):
                    unchanged(rel)
                elif is_dir(st.st_mode):
                    subdirs.append(name)
                else:
                    self.candidate(rel, st)
        if locks:
            files = self.unchanged[first_unchanged:] + [
                rel for rel, _ in self.candidates[first_candidate:]]
            self.mark_open(prefix, [rel[len(prefix):] for rel in files], locks)
        return subdirs

    def folder_by_path(self, path: Path, prefix: str) -> list[str]:
        """The same without directory descriptors (Windows: ``DirEntry.stat`` costs nothing)."""
        subdirs: list[str] = []
        files: list[str] = []
        locks: set[str] = set()
        with os.scandir(path) as it:
            for e in it:
                rel = prefix + e.name
                if e.is_dir(follow_symlinks=False):
                    self.subdir(prefix, e.name, subdirs)
                    continue
                row = self.index.get(rel)
                if row is None and names.is_ignored(e.name):
                    self.ignored(rel, e.name, locks, False)
                    continue
                try:
                    st = e.stat(follow_symlinks=False)
                except OSError as exc:
                    self.cannot(rel, f"cannot stat: {exc.strerror}")
                    continue
                files.append(e.name)
                if row is not None and (row.size, row.mtime_ns, row.inode) == (
                        st.st_size, st.st_mtime_ns, st.st_ino):
                    self.unchanged.append(rel)
                else:
                    self.candidate(rel, st)
        self.mark_open(prefix, files, locks)
        return subdirs

    def subdir(self, prefix: str, name: str, subdirs: list[str]) -> None:
        if names.is_ignored(name):
            self.skipped.append(Skipped(prefix + name, "ignored"))
        else:
            subdirs.append(name)

    def ignored(self, rel: str, name: str, locks: set[str], is_dir: bool) -> None:
        if names.is_office_lock(name) and not is_dir:
            locks.add(name)
        self.skipped.append(Skipped(rel, "ignored"))

    def cannot(self, rel: str, why: str) -> None:
        self.errors.append(Skipped(rel, why))
        self.unreadable.append(rel)

    def candidate(self, rel: str, st: os.stat_result) -> None:
        if stat_mod.S_ISREG(st.st_mode):
            self.candidates.append((rel, st))
        else:
            kind = "symlink" if stat_mod.S_ISLNK(st.st_mode) else "special"
            self.skipped.append(Skipped(rel, kind))

    def mark_open(self, prefix: str, files: list[str], locks: set[str]) -> None:
        for name in files if locks else ():
            if any(c in locks for c in names.office_lock_names(name)):
                self.open.add(prefix + name)

    def settle_candidates(self) -> dict[str, LocalState]:
        """Hash what needs hashing among the files that differ from their rows."""
        moved = {(b.inode, b.size, b.mtime_ns) for b in self.index.values() if b.inode} \
            if self.candidates else set()
        out: dict[str, LocalState] = {}
        for rel, st in self.candidates:
            ident = (st.st_ino, st.st_size, st.st_mtime_ns)
            writing = abs(self.now_ns - st.st_mtime_ns) < self.settle_ns
            sha: str | None = None
            if not writing and self.hash_changed and not (st.st_ino and ident in moved):
                try:
                    sha, size = hash_file(self.root / rel)
                except FileNotFoundError:
                    continue
                except OSError as exc:
                    self.errors.append(Skipped(rel, f"cannot read: {exc.strerror}"))
                    self.unreadable.append(rel)
                    continue
                self.hashed_files += 1
                self.hashed_bytes += size
                writing = size != st.st_size  # it grew or shrank while we read it
                if writing:
                    sha = None
            out[rel] = LocalState(True, rel, st.st_size, st.st_mtime_ns, st.st_ino, sha,
                                  rel in self.open, writing)
        return out


def scan(
    folder: Path,
    index_rows: Iterable[Base] | Mapping[str, Base],
    *,
    now_ns: int | None = None,
    settle: float = SETTLE_SECONDS,
    hash_changed: bool = True,
) -> ScanResult:
    """Scan one matter folder against its index rows (see the module docstring).

    Files modified less than ``settle`` seconds before ``now_ns`` are reported as
    ``still_being_written`` and not hashed yet. Raises ``FileNotFoundError`` when ``folder``
    does not exist (``guards.check_inputs`` decides whether that is an error)."""
    index = index_rows if isinstance(index_rows, Mapping) else {b.path: b for b in index_rows}
    job = _Scan(Path(folder), index, time.time_ns() if now_ns is None else now_ns, settle,
                hash_changed)
    job.walk()
    changed = job.settle_candidates()
    return ScanResult(
        root=Path(folder), unchanged=frozenset(job.unchanged), changed=changed,
        open_in_office=frozenset(job.open), dirs=tuple(sorted(job.dirs)),
        skipped=tuple(job.skipped), errors=tuple(job.errors), unreadable=tuple(job.unreadable),
        hashed_files=job.hashed_files, hashed_bytes=job.hashed_bytes, index=index,
    )
