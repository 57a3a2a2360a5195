"""The connection wizard's first pages: welcome, region, the firm's own Clio app (Advanced),
and the account check (the browser sign-in is in ``page_signin``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.ui import style
from desktop.ui.wizards.connection.context import SANDBOX_KEY, WizardContext, region_label

PAGE_WELCOME, PAGE_REGION, PAGE_ADVANCED, PAGE_SIGNIN, PAGE_ACCOUNT = range(5)
PAGE_USERNAME, PAGE_FOLDER, PAGE_MATCHING, PAGE_DONE = range(5, 9)


def wrap(text: str, *, small: bool = False, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if small:
        label.setFont(style.small_font())
    return label


def bullets(items: list[str]) -> QLabel:
    import html

    body = "".join(f"<li style='margin-bottom:4px'>{html.escape(i)}</li>" for i in items)
    return wrap(f"<ul style='margin-left:-20px'>{body}</ul>", rich=True)


class WelcomePage(QWizardPage):
    """What will be synced, and what never happens without asking."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Connect Prolegis to Clio"))
        self.setSubTitle(
            self.tr(
                "Prolegis Desktop keeps your Prolegis matters and Clio in step from this computer."
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(wrap(self.tr("Once connected, it will:")))
        layout.addWidget(
            bullets(
                [
                    self.tr(
                        "create a Clio matter for each new Prolegis matter whose client is linked "
                        "to a Clio contact"
                    ),
                    self.tr(
                        "send your time entries and expenses to Clio, and keep them up to date"
                    ),
                    self.tr(
                        "mirror the documents of synced matters both ways, between your Prolegis "
                        "folder and Clio"
                    ),
                ]
            )
        )
        layout.addWidget(wrap(self.tr("It will never do these without asking you:")))
        layout.addWidget(
            bullets(
                [
                    self.tr("link your existing clients to Clio contacts — you confirm each match"),
                    self.tr("sync pre-existing matters — you choose “Sync with Clio” for each"),
                    self.tr(
                        "send historical documents (those already in a matter folder) — you push "
                        "them by hand"
                    ),
                    self.tr(
                        "delete many documents or create many matters at once — it pauses and asks"
                    ),
                ]
            )
        )
        layout.addStretch(1)


class RegionPage(QWizardPage):
    """Canada (default), United States, Europe, Australia; the sandbox in the demo."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setTitle(self.tr("Where is your firm's Clio account?"))
        self.setSubTitle(
            self.tr(
                "Your data stays in the Clio region you choose. Most "
                "Canadian firms use Clio Canada."
            )
        )
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for key in ctx.region_keys:
            target = ctx.target(key)
            text = (
                region_label(key)
                if key == SANDBOX_KEY
                else self.tr("{region} — {host}").format(region=region_label(key), host=target.host)
            )
            button = QRadioButton(text)
            button.setProperty("region", key)
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
        self.buttons.get(ctx.region_key, self.buttons["ca"]).setChecked(True)
        self.group.buttonToggled.connect(lambda *_: self._changed())
        layout.addSpacing(12)
        self.own_app = QCheckBox(self.tr("My firm uses its own registered Clio app (&Advanced)"))
        self.own_app.setChecked(ctx.use_own_app)
        self.own_app.toggled.connect(lambda *_: self._changed())
        layout.addWidget(self.own_app)
        self.note = wrap("", small=True)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self._changed()

    def selected(self) -> str:
        button = self.group.checkedButton()
        return str(button.property("region")) if button else "ca"

    def _changed(self) -> None:
        self._ctx.region_key = self.selected()
        self._ctx.use_own_app = self.own_app.isChecked()
        needs = not self._ctx.use_own_app and not self._ctx.app_available()
        self.note.setText(
            self.tr(
                "This copy of Prolegis Desktop has no Clio app for this region: the next page asks "
                "for your firm's app id and secret."
            )
            if needs
            else ""
        )

    def nextId(self) -> int:
        if self._ctx.use_own_app or not self._ctx.app_available():
            return PAGE_ADVANCED
        return PAGE_SIGNIN


class AdvancedPage(QWizardPage):
    """The firm's own Clio app: id, secret (kept in the keychain) and the redirect port."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setTitle(self.tr("Your firm's Clio app"))
        self.setSubTitle(
            self.tr(
                "Your Clio administrator registered an app for Prolegis "
                "Desktop in Clio's developer portal. Copy its details here."
            )
        )
        form = QFormLayout(self)
        self.client_id = QLineEdit()
        self.client_id.setAccessibleName(self.tr("App id"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(self.tr("App secret"))
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setAccessibleName(self.tr("Redirect port"))
        form.addRow(self.tr("App &id:"), self.client_id)
        form.addRow(self.tr("App &secret:"), self.secret)
        form.addRow(self.tr("Redirect &port:"), self.port)
        self.redirect = wrap("", small=True)
        self.redirect.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.redirect)
        form.addRow(
            wrap(
                self.tr(
                    "The secret is kept in this computer's keychain, never in a settings file."
                ),
                small=True,
            )
        )
        for w in (self.client_id, self.secret):
            w.textChanged.connect(self._changed)
        self.port.valueChanged.connect(self._changed)

    def initializePage(self) -> None:
        self.client_id.setText(self._ctx.client_id)
        self.port.setValue(self._ctx.port)
        self._changed()

    def _changed(self) -> None:
        self._ctx.client_id = self.client_id.text().strip()
        self._ctx.client_secret = self.secret.text().strip()
        self._ctx.port = self.port.value()
        stored = bool(self._ctx.client_id) and self._ctx.secret_stored(self._ctx.client_id)
        self.secret.setPlaceholderText(
            self.tr("(kept on this computer — leave empty)") if stored else ""
        )
        self.redirect.setText(
            self.tr(
                "The app's redirect URI must be exactly: http://127.0.0.1:{port}/callback"
            ).format(port=self._ctx.port)
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        c = self._ctx
        if not c.client_id:
            return False
        return bool(c.client_secret) or c.secret_stored(c.client_id)

    def validatePage(self) -> bool:
        self._ctx.use_own_app = True
        return True


class AccountPage(QWizardPage):
    """Who signed in, on which Clio."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setTitle(self.tr("Account confirmed"))
        self.setSubTitle(self.tr("Prolegis Desktop works in Clio as this user."))
        layout = QVBoxLayout(self)
        self.summary = wrap("")
        self.summary.setFont(style.title_font())
        layout.addWidget(self.summary)
        form = QFormLayout()
        self.name = QLabel()
        self.email = QLabel()
        self.region = QLabel()
        for w in (self.name, self.email, self.region):
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            w.setWordWrap(True)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Email:"), self.email)
        form.addRow(self.tr("Clio:"), self.region)
        layout.addLayout(form)
        layout.addWidget(
            wrap(
                self.tr(
                    "Not you? Go back and sign in again; sign out of Clio in your browser first."
                ),
                small=True,
            )
        )
        layout.addStretch(1)

    def initializePage(self) -> None:
        s = self._ctx.signed_in
        if s is None:
            return
        self.summary.setText(self.tr("Signed in as {name}").format(name=s.name or s.email))
        self.name.setText(s.name)
        self.email.setText(s.email)
        self.region.setText(self._ctx.target_label(s.target))
