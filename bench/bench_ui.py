"""GUI speed: a keystroke in the matter search until the list has repainted (50,000 matters),
loading 50,000 matters into the list, launch until the window is shown, and typing in the contact
matching wizard's client search (5,000 Prolegis clients).

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
        *matching_figures(quick),
    ]


# What a clerk types in the matching wizard's search, with the pauses of someone reading the
# list ("PAUSE"): surnames, a company form, an accent-free "cote", a city, corrections.
MATCHING_SCRIPT = [
    *"tremb", "PAUSE", *"lay", "PAUSE", *["BS"] * 8, "PAUSE",
    *"cote", "PAUSE", *["BS"] * 4,
    *"gagnon", " ", *"inc", "PAUSE", *["BS"] * 10, "PAUSE",
    *"montr", "PAUSE", *"éal", "PAUSE", *["BS"] * 8, "PAUSE",
    *"roy", "PAUSE", *["BS"] * 3, "PAUSE",
]  # fmt: skip
MATCHING_KEY_GAP_S = 0.09  # a brisk typist: about 11 keys a second
MATCHING_PAUSE_S = 0.5


def matching_clients(n: int) -> list[Any]:
    """``n`` Prolegis clients as the matching wizard gets them: generated names (French and
    English, companies with their legal forms), emails, phones, cities, bands, 1–3 candidates."""
    from bench.matching_data import generate
    from desktop.sync.views import CandidateView, ClientMatchView, EvidenceView

    bands = ("review", "confident", "confident", "none", "linked", "confident")
    out: list[Any] = []
    for i, party in enumerate(generate(max(1, n // 3), n).clients):
        name = party.company or f"{party.first_name} {party.last_name}".strip() or f"Client {i}"
        city = next((a.city for a in party.addresses if a.city), "")
        summary = " · ".join(x for x in (*party.emails[:1], *party.phones[:1], city) if x)
        band = bands[i % len(bands)]
        candidates = tuple(
            CandidateView(
                contact_id=100_000 + i * 10 + k,
                name=name,
                score=95.0 - 20 * k,
                evidence=(EvidenceView("name", "agrees" if k == 0 else "partial", name),),
                summary=summary,
            )
            for k in range(0 if band == "none" else 1 + i % 3)
        )
        linked = band == "linked"
        out.append(
            ClientMatchView(
                client_id=f"c-{i}",
                name=name,
                kind=party.kind,
                summary=summary,
                band=band,
                linked_contact_id=candidates[0].contact_id if linked else None,
                linked_contact_name=name if linked else "",
                candidates=candidates,
            )
        )
    return out


def _matching_typing(app: Any, clients: list[Any]) -> tuple[list[float], list[float]]:
    """Types :data:`MATCHING_SCRIPT` into the wizard's search at a typist's pace with the event
    loop running in between (timers fire as they would). Returns each keystroke's latency (from
    the moment the key was due until it was handled and the list repainted: a key that arrives
    while the GUI thread is busy waits) and, per pause, the longest event-loop turn (the list
    being filtered and repainted once the typing stopped)."""
    from PySide6.QtCore import QEvent, QEventLoop, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from desktop.ui.wizards.matching import ContactMatchingDialog

    dialog = ContactMatchingDialog(clients, lambda _command: None, confirm=False)
    dialog.resize(1180, 720)
    dialog.show()
    app.processEvents()
    search = dialog.panel.search
    search.setFocus()
    app.processEvents()

    def spin(until: float) -> float:
        """Run the event loop until ``until``; the longest turn, in ms."""
        longest = 0.0
        while (now := time.perf_counter()) < until:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 1)
            longest = max(longest, (time.perf_counter() - now) * 1000)
            time.sleep(0.0005)
        return longest

    keys: list[float] = []
    settles: list[float] = []
    due = time.perf_counter()
    for key in MATCHING_SCRIPT:
        if key == "PAUSE":
            due += MATCHING_PAUSE_S
            settles.append(spin(due))
            continue
        due += MATCHING_KEY_GAP_S
        spin(due)
        if key == "BS":
            QTest.keyClick(search, Qt.Key.Key_Backspace)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(
                    search,
                    QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, key),
                )
        app.processEvents()  # handles the key and paints what it changed (list, search box)
        keys.append((time.perf_counter() - due) * 1000)
    dialog.close()
    dialog.deleteLater()
    app.processEvents()
    return keys, settles


def matching_figures(quick: bool) -> list[Figure]:
    """Typing in the matching wizard's client search at 5,000 clients (both sizes: the size a
    large firm has)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    n = 5_000
    keys, settles = _matching_typing(app, matching_clients(n))
    label = f"matching wizard search, {n:,} clients"
    typed = sum(1 for k in MATCHING_SCRIPT if k != "PAUSE")
    return [
        Figure(
            "ui",
            f"keystroke → repaint, median ({label})",
            statistics.median(keys),
            "ms",
            target=KEYSTROKE_TARGET_MS,
            note=f"{typed} keys {MATCHING_KEY_GAP_S * 1000:.0f} ms apart, event loop running",
        ),
        Figure(
            "ui",
            f"keystroke → repaint, p95 ({label})",
            _p95(keys),
            "ms",
            target=KEYSTROKE_TARGET_MS,
        ),
        Figure("ui", f"keystroke → repaint, max ({label})", max(keys), "ms"),
        Figure(
            "ui",
            f"list refiltered after a pause, median ({label})",
            statistics.median(settles),
            "ms",
            target=KEYSTROKE_TARGET_MS,
            note="the longest event-loop turn in each pause in typing",
        ),
        Figure(
            "ui",
            f"list refiltered after a pause, p95 ({label})",
            _p95(settles),
            "ms",
            target=KEYSTROKE_TARGET_MS,
        ),
    ]


if __name__ == "__main__":
    from bench.run import render

    print(render(run("--quick" in sys.argv)))
