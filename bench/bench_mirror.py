"""The document mirror's cost, measured against the sandbox (each figure beside its target and,
where one exists, its baseline from the same run):

- Clio API requests per uploaded document over a first push of 1,000 documents (quick: 200),
  counted by the sandbox (storage PUTs are not API requests); the floor is 2 (create + commit).
- API requests of a poll cycle with nothing new, with 500 linked matters (quick: 100) against
  the same with 1 (the baseline; target: the same number).
- Rate-limit use during a bulk push under 600 requests a minute (quick: 100 per 10 s): the
  share of each complete window's allowance used (target ≥ 90 %), and the 429s received (0).
- A saved local edit → its version committed in Clio, with the long-running engine and its
  watcher: the median over 20 edits (quick: 8), target ≤ 2 s.
- The headless engine (``prolegis-desktop sync`` in its own process) with 100,000 indexed
  documents (quick: 20,000): its peak RSS through a real first pass (scan + poll + plan; target
  ≤ 200 MB), then its CPU while it watches them, idle, over 60 s (quick: 10 s; target < 1 %).
  The index, the sandbox and the files are seeded directly (not uploaded one by one); the pass
  then lists all of Clio's documents and scans and plans every matter.

Only the document mirror runs in the first four (``records=False``), so the counts are its own;
the headless engine runs whole, records half included.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import Figure

AREA = "mirror"
ROOT = Path(__file__).resolve().parent.parent
OLD = time.time() - 86_400  # files written "yesterday": settled


# -- a companion on a sandbox --------------------------------------------------------------------


class Seat:
    """An app home signed in to an in-process sandbox, with a Prolegis workspace; ``link``
    creates Clio matters and links them the way the records half records a link."""

    def __init__(self, base: Path, *, rate_limit: int = 100_000_000,
                 rate_window: float = 60.0) -> None:
        from desktop.clio.regions import ClioTarget
        from desktop.clio.tokens import TokenSet, token_store_for
        from desktop.paths import AppPaths
        from desktop.prolegis.builder import WorkspaceBuilder
        from desktop.sandbox import Sandbox, SandboxConfig
        from desktop.settings import Settings

        self.base = base
        self.sandbox = Sandbox(SandboxConfig(rate_limit=rate_limit,
                                             rate_window=rate_window)).start()
        self.paths = AppPaths.resolve(base / "home").ensure()
        self.settings = Settings(self.paths.settings_file)
        self.builder = WorkspaceBuilder(base / "Prolegis")
        self.builder.add_client(id="c-1", first_name="Ada", last_name="Lovelace")
        self.builder.write()
        target = ClioTarget.for_url(self.sandbox.base_url)
        tokens = token_store_for(target, self.paths.data_dir)
        user = self.sandbox.admin.default_user_id()
        tokens.save(target, str(user),
                    TokenSet.from_token_response(self.sandbox.admin.issue_tokens(user)))
        tokens.set_current_account(target, str(user))
        self.settings.update({"clio_url": self.sandbox.base_url,
                              "workspace": str(self.builder.root),
                              "prolegis_username": "jdoe", "activity_authors": "jdoe"})
        self.contact = self.sandbox.admin.create_contact("Person", first_name="Ada",
                                                         last_name="Lovelace")
        self.clio_matters: dict[str, int] = {}
        self.services: Any = None

    @property
    def admin(self) -> Any:
        return self.sandbox.admin

    def add_matters(self, n: int) -> list[str]:
        """``n`` Prolegis matters and their Clio matters (linked by :meth:`open`)."""
        start = len(self.clio_matters)
        ids = [f"m-{start + i + 1}" for i in range(n)]
        for i, mid in enumerate(ids):
            self.builder.add_matter(f"Matter {start + i + 1}", id=mid,
                                    number=f"2026-{start + i + 1:04d}", client_ids=["c-1"])
            self.clio_matters[mid] = int(self.admin.create_matter(self.contact, f"Matter {mid}"))
        self.builder.write()
        return ids

    def folder(self, matter_id: str) -> Path:
        return Path(self.builder.matter_path(matter_id))

    def open(self) -> Any:
        """The engine's services (as the app opens them), every matter linked."""
        from desktop.app import open_services

        self.services = open_services(self.paths, self.settings)
        store = self.services.store
        store.baseline.take([])
        store.client_links.link("c-1", self.contact, "Ada Lovelace", "matched")
        with store.db.write():
            for mid, clio_id in self.clio_matters.items():
                store.matter_links.link(
                    mid, clio_id, display_number=f"{clio_id}", how="created",
                    clio_folder_id=self.admin.matter_folder_id(clio_id),
                    folder=self.builder.matters[mid].folder, status="open")
        return self.services

    def engine(self, *, records: bool = False) -> Any:
        from desktop.app import build_engine

        return build_engine(self.services, records=records)

    def close(self) -> None:
        if self.services is not None:
            self.services.store.close()
            self.services.clio.close()
        self.sandbox.stop()


