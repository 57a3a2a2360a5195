"""The main window: toolbar, banner, quick filters and the matter list on the left, the matter
fly-out (details and documents) on the right, the activity log docked below.

It renders the engine's events and turns the user's actions into commands; it never waits for
the engine. The dialogs, wizards and tray of the app connect to its ``open…Requested`` signals.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.commands import (
    Command,
    Pause,
    RequestDocuments,
    RequestSnapshot,
    Resume,
    SuggestMatters,
    SyncNow,
)
from desktop.sync.events import (
    CommandFailed,
    ConflictsChanged,
    DocumentsChanged,
    GuardsChanged,
    HistoryAdded,
    MattersChanged,
    StatusChanged,
    SuggestionsReady,
    TransferProgress,
)
from desktop.sync.views import (
    ActivityLogEntry,
    ConflictView,
    EngineStatus,
    GuardView,
    MatterSyncState,
    MatterView,
)
from desktop.ui import i18n, icons, labels, style
from desktop.ui.activity_log import ActivityDock
from desktop.ui.attention import banner_items
from desktop.ui.banner import Banner
from desktop.ui.engine_host import EngineHost
from desktop.ui.filter_bar import SHORTCUTS, QuickFilterBar
from desktop.ui.flyout import MatterFlyout
from desktop.ui.matter_filter import MatterFilterProxy, QuickFilter
from desktop.ui.matter_model import MatterTableModel
from desktop.ui.matter_table import MatterTable
from desktop.ui.toolbar import MainToolBar

FLYOUT_WIDTH = 470


class MainWindow(QMainWindow):
    """The main window over an :class:`EngineHost`.

    Signals for the app's dialogs: ``openMatchingRequested()``, ``openConflictsRequested()``,
    ``openSettingsRequested()``, ``openGuardRequested(object)`` (a ``GuardView``),
    ``openConnectRequested()`` (the connection wizard).
    """

    openMatchingRequested = Signal()
    openConflictsRequested = Signal()
    openSettingsRequested = Signal()
    openGuardRequested = Signal(object)
    openConnectRequested = Signal()

    def __init__(self, host: EngineHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setObjectName("mainWindow")
        self.setWindowIcon(icons.icon("app"))
        self.setMinimumSize(QSize(960, 600))
        self.close_to_tray = False
        self._status: EngineStatus | None = None
        self._conflicts: tuple[ConflictView, ...] = ()
        self._guards: tuple[GuardView, ...] = ()
        self._local_log_id = 0

        self.model = MatterTableModel(self)
        self.proxy = MatterFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.toolbar = MainToolBar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = Banner(central)
        outer.addWidget(self.banner)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)
        left = QWidget(self.splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(style.SPACING, style.SPACING, 0, 0)
        left_layout.setSpacing(6)
        self.filter_bar = self._build_filter_bar(left)
        left_layout.addWidget(self.filter_bar)
        self.table = MatterTable(self.proxy, left)
        left_layout.addWidget(self.table, 1)
        self.flyout = MatterFlyout(self.splitter)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.flyout)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.flyout.hide()
        self.setCentralWidget(central)

        self.activity = ActivityDock(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.activity)
        self.resizeDocks([self.activity], [170], Qt.Orientation.Vertical)
        self.toolbar.activity_action.setChecked(True)
        self.toolbar.activity_action.toggled.connect(self.activity.setVisible)
        self.activity.visibilityChanged.connect(self._sync_activity_action)
        self.shown_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.shown_label)
        self.statusBar().setSizeGripEnabled(False)

        self._connect()
        self._shortcuts()
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``); the models too."""
        self.setWindowTitle(self.tr("Prolegis ⇄ Clio"))
        self.model.retranslate()
        self._update_counts()
        self._update_banner()

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # -- construction -------------------------------------------------------------------------

    def _build_filter_bar(self, parent: QWidget) -> QuickFilterBar:
        bar = QuickFilterBar(parent)
        self.filter_group = bar.group
        self.filter_buttons = bar.buttons
        self.info_button = bar.info_button
        bar.filterChosen.connect(self.set_quick_filter)
        bar.detailsClicked.connect(self.toggle_flyout)
        for quick, shortcut in SHORTCUTS.items():
            # (a button's shortcut is reset by setText, so the shortcut is a window action)
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, q=quick: self.set_quick_filter(q))
            self.addAction(action)
        return bar

    def _connect(self) -> None:
        h = self.host
        h.statusChanged.connect(self._on_status)
        h.mattersChanged.connect(self._on_matters)
        h.documentsChanged.connect(self._on_documents)
        h.transferProgress.connect(self._on_progress)
        h.historyAdded.connect(self._on_history)
        h.conflictsChanged.connect(self._on_conflicts)
        h.guardsChanged.connect(self._on_guards)
        h.suggestionsReady.connect(self._on_suggestions)
        h.commandFailed.connect(self._on_command_failed)
        tb = self.toolbar
        tb.pauseRequested.connect(lambda: self.submit(Pause()))
        tb.resumeRequested.connect(lambda: self.submit(Resume()))
        tb.syncRequested.connect(lambda: self.submit(SyncNow()))
        tb.searchChanged.connect(self.proxy.set_search)
        tb.settingsRequested.connect(self.openSettingsRequested)
        tb.search.installEventFilter(self)
        self.banner.actionTriggered.connect(self._on_banner_action)
        self.proxy.filterChanged.connect(self._update_counts)
        self.proxy.countsChanged.connect(self._update_counts)
        self.proxy.modelReset.connect(self._update_counts)
        self.table.currentMatterChanged.connect(self._on_matter_selected)
        self.table.infoRequested.connect(self.toggle_flyout)
        self.table.pushRequested.connect(self.submit)
        self.table.dropRefused.connect(self.show_message)
        self.flyout.closeRequested.connect(self.close_flyout)
        self.flyout.linkRequested.connect(self.submit)
        self.flyout.unlinkRequested.connect(self.submit)
        self.flyout.pushRequested.connect(self.submit)
        self.flyout.suggestionsRequested.connect(lambda mid: self.submit(SuggestMatters(mid)))
        self.flyout.openMatchingRequested.connect(self.openMatchingRequested)
        self.flyout.message.connect(self.show_message)
        self.activity.matterActivated.connect(self.select_matter)
        style.theme_notifier().changed.connect(self._refresh_theme)

    def _shortcuts(self) -> None:
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)
        esc = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        esc.setContext(Qt.ShortcutContext.WindowShortcut)
        esc.activated.connect(self._escape)
        info = QAction(self)
        info.setShortcut(QKeySequence("Ctrl+I"))
        info.triggered.connect(self.toggle_flyout)
        self.addAction(info)

    # -- public slots -------------------------------------------------------------------------

    def submit(self, command: Command) -> None:
        """Send ``command`` to the engine (never waits)."""
        self.host.submit(command)

    def request_snapshot(self) -> None:
        self.submit(RequestSnapshot())

    def show_and_raise(self) -> None:
        """Bring the window to the front (a second launch, the tray's "Open")."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def select_matter(self, matter_id: str) -> bool:
        """Select ``matter_id`` (clearing the filters if they hide it) and show its details."""
        if self.proxy.row_of(matter_id) < 0 and self.model.row_of(matter_id) >= 0:
            self.toolbar.search.clear()
            self.set_quick_filter(QuickFilter.ALL)
        if not self.table.select_matter(matter_id):
            return False
        self.open_flyout()
        return True

    def set_quick_filter(self, quick: QuickFilter) -> None:
        self.filter_buttons[quick].setChecked(True)
        self.proxy.set_quick_filter(quick)

    def focus_search(self) -> None:
        self.toolbar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.toolbar.search.selectAll()

    def open_flyout(self) -> None:
        view = self.table.current_view()
        if view is None:
            return
        shown = self.flyout.matter()
        if shown is None or shown.matter_id != view.matter_id:
            self.flyout.set_matter(view)
            self.submit(RequestDocuments(view.matter_id))
        if not self.flyout.isVisible():
            self.flyout.show()
            total = sum(self.splitter.sizes()) or self.width()
            self.splitter.setSizes([max(400, total - FLYOUT_WIDTH), FLYOUT_WIDTH])
        self.info_button.setChecked(True)

    def close_flyout(self) -> None:
        self.flyout.hide()
        self.info_button.setChecked(False)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def toggle_flyout(self) -> None:
        if self.flyout.isVisible():
            self.close_flyout()
        else:
            self.open_flyout()

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # -- engine events ------------------------------------------------------------------------

    def _on_status(self, event: StatusChanged) -> None:
        self._status = event.status
        self.toolbar.set_status(event.status)
        self._update_banner()

    def _on_matters(self, event: MattersChanged) -> None:
        self.model.apply(event)
        shown = self.flyout.matter()
        if shown is not None:
            fresh = self.model.view_of(shown.matter_id)
            if fresh is None:  # the matter left the manifest
                self.close_flyout()
                self.flyout.set_matter(None)
            elif fresh != shown:
                self.flyout.set_matter(fresh)
                if _documents_may_differ(shown, fresh):
                    self.submit(RequestDocuments(fresh.matter_id))
        self._update_banner()

    def _on_documents(self, event: DocumentsChanged) -> None:
        self.flyout.documents.apply_documents(event)

    def _on_progress(self, event: TransferProgress) -> None:
        self.flyout.documents.apply_progress(event)

    def _on_history(self, event: HistoryAdded) -> None:
        self.activity.add_entries(event.entries)

    def _on_conflicts(self, event: ConflictsChanged) -> None:
        self._conflicts = event.conflicts
        self._update_banner()

    def _on_guards(self, event: GuardsChanged) -> None:
        self._guards = event.guards
        self.proxy.set_guarded({g.matter_id for g in event.guards if g.matter_id})
        held = {
            g.matter_id: len(g.items) for g in event.guards if g.matter_id and g.kind == "deletions"
        }
        self.model.set_held(held)
        self.flyout.set_held_counts(held)
        self._update_banner()

    def _on_suggestions(self, event: SuggestionsReady) -> None:
        self.flyout.apply_suggestions(event)

    def _on_command_failed(self, event: CommandFailed) -> None:
        self.show_message(labels.engine_text(event.template, event.params, event.message))
        self._local_log_id -= 1
        view = self.flyout.matter()
        self.activity.add_entries(
            [
                ActivityLogEntry(
                    id=self._local_log_id,
                    at=datetime.now(UTC).isoformat(),
                    kind="error",
                    result="error",
                    matter_id=view.matter_id if view else "",
                    matter_label=f"{view.number} {view.title}" if view else "",
                    message=self.tr("%1 could not be done").replace(
                        "%1", self._command_words(event.command)
                    ),
                    detail=event.message,
                    detail_template=event.template,
                    detail_params=event.params,
                )
            ]
        )

    # -- internals ----------------------------------------------------------------------------

    def _command_words(self, command: str) -> str:
        """What the user asked for, in their words (the event names the command class)."""
        words = {
            "SyncNow": self.tr("Sync now"),
            "Pause": self.tr("Pause"),
            "Resume": self.tr("Resume"),
            "PushFiles": self.tr("Push to Clio"),
            "LinkMatter": self.tr("Sync with Clio"),
            "UnlinkMatter": self.tr("Unlink"),
            "SuggestMatters": self.tr("Finding Clio matters"),
            "RequestDocuments": self.tr("Listing documents"),
            "LinkClient": self.tr("Link client"),
            "UnlinkClient": self.tr("Unlink client"),
            "ResolveConflict": self.tr("Resolving a version conflict"),
        }
        return words.get(command, command)

    def _on_matter_selected(self, matter_id: str) -> None:
        self.activity.set_selected_matter(matter_id)
        self.open_flyout()

    def _update_counts(self) -> None:
        self.filter_bar.set_counts(self.proxy.quick_counts())
        self.shown_label.setText(
            self.tr("Showing %1 of %2 matters")
            .replace("%1", labels.count_text(self.proxy.rowCount()))
            .replace("%2", labels.count_text(self.model.rowCount()))
        )

    def _update_banner(self) -> None:
        needs_client = self.model.state_counts().get(MatterSyncState.NEEDS_CLIENT, 0)
        self.banner.set_items(
            banner_items(
                self._status, self._conflicts, self._guards, needs_client, self._matter_number
            )
        )

    def _matter_number(self, matter_id: str) -> str:
        view = self.model.view_of(matter_id)
        return view.number if view is not None else matter_id

    def _on_banner_action(self, action: str, payload: object) -> None:
        if action == "matching":
            self.openMatchingRequested.emit()
        elif action == "conflicts":
            self.openConflictsRequested.emit()
        elif action == "guard":
            self.openGuardRequested.emit(payload)
        elif action == "connect":
            self.openConnectRequested.emit()
        elif action == "settings":
            self.openSettingsRequested.emit()

    def _escape(self) -> None:
        search = self.toolbar.search
        if search.hasFocus() and search.text():
            search.clear()
        elif self.flyout.isVisible():
            self.close_flyout()
        elif search.hasFocus():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _sync_activity_action(self, visible: bool) -> None:
        if not self.isVisible():
            return
        self.toolbar.activity_action.blockSignals(True)
        self.toolbar.activity_action.setChecked(visible)
        self.toolbar.activity_action.blockSignals(False)

    def _refresh_theme(self) -> None:
        self.model.refresh_theme()
        self.toolbar.refresh_icons()
        self.banner.refresh_theme()
        self.flyout.refresh_theme()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down or Enter in the search box moves to the list, on the first match.
        if watched is self.toolbar.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            keys = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if event.key() in keys and self.proxy.rowCount():
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if (
                    self.table.current_view() is None
                    or self.proxy.row_of(self.table.current_matter_id()) < 0
                ):
                    self.table.select_matter(self.proxy.view_at(0).matter_id)
                return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.close_to_tray:
            event.ignore()
            self.hide()
            return
        super().closeEvent(event)


def _documents_may_differ(old: MatterView, new: MatterView) -> bool:
    """The open matter's row changed in a way its document list may not have been sent for:
    it was linked or unlinked, or its counts moved without a DocumentsChanged."""
    return (old.clio_matter_id, old.documents, old.historical, old.conflicts, old.errors) != (
        new.clio_matter_id,
        new.documents,
        new.historical,
        new.conflicts,
        new.errors,
    )
