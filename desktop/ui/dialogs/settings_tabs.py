"""The tabs of the settings dialog, as plain widgets: general, Clio, time entries, conflicts.
The dialog (``desktop.ui.settings_dialog``) loads, checks and saves their values."""

from __future__ import annotations

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

from desktop.ui import style
from desktop.ui.dialogs.authors_field import AuthorsField
from desktop.ui.dialogs.extra_icons import extra_icon
from desktop.ui.dialogs.folder_field import FolderField

POLICIES = ("ask", "keep_both", "keep_local", "keep_clio")
LANGUAGES = ("", "en", "fr")


def note(text: str) -> QLabel:
    """A small, muted explanation under a setting."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setFont(style.small_font())
    label.setStyleSheet(f"color: {style.hex_colour('muted')}")
    return label


class GeneralTab(QWidget):
    """Folder, poll interval, pause, start at login, language, diagnostics."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.folder = FolderField()
        form.addRow(self.tr("Prolegis &folder:"), self.folder)
        self.poll = QSpinBox()
        self.poll.setRange(30, 3600)
        self.poll.setSingleStep(30)
        self.poll.setSuffix(self.tr(" seconds"))
        self.poll.setAccessibleName(self.tr("Check Clio for changes every"))
        form.addRow(self.tr("Check Clio &every:"), self.poll)
        form.addRow(
            "",
            note(
                self.tr(
                    "Changes on this computer are seen at once; Clio is "
                    "asked for its changes at this interval."
                )
            ),
        )
        self.paused = QCheckBox(self.tr("&Pause syncing"))
        form.addRow("", self.paused)
        self.autostart = QCheckBox(self.tr("&Start Prolegis Desktop when I log in"))
        form.addRow("", self.autostart)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code, text in zip(
            LANGUAGES, (self.tr("The system's language"), "English", "Français"), strict=True
        ):
            self.language.addItem(text, code)
        form.addRow(self.tr("&Language:"), self.language)
        self.language_note = note(
            self.tr("A new language is used the next time Prolegis Desktop starts.")
        )
        form.addRow("", self.language_note)
        diag_row = QHBoxLayout()
        self.diagnostics = QPushButton(extra_icon("diagnostics"), self.tr("Create &diagnostics…"))
        self.diagnostics.setAutoDefault(False)
        diag_row.addWidget(self.diagnostics)
        diag_row.addStretch(1)
        form.addRow(self.tr("Support:"), diag_row)
        form.addRow(
            "",
            note(
                self.tr(
                    "A zip file with the logs and settings for support; no "
                    "passwords, tokens or documents."
                )
            ),
        )


class ClioTab(QWidget):
    """The account (reconnect, disconnect) and the firm's own Clio app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        account = QGroupBox(self.tr("Account"))
        form = QFormLayout(account)
        self.account_label = QLabel()
        self.account_label.setWordWrap(True)
        self.region_label = QLabel()
        self.region_label.setWordWrap(True)
        self.email_label = QLabel()
        self.email_label.setWordWrap(True)
        form.addRow(self.tr("Signed in as:"), self.account_label)
        form.addRow(self.tr("Email:"), self.email_label)
        form.addRow(self.tr("Clio:"), self.region_label)
        row = QHBoxLayout()
        self.reconnect_button = QPushButton(extra_icon("sign-in"), self.tr("&Reconnect…"))
        self.disconnect_button = QPushButton(extra_icon("unlink"), self.tr("Dis&connect…"))
        for b in (self.reconnect_button, self.disconnect_button):
            b.setAutoDefault(False)
            row.addWidget(b)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(
            note(
                self.tr(
                    "Reconnect to sign in again or to change the Clio region. "
                    "Disconnecting stops syncing and removes the sign-in from "
                    "this computer; nothing is deleted in Clio or in Prolegis."
                )
            )
        )
        layout.addWidget(account)

        app = QGroupBox(self.tr("Your firm's Clio app (advanced)"))
        app_form = QFormLayout(app)
        self.client_id = QLineEdit()
        self.client_id.setPlaceholderText(self.tr("empty: the app built into Prolegis Desktop"))
        self.client_id.setAccessibleName(self.tr("App id"))
        self.client_secret = QLineEdit()
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.client_secret.setAccessibleName(self.tr("App secret"))
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setAccessibleName(self.tr("Redirect port"))
        app_form.addRow(self.tr("App &id:"), self.client_id)
        app_form.addRow(self.tr("App &secret:"), self.client_secret)
        app_form.addRow(self.tr("Redirect &port:"), self.port)
        app_form.addRow(
            note(
                self.tr(
                    "The secret is kept in this computer's keychain. A new "
                    "app takes effect when you reconnect."
                )
            )
        )
        layout.addWidget(app)
        layout.addStretch(1)


class EntriesTab(QWidget):
    """Your Prolegis username and whose entries this computer sends."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(
            note(
                self.tr(
                    "Each person's computer sends the time entries and "
                    "expenses they recorded, so none is sent twice."
                )
            )
        )
        self.authors = AuthorsField()
        layout.addWidget(self.authors)
        layout.addStretch(1)


class ConflictsTab(QWidget):
    """The default answer to a version conflict."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("When a document was changed both here and in Clio:")))
        self.policy_group = QButtonGroup(self)
        self.policy_buttons: dict[str, QRadioButton] = {}
        texts = {
            "ask": self.tr("&Ask me each time (both versions are kept until I choose)"),
            "keep_both": self.tr("Keep &both: Clio's version is kept as a conflicted copy"),
            "keep_local": self.tr("Keep &mine: Clio keeps the other in its version history"),
            "keep_clio": self.tr("Keep &Clio's: mine goes to the trash"),
        }
        for policy in POLICIES:
            b = QRadioButton(texts[policy])
            b.setProperty("policy", policy)
            self.policy_group.addButton(b)
            self.policy_buttons[policy] = b
            layout.addWidget(b)
        layout.addStretch(1)
