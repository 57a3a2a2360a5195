"""GUI speed: a keystroke in the matter search until the list has repainted (50,000 matters),
loading 50,000 matters into the list, and launch until the window is shown.

The keystroke is measured as the user feels it: a real key event into the search box, then the
event loop runs until the repaint it caused is done (the viewport's paint is checked). The
in-run baseline is the same list behind a plain ``QSortFilterProxyModel`` with a Python
``filterAcceptsRow`` — the design this project's bulk proxy replaces.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import Figure

ROOT = Path(__file__).resolve().parents[1]
KEYSTROKE_TARGET_MS = 50.0
LAUNCH_TARGET_S = 1.5
# What a clerk types: narrowing words, backspaces, a number, accents.
SCRIPT = [
    "t",
    "r",
    "e",
    "m",
    "b",
    "BS",
    "BS",
    "BS",
    "BS",
    "BS",
    "c",
    "ô",
    "t",
    "é",
    "BS",
    "BS",
    "BS",
    "BS",
    "2",
    "0",
    "2",
    "4",
    "-",
    "0",
    "0",
    "1",
    "BS",
    "BS",
    "BS",
    "BS",
    "BS",
    "BS",
    "BS",
    "B",
    "S",
    "BS",
    "BS",
    "e",
    "s",
    "t",
    "a",
    "t",
    "e",
    " ",
    "o",
    "f",
    "BS",
    "BS",
    "BS",
    "BS",
    "BS",
    "BS",
    "BS",
    "BS",
    "BS",
]


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class _PaintCounter:
    """Counts paints of a widget (via an event filter)."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class _Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self._filter = _Filter()
        widget.installEventFilter(self._filter)


def _type_script(app: Any, line_edit: Any, viewport: Any, script: list[str]) -> list[float]:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    def type_char(ch: str) -> None:  # QTest.keyClicks only knows ASCII
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                line_edit, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )

    paints = _PaintCounter(viewport)
    times: list[float] = []
    for key in script:
        before = paints.count
        started = time.perf_counter()
        if key == "BS":
            QTest.keyClick(line_edit, Qt.Key.Key_Backspace)
        else:
            type_char(key)
        app.processEvents()  # runs the update request: the list repaints here
        if paints.count == before:  # nothing visible changed: force the paint anyway
            viewport.repaint()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _keystrokes(app: Any, matters: list[Any]) -> tuple[list[float], float, float]:
    from desktop.sync.events import MattersChanged
    from desktop.ui import labels
    from desktop.ui.engine_host import EngineHost
    from desktop.ui.main_window import MainWindow
    from tests.ui import sample_data as sd
    from tests.ui.engine_double import ScriptedEngine

    labels.freeze_now(sd.NOW)
    window = MainWindow(EngineHost(ScriptedEngine()))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    started = time.perf_counter()
    window.model.apply(MattersChanged(tuple(matters), full=True))
    load_s = time.perf_counter() - started
    window.table.viewport().repaint()
    first_paint_s = time.perf_counter() - started
    window.toolbar.search.setFocus()
    times = _type_script(app, window.toolbar.search, window.table.viewport(), SCRIPT)
    window.close()
    window.deleteLater()
    return times, load_s, first_paint_s


def _baseline_keystrokes(app: Any, matters: list[Any]) -> list[float]:
    """The same list behind QSortFilterProxyModel + Python filterAcceptsRow, same keystrokes."""
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

    from desktop.sync.events import MattersChanged
    from desktop.ui.matter_model import MatterTableModel, fold

    model = MatterTableModel()
    model.apply(MattersChanged(tuple(matters), full=True))

    class _Proxy(QSortFilterProxyModel):
        words: tuple[str, ...] = ()

        def filterAcceptsRow(self, row: int, _parent: Any) -> bool:
            key = model.search_keys()[row]
            return all(w in key for w in self.words)

    proxy = _Proxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    host = QWidget()
    layout = QVBoxLayout(host)
    edit = QLineEdit(host)
    table = QTableView(host)
    table.verticalHeader().hide()
    table.setModel(proxy)
    layout.addWidget(edit)
    layout.addWidget(table)

    def changed(text: str) -> None:
        proxy.beginFilterChange()
        proxy.words = tuple(fold(text).split())
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    edit.textChanged.connect(changed)
    host.resize(1280, 800)
    host.show()
    app.processEvents()
    edit.setFocus()
    times = _type_script(app, edit, table.viewport(), SCRIPT)
    host.close()
    return times


def _launch(runs: int, matters: int) -> list[float]:
    """Wall time from starting the process to the window's first paint, per run."""
    out: list[float] = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            started = time.perf_counter()
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tests.ui.gui_process",
                    home,
                    "--quit-when-shown",
                    "--matters",
                    str(matters),
                ],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            )
            assert proc.stdout is not None
            line = proc.stdout.readline()
            shown = time.perf_counter() - started
            proc.communicate(timeout=60)
            if not line.startswith("shown"):
                raise RuntimeError(f"the GUI did not report its window: {line!r}")
            out.append(shown)
    return out


def run(quick: bool) -> list[Figure]:
    from PySide6.QtWidgets import QApplication

    from tests.ui import sample_data as sd

    n = 5_000 if quick else 50_000
    app = QApplication.instance() or QApplication(sys.argv[:1])
    matters = sd.make_matters(n)
    times, load_s, first_paint_s = _keystrokes(app, matters)
    baseline = _baseline_keystrokes(app, matters)
    launches = _launch(2 if quick else 5, 500)
    label = f"{n:,} matters"
    return [
        Figure(
            "ui",
            f"keystroke → repaint, median ({label})",
            statistics.median(times),
            "ms",
            target=KEYSTROKE_TARGET_MS,
            baseline=statistics.median(baseline),
            baseline_name="QSortFilterProxyModel",
        ),
        Figure(
            "ui",
            f"keystroke → repaint, p95 ({label})",
            _p95(times),
            "ms",
            target=KEYSTROKE_TARGET_MS,
            baseline=_p95(baseline),
            baseline_name="QSortFilterProxyModel",
            note=f"{len(SCRIPT)} keystrokes: typing, backspaces, accents, a number",
        ),
        Figure("ui", f"keystroke → repaint, max ({label})", max(times), "ms"),
        Figure(
            "ui",
            f"model load ({label})",
            load_s * 1000,
            "ms",
            note="MattersChanged(full) into the model, filtered and sorted",
        ),
        Figure("ui", f"model load + first paint ({label})", first_paint_s * 1000, "ms"),
        Figure(
            "ui",
            "launch → window shown (median)",
            statistics.median(launches),
            "s",
            target=LAUNCH_TARGET_S,
            note=f"{len(launches)} runs, new process each",
        ),
        Figure("ui", "launch → window shown (worst)", max(launches), "s", target=LAUNCH_TARGET_S),
    ]


if __name__ == "__main__":
    from bench.run import render

    print(render(run("--quick" in sys.argv)))
