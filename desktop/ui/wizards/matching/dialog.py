"""The contact matching wizard in its own window ("Sync Clients/Contacts"): opened from the
banner, from the connection wizard, or from one new matter whose clients are not linked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop.sync.views import ClientMatchView, MatterView
from desktop.ui import i18n
from desktop.ui.wizards.matching.panel import ContactMatchingPanel, Submit


class ContactMatchingDialog(QDialog):
    """The matching panel in its own window ("Sync Clients/Contacts")."""

    def __init__(
        self,
        clients: Sequence[ClientMatchView],
        submit: Submit,
        *,
        confirm: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._matter: MatterView | None = None
        self.resize(1180, 720)
        layout = QVBoxLayout(self)
        self.panel = ContactMatchingPanel(clients, submit, confirm=confirm, parent=self)
        self.panel.finished.connect(self.accept)
        layout.addWidget(self.panel)
        self.panel.link_button.setDefault(True)
        self.panel.clients_view.setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        """The title (and the words about one matter) in the current language."""
        self.setWindowTitle(self.tr("Link Prolegis clients to Clio contacts"))
        if self._matter is not None and self.panel.only_bar.isVisibleTo(self):
            self.panel.set_only_context(self._matter_context(self._matter))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def _matter_context(self, matter: MatterView) -> str:
        return self.tr(
            "Clients of {number} {title}. Link at least one to a Clio contact so the "
            "matter can be created in Clio."
        ).format(number=matter.number, title=matter.title)

    def on_matches(self, results: Sequence[ClientMatchView]) -> None:
        self.panel.on_matches(results)

    def show_matter(self, matter: MatterView) -> None:
        """Opened from a new matter ("Sync Clients/Contacts"): only its clients, the first
        unlinked one selected."""
        self._matter = matter
        self.panel.show_clients([c.client_id for c in matter.clients], self._matter_context(matter))
        unlinked = next((c.client_id for c in matter.clients if c.contact_id is None), None)
        if unlinked is not None:
            self.panel.select_client(unlinked)

    def on_command_failed(
        self, message: str, template: str = "", params: Sequence[tuple[str, str]] = ()
    ) -> None:
        self.panel.on_command_failed(message, template, params)

    def show_clients(self, client_ids: Sequence[str] | None, context: str = "") -> None:
        self._matter = None
        self.panel.show_clients(client_ids, context)
