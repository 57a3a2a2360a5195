"""The matching wizard's list of Prolegis clients: a two-column tree view (client, match) with
one row selected at a time, whose match column is as wide as its widest word — sized from the
band words, never fitted to the rows (fitting thousands of rows on every filter is slow)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTreeView, QWidget

from desktop.ui import i18n
from desktop.ui.wizards.matching.client_model import BANDS, band_text


class ClientListView(QTreeView):
    """The client list (see the module docstring)."""

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.fit_match_column()

    def fit_match_column(self) -> None:
        """Make the match column as wide as its widest word (a band or the header) and an icon."""
        words = [band_text(b) for b in BANDS]
        words.append(str(self.model().headerData(1, Qt.Orientation.Horizontal) or ""))
        icon = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        widest = max(self.fontMetrics().horizontalAdvance(w) for w in words)
        self.header().resizeSection(1, widest + icon + 16)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if i18n.is_language_change(event) or event.type() == QEvent.Type.FontChange:
            self.fit_match_column()
