"""Custom field values of matters and contacts: composite value ids (``text_line-12``),
create/update/``_destroy`` item by item, one value per field (a second value without ``id`` is
refused, as Clio does), 255-character one-line text, required fields, and the
``custom_field_values[<id>]=...`` index filter with its operators."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desktop.sandbox import filters
from desktop.sandbox.errors import bad_request, invalid
from desktop.sandbox.fields import common, resource
from desktop.sandbox.resources import custom_fields  # noqa: F401  (declares CustomField)
from desktop.sandbox.store import Record, Store

_ORDERED = ("currency", "date", "time", "numeric")
TEXT_LINE_MAX = 255


def _field(ctx: Any, value: Record) -> Record | None:
    return ctx.store.get("custom_fields", value["custom_field_id"])  # type: ignore[no-any-return]


def _fattr(name: str, default: Any = None) -> Any:
    return lambda c, v: (_field(c, v) or {}).get(name, default)


cfv = common(resource("CustomFieldValue"))  # its id is the composite string, e.g. "text_line-12"
cfv.scalar("field_name", _fattr("name"))
cfv.scalar("field_type", _fattr("field_type"))
cfv.scalar("field_required", _fattr("required", False))
cfv.scalar("field_displayed", _fattr("displayed", True))
cfv.scalar("field_display_order", _fattr("display_order", 0))
cfv.scalar("value")
cfv.scalar("soft_deleted", _fattr("deleted", False))
cfv.one("custom_field", "CustomField", _field)
cfv.one(
    "picklist_option",
    "PicklistOption",
    lambda c, v: _option(_field(c, v), v.get("value")),
)
cfv.one(
    "matter",
    "CustomFieldMatterSelection",
    lambda c, v: (
        c.store.get("matters", v["value"]) if _fattr("field_type")(c, v) == "matter" else None
    ),
)
cfv.one(
    "contact",
    "Contact",
    lambda c, v: (
        c.store.get("contacts", v["value"]) if _fattr("field_type")(c, v) == "contact" else None
    ),
)


def _option(field: Record | None, value: Any) -> Record | None:
    if not field or field.get("field_type") != "picklist":
        return None
    for o in field.get("picklist_options") or []:
        if o["id"] == value:
            return o  # type: ignore[no-any-return]
    return None


def visible_values(ctx: Any, rec: Record) -> list[Record]:
    """A record's values, narrowed by ``custom_field_ids[]`` when the request gives it."""
    values: list[Record] = rec.get("custom_field_values") or []
    wanted = filters.q_ids(ctx.req, "custom_field_ids[]") if hasattr(ctx, "req") else None
    if wanted is None:
        return values
    return [v for v in values if v["custom_field_id"] in wanted]


# -- values ------------------------------------------------------------------------------------
def _coerce(store: Store, field: Record, value: Any) -> Any:
    ftype = field["field_type"]
    label = field["name"]
    if value is None or value == "":
        return None
    if ftype in ("text_line", "text_area", "email", "url"):
        if not isinstance(value, str):
            raise invalid(f"{label} must be text")
        if ftype == "text_line" and len(value) > TEXT_LINE_MAX:
            raise invalid(f"{label} is too long (maximum is {TEXT_LINE_MAX} characters)")
        if ftype == "email" and "@" not in value:
            raise invalid(f"{label} is not a valid email address")
        return value
    if ftype in ("numeric", "currency"):
        try:
            return float(value) if not isinstance(value, bool) else _bad(label)
        except (TypeError, ValueError):
            _bad(label)
    if ftype == "checkbox":
        if isinstance(value, bool):
            return value
        if value in ("true", "false"):
            return value == "true"
        _bad(label)
    if ftype == "date":
        try:
            return date.fromisoformat(str(value)).isoformat()
        except ValueError:
            _bad(label)
    if ftype == "time":
        if isinstance(value, str) and re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", value):
            return value
        _bad(label)
    if ftype == "picklist":
        ok = {o["id"] for o in field.get("picklist_options") or [] if not o.get("deleted_at")}
        if isinstance(value, int) and value in ok:
            return value
        _bad(label)
    if ftype in ("contact", "matter"):
        table = "contacts" if ftype == "contact" else "matters"
        if isinstance(value, int) and store.get(table, value) is not None:
            return value
        _bad(label)
    return value


def _bad(label: str) -> Any:
    raise invalid(f"{label} has an invalid value")


