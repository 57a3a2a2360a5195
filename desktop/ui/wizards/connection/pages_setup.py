"""The connection wizard's last pages: your Prolegis username (whose time entries this computer
pushes), the Prolegis folder (checked off the GUI thread, with counts), contact matching, done.
"""

from __future__ import annotations

from PySide6.QtWidgets import QRadioButton, QVBoxLayout, QWidget

from desktop.ui.dialogs.authors_field import AuthorsField
from desktop.ui.dialogs.folder_field import FolderField
from desktop.ui.wizards.connection.context import WizardContext
from desktop.ui.wizards.connection.pages_clio import Page, bullets_html, wrap


class UsernamePage(Page):
    """Your Prolegis username, and whose time entries this computer pushes to Clio."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QVBoxLayout(self)
        self.chooser = AuthorsField()
        self.chooser.changed.connect(self.completeChanged.emit)
        layout.addWidget(self.chooser)
        layout.addStretch(1)
        self.username = self.chooser.username
        self.others = self.chooser.others
        self.mode_buttons = self.chooser.mode_buttons
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your Prolegis username"))
        self.setSubTitle(
            self.tr(
                "Time entries and expenses are sent to Clio by the computer "
                "of the person who recorded them, so none is sent twice."
            )
        )

    def initializePage(self) -> None:
        s = self._ctx.settings
        username = str(s.get("prolegis_username") or "")
        authors = str(s.get("activity_authors") or "")
        self.chooser.load(username, authors)
        if not username and not authors:
            self.mode_buttons["mine"].setChecked(True)  # the usual answer; asks for the name

    def authors(self) -> str:
        return self.chooser.authors()

    def isComplete(self) -> bool:
        return not self.chooser.problem()


class FolderPage(Page):
    """The Prolegis folder, validated with counts."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QVBoxLayout(self)
        self.chooser = FolderField()
        self.chooser.validity_changed.connect(lambda _ok: self.completeChanged.emit())
        layout.addWidget(self.chooser)
        layout.addStretch(1)
        self.path = self.chooser.path
        self.result = self.chooser.result
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your Prolegis folder"))
        self.setSubTitle(
            self.tr(
                "The folder where Prolegis keeps its matters, with the "
                "prolegis.json file at its top."
            )
        )

    def initializePage(self) -> None:
        if not self.chooser.folder():
            self.path.setText(str(self._ctx.settings.get("workspace") or ""))
        self.chooser.check()

    def check(self) -> None:
        self.chooser.check()

    def is_checking(self) -> bool:
        return self.chooser.is_checking()

    def folder(self) -> str:
        return self.chooser.folder()

    def isComplete(self) -> bool:
        return self.chooser.is_ok()

    def shutdown(self) -> None:
        self.chooser.shutdown()


class MatchingPage(Page):
    """Link clients to Clio contacts now (the matching wizard opens) or later."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.intro = wrap("")
        layout.addWidget(self.intro)
        self.now = QRadioButton()
        self.later = QRadioButton()
        self.now.setChecked(True)
        layout.addWidget(self.now)
        layout.addWidget(self.later)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Link clients to Clio contacts"))
        self.setSubTitle(
            self.tr(
                "A new matter is created in Clio only once one of its "
                "clients is linked to a Clio contact."
            )
        )
        self.intro.setText(
            self.tr(
                "Prolegis Desktop suggests a Clio contact for each client, and shows why. "
                "Nothing is linked until you confirm it; confident matches can be accepted "
                "together."
            )
        )
        self.now.setText(self.tr("Link clients &now, when I click Finish (recommended)"))
        self.later.setText(self.tr("&Later, from the banner in the main window"))

    def match_now(self) -> bool:
        return self.now.isChecked()


class DonePage(Page):
    """What happens next."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.next_steps = wrap("", rich=True)
        layout.addWidget(self.next_steps)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("All set"))
        self.setSubTitle(self.tr("Here is what happens next."))
        self.next_steps.setText(
            bullets_html(
                [
                    self.tr(
                        "Prolegis Desktop checks for changes every minute and keeps running in the "
                        "system tray when you close its window."
                    ),
                    self.tr(
                        "New matters are created in Clio as soon as one of their clients is linked."
                    ),
                    self.tr(
                        "Pre-existing matters wait: open a matter and choose “Sync with Clio” when "
                        "you want it in step."
                    ),
                    self.tr("Historical documents stay on this computer until you push them."),
                    self.tr(
                        "If a document changes in both places, you choose which version to keep."
                    ),
                ]
            )
        )
