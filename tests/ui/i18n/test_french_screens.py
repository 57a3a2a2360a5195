"""French on every screen: each window is walked (titles, labels, buttons, tooltips,
accessible names, placeholders, tabs, menus, headers and cells) and no English word of the
app's own texts may be left once the data it shows (names, titles, paths, the engine's
free-form words) is taken out. Twice per screen: built in French, and built in English then
switched to French while open (every widget retranslates itself); then back to English, where
no French may be left. Keyboard shortcuts (&) stay unique within each window in French, and
no French text is cut (buttons, one-line labels, list headers)."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QHeaderView,
    QLabel,
    QTabBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.ui.i18n import scenes
from tests.ui.i18n.walk import left_in

SCENES = scenes.all_scenes()


def _report(bad: list[tuple[str, str, list[str]]]) -> str:
    return "\n".join(f"  {where}: {text!r} → {words}" for where, text, words in bad[:25])


@pytest.mark.parametrize("name", sorted(SCENES))
def test_built_in_french_no_english_left(qtbot: QtBot, french: None, name: str) -> None:
    shown = SCENES[name]()
    try:
        texts = shown.texts()
        assert len(texts) >= 2, f"{name}: the walk found nothing"
        bad = left_in(texts, shown.data)
        assert bad == [], f"{name}: English left on the French screen:\n{_report(bad)}"
    finally:
        shown.close()
        scenes.reset_clock()


@pytest.mark.parametrize("name", sorted(SCENES))
def test_switched_while_open(qtbot: QtBot, language: object, name: str) -> None:
    language("en")  # type: ignore[operator]
    shown = SCENES[name]()
    try:
        shown.forget()
        language("fr")  # type: ignore[operator]
        bad = left_in(shown.texts(), shown.data)
        assert bad == [], f"{name}: not retranslated to French:\n{_report(bad)}"
        language("en")  # type: ignore[operator]
        back = shown.texts()
        bad = left_in(back, shown.data, english=False)
        assert bad == [], f"{name}: French left after switching back:\n{_report(bad)}"
    finally:
        shown.close()
        scenes.reset_clock()


def _mnemonic(text: str) -> str:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].casefold() if 0 <= at < len(text) - 1 else ""


def _mnemonics(root: QWidget) -> Counter[str]:
    letters: Counter[str] = Counter()
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) and w is not root:
            continue
        if isinstance(w, QAbstractButton) or (isinstance(w, QLabel) and w.buddy() is not None):
            letter = _mnemonic(w.text())
            if letter:
                letters[letter] += 1
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                letter = _mnemonic(w.tabText(i))
                if letter:
                    letters[letter] += 1
    return letters


@pytest.mark.parametrize("name", sorted(SCENES))
def test_shortcut_letters_unique_in_french(qtbot: QtBot, french: None, name: str) -> None:
    shown = SCENES[name]()
    try:
        for root in shown.widgets:
            twice = {k: n for k, n in _mnemonics(root).items() if n > 1}
            assert twice == {}, f"{name}: shortcut letters used twice: {twice}"
            menus = [m for m in root.findChildren(QWidget) if type(m).__name__ == "QMenu"]
            for menu in [root, *menus] if type(root).__name__ == "QMenu" else menus:
                letters = Counter(
                    _mnemonic(a.text()) for a in menu.actions() if _mnemonic(a.text())
                )
                assert {k: n for k, n in letters.items() if n > 1} == {}, f"{name}: menu"
    finally:
        shown.close()
        scenes.reset_clock()


def _clipped(root: QWidget) -> list[tuple[str, str, int, int]]:
    """Visible buttons narrower than they need, one-line labels narrower than their text,
    and list headers narrower than their title (the last, stretching one aside)."""
    out: list[tuple[str, str, int, int]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisibleTo(root) or w.width() <= 0:
            continue
        if isinstance(w, QAbstractButton) and w.text():
            icon_only = (
                isinstance(w, QToolButton)
                and w.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
            )
            if not icon_only and w.width() + 1 < w.minimumSizeHint().width():
                out.append(("button", w.text(), w.width(), w.minimumSizeHint().width()))
        elif isinstance(w, QLabel) and w.text() and not w.wordWrap() and "<" not in w.text():
            need = w.fontMetrics().horizontalAdvance(w.text().replace("&", "").split("\n")[0])
            if w.contentsRect().width() + 1 < need:
                out.append(("label", w.text(), w.contentsRect().width(), need))
        elif isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal:
            model = w.model()
            last = max((s for s in range(w.count()) if not w.isSectionHidden(s)), default=-1)
            for s in range(w.count()):
                title = model.headerData(s, Qt.Orientation.Horizontal)
                if w.isSectionHidden(s) or s == last or not isinstance(title, str):
                    continue
                need = w.fontMetrics().horizontalAdvance(title) + 12
                if w.sectionSize(s) < need:
                    out.append(("header", title, w.sectionSize(s), need))
    return out


@pytest.mark.parametrize("name", sorted(SCENES))
def test_french_text_fits(qtbot: QtBot, french: None, name: str) -> None:
    """At the screens' real sizes (the main window at 1280×800), no French text is cut."""
    shown = SCENES[name]()
    try:
        for root in shown.widgets:
            assert _clipped(root) == [], f"{name}: text cut"
    finally:
        shown.close()
        scenes.reset_clock()
