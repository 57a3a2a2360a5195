"""The tabs of the settings dialog, as plain widgets: general, Clio, time entries, conflicts.
The dialog (``desktop.ui.settings_dialog``) loads, checks and saves their values."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import i18n, style
from desktop.ui.dialogs.authors_field import AuthorsField
from desktop.ui.dialogs.extra_icons import extra_icon
from desktop.ui.dialogs.folder_field import FolderField

POLICIES = ("ask", "keep_both", "keep_local", "keep_clio")
LANGUAGES = ("", "en", "fr")


def note(text: str = "") -> QLabel:
    """A small, muted explanation under a setting."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setFont(style.small_font())
    label.setStyleSheet(f"color: {style.hex_colour('muted')}")
    return label


def caption(buddy: QWidget | None = None) -> QLabel:
    """A form row's label (its text is set by the tab's ``retranslate``)."""
    label = QLabel()
    if buddy is not None:
        label.setBuddy(buddy)
    return label


class _Tab(QWidget):
    """A tab whose texts follow the language (``retranslate`` on ``QEvent.LanguageChange``)."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


class GeneralTab(_Tab):
    """Folder, poll interval, pause, start at login, language, diagnostics."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.folder = FolderField()
        self.folder_caption = caption(self.folder.path)
        form.addRow(self.folder_caption, self.folder)
        self.poll = QSpinBox()
        self.poll.setRange(30, 3600)
        self.poll.setSingleStep(30)
        self.poll_caption = caption(self.poll)
        form.addRow(self.poll_caption, self.poll)
        self.poll_note = note()
        form.addRow("", self.poll_note)
        self.paused = QCheckBox()
        form.addRow("", self.paused)
        self.autostart = QCheckBox()
        form.addRow("", self.autostart)
        self.language = QComboBox()
        for code in LANGUAGES:
            self.language.addItem("", code)
        self.language_caption = caption(self.language)
        form.addRow(self.language_caption, self.language)
        self.language_note = note()
        form.addRow("", self.language_note)
        diag_row = QHBoxLayout()
        self.diagnostics = QPushButton(extra_icon("diagnostics"), "")
        self.diagnostics.setAutoDefault(False)
        diag_row.addWidget(self.diagnostics)
        diag_row.addStretch(1)
        self.support_caption = caption()
        form.addRow(self.support_caption, diag_row)
        self.diagnostics_note = note()
        form.addRow("", self.diagnostics_note)
        self.retranslate()

    def retranslate(self) -> None:
        self.folder_caption.setText(self.tr("Prolegis &folder:"))
        self.poll.setSuffix(self.tr(" seconds"))
        self.poll.setAccessibleName(self.tr("Check Clio for changes every"))
        self.poll_caption.setText(self.tr("Check Clio &every:"))
        self.poll_note.setText(
            self.tr(
                "Changes on this computer are seen at once; Clio is "
                "asked for its changes at this interval."
            )
        )
        self.paused.setText(self.tr("&Pause syncing"))
        self.autostart.setText(self.tr("&Start Prolegis Desktop when I log in"))
        self.language.setAccessibleName(self.tr("Language"))
        # Each language is named in itself, so it can be found whatever the current one is.
        texts = (self.tr("The system's language"), "English", "Français")
        for i, text in enumerate(texts):
            self.language.setItemText(i, text)
        self.language_caption.setText(self.tr("&Language:"))
        self.language_note.setText(self.tr("The new language is used at once, in every window."))
        self.diagnostics.setText(self.tr("Create &diagnostics…"))
        self.support_caption.setText(self.tr("Support:"))
        self.diagnostics_note.setText(
            self.tr(
                "A zip file with the logs and settings for support; no "
                "passwords, tokens or documents."
            )
        )