def api_requests(stats: dict[str, Any]) -> int:
    """Clio API requests in a sandbox ``stats()`` (storage transfers and OAuth excluded)."""
    return sum(n for route, by in stats["routes"].items() if " /api/v4/" in route
               for n in by.values())


def write_files(folder: Path, n: int, *, folders: int, size: int = 1024) -> None:
    for i in range(n):
        path = folder / f"Folder {i % folders:02d}" / f"Document {i:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f"{i:08d}".encode() + b"x" * (size - 8))
        os.utime(path, (OLD, OLD))


# -- requests per uploaded document ---------------------------------------------------------------


def bench_first_push(base: Path, documents: int) -> Figure:
    from desktop.sync.report import PassOptions

    seat = Seat(base)
    try:
        (mid,) = seat.add_matters(1)
        folders = max(1, documents // 50)
        write_files(seat.folder(mid), documents, folders=folders)
        seat.open()
        engine = seat.engine()
        before = api_requests(seat.admin.stats())
        report = engine.run_once(PassOptions(records=False))
        used = api_requests(seat.admin.stats()) - before
        uploaded = report.counts.get("uploaded", 0)
        assert uploaded == documents, (uploaded, report.lines())
        routes = {r: sum(by.values()) for r, by in seat.admin.stats()["routes"].items()}
    finally:
        seat.close()
    per_doc = used / documents
    put = routes.get("PUT /storage/{key}", 0)
    return Figure(AREA, f"API requests per document, first push of {documents:,}", per_doc,
                  "req", target=2.05, baseline=2.0, baseline_name="create + commit",
                  note=f"{used:,} API requests ({folders} folders created, the first listings "
                       f"included); {put:,} storage PUTs not counted")


# -- a poll cycle with nothing new -----------------------------------------------------------


def poll_cycle(base: Path, matters: int) -> tuple[int, dict[str, int]]:
    """API requests of a regular pass with nothing new, with ``matters`` linked matters (each
    with a document on both sides, synced)."""
    from desktop.sync.report import PassOptions

    seat = Seat(base)
    try:
        ids = seat.add_matters(matters)
        for mid in ids:
            write_files(seat.folder(mid), 1, folders=1, size=64)
        seat.open()
        engine = seat.engine()
        assert engine.run_once(PassOptions(records=False)).exit_code == 0  # the first sync
        assert engine.run_once(PassOptions(records=False)).exit_code == 0  # in step
        time.sleep(5.5)  # polls run a poll interval apart (60 s): past the feed's overlap
        assert engine.run_once(PassOptions(records=False)).exit_code == 0
        before = seat.admin.stats()["routes"]
        engine.run_once(PassOptions(records=False))
        after = seat.admin.stats()["routes"]
    finally:
        seat.close()
    delta = {r: sum(by.values()) - sum(before.get(r, {}).values()) for r, by in after.items()}
    delta = {r: n for r, n in delta.items() if n and " /api/v4/" in r}
    return sum(delta.values()), delta


def bench_poll_cycle(base: Path, matters: int) -> Figure:
    one, _ = poll_cycle(base / "one", 1)
    many, routes = poll_cycle(base / "many", matters)
    return Figure(AREA, f"API requests of an idle poll cycle, {matters} matters linked",
                  float(many), "req", target=float(one), baseline=float(one),
                  baseline_name="1 matter linked",
                  note="; ".join(f"{r}: {n}" for r, n in sorted(routes.items())))


# -- the rate limit ------------------------------------------------------------------------------


def bench_rate_limit(base: Path, limit: int, window: float, documents: int) -> list[Figure]:
    """A bulk push under ``limit`` requests per ``window`` seconds: the share of each complete
    window's allowance the engine used, and the 429s it received."""
    from desktop.sync.report import PassOptions

    seat = Seat(base, rate_limit=limit, rate_window=window)
    answers: list[tuple[float, int, str]] = []  # (when, status, X-RateLimit-Reset)
    try:
        (mid,) = seat.add_matters(1)
        write_files(seat.folder(mid), documents, folders=max(1, documents // 100), size=256)
        services = seat.open()
        http = services.clio.session.http

        def seen(response: Any) -> None:
            if "/api/v4/" in str(response.request.url):
                answers.append((time.time(), response.status_code,
                                response.headers.get("x-ratelimit-reset", "")))

        http.event_hooks = {**http.event_hooks, "response": [seen]}
        engine = seat.engine()
        started = time.monotonic()
        report = engine.run_once(PassOptions(records=False))
        elapsed = time.monotonic() - started
        assert report.counts.get("uploaded", 0) == documents, report.lines()
        stats = seat.admin.stats()
    finally:
        seat.close()
    windows: dict[str, int] = {}
    for _when, _status, reset in answers:
        windows[reset] = windows.get(reset, 0) + 1
    last = max(when for when, _, _ in answers)
    complete = [n for reset, n in windows.items() if reset and float(reset) <= last]
    use = min(complete) / limit if complete else 0.0
    refused = stats["rate_limited"] + stats["injected_429"]
    label = f"{limit} per {window:.0f} s"
    return [
        Figure(AREA, f"rate-limit use in a bulk push ({label})", 100.0 * use, "%",
               target=90.0, higher_is_better=True,
               note=f"lowest of {len(complete)} complete windows: "
                    f"{', '.join(str(n) for n in complete)} requests of {limit}; "
                    f"{documents:,} documents in {elapsed:.0f} s"),
        Figure(AREA, f"429s received in that push ({label})", float(refused), "",
               target=0.0),
    ]


# -- a saved edit reaching Clio -----------------------------------------------------------------


def wait_until(check: Callable[[], bool], timeout: float = 30.0, step: float = 0.005) -> float:
    """Seconds until ``check()`` held."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > timeout:
            raise TimeoutError(f"not within {timeout} s")
        time.sleep(step)
    return time.monotonic() - start


def bench_edit_latency(base: Path, edits: int) -> Figure:
    from desktop.sync import commands as cmd
    from desktop.sync.report import PassOptions

    seat = Seat(base)
    try:
        (mid,) = seat.add_matters(1)
        write_files(seat.folder(mid), 5, folders=1, size=4096)
        services = seat.open()
        engine = seat.engine()
        assert engine.run_once(PassOptions(records=False)).exit_code == 0
        engine = seat.engine()
        thread = threading.Thread(target=engine.run, name="engine", daemon=True)
        thread.start()
        wait_until(lambda: engine.mirror.local_feed.watcher is not None
                   and engine._last_report is not None and not engine._syncing)
        rows = services.store.documents.rows(mid)
        times: list[float] = []
        for i in range(edits):
            rel = sorted(rows)[i % len(rows)]
            doc = rows[rel].base.doc_id
            data = f"edit {i} ".encode() * 200
            started = time.monotonic()
            (seat.folder(mid) / rel).write_bytes(data)  # a save, as an editor does it
            wait_until(lambda: seat.admin.document_bytes(doc) == data)  # noqa: B023
            times.append(time.monotonic() - started)
            time.sleep(0.5)
        engine.submit(cmd.Shutdown())
        thread.join(30)
    finally:
        seat.close()
    return Figure(AREA, "saved local edit → committed in Clio (median)",
                  statistics.median(times), "s", target=2.0,
                  note=f"{edits} edits with the long-running engine and its watcher; "
                       f"min {min(times):.2f} s, max {max(times):.2f} s")


# -- the headless engine: memory and idle CPU ---------------------------------------------------

PER_MATTER = 2000
SUBFOLDERS = 10


def seed_indexed(seat: Seat, documents: int) -> int:
    """``documents`` files, their Clio documents and their index rows, all in step, as many
    passes would have left them (seeded directly); returns the number of matters."""
    from desktop.sync.mirror.folders import FolderBase
    from desktop.sync.mirror.model import Base
    from desktop.sync.store.documents import MirrorMatter

    matters = max(1, documents // PER_MATTER) if documents else 1
    ids = seat.add_matters(matters)
    services = seat.open()
    store, admin, sandbox = services.store, seat.admin, seat.sandbox
    rows: list[tuple[str, Any, str]] = []
    folders: list[tuple[str, Any]] = []
    roots: dict[str, int] = {}
    for mid in ids:
        clio = seat.clio_matters[mid]
        roots[mid] = root = int(admin.matter_folder_id(clio))
        seat.folder(mid).mkdir(parents=True, exist_ok=True)
        ids_of: dict[str, int] = {}
        for k in range(SUBFOLDERS):
            name = f"Folder {k:02d}"
            ids_of[name] = int(admin.create_folder(name, parent_id=root))
            folders.append((mid, FolderBase(name, ids_of[name], (name,))))
        for i in range(PER_MATTER if documents else 0):
            folder, name = f"Folder {i % SUBFOLDERS:02d}", f"Document {i:05d}.txt"
            data = f"{mid} {i:08d} ".encode().ljust(96, b"x")
            path = seat.folder(mid) / folder / name
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
            os.utime(path, (OLD, OLD))
            sha = hashlib.sha256(data).hexdigest()
            pid = f"{mid}-{i}"
            doc = int(admin.upload_document(
                name=name, data=data, folder_id=ids_of[folder], content_type="text/plain",
                external_properties=[{"name": "prolegis_id", "value": pid},
                                     {"name": "prolegis_sha256", "value": sha},
                                     {"name": "prolegis_version", "value": "1"}]))
            version = sandbox.store.get("documents", doc)["version_ids"][-1]
            st = path.stat()
            rows.append((mid, Base(f"{folder}/{name}", st.st_size, st.st_mtime_ns, st.st_ino,
                                   sha, doc_id=doc, remote_parent=(folder,), version_id=version,
                                   remote_name=name), pid))
    docs = store.documents
    with store.db.write():
        for mid in ids:
            link = store.matter_links.get(mid)
            docs.start_matter(MirrorMatter(mid, link.linked_at, seat.clio_matters[mid],
                                           roots[mid], None))
        for mid, folder in folders:
            docs.put_folder(mid, folder)
        for mid, base, pid in rows:
            docs.put_row(mid, base, prolegis_id=pid)
    return matters


def headless(base: Path, documents: int, idle_seconds: float) -> tuple[float, float, float]:
    """Run ``prolegis-desktop sync`` over ``documents`` indexed documents: (peak RSS in MB
    through the first pass and the idle time, CPU % while idle, seconds of the first pass)."""
    import psutil

    seat = Seat(base)
    proc: subprocess.Popen[bytes] | None = None
    try:
        matters = seed_indexed(seat, documents)
        db_path = seat.services.store.path
        seat.services.store.close()
        seat.services.clio.close()
        seat.services = None
        log = open(base / "sync.log", "wb")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--home", str(seat.paths.home), "sync"],
            stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)})
        process = psutil.Process(proc.pid)
        peak = [0]
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                try:
                    peak[0] = max(peak[0], process.memory_info().rss)
                except psutil.Error:
                    return
                stop.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.monotonic()

        def first_pass_done() -> bool:
            if proc is not None and proc.poll() is not None:
                raise RuntimeError(f"sync exited with {proc.returncode}: see {base}/sync.log")
            try:
                with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5) as c:
                    row = c.execute("SELECT COUNT(*) FROM mirror_matters "
                                    "WHERE last_sync IS NOT NULL").fetchone()
            except sqlite3.Error:
                return False
            return bool(row and row[0] >= matters)

        wait_until(first_pass_done, timeout=1800, step=0.25)
        first = time.monotonic() - started
        time.sleep(2.0)
        cpu0, wall0 = process.cpu_times(), time.monotonic()
        time.sleep(idle_seconds)
        cpu1, wall1 = process.cpu_times(), time.monotonic()
        stop.set()
        sampler.join()
        busy = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
        return peak[0] / 1e6, 100.0 * busy / (wall1 - wall0), first
    finally:
        if proc is not None and proc.poll() is None:
            proc.terminate()
            proc.wait(60)
        seat.close()


def bench_headless(base: Path, documents: int, idle_seconds: float) -> list[Figure]:
    empty_rss, empty_cpu, _ = headless(base / "empty", 0, idle_seconds)
    rss, cpu, first = headless(base / "full", documents, idle_seconds)
    return [
        Figure(AREA, f"headless engine peak RSS, {documents:,} indexed documents", rss, "MB",
               target=200.0, baseline=empty_rss, baseline_name="same engine, no documents",
               note=f"through a first pass (scan + full listing + plan) of {first:.0f} s and "
                    f"{idle_seconds:.0f} s of watching"),
        Figure(AREA, f"headless engine idle CPU over {idle_seconds:.0f} s, watching "
                     f"{documents:,} documents", cpu, "%", target=1.0, baseline=empty_cpu,
               baseline_name="same engine, no documents"),
    ]


# -- the table ----------------------------------------------------------------------------------


def run(quick: bool) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="bench-mirror-") as tmp:
        base = Path(tmp)
        figures = [bench_first_push(base / "push", 200 if quick else 1000),
                   bench_poll_cycle(base / "poll", 100 if quick else 500)]
        figures += (bench_rate_limit(base / "limit", 100, 10.0, 150) if quick
                    else bench_rate_limit(base / "limit", 600, 60.0, 800))
        figures.append(bench_edit_latency(base / "edit", 8 if quick else 20))
        figures += bench_headless(base / "headless", 20_000 if quick else 100_000,
                                  10.0 if quick else 60.0)
    return figures
