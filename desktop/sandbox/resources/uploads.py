"""Document versions and the upload flow Clio documents:

1. ``POST /documents`` creates a stub (or, with ``parent{type: Document}``, a new version of an
   existing document) whose ``latest_document_version`` carries ``uuid``, ``put_url`` and
   ``put_headers`` — or ``multiparts[{part_number, put_url, put_headers}]`` (≤ 50 per request).
2. The client PUTs the bytes to the storage port.
3. ``PATCH /documents/{id}`` with ``uuid`` and ``fully_uploaded: true`` commits: Clio checks
   the object exists (``UploadNotFoundError`` otherwise); until then the document is hidden
   from the index (``show_uncompleted=true`` shows it).
"""

from __future__ import annotations

import mimetypes
import uuid as uuidlib
from typing import Any

from desktop.sandbox import choices
from desktop.sandbox.errors import T_UPLOAD_NOT_FOUND, ApiError, forbidden, invalid
from desktop.sandbox.fields import common, resource
from desktop.sandbox.store import Record, Store
from desktop.sandbox.timeutil import iso, parse_body_datetime

MAX_PARTS_PER_REQUEST = 50
MAX_PART_NUMBER = 10_000
MIN_PART_SIZE = 5 * 1024 * 1024
MAX_EXTERNAL_PROPERTIES = 5
SSE_HEADER = ("x-amz-server-side-encryption", "AES256")


def put_headers(v: Record) -> dict[str, str]:
    """The headers a single-PUT upload must send (signed into the ``put_url``)."""
    return {"Content-Type": v["content_type"], SSE_HEADER[0]: SSE_HEADER[1]}


def _part_headers(part: Record) -> dict[str, str]:
    h = {"Content-Length": str(part["content_length"])}
    if part.get("content_md5"):
        h["Content-MD5"] = part["content_md5"]
    return h


def part_key(v: Record, n: int) -> str:
    return f"{v['uuid']}.part{n}"


def _put_url(ctx: Any, v: Record) -> str | None:
    if v.get("fully_uploaded") or v.get("multiparts"):
        return None
    return str(ctx.core.signer.sign("PUT", v["uuid"], choices.PUT_URL_TTL, put_headers(v)))


def _put_headers(_ctx: Any, v: Record) -> list[dict[str, str]]:
    if v.get("fully_uploaded") or v.get("multiparts"):
        return []
    return [{"name": k, "value": val} for k, val in put_headers(v).items()]


def _multiparts(ctx: Any, v: Record) -> list[Record]:
    if v.get("fully_uploaded"):
        return []
    out = []
    for part in sorted(v.get("multiparts") or [], key=lambda p: p["part_number"]):
        headers = _part_headers(part)
        url = ctx.core.signer.sign(
            "PUT", part_key(v, part["part_number"]), choices.PUT_URL_TTL, headers
        )
        out.append(
            {
                "part_number": part["part_number"],
                "put_url": url,
                "put_headers": [{"name": k, "value": val} for k, val in headers.items()],
            }
        )
    return out


mp = resource("Multipart", defaults=("part_number", "put_url", "put_headers"))
mp.scalars("part_number", "put_url")
mp.many("put_headers", "MultipartHeader", lambda _c, p: p["put_headers"])

dv = common(resource("DocumentVersion"))
dv.scalars("document_id", "uuid", "filename", "size", "version_number", "content_type")
dv.scalar("fully_uploaded", lambda _c, v: bool(v.get("fully_uploaded")))
dv.scalar("received_at", lambda _c, v: iso(v.get("received_ts")))
dv.scalar("put_url", _put_url)
dv.one("creator", "ClioCreator", lambda c, v: c.store.get("users", v.get("creator_id")))
dv.many("put_headers", "MultipartHeader", _put_headers)
dv.many("multiparts", "Multipart", _multiparts)


# -- versions of a document ------------------------------------------------------------------
def versions(store: Store, doc: Record) -> list[Record]:
    return [v for v in (store.get("versions", vid) for vid in doc.get("version_ids", [])) if v]


