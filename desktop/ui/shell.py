"""The running app around the main window: the first-run connection wizard, then the dialogs,
wizards and tray wired to the engine.

``launch`` is what ``prolegis-desktop`` (and the demo) run. Before the engine can exist the
app needs a signed-in Clio account and a Prolegis folder; when either is missing (first run,
after a disconnect, a revoked sign-in) the connection wizard comes first. Opening the services
touches the network and the disk, so it runs on a worker thread while the GUI stays live.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QProcess, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desktop.app import WorkspaceNotConfigured, build_engine, open_services
from desktop.autostart import default_command
from desktop.clio.errors import AuthError, ClioError
from desktop.clio.regions import TargetError
from desktop.clio.tokens import token_store_for
from desktop.instance_lock import InstanceLock, LockHeld
from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.sync import commands as cmd
from desktop.sync.context import Services
from desktop.sync.events import (
    CommandFailed,
    ConflictsChanged,
    GuardsChanged,
    MatchesReady,
)
from desktop.sync.store.db import StoreError
from desktop.sync.views import AccountView, ConflictView, GuardView, MatterSyncState
from desktop.ui import labels, style
from desktop.ui.app import ensure_app, install_translations, run_gui
from desktop.ui.dialogs.conflict_dialog import ConflictDialog
from desktop.ui.dialogs.guard_dialogs import DeletionGuardDialog, NewMattersGuardDialog
from desktop.ui.dialogs.signout import clio_sign_out
from desktop.ui.engine_host import EngineHost
from desktop.ui.main_window import MainWindow
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.single_instance import acquire
from desktop.ui.tray import TrayController, attach_tray
from desktop.ui.wizards.connection.wizard import ConnectionWizard
from desktop.ui.wizards.matching.dialog import ContactMatchingDialog

log = logging.getLogger(__name__)

T = TypeVar("T")

CONFLICT_POLICY_TO_KEEP = {"keep_both": "both", "keep_local": "local", "keep_clio": "clio"}
NEEDS_WIZARD = (AuthError, WorkspaceNotConfigured, TargetError)  # a hand-edited bad URL too


def run_off_gui_thread(work: Callable[[], T]) -> T:
    """Run ``work`` on a worker thread while the GUI keeps painting; return or raise its result."""
    box: dict[str, Any] = {}
    loop = QEventLoop()

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed back to the GUI thread below
            box["error"] = exc
        QTimer.singleShot(0, loop, loop.quit)

    thread = threading.Thread(target=target, name="open-services", daemon=True)
    thread.start()
    if thread.is_alive():
        loop.exec()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


class Shell(QObject):
    """Keeps the latest conflicts, guards and matches, and opens the right dialog on request."""

    def __init__(
        self, paths: AppPaths, settings: Settings, services: Services, *, sandbox_url: str = ""
    ) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.services = services
        self.sandbox_url = sandbox_url
        self.restart_requested = False
        self.open_matching_at_start = False
        self.window: MainWindow | None = None
        self.host: EngineHost | None = None
        self.tray: TrayController | None = None
        self._conflicts: tuple[ConflictView, ...] = ()
        self._guards: tuple[GuardView, ...] = ()
        self._matching: ContactMatchingDialog | None = None
        self._conflict_dialog: ConflictDialog | None = None
        self._deletions: DeletionGuardDialog | None = None
        self._new_matters: NewMattersGuardDialog | None = None

    # -- wiring -------------------------------------------------------------------------------

    def attach(self, window: MainWindow, host: EngineHost) -> None:
        """``run_gui``'s ``on_ready``: connect the window's requests and the engine's events."""
        self.window, self.host = window, host
        window.openMatchingRequested.connect(self.open_matching)
        window.openConflictsRequested.connect(self.open_conflicts)
        window.openGuardRequested.connect(self.open_guard)
        window.openSettingsRequested.connect(self.open_settings)
        window.openConnectRequested.connect(self.reconnect)
        host.conflictsChanged.connect(self._on_conflicts)
        host.guardsChanged.connect(self._on_guards)
        host.matchesReady.connect(self._on_matches)
        host.commandFailed.connect(self._on_command_failed)
        app = QApplication.instance()
        self.tray = attach_tray(window, host.submit, on_quit=app.quit if app else None)
        if self.tray is not None:
            tray = self.tray
            host.statusChanged.connect(lambda e: tray.on_status(e.status))
            host.historyAdded.connect(lambda e: tray.on_history(e.entries))
            host.conflictsChanged.connect(lambda e: tray.on_conflicts(e.conflicts))
            host.guardsChanged.connect(lambda e: tray.on_guards(e.guards))
            host.mattersChanged.connect(lambda e: tray.on_matters(e.matters))
            host.notice.connect(lambda e: tray.on_notice(e))
            tray.open_requested.connect(window.show_and_raise)
            tray.activity_requested.connect(lambda _id: self._show_activity())
            tray.notification_clicked.connect(self._on_notification)
        if self.open_matching_at_start:
            QTimer.singleShot(0, self.open_matching)

    def _show_activity(self) -> None:
        if self.window is not None:
            self.window.show_and_raise()
            self.window.activity.setVisible(True)
            self.window.activity.raise_()

    def _on_notification(self, kind: str, matter_id: str) -> None:
        if self.window is None:
            return
        self.window.show_and_raise()
        if matter_id:
            self.window.select_matter(matter_id)
        if "conflict" in kind:
            self.open_conflicts()
        elif "guard" in kind or "deletion" in kind:
            if self._guards:
                self.open_guard(self._guards[0])
        elif "client" in kind:
            self.open_matching()

    # -- engine events --------------------------------------------------------------------------

    def _on_conflicts(self, event: ConflictsChanged) -> None:
        self._conflicts = event.conflicts
        if self._conflict_dialog is not None:
            self._conflict_dialog.on_conflicts(event.conflicts)

    def _on_guards(self, event: GuardsChanged) -> None:
        self._guards = event.guards
        for dialog in (self._deletions, self._new_matters):
            if dialog is not None:
                dialog.on_guards(event.guards)

    def _on_matches(self, event: MatchesReady) -> None:
        if self._matching is not None:
            self._matching.on_matches(event.results)

    def _on_command_failed(self, event: CommandFailed) -> None:
        if self._matching is not None and self._matching.isVisible():
            self._matching.on_command_failed(event.message, event.template, event.params)

    # -- dialogs --------------------------------------------------------------------------------

    def _submit(self, command: cmd.Command) -> None:
        if self.host is not None:
            self.host.submit(command)

    def open_matching(self) -> None:
        if self._matching is None:
            self._matching = ContactMatchingDialog([], self._submit, parent=self.window)
        matter = self.window.flyout.matter() if self.window is not None else None
        if matter is not None and matter.state is MatterSyncState.NEEDS_CLIENT:
            self._matching.show_matter(matter)
        else:
            self._matching.show_clients(None)
        self._submit(cmd.RefreshMatches())
        _present(self._matching)

    def open_conflicts(self) -> None:
        if not self._conflicts:
            return
        keep = CONFLICT_POLICY_TO_KEEP.get(str(self.settings.get("conflict_policy")), "both")
        if self._conflict_dialog is None:
            self._conflict_dialog = ConflictDialog(
                self._conflicts, self._submit, default_keep=keep, parent=self.window
            )
        else:
            self._conflict_dialog.on_conflicts(self._conflicts)
        _present(self._conflict_dialog)

    def open_guard(self, guard: object) -> None:
        if not isinstance(guard, GuardView):
            return
        if guard.kind == "new_matters":
            if self._new_matters is None:
                self._new_matters = NewMattersGuardDialog(guard, self._submit, parent=self.window)
            else:
                self._new_matters.on_guard(guard)
            _present(self._new_matters)
        elif guard.kind == "deletions":
            if self._deletions is None:
                self._deletions = DeletionGuardDialog(
                    [g for g in self._guards if g.kind == "deletions"] or [guard],
                    self._submit,
                    matter_label=self._matter_label,
                    parent=self.window,
                )
            else:
                self._deletions.on_guards(self._guards)
            _present(self._deletions)
        elif guard.kind == "activity_removals":
            self._confirm_activity_removals(guard)

    def _matter_label(self, matter_id: str) -> str:
        if self.window is not None:
            view = self.window.model.view_of(matter_id)
            if view is not None:
                return f"{view.number} {view.title}"
        return matter_id

    def _confirm_activity_removals(self, guard: GuardView) -> None:
        items = "\n".join(f"• {item}" for item in guard.items[:30])
        more = len(guard.items) - 30
        if more > 0:
            items += "\n" + self.tr("…and %1 more").replace("%1", str(more))
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Entries removed in Prolegis"))
        box.setText(
            self.tr(
                "%n time entries or expenses were removed in Prolegis at once.",
                "",
                len(guard.items),
            )
        )
        box.setInformativeText(
            self.tr(
                "These time entries and expenses were removed in Prolegis. Delete them in Clio too?"
            )
            + "\n\n"
            + items
        )
        delete = box.addButton(self.tr("Delete in Clio"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is delete:
            self._submit(cmd.AllowActivityRemovals(guard.matter_id))

    def open_settings(self) -> None:
        account = self.services.account
        view = AccountView(
            account.name or "",
            account.email or "",
            self.services.clio.session.target.region.value
            if self.services.clio.session.target.region
            else "",
            self.services.base_url,
        )
        dialog = SettingsDialog(
            self.settings,
            submit=self._submit,
            account=view,
            store_for=lambda target: token_store_for(target, self.paths.data_dir),
            autostart_command=default_command(self.paths.home),
            sign_out=clio_sign_out(self.settings, self.paths.data_dir),
            parent=self.window,
        )
        dialog.reconnect_requested.connect(self.reconnect)
        dialog.disconnected.connect(self._restart)
        dialog.diagnostics_requested.connect(self._diagnostics)
        folder = self.settings.get("workspace")
        dialog.exec()
        if self.settings.get("workspace") != folder and not self.restart_requested:
            self._ask_restart_for_folder()

    def _ask_restart_for_folder(self) -> None:
        """The engine works on one Prolegis folder: a new one takes a restart."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("New Prolegis folder"))
        box.setText(self.tr("The app restarts to sync the new Prolegis folder."))
        now = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is now:
            self._restart()

    def _diagnostics(self) -> None:
        from desktop.ui.diagnostics_action import create_diagnostics_interactively

        create_diagnostics_interactively(self.paths, self.window)

    def reconnect(self) -> None:
        wizard = ConnectionWizard(
            self.settings,
            self.paths.data_dir,
            sandbox_url=self.sandbox_url,
            submit=self._submit,
            reconnect=True,
            parent=self.window,
        )
        if wizard.exec() == QDialog.DialogCode.Accepted and wizard.signed_in is not None:
            self._restart()

    def _restart(self) -> None:
        """A new account or a disconnect: start the app again (the wizard comes first)."""
        self.restart_requested = True
        app = QApplication.instance()
        if app is not None:
            app.quit()


def _present(dialog: QWidget) -> None:
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()


def _connect(paths: AppPaths, settings: Settings, sandbox_url: str) -> tuple[Services, bool] | None:
    """Services for the engine; the connection wizard first when sign-in or folder is missing.

    Returns None when the user cancels. The bool says whether to open contact matching.
    """
    match_now = False
    while True:
        try:
            return run_off_gui_thread(lambda: open_services(paths, settings)), match_now
        except NEEDS_WIZARD as exc:
            log.info("connection needed: %s", exc)
            wizard = ConnectionWizard(settings, paths.data_dir, sandbox_url=sandbox_url)
            if wizard.exec() != QDialog.DialogCode.Accepted:
                return None
            match_now = wizard.match_contacts_now
        except ClioError as exc:
            if not _ask_retry(labels.message_text(exc.user_template)):
                return None
        except StoreError as exc:
            if not _ask_retry(exc.user_message):
                return None


def _ask_retry(message: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Critical, QApplication.translate("Shell", "Prolegis ⇄ Clio"), message
    )
    retry = box.addButton(
        QApplication.translate("Shell", "Try again"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QApplication.translate("Shell", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is retry


def launch(
    paths: AppPaths,
    *,
    sandbox_url: str = "",
    argv: list[str] | None = None,
    start_hidden: bool = False,
    quit_after_ms: int | None = None,
) -> int:
    """The desktop app: returns the process exit code."""
    app = ensure_app(argv)
    settings = Settings(paths.settings_file)
    language = str(settings.get("language") or "")
    style.apply_style(app)
    install_translations(app, language)
    home = paths.home if paths.home is not None else paths.data_dir
    guard = acquire(home, app)
    if guard is None:
        return 0
    lock = InstanceLock(paths.lock_file, "desktop app")
    try:
        lock.acquire()
    except LockHeld as held:
        QMessageBox.critical(None, QApplication.translate("Shell", "Prolegis ⇄ Clio"), str(held))
        guard.close()
        return 1
    services: Services | None = None
    try:
        connected = _connect(paths, settings, sandbox_url)
        if connected is None:
            guard.close()
            return 0
        services, match_now = connected
        shell = Shell(paths, settings, services, sandbox_url=sandbox_url)
        shell.open_matching_at_start = match_now
        engine = build_engine(services)
        code = run_gui(
            paths,
            engine,
            argv=argv,
            language=language,
            start_hidden=start_hidden,
            on_ready=shell.attach,
            quit_after_ms=quit_after_ms,
            guard=guard,
        )
    finally:
        if services is not None:
            services.store.close()
            services.clio.close()
        lock.release()
    if shell.restart_requested:
        QProcess.startDetached(sys.executable, sys.orig_argv[1:])
    return code
