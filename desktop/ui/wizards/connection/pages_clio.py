"""The connection wizard's first pages: welcome, region, the firm's own Clio app (Advanced),
the browser sign-in, and the account check."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop.ui import style
from desktop.ui.dialogs.extra_icons import extra_icon
from desktop.ui.wizards.connection.context import SANDBOX_KEY, WizardContext, region_label
from desktop.ui.wizards.connection.signin import SignedIn, SignInRequest, SignInThread

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


class SignInPage(QWizardPage):
    """Opens Clio's sign-in in the browser and waits, visibly and cancellably."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._thread: SignInThread | None = None
        self._url = ""
        self.setTitle(self.tr("Sign in with Clio"))
        self.setSubTitle(
            self.tr("Your Clio password is typed on Clio's own page, never in Prolegis Desktop.")
        )
        layout = QVBoxLayout(self)
        self.intro = wrap("")
        layout.addWidget(self.intro)
        self.error = wrap("")
        self.error.setStyleSheet(
            f"background: {style.hex_colour('banner_bad_bg')}; padding: 8px; border-radius: 4px"
        )
        self.error.hide()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.start_button = QPushButton(extra_icon("sign-in"), self.tr("&Sign in with Clio"))
        self.start_button.clicked.connect(self.start)
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.waiting = QWidget()
        wl = QVBoxLayout(self.waiting)
        wl.setContentsMargins(0, 8, 0, 0)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(10)
        self.busy.setAccessibleName(self.tr("Waiting for Clio"))
        wl.addWidget(self.busy)
        self.status = wrap(self.tr("Waiting for Clio in your browser…"))
        self.status.setFont(style.heading_font())
        wl.addWidget(self.status)
        wl.addWidget(
            wrap(
                self.tr(
                    "Finish signing in on the Clio page, then come back here: this window moves "
                    "on by itself. If no browser page opened, copy the link into your browser."
                ),
                small=True,
            )
        )
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("&Cancel sign-in"))
        self.cancel_button.clicked.connect(self.cancel)
        self.copy_button = QPushButton(extra_icon("copy"), self.tr("Copy &link"))
        self.copy_button.clicked.connect(self.copy_link)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        wl.addLayout(buttons)
        self.waiting.hide()
        layout.addWidget(self.waiting)

        self.done = wrap("")
        self.done.hide()
        layout.addWidget(self.done)
        layout.addStretch(1)
        self.error_kind = ""

    # ------------------------------------------------------------------ wizard hooks

    def initializePage(self) -> None:
        signed = self._ctx.signed_in
        if signed is not None and signed.target != self._ctx.target():
            self._ctx.signed_in = None
        self.intro.setText(
            self.tr(
                "Clio's sign-in page opens in your web browser. Sign in there with your Clio "
                "account for {target} and allow Prolegis Desktop."
            ).format(target=self._ctx.target_label())
        )
        self._show_state()

    def cleanupPage(self) -> None:  # Back: stop waiting
        self.cancel()

    def isComplete(self) -> bool:
        return self._ctx.signed_in is not None and not self.is_waiting()

    # ------------------------------------------------------------------ actions

    def is_waiting(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._ctx.signed_in = None
        self.error_kind = ""
        self._url = ""
        c = self._ctx
        request = SignInRequest(
            target=c.target(),
            port=c.port,
            client_id=c.client_id if c.use_own_app else "",
            client_secret=c.client_secret if c.use_own_app else "",
        )
        thread = SignInThread(c.service, request, timeout=c.timeout, parent=self)
        thread.url_ready.connect(self._url_ready)
        thread.succeeded.connect(self._succeeded)
        thread.failed.connect(self._failed)
        thread.finished.connect(self._thread_finished)
        self._thread = thread
        self._show_state()
        thread.start()

    def cancel(self) -> None:
        if self._thread is not None:
            self._thread.cancel()

    def copy_link(self) -> None:
        if self._url:
            QGuiApplication.clipboard().setText(self._url)
            self.status.setText(
                self.tr("Link copied. Paste it into your browser's address bar. Waiting for Clio…")
            )

    def shutdown(self) -> None:
        """Cancel and wait for the thread (the wizard is closing)."""
        thread = self._thread
        if thread is not None:
            thread.cancel()
            thread.wait(15000)

    @property
    def url(self) -> str:
        return self._url

    # ------------------------------------------------------------------ thread signals

    def _url_ready(self, url: str) -> None:
        self._url = url
        self.copy_button.setEnabled(True)
        if not self._ctx.opener(url):
            self.status.setText(
                self.tr(
                    "No browser could be opened. Copy the link and paste "
                    "it into your browser. Waiting for Clio…"
                )
            )

    def _succeeded(self, result: SignedIn) -> None:
        self._ctx.signed_in = result
        self._ctx.save_connection()

    def _failed(self, kind: str, message: str) -> None:
        self.error_kind = kind
        self.error.setText(message)

    def _thread_finished(self) -> None:
        if self._thread is not None:
            self._thread.deleteLater()
        self._thread = None
        self._show_state()
        self.completeChanged.emit()
        if self._ctx.signed_in is not None:
            window = self.window()
            window.raise_()
            window.activateWindow()
            wizard = self.wizard()
            if wizard is not None and wizard.currentPage() is self:
                wizard.next()

    def _show_state(self) -> None:
        waiting = self.is_waiting()
        signed = self._ctx.signed_in
        self.waiting.setVisible(waiting)
        self.copy_button.setEnabled(bool(self._url))
        self.start_button.setVisible(not waiting)
        failed = bool(self.error_kind) and self.error_kind != "cancelled"
        self.start_button.setText(
            self.tr("&Try again") if failed else self.tr("&Sign in with Clio")
        )
        self.error.setVisible(failed and not waiting)
        if waiting:
            self.status.setText(self.tr("Waiting for Clio in your browser…"))
        self.done.setVisible(signed is not None and not waiting)
        if signed is not None:
            self.done.setText(self.tr("Signed in as {name}.").format(name=signed.name))


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
