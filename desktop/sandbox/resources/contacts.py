"""Contacts (``/contacts``): Person and Company, nested email addresses / phone numbers /
addresses edited item by item (``id`` to update, none to create, ``_destroy`` to delete), the
request/response naming mismatch (``default_email``/``default_number`` in, ``primary`` out),
custom field values, and the index filters (``query``, ``type``, ``client_only``...)."""

from __future__ import annotations

from typing import Any

from desktop.sandbox import choices, filters, paging
from desktop.sandbox.context import ApiContext
from desktop.sandbox.errors import invalid, not_found
from desktop.sandbox.fields import common, resource
from desktop.sandbox.resources import field_values, tree
from desktop.sandbox.router import route
from desktop.sandbox.store import Record, Store
from desktop.sandbox.timeutil import parse_body_date
from desktop.sandbox.wire import Response

# kind -> (response type, request default flag, name enum, value keys, required key)
NESTED: dict[str, tuple[str, str | None, tuple[str, ...], tuple[str, ...], str | None]] = {
    "email_addresses": (
        "EmailAddress",
        "default_email",
        ("Work", "Home", "Other"),
        ("address",),
        "address",
    ),
    "phone_numbers": (
        "PhoneNumber",
        "default_number",
        ("Work", "Home", "Mobile", "Fax", "Pager", "Skype", "Other"),
        ("number",),
        "number",
    ),
    "addresses": (
        "Address",
        None,
        ("Work", "Home", "Billing", "Other"),
        ("street", "city", "province", "postal_code", "country"),
        None,
    ),
}

common(resource("EmailAddress")).scalars("address", "name", "primary")
common(resource("PhoneNumber")).scalars("number", "name", "primary")
common(resource("Address")).scalars(
    "street", "city", "province", "postal_code", "country", "name", "primary"
)


def _items(kind: str) -> Any:
    return lambda _c, r: r.get(kind) or []


def _nth(kind: str, primary: bool, attr: str | None) -> Any:
    def get(_c: Any, r: Record) -> Any:
        items = r.get(kind) or []
        pick = [i for i in items if bool(i.get("primary")) == primary]
        if not pick:
            return None
        return pick[0].get(attr) if attr else pick[0]

    return get


def _is_client(ctx: Any, r: Record) -> bool:
    return any(m.get("client_id") == r["id"] for m in ctx.store.all("matters"))


rt = common(resource("Contact"))
rt.scalars(
    "name", "first_name", "middle_name", "last_name", "date_of_birth", "type", "prefix", "title"
)
rt.scalar("initials", lambda _c, r: "".join(p[0].upper() for p in r["name"].split() if p)[:3])
for _k in ("clio_connect_email", "client_connect_user_id", "ledes_client_id", "sales_tax_number"):
    rt.scalar(_k, lambda _c, _r: None)
for _k in (
    "locked_clio_connect_email",
    "has_clio_for_clients_permission",
    "is_clio_for_client_user",
    "is_co_counsel",
    "is_bill_recipient",
):
    rt.scalar(_k, lambda _c, _r: False)
rt.scalar("primary_email_address", _nth("email_addresses", True, "address"))
rt.scalar("secondary_email_address", _nth("email_addresses", False, "address"))
rt.scalar("primary_phone_number", _nth("phone_numbers", True, "number"))
rt.scalar("secondary_phone_number", _nth("phone_numbers", False, "number"))
rt.scalar("is_client", _is_client)
rt.many("email_addresses", "EmailAddress", _items("email_addresses"))
rt.many("phone_numbers", "PhoneNumber", _items("phone_numbers"))
rt.many("addresses", "Address", _items("addresses"))
rt.many("custom_field_values", "CustomFieldValue", field_values.visible_values)
rt.many("web_sites", "WebSite", lambda _c, _r: [])
rt.many("instant_messengers", "InstantMessenger", lambda _c, _r: [])
rt.one("primary_address", "Address", _nth("addresses", True, None))
rt.one("secondary_address", "Address", _nth("addresses", False, None))
rt.one(
    "primary_work_address",
    "Address",
    lambda _c, r: next((a for a in r.get("addresses") or [] if a.get("name") == "Work"), None),
)
rt.one("company", "Contact", lambda c, r: c.store.get("contacts", r.get("company_id")))
rt.one("folder", "Folder", lambda c, r: c.store.get("folders", r.get("folder_id")))
rt.null("avatar", "Avatar")

