"""Random interleavings of local and Clio operations — create, edit, copy, rename, move, delete,
folder operations, on either side, between passes and *during* them — over two linked matters,
with passes of every kind (regular, fast, full), conflict resolutions and restarts.

After the passes settle, each example proves: local == Clio == index for every matter, no
document twice in Clio (nor a content written once live twice anywhere), and every content
anyone ever wrote is still where a user can get it back — the file, a conflicted copy, the OS
trash or the recovery folder, Clio's document versions or Clio's trash (``support.Ledger``).

Operations during a pass run from hooks on the engine: before its k-th HTTP request (API or
storage) or at its k-th checkpoint between items — deterministic, so every failure replays.

CI runs a modest number of examples (about two minutes on two cores); ``-m stress`` runs many
more, longer ones.
"""

from __future__ import annotations

import functools
import random
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    rule,
    run_state_machine_as_test,
)

from desktop.sandbox import Sandbox
from desktop.sync import commands as cmd
from desktop.sync.mirror.conflicts import ConflictError
from desktop.sync.report import PassReport
from tests.proofs.support import (
    Ledger,
    PassHook,
    ProblemClock,
    ProofHarness,
    assert_no_duplicates,
    assert_nothing_lost,
    private_trash,
    settle,
)
from tests.proofs.world import CLIO_OPS, LOCAL_OPS, World
from tests.support.harness import SyncHarness
from tests.support.sandbox_fixtures import test_config as sandbox_config

MATTERS = ("m-1", "m-2")
PASSES = {
    "regular": {},
    "fast": {"poll": False, "records": False},  # what the watcher asks for
    "full": {"full": True},  # "Sync now" and the 4-hourly full reconcile
}
ALL_OPS = LOCAL_OPS + CLIO_OPS

settings.register_profile(
    "proofs-ci", max_examples=100, stateful_step_count=30, deadline=None, derandomize=True,
    database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile(
    "proofs-stress", max_examples=600, stateful_step_count=40, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class Env:
    """One example's world: a temp folder, a private trash, a sandbox, a seat with two
    linked matters, the ledger."""

    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="proofs-"))
        self.mp = pytest.MonkeyPatch()
        self.mp.setenv("HOME", str(self.tmp))
        self.trash = private_trash(self.mp, self.tmp / "xdg-data")
        self.clock = ProblemClock(self.mp)
        self.sandbox = Sandbox(sandbox_config())
        self.sandbox.start()
        self.h = SyncHarness(self.sandbox, self.tmp, records=False, name="seat")
        self.mh = ProofHarness(self.h)
        for m in MATTERS:
            self.mh.new_matter(m)
        self.ledger = Ledger()
        self.world = World(self.mh, MATTERS, self.ledger)

    def close(self) -> None:
        try:
            self.mh.close()
            self.h.close()
            self.sandbox.stop()
        finally:
            self.mp.undo()
            shutil.rmtree(self.tmp, ignore_errors=True)


def bugs_in(report: PassReport) -> list[str]:
    """What a pass met that is a bug whatever the world did (an internal error)."""
    return [r.message for r in report.reasons if "internal error" in r.message]


def step(fn: Callable[..., None]) -> Callable[..., None]:
    """A rule's body: when it raises, ``steps_ok`` stays False and teardown only cleans up."""

    @functools.wraps(fn)
    def run(self: Interleavings, **kw: Any) -> None:
        self.steps_ok = False
        fn(self, **kw)
        self.steps_ok = True

    return run


