"""The ``harness`` fixture: a :class:`~tests.support.harness.SyncHarness` on the ``sandbox``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.sandbox import Sandbox
from tests.support.harness import SyncHarness

HarnessFactory = Callable[..., SyncHarness]


@pytest.fixture
def harness_factory(tmp_path: Path) -> Iterator[HarnessFactory]:
    made: list[SyncHarness] = []

    def make(sandbox: Sandbox, **kw: Any) -> SyncHarness:
        h = SyncHarness(sandbox, tmp_path, **kw)
        made.append(h)
        return h

    yield make
    for h in made:
        h.close()


@pytest.fixture
def harness(sandbox: Sandbox, harness_factory: HarnessFactory) -> SyncHarness:
    return harness_factory(sandbox)
