"""Clio sandbox: small requests per second with keep-alive from several client threads, and
start time (in-process and as the ``prolegis-desktop sandbox`` command).

The requests/second baseline is the bare standard-library ``ThreadingHTTPServer`` the sandbox
is built on, answering a fixed JSON body with the same keep-alive clients: the ratio is what
the sandbox's work (routing, auth, rate limit, fields, rendering) costs on top of the framework.
Client and server share the machine's cores, as they do in the tests.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

from bench.common import Figure
from desktop.sandbox import Sandbox, SandboxConfig

AREA = "sandbox"
THREADS = 4
ROOT = Path(__file__).resolve().parent.parent


def _hammer(url: str, headers: dict[str, str], seconds: float, threads: int) -> float:
    """Requests per second from ``threads`` keep-alive clients over ``seconds``."""
    counts = [0] * threads
    failures: list[str] = []
    stop = threading.Event()

    def worker(i: int) -> None:
        with httpx.Client(headers=headers, timeout=30) as client:
            while not stop.is_set():
                resp = client.get(url)
                if resp.status_code != 200:
                    failures.append(f"{resp.status_code} {resp.text[:200]}")
                    return
                counts[i] += 1

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    start = time.perf_counter()
    for t in pool:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - start
    if failures:
        raise RuntimeError(f"benchmark request failed: {failures[0]}")
    return sum(counts) / elapsed


class _Fixed(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else headers and body in two writes meet delayed ACKs
    body = b'{"data":{"id":10000001,"name":"Jane Doe"}}'

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: Any) -> None:
        pass


def _baseline_rps(seconds: float) -> float:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Fixed)
    server.daemon_threads = True
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    try:
        return _hammer(f"http://127.0.0.1:{server.server_address[1]}/", {}, seconds, THREADS)
    finally:
        server.shutdown()
        server.server_close()


def _sandbox_rps(seconds: float) -> tuple[float, float]:
    with Sandbox(SandboxConfig(rate_limit=10**9)) as sb:
        for i in range(50):
            sb.admin.create_contact(first_name=f"F{i}", last_name="Bench")
        token = sb.admin.issue_tokens()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        who = _hammer(
            f"{sb.base_url}/api/v4/users/who_am_i.json?fields=id,name,email",
            headers,
            seconds,
            THREADS,
        )
        page = _hammer(
            f"{sb.base_url}/api/v4/contacts.json?fields=id,name,primary_email_address&limit=50",
            headers,
            seconds,
            THREADS,
        )
        return who, page


def _start_times(rounds: int) -> float:
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        sb = Sandbox(SandboxConfig()).start()
        times.append(time.perf_counter() - t)
        sb.stop()
    return statistics.median(times)


def _cli_start(rounds: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop", "sandbox"],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        times.append(time.perf_counter() - t)
        proc.terminate()
        proc.wait(timeout=10)
        if not line.startswith("Clio sandbox: "):
            raise RuntimeError(f"unexpected first line {line!r}")
    return statistics.median(times)


def run(quick: bool) -> list[Figure]:
    seconds = 1.5 if quick else 5.0
    baseline = _baseline_rps(seconds)
    who, page = _sandbox_rps(seconds)
    start = _start_times(5 if quick else 20)
    cli = _cli_start(2 if quick else 5)
    note = f"{THREADS} keep-alive client threads, {seconds:g} s"
    return [
        Figure(
            AREA,
            "who_am_i requests/s",
            who,
            "req/s",
            target=500,
            higher_is_better=True,
            baseline=baseline,
            baseline_name="bare ThreadingHTTPServer",
            note=note,
        ),
        Figure(
            AREA,
            "contacts page of 50 requests/s",
            page,
            "req/s",
            target=200,
            higher_is_better=True,
            baseline=baseline,
            baseline_name="bare ThreadingHTTPServer",
            note=note,
        ),
        Figure(AREA, "start time (in process)", start, "s", target=0.25, note="median"),
        Figure(
            AREA,
            "start time (command, to first line)",
            cli,
            "s",
            target=1.0,
            note="median, includes Python start-up",
        ),
    ]
