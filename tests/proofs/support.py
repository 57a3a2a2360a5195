"""What the proofs share: a harness whose own reads go through an observer client, the private
OS trash, the **version ledger** (every content anyone wrote, and where a user can get it back),
the duplicate checks, hooks that act *during* a pass, and ``settle`` (passes until nothing
changes any more).

The ledger's rule: a content written locally is owed until the person who wrote it overwrites or
deletes the file holding it (what they destroy themselves is not the mirror's to keep); a
content written in Clio is owed for ever (Clio keeps every version, and its trash) unless Clio
purges the document. An owed content must be found in a matter folder (the file or a conflicted
copy), the OS trash, the recovery folder, or among Clio's document versions (trash included).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.clio.api import ClioClient
from desktop.sync.clock import utcnow
from desktop.sync.mirror import names
from desktop.sync.report import PassReport
from desktop.sync.store import problems as problems_module
from tests.support.clio_fixtures import make_clio
from tests.support.harness import SyncHarness
from tests.support.mirror_harness import MirrorHarness

RemotePath = tuple[str, ...]


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- the harness -------------------------------------------------------------------------------


class ProofHarness(MirrorHarness):
    """A ``MirrorHarness`` whose reads of Clio and whose Clio-user actions go through an
    observer client of their own: the engine's client, its request budget and the hooks on
    it see only the engine's own requests."""

    def __init__(self, h: SyncHarness) -> None:
        super().__init__(h)
        self.observer: ClioClient = make_clio(h.sandbox, h.base / "observer")

    @property
    def clio(self) -> ClioClient:
        return self.observer

    def close(self) -> None:
        self.observer.close()

    # -- Clio as the observer sees it -------------------------------------------------------

    def clio_folder_ids(self, matter_id: str) -> dict[RemotePath, int]:
        """The matter's live Clio folders by path below the matter folder (() is the root)."""
        root = self.clio_root(matter_id)
        folders = {f.id: f for f in self.observer.folders(parent_id=root, scope="descendants")}

        def path_of(fid: int | None) -> RemotePath | None:
            if fid == root:
                return ()
            f = folders.get(fid or 0)
            if f is None:
                return None
            parent = path_of(f.parent_id)
            return None if parent is None else (*parent, f.name or "")

        out: dict[RemotePath, int] = {(): root}
        for fid in folders:
            p = path_of(fid)
            if p is not None:
                out[p] = fid
        return out

    def clio_docs(self, matter_id: str, *, deleted: bool = False) -> dict[int, RemotePath]:
        """Live (or trashed) documents of the matter and their paths."""
        root = self.clio_root(matter_id)
        folders = {f.id: f for f in self.observer.folders(parent_id=root, scope="descendants",
                                                          include_deleted=True)}

        def path_of(fid: int | None) -> RemotePath:
            if fid == root or fid is None or fid not in folders:
                return ()
            return (*path_of(folders[fid].parent_id), folders[fid].name or "")

        return {d.id: (*path_of(d.parent_id), d.name or "")
                for d in self.observer.documents(parent_id=root, scope="descendants",
                                                 include_deleted=True)
                if (d.deleted_at is not None) == deleted}


def private_trash(monkeypatch: pytest.MonkeyPatch, data: Path) -> Path:
    """send2trash's XDG trash moved into ``data`` (read when it is imported, so patched);
    returns the trash folder."""
    from send2trash import plat_other

    data.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setattr(plat_other, "XDG_DATA_HOME", os.fsencode(data))
    monkeypatch.setattr(plat_other, "HOMETRASH_B", os.fsencode(data / "Trash"))
    monkeypatch.setattr(plat_other, "HOMETRASH", str(data / "Trash"))
    return data / "Trash"


class ProblemClock:
    """Moves the per-item retry clock forward, so an item that failed is due again at once
    (the real delay is 25 s × 5ⁿ)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.offset = timedelta(0)
        monkeypatch.setattr(problems_module, "utcnow", self.now)

    def now(self) -> datetime:
        return utcnow() + self.offset

    def advance(self) -> None:
        self.offset += timedelta(days=2)


# -- the ledger --------------------------------------------------------------------------------


@dataclass
class Ledger:
    """See the module docstring. ``writes`` counts how often each content was written by
    anyone (a content written once must never be live twice)."""

    local: Counter[str] = field(default_factory=Counter)
    clio: set[str] = field(default_factory=set)
    writes: Counter[str] = field(default_factory=Counter)

    def wrote_local(self, data: bytes) -> None:
        self.local[sha(data)] += 1
        self.writes[sha(data)] += 1

    def destroyed_local(self, data: bytes) -> None:
        """The user overwrote or deleted a file that held ``data``."""
        h = sha(data)
        if self.local[h] > 0:
            self.local[h] -= 1

    def wrote_clio(self, data: bytes) -> None:
        self.clio.add(sha(data))
        self.writes[sha(data)] += 1

    def purged(self, hashes: Iterable[str]) -> None:
        """Clio purged a document: its versions are gone by Clio's own hand."""
        for h in hashes:
            self.clio.discard(h)
            self.local.pop(h, None)

    def owed(self) -> set[str]:
        return {h for h, n in self.local.items() if n > 0} | self.clio


