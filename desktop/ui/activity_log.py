"""The activity log: a dockable panel listing uploads, downloads, creations, pushes and errors
with time, matter and result — newest first, filterable by result, matter and text. Selecting an
error shows what to do about it.

The engine's lines are shown in the user's language (:func:`labels.engine_text` over each
entry's template and parameters), the English text when a line has no template.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.views import ActivityLogEntry
from desktop.ui import i18n, icons, labels, style
from desktop.ui.matter_model import fold

Index = QModelIndex | QPersistentModelIndex
MAX_ENTRIES = 5000
RESULT_WIDTH = 100  # the result column's width, or more when a language's words need it


class LogColumn(IntEnum):
    TIME = 0
    RESULT = 1
    MATTER = 2
    MESSAGE = 3


ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
_RESULT_ICON = {"ok": "ok", "warning": "warning", "error": "error", "info": "info-notice"}
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


COALESCE_MS = 100  # entries of a burst arriving within this are inserted together


class ActivityModel(QAbstractTableModel):
    """Log entries, newest first, at most :data:`MAX_ENTRIES`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ActivityLogEntry] = []
        self._texts: list[tuple[str, str] | None] = []  # per row: (message, detail) as shown
        self._hay: list[str | None] = []  # per row: what the text filter searches
        self._headers: tuple[str, ...] = ()
        self._result_text: dict[str, str] = {}
        self._set_texts()

    def _set_texts(self) -> None:
        self._headers = (self.tr("Time"), self.tr("Result"), self.tr("Matter"), self.tr("What"))
        self._result_text = {
            "ok": self.tr("Done"),
            "warning": self.tr("Warning"),
            "error": self.tr("Error"),
            "info": self.tr("Info"),
        }

    def retranslate(self) -> None:
        """Show the headers, results, times and the engine's lines in the new language."""
        self._set_texts()
        self._texts = [None] * len(self._rows)
        self._hay = [None] * len(self._rows)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(LogColumn) - 1)
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, 0), self.index(last, LogColumn.MESSAGE), [])

    def add(self, entries: tuple[ActivityLogEntry, ...] | list[ActivityLogEntry]) -> None:
        """Add entries (oldest first, as ``HistoryAdded`` carries them) at the top."""
        new = [e for e in reversed(entries)]
        if not new:
            return
        self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
        self._rows[0:0] = new
        self._texts[0:0] = [None] * len(new)
        self._hay[0:0] = [None] * len(new)
        self.endInsertRows()
        if len(self._rows) > MAX_ENTRIES:
            self.beginRemoveRows(QModelIndex(), MAX_ENTRIES, len(self._rows) - 1)
            del self._rows[MAX_ENTRIES:]
            del self._texts[MAX_ENTRIES:]
            del self._hay[MAX_ENTRIES:]
            self.endRemoveRows()

    def entry(self, row: int) -> ActivityLogEntry:
        return self._rows[row]

    def shown(self, row: int) -> tuple[str, str]:
        """The message and detail of ``row`` as shown: in the current language when the engine
        gave their templates, else as written (kept until the language changes)."""
        texts = self._texts[row]
        if texts is None:
            texts = self._texts[row] = entry_texts(self._rows[row])
        return texts

    def search_text(self, row: int) -> str:
        """What the text filter searches in ``row`` (folded: case and accents ignored)."""
        hay = self._hay[row]
        if hay is None:
            e = self._rows[row]
            hay = self._hay[row] = fold(" ".join((*self.shown(row), e.matter_label, e.kind)))
        return hay

    def result_text(self, result: str) -> str:
        return self._result_text.get(result, result)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LogColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(LogColumn):
            return self._headers[section]
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        e = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if col == LogColumn.TIME:
                return labels.clock_time(e.at)
            if col == LogColumn.RESULT:
                return self.result_text(e.result)
            if col == LogColumn.MATTER:
                return e.matter_label or "—"
            return self.shown(index.row())[0]
        if role == Qt.ItemDataRole.DecorationRole:
            if col == LogColumn.RESULT:
                return icons.icon(_RESULT_ICON.get(e.result, "info-notice"))
            return QIcon()
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p for p in (e.at, *self.shown(index.row())) if p)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == LogColumn.TIME:
                return QBrush(style.colour("muted"))
            return QGuiApplication.palette().brush(QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _LEFT
        if role == ENTRY_ROLE:
            return e
        return None


class ActivityFilter(QSortFilterProxyModel):
    """Filters the log by result (``""`` = all), matter id (``""`` = all) and text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._result = ""
        self._matter = ""
        self._text = ""

    def set_result(self, result: str) -> None:
        self.beginFilterChange()
        self._result = result
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_matter(self, matter_id: str) -> None:
        self.beginFilterChange()
        self._matter = matter_id
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = fold(text).strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ActivityModel)
        e = model.entry(source_row)
        if self._result and e.result != self._result:
            return False
        if self._matter and e.matter_id != self._matter:
            return False
        if self._text:
            hay = model.search_text(source_row)
            return all(word in hay for word in self._text.split())
        return True


class ActivityDock(QDockWidget):
    """The dockable activity log. ``matterActivated(str)`` when an entry is double-clicked."""

    matterActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityDock")
        self.setAllowedAreas(
            Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.model = ActivityModel(self)
        self.proxy = ActivityFilter(self)
        self.proxy.setSourceModel(self.model)
        self._selected_matter = ""
        # A burst (a first sync uploads hundreds of documents, one line each) is shown in a few
        # inserts, not one per line: the first line at once, then what came in each 100 ms.
        self._waiting: list[ActivityLogEntry] = []
        self._cooldown = QTimer(self)
        self._cooldown.setSingleShot(True)
        self._cooldown.setInterval(COALESCE_MS)
        self._cooldown.timeout.connect(self._flush)

        host = QWidget(self)
        layout = QVBoxLayout(host)
        layout.setContentsMargins(style.SPACING, 4, style.SPACING, 4)
        layout.setSpacing(4)
        bar = QHBoxLayout()
        self.result_filter = QComboBox(host)
        self.result_filter.setObjectName("activityResult")
        for value in ("", "error", "warning", "ok"):
            self.result_filter.addItem("", value)
        self.result_filter.currentIndexChanged.connect(
            lambda _i: self.proxy.set_result(self.result_filter.currentData() or "")
        )
        bar.addWidget(self.result_filter)
        self.this_matter = QCheckBox(host)
        self.this_matter.setObjectName("activityThisMatter")
        self.this_matter.toggled.connect(self._apply_matter_filter)
        bar.addWidget(self.this_matter)
        bar.addStretch(1)
        self.search = QLineEdit(host)
        self.search.setObjectName("activitySearch")
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(280)
        self.search.textChanged.connect(self.proxy.set_text)
        bar.addWidget(self.search)
        layout.addLayout(bar)

        self.table = QTableView(host)
        self.table.setObjectName("activityTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(16, 16))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(max(24, self.fontMetrics().height() + 8))
        hh = self.table.horizontalHeader()
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setHighlightSections(False)
        hh.resizeSection(LogColumn.TIME, 130)
        hh.resizeSection(LogColumn.RESULT, RESULT_WIDTH)
        hh.resizeSection(LogColumn.MATTER, 330)
        hh.setSectionResizeMode(LogColumn.MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.table.doubleClicked.connect(self._activate)
        layout.addWidget(self.table, 1)
        self.detail = QLabel(host)
        self.detail.setObjectName("activityDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.hide()
        layout.addWidget(self.detail)
        self.setWidget(host)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``); the model too."""
        self.setWindowTitle(self.tr("Activity"))
        self.setAccessibleName(self.tr("Activity log"))
        self.result_filter.setAccessibleName(self.tr("Show results"))
        texts = (self.tr("All results"), self.tr("Errors"), self.tr("Warnings"), self.tr("Done"))
        for i, text in enumerate(texts):
            self.result_filter.setItemText(i, text)
        self.this_matter.setText(self.tr("Selected matter only"))
        self.search.setPlaceholderText(self.tr("Filter activity…"))
        self.search.setAccessibleName(self.tr("Filter activity"))
        self.table.setAccessibleName(self.tr("Activity"))
        self._retranslate_title_buttons()
        self.model.retranslate()
        fm = self.table.fontMetrics()
        words = [self.model.result_text(r) for r in _RESULT_ICON]
        room = max(fm.horizontalAdvance(w) for w in words) + self.table.iconSize().width() + 24
        self.table.horizontalHeader().resizeSection(LogColumn.RESULT, max(RESULT_WIDTH, room))
        self._show_detail(self.table.currentIndex(), QModelIndex())

    def _retranslate_title_buttons(self) -> None:
        # Qt names the title bar's buttons once, when the dock is made: name them again.
        for name, text, description in (
            (
                "qt_dockwidget_floatbutton",
                QCoreApplication.translate("QDockWidget", "Float"),
                QCoreApplication.translate(
                    "QDockWidget", "Undocks and re-attaches the dock widget"
                ),
            ),
            (
                "qt_dockwidget_closebutton",
                QCoreApplication.translate("QDockWidget", "Close"),
                QCoreApplication.translate("QDockWidget", "Closes the dock widget"),
            ),
        ):
            button = self.findChild(QAbstractButton, name)
            if button is not None:
                button.setAccessibleName(text)
                button.setAccessibleDescription(description)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def add_entries(self, entries: tuple[ActivityLogEntry, ...] | list[ActivityLogEntry]) -> None:
        """Show new entries (oldest first): at once, or with the others of a burst."""
        if self._cooldown.isActive():
            self._waiting.extend(entries)
            return
        self.model.add(entries)
        self._cooldown.start()

    def _flush(self) -> None:
        waiting, self._waiting = self._waiting, []
        if waiting:
            self.model.add(waiting)
            self._cooldown.start()

    def set_selected_matter(self, matter_id: str) -> None:
        """The matter selected in the main list (for "Selected matter only")."""
        self._selected_matter = matter_id
        self._apply_matter_filter()

    def _apply_matter_filter(self, *_args: object) -> None:
        self.proxy.set_matter(self._selected_matter if self.this_matter.isChecked() else "")

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(ENTRY_ROLE) if current.isValid() else None
        if isinstance(entry, ActivityLogEntry) and entry.detail:
            prefix = self.tr("What to do:") if entry.result == "error" else self.tr("Details:")
            self.detail.setText(f"<b>{prefix}</b> {_escape(entry_texts(entry)[1])}")
            self.detail.show()
        else:
            self.detail.hide()

    def _activate(self, index: QModelIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if isinstance(entry, ActivityLogEntry) and entry.matter_id:
            self.matterActivated.emit(entry.matter_id)


def entry_texts(entry: ActivityLogEntry) -> tuple[str, str]:
    """An activity log entry's message and detail in the current language (the engine's
    English where it gave no template)."""
    return (
        labels.engine_text(entry.template, entry.params, entry.message),
        labels.engine_text(entry.detail_template, entry.detail_params, entry.detail),
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
