"""Switching the language while the app runs: an open main window (on the real engine host,
with 202 matters and the fly-out open) and an open settings dialog follow English → French →
English at once: the toolbar, filters, list headers and status words (the models announce the
change), the fly-out, the banner, the status bar and the dialog. Choosing a language in the
settings applies it at once; Cancel goes back to the language that was in use."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.settings import Settings
from desktop.sync.events import ConflictsChanged, MattersChanged, StatusChanged
from desktop.sync.views import EngineState
from desktop.ui import i18n
from desktop.ui.main_window import MainWindow
from desktop.ui.matter_filter import QuickFilter
from desktop.ui.matter_model import Column
from desktop.ui.settings_dialog import SettingsDialog
from tests.ui import sample_data as sd
from tests.ui.conftest import deliver
from tests.ui.dialogs import factories
from tests.ui.i18n.conftest import settle


@pytest.fixture
def loaded(qtbot, window, host, engine, matters) -> MainWindow:  # type: ignore[no-untyped-def]
    deliver(
        qtbot,
        host,
        engine,
        StatusChanged(sd.status(EngineState.PAUSED)),
        MattersChanged(tuple(matters), full=True),
        ConflictsChanged(tuple(factories.three_conflicts())),
    )
    window.select_matter(sd.feature_matter().matter_id)
    settle()
    return window  # type: ignore[no-any-return]


def _words(window: MainWindow) -> dict[str, str]:
    """What a person reads in a few places of the window."""
    proxy = window.proxy
    feature_row = proxy.row_of(sd.feature_matter().matter_id)
    return {
        "pause": window.toolbar.pause_action.text(),
        "search": window.toolbar.search.placeholderText(),
        "filter": window.filter_buttons[QuickFilter.NOT_SYNCED].text(),
        "header": str(proxy.headerData(Column.STATUS, Qt.Orientation.Horizontal)),
        "status": str(proxy.index(feature_row, Column.STATUS).data()),
        "flyout": window.flyout.captions[0].text(),
        "documents": window.flyout.documents.title.text(),
        "activity": window.activity.windowTitle(),
        "banner": window.banner.items()[0].text,
        "shown": window.shown_label.text(),
        "title": window.windowTitle(),
    }


ENGLISH = {
    "pause": "Resume",
    "search": "Search matters, clients, Clio numbers…",
    "header": "Status",
    "flyout": "Clients",
    "documents": "Documents",
    "activity": "Activity",
    "title": "Prolegis ⇄ Clio",
}
FRENCH = {
    "pause": "Reprendre",
    "search": "Chercher dossiers, clients, numéros Clio…",
    "header": "État",
    "flyout": "Clients",
    "documents": "Documents",
    "activity": "Activité",
    "title": "Prolegis ⇄ Clio",
}


def test_an_open_window_follows_the_language(
    qtbot: QtBot, loaded: MainWindow, language: object
) -> None:
    window = loaded
    before = _words(window)
    for key, text in ENGLISH.items():
        assert before[key] == text, key
    assert before["filter"].startswith("Not synced ")
    assert before["status"].startswith("Syncing ")

    with qtbot.waitSignal(window.proxy.headerDataChanged, timeout=3000):
        language("fr")  # type: ignore[operator]
    french = _words(window)
    for key, text in FRENCH.items():
        assert french[key] == text, key
    assert french["filter"].startswith("Non synchronisés (")
    assert french["status"].startswith("Synchronisation ")
    assert "conflits de versions" in french["banner"]
    assert french["shown"].endswith("dossiers affichés sur 202")

    with qtbot.waitSignal(window.proxy.dataChanged, timeout=3000):
        language("en")  # type: ignore[operator]
    assert _words(window) == before


@pytest.fixture
def settings_dialog(qtbot: QtBot, tmp_path: Path) -> SettingsDialog:
    settings = Settings(tmp_path / "settings.json")
    dialog = SettingsDialog(settings, autostart_command=["prolegis-desktop"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.folder.is_checking())
    return dialog


def test_an_open_dialog_follows_the_language(
    qtbot: QtBot, settings_dialog: SettingsDialog, language: object
) -> None:
    dialog = settings_dialog
    assert dialog.windowTitle() == "Settings"
    assert dialog.tabs.tabText(3) == "C&onflicts"
    language("fr")  # type: ignore[operator]
    assert dialog.windowTitle() == "Paramètres"
    assert dialog.tabs.tabText(3) == "C&onflits"
    assert dialog.general_tab.paused.text() == "&Suspendre la synchronisation"
    assert dialog.account_label.text() == "Non connecté"
    assert dialog.apply_button.text() == "Appliquer"  # Qt's own words, in Qt's French
    language("en")  # type: ignore[operator]
    assert dialog.tabs.tabText(3) == "C&onflicts"
    assert dialog.account_label.text() == "Not connected"
    assert dialog.apply_button.text() == "Apply"


def test_the_chosen_language_applies_at_once_and_cancel_goes_back(
    qtbot: QtBot, loaded: MainWindow, settings_dialog: SettingsDialog, language: object
) -> None:
    window, dialog = loaded, settings_dialog
    language("en")  # type: ignore[operator]
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    settle()
    assert i18n.current_language() == "fr"
    assert window.toolbar.pause_action.text() == "Reprendre"
    assert dialog.windowTitle() == "Paramètres"
    assert dialog.language.currentData() == "fr"  # the choice survives its own retranslation
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    settle()
    assert i18n.current_language() == "en"
    assert window.toolbar.pause_action.text() == "Resume"


def test_the_chosen_language_is_kept_by_ok(
    qtbot: QtBot, settings_dialog: SettingsDialog, language: object, tmp_path: Path
) -> None:
    dialog = settings_dialog
    language("en")  # type: ignore[operator]
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    settle()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    settle()
    assert not dialog.isVisible()
    assert i18n.current_language() == "fr"
    assert Settings(tmp_path / "settings.json").get("language") == "fr"