class ClioTab(_Tab):
    """The account (reconnect, disconnect) and the firm's own Clio app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.account_box = QGroupBox()
        form = QFormLayout(self.account_box)
        self.account_label = QLabel()
        self.account_label.setWordWrap(True)
        self.region_label = QLabel()
        self.region_label.setWordWrap(True)
        self.email_label = QLabel()
        self.email_label.setWordWrap(True)
        self.account_captions = [caption() for _ in range(3)]
        for label, field in zip(
            self.account_captions,
            (self.account_label, self.email_label, self.region_label),
            strict=True,
        ):
            form.addRow(label, field)
        row = QHBoxLayout()
        self.reconnect_button = QPushButton(extra_icon("sign-in"), "")
        self.disconnect_button = QPushButton(extra_icon("unlink"), "")
        for b in (self.reconnect_button, self.disconnect_button):
            b.setAutoDefault(False)
            row.addWidget(b)
        row.addStretch(1)
        form.addRow(row)
        self.account_note = note()
        form.addRow(self.account_note)
        layout.addWidget(self.account_box)

        self.app_box = QGroupBox()
        app_form = QFormLayout(self.app_box)
        self.client_id = QLineEdit()
        self.client_secret = QLineEdit()
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        fields: tuple[QWidget, ...] = (self.client_id, self.client_secret, self.port)
        self.app_captions = [caption(w) for w in fields]
        for caption_label, widget in zip(self.app_captions, fields, strict=True):
            app_form.addRow(caption_label, widget)
        self.app_note = note()
        app_form.addRow(self.app_note)
        layout.addWidget(self.app_box)
        layout.addStretch(1)
        self.connected = True
        self.retranslate()

    def retranslate(self) -> None:
        self.account_box.setTitle(self.tr("Account"))
        for label, text in zip(
            self.account_captions,
            (self.tr("Signed in as:"), self.tr("Email:"), self.tr("Clio:")),
            strict=True,
        ):
            label.setText(text)
        self.reconnect_button.setText(
            self.tr("&Reconnect…") if self.connected else self.tr("&Connect…")
        )
        self.disconnect_button.setText(self.tr("Dis&connect…"))
        self.account_note.setText(
            self.tr(
                "Reconnect to sign in again or to change the Clio region. "
                "Disconnecting stops syncing and removes the sign-in from "
                "this computer; nothing is deleted in Clio or in Prolegis."
            )
        )
        self.app_box.setTitle(self.tr("Your firm's Clio app (advanced)"))
        self.client_id.setPlaceholderText(self.tr("empty: the app built into Prolegis Desktop"))
        self.client_id.setAccessibleName(self.tr("App id"))
        self.client_secret.setAccessibleName(self.tr("App secret"))
        self.port.setAccessibleName(self.tr("Redirect port"))
        for label, text in zip(
            self.app_captions,
            (self.tr("App &id:"), self.tr("App &secret:"), self.tr("Redirect &port:")),
            strict=True,
        ):
            label.setText(text)
        self.app_note.setText(
            self.tr(
                "The secret is kept in this computer's keychain. A new "
                "app takes effect when you reconnect."
            )
        )


class EntriesTab(_Tab):
    """Your Prolegis username and whose entries this computer sends."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.intro = note()
        layout.addWidget(self.intro)
        self.authors = AuthorsField()
        layout.addWidget(self.authors)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Each person's computer sends the time entries and "
                "expenses they recorded, so none is sent twice."
            )
        )


class ConflictsTab(_Tab):
    """The default answer to a version conflict."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.policy_group = QButtonGroup(self)
        self.policy_buttons: dict[str, QRadioButton] = {}
        for policy in POLICIES:
            b = QRadioButton()
            b.setProperty("policy", policy)
            self.policy_group.addButton(b)
            self.policy_buttons[policy] = b
            layout.addWidget(b)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(self.tr("When a document was changed both here and in Clio:"))
        texts = {
            "ask": self.tr("&Ask me each time (both versions are kept until I choose)"),
            "keep_both": self.tr("Keep &both: Clio's version is kept as a conflicted copy"),
            "keep_local": self.tr("Keep &mine: Clio keeps the other in its version history"),
            "keep_clio": self.tr("Keep &Clio's: mine goes to the trash"),
        }
        for policy, button in self.policy_buttons.items():
            button.setText(texts[policy])
