"""Start the GUI: the ``QApplication``, the single-instance guard, the crash dialog, the main
window and the engine's thread. ``run_gui`` returns the process exit code.

The composition root (``desktop.app``) builds the engine and calls :func:`run_gui`; the tray,
dialogs and wizards are attached through ``on_ready(window, host)``.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, __version__
from desktop.paths import AppPaths
from desktop.sync.commands import RequestSnapshot
from desktop.sync.engine_api import EngineAPI
from desktop.ui import i18n, icons, style
from desktop.ui.crash import CrashHandler
from desktop.ui.engine_host import EngineHost
from desktop.ui.main_window import MainWindow
from desktop.ui.single_instance import SingleInstance, acquire

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = i18n.TRANSLATIONS_DIR
SHUTDOWN_TIMEOUT_MS = 8000

OnReady = Callable[[MainWindow, EngineHost], None]


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The ``QApplication`` (created once, with the app's name, icon and style)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Prolegis ⇄ Clio")
    app.setOrganizationName("Prolegis")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(icons.icon("app"))
    return app


def install_translations(app: QApplication, language: str = "") -> str:
    """Qt's own and the app's translations for ``language`` (empty: the system's), replacing
    any installed before; returns the language shown (see :func:`desktop.ui.i18n.install_language`,
    which the settings call again to switch while the app runs)."""
    return i18n.install_language(app, language)


def run_gui(
    paths: AppPaths,
    engine: EngineAPI,
    *,
    argv: list[str] | None = None,
    language: str = "",
    scheme: str = "",
    start_hidden: bool = False,
    on_ready: OnReady | None = None,
    quit_after_ms: int | None = None,
    guard: SingleInstance | None = None,
) -> int:
    """Run the GUI over ``engine`` until the user quits; returns the exit code.

    ``start_hidden`` starts in the tray (the tray's module shows the window later);
    ``quit_after_ms`` quits by itself (the launch benchmark, smoke tests); ``guard`` is the
    single-instance guard when the caller (``desktop.ui.shell``) already holds it.
    """
    started = time.perf_counter()
    app = ensure_app(argv)
    style.apply_style(app, scheme)
    _install_english_plurals(app)
    install_translations(app, language)
    if guard is None:
        home = paths.home if paths.home is not None else paths.data_dir
        guard = acquire(home, app)
        if guard is None:
            log.info("another window is open on %s: raised it", home)
            return 0

    host = EngineHost(engine, app)
    window = MainWindow(host)
    crash = CrashHandler(paths.log_dir, lambda: window).install()
    host.engineFailed.connect(crash.report_text)
    guard.activationRequested.connect(window.show_and_raise)
    settings = QSettings(str(paths.config_dir / "window.ini"), QSettings.Format.IniFormat)
    _restore_window(window, settings)

    def _shutdown() -> None:
        _save_window(window, settings)
        if not host.shutdown(SHUTDOWN_TIMEOUT_MS):
            log.error("the engine did not stop in time; leaving without waiting for it")
        guard.close()

    app.aboutToQuit.connect(_shutdown)
    host.start()
    host.submit(RequestSnapshot())
    if on_ready is not None:
        on_ready(window, host)
    if not start_hidden:
        window.show()
    log.info("window ready in %.0f ms", (time.perf_counter() - started) * 1000)
    if quit_after_ms is not None:
        QTimer.singleShot(quit_after_ms, app.quit)
    try:
        code = app.exec()
    finally:
        crash.uninstall()
        app.aboutToQuit.disconnect(_shutdown)
    if host.is_running():  # the engine ignored Shutdown: do not hang the user's session
        logging.shutdown()
        os._exit(code or 1)
    return code


def _install_english_plurals(app: QApplication) -> None:
    """English plural forms for the dialogs' ``%n … (s)`` texts (see ``dialogs.plurals``)."""
    try:
        from desktop.ui.dialogs.plurals import install_english_plurals
    except ImportError:  # the dialogs package is optional for the main window
        return
    install_english_plurals(app)


def _restore_window(window: MainWindow, settings: QSettings) -> None:
    geometry = settings.value("main/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(1280, 800)
    state = settings.value("main/state")
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)


def _save_window(window: MainWindow, settings: QSettings) -> None:
    settings.setValue("main/geometry", window.saveGeometry())
    settings.setValue("main/state", window.saveState())
    settings.sync()
