"""Time helpers: Clio's ISO-8601 timestamps (whole seconds, UTC offset), dates and HTTP dates."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime
from email.utils import formatdate, parsedate_to_datetime

from desktop.sandbox.errors import bad_request, invalid


def now() -> float:
    """The current time (seconds since the epoch)."""
    return time.time()


def iso(ts: float | None) -> str | None:
    """An ISO-8601 timestamp with whole seconds, as Clio shows them."""
    if ts is None:
        return None
    return datetime.fromtimestamp(int(ts), tz=UTC).isoformat()


def today() -> str:
    return date.today().isoformat()


def http_date(ts: float) -> str:
    """An RFC 1123 date for ``Last-Modified``."""
    return formatdate(int(ts), usegmt=True)


def parse_http_date(value: str) -> float | None:
    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        return None


def parse_timestamp(value: str, name: str) -> float:
    """An ISO-8601 timestamp from a query parameter (400 if malformed). Naive means UTC."""
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise bad_request(f"{name} must be an ISO-8601 timestamp, got {value!r}") from exc
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()


def parse_body_date(value: object, name: str) -> str | None:
    """A ``YYYY-MM-DD`` date from a request body (422 if malformed)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise invalid(f"{name} must be a date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise invalid(f"{name} is not a valid date: {value!r}") from exc


def parse_body_datetime(value: object, name: str) -> float | None:
    """A full ISO-8601 date-time from a body. A bare date is refused, as Clio does for
    ``received_at`` ("invalid xmlschema format")."""
    if value is None:
        return None
    if not isinstance(value, str) or "T" not in value:
        raise invalid(f"{name} has an invalid xmlschema format: {value!r}")
    try:
        dt = datetime.fromisoformat(value)
    except ValueError as exc:
        raise invalid(f"{name} has an invalid xmlschema format: {value!r}") from exc
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()
