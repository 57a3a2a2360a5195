"""The row above the matter list: "Show: All 500 · Needs attention 12 · Not synced 41" (quick
filters with their counts, Ctrl+1…3) and the "Details" button that opens the fly-out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QToolButton, QWidget

from desktop.ui import i18n, icons, labels
from desktop.ui.matter_filter import QuickFilter

SHORTCUTS = {
    QuickFilter.ALL: "Ctrl+1",
    QuickFilter.NEEDS_ATTENTION: "Ctrl+2",
    QuickFilter.NOT_SYNCED: "Ctrl+3",
}
"""The window shortcut of each quick filter (the main window owns the actions)."""


class QuickFilterBar(QWidget):
    """Signals: ``filterChosen(object)`` (a :class:`QuickFilter`), ``detailsClicked()``."""

    filterChosen = Signal(object)
    detailsClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(6)
        self.caption = QLabel(self)
        bar.addWidget(self.caption)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[QuickFilter, QToolButton] = {}
        self._counts = dict.fromkeys(SHORTCUTS, 0)
        for quick in SHORTCUTS:
            button = QToolButton(self)
            button.setObjectName(f"filter-{quick.value}")
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.clicked.connect(lambda _=False, q=quick: self.filterChosen.emit(q))
            self.group.addButton(button)
            self.buttons[quick] = button
            bar.addWidget(button)
        self.buttons[QuickFilter.ALL].setChecked(True)
        self.buttons[QuickFilter.NEEDS_ATTENTION].setIcon(icons.icon("warning"))
        self.buttons[QuickFilter.NOT_SYNCED].setIcon(icons.icon("matter-not_synced"))
        bar.addStretch(1)
        self.info_button = QToolButton(self)
        self.info_button.setObjectName("infoButton")
        self.info_button.setIcon(icons.icon("info"))
        self.info_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.info_button.setAutoRaise(True)
        self.info_button.setCheckable(True)
        self.info_button.clicked.connect(self.detailsClicked)
        bar.addWidget(self.info_button)
        self.retranslate()

    def set_counts(self, counts: dict[QuickFilter, int]) -> None:
        """The number of matters behind each quick filter."""
        self._counts = {q: counts.get(q, 0) for q in SHORTCUTS}
        self._show_counts()

    def _show_counts(self) -> None:
        texts = {
            QuickFilter.ALL: self.tr("All %1"),
            QuickFilter.NEEDS_ATTENTION: self.tr("Needs attention %1"),
            QuickFilter.NOT_SYNCED: self.tr("Not synced %1"),
        }
        for quick, button in self.buttons.items():
            text = texts[quick].replace("%1", labels.count_text(self._counts[quick]))
            button.setText(text)
            button.setAccessibleName(text)

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        self.caption.setText(self.tr("Show:"))
        for quick, button in self.buttons.items():
            keys = QKeySequence(SHORTCUTS[quick]).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(self.tr("Show these matters (%1)").replace("%1", keys))
        self._show_counts()
        self.info_button.setText(self.tr("Details"))
        self.info_button.setToolTip(self.tr("Show the selected matter's details (i)"))
        self.info_button.setAccessibleName(self.tr("Matter details"))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)
