"""Activities (``/activities``: TimeEntry with ``quantity`` in seconds, ExpenseEntry, hard and
soft costs) and expense categories (``/expense_categories``). Billed activities refuse PATCH
and DELETE; only Clio's billing (``admin.mark_activity_billed``) bills them."""

from __future__ import annotations

import math
from typing import Any

from desktop.sandbox import choices, filters, paging
from desktop.sandbox.context import ApiContext
from desktop.sandbox.errors import T_INVALID, ApiError, bad_request, invalid, not_found
from desktop.sandbox.fields import common, resource
from desktop.sandbox.router import route
from desktop.sandbox.store import Record, Store
from desktop.sandbox.timeutil import parse_body_date
from desktop.sandbox.wire import Response

TYPES = ("TimeEntry", "ExpenseEntry", "HardCostEntry", "SoftCostEntry")
TAX_SETTINGS = ("no_tax", "tax_1_only", "tax_2_only", "tax_1_and_tax_2")
ENTRY_TYPES = ("hard_cost", "soft_cost", "unassociated")


def rounded(a: Record) -> float:
    q = float(a.get("quantity") or 0)
    if a["type"] != "TimeEntry":
        return q
    step = choices.TIME_ROUNDING_SECONDS
    return float(math.ceil(q / step) * step) if step else q


def total(a: Record) -> float:
    price = float(a.get("price") or 0)
    if a["type"] == "TimeEntry":
        return round(rounded(a) / 3600 * price, 2)
    return round(float(a.get("quantity") or 0) * price, 2)


def _hours(v: float, a: Record) -> float | None:
    return round(v / 3600, 4) if a["type"] == "TimeEntry" else None


rt = common(resource("Activity"))
rt.scalars("type", "date", "quantity", "price", "note", "billed", "on_bill", "reference")
rt.scalars("non_billable", "no_charge", "tax_setting")
rt.scalar("flat_rate", lambda _c, _r: False)
rt.scalar("contingency_fee", lambda _c, _r: False)
rt.scalar("quantity_redacted", lambda _c, _r: False)
rt.scalar("quantity_in_hours", lambda _c, r: _hours(float(r.get("quantity") or 0), r))
rt.scalar("rounded_quantity", lambda _c, r: rounded(r))
rt.scalar("rounded_quantity_in_hours", lambda _c, r: _hours(rounded(r), r))
rt.scalar("total", lambda _c, r: total(r))
rt.scalar("non_billable_total", lambda _c, r: total(r) if r.get("non_billable") else 0.0)
rt.one("matter", "Matter", lambda c, r: c.store.get("matters", r.get("matter_id")))
rt.one("user", "User", lambda c, r: c.store.get("users", r.get("user_id")))
rt.one(
    "expense_category",
    "ExpenseCategory",
    lambda c, r: c.store.get("expense_categories", r.get("expense_category_id")),
)
rt.one("bill", "Bill", lambda c, r: c.store.get("bills", r.get("bill_id")))
rt.null("activity_description", "ActivityDescription")
rt.null("vendor", "Contact")

ec = common(resource("ExpenseCategory")).scalars("name", "rate", "entry_type", "tax_setting")
ec.scalar("xero_expense_code", lambda _c, _r: None)
ec.scalar("accessible_to_user", lambda _c, _r: True)
ec.many("groups", "Group", lambda _c, _r: [])

WRITABLE = (
    "type",
    "date",
    "quantity",
    "price",
    "note",
    "matter",
    "user",
    "expense_category",
    "non_billable",
    "no_charge",
    "reference",
    "tax_setting",
)
CLIO_ONLY = (
    "activity_description",
    "calendar_entry",
    "client_portal",
    "communication",
    "contact_note",
    "matter_note",
    "start_timer",
    "task",
    "text_message_conversation",
    "utbms_expense",
    "vendor",
    "tax_settings",
)


def _ref(store: Store, data: dict[str, Any], key: str, table: str) -> int | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, dict) or "id" not in value:
        raise invalid(f"{key} must be an object with an id")
    if store.get(table, value["id"]) is None:
        raise invalid(f"{key} {value['id']!r} does not exist")
    return int(value["id"])


def _number(data: dict[str, Any], key: str) -> float | None:
    v = data.get(key)
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise invalid(f"{key} must be a number")
    if v < 0:
        raise invalid(f"{key} must not be negative")
    return float(v)