def committed(store: Store, doc: Record) -> Record | None:
    """The newest fully uploaded version."""
    done = [v for v in versions(store, doc) if v.get("fully_uploaded")]
    return done[-1] if done else None


def latest(store: Store, doc: Record) -> Record | None:
    """``latest_document_version`` (see choices.LATEST_VERSION_INCLUDES_PENDING)."""
    vs = versions(store, doc)
    if not choices.LATEST_VERSION_INCLUDES_PENDING:
        return committed(store, doc)
    return vs[-1] if vs else None


def visible(store: Store, doc: Record) -> bool:
    """Has a committed version (what ``committed`` finds, without building the list)."""
    return any(v.get("fully_uploaded") for v in
               (store.get("versions", vid) for vid in doc.get("version_ids", [])) if v)


# -- creating ------------------------------------------------------------------------------------
def content_type_for(filename: str, given: Any) -> str:
    if given is not None:
        if not isinstance(given, str) or "/" not in given:
            raise invalid("content_type must be a MIME type")
        return given
    guessed, _ = mimetypes.guess_type(filename, strict=False)
    if guessed is None:
        if choices.REQUIRE_CONTENT_TYPE_FOR_UNKNOWN_EXTENSION:
            raise invalid(f"Content type can't be blank (no MIME type is known for {filename!r})")
        return "application/octet-stream"
    return guessed


def check_multiparts(items: Any, existing: list[Record] | None = None) -> list[Record]:
    if not isinstance(items, list):
        raise invalid("multiparts must be an array")
    if len(items) > MAX_PARTS_PER_REQUEST:
        raise invalid(f"at most {MAX_PARTS_PER_REQUEST} multiparts can be requested at once")
    seen = {p["part_number"] for p in existing or []}
    out = []
    for item in items:
        if not isinstance(item, dict):
            raise invalid("multiparts items must be objects")
        for k in item:
            if k not in ("part_number", "content_length", "content_md5"):
                raise invalid(f"unknown attribute '{k}' for Multipart")
        n = item.get("part_number")
        if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= MAX_PART_NUMBER:
            raise invalid(f"part_number must be an integer from 1 to {MAX_PART_NUMBER}")
        if n in seen:
            raise invalid(f"part_number {n} was already requested")
        seen.add(n)
        try:
            length = int(item.get("content_length"))  # type: ignore[arg-type]
        except (TypeError, ValueError) as exc:
            raise invalid("content_length is required for each part") from exc
        if length < 0:
            raise invalid("content_length must not be negative")
        md5 = item.get("content_md5")
        if md5 is not None and not isinstance(md5, str):
            raise invalid("content_md5 must be a base64 string")
        out.append({"part_number": n, "content_length": length, "content_md5": md5})
    return out


def version_fields(data: dict[str, Any], fallback_name: str) -> Record:
    """Validate the version attributes of a body (before anything is created)."""
    filename = data.get("filename") or data.get("name") or fallback_name
    if not isinstance(filename, str) or not filename.strip():
        raise invalid("filename can't be blank")
    return {
        "filename": filename,
        "content_type": content_type_for(filename, data.get("content_type")),
        "received_ts": parse_body_datetime(data.get("received_at"), "received_at"),
        "multiparts": check_multiparts(data["multiparts"]) if data.get("multiparts") else None,
    }


def add_version(store: Store, doc: Record, fields: Record, creator_id: int | None) -> Record:
    """Add a (not yet uploaded) version to a stored document."""
    v: Record = {
        "document_id": doc["id"],
        "uuid": str(uuidlib.uuid4()),
        "version_number": len(doc.get("version_ids", [])) + 1,
        "fully_uploaded": False,
        "creator_id": creator_id,
        "size": None,
        **fields,
    }
    store.insert("versions", v)
    doc.setdefault("version_ids", []).append(v["id"])
    return v


