"""Fixtures for the dialog and wizard tests: a recorder standing in for the engine's queue."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.sync.commands import Command


class Recorder:
    """Collects the commands a dialog submits (the engine's ``submit``)."""

    def __init__(self) -> None:
        self.commands: list[Command] = []

    def __call__(self, command: Command) -> None:
        self.commands.append(command)

    def of(self, kind: type[Command]) -> list[Command]:
        return [c for c in self.commands if isinstance(c, kind)]


@pytest.fixture(autouse=True)
def _english_plurals(qapp: object) -> Iterator[None]:
    """English plural forms, as the app installs them at start (removed after each test, so
    other test packages see Qt's defaults)."""
    from PySide6.QtCore import QCoreApplication

    from desktop.ui.dialogs.plurals import EnglishPlurals

    translator = EnglishPlurals()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
    from desktop.ui import i18n

    i18n.reset()  # a test that chose another language in the settings leaves English behind


@pytest.fixture
def submitted() -> Recorder:
    return Recorder()


def press(qtbot: object, key: object, modifier: object = None) -> None:
    """Press ``key`` where the keyboard focus is, as a real key press would arrive."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no widget has the keyboard focus"
    mod = modifier if modifier is not None else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(target, key, mod)  # type: ignore[attr-defined]


def show_active(qtbot: object, widget: object) -> None:
    """Show ``widget`` and wait until it is the active window with the keyboard focus."""
    with qtbot.waitActive(widget):  # type: ignore[attr-defined]
        widget.show()  # type: ignore[attr-defined]
        widget.activateWindow()  # type: ignore[attr-defined]


def answer_message_box(qtbot: object, button: object, seen: list[str] | None = None) -> None:
    """When the next modal message box opens, record its text in ``seen`` and press
    ``button`` (a ``QMessageBox.StandardButton``) in it, as the user would."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def attempt(tries: int = 100) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            if seen is not None:
                seen.append(box.text())
            target = box.button(button)  # type: ignore[arg-type]
            assert target is not None, f"the message box has no {button} button"
            target.click()
        elif tries:
            QTimer.singleShot(20, lambda: attempt(tries - 1))

    QTimer.singleShot(0, attempt)
