""" "Create diagnostics" from the settings: write the zip off the GUI thread, then show where."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.diagnostics import create_diagnostics
from desktop.paths import AppPaths


def _tr(text: str) -> str:
    return QCoreApplication.translate("Diagnostics", text)


def create_diagnostics_interactively(paths: AppPaths, parent: QWidget | None) -> None:
    from desktop.ui.shell import run_off_gui_thread

    try:
        path = run_off_gui_thread(lambda: create_diagnostics(paths))
    except OSError as exc:
        QMessageBox.critical(
            parent,
            _tr("Diagnostics"),
            _tr("The diagnostics could not be written: %1").replace("%1", exc.strerror or str(exc)),
        )
        return
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _tr("Diagnostics"),
        _tr(
            "Diagnostics written to:\n%1\n\nIt holds no sign-in token, secret or "
            "document. Send it to your IT or to support."
        ).replace("%1", str(path)),
        parent=parent,
    )
    show = box.addButton(_tr("Show in folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is show:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
