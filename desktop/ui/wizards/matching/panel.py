"""The contact matching wizard: Prolegis clients on the left with their band, the selected
client's Clio candidates on the right; link, create a new contact, skip; "accept all confident
matches" with a count and a confirmation; search and band filters. Keyboard-driven: ↑/↓ move
between clients, → goes to the candidates (↑/↓ there, ← back), 1–9 pick a candidate, Enter links,
Ctrl+N creates a new contact, Ctrl+F searches.

The search follows the typing once it pauses (:data:`SEARCH_DELAY_MS`), or at once when ↓ or Enter
leaves the search box: a burst of keystrokes filters the list once, and the filter itself runs
in bulk (``client_filter``), so typing stays smooth at thousands of clients.

Self-contained: :class:`ContactMatchingPanel` takes the engine's ``ClientMatchView`` list and a
``submit`` callable (``LinkClient``, ``UnlinkClient``, ``AcceptConfidentMatches``,
``RefreshMatches``); :meth:`~ContactMatchingPanel.on_matches` takes ``MatchesReady.results`` and
:meth:`~ContactMatchingPanel.on_command_failed` a ``CommandFailed`` message.
:class:`~desktop.ui.wizards.matching.dialog.ContactMatchingDialog` is the panel in its own
window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.commands import (
    AcceptConfidentMatches,
    Command,
    LinkClient,
    RefreshMatches,
    UnlinkClient,
)
from desktop.sync.views import ClientMatchView
from desktop.ui import i18n, labels, style
from desktop.ui.dialogs.extra_icons import extra_icon
from desktop.ui.dialogs.formatting import number_text
from desktop.ui.wizards.matching.candidates import CandidatePanel
from desktop.ui.wizards.matching.client_filter import ClientFilterProxy
from desktop.ui.wizards.matching.client_model import CLIENT_ID_ROLE, FILTERS, ClientListModel
from desktop.ui.wizards.matching.client_view import ClientListView

Submit = Callable[[Command], None]

SEARCH_DELAY_MS = 150
"""The pause in typing after which the client list follows the search box."""


class ContactMatchingPanel(QWidget):
    """The side-by-side matching view (embeddable)."""

    finished = Signal()  # the user pressed Close

    def __init__(
        self,
        clients: Sequence[ClientMatchView],
        submit: Submit,
        *,
        confirm: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self._confirm = confirm
        self.model = ClientListModel(self)
        self.proxy = ClientFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self._build()
        self.on_matches(clients)
        self.set_filter("unlinked")

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.addAction(extra_icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.installEventFilter(self)
        top.addWidget(self.search, 2)
        self.show_label = QLabel()
        top.addWidget(self.show_label)
        self.filter_group = QButtonGroup(self)
        self.filter_buttons: dict[str, QPushButton] = {}
        for name in FILTERS:
            button = QPushButton()
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setProperty("filter", name)
            self.filter_group.addButton(button)
            self.filter_buttons[name] = button
            top.addWidget(button)
        self.filter_group.buttonClicked.connect(
            lambda b: self.set_filter(str(b.property("filter")))
        )
        layout.addLayout(top)

        self.only_bar = QWidget()
        only = QHBoxLayout(self.only_bar)
        only.setContentsMargins(0, 0, 0, 0)
        self.only_label = QLabel()
        self.only_label.setWordWrap(True)
        only.addWidget(self.only_label, 1)
        self._only_context = ""
        self._failed: tuple[str, str, tuple[tuple[str, str], ...]] = ("", "", ())
        self.show_all_button = QPushButton()
        self.show_all_button.setAutoDefault(False)
        self.show_all_button.clicked.connect(lambda: self.show_clients(None))
        only.addWidget(self.show_all_button)
        self.only_bar.hide()
        layout.addWidget(self.only_bar)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(
            f"background: {style.hex_colour('banner_bad_bg')}; padding: 6px; border-radius: 4px"
        )
        self.message.hide()
        layout.addWidget(self.message)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.clients_view = ClientListView(self.proxy)
        self.clients_view.selectionModel().currentRowChanged.connect(self._client_changed)
        self.clients_view.installEventFilter(self)
        split.addWidget(self.clients_view)
        self.candidates = CandidatePanel()
        self.candidates.link_requested.connect(self.link)
        self.candidates.unlink_requested.connect(self._unlink)
        self.candidates.list.installEventFilter(self)
        split.addWidget(self.candidates)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([440, 660])
        layout.addWidget(split, 1)
        self.keys_label = QLabel()
        self.keys_label.setFont(style.small_font())
        self.keys_label.setStyleSheet(f"color: {style.hex_colour('muted')}")
        self.keys_label.setWordWrap(True)
        layout.addWidget(self.keys_label)

        bottom = QHBoxLayout()
        self.accept_all_button = QPushButton(extra_icon("band-confident"), "")
        self.accept_all_button.setAutoDefault(False)
        self.accept_all_button.clicked.connect(self.accept_all_confident)
        bottom.addWidget(self.accept_all_button)
        self.progress = QLabel()
        self.progress.setStyleSheet(f"color: {style.hex_colour('muted')}")
        bottom.addWidget(self.progress, 1)
        self.skip_button = QPushButton(extra_icon("skip"), "")
        self.create_button = QPushButton(extra_icon("person-add"), "")
        self.link_button = QPushButton(extra_icon("link"), "")
        self.close_button = QPushButton()
        for b in (self.skip_button, self.create_button, self.close_button):
            b.setAutoDefault(False)
        self.skip_button.clicked.connect(self.skip)
        self.create_button.clicked.connect(self.create_new)
        self.link_button.clicked.connect(self.link)
        self.close_button.clicked.connect(self.finished.emit)
        for b in (self.skip_button, self.create_button, self.link_button, self.close_button):
            bottom.addWidget(b)
        layout.addLayout(bottom)

        QShortcut(QKeySequence("Ctrl+N"), self, self.create_new)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_search)
        self.setTabOrder(self.search, self.clients_view)
        self.setTabOrder(self.clients_view, self.candidates.list)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``); the model too."""
        self.search.setPlaceholderText(self.tr("Search clients…"))
        self.search.setAccessibleName(self.tr("Search clients"))
        self.show_label.setText(self.tr("Show:"))
        self.show_all_button.setText(self.tr("Show &every client"))
        self.only_label.setText(self._only_context or self.tr("Showing the clients of one matter."))
        self.clients_view.setAccessibleName(self.tr("Prolegis clients"))
        self.keys_label.setText(
            self.tr(
                "Keys: ↑ ↓ choose a client · → then ↑ ↓ (or 1–9) choose a contact · Enter links · "
                "Ctrl+N creates a new contact · Ctrl+F searches"
            )
        )
        self.skip_button.setText(self.tr("&Skip"))
        self.create_button.setText(self.tr("Create &new"))
        self.create_button.setToolTip(
            self.tr("Create a new Clio contact from this client (Ctrl+N)")
        )
        self.link_button.setText(self.tr("&Link"))
        self.link_button.setToolTip(self.tr("Link the client to the chosen contact (Enter)"))
        self.close_button.setText(self.tr("Close"))
        self.model.retranslate()
        self._update_counts()
        self._show_failed()

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def set_only_context(self, context: str) -> None:
        """The words above a list narrowed to some clients (a new language: new words)."""
        self._only_context = context
        self.only_label.setText(context or self.tr("Showing the clients of one matter."))

    # ------------------------------------------------------------------ public

    def on_matches(self, results: Sequence[ClientMatchView]) -> None:
        """Show the engine's matching results (keeps the selected client)."""
        current = self.current_client()
        keep = current.client_id if current else None
        self.model.set_clients(results)
        self._update_counts()
        if keep is None or not self.select_client(keep):
            self._select_proxy_row(0)

    def on_command_failed(
        self, message: str, template: str = "", params: Sequence[tuple[str, str]] = ()
    ) -> None:
        """Show why a link could not be made (the engine's ``CommandFailed``: its English
        ``message``, and its ``template``/``params`` to say it in the current language)."""
        self._failed = (message, template, tuple(params))
        self._show_failed()
        self.message.setVisible(bool(message))

    def _show_failed(self) -> None:
        message, template, params = self._failed
        self.message.setText(labels.engine_text(template, params, message))

    def set_filter(self, name: str) -> None:
        self._take_search()
        self.proxy.set_band_filter(name)
        self.filter_buttons[name].setChecked(True)
        self._after_filter()

    def show_clients(self, client_ids: Sequence[str] | None, context: str = "") -> None:
        """Show only ``client_ids`` (the clients of one new matter), or every client again."""
        self._take_search()
        self.proxy.set_only(client_ids)
        if client_ids is None:
            self.only_bar.hide()
        else:
            self.set_only_context(context)
            self.only_bar.show()
            self.proxy.set_band_filter("all")
            self.filter_buttons["all"].setChecked(True)
        self._after_filter()

    def current_client(self) -> ClientMatchView | None:
        index = self.clients_view.currentIndex()
        if not index.isValid():
            return None
        cid = str(self.proxy.data(index, CLIENT_ID_ROLE))
        return self.model.client(cid)

    def select_client(self, client_id: str) -> bool:
        """Select ``client_id`` if the list shows it."""
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(client_id), 0))
        if not index.isValid():
            return False
        self._select_proxy_row(index.row())
        return True

    def link(self) -> None:
        """Link the selected client to the chosen candidate (or create, if that is chosen)."""
        client = self.current_client()
        kind, contact = self.candidates.choice()
        if client is None or kind == "none":
            return
        if kind == "create":
            self.create_new()
            return
        if client.band == "linked" and client.linked_contact_id == contact:
            self.skip()  # already linked to it: nothing to do
            return
        row = self.clients_view.currentIndex().row()
        self._submit(LinkClient(client_id=client.client_id, contact_id=contact))
        self.model.mark_linked(
            [client.client_id], {client.client_id: self.candidates.choice_name()}
        )
        self._advance(row, client.client_id)

    def create_new(self) -> None:
        """Create a new Clio contact from the selected client."""
        client = self.current_client()
        if client is None:
            return
        row = self.clients_view.currentIndex().row()
        self._submit(LinkClient(client_id=client.client_id, create=True))
        self.model.mark_linked([client.client_id], {client.client_id: client.name})
        self._advance(row, client.client_id)

    def skip(self) -> None:
        """Leave this client unlinked for now and go to the next one."""
        client = self.current_client()
        if client is not None:
            self._advance(self.clients_view.currentIndex().row(), client.client_id)

    def accept_all_confident(self) -> None:
        """Link every confident match after confirming the count."""
        confident = [c for c in self.model.clients() if c.band == "confident" and c.candidates]
        n = len(confident)
        if n == 0:
            return
        if self._confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Accept confident matches"),
                self.tr(
                    "Link %n client(s) to the Clio contact suggested for each? You can "
                    "unlink any of them later.",
                    "",
                    n,
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._submit(AcceptConfidentMatches(expected=n))
        keep = self.current_client()
        self.model.mark_linked(
            [c.client_id for c in confident], {c.client_id: c.candidates[0].name for c in confident}
        )
        self.proxy.invalidate()
        self._update_counts()
        if not (keep and self.select_client(keep.client_id)):
            self._select_proxy_row(0)

    def refresh(self) -> None:
        """Ask the engine to compute the candidates again."""
        self._submit(RefreshMatches())

    # ------------------------------------------------------------------ internals

    def _advance(self, row: int, client_id: str) -> None:
        """Select the client after ``client_id`` (which was at proxy ``row``; a linked client
        may have left the current filter, so the next one now sits at its row)."""
        self.proxy.invalidate()
        self._update_counts()
        still_there = any(
            self.proxy.data(self.proxy.index(r, 0), CLIENT_ID_ROLE) == client_id
            for r in range(max(0, row - 1), min(self.proxy.rowCount(), row + 2))
        )
        nxt = row + 1 if still_there else row
        self._select_proxy_row(min(nxt, self.proxy.rowCount() - 1))
        self.clients_view.setFocus()

    def _select_proxy_row(self, row: int) -> None:
        if row < 0 or self.proxy.rowCount() == 0:
            self.clients_view.setCurrentIndex(self.proxy.index(-1, -1))
            self.candidates.show_client(None)
            self._update_buttons()
            return
        index = self.proxy.index(row, 0)
        same_row = self.clients_view.currentIndex().row() == row  # no currentRowChanged then
        self.clients_view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.clients_view.scrollTo(index)
        if same_row:
            self._client_changed()

    def _client_changed(self, *_args: object) -> None:
        self.message.hide()
        self.candidates.show_client(self.current_client())
        self._update_buttons()

    def _update_buttons(self) -> None:
        client = self.current_client()
        for b in (self.skip_button, self.create_button, self.link_button):
            b.setEnabled(client is not None)

    def _after_filter(self) -> None:
        current = self.clients_view.currentIndex()
        if current.isValid():  # the client shown is still in the list: it stays selected
            self.clients_view.scrollTo(current)
        else:
            self._select_proxy_row(0)
        self._update_counts()

    def _update_counts(self) -> None:
        counts = self.model.band_counts()
        unlinked = counts["confident"] + counts["review"] + counts["none"]
        labels = {
            "unlinked": self.tr("&Unlinked ({n})"),
            "review": self.tr("&Review ({n})"),
            "confident": self.tr("C&onfident ({n})"),
            "linked": self.tr("Lin&ked ({n})"),
            "all": self.tr("A&ll ({n})"),
        }
        numbers = {"unlinked": unlinked, "all": sum(counts.values()), **counts}
        for name, button in self.filter_buttons.items():
            button.setText(labels[name].format(n=number_text(numbers[name])))
        confident = counts["confident"]
        self.accept_all_button.setText(
            self.tr("&Accept all %Ln confident match(es)…", "", confident)
        )
        self.accept_all_button.setEnabled(confident > 0)
        self.progress.setText(
            self.tr("{shown} shown · {linked} of {total} linked").format(
                shown=number_text(self.proxy.rowCount()),
                linked=number_text(counts["linked"]),
                total=number_text(sum(counts.values())),
            )
        )

    def _take_search(self) -> None:
        """Apply search text typed but not yet applied (another filter is about to change)."""
        if self._search_timer.isActive():
            self._search_timer.stop()
            self.proxy.set_search(self.search.text())

    def _apply_search(self) -> None:
        """The list follows the search box (after a pause in typing, or on ↓/Enter)."""
        self._search_timer.stop()
        if self.proxy.set_search(self.search.text()):
            self._after_filter()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _unlink(self, client_id: str) -> None:
        self._submit(UnlinkClient(client_id=client_id))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if watched in (self.clients_view, self.candidates.list) and key in (
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.link()
            return True
        if watched is self.clients_view and plain:
            if key == Qt.Key.Key_Right:
                self.candidates.list.setFocus()
                return True
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                self.candidates.select_row(key - Qt.Key.Key_1)
                return True
        if watched is self.candidates.list and plain and key == Qt.Key.Key_Left:
            self.clients_view.setFocus()
            return True
        if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._apply_search()
            self.clients_view.setFocus()
            return True
        return super().eventFilter(watched, event)
