"""Typed, immutable views of the Clio records the app uses, parsed from Clio's JSON.

Parsing is tolerant: unknown keys are ignored (Clio adds fields without a version bump), absent
keys become ``None``/empty, and every record keeps the JSON it came from in ``raw``. Only ``id``
is required. Money is :class:`~decimal.Decimal`; activity ``quantity`` is seconds (API >= 4.0.4).
Each record type has a default ``fields`` string (:data:`FIELDS`) that asks Clio for everything
the parser reads — without ``fields`` Clio returns only ``id`` and ``etag``. Documents and
folders are in :mod:`desktop.clio.doc_records` and re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from desktop.clio.doc_records import (
    Document,
    DocumentVersion,
    ExternalProperty,
    Folder,
    FolderItem,
    UploadPart,
    parse_folder_item,
)
from desktop.clio.jsonvalues import (
    Json,
    flag,
    iso_date,
    iso_datetime,
    money,
    obj,
    objs,
    opt_int,
    opt_str,
    ref_id,
    req_id,
)

# ---------------------------------------------------------------- small shared shapes


@dataclass(frozen=True)
class Ref:
    """A nested reference such as ``matter{id}`` or ``client{id,name}``."""

    id: int
    name: str | None = None
    type: str | None = None

    @classmethod
    def parse(cls, v: Any) -> Ref | None:
        o = obj(v)
        if o is None or opt_int(o.get("id")) is None:
            return None
        return cls(id=req_id(o), name=opt_str(o.get("name")), type=opt_str(o.get("type")))


@dataclass(frozen=True)
class CustomFieldValue:
    """A custom field's value on a matter or contact; ``id`` is Clio's composite string."""

    id: str | None
    custom_field_id: int | None
    value: Any
    field_name: str | None = None

    @classmethod
    def parse(cls, d: Json) -> CustomFieldValue:
        raw_id = d.get("id")
        return cls(
            id=str(raw_id) if raw_id is not None else None,
            custom_field_id=ref_id(d, "custom_field"),
            value=d.get("value"),
            field_name=opt_str(d.get("field_name")),
        )


def _cfvs(v: Any) -> tuple[CustomFieldValue, ...]:
    return tuple(CustomFieldValue.parse(x) for x in objs(v))


# ---------------------------------------------------------------- users and contacts


@dataclass(frozen=True)
class User:
    id: int
    name: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    enabled: bool = True
    etag: str | None = None
    raw: Json = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def parse(cls, d: Json) -> User:
        return cls(id=req_id(d), name=opt_str(d.get("name")),
                   first_name=opt_str(d.get("first_name")),
                   last_name=opt_str(d.get("last_name")), email=opt_str(d.get("email")),
                   enabled=flag(d.get("enabled"), True), etag=opt_str(d.get("etag")), raw=d)


@dataclass(frozen=True)
class EmailAddress:
    id: int | None
    address: str | None
    name: str | None = None
    primary: bool = False

    @classmethod
    def parse(cls, d: Json) -> EmailAddress:
        return cls(opt_int(d.get("id")), opt_str(d.get("address")), opt_str(d.get("name")),
                   flag(d.get("primary")))


@dataclass(frozen=True)
class PhoneNumber:
    id: int | None
    number: str | None
    name: str | None = None
    primary: bool = False

    @classmethod
    def parse(cls, d: Json) -> PhoneNumber:
        return cls(opt_int(d.get("id")), opt_str(d.get("number")), opt_str(d.get("name")),
                   flag(d.get("primary")))


@dataclass(frozen=True)
class Address:
    id: int | None
    name: str | None = None
    street: str | None = None
    city: str | None = None
    province: str | None = None
    postal_code: str | None = None
    country: str | None = None
    primary: bool = False

    @classmethod
    def parse(cls, d: Json) -> Address:
        return cls(opt_int(d.get("id")), opt_str(d.get("name")), opt_str(d.get("street")),
                   opt_str(d.get("city")), opt_str(d.get("province")),
                   opt_str(d.get("postal_code")), opt_str(d.get("country")),
                   flag(d.get("primary")))


@dataclass(frozen=True)
class Contact:
    """A person or company (``type`` is ``"Person"`` or ``"Company"``)."""

    id: int
    etag: str | None = None
    type: str | None = None
    name: str | None = None
    first_name: str | None = None
    middle_name: str | None = None
    last_name: str | None = None
    prefix: str | None = None
    title: str | None = None
    company: Ref | None = None
    is_client: bool = False
    primary_email_address: str | None = None
    primary_phone_number: str | None = None
    date_of_birth: date | None = None
    email_addresses: tuple[EmailAddress, ...] = ()
    phone_numbers: tuple[PhoneNumber, ...] = ()
    addresses: tuple[Address, ...] = ()
    custom_field_values: tuple[CustomFieldValue, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None
    raw: Json = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def is_person(self) -> bool:
        return self.type == "Person"

    @classmethod
    def parse(cls, d: Json) -> Contact:
        return cls(
            id=req_id(d), etag=opt_str(d.get("etag")), type=opt_str(d.get("type")),
            name=opt_str(d.get("name")), first_name=opt_str(d.get("first_name")),
            middle_name=opt_str(d.get("middle_name")), last_name=opt_str(d.get("last_name")),
            prefix=opt_str(d.get("prefix")), title=opt_str(d.get("title")),
            company=Ref.parse(d.get("company")), is_client=flag(d.get("is_client")),
            primary_email_address=opt_str(d.get("primary_email_address")),
            primary_phone_number=opt_str(d.get("primary_phone_number")),
            date_of_birth=iso_date(d.get("date_of_birth")),
            email_addresses=tuple(EmailAddress.parse(x) for x in objs(d.get("email_addresses"))),
            phone_numbers=tuple(PhoneNumber.parse(x) for x in objs(d.get("phone_numbers"))),
            addresses=tuple(Address.parse(x) for x in objs(d.get("addresses"))),
            custom_field_values=_cfvs(d.get("custom_field_values")),
            created_at=iso_datetime(d.get("created_at")),
            updated_at=iso_datetime(d.get("updated_at")),
            raw=d,
        )


# ---------------------------------------------------------------- matters


@dataclass(frozen=True)
class Matter:
    """A matter. ``status`` is as Clio answers it: ``Open``, ``Pending`` or ``Closed``."""

    id: int
    etag: str | None = None
    display_number: str | None = None
    number: int | None = None
    description: str | None = None
    status: str | None = None
    client: Ref | None = None
    open_date: date | None = None
    pending_date: date | None = None
    close_date: date | None = None
    folder_id: int | None = None
    custom_field_values: tuple[CustomFieldValue, ...] = ()
    created_at: datetime | None = None
    updated_at: datetime | None = None
    raw: Json = field(default_factory=dict, compare=False, hash=False, repr=False)

    def custom_value(self, custom_field_id: int) -> CustomFieldValue | None:
        """This matter's value of one custom field, if set."""
        for v in self.custom_field_values:
            if v.custom_field_id == custom_field_id:
                return v
        return None

    @classmethod
    def parse(cls, d: Json) -> Matter:
        return cls(
            id=req_id(d), etag=opt_str(d.get("etag")),
            display_number=opt_str(d.get("display_number")), number=opt_int(d.get("number")),
            description=opt_str(d.get("description")), status=opt_str(d.get("status")),
            client=Ref.parse(d.get("client")), open_date=iso_date(d.get("open_date")),
            pending_date=iso_date(d.get("pending_date")), close_date=iso_date(d.get("close_date")),
            folder_id=ref_id(d, "folder"),
            custom_field_values=_cfvs(d.get("custom_field_values")),
            created_at=iso_datetime(d.get("created_at")),
            updated_at=iso_datetime(d.get("updated_at")),
            raw=d,
        )


