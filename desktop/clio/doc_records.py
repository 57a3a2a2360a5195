"""Typed views of Clio documents, document versions and folders (see :mod:`desktop.clio.records`
for the parsing rules)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.clio.jsonvalues import (
    Json,
    flag,
    iso_datetime,
    obj,
    objs,
    opt_int,
    opt_str,
    ref_id,
    req_id,
)

# ---------------------------------------------------------------- documents and folders


@dataclass(frozen=True)
class Folder:
    id: int
    etag: str | None = None
    name: str | None = None
    root: bool = False
    locked: bool = False
    parent_id: int | None = None
    matter_id: int | None = None
    contact_id: int | None = None
    deleted_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    raw: Json = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def parse(cls, d: Json) -> Folder:
        return cls(id=req_id(d), etag=opt_str(d.get("etag")), name=opt_str(d.get("name")),
                   root=flag(d.get("root")), locked=flag(d.get("locked")),
                   parent_id=ref_id(d, "parent"), matter_id=ref_id(d, "matter"),
                   contact_id=ref_id(d, "contact"), deleted_at=iso_datetime(d.get("deleted_at")),
                   created_at=iso_datetime(d.get("created_at")),
                   updated_at=iso_datetime(d.get("updated_at")), raw=d)


@dataclass(frozen=True)
class ExternalProperty:
    id: int | None
    name: str
    value: str | None

    @classmethod
    def parse(cls, d: Json) -> ExternalProperty:
        value = d.get("value")
        return cls(opt_int(d.get("id")), str(d.get("name") or ""),
                   None if value is None else str(value))


@dataclass(frozen=True)
class UploadPart:
    """One part of a multipart upload: where to PUT it and with which headers."""

    part_number: int
    put_url: str
    put_headers: tuple[tuple[str, str], ...]

    @classmethod
    def parse(cls, d: Json) -> UploadPart:
        return cls(opt_int(d.get("part_number")) or 0, str(d.get("put_url") or ""),
                   _headers(d.get("put_headers")))


def _headers(v: Any) -> tuple[tuple[str, str], ...]:
    return tuple((str(h.get("name")), str(h.get("value"))) for h in objs(v)
                 if h.get("name") is not None)


@dataclass(frozen=True)
class DocumentVersion:
    id: int
    etag: str | None = None
    document_id: int | None = None
    uuid: str | None = None
    version_number: int | None = None
    filename: str | None = None
    size: int | None = None
    content_type: str | None = None
    fully_uploaded: bool = False
    put_url: str | None = None
    put_headers: tuple[tuple[str, str], ...] = ()
    multiparts: tuple[UploadPart, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None
    raw: Json = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def parse(cls, d: Json) -> DocumentVersion:
        return cls(id=req_id(d), etag=opt_str(d.get("etag")),
                   document_id=opt_int(d.get("document_id")), uuid=opt_str(d.get("uuid")),
                   version_number=opt_int(d.get("version_number")),
                   filename=opt_str(d.get("filename")), size=opt_int(d.get("size")),
                   content_type=opt_str(d.get("content_type")),
                   fully_uploaded=flag(d.get("fully_uploaded")),
                   put_url=opt_str(d.get("put_url")) or None,
                   put_headers=_headers(d.get("put_headers")),
                   multiparts=tuple(UploadPart.parse(x) for x in objs(d.get("multiparts"))),
                   created_at=iso_datetime(d.get("created_at")),
                   updated_at=iso_datetime(d.get("updated_at")), raw=d)


@dataclass(frozen=True)
class Document:
    id: int
    etag: str | None = None
    name: str | None = None
    filename: str | None = None
    parent_id: int | None = None
    parent_type: str | None = None
    matter_id: int | None = None
    size: int | None = None
    content_type: str | None = None
    locked: bool = False
    deleted_at: datetime | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    external_properties: tuple[ExternalProperty, ...] = ()
    latest_version: DocumentVersion | None = None
    raw: Json = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def latest_version_id(self) -> int | None:
        return self.latest_version.id if self.latest_version else None

    @property
    def latest_version_uuid(self) -> str | None:
        return self.latest_version.uuid if self.latest_version else None

    @property
    def latest_version_number(self) -> int | None:
        return self.latest_version.version_number if self.latest_version else None

    @property
    def latest_version_size(self) -> int | None:
        return self.latest_version.size if self.latest_version else None

    def external_property(self, name: str) -> str | None:
        for p in self.external_properties:
            if p.name == name:
                return p.value
        return None

    @classmethod
    def parse(cls, d: Json) -> Document:
        parent = obj(d.get("parent"))
        latest = obj(d.get("latest_document_version"))
        version = (DocumentVersion.parse(latest)
                   if latest and latest.get("id") is not None else None)
        size = opt_int(d.get("size"))
        ctype = opt_str(d.get("content_type"))
        return cls(
            id=req_id(d), etag=opt_str(d.get("etag")), name=opt_str(d.get("name")),
            filename=opt_str(d.get("filename")),
            parent_id=opt_int(parent.get("id")) if parent else None,
            parent_type=opt_str(parent.get("type")) if parent else None,
            matter_id=ref_id(d, "matter"),
            size=size if size is not None or version is None else version.size,
            content_type=ctype if ctype is not None or version is None else version.content_type,
            locked=flag(d.get("locked")),
            deleted_at=iso_datetime(d.get("deleted_at")),
            created_at=iso_datetime(d.get("created_at")),
            updated_at=iso_datetime(d.get("updated_at")),
            external_properties=tuple(ExternalProperty.parse(x)
                                       for x in objs(d.get("external_properties"))),
            latest_version=version,
            raw=d,
        )


FolderItem = Folder | Document


def parse_folder_item(d: Json) -> FolderItem:
    """An entry of ``/folders/list``: a :class:`Folder` or a :class:`Document` by ``type``."""
    return Folder.parse(d) if d.get("type") == "Folder" else Document.parse(d)


