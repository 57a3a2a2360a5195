"""The banner under the toolbar: shown only when something needs the user (clients to link,
version conflicts, a safety guard holding deletions, sign-in, an error), each line with an
icon, words and the action that fixes it.

The main window decides the lines (:class:`BannerItem`); the banner shows at most
:data:`MAX_LINES` of them, most urgent first, and says how many more there are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui import i18n, icons, style

MAX_LINES = 3
_LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class BannerItem:
    """One line: ``level`` is error | warning | info; ``action`` names what the button does."""

    level: str
    text: str
    action: str = ""  # e.g. "matching", "conflicts", "guard", "connect", "settings", "filter"
    action_text: str = ""
    payload: Any = None
    key: str = ""  # identifies the line across updates (tests, dismissals)


class Banner(QFrame):
    """Signal ``actionTriggered(action: str, payload: object)`` when a line's button is pressed."""

    actionTriggered = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(style.SPACING * 2, 6, style.SPACING * 2, 6)
        self._layout.setSpacing(4)
        self._items: list[BannerItem] = []
        self.buttons: dict[str, QPushButton] = {}
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        self.setAccessibleName(self.tr("Notices"))
        self.refresh_theme()  # rebuilds the lines: their buttons and marks have words too

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def items(self) -> list[BannerItem]:
        return list(self._items)

    def set_items(self, items: list[BannerItem]) -> None:
        """Show these lines (most urgent first); hide the banner when there are none."""
        ordered = sorted(items, key=lambda i: _LEVEL_ORDER.get(i.level, 3))
        if ordered == self._items:
            return
        self._items = ordered
        while self._layout.count():
            taken = self._layout.takeAt(0)
            child = taken.widget() if taken is not None else None
            if child is not None:
                child.hide()
                child.deleteLater()
        self.buttons.clear()
        if not ordered:
            self.hide()
            return
        shown = ordered[:MAX_LINES]
        for item in shown:
            self._layout.addWidget(self._line(item))
        if len(ordered) > MAX_LINES:
            more = QLabel(
                self.tr("and %1 more — see the matters marked “Needs attention”").replace(
                    "%1", str(len(ordered) - MAX_LINES)
                )
            )
            more.setFont(style.small_font())
            self._layout.addWidget(more)
        self._apply_colours()
        self.show()

    def _line(self, item: BannerItem) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(style.SPACING)
        glyph = QLabel(row)
        name = {"error": "error", "warning": "warning"}.get(item.level, "info-notice")
        glyph.setPixmap(icons.icon(name).pixmap(QSize(18, 18)))
        glyph.setAccessibleName(
            {"error": self.tr("Error"), "warning": self.tr("Warning")}.get(
                item.level, self.tr("Information")
            )
        )
        layout.addWidget(glyph, 0, Qt.AlignmentFlag.AlignVCenter)
        text = QLabel(item.text, row)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text, 1)
        if item.action:
            button = QPushButton(item.action_text or self.tr("Review…"), row)
            button.setAccessibleName(item.action_text or self.tr("Review"))
            button.clicked.connect(
                lambda _=False, a=item.action, p=item.payload: self.actionTriggered.emit(a, p)
            )
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.buttons[item.key or item.action] = button
        return row

    def _apply_colours(self) -> None:
        worst = self._items[0].level if self._items else "info"
        role = {"error": "banner_bad_bg", "warning": "banner_warn_bg"}.get(worst, "banner_info_bg")
        pal = self.palette()
        pal.setColor(self.backgroundRole(), style.colour(role))
        self.setPalette(pal)

    def refresh_theme(self) -> None:
        items, self._items = self._items, []
        self.set_items(items)

    def sizeHint(self) -> QSize:  # keep it compact
        hint = super().sizeHint()
        return QSize(hint.width(), max(hint.height(), 0))
