"""The screens ``screenshots.py`` renders: name → (factory, width, height)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from tests.ui.dialogs.conftest import Recorder
from tests.ui.dialogs.factories import (
    deletion_guard,
    many_clients,
    new_matters_guard,
    three_conflicts,
)

LABELS = {
    "m-2024-0012": "2024-0012 Purchase of 12 Elm St",
    "m-2025-0107": "2025-0107 Estate of Marguerite-Éléonore Tremblay-Okafor",
}


def conflict_dialog() -> QWidget:
    from desktop.ui.dialogs.conflict_dialog import ConflictDialog

    return ConflictDialog(three_conflicts(), Recorder())


def guard_deletions() -> QWidget:
    from desktop.ui.dialogs.guard_dialogs import DeletionGuardDialog

    guards = [deletion_guard("m-2024-0012", 63), deletion_guard("m-2025-0107", 12)]
    dlg = DeletionGuardDialog(guards, Recorder(), matter_label=LABELS.__getitem__)
    top = dlg.tree.topLevelItem(1)
    if top is not None:
        top.setExpanded(False)
    return dlg


def guard_new_matters() -> QWidget:
    from desktop.ui.dialogs.guard_dialogs import NewMattersGuardDialog

    return NewMattersGuardDialog(new_matters_guard(12), Recorder())


def matching_wizard() -> QWidget:
    from desktop.ui.wizards.matching import ContactMatchingDialog

    return ContactMatchingDialog(many_clients(240), Recorder())


SCREENS: dict[str, tuple[Callable[[], QWidget], int, int]] = {
    "conflict-dialog": (conflict_dialog, 900, 620),
    "guard-deletions": (guard_deletions, 760, 560),
    "guard-new-matters": (guard_new_matters, 700, 500),
    "matching-wizard": (matching_wizard, 1280, 800),
}


# ---------------------------------------------------------------- connection wizard

LONG_EMAIL = "marguerite-eleonore.tremblay-okafor@cabinet-tremblay-okafor.qc.ca"
_tmp_dirs: list[object] = []


def _scratch(name: str) -> Path:
    """A fixed scratch folder (same paths, same pictures, run after run), emptied first."""
    import shutil
    import tempfile

    path = Path(tempfile.gettempdir()) / "prolegis-screens" / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


class _Attempt:
    """A sign-in attempt that waits until cancelled (the screenshots never finish it)."""

    url = (
        "https://ca.app.clio.com/oauth/authorize?response_type=code&client_id=prolegis-desktop"
        "&redirect_uri=http%3A%2F%2F127.0.0.1%3A53682%2Fcallback&state=…"
    )

    def __init__(self) -> None:
        import threading

        self._cancel = threading.Event()

    def wait(self, timeout: float) -> object:
        from desktop.clio.errors import SignInCancelled

        self._cancel.wait(timeout)
        raise SignInCancelled("cancelled")

    def cancel(self) -> None:
        self._cancel.set()

    def close(self) -> None:
        pass


class _Service:
    def start(self, request: object) -> _Attempt:
        return _Attempt()


def _wizard(page: int, *, prepare: Callable[[object], None] | None = None) -> QWidget:
    import tempfile
    from pathlib import Path

    from desktop.clio.regions import ClioTarget
    from desktop.settings import Settings
    from desktop.ui.wizards.connection import ConnectionWizard, SignedIn

    tmp = tempfile.TemporaryDirectory(prefix="prolegis-shots-")
    _tmp_dirs.append(tmp)
    settings = Settings(Path(tmp.name) / "settings.json")
    settings.update({"client_id": "", "prolegis_username": ""})
    wiz = ConnectionWizard(settings, Path(tmp.name), service=_Service(), opener=lambda _u: True)
    wiz.ctx.signed_in = SignedIn(
        ClioTarget.for_region("ca"), "345", "Marguerite-Éléonore Tremblay-Okafor", LONG_EMAIL
    )
    wiz.setStartId(page)
    wiz.restart()
    if prepare is not None:
        prepare(wiz)
    return wiz


def _folder(wiz: object) -> None:
    from desktop.prolegis.builder import generate_firm

    root = _scratch("wizard") / "Documents" / "Cabinet Tremblay-Okafor — Prolegis"
    generate_firm(
        root, seed=3, clients=1310, matters=412, documents=False, activities_per_matter=(0, 1)
    )
    page = wiz.folder_page  # type: ignore[attr-defined]
    page.path.setText(str(root))
    page.check()
    for t in list(page.chooser._threads):
        t.wait(30000)
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()


def _signin_waiting(wiz: object) -> None:
    wiz.ctx.signed_in = None  # type: ignore[attr-defined]
    wiz.signin_page.initializePage()  # type: ignore[attr-defined]
    wiz.signin_page.start()  # type: ignore[attr-defined]
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + 5
    while not wiz.signin_page.url and time.monotonic() < deadline:  # type: ignore[attr-defined]
        QApplication.processEvents()


def _signin_denied(wiz: object) -> None:
    from desktop.clio.errors import AuthorizationDenied
    from desktop.ui.wizards.connection.signin import explain

    wiz.ctx.signed_in = None  # type: ignore[attr-defined]
    page = wiz.signin_page  # type: ignore[attr-defined]
    page.initializePage()
    page._failed(*explain(AuthorizationDenied("declined"), 53682))
    page._show_state()


def _username(wiz: object) -> None:
    page = wiz.username_page  # type: ignore[attr-defined]
    page.username.setText("mtremblay-okafor")
    page.mode_buttons["these"].setChecked(True)
    page.others.setText("jfcote, lnakamura")


def connection_pages() -> dict[str, tuple[Callable[[], QWidget], int, int]]:
    from desktop.ui.wizards.connection import pages_clio as p

    def make(page: int, prepare: Callable[[object], None] | None = None) -> Callable[[], QWidget]:
        return lambda: _wizard(page, prepare=prepare)

    return {
        "connection-wizard-1-welcome": (make(p.PAGE_WELCOME), 820, 620),
        "connection-wizard-2-region": (make(p.PAGE_REGION), 820, 620),
        "connection-wizard-3-advanced": (make(p.PAGE_ADVANCED), 820, 620),
        "connection-wizard-4-signin-waiting": (make(p.PAGE_SIGNIN, _signin_waiting), 820, 620),
        "connection-wizard-4-signin-denied": (make(p.PAGE_SIGNIN, _signin_denied), 820, 620),
        "connection-wizard-5-account": (make(p.PAGE_ACCOUNT), 820, 620),
        "connection-wizard-6-username": (make(p.PAGE_USERNAME, _username), 820, 620),
        "connection-wizard-7-folder": (make(p.PAGE_FOLDER, _folder), 820, 620),
        "connection-wizard-8-matching": (make(p.PAGE_MATCHING), 820, 620),
        "connection-wizard-9-done": (make(p.PAGE_DONE), 820, 620),
    }


SCREENS.update(connection_pages())


# ---------------------------------------------------------------- settings


def settings_dialog(tab: int = 0) -> Callable[[], QWidget]:
    def make() -> QWidget:
        from desktop.autostart import XdgAutostart
        from desktop.prolegis.builder import generate_firm
        from desktop.settings import Settings
        from desktop.sync.views import AccountView
        from desktop.ui.settings_dialog import SettingsDialog

        base = _scratch(f"settings-{tab}")
        root = base / "Documents" / "Cabinet Tremblay-Okafor — Prolegis"
        generate_firm(
            root, seed=3, clients=60, matters=40, documents=False, activities_per_matter=(0, 1)
        )
        settings = Settings(base / "settings.json")
        settings.update(
            {
                "workspace": str(root),
                "prolegis_username": "mtremblay-okafor",
                "activity_authors": "mtremblay-okafor",
                "conflict_policy": "ask",
            }
        )
        account = AccountView(
            name="Marguerite-Éléonore Tremblay-Okafor",
            email=LONG_EMAIL,
            region="ca",
            base_url="https://ca.app.clio.com",
        )
        dlg = SettingsDialog(
            settings, account=account, autostart=XdgAutostart(config_home=base / "xdg")
        )
        dlg.tabs.setCurrentIndex(tab)
        import time

        from PySide6.QtWidgets import QApplication

        deadline = time.monotonic() + 20  # the folder check answers (off the GUI thread)
        while dlg.folder.is_checking() and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.005)
        for _ in range(5):
            QApplication.processEvents()
        return dlg

    return make


SCREENS.update(
    {
        "settings": (settings_dialog(0), 720, 600),
        "settings-clio": (settings_dialog(1), 720, 600),
        "settings-time-entries": (settings_dialog(2), 720, 600),
        "settings-conflicts": (settings_dialog(3), 720, 600),
    }
)
