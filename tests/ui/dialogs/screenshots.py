"""Render every dialog, wizard page, the settings and the tray menu to PNG files with realistic,
long names, for ``docs/screenshots/``.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.dialogs.screenshots \
        [--lang fr] [OUT_DIR] [NAME…]

``--lang fr`` renders the French translation (default folder ``docs/screenshots/fr``; build it
first with ``scripts/build-translations``).

The dialogs are shown with fake engine data (``tests.ui.dialogs.factories``) and a command
recorder; nothing talks to Clio. ``tests/ui/dialogs/test_screenshots.py`` runs this into a
temporary folder so a screen that stops rendering fails the tests.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.dialogs.plurals import install_english_plurals

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_OUT = ROOT / "docs" / "screenshots"


def _grab(widget: QWidget, path: Path, width: int, height: int) -> Path:
    widget.resize(width, height)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    pm: QPixmap = widget.grab()
    pm.save(str(path))
    return path


def render(out: Path, only: set[str] | None = None) -> list[Path]:
    """Render the screens into ``out``; returns the files written."""
    from tests.ui.dialogs import screens

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    table: dict[str, tuple[Callable[[], QWidget], int, int]] = screens.SCREENS
    for name, (make, width, height) in table.items():
        if only and name not in only:
            continue
        widget = make()
        written.append(_grab(widget, out / f"{name}.png", width, height))
        widget.close()
        widget.deleteLater()
    extra = getattr(screens, "EXTRA", {})
    for name, producer in extra.items():
        if only and name not in only:
            continue
        path = producer(out / f"{name}.png")
        if path is not None:
            written.append(path)
    return written


def setup_app(language: str = "en") -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Canada))
    from desktop.ui import i18n, style

    style.apply_style(app, "light")
    install_english_plurals(app)
    if language != "en" and i18n.install_language(app, language) != language:
        raise SystemExit(f"no {language} translation: run scripts/build-translations")
    return app


def main(argv: list[str]) -> int:
    language = "en"
    if "--lang" in argv:
        at = argv.index("--lang")
        language = argv[at + 1]
        argv = argv[:at] + argv[at + 2 :]
    app = setup_app(language)
    default = DEFAULT_OUT if language == "en" else DEFAULT_OUT / language
    out = Path(argv[0]) if argv else default
    files = render(out, set(argv[1:]) or None)
    for f in files:
        print(f)
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
