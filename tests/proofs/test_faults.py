"""Faults on every route the mirror uses: each route family × 429, 5xx, a reset, a slow answer,
and the same failures after Clio processed the request (``+after``: the answer is lost) — which
covers a failed storage PUT and a failed commit —, plus an access token that expires in the
middle of a pass and a run where faults keep happening while it converges.

Each run: a synced matter, a pass's worth of changes on both sides (``workloads``), two passes
with the fault injected (any outcome but a crash), then passes without it until they settle.
Then: in step, no document twice in Clio and no stub left, nothing anyone wrote lost.
"""

from __future__ import annotations

import random

import pytest

from desktop.sandbox import Sandbox
from tests.proofs.conftest import ProofFactory
from tests.proofs.support import (
    Ledger,
    PassHook,
    ProblemClock,
    ProofHarness,
    assert_no_duplicates,
    assert_nothing_lost,
    settle,
)
from tests.proofs.workloads import mixed_changes, seed_matter
from tests.proofs.world import World

M = "m-1"

FAMILIES = {
    "folders listing": "GET:/api/v4/folders",
    "documents listing": "GET:/api/v4/documents",
    "document read": "GET:/api/v4/documents/[0-9]*[0-9]",
    "document create": "POST:/api/v4/documents",
    "document update, commit": "PATCH:/api/v4/documents/*",
    "document delete": "DELETE:/api/v4/documents/*",
    "download link": "GET:/api/v4/documents/*/download",
    "folder create": "POST:/api/v4/folders",
    "folder update": "PATCH:/api/v4/folders/*",
    "storage upload (PUT)": "PUT:/storage/*",
    "storage download": "GET:/storage/*",
}
FAULTS = ("429@0.5", "500@0.5", "503@0.5", "502+after@0.5", "reset@0.5", "reset+after@0.5",
          "slow:0.2@0.5")


def prepared(proof_factory: ProofFactory, sandbox: Sandbox) -> tuple[ProofHarness, World]:
    mh = proof_factory(sandbox)
    mh.new_matter(M)
    world = World(mh, [M], Ledger())
    seed_matter(world, M)
    mh.sync()
    mixed_changes(world, M, random.Random(7))
    return mh, world


def prove(mh: ProofHarness, world: World, clock: ProblemClock, trash: object) -> None:
    settle([(mh, [M])], clock)
    mh.assert_in_step(M)
    assert_no_duplicates(mh, [M], world.ledger)
    assert_nothing_lost(world.ledger, [(mh, [M])], [trash],  # type: ignore[list-item]
                        known=world.labels)


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_a_fault_on_a_route_converges_with_no_duplicate(
        family: str, fault: str, sandbox: Sandbox, proof_factory: ProofFactory,
        clock: ProblemClock, trash: object) -> None:
    mh, world = prepared(proof_factory, sandbox)
    hits_before = sandbox.admin.stats()["faults_injected"]
    sandbox.admin.set_faults(f"seed=11;{FAMILIES[family]}={fault}")
    for _ in range(2):
        mh.sync_once()  # whatever the outcome: it must not crash
    sandbox.admin.set_faults(None)
    prove(mh, world, clock, trash)
    if not fault.startswith("slow"):
        assert sandbox.admin.stats()["faults_injected"] > hits_before, "the fault never hit"


@pytest.mark.parametrize("k", [1, 2, 3, 5, 8, 13, 21, 34])
def test_an_access_token_expiring_mid_pass_is_renewed(
        k: int, sandbox: Sandbox, proof_factory: ProofFactory, clock: ProblemClock,
        trash: object) -> None:
    mh, world = prepared(proof_factory, sandbox)
    hook = PassHook(mh)

    def expire() -> None:
        sandbox.admin.expire_access_token(mh.h.clio.session.tokens.access_token)

    hook.arm("request", k, expire)
    report = mh.sync_once()
    assert hook.fired, "the pass made fewer requests than expected"
    assert report.exit_code == 0, report.lines()  # renewed, not an error
    assert mh.h.clio.session.refresh_count == 1
    prove(mh, world, clock, trash)


def test_converges_while_faults_keep_happening(
        sandbox: Sandbox, proof_factory: ProofFactory, clock: ProblemClock,
        trash: object) -> None:
    mh, world = prepared(proof_factory, sandbox)
    sandbox.admin.set_faults("seed=5;*=503@0.08;*=reset@0.04;PUT:/storage/*=500@0.1;"
                             "POST:/api/v4/documents=502+after@0.1;*=slow:0.05@0.1")
    for round_ in range(3):
        mixed_changes(world, M, random.Random(round_))
        for _ in range(3):
            mh.sync_once()
    settle([(mh, [M])], clock, max_rounds=15)
    sandbox.admin.set_faults(None)
    prove(mh, world, clock, trash)
