"""The settings: Prolegis folder, Clio account and region (reconnect, disconnect), the firm's
Clio app, your Prolegis username and whose entries this computer sends, how often to check
Clio, pause, start at login, the default answer to a version conflict, language (used at once:
the whole app switches while the dialog is open, and Cancel switches back), and "create
diagnostics".

Self-contained: it reads and writes ``desktop.settings.Settings`` (every key but the app secret,
which goes to the keychain through the token store), turns start-at-login on or off for real
(``desktop.autostart``), and sends ``UpdateSettings`` (plus ``Pause``/``Resume``) through
``submit`` so a running engine follows at once. "Reconnect" and "Create diagnostics" are
signals for the app; "Disconnect" asks, emits ``disconnect_requested`` (stop the engine), runs
``sign_out`` off the GUI thread (:func:`clio_sign_out` is the real one) and emits
``disconnected``.

Nothing here waits on the GUI thread. OK or Apply with a new app secret first hand the secret to
the keychain on a thread of its own (the keychain may take its time, or ask the user): the
dialog says so, OK and Apply wait, and the other settings are saved — and OK closes — once the
secret is stored; if it cannot be, nothing is saved and the dialog says why. While the sign-out
runs (a Clio call that may take its full timeout) the dialog shows a busy bar and
"Disconnecting…" with Reconnect and Disconnect disabled, and stays usable; OK or Cancel close
it at once — the sign-out, like a running check of the Prolegis folder (a slow network share),
finishes on its own and its answer is dropped if the dialog is gone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.autostart import Autostart, AutostartError, autostart_for_platform, default_command
from desktop.clio import errors
from desktop.clio.regions import ClioTarget, TargetError
from desktop.clio.tokens import TokenStore
from desktop.settings import Settings
from desktop.sync.commands import Command, Pause, Resume, UpdateSettings
from desktop.sync.messages import Message
from desktop.sync.views import AccountView
from desktop.ui import i18n, labels, style
from desktop.ui.dialogs.settings_tabs import ClioTab, ConflictsTab, EntriesTab, GeneralTab
from desktop.ui.dialogs.signout import clio_sign_out, start_sign_out
from desktop.ui.wizards.background import BackgroundCall, run_in_background
from desktop.ui.wizards.connection.context import target_label

__all__ = ["SettingsDialog", "clio_sign_out"]

Submit = Callable[[Command], None]
StoreFor = Callable[[ClioTarget], TokenStore]
Text = Callable[[], str]


def install_app_language(language: str) -> None:
    """Switch the running app to ``language`` (the dialog's default ``apply_language``)."""
    app = QCoreApplication.instance()
    if app is not None:
        i18n.install_language(app, language)


class SettingsDialog(QDialog):
    """Edit the settings; OK/Apply save them."""

    reconnect_requested = Signal()
    disconnect_requested = Signal()
    disconnected = Signal()
    diagnostics_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        *,
        submit: Submit | None = None,
        account: AccountView | None = None,
        store_for: StoreFor | None = None,
        autostart: Autostart | None = None,
        autostart_command: Sequence[str] | None = None,
        sign_out: Callable[[], None] | None = None,
        confirm: bool = True,
        apply_language: Callable[[str], None] | None = install_app_language,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._submit = submit
        self._account = account
        self._store_for = store_for
        self._autostart = autostart or autostart_for_platform()
        self._autostart_command = list(autostart_command or default_command())
        self._confirm = confirm
        self._sign_out = sign_out
        self._sign_out_call: BackgroundCall[None] | None = None
        self._secret_call: BackgroundCall[None] | None = None
        self._apply_language = apply_language
        self._loading = False
        self._said: tuple[Text, bool] | None = None
        self.setMinimumSize(640, 520)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.general_tab = GeneralTab()
        self.clio_tab = ClioTab()
        self.entries_tab = EntriesTab()
        self.conflicts_tab = ConflictsTab()
        for tab in (self.general_tab, self.clio_tab, self.entries_tab, self.conflicts_tab):
            self.tabs.addTab(tab, "")
        self._alias_fields()
        layout.addWidget(self.tabs, 1)
        status = QHBoxLayout()
        self.busy = QProgressBar()  # shown while the sign-out runs
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumSize(120, 10)
        self.busy.hide()
        status.addWidget(self.busy)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        status.addWidget(self.message, 1)
        layout.addLayout(status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.clicked.connect(self.apply)
        layout.addWidget(self.buttons)
        self.language.currentIndexChanged.connect(lambda _i: self._preview_language())
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        self.setWindowTitle(self.tr("Settings"))
        for index, text in enumerate(
            (self.tr("&General"), self.tr("&Clio"), self.tr("&Time entries"), self.tr("C&onflicts"))
        ):
            self.tabs.setTabText(index, text)
        # Qt names the tab bar's scroll buttons once, when it is made: name them again.
        for name, text in (
            ("ScrollLeftButton", QCoreApplication.translate("QTabBar", "Scroll Left")),
            ("ScrollRightButton", QCoreApplication.translate("QTabBar", "Scroll Right")),
        ):
            button = self.tabs.tabBar().findChild(QToolButton, name)
            if button is not None:
                button.setAccessibleName(text)
        if hasattr(self, "_saved"):
            self._show_account()
        if self._said is not None:
            self._say(*self._said)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def _alias_fields(self) -> None:
        g, c = self.general_tab, self.clio_tab
        self.folder, self.poll, self.paused = g.folder, g.poll, g.paused
        self.autostart, self.language, self.diagnostics = g.autostart, g.language, g.diagnostics
        self.account_label, self.email_label = c.account_label, c.email_label
        self.region_label = c.region_label
        self.reconnect_button, self.disconnect_button = c.reconnect_button, c.disconnect_button
        self.client_id, self.client_secret, self.port = c.client_id, c.client_secret, c.port
        self.authors = self.entries_tab.authors
        self.policy_group = self.conflicts_tab.policy_group
        self.policy_buttons = self.conflicts_tab.policy_buttons
        self.folder.validity_changed.connect(lambda _ok: self._update_ok())
        self.autostart.setToolTip(self._autostart.location)
        self.diagnostics.clicked.connect(self.diagnostics_requested.emit)
        self.reconnect_button.clicked.connect(self.reconnect_requested.emit)
        self.disconnect_button.clicked.connect(self._disconnect)
        self.authors.changed.connect(self._update_ok)

    # ------------------------------------------------------------------ load / save

    def load(self) -> None:
        """Show the saved settings (and the real start-at-login state)."""
        s = self._settings
        self._loading = True
        self.folder.set_folder(str(s.get("workspace") or ""))
        self.poll.setValue(int(s.get("poll_interval")))
        self.paused.setChecked(bool(s.get("paused")))
        try:
            enabled = self._autostart.is_enabled()
        except AutostartError:
            enabled = bool(s.get("autostart"))
        self.autostart.setChecked(enabled)
        index = self.language.findData(str(s.get("language") or ""))
        self.language.setCurrentIndex(max(0, index))
        self.client_id.setText(str(s.get("client_id") or ""))
        self.client_secret.clear()
        self.port.setValue(int(s.get("oauth_port")))
        self.authors.load(
            str(s.get("prolegis_username") or ""), str(s.get("activity_authors") or "")
        )
        policy = str(s.get("conflict_policy") or "ask")
        self.policy_buttons.get(policy, self.policy_buttons["ask"]).setChecked(True)
        self._saved = self.values()
        self._shown_language = str(self._saved["language"])
        self._loading = False
        self._show_account()

    def set_account(self, account: AccountView | None) -> None:
        self._account = account
        self._show_account()

    def values(self) -> dict[str, Any]:
        """The settings as the dialog shows them now (without the app secret)."""
        policy = self.policy_group.checkedButton()
        return {
            "workspace": self.folder.folder(),
            "poll_interval": self.poll.value(),
            "paused": self.paused.isChecked(),
            "autostart": self.autostart.isChecked(),
            "language": str(self.language.currentData() or ""),
            "client_id": self.client_id.text().strip(),
            "oauth_port": self.port.value(),
            "prolegis_username": self.authors.username_value(),
            "activity_authors": self.authors.authors(),
            "conflict_policy": str(policy.property("policy")) if policy else "ask",
        }

    def problem(self) -> str:
        """Why the settings cannot be saved as they are, or ``""``."""
        folder = self.folder.folder()
        if (
            folder
            and not self.folder.is_ok()
            and not self.folder.is_checking()
            and (folder != self._saved.get("workspace"))
        ):
            return self.tr("The Prolegis folder is not valid: {why}").format(
                why=self.folder.result.text()
            )
        return self.authors.problem()

    def apply(self) -> bool:
        """Save what changed; False (and a message) when something could not be saved — or
        not yet: with a new app secret, the settings are saved once the keychain has it
        (:meth:`is_saving` meanwhile)."""
        return self._apply(close=False)

    def _apply(self, *, close: bool) -> bool:
        if self.is_saving():
            return False
        problem = self.problem()
        if problem:
            self._say(self.problem, bad=True)
            return False
        values = self.values()
        secret = self.client_secret.text().strip()
        if secret:
            self._save_secret(values, secret, close=close)
            return False
        return self._save(values, secret_saved=False)

    def _save(self, values: dict[str, Any], *, secret_saved: bool) -> bool:
        """Save the settings shown (``values``), the app secret being in the keychain."""
        changed = {k: v for k, v in values.items() if self._saved.get(k) != v}
        if "autostart" in changed and not self._set_autostart(bool(values["autostart"])):
            return False
        if changed:
            self._settings.update(changed)
            if self._submit is not None:
                self._submit(UpdateSettings(values=dict(changed)))
                if "paused" in changed:
                    self._submit(Pause() if changed["paused"] else Resume())
        self._saved = values
        if secret_saved:
            self.client_secret.clear()
        self._say((lambda: self.tr("Saved.")) if changed or secret_saved else (lambda: ""),
                  bad=False)
        return True

    def accept(self) -> None:
        if self._apply(close=True):
            self._close_accepted()

    def _close_accepted(self) -> None:
        self._shutdown()
        super().accept()

    def reject(self) -> None:
        """Cancel: nothing more is saved. A secret already on its way to the keychain gets
        there (it cannot be stopped half-way), but the settings that came with it are not
        saved."""
        if self._secret_call is not None:
            self._secret_call.cancel()
            self._secret_call = None
        self._switch_language(str(self._saved.get("language") or ""))  # back to the saved one
        self._shutdown()
        super().reject()

    def _preview_language(self) -> None:
        """The chosen language is used at once (Cancel switches back)."""
        if not self._loading:
            self._switch_language(str(self.language.currentData() or ""))

    def _switch_language(self, language: str) -> None:
        if language == self._shown_language or self._apply_language is None:
            return
        self._shown_language = language
        self._apply_language(language)

    def _shutdown(self) -> None:
        """Closing: a running folder check or sign-out finishes on its own (never waited for)."""
        self.folder.shutdown()

    # ------------------------------------------------------------------ internals

    def _target(self) -> ClioTarget | None:
        try:
            return ClioTarget.resolve(
                str(self._settings.get("region") or ""), str(self._settings.get("clio_url") or "")
            )
        except TargetError:
            return None

    def _show_account(self) -> None:
        a = self._account
        target = self._target()
        self.clio_tab.connected = a is not None
        self.clio_tab.retranslate()
        if a is None:
            self.account_label.setText(self.tr("Not connected"))
            self.email_label.setText("")
        else:
            self.account_label.setText(a.name)
            self.email_label.setText(a.email)
        self.region_label.setText(
            target_label(target, str(self._settings.get("clio_url")))
            if target
            else str(self._settings.get("clio_url"))
        )
        busy = self.is_signing_out()
        self.disconnect_button.setEnabled(a is not None and not busy)
        self.reconnect_button.setEnabled(not busy)
        self._show_busy()

    def _show_busy(self) -> None:
        """The busy bar while the sign-out or the secret's save runs; OK and Apply wait for
        the secret."""
        signing_out, saving = self.is_signing_out(), self.is_saving()
        self.busy.setVisible(signing_out or saving)
        self.busy.setAccessibleName(self.tr("Saving the app secret") if saving
                                    else self.tr("Disconnecting from Clio"))
        self.apply_button.setEnabled(not saving)
        self._update_ok()

    def is_saving(self) -> bool:
        """True while the app secret is on its way to the keychain (the dialog shows it)."""
        return self._secret_call is not None

    def _save_secret(self, values: dict[str, Any], secret: str, *, close: bool) -> None:
        """Hand the secret to the keychain off the GUI thread; then save ``values`` (and close,
        for OK) — or say why not and save nothing."""
        client_id, target, store_for = str(values["client_id"]), self._target(), self._store_for
        if not client_id or target is None or store_for is None:
            self._say(lambda: self.tr("Enter the app id before its secret."), bad=True)
            return

        def save() -> None:
            store_for(target).save_client_secret(target, client_id, secret)

        def done(_value: None, error: BaseException | None) -> None:
            self._secret_call = None
            self._show_busy()
            if isinstance(error, errors.ClioError):
                said = error.user_template
                self._say(lambda: labels.message_text(said), bad=True)
            elif error is not None:
                why = str(error) or type(error).__name__
                self._say(lambda: self.tr("The app secret could not be saved: {why}")
                          .format(why=why), bad=True)
            elif self._save(values, secret_saved=True) and close:
                self._close_accepted()

        self._secret_call = run_in_background(save, done, owner=self, name="save-app-secret",
                                              finish_before_exit=True)
        self._say(lambda: self.tr("Saving the app secret in this computer's keychain…"),
                  bad=False)
        self._show_busy()

    def _set_autostart(self, enabled: bool) -> bool:
        try:
            if enabled:
                self._autostart.enable(self._autostart_command)
            else:
                self._autostart.disable()
        except (AutostartError, OSError) as exc:
            why = str(exc)
            self._say(
                lambda: self.tr("Start at login could not be changed: {why}").format(why=why),
                bad=True,
            )
            self.autostart.setChecked(not enabled)
            return False
        return True

    def _disconnect(self) -> None:
        if self._confirm:
            answer = QMessageBox.question(
                self,
                self.tr("Disconnect from Clio"),
                self.tr(
                    "Disconnect Prolegis Desktop from Clio? Syncing stops and the sign-in "
                    "is removed from this computer. Nothing is deleted in Clio or in your "
                    "Prolegis folder."
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.disconnect_requested.emit()
        if self._sign_out is None or self.is_signing_out():
            return
        self._sign_out_call = start_sign_out(self._sign_out, self._signed_out, owner=self)
        self._show_account()  # busy: the bar, Reconnect and Disconnect disabled
        self._say(lambda: self.tr("Disconnecting…"), bad=False)

    def is_signing_out(self) -> bool:
        """True while the sign-out runs (the dialog shows it)."""
        return self._sign_out_call is not None

    def _signed_out(self, problem: Message | None) -> None:
        self._sign_out_call = None
        self.set_account(None)
        if problem is not None:
            self._say(
                lambda: self.tr(
                    "Disconnected on this computer, but Clio could not be told: {why}"
                ).format(why=labels.message_text(problem)),
                bad=True,
            )
        else:
            self._say(lambda: self.tr("Disconnected from Clio."), bad=False)
        self.disconnected.emit()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(not self.authors.problem() and not self.is_saving())

    def _say(self, text: Text, bad: bool) -> None:
        """Show ``text()`` under the tabs (again in a new language: it is a function)."""
        self._said = (text, bad)
        self.message.setText(text())
        self.message.setStyleSheet(f"color: {style.hex_colour('bad')}" if bad else "")
        self.message.setVisible(bool(text))
