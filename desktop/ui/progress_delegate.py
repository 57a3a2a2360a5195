"""The documents tree's status cell: the state's icon and words, and a slim progress bar on
the right while a file is uploading or downloading."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QIcon, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui import style
from desktop.ui.document_model import DocRole

Index = QModelIndex | QPersistentModelIndex


class StatusDelegate(QStyledItemDelegate):
    """Icon and words, plus a slim progress bar on the right while a file is transferring."""

    BAR_WIDTH = 40

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        progress = index.data(DocRole.PROGRESS)
        if not isinstance(progress, float) or progress < 0:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        bar = QRect(
            opt.rect.right() - self.BAR_WIDTH - 6, opt.rect.center().y() - 3, self.BAR_WIDTH, 6
        )
        opt.rect = opt.rect.adjusted(0, 0, -(self.BAR_WIDTH + 12), 0)
        widget = opt.widget
        # the background spans the whole cell; the text stops before the bar
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        full.text = ""
        full.icon = QIcon()
        st = widget.style() if widget is not None else None
        if st is not None:
            st.drawControl(QStyle.ControlElement.CE_ItemViewItem, full, painter, widget)
            st.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        track = style.colour("muted")
        track.setAlpha(60)
        painter.setBrush(track)
        painter.drawRoundedRect(bar, 3, 3)
        done = QRect(bar)
        done.setWidth(max(6, round(bar.width() * min(1.0, progress))))
        painter.setBrush(style.colour("busy"))
        painter.drawRoundedRect(done, 3, 3)
        painter.restore()
