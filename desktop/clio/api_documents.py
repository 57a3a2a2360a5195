"""Folders and documents of :class:`~desktop.clio.api.ClioClient`: listings (the account-wide
``updated_since`` feed included), rename/move/restore/external properties, versions, and the
streamed upload and download (:mod:`desktop.clio.transfer`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.clio.api_base import ApiBase, timestamp
from desktop.clio.paging import Listing
from desktop.clio.records import (
    FIELDS,
    FOLDER_ITEM_FIELDS,
    Document,
    DocumentVersion,
    Folder,
    FolderItem,
    parse_folder_item,
)
from desktop.clio.streams import ProgressFn
from desktop.clio.transfer import DownloadResult, Transfers, UploadResult

DOCUMENT_FIELDS = FIELDS[Document]
FOLDER_FIELDS = FIELDS[Folder]
VERSION_FIELDS = FIELDS[DocumentVersion]


def property_edits(current: Document,
                   wanted: Mapping[str, str | None]) -> list[dict[str, Any]]:
    """The item-by-item edits that turn ``current``'s external properties into ``wanted``."""
    existing = {p.name: p for p in current.external_properties}
    edits: list[dict[str, Any]] = []
    for name, value in wanted.items():
        prop = existing.get(name)
        if prop is not None and prop.id is not None:
            if value is None:
                edits.append({"id": prop.id, "_destroy": True})
            elif value != prop.value:
                edits.append({"id": prop.id, "value": value})
        elif value is not None:
            edits.append({"name": name, "value": value})
    return edits