WRITABLE = (
    "type",
    "name",
    "first_name",
    "middle_name",
    "last_name",
    "prefix",
    "title",
    "date_of_birth",
    "company",
    "email_addresses",
    "phone_numbers",
    "addresses",
    "custom_field_values",
)
CLIO_ONLY = (
    "avatar",
    "clio_connect_email",
    "co_counsel_rate",
    "currency",
    "custom_field_set_associations",
    "instant_messengers",
    "ledes_client_id",
    "sales_tax_number",
    "web_sites",
)


def _text(data: dict[str, Any], key: str) -> str | None:
    v = data.get(key)
    if v is None:
        return None
    if not isinstance(v, str):
        raise invalid(f"{key} must be text")
    return v.strip() or None


def _apply_names(rec: Record, data: dict[str, Any]) -> None:
    for k in ("first_name", "middle_name", "last_name", "prefix", "title"):
        if k in data:
            rec[k] = _text(data, k)
    if rec["type"] == "Person":
        if "name" in data and not ("first_name" in data or "last_name" in data):
            full = _text(data, "name") or ""
            first, _, last = full.rpartition(" ")
            rec["first_name"], rec["last_name"] = (
                (first or None, last or None) if first else (None, last or None)
            )
        if not rec.get("first_name") and not rec.get("last_name"):
            raise invalid("At least one of first name or last name must be provided")
        rec["name"] = " ".join(
            p for p in (rec.get("first_name"), rec.get("middle_name"), rec.get("last_name")) if p
        )
    else:
        if "name" in data:
            rec["name"] = _text(data, "name")
        if not rec.get("name"):
            raise invalid("Name can't be blank")
        rec["first_name"] = rec["middle_name"] = rec["last_name"] = None


def apply_nested(store: Store, rec: Record, kind: str, items: Any, creating: bool) -> None:
    """Edit a nested list (emails, phones, addresses) item by item."""
    _type, flag, names, keys, required = NESTED[kind]
    if not isinstance(items, list):
        raise invalid(f"{kind} must be an array")
    current: list[Record] = rec.setdefault(kind, [])
    allowed = {"name", *keys, *((flag,) if flag else ())}
    if not creating:
        allowed |= {"id", "_destroy"}
    for item in items:
        if not isinstance(item, dict):
            raise invalid(f"{kind} items must be objects")
        for k in item:
            if k not in allowed:
                raise invalid(f"unknown attribute '{k}' for {_type}")
        target: Record | None = None
        if "id" in item:
            target = next((i for i in current if i["id"] == item["id"]), None)
            if target is None:
                raise invalid(f"{_type} {item['id']!r} does not belong to this contact")
            if item.get("_destroy") is True:
                current.remove(target)
                continue
        name = item.get("name", target["name"] if target else "Other")
        if name not in names:
            raise invalid(f"{_type} name must be one of {', '.join(names)}")
        values = {k: item.get(k, target.get(k) if target else None) for k in keys}
        if required and not values.get(required):
            raise invalid(f"{_type} {required} can't be blank")
        if target is None:
            target = store.new_item(kind, {"name": name, "primary": False, **values})
            current.append(target)
        else:
            target.update({"name": name, **values})
            store.touch(target)
        if flag and item.get(flag) is True:
            for other in current:
                other["primary"] = other is target
    if current and choices.FIRST_ITEM_IS_PRIMARY and not any(i.get("primary") for i in current):
        current[0]["primary"] = True


def create_contact(store: Store, data: dict[str, Any]) -> Record:
    ctype = data.get("type")
    if ctype not in ("Person", "Company"):
        raise invalid("Type must be Person or Company")
    rec: Record = {
        "type": ctype,
        "name": None,
        "first_name": None,
        "middle_name": None,
        "last_name": None,
        "prefix": None,
        "title": None,
        "date_of_birth": None,
        "company_id": None,
        "folder_id": None,
    }
    _apply(store, rec, data, creating=True)
    store.insert("contacts", rec)
    tree.contact_folder(store, rec)
    return rec


