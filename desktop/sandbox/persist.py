"""Persistence for ``--data DIR``: the store is loaded from ``DIR/state.json`` at start and
saved atomically (temporary file, fsync, rename) shortly after writes (debounced) and at stop.
Blobs live in ``DIR/blobs`` and are written by the storage port directly."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import threading
from pathlib import Path

from desktop.sandbox.store import Store

STATE_FILE = "state.json"
log = logging.getLogger(__name__)


class Persister:
    """Saves the store some time after the last write, from a background thread."""

    def __init__(self, store: Store, data_dir: Path, debounce: float = 0.3) -> None:
        self.store = store
        self.path = data_dir / STATE_FILE
        self.debounce = debounce
        self._dirty = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._save_lock = threading.Lock()

    def load(self) -> bool:
        """Load the saved state; False when there is none yet."""
        if not self.path.is_file():
            return False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.store.load(data)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise RuntimeError(f"cannot read sandbox state {self.path}: {exc}") from exc
        return True

    def start(self) -> None:
        self.store.on_write = self._dirty.set
        self._thread = threading.Thread(target=self._run, name="sandbox-persist", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stopping.is_set():
            if not self._dirty.wait(0.5):
                continue
            if self._stopping.wait(self.debounce):
                break
            self._dirty.clear()
            try:
                self.save()
            except OSError as exc:  # keep running; the next write or stop retries
                log.warning("cannot save the sandbox state to %s: %s", self.path, exc)
                self._dirty.set()
                self._stopping.wait(5.0)

    def save(self) -> None:
        with self._save_lock:
            with self.store.lock:  # records are shared dicts: serialise them while nobody writes
                data = json.dumps(self.store.snapshot(), separators=(",", ":"), ensure_ascii=False)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".state-", suffix=".json")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.store.on_write = None
        self.save()
