"""The Prolegis workspace folder: reading its manifest safely and locating matter folders.

:class:`Workspace` reads ``prolegis.json`` whole, retries while another program is still writing
it, and keeps the **last good manifest** in force when a read fails. A workspace or manifest that
is gone raises :class:`WorkspaceMissingError` — it never reads as "every record was deleted".
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

from desktop.prolegis.folders import MANIFEST_NAME
from desktop.prolegis.manifest import ManifestError, parse_manifest
from desktop.prolegis.records import Manifest, Matter

log = logging.getLogger(__name__)

class WorkspaceError(Exception):
    """Base of the workspace's own errors (not the manifest's content)."""


class WorkspaceMissingError(WorkspaceError):
    """The workspace folder or its manifest is gone or cannot be read. The records are unknown,
    not deleted: the last good manifest stays in force."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{message} ({path})")
        self.path = path
        self.message = message


class FolderOutsideWorkspaceError(WorkspaceError):
    """A matter folder resolves (through a link) to a place outside the workspace."""


ReadError = ManifestError | WorkspaceMissingError
"""What a failed read raises: the manifest's content is bad, or it is not there."""


class Workspace:
    """A Prolegis workspace rooted at ``root``; ``load()`` reads and validates its manifest.

    A manifest that fails to parse is read again (``retries`` times, ``retry_delay`` apart)
    while it is still changing or was modified less than ``settle`` seconds ago.

    Thread-safe: ``load`` may be called from several threads (reads are serialized).
    """

    def __init__(
        self, root: Path, *, retries: int = 5, retry_delay: float = 0.1, settle: float = 1.0
    ) -> None:
        self.root = Path(os.path.abspath(root))
        self.manifest_path = self.root / MANIFEST_NAME
        self.retries = retries
        self.retry_delay = retry_delay
        self.settle = settle
        self._current: Manifest | None = None
        self._last_error: ReadError | None = None
        self._lock = threading.Lock()

    @property
    def current(self) -> Manifest | None:
        """The last manifest that read and validated, or None before the first success."""
        return self._current

    @property
    def last_error(self) -> ReadError | None:
        """Why the latest ``load`` failed, or None if it succeeded."""
        return self._last_error

    def load(self) -> Manifest:
        """Read and validate the manifest now. On success it becomes ``current``; on failure
        the error is raised and kept in ``last_error`` while ``current`` stays as it was."""
        with self._lock:
            try:
                manifest = self._read_stable()
            except (ManifestError, WorkspaceMissingError) as exc:
                self._last_error = exc
                raise
            self._current = manifest
            self._last_error = None
            return manifest

    def _read_stable(self) -> Manifest:
        """Parse the manifest. While parsing fails and the file is still being written (its
        content changed since the last read, or it was modified less than ``settle`` seconds
        ago), wait ``retry_delay`` and read it again, up to ``retries`` times."""
        data, mtime_ns = self._read_bytes()
        attempt = 0
        while True:
            try:
                return parse_manifest(data)
            except ManifestError:
                if attempt >= self.retries:
                    raise
                fresh = time.time_ns() - mtime_ns < self.settle * 1e9
                attempt += 1
                time.sleep(self.retry_delay)
                again, mtime_again = self._read_bytes()
                if again == data and mtime_again == mtime_ns and not fresh:
                    raise
                log.debug("manifest is being written; reading it again")
                data, mtime_ns = again, mtime_again

    def _read_bytes(self) -> tuple[bytes, int]:
        """The manifest's bytes and modification time. A missing file is retried briefly (a
        writer that deletes and then renames leaves a short gap); a missing root is not."""
        for attempt in range(self.retries + 1):
            if not self.root.is_dir():
                raise WorkspaceMissingError(self.root, "the workspace folder is missing")
            try:
                with open(self.manifest_path, "rb") as fh:
                    mtime_ns = os.fstat(fh.fileno()).st_mtime_ns
                    return fh.read(), mtime_ns
            except FileNotFoundError:
                problem = f"the workspace has no {MANIFEST_NAME}"
            except IsADirectoryError:
                raise WorkspaceMissingError(
                    self.manifest_path, f"{MANIFEST_NAME} is a folder, not a file"
                ) from None
            except OSError as exc:  # e.g. a sharing violation while a writer replaces it
                problem = f"{MANIFEST_NAME} cannot be read ({exc.strerror or exc})"
            if attempt < self.retries:
                time.sleep(self.retry_delay)
        raise WorkspaceMissingError(self.manifest_path, problem)

    def matter_folder(self, matter: Matter) -> Path:
        """The absolute path of the matter's folder (it may not exist yet). Raises
        :class:`FolderOutsideWorkspaceError` if a link inside the workspace leads elsewhere."""
        path = self.root.joinpath(*matter.folder.split("/"))
        real_root = self.root.resolve()
        real = path.resolve()
        if real != real_root and real_root not in real.parents:
            raise FolderOutsideWorkspaceError(
                f'the folder of matter "{matter.id}" ({matter.folder}) leads outside the '
                f"workspace, to {real}"
            )
        if real == real_root:
            raise FolderOutsideWorkspaceError(
                f'the folder of matter "{matter.id}" ({matter.folder}) is the workspace itself'
            )
        return path