def apply_external_properties(store: Store, doc: Record, items: Any, creating: bool) -> None:
    """Edit ``external_properties`` item by item (``id``, ``_destroy``); at most 5 per document."""
    if not isinstance(items, list):
        raise invalid("external_properties must be an array")
    props: list[Record] = [dict(p) for p in doc.get("external_properties") or []]
    allowed = {"name", "value"} | (set() if creating else {"id", "_destroy"})
    for item in items:
        if not isinstance(item, dict):
            raise invalid("external_properties items must be objects")
        for k in item:
            if k not in allowed:
                raise invalid(f"unknown attribute '{k}' for ExternalProperty")
        if "id" in item:
            cur = next((p for p in props if p["id"] == item["id"]), None)
            if cur is None:
                raise invalid(f"external property {item['id']!r} does not belong to this document")
            if item.get("_destroy") is True:
                props.remove(cur)
                continue
            for k in ("name", "value"):
                if k in item:
                    cur[k] = _prop_text(item[k], k)
            store.touch(cur)
            continue
        name = _prop_text(item.get("name"), "name")
        props.append(
            store.new_item(
                "external_properties",
                {"name": name, "value": _prop_text(item.get("value"), "value")},
            )
        )
    names = [p["name"] for p in props]
    if len(names) != len(set(names)):
        raise invalid("external property names must be unique per document")
    if len(props) > MAX_EXTERNAL_PROPERTIES:
        raise invalid(
            f"there is a limit of {MAX_EXTERNAL_PROPERTIES} external_properties per Document"
        )
    doc["external_properties"] = props


def _prop_text(value: Any, key: str) -> str:
    if not isinstance(value, str) or (key == "name" and not value.strip()):
        raise invalid(
            f"external property {key} must be a non-empty string"
            if key == "name"
            else "external property value must be a string"
        )
    return value


def new_document(
    store: Store, folder: Record, data: dict[str, Any], creator_id: int | None
) -> tuple[Record, Record]:
    """A document stub with its first (not yet uploaded) version."""
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise invalid("Name can't be blank")
    fields = version_fields(data, name)
    doc: Record = {
        "name": name,
        "parent_id": folder["id"],
        "locked": False,
        "deleted_ts": None,
        "trash_batch": None,
        "creator_id": creator_id,
        "external_properties": [],
        "version_ids": [],
        "received_ts": fields["received_ts"],
    }
    if data.get("external_properties") is not None:
        apply_external_properties(store, doc, data["external_properties"], creating=True)
    store.insert("documents", doc)
    return doc, add_version(store, doc, fields, creator_id)


def refuse_locked(doc: Record) -> None:
    if doc.get("locked"):
        if choices.LOCKED_DOCUMENT_STATUS == 403:
            raise forbidden("This document is locked and cannot be changed")
        raise invalid("This document is locked and cannot be changed")


def _upload_error(message: str, type_: str = T_UPLOAD_NOT_FOUND) -> ApiError:
    return ApiError(choices.UPLOAD_ERROR_STATUS, type_, message)


def commit(core: Any, doc: Record, v: Record) -> None:
    """Mark a version fully uploaded after checking storage has its bytes."""
    store: Store = core.store
    blobs = core.blobs
    if v.get("fully_uploaded"):
        raise _upload_error("This document version is already fully uploaded", "ArgumentError")
    if v.get("multiparts"):
        parts = sorted(v["multiparts"], key=lambda p: p["part_number"])
        keys = [part_key(v, p["part_number"]) for p in parts]
        missing = [
            p["part_number"] for p, k in zip(parts, keys, strict=True) if not blobs.exists(k)
        ]
        if missing:
            raise _upload_error(f"Upload not found: parts {missing} were not uploaded")
        for p, k in zip(parts[:-1], keys[:-1], strict=True):
            if blobs.size(k) < MIN_PART_SIZE:
                raise invalid(
                    f"part {p['part_number']} is smaller than the 5 MB minimum "
                    "(only the last part may be)"
                )
        blobs.compose(v["uuid"], keys)
    elif not blobs.exists(v["uuid"]):
        raise _upload_error("Upload not found: nothing was uploaded to the put_url")
    v["size"] = blobs.size(v["uuid"])
    v["fully_uploaded"] = True
    store.touch(v)
    store.touch(doc)
