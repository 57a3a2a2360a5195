"""Fixtures for workspace_fixtures tests (filled in by that area)."""
