"""The fields of a Clio activity the companion writes, read back from Clio's JSON: to tell a
Clio-side edit from an etag that merely moved, to recognise an entry we created when the answer
was lost, and to describe an entry to the user. Pure functions."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from desktop.clio.jsonvalues import money, opt_int
from desktop.sync.records.activity_plan import ActivityPayload

CENT = Decimal("0.01")


def _ref(raw: Mapping[str, Any], key: str) -> int | None:
    value = raw.get(key)
    return opt_int(value.get("id")) if isinstance(value, Mapping) else None


def _price(raw: Mapping[str, Any]) -> Decimal | None:
    value = money(raw.get("price"))
    return value.quantize(CENT) if value is not None else None


def managed(raw: Mapping[str, Any]) -> tuple[Any, ...]:
    """What the companion writes, as Clio has it (comparable between two reads)."""
    quantity = raw.get("quantity")
    return (
        raw.get("type"),
        raw.get("date"),
        opt_int(quantity) if quantity is not None else None,
        _price(raw),
        raw.get("note") or "",
        _ref(raw, "matter"),
        _ref(raw, "user"),
        _ref(raw, "expense_category"),
    )


def matches(raw: Mapping[str, Any], payload: ActivityPayload) -> bool:
    """Whether Clio's record holds exactly what ``payload`` writes (a payload without a price
    accepts Clio's)."""
    kind, day, quantity, price, note, matter, user, category = managed(raw)
    wanted_quantity = int(payload.quantity)
    return bool(
        kind == payload.type
        and day == payload.date
        and quantity == wanted_quantity
        and (payload.price is None or price == payload.price.quantize(CENT))
        and note == payload.note
        and matter == payload.matter_id
        and (payload.user_id is None or user == payload.user_id)
        and category == payload.expense_category_id
    )


def is_billed(raw: Mapping[str, Any]) -> bool:
    """On an issued bill, or on any active bill (Clio refuses changes to both)."""
    return bool(raw.get("billed")) or bool(raw.get("on_bill"))


def describe(raw: Mapping[str, Any]) -> str:
    """ "2026-11-20 · 1.5 h at 350.00 · Review title search" (as Clio has it)."""
    kind, day, quantity, price, note, _m, _u, _c = managed(raw)
    parts = [str(day or "?")]
    if kind == "TimeEntry":
        hours = Decimal(quantity or 0) / 3600
        amount = f"{hours.normalize():f} h"
        if price is not None:
            amount += f" at {price}"
        parts.append(amount)
    else:
        parts.append(f"{price if price is not None else '?'}")
    if note:
        parts.append(str(note))
    return " · ".join(parts)


def intent_payload(prolegis_matter_id: str, payload: ActivityPayload) -> dict[str, Any]:
    """What a create intent remembers to find the entry again after a crash."""
    return {
        "prolegis_matter_id": prolegis_matter_id,
        "type": payload.type,
        "date": payload.date,
        "quantity": str(payload.quantity),
        "price": None if payload.price is None else str(payload.price),
        "note": payload.note,
        "matter": payload.matter_id,
        "user": payload.user_id,
        "category": payload.expense_category_id,
    }


def payload_from_intent(p: dict[str, Any]) -> ActivityPayload:
    """The payload a create intent was opened for."""
    quantity = Decimal(str(p["quantity"]))
    return ActivityPayload(
        type=str(p["type"]),
        date=str(p["date"]),
        quantity=int(quantity) if quantity == quantity.to_integral_value() else quantity,
        price=None if p.get("price") is None else Decimal(str(p["price"])),
        note=str(p.get("note") or ""),
        matter_id=int(p["matter"]),
        user_id=None if p.get("user") is None else int(p["user"]),
        expense_category_id=None if p.get("category") is None else int(p["category"]),
    )
