"""Fixtures shared by every test package. Each area keeps its fixtures in its own module, listed
here, so test packages never import each other's conftest."""

from __future__ import annotations

pytest_plugins: list[str] = [
    "tests.support.sandbox_fixtures",
    "tests.support.clio_fixtures",
    "tests.support.workspace_fixtures",
    "tests.support.harness_fixtures",
]