class DocumentsApi(ApiBase):
    """Folder and document calls (mixed into ClioClient)."""

    transfers: Transfers

    # ------------------------------------------------------------------ folders

    def folders(
        self, *, matter_id: int | None = None, parent_id: int | None = None,
        scope: str | None = None, updated_since: datetime | str | None = None,
        include_deleted: bool | None = None, query: str | None = None,
        fields: str = FOLDER_FIELDS, page_token: str | None = None,
    ) -> Listing[Folder]:
        """``GET /folders`` (``scope`` is ``children`` or ``descendants`` of ``parent_id``)."""
        return self._list("/folders.json", Folder.parse, fields, {
            "matter_id": matter_id, "parent_id": parent_id, "scope": scope,
            "updated_since": timestamp(updated_since), "include_deleted": include_deleted,
            "query": query,
        }, page_token)

    def folder_contents(self, parent_id: int | None = None, *, fields: str = FOLDER_ITEM_FIELDS,
                        page_token: str | None = None) -> Listing[FolderItem]:
        """``GET /folders/list``: a folder's documents and sub-folders (the root if no id)."""
        return self._list("/folders/list.json", parse_folder_item, fields,
                          {"parent_id": parent_id}, page_token)

    def folder(self, folder_id: int, *, fields: str = FOLDER_FIELDS) -> Folder:
        return self._get(f"/folders/{folder_id}.json", Folder.parse, fields)

    def create_folder(self, name: str, parent_id: int, *, parent_type: str = "Folder",
                      fields: str = FOLDER_FIELDS) -> Folder:
        """Create a folder in a ``Folder`` (or a ``Matter``/``Contact``'s root folder)."""
        return self._create("/folders.json", Folder.parse, fields,
                            {"name": name, "parent": {"id": parent_id, "type": parent_type}})

    def update_folder(self, folder_id: int, *, name: str | None = None,
                      parent_id: int | None = None, etag: str | None = None,
                      fields: str = FOLDER_FIELDS) -> Folder:
        """Rename and/or move a folder (conditional on ``etag`` when given)."""
        data: dict[str, Any] = {}
        if name is not None:
            data["name"] = name
        if parent_id is not None:
            data["parent"] = {"id": parent_id, "type": "Folder"}
        return self._update(f"/folders/{folder_id}.json", Folder.parse, fields, data, etag)

    def delete_folder(self, folder_id: int, *, etag: str | None = None) -> None:
        self._delete(f"/folders/{folder_id}.json", etag)

    # ------------------------------------------------------------------ documents

    def documents(
        self, *, matter_id: int | None = None, parent_id: int | None = None,
        scope: str | None = None, updated_since: datetime | str | None = None,
        include_deleted: bool | None = None, external_property_name: str | None = None,
        external_property_value: str | None = None, query: str | None = None,
        ids: list[int] | None = None, show_uncompleted: bool | None = None,
        fields: str = DOCUMENT_FIELDS,
        page_token: str | None = None,
    ) -> Listing[Document]:
        """``GET /documents``. Without filters (plus ``updated_since`` and
        ``include_deleted=True``) this is the account-wide feed the engine polls.
        ``show_uncompleted=True`` also lists stubs whose upload was never committed (what to
        search after an :class:`AmbiguousCreateError` on upload)."""
        return self._list("/documents.json", Document.parse, fields, {
            "matter_id": matter_id, "parent_id": parent_id, "scope": scope,
            "updated_since": timestamp(updated_since), "include_deleted": include_deleted,
            "external_property_name": external_property_name,
            "external_property_value": external_property_value, "query": query,
            "ids[]": ids, "show_uncompleted": show_uncompleted,
        }, page_token)

    def document(self, document_id: int, *, fields: str = DOCUMENT_FIELDS) -> Document:
        return self._get(f"/documents/{document_id}.json", Document.parse, fields)

    def update_document(
        self, document_id: int, *, name: str | None = None, parent_id: int | None = None,
        parent_type: str = "Folder", restore: bool | None = None,
        external_properties: Mapping[str, str | None] | None = None,
        current: Document | None = None, etag: str | None = None,
        fields: str = DOCUMENT_FIELDS,
    ) -> Document:
        """Rename, move, restore from trash, or set external properties (``If-Match`` with
        ``etag``).

        ``external_properties`` maps names to new values (``None`` removes one); the others
        stay. Clio edits them item by item, so the current ones are needed: pass ``current``
        (the document as last read) or one extra request reads them."""
        data: dict[str, Any] = {}
        if name is not None:
            data["name"] = name
        if parent_id is not None:
            data["parent"] = {"id": parent_id, "type": parent_type}
        if restore is not None:
            data["restore"] = restore
        if external_properties is not None:
            if current is None or current.id != document_id:
                current = self.document(document_id,
                                        fields="id,external_properties{id,name,value}")
            data["external_properties"] = property_edits(current, external_properties)
        return self._update(f"/documents/{document_id}.json", Document.parse, fields, data, etag)

    def delete_document(self, document_id: int, *, etag: str | None = None) -> None:
        """Move a document to Clio's trash (kept 30 days)."""
        self._delete(f"/documents/{document_id}.json", etag)

    def document_versions(self, document_id: int, *, fields: str = VERSION_FIELDS,
                          page_token: str | None = None) -> Listing[DocumentVersion]:
        return self._list(f"/documents/{document_id}/versions.json", DocumentVersion.parse,
                          fields, None, page_token)

    def upload_document(
        self, path: Path, *, parent_id: int, parent_type: str = "Matter",
        name: str | None = None, content_type: str | None = None,
        external_properties: Mapping[str, str] | None = None,
        progress: ProgressFn | None = None,
    ) -> UploadResult:
        """Upload a file as a new document (streamed; multipart for big files).

        Tag it with ``external_properties`` so an :class:`AmbiguousCreateError` can be
        resolved by :meth:`documents` with ``external_property_name/value``."""
        return self.transfers.upload(path, parent_type=parent_type, parent_id=parent_id,
                                     name=name, content_type=content_type,
                                     external_properties=external_properties, progress=progress)

    def upload_version(
        self, document_id: int, path: Path, *, name: str | None = None,
        content_type: str | None = None, external_properties: Mapping[str, str] | None = None,
        progress: ProgressFn | None = None,
    ) -> UploadResult:
        """Upload ``path`` as the new latest version of an existing document; then set
        ``external_properties`` on the document (item by item, like :meth:`update_document`)."""
        result = self.transfers.upload(path, parent_type="Document", parent_id=document_id,
                                       name=name, content_type=content_type, progress=progress)
        if not external_properties:
            return result
        doc = self.update_document(result.document.id, external_properties=external_properties,
                                   current=result.document)
        return UploadResult(document=doc, sha256=result.sha256, size=result.size,
                            parts=result.parts, version_uuid=result.version_uuid)

    def download_document(self, document_id: int, target: Path, *,
                          version_id: int | None = None,
                          progress: ProgressFn | None = None) -> DownloadResult:
        """Stream a document into a temp file beside ``target`` (the caller renames it)."""
        return self.transfers.download(document_id, target, version_id=version_id,
                                       progress=progress)
