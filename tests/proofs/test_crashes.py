"""Crashes: the engine process killed with SIGKILL at random moments of a pass, and the state
database refusing its N-th write for every N of a pass; each restart converges with nothing lost
and nothing twice.

- SIGKILL: ``python -m desktop --home … sync --once`` runs in a subprocess over a pass's worth of
  uploads, downloads, new versions, moves and deletions on both sides (``workloads``); it is
  killed when the sandbox has served a random number of its requests (seeded) plus a random
  delay, then ``sync --once`` runs again until it exits 0. 20 rounds here, 100 under ``stress``.
- The N-th write: a pass whose state database fails its N-th write (``store.db.fail_write_at``),
  for every N the pass makes, followed by passes in a restarted process (odd N) or in the same
  one (even N) until they settle.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.sandbox import Sandbox
from desktop.sync.store.db import StoreError
from tests.proofs.conftest import ProofFactory
from tests.proofs.support import (
    Ledger,
    ProblemClock,
    ProofHarness,
    assert_no_duplicates,
    assert_nothing_lost,
    settle,
)
from tests.proofs.workloads import mixed_changes, seed_matter
from tests.proofs.world import World

M = "m-1"
ROOT = Path(__file__).resolve().parents[2]


def sync_once(mh: ProofHarness) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--home", str(mh.h.paths.home), "sync", "--once"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)


def kill_after(proc: subprocess.Popen[bytes], sandbox: Sandbox, requests: int, delay: float,
               timeout: float = 60.0) -> bool:
    """SIGKILL ``proc`` once the sandbox served ``requests`` more requests, ``delay`` seconds
    later; False if it had finished by then."""
    start = sandbox.admin.stats()["requests"]
    deadline = time.monotonic() + timeout
    while sandbox.admin.stats()["requests"] - start < requests:
        if proc.poll() is not None:
            return False
        if time.monotonic() > deadline:
            raise AssertionError("the sync made no progress")
        time.sleep(0.0005)
    time.sleep(delay)
    if proc.poll() is not None:
        return False
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    return True


def until_clean(mh: ProofHarness, tries: int = 6) -> int:
    """``sync --once`` again until it exits 0; returns how many runs it took."""
    codes = []
    for n in range(1, tries + 1):
        proc = sync_once(mh)
        _out, err = proc.communicate(timeout=120)
        codes.append((proc.returncode, err.decode()[-600:]))
        if proc.returncode == 0:
            return n
    raise AssertionError(f"no clean pass after a crash: {codes}")


def activity_about(mh: ProofHarness, failure: str) -> str:
    """The activity log's lines about the file a failure names (its first word), oldest first:
    what the engine did to it across the rounds."""
    name = failure.split(":", 1)[0].strip()
    lines = [f"{e.at} {e.kind} {e.result} {e.subject}: {e.message} {e.detail}"
             for e in reversed(mh.store.history.recent(5000))
             if name and (name in e.subject or name in e.message)]
    return "\n".join(lines[-30:]) or "(nothing about it)"


def kill_rounds(sandbox: Sandbox, proof_factory: ProofFactory, trash: Path, rounds: int,
                seed: int) -> None:
    rnd = random.Random(seed)
    mh = proof_factory(sandbox)
    mh.new_matter(M)
    world = World(mh, [M], Ledger())
    seed_matter(world, M, files=10, clio=6)
    mh.sync()
    mh.h.close()
    estimate = 60  # requests of one pass, refined by what the rounds show
    killed = 0
    for i in range(rounds):
        mixed_changes(world, M, random.Random(rnd.getrandbits(32)), scale=2)
        before = sandbox.admin.stats()["requests"]
        at = rnd.randint(1, estimate)
        killed += kill_after(sync_once(mh), sandbox, at, rnd.uniform(0, 0.02))
        until_clean(mh)
        estimate = max(estimate, sandbox.admin.stats()["requests"] - before)
        mh.h.restart()
        try:
            mh.assert_in_step(M)
            assert_no_duplicates(mh, [M], world.ledger)
            assert_nothing_lost(world.ledger, [(mh, [M])], [trash], known=world.labels)
            assert mh.store.journal.open_intents() == []
        except AssertionError as exc:
            raise AssertionError(f"round {i} (killed after {at} requests): {exc}\n"
                                 + "\n".join(world.log[-40:]) + "\nactivity log:\n"
                                 + activity_about(mh, str(exc))) from exc
        finally:
            mh.h.close()
    print(f"{killed} of {rounds} runs killed mid-pass")
    assert killed >= rounds // 2, f"only {killed} of {rounds} runs were killed mid-pass"


@pytest.mark.timeout(900)
def test_sigkill_at_random_moments_converges(sandbox: Sandbox, proof_factory: ProofFactory,
                                             trash: Path) -> None:
    kill_rounds(sandbox, proof_factory, trash, 20, seed=2026)


@pytest.mark.stress
@pytest.mark.timeout(4 * 3600)
def test_sigkill_at_random_moments_converges_100_rounds(
        sandbox: Sandbox, proof_factory: ProofFactory, trash: Path) -> None:
    kill_rounds(sandbox, proof_factory, trash, 100, seed=int(time.time()))


# -- the N-th write of the state database failing -----------------------------------------------


def ready(sandbox_factory: object, proof_factory: ProofFactory, name: str
          ) -> tuple[ProofHarness, World]:
    """A synced matter with a pass's worth of changes waiting (the same for every call)."""
    sb = sandbox_factory()  # type: ignore[operator]
    mh = proof_factory(sb, name=name)
    mh.new_matter(M)
    world = World(mh, [M], Ledger())
    seed_matter(world, M)
    mh.sync()
    mixed_changes(world, M, random.Random(3))
    return mh, world


@pytest.mark.timeout(900)
def test_the_nth_state_write_failing_converges_for_every_n(
        sandbox_factory: object, proof_factory: ProofFactory, clock: ProblemClock,
        trash: Path) -> None:
    probe, _ = ready(sandbox_factory, proof_factory, "probe")
    start = probe.store.db.writes
    assert probe.sync_once().exit_code == 0
    writes = probe.store.db.writes - start
    assert writes > 20
    failed = 0
    for n in range(1, writes + 1):
        mh, world = ready(sandbox_factory, proof_factory, f"write{n}")
        mh.store.db.fail_write_at = mh.store.db.writes + n
        try:
            report = mh.sync_once()
            failed += any(r.code == "state" for r in report.reasons)
        except StoreError:
            failed += 1
        if n % 2:
            mh.h.restart()
        else:
            mh.store.db.fail_write_at = None
        try:
            settle([(mh, [M])], clock)
            mh.assert_in_step(M)
            assert_no_duplicates(mh, [M], world.ledger)
            assert_nothing_lost(world.ledger, [(mh, [M])], [trash], known=world.labels)
        except AssertionError as exc:
            raise AssertionError(f"write {n} of {writes} failing: {exc}") from exc
    assert failed >= writes - 1, f"only {failed} of {writes} passes met their failing write"
