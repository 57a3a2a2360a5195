"""The contact matching wizard in its own window ("Sync Clients/Contacts"): opened from the
banner, from the connection wizard, or from one new matter whose clients are not linked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop.sync.views import ClientMatchView, MatterView
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
        self.setWindowTitle(self.tr("Link Prolegis clients to Clio contacts"))
        self.resize(1180, 720)
        layout = QVBoxLayout(self)
        self.panel = ContactMatchingPanel(clients, submit, confirm=confirm, parent=self)
        self.panel.finished.connect(self.accept)
        layout.addWidget(self.panel)
        self.panel.link_button.setDefault(True)
        self.panel.clients_view.setFocus()

    def on_matches(self, results: Sequence[ClientMatchView]) -> None:
        self.panel.on_matches(results)

    def show_matter(self, matter: MatterView) -> None:
        """Opened from a new matter ("Sync Clients/Contacts"): only its clients, the first
        unlinked one selected."""
        self.panel.show_clients(
            [c.client_id for c in matter.clients],
            self.tr(
                "Clients of {number} {title}. Link at least one to a Clio contact so the "
                "matter can be created in Clio."
            ).format(number=matter.number, title=matter.title),
        )
        unlinked = next((c.client_id for c in matter.clients if c.contact_id is None), None)
        if unlinked is not None:
            self.panel.select_client(unlinked)

    def on_command_failed(self, message: str) -> None:
        self.panel.on_command_failed(message)

    def show_clients(self, client_ids: Sequence[str] | None, context: str = "") -> None:
        self.panel.show_clients(client_ids, context)
