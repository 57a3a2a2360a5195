"""The connection wizard's first pages: welcome, region, the firm's own Clio app (Advanced),
and the account check (the browser sign-in is in ``page_signin``).

The region and Advanced pages need the keychain (is an app's secret stored?). They never read
it themselves: ``ctx.keychain`` answers from what it knows or asks off the GUI thread, and they
look again when it has answered. On the Advanced page the app id is looked up once typing in it
pauses (:data:`LOOKUP_DELAY_MS`), never per keystroke.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, QTimer
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

from desktop.ui import i18n, style
from desktop.ui.wizards.connection.context import SANDBOX_KEY, WizardContext, region_label

PAGE_WELCOME, PAGE_REGION, PAGE_ADVANCED, PAGE_SIGNIN, PAGE_ACCOUNT = range(5)
PAGE_USERNAME, PAGE_FOLDER, PAGE_MATCHING, PAGE_DONE = range(5, 9)

LOOKUP_DELAY_MS = 300
"""The pause in typing an app id after which its secret is looked up in the keychain."""


def wrap(text: str, *, small: bool = False, rich: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    if small:
        label.setFont(style.small_font())
    return label


def bullets_html(items: list[str]) -> str:
    body = "".join(f"<li style='margin-bottom:4px'>{html.escape(i)}</li>" for i in items)
    return f"<ul style='margin-left:-20px'>{body}</ul>"


def bullets(items: list[str]) -> QLabel:
    return wrap(bullets_html(items), rich=True)


class Page(QWizardPage):
    """A wizard page whose texts follow the language: ``retranslate`` runs once built and on
    every ``QEvent.LanguageChange``."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


class WelcomePage(Page):
    """What will be synced, and what never happens without asking."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.will = wrap("")
        self.will_list = wrap("", rich=True)
        self.never = wrap("")
        self.never_list = wrap("", rich=True)
        for label in (self.will, self.will_list, self.never, self.never_list):
            layout.addWidget(label)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Connect Prolegis to Clio"))
        self.setSubTitle(
            self.tr(
                "Prolegis Desktop keeps your Prolegis matters and Clio in step from this computer."
            )
        )
        self.will.setText(self.tr("Once connected, it will:"))
        self.will_list.setText(
            bullets_html(
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
        self.never.setText(self.tr("It will never do these without asking you:"))
        self.never_list.setText(
            bullets_html(
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


class RegionPage(Page):
    """Canada (default), United States, Europe, Australia; the sandbox in the demo."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for key in ctx.region_keys:
            button = QRadioButton()
            button.setProperty("region", key)
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
        self.buttons.get(ctx.region_key, self.buttons["ca"]).setChecked(True)
        self.group.buttonToggled.connect(lambda *_: self._changed())
        layout.addSpacing(12)
        self.own_app = QCheckBox()
        self.own_app.setChecked(ctx.use_own_app)
        self.own_app.toggled.connect(lambda *_: self._changed())
        layout.addWidget(self.own_app)
        self.note = wrap("", small=True)
        layout.addWidget(self.note)
        layout.addStretch(1)
        ctx.keychain.answered.connect(self._answered)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where is your firm's Clio account?"))
        self.setSubTitle(
            self.tr(
                "Your data stays in the Clio region you choose. Most "
                "Canadian firms use Clio Canada."
            )
        )
        for key, button in self.buttons.items():
            button.setText(
                region_label(key)
                if key == SANDBOX_KEY
                else self.tr("{region} — {host}").format(
                    region=region_label(key), host=self._ctx.target(key).host
                )
            )
        self.own_app.setText(self.tr("My firm uses its own registered Clio app (&Advanced)"))
        if self.note.text():
            self._show_note()

    def initializePage(self) -> None:
        self._changed()

    def selected(self) -> str:
        button = self.group.checkedButton()
        return str(button.property("region")) if button else "ca"

    def _changed(self) -> None:
        self._ctx.region_key = self.selected()
        self._ctx.use_own_app = self.own_app.isChecked()
        self._show_note()
        self.completeChanged.emit()

    def _answered(self) -> None:
        self._show_note()
        self.completeChanged.emit()

    def _available(self) -> bool | None:
        """Whether this region has a Clio app (``None``: the keychain is being asked); not
        needed when the firm's own app is chosen."""
        return True if self._ctx.use_own_app else self._ctx.app_available()

    def _show_note(self) -> None:
        available = self._available()
        if available is None:
            text = self.tr("Looking in this computer's keychain…")
        elif not available:
            text = self.tr(
                "This copy of Prolegis Desktop has no Clio app for this region: the next page asks "
                "for your firm's app id and secret."
            )
        else:
            text = ""
        self.note.setText(text)

    def isComplete(self) -> bool:
        return self._available() is not None  # Next waits for the keychain's answer

    def nextId(self) -> int:
        if self._ctx.use_own_app or self._available() is False:
            return PAGE_ADVANCED
        return PAGE_SIGNIN


