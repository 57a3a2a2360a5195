"""Shared test helpers (fixtures, an in-memory keyring backend, the sync harness)."""
