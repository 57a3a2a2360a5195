"""The matter list's table model: one row per ``MatterView``, keyed by ``matter_id`` so a
``MattersChanged`` event updates its rows in O(1) each.

``data()`` never returns ``None`` for a role it handles (an empty string, a default brush or
alignment instead): PySide6 is pinned because of a crash when ``data()`` returns ``None`` very
often. Sorting and filtering live in :mod:`desktop.ui.matter_filter`, which reads the plain
Python lists this model keeps (search keys, views) instead of calling ``data()`` per row.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QGuiApplication, QIcon, QPalette

from desktop.sync.events import MattersChanged
from desktop.sync.views import MatterSyncState, MatterView
from desktop.ui import icons, labels, style

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NUMBER = 0
    TITLE = 1
    CLIENTS = 2
    CLIO = 3
    STATUS = 4
    LAST_SYNC = 5
    PENDING = 6


class Role(IntEnum):
    VIEW = Qt.ItemDataRole.UserRole + 1  # the MatterView
    MATTER_ID = Qt.ItemDataRole.UserRole + 2
    STATE = Qt.ItemDataRole.UserRole + 3  # MatterSyncState value (str)


N_COLUMNS = len(Column)
_STATUS_COL = int(Column.STATUS)
_PENDING_COL = int(Column.PENDING)
_CLIO_COL = int(Column.CLIO)
_LAST_SYNC_COL = int(Column.LAST_SYNC)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` for searching ("Côté" → "cote")."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def search_key(view: MatterView) -> str:
    """What the search box matches against: number, title, clients and the Clio number."""
    parts = [view.number, view.title, view.clio_display_number]
    parts.extend(chip.name for chip in view.clients)
    return fold(" \u0001 ".join(parts))


class MatterTableModel(QAbstractTableModel):
    """Rows of ``MatterView``. Feed it ``MattersChanged`` events with :meth:`apply`.

    Signals: ``countsChanged()`` after the number of matters per state changed.
    """

    countsChanged = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._views: list[MatterView] = []
        self._row_of: dict[str, int] = {}
        self._keys: list[str] = []
        self._counts: Counter[MatterSyncState] = Counter()
        self._now: datetime | None = None
        self._held: dict[str, int] = {}
        self._headers = self._header_texts()
        self._muted = QBrush(style.colour("muted"))
        # "2 min ago" ages: refresh the last-sync column once a minute.
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self._refresh_times)
        self._clock.start()

    def _header_texts(self) -> tuple[str, ...]:
        return (
            self.tr("No."),
            self.tr("Matter"),
            self.tr("Clients"),
            self.tr("Clio"),
            self.tr("Status"),
            self.tr("Last sync"),
            self.tr("Pending"),
        )

    def retranslate(self) -> None:
        """Show the headers and the status and time words in the new language."""
        self._headers = self._header_texts()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, N_COLUMNS - 1)
        if self._views:
            roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole]
            last = len(self._views) - 1
            for col in (Column.STATUS, Column.LAST_SYNC):
                self.dataChanged.emit(self.index(0, col), self.index(last, col), roles)

    # -- reading -------------------------------------------------------------------------------

    def views(self) -> Sequence[MatterView]:
        """Every row's view, in row order (read-only: do not mutate)."""
        return self._views

    def search_keys(self) -> Sequence[str]:
        """The folded search text of every row, in row order."""
        return self._keys

    def view_at(self, row: int) -> MatterView:
        return self._views[row]

    def row_of(self, matter_id: str) -> int:
        """The row of ``matter_id``, or -1."""
        return self._row_of.get(matter_id, -1)

    def view_of(self, matter_id: str) -> MatterView | None:
        row = self._row_of.get(matter_id)
        return None if row is None else self._views[row]

    def state_counts(self) -> Counter[MatterSyncState]:
        """How many matters are in each state."""
        return Counter(self._counts)

    # -- writing -------------------------------------------------------------------------------

    def apply(self, event: MattersChanged) -> None:
        """Apply one ``MattersChanged`` event (a full list, or changed and removed rows)."""
        if event.full:
            self.set_matters(event.matters)
            return
        if event.removed:
            self._remove(event.removed)
        self._upsert(event.matters)

    def set_matters(self, matters: Iterable[MatterView]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._views = list(matters)
        self._row_of = {v.matter_id: i for i, v in enumerate(self._views)}
        if len(self._row_of) != len(self._views):  # duplicates: keep the last of each id
            last = {v.matter_id: v for v in self._views}
            self._views = list(last.values())
            self._row_of = {v.matter_id: i for i, v in enumerate(self._views)}
        self._keys = [search_key(v) for v in self._views]
        self._counts = Counter(v.state for v in self._views)
        self.endResetModel()
        self.countsChanged.emit()

    def _upsert(self, matters: Iterable[MatterView]) -> None:
        changed: list[int] = []
        added: list[MatterView] = []
        counts_changed = False
        for view in matters:
            row = self._row_of.get(view.matter_id)
            if row is None:
                added.append(view)
                continue
            old = self._views[row]
            if old == view:
                continue
            if old.state != view.state:
                self._counts[old.state] -= 1
                self._counts[view.state] += 1
                counts_changed = True
            self._views[row] = view
            self._keys[row] = search_key(view)
            changed.append(row)
        for first, last in _ranges(sorted(changed)):
            self.dataChanged.emit(self.index(first, 0), self.index(last, N_COLUMNS - 1), [])
        if added:
            unique = list({v.matter_id: v for v in added}.values())
            start = len(self._views)
            self.beginInsertRows(QModelIndex(), start, start + len(unique) - 1)
            for offset, view in enumerate(unique):
                self._views.append(view)
                self._keys.append(search_key(view))
                self._row_of[view.matter_id] = start + offset
                self._counts[view.state] += 1
            self.endInsertRows()
            counts_changed = True
        if counts_changed:
            self.countsChanged.emit()

    def _remove(self, matter_ids: Iterable[str]) -> None:
        rows = sorted({self._row_of[m] for m in matter_ids if m in self._row_of}, reverse=True)
        if not rows:
            return
        for first, last in reversed(_ranges(sorted(rows))):
            self.beginRemoveRows(QModelIndex(), first, last)
            for view in self._views[first : last + 1]:
                self._counts[view.state] -= 1
            del self._views[first : last + 1]
            del self._keys[first : last + 1]
            self._row_of = {v.matter_id: i for i, v in enumerate(self._views)}
            self.endRemoveRows()
        self.countsChanged.emit()

    def set_held(self, held: dict[str, int]) -> None:
        """Deletions a guard holds, per matter id (the status tooltip says how many)."""
        self._held = dict(held)

    def set_now(self, now: datetime | None) -> None:
        """Fix "now" for the relative times (screenshots, tests); None follows the clock."""
        self._now = now
        self._refresh_times()

    def refresh_theme(self) -> None:
        """Re-read colours and icons after the palette switched between light and dark."""
        self._muted = QBrush(style.colour("muted"))
        if self._views:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._views) - 1, N_COLUMNS - 1), []
            )

    def _refresh_times(self) -> None:
        if self._views:
            col = Column.LAST_SYNC
            self.dataChanged.emit(
                self.index(0, col),
                self.index(len(self._views) - 1, col),
                [Qt.ItemDataRole.DisplayRole],
            )

    # -- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._views)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else N_COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            if role == Qt.ItemDataRole.DisplayRole:
                return self._headers[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _ALIGN_RIGHT if section == Column.PENDING else _ALIGN_LEFT
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, row: int, col: int, role: int) -> Any:
        """``data()`` for a row and column (the proxy calls this without building indexes)."""
        if row >= len(self._views):
            return None
        view = self._views[row]
        if role == _DISPLAY:
            return self._display(view, col)
        if role == _DECORATION:
            if col == _STATUS_COL:
                return icons.matter_state_icon(view.state)
            return _NO_ICON
        if role == _ALIGNMENT:
            return _ALIGN_RIGHT if col == _PENDING_COL else _ALIGN_LEFT
        if role == _FOREGROUND:
            muted = (col == _CLIO_COL and not view.linked) or col == _LAST_SYNC_COL
            return self._muted if muted else _text_brush()
        if role == _TOOLTIP:
            return self._tooltip(view, col)
        if role == _ACCESSIBLE:
            if col == _STATUS_COL:
                return labels.matter_state_text(view)
            return self._display(view, col)
        if role == Role.VIEW:
            return view
        if role == Role.MATTER_ID:
            return view.matter_id
        if role == Role.STATE:
            return view.state.value
        return None

    def _display(self, view: MatterView, col: int) -> str:
        if col == Column.NUMBER:
            return view.number
        if col == Column.TITLE:
            return view.title
        if col == Column.CLIENTS:
            return ", ".join(chip.name for chip in view.clients)
        if col == Column.CLIO:
            return view.clio_display_number or "—"
        if col == Column.STATUS:
            return labels.matter_state_text(view)
        if col == Column.LAST_SYNC:
            return labels.relative_time(view.last_sync, self._now) if view.last_sync else "—"
        if col == Column.PENDING:
            return str(view.pending) if view.pending else ""
        return ""

    def _tooltip(self, view: MatterView, col: int) -> str:
        if col == Column.STATUS:
            return labels.matter_state_detail(view, self._held.get(view.matter_id, 0))
        if col == Column.CLIENTS:
            lines = [
                chip.name
                + " — "
                + (self.tr("linked to Clio") if chip.contact_id else self.tr("not linked"))
                for chip in view.clients
            ]
            return "\n".join(lines) or self.tr("No clients")
        if col == Column.CLIO:
            return view.clio_display_number or self.tr("Not linked to a Clio matter")
        if col == Column.LAST_SYNC:
            return view.last_sync or self.tr("Never synced")
        return f"{view.number} {view.title}"


_NO_ICON = QIcon()


def _text_brush() -> QBrush:
    return QGuiApplication.palette().brush(QPalette.ColorRole.Text)


def _ranges(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Contiguous (first, last) runs of sorted ``rows``."""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and r == out[-1][1] + 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out
