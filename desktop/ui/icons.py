"""The app's icons: a small, consistent SVG set in ``desktop/resources/icons``, coloured for the
current palette and rendered crisp at every size and device-pixel ratio.

Public API (stable; the dialogs, wizards and tray use it too):

* :func:`icon(name) -> QIcon` — one of the names below; an unknown name raises ``KeyError``.
* :func:`matter_state_icon(state)`, :func:`document_state_icon(state)`,
  :func:`engine_state_icon(state)` — the status icon of a ``MatterSyncState``,
  ``DocumentState`` or ``EngineState``. Always show it with words beside it
  (``desktop.ui.labels``): status is never told by colour alone.
* :func:`pixmap(name, size, dpr=1.0) -> QPixmap` — a pixmap of ``size`` logical pixels.
* :func:`names() -> tuple[str, ...]` — every icon name.
* :func:`clear_cache()` — drop rendered icons (called when the palette switches light ↔ dark).

Names
-----
Actions (drawn in the palette's text colour): ``pause``, ``resume``, ``sync``, ``info``,
``open-external``, ``push``, ``folder``, ``folder-open``, ``close``, ``search``, ``settings``,
``link``, ``unlink``, ``copy``, ``file``, ``add``, ``drop``, ``activity``, ``filter``,
``client``, ``matter``, ``sign-in``.

Marks: ``clio`` (the "linked to Clio" mark, Clio blue), ``app`` (the app's own mark, accent).

Notices: ``ok``, ``info-notice`` (accent), ``warning``, ``error``.

Matter states: ``matter-in_sync``, ``matter-syncing``, ``matter-pending``,
``matter-needs_client``, ``matter-not_synced``, ``matter-conflict``, ``matter-error``,
``matter-paused``, ``matter-waiting``.

Document states: ``document-in_sync``, ``document-uploading``, ``document-downloading``,
``document-pending``, ``document-historical``, ``document-conflict``, ``document-error``,
``document-waiting``, ``document-held``.

Engine states (also the tray's): ``engine-idle``, ``engine-syncing``, ``engine-paused``,
``engine-offline``, ``engine-error``, ``engine-conflict``, ``engine-signed_out``,
``engine-starting``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop.sync.views import DocumentState, EngineState, MatterSyncState
from desktop.ui import style

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"

# name -> (svg file stem, colour role of desktop.ui.style.colour)
_ICONS: dict[str, tuple[str, str]] = {
    # actions
    "pause": ("pause", "text"),
    "resume": ("play", "text"),
    "sync": ("sync", "text"),
    "info": ("info", "text"),
    "open-external": ("open-external", "text"),
    "push": ("push", "text"),
    "folder": ("folder", "text"),
    "folder-open": ("folder-open", "text"),
    "close": ("close", "text"),
    "search": ("search", "muted"),
    "settings": ("settings", "text"),
    "link": ("link", "text"),
    "unlink": ("unlink", "text"),
    "copy": ("copy", "text"),
    "file": ("file", "muted"),
    "add": ("add", "text"),
    "drop": ("drop", "accent"),
    "activity": ("activity", "text"),
    "filter": ("filter", "text"),
    "client": ("person", "text"),
    "matter": ("briefcase", "text"),
    "sign-in": ("sign-in", "text"),
    # marks
    "clio": ("clio", "clio"),
    "app": ("app", "accent"),
    # notices
    "ok": ("check-disc", "ok"),
    "info-notice": ("info", "accent"),
    "warning": ("warning-triangle", "warn"),
    "error": ("error-disc", "bad"),
    # matter states
    "matter-in_sync": ("check-disc", "ok"),
    "matter-syncing": ("sync", "busy"),
    "matter-pending": ("clock", "busy"),
    "matter-needs_client": ("person-alert", "warn"),
    "matter-not_synced": ("dashed-circle", "muted"),
    "matter-conflict": ("warning-triangle", "warn"),
    "matter-error": ("error-disc", "bad"),
    "matter-paused": ("pause-disc", "muted"),
    "matter-waiting": ("hourglass", "warn"),
    # document states
    "document-in_sync": ("check-disc", "ok"),
    "document-uploading": ("arrow-up", "busy"),
    "document-downloading": ("arrow-down", "busy"),
    "document-pending": ("clock", "busy"),
    "document-historical": ("dashed-circle", "muted"),
    "document-conflict": ("warning-triangle", "warn"),
    "document-error": ("error-disc", "bad"),
    "document-waiting": ("hourglass", "muted"),
    "document-held": ("shield", "warn"),
    # engine states (toolbar, tray)
    "engine-idle": ("check-disc", "ok"),
    "engine-syncing": ("sync", "busy"),
    "engine-paused": ("pause-disc", "muted"),
    "engine-offline": ("cloud-off", "muted"),
    "engine-error": ("error-disc", "bad"),
    "engine-conflict": ("warning-triangle", "warn"),
    "engine-signed_out": ("sign-in", "muted"),
    "engine-starting": ("dots", "muted"),
}

# Logical sizes rendered into each icon; Qt picks the closest for the size × device-pixel ratio.
_SIZES = (12, 16, 20, 24, 32, 40, 48, 64, 96, 128)

_svg_cache: dict[str, str] = {}
_icon_cache: dict[str, QIcon] = {}


def names() -> tuple[str, ...]:
    """Every icon name :func:`icon` accepts."""
    return tuple(_ICONS)


def _svg(stem: str) -> str:
    text = _svg_cache.get(stem)
    if text is None:
        text = (ICON_DIR / f"{stem}.svg").read_text(encoding="utf-8")
        _svg_cache[stem] = text
    return text


def _renderer(name: str, colour: str | None = None) -> QSvgRenderer:
    try:
        stem, role = _ICONS[name]
    except KeyError:
        raise KeyError(f"unknown icon {name!r}; see desktop.ui.icons for the names") from None
    svg = _svg(stem).replace("currentColor", colour or style.colour(role).name())
    return QSvgRenderer(QByteArray(svg.encode("utf-8")))


# Line glyphs in these roles would vanish on the selection highlight: in a selected row they
# are drawn in the highlighted-text colour instead. Filled marks keep their colours.
_SELECTED_RECOLOUR = frozenset({"text", "muted", "busy", "accent"})
_FILLED = frozenset({"clio", "app", "check-disc", "error-disc", "warning-triangle"})


def _render(renderer: QSvgRenderer, px: int) -> QPixmap:
    pm = QPixmap(px, px)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, px, px))
    painter.end()
    return pm


def icon(name: str) -> QIcon:
    """The icon ``name`` (see the module docstring), coloured for the current palette."""
    cached = _icon_cache.get(name)
    if cached is not None:
        return cached
    renderer = _renderer(name)
    result = QIcon()
    for size in _SIZES:
        result.addPixmap(_render(renderer, size))
    stem, role = _ICONS[name]
    if role in _SELECTED_RECOLOUR and stem not in _FILLED:
        highlighted = QGuiApplication.palette().color(QPalette.ColorRole.HighlightedText)
        selected = _renderer(name, highlighted.name())
        for size in _SIZES:
            result.addPixmap(_render(selected, size), QIcon.Mode.Selected)
    _icon_cache[name] = result
    return result


def pixmap(name: str, size: int, dpr: float | None = None) -> QPixmap:
    """``name`` rendered at ``size`` logical pixels for device-pixel ratio ``dpr``."""
    if dpr is None:
        app = QGuiApplication.instance()
        dpr = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    pm = _render(_renderer(name), max(1, round(size * dpr)))
    pm.setDevicePixelRatio(dpr)
    return pm


def matter_state_icon(state: MatterSyncState) -> QIcon:
    """The status icon of a matter state."""
    return icon(f"matter-{MatterSyncState(state).value}")


def document_state_icon(state: DocumentState) -> QIcon:
    """The status icon of a document state."""
    return icon(f"document-{DocumentState(state).value}")


def engine_state_icon(state: EngineState) -> QIcon:
    """The status icon of the engine's overall state (toolbar, tray)."""
    return icon(f"engine-{EngineState(state).value}")


def clear_cache() -> None:
    """Forget rendered icons so the next :func:`icon` call uses the current palette."""
    _icon_cache.clear()


def default_size() -> QSize:
    """The small icon size used in lists and tables."""
    return QSize(16, 16)
