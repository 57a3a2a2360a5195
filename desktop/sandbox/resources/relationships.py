"""Related contacts of a matter (``/relationships``, and a matter's ``relationships``):
``{description, matter{id}, contact{id}}``; one relationship per contact and matter."""

from __future__ import annotations

from typing import Any

from desktop.sandbox import filters
from desktop.sandbox.context import ApiContext
from desktop.sandbox.errors import invalid, not_found
from desktop.sandbox.fields import common, resource
from desktop.sandbox.router import route
from desktop.sandbox.store import Record, Store
from desktop.sandbox.wire import Response

rel = common(resource("Relationship")).scalar("description")
rel.one("matter", "Matter", lambda c, r: c.store.get("matters", r["matter_id"]))
rel.one("contact", "Contact", lambda c, r: c.store.get("contacts", r["contact_id"]))


def _ref_id(value: Any, name: str) -> Any:
    if value is None:
        return None
    if not isinstance(value, dict) or "id" not in value:
        raise invalid(f"{name} must be an object with an id")
    return value["id"]


def _get(store: Store, id_: int) -> Record:
    rec = store.get("relationships", id_)
    if rec is None:
        raise not_found("Relationship", id_)
    return rec


def check_items(items: Any, creating: bool) -> list[dict[str, Any]]:
    if not isinstance(items, list):
        raise invalid("relationships must be an array")
    allowed = {"description", "contact"} | (set() if creating else {"id", "_destroy"})
    for item in items:
        if not isinstance(item, dict):
            raise invalid("relationships items must be objects")
        for k in item:
            if k not in allowed:
                raise invalid(f"unknown attribute '{k}' for Relationship")
    return items


def edit_for_matter(store: Store, m: Record, items: Any) -> None:
    """Apply a matter body's ``relationships`` items (``id`` to update, ``_destroy``)."""
    for item in check_items(items, creating=False):
        if "id" in item:
            r = store.get("relationships", item["id"])
            if r is None or r["matter_id"] != m["id"]:
                raise invalid(f"relationship {item['id']!r} does not belong to this matter")
            if item.get("_destroy") is True:
                store.delete("relationships", r["id"])
            else:
                update_relationship(store, r, item)
        else:
            create_relationship(store, {"matter": {"id": m["id"]}, **item})


def create_relationship(store: Store, data: dict[str, Any]) -> Record:
    mid = _ref_id(data.get("matter"), "matter")
    cid = _ref_id(data.get("contact"), "contact")
    if store.get("matters", mid) is None:
        raise invalid(f"Matter {mid!r} does not exist")
    if store.get("contacts", cid) is None:
        raise invalid(f"Contact {cid!r} does not exist")
    if any(r["matter_id"] == mid and r["contact_id"] == cid for r in store.all("relationships")):
        raise invalid("Contact is already related to this matter")
    desc = data.get("description")
    if desc is not None and not isinstance(desc, str):
        raise invalid("description must be text")
    return store.insert("relationships", {"matter_id": mid, "contact_id": cid, "description": desc})


def update_relationship(store: Store, r: Record, data: dict[str, Any]) -> None:
    if "description" in data:
        if data["description"] is not None and not isinstance(data["description"], str):
            raise invalid("description must be text")
        r["description"] = data["description"]
    if "contact" in data:
        cid = _ref_id(data["contact"], "contact")
        if store.get("contacts", cid) is None:
            raise invalid(f"Contact {cid!r} does not exist")
        r["contact_id"] = cid
    store.touch(r)


@route("GET", "/relationships")
def rel_index(ctx: ApiContext) -> Response:
    req = ctx.req
    matter_id = filters.q_int(req, "matter_id")
    contact_id = filters.q_int(req, "contact_id")
    out = [
        r
        for r in filters.common(req, ctx.store.all("relationships"))
        if (matter_id is None or r["matter_id"] == matter_id)
        and (contact_id is None or r["contact_id"] == contact_id)
    ]
    return ctx.listing("Relationship", out)


@route("GET", "/relationships/{id}")
def rel_show(ctx: ApiContext, id: int) -> Response:
    return ctx.record(200, "Relationship", _get(ctx.store, id))


@route("POST", "/relationships")
def rel_create(ctx: ApiContext) -> Response:
    spec = ctx.spec("Relationship")
    data = ctx.data(("description", "matter", "contact"), "Relationship")
    return ctx.record(201, "Relationship", create_relationship(ctx.store, data), spec)


@route("PATCH", "/relationships/{id}")
def rel_update(ctx: ApiContext, id: int) -> Response:
    r = _get(ctx.store, id)
    spec = ctx.spec("Relationship")
    ctx.check_if_match(r)
    update_relationship(ctx.store, r, ctx.data(("description", "contact"), "Relationship"))
    return ctx.record(200, "Relationship", r, spec)


@route("DELETE", "/relationships/{id}")
def rel_destroy(ctx: ApiContext, id: int) -> Response:
    _get(ctx.store, id)
    ctx.store.delete("relationships", id)
    return ctx.deleted()
