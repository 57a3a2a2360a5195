"""Fixtures for the language tests: the compiled French catalog (built from the ``.ts`` when it
is missing or older, as ``scripts/bootstrap`` does), and the app switched to French or English
for one test (back to the English sources after it)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from desktop.ui import i18n, labels
from tests.ui.i18n.source_texts import ROOT


def settle() -> None:
    for _ in range(4):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def translations_built() -> None:
    """The ``.qm`` files, built from the ``.ts`` if needed (lrelease only)."""
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build-translations"), "--quiet"],
        check=True,
        cwd=ROOT,
    )


@pytest.fixture
def language(qapp: QApplication, translations_built: None) -> Iterator[object]:
    """A switch of the app's language (``language("fr")``); English again after the test."""

    def switch(code: str) -> None:
        assert i18n.install_language(qapp, code) == code, f"no {code} translation was loaded"
        settle()

    yield switch
    i18n.reset()
    labels.freeze_now(None)
    settle()


@pytest.fixture
def french(language: object) -> None:
    language("fr")  # type: ignore[operator]
