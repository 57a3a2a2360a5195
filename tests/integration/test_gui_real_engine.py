"""The main window over the real engine and the sandbox: what a user does, end to end.

A drop of outside files onto a matter row reaches Clio; "Sync with Clio" on a pre-existing
matter creates its Clio matter; its historical documents show "not in Clio" until pushed with
the documents view's button; status icons follow.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from desktop.sync.views import DocumentState, MatterSyncState
from desktop.ui.document_model import DocRole
from desktop.ui.engine_host import EngineHost
from desktop.ui.main_window import MainWindow
from desktop.ui.matter_model import Column
from tests.support.harness import SyncHarness
from tests.support.harness_fixtures import HarnessFactory

OLD = time.time() - 86_400 * 30


@pytest.fixture
def firm(sandbox, harness_factory: HarnessFactory) -> SyncHarness:  # type: ignore[no-untyped-def]
    h = harness_factory(sandbox, settings={"poll_interval": 10})
    b = h.builder
    b.add_client(id="c-1", first_name="Ada", last_name="Lovelace", emails=["ada@example.com"])
    b.add_client(id="c-2", first_name="Rita", last_name="Okafor")
    b.add_matter(id="m-old", number="2023-0001", title="Estate of R. Okafor", client_ids=["c-2"])
    for rel in ("Will.pdf", "Correspondence/Letter.docx"):
        b.add_document("m-old", rel, f"old {rel}".encode())
    b.write()
    for p in (h.root / b.manifest().matters_by_id["m-old"].folder).rglob("*"):
        os.utime(p, (OLD, OLD))
    h.sync_once()  # the baseline: m-old is pre-existing
    contact = h.admin.create_contact("Person", first_name="Ada", last_name="Lovelace")
    h.services.store.client_links.link("c-1", contact, "Ada Lovelace", "matched")
    rita = h.admin.create_contact("Person", first_name="Rita", last_name="Okafor")
    h.services.store.client_links.link("c-2", rita, "Rita Okafor", "matched")
    b.add_matter(id="m-new", number="2026-0001", title="Purchase of 1 Elm St", client_ids=["c-1"])
    b.write()
    return h


@pytest.fixture
def app_window(qtbot, firm: SyncHarness) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    host = EngineHost(firm.engine)
    window = MainWindow(host)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    host.start()
    window.show()
    yield window
    assert host.shutdown(15000)


def _state(window: MainWindow, matter_id: str) -> MatterSyncState | None:
    view = window.model.view_of(matter_id)
    return view.state if view else None


def _clio_documents(h: SyncHarness, clio_matter_id: int) -> set[str]:
    return {d.name or "" for d in h.clio.documents(matter_id=clio_matter_id)}


def test_drop_link_and_push_reach_clio(
    qtbot,
    firm: SyncHarness,
    app_window: MainWindow,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    window = app_window
    qtbot.waitUntil(lambda: _state(window, "m-new") is MatterSyncState.IN_SYNC, timeout=20000)
    assert _state(window, "m-old") is MatterSyncState.NOT_SYNCED
    clio_new = window.model.view_of("m-new").clio_matter_id  # type: ignore[union-attr]
    assert clio_new is not None

    # 1. Files dragged from the file manager onto the new matter's row.
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    dropped = [downloads / "Signed offer.pdf", downloads / "Deposit receipt.pdf"]
    for f in dropped:
        f.write_bytes(b"%PDF-1.4 " + f.name.encode())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in dropped])
    row = window.proxy.row_of("m-new")
    index = window.proxy.index(row, Column.TITLE)
    pos = window.table.visualRect(index).center()
    viewport = window.table.viewport()
    for cls in (QDragEnterEvent, QDragMoveEvent):
        QApplication.sendEvent(
            viewport,
            cls(
                pos,
                Qt.DropAction.CopyAction,
                mime,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            ),
        )
    drop = QDropEvent(
        pos.toPointF(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(
        lambda: {"Signed offer.pdf", "Deposit receipt.pdf"} <= _clio_documents(firm, clio_new),
        timeout=20000,
    )
    folder = firm.root / firm.builder.manifest().matters_by_id["m-new"].folder
    assert (folder / "Signed offer.pdf").read_bytes() == dropped[0].read_bytes()
    assert dropped[0].exists()  # copied, never moved

    # 2. "Sync with Clio" on the pre-existing matter, creating a Clio matter.
    assert window.select_matter("m-old")
    flyout = window.flyout
    qtbot.waitUntil(lambda: flyout.sync_box.isVisible(), timeout=5000)
    assert flyout.choose_suggestion(None)
    qtbot.mouseClick(flyout.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _state(window, "m-old") is MatterSyncState.IN_SYNC, timeout=20000)
    qtbot.waitUntil(lambda: window.model.view_of("m-old").historical == 2, timeout=20000)  # type: ignore[union-attr]
    view = window.model.view_of("m-old")
    assert view is not None and view.clio_matter_id is not None
    assert _clio_documents(firm, view.clio_matter_id) == set()  # historical: not moved

    # 3. The documents view shows them as historical; push one with the button.
    docs = flyout.documents
    qtbot.waitUntil(lambda: docs.model.index_of("Will.pdf").isValid(), timeout=10000)
    will = docs.model.index_of("Will.pdf").data(DocRole.DOCUMENT)
    assert will.state is DocumentState.HISTORICAL
    sel = docs.tree.selectionModel()
    sel.clearSelection()
    sel.select(
        docs.model.index_of("Will.pdf"),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.mouseClick(docs.push_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: _clio_documents(firm, view.clio_matter_id) == {"Will.pdf"}, timeout=20000
    )
    qtbot.waitUntil(lambda: window.model.view_of("m-old").historical == 1, timeout=10000)  # type: ignore[union-attr]