def _apply(store: Store, a: Record, data: dict[str, Any], creating: bool, user_id: int) -> None:
    if "type" in data or creating:
        if data.get("type") not in TYPES:
            raise invalid(f"Type must be one of {', '.join(TYPES)}")
        a["type"] = data["type"]
    if "date" in data or creating:
        if data.get("date") is None:
            raise invalid("Date can't be blank")
        a["date"] = parse_body_date(data["date"], "date")
    for key in ("quantity", "price"):
        if key in data:
            a[key] = _number(data, key)
    if "note" in data:
        if data["note"] is not None and not isinstance(data["note"], str):
            raise invalid("note must be text")
        a["note"] = data["note"]
    if "reference" in data:
        a["reference"] = data["reference"]
    for key in ("non_billable", "no_charge"):
        if key in data:
            if not isinstance(data[key], bool):
                raise invalid(f"{key} must be true or false")
            a[key] = data[key]
    if a.get("non_billable") and a["type"] != "TimeEntry":
        raise invalid("non_billable is only valid for time entries")
    if "tax_setting" in data:
        if data["tax_setting"] not in TAX_SETTINGS:
            raise invalid(f"tax_setting must be one of {', '.join(TAX_SETTINGS)}")
        a["tax_setting"] = data["tax_setting"]
    if "matter" in data:
        a["matter_id"] = _ref(store, data, "matter", "matters")
    if "user" in data or creating:
        a["user_id"] = _ref(store, data, "user", "users") or a.get("user_id") or user_id
    if "expense_category" in data:
        a["expense_category_id"] = _ref(store, data, "expense_category", "expense_categories")
    if a["type"] == "TimeEntry":
        a["expense_category_id"] = None
        if a.get("quantity") is None:
            a["quantity"] = 0.0
        if a.get("price") is None:
            user = store.get("users", a["user_id"]) or {}
            a["price"] = float(user.get("rate") or 0.0)
    else:
        if a.get("quantity") is None:
            a["quantity"] = 1.0
        if a.get("price") is None:
            cat = store.get("expense_categories", a.get("expense_category_id")) or {}
            a["price"] = float(cat.get("rate") or 0.0)


def create_activity(store: Store, data: dict[str, Any], user_id: int) -> Record:
    a: Record = {
        "note": None,
        "reference": None,
        "non_billable": False,
        "no_charge": False,
        "billed": False,
        "on_bill": False,
        "bill_id": None,
        "matter_id": None,
        "expense_category_id": None,
        "tax_setting": "no_tax",
    }
    _apply(store, a, data, creating=True, user_id=user_id)
    return store.insert("activities", a)


def mark_billed(store: Store, a: Record) -> None:
    """What Clio's billing does when the activity's bill is issued."""
    number = int(store.meta.get("bill_number", 0)) + 1
    store.meta["bill_number"] = number
    bill = store.insert("bills", {"number": str(number), "state": "awaiting_payment"})
    a["billed"] = a["on_bill"] = True
    a["bill_id"] = bill["id"]
    store.touch(a)


def _refuse_billed(a: Record) -> None:
    if a.get("billed") or a.get("on_bill"):
        raise ApiError(
            choices.BILLED_ACTIVITY_STATUS,
            T_INVALID,
            "Validation failed: a billed activity cannot be changed or deleted",
        )


def _status_ok(a: Record, status: str) -> bool:
    billed, on_bill, nb = bool(a.get("billed")), bool(a.get("on_bill")), bool(a.get("non_billable"))
    return {
        "billed": billed,
        "unbilled": not billed and not on_bill and not nb,
        "draft": on_bill and not billed,
        "non_billable": nb,
        "billable": not nb,
        "written_off": False,
    }[status]


