"""Custom fields (``/custom_fields``): the fields a firm defines for matters and contacts
(``parent_type``), of Clio's field types. Their values live in :mod:`field_values`."""

from __future__ import annotations

from typing import Any

from desktop.sandbox import choices, filters, paging
from desktop.sandbox.context import ApiContext
from desktop.sandbox.errors import forbidden, invalid, not_found
from desktop.sandbox.fields import common, resource
from desktop.sandbox.router import route
from desktop.sandbox.store import Record, Store
from desktop.sandbox.wire import Response

FIELD_TYPES = (
    "checkbox",
    "contact",
    "currency",
    "date",
    "time",
    "email",
    "matter",
    "numeric",
    "picklist",
    "text_area",
    "text_line",
    "url",
)

rt = common(resource("CustomField"))
rt.scalars("name", "parent_type", "field_type", "displayed", "deleted", "required", "display_order")
rt.many("picklist_options", "PicklistOption", lambda _c, r: r.get("picklist_options") or [])


# -- /custom_fields ------------------------------------------------------------------------------
_CREATE = (
    "name",
    "field_type",
    "parent_type",
    "displayed",
    "required",
    "display_order",
    "picklist_options",
)


def create_field(store: Store, data: dict[str, Any]) -> Record:
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise invalid("Name can't be blank")
    ftype = data.get("field_type")
    if ftype not in FIELD_TYPES:
        raise invalid(f"Field type must be one of {', '.join(FIELD_TYPES)}")
    ptype = str(data.get("parent_type") or "").capitalize()
    if ptype not in ("Matter", "Contact"):
        raise invalid("Parent type must be Matter or Contact")
    if any(
        f["name"] == name and f["parent_type"] == ptype and not f.get("deleted")
        for f in store.all("custom_fields")
    ):
        raise invalid("Name has already been taken")
    options = []
    for o in data.get("picklist_options") or []:
        text = o.get("option") if isinstance(o, dict) else None
        if not isinstance(text, str) or not text:
            raise invalid("picklist option can't be blank")
        options.append(store.new_item("picklist_options", {"option": text, "deleted_at": None}))
    if ftype == "picklist" and not options:
        raise invalid("A picklist needs at least one option")
    return store.insert(
        "custom_fields",
        {
            "name": name,
            "field_type": ftype,
            "parent_type": ptype,
            "displayed": bool(data.get("displayed", True)),
            "required": bool(data.get("required", False)),
            "display_order": int(data.get("display_order") or 0),
            "deleted": False,
            "picklist_options": options,
        },
    )


@route("GET", "/custom_fields")
def index(ctx: ApiContext) -> Response:
    req = ctx.req
    filters.refuse(req, ("visible_and_required",))
    ptype = filters.q_enum(req, "parent_type", ("matter", "contact"))
    ftype = filters.q_enum(req, "field_type", FIELD_TYPES)
    deleted = filters.q_bool(req, "deleted")
    query = req.q("query")
    out = []
    for f in filters.common(req, ctx.store.all("custom_fields")):
        if ptype and f["parent_type"].lower() != ptype:
            continue
        if ftype and f["field_type"] != ftype:
            continue
        if bool(f.get("deleted")) != bool(deleted):
            continue
        if query and not filters.text_match(query, f["name"]):
            continue
        out.append(f)
    orders = paging.orders(name=paging.by("name"), display_order=paging.by("display_order"))
    return ctx.listing("CustomField", out, orders=orders)


@route("GET", "/custom_fields/{id}")
def show(ctx: ApiContext, id: int) -> Response:
    f = ctx.store.get("custom_fields", id)
    if f is None:
        raise not_found("CustomField", id)
    return ctx.record(200, "CustomField", f)


def _admin_only(ctx: ApiContext) -> None:
    """Custom fields are managed by administrators only (see ``choices``)."""
    user = ctx.store.get("users", ctx.user_id) or {}
    if choices.CUSTOM_FIELDS_NEED_ADMIN and "admin" not in (user.get("roles") or []):
        raise forbidden("Only administrators can create, edit or delete custom fields")


@route("POST", "/custom_fields")
def create(ctx: ApiContext) -> Response:
    _admin_only(ctx)
    data = ctx.data(_CREATE, "CustomField")
    spec = ctx.spec("CustomField")
    return ctx.record(201, "CustomField", create_field(ctx.store, data), spec)


@route("PATCH", "/custom_fields/{id}")
def update(ctx: ApiContext, id: int) -> Response:
    f = ctx.store.get("custom_fields", id)
    if f is None:
        raise not_found("CustomField", id)
    _admin_only(ctx)
    spec = ctx.spec("CustomField")
    ctx.check_if_match(f)
    data = ctx.data(("name", "displayed", "required", "display_order"), "CustomField")
    if "name" in data:
        if not isinstance(data["name"], str) or not data["name"].strip():
            raise invalid("Name can't be blank")
        f["name"] = data["name"]
    for k in ("displayed", "required"):
        if k in data:
            f[k] = bool(data[k])
    if "display_order" in data:
        f["display_order"] = int(data["display_order"] or 0)
    ctx.store.touch(f)
    return ctx.record(200, "CustomField", f, spec)


@route("DELETE", "/custom_fields/{id}")
def destroy(ctx: ApiContext, id: int) -> Response:
    f = ctx.store.get("custom_fields", id)
    if f is None:
        raise not_found("CustomField", id)
    _admin_only(ctx)
    f["deleted"] = True
    ctx.store.touch(f)
    return ctx.deleted()
