"""``prolegis-desktop --selftest``: prove an installed or bundled copy is complete.

Starts the GUI offscreen (a main window over an idle engine), renders every icon, loads the
French translation, checks that the keyring backends and the OS certificate store load, and
starts and stops the embedded Clio sandbox. Prints one line per check; exit 0 when all pass.
"""

from __future__ import annotations

import importlib
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from desktop.sync.commands import Command, Shutdown
from desktop.sync.engine_api import Listener

TRANSLATIONS = Path(__file__).resolve().parent / "resources" / "translations"


class IdleEngine:
    """An engine with nothing to do: it serves the GUI's commands until Shutdown."""

    def __init__(self) -> None:
        self._done = threading.Event()

    def submit(self, command: Command) -> None:
        if isinstance(command, Shutdown):
            self._done.set()

    def add_listener(self, listener: Listener) -> None:
        del listener

    def run(self) -> None:
        self._done.wait()


def _check_gui() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTranslator

    from desktop.ui import icons
    from desktop.ui.app import ensure_app
    from desktop.ui.engine_host import EngineHost
    from desktop.ui.main_window import MainWindow

    app = ensure_app([sys.argv[0]])
    names = icons.names()
    broken = [n for n in names if icons.icon(n).isNull()]
    if broken:
        raise RuntimeError(f"icons missing or unreadable: {', '.join(broken)}")
    qm = TRANSLATIONS / "prolegis_fr.qm"
    translator = QTranslator()
    if not translator.load(str(qm)):
        raise RuntimeError(f"the French translation is missing or unreadable: {qm}")
    host = EngineHost(IdleEngine(), app)
    window = MainWindow(host)
    host.start()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    shot = window.grab()
    if shot.isNull() or shot.width() < 100:
        raise RuntimeError("the main window did not render")
    window.close()
    host.shutdown(5000)
    return f"main window rendered; {len(names)} icons; French translation loaded"


def _check_keyring() -> str:
    import keyring
    import keyring.backend

    platform_modules = {
        "linux": [
            "keyring.backends.SecretService",
            "keyring.backends.kwallet",
            "keyring.backends.libsecret",
        ],
        "win32": ["keyring.backends.Windows"],
        "darwin": ["keyring.backends.macOS"],
    }
    key = "linux" if sys.platform.startswith("linux") else sys.platform
    for module in platform_modules.get(key, []):
        importlib.import_module(module)
    backends = keyring.backend.get_all_keyring()
    current = keyring.get_keyring()
    return (
        f"{len(backends)} keyring backends load; in use here: "
        f"{type(current).__module__}.{type(current).__name__}"
    )


def _check_certificates() -> str:
    from desktop.clio.httpclient import ssl_context

    ssl_context()
    return "OS certificate store (truststore) usable"


def _check_sandbox() -> str:
    from desktop.sandbox import Sandbox, SandboxConfig

    with tempfile.TemporaryDirectory() as tmp, Sandbox(SandboxConfig(data_dir=tmp)) as sb:
        import httpx

        answer = httpx.get(f"{sb.base_url}/api/v4/users/who_am_i.json", timeout=5)
        if answer.status_code != 401:
            raise RuntimeError(f"sandbox answered {answer.status_code} without a token")
        return f"embedded Clio sandbox starts ({sb.base_url})"


CHECKS: list[tuple[str, Callable[[], str]]] = [
    ("gui", _check_gui),
    ("keyring", _check_keyring),
    ("certificates", _check_certificates),
    ("sandbox", _check_sandbox),
]


def run_selftest(out: Callable[[str], None] = print) -> int:
    failed = 0
    for name, check in CHECKS:
        try:
            out(f"ok      {name}: {check()}")
        except Exception as exc:  # every failure is reported, then the next check runs
            failed += 1
            out(f"FAILED  {name}: {type(exc).__name__}: {exc}")
    out("selftest passed" if not failed else f"selftest failed ({failed})")
    return 0 if not failed else 1
