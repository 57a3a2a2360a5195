"""Render each main-window screen offscreen at 1280×800 with realistic data and save PNGs in
``docs/screenshots/``:

    .venv/bin/python -m tests.ui.screenshots [--dark] [--lang fr] [--out DIR]


Screens: main-window.png, flyout.png, documents.png, activity-log.png, drop-target.png
(``--dark`` adds ``-dark`` to each name; ``--lang fr`` renders the French translation into
``docs/screenshots/fr/`` — build it first: ``scripts/build-translations``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragMoveEvent
from PySide6.QtWidgets import QApplication

from desktop.sync.events import (
    ConflictsChanged,
    DocumentsChanged,
    GuardsChanged,
    HistoryAdded,
    MattersChanged,
    StatusChanged,
    SuggestionsReady,
    TransferProgress,
)
from desktop.sync.views import (
    ConflictView,
    EngineState,
    GuardView,
    VersionInfo,
)
from desktop.ui import i18n, labels, style
from desktop.ui.activity_log import ENTRY_ROLE
from desktop.ui.engine_host import EngineHost
from desktop.ui.main_window import MainWindow
from desktop.ui.matter_model import Column
from tests.ui import sample_data as sd
from tests.ui.engine_double import ScriptedEngine

ROOT = Path(__file__).resolve().parents[2]


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def build(app: QApplication) -> tuple[MainWindow, ScriptedEngine]:
    """A main window fed with 500 matters, every state, a conflict, a guard and history."""
    engine = ScriptedEngine()
    host = EngineHost(engine)
    labels.freeze_now(sd.NOW)
    window = MainWindow(host)
    window.resize(1280, 800)
    feature = sd.feature_matter()
    pre = sd.preexisting_matter()
    matters = [feature, pre, *sd.make_matters(498)]
    engine.emit(
        StatusChanged(
            sd.status(EngineState.SYNCING, uploading=7, downloading=2, pending=31, eta_seconds=260)
        ),
        MattersChanged(tuple(matters), full=True),
        ConflictsChanged(
            (
                ConflictView(
                    1,
                    feature.matter_id,
                    f"{feature.number} {feature.title}",
                    "Probate/Affidavit of execution.pdf",
                    VersionInfo("Affidavit of execution.pdf", 150_000, None, "you"),
                    VersionInfo("Affidavit of execution.pdf", 149_000, None, "J. Smith"),
                    sd.NOW.isoformat(),
                ),
            )
        ),
        GuardsChanged(
            (
                GuardView(
                    "deletions",
                    "m-2025-0009",
                    ("a.pdf",) * 12,
                    "12 documents of 2025-0009 were deleted in Clio. They are kept here until "
                    "you confirm.",
                ),
            )
        ),
        HistoryAdded(sd.make_history(60)),
    )
    settle(app)
    return window, engine


def shoot(window: MainWindow, out: Path, name: str) -> Path:
    app = QApplication.instance()
    assert app is not None
    settle(app)  # type: ignore[arg-type]
    path = out / name
    window.grab().save(str(path))
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dark", action="store_true", help="render with a dark palette")
    parser.add_argument("--lang", default="en", choices=i18n.LANGUAGES, help="language")
    parser.add_argument("--out", help="folder (default: docs/screenshots, or …/fr in French)")
    args = parser.parse_args(argv)
    default = ROOT / "docs" / "screenshots"
    out = Path(args.out) if args.out else default / args.lang if args.lang != "en" else default
    out.mkdir(parents=True, exist_ok=True)
    suffix = "-dark" if args.dark else ""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    style.apply_style(app, "dark" if args.dark else "")  # type: ignore[arg-type]
    if i18n.install_language(app, args.lang) != args.lang:  # type: ignore[arg-type]
        parser.error(f"no {args.lang} translation: run scripts/build-translations")
    window, engine = build(app)  # type: ignore[arg-type]
    window.show()
    settle(app)  # type: ignore[arg-type]
    written = [shoot(window, out, f"main-window{suffix}.png")]

    # The fly-out on a pre-existing matter: "Sync with Clio" with suggestions.
    pre = sd.preexisting_matter()
    window.select_matter(pre.matter_id)
    engine.emit(
        SuggestionsReady(pre.matter_id, sd.suggestions_for(pre)),
        DocumentsChanged(pre.matter_id, sd.historical_documents(pre)),
    )
    settle(app)  # type: ignore[arg-type]
    written.append(shoot(window, out, f"flyout{suffix}.png"))

    # The documents of a busy matter, transfers in progress.
    feature = sd.feature_matter()
    window.select_matter(feature.matter_id)
    engine.emit(DocumentsChanged(feature.matter_id, sd.make_documents(feature)))
    engine.emit(TransferProgress(feature.matter_id, "Letter to lender.docx", "up", 31, 50))
    settle(app)  # type: ignore[arg-type]
    window.activity.hide()
    window.flyout.splitter.setSizes([250, 600])
    written.append(shoot(window, out, f"documents{suffix}.png"))

    # The activity log, an error selected ("what to do").
    window.activity.show()
    window.close_flyout()
    window.resizeDocks([window.activity], [330], Qt.Orientation.Vertical)
    settle(app)  # type: ignore[arg-type]
    proxy = window.activity.proxy
    for row in range(proxy.rowCount()):
        entry = proxy.index(row, 1).data(ENTRY_ROLE)
        if entry is not None and entry.result == "error":
            window.activity.table.selectRow(row)
            break
    written.append(shoot(window, out, f"activity-log{suffix}.png"))

    # Files dragged from the file manager over a matter row.
    window.resizeDocks([window.activity], [170], Qt.Orientation.Vertical)
    window.select_matter(feature.matter_id)
    settle(app)  # type: ignore[arg-type]
    target = next(window.proxy.view_at(r) for r in range(4, 40) if window.proxy.view_at(r).linked)
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for name in ("Signed APS.pdf", "Lender instructions.pdf"):
            p = Path(tmp) / name
            p.write_bytes(b"%PDF-1.4\n")
            files.append(p)
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files])
        table = window.table
        row = window.proxy.row_of(target.matter_id)
        rect = table.visualRect(window.proxy.index(row, Column.TITLE))
        pos = QPointF(rect.center() + QPoint(0, 0))
        move = QDragMoveEvent(
            pos.toPoint(),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        table.dragMoveEvent(move)
        written.append(shoot(window, out, f"drop-target{suffix}.png"))
        table._clear_drop()
    for path in written:
        print(path)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
