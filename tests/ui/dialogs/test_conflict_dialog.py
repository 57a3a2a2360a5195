"""The version-conflict dialog, driven as a user would: one by one, all at once, later."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.sync.commands import ResolveAllConflicts, ResolveConflict
from desktop.ui.dialogs.conflict_dialog import ConflictDialog
from tests.ui.dialogs.conftest import Recorder, press, show_active
from tests.ui.dialogs.factories import conflict, three_conflicts


def _dialog(qtbot: QtBot, submitted: Recorder, conflicts=None, **kw) -> ConflictDialog:  # type: ignore[no-untyped-def]
    dlg = ConflictDialog(three_conflicts() if conflicts is None else conflicts, submitted, **kw)
    qtbot.addWidget(dlg)
    show_active(qtbot, dlg)
    return dlg


def test_shows_both_versions_side_by_side(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _dialog(qtbot, submitted)
    assert "changed in both places" in dlg.heading.text()
    assert dlg.heading.text().startswith("3 document")
    assert dlg.local_panel.name_label.text() == "Title search.pdf"
    assert dlg.local_panel.size_label.text().replace("kB", "KB") == "208 KB"
    assert "(newer)" in dlg.local_panel.modified_label.text()
    assert "(newer)" not in dlg.clio_panel.modified_label.text()
    assert dlg.local_panel.by_label.text() == "you"
    assert dlg.clio_panel.by_label.text() == "Jean-François Côté-Villeneuve"
    assert "2024-0012 Purchase of 12 Elm St" in dlg.document.text()
    assert dlg.for_all.text().replace("&", "") == "Do this for all 3"
    assert dlg.keep_both.isChecked()  # the safe default


def test_resolve_one_by_one_with_keyboard(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _dialog(qtbot, submitted)
    qtbot.mouseClick(dlg.keep_local, Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_Return)
    assert submitted.commands == [ResolveConflict(conflict_id=11, keep="local")]
    # the next one is shown, and the count went down
    assert "Statement of Adjustments" in dlg.document.text()
    assert dlg.heading.text().startswith("2 document")
    press(qtbot, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # "Keep &Clio's"
    qtbot.waitUntil(dlg.keep_clio.isChecked)
    qtbot.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    assert submitted.commands[-1] == ResolveConflict(conflict_id=12, keep="clio")
    assert not dlg.for_all.isVisible()  # one left: no "for all"
    qtbot.mouseClick(dlg.keep_both, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    assert submitted.commands[-1] == ResolveConflict(conflict_id=13, keep="both")
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert not dlg.isVisible()


def test_pick_another_conflict_in_the_list(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _dialog(qtbot, submitted)
    dlg.list.setFocus()
    qtbot.keyClick(dlg.list, Qt.Key.Key_Down)
    qtbot.keyClick(dlg.list, Qt.Key.Key_Down)
    assert "Letter to lender.docx" in dlg.document.text()
    qtbot.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    assert submitted.commands == [ResolveConflict(conflict_id=13, keep="both")]


def test_do_this_for_all(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _dialog(qtbot, submitted)
    qtbot.mouseClick(dlg.keep_clio, Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # "&Do this for all 3"
    qtbot.waitUntil(dlg.for_all.isChecked)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # "&Apply"
    qtbot.waitUntil(lambda: bool(submitted.commands))
    assert submitted.commands == [ResolveAllConflicts(keep="clio")]
    assert dlg.result() == QDialog.DialogCode.Accepted


def test_decide_later_sends_nothing(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _dialog(qtbot, submitted)
    press(qtbot, Qt.Key.Key_Escape)
    assert submitted.commands == []
    assert dlg.result() == QDialog.DialogCode.Rejected
    dlg2 = _dialog(qtbot, submitted)
    qtbot.mouseClick(dlg2.later_button, Qt.MouseButton.LeftButton)
    assert submitted.commands == []
    assert not dlg2.isVisible()


def test_default_policy_from_settings(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _dialog(qtbot, submitted, default_keep="keep_local")
    assert dlg.keep_local.isChecked()
    press(qtbot, Qt.Key.Key_Enter)
    assert submitted.commands == [ResolveConflict(conflict_id=11, keep="local")]


def test_engine_updates_list_and_closes_when_empty(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _dialog(qtbot, submitted)
    dlg.list.setCurrentRow(1)
    newer = [*three_conflicts(), conflict(14, "Deed.pdf")]
    dlg.on_conflicts(newer)
    assert dlg.list.count() == 4
    assert "Statement of Adjustments" in dlg.document.text()  # selection kept
    assert dlg.heading.text().startswith("4 document")
    qtbot.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)  # resolves 12
    # the engine has not processed it yet: it must not come back
    dlg.on_conflicts(newer)
    assert dlg.list.count() == 3
    dlg.on_conflicts([])
    assert not dlg.isVisible()


def test_open_each_version(qtbot: QtBot, submitted: Recorder, tmp_path: Path) -> None:
    mine = tmp_path / "Title search.pdf"
    mine.write_bytes(b"%PDF mine")
    theirs = tmp_path / "Title search (conflicted copy, J. Smith, 2026-11-20 1355).pdf"
    theirs.write_bytes(b"%PDF theirs")
    opened: list[str] = []

    def opener(path: str) -> bool:
        opened.append(path)
        return Path(path).exists()

    dlg = _dialog(
        qtbot,
        submitted,
        [conflict(1, local_path=str(mine), clio_path=str(theirs))],
        open_file=opener,
    )
    qtbot.mouseClick(dlg.local_panel.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dlg.clio_panel.open_button, Qt.MouseButton.LeftButton)
    assert opened == [str(mine), str(theirs)]
    theirs.unlink()
    qtbot.mouseClick(dlg.clio_panel.open_button, Qt.MouseButton.LeftButton)
    assert "cannot be opened" in dlg.explanation.text()
    assert submitted.commands == []


def test_open_disabled_without_a_file(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _dialog(qtbot, submitted, [conflict(1)])
    assert not dlg.local_panel.open_button.isEnabled()
    assert not dlg.list.isVisible()
