"""Your Prolegis username and whose time entries and expenses this computer sends to Clio
(the ``prolegis_username`` and ``activity_authors`` settings), shared by the connection wizard
and the settings."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import i18n, style

_USERNAME = re.compile(r"^[^\s,*]+$")
MODES = ("mine", "all", "these", "none")


def authors_setting(mode: str, username: str, others: str) -> str:
    """The ``activity_authors`` value for a choice: ``mine``, ``all``, ``these`` or ``none``."""
    if mode == "mine":
        return username
    if mode == "all":
        return "*"
    if mode == "these":
        names = [n.strip() for n in others.replace(";", ",").split(",") if n.strip()]
        if username and username not in names:
            names.insert(0, username)
        return ", ".join(names)
    return ""


def mode_of(authors: str, username: str) -> tuple[str, str]:
    """``(mode, others)`` for a stored ``activity_authors`` value."""
    names = [a.strip() for a in authors.split(",") if a.strip()]
    if names == ["*"]:
        return "all", ""
    if not names:
        return "none", ""
    if names == [username]:
        return "mine", ""
    return "these", ", ".join(n for n in names if n != username)


class AuthorsField(QWidget):
    """Username + the choice of whose entries to send; ``changed`` on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.username = QLineEdit()
        self.username_caption = QLabel()
        self.username_caption.setBuddy(self.username)
        form.addRow(self.username_caption, self.username)
        layout.addLayout(form)
        self.send_caption = QLabel()
        layout.addWidget(self.send_caption)
        self.group = QButtonGroup(self)
        self.mode_buttons: dict[str, QRadioButton] = {}
        for mode in MODES:
            b = QRadioButton()
            b.setProperty("mode", mode)
            self.group.addButton(b)
            self.mode_buttons[mode] = b
            layout.addWidget(b)
            if mode == "these":
                self.others = QLineEdit()
                row = QHBoxLayout()
                row.addSpacing(24)
                row.addWidget(self.others)
                layout.addLayout(row)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setFont(style.small_font())
        self.problem_label.setStyleSheet(f"color: {style.hex_colour('bad')}")
        layout.addWidget(self.problem_label)
        self.mode_buttons["mine"].setChecked(True)
        self.username.textChanged.connect(self._changed)
        self.others.textChanged.connect(self._changed)
        self.group.buttonToggled.connect(lambda *_: self._changed())
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        self.username.setPlaceholderText(self.tr("e.g. mtremblay"))
        self.username.setAccessibleName(self.tr("Your Prolegis username"))
        self.username_caption.setText(self.tr("Prolegis &username:"))
        self.send_caption.setText(self.tr("Send to Clio the time entries and expenses of:"))
        texts = {
            "mine": self.tr("&Me only (recommended)"),
            "all": self.tr("&Everyone in the firm (the firm's billing computer only)"),
            "these": self.tr("Me and &these people:"),
            "none": self.tr("&Nobody from this computer"),
        }
        for mode, button in self.mode_buttons.items():
            button.setText(texts[mode])
        self.others.setPlaceholderText(self.tr("Prolegis usernames, separated by commas"))
        self.others.setAccessibleName(self.tr("Other Prolegis usernames"))
        self._changed()

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def load(self, username: str, authors: str) -> None:
        self.username.setText(username)
        mode, others = mode_of(authors, username)
        self.others.setText(others)
        self.mode_buttons[mode].setChecked(True)
        self._changed()

    def mode(self) -> str:
        b = self.group.checkedButton()
        return str(b.property("mode")) if b else "mine"

    def username_value(self) -> str:
        return self.username.text().strip()

    def authors(self) -> str:
        return authors_setting(self.mode(), self.username_value(), self.others.text())

    def problem(self) -> str:
        """Why the choice cannot be saved yet, or ``""``."""
        user = self.username_value()
        if user and not _USERNAME.match(user):
            return self.tr("A username has no spaces, commas or *.")
        if self.mode() in ("mine", "these") and not user:
            return self.tr("Enter your Prolegis username, or choose whose entries to send.")
        if self.mode() == "these":
            others = [n for n in self.authors().split(", ") if n and n != user]
            if not others:
                return self.tr("Enter at least one other username.")
            if any(not _USERNAME.match(n) for n in others):
                return self.tr("A username has no spaces, commas or *.")
        return ""

    def _changed(self) -> None:
        self.others.setEnabled(self.mode() == "these")
        self.problem_label.setText(self.problem())
        self.changed.emit()
