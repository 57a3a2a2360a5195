"""The connection wizard (``QWizard``), shown on first run and from the settings:

welcome → region → [your firm's Clio app] → sign in with Clio (browser) → account confirmed →
your Prolegis username → the Prolegis folder → contact matching → done.

The firm's own Clio app (the "Advanced" page) comes before the sign-in, since the code exchange
needs its secret; it is shown when asked for or when this build has no app for the region.

Self-contained: it takes the settings, the app's data directory (for the token store) and,
for tests and the demo, an injectable sign-in service, browser opener and sandbox URL. A
successful sign-in saves where (region/URL, app id, port — the secret only in the keyring);
Finish saves the folder, the username and the pushed authors, sends ``UpdateSettings`` when a
``submit`` is given, and emits :attr:`ConnectionWizard.completed` with whether to open contact
matching now.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget, QWizard

from desktop.clio.signin import DEFAULT_TIMEOUT
from desktop.settings import Settings
from desktop.sync.commands import Command, UpdateSettings
from desktop.ui import i18n
from desktop.ui.dialogs.extra_icons import extra_icon
from desktop.ui.wizards.connection.context import Opener, WizardContext, open_in_browser
from desktop.ui.wizards.connection.keychain import KeychainAnswers
from desktop.ui.wizards.connection.page_signin import SignInPage
from desktop.ui.wizards.connection.pages_clio import (
    PAGE_ACCOUNT,
    PAGE_ADVANCED,
    PAGE_DONE,
    PAGE_FOLDER,
    PAGE_MATCHING,
    PAGE_REGION,
    PAGE_SIGNIN,
    PAGE_USERNAME,
    PAGE_WELCOME,
    AccountPage,
    AdvancedPage,
    RegionPage,
    WelcomePage,
)
from desktop.ui.wizards.connection.pages_setup import (
    DonePage,
    FolderPage,
    MatchingPage,
    UsernamePage,
)
from desktop.ui.wizards.connection.signin import ClioSignInService, SignedIn, SignInService

Submit = Callable[[Command], None]


class ConnectionWizard(QWizard):
    """Connect this computer to Clio and to the Prolegis folder."""

    completed = Signal(bool)  # match contacts now?

    def __init__(
        self,
        settings: Settings,
        data_dir: Path,
        *,
        service: SignInService | None = None,
        opener: Opener = open_in_browser,
        sandbox_url: str = "",
        timeout: float = DEFAULT_TIMEOUT,
        submit: Submit | None = None,
        reconnect: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        real = ClioSignInService(data_dir)
        self.ctx = WizardContext(
            settings=settings,
            service=service or real,
            store_for=real.store_for,
            keychain=KeychainAnswers(settings, real.store_for, parent=self),
            opener=opener,
            sandbox_url=sandbox_url,
            timeout=timeout,
        )
        self._submit = submit
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, extra_icon("app").pixmap(48, 48))
        self.setMinimumSize(720, 560)
        self.welcome_page = WelcomePage(self.ctx)
        self.region_page = RegionPage(self.ctx)
        self.advanced_page = AdvancedPage(self.ctx)
        self.signin_page = SignInPage(self.ctx)
        self.account_page = AccountPage(self.ctx)
        self.username_page = UsernamePage(self.ctx)
        self.folder_page = FolderPage(self.ctx)
        self.matching_page = MatchingPage(self.ctx)
        self.done_page = DonePage(self.ctx)
        for page_id, page in (
            (PAGE_WELCOME, self.welcome_page),
            (PAGE_REGION, self.region_page),
            (PAGE_ADVANCED, self.advanced_page),
            (PAGE_SIGNIN, self.signin_page),
            (PAGE_ACCOUNT, self.account_page),
            (PAGE_USERNAME, self.username_page),
            (PAGE_FOLDER, self.folder_page),
            (PAGE_MATCHING, self.matching_page),
            (PAGE_DONE, self.done_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(PAGE_REGION if reconnect else PAGE_WELCOME)
        self.retranslate()

    def retranslate(self) -> None:
        """The title and buttons in the current language (the pages retranslate themselves)."""
        self.setWindowTitle(self.tr("Connect to Clio"))
        buttons = (
            (QWizard.WizardButton.BackButton, self.tr("< &Back")),
            (QWizard.WizardButton.NextButton, self.tr("&Next >")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
            (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
        )
        for which, text in buttons:
            self.setButtonText(which, text)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    @property
    def signed_in(self) -> SignedIn | None:
        return self.ctx.signed_in

    @property
    def match_contacts_now(self) -> bool:
        return self.matching_page.match_now()

    def accept(self) -> None:
        values = {
            "workspace": self.folder_page.folder(),
            "prolegis_username": self.username_page.username.text().strip(),
            "activity_authors": self.username_page.authors(),
        }
        self.ctx.settings.update(values)
        if self._submit is not None:
            self._submit(UpdateSettings(values=dict(self.ctx.settings.as_dict())))
        self._shutdown()
        super().accept()
        self.completed.emit(self.match_contacts_now)

    def reject(self) -> None:
        self._shutdown()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._shutdown()
        super().closeEvent(event)

    def _shutdown(self) -> None:
        self.signin_page.shutdown()
        self.folder_page.shutdown()