@route("GET", "/activities")
def index(ctx: ApiContext) -> Response:
    req, store = ctx.req, ctx.store
    filters.refuse(
        req,
        (
            "activity_description_id",
            "calendar_entry_id",
            "communication_id",
            "contact_note_id",
            "grant_id",
            "matter_note_id",
            "only_unaccounted_for",
            "task_id",
            "flat_rate",
        ),
    )
    matter = filters.q_assoc(req, "matter_id")
    user = filters.q_assoc(req, "user_id")
    category = filters.q_assoc(req, "expense_category_id")
    atype = filters.q_enum(req, "type", TYPES)
    status = filters.q_enum(
        req, "status", ("billed", "draft", "unbilled", "non_billable", "billable", "written_off")
    )
    start, end = req.q("start_date"), req.q("end_date")
    for name, value in (("start_date", start), ("end_date", end)):
        if value is not None:
            try:
                parse_body_date(value[:10], name)
            except ApiError as exc:
                raise bad_request(f"{name} must be an ISO-8601 date") from exc
    query = req.q("query")
    out = []
    for a in filters.common(req, store.all("activities")):
        if not (
            filters.match_assoc(matter, a.get("matter_id"))
            and filters.match_assoc(user, a.get("user_id"))
        ):
            continue
        if not filters.match_assoc(category, a.get("expense_category_id")):
            continue
        if atype and a["type"] != atype:
            continue
        if status and not _status_ok(a, status):
            continue
        if start and a["date"] < start[:10]:
            continue
        if end and a["date"] > end[:10]:
            continue
        if query and not filters.text_match(query, a.get("note")):
            continue
        out.append(a)
    orders = paging.orders(
        date=paging.by("date"),
        price=paging.by("price"),
        total=total,
        type=paging.by("type"),
        note=paging.by("note"),
        updated_at=paging.by("updated_ts"),
    )
    return ctx.listing("Activity", out, orders=orders)


def _get(store: Store, id_: int) -> Record:
    a = store.get("activities", id_)
    if a is None:
        raise not_found("Activity", id_)
    return a


@route("GET", "/activities/{id}")
def show(ctx: ApiContext, id: int) -> Response:
    return ctx.record(200, "Activity", _get(ctx.store, id))


@route("POST", "/activities")
def create(ctx: ApiContext) -> Response:
    spec = ctx.spec("Activity")
    data = ctx.data(WRITABLE, "Activity", CLIO_ONLY)
    return ctx.record(201, "Activity", create_activity(ctx.store, data, ctx.user_id), spec)


@route("PATCH", "/activities/{id}")
def update(ctx: ApiContext, id: int) -> Response:
    a = _get(ctx.store, id)
    spec = ctx.spec("Activity")
    ctx.check_if_match(a)
    data = ctx.data(WRITABLE, "Activity", CLIO_ONLY)
    _refuse_billed(a)
    work = dict(a)
    _apply(ctx.store, work, data, creating=False, user_id=ctx.user_id)
    a.update(work)
    ctx.store.touch(a)
    return ctx.record(200, "Activity", a, spec)


@route("DELETE", "/activities/{id}")
def destroy(ctx: ApiContext, id: int) -> Response:
    a = _get(ctx.store, id)
    _refuse_billed(a)
    ctx.store.delete("activities", id)
    return ctx.deleted()


# -- expense categories ----------------------------------------------------------------------
def create_category(store: Store, data: dict[str, Any]) -> Record:
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise invalid("Name can't be blank")
    if any(c["name"] == name for c in store.all("expense_categories")):
        raise invalid("Name has already been taken")
    entry_type = data.get("entry_type", "unassociated")
    if entry_type not in ENTRY_TYPES:
        raise invalid(f"entry_type must be one of {', '.join(ENTRY_TYPES)}")
    rate = _number(data, "rate")
    return store.insert(
        "expense_categories",
        {"name": name, "rate": rate, "entry_type": entry_type, "tax_setting": "no_tax"},
    )


@route("GET", "/expense_categories")
def ec_index(ctx: ApiContext) -> Response:
    req = ctx.req
    entry_type = filters.q_enum(req, "entry_type", ENTRY_TYPES)
    query = req.q("query")
    out = [
        c
        for c in filters.common(req, ctx.store.all("expense_categories"))
        if (entry_type is None or c["entry_type"] == entry_type)
        and (not query or filters.text_match(query, c["name"]))
    ]
    orders = paging.orders(
        name=paging.by("name"), rate=paging.by("rate"), entry_type=paging.by("entry_type")
    )
    return ctx.listing("ExpenseCategory", out, orders=orders)


@route("GET", "/expense_categories/{id}")
def ec_show(ctx: ApiContext, id: int) -> Response:
    c = ctx.store.get("expense_categories", id)
    if c is None:
        raise not_found("ExpenseCategory", id)
    return ctx.record(200, "ExpenseCategory", c)


@route("POST", "/expense_categories")
def ec_create(ctx: ApiContext) -> Response:
    spec = ctx.spec("ExpenseCategory")
    data = ctx.data(
        ("name", "rate", "entry_type"), "ExpenseCategory", ("currency", "groups", "utbms_code")
    )
    return ctx.record(201, "ExpenseCategory", create_category(ctx.store, data), spec)
