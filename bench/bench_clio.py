"""The Clio client: its overhead per request against plain httpx (same sandbox, same run),
a parsed 200-record page against httpx + json, and upload/download throughput with the peak
RSS growth of a round trip (200 MB; quick: 20 MB).

The sandbox runs in a separate process (``prolegis-desktop sandbox``, rate limit off) so the
memory figures are the client's alone; the client signs in with a real OAuth round trip.
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import psutil

from bench.common import Figure
from desktop.clio.api import ClioClient
from desktop.clio.budget import Priority, RequestBudget
from desktop.clio.connect import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
from desktop.clio.oauth import ClientCredentials
from desktop.clio.records import FIELDS, Contact, User
from desktop.clio.regions import ClioTarget
from desktop.clio.session import ClioSession
from desktop.clio.signin import BrowserSignIn

AREA = "clio"
MiB = 1024 * 1024
ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Sandbox:
    def __init__(self, home: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--home", str(home), "sandbox", "--auto-approve",
             "--rate-limit", "100000000", "--data", str(home / "data")],
            cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        first = self.proc.stdout.readline()
        if not first.startswith("Clio sandbox: "):
            self.proc.kill()
            raise RuntimeError(f"sandbox did not start: {first!r}")
        self.url = first.split(": ", 1)[1].strip()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def _sign_in(url: str) -> ClioClient:
    target = ClioTarget.for_url(url)
    creds = ClientCredentials(SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET)
    with BrowserSignIn(target, creds, port=_free_port()) as signin:
        signin.open_browser(lambda u: threading.Thread(
            target=httpx.get, args=(u,), kwargs={"follow_redirects": True, "trust_env": False},
            daemon=True).start() or True)
        result = signin.wait(60)
    session = ClioSession(target, result.tokens, credentials=creds, budget=RequestBudget(),
                          default_priority=Priority.INTERACTIVE)
    return ClioClient(session)


def _per_request(fn: object, n: int) -> float:
    call = fn  # type: ignore[assignment]
    for _ in range(min(20, n)):
        call()  # type: ignore[operator]
    started = time.perf_counter()
    for _ in range(n):
        call()  # type: ignore[operator]
    return (time.perf_counter() - started) / n


class _PeakRss:
    def __init__(self) -> None:
        self.proc = psutil.Process(os.getpid())
        self.base = self.proc.memory_info().rss
        self.peak = self.base
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, self.proc.memory_info().rss)

    def __enter__(self) -> _PeakRss:
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()


def _write(path: Path, size: int) -> str:
    h = hashlib.sha256()
    block = os.urandom(MiB)
    with path.open("wb") as fh:
        left = size
        while left:
            piece = block[: min(MiB, left)]
            fh.write(piece)
            h.update(piece)
            left -= len(piece)
    return h.hexdigest()


def run(quick: bool) -> list[Figure]:
    n = 200 if quick else 1000
    size = (20 if quick else 200) * MiB
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="bench-clio-") as tmp:
        work = Path(tmp)
        sb = _Sandbox(work / "sandbox")
        try:
            client = _sign_in(sb.url)
            token = client.session.tokens.access_token
            plain = httpx.Client(base_url=f"{sb.url}/api/v4", trust_env=False, headers={
                "Authorization": f"Bearer {token}", "X-API-VERSION": "4.0.13"})

            def plain_who() -> object:
                r = plain.get("/users/who_am_i.json", params={"fields": FIELDS[User]})
                r.raise_for_status()
                return r.json()

            ours = _per_request(client.who_am_i, n)
            base = _per_request(plain_who, n)
            figures.append(Figure(AREA, "who_am_i per request", ours * 1e3, "ms",
                                  baseline=base * 1e3, baseline_name="plain httpx",
                                  note=f"{n} sequential requests"))
            figures.append(Figure(AREA, "client overhead per request", (ours - base) * 1e6, "µs",
                                  target=500.0, note="budget, headers, retries, typed parse"))

            for i in range(200):
                client.create_contact({"type": "Person", "first_name": f"P{i}",
                                       "last_name": "Bench",
                                       "email_addresses": [{"name": "Work",
                                                            "address": f"p{i}@bench.test"}]})

            def plain_page() -> object:
                r = plain.get("/contacts.json", params={"fields": FIELDS[Contact],
                                                        "limit": 200})
                return r.json()["data"]

            pages = max(10, n // 20)
            ours_page = _per_request(lambda: list(client.contacts()), pages)
            base_page = _per_request(plain_page, pages)
            figures.append(Figure(AREA, "200-contact page, parsed", ours_page * 1e3, "ms",
                                  baseline=base_page * 1e3, baseline_name="httpx + json",
                                  note="typed records vs dicts"))
            plain.close()

            cid = client.contacts().all()[0].id
            mid = client.create_matter({"client": {"id": cid}, "description": "Bench"}).id
            src = work / "big.bin"
            digest = _write(src, size)
            with _PeakRss() as mem:
                t0 = time.perf_counter()
                up = client.upload_document(src, parent_id=mid)
                t1 = time.perf_counter()
                dl = client.download_document(up.document.id, work / "out" / "big.bin")
                t2 = time.perf_counter()
            assert up.sha256 == dl.sha256 == digest
            mb = size / MiB
            storage = httpx.Client(trust_env=False)
            loc = client.session.request("GET", f"/documents/{up.document.id}/download.json")
            t3 = time.perf_counter()
            with storage.stream("GET", loc.headers["location"]) as r, \
                    (work / "plain.bin").open("wb") as fh:
                for chunk in r.iter_bytes(MiB):
                    fh.write(chunk)
            t4 = time.perf_counter()
            storage.close()
            figures.append(Figure(AREA, f"upload {mb:.0f} MB (sha256 while reading)",
                                  mb / (t1 - t0), "MB/s", higher_is_better=True,
                                  note=f"{up.parts} part(s)"))
            figures.append(Figure(AREA, f"download {mb:.0f} MB (sha256 while writing)",
                                  mb / (t2 - t1), "MB/s", higher_is_better=True,
                                  baseline=mb / (t4 - t3), baseline_name="httpx stream, no hash"))
            figures.append(Figure(AREA, f"peak RSS growth, {mb:.0f} MB round trip",
                                  (mem.peak - mem.base) / MiB, "MiB", target=64.0))
            client.close()
        finally:
            sb.stop()
    return figures
