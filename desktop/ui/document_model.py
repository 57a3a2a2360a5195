"""The documents of one matter as a tree (folders from each ``rel_path``), with per-file status
and live transfer progress from ``TransferProgress`` events.

Like the matter model, ``data()`` never returns ``None`` for a role it handles.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QGuiApplication, QIcon, QPalette

from desktop.sync.events import DocumentsChanged, TransferProgress
from desktop.sync.views import DocumentState, DocumentView
from desktop.ui import icons, labels, style

Index = QModelIndex | QPersistentModelIndex


class DocColumn(IntEnum):
    NAME = 0
    STATUS = 1
    SIZE = 2
    MODIFIED = 3


class DocRole(IntEnum):
    DOCUMENT = Qt.ItemDataRole.UserRole + 1  # the DocumentView (None for a folder)
    PROGRESS = Qt.ItemDataRole.UserRole + 2  # 0..1, or -1.0 when not transferring
    REL_PATH = Qt.ItemDataRole.UserRole + 3
    IS_FOLDER = Qt.ItemDataRole.UserRole + 4


_TRANSFERRING = (DocumentState.UPLOADING, DocumentState.DOWNLOADING)
_NO_ICON = QIcon()
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class _Node:
    __slots__ = ("children", "doc", "name", "parent", "progress", "rel_path", "row")

    def __init__(self, name: str, rel_path: str, parent: _Node | None, row: int) -> None:
        self.name = name
        self.rel_path = rel_path
        self.parent = parent
        self.row = row
        self.children: list[_Node] = []
        self.doc: DocumentView | None = None
        self.progress: float | None = None

    def folder_child(self, name: str) -> _Node:
        for child in self.children:
            if child.doc is None and child.name == name:
                return child
        rel = f"{self.rel_path}/{name}" if self.rel_path else name
        node = _Node(name, rel, self, len(self.children))
        self.children.append(node)
        return node


class DocumentTreeModel(QAbstractItemModel):
    """Folders first, then files, each sorted by name (case-insensitive)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = _Node("", "", None, 0)
        self._by_path: dict[str, _Node] = {}
        self._docs: tuple[DocumentView, ...] = ()
        self.matter_id = ""
        self._headers = self._header_texts()

    def _header_texts(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Status"), self.tr("Size"), self.tr("Modified"))

    def retranslate(self) -> None:
        """Show the headers and the status, size and date words in the new language."""
        self._headers = self._header_texts()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(DocColumn) - 1)
        self._changed_under(QModelIndex())

    def _changed_under(self, parent: QModelIndex) -> None:
        rows = self.rowCount(parent)
        if rows:
            last = self.index(rows - 1, len(DocColumn) - 1, parent)
            self.dataChanged.emit(self.index(0, 0, parent), last, [])
            for row in range(rows):
                child = self.index(row, 0, parent)
                if self.rowCount(child):
                    self._changed_under(child)

    # -- feeding ------------------------------------------------------------------------------

    def set_documents(self, matter_id: str, documents: Iterable[DocumentView]) -> None:
        """Replace the tree with ``documents`` of ``matter_id``."""
        self.beginResetModel()
        self.matter_id = matter_id
        self._docs = tuple(documents)
        self._root = _Node("", "", None, 0)
        self._by_path = {}
        for doc in sorted(self._docs, key=lambda d: d.rel_path.casefold()):
            parts = [p for p in doc.rel_path.split("/") if p]
            if not parts:
                continue
            node = self._root
            for part in parts[:-1]:
                node = node.folder_child(part)
            leaf = _Node(parts[-1], doc.rel_path, node, len(node.children))
            leaf.doc = doc
            leaf.progress = doc.progress
            node.children.append(leaf)
            self._by_path[doc.rel_path] = leaf
        _sort(self._root)
        self.endResetModel()

    def apply(self, event: DocumentsChanged) -> bool:
        """Apply ``DocumentsChanged`` if it is for the shown matter; True when applied."""
        if event.matter_id != self.matter_id:
            return False
        self.set_documents(event.matter_id, event.documents)
        return True

    def apply_progress(self, event: TransferProgress) -> bool:
        """Update one file's progress bar; True when the file is shown and transferring."""
        if event.matter_id != self.matter_id:
            return False
        node = self._by_path.get(event.rel_path)
        if node is None or node.doc is None or node.doc.state not in _TRANSFERRING:
            return False
        node.progress = (event.done / event.total) if event.total > 0 else 0.0
        index = self.createIndex(node.row, DocColumn.STATUS, node)
        self.dataChanged.emit(index, index, [])
        return True

    def clear(self) -> None:
        self.set_documents("", ())

    # -- reading ------------------------------------------------------------------------------

    def documents(self) -> tuple[DocumentView, ...]:
        return self._docs

    def index_of(self, rel_path: str, column: int = 0) -> QModelIndex:
        node = self._by_path.get(rel_path)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def documents_under(self, index: Index) -> list[DocumentView]:
        """The document at ``index``, or every document inside the folder at ``index``."""
        node = self._node(index)
        out: list[DocumentView] = []
        stack = [node]
        while stack:
            n = stack.pop()
            if n.doc is not None:
                out.append(n.doc)
            stack.extend(n.children)
        return out

    def folder_of(self, index: Index) -> str:
        """The folder (relative path) that ``index`` is or is in; "" for the matter folder."""
        if not index.isValid():
            return ""
        node = self._node(index)
        if node.doc is None:
            return node.rel_path
        return node.parent.rel_path if node.parent is not None else ""

    def _node(self, index: Index) -> _Node:
        if not index.isValid():
            return self._root
        node = index.internalPointer()
        assert isinstance(node, _Node)
        return node

    # -- QAbstractItemModel -------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if 0 <= row < len(node.children) and 0 <= column < len(DocColumn):
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        node = self._node(child).parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(DocColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(DocColumn):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT if section == DocColumn.SIZE else _LEFT
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        flags = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._node(index).doc is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._node(index)
        doc = node.doc
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, col)
        if role == Qt.ItemDataRole.DecorationRole:
            if col == DocColumn.NAME:
                return icons.icon("folder" if doc is None else "file")
            if col == DocColumn.STATUS and doc is not None:
                return icons.document_state_icon(doc.state)
            return _NO_ICON
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if col == DocColumn.SIZE else _LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in (DocColumn.SIZE, DocColumn.MODIFIED):
                return QBrush(style.colour("muted"))
            return QGuiApplication.palette().brush(QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.ToolTipRole:
            if doc is None:
                return node.rel_path
            parts = [doc.rel_path, labels.document_state_text(self._with_progress(node))]
            detail = labels.document_detail(doc)
            if detail:
                parts.append(detail)
            return "\n".join(parts)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(node, col)
        if role == DocRole.DOCUMENT:
            return doc
        if role == DocRole.PROGRESS:
            if doc is not None and doc.state in _TRANSFERRING:
                return float(node.progress or 0.0)
            return -1.0
        if role == DocRole.REL_PATH:
            return node.rel_path
        if role == DocRole.IS_FOLDER:
            return doc is None
        return None

    def _with_progress(self, node: _Node) -> DocumentView:
        doc = node.doc
        assert doc is not None
        if node.progress is None or node.progress == doc.progress:
            return doc
        return DocumentView(**{**doc.__dict__, "progress": node.progress})

    def _display(self, node: _Node, col: int) -> str:
        doc = node.doc
        if col == DocColumn.NAME:
            return node.name
        if doc is None:
            if col == DocColumn.STATUS:
                n = sum(1 for _ in _files(node))
                if n == 1:
                    return self.tr("1 file")
                return self.tr("%n files", "", n)
            return ""
        if col == DocColumn.STATUS:
            text = labels.document_state_text(self._with_progress(node))
            if doc.state == DocumentState.ERROR and doc.detail:
                text += " — " + doc.detail
            return text
        if col == DocColumn.SIZE:
            return labels.file_size(doc.size)
        if col == DocColumn.MODIFIED:
            return labels.relative_time(doc.modified) if doc.modified else "—"
        return ""


def _files(node: _Node) -> Iterable[_Node]:
    for child in node.children:
        if child.doc is not None:
            yield child
        else:
            yield from _files(child)


def _sort(node: _Node) -> None:
    node.children.sort(key=lambda n: (n.doc is not None, n.name.casefold()))
    for row, child in enumerate(node.children):
        child.row = row
        if child.doc is None:
            _sort(child)