class AdvancedPage(Page):
    """The firm's own Clio app: id, secret (kept in the keychain) and the redirect port."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        form = QFormLayout(self)
        self.client_id = QLineEdit()
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.captions = [QLabel() for _ in range(3)]
        for caption, field in zip(
            self.captions, (self.client_id, self.secret, self.port), strict=True
        ):
            caption.setBuddy(field)
            form.addRow(caption, field)
        self.redirect = wrap("", small=True)
        self.redirect.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.redirect)
        self.keychain_note = wrap("", small=True)
        form.addRow(self.keychain_note)
        self._lookup = QTimer(self)  # the app id's secret is looked up once typing pauses
        self._lookup.setSingleShot(True)
        self._lookup.setInterval(LOOKUP_DELAY_MS)
        self._lookup.timeout.connect(self._look_up)
        self.client_id.textChanged.connect(lambda _text: self._lookup.start())
        for w in (self.client_id, self.secret):
            w.textChanged.connect(self._changed)
        self.port.valueChanged.connect(self._changed)
        ctx.keychain.answered.connect(self._answered)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your firm's Clio app"))
        self.setSubTitle(
            self.tr(
                "Your Clio administrator registered an app for Prolegis "
                "Desktop in Clio's developer portal. Copy its details here."
            )
        )
        self.client_id.setAccessibleName(self.tr("App id"))
        self.secret.setAccessibleName(self.tr("App secret"))
        self.port.setAccessibleName(self.tr("Redirect port"))
        texts = (self.tr("App &id:"), self.tr("App &secret:"), self.tr("Redirect &port:"))
        for caption, text in zip(self.captions, texts, strict=True):
            caption.setText(text)
        self.keychain_note.setText(
            self.tr("The secret is kept in this computer's keychain, never in a settings file.")
        )
        if self.redirect.text():  # shown once: the texts depend on what was typed
            self._show_texts()

    def initializePage(self) -> None:
        client_id, port = self._ctx.client_id, self._ctx.port  # each change below saves all
        self.client_id.setText(client_id)
        self.port.setValue(port)
        self._changed()
        self._look_up()  # not typed: no need to wait

    def _changed(self) -> None:
        """Per keystroke: no keychain here (see ``_look_up``)."""
        self._ctx.client_id = self.client_id.text().strip()
        self._ctx.client_secret = self.secret.text().strip()
        self._ctx.port = self.port.value()
        self._show_texts()
        self.completeChanged.emit()

    def _look_up(self) -> None:
        """Ask whether the app id's secret is stored (answered at once if known, else in the
        background: ``_answered`` follows)."""
        self._lookup.stop()
        if self._ctx.client_id and self._ctx.secret_stored(self._ctx.client_id) is not None:
            self._answered()

    def _answered(self) -> None:
        self._show_texts()
        self.completeChanged.emit()

    def _stored(self) -> bool:
        """Whether the typed app id's secret is known to be stored (looked up, not asked)."""
        c = self._ctx
        return bool(c.client_id) and c.known_secret(c.client_id) is True

    def _show_texts(self) -> None:
        stored = self._stored()
        self.secret.setPlaceholderText(
            self.tr("(kept on this computer — leave empty)") if stored else ""
        )
        self.redirect.setText(
            self.tr(
                "The app's redirect URI must be exactly: http://127.0.0.1:{port}/callback"
            ).format(port=self._ctx.port)
        )

    def isComplete(self) -> bool:
        return bool(self._ctx.client_id) and (bool(self._ctx.client_secret) or self._stored())

    def validatePage(self) -> bool:
        self._ctx.use_own_app = True
        return True


class AccountPage(Page):
    """Who signed in, on which Clio."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
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
        self.captions = [QLabel() for _ in range(3)]
        for caption, field in zip(self.captions, (self.name, self.email, self.region), strict=True):
            form.addRow(caption, field)
        layout.addLayout(form)
        self.not_you = wrap("", small=True)
        layout.addWidget(self.not_you)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Account confirmed"))
        self.setSubTitle(self.tr("Prolegis Desktop works in Clio as this user."))
        texts = (self.tr("Name:"), self.tr("Email:"), self.tr("Clio:"))
        for caption, text in zip(self.captions, texts, strict=True):
            caption.setText(text)
        self.not_you.setText(
            self.tr("Not you? Go back and sign in again; sign out of Clio in your browser first.")
        )
        self.initializePage()

    def initializePage(self) -> None:
        s = self._ctx.signed_in
        if s is None:
            return
        self.summary.setText(self.tr("Signed in as {name}").format(name=s.name or s.email))
        self.name.setText(s.name)
        self.email.setText(s.email)
        self.region.setText(self._ctx.target_label(s.target))
