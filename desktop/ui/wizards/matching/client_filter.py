"""The matching wizard's client list as shown: filtered by band group, search words and an
optional set of clients (those of one new matter).

A ``QSortFilterProxyModel`` calls a Python ``filterAcceptsRow`` once per client on every
change — at 5,000 clients that is tens of milliseconds per keystroke. This proxy filters in
bulk instead: one pass over the plain lists the model keeps (bands, ids, accent-folded search
texts), and a search that only extends the previous one re-checks just the rows already shown.
The view is told with one layout change, which keeps its current row and selection when the
client is still shown (persistent indexes are moved, not reset).

Search is case- and accent-insensitive ("cote" finds "Côté") over the client's name and
summary (email, phone, city); every word typed must appear. The filter "unlinked" is every band
but ``linked``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.ui.wizards.matching.client_model import FILTERS, ClientListModel, fold

Index = QModelIndex | QPersistentModelIndex

_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


class ClientFilterProxy(QAbstractProxyModel):
    """Filters a :class:`ClientListModel` by band group, search words and an optional client
    set, in bulk (see the module docstring); ``invalidate()`` filters again after the bands
    changed (a client was linked)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._src: ClientListModel | None = None
        self._filter = "unlinked"
        self._needle = ""
        self._words: tuple[str, ...] = ()
        self._only: frozenset[str] | None = None
        self._rows: list[int] = []  # source rows, in shown order
        self._pos: dict[int, int] = {}  # source row → shown row

    # ------------------------------------------------------------------ configuration

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        if not isinstance(model, ClientListModel):
            raise TypeError("ClientFilterProxy needs a ClientListModel")
        if self._src is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        self.beginResetModel()
        super().setSourceModel(model)
        self._src = model
        for signal, slot in self._connections():
            signal.connect(slot)
        self._set_rows(self._accepted(range(model.rowCount())))
        self.endResetModel()

    def _connections(self) -> list[tuple[Any, Any]]:
        assert self._src is not None
        s = self._src
        return [
            (s.modelAboutToBeReset, self.beginResetModel),
            (s.modelReset, self._source_reset),
            (s.dataChanged, self._source_data_changed),
            (s.headerDataChanged, self.headerDataChanged),
        ]

    @property
    def band_filter(self) -> str:
        return self._filter

    def set_band_filter(self, name: str) -> None:
        if name not in FILTERS:
            raise ValueError(f"unknown filter {name!r}")
        if name != self._filter:
            self._filter = name
            self._refilter()

    def set_search(self, text: str) -> bool:
        """Show only clients whose name or summary contain every word of ``text``; False when
        that is already the search."""
        needle = " ".join(fold(text).split())
        if needle == self._needle:
            return False
        narrowing = bool(self._needle) and needle.startswith(self._needle)
        self._needle = needle
        self._words = tuple(needle.split())
        self._refilter(narrowing=narrowing)
        return True

    def search(self) -> str:
        """The search as applied (folded)."""
        return self._needle

    def set_only(self, client_ids: Iterable[str] | None) -> None:
        self._only = frozenset(client_ids) if client_ids is not None else None
        self._refilter()

    @property
    def only(self) -> frozenset[str] | None:
        return self._only

    def invalidate(self) -> None:
        """Filter again (the bands changed)."""
        self._refilter()

    # ------------------------------------------------------------------ filtering

    def _accepted(self, rows: Iterable[int]) -> list[int]:
        """Those of ``rows`` that pass every filter, in order — list comprehensions over the
        model's plain lists, no Qt call per row."""
        m = self._src
        if m is None:
            return []
        out = list(rows)
        if self._only is not None:
            ids, only = m.client_ids(), self._only
            out = [r for r in out if ids[r] in only]
        bands = m.bands()
        if self._filter == "unlinked":
            out = [r for r in out if bands[r] != "linked"]
        elif self._filter != "all":
            wanted = self._filter
            out = [r for r in out if bands[r] == wanted]
        if self._words:
            texts = m.folded_texts()
            for word in self._words:
                out = [r for r in out if word in texts[r]]
        return out

    def _set_rows(self, rows: list[int]) -> None:
        self._rows = rows
        self._pos = {src: shown for shown, src in enumerate(rows)}

    def _refilter(self, *, narrowing: bool = False) -> None:
        if self._src is None:
            return
        candidates: Sequence[int] = self._rows if narrowing else range(self._src.rowCount())
        rows = self._accepted(candidates)
        if rows == self._rows:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [
            self._rows[i.row()] if 0 <= i.row() < len(self._rows) else -1 for i in persistent
        ]
        self._set_rows(rows)
        if persistent:
            moved = []
            for idx, src in zip(persistent, sources, strict=True):
                shown = self._pos.get(src, -1)
                moved.append(self.index(shown, idx.column()) if shown >= 0 else QModelIndex())
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # ------------------------------------------------------------------ source signals

    def _source_reset(self) -> None:
        assert self._src is not None
        self._set_rows(self._accepted(range(self._src.rowCount())))
        self.endResetModel()

    def _source_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: Any) -> None:
        shown = [self._pos[r] for r in range(top.row(), bottom.row() + 1) if r in self._pos]
        if shown:
            self.dataChanged.emit(
                self.index(min(shown), top.column()),
                self.index(max(shown), bottom.column()),
                list(roles or []),
            )

    # ------------------------------------------------------------------ Qt API

    def mapToSource(self, proxy: Index) -> QModelIndex:
        if self._src is None or not proxy.isValid() or not 0 <= proxy.row() < len(self._rows):
            return QModelIndex()
        return self._src.index(self._rows[proxy.row()], proxy.column())

    def mapFromSource(self, source: Index) -> QModelIndex:
        if self._src is None or not source.isValid():
            return QModelIndex()
        shown = self._pos.get(source.row(), -1)
        return self.index(shown, source.column()) if shown >= 0 else QModelIndex()

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not 0 <= row < len(self._rows) or not 0 <= column < 2:
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def sibling(self, row: int, column: int, index: Index) -> QModelIndex:
        return self.index(row, column)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if self._src is None or not 0 <= row < len(self._rows):
            return None
        return self._src.data(self._src.index(self._rows[row], index.column()), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self._src is None or orientation != Qt.Orientation.Horizontal:
            return None
        return self._src.headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Constant, so that laying out the view asks nothing per row (no mapping).
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