def files_under(root: Path) -> Iterator[Path]:
    """Every regular file below ``root`` except the companion's own temp files."""
    if not root.exists():
        return
    for dirpath, _dirs, files in os.walk(root):
        for f in files:
            if f.startswith(".prolegis-"):
                continue
            p = Path(dirpath) / f
            if p.is_file() and not p.is_symlink():
                yield p


def clio_version_hashes(mh: ProofHarness) -> dict[int, set[str]]:
    """Every committed version of every document of the account (trash included), hashed,
    per document — read through the API (the versions listing) and the sandbox's files."""
    out: dict[int, set[str]] = {}
    for d in mh.observer.documents(include_deleted=True):
        out[d.id] = {sha(mh.admin.document_bytes(d.id, v.id))
                     for v in mh.observer.document_versions(d.id) if v.fully_uploaded}
    return out


def findable(seats: Sequence[tuple[ProofHarness, Sequence[str]]], trash: Sequence[Path]
             ) -> set[str]:
    """The contents a user can get back: files of the matter folders, the OS trash, the
    recovery folders, Clio's document versions."""
    found: set[str] = set()
    for mh, matters in seats:
        roots = [mh.folder(m) for m in matters] + [mh.h.paths.recovery_dir]
        for root in roots:
            for p in files_under(root):
                found.add(sha(p.read_bytes()))
    for t in trash:
        for p in files_under(t / "files"):
            found.add(sha(p.read_bytes()))
    for hashes in clio_version_hashes(seats[0][0]).values():
        found |= hashes
    return found


def assert_nothing_lost(ledger: Ledger, seats: Sequence[tuple[ProofHarness, Sequence[str]]],
                        trash: Sequence[Path], *, known: dict[str, str] | None = None) -> None:
    """Every owed content is findable (``known`` names contents for the message)."""
    missing = ledger.owed() - findable(seats, trash)
    if missing:
        label = known or {}
        raise AssertionError("lost: " + ", ".join(sorted(label.get(h, h[:12]) for h in missing)))


def assert_no_duplicates(mh: ProofHarness, matters: Sequence[str], ledger: Ledger | None = None
                         ) -> None:
    """No document twice in Clio: live documents carry distinct ``prolegis_id``s, no upload
    stub is left behind, and (with a ledger) no content written once is live twice — neither
    in Clio nor in the matter folders."""
    live = list(mh.observer.documents())
    tags = Counter(d.external_property("prolegis_id") for d in live)
    twice = {t: n for t, n in tags.items() if t and n > 1}
    assert not twice, f"documents uploaded twice (prolegis_id: count): {twice}"
    stubs = [d.id for d in mh.observer.documents(show_uncompleted=True)  # (trashed ones: gone)
             if d.latest_version is None or not d.latest_version.fully_uploaded]
    assert not stubs, f"upload stubs left in Clio: {stubs}"
    if ledger is None:
        return
    holders: dict[str, list[str]] = {}
    for d in live:
        holders.setdefault(sha(mh.admin.document_bytes(d.id)), []).append(
            f"{d.id} {d.name!r} ({d.external_property('prolegis_id') or 'no tag'})")
    dup = {h[:12]: docs for h, docs in holders.items() if len(docs) > ledger.writes[h] > 0}
    assert not dup, f"contents written fewer times than live Clio documents hold them: {dup}"
    local: Counter[str] = Counter()
    for m in matters:
        for p in files_under(mh.folder(m)):
            if not names.is_ignored(p.name):
                local[sha(p.read_bytes())] += 1
    dup2 = [h[:12] for h, n in local.items() if n > ledger.writes[h] > 0]
    assert not dup2, f"contents written fewer times than local files hold them: {dup2}"


# -- acting during a pass ----------------------------------------------------------------------


