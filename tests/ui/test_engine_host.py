"""The engine's thread and the bridge: events cross to the GUI thread, commands reach the
engine, shutdown joins the thread, a crash of ``run()`` is reported."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QThread

from desktop.sync.commands import Pause, Shutdown, SyncNow
from desktop.sync.events import MattersChanged, StatusChanged, TransferProgress
from desktop.sync.views import EngineState, EngineStatus
from desktop.ui.engine_host import EngineHost
from tests.ui.conftest import deliver
from tests.ui.engine_double import ScriptedEngine


def test_events_from_the_engine_thread_arrive_on_the_gui_thread(qtbot, host, engine) -> None:
    seen: list[tuple[object, QThread, str]] = []

    def slot(event: object) -> None:
        seen.append((event, QThread.currentThread(), threading.current_thread().name))

    host.statusChanged.connect(slot)
    event = StatusChanged(EngineStatus(state=EngineState.SYNCING))
    deliver(qtbot, host, engine, event)
    assert engine.emit_threads == ["engine"]  # emitted on the engine's own thread
    assert len(seen) == 1
    got, qthread, name = seen[0]
    assert got is event
    assert qthread is QCoreApplication.instance().thread()  # type: ignore[union-attr]
    assert name == "MainThread"


def test_typed_and_generic_signals_both_fire(qtbot, host, engine) -> None:
    typed: list[object] = []
    generic: list[object] = []
    host.mattersChanged.connect(typed.append)
    host.eventReceived.connect(generic.append)
    event = MattersChanged((), full=True)
    deliver(qtbot, host, engine, event)
    assert typed == [event]
    assert generic == [event]


def test_commands_reach_the_engine_thread(qtbot, host, engine) -> None:
    reacted = threading.Event()
    engine.on(SyncNow, lambda _c: reacted.set() or [])
    with qtbot.waitSignal(host.commandSubmitted):
        host.submit(SyncNow())
    assert reacted.wait(5)
    assert isinstance(engine.handled[-1], SyncNow)


def test_progress_floods_are_coalesced_to_the_latest_value(qtbot, host, engine) -> None:
    got: list[TransferProgress] = []
    host.transferProgress.connect(got.append)
    events = [TransferProgress("m", "a.pdf", "up", i, 1000) for i in range(1, 1001)]
    engine.emit(*events)
    qtbot.waitUntil(lambda: bool(got) and got[-1].done == 1000, timeout=5000)
    assert len(got) < len(events)
    assert got[-1] is events[-1]


def test_shutdown_stops_and_joins_the_thread(qtbot) -> None:
    engine = ScriptedEngine()
    host = EngineHost(engine)
    host.start()
    assert engine.running.wait(5)
    assert host.shutdown(5000)
    assert engine.stopped.is_set()
    assert not host.is_running()
    assert isinstance(engine.handled[-1], Shutdown)
    host.submit(Pause())  # after shutdown, commands are dropped rather than queued forever
    assert not engine.commands(Pause)


class _Exploding(ScriptedEngine):
    def run(self) -> None:
        raise RuntimeError("database is locked")


def test_a_crash_in_the_engine_is_reported(qtbot) -> None:
    host = EngineHost(_Exploding())
    with qtbot.waitSignal(host.engineFailed, timeout=5000) as blocker:
        host.start()
    assert "database is locked" in blocker.args[0]
    assert "Traceback" in blocker.args[0]
    qtbot.waitUntil(lambda: not host.is_running())
