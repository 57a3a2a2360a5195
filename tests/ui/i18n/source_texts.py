"""The texts the code asks Qt to translate, read from the source with ``ast`` — independent of
``lupdate``, so a test can tell when ``lupdate`` missed one (its Python parser drops some calls)
and when the ``.ts`` lacks a translation.

A text is a call ``self.tr("…"[, disambiguation[, n]])`` (context: the enclosing class),
``Context.tr("…", …)`` (context: ``Context``) or ``Q(Core)Application.translate("ctx", "…", …)``.
The one lookup by a computed text, ``QCoreApplication.translate("EngineMessages", template…)``
(the engine's templates), is left to ``test_engine_messages.py``, which checks those texts.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
UI = ROOT / "desktop" / "ui"
TS = ROOT / "desktop" / "resources" / "translations" / "prolegis_fr.ts"
ENGINE_CONTEXT = "EngineMessages"  # desktop/ui/engine_messages.py


@dataclass(frozen=True)
class SourceText:
    context: str
    source: str
    disambiguation: str
    plural: bool
    where: str


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


class _Finder(ast.NodeVisitor):
    def __init__(self, where: str) -> None:
        self.where = where
        self.classes: list[str] = []
        self.found: list[SourceText] = []
        self.dynamic: list[str] = []  # calls lupdate cannot read (no literal, an alias)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("tr", "_tr", "translate"):
            # an alias of tr/translate: lupdate files its text under no context (never shown)
            self.dynamic.append(f"{self.where}:{node.lineno}")
        elif isinstance(func, ast.Attribute) and func.attr == "tr" and node.args:
            owner = func.value
            if isinstance(owner, ast.Name) and owner.id == "self":
                context = self.classes[-1] if self.classes else ""
            elif isinstance(owner, ast.Name):
                context = owner.id
            else:
                context = ""
            self._add(context, node.args[0], node.args[1:], node)
        elif (
            isinstance(func, ast.Attribute)
            and func.attr == "translate"
            and isinstance(func.value, ast.Name)
            and func.value.id in ("QCoreApplication", "QApplication")
            and len(node.args) >= 2
        ):
            self._add(_literal(node.args[0]) or "", node.args[1], node.args[2:], node)
        self.generic_visit(node)

    def _add(self, context: str, text: ast.expr, rest: list[ast.expr], node: ast.Call) -> None:
        if self.classes and self.classes[-1] == "TranslationContext":
            return  # the machinery behind ``Context.tr``, not a text
        source = _literal(text)
        where = f"{self.where}:{node.lineno}"
        if source is None and context == ENGINE_CONTEXT:
            return  # the engine's templates, looked up by their text: test_engine_messages.py
        if source is None or not context:
            self.dynamic.append(where)
            return
        disambiguation = _literal(rest[0]) if rest else None
        plural = len(rest) >= 2 or any(k.arg == "n" for k in node.keywords)
        self.found.append(SourceText(context, source, disambiguation or "", plural, where))


def source_texts() -> tuple[list[SourceText], list[str]]:
    """Every translatable text under ``desktop/ui``, and the calls lupdate cannot read."""
    found: list[SourceText] = []
    dynamic: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        finder = _Finder(str(path.relative_to(ROOT)))
        finder.visit(ast.parse(path.read_text(encoding="utf-8")))
        found += finder.found
        dynamic += finder.dynamic
    return found, dynamic