@dataclass(frozen=True)
class Relationship:
    """A contact's role on a matter (e.g. "Executor")."""

    id: int
    etag: str | None = None
    description: str | None = None
    matter_id: int | None = None
    contact: Ref | None = None
    raw: Json = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def parse(cls, d: Json) -> Relationship:
        return cls(id=req_id(d), etag=opt_str(d.get("etag")),
                   description=opt_str(d.get("description")), matter_id=ref_id(d, "matter"),
                   contact=Ref.parse(d.get("contact")), raw=d)


@dataclass(frozen=True)
class CustomField:
    """A custom field definition; ``parent_type`` is ``Matter`` or ``Contact``."""

    id: int
    etag: str | None = None
    name: str | None = None
    parent_type: str | None = None
    field_type: str | None = None
    displayed: bool = True
    deleted: bool = False
    raw: Json = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def parse(cls, d: Json) -> CustomField:
        return cls(id=req_id(d), etag=opt_str(d.get("etag")), name=opt_str(d.get("name")),
                   parent_type=opt_str(d.get("parent_type")),
                   field_type=opt_str(d.get("field_type")),
                   displayed=flag(d.get("displayed"), True), deleted=flag(d.get("deleted")),
                   raw=d)


# ---------------------------------------------------------------- time and expenses


