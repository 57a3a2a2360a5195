"""The local feed: what makes the mirror look at the matter folders again.

- The watcher (started on the first tick of the long-running engine, not for ``sync --once``):
  its batches — debounced, collapsed per path, the engine's own writes already dropped — become
  a fast pass for the matters they touch (no records, no Clio listing), so a saved edit reaches
  Clio within about two seconds.
- A rescan of every linked matter every 10 minutes and after the computer slept (the wall clock
  jumped ahead of the monotonic one): watchdog does not report an inotify overflow and network
  shares may send no events at all.
- A quick re-look at matters where something waited (a file still being written, an item
  deferred because it changed while the pass ran).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Mapping
from pathlib import Path

from desktop.sync.context import EngineContext
from desktop.sync.messages import msg
from desktop.sync.mirror.doer import Live
from desktop.sync.mirror.watcher import ChangeBatch, ExpectedWrites, Watcher, WatchLimitError
from desktop.sync.report import PassOptions

log = logging.getLogger(__name__)

RESCAN_SECONDS = 600.0
SLEEP_JUMP_SECONDS = 30.0


def fast_pass(matters: frozenset[str] | None) -> PassOptions:
    """A documents-only pass without a Clio listing."""
    return PassOptions(records=False, poll=False, matters=matters)


class LocalFeed:
    def __init__(self, ctx: EngineContext, expected: ExpectedWrites, live: Live, *,
                 quiet: float = 1.0) -> None:
        self.ctx = ctx
        self.expected = expected
        self.live = live
        self.quiet = quiet
        self.folders: Mapping[str, Path] = {}  # linked matter → folder (set by each pass)
        self.watcher: Watcher | None = None
        self._watched_inode: int | None = None
        self._tried = False
        self._next_rescan = time.monotonic() + RESCAN_SECONDS
        self._skew = time.time() - time.monotonic()
        self._lock = threading.Lock()
        self._timers: list[threading.Timer] = []
        self.batches = 0  # change batches delivered (the engine's own writes never count)

    def tick(self, now: float) -> PassOptions | None:
        """Start watching on the first call; ask for rescans and re-looks when due."""
        if not self._tried:
            self._tried = True
            self.start_watching()
        skew = time.time() - time.monotonic()
        woke = skew - self._skew > SLEEP_JUMP_SECONDS
        self._skew = skew
        if woke or now >= self._next_rescan:
            self._next_rescan = now + RESCAN_SECONDS
            if self._watched_inode != self._root_inode():  # the workspace came back, or anew
                self.stop()
                self.start_watching()
            return fast_pass(None)
        due = frozenset(m for m, at in self.live.recheck.items() if at <= now)
        if due:
            for m in due:
                self.live.recheck.pop(m, None)
            return fast_pass(due)
        return None

    def _root_inode(self) -> int | None:
        try:
            return os.stat(self.ctx.workspace.root).st_ino
        except OSError:
            return None

    def start_watching(self) -> None:
        root = self.ctx.workspace.root
        if not root.is_dir():
            return
        self._watched_inode = self._root_inode()
        watcher = Watcher(root, self.on_changes, expected=self.expected, quiet=self.quiet)
        try:
            watcher.start()
        except (WatchLimitError, OSError) as exc:
            log.warning("cannot watch %s: %s", root, exc)
            self.ctx.record("watch", str(exc), result="warning",
                            detail=msg("Changes are found by the rescan every 10 minutes."))
            return
        self.watcher = watcher
        self.live.wake = self._wake_later

    def _wake_later(self, matter_id: str, delay: float) -> None:
        timer = threading.Timer(delay, self.ctx.request_pass,
                                (fast_pass(frozenset({matter_id})),))
        timer.daemon = True
        with self._lock:
            self._timers = [t for t in self._timers if t.is_alive()] + [timer]
        timer.start()

    def stop(self) -> None:
        self.live.wake = None
        with self._lock:
            timers, self._timers = self._timers, []
        for t in timers:
            t.cancel()
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        self._watched_inode = None

    def matters_of(self, paths: list[Path]) -> frozenset[str]:
        """Linked matters whose folders hold, or lie below, any of ``paths``."""
        found: set[str] = set()
        for mid, folder in self.folders.items():
            f = os.path.abspath(folder)
            for p in paths:
                q = os.path.abspath(p)
                if q == f or q.startswith(f + os.sep) or f.startswith(q.rstrip(os.sep) + os.sep):
                    found.add(mid)
                    break
        return frozenset(found)

    def on_changes(self, batch: ChangeBatch) -> None:
        """On the watcher's thread: ask the engine for a fast pass of the touched matters."""
        self.batches += 1
        matters = self.matters_of(sorted(batch.paths))
        if matters:
            self.ctx.request_pass(fast_pass(matters))
