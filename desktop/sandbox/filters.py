"""Index filters shared by several endpoints: typed query parameters, ``ids[]``,
``created_since``/``updated_since``, association filters with the ``null`` keyword, and the
refusal of real Clio filters the sandbox does not implement."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop.sandbox import choices
from desktop.sandbox.errors import bad_request, unsupported
from desktop.sandbox.timeutil import parse_timestamp

NULL = object()  # the ``null`` keyword of association filters


def q_bool(req: Any, name: str) -> bool | None:
    raw = req.q(name)
    if raw is None or raw == "":
        return None
    low = raw.lower()
    if low in ("true", "1"):
        return True
    if low in ("false", "0"):
        return False
    raise bad_request(f"{name} must be true or false, got {raw!r}")


def q_int(req: Any, name: str) -> int | None:
    raw = req.q(name)
    if raw is None or raw == "":
        return None
    try:
        return int(raw)
    except ValueError as exc:
        raise bad_request(f"{name} must be an integer, got {raw!r}") from exc


def q_assoc(req: Any, name: str) -> Any:
    """An ``<assoc>_id`` filter: None (absent), NULL (the keyword ``null``) or an int."""
    raw = req.q(name)
    if raw is None or raw == "":
        return None
    if raw == "null":
        return NULL
    return q_int(req, name)


def match_assoc(wanted: Any, actual: int | None) -> bool:
    if wanted is None:
        return True
    if wanted is NULL:
        return actual is None
    return bool(actual == wanted)


def q_ids(req: Any, name: str = "ids[]") -> set[int] | None:
    values = req.q_all(name)
    if not values:
        return None
    out: set[int] = set()
    for v in values:
        for part in v.split(","):
            try:
                out.add(int(part))
            except ValueError as exc:
                raise bad_request(f"{name} must be integers, got {v!r}") from exc
    return out


def q_enum(req: Any, name: str, allowed: Iterable[str]) -> str | None:
    raw: str | None = req.q(name)
    if raw is None or raw == "":
        return None
    allowed = list(allowed)
    if raw not in allowed:
        raise bad_request(f"{name} must be one of {', '.join(allowed)}, got {raw!r}")
    return raw


def _after(ts: float, since: float) -> bool:
    t = int(ts)
    return t >= since if choices.SINCE_IS_INCLUSIVE else t > since


def common(req: Any, records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Apply ``ids[]``, ``created_since`` and ``updated_since``."""
    ids = q_ids(req)
    created = req.q("created_since")
    updated = req.q("updated_since")
    c_ts = parse_timestamp(created, "created_since") if created else None
    u_ts = parse_timestamp(updated, "updated_since") if updated else None
    out = []
    for r in records:
        if ids is not None and r["id"] not in ids:
            continue
        if c_ts is not None and not _after(r["created_ts"], c_ts):
            continue
        if u_ts is not None and not _after(r["updated_ts"], u_ts):
            continue
        out.append(r)
    return out


def refuse(req: Any, names: Iterable[str]) -> None:
    """400 for real Clio filters this endpoint has but the sandbox does not implement."""
    present = {k for k, _ in req.query}
    for name in names:
        if name in present:
            raise unsupported(f"the {name!r} filter")


def text_match(needle: str, *haystacks: Any) -> bool:
    """Clio's ``query`` wildcard search, approximated as a case-insensitive substring."""
    n = needle.lower()
    return any(isinstance(h, str) and n in h.lower() for h in haystacks)
