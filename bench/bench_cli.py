"""``prolegis-desktop status`` answers from local state: as quick with Clio unreachable as with
Clio up (review finding: offline it took ~7 s, retrying ``who_am_i`` with backoff).

A firm of 1,000 matters (``--quick``: 100) synced once against the sandbox, then the sandbox is
stopped and one pass finds Clio unreachable (what ``status`` then reports). Figures: the wall
time of ``status`` as a new process (what a user or a script waits for; the in-run baseline is
``--version``: Python's start and the command line's imports; the same with Clio up is in the
note), and the command's own work in this process (imports done).
Medians of five runs.
"""

from __future__ import annotations

import contextlib
import io
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import Figure

AREA = "cli"
ROUNDS = 5
PROCESS_TARGET = 1.0  # seconds: "well under a second", Python's start and imports included
WORK_TARGET = 0.5  # seconds: the status command itself
ROOT = Path(__file__).resolve().parent.parent


def _setup(base: Path, matters: int) -> tuple[Any, Path]:
    from desktop.app import build_engine, open_services
    from desktop.clio.regions import ClioTarget
    from desktop.clio.tokens import TokenSet, token_store_for
    from desktop.paths import AppPaths
    from desktop.prolegis.builder import generate_firm
    from desktop.sandbox import Sandbox, SandboxConfig
    from desktop.settings import Settings

    sandbox = Sandbox(SandboxConfig(rate_limit=1_000_000)).start()
    paths = AppPaths.resolve(base / "home").ensure()
    builder = generate_firm(base / "Prolegis", seed=5, clients=matters // 2, matters=matters,
                            documents=False)
    target = ClioTarget.for_url(sandbox.base_url)
    store = token_store_for(target, paths.data_dir)
    user = sandbox.admin.default_user_id()
    store.save(target, str(user), TokenSet.from_token_response(sandbox.admin.issue_tokens(user)))
    store.set_current_account(target, str(user))
    Settings(paths.settings_file).update(
        {"clio_url": sandbox.base_url, "workspace": str(builder.root)})
    services = open_services(paths, Settings(paths.settings_file))
    try:
        build_engine(services).run_once()
    finally:
        services.store.close()
        services.clio.close()
    return sandbox, paths.home


def _offline_pass(home: Path) -> str:
    from desktop.app import build_engine, open_services
    from desktop.paths import AppPaths
    from desktop.settings import Settings

    paths = AppPaths.resolve(home)
    services = open_services(paths, Settings(paths.settings_file), ask_clio=False)
    try:
        report = build_engine(services).run_once()
    finally:
        services.store.close()
        services.clio.close()
    return ",".join(r.code for r in report.reasons)


def _process(home: Path, *args: str) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "desktop", "--home", str(home),
                           *(args or ("status",))], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"status failed: {done.stderr[-2000:]}")
    return elapsed


def _in_process(home: Path) -> tuple[float, str]:
    from desktop.cli import main

    out = io.StringIO()
    started = time.perf_counter()
    with contextlib.redirect_stdout(out):
        code = main(["--home", str(home), "status"])
    elapsed = time.perf_counter() - started
    if code != 0:
        raise RuntimeError(f"status exited {code}")
    return elapsed, out.getvalue()


def run(quick: bool) -> list[Figure]:
    matters = 100 if quick else 1000
    with tempfile.TemporaryDirectory() as tmp:
        sandbox, home = _setup(Path(tmp), matters)
        try:
            _in_process(home)  # imports and caches warm
            online = statistics.median(_process(home) for _ in range(ROUNDS))
        finally:
            sandbox.stop()
        codes = _offline_pass(home)
        offline = statistics.median(_process(home) for _ in range(ROUNDS))
        start = statistics.median(_process(home, "--version") for _ in range(ROUNDS))
        runs = [_in_process(home) for _ in range(ROUNDS)]
        work = statistics.median(t for t, _ in runs)
        said = runs[-1][1]
        if "Offline since" not in said:
            raise RuntimeError(f"status did not report offline:\n{said}")
    return [
        Figure(AREA, f"status with Clio unreachable, new process ({matters} matters)", offline,
               "s", target=PROCESS_TARGET, baseline=start, baseline_name="--version",
               note=f"the last pass failed with: {codes}; with Clio up {online:.3f} s; "
                    f"the baseline is Python's start and the CLI's imports; median of {ROUNDS}"),
        Figure(AREA, f"status with Clio unreachable, the command's work ({matters} matters)",
               work, "s", target=WORK_TARGET, note="in this process, imports done"),
    ]