def _apply(store: Store, rec: Record, data: dict[str, Any], creating: bool) -> None:
    _apply_names(rec, data)
    if "date_of_birth" in data:
        rec["date_of_birth"] = parse_body_date(data["date_of_birth"], "date_of_birth")
    if "company" in data:
        comp = data["company"]
        cid = comp.get("id") if isinstance(comp, dict) else None
        if comp is not None:
            target = store.get("contacts", cid)
            if target is None or target["type"] != "Company" or target is rec:
                raise invalid(f"company {cid!r} is not a Company contact")
        rec["company_id"] = cid if comp is not None else None
    for kind in NESTED:
        if kind in data:
            apply_nested(store, rec, kind, data[kind], creating)
    if "custom_field_values" in data or creating:
        field_values.apply_values(store, rec, data.get("custom_field_values"), "Contact", creating)


def update_contact(store: Store, rec: Record, data: dict[str, Any]) -> None:
    if "type" in data and data["type"] not in ("Person", "Company"):
        raise invalid("Type must be Person or Company")
    work = {k: v for k, v in rec.items()}
    work.update({k: [dict(i) for i in rec.get(k) or []] for k in (*NESTED, "custom_field_values")})
    if "type" in data:
        work["type"] = data["type"]
    _apply(store, work, data, creating=False)
    rec.clear()
    rec.update(work)
    store.touch(rec)


@route("GET", "/contacts")
def index(ctx: ApiContext) -> Response:
    req = ctx.req
    store = ctx.store
    filters.refuse(req, ("clio_connect_only", "shared_resource_id"))
    query = req.q("query")
    ctype = filters.q_enum(req, "type", ("Person", "Company"))
    client_only = filters.q_bool(req, "client_only")
    email_only = filters.q_bool(req, "email_only")
    initial = filters.q_enum(req, "initial", [chr(c) for c in range(65, 91)])
    exclude = filters.q_ids(req, "exclude_ids[]") or set()
    conds = field_values.value_filter(store, req, "Contact")
    clients = {m.get("client_id") for m in store.all("matters")}
    out = []
    for c in filters.common(req, store.all("contacts")):
        if c["id"] in exclude or (ctype and c["type"] != ctype):
            continue
        if client_only and c["id"] not in clients:
            continue
        if email_only and not c.get("email_addresses"):
            continue
        if initial:
            key = (
                (c.get("last_name") or c.get("name") or "") if c["type"] == "Person" else c["name"]
            )
            if not key.upper().startswith(initial):
                continue
        if conds and not field_values.matches(c, conds):
            continue
        if query and not _matches_query(store, c, query):
            continue
        out.append(c)
    return ctx.listing("Contact", out, orders=paging.orders(name=paging.by("name")))


def _matches_query(store: Store, c: Record, query: str) -> bool:
    hay: list[Any] = [c["name"], c.get("title")]
    hay += [e.get("address") for e in c.get("email_addresses") or []]
    hay += [p.get("number") for p in c.get("phone_numbers") or []]
    for a in c.get("addresses") or []:
        hay += [a.get("street"), a.get("city"), a.get("province"), a.get("postal_code")]
    company = store.get("contacts", c.get("company_id"))
    if company:
        hay.append(company["name"])
    hay += field_values.searchable(c)
    return filters.text_match(query, *hay)


def _get(store: Store, id_: int) -> Record:
    c = store.get("contacts", id_)
    if c is None:
        raise not_found("Contact", id_)
    return c


@route("GET", "/contacts/{id}")
def show(ctx: ApiContext, id: int) -> Response:
    return ctx.record(200, "Contact", _get(ctx.store, id))


@route("POST", "/contacts")
def create(ctx: ApiContext) -> Response:
    spec = ctx.spec("Contact")
    data = ctx.data(WRITABLE, "Contact", CLIO_ONLY)
    return ctx.record(201, "Contact", create_contact(ctx.store, data), spec)


@route("PATCH", "/contacts/{id}")
def update(ctx: ApiContext, id: int) -> Response:
    rec = _get(ctx.store, id)
    spec = ctx.spec("Contact")
    ctx.check_if_match(rec)
    data = ctx.data(WRITABLE, "Contact", CLIO_ONLY)
    update_contact(ctx.store, rec, data)
    return ctx.record(200, "Contact", rec, spec)


@route("DELETE", "/contacts/{id}")
def destroy(ctx: ApiContext, id: int) -> Response:
    store = ctx.store
    rec = _get(store, id)
    if any(m.get("client_id") == id for m in store.all("matters")):
        raise invalid("A contact that is the client of a matter cannot be deleted")
    for r in store.all("relationships"):
        if r["contact_id"] == id:
            store.delete("relationships", r["id"])
    store.delete("contacts", rec["id"])
    return ctx.deleted()
