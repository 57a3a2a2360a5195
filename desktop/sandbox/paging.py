"""Index paging as Clio does it: ``limit`` 1-200 (default 200), cursor paging with a
``page_token`` carried in an absolute ``meta.paging.next`` URL (default order ``id(asc)``), and
limited offset paging (``offset``, or a custom ``order``) capped at 10,000 records."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

from desktop.sandbox import choices
from desktop.sandbox.errors import T_ARGUMENT, ApiError, bad_request

MAX_LIMIT = 200
OFFSET_CAP = 10_000

Key = Callable[[dict[str, Any]], tuple[Any, ...]]


def _id_key(rec: dict[str, Any]) -> tuple[Any, ...]:
    return (rec["id"],)


def encode_token(key: tuple[Any, ...]) -> str:
    raw = json.dumps(list(key), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_token(token: str) -> tuple[Any, ...]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        value = json.loads(raw)
        if not isinstance(value, list):
            raise ValueError
        return tuple(value)
    except (ValueError, json.JSONDecodeError) as exc:
        raise bad_request("page_token is invalid") from exc


def parse_limit(raw: str | None) -> int:
    if raw is None or raw == "":
        return MAX_LIMIT
    try:
        limit = int(raw)
    except ValueError as exc:
        raise bad_request(f"limit must be an integer, got {raw!r}") from exc
    if not 1 <= limit <= MAX_LIMIT:
        raise bad_request(f"limit must be between 1 and {MAX_LIMIT}, got {limit}")
    return limit


def _url(base: str, path: str, query: list[tuple[str, str]], extra: dict[str, str]) -> str:
    kept = [(k, v) for k, v in query if k not in ("page_token", "offset")]
    kept.extend(extra.items())
    return f"{base}{path}?{urlencode(kept)}"


def paginate(
    ctx: Any,
    records: Sequence[dict[str, Any]],
    *,
    key: Key = _id_key,
    orders: dict[str, Callable[[dict[str, Any]], Any]] | None = None,
    allow_offset: bool = True,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """One page of ``records`` (already filtered) and the ``meta`` object for it."""
    req = ctx.req
    limit = parse_limit(req.q("limit"))
    order = req.q("order")
    offset_raw = req.q("offset")
    token = req.q("page_token")
    known = {"id(asc)": None, **(orders or {})}
    if order is not None and order not in known:
        raise bad_request(f"order {order!r} is not one of: {', '.join(known)}")
    if token is not None and offset_raw is not None:
        raise bad_request("page_token and offset cannot be combined")
    use_offset = offset_raw is not None or (order not in (None, "id(asc)"))
    if use_offset and not allow_offset:
        raise bad_request("this endpoint supports cursor paging only (order id(asc), no offset)")
    total = len(records)
    paging: dict[str, str] = {}
    base = ctx.base_url
    if not use_offset:
        ordered = sorted(records, key=key)
        if token:
            after = decode_token(token)
            ordered = [r for r in ordered if key(r) > after]
        page = ordered[:limit]
        if len(ordered) > limit:
            paging["next"] = _url(
                base, req.path, req.query, {"page_token": encode_token(key(page[-1]))}
            )
    else:
        try:
            offset = int(offset_raw or 0)
        except ValueError as exc:
            raise bad_request(f"offset must be an integer, got {offset_raw!r}") from exc
        if offset < 0:
            raise bad_request("offset must not be negative")
        if offset >= OFFSET_CAP:
            raise ApiError(
                422,
                T_ARGUMENT,
                f"offset paging is limited to {OFFSET_CAP} records; use cursor paging",
            )
        ordered = list(sorted(records, key=_id_key))
        if order and order != "id(asc)":
            fn = known[order]
            assert fn is not None
            ordered.sort(key=lambda r: _sortable(fn(r)), reverse=order.endswith("(desc)"))
        page = ordered[offset : offset + limit]
        nxt = offset + limit
        if nxt < total and nxt < OFFSET_CAP:
            paging["next"] = _url(base, req.path, req.query, {"offset": str(nxt)})
        if offset > 0:
            paging["previous"] = _url(
                base, req.path, req.query, {"offset": str(max(0, offset - limit))}
            )
    meta: dict[str, Any] = {"paging": paging}
    if choices.META_RECORDS:
        meta["records"] = total
    return page, meta


def _sortable(value: Any) -> tuple[int, Any]:
    if value is None:
        return (0, "")
    if isinstance(value, str):
        return (1, value.lower())
    return (1, value)


def orders(**keys: Callable[[dict[str, Any]], Any]) -> dict[str, Callable[[dict[str, Any]], Any]]:
    """``order`` values for an endpoint: ``name=fn`` gives ``name(asc)`` and ``name(desc)``;
    ``id(desc)`` is always there."""
    out: dict[str, Callable[[dict[str, Any]], Any]] = {"id(desc)": lambda r: r["id"]}
    for name, fn in keys.items():
        out[f"{name}(asc)"] = fn
        out[f"{name}(desc)"] = fn
    return out


def by(key: str) -> Callable[[dict[str, Any]], Any]:
    return lambda r: r.get(key)
