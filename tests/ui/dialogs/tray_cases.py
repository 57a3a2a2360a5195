"""Shared checks for the tray controller: run offscreen (``test_tray.py``) and again against a
real tray host under Xvfb (``test_tray_host.py``, marker ``tray``)."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QApplication, QMainWindow

from desktop.sync.commands import Pause, Resume, SyncNow
from desktop.sync.events import Notice
from desktop.sync.views import (
    ActivityLogEntry,
    EngineState,
    EngineStatus,
    MatterSyncState,
)
from desktop.ui.tray import TrayController, attach_tray
from tests.ui import sample_data as sd
from tests.ui.dialogs.conftest import Recorder
from tests.ui.dialogs.factories import conflict, deletion_guard, new_matters_guard

STATES = (
    EngineState.IDLE,
    EngineState.SYNCING,
    EngineState.PAUSED,
    EngineState.OFFLINE,
    EngineState.ERROR,
    EngineState.CONFLICT,
)


def status(state: EngineState, **kw: object) -> EngineStatus:
    base: dict[str, object] = {"matters_total": 412, "matters_linked": 377}
    base.update(kw)
    return EngineStatus(state=state, **base)  # type: ignore[arg-type]


def check_one_icon_per_state(tray: TrayController) -> None:
    keys = set()
    for state in STATES:
        tray.on_status(status(state))
        assert tray.state == state
        keys.add(tray.icon.icon().cacheKey())
        assert not tray.icon.icon().isNull()
        # high-DPI: the icon has pixmaps for small and large sizes
        sizes = {s.width() for s in tray.icon.icon().availableSizes()}
        assert {16, 32, 64} <= sizes
    assert len(keys) == len(STATES)


def check_tooltip_counts(tray: TrayController) -> None:
    tray.on_status(status(EngineState.IDLE))
    assert tray.tooltip() == "Prolegis ⇄ Clio — in sync · 412 matters"
    tray.on_status(
        status(EngineState.SYNCING, uploading=12, downloading=3, pending=40, conflicts=2, errors=1)
    )
    tip = tray.tooltip()
    assert tip.startswith("Prolegis ⇄ Clio — Syncing · 412 matters")
    assert "12↑ 3↓" in tip and "40 pending" in tip
    assert "2 version conflicts" in tip and "1 error" in tip
    tray.on_status(status(EngineState.OFFLINE, message="Cannot reach Clio."))
    assert "Cannot reach Clio." in tray.tooltip()


def check_menu(tray: TrayController, submitted: Recorder) -> None:
    texts = [a.text().replace("&", "") for a in tray.menu.actions() if not a.isSeparator()]
    assert texts == [
        "Open Prolegis Desktop",
        "Sync now",
        "Pause syncing",
        "Recent activity",
        "Quit",
    ]
    tray.on_status(status(EngineState.IDLE))
    tray.sync_action.trigger()
    tray.pause_action.trigger()
    assert submitted.commands == [SyncNow(), Pause()]
    tray.on_status(status(EngineState.PAUSED))
    assert tray.pause_action.text().replace("&", "") == "Resume syncing"
    assert not tray.sync_action.isEnabled()
    tray.pause_action.trigger()
    assert submitted.commands[-1] == Resume()
    opened: list[bool] = []
    quits: list[bool] = []
    shown: list[int] = []
    tray.open_requested.connect(lambda: opened.append(True))
    tray.quit_requested.connect(lambda: quits.append(True))
    tray.activity_requested.connect(shown.append)
    tray.open_action.trigger()
    assert opened == [True]
    # recent activity: the newest first, at most 8, each opens the log at that entry
    assert [a.text() for a in tray.recent_menu.actions()] == ["Nothing yet"]
    history = sd.make_history(12)
    tray.on_history(history)
    actions = tray.recent_menu.actions()
    assert len(actions) == 8
    assert history[-1].message in actions[0].text()
    actions[0].trigger()
    assert shown == [history[-1].id]
    assert opened == [True, True]
    tray.quit_action.trigger()
    assert quits == [True]


def check_notifications(tray: TrayController) -> None:
    clicked: list[tuple[str, str]] = []
    tray.notification_clicked.connect(lambda k, m: clicked.append((k, m)))
    # the first update only records what is already there (no flood at start)
    tray.on_conflicts([conflict(1)])
    tray.on_guards([])
    tray.on_matters([])
    assert tray.messages == []
    tray.on_conflicts([conflict(1), conflict(2, "Deed.pdf")])
    assert tray.messages[-1][0] == "Version conflict"
    assert "Deed.pdf" in tray.messages[-1][1]
    tray.on_conflicts([conflict(1), conflict(2), conflict(3), conflict(4)])
    assert tray.messages[-1] == (
        "Version conflicts",
        "2 documents changed both here and in Clio. Choose which versions to keep.",
    )
    tray.icon.messageClicked.emit()
    assert clicked[-1] == ("conflicts", "")
    n = len(tray.messages)
    tray.on_conflicts([conflict(1), conflict(2), conflict(3), conflict(4)])  # nothing new
    assert len(tray.messages) == n
    tray.on_guards([deletion_guard("m-2024-0012", 63)])
    assert tray.messages[-1][0] == "Deletions paused"
    assert tray.messages[-1][1].startswith("63 documents disappeared")
    tray.icon.messageClicked.emit()
    assert clicked[-1] == ("guard", "m-2024-0012")
    tray.on_guards([deletion_guard("m-2024-0012", 63), new_matters_guard(7)])
    assert tray.messages[-1][0] == "New matters waiting"
    matter = dataclasses.replace(sd.feature_matter(), state=MatterSyncState.NEEDS_CLIENT)
    tray.on_matters([matter])
    assert tray.messages[-1][0] == "A new matter needs a linked client"
    assert matter.number in tray.messages[-1][1]
    tray.icon.messageClicked.emit()
    assert clicked[-1] == ("matching", matter.matter_id)
    tray.on_status(status(EngineState.ERROR, message="The Prolegis folder is gone."))
    assert tray.messages[-1] == ("Prolegis Desktop needs you", "The Prolegis folder is gone.")
    n = len(tray.messages)
    tray.on_status(status(EngineState.ERROR, message="The Prolegis folder is gone."))
    assert len(tray.messages) == n  # the same error is not repeated
    tray.on_notice(Notice(level="info", title="First sync done", message="412 matters checked."))
    assert tray.messages[-1] == ("First sync done", "412 matters checked.")
    tray.on_notice(Notice(level="info", title="First sync done", message="412 matters checked."))
    assert len(tray.messages) == n + 1  # the same notice within a minute: once


def check_attach(window: QMainWindow, submitted: Recorder) -> TrayController:
    tray = attach_tray(window, submitted, available=True, on_quit=lambda: None)
    assert tray is not None
    assert getattr(window, "close_to_tray", True) is True
    window.hide()
    tray.open_action.trigger()
    QApplication.processEvents()
    assert window.isVisible()
    return tray


def entry(i: int) -> ActivityLogEntry:
    return ActivityLogEntry(
        id=i,
        at="2026-11-20T19:02:00Z",
        kind="upload",
        result="ok",
        matter_id="m-2024-0012",
        matter_label="2024-0012",
        message=f"Letter {i}.docx sent",
    )
