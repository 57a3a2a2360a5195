"""Icons the dialogs, wizards and tray need beyond ``desktop.ui.icons``: match bands, evidence
marks, a few actions, and the tray's icon per engine state (the app's mark with a state badge).

SVG files in ``desktop/resources/icons`` are coloured for the current palette (``currentColor``
→ a ``desktop.ui.style`` colour) and rendered at several sizes, so they stay crisp at any
device-pixel ratio. Names this module owns: ``band-confident``, ``band-review``, ``band-none``,
``band-linked``, ``evidence-agrees``, ``evidence-disagrees``, ``evidence-partial``,
``person-add``, ``skip``, ``key``, ``diagnostics``, ``globe``, ``restore``. Anything else is
passed on to ``desktop.ui.icons.icon``.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop.sync.views import EngineState
from desktop.ui import icons, style

_EXTRA: dict[str, tuple[str, str]] = {
    "band-confident": ("band-confident", "ok"),
    "band-review": ("band-review", "warn"),
    "band-none": ("band-none", "muted"),
    "band-linked": ("clio", "clio"),
    "evidence-agrees": ("evidence-agrees", "ok"),
    "evidence-disagrees": ("evidence-disagrees", "bad"),
    "evidence-partial": ("evidence-partial", "warn"),
    "person-add": ("person-add", "text"),
    "skip": ("skip", "text"),
    "key": ("key", "text"),
    "diagnostics": ("diagnostics", "text"),
    "globe": ("globe", "text"),
    "restore": ("restore", "text"),
}
_SIZES = (12, 16, 20, 24, 32, 48, 64, 96, 128)
_cache: dict[str, QIcon] = {}
_hooked = False


def _renderer(stem: str, role: str) -> QSvgRenderer:
    text = (icons.ICON_DIR / f"{stem}.svg").read_text(encoding="utf-8")
    svg = text.replace("currentColor", style.colour(role).name())
    return QSvgRenderer(QByteArray(svg.encode("utf-8")))


def _render(renderer: QSvgRenderer, px: int) -> QPixmap:
    pm = QPixmap(px, px)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, px, px))
    painter.end()
    return pm


def _hook_theme() -> None:
    global _hooked
    if not _hooked:
        _hooked = True
        style.theme_notifier().changed.connect(_cache.clear)


def extra_icon(name: str) -> QIcon:
    """The icon ``name`` (see the module docstring, or any ``desktop.ui.icons`` name)."""
    if name not in _EXTRA:
        return icons.icon(name)
    cached = _cache.get(name)
    if cached is not None:
        return cached
    _hook_theme()
    renderer = _renderer(*_EXTRA[name])
    result = QIcon()
    for size in _SIZES:
        result.addPixmap(_render(renderer, size))
    _cache[name] = result
    return result


def _tray_pixmap(state: EngineState, px: int) -> QPixmap:
    pm = QPixmap(px, px)
    pm.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pm)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    mark = icons.icon("app").pixmap(px, px)
    if state in (EngineState.PAUSED, EngineState.OFFLINE, EngineState.SIGNED_OUT):
        painter.setOpacity(0.55)  # a quieter mark while nothing moves
    painter.drawPixmap(0, 0, mark)
    painter.setOpacity(1.0)
    badge = max(6, round(px * 0.58))
    x = y = px - badge
    ring = max(1, round(px / 16))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(QRectF(x - ring, y - ring, badge + 2 * ring, badge + 2 * ring))
    painter.drawPixmap(x, y, icons.engine_state_icon(state).pixmap(badge, badge))
    painter.end()
    return pm


def tray_icon(state: EngineState) -> QIcon:
    """The tray icon for ``state``: the app's mark with the state's badge in a corner."""
    key = f"tray-{EngineState(state).value}"
    cached = _cache.get(key)
    if cached is not None:
        return cached
    _hook_theme()
    result = QIcon()
    for size in (16, 22, 24, 32, 48, 64, 128):
        result.addPixmap(_tray_pixmap(EngineState(state), size))
    _cache[key] = result
    return result
