"""Fixtures for Prolegis workspaces: an empty temp workspace with its builder, and a small firm.

``workspace`` is a :class:`~desktop.prolegis.builder.WorkspaceBuilder` whose (empty, valid)
manifest is already written: add records, call ``write()``, and point the code under test at
``workspace.root``. ``small_firm`` is a seeded demo firm (a few clients, matters, documents).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.prolegis.builder import WorkspaceBuilder, generate_firm


@pytest.fixture
def workspace(tmp_path: Path) -> WorkspaceBuilder:
    """An empty Prolegis workspace in a temp folder, manifest written."""
    builder = WorkspaceBuilder(tmp_path / "Prolegis")
    builder.write()
    return builder


@pytest.fixture
def small_firm(tmp_path: Path) -> WorkspaceBuilder:
    """A seeded firm: 8 clients, 6 matters with documents, a few activities each."""
    return generate_firm(
        tmp_path / "Prolegis", seed=7, clients=8, matters=6, activities_per_matter=(1, 4)
    )
