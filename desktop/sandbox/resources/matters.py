"""Matters (``/matters``); their related contacts are in :mod:`relationships`.

Matters need a ``client{id}`` and a ``description``; ``status`` is lowercase in requests and
filters (``open|pending|closed``) and capitalised in responses; the account numbers matters
(``display_number`` like ``00001-Smith``); each matter gets its folder (``folder{...}``); custom
field values and the ``custom_field_values[<id>]`` filter work as on contacts."""

from __future__ import annotations

import re
from typing import Any

from desktop.sandbox import choices, filters, paging
from desktop.sandbox.context import ApiContext
from desktop.sandbox.errors import bad_request, invalid, not_found
from desktop.sandbox.fields import common, resource
from desktop.sandbox.resources import field_values, folders, relationships, tree
from desktop.sandbox.router import route
from desktop.sandbox.store import Record, Store
from desktop.sandbox.timeutil import parse_body_date, today
from desktop.sandbox.wire import Response

STATUSES = ("open", "pending", "closed")
NUMBER_META = "matter_number"


def _user(key: str) -> Any:
    return lambda c, r: c.store.get("users", r.get(key))


def _relationships(ctx: Any, r: Record) -> list[Record]:
    return [x for x in ctx.store.all("relationships") if x["matter_id"] == r["id"]]


def _last_activity(ctx: Any, r: Record) -> str | None:
    dates = [a["date"] for a in ctx.store.all("activities") if a.get("matter_id") == r["id"]]
    return max(dates) if dates else None


rt = common(resource("Matter"))
rt.scalars("number", "display_number", "description", "location", "client_reference", "client_id")
rt.scalars("billable", "open_date", "close_date", "pending_date")
rt.scalar("status", lambda _c, r: r["status"].capitalize())
rt.scalar("custom_number", lambda _c, _r: None)
rt.scalar("billing_method", lambda _c, _r: "hourly")
rt.scalar("maildrop_address", lambda _c, _r: None)
rt.scalar("shared", lambda _c, _r: False)
rt.scalar("has_tasks", lambda _c, _r: False)
rt.scalar("last_activity_date", _last_activity)
rt.scalar("matter_stage_updated_at", lambda _c, _r: None)
rt.one("client", "Contact", lambda c, r: c.store.get("contacts", r["client_id"]))
rt.one("folder", "Folder", lambda c, r: c.store.get("folders", r.get("folder_id")))
rt.one("responsible_attorney", "User", _user("responsible_attorney_id"))
rt.one("originating_attorney", "User", _user("originating_attorney_id"))
rt.one("responsible_staff", "User", _user("responsible_staff_id"))
rt.many("custom_field_values", "CustomFieldValue", field_values.visible_values)
rt.many("relationships", "Relationship", _relationships)
rt.null("practice_area", "PracticeArea")
rt.null("group", "Group")
rt.null("matter_stage", "MatterStage")

WRITABLE = (
    "client",
    "description",
    "status",
    "open_date",
    "pending_date",
    "close_date",
    "billable",
    "location",
    "client_reference",
    "display_number",
    "reset_matter_number",
    "responsible_attorney",
    "originating_attorney",
    "responsible_staff",
    "custom_field_values",
    "relationships",
)
CLIO_ONLY = (
    "currency",
    "custom_field_set_associations",
    "custom_rate",
    "evergreen_retainer",
    "group",
    "matter_budget",
    "matter_stage",
    "practice_area",
    "split_invoice_payers",
    "statute_of_limitations",
    "task_template_list_instances",
)


def _ref_id(value: Any, name: str) -> Any:
    if value is None:
        return None
    if not isinstance(value, dict) or "id" not in value:
        raise invalid(f"{name} must be an object with an id")
    return value["id"]


def _display_number(store: Store, matter: Record) -> str:
    client = store.get("contacts", matter["client_id"]) or {}
    short = client.get("last_name") or client.get("name") or "Client"
    return f"{matter['number']:05d}-{short}"


