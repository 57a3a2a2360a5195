"""Fixtures for the main-window tests: a scripted engine running on the real host thread, and a
main window over it at 1280×800 (offscreen). None of them is autouse, so the dialog tests in
``tests/ui/dialogs`` are unaffected."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from desktop.sync.events import Event
from desktop.ui import labels
from desktop.ui.engine_host import EngineHost
from desktop.ui.main_window import MainWindow
from tests.ui import sample_data as sd
from tests.ui.engine_double import ScriptedEngine


@pytest.fixture
def engine() -> ScriptedEngine:
    return ScriptedEngine()


@pytest.fixture
def host(qtbot, engine: ScriptedEngine) -> Iterator[EngineHost]:  # type: ignore[no-untyped-def]
    """The real ``EngineHost``, its thread running the scripted engine."""
    h = EngineHost(engine)
    h.start()
    assert engine.running.wait(5), "the engine thread did not start"
    yield h
    assert h.shutdown(5000), "the engine thread did not stop"


@pytest.fixture
def window(qtbot, host: EngineHost) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    labels.freeze_now(sd.NOW)
    w = MainWindow(host)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    yield w
    labels.freeze_now(None)


def deliver(qtbot, host: EngineHost, engine: ScriptedEngine, *events: Event) -> None:  # type: ignore[no-untyped-def]
    """Emit ``events`` from the engine thread and wait until the GUI has handled the last."""
    if not events:
        return
    last = events[-1]
    with qtbot.waitSignal(host.eventReceived, timeout=5000, check_params_cb=lambda e: e is last):
        engine.emit(*events)
    QCoreApplication.processEvents()


@pytest.fixture
def matters():  # type: ignore[no-untyped-def]
    """A feature matter, a pre-existing matter and 200 more, every state present."""
    return [sd.feature_matter(), sd.preexisting_matter(), *sd.make_matters(200)]
