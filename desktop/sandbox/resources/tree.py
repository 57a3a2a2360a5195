"""The document tree shared by folders and documents: the account's root folder, the folders
Clio creates for each matter and contact, ancestry (which matter/contact a folder belongs to),
trash state, and resolving a ``parent{id, type}`` of a request body to a folder."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desktop.sandbox.errors import invalid
from desktop.sandbox.store import Record, Store

ROOT_META = "root_folder_id"


def root(store: Store) -> Record:
    """The account's root folder (created on first use)."""
    rid = store.meta.get(ROOT_META)
    rec = store.get("folders", rid) if rid is not None else None
    if rec is None:
        rec = store.insert("folders", _folder("Root", None, creator_id=None))
        rec["root"] = True
        store.meta[ROOT_META] = rec["id"]
    return rec


def _folder(name: str, parent_id: int | None, *, creator_id: int | None) -> Record:
    return {
        "name": name,
        "parent_id": parent_id,
        "matter_id": None,
        "contact_id": None,
        "root": False,
        "locked": False,
        "deleted_ts": None,
        "trash_batch": None,
        "creator_id": creator_id,
    }


def new_folder(store: Store, name: str, parent: Record, creator_id: int | None) -> Record:
    return store.insert("folders", _folder(name, parent["id"], creator_id=creator_id))


def matter_folder(store: Store, matter: Record) -> Record:
    """The matter's folder, created with the matter (as Clio does)."""
    rec = store.get("folders", matter.get("folder_id"))
    if rec is None:
        rec = new_folder(store, matter["display_number"], root(store), None)
        rec["matter_id"] = matter["id"]
        matter["folder_id"] = rec["id"]
    return rec


def contact_folder(store: Store, contact: Record) -> Record:
    """The contact's folder, created with the contact."""
    rec = store.get("folders", contact.get("folder_id"))
    if rec is None:
        rec = new_folder(store, contact["name"], root(store), None)
        rec["contact_id"] = contact["id"]
        contact["folder_id"] = rec["id"]
    return rec


def ancestors(store: Store, folder: Record | None) -> Iterator[Record]:
    """The folder itself, then its parents up to the root."""
    seen: set[int] = set()
    while folder is not None and folder["id"] not in seen:
        seen.add(folder["id"])
        yield folder
        folder = store.get("folders", folder.get("parent_id"))


def owner_ids(store: Store, folder: Record | None) -> tuple[int | None, int | None]:
    """(matter id, contact id) a folder belongs to, from its nearest owning ancestor."""
    for f in ancestors(store, folder):
        if f.get("matter_id") is not None or f.get("contact_id") is not None:
            return f.get("matter_id"), f.get("contact_id")
    return None, None


def is_within(store: Store, folder: Record | None, ancestor_id: int) -> bool:
    return any(f["id"] == ancestor_id for f in ancestors(store, folder))


def in_trash(store: Store, rec: Record) -> bool:
    """Deleted itself or inside a deleted folder."""
    if rec.get("deleted_ts") is not None:
        return True
    parent = store.get("folders", rec.get("parent_id"))
    return any(f.get("deleted_ts") is not None for f in ancestors(store, parent))


def resolve_parent(store: Store, parent: Any, *, allow_document: bool) -> tuple[str, Record]:
    """A body's ``parent{id, type}`` as ("Folder", folder) or ("Document", document)."""
    if not isinstance(parent, dict):
        raise invalid("Parent can't be blank")
    ptype = parent.get("type")
    pid = parent.get("id")
    types = ("Folder", "Matter", "Contact") + (("Document",) if allow_document else ())
    if ptype not in types:
        raise invalid(f"Parent type must be one of {', '.join(types)}")
    if ptype == "Folder":
        folder = store.get("folders", pid)
        if folder is None or in_trash(store, folder):
            raise invalid(f"Parent folder {pid!r} does not exist")
        return "Folder", folder
    if ptype == "Matter":
        matter = store.get("matters", pid)
        if matter is None:
            raise invalid(f"Matter {pid!r} does not exist")
        return "Folder", matter_folder(store, matter)
    if ptype == "Contact":
        contact = store.get("contacts", pid)
        if contact is None:
            raise invalid(f"Contact {pid!r} does not exist")
        return "Folder", contact_folder(store, contact)
    doc = store.get("documents", pid)
    if doc is None:
        raise invalid(f"Document {pid!r} does not exist")
    return "Document", doc


def children_folders(store: Store, folder_id: int) -> list[Record]:
    return [f for f in store.all("folders") if f.get("parent_id") == folder_id]


def subtree_folder_ids(store: Store, folder_id: int) -> set[int]:
    """The folder and every folder below it."""
    out = {folder_id}
    frontier = [folder_id]
    by_parent: dict[int, list[int]] = {}
    for f in store.all("folders"):
        if f.get("parent_id") is not None:
            by_parent.setdefault(f["parent_id"], []).append(f["id"])
    while frontier:
        nxt = []
        for fid in frontier:
            for child in by_parent.get(fid, []):
                if child not in out:
                    out.add(child)
                    nxt.append(child)
        frontier = nxt
    return out
