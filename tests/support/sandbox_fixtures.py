"""Fixtures for sandbox_fixtures tests (filled in by that area)."""
