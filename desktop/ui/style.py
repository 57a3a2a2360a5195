"""The look of the app: system fonts and palette, dark mode following the OS, one accent colour.

Public API (stable; the dialogs, wizards and tray use it too):

* :data:`ACCENT_LIGHT` / :data:`ACCENT_DARK` — the one accent colour, for light and dark palettes.
* :func:`apply_style(app)` — call once after creating the ``QApplication``: keeps the platform
  style and fonts, sets the accent on ``Highlight``/``Accent``/``Link``, and re-applies itself
  when the OS switches between light and dark.
* :func:`is_dark()` — whether the current palette is dark.
* :func:`colour(role)` — a semantic colour (``"ok"``, ``"busy"``, ``"warn"``, ``"bad"``,
  ``"muted"``, ``"accent"``, ``"clio"``, ``"text"``, ``"banner_warn_bg"``, ``"banner_info_bg"``,
  ``"banner_bad_bg"``, ``"drop_bg"``) tuned for the current palette. Status is never shown by
  colour alone: pair it with an icon and words.
* :func:`theme_notifier()` — a ``QObject`` whose ``changed`` signal fires after the palette
  switched (light ↔ dark); widgets that cache icons or colours refresh on it.
* :func:`small_font()`, :func:`title_font()`, :func:`heading_font()` — derived from the
  system font, never hard-coded families.
* :data:`SPACING` — the base spacing unit (px) used by the main window's layouts.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ACCENT_LIGHT = "#1f5fbf"
ACCENT_DARK = "#6ea6f2"
SPACING = 8

_COLOURS: dict[str, tuple[str, str]] = {
    # role: (light palette, dark palette)
    "ok": ("#1e7e34", "#57c46f"),
    "busy": (ACCENT_LIGHT, ACCENT_DARK),
    "accent": (ACCENT_LIGHT, ACCENT_DARK),
    "warn": ("#d08a00", "#f0ad3c"),
    "bad": ("#c62828", "#f26b65"),
    "muted": ("#66707c", "#9aa4b0"),
    "clio": ("#0b6fc4", "#3d9bea"),
    "banner_warn_bg": ("#fff4d6", "#4a3a12"),
    "banner_info_bg": ("#e6effc", "#1f3352"),
    "banner_bad_bg": ("#fde7e6", "#4d1f1e"),
    "drop_bg": ("#e6effc", "#1f3352"),
}


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is darker than its text (the OS is in dark mode)."""
    app = QGuiApplication.instance()
    hints_scheme = None
    if palette is None and app is not None:
        hints_scheme = QGuiApplication.styleHints().colorScheme()
        if hints_scheme == Qt.ColorScheme.Dark:
            return True
        if hints_scheme == Qt.ColorScheme.Light:
            return False
    pal = palette if palette is not None else QGuiApplication.palette()
    return (
        pal.color(QPalette.ColorRole.Window).lightness()
        < pal.color(QPalette.ColorRole.WindowText).lightness()
    )


def colour(role: str) -> QColor:
    """The semantic colour ``role`` for the current palette; ``"text"`` is the window text."""
    if role == "text":
        return QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    try:
        light, dark = _COLOURS[role]
    except KeyError:
        known = ", ".join(_COLOURS)
        raise KeyError(f"unknown colour role {role!r}; known: text, {known}") from None
    return QColor(dark if is_dark() else light)


def accent() -> QColor:
    """The accent colour for the current palette."""
    return QColor(ACCENT_DARK if is_dark() else ACCENT_LIGHT)


class _ThemeNotifier(QObject):
    """Emits ``changed`` after the palette switched between light and dark."""

    changed = Signal()


_notifier: _ThemeNotifier | None = None


def theme_notifier() -> _ThemeNotifier:
    """The app-wide notifier (created on first use, owned by the application)."""
    global _notifier
    if _notifier is None:
        _notifier = _ThemeNotifier(QGuiApplication.instance())
    return _notifier


def _accent_palette() -> QPalette:
    """A palette that sets only the accent roles; every other role keeps following the system."""
    pal = QPalette()
    dark = is_dark()
    acc = QColor(ACCENT_DARK if dark else ACCENT_LIGHT)
    on_acc = QColor("#0d1117") if dark else QColor("#ffffff")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Highlight, acc)
        pal.setColor(group, QPalette.ColorRole.HighlightedText, on_acc)
        pal.setColor(group, QPalette.ColorRole.Link, acc)
        pal.setColor(group, QPalette.ColorRole.Accent, acc)
    return pal


def _merge(base: QPalette, accent_pal: QPalette) -> QPalette:
    merged = accent_pal.resolve(base)
    return merged


def _fallback_dark_palette() -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202226",
        QPalette.ColorRole.WindowText: "#e6e8eb",
        QPalette.ColorRole.Base: "#17191c",
        QPalette.ColorRole.AlternateBase: "#1d2024",
        QPalette.ColorRole.Text: "#e6e8eb",
        QPalette.ColorRole.Button: "#2b2e33",
        QPalette.ColorRole.ButtonText: "#e6e8eb",
        QPalette.ColorRole.ToolTipBase: "#2b2e33",
        QPalette.ColorRole.ToolTipText: "#e6e8eb",
        QPalette.ColorRole.PlaceholderText: "#8b939c",
        QPalette.ColorRole.Mid: "#3a3e44",
        QPalette.ColorRole.Midlight: "#34373d",
        QPalette.ColorRole.Dark: "#111315",
        QPalette.ColorRole.Light: "#3d4147",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.BrightText: "#ffffff",
    }
    for role, value in roles.items():
        pal.setColor(role, QColor(value))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6d737a"))
    return pal


def apply_style(app: QApplication, scheme: str = "") -> None:
    """Keep the platform style and fonts; add the accent; follow the OS light/dark switch.

    ``scheme`` ``"dark"``/``"light"`` overrides the OS (screenshots, tests); empty follows it.
    """
    hints = QGuiApplication.styleHints()
    if scheme:
        hints.setColorScheme(Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
        if scheme == "dark" and not is_dark():
            # The platform cannot switch (offscreen, old desktops): use a plain dark palette.
            app.setPalette(_fallback_dark_palette())
    app.setPalette(_merge(app.palette(), _accent_palette()))
    if not getattr(app, "_prolegis_style_hooked", False):
        app._prolegis_style_hooked = True  # type: ignore[attr-defined]

        def _scheme_changed(_scheme: Qt.ColorScheme) -> None:
            app.setPalette(_merge(app.palette(), _accent_palette()))
            from desktop.ui import icons  # late import: icons depends on this module

            icons.clear_cache()
            theme_notifier().changed.emit()

        hints.colorSchemeChanged.connect(_scheme_changed)


def small_font() -> QFont:
    """The system font, about one step smaller (secondary text, captions)."""
    f = QFont(QGuiApplication.font())
    size = f.pointSizeF()
    if size > 0:
        f.setPointSizeF(max(size - 1.0, size * 0.88))
    return f


def heading_font() -> QFont:
    """The system font in semibold (section headings)."""
    f = QFont(QGuiApplication.font())
    f.setWeight(QFont.Weight.DemiBold)
    return f


def title_font() -> QFont:
    """A larger semibold system font (a panel's title, e.g. the matter number in the fly-out)."""
    f = heading_font()
    size = f.pointSizeF()
    if size > 0:
        f.setPointSizeF(size * 1.3)
    return f


def hex_colour(role: str) -> str:
    """``colour(role)`` as ``#rrggbb``, for style sheets."""
    return colour(role).name()
