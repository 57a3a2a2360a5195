"""The layers stay apart: no Qt below the GUI, and imports only point down."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "desktop"

# package -> packages it must not import
FORBIDDEN = {
    "sync": ("PySide6", "shiboken6", "desktop.ui", "desktop.cli"),
    "clio": ("PySide6", "shiboken6", "desktop.ui", "desktop.cli", "desktop.sync",
             "desktop.prolegis"),
    "prolegis": ("PySide6", "shiboken6", "desktop.ui", "desktop.cli", "desktop.sync",
                 "desktop.clio"),
    "sandbox": ("PySide6", "shiboken6", "desktop.ui", "desktop.cli", "desktop.sync",
                "desktop.clio", "desktop.prolegis"),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_forbidden_imports(package: str) -> None:
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[package]):
                bad.append(f"{path.relative_to(ROOT.parent)} imports {name}")
    assert not bad, "\n".join(bad)
