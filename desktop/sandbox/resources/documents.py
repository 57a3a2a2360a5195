"""Documents: ``/documents`` (index with Clio's filters, create via the upload flow in
:mod:`uploads`), ``/documents/{id}`` (show; PATCH to commit an upload, rename, move, set
external properties, ``restore: true``; DELETE to the trash), ``/documents/{id}/download``
(303 to the storage port), ``/documents/{id}/versions``, and ``/folders/list`` (a folder's
documents and sub-folders as mixed items)."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import quote

from desktop.sandbox import choices, filters, paging
from desktop.sandbox.context import ApiContext
from desktop.sandbox.errors import bad_request, invalid, not_found
from desktop.sandbox.fields import REGISTRY, common, resource
from desktop.sandbox.resources import folders, tree, uploads
from desktop.sandbox.router import route
from desktop.sandbox.store import Record, Store
from desktop.sandbox.timeutil import iso, parse_body_datetime
from desktop.sandbox.wire import Response


def _from_committed(key: str) -> Any:
    def get(ctx: Any, d: Record) -> Any:
        v = uploads.committed(ctx.store, d) or uploads.latest(ctx.store, d)
        return v.get(key) if v else None

    return get


common(resource("ExternalProperty")).scalars("name", "value")

rt = common(resource("Document"))
rt.scalar("deleted_at", lambda _c, d: iso(d.get("deleted_ts")))
rt.scalar("type", lambda _c, _d: "Document")
rt.scalar("locked", lambda _c, d: bool(d.get("locked")))
rt.scalar("name")
rt.scalar("received_at", lambda _c, d: iso(d.get("received_ts")))
rt.scalar("filename", _from_committed("filename"))
rt.scalar("size", _from_committed("size"))
rt.scalar("content_type", _from_committed("content_type"))
rt.one("parent", "Folder", folders.parent_of)
rt.one("matter", "Matter", folders.matter_of)
rt.one("contact", "Contact", folders.contact_of)
rt.null("document_category", "DocumentCategory")
rt.one("creator", "ClioCreator", folders.creator_of)
rt.one("latest_document_version", "DocumentVersion", lambda c, d: uploads.latest(c.store, d))
rt.null("group", "Group")
rt.many("external_properties", "ExternalProperty", lambda _c, d: d.get("external_properties") or [])


def _item_field(name: str) -> Any:
    def get(ctx: Any, r: Record) -> Any:
        kind = "Folder" if r["_t"] == "folders" else "Document"
        return REGISTRY[kind].fields[name].get(ctx, r)

    return get


item = resource("Item")
for _name in ("id", "etag", "created_at", "updated_at", "deleted_at", "type", "locked", "name"):
    item.scalar(_name, _item_field(_name))
for _name, _target in (
    ("parent", "Folder"),
    ("matter", "Matter"),
    ("contact", "Contact"),
    ("document_category", "DocumentCategory"),
    ("creator", "ClioCreator"),
    ("latest_document_version", "DocumentVersion"),
    ("group", "Group"),
):
    item.one(_name, _target, _item_field(_name))
item.many("external_properties", "ExternalProperty", _item_field("external_properties"))

CREATE = (
    "name",
    "parent",
    "filename",
    "content_type",
    "received_at",
    "external_properties",
    "multiparts",
)
UPDATE = (
    "name",
    "parent",
    "received_at",
    "external_properties",
    "fully_uploaded",
    "uuid",
    "multiparts",
    "restore",
    "copy_version",
)
CLIO_ONLY = ("document_category", "communication_id")


def _doc(store: Store, id_: int) -> Record:
    d = store.get("documents", id_)
    if d is None:
        raise not_found("Document", id_)
    return d


def _prop_filter(req: Any) -> tuple[str | None, str | None]:
    name, value = req.q("external_property_name"), req.q("external_property_value")
    if value is not None and name is None:
        raise bad_request("external_property_value needs external_property_name")
    return name, value


def _has_prop(d: Record, name: str | None, value: str | None) -> bool:
    if name is None:
        return True
    return any(
        p["name"] == name and (value is None or p["value"] == value)
        for p in d.get("external_properties") or []
    )


def _listing_flags(req: Any) -> tuple[bool, bool]:
    """(show_uncompleted, include_deleted) of a listing request, read once per request."""
    return (bool(filters.q_bool(req, "show_uncompleted")),
            bool(filters.q_bool(req, "include_deleted")))


def _doc_listable(store: Store, d: Record, flags: tuple[bool, bool]) -> bool:
    show_uncompleted, include_deleted = flags
    if not show_uncompleted and not uploads.visible(store, d):
        return False
    return include_deleted or not tree.in_trash(store, d)


@route("GET", "/documents")
def index(ctx: ApiContext) -> Response:
    req, store = ctx.req, ctx.store
    filters.refuse(req, ("document_category_id",))
    matter_id = filters.q_int(req, "matter_id")
    contact_id = filters.q_int(req, "contact_id")
    parent_id = filters.q_int(req, "parent_id")
    scope = filters.q_enum(req, "scope", ("children", "descendants")) or "children"
    locked = filters.q_bool(req, "locked")
    prop_name, prop_value = _prop_filter(req)
    query = req.q("query")
    if parent_id is not None and store.get("folders", parent_id) is None:
        raise not_found("Folder", parent_id)
    in_parent = None
    if parent_id is not None:
        in_parent = (
            tree.subtree_folder_ids(store, parent_id) if scope == "descendants" else {parent_id}
        )
    matter_folders = None
    if matter_id is not None:
        m = store.get("matters", matter_id)
        mf = store.get("folders", m.get("folder_id")) if m else None
        if mf is None:
            matter_folders = set()
        elif choices.MATTER_ID_INCLUDES_SUBFOLDERS:
            matter_folders = tree.subtree_folder_ids(store, mf["id"])
        else:
            matter_folders = {mf["id"]}
    out = []
    flags = _listing_flags(req)
    for d in filters.common(req, store.all("documents")):
        if not _doc_listable(store, d, flags):
            continue
        if in_parent is not None and d["parent_id"] not in in_parent:
            continue
        if matter_folders is not None and d["parent_id"] not in matter_folders:
            continue
        if contact_id is not None:
            _, c = tree.owner_ids(store, store.get("folders", d["parent_id"]))
            if c != contact_id:
                continue
        if locked is not None and bool(d.get("locked")) != locked:
            continue
        if not _has_prop(d, prop_name, prop_value):
            continue
        if query and not filters.text_match(query, d["name"]):
            continue
        out.append(d)
    orders = paging.orders(
        name=paging.by("name"),
        created_at=paging.by("created_ts"),
        updated_at=paging.by("updated_ts"),
        received_at=paging.by("received_ts"),
    )
    return ctx.listing("Document", out, orders=orders)


@route("GET", "/documents/{id}")
def show(ctx: ApiContext, id: int) -> Response:
    return ctx.record(200, "Document", _doc(ctx.store, id))


@route("POST", "/documents")
def create(ctx: ApiContext) -> Response:
    store = ctx.store
    spec = ctx.spec("Document")
    data = ctx.data(CREATE, "Document", CLIO_ONLY)
    kind, target = tree.resolve_parent(store, data.get("parent"), allow_document=True)
    if kind == "Document":
        uploads.refuse_locked(target)
        if tree.in_trash(store, target):
            raise invalid("Cannot add a version to a document in the trash")
        if not isinstance(data.get("name"), str) or not data["name"].strip():
            raise invalid("Name can't be blank")
        if data.get("external_properties") is not None:
            uploads.apply_external_properties(
                store, target, data["external_properties"], creating=True
            )
        uploads.add_version(
            store, target, uploads.version_fields(data, target["name"]), ctx.user_id
        )
        store.touch(target)
        doc = target
    else:
        doc, _ = uploads.new_document(store, target, data, ctx.user_id)
    return ctx.record(201, "Document", doc, spec)


@route("PATCH", "/documents/{id}")
def update(ctx: ApiContext, id: int) -> Response:
    store = ctx.store
    doc = _doc(store, id)
    spec = ctx.spec("Document")
    ctx.check_if_match(doc)
    data = ctx.data(UPDATE, "Document", CLIO_ONLY)
    if data.get("restore") is True and doc.get("deleted_ts") is not None:
        folders.restore(store, doc)
    changes = [k for k in data if k != "restore"]
    if changes:
        uploads.refuse_locked(doc)
    if "fully_uploaded" in data or "multiparts" in data:
        _upload_step(ctx, doc, data)
    if "name" in data:
        _rename(ctx, doc, data["name"], data.get("copy_version") is True)
    if "parent" in data:
        _, folder = tree.resolve_parent(store, data["parent"], allow_document=False)
        doc["parent_id"] = folder["id"]
    if "received_at" in data:
        doc["received_ts"] = parse_body_datetime(data["received_at"], "received_at")
    if "external_properties" in data:
        uploads.apply_external_properties(store, doc, data["external_properties"], creating=False)
    if changes:
        store.touch(doc)
    return ctx.record(200, "Document", doc, spec)


def _upload_step(ctx: ApiContext, doc: Record, data: dict[str, Any]) -> None:
    store = ctx.store
    uuid = data.get("uuid")
    if not uuid:
        raise invalid("uuid is required to upload a document version")
    version = next((v for v in uploads.versions(store, doc) if v["uuid"] == uuid), None)
    if version is None:
        raise invalid("uuid does not match a version of this document")
    if data.get("multiparts"):
        if version.get("fully_uploaded") or not version.get("multiparts"):
            raise invalid("multiparts can only be added to a multipart upload in progress")
        version["multiparts"] += uploads.check_multiparts(data["multiparts"], version["multiparts"])
        store.touch(version)
    if data.get("fully_uploaded") is True:
        uploads.commit(ctx.core, doc, version)


def _rename(ctx: ApiContext, doc: Record, name: Any, copy_version: bool) -> None:
    if not isinstance(name, str) or not name.strip():
        raise invalid("Name can't be blank")
    current = uploads.committed(ctx.store, doc)
    old_ext = os.path.splitext(doc["name"])[1].lower()
    doc["name"] = name
    if copy_version and current is not None and os.path.splitext(name)[1].lower() != old_ext:
        fields = uploads.version_fields({"name": name}, name)
        v = uploads.add_version(ctx.store, doc, fields, ctx.user_id)
        ctx.core.blobs.copy(current["uuid"], v["uuid"])
        v["size"] = ctx.core.blobs.size(v["uuid"])
        v["fully_uploaded"] = True


@route("DELETE", "/documents/{id}")
def destroy(ctx: ApiContext, id: int) -> Response:
    doc = _doc(ctx.store, id)
    if doc.get("deleted_ts") is not None:
        raise not_found("Document", id)
    uploads.refuse_locked(doc)
    trash_document(ctx.store, doc)
    return ctx.deleted()


def trash_document(store: Store, doc: Record) -> None:
    from desktop.sandbox.timeutil import now

    t = now()
    doc["deleted_ts"], doc["trash_batch"] = t, None
    store.touch(doc, t)


@route("GET", "/documents/{id}/download")
def download(ctx: ApiContext, id: int) -> Response:
    store = ctx.store
    doc = _doc(store, id)
    vid = filters.q_int(ctx.req, "document_version_id")
    if vid is not None:
        version = store.get("versions", vid)
        if (
            version is None
            or version["document_id"] != doc["id"]
            or not version.get("fully_uploaded")
        ):
            raise not_found("DocumentVersion", vid)
    else:
        version = uploads.committed(store, doc)
        if version is None:
            raise not_found("Document", id)
    disposition = f"attachment; filename*=UTF-8''{quote(version['filename'])}"
    extra = {
        "response-content-type": version["content_type"],
        "response-content-disposition": disposition,
    }
    url = ctx.core.signer.sign("GET", version["uuid"], choices.DOWNLOAD_URL_TTL, extra=extra)
    return Response(303, [("Location", url), ("Content-Type", "text/html; charset=utf-8")], b"")


@route("GET", "/documents/{id}/versions")
def versions(ctx: ApiContext, id: int) -> Response:
    doc = _doc(ctx.store, id)
    done = filters.q_bool(ctx.req, "fully_uploaded")
    out = [
        v
        for v in uploads.versions(ctx.store, doc)
        if done is None or bool(v.get("fully_uploaded")) == done
    ]
    return ctx.listing("DocumentVersion", out, allow_offset=False)


@route("GET", "/folders/list")
def folder_list(ctx: ApiContext) -> Response:
    req, store = ctx.req, ctx.store
    filters.refuse(req, ("document_category_id",))
    parent_id = filters.q_int(req, "parent_id")
    parent = store.get("folders", parent_id) if parent_id is not None else tree.root(store)
    if parent is None:
        raise not_found("Folder", parent_id)
    scope = filters.q_enum(req, "scope", ("children", "descendants")) or "children"
    within = (
        tree.subtree_folder_ids(store, parent["id"]) if scope == "descendants" else {parent["id"]}
    )
    include_deleted = bool(filters.q_bool(req, "include_deleted"))
    matter_id = filters.q_int(req, "matter_id")
    contact_id = filters.q_int(req, "contact_id")
    prop_name, prop_value = _prop_filter(req)
    query = req.q("query")
    items: list[Record] = []
    for f in filters.common(req, store.all("folders")):
        wanted = f["id"] != parent["id"] and f.get("parent_id") in within and prop_name is None
        if wanted and (include_deleted or not tree.in_trash(store, f)):
            items.append(f)
    flags = _listing_flags(req)
    for d in filters.common(req, store.all("documents")):
        if (
            d["parent_id"] in within
            and _doc_listable(store, d, flags)
            and _has_prop(d, prop_name, prop_value)
        ):
            items.append(d)
    out = []
    for r in items:
        m, c = tree.owner_ids(
            store, r if r["_t"] == "folders" else store.get("folders", r["parent_id"])
        )
        if (matter_id is not None and m != matter_id) or (
            contact_id is not None and c != contact_id
        ):
            continue
        if query and not filters.text_match(query, r["name"]):
            continue
        out.append(r)
    return ctx.listing(
        "Item", out, key=lambda r: (0 if r["_t"] == "folders" else 1, r["id"]), allow_offset=False
    )