def apply_values(store: Store, rec: Record, items: Any, parent_type: str, creating: bool) -> None:
    """Apply ``custom_field_values`` items of a POST/PATCH body to a matter or contact."""
    if items is None:
        items = []
    if not isinstance(items, list):
        raise invalid("custom_field_values must be an array")
    values: list[Record] = rec.setdefault("custom_field_values", [])
    allowed = {"value", "custom_field"} if creating else {"id", "value", "custom_field", "_destroy"}
    for item in items:
        if not isinstance(item, dict):
            raise invalid("custom_field_values items must be objects")
        for k in item:
            if k not in allowed:
                raise invalid(f"unknown attribute '{k}' for CustomFieldValue")
        if "id" in item:
            current = next((v for v in values if v["id"] == str(item["id"])), None)
            if current is None:
                raise invalid(f"custom field value {item['id']!r} does not belong to this record")
            if item.get("_destroy") is True:
                values.remove(current)
                continue
            field = store.get("custom_fields", current["custom_field_id"])
            assert field is not None
            if "value" in item:
                current["value"] = _coerce(store, field, item["value"])
                store.touch(current)
            continue
        cf = item.get("custom_field")
        cf_id = cf.get("id") if isinstance(cf, dict) else None
        field = store.get("custom_fields", cf_id)
        if field is None or field.get("deleted"):
            raise invalid(f"custom field {cf_id!r} does not exist")
        if field["parent_type"] != parent_type:
            raise invalid(f"custom field {field['name']!r} is not a {parent_type} field")
        if any(v["custom_field_id"] == field["id"] for v in values):
            raise invalid(f"{field['name']} already has a value; send its id to change it")
        value = _coerce(store, field, item.get("value"))
        new = store.new_item(
            "custom_field_values", {"custom_field_id": field["id"], "value": value}
        )
        new["id"] = f"{field['field_type']}-{new['id']}"
        values.append(new)
    for field in store.all("custom_fields"):
        required = (
            field["parent_type"] == parent_type
            and field.get("required")
            and not field.get("deleted")
        )
        if required and not any(
            v["custom_field_id"] == field["id"] and v["value"] not in (None, "") for v in values
        ):
            raise invalid(f"{field['name']} can't be blank")


# -- the custom_field_values[<id>] filter --------------------------------------------------------
_KEY = re.compile(r"^custom_field_values\[(\d+)\]$")
_OP = re.compile(r"^(<=|>=|=|<|>)(.*)$")


def _conditions(field: Record, raw: str) -> list[tuple[str, Any]]:
    ftype = field["field_type"]
    parts = [raw]
    if raw.startswith("[") and raw.endswith("]"):
        parts = [p.strip() for p in raw[1:-1].split(",")]
    conds: list[tuple[str, Any]] = []
    for part in parts:
        op, val = "=", part
        if ftype in _ORDERED:
            m = _OP.match(part)
            if m:
                op, val = m.group(1), m.group(2)
        elif len(parts) > 1:
            raise bad_request(f"custom field {field['id']} ({ftype}) supports only '='")
        conds.append((op, _filter_value(field, val)))
    return conds


def _filter_value(field: Record, raw: str) -> Any:
    ftype = field["field_type"]
    try:
        if ftype in ("numeric", "currency"):
            return float(raw)
        if ftype == "checkbox":
            return raw.lower() in ("true", "1")
        if ftype in ("picklist", "contact", "matter"):
            return int(raw)
        if ftype == "date":
            return date.fromisoformat(raw).isoformat()
    except ValueError as exc:
        raise bad_request(f"custom_field_values[{field['id']}]: invalid value {raw!r}") from exc
    return raw


def _test(op: str, actual: Any, wanted: Any) -> bool:
    if actual is None:
        return False
    if op == "=":
        return bool(actual == wanted)
    try:
        return bool(
            {
                "<": actual < wanted,
                ">": actual > wanted,
                "<=": actual <= wanted,
                ">=": actual >= wanted,
            }[op]
        )
    except TypeError:
        return False


def value_filter(
    store: Store, req: Any, parent_type: str
) -> list[tuple[int, list[tuple[str, Any]]]]:
    """The parsed ``custom_field_values[<id>]`` conditions of an index request."""
    out = []
    for k, v in req.query:
        m = _KEY.match(k)
        if not m:
            continue
        field = store.get("custom_fields", int(m.group(1)))
        if field is None or field["parent_type"] != parent_type:
            raise bad_request(f"custom field {m.group(1)} is not a {parent_type} custom field")
        out.append((field["id"], _conditions(field, v)))
    return out


def matches(rec: Record, conds: list[tuple[int, list[tuple[str, Any]]]]) -> bool:
    for field_id, tests in conds:
        value = next(
            (
                v["value"]
                for v in rec.get("custom_field_values") or []
                if v["custom_field_id"] == field_id
            ),
            None,
        )
        if not all(_test(op, value, wanted) for op, wanted in tests):
            return False
    return True


def searchable(rec: Record) -> list[Any]:
    return [v["value"] for v in rec.get("custom_field_values") or [] if isinstance(v["value"], str)]
