"""Write records back as ``prolegis.json`` (format 1): the inverse of the parser.

The companion never rewrites a real workspace's manifest; this is used by the builder (demo data,
tests) and by anyone writing an exporter who wants a reference. Money and hours become JSON
numbers (exact for cents below a billion), timestamps ISO-8601 in UTC with ``Z``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from desktop.prolegis.manifest import FORMAT_NAME, FORMAT_VERSION
from desktop.prolegis.records import Activity, Address, Client, Manifest, Matter


def stamp(dt: datetime) -> str:
    """``2026-11-20T17:04:00Z``."""
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _num(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def address_to_dict(a: Address) -> dict[str, Any]:
    return {
        "street": a.street,
        "city": a.city,
        "province": a.province,
        "postal_code": a.postal_code,
        "country": a.country,
    }


def client_to_dict(c: Client) -> dict[str, Any]:
    out: dict[str, Any] = {"id": c.id, "kind": c.kind}
    if c.kind == "person" or c.first_name or c.last_name:
        out["first_name"] = c.first_name
        out["last_name"] = c.last_name
    out["company"] = c.company
    out["emails"] = list(c.emails)
    out["phones"] = list(c.phones)
    out["addresses"] = [address_to_dict(a) for a in c.addresses]
    out["updated_at"] = stamp(c.updated_at)
    return out


def matter_to_dict(m: Matter) -> dict[str, Any]:
    return {
        "id": m.id,
        "number": m.number,
        "title": m.title,
        "status": m.status,
        "open_date": m.open_date.isoformat() if m.open_date else None,
        "client_ids": list(m.client_ids),
        "folder": m.folder,
        "updated_at": stamp(m.updated_at),
    }


def activity_to_dict(a: Activity) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": a.id,
        "matter_id": a.matter_id,
        "kind": a.kind,
        "date": a.date.isoformat(),
    }
    if a.kind == "time":
        out["hours"] = _num(a.hours) if a.hours is not None else None
        out["rate"] = _num(a.rate) if a.rate is not None else None
    else:
        out["amount"] = _num(a.amount) if a.amount is not None else None
        out["category"] = a.category
    out["note"] = a.note
    out["author"] = a.author
    out["updated_at"] = stamp(a.updated_at)
    return out


def manifest_to_dict(
    clients: tuple[Client, ...] | list[Client],
    matters: tuple[Matter, ...] | list[Matter],
    activities: tuple[Activity, ...] | list[Activity],
) -> dict[str, Any]:
    """The JSON object of a manifest holding these records."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "clients": [client_to_dict(c) for c in clients],
        "matters": [matter_to_dict(m) for m in matters],
        "activities": [activity_to_dict(a) for a in activities],
    }


def dump_manifest(manifest: Manifest, *, indent: int | None = 1) -> bytes:
    """The UTF-8 bytes of ``manifest`` as ``prolegis.json``."""
    return dump_dict(manifest_to_dict(manifest.clients, manifest.matters, manifest.activities),
                     indent=indent)


def dump_dict(data: dict[str, Any], *, indent: int | None = 1) -> bytes:
    """UTF-8 JSON (accents kept as is), ending with a newline."""
    return (json.dumps(data, ensure_ascii=False, indent=indent) + "\n").encode("utf-8")
