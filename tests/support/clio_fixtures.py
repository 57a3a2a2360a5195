"""Fixtures for clio_fixtures tests (filled in by that area)."""
