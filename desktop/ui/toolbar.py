"""The main window's toolbar: the overall sync state, Pause/Resume, Sync now, the matter search,
the activity log toggle and Settings.

It only shows state and emits intentions; the main window turns them into engine commands.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QSizePolicy, QToolBar, QToolButton, QWidget

from desktop.sync.views import EngineState, EngineStatus
from desktop.ui import i18n, icons, labels


class MainToolBar(QToolBar):
    """Toolbar. Signals: ``pauseRequested``, ``resumeRequested``, ``syncRequested``,
    ``searchChanged(str)``, ``settingsRequested``, ``statusClicked``."""

    pauseRequested = Signal()
    resumeRequested = Signal()
    syncRequested = Signal()
    searchChanged = Signal(str)
    settingsRequested = Signal()
    statusClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainToolBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setIconSize(QSize(18, 18))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self._paused = False
        self._status: EngineStatus | None = None

        self.status_button = QToolButton(self)
        self.status_button.setObjectName("engineStatus")
        self.status_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.status_button.setAutoRaise(True)
        self.status_button.setIconSize(QSize(18, 18))
        self.status_button.clicked.connect(self.statusClicked)
        self.status_button.setMinimumWidth(190)
        self.addWidget(self.status_button)
        self.addSeparator()

        self.pause_action = QAction(icons.icon("pause"), "", self)
        self.pause_action.setObjectName("pauseAction")
        self.pause_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.pause_action.triggered.connect(self._toggle_pause)
        self.addAction(self.pause_action)

        self.sync_action = QAction(icons.icon("sync"), "", self)
        self.sync_action.setObjectName("syncAction")
        self.sync_action.setShortcuts([QKeySequence("F5"), QKeySequence("Ctrl+R")])
        self.sync_action.triggered.connect(self.syncRequested)
        self.addAction(self.sync_action)

        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        spacer.setAccessibleName("")
        self.addWidget(spacer)

        self.search = QLineEdit(self)
        self.search.setObjectName("matterSearch")
        self.search.setClearButtonEnabled(True)
        self.search_glyph = self.search.addAction(
            icons.icon("search"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.search_glyph.triggered.connect(lambda: self.search.setFocus())
        self.search.setMinimumWidth(320)
        self.search.setMaximumWidth(420)
        self.search.textChanged.connect(self.searchChanged)
        self.addWidget(self.search)

        self.activity_action = QAction(icons.icon("activity"), "", self)
        self.activity_action.setObjectName("activityAction")
        self.activity_action.setCheckable(True)
        self.activity_action.setShortcut(QKeySequence("Ctrl+L"))
        self.addAction(self.activity_action)

        self.settings_action = QAction(icons.icon("settings"), "", self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.settingsRequested)
        self.addAction(self.settings_action)
        self._status = EngineStatus(state=EngineState.STARTING)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        self.setWindowTitle(self.tr("Toolbar"))
        self.status_button.setAccessibleName(self.tr("Sync status"))
        self.sync_action.setText(self.tr("Sync now"))
        self.sync_action.setToolTip(self.tr("Check Prolegis and Clio for changes now (F5)"))
        self.search.setPlaceholderText(self.tr("Search matters, clients, Clio numbers…"))
        self.search.setAccessibleName(self.tr("Search matters"))
        self.search_glyph.setText(self.tr("Search matters"))
        self.search_glyph.setToolTip(self.tr("Search matters (Ctrl+F)"))
        for button in self.search.findChildren(QToolButton):  # the glyph and the clear button
            button.setAccessibleName(
                button.defaultAction().text() if button.defaultAction() else self.tr("Clear search")
            )
        self.activity_action.setText(self.tr("Activity"))
        self.activity_action.setToolTip(self.tr("Show or hide the activity log (Ctrl+L)"))
        self.settings_action.setText(self.tr("Settings"))
        self.settings_action.setToolTip(self.tr("Settings"))
        for action in (self.sync_action, self.activity_action, self.settings_action):
            tool = self.widgetForAction(action)
            if tool is not None:
                tool.setAccessibleName(action.text().replace("&", ""))
        if self._status is not None:
            self.set_status(self._status)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    @property
    def paused(self) -> bool:
        return self._paused

    def status(self) -> EngineStatus | None:
        return self._status

    def set_status(self, status: EngineStatus) -> None:
        """Show the engine's overall state and adapt Pause/Resume and Sync now to it."""
        self._status = status
        self.status_button.setIcon(icons.engine_state_icon(status.state))
        text = labels.engine_state_text(status)
        self.status_button.setText(text)
        self.status_button.setAccessibleDescription(text)
        self.status_button.setToolTip(self._status_tooltip(status))
        self._paused = status.state == EngineState.PAUSED
        if self._paused:
            self.pause_action.setText(self.tr("Resume"))
            self.pause_action.setIcon(icons.icon("resume"))
            self.pause_action.setToolTip(self.tr("Resume syncing (Ctrl+Shift+P)"))
        else:
            self.pause_action.setText(self.tr("Pause"))
            self.pause_action.setIcon(icons.icon("pause"))
            self.pause_action.setToolTip(self.tr("Pause syncing (Ctrl+Shift+P)"))
        usable = status.state not in (EngineState.SIGNED_OUT, EngineState.STARTING)
        self.pause_action.setEnabled(usable)
        self.sync_action.setEnabled(usable and not self._paused)
        button = self.widgetForAction(self.pause_action)
        if button is not None:
            button.setAccessibleName(self.pause_action.text())

    def _status_tooltip(self, status: EngineStatus) -> str:
        lines = [labels.engine_state_name(status.state)]
        if status.message:
            lines.append(labels.status_message(status))
        if status.account is not None:
            lines.append(
                self.tr("Signed in as %1 (%2)")
                .replace("%1", status.account.name)
                .replace("%2", status.account.email)
            )
        if status.matters_total:
            lines.append(
                self.tr("%1 of %2 matters linked to Clio")
                .replace("%1", labels.count_text(status.matters_linked))
                .replace("%2", labels.count_text(status.matters_total))
            )
        if status.last_sync:
            lines.append(
                self.tr("Last sync: %1").replace("%1", labels.relative_time(status.last_sync))
            )
        return "\n".join(lines)

    def _toggle_pause(self) -> None:
        if self._paused:
            self.resumeRequested.emit()
        else:
            self.pauseRequested.emit()

    def refresh_icons(self) -> None:
        """Re-apply icons after the palette switched between light and dark."""
        self.sync_action.setIcon(icons.icon("sync"))
        self.activity_action.setIcon(icons.icon("activity"))
        self.settings_action.setIcon(icons.icon("settings"))
        if self._status is not None:
            self.set_status(self._status)
