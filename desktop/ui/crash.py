"""The crash dialog: an unexpected error shows a dialog with a copyable report (version, OS,
Python and Qt versions, traceback, log location) with every secret redacted, instead of the
app vanishing. Errors in other threads are marshalled to the GUI thread first.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.logsetup import LOG_FILE_NAME, redact
from desktop.ui import i18n, icons, style

log = logging.getLogger(__name__)


def build_report(
    exc_type: type[BaseException] | None,
    exc: BaseException | None,
    tb: TracebackType | None,
    log_dir: Path | None,
    *,
    text: str = "",
) -> str:
    """The report shown and copied: versions, OS, the traceback (or ``text``), the log path."""
    trace = text or "".join(traceback.format_exception(exc_type, exc, tb))
    log_path = str(log_dir / LOG_FILE_NAME) if log_dir is not None else "(no log file)"
    lines = [
        f"prolegis-desktop {__version__}",
        f"OS: {platform.platform()}",
        f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version}",
        f"Thread: {threading.current_thread().name}",
        f"Log: {log_path}",
        "",
        trace.rstrip(),
    ]
    return redact("\n".join(lines))


class CrashDialog(QDialog):
    """Says something went wrong, shows the report, and offers Copy / Open log folder / Quit."""

    def __init__(self, report: str, log_dir: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowIcon(icons.icon("error"))
        self.resize(640, 440)
        self._log_dir = log_dir
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setFont(style.title_font())
        layout.addWidget(self.heading)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.report = QPlainTextEdit(report, self)
        self.report.setObjectName("crashReport")
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(icons.icon("copy"), "", self)
        self.copy_button.setObjectName("copyReport")
        self.copy_button.clicked.connect(self.copy_report)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.logs_button: QPushButton | None = None
        if log_dir is not None:
            self.logs_button = QPushButton(icons.icon("folder-open"), "", self)
            self.logs_button.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir)))
            )
            buttons.addButton(self.logs_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.continue_button = buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.quit_button.clicked.connect(self._quit)
        layout.addWidget(buttons)
        self._copied = False
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        self.setWindowTitle(self.tr("Prolegis ⇄ Clio — unexpected error"))
        self.heading.setText(self.tr("Something went wrong"))
        self.intro.setText(
            self.tr(
                "The app hit an unexpected error. Your files are safe: nothing is deleted or "
                "overwritten without a way back. You can keep working, or quit and start it "
                "again. If it happens again, copy this report and send it to your IT contact."
            )
        )
        self.report.setAccessibleName(self.tr("Error report"))
        self.copy_button.setText(self.tr("Copied") if self._copied else self.tr("Copy report"))
        if self.logs_button is not None:
            self.logs_button.setText(self.tr("Open log folder"))
        self.quit_button.setText(self.tr("Quit"))
        self.continue_button.setText(self.tr("Keep working"))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())
        self._copied = True
        self.copy_button.setText(self.tr("Copied"))

    def _quit(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.exit(1)


class _Marshal(QObject):
    """Carries a report from any thread to the GUI thread."""

    report = Signal(str)


class CrashHandler(QObject):
    """Installs ``sys.excepthook`` and ``threading.excepthook``; shows one dialog at a time."""

    def __init__(
        self,
        log_dir: Path | None,
        parent_window: Callable[[], QWidget | None] = lambda: None,
    ) -> None:
        super().__init__(QApplication.instance())
        self.log_dir = log_dir
        self._parent_window = parent_window
        self._marshal = _Marshal()
        self._marshal.report.connect(self.show_report, Qt.ConnectionType.QueuedConnection)
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self.dialog: CrashDialog | None = None
        self.reports: list[str] = []

    def install(self) -> CrashHandler:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_hook
        return self

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def _excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)
            return
        report = build_report(exc_type, exc, tb, self.log_dir)
        log.error("unexpected error:\n%s", report)
        self._marshal.report.emit(report)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        self._excepthook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def report_text(self, text: str) -> None:
        """Show a report for an error that was caught elsewhere (e.g. the engine thread)."""
        self._marshal.report.emit(build_report(None, None, None, self.log_dir, text=text))

    def show_report(self, report: str) -> None:
        self.reports.append(report)
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.report.appendPlainText("\n\n" + report)
            return
        self.dialog = CrashDialog(report, self.log_dir, self._parent_window())
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.open()
