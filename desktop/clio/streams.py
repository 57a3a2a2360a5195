"""File streaming helpers for transfers: read ranges of a file in bounded chunks while feeding
a running sha256 exactly once per byte (even when a part is sent again), and report progress."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop.clio.errors import StorageError
from desktop.messages import msg

CHUNK = 1024 * 1024
ProgressFn = Callable[[int, int], None]


class HashingProgress:
    """A sha256 over a file read in order, and a monotone ``(bytes_done, bytes_total)`` report.

    Bytes are hashed only when they continue the hashed prefix, so re-reading a part for a retry
    never hashes it twice; parts must first be read in order (they are).
    """

    def __init__(self, total: int, progress: ProgressFn | None = None) -> None:
        self.total = total
        self._hash = hashlib.sha256()
        self._hashed = 0
        self._done = 0
        self._progress = progress
        self._lock = threading.Lock()

    def feed(self, offset: int, chunk: bytes) -> None:
        with self._lock:
            end = offset + len(chunk)
            if offset <= self._hashed < end:
                self._hash.update(chunk[self._hashed - offset:])
                self._hashed = end
            if end > self._done:
                self._done = end
                done = self._done
            else:
                return
        if self._progress is not None:
            self._progress(done, self.total)

    @property
    def hashed_bytes(self) -> int:
        return self._hashed

    def hexdigest(self) -> str:
        if self._hashed != self.total:
            raise StorageError(f"hashed {self._hashed} of {self.total} bytes")
        return self._hash.hexdigest()


def read_range(path: Path, start: int, length: int, meter: HashingProgress,
               chunk: int = CHUNK) -> Iterator[bytes]:
    """Yield ``length`` bytes of ``path`` from ``start`` in chunks of at most ``chunk`` bytes.

    Raises :class:`StorageError` if the file is shorter than expected (it changed meanwhile).
    """
    with path.open("rb") as fh:
        fh.seek(start)
        left = length
        pos = start
        while left > 0:
            data = fh.read(min(chunk, left))
            if not data:
                raise StorageError(
                    f"{path.name} became shorter while it was being sent",
                    user_template=msg("“{name}” changed while it was being sent to Clio. It "
                                      "will be sent again once it stops changing.",
                                      name=path.name),
                )
            meter.feed(pos, data)
            pos += len(data)
            left -= len(data)
            yield data
