"""Folders: ``/folders`` (index with ``parent_id``/``scope``/``matter_id``/``contact_id``...),
``/folders/{id}`` (show, rename/move/restore, delete to trash) and ``POST /folders`` with a
``parent{id, type: Folder|Matter|Contact}``. ``/folders/list`` lives with documents (it mixes
both)."""

from __future__ import annotations

from typing import Any

from desktop.sandbox import choices, filters, paging
from desktop.sandbox.context import ApiContext
from desktop.sandbox.errors import invalid, not_found
from desktop.sandbox.fields import common, resource
from desktop.sandbox.resources import tree
from desktop.sandbox.router import route
from desktop.sandbox.store import Record, Store
from desktop.sandbox.timeutil import iso, now
from desktop.sandbox.wire import Response


def _owner(kind: str) -> Any:
    table = "matters" if kind == "matter" else "contacts"
    idx = 0 if kind == "matter" else 1

    def get(ctx: Any, rec: Record) -> Record | None:
        folder = rec if rec["_t"] == "folders" else ctx.store.get("folders", rec.get("parent_id"))
        owner = tree.owner_ids(ctx.store, folder)[idx]
        return ctx.store.get(table, owner) if owner is not None else None

    return get


matter_of = _owner("matter")
contact_of = _owner("contact")


def parent_of(ctx: Any, rec: Record) -> Record | None:
    return ctx.store.get("folders", rec.get("parent_id"))  # type: ignore[no-any-return]


def creator_of(ctx: Any, rec: Record) -> Record | None:
    return ctx.store.get("users", rec.get("creator_id"))  # type: ignore[no-any-return]


rt = common(resource("Folder"))
rt.scalar("deleted_at", lambda _c, r: iso(r.get("deleted_ts")))
rt.scalar("type", lambda _c, _r: "Folder")
rt.scalar("locked", lambda _c, r: bool(r.get("locked")))
rt.scalar("name")
rt.scalar("root", lambda _c, r: bool(r.get("root")))
rt.one("parent", "Folder", parent_of)
rt.one("matter", "Matter", matter_of)
rt.one("contact", "Contact", contact_of)
rt.null("document_category", "DocumentCategory")
rt.one("creator", "ClioCreator", creator_of)
rt.one("latest_document_version", "DocumentVersion", lambda _c, _r: None)
rt.null("group", "Group")
rt.many("external_properties", "ExternalProperty", lambda _c, _r: [])

_CLIO_ONLY = ("document_category", "external_properties")


def _check_name(store: Store, name: Any, parent: Record, exclude: int | None = None) -> str:
    if not isinstance(name, str) or not name.strip():
        raise invalid("Name can't be blank")
    if "/" in name:
        raise invalid("Name cannot contain '/'")
    if not choices.DUPLICATE_FOLDER_NAMES:
        for f in tree.children_folders(store, parent["id"]):
            if f["id"] != exclude and f["name"] == name and not tree.in_trash(store, f):
                raise invalid("Name has already been taken in this folder")
    return name


def create_folder(store: Store, data: dict[str, Any], user_id: int | None) -> Record:
    _, parent = tree.resolve_parent(store, data.get("parent"), allow_document=False)
    name = _check_name(store, data.get("name"), parent)
    return tree.new_folder(store, name, parent, user_id)


def trash(store: Store, folder: Record) -> None:
    """Move a folder and everything below it to the trash (one batch, restored together)."""
    ids = tree.subtree_folder_ids(store, folder["id"])
    t = now()
    batch = f"f{folder['id']}-{t}"
    for f in store.all("folders"):
        if f["id"] in ids and f.get("deleted_ts") is None:
            f["deleted_ts"], f["trash_batch"] = t, batch
            store.touch(f, t)
    for d in store.all("documents"):
        if d.get("parent_id") in ids and d.get("deleted_ts") is None:
            d["deleted_ts"], d["trash_batch"] = t, batch
            store.touch(d, t)


