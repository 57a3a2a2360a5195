"""Drag and drop and the documents view: real ``QDropEvent``s with file URLs onto a matter row
and onto the documents tree, refusals that say why, pushing historical documents (by
selection and by dropping them on "Push to Clio"), and progress bars from the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from desktop.sync.commands import PushFiles
from desktop.sync.events import DocumentsChanged, MattersChanged, StatusChanged, TransferProgress
from desktop.sync.views import DocumentState
from desktop.ui.dnd import documents_mime, plan_drop
from desktop.ui.document_model import DocColumn, DocRole
from desktop.ui.matter_model import Column
from tests.ui import sample_data as sd
from tests.ui.conftest import deliver


@pytest.fixture
def loaded(qtbot, window, host, engine, matters):  # type: ignore[no-untyped-def]
    deliver(
        qtbot, host, engine, StatusChanged(sd.status()), MattersChanged(tuple(matters), full=True)
    )
    return window


@pytest.fixture
def outside_files(tmp_path: Path) -> list[Path]:
    """Two files in a folder outside any matter, as if dragged from the file manager."""
    folder = tmp_path / "Downloads"
    folder.mkdir()
    files = [folder / "Signed APS.pdf", folder / "Lender instructions.pdf"]
    for f in files:
        f.write_bytes(b"%PDF-1.4\n")
    return files


def _mime(*urls: QUrl) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(list(urls))
    return mime


def _files_mime(paths: list[Path]) -> QMimeData:
    return _mime(*(QUrl.fromLocalFile(str(p)) for p in paths))


def _send_drag(target: QWidget, pos: QPoint, mime: QMimeData) -> QDragMoveEvent:
    enter = QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    move = QDragMoveEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, move)
    return move


def _send_drop(target: QWidget, pos: QPoint, mime: QMimeData) -> QDropEvent:
    drop = QDropEvent(
        pos.toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    return drop


def _row_pos(window, matter_id: str) -> QPoint:  # type: ignore[no-untyped-def]
    row = window.proxy.row_of(matter_id)
    index = window.proxy.index(row, Column.TITLE)
    window.table.scrollTo(index)
    return window.table.visualRect(index).center()


def test_dropping_files_on_a_matter_row_copies_and_pushes_them(
    qtbot,
    loaded,
    engine,
    outside_files,  # type: ignore[no-untyped-def]
) -> None:
    window = loaded
    viewport = window.table.viewport()
    pos = _row_pos(window, "m-2025-0107")
    move = _send_drag(viewport, pos, _files_mime(outside_files))
    assert move.isAccepted()
    hint = window.table.drop_hint()
    assert hint.isVisible() and hint.accepted()
    assert hint.text() == (
        "Copy 2 files into 2025-0107 Estate of Marguerite-Éléonore Tremblay-Okafor "
        "and push them to Clio"
    )
    drop = _send_drop(viewport, pos, _files_mime(outside_files))
    assert drop.isAccepted()
    assert not hint.isVisible()
    qtbot.waitUntil(lambda: bool(engine.commands(PushFiles)))
    assert engine.commands(PushFiles) == [
        PushFiles("m-2025-0107", tuple(str(p) for p in outside_files), "")
    ]
    assert window.table.current_matter_id() == "m-2025-0107"


def test_a_folder_is_refused_with_a_reason(qtbot, loaded, engine, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = loaded
    viewport = window.table.viewport()
    pos = _row_pos(window, "m-2025-0107")
    mime = _files_mime([tmp_path])
    move = _send_drag(viewport, pos, mime)
    assert not move.isAccepted()
    assert "Folders can't be dropped" in window.table.drop_hint().text()
    # released over a refusing row: Qt performs no drop and sends a leave instead
    QApplication.sendEvent(viewport, QDragLeaveEvent())
    assert not window.table.drop_hint().isVisible()
    assert "Folders can't be dropped" in window.statusBar().currentMessage()
    assert not engine.commands(PushFiles)


def test_links_that_are_not_local_files_are_refused(qtbot, loaded, engine) -> None:  # type: ignore[no-untyped-def]
    window = loaded
    viewport = window.table.viewport()
    pos = _row_pos(window, "m-2025-0107")
    mime = _mime(QUrl("https://example.com/deed.pdf"))
    assert not _send_drag(viewport, pos, mime).isAccepted()
    assert "Only files on this computer" in window.table.drop_hint().text()
    _send_drop(viewport, pos, mime)
    assert not engine.commands(PushFiles)


def test_a_matter_not_linked_to_clio_refuses_drops(qtbot, loaded, engine, outside_files) -> None:  # type: ignore[no-untyped-def]
    window = loaded
    viewport = window.table.viewport()
    pos = _row_pos(window, "m-2024-0302")
    assert not _send_drag(viewport, pos, _files_mime(outside_files)).isAccepted()
    assert "Sync with Clio" in window.table.drop_hint().text()
    _send_drop(viewport, pos, _files_mime(outside_files))
    assert not engine.commands(PushFiles)


def test_plan_for_files_already_in_the_matter_folder(tmp_path: Path) -> None:
    matter = sd.feature_matter()
    inside = [f"{matter.folder}/Old will (2011).pdf", f"{matter.folder}/Probate/x.docx"]
    outside = [str(tmp_path / "new.pdf")]
    plan = plan_drop(
        _mime(*(QUrl.fromLocalFile(p) for p in inside)), matter, is_dir=lambda _p: False
    )
    assert plan.accepted and plan.message == "Push 2 files to 2025-0107"
    assert plan.command == PushFiles(matter.matter_id, tuple(inside), "")
    mixed = plan_drop(
        _mime(*(QUrl.fromLocalFile(p) for p in inside + outside)),
        matter,
        target_subfolder="Probate",
        is_dir=lambda _p: False,
    )
    assert mixed.message == (
        "Copy 1 file into 2025-0107/Probate and push it; push 2 files already in the folder"
    )
    assert mixed.command is not None and mixed.command.target_subfolder == "Probate"
    assert mixed.to_copy == tuple(outside) and mixed.to_push == tuple(inside)


@pytest.fixture
def documents(qtbot, loaded, host, engine):  # type: ignore[no-untyped-def]
    """The fly-out open on the feature matter, its documents delivered."""
    window = loaded
    feature = sd.feature_matter()
    assert window.select_matter(feature.matter_id)
    deliver(qtbot, host, engine, DocumentsChanged(feature.matter_id, sd.make_documents(feature)))
    return window.flyout.documents


def test_the_documents_tree_shows_every_state_with_words(documents) -> None:  # type: ignore[no-untyped-def]
    model = documents.model
    feature = sd.feature_matter()
    for doc in sd.make_documents(feature):
        status = model.index_of(doc.rel_path, DocColumn.STATUS)
        assert status.isValid(), doc.rel_path
        assert status.data(), doc.rel_path  # never a bare colour
    error = model.index_of("Probate/Inventory of assets.xlsx", DocColumn.STATUS)
    assert "Clio refused the file name" in error.data()
    assert model.index_of("Old will (2011).pdf", DocColumn.STATUS).data() == (
        "Historical — not in Clio"
    )
    assert documents.summary.text() == "11 documents · 2 not in Clio"


def test_progress_follows_transfer_events(qtbot, documents, host, engine) -> None:  # type: ignore[no-untyped-def]
    model = documents.model
    index = model.index_of("Letter to lender.docx", DocColumn.STATUS)
    assert index.data(DocRole.PROGRESS) == pytest.approx(0.62)
    deliver(
        qtbot, host, engine, TransferProgress("m-2025-0107", "Letter to lender.docx", "up", 45, 50)
    )
    assert index.data(DocRole.PROGRESS) == pytest.approx(0.9)
    assert index.data() == "Uploading 90 %"
    # progress for a file that is not transferring is ignored
    deliver(qtbot, host, engine, TransferProgress("m-2025-0107", "Old will (2011).pdf", "up", 1, 2))
    old = model.index_of("Old will (2011).pdf", DocColumn.STATUS)
    assert old.data(DocRole.PROGRESS) == -1.0


def _select(tree, rel_paths: list[str]) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QItemSelectionModel

    sel = tree.selectionModel()
    sel.clearSelection()
    for rel in rel_paths:
        index = tree.model().index_of(rel)
        sel.select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )


def test_push_to_clio_pushes_the_selected_historical_documents(qtbot, documents, engine) -> None:  # type: ignore[no-untyped-def]
    folder = sd.feature_matter().folder
    _select(documents.tree, ["Statement of Adjustments.pdf"])  # in sync: nothing to push
    qtbot.mouseClick(documents.push_button, Qt.MouseButton.LeftButton)
    assert not engine.commands(PushFiles)
    assert documents.push_button.property("ready") is False
    _select(documents.tree, ["Old will (2011).pdf", "Statement of Adjustments.pdf"])
    assert documents.push_button.property("ready") is True  # one of them is historical
    qtbot.mouseClick(documents.push_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(engine.commands(PushFiles)))
    assert engine.commands(PushFiles) == [
        PushFiles("m-2025-0107", (f"{folder}/Old will (2011).pdf",))
    ]


def test_selecting_a_folder_pushes_its_historical_documents(qtbot, documents, engine) -> None:  # type: ignore[no-untyped-def]
    folder = sd.feature_matter().folder
    probate = documents.model.index_of("Probate/Affidavit of execution.pdf").parent()
    documents.tree.selectionModel().select(
        probate,
        documents.tree.selectionModel().SelectionFlag.ClearAndSelect
        | documents.tree.selectionModel().SelectionFlag.Rows,
    )
    qtbot.keyClick(documents.tree, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(engine.commands(PushFiles)))
    assert engine.commands(PushFiles)[-1].paths == (
        f"{folder}/Probate/Application for probate — draft.docx",
    )


def test_historical_documents_dropped_on_push_are_pushed(qtbot, documents, engine) -> None:  # type: ignore[no-untyped-def]
    folder = sd.feature_matter().folder
    paths = [f"{folder}/Old will (2011).pdf"]
    mime = documents_mime("m-2025-0107", paths)
    button = documents.push_button
    pos = button.rect().center()
    enter = QDragEnterEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(button, enter)
    assert enter.isAccepted()
    assert button.text() == "Push 1 file"  # the drop target says what will happen
    _send_drop(button, pos, mime)
    assert button.text() == "Push to Clio"
    qtbot.waitUntil(lambda: bool(engine.commands(PushFiles)))
    assert engine.commands(PushFiles) == [PushFiles("m-2025-0107", tuple(paths))]


def test_files_dropped_on_a_folder_of_the_tree_go_into_it(
    qtbot,
    documents,
    engine,
    outside_files,  # type: ignore[no-untyped-def]
) -> None:
    tree = documents.tree
    target = documents.model.index_of("Probate/Affidavit of execution.pdf")
    tree.scrollTo(target)
    pos = tree.visualRect(target).center()
    move = _send_drag(tree.viewport(), pos, _files_mime(outside_files))
    assert move.isAccepted()
    assert tree.drop_hint().text() == "Copy 2 files into 2025-0107/Probate and push them to Clio"
    _send_drop(tree.viewport(), pos, _files_mime(outside_files))
    qtbot.waitUntil(lambda: bool(engine.commands(PushFiles)))
    assert engine.commands(PushFiles) == [
        PushFiles("m-2025-0107", tuple(str(p) for p in outside_files), "Probate")
    ]


def test_the_reason_of_an_error_is_shown_on_selection(documents) -> None:  # type: ignore[no-untyped-def]
    _select(documents.tree, ["Probate/Inventory of assets.xlsx"])
    assert documents.detail.isVisible()
    assert "remove the “:”" in documents.detail.text()
    assert documents.model.documents()[0].state in set(DocumentState)
