"""Test-wide environment: no display, an in-memory keyring, and a private home per test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Set before anything imports Qt or keyring.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.support.memory_keyring.MemoryKeyring"
os.environ.pop("PROLEGIS_DESKTOP_HOME", None)

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

pytest_plugins = ["tests.support.fixtures"]


@pytest.fixture(autouse=True)
def _fresh_keyring() -> None:
    from tests.support.memory_keyring import MemoryKeyring

    MemoryKeyring.clear()


@pytest.fixture(autouse=True)
def _private_trash(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> Path:
    """send2trash uses the XDG trash (read when it is imported): every test's trash is in its
    own folder, never the user's — and not inside ``tmp_path``, whose listing tests compare."""
    from send2trash import plat_other

    data = tmp_path_factory.mktemp("xdg-data")
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setattr(plat_other, "XDG_DATA_HOME", os.fsencode(data))
    monkeypatch.setattr(plat_other, "HOMETRASH_B", os.fsencode(data / "Trash"))
    monkeypatch.setattr(plat_other, "HOMETRASH", str(data / "Trash"))
    return data / "Trash"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private app home for one test (``PROLEGIS_DESKTOP_HOME``)."""
    h = tmp_path / "home"
    h.mkdir()
    monkeypatch.setenv("PROLEGIS_DESKTOP_HOME", str(h))
    return h