@dataclass(frozen=True)
class Activity:
    """A time entry or expense. ``quantity`` is seconds for time entries (``None`` when
    hidden by permissions); ``price`` is the rate (time) or the amount (expenses)."""

    id: int
    etag: str | None = None
    type: str | None = None
    date: date | None = None
    quantity: int | None = None
    quantity_redacted: bool = False
    price: Decimal | None = None
    total: Decimal | None = None
    note: str | None = None
    matter_id: int | None = None
    user_id: int | None = None
    billed: bool = False
    on_bill: bool = False
    non_billable: bool = False
    expense_category: Ref | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    raw: Json = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def parse(cls, d: Json) -> Activity:
        return cls(
            id=req_id(d), etag=opt_str(d.get("etag")), type=opt_str(d.get("type")),
            date=iso_date(d.get("date")), quantity=opt_int(d.get("quantity")),
            quantity_redacted=flag(d.get("quantity_redacted")), price=money(d.get("price")),
            total=money(d.get("total")), note=opt_str(d.get("note")),
            matter_id=ref_id(d, "matter"), user_id=ref_id(d, "user"),
            billed=flag(d.get("billed")), on_bill=flag(d.get("on_bill")),
            non_billable=flag(d.get("non_billable")),
            expense_category=Ref.parse(d.get("expense_category")),
            created_at=iso_datetime(d.get("created_at")),
            updated_at=iso_datetime(d.get("updated_at")),
            raw=d,
        )


@dataclass(frozen=True)
class ExpenseCategory:
    id: int
    etag: str | None = None
    name: str | None = None
    rate: Decimal | None = None
    entry_type: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    raw: Json = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def parse(cls, d: Json) -> ExpenseCategory:
        return cls(id=req_id(d), etag=opt_str(d.get("etag")), name=opt_str(d.get("name")),
                   rate=money(d.get("rate")), entry_type=opt_str(d.get("entry_type")),
                   created_at=iso_datetime(d.get("created_at")),
                   updated_at=iso_datetime(d.get("updated_at")), raw=d)


# ---------------------------------------------------------------- default fields

_VERSION_FIELDS = "id,etag,uuid,version_number,filename,size,content_type,fully_uploaded," \
                  "created_at,updated_at"

FIELDS: dict[type, str] = {
    User: "id,etag,name,first_name,last_name,email,enabled",
    Contact: (
        "id,etag,type,name,first_name,middle_name,last_name,prefix,title,company{id,name},"
        "is_client,primary_email_address,primary_phone_number,date_of_birth,"
        "email_addresses{id,address,name,primary},phone_numbers{id,number,name,primary},"
        "addresses{id,name,street,city,province,postal_code,country,primary},"
        "custom_field_values{id,value,custom_field},created_at,updated_at"
    ),
    Matter: (
        "id,etag,number,display_number,description,status,client{id,name},open_date,"
        "pending_date,close_date,folder{id},custom_field_values{id,value,custom_field},"
        "created_at,updated_at"
    ),
    Relationship: "id,etag,description,matter{id},contact{id,name}",
    CustomField: "id,etag,name,parent_type,field_type,displayed,deleted",
    Folder: "id,etag,name,root,locked,parent{id},matter{id},contact{id},deleted_at,created_at,"
            "updated_at",
    Document: (
        "id,etag,name,filename,parent{id,type},matter{id},size,content_type,locked,deleted_at,"
        "created_at,updated_at,external_properties{id,name,value},"
        f"latest_document_version{{{_VERSION_FIELDS}}}"
    ),
    DocumentVersion: "document_id," + _VERSION_FIELDS,
    Activity: (
        "id,etag,type,date,quantity,quantity_redacted,price,total,note,matter{id},user{id},"
        "billed,on_bill,non_billable,expense_category{id,name},created_at,updated_at"
    ),
    ExpenseCategory: "id,etag,name,rate,entry_type,created_at,updated_at",
}

# /folders/list items (Clio's "Item" schema) have no size/content_type of their own.
FOLDER_ITEM_FIELDS = (
    "id,etag,type,name,parent{id,type},matter{id},locked,deleted_at,created_at,updated_at,"
    "external_properties{id,name,value},"
    f"latest_document_version{{{_VERSION_FIELDS}}}"
)


__all__ = [
    "FIELDS", "FOLDER_ITEM_FIELDS", "Activity", "Address", "Contact", "CustomField",
    "CustomFieldValue", "Document", "DocumentVersion", "EmailAddress", "ExpenseCategory",
    "ExternalProperty", "Folder", "FolderItem", "Matter", "PhoneNumber", "Ref", "Relationship",
    "UploadPart", "User", "parse_folder_item",
]
