"""The safety-guard dialogs: many deletions (confirm or restore), many new matters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.sync.commands import (
    AllowDeletions,
    AllowNewMatters,
    DeferNewMatters,
    RestoreDeletions,
)
from desktop.ui.dialogs.guard_dialogs import DeletionGuardDialog, NewMattersGuardDialog
from tests.ui.dialogs.conftest import Recorder, answer_message_box, press, show_active
from tests.ui.dialogs.factories import deletion_guard, new_matters_guard

LABELS = {
    "m-2024-0012": "2024-0012 Purchase of 12 Elm St",
    "m-2025-0107": "2025-0107 Estate of R. Okafor",
}


def _deletions(qtbot: QtBot, submitted: Recorder, guards=None) -> DeletionGuardDialog:  # type: ignore[no-untyped-def]
    dlg = DeletionGuardDialog(
        guards or [deletion_guard()], submitted, matter_label=LABELS.__getitem__
    )
    qtbot.addWidget(dlg)
    show_active(qtbot, dlg)
    return dlg


def test_deletions_list_what_would_be_deleted(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _deletions(qtbot, submitted)
    assert dlg.heading.text().startswith("63 deletion")
    top = dlg.tree.topLevelItem(0)
    assert top is not None
    assert "2024-0012 Purchase of 12 Elm St" in top.text(0)
    assert top.childCount() == 63
    assert top.child(0).text(0).startswith("Correspondence/Letter 000 to")
    assert dlg.restore_button.text().replace("&", "").startswith("Restore 63")


def test_enter_is_the_safe_choice(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _deletions(qtbot, submitted)
    press(qtbot, Qt.Key.Key_Return)
    assert submitted.commands == []
    assert dlg.result() == QDialog.DialogCode.Rejected


def test_restore_brings_files_back(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _deletions(qtbot, submitted)
    qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    assert submitted.commands == [RestoreDeletions(matter_id="m-2024-0012")]
    assert dlg.result() == QDialog.DialogCode.Accepted


def test_confirm_deletions_asks_first(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _deletions(qtbot, submitted)
    seen: list[str] = []
    answer_message_box(qtbot, QMessageBox.StandardButton.Cancel, seen)
    qtbot.mouseClick(dlg.delete_button, Qt.MouseButton.LeftButton)
    assert submitted.commands == []
    assert "63" in seen[0]
    assert dlg.isVisible()
    answer_message_box(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dlg.delete_button, Qt.MouseButton.LeftButton)
    assert submitted.commands == [AllowDeletions(matter_id="m-2024-0012")]
    assert not dlg.isVisible()


def test_several_matters_each_its_own_choice(qtbot: QtBot, submitted: Recorder) -> None:
    guards = [deletion_guard("m-2024-0012", 63), deletion_guard("m-2025-0107", 12)]
    dlg = _deletions(qtbot, submitted, guards)
    assert dlg.heading.text().startswith("75 deletion")
    second = dlg.tree.topLevelItem(1)
    assert second is not None
    second.setCheckState(0, Qt.CheckState.Unchecked)  # the user unticks the estate
    assert dlg.restore_button.text().replace("&", "").startswith("Restore 63")
    qtbot.mouseClick(dlg.restore_button, Qt.MouseButton.LeftButton)
    assert submitted.commands == [RestoreDeletions(matter_id="m-2024-0012")]
    # the estate is still waiting, now alone and ticked
    assert dlg.isVisible()
    assert dlg.tree.topLevelItemCount() == 1
    assert dlg.checked_matters() == ["m-2025-0107"]
    answer_message_box(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dlg.delete_button, Qt.MouseButton.LeftButton)
    assert submitted.commands[-1] == AllowDeletions(matter_id="m-2025-0107")
    assert not dlg.isVisible()


def test_nothing_ticked_nothing_to_do(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _deletions(qtbot, submitted)
    top = dlg.tree.topLevelItem(0)
    assert top is not None
    top.setCheckState(0, Qt.CheckState.Unchecked)
    assert not dlg.restore_button.isEnabled()
    assert not dlg.delete_button.isEnabled()


def test_engine_update_closes_when_released(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _deletions(qtbot, submitted)
    dlg.on_guards([new_matters_guard()])  # no deletion guard any more (e.g. the CLI decided)
    assert not dlg.isVisible()
    assert submitted.commands == []


def _new_matters(qtbot: QtBot, submitted: Recorder) -> NewMattersGuardDialog:
    dlg = NewMattersGuardDialog(new_matters_guard(12), submitted)
    qtbot.addWidget(dlg)
    show_active(qtbot, dlg)
    return dlg


def test_new_matters_listed_and_created(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _new_matters(qtbot, submitted)
    assert dlg.list.count() == 12
    assert dlg.list.item(0).text().startswith("2026-0001 Purchase of 1 Rue Saint-Jean-Baptiste")
    assert dlg.create_button.text().replace("&", "").startswith("Create 12")
    press(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(submitted.commands))
    assert submitted.commands == [AllowNewMatters()]
    assert dlg.result() == QDialog.DialogCode.Accepted


def test_new_matters_not_now(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _new_matters(qtbot, submitted)
    press(qtbot, Qt.Key.Key_Return)  # the default is the safe "Not now"
    assert submitted.commands == [DeferNewMatters()]
    assert dlg.result() == QDialog.DialogCode.Rejected


def test_new_matters_escape_is_not_now_once(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _new_matters(qtbot, submitted)
    press(qtbot, Qt.Key.Key_Escape)
    dlg.close()
    assert submitted.commands == [DeferNewMatters()]


def test_new_matters_released_elsewhere_closes(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _new_matters(qtbot, submitted)
    dlg.on_guards([])
    assert not dlg.isVisible()
    assert submitted.commands == []
