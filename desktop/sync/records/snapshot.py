"""The historical snapshot of a matter folder, taken when a pre-existing matter is linked:
every file under the folder (relative POSIX path, size, mtime_ns, inode), skipping what the
mirror never syncs (Office lock files, temp files, the companion's own files). Files in it stay
"historical" until pushed or changed; anything that appears later is live."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.sync.mirror.names import is_ignored
from desktop.sync.store.links import SnapshotEntry


def snapshot_folder(folder: Path) -> list[SnapshotEntry]:
    """The files under ``folder`` (none when it does not exist yet); symlinks are not
    followed."""
    out: list[SnapshotEntry] = []
    if not folder.is_dir():
        return out
    stack: list[tuple[str, str]] = [(str(folder), "")]
    while stack:
        path, prefix = stack.pop()
        try:
            entries = list(os.scandir(path))
        except OSError:
            continue  # unreadable sub-folder: its files are not historical, they will sync
        for entry in entries:
            if is_ignored(entry.name):
                continue
            rel = f"{prefix}{entry.name}"
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append((entry.path, rel + "/"))
                elif entry.is_file(follow_symlinks=False):
                    st = os.lstat(entry.path)  # DirEntry.stat() has no inode on Windows
                    out.append(SnapshotEntry(rel, st.st_size, st.st_mtime_ns, st.st_ino))
            except OSError:
                continue
    out.sort(key=lambda e: e.rel_path)
    return out
