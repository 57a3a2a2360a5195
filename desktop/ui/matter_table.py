"""The matter list view: a ``QTableView`` over the filter proxy, with the clients column drawn as
names with a Clio mark on each linked one, columns that give way by priority when the window is
narrow, keyboard access ("i"/Enter for the fly-out), and files dropped on a row pushed to that
matter (the row highlights and a hint says what will happen).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.sync.views import MatterView
from desktop.ui import i18n, icons
from desktop.ui.dnd import DropPlan, plan_drop
from desktop.ui.drop_hint import DropHint, paint_drop_frame
from desktop.ui.matter_filter import MatterFilterProxy
from desktop.ui.matter_model import Column, Role

Index = QModelIndex | QPersistentModelIndex

# Width of each column and the order in which columns give way when space runs out.
_WIDTHS = {
    Column.NUMBER: 92,
    Column.CLIENTS: 220,
    Column.CLIO: 160,
    Column.STATUS: 206,
    Column.LAST_SYNC: 126,
    Column.PENDING: 70,
}
_TITLE_MIN = 220
_GIVE_WAY = (Column.PENDING, Column.LAST_SYNC, Column.CLIO, Column.CLIENTS)


class ClientsDelegate(QStyledItemDelegate):
    """Draws "◉ Ada Lovelace, Prairie Holdings": a Clio mark before each linked client."""

    MARK = 12

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        view = index.data(Role.VIEW)
        if not isinstance(view, MatterView):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(opt.palette.color(role))
        painter.setFont(opt.font)
        fm = QFontMetrics(opt.font)
        rect = opt.rect.adjusted(6, 0, -6, 0)
        x = rect.left()
        right = rect.right()
        mark = icons.icon("clio")
        ellipsis = "…"
        for i, chip in enumerate(view.clients):
            mark_width = self.MARK + 4 if chip.contact_id is not None else 0
            if x + mark_width + fm.horizontalAdvance("M" + ellipsis) > right:
                if x + fm.horizontalAdvance(ellipsis) <= right:
                    painter.drawText(
                        QRect(x, rect.top(), right - x, rect.height()),
                        int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                        ellipsis,
                    )
                break
            if chip.contact_id is not None:
                top = rect.top() + (rect.height() - self.MARK) // 2
                mark.paint(painter, QRect(x, top, self.MARK, self.MARK))
                x += self.MARK + 4
            last = i == len(view.clients) - 1
            name = chip.name + ("" if last else ",")
            if not last:
                # no room after this name for the next one: end with "…" instead of ","
                nxt = view.clients[i + 1]
                room_next = (self.MARK + 4 if nxt.contact_id is not None else 0) + (
                    fm.horizontalAdvance(" M" + ellipsis)
                )
                if x + fm.horizontalAdvance(name) + room_next > right:
                    name = chip.name + " " + ellipsis
            avail = right - x
            shown = fm.elidedText(name, Qt.TextElideMode.ElideRight, max(0, avail))
            painter.drawText(
                QRect(x, rect.top(), max(0, avail), rect.height()),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                shown,
            )
            x += fm.horizontalAdvance(shown) + fm.horizontalAdvance(" ")
            if shown != name or name.endswith(ellipsis):
                break
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + self.MARK * 2, hint.height())


class MatterTable(QTableView):
    """The matter list. Signals: ``currentMatterChanged(str)`` (the selected matter id, "" when
    none), ``infoRequested()`` ("i" or Enter), ``pushRequested(object)`` (a ``PushFiles`` for
    files dropped on a row), ``dropRefused(str)`` (why a drop was refused)."""

    currentMatterChanged = Signal(str)
    infoRequested = Signal()
    pushRequested = Signal(object)
    dropRefused = Signal(str)

    def __init__(self, proxy: MatterFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matterTable")
        self.retranslate()
        self._proxy = proxy
        self.setModel(proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setIconSize(QSize(16, 16))
        self.setSortingEnabled(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        vh = self.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(max(26, self.fontMetrics().height() + 10))
        hh = self.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setSectionsMovable(False)
        hh.setStretchLastSection(False)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for col, width in _WIDTHS.items():
            hh.resizeSection(col, width)
        hh.setSortIndicator(proxy.sort_column(), proxy.sort_order())
        self.setItemDelegateForColumn(Column.CLIENTS, ClientsDelegate(self))
        self._hint = DropHint(self.viewport())
        self._drop_row = -1
        self._drop_plan: DropPlan | None = None
        self._current_id = ""
        self.selectionModel().currentRowChanged.connect(self._on_current_row)
        proxy.filterChanged.connect(self._restore_selection)
        proxy.layoutChanged.connect(self._restore_selection)
        proxy.modelReset.connect(self._restore_selection)

    def retranslate(self) -> None:
        """The list's name in the current language (the model retranslates its own words)."""
        self.setAccessibleName(self.tr("Matters"))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # -- selection ----------------------------------------------------------------------------

    def current_matter_id(self) -> str:
        return self._current_id

    def current_view(self) -> MatterView | None:
        row = self._proxy.row_of(self._current_id) if self._current_id else -1
        return self._proxy.view_at(row) if row >= 0 else None

    def select_matter(self, matter_id: str) -> bool:
        """Select and show ``matter_id``; False when it is not in the list as filtered."""
        row = self._proxy.row_of(matter_id)
        if row < 0:
            return False
        self.selectRow(row)
        self.setCurrentIndex(self._proxy.index(row, Column.NUMBER))
        self.scrollTo(self._proxy.index(row, 0), QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        matter_id = ""
        if current.isValid():
            matter_id = self._proxy.view_at(current.row()).matter_id
        if matter_id and matter_id != self._current_id:
            self._current_id = matter_id
            self.currentMatterChanged.emit(matter_id)

    def _restore_selection(self) -> None:
        if not self._current_id:
            return
        row = self._proxy.row_of(self._current_id)
        if row < 0:
            return
        selected = self.selectionModel().selectedRows()
        if not selected or selected[0].row() != row:
            self.selectionModel().blockSignals(True)
            self.selectRow(row)
            self.selectionModel().blockSignals(False)
            self.viewport().update()

    # -- keyboard -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        keys = (Qt.Key.Key_I, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if plain and key in keys and self.currentIndex().isValid():
            self.infoRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- columns ------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Hide the least important columns when the title would get too narrow."""
        available = self.viewport().width()
        shown = dict(_WIDTHS)
        for col in _GIVE_WAY:
            if sum(shown.values()) + _TITLE_MIN <= available:
                break
            del shown[col]
        for col in _WIDTHS:
            self.setColumnHidden(col, col not in shown)

    # -- drag and drop ------------------------------------------------------------------------

    def _plan_at(self, event: QDragMoveEvent | QDropEvent) -> tuple[int, DropPlan]:
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        view = self._proxy.view_at(index.row()) if index.isValid() else None
        return index.row() if index.isValid() else -1, plan_drop(event.mimeData(), view)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        # Accept the enter (so the leave and the moves come here); each move accepts or
        # refuses the drop on the row under the cursor.
        if event.mimeData().hasUrls():
            self._update_drop(event)
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not event.mimeData().hasUrls():
            event.ignore()
            return
        self._update_drop(event)

    def _update_drop(self, event: QDragMoveEvent) -> None:
        row, plan = self._plan_at(event)
        self._drop_row, self._drop_plan = row, plan
        if plan.accepted:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()
        rect = self._row_rect(row) if row >= 0 else None
        self._hint.show_message(plan.message, plan.accepted, rect)
        self.viewport().update()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        # Released (or left) over a refusing row: say why in the status bar.
        plan = self._drop_plan
        self._clear_drop()
        if plan is not None and not plan.accepted:
            self.dropRefused.emit(plan.message)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        row, plan = self._plan_at(event)
        self._clear_drop()
        if plan.accepted and plan.command is not None:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.pushRequested.emit(plan.command)
            if row >= 0:
                self.select_matter(plan.command.matter_id)
        else:
            event.ignore()
            self.dropRefused.emit(plan.message)

    def drop_hint(self) -> DropHint:
        return self._hint

    def _clear_drop(self) -> None:
        self._drop_row = -1
        self._drop_plan = None
        self._hint.hide()
        self.viewport().update()

    def _row_rect(self, row: int) -> QRect:
        first = self._proxy.index(row, 0)
        rect = self.visualRect(first)
        return QRect(0, rect.top(), self.viewport().width(), rect.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._drop_row >= 0 and self._drop_plan is not None:
            paint_drop_frame(
                self.viewport(), self._row_rect(self._drop_row), self._drop_plan.accepted
            )
