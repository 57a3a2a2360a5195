"""The icon set and the style: every name renders, every state has an icon and words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor

from desktop.sync.views import (
    DocumentState,
    DocumentView,
    EngineState,
    EngineStatus,
    MatterSyncState,
    MatterView,
)
from desktop.ui import icons, labels, style


def _opaque_pixels(name: str, size: int) -> int:
    image = icons.icon(name).pixmap(QSize(size, size)).toImage()
    return sum(
        1
        for x in range(image.width())
        for y in range(image.height())
        if QColor(image.pixel(x, y)).alpha() > 0
    )


@pytest.mark.parametrize("name", icons.names())
def test_every_icon_renders_something(qapp, name: str) -> None:
    assert _opaque_pixels(name, 16) > 10
    # crisp at high DPI: a 64 px rendering exists (not an upscaled 16 px one)
    assert icons.icon(name).availableSizes()[-1].width() >= 64


def test_every_state_has_an_icon_and_words(qapp) -> None:
    for ms in MatterSyncState:
        assert not icons.matter_state_icon(ms).isNull()
        assert labels.matter_state_name(ms)
    for ds in DocumentState:
        assert not icons.document_state_icon(ds).isNull()
        doc = DocumentView("m", "a.pdf", 1, None, ds)
        assert labels.document_state_text(doc)
    for es in EngineState:
        assert not icons.engine_state_icon(es).isNull()
        assert labels.engine_state_text(EngineStatus(state=es))


def test_unknown_icon_is_a_clear_error(qapp) -> None:
    with pytest.raises(KeyError, match="unknown icon"):
        icons.icon("no-such-icon")


def test_state_words_carry_counts(qapp) -> None:
    view = MatterView(
        "m-1",
        "2024-0012",
        "Purchase",
        "open",
        (),
        False,
        "/tmp/x",
        MatterSyncState.SYNCING,
        uploading=3,
        downloading=1,
    )
    assert labels.matter_state_text(view) == "Syncing 3↑ 1↓"
    doc = DocumentView("m", "a.pdf", 1, None, DocumentState.UPLOADING, progress=0.42)
    assert labels.document_state_text(doc) == "Uploading 42 %"


def test_relative_time_and_sizes(qapp) -> None:
    now = datetime(2025, 3, 4, 15, 0, tzinfo=UTC)
    assert labels.relative_time((now - timedelta(seconds=10)).isoformat(), now) == "just now"
    assert labels.relative_time((now - timedelta(minutes=2)).isoformat(), now) == "2 min ago"
    assert labels.relative_time(None, now) == "—"
    assert labels.file_size(0) == "0 B"
    assert labels.file_size(212_000) == "212 KB"
    assert labels.file_size(3_400_000) == "3.4 MB"


def test_dark_scheme_recolours_icons(qapp) -> None:
    light = icons.icon("pause").pixmap(QSize(32, 32)).toImage().pixelColor(10, 16)
    try:
        style.apply_style(qapp, "dark")
        icons.clear_cache()
        assert style.is_dark()
        dark = icons.icon("pause").pixmap(QSize(32, 32)).toImage().pixelColor(10, 16)
        assert dark.lightness() > light.lightness()
    finally:
        qapp.styleHints().unsetColorScheme()
        qapp.setPalette(qapp.style().standardPalette())
        icons.clear_cache()
