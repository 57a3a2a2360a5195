"""Small text helpers shared by the dialogs, wizards and tray: sizes, dates and counts in the
user's locale, and opening a local file with the system's application.

Every visible word goes through Qt's translation system (context ``Formatting``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QTime, QUrl
from PySide6.QtGui import QDesktopServices

from desktop.ui.i18n import TranslationContext

FileOpener = Callable[[str], bool]


class Formatting(TranslationContext):
    """The translation context of these helpers (``Formatting.tr``)."""


def size_text(size: int) -> str:
    """``212 KB``, ``1.4 MB``, ``512 bytes`` in the current locale."""
    if size < 0:
        return Formatting.tr("unknown size")
    return QLocale().formattedDataSize(
        size, 1 if size >= 1024 * 1024 else 0, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )


def number_text(n: int) -> str:
    """``1,310`` (grouped as the locale groups numbers)."""
    return QLocale().toString(n)


def parse_iso(value: str | None) -> datetime | None:
    """An aware datetime from an ISO-8601 string (``Z`` accepted), or None."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def when_text(value: str | None, *, today: date | None = None) -> str:
    """``today 14:02``, ``yesterday 09:15`` or ``2024-03-02 14:02`` in local time."""
    moment = parse_iso(value)
    if moment is None:
        return Formatting.tr("unknown time")
    local = moment.astimezone()
    locale = QLocale()
    clock = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    day = today or datetime.now().astimezone().date()
    if local.date() == day:
        return Formatting.tr("today {time}").format(time=clock)
    if local.date() == day - timedelta(days=1):
        return Formatting.tr("yesterday {time}").format(time=clock)
    return Formatting.tr("{date} {time}", "a date then a time").format(
        date=locale.toString(
            QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat
        ),
        time=clock,
    )


def open_local_file(path: str) -> bool:
    """Open ``path`` with the system's application for it; False when it cannot be opened."""
    if not path or not Path(path).exists():
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def elide_middle(text: str, limit: int) -> str:
    """``text`` cut in the middle with ``…`` to at most ``limit`` characters."""
    if len(text) <= limit or limit < 5:
        return text
    head = (limit - 1) // 2
    tail = limit - 1 - head
    return text[:head] + "…" + text[-tail:]
