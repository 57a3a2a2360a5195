"""The settings dialog: a full round trip through the settings file, the keychain (the app
secret) and the real autostart entry; bad input; disconnect against the sandbox; slow work (a
sign-out, a Prolegis folder on a slow share) never holds the GUI thread, and closing or deleting
the dialog meanwhile is safe."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.autostart import XdgAutostart
from desktop.clio.errors import KeychainError
from desktop.clio.regions import ClioTarget
from desktop.clio.tokens import TokenSet, token_store_for
from desktop.paths import AppPaths
from desktop.prolegis.builder import WorkspaceBuilder
from desktop.sandbox import Sandbox
from desktop.settings import Settings
from desktop.sync.commands import Pause, Resume, UpdateSettings
from desktop.sync.views import AccountView
from desktop.ui.dialogs.folder_field import FolderCheck
from desktop.ui.settings_dialog import SettingsDialog, clio_sign_out
from tests.ui.dialogs.conftest import Recorder, answer_message_box, show_active
from tests.ui.dialogs.slow import GuiPulse, SlowCall, SlowShare

ACCOUNT = AccountView(
    name="Marguerite-Éléonore Tremblay-Okafor",
    email="m.tremblay-okafor@cabinet.qc.ca",
    region="ca",
    base_url="https://ca.app.clio.com",
)


@pytest.fixture
def paths(home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    return AppPaths.resolve(home).ensure()


def _dialog(
    qtbot: QtBot, settings: Settings, paths: AppPaths, submitted: Recorder, **kw
) -> SettingsDialog:  # type: ignore[no-untyped-def]
    kw.setdefault("account", ACCOUNT)
    kw.setdefault("store_for", lambda t: token_store_for(t, paths.data_dir))
    dlg = SettingsDialog(
        settings,
        submit=submitted,
        autostart_command=["/opt/prolegis/prolegis-desktop"],
        **kw,
    )
    qtbot.addWidget(dlg)
    show_active(qtbot, dlg)
    qtbot.waitUntil(lambda: not dlg.folder.is_checking())
    return dlg


def _click(qtbot: QtBot, box) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def test_round_trip(
    qtbot: QtBot, paths: AppPaths, submitted: Recorder, small_firm: WorkspaceBuilder
) -> None:
    settings = Settings(paths.settings_file)
    dlg = _dialog(qtbot, settings, paths, submitted)
    assert "Tremblay-Okafor" in dlg.account_label.text()
    assert dlg.region_label.text() == "Clio Canada (ca.app.clio.com)"
    assert dlg.policy_buttons["ask"].isChecked()
    assert not dlg.autostart.isChecked()
    # General
    dlg.folder.path.clear()
    qtbot.keyClicks(dlg.folder.path, str(small_firm.root))
    qtbot.waitUntil(lambda: dlg.folder.is_ok())
    assert dlg.folder.result.text().startswith("6 matters, 8 clients")
    dlg.poll.setValue(120)
    _click(qtbot, dlg.paused)
    _click(qtbot, dlg.autostart)
    dlg.language.setCurrentIndex(dlg.language.findData("fr"))
    # Clio app
    qtbot.keyClicks(dlg.client_id, "firm-app-42")
    qtbot.keyClicks(dlg.client_secret, "s3cret-of-the-firm")
    dlg.port.setValue(53999)
    # Time entries
    qtbot.keyClicks(dlg.authors.username, "mtremblay")
    _click(qtbot, dlg.authors.mode_buttons["these"])
    qtbot.keyClicks(dlg.authors.others, "jfcote, lnakamura")
    # Conflicts
    _click(qtbot, dlg.policy_buttons["keep_local"])
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.isVisible())  # once the keychain has the secret

    raw = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    assert raw["workspace"] == str(small_firm.root)
    assert raw["poll_interval"] == 120
    assert raw["paused"] is True
    assert raw["autostart"] is True
    assert raw["language"] == "fr"
    assert raw["client_id"] == "firm-app-42"
    assert raw["oauth_port"] == 53999
    assert raw["prolegis_username"] == "mtremblay"
    assert raw["activity_authors"] == "mtremblay, jfcote, lnakamura"
    assert raw["conflict_policy"] == "keep_local"
    assert "s3cret-of-the-firm" not in paths.settings_file.read_text(encoding="utf-8")
    target = ClioTarget.for_region("ca")
    store = token_store_for(target, paths.data_dir)
    assert store.load_client_secret(target, "firm-app-42") == "s3cret-of-the-firm"
    entry = XdgAutostart()
    assert entry.is_enabled()
    assert entry.exec_line() == "/opt/prolegis/prolegis-desktop"
    update = submitted.of(UpdateSettings)[0]
    assert update.values["conflict_policy"] == "keep_local"  # type: ignore[attr-defined]
    assert "region" not in update.values  # type: ignore[attr-defined]  # only what changed
    assert Pause() in submitted.commands

    # reopened, it shows what was saved
    again = _dialog(qtbot, Settings(paths.settings_file), paths, Recorder())
    assert again.values() == {k: raw[k] for k in again.values()}
    assert again.autostart.isChecked()
    assert again.authors.mode() == "these"
    assert again.client_secret.text() == ""  # never shown back


def test_cancel_changes_nothing(qtbot: QtBot, paths: AppPaths, submitted: Recorder) -> None:
    settings = Settings(paths.settings_file)
    dlg = _dialog(qtbot, settings, paths, submitted)
    dlg.poll.setValue(300)
    _click(qtbot, dlg.autostart)
    dlg.reject()
    assert not paths.settings_file.exists()
    assert submitted.commands == []
    assert not XdgAutostart().is_enabled()


def test_turning_autostart_and_pause_off(
    qtbot: QtBot, paths: AppPaths, submitted: Recorder
) -> None:
    settings = Settings(paths.settings_file)
    settings.update({"paused": True, "autostart": True})
    XdgAutostart().enable(["prolegis-desktop"])
    dlg = _dialog(qtbot, settings, paths, submitted)
    assert dlg.autostart.isChecked() and dlg.paused.isChecked()
    _click(qtbot, dlg.autostart)
    _click(qtbot, dlg.paused)
    qtbot.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    assert not XdgAutostart().is_enabled()
    assert Resume() in submitted.commands
    assert dlg.isVisible()  # Apply keeps the dialog open


def test_bad_username_blocks_ok(qtbot: QtBot, paths: AppPaths, submitted: Recorder) -> None:
    dlg = _dialog(qtbot, Settings(paths.settings_file), paths, submitted)
    qtbot.keyClicks(dlg.authors.username, "m tremblay")
    assert not dlg.ok_button.isEnabled()
    assert "no spaces" in dlg.authors.problem_label.text()
    assert not dlg.apply()
    assert not paths.settings_file.exists()


def test_invalid_folder_is_not_saved(
    qtbot: QtBot, paths: AppPaths, submitted: Recorder, tmp_path: Path
) -> None:
    dlg = _dialog(qtbot, Settings(paths.settings_file), paths, submitted)
    dlg.folder.set_folder(str(tmp_path / "not-there"))
    qtbot.waitUntil(lambda: not dlg.folder.is_checking())
    assert not dlg.apply()
    assert "not valid" in dlg.message.text()
    assert submitted.commands == []


def test_autostart_failure_is_reported(
    qtbot: QtBot, paths: AppPaths, submitted: Recorder, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    dlg = _dialog(
        qtbot,
        Settings(paths.settings_file),
        paths,
        submitted,
        autostart=XdgAutostart(config_home=blocker),
    )
    _click(qtbot, dlg.autostart)
    assert not dlg.apply()
    assert "Start at login could not be changed" in dlg.message.text()
    assert not dlg.autostart.isChecked()


def test_reconnect_and_diagnostics_signals(
    qtbot: QtBot, paths: AppPaths, submitted: Recorder
) -> None:
    dlg = _dialog(qtbot, Settings(paths.settings_file), paths, submitted)
    with qtbot.waitSignal(dlg.reconnect_requested):
        qtbot.mouseClick(dlg.reconnect_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dlg.diagnostics_requested):
        qtbot.mouseClick(dlg.diagnostics, Qt.MouseButton.LeftButton)
    not_connected = _dialog(qtbot, Settings(paths.settings_file), paths, submitted, account=None)
    assert not not_connected.disconnect_button.isEnabled()
    assert not_connected.reconnect_button.text().replace("&", "") == "Connect…"


def test_disconnect_signs_out_for_real(
    qtbot: QtBot, paths: AppPaths, submitted: Recorder, sandbox: Sandbox
) -> None:
    settings = Settings(paths.settings_file)
    settings.set("clio_url", sandbox.base_url)
    target = ClioTarget.for_url(sandbox.base_url)
    store = token_store_for(target, paths.data_dir)
    issued = sandbox.admin.issue_tokens()
    store.save(target, "1", TokenSet.from_token_response(issued))
    store.set_current_account(target, "1")
    dlg = _dialog(
        qtbot, settings, paths, submitted, sign_out=clio_sign_out(settings, paths.data_dir)
    )
    assert "sandbox" in dlg.region_label.text()
    answer_message_box(qtbot, QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(dlg.disconnect_button, Qt.MouseButton.LeftButton)
    assert store.current_account(target) == "1"  # cancelled: still signed in
    answer_message_box(qtbot, QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dlg.disconnected, timeout=20000):
        qtbot.mouseClick(dlg.disconnect_button, Qt.MouseButton.LeftButton)
    assert store.current_account(target) is None
    assert store.load(target, "1") is None
    assert dlg.account_label.text() == "Not connected"
    assert "Disconnected" in dlg.message.text()
    # Clio no longer accepts the old token
    answer = httpx.get(
        f"{sandbox.base_url}/api/v4/users/who_am_i.json",
        trust_env=False,
        headers={"Authorization": f"Bearer {issued['access_token']}"},
    )
    assert answer.status_code == 401


# ---------------------------------------------------------------- slow work, off the GUI thread


@pytest.fixture
def pulse() -> Iterator[GuiPulse]:
    p = GuiPulse()
    yield p
    p.stop()


def _signed_in_to(sandbox: Sandbox, settings: Settings, paths: AppPaths) -> tuple[Any, Any]:
    settings.set("clio_url", sandbox.base_url)
    target = ClioTarget.for_url(sandbox.base_url)
    store = token_store_for(target, paths.data_dir)
    store.save(target, "1", TokenSet.from_token_response(sandbox.admin.issue_tokens()))
    store.set_current_account(target, "1")
    return target, store


def test_slow_disconnect_keeps_the_dialog_responsive_and_closable(
    qtbot: QtBot, paths: AppPaths, submitted: Recorder, sandbox: Sandbox, pulse: GuiPulse
) -> None:
    settings = Settings(paths.settings_file)
    target, store = _signed_in_to(sandbox, settings, paths)
    slow = SlowCall(clio_sign_out(settings, paths.data_dir), pulse)
    dlg = _dialog(qtbot, settings, paths, submitted, sign_out=slow)
    disconnected: list[bool] = []
    dlg.disconnected.connect(lambda: disconnected.append(True))
    dlg.tabs.setCurrentWidget(dlg.clio_tab)
    answer_message_box(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dlg.disconnect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(slow.started.is_set)
    # the Clio call runs on another thread while the dialog shows it is busy
    assert slow.thread is not threading.main_thread()
    assert dlg.is_signing_out()
    assert dlg.busy.isVisible() and dlg.busy.maximum() == 0
    assert dlg.message.text() == "Disconnecting…"
    assert not dlg.disconnect_button.isEnabled() and not dlg.reconnect_button.isEnabled()
    bar = dlg.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert dlg.tabs.currentWidget() is dlg.general_tab  # still usable
    # Cancel closes at once: the GUI thread never waits for the sign-out
    slow.arm()
    qtbot.mouseClick(
        dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert not dlg.isVisible()
    qtbot.waitUntil(slow.finished.is_set, timeout=20000)
    assert slow.gui_kept_running is True
    qtbot.waitUntil(lambda: not dlg.is_signing_out())
    assert store.current_account(target) is None and store.load(target, "1") is None
    assert disconnected == [True]
    assert dlg.account_label.text() == "Not connected"


def test_dialog_deleted_while_signing_out(
    qtbot: QtBot, paths: AppPaths, submitted: Recorder, sandbox: Sandbox, pulse: GuiPulse
) -> None:
    settings = Settings(paths.settings_file)
    target, store = _signed_in_to(sandbox, settings, paths)
    slow = SlowCall(clio_sign_out(settings, paths.data_dir), pulse)
    dlg = SettingsDialog(
        settings,
        submit=submitted,
        account=ACCOUNT,
        store_for=lambda t: token_store_for(t, paths.data_dir),
        autostart_command=["prolegis-desktop"],
        sign_out=slow,
        confirm=False,
    )
    show_active(qtbot, dlg)
    disconnected: list[bool] = []
    dlg.disconnected.connect(lambda: disconnected.append(True))
    qtbot.mouseClick(dlg.disconnect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(slow.started.is_set)
    slow.arm()
    dlg.reject()  # as Esc or the window's close button do
    dlg.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dlg))
    qtbot.waitUntil(slow.finished.is_set, timeout=20000)
    qtbot.wait(100)  # the answer arrives for a dialog that is gone: dropped, nothing touched
    assert slow.gui_kept_running is True
    assert store.current_account(target) is None  # signed out here all the same
    assert disconnected == []


def test_closing_while_a_slow_folder_is_checked(
    qtbot: QtBot,
    paths: AppPaths,
    submitted: Recorder,
    small_firm: WorkspaceBuilder,
    tmp_path: Path,
    pulse: GuiPulse,
) -> None:
    share = SlowShare(tmp_path / "share" / "Prolegis", small_firm.manifest_path.read_bytes(), pulse)
    dlg = _dialog(qtbot, Settings(paths.settings_file), paths, submitted)
    qtbot.keyClicks(dlg.folder.path, str(share.root))
    qtbot.waitUntil(lambda: dlg.folder.result.text() == "Checking…")
    assert dlg.folder.is_checking()
    share.arm()
    qtbot.mouseClick(
        dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert not dlg.isVisible()
    qtbot.waitUntil(share.finished.is_set, timeout=20000)
    assert share.gui_kept_running is True  # the dialog closed without waiting for the share
    app = QCoreApplication.instance()
    qtbot.waitUntil(lambda: not app.findChildren(FolderCheck))  # the check ended on its own
    assert not paths.settings_file.exists()


class _SecretStore:
    """A keychain for the app secret that is slow (``slow`` holds each save) or broken."""

    def __init__(self, slow: SlowCall | None = None, broken: bool = False) -> None:
        self.slow, self.broken = slow, broken
        self.saved: list[tuple[str, str]] = []

    def save_client_secret(self, target: ClioTarget, client_id: str, secret: str) -> None:
        if self.broken:
            raise KeychainError("keychain error: the collection is locked")
        self.saved.append((client_id, secret))
        if self.slow is not None:
            self.slow()


def test_a_slow_keychain_never_holds_the_dialog_and_ok_closes_once_the_secret_is_saved(
    qtbot: QtBot, paths: AppPaths, submitted: Recorder, pulse: GuiPulse
) -> None:
    settings = Settings(paths.settings_file)
    slow = SlowCall(lambda: None, pulse)
    store = _SecretStore(slow)
    dlg = _dialog(qtbot, settings, paths, submitted, store_for=lambda t: store)
    dlg.tabs.setCurrentWidget(dlg.clio_tab)
    qtbot.keyClicks(dlg.client_id, "firm-app-42")
    qtbot.keyClicks(dlg.client_secret, "s3cret-of-the-firm")
    dlg.poll.setValue(120)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(slow.started.is_set)
    assert slow.thread is not threading.main_thread()
    assert dlg.isVisible() and dlg.is_saving()
    assert dlg.busy.isVisible()
    assert dlg.message.text() == "Saving the app secret in this computer's keychain…"
    assert not dlg.ok_button.isEnabled() and not dlg.apply_button.isEnabled()
    assert not paths.settings_file.exists() or "120" not in paths.settings_file.read_text(
        encoding="utf-8")  # nothing saved before the secret is
    bar = dlg.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert dlg.tabs.currentWidget() is dlg.general_tab  # still usable
    slow.arm()
    qtbot.waitUntil(lambda: not dlg.isVisible(), timeout=20000)
    assert slow.gui_kept_running is True
    assert store.saved == [("firm-app-42", "s3cret-of-the-firm")]
    raw = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    assert (raw["poll_interval"], raw["client_id"]) == (120, "firm-app-42")
    assert submitted.of(UpdateSettings)


def test_cancel_while_the_secret_is_saved_saves_nothing_else(
    qtbot: QtBot, paths: AppPaths, submitted: Recorder, pulse: GuiPulse
) -> None:
    settings = Settings(paths.settings_file)
    slow = SlowCall(lambda: None, pulse)
    dlg = _dialog(qtbot, settings, paths, submitted, store_for=lambda t: _SecretStore(slow))
    qtbot.keyClicks(dlg.client_id, "firm-app-42")
    qtbot.keyClicks(dlg.client_secret, "s3cret-of-the-firm")
    dlg.poll.setValue(120)
    qtbot.mouseClick(dlg.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(slow.started.is_set)
    slow.arm()
    qtbot.mouseClick(
        dlg.buttons.button(QDialogButtonBox.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert not dlg.isVisible()
    qtbot.waitUntil(slow.finished.is_set, timeout=20000)
    qtbot.wait(50)  # the dropped answer would arrive now
    assert slow.gui_kept_running is True
    assert Settings(paths.settings_file).get("poll_interval") != 120
    assert submitted.commands == []


def test_a_broken_keychain_saves_nothing_and_says_why(
    qtbot: QtBot, paths: AppPaths, submitted: Recorder
) -> None:
    settings = Settings(paths.settings_file)
    dlg = _dialog(qtbot, settings, paths, submitted,
                  store_for=lambda t: _SecretStore(broken=True))
    qtbot.keyClicks(dlg.client_id, "firm-app-42")
    qtbot.keyClicks(dlg.client_secret, "s3cret-of-the-firm")
    dlg.poll.setValue(120)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dlg.is_saving())
    assert dlg.isVisible()
    assert "keychain" in dlg.message.text() and "reported an error" in dlg.message.text()
    assert dlg.client_secret.text() == "s3cret-of-the-firm"  # kept, to try again
    assert dlg.ok_button.isEnabled() and dlg.apply_button.isEnabled()
    assert Settings(paths.settings_file).get("poll_interval") != 120
    assert submitted.commands == []
