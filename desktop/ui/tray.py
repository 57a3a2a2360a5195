"""The system tray: one icon per engine state (idle, syncing, paused, offline, error, conflict),
a tooltip with counts, a menu (Open · Sync now · Pause/Resume · Recent activity ▸ · Quit), and
notifications for version conflicts, errors, new matters whose clients need linking and paused
deletions.

:func:`attach_tray` is the entry point: with a tray, it builds a :class:`TrayController` and
makes closing the main window hide it to the tray; where the desktop has no tray (GNOME without
an extension, some tiling window managers), it shows the main window instead with a notice
saying why, and closing the window quits.

The controller is self-contained: engine events come in through its ``on_…`` slots, commands go
out through ``submit``; ``open_requested``, ``activity_requested(id)``, ``quit_requested`` and
``notification_clicked(kind, matter_id)`` are for the app to act on.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QSystemTrayIcon,
    QToolBar,
    QToolButton,
    QWidget,
)

from desktop.sync.commands import Command, Pause, Resume, SyncNow
from desktop.sync.events import Notice
from desktop.sync.views import (
    ActivityLogEntry,
    ConflictView,
    EngineState,
    EngineStatus,
    GuardView,
    MatterSyncState,
    MatterView,
)
from desktop.ui import i18n, labels, style
from desktop.ui.dialogs.extra_icons import extra_icon, tray_icon
from desktop.ui.dialogs.formatting import number_text, parse_iso
from desktop.ui.i18n import TranslationContext

Submit = Callable[[Command], None]
RECENT = 8
REPEAT_SECONDS = 60.0


def tray_available() -> bool:
    """Whether the desktop shows tray icons right now."""
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(TranslationContext):
    """The translation context of the no-tray notice (``Tray.tr``)."""


def no_tray_text() -> str:
    return Tray.tr(
        "This desktop has no system tray, so Prolegis Desktop cannot keep an icon there. It "
        "syncs while this window is open; closing the window stops it."
    )


class TrayController(QObject):
    """The tray icon, its menu and notifications."""

    open_requested = Signal()
    activity_requested = Signal(int)
    quit_requested = Signal()
    notification_clicked = Signal(str, str)  # kind, matter_id ("" when none)

    def __init__(
        self, submit: Submit, *, derive_notifications: bool = True, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        # False when the engine sends its own Notice for conflicts and matters needing a
        # client (the real engine does): then the tray does not tell the same thing twice.
        self._derive = derive_notifications
        self._quiet = False  # set while re-showing the current state (a language switch)
        self._status = EngineStatus(state=EngineState.STARTING)
        self._recent: deque[ActivityLogEntry] = deque(maxlen=RECENT)
        self._seen: set[str] = set()
        self._primed: set[str] = set()  # which kinds have had their first (silent) update
        self._last_message: tuple[str, str, float] = ("", "", 0.0)
        self._click_target: tuple[str, str] = ("", "")
        self.messages: list[tuple[str, str]] = []  # every notification shown (tests, logs)

        self.icon = QSystemTrayIcon(self)
        self.menu = QMenu()
        self.open_action = QAction(extra_icon("app"), "", self.menu)
        font = self.open_action.font()
        font.setBold(True)
        self.open_action.setFont(font)
        self.sync_action = QAction(extra_icon("sync"), "", self.menu)
        self.pause_action = QAction(self.menu)
        self.recent_menu = QMenu(self.menu)
        self.recent_menu.setIcon(extra_icon("activity"))
        self.quit_action = QAction(self.menu)
        self.menu.addAction(self.open_action)
        self.menu.addSeparator()
        self.menu.addAction(self.sync_action)
        self.menu.addAction(self.pause_action)
        self.menu.addMenu(self.recent_menu)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.open_action.triggered.connect(self.open_requested.emit)
        self.sync_action.triggered.connect(lambda: self._submit(SyncNow()))
        self.pause_action.triggered.connect(self.toggle_pause)
        self.quit_action.triggered.connect(self.quit_requested.emit)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(
            lambda: self.notification_clicked.emit(*self._click_target)
        )
        style.theme_notifier().changed.connect(lambda: self.on_status(self._status))
        self.menu.installEventFilter(self)  # the menu hears of a new language; this object not
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (the menu's ``QEvent.LanguageChange``)."""
        self.open_action.setText(self.tr("&Open Prolegis Desktop"))
        self.sync_action.setText(self.tr("&Sync now"))
        self.recent_menu.setTitle(self.tr("&Recent activity"))
        self.quit_action.setText(self.tr("&Quit"))
        self._quiet = True  # a new language is not a new error to notify
        self.on_status(self._status)
        self._quiet = False
        self._fill_recent()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.menu and i18n.is_language_change(event):
            self.retranslate()
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ public

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    @property
    def state(self) -> EngineState:
        return self._status.state

    def tooltip(self) -> str:
        return self.icon.toolTip()

    def toggle_pause(self) -> None:
        paused = self._status.state == EngineState.PAUSED
        self._submit(Resume() if paused else Pause())

    def on_status(self, status: EngineStatus) -> None:
        """The engine's state: icon, tooltip, the Pause/Resume item; a new error notifies."""
        before = self._status
        self._status = status
        self.icon.setIcon(tray_icon(status.state))
        self.icon.setToolTip(self._tooltip(status))
        paused = status.state == EngineState.PAUSED
        self.pause_action.setText(
            self.tr("&Resume syncing") if paused else self.tr("&Pause syncing")
        )
        self.pause_action.setIcon(extra_icon("resume" if paused else "pause"))
        self.sync_action.setEnabled(
            status.state not in (EngineState.PAUSED, EngineState.SIGNED_OUT)
        )
        if (
            not self._quiet
            and status.state == EngineState.ERROR
            and (before.state != EngineState.ERROR or before.message != status.message)
        ):
            self.notify(
                self.tr("Prolegis Desktop needs you"),
                labels.status_message(status)
                or self.tr("Something needs fixing. Open the window to see what."),
                "error",
                "error",
            )

    def on_history(self, entries: Sequence[ActivityLogEntry]) -> None:
        """New activity log entries (oldest first): the "Recent activity" submenu."""
        for entry in entries:
            self._recent.appendleft(entry)
        self._fill_recent()

    def on_conflicts(self, conflicts: Sequence[ConflictView]) -> None:
        """Notify about version conflicts that were not there before."""
        new = self._new("conflicts", [f"conflict:{c.conflict_id}" for c in conflicts])
        fresh = [c for c in conflicts if f"conflict:{c.conflict_id}" in new]
        if not fresh or not self._derive:
            return
        if len(fresh) == 1:
            c = fresh[0]
            self.notify(
                self.tr("Version conflict"),
                self.tr(
                    "{file} was changed here and in Clio ({matter}). Choose which version to keep."
                ).format(file=c.local.name or c.rel_path, matter=c.matter_label),
                "warning",
                "conflicts",
                c.matter_id,
            )
        else:
            self.notify(
                self.tr("Version conflicts"),
                self.tr(
                    "%n document(s) changed both here and in Clio. Choose which versions to keep.",
                    "",
                    len(fresh),
                ),
                "warning",
                "conflicts",
            )

    def on_guards(self, guards: Sequence[GuardView]) -> None:
        """Notify about deletions or new matters a safety guard just paused."""
        keys = [f"guard:{g.kind}:{g.matter_id or ''}" for g in guards]
        new = self._new("guards", keys)
        for guard, key in zip(guards, keys, strict=True):
            if key not in new:
                continue
            n = len(guard.items)
            if guard.kind == "deletions":
                self.notify(
                    self.tr("Deletions paused"),
                    self.tr(
                        "%n document(s) disappeared at once. Nothing was deleted "
                        "on the other side: confirm or restore them.",
                        "",
                        n,
                    ),
                    "warning",
                    "guard",
                    guard.matter_id or "",
                )
            elif guard.kind == "new_matters":
                self.notify(
                    self.tr("New matters waiting"),
                    self.tr(
                        "%n new matter(s) wait for your OK before they are created in Clio.", "", n
                    ),
                    "info",
                    "guard",
                )

    def on_matters(self, matters: Sequence[MatterView]) -> None:
        """Notify when a new matter needs one of its clients linked to a Clio contact."""
        waiting = [m for m in matters if m.state == MatterSyncState.NEEDS_CLIENT]
        self._seen -= {
            k
            for k in self._seen
            if k.startswith("client:")
            and k[7:] in {m.matter_id for m in matters} - {m.matter_id for m in waiting}
        }
        new = self._new("matters", [f"client:{m.matter_id}" for m in waiting], replace=False)
        if not self._derive:
            return
        for m in waiting:
            if f"client:{m.matter_id}" in new:
                self.notify(
                    self.tr("A new matter needs a linked client"),
                    self.tr(
                        "{matter} {title}: link one of its clients to a Clio "
                        "contact so the matter can be created in Clio."
                    ).format(matter=m.number, title=m.title),
                    "info",
                    "matching",
                    m.matter_id,
                )

    def on_notice(self, notice: Notice) -> None:
        """Show a notification the engine asked for (in the current language when the engine
        gave its templates)."""
        self.notify(
            labels.engine_text(notice.title_template, notice.params, notice.title),
            labels.engine_text(notice.message_template, notice.params, notice.message),
            notice.level,
            "notice",
            notice.matter_id or "",
        )

    def notify(
        self,
        title: str,
        message: str,
        level: str = "info",
        kind: str = "notice",
        matter_id: str = "",
    ) -> bool:
        """Show a desktop notification (the same one within a minute is not repeated)."""
        now = time.monotonic()
        last_title, last_message, at = self._last_message
        if (title, message) == (last_title, last_message) and now - at < REPEAT_SECONDS:
            return False
        self._last_message = (title, message, now)
        self._click_target = (kind, matter_id)
        icon = {
            "error": QSystemTrayIcon.MessageIcon.Critical,
            "warning": QSystemTrayIcon.MessageIcon.Warning,
        }.get(level, QSystemTrayIcon.MessageIcon.Information)
        self.messages.append((title, message))
        if self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, message, icon, 10_000)
        return True

    # ------------------------------------------------------------------ internals

    def _new(self, kind: str, keys: Sequence[str], *, replace: bool = True) -> set[str]:
        """Keys not seen before; the first update of a kind only records (no flood at start)."""
        current = set(keys)
        prefix = {"conflicts": "conflict:", "guards": "guard:", "matters": "client:"}[kind]
        fresh = current - self._seen
        if replace:
            self._seen = {k for k in self._seen if not k.startswith(prefix)} | current
        else:
            self._seen |= current
        if kind not in self._primed:
            self._primed.add(kind)
            return set()
        return fresh

    def _tooltip(self, status: EngineStatus) -> str:
        lines = [
            self.tr("Prolegis ⇄ Clio — {state} · {matters}").format(
                state=labels.engine_state_name(status.state).lower()
                if status.state == EngineState.IDLE
                else labels.engine_state_name(status.state),
                matters=self.tr("%Ln matter(s)", "", status.matters_total),
            )
        ]
        counts = []
        if status.uploading or status.downloading:
            counts.append(
                self.tr("{up}↑ {down}↓").format(
                    up=number_text(status.uploading), down=number_text(status.downloading)
                )
            )
        if status.pending:
            counts.append(self.tr("%Ln pending", "", status.pending))
        if status.conflicts:
            counts.append(self.tr("%Ln version conflict(s)", "", status.conflicts))
        if status.errors:
            counts.append(self.tr("%Ln error(s)", "", status.errors))
        if status.needs_attention:
            counts.append(self.tr("%Ln need(s) attention", "", status.needs_attention))
        if counts:
            lines.append(" · ".join(counts))
        if status.state in (EngineState.ERROR, EngineState.OFFLINE) and status.message:
            lines.append(labels.status_message(status))
        return "\n".join(lines)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        if not self._recent:
            empty = self.recent_menu.addAction(self.tr("Nothing yet"))
            empty.setEnabled(False)
            return
        for entry in self._recent:
            moment = parse_iso(entry.at)
            clock = moment.astimezone().strftime("%H:%M") if moment else ""
            text = f"{clock}  {labels.engine_text(entry.template, entry.params, entry.message)}"
            if entry.matter_label:
                text += f" — {entry.matter_label}"
            action = self.recent_menu.addAction(text.replace("&", "&&"))  # no shortcut letter
            action.setIcon(
                extra_icon({"error": "error", "warning": "warning"}.get(entry.result, "ok"))
            )
            action.triggered.connect(lambda _c=False, i=entry.id: self._show_activity(i))

    def _show_activity(self, entry_id: int) -> None:
        self.open_requested.emit()
        self.activity_requested.emit(entry_id)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()