def _apply(store: Store, m: Record, data: dict[str, Any], creating: bool) -> None:
    if "client" in data or creating:
        cid = _ref_id(data.get("client"), "client")
        if cid is None:
            raise invalid("Client can't be blank")
        if store.get("contacts", cid) is None:
            raise invalid(f"Client {cid!r} does not exist")
        m["client_id"] = cid
    if "description" in data or creating:
        desc = data.get("description")
        if not isinstance(desc, str) or not desc.strip():
            raise invalid("Description can't be blank")
        m["description"] = desc
    if "status" in data:
        status = data["status"]
        if status not in STATUSES:
            raise invalid(
                f"Status must be one of {', '.join(STATUSES)} (lowercase), got {status!r}"
            )
        m["status"] = status
    for key in ("open_date", "pending_date", "close_date"):
        if key in data:
            m[key] = parse_body_date(data[key], key)
    date_key = {"open": "open_date", "pending": "pending_date", "closed": "close_date"}[m["status"]]
    if m.get(date_key) is None:
        m[date_key] = today()
    for key in ("location", "client_reference"):
        if key in data:
            if data[key] is not None and not isinstance(data[key], str):
                raise invalid(f"{key} must be text")
            m[key] = data[key]
    if "billable" in data:
        if not isinstance(data["billable"], bool):
            raise invalid("billable must be true or false")
        m["billable"] = data["billable"]
    for key in ("responsible_attorney", "originating_attorney", "responsible_staff"):
        if key in data:
            uid = _ref_id(data[key], key)
            if uid is not None and store.get("users", uid) is None:
                raise invalid(f"{key} {uid!r} is not a user of this account")
            m[f"{key}_id"] = uid
    if "display_number" in data and not choices.MANUAL_MATTER_NUMBERING:
        raise invalid(
            "display_number is generated: this account does not use manual matter numbering"
        )
    if "custom_field_values" in data or creating:
        field_values.apply_values(store, m, data.get("custom_field_values"), "Matter", creating)


def create_matter(store: Store, data: dict[str, Any]) -> Record:
    m: Record = {
        "status": choices.MATTER_DEFAULT_STATUS,
        "open_date": None,
        "pending_date": None,
        "close_date": None,
        "billable": True,
        "location": None,
        "client_reference": None,
        "responsible_attorney_id": None,
        "originating_attorney_id": None,
        "responsible_staff_id": None,
        "folder_id": None,
    }
    _apply(store, m, data, creating=True)
    items = data.get("relationships")
    rel_items = relationships.check_items(items, creating=True) if items is not None else []
    number = int(store.meta.get(NUMBER_META, 0)) + 1
    store.meta[NUMBER_META] = number
    m["number"] = number
    m["display_number"] = _display_number(store, m)
    store.insert("matters", m)
    tree.matter_folder(store, m)
    for item in rel_items:
        relationships.create_relationship(store, {"matter": {"id": m["id"]}, **item})
    return m


def update_matter(store: Store, m: Record, data: dict[str, Any]) -> None:
    work = dict(m)
    work["custom_field_values"] = [dict(v) for v in m.get("custom_field_values") or []]
    _apply(store, work, data, creating=False)
    if data.get("reset_matter_number") is True:
        work["display_number"] = _display_number(store, work)
    if "relationships" in data:
        relationships.edit_for_matter(store, work, data["relationships"])
    m.clear()
    m.update(work)
    store.touch(m)


# -- index -------------------------------------------------------------------------------------
_DATE_OP = re.compile(r"^(<=|>=|=|<|>)(\d{4}-\d{2}-\d{2})$")


def _date_conditions(req: Any, key: str) -> list[tuple[str, str]]:
    out = []
    for raw in req.q_all(f"{key}[]") + req.q_all(key):
        m = _DATE_OP.match(raw.strip())
        if not m:
            raise bad_request(f"{key} filter must look like >=YYYY-MM-DD, got {raw!r}")
        out.append((m.group(1), m.group(2)))
    return out


def _date_ok(value: str | None, conds: list[tuple[str, str]]) -> bool:
    for op, d in conds:
        if value is None:
            return False
        ok = {"=": value == d, "<": value < d, ">": value > d, "<=": value <= d, ">=": value >= d}[
            op
        ]
        if not ok:
            return False
    return True