Action = Callable[[], None]


class PassHook:
    """Runs actions at chosen moments of the engine's next passes: before its k-th HTTP request
    (API or storage, counted from :meth:`arm`) or at its k-th checkpoint (between items).
    Re-install after a restart (a new client and engine)."""

    def __init__(self, mh: MirrorHarness) -> None:
        self.mh = mh
        self.pending: list[tuple[str, int, Action]] = []
        self.counts = {"request": 0, "checkpoint": 0}
        self.fired: list[str] = []
        self._busy = False
        self._installed_on: tuple[Any, Any] | None = None

    def arm(self, when: str, k: int, action: Action) -> None:
        self.counts = {"request": 0, "checkpoint": 0}
        self.pending.append((when, k, action))
        self.install()

    def install(self) -> None:
        engine, http = self.mh.h.engine, self.mh.h.clio.session.http
        if self._installed_on == (engine, http):
            return
        hooks = http.event_hooks
        hooks["request"] = [*hooks.get("request", []), self._on_request]
        http.event_hooks = hooks
        real = engine.ctx.checkpoint

        def checkpoint() -> None:
            self._tick("checkpoint")
            real()

        engine.ctx.checkpoint = checkpoint
        self._installed_on = (engine, http)

    def disarm(self) -> list[tuple[str, int, Action]]:
        """Forget what did not fire; returns it."""
        left, self.pending = self.pending, []
        return left

    def _on_request(self, request: Any) -> None:
        self._tick("request")

    def _tick(self, kind: str) -> None:
        if self._busy or not self.pending:
            return
        self.counts[kind] += 1
        due = [p for p in self.pending if p[0] == kind and p[1] == self.counts[kind]]
        if not due:
            return
        self.pending = [p for p in self.pending if p not in due]
        self._busy = True
        try:
            for _kind, k, action in due:
                self.fired.append(f"{kind} {k}")
                action()
        finally:
            self._busy = False


# -- settling ----------------------------------------------------------------------------------


def fingerprint(mh: ProofHarness, matters: Sequence[str]) -> Any:
    """What a pass could change: local files, the index, Clio's live documents and folders."""
    out = []
    for m in matters:
        local = {p: sha(b) for p, b in mh.local_state(m).items()}
        index = mh.index_state(m)
        docs = {d.id: (d.parent_id, d.name, d.latest_version_id, d.deleted_at)
                for d in mh.observer.documents(parent_id=mh.clio_root(m), scope="descendants",
                                               include_deleted=True)}
        folders = sorted(mh.clio_folder_ids(m).items())
        conflicts = sorted((c.rel_path, c.copy_path) for c in mh.store.documents.conflicts(m))
        out.append((local, index, docs, folders, conflicts, sorted(mh.local_dirs(m))))
    return out


def being_written(mh: MirrorHarness) -> bool:
    waits = mh.part.kit.live.waits
    return any("being written" in why for per in waits.values() for why in per.values())


SETTLED_CODES = (0, 3)  # in step, or conflicts waiting for the user


def settle(seats: Sequence[tuple[ProofHarness, Sequence[str]]], clock: ProblemClock | None,
           *, max_rounds: int = 8) -> list[PassReport]:
    """Run passes (every seat in turn) until a whole round changes nothing and every pass ends
    in step or with conflicts waiting; returns the last round's reports. Deletions the guard
    holds are allowed (the user confirms them), failed items are retried at once. The first
    round is a full reconcile, as one runs every four hours (and after a long pause): only a
    full listing notices a document purged from Clio's trash."""
    before = [fingerprint(mh, ms) for mh, ms in seats]
    history: list[list[str]] = []
    for round_ in range(max_rounds):
        if clock is not None:
            clock.advance()
        reports = []
        for mh, _ms in seats:
            if being_written(mh):
                time.sleep(2.1)
            reports.append(mh.sync_once(allow_deletes=True, full=round_ == 0))
        after = [fingerprint(mh, ms) for mh, ms in seats]
        history.append([f"{r.exit_code}: {r.lines()}" for r in reports])
        if after == before and all(r.exit_code in SETTLED_CODES for r in reports) \
                and not any(being_written(mh) for mh, _ in seats):
            return reports
        before = after
    raise AssertionError(f"the passes did not settle in {max_rounds} rounds: {history}")


@contextmanager
def monkeypatched() -> Iterator[pytest.MonkeyPatch]:
    mp = pytest.MonkeyPatch()
    try:
        yield mp
    finally:
        mp.undo()
