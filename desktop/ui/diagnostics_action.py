""" "Create diagnostics" from the settings: write the zip off the GUI thread, then show where."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.diagnostics import create_diagnostics
from desktop.paths import AppPaths
from desktop.ui.i18n import TranslationContext


class Diagnostics(TranslationContext):
    """The translation context of these messages (``Diagnostics.tr``)."""


def create_diagnostics_interactively(paths: AppPaths, parent: QWidget | None) -> None:
    from desktop.ui.shell import run_off_gui_thread

    try:
        path = run_off_gui_thread(lambda: create_diagnostics(paths))
    except OSError as exc:
        QMessageBox.critical(
            parent,
            Diagnostics.tr("Diagnostics"),
            Diagnostics.tr("The diagnostics could not be written: %1").replace(
                "%1", exc.strerror or str(exc)
            ),
        )
        return
    box = QMessageBox(
        QMessageBox.Icon.Information,
        Diagnostics.tr("Diagnostics"),
        Diagnostics.tr(
            "Diagnostics written to:\n%1\n\nIt holds no sign-in token, secret or "
            "document. Send it to your IT or to support."
        ).replace("%1", str(path)),
        parent=parent,
    )
    show = box.addButton(Diagnostics.tr("Show in folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is show:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
