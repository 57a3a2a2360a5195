"""The documents view of a matter: the tree of files with their status (and progress while
transferring), "Push to Clio" for the selected historical documents, and drag and drop.

* Files dragged from the file manager onto the tree are copied into the matter folder (into the
  folder under the cursor) and pushed; the tree highlights and says what will happen.
* Historical documents dragged from the tree onto "Push to Clio" are pushed.

Everything ends in a ``PushFiles`` command emitted by ``pushRequested``; the engine copies.
"""

from __future__ import annotations

import os

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.commands import PushFiles
from desktop.sync.events import DocumentsChanged, TransferProgress
from desktop.sync.views import DocumentState, DocumentView, MatterView
from desktop.ui import i18n, icons, labels, style
from desktop.ui.dnd import DOCUMENTS_MIME, DropPlan, documents_mime, local_paths, plan_drop
from desktop.ui.document_model import DocColumn, DocRole, DocumentTreeModel
from desktop.ui.drop_hint import DropHint, paint_drop_frame
from desktop.ui.progress_delegate import StatusDelegate

Index = QModelIndex | QPersistentModelIndex
STATUS_WIDTH = 206  # the status column's width, or more when a language's words need it


class DocumentTree(QTreeView):
    """The tree. Accepts files from outside (copy and push) and drags historical files out."""

    dropPlanned = Signal(object)  # DropPlan, on drop
    dropRefused = Signal(str)  # why a drop was refused (after the drag left or was released)
    openRequested = Signal(object)  # DocumentView

    def __init__(self, model: DocumentTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentTree")
        self._model = model
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setIconSize(QSize(16, 16))
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setItemDelegateForColumn(DocColumn.STATUS, StatusDelegate(self))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(DocColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DocColumn.STATUS, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(DocColumn.STATUS, STATUS_WIDTH)
        header.resizeSection(DocColumn.SIZE, 70)
        header.resizeSection(DocColumn.MODIFIED, 90)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setColumnHidden(DocColumn.MODIFIED, True)
        self._matter: MatterView | None = None
        self._hint = DropHint(self.viewport())
        self._drop_rect: QRect | None = None
        self._drop_ok = False
        self.doubleClicked.connect(self._on_double_click)
        self.retranslate()

    def retranslate(self) -> None:
        """The tree's name in the current language (the model retranslates its own words);
        the status column as wide as the longest status word needs (with its progress bar)."""
        self.setAccessibleName(self.tr("Documents"))
        self._model.retranslate()
        fm = self.fontMetrics()
        longest = max(fm.horizontalAdvance(w) for w in labels.document_state_words())
        room = longest + self.iconSize().width() + StatusDelegate.BAR_WIDTH + 40
        self.header().resizeSection(DocColumn.STATUS, max(STATUS_WIDTH, room))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def set_matter(self, matter: MatterView | None) -> None:
        self._matter = matter

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # In a narrow panel the name needs the room more than the size and date do.
        width = self.viewport().width()
        self.setColumnHidden(DocColumn.SIZE, width < 520)
        self.setColumnHidden(DocColumn.MODIFIED, width < 720)

    def drop_hint(self) -> DropHint:
        return self._hint

    # -- drag out -----------------------------------------------------------------------------

    def startDrag(self, supported: Qt.DropAction) -> None:
        matter = self._matter
        if matter is None:
            return
        docs = self.selected_documents()
        paths = [os.path.join(matter.folder, d.rel_path) for d in docs if d.local]
        if not paths:
            return
        drag = QDrag(self)
        drag.setMimeData(documents_mime(matter.matter_id, paths))
        drag.setPixmap(icons.icon("file").pixmap(QSize(24, 24)))
        drag.exec(Qt.DropAction.CopyAction)

    def selected_documents(self) -> list[DocumentView]:
        seen: dict[str, DocumentView] = {}
        for index in self.selectionModel().selectedRows(0):
            for doc in self._model.documents_under(index):
                seen[doc.rel_path] = doc
        return list(seen.values())

    # -- drops --------------------------------------------------------------------------------

    def _plan(self, event: QDragMoveEvent | QDropEvent) -> DropPlan:
        index = self.indexAt(event.position().toPoint())
        subfolder = self._model.folder_of(index)
        return plan_drop(event.mimeData(), self._matter, target_subfolder=subfolder)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasFormat(DOCUMENTS_MIME):
            self._show_plan(event)
            event.acceptProposedAction()  # the moves accept or refuse
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._show_plan(event)

    def _show_plan(self, event: QDragMoveEvent) -> None:
        plan = self._plan(event)
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and self._model.folder_of(index):
            folder_index = index if index.data(DocRole.IS_FOLDER) else index.parent()
            rect = self.visualRect(folder_index)
            self._drop_rect = QRect(0, rect.top(), self.viewport().width(), rect.height())
        else:
            self._drop_rect = self.viewport().rect()
        self._drop_ok = plan.accepted
        if plan.accepted:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()
        self._hint.show_message(plan.message, plan.accepted, None)
        self.viewport().update()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        refused = self._drop_rect is not None and not self._drop_ok
        message = self._hint.text()
        self._clear_drop()
        if refused:
            self.dropRefused.emit(message)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        plan = self._plan(event)
        self._clear_drop()
        if plan.accepted:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()
        self.dropPlanned.emit(plan)

    def _clear_drop(self) -> None:
        self._drop_rect = None
        self._hint.hide()
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._drop_rect is not None:
            paint_drop_frame(self.viewport(), self._drop_rect, self._drop_ok)

    def _on_double_click(self, index: QModelIndex) -> None:
        doc = index.siblingAtColumn(0).data(DocRole.DOCUMENT)
        if isinstance(doc, DocumentView):
            self.openRequested.emit(doc)


class PushButton(QPushButton):
    """ "Push to Clio": pushes the selection; historical documents dropped on it are pushed."""

    pathsDropped = Signal(list)

    SHORTCUT = "Ctrl+U"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(icons.icon("push"), "", parent)
        self.setObjectName("pushButton")
        self.setAcceptDrops(True)
        self._drop_text = ""
        self.retranslate()

    def retranslate(self) -> None:
        """The button's words in the current language (its Ctrl+U shortcut kept)."""
        self.set_text(self.tr("Push to Clio"))
        self.setAccessibleName(self.tr("Push to Clio"))

    def set_text(self, text: str) -> None:
        """``setText`` that keeps the Ctrl+U shortcut (``setText`` resets it to a mnemonic)."""
        self.setText(text)
        self.setShortcut(QKeySequence(self.SHORTCUT))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            if self._drop_text:
                self._drop_text = ""
            self.retranslate()
        super().changeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        paths, foreign = local_paths(event.mimeData())
        if event.mimeData().hasFormat(DOCUMENTS_MIME) and paths and not foreign:
            event.acceptProposedAction()
            n = len(paths)
            self._drop_text = self.text()
            self.set_text(self.tr("Push 1 file") if n == 1 else self.tr("Push %n files", "", n))
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        if self._drop_text:
            self.set_text(self._drop_text)
            self._drop_text = ""
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        if self._drop_text:
            self.set_text(self._drop_text)
            self._drop_text = ""
        paths, foreign = local_paths(event.mimeData())
        if paths and not foreign and event.mimeData().hasFormat(DOCUMENTS_MIME):
            event.acceptProposedAction()
            self.pathsDropped.emit(paths)
        else:
            event.ignore()


class DocumentsPanel(QWidget):
    """The documents of the matter shown in the fly-out.

    Signals: ``pushRequested(object)`` — a ``PushFiles`` to submit; ``message(str)`` — a short
    notice for the status bar (a refused drop, nothing to push).
    """

    pushRequested = Signal(object)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsPanel")
        self.model = DocumentTreeModel(self)
        self._matter: MatterView | None = None
        self._loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        head = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setFont(style.heading_font())
        self.summary = QLabel(self)
        self.summary.setFont(style.small_font())
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.summary)
        layout.addLayout(head)
        self.tree = DocumentTree(self.model, self)
        layout.addWidget(self.tree, 1)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setFont(style.small_font())
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.hide()
        layout.addWidget(self.detail)
        foot = QHBoxLayout()
        self.push_button = PushButton(self)
        self.push_button.clicked.connect(self.push_selected)
        self.push_button.pathsDropped.connect(self._push_paths)
        foot.addWidget(self.push_button)
        self.drop_note = QLabel(self)
        self.drop_note.setFont(style.small_font())
        self.drop_note.setWordWrap(True)
        foot.addWidget(self.drop_note, 1)
        layout.addLayout(foot)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        self.tree.dropPlanned.connect(self._on_drop)
        self.tree.dropRefused.connect(self.message)
        self.tree.openRequested.connect(self._open_document)
        self.open_action = QAction(icons.icon("open-external"), "", self.tree)
        self.open_action.triggered.connect(self._open_current)
        self.push_action = QAction(icons.icon("push"), "", self.tree)
        self.push_action.triggered.connect(self.push_selected)
        self.tree.addActions([self.open_action, self.push_action])
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        self.title.setText(self.tr("Documents"))
        self.drop_note.setText(self.tr("Drop files here to copy them in and push them"))
        self.open_action.setText(self.tr("Open"))
        self.push_action.setText(self.tr("Push to Clio"))
        self._update_summary()
        self._selection_changed()

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # -- feeding ------------------------------------------------------------------------------

    def set_matter(self, matter: MatterView | None) -> None:
        """Show ``matter`` (its documents arrive with ``DocumentsChanged``)."""
        same = (
            matter is not None
            and self._matter is not None
            and (matter.matter_id == self._matter.matter_id)
        )
        self._matter = matter
        self.tree.set_matter(matter)
        if not same:
            self._loaded = False
            self.model.set_documents(matter.matter_id if matter else "", ())
            self.tree.expandAll()
        self._update_summary()

    def matter(self) -> MatterView | None:
        return self._matter

    def apply_documents(self, event: DocumentsChanged) -> None:
        if self.model.apply(event):
            self._loaded = True
            self.tree.expandAll()
            self._update_summary()
            self._selection_changed()

    def apply_progress(self, event: TransferProgress) -> None:
        self.model.apply_progress(event)

    # -- pushing ------------------------------------------------------------------------------

    def pushable_selection(self) -> list[DocumentView]:
        return [d for d in self.tree.selected_documents() if d.state == DocumentState.HISTORICAL]

    def push_selected(self) -> None:
        docs = self.pushable_selection()
        if self._matter is None or not docs:
            self.message.emit(self.tr("Select historical documents (not in Clio) to push."))
            return
        paths = [os.path.join(self._matter.folder, d.rel_path) for d in docs]
        self.pushRequested.emit(PushFiles(self._matter.matter_id, tuple(paths)))

    def _push_paths(self, paths: list[str]) -> None:
        if self._matter is None:
            return
        self.pushRequested.emit(PushFiles(self._matter.matter_id, tuple(paths)))

    def _on_drop(self, plan: DropPlan) -> None:
        if plan.accepted and plan.command is not None:
            self.pushRequested.emit(plan.command)
        else:
            self.message.emit(plan.message)

    # -- display ------------------------------------------------------------------------------

    def _selection_changed(self, *_args: object) -> None:
        docs = self.pushable_selection()
        linked = self._matter is not None and self._matter.linked
        # The button stays enabled: it is also a drop target, and a click without a
        # selection explains what to select.
        self.push_button.setProperty("ready", bool(docs) and linked)
        if docs:
            self.push_button.setToolTip(
                self.tr("Push the selected historical document to Clio (Ctrl+U)")
                if len(docs) == 1
                else self.tr(
                    "Push the %n selected historical documents to Clio (Ctrl+U)", "", len(docs)
                )
            )
        else:
            self.push_button.setToolTip(
                self.tr("Select historical documents (not in Clio) to push them (Ctrl+U)")
            )
        selected = self.tree.selected_documents()
        detail = labels.document_detail(selected[0]) if len(selected) == 1 else ""
        if detail:
            self.detail.setText(selected[0].rel_path + " — " + detail)
            self.detail.show()
        else:
            self.detail.hide()

    def _update_summary(self) -> None:
        docs = self.model.documents()
        if self._matter is None:
            self.summary.setText("")
            return
        if not self._loaded:
            self.summary.setText(self.tr("Loading…"))
            return
        historical = sum(1 for d in docs if d.state == DocumentState.HISTORICAL)
        text = self.tr("1 document") if len(docs) == 1 else self.tr("%n documents", "", len(docs))
        if historical:
            text += " · " + self.tr("%n not in Clio", "", historical)
        self.summary.setText(text)

    def _open_current(self) -> None:
        index = self.tree.currentIndex()
        doc = index.siblingAtColumn(0).data(DocRole.DOCUMENT) if index.isValid() else None
        if isinstance(doc, DocumentView):
            self._open_document(doc)

    def _open_document(self, doc: DocumentView) -> None:
        if self._matter is None or not doc.local:
            return
        QDesktopServices.openUrl(
            QUrl.fromLocalFile(os.path.join(self._matter.folder, doc.rel_path))
        )