class NoTrayNotice(QToolBar):
    """The notice a window shows where there is no tray: why, and that closing quits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("no-tray-notice")
        self.setMovable(False)
        self.setFloatable(False)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(8, 4, 4, 4)
        icon = QLabel()
        icon.setPixmap(extra_icon("info-notice").pixmap(16, 16))
        row.addWidget(icon)
        self.text = QLabel()
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.close_button = QToolButton()
        self.close_button.setIcon(extra_icon("close"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        row.addWidget(self.close_button)
        box.setStyleSheet(f"background: {style.hex_colour('banner_info_bg')};")
        self.addWidget(box)
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        self.setWindowTitle(Tray.tr("No system tray"))
        self.text.setText(no_tray_text())
        self.text.setAccessibleName(self.text.text())
        self.close_button.setAccessibleName(Tray.tr("Hide this notice"))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


def attach_tray(
    window: QMainWindow,
    submit: Submit,
    *,
    available: bool | None = None,
    on_quit: Callable[[], None] | None = None,
    derive_notifications: bool = False,
) -> TrayController | None:
    """Give the app a tray icon, or — where the desktop has none — show ``window`` with a
    notice saying why (closing it then quits). Returns the controller, or None."""
    has_tray = tray_available() if available is None else available
    if not has_tray:
        notice = NoTrayNotice(window)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, notice)
        if hasattr(window, "close_to_tray"):
            window.close_to_tray = False
        _show(window)
        return None
    # The real engine notifies conflicts and matters needing a client itself (Notice events).
    controller = TrayController(submit, derive_notifications=derive_notifications, parent=window)
    if hasattr(window, "close_to_tray"):
        window.close_to_tray = True
    controller.open_requested.connect(lambda: _show(window))
    if on_quit is not None:
        controller.quit_requested.connect(on_quit)
    else:
        controller.quit_requested.connect(QCoreApplication.quit)
    controller.show()
    return controller


def _show(window: QMainWindow) -> None:
    raise_ = getattr(window, "show_and_raise", None)
    if callable(raise_):
        raise_()
    else:
        window.show()
        window.raise_()
        window.activateWindow()
