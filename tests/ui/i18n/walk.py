"""Walk a window and collect every text it can show a person or a screen reader: window titles,
labels, buttons, tooltips, accessible names and descriptions, placeholders, combo items, tabs,
group boxes, wizard page titles, spin box suffixes, actions and menus, and the headers and
cells (display, tooltip, accessible text) of item views. Then tell which of them still hold
English (or, after switching back, French) words, once the data they show is taken out."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop.messages import NESTED
from tests.ui.i18n import catalog

ROWS = 40  # rows of each item view (and of each tree level) that are read
_TAGS = re.compile(r"<[^>]+>")
_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


@dataclass(frozen=True)
class Text:
    where: str  # "QPushButton 'syncWithClio' text"
    text: str


def _plain(text: str) -> str:
    if "<" in text and ">" in text:
        text = _TAGS.sub(" ", text)
    return html.unescape(text)


def _name(obj: object) -> str:
    name = obj.objectName() if hasattr(obj, "objectName") else ""
    return f"{type(obj).__name__} {name!r}"


def _action_texts(actions: Iterable[QAction], where: str, seen: set[int]) -> list[Text]:
    out: list[Text] = []
    for action in actions:
        if id(action) in seen:
            continue
        seen.add(id(action))
        for kind, text in (("action", action.text()), ("action tip", action.toolTip())):
            if text:
                out.append(Text(f"{where} {kind}", text))
        menu = action.menu()
        if isinstance(menu, QMenu):
            out.append(Text(f"{where} menu title", menu.title()))
            out += _action_texts(menu.actions(), f"{where} ▸ {menu.title()}", seen)
    return out


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model (QListWidget): one column, its count not public
        return 1


def _has_rows(model: QAbstractItemModel, parent: QModelIndex) -> bool:
    try:
        return model.rowCount(parent) > 0
    except TypeError:  # a list model: no children
        return False


def _model_texts(model: QAbstractItemModel, where: str) -> list[Text]:
    out: list[Text] = []
    for section in range(_columns(model, QModelIndex())):
        header = model.headerData(section, Qt.Orientation.Horizontal)
        if isinstance(header, str):
            out.append(Text(f"{where} header {section}", header))

    def rows(parent: QModelIndex, depth: int) -> None:
        for row in range(min(model.rowCount(parent), ROWS)):
            for col in range(_columns(model, parent)):
                index = model.index(row, col, parent)
                for role in _ROLES:
                    value = index.data(role)
                    if isinstance(value, str) and value:
                        out.append(Text(f"{where} [{row},{col}] role {int(role)}", value))
            child = model.index(row, 0, parent)
            if depth < 3 and _has_rows(model, child):
                rows(child, depth + 1)

    rows(QModelIndex(), 0)
    return out


def texts_of(root: QWidget) -> list[Text]:
    """Every text ``root`` and its children can show (hidden ones too: they show later)."""
    out: list[Text] = []
    seen_actions: set[int] = set()
    seen_models: set[int] = set()
    for w in [root, *root.findChildren(QWidget)]:
        where = _name(w)
        if isinstance(w, QPlainTextEdit):  # the crash report: a technical text for support
            continue
        found: list[tuple[str, str]] = [
            ("tooltip", w.toolTip()),
            ("accessible name", w.accessibleName()),
            ("accessible description", w.accessibleDescription()),
            ("what's this", w.whatsThis()),
        ]
        if w.isWindow():
            found.append(("window title", w.windowTitle()))
        if isinstance(w, QLabel):
            found.append(("text", w.text()))
        if isinstance(w, QAbstractButton):
            found.append(("text", w.text()))
        if isinstance(w, QLineEdit):
            found.append(("placeholder", w.placeholderText()))
        if isinstance(w, QGroupBox):
            found.append(("title", w.title()))
        if isinstance(w, QSpinBox):
            found += [("suffix", w.suffix()), ("prefix", w.prefix())]
        if isinstance(w, QAbstractSpinBox):
            found.append(("special value", w.specialValueText()))
        if isinstance(w, QComboBox):
            found += [(f"item {i}", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                found += [(f"tab {i}", w.tabText(i)), (f"tab {i} tip", w.tabToolTip(i))]
        if isinstance(w, QWizardPage):
            found += [("page title", w.title()), ("page subtitle", w.subTitle())]
        if isinstance(w, QWizard):
            for which in (
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.CancelButton,
                QWizard.WizardButton.FinishButton,
            ):
                found.append((f"button {which.name}", w.buttonText(which)))
        if isinstance(w, QMenu):
            found.append(("menu title", w.title()))
        out += [Text(f"{where} {kind}", _plain(t)) for kind, t in found if t]
        out += _action_texts(w.actions(), where, seen_actions)
        if isinstance(w, QAbstractItemView):
            model = w.model()
            if model is not None and id(model) not in seen_models:
                seen_models.add(id(model))
                out += _model_texts(model, where)
    return out


def param_data(params: Iterable[tuple[str, str]]) -> set[str]:
    """The values of a message's parameters that are data (names, paths, numbers): not a
    message held inside it (``reason`` holding a Clio error's message is words to translate,
    as are the ``reason:…`` keys that keep it)."""
    params = tuple(params)
    holders = {k[: -len(NESTED)] for k, _v in params if k.endswith(NESTED)}
    return {v for k, v in params if NESTED not in k and k not in holders}


def strip_data(text: str, data: Iterable[str]) -> str:
    """``text`` without the data it shows (names, titles, paths, the engine's own words)."""
    for item in data:
        if item in text:
            text = text.replace(item, " ")
    return text


def data_set(strings: Iterable[str]) -> list[str]:
    """Data strings, longest first (so a title goes before a word inside it)."""
    return sorted({s for s in strings if len(s) >= 3}, key=len, reverse=True)


def left_in(
    texts: Iterable[Text], data: Iterable[str], *, english: bool = True
) -> list[tuple[str, str, list[str]]]:
    """The texts that still hold words of the other language: ``(where, text, words)``.

    ``english``: look for English left on a French screen (words only the English sources use,
    or a whole English source text); else for French left on an English screen."""
    data = data_set(data)
    foreign = catalog.english_only_words() if english else catalog.french_only_words()
    sources = catalog.translated_sources() if english else frozenset()
    bad: list[tuple[str, str, list[str]]] = []
    for t in texts:
        if t.text.startswith(("/", "http://", "https://")) and "\n" not in t.text:
            continue  # a path or an address on its own
        rest = strip_data(t.text, data)
        hits = sorted(catalog.words(rest) & foreign)
        if t.text.replace("&", "") in sources and t.text not in data:
            hits.append("(an English source text)")
        if hits:
            bad.append((t.where, t.text, hits))
    return bad
