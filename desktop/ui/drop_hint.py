"""The drop target's hint: a small floating label over a view that says what a drop will do
("Push 3 files to 2024-0012") or why it is refused, with an icon — never colour alone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop.ui import i18n, icons, style


class DropHint(QWidget):
    """A rounded label shown over ``parent`` while something is dragged over it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("dropHint")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 12, 6)
        layout.setSpacing(8)
        self._icon = QLabel(self)
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setMaximumWidth(460)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        self._accepted = True
        self.hide()

    def text(self) -> str:
        return self._text.text()

    def accepted(self) -> bool:
        return self._accepted

    def show_message(self, message: str, accepted: bool, near: QRect | None = None) -> None:
        """Show ``message`` (below ``near``, e.g. the target row, else centred)."""
        self._accepted = accepted
        self._text.setText(message)
        self._icon.setPixmap(icons.icon("drop" if accepted else "error").pixmap(QSize(18, 18)))
        parent = self.parentWidget()
        assert parent is not None
        text_width = self._text.fontMetrics().horizontalAdvance(message) + 4
        limit = max(160, min(520, parent.width() - 16))
        self._text.setMaximumWidth(limit - 48)
        self._text.setMinimumWidth(min(text_width, limit - 48))
        self.adjustSize()
        self.resize(min(self.sizeHint().width(), limit), self.sizeHint().height())
        if near is None:
            pos = QPoint(
                (parent.width() - self.width()) // 2, (parent.height() - self.height()) // 2
            )
        else:
            x = min(max(8, near.left() + 24), max(8, parent.width() - self.width() - 8))
            y = near.bottom() + 4
            if y + self.height() > parent.height() - 4:
                y = max(4, near.top() - self.height() - 4)
            pos = QPoint(x, y)
        self.move(pos)
        self.raise_()
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):  # a hint is for one drag: the next one is new
            self._text.clear()
            self.hide()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = self.palette().color(QPalette.ColorRole.Base)
        border = style.colour("accent" if self._accepted else "bad")
        painter.setBrush(base)
        painter.setPen(QPen(border, 1.5))
        painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), 7, 7)
        painter.end()
        super().paintEvent(event)


def paint_drop_frame(widget: QWidget, rect: QRect, accepted: bool) -> None:
    """Draw the highlight around a drop target (a row or a whole view) inside ``widget``."""
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = style.colour("accent" if accepted else "bad")
    fill = QColor(colour)
    fill.setAlpha(48)
    painter.setBrush(fill)
    pen = QPen(colour, 2)
    if not accepted:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.drawRoundedRect(rect.adjusted(1, 1, -2, -2), 4, 4)
    painter.end()
