"""Fixtures of the mirror engine tests: ``mh`` — a ``MirrorHarness`` on a fresh sandbox with
the document mirror only (the records half is not needed: links are made through the store),
and the OS trash kept inside the test's temp folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.sandbox import Sandbox
from tests.support.harness_fixtures import HarnessFactory
from tests.support.mirror_harness import MirrorHarness

MirrorFactory = Callable[..., MirrorHarness]


@pytest.fixture(autouse=True)
def _private_trash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """send2trash uses the XDG trash (read when it is imported): keep it in the test's folder,
    never the user's."""
    import os

    from send2trash import plat_other

    data = tmp_path / "xdg-data"
    data.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(plat_other, "XDG_DATA_HOME", os.fsencode(data))
    monkeypatch.setattr(plat_other, "HOMETRASH_B", os.fsencode(data / "Trash"))
    monkeypatch.setattr(plat_other, "HOMETRASH", str(data / "Trash"))
    return data / "Trash"


@pytest.fixture
def mirror_factory(harness_factory: HarnessFactory) -> MirrorFactory:
    def make(sandbox: Sandbox, **kw: Any) -> MirrorHarness:
        kw.setdefault("records", False)
        kw.setdefault("name", f"seat{len(made)}")
        h = MirrorHarness(harness_factory(sandbox, **kw))
        made.append(h)
        return h

    made: list[MirrorHarness] = []
    return make


@pytest.fixture
def mh(sandbox: Sandbox, mirror_factory: MirrorFactory) -> MirrorHarness:
    return mirror_factory(sandbox)
