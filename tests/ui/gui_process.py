"""Run the real GUI (``run_gui``) in its own process over the scripted engine, for the tests
and the launch benchmark: ``python -m tests.ui.gui_process HOME [options]``.

Prints one line per milestone on stdout: ``shown <seconds since start>`` when the window is on
screen, ``raised`` when a second launch asked it to come to the front, ``engine <state> <commands>``
and ``exit <code>`` at the end.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

STARTED = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("home")
    parser.add_argument("--matters", type=int, default=0, help="answer the snapshot with N")
    parser.add_argument("--quit-when-shown", action="store_true")
    parser.add_argument("--quit-on-raise", action="store_true")
    parser.add_argument("--quit-after-ms", type=int, default=None)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.paths import AppPaths
    from desktop.sync.commands import RequestSnapshot
    from desktop.sync.events import MattersChanged, StatusChanged
    from desktop.ui.app import run_gui
    from tests.ui import sample_data as sd
    from tests.ui.engine_double import ScriptedEngine

    engine = ScriptedEngine()
    if args.matters:
        matters = tuple(sd.make_matters(args.matters))
        engine.on(
            RequestSnapshot,
            lambda _c: [StatusChanged(sd.status()), MattersChanged(matters, full=True)],
        )

    class _FirstPaint(QObject):
        def __init__(self, window: QObject) -> None:
            super().__init__(window)
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                print(f"shown {time.perf_counter() - STARTED:.4f}", flush=True)
                if args.quit_when_shown:
                    QTimer.singleShot(0, QApplication.quit)
            return False

    def ready(window, host) -> None:  # type: ignore[no-untyped-def]
        window.installEventFilter(_FirstPaint(window))
        if args.quit_on_raise:
            from desktop.ui.single_instance import SingleInstance

            guard = QApplication.instance().findChild(SingleInstance)  # type: ignore[union-attr]
            assert guard is not None

            def raised() -> None:
                print("raised", flush=True)
                QTimer.singleShot(0, QApplication.quit)

            guard.activationRequested.connect(raised)
            print("listening", flush=True)

    paths = AppPaths.resolve(args.home).ensure()
    code = run_gui(paths, engine, on_ready=ready, quit_after_ms=args.quit_after_ms)
    handled = ",".join(type(c).__name__ for c in engine.handled)
    state = (
        "stopped"
        if engine.stopped.is_set()
        else ("running" if engine.running.is_set() else "never-started")
    )
    print(f"engine {state} {handled}".rstrip(), flush=True)
    print(f"exit {code}", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
