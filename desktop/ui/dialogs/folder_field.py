"""The Prolegis folder chooser shared by the connection wizard and the settings: a path, a
Browse button, and a check of the folder's ``prolegis.json`` run off the GUI thread, showing
"412 matters, 1,310 clients found." or what is wrong."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.prolegis.manifest import ManifestError
from desktop.prolegis.workspace import Workspace, WorkspaceMissingError
from desktop.ui import i18n
from desktop.ui.dialogs.extra_icons import extra_icon


class FolderCheck(QThread):
    """Reads a workspace's manifest in the background."""

    checked = Signal(int, bool, str)  # generation, ok, message ("" when ok)
    counted = Signal(int, int, int)  # generation, matters, clients (when ok)

    def __init__(self, generation: int, root: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = generation
        self._root = root

    def run(self) -> None:
        try:
            manifest = Workspace(Path(self._root)).load()
        except ManifestError as exc:
            self.checked.emit(
                self._generation,
                False,
                self.tr("The prolegis.json file has a problem at {where}: {what}").format(
                    where=exc.json_path, what=exc.message
                ),
            )
        except WorkspaceMissingError as exc:
            self.checked.emit(
                self._generation,
                False,
                self.tr("This is not a Prolegis folder: {why}").format(why=exc.message),
            )
        except OSError as exc:
            self.checked.emit(self._generation, False, str(exc.strerror or exc))
        else:
            self.counted.emit(self._generation, len(manifest.matters), len(manifest.clients))
            self.checked.emit(self._generation, True, "")


class FolderField(QWidget):
    """Path + Browse + the result of checking it; ``validity_changed(ok)`` after each check."""

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.path = QLineEdit()
        row.addWidget(self.path, 1)
        self.browse = QPushButton(extra_icon("folder-open"), "")
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self._browse)
        row.addWidget(self.browse)
        layout.addLayout(row)
        result_row = QHBoxLayout()
        self.result_icon = QLabel()
        self.result = QLabel()
        self.result.setWordWrap(True)
        result_row.addWidget(self.result_icon)
        result_row.addWidget(self.result, 1)
        layout.addLayout(result_row)
        self._ok = False
        self._generation = 0
        self._counts: tuple[int, int] | None = None
        self._threads: list[FolderCheck] = []
        self._closed = False  # after shutdown: no check starts by itself (a language change)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.check)
        self.path.textChanged.connect(lambda *_: self._start_debounce())
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (a failed check is run again for its words)."""
        self.path.setAccessibleName(self.tr("Prolegis folder"))
        self.browse.setText(self.tr("&Browse…"))
        if self._ok and self._counts is not None:
            self.result.setText(self._describe(*self._counts))
        elif self._generation and not self.is_checking() and not self._closed:
            self.check()

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def set_folder(self, folder: str) -> None:
        self.path.setText(folder)
        self.check()

    def folder(self) -> str:
        return self.path.text().strip()

    def is_ok(self) -> bool:
        return self._ok

    def is_checking(self) -> bool:
        return any(t.isRunning() for t in self._threads) or self._debounce.isActive()

    def check(self) -> None:
        """Check the folder now, off the GUI thread."""
        self._closed = False
        self._debounce.stop()
        self._generation += 1
        self._counts = None
        root = self.folder()
        if not root:
            self._set(False, None, self.tr("Choose the folder."))
            return
        self._set(False, None, self.tr("Checking…"))
        thread = FolderCheck(self._generation, root, self)
        thread.counted.connect(self._counted)
        thread.checked.connect(self._checked)
        thread.finished.connect(lambda t=thread: self._forget(t))
        self._threads.append(thread)
        thread.start()

    def shutdown(self) -> None:
        """The window is closing: running checks finish on their own, never waited for (a slow
        network share must not hold the GUI), and their answers are dropped."""
        self._closed = True
        self._debounce.stop()
        for t in self._threads:
            for signal in (t.checked, t.counted, t.finished):
                signal.disconnect()
            t.setParent(QCoreApplication.instance())  # outlives this widget, deleted when done
            t.finished.connect(t.deleteLater)
            if t.isFinished():
                t.deleteLater()
        self._threads.clear()

    def _start_debounce(self) -> None:
        self._ok = False
        self.validity_changed.emit(False)
        self._debounce.start()

    def _describe(self, matters: int, clients: int) -> str:
        return self.tr("{matters}, {clients} found.").format(
            matters=self.tr("%Ln matter(s)", "", matters),
            clients=self.tr("%Ln client(s)", "", clients),
        )

    def _counted(self, generation: int, matters: int, clients: int) -> None:
        if generation == self._generation:
            self._counts = (matters, clients)

    def _checked(self, generation: int, ok: bool, message: str) -> None:
        if generation == self._generation:  # else the path changed since
            if ok and self._counts is not None:
                message = self._describe(*self._counts)
            self._set(ok, ok, message)

    def _set(self, ok: bool, shown: bool | None, message: str) -> None:
        self._ok = ok
        name = "ok" if shown else "error"
        self.result_icon.setPixmap(extra_icon(name).pixmap(20, 20))
        self.result_icon.setVisible(shown is not None)
        self.result.setText(message)
        self.validity_changed.emit(ok)

    def _forget(self, thread: FolderCheck) -> None:
        if thread in self._threads:
            self._threads.remove(thread)
        thread.deleteLater()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the Prolegis folder"), self.folder()
        )
        if chosen:
            self.set_folder(chosen)
