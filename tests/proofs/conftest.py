"""Fixtures of the proofs: the OS trash kept in the test's folder, ``proof_factory`` (a
``ProofHarness`` on a sandbox, document mirror only unless asked), and ``clock`` (the per-item
retry clock, moved forward by ``settle``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.sandbox import Sandbox
from tests.proofs.support import ProblemClock, ProofHarness, private_trash
from tests.support.harness_fixtures import HarnessFactory

ProofFactory = Callable[..., ProofHarness]


@pytest.fixture(autouse=True)
def trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """send2trash's trash, inside the test's folder (never the user's)."""
    monkeypatch.setenv("HOME", str(tmp_path))
    return private_trash(monkeypatch, tmp_path / "xdg-data")


@pytest.fixture
def proof_factory(harness_factory: HarnessFactory) -> Iterator[ProofFactory]:
    made: list[ProofHarness] = []

    def make(sandbox: Sandbox, **kw: Any) -> ProofHarness:
        kw.setdefault("records", False)
        kw.setdefault("name", f"seat{len(made)}")
        mh = ProofHarness(harness_factory(sandbox, **kw))
        made.append(mh)
        return mh

    yield make
    for mh in made:
        mh.close()


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> ProblemClock:
    return ProblemClock(monkeypatch)