class Interleavings(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.env = Env()
        self.hook = PassHook(self.env.mh)
        self.steps_ok = True  # False once a step failed: teardown then only cleans up


    @property
    def mh(self) -> ProofHarness:
        return self.env.mh

    def _do(self, op_index: int, matter: str, seed: int, *, during: str = "") -> None:
        line = self.env.world.apply(ALL_OPS[op_index], random.Random(seed), matter)
        if line is not None:
            note(f"{during}{matter}: {line}")

    @initialize(seed=st.integers(0, 1 << 16), synced=st.booleans())
    @step
    def populate(self, seed: int, synced: bool) -> None:
        """Start from matters with documents on both sides (synced once, or not yet)."""
        rnd = random.Random(seed)
        world = self.env.world
        for m in MATTERS:
            for _ in range(3):
                world.apply(World.local_create, rnd, m)
            for _ in range(2):
                world.apply(World.clio_upload, rnd, m)
        note("; ".join(world.log))
        if synced:
            report = self.mh.sync_once()
            note(f"first pass → {report.exit_code} {report.lines()}")
            assert not bugs_in(report), bugs_in(report)

    @rule(op=st.integers(0, len(LOCAL_OPS) - 1), matter=st.sampled_from(MATTERS),
          seed=st.integers(0, 1 << 16))
    @step
    def local(self, op: int, matter: str, seed: int) -> None:
        self._do(op, matter, seed)

    @rule(op=st.integers(len(LOCAL_OPS), len(ALL_OPS) - 1), matter=st.sampled_from(MATTERS),
          seed=st.integers(0, 1 << 16))
    @step
    def clio(self, op: int, matter: str, seed: int) -> None:
        self._do(op, matter, seed)

    @rule(kind=st.sampled_from(sorted(PASSES)))
    @step
    def sync(self, kind: str) -> None:
        report = self.mh.sync_once(**PASSES[kind])
        note(f"{kind} pass → {report.exit_code} {report.lines()}")
        assert not bugs_in(report), bugs_in(report)

    @rule(kind=st.sampled_from(sorted(PASSES)), when=st.sampled_from(["request", "checkpoint"]),
          k=st.integers(1, 14),
          ops=st.lists(st.tuples(st.integers(0, len(ALL_OPS) - 1), st.sampled_from(MATTERS),
                                 st.integers(0, 1 << 16)), min_size=1, max_size=3))
    @step
    def sync_during(self, kind: str, when: str, k: int,
                    ops: list[tuple[int, str, int]]) -> None:
        """A pass while someone works: the operations run at the k-th request/checkpoint."""

        def act() -> None:
            for op, matter, seed in ops:
                self._do(op, matter, seed, during=f"(during the pass, {when} {k}) ")

        self.hook.arm(when, k, act)
        try:
            report = self.mh.sync_once(**PASSES[kind])
        finally:
            self.hook.disarm()
        note(f"{kind} pass → {report.exit_code} {report.lines()}")
        assert not bugs_in(report), bugs_in(report)

    @rule(keep=st.sampled_from(["local", "clio", "both"]), seed=st.integers(0, 1 << 16))
    @step
    def resolve(self, keep: str, seed: int) -> None:
        conflicts = self.mh.store.documents.conflicts()
        if not conflicts:
            return
        c = random.Random(seed).choice(conflicts)
        try:
            self.mh.part.handle(cmd.ResolveConflict(c.id, keep))
            note(f"resolve {c.matter_id}:{c.rel_path} keep {keep}")
        except ConflictError as exc:
            note(f"resolve {c.matter_id}:{c.rel_path} keep {keep} refused: {exc}")

    @rule()
    @step
    def restart(self) -> None:
        self.mh.h.restart()
        note("restart")

    def teardown(self) -> None:
        try:
            if self.steps_ok:
                self.prove()
        finally:
            self.env.close()

    def prove(self) -> None:
        seats = [(self.mh, MATTERS)]
        for report in settle(seats, self.env.clock):
            assert not bugs_in(report), bugs_in(report)
        for m in MATTERS:
            self.mh.assert_in_step(m)
        assert_no_duplicates(self.mh, MATTERS, self.env.ledger)
        assert_nothing_lost(self.env.ledger, seats, [self.env.trash],
                            known=self.env.world.labels)


@pytest.mark.timeout(900)
def test_interleavings_converge_and_lose_nothing() -> None:
    run_state_machine_as_test(Interleavings, settings=settings.get_profile("proofs-ci"))


@pytest.mark.stress
@pytest.mark.timeout(4 * 3600)
def test_interleavings_stress() -> None:
    run_state_machine_as_test(Interleavings, settings=settings.get_profile("proofs-stress"))
