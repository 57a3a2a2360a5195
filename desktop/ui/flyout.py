"""The matter info fly-out on the right of the main window ("i" or a selection opens it, Esc
closes it): the matter's details, its clients and their Clio links, the Clio matter ("Open in
Clio"), the folder ("Open folder"), "Sync with Clio" for a pre-existing matter (link it to a
suggested Clio matter, or create one), Unlink, and the matter's documents below.

It sends ``LinkMatter``/``UnlinkMatter``/``SuggestMatters`` through signals and shows
``SuggestionsReady``; it never talks to the engine itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
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
from desktop.ui import i18n, icons, labels, style
from desktop.ui.documents_view import DocumentsPanel
from desktop.ui.elided_label import ElidedLabel
from desktop.ui.flyout_sync import CREATE, SyncWithClioBox

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
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(380)
        self._matter: MatterView | None = None
        self._suggested_for = ""
        self._suggestions: tuple[MatterSuggestion, ...] = ()
        self._held: dict[str, int] = {}

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
        self.retranslate()

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
        self.sync_box = SyncWithClioBox(host)
        self.sync_box.syncRequested.connect(self._sync_with_clio)
        self.sync_box.refilled.connect(self.fit_details)
        self.suggestion_list = self.sync_box.list
        self.sync_button = self.sync_box.button
        layout.addWidget(self.sync_box)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(style.SPACING * 2)
        form.setVerticalSpacing(6)
        self._form = form
        self.clients_host = QWidget(host)
        self.link_clients_button: QPushButton | None = None
        self.captions = [self._caption() for _ in range(5)]
        form.addRow(self.captions[0], self.clients_host)

        clio_row = QHBoxLayout()
        self.clio_number = QLabel(host)
        self.clio_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_clio = QPushButton(icons.icon("open-external"), "", host)
        self.open_clio.setObjectName("openInClio")
        self.open_clio.clicked.connect(self.open_in_clio)
        clio_row.addWidget(self.clio_number, 1)
        clio_row.addWidget(self.open_clio)
        form.addRow(self.captions[1], clio_row)

        folder_row = QHBoxLayout()
        self.folder = ElidedLabel(host)
        self.folder.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.open_folder_button = QPushButton(icons.icon("folder-open"), "", host)
        self.open_folder_button.setObjectName("openFolder")
        self.open_folder_button.clicked.connect(self.open_folder)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_folder_button)
        form.addRow(self.captions[2], folder_row)

        self.last_sync = QLabel(host)
        form.addRow(self.captions[3], self.last_sync)
        self.opened = QLabel(host)
        form.addRow(self.captions[4], self.opened)
        layout.addLayout(form)

        unlink_row = QHBoxLayout()
        self.unlink_button = QPushButton(icons.icon("unlink"), "", host)
        self.unlink_button.setObjectName("unlinkButton")
        self.unlink_button.setFlat(True)
        self.unlink_button.clicked.connect(self._ask_unlink)
        unlink_row.addWidget(self.unlink_button)
        unlink_row.addStretch(1)
        layout.addLayout(unlink_row)
        self.unlink_confirm = self._build_unlink_confirm(host)
        layout.addWidget(self.unlink_confirm)
        layout.addStretch(1)

    def _caption(self) -> QLabel:
        label = QLabel()
        label.setFont(style.small_font())
        pal = label.palette()
        pal.setColor(label.foregroundRole(), style.colour("muted"))
        label.setPalette(pal)
        return label

    def _build_unlink_confirm(self, host: QWidget) -> QFrame:
        box = QFrame(host)
        box.setObjectName("unlinkConfirm")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(box)
        self.unlink_question = QLabel(box)
        self.unlink_question.setWordWrap(True)
        layout.addWidget(self.unlink_question)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_unlink_button = QPushButton(box)
        self.cancel_unlink_button.clicked.connect(box.hide)
        self.confirm_unlink_button = QPushButton(icons.icon("unlink"), "", box)
        self.confirm_unlink_button.setObjectName("confirmUnlink")
        self.confirm_unlink_button.clicked.connect(self._unlink)
        row.addWidget(self.cancel_unlink_button)
        row.addWidget(self.confirm_unlink_button)
        layout.addLayout(row)
        box.hide()
        return box

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        self.setAccessibleName(self.tr("Matter details"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.setAccessibleName(self.tr("Close matter details"))
        for label, text in zip(
            self.captions,
            (
                self.tr("Clients"),
                self.tr("Clio"),
                self.tr("Folder"),
                self.tr("Last sync"),
                self.tr("Opened"),
            ),
            strict=True,
        ):
            label.setText(text)
        for button, text, name in (
            (self.open_clio, self.tr("Open in Clio"), self.tr("Open in Clio")),
            (self.open_folder_button, self.tr("Open folder"), self.tr("Open folder")),
            (self.unlink_button, self.tr("Unlink from Clio…"), self.tr("Unlink from Clio")),
            (self.confirm_unlink_button, self.tr("Unlink"), self.tr("Unlink")),
            (self.cancel_unlink_button, self.tr("Cancel"), self.tr("Cancel")),
        ):
            button.setText(text)
            button.setAccessibleName(name)
        # (setText resets a button's shortcut to its mnemonic: the shortcuts come after)
        self.open_clio.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.open_folder_button.setShortcut(QKeySequence("Ctrl+O"))
        self.unlink_question.setText(
            self.tr(
                "Stop syncing this matter with Clio? Nothing is deleted: the folder and the Clio "
                "matter both stay as they are."
            )
        )
        if self._matter is not None:
            self.set_matter(self._matter)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # -- showing a matter ---------------------------------------------------------------------

    def set_held_counts(self, held: dict[str, int]) -> None:
        """Deletions a guard holds, per matter id (the state line says how many)."""
        self._held = dict(held)
        if self._matter is not None:
            self.set_matter(self._matter)

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
        detail = labels.matter_state_detail(matter, self._held.get(matter.matter_id, 0))
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
        self.sync_box.fill(self._suggestions, loading=loading)

    def choose_suggestion(self, clio_matter_id: int | None) -> bool:
        """Select a suggestion (None: "Create a new Clio matter"); False when not listed."""
        return self.sync_box.choose(clio_matter_id)

    def _sync_with_clio(self, choice: int) -> None:
        if self._matter is None:
            return
        if choice == CREATE:
            command = LinkMatter(self._matter.matter_id, create=True)
        else:
            command = LinkMatter(self._matter.matter_id, clio_matter_id=choice)
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
