"""``push`` never says a file is in Clio when it is not: before pushing, wait (a few seconds at
most, saying so) for files that are still being written — the mirror leaves a file modified in
the last :data:`~desktop.sync.mirror.localfs.SETTLE_SECONDS` alone —, and after the pass check
each file against the mirror's document list: in Clio, or still queued and why.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from desktop.sync.mirror.localfs import SETTLE_SECONDS, recently_modified
from desktop.sync.views import DocumentState, DocumentView

WAIT_LIMIT = 5.0
"""Seconds ``push`` waits at most for files still being written."""


def being_written(path: str) -> float:
    """Seconds until ``path`` counts as written (0 when it does, or is no file: the push itself
    reports a missing path)."""
    try:
        st = os.stat(path)
    except OSError:
        return 0.0
    if not recently_modified(st.st_mtime_ns, settle=SETTLE_SECONDS):
        return 0.0
    return max(0.05, st.st_mtime_ns / 1e9 + SETTLE_SECONDS - time.time())


def wait_until_written(
    paths: Sequence[str],
    say: Callable[[str], None],
    *,
    limit: float = WAIT_LIMIT,
    sleep: Callable[[float], None] = time.sleep,
) -> list[str]:
    """Wait (at most ``limit`` seconds) until no path is being written; returns those still
    being written when the time is up. Says once what it waits for."""
    deadline = time.monotonic() + limit
    said = False
    while True:
        busy = {p: left for p in paths if (left := being_written(p)) > 0}
        now = time.monotonic()
        if not busy or now >= deadline:
            return list(busy)
        if not said:
            names = ", ".join(os.path.basename(p) for p in busy)
            say(f"Waiting for {names} to finish being written (up to {limit:g} s)…")
            said = True
        sleep(min(max(busy.values()) + 0.05, deadline - now))


@dataclass(frozen=True)
class PushCheck:
    """Which queued files are in Clio now, and which still wait (with why)."""

    in_clio: tuple[str, ...]
    waiting: tuple[tuple[str, str], ...]  # (path in the matter folder, why)


def check_pushed(queued: Iterable[str], documents: Sequence[DocumentView]) -> PushCheck:
    """``queued`` (matter-relative paths) against the matter's document list after the pass:
    a file is in Clio when the list shows it in step (this computer's version uploaded)."""
    by_path = {d.rel_path: d for d in documents}
    done: list[str] = []
    waiting: list[tuple[str, str]] = []
    for rel in queued:
        view = by_path.get(rel)
        if view is not None and view.state is DocumentState.IN_SYNC and view.clio_document_id:
            done.append(rel)
        else:
            waiting.append((rel, _why(view)))
    return PushCheck(tuple(done), tuple(waiting))


def _why(view: DocumentView | None) -> str:
    if view is None:
        return "the file is no longer there"
    if view.detail:
        return view.detail
    return {
        DocumentState.UPLOADING: "still uploading",
        DocumentState.HISTORICAL: "not sent yet",
        DocumentState.PENDING: "not sent yet",
    }.get(view.state, view.state.value.replace("_", " "))
