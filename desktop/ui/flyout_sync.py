"""The fly-out's "Sync with Clio" box for a pre-existing matter: the Clio matters the engine
suggests (best first, with the client and how well they match), "Create a new Clio matter",
and the button that links or creates. It only shows choices; the fly-out sends the command.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.views import MatterSuggestion
from desktop.ui import i18n, icons, labels, style

CREATE = -1
"""The choice that creates a new Clio matter instead of linking a suggested one."""


class SyncWithClioBox(QFrame):
    """Signals: ``syncRequested(int)`` — a Clio matter id, or :data:`CREATE`; ``refilled()``
    after the list changed size (the fly-out gives the details their room again)."""

    syncRequested = Signal(int)
    refilled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncWithClioBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._suggestions: tuple[MatterSuggestion, ...] = ()
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        self.heading = QLabel(self)
        self.heading.setFont(style.heading_font())
        layout.addWidget(self.heading)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.list = QListWidget(self)
        self.list.setObjectName("suggestionList")
        self.list.setIconSize(QSize(16, 16))
        self.list.setSpacing(1)
        self.list.currentRowChanged.connect(self._selected)
        layout.addWidget(self.list)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.button = QPushButton(icons.icon("link"), "", self)
        self.button.setObjectName("syncWithClio")
        self.button.setDefault(True)
        self.button.setEnabled(False)
        self.button.clicked.connect(self._sync)
        buttons.addWidget(self.button)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        self.heading.setText(self.tr("Sync with Clio"))
        self.intro.setText(
            self.tr(
                "This matter was already in Prolegis when Clio was connected. Link it to its "
                "Clio matter, or create one. Its documents stay here until you push them."
            )
        )
        self.list.setAccessibleName(self.tr("Clio matters to link"))
        self.button.setAccessibleName(self.tr("Sync with Clio"))
        if self.list.count():
            self.fill(self._suggestions, loading=self._loading, keep_choice=True)
        else:
            self.button.setText(self.tr("Sync with Clio"))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def fill(
        self,
        suggestions: tuple[MatterSuggestion, ...],
        *,
        loading: bool,
        keep_choice: bool = False,
    ) -> None:
        """Show ``suggestions`` (or that they are being looked for) and "Create a new…"."""
        lst = self.list
        current = lst.currentItem()
        chosen = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self._suggestions = suggestions
        self._loading = loading
        lst.clear()
        if loading:
            item = QListWidgetItem(self.tr("Looking for matching Clio matters…"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            lst.addItem(item)
        for s in suggestions:
            score = f"{s.score:.0f}"
            text = f"{s.display_number} — {s.description}\n" + self.tr("%1 · %2 % match").replace(
                "%1", s.client_name
            ).replace("%2", score)
            item = QListWidgetItem(icons.icon("clio"), text)
            item.setData(Qt.ItemDataRole.UserRole, s.clio_matter_id)
            reasons = ", ".join(labels.suggestion_reason(r) for r in s.reasons)
            item.setToolTip(
                self.tr("Client: %1\nMatch: %2 %\nWhy: %3")
                .replace("%1", s.client_name)
                .replace("%2", score)
                .replace("%3", reasons or "—")
            )
            lst.addItem(item)
        create = QListWidgetItem(icons.icon("add"), self.tr("Create a new Clio matter"))
        create.setData(Qt.ItemDataRole.UserRole, CREATE)
        lst.addItem(create)
        if not loading:
            lst.setCurrentRow(0)
            if keep_choice and isinstance(chosen, int):
                self.choose(None if chosen == CREATE else chosen)
        self._selected(lst.currentRow())
        rows = sum(max(lst.sizeHintForRow(i), 20) + 2 for i in range(lst.count()))
        lst.setFixedHeight(min(rows + 2 * lst.frameWidth() + 4, 220))
        self.refilled.emit()

    def choose(self, clio_matter_id: int | None) -> bool:
        """Select a suggestion (None: "Create a new Clio matter"); False when not listed."""
        wanted = CREATE if clio_matter_id is None else clio_matter_id
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == wanted:
                self.list.setCurrentRow(row)
                return True
        return False

    def _selected(self, row: int) -> None:
        item = self.list.item(row) if row >= 0 else None
        choice = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.button.setEnabled(isinstance(choice, int))
        if choice == CREATE:
            self.button.setText(self.tr("Create and sync"))
        else:
            self.button.setText(self.tr("Link and sync"))

    def _sync(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        choice = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(choice, int):
            self.button.setEnabled(False)
            self.syncRequested.emit(choice)
