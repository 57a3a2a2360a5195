"""Time in one place: UTC timestamps as ISO-8601 strings, so the store and tests agree."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(ts: datetime | None = None) -> str:
    """``2026-11-25T14:02:03.123456+00:00`` for ``ts`` (default: now)."""
    return (ts or utcnow()).astimezone(UTC).isoformat()


def parse_iso(text: str) -> datetime:
    """Parse an ISO-8601 timestamp (``Z`` accepted); naive values are taken as UTC."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)
