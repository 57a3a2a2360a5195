"""Every screen of the app with realistic data, for the language tests: the main window (list,
banner, fly-out on a pre-existing matter, documents of a busy matter, the activity log with an
error selected, a drop hint, paused, signed out), every dialog, wizard page and settings tab
(the screenshot factories of ``tests.ui.dialogs.screens``), one new matter's clients in the
matching wizard, the tray menu, tooltip and notifications, the no-tray notice and the crash
dialog.

Each scene comes with the data it shows (names, titles, paths, the engine's own words), which
the walk takes out before it looks for words of the wrong language.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragMoveEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop.sync.events import DocumentsChanged, StatusChanged, SuggestionsReady, TransferProgress
from desktop.sync.views import (
    ActivityLogEntry,
    ConflictView,
    DocumentState,
    EngineState,
    EngineStatus,
    GuardView,
    VersionInfo,
)
from desktop.ui import labels
from desktop.ui.activity_log import ENTRY_ROLE
from desktop.ui.main_window import MainWindow
from desktop.ui.matter_model import Column
from tests.ui import sample_data as sd
from tests.ui.dialogs import factories, screens
from tests.ui.i18n.walk import Text, param_data, texts_of

# Fields of the read models that hold codes, not words people read (a code is never "data").
NOT_DATA = {"band", "kind", "result", "verdict", "field", "state", "status", "region", "reasons"}
HOSTS = ("ca.app.clio.com", "eu.app.clio.com", "au.app.clio.com", "app.clio.com")


def strings_of(*values: object) -> set[str]:
    """Every human-readable string inside read-model values (dataclasses, tuples, lists)."""
    out: set[str] = set()

    def visit(value: object) -> None:
        if isinstance(value, enum.Enum):
            return
        if isinstance(value, str):
            out.add(value)
            if "/" in value:  # a path: its folders and file name are shown on their own too
                out.update(part for part in value.split("/") if part)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                if f.name not in NOT_DATA:
                    visit(getattr(value, f.name))
        elif isinstance(value, dict):
            for v in value.values():
                visit(v)
        elif isinstance(value, Iterable):
            for v in value:
                visit(v)

    for v in values:
        visit(v)
    return out


@dataclass
class Shown:
    """A built scene: the windows to walk, extra texts (tooltips of non-widgets,
    notifications), the data it shows, and what to close afterwards."""

    widgets: list[QWidget]
    data: set[str]
    extra: Callable[[], list[Text]] = lambda: []
    # forget what was shown once and is gone (notifications): a new language cannot change it
    forget: Callable[[], None] = lambda: None

    def texts(self) -> list[Text]:
        out: list[Text] = []
        for w in self.widgets:
            out += texts_of(w)
        return out + self.extra()

    def close(self) -> None:
        for w in self.widgets:
            w.close()
            w.deleteLater()


def settle(rounds: int = 4) -> None:
    for _ in range(rounds):
        QApplication.processEvents()
        # widgets replaced by new ones (list rows) are deleted "later": now, so none is walked
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# ---------------------------------------------------------------- the main window


def history_data(entries: Iterable[ActivityLogEntry]) -> set[str]:
    """What activity log lines carry that is not the app's words: their parameters (names,
    paths) and matter labels — not their text, which the GUI says in its language."""
    return strings_of(
        [(param_data(e.params), param_data(e.detail_params), e.matter_label, e.matter_id)]
        for e in entries
    )


def _main_data() -> set[str]:
    feature, pre = sd.feature_matter(), sd.preexisting_matter()
    return (
        history_data(sd.make_history(60))
        | strings_of(
            feature,
            pre,
            sd.make_matters(498),
            sd.suggestions_for(pre),
            sd.historical_documents(pre),
            sd.make_documents(feature),
            sd.status(EngineState.SYNCING),
        )
        | {"a.pdf", "Probate/Affidavit of execution.pdf", "J. Smith", *HOSTS}
    )


def _window() -> tuple[MainWindow, object]:
    from tests.ui.screenshots import build

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window, engine = build(app)
    window.show()
    settle()
    return window, engine


def main_window() -> Shown:
    window, _engine = _window()
    return Shown([window], _main_data())


def flyout() -> Shown:
    window, engine = _window()
    pre = sd.preexisting_matter()
    window.select_matter(pre.matter_id)
    engine.emit(  # type: ignore[attr-defined]
        SuggestionsReady(pre.matter_id, sd.suggestions_for(pre)),
        DocumentsChanged(pre.matter_id, sd.historical_documents(pre)),
    )
    settle()
    return Shown([window], _main_data())


def documents() -> Shown:
    window, engine = _window()
    feature = sd.feature_matter()
    docs = sd.make_documents(feature)
    window.select_matter(feature.matter_id)
    engine.emit(DocumentsChanged(feature.matter_id, docs))  # type: ignore[attr-defined]
    engine.emit(  # type: ignore[attr-defined]
        TransferProgress(feature.matter_id, "Letter to lender.docx", "up", 31, 50)
    )
    settle()
    conflict = next(d for d in docs if d.state == DocumentState.CONFLICT)
    tree = window.flyout.documents.tree
    tree.setCurrentIndex(window.flyout.documents.model.index_of(conflict.rel_path))
    settle()
    return Shown([window], _main_data())


def activity_error() -> Shown:
    window, _engine = _window()
    proxy = window.activity.proxy
    for row in range(proxy.rowCount()):
        entry = proxy.index(row, 0).data(ENTRY_ROLE)
        if entry is not None and entry.result == "error":
            window.activity.table.selectRow(row)
            break
    settle()
    return Shown([window], _main_data())


def drop_hint() -> Shown:
    window, _engine = _window()
    table = window.table
    target = next(window.proxy.view_at(r) for r in range(4, 40) if window.proxy.view_at(r).linked)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(Path(__file__)))])
    row = window.proxy.row_of(target.matter_id)
    rect = table.visualRect(window.proxy.index(row, Column.TITLE))
    move = QDragMoveEvent(
        rect.center() + QPoint(0, 0),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    table.dragMoveEvent(move)
    settle()
    return Shown([window], _main_data() | {Path(__file__).name})


def _status_scene(status: EngineStatus, guards: tuple[GuardView, ...] = ()) -> Shown:
    from desktop.sync.events import GuardsChanged

    window, engine = _window()
    engine.emit(StatusChanged(status), GuardsChanged(guards))  # type: ignore[attr-defined]
    settle()
    return Shown([window], _main_data())


def paused() -> Shown:
    guards = (
        GuardView("new_matters", None, ("2026-0001 Purchase of 1 Elm St",), ""),
        GuardView("activity_removals", "m-2025-0009", ("1.5 h, 2025-03-02",), ""),
        GuardView("other", None, ("x",) * 2, ""),
    )
    return _status_scene(sd.status(EngineState.PAUSED), guards)


def signed_out() -> Shown:
    return _status_scene(EngineStatus(state=EngineState.SIGNED_OUT))


def offline() -> Shown:
    return _status_scene(sd.status(EngineState.OFFLINE))


MAIN = {
    "main-window": main_window,
    "flyout": flyout,
    "documents": documents,
    "activity-error": activity_error,
    "drop-hint": drop_hint,
    "paused": paused,
    "signed-out": signed_out,
    "offline": offline,
}


# ---------------------------------------------------------------- dialogs, wizards, settings


def _dialog_data() -> set[str]:
    return strings_of(
        factories.three_conflicts(),
        factories.deletion_guard("m-2024-0012", 63),
        factories.deletion_guard("m-2025-0107", 12),
        factories.new_matters_guard(12),
        factories.many_clients(240),
        screens.LABELS,
    ) | {
        screens.LONG_EMAIL,
        factories.LONG_PERSON,
        factories.LONG_COMPANY,
        "Cabinet Tremblay-Okafor — Prolegis",
        "mtremblay-okafor",
        *HOSTS,
    }


def dialog(name: str) -> Callable[[], Shown]:
    def make() -> Shown:
        factory, width, height = screens.SCREENS[name]
        widget = factory()
        widget.resize(width, height)
        widget.show()
        settle()
        return Shown([widget], _dialog_data())

    return make


def matching_one_matter() -> Shown:
    from desktop.sync.views import ClientChip
    from desktop.ui.wizards.matching import ContactMatchingDialog
    from tests.ui.dialogs.conftest import Recorder

    clients = factories.many_clients(12)
    matter = dataclasses.replace(
        sd.feature_matter(),
        clients=(ClientChip(clients[0].client_id, clients[0].name),),
    )
    dlg = ContactMatchingDialog(clients, Recorder())
    dlg.show_matter(matter)
    dlg.resize(1280, 800)
    dlg.show()
    settle()
    return Shown([dlg], _dialog_data() | strings_of(clients, matter))


# ---------------------------------------------------------------- tray, no tray, crash


def tray() -> Shown:
    from desktop.ui.tray import TrayController

    controller = TrayController(lambda _c: None)
    controller.on_status(sd.status(EngineState.SYNCING, uploading=3, downloading=1, pending=12))
    history = sd.make_history(5)
    controller.on_history(history)
    conflicts = factories.three_conflicts()
    guards = (factories.deletion_guard(), factories.new_matters_guard(3))
    matters = sd.make_matters(30)
    for _ in range(2):  # the first update of each kind is silent; the second notifies
        controller.on_conflicts(conflicts[:1] if _ == 0 else conflicts[:2])
        controller.on_guards(guards[:0] if _ == 0 else guards)
        controller.on_matters(matters[:0] if _ == 0 else matters)
    single = ConflictView(
        99,
        "m-x",
        "2024-0012 Purchase of 12 Elm St",
        "Title search.pdf",
        VersionInfo("Title search.pdf", 1, None, "you"),
        VersionInfo("Title search.pdf", 1, None, "you"),
        "",
    )
    controller.on_conflicts([*conflicts[:2], single])
    controller.on_status(EngineStatus(state=EngineState.ERROR))  # notifies: needs you
    controller.on_status(sd.status(EngineState.PAUSED, conflicts=2, errors=1, needs_attention=4))

    def extra() -> list[Text]:
        out = [Text("tray tooltip", controller.tooltip())]
        out += [Text("notification title", t) for t, _m in controller.messages]
        out += [Text("notification", m) for _t, m in controller.messages]
        return out

    return Shown(
        [controller.menu],
        history_data(history) | strings_of(conflicts, guards, matters, single) | _main_data(),
        extra,
        controller.messages.clear,
    )


def no_tray() -> Shown:
    from desktop.ui.tray import attach_tray

    window = QMainWindow()
    window.resize(900, 300)
    attach_tray(window, lambda _c: None, available=False)
    settle()
    return Shown([window], set())


def crash() -> Shown:
    from desktop.ui.crash import CrashDialog, build_report

    dialog = CrashDialog(
        build_report(None, None, None, Path("/tmp/logs"), text="boom"), Path("/tmp")
    )
    dialog.show()
    settle()
    return Shown([dialog], set())


def all_scenes() -> dict[str, Callable[[], Shown]]:
    scenes: dict[str, Callable[[], Shown]] = dict(MAIN)
    scenes.update({name: dialog(name) for name in screens.SCREENS})
    scenes["matching-one-matter"] = matching_one_matter
    scenes["tray"] = tray
    scenes["no-tray"] = no_tray
    scenes["crash"] = crash
    return scenes


def reset_clock() -> None:
    labels.freeze_now(None)