def restore(store: Store, rec: Record) -> None:
    """Take a record out of the trash, with what was trashed with it and its folders."""
    batch = rec.get("trash_batch")
    t = now()
    if batch:
        for table in ("folders", "documents"):
            for r in store.all(table):
                if r.get("trash_batch") == batch:
                    r["deleted_ts"] = r["trash_batch"] = None
                    store.touch(r, t)
    rec["deleted_ts"] = rec["trash_batch"] = None
    for f in tree.ancestors(store, store.get("folders", rec.get("parent_id"))):
        if f.get("deleted_ts") is not None:
            f["deleted_ts"] = f["trash_batch"] = None
            store.touch(f, t)
    store.touch(rec, t)


@route("GET", "/folders")
def index(ctx: ApiContext) -> Response:
    req = ctx.req
    store = ctx.store
    filters.refuse(
        req, ("document_category_id", "external_property_name", "external_property_value")
    )
    parent_id = filters.q_int(req, "parent_id")
    scope = filters.q_enum(req, "scope", ("children", "descendants")) or "children"
    matter_id = filters.q_int(req, "matter_id")
    contact_id = filters.q_int(req, "contact_id")
    include_deleted = bool(filters.q_bool(req, "include_deleted"))
    query = req.q("query")
    if parent_id is not None and store.get("folders", parent_id) is None:
        raise not_found("Folder", parent_id)
    allowed = None
    if parent_id is not None and scope == "descendants":
        allowed = tree.subtree_folder_ids(store, parent_id) - {parent_id}
    out = []
    for f in filters.common(req, store.all("folders")):
        if not include_deleted and tree.in_trash(store, f):
            continue
        if parent_id is not None:
            if allowed is not None and f["id"] not in allowed:
                continue
            if allowed is None and f.get("parent_id") != parent_id:
                continue
        m, c = tree.owner_ids(store, f)
        if matter_id is not None and m != matter_id:
            continue
        if contact_id is not None and c != contact_id:
            continue
        if query and not filters.text_match(query, f["name"]):
            continue
        out.append(f)
    orders = paging.orders(
        name=paging.by("name"),
        created_at=paging.by("created_ts"),
        updated_at=paging.by("updated_ts"),
    )
    return ctx.listing("Folder", out, orders=orders)


@route("GET", "/folders/{id}")
def show(ctx: ApiContext, id: int) -> Response:
    f = ctx.store.get("folders", id)
    if f is None:
        raise not_found("Folder", id)
    return ctx.record(200, "Folder", f)


@route("POST", "/folders")
def create(ctx: ApiContext) -> Response:
    spec = ctx.spec("Folder")
    data = ctx.data(("name", "parent", "restore"), "Folder", _CLIO_ONLY)
    return ctx.record(201, "Folder", create_folder(ctx.store, data, ctx.user_id), spec)


@route("PATCH", "/folders/{id}")
def update(ctx: ApiContext, id: int) -> Response:
    store = ctx.store
    f = store.get("folders", id)
    if f is None:
        raise not_found("Folder", id)
    spec = ctx.spec("Folder")
    ctx.check_if_match(f)
    data = ctx.data(("name", "parent", "restore"), "Folder", _CLIO_ONLY)
    if data.get("restore") is True:
        restore(store, f)
    if ("name" in data or "parent" in data) and (
        f.get("root") or f.get("matter_id") or f.get("contact_id")
    ):
        raise invalid("The root folder and matter/contact folders cannot be renamed or moved")
    parent = store.get("folders", f.get("parent_id"))
    if "parent" in data:
        _, parent = tree.resolve_parent(store, data["parent"], allow_document=False)
        if tree.is_within(store, parent, f["id"]):
            raise invalid("A folder cannot be moved into itself")
    assert parent is not None
    name = _check_name(store, data.get("name", f["name"]), parent, exclude=f["id"])
    f["name"], f["parent_id"] = name, parent["id"]
    store.touch(f)
    return ctx.record(200, "Folder", f, spec)


@route("DELETE", "/folders/{id}")
def destroy(ctx: ApiContext, id: int) -> Response:
    f = ctx.store.get("folders", id)
    if f is None or f.get("deleted_ts") is not None:
        raise not_found("Folder", id)
    if f.get("root") or f.get("matter_id") or f.get("contact_id"):
        raise invalid("The root folder and matter/contact folders cannot be deleted")
    trash(ctx.store, f)
    return ctx.deleted()
