"""The matter info fly-out on the right of the main window ("i" or a selection opens it, Esc
closes it): the matter's details, its clients and their Clio links, the Clio matter ("Open in
Clio"), the folder ("Open folder"), "Sync with Clio" for a pre-existing matter (link it to a
suggested Clio matter, or create one), Unlink, and the matter's documents below.

It sends ``LinkMatter``/``UnlinkMatter``/``SuggestMatters`` through signals and shows
``SuggestionsReady``; it never talks to the engine itself.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.commands import LinkMatter, UnlinkMatter
from desktop.sync.events import SuggestionsReady
from desktop.sync.views import MatterSuggestion, MatterSyncState, MatterView
from desktop.ui import icons, labels, style
from desktop.ui.documents_view import DocumentsPanel
from desktop.ui.elided_label import ElidedLabel

_CREATE = -1
# States whose words say it all (the engine's detail would only repeat them).
_SELF_EXPLAINED = frozenset(
    {MatterSyncState.IN_SYNC, MatterSyncState.SYNCING, MatterSyncState.NOT_SYNCED}
)


class MatterFlyout(QFrame):
    """The right-hand panel. Signals: ``closeRequested``, ``linkRequested(object)``,
    ``unlinkRequested(object)``, ``suggestionsRequested(str)``, ``openMatchingRequested``,
    ``pushRequested(object)``, ``message(str)``."""

    closeRequested = Signal()
    linkRequested = Signal(object)
    unlinkRequested = Signal(object)
    suggestionsRequested = Signal(str)
    openMatchingRequested = Signal()
    pushRequested = Signal(object)
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matterFlyout")
        self.setAccessibleName(self.tr("Matter details"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(380)
        self._matter: MatterView | None = None
        self._suggested_for = ""
        self._suggestions: tuple[MatterSuggestion, ...] = ()

        outer = QVBoxLayout(self)
        outer.setContentsMargins(style.SPACING * 2, style.SPACING, style.SPACING, style.SPACING)
        outer.setSpacing(4)

        head = QHBoxLayout()
        self.number = QLabel(self)
        self.number.setObjectName("flyoutNumber")
        self.number.setFont(style.title_font())
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.number, 1)
        self.close_button = QToolButton(self)
        self.close_button.setIcon(icons.icon("close"))
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close matter details"))
        self.close_button.clicked.connect(self.closeRequested)
        head.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(head)
        self.title = QLabel(self)
        self.title.setObjectName("flyoutTitle")
        self.title.setWordWrap(True)
        self.title.setFont(style.heading_font())
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.title)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        outer.addWidget(self.splitter, 1)
        scroll = QScrollArea(self.splitter)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        details = QWidget(scroll)
        self._details_host = details
        scroll.setWidget(details)
        self._build_details(details)
        self.documents = DocumentsPanel(self.splitter)
        self.documents.pushRequested.connect(self.pushRequested)
        self.documents.message.connect(self.message)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.documents)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 400])

    def _build_details(self, host: QWidget) -> None:
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 4, style.SPACING, 4)
        layout.setSpacing(style.SPACING)

        status_row = QHBoxLayout()
        self.state_icon = QLabel(host)
        self.state_text = QLabel(host)
        self.state_text.setObjectName("flyoutState")
        self.state_text.setWordWrap(True)
        status_row.addWidget(self.state_icon, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.state_text, 1)
        layout.addLayout(status_row)
        # For a pre-existing matter, "Sync with Clio" is what the user came for: it goes first.
        self.sync_box = self._build_sync_box(host)
        layout.addWidget(self.sync_box)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(style.SPACING * 2)
        form.setVerticalSpacing(6)
        self._form = form
        self.clients_host = QWidget(host)
        self.link_clients_button: QPushButton | None = None
        form.addRow(self._caption(self.tr("Clients")), self.clients_host)

        clio_row = QHBoxLayout()
        self.clio_number = QLabel(host)
        self.clio_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_clio = QPushButton(icons.icon("open-external"), self.tr("Open in Clio"), host)
        self.open_clio.setObjectName("openInClio")
        self.open_clio.setAccessibleName(self.tr("Open in Clio"))
        self.open_clio.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.open_clio.clicked.connect(self.open_in_clio)
        clio_row.addWidget(self.clio_number, 1)
        clio_row.addWidget(self.open_clio)
        form.addRow(self._caption(self.tr("Clio")), clio_row)

        folder_row = QHBoxLayout()
        self.folder = ElidedLabel(host)
        self.folder.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.open_folder_button = QPushButton(
            icons.icon("folder-open"), self.tr("Open folder"), host
        )
        self.open_folder_button.setObjectName("openFolder")
        self.open_folder_button.setAccessibleName(self.tr("Open folder"))
        self.open_folder_button.setShortcut(QKeySequence("Ctrl+O"))
        self.open_folder_button.clicked.connect(self.open_folder)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_folder_button)
        form.addRow(self._caption(self.tr("Folder")), folder_row)

        self.last_sync = QLabel(host)
        form.addRow(self._caption(self.tr("Last sync")), self.last_sync)
        self.opened = QLabel(host)
        form.addRow(self._caption(self.tr("Opened")), self.opened)
        layout.addLayout(form)

        unlink_row = QHBoxLayout()
        self.unlink_button = QPushButton(icons.icon("unlink"), self.tr("Unlink from Clio…"), host)
        self.unlink_button.setObjectName("unlinkButton")
        self.unlink_button.setAccessibleName(self.tr("Unlink from Clio"))
        self.unlink_button.setFlat(True)
        self.unlink_button.clicked.connect(self._ask_unlink)
        unlink_row.addWidget(self.unlink_button)
        unlink_row.addStretch(1)
        layout.addLayout(unlink_row)
        self.unlink_confirm = self._build_unlink_confirm(host)
        layout.addWidget(self.unlink_confirm)
        layout.addStretch(1)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setFont(style.small_font())
        pal = label.palette()
        pal.setColor(label.foregroundRole(), style.colour("muted"))
        label.setPalette(pal)
        return label

    def _build_sync_box(self, host: QWidget) -> QFrame:
        box = QFrame(host)
        box.setObjectName("syncWithClioBox")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        layout.setSpacing(6)
        heading = QLabel(self.tr("Sync with Clio"), box)
        heading.setFont(style.heading_font())
        layout.addWidget(heading)
        intro = QLabel(
            self.tr(
                "This matter was already in Prolegis when Clio was connected. Link it to its "
                "Clio matter, or create one. Its documents stay here until you push them."
            ),
            box,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.suggestion_list = QListWidget(box)
        self.suggestion_list.setObjectName("suggestionList")
        self.suggestion_list.setAccessibleName(self.tr("Clio matters to link"))
        self.suggestion_list.setIconSize(QSize(16, 16))
        self.suggestion_list.setSpacing(1)
        self.suggestion_list.currentRowChanged.connect(self._suggestion_selected)
        layout.addWidget(self.suggestion_list)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.sync_button = QPushButton(icons.icon("link"), self.tr("Sync with Clio"), box)
        self.sync_button.setObjectName("syncWithClio")
        self.sync_button.setAccessibleName(self.tr("Sync with Clio"))
        self.sync_button.setDefault(True)
        self.sync_button.setEnabled(False)
        self.sync_button.clicked.connect(self._sync_with_clio)
        buttons.addWidget(self.sync_button)
        layout.addLayout(buttons)
        return box

    def _build_unlink_confirm(self, host: QWidget) -> QFrame:
        box = QFrame(host)
        box.setObjectName("unlinkConfirm")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        text = QLabel(
            self.tr(
                "Stop syncing this matter with Clio? Nothing is deleted: the folder and the Clio "
                "matter both stay as they are."
            ),
            box,
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = QPushButton(self.tr("Cancel"), box)
        cancel.clicked.connect(box.hide)
        self.confirm_unlink_button = QPushButton(icons.icon("unlink"), self.tr("Unlink"), box)
        self.confirm_unlink_button.setObjectName("confirmUnlink")
        self.confirm_unlink_button.clicked.connect(self._unlink)
        row.addWidget(cancel)
        row.addWidget(self.confirm_unlink_button)
        layout.addLayout(row)
        box.hide()
        return box

    # -- showing a matter ---------------------------------------------------------------------

    def matter(self) -> MatterView | None:
        return self._matter

    def set_matter(self, matter: MatterView | None) -> None:
        """Show ``matter`` (or nothing); asks for Clio suggestions for a pre-existing one."""
        changed = (matter.matter_id if matter else "") != (
            self._matter.matter_id if self._matter else ""
        )
        self._matter = matter
        self.documents.set_matter(matter)
        if changed:
            self.unlink_confirm.hide()
        if matter is None:
            self.number.setText("")
            self.title.setText("")
            return
        self.number.setText(matter.number)
        self.title.setText(matter.title)
        self.state_icon.setPixmap(icons.matter_state_icon(matter.state).pixmap(QSize(18, 18)))
        state = labels.matter_state_text(matter)
        detail = matter.state_detail
        if matter.state in _SELF_EXPLAINED or detail == state:
            detail = ""
        self.state_text.setText(state + (f" — {detail}" if detail else ""))
        self._fill_clients(matter)
        if matter.linked:
            self.clio_number.setText(matter.clio_display_number or str(matter.clio_matter_id))
        else:
            self.clio_number.setText(self.tr("Not linked"))
        self.open_clio.setVisible(bool(matter.clio_web_url))
        self.folder.setText(matter.folder)
        self.folder.setToolTip(matter.folder)
        self.last_sync.setText(
            labels.relative_time(matter.last_sync) if matter.last_sync else self.tr("Never")
        )
        self.opened.setText(matter.open_date or "—")
        not_synced = matter.state == MatterSyncState.NOT_SYNCED
        self.sync_box.setVisible(not_synced)
        self.unlink_button.setVisible(matter.linked)
        if not matter.linked:
            self.unlink_confirm.hide()
        if changed:
            self.fit_details()
        if not_synced and self._suggested_for != matter.matter_id:
            self._suggested_for = matter.matter_id
            self._suggestions = ()
            self._fill_suggestions(loading=True)
            self.suggestionsRequested.emit(matter.matter_id)

    def fit_details(self) -> None:
        """Give the details what they need (up to all but 150 px); the documents the rest."""
        layout = self._details_host.layout()
        assert layout is not None
        layout.activate()
        need = layout.sizeHint().height() + 4
        total = sum(self.splitter.sizes())
        if total <= 0:
            total = max(self.height() - 80, 400)
        top = max(120, min(need, total - 130))
        self.splitter.setSizes([top, total - top])

    def _fill_clients(self, matter: MatterView) -> None:
        fresh = QWidget(self.clients_host.parentWidget())
        box = QVBoxLayout(fresh)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(3)
        unlinked = False
        muted = style.hex_colour("muted")
        for chip in matter.clients:
            row = QHBoxLayout()
            row.setSpacing(6)
            mark = QLabel(fresh)
            name = QLabel(fresh)
            name.setWordWrap(True)
            name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if chip.contact_id is not None:
                mark.setPixmap(icons.icon("clio").pixmap(QSize(14, 14)))
                mark.setToolTip(self.tr("Linked to a Clio contact"))
                mark.setAccessibleName(self.tr("Linked to Clio"))
                name.setText(_escape(chip.name))
            else:
                mark.setPixmap(icons.icon("matter-not_synced").pixmap(QSize(14, 14)))
                mark.setToolTip(self.tr("Not linked to a Clio contact"))
                mark.setAccessibleName(self.tr("Not linked"))
                name.setText(
                    f'{_escape(chip.name)} <span style="color:{muted}">· '
                    + _escape(self.tr("not linked"))
                    + "</span>"
                )
                unlinked = True
            row.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(name, 1)
            box.addLayout(row)
        if not matter.clients:
            box.addWidget(QLabel(self.tr("No clients"), fresh))
        self.link_clients_button = None
        if unlinked:
            link = QPushButton(icons.icon("link"), self.tr("Link clients…"), fresh)
            link.setObjectName("linkClients")
            link.setAccessibleName(self.tr("Link clients"))
            link.clicked.connect(self.openMatchingRequested)
            row = QHBoxLayout()
            row.addWidget(link)
            row.addStretch(1)
            box.addLayout(row)
            self.link_clients_button = link
        old = self.clients_host
        self._form.replaceWidget(old, fresh)
        old.hide()
        old.deleteLater()
        self.clients_host = fresh

    # -- sync with Clio -----------------------------------------------------------------------

    def apply_suggestions(self, event: SuggestionsReady) -> None:
        if self._matter is None or event.matter_id != self._matter.matter_id:
            return
        self._suggestions = event.suggestions
        self._fill_suggestions(loading=False)

    def _fill_suggestions(self, *, loading: bool) -> None:
        lst = self.suggestion_list
        lst.clear()
        if loading:
            item = QListWidgetItem(self.tr("Looking for matching Clio matters…"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            lst.addItem(item)
        for s in self._suggestions:
            text = f"{s.display_number} — {s.description}\n" + self.tr("%1 · %2 % match").replace(
                "%1", s.client_name
            ).replace("%2", f"{s.score:.0f}")
            item = QListWidgetItem(icons.icon("clio"), text)
            item.setData(Qt.ItemDataRole.UserRole, s.clio_matter_id)
            reasons = ", ".join(s.reasons)
            item.setToolTip(
                self.tr("Client: %1\nMatch: %2 %\nWhy: %3")
                .replace("%1", s.client_name)
                .replace("%2", f"{s.score:.0f}")
                .replace("%3", reasons or "—")
            )
            lst.addItem(item)
        create = QListWidgetItem(icons.icon("add"), self.tr("Create a new Clio matter"))
        create.setData(Qt.ItemDataRole.UserRole, _CREATE)
        lst.addItem(create)
        if not loading:
            lst.setCurrentRow(0)
        self._suggestion_selected(lst.currentRow())
        rows = sum(max(lst.sizeHintForRow(i), 20) + 2 for i in range(lst.count()))
        lst.setFixedHeight(min(rows + 2 * lst.frameWidth() + 4, 220))
        self.fit_details()

    def _suggestion_selected(self, row: int) -> None:
        item = self.suggestion_list.item(row) if row >= 0 else None
        choice = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.sync_button.setEnabled(isinstance(choice, int))
        if choice == _CREATE:
            self.sync_button.setText(self.tr("Create and sync"))
        else:
            self.sync_button.setText(self.tr("Link and sync"))

    def choose_suggestion(self, clio_matter_id: int | None) -> bool:
        """Select a suggestion (None: "Create a new Clio matter"); False when not listed."""
        wanted = _CREATE if clio_matter_id is None else clio_matter_id
        for row in range(self.suggestion_list.count()):
            if self.suggestion_list.item(row).data(Qt.ItemDataRole.UserRole) == wanted:
                self.suggestion_list.setCurrentRow(row)
                return True
        return False

    def _sync_with_clio(self) -> None:
        item = self.suggestion_list.currentItem()
        if self._matter is None or item is None:
            return
        choice = item.data(Qt.ItemDataRole.UserRole)
        if choice == _CREATE:
            command = LinkMatter(self._matter.matter_id, create=True)
        else:
            command = LinkMatter(self._matter.matter_id, clio_matter_id=int(choice))
        self.sync_button.setEnabled(False)
        self.linkRequested.emit(command)

    # -- unlink, open -------------------------------------------------------------------------

    def _ask_unlink(self) -> None:
        self.unlink_confirm.show()
        self.confirm_unlink_button.setFocus()

    def _unlink(self) -> None:
        self.unlink_confirm.hide()
        if self._matter is not None:
            self.unlinkRequested.emit(UnlinkMatter(self._matter.matter_id))

    def open_in_clio(self) -> None:
        if self._matter is not None and self._matter.clio_web_url:
            QDesktopServices.openUrl(QUrl(self._matter.clio_web_url))

    def open_folder(self) -> None:
        if self._matter is not None and self._matter.folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._matter.folder))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.drawLine(0, 0, 0, self.height())
        painter.end()

    def refresh_theme(self) -> None:
        self.close_button.setIcon(icons.icon("close"))
        self.set_matter(self._matter)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