@route("GET", "/matters")
def index(ctx: ApiContext) -> Response:
    req, store = ctx.req, ctx.store
    filters.refuse(
        req,
        (
            "practice_area_id",
            "group_id",
            "grant_id",
            "currency_id",
            "subscriber_user_id",
            "notification_event_subscriber_user_id",
        ),
    )
    statuses = None
    if req.q("status"):
        statuses = [s.strip() for s in (req.q("status") or "").split(",")]
        for s in statuses:
            if s not in STATUSES:
                raise bad_request(f"status must be open, pending or closed (lowercase), got {s!r}")
    client_id = filters.q_int(req, "client_id")
    people = {
        k: filters.q_assoc(req, f"{k}_id")
        for k in ("responsible_attorney", "originating_attorney", "responsible_staff")
    }
    billable = filters.q_bool(req, "billable")
    query = req.q("query")
    dates = {k: _date_conditions(req, k) for k in ("open_date", "close_date", "pending_date")}
    conds = field_values.value_filter(store, req, "Matter")
    out = []
    for m in filters.common(req, store.all("matters")):
        if statuses and m["status"] not in statuses:
            continue
        if client_id is not None and m["client_id"] != client_id:
            continue
        if not all(filters.match_assoc(v, m.get(f"{k}_id")) for k, v in people.items()):
            continue
        if billable is not None and m["billable"] != billable:
            continue
        if not all(_date_ok(m.get(k), c) for k, c in dates.items()):
            continue
        if conds and not field_values.matches(m, conds):
            continue
        if query:
            client = store.get("contacts", m["client_id"]) or {}
            hay = (m["display_number"], str(m["number"]), m["description"], client.get("name"))
            if not filters.text_match(query, *hay):
                continue
        out.append(m)
    orders = paging.orders(
        display_number=paging.by("display_number"),
        open_date=paging.by("open_date"),
        close_date=paging.by("close_date"),
        pending_date=paging.by("pending_date"),
        updated_at=paging.by("updated_ts"),
        created_at=paging.by("created_ts"),
        **{"client.name": lambda r: (store.get("contacts", r["client_id"]) or {}).get("name")},
    )
    return ctx.listing("Matter", out, orders=orders)


def _get(store: Store, table: str, kind: str, id_: int) -> Record:
    rec = store.get(table, id_)
    if rec is None:
        raise not_found(kind, id_)
    return rec


@route("GET", "/matters/{id}")
def show(ctx: ApiContext, id: int) -> Response:
    return ctx.record(200, "Matter", _get(ctx.store, "matters", "Matter", id))


@route("POST", "/matters")
def create(ctx: ApiContext) -> Response:
    spec = ctx.spec("Matter")
    data = ctx.data(WRITABLE, "Matter", CLIO_ONLY)
    return ctx.record(201, "Matter", create_matter(ctx.store, data), spec)


@route("PATCH", "/matters/{id}")
def update(ctx: ApiContext, id: int) -> Response:
    m = _get(ctx.store, "matters", "Matter", id)
    spec = ctx.spec("Matter")
    ctx.check_if_match(m)
    update_matter(ctx.store, m, ctx.data(WRITABLE, "Matter", CLIO_ONLY))
    return ctx.record(200, "Matter", m, spec)


@route("DELETE", "/matters/{id}")
def destroy(ctx: ApiContext, id: int) -> Response:
    store = ctx.store
    m = _get(store, "matters", "Matter", id)
    acts = [a for a in store.all("activities") if a.get("matter_id") == id]
    if any(a.get("billed") or a.get("on_bill") for a in acts):
        raise invalid("A matter with billed activities cannot be deleted")
    for a in acts:
        store.delete("activities", a["id"])
    for r in store.all("relationships"):
        if r["matter_id"] == id:
            store.delete("relationships", r["id"])
    folder = store.get("folders", m.get("folder_id"))
    if folder is not None and folder.get("deleted_ts") is None:
        folders.trash(store, folder)
    store.delete("matters", id)
    return ctx.deleted()
