"""Tolerant converters from Clio JSON values to Python values (shared by the record modules).

Each returns ``None`` (or a default) for a missing or malformed value instead of failing, except
:func:`req_id`: a record without an id is unusable.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.clio.errors import ResponseFormatError

Json = Mapping[str, Any]


def req_id(d: Json) -> int:
    """The record's integer ``id``; :class:`ResponseFormatError` if there is none."""
    v = d.get("id")
    if isinstance(v, bool) or not isinstance(v, int | str):
        raise ResponseFormatError(f"record without a usable id (keys: {sorted(d)[:8]})")
    try:
        return int(v)
    except ValueError:
        raise ResponseFormatError(f"record id {v!r} is not a number") from None


def opt_int(v: Any) -> int | None:
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, float):
        return round(v)
    if isinstance(v, str):
        try:
            return int(v)
        except ValueError:
            return None
    return None


def opt_str(v: Any) -> str | None:
    return v if isinstance(v, str) else None


def flag(v: Any, default: bool = False) -> bool:
    return v if isinstance(v, bool) else default


def money(v: Any) -> Decimal | None:
    """A JSON number as an exact :class:`Decimal` (via its text, so 0.1 stays 0.1)."""
    if isinstance(v, bool) or v is None:
        return None
    try:
        return Decimal(str(v))
    except InvalidOperation:
        return None


def iso_date(v: Any) -> date | None:
    if not isinstance(v, str) or not v:
        return None
    try:
        return date.fromisoformat(v[:10])
    except ValueError:
        return None


def iso_datetime(v: Any) -> datetime | None:
    if not isinstance(v, str) or not v:
        return None
    try:
        return datetime.fromisoformat(v)
    except ValueError:
        return None


def obj(v: Any) -> Json | None:
    return v if isinstance(v, Mapping) else None


def objs(v: Any) -> list[Json]:
    """The objects of a JSON list (anything else in it is skipped)."""
    return [x for x in v if isinstance(x, Mapping)] if isinstance(v, list) else []


def ref_id(d: Json, key: str) -> int | None:
    """``d[key]["id"]`` for a nested reference such as ``matter{id}``."""
    o = obj(d.get(key))
    return opt_int(o.get("id")) if o else None
