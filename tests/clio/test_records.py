"""Parsing Clio JSON into records: complete, tolerant of extras and gaps, exact money."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from desktop.clio.errors import ResponseFormatError
from desktop.clio.records import (
    FIELDS,
    FOLDER_ITEM_FIELDS,
    Activity,
    Contact,
    Document,
    Folder,
    Matter,
    User,
    parse_folder_item,
)


def test_contact_with_nested_lists_and_unknown_fields() -> None:
    c = Contact.parse({
        "id": 12, "etag": '"e1"', "type": "Person", "name": "Ada Lovelace", "first_name": "Ada",
        "last_name": "Lovelace", "is_client": True, "brand_new_field": {"x": 1},
        "company": {"id": 5, "name": "Analytical Engines"},
        "email_addresses": [{"id": 1, "address": "ada@example.com", "name": "Work",
                             "primary": True}, "junk"],
        "phone_numbers": [{"id": 2, "number": "555-0100", "name": "Mobile", "primary": False}],
        "addresses": [{"id": 3, "street": "1 Main", "city": "Toronto", "province": "ON",
                       "postal_code": "M5V 1A1", "country": "CA", "name": "Work"}],
        "date_of_birth": "1815-12-10", "updated_at": "2025-03-01T10:00:00-05:00",
    })
    assert c.is_person and c.is_client
    assert c.company is not None and c.company.name == "Analytical Engines"
    assert [e.address for e in c.email_addresses] == ["ada@example.com"]
    assert c.email_addresses[0].primary
    assert c.phone_numbers[0].number == "555-0100"
    assert c.addresses[0].postal_code == "M5V 1A1"
    assert c.date_of_birth == date(1815, 12, 10)
    assert c.updated_at == datetime(2025, 3, 1, 15, 0, tzinfo=UTC)
    assert c.raw["brand_new_field"] == {"x": 1}


def test_missing_fields_become_empty_not_errors() -> None:
    m = Matter.parse({"id": "77", "etag": '"x"'})
    assert m.id == 77 and m.description is None and m.client is None
    assert m.custom_field_values == () and m.folder_id is None


def test_a_record_needs_an_id() -> None:
    with pytest.raises(ResponseFormatError):
        Matter.parse({"etag": '"x"'})
    with pytest.raises(ResponseFormatError):
        Matter.parse({"id": "abc"})


def test_matter_custom_fields_and_folder() -> None:
    m = Matter.parse({
        "id": 1, "display_number": "00012-Smith", "status": "Open",
        "client": {"id": 9, "name": "Smith"}, "open_date": "2025-01-15",
        "folder": {"id": 300, "name": "00012-Smith"},
        "custom_field_values": [{"id": "text_line-44", "value": "m-2024-0012",
                                 "custom_field": {"id": 44}}],
    })
    assert m.client is not None and m.client.id == 9
    assert m.folder_id == 300 and m.open_date == date(2025, 1, 15)
    cfv = m.custom_value(44)
    assert cfv is not None and cfv.id == "text_line-44" and cfv.value == "m-2024-0012"
    assert m.custom_value(45) is None


def test_activity_money_is_exact_and_quantity_is_seconds() -> None:
    a = Activity.parse({"id": 5, "type": "TimeEntry", "date": "2025-03-01", "quantity": 5400,
                        "price": 300.1, "total": 450.15, "note": "Draft", "matter": {"id": 456},
                        "user": {"id": 3}, "billed": False, "on_bill": True,
                        "expense_category": None})
    assert a.quantity == 5400
    assert a.price == Decimal("300.1") and a.total == Decimal("450.15")
    assert a.matter_id == 456 and a.user_id == 3 and a.on_bill and not a.billed
    assert a.date == date(2025, 3, 1)
    assert Activity.parse({"id": 6, "quantity": None, "quantity_redacted": True}).quantity is None


def test_document_with_latest_version_and_external_properties() -> None:
    d = Document.parse({
        "id": 10, "name": "Will.pdf", "parent": {"id": 300, "type": "Folder"},
        "matter": {"id": 1}, "size": 1234, "content_type": "application/pdf",
        "locked": False, "deleted_at": None,
        "external_properties": [{"id": 1, "name": "prolegis_sha256", "value": "ab" * 32}],
        "latest_document_version": {"id": 99, "uuid": "u-1", "version_number": 3,
                                    "size": 1234, "fully_uploaded": True},
    })
    assert d.parent_id == 300 and d.parent_type == "Folder" and d.matter_id == 1
    assert d.latest_version_id == 99 and d.latest_version_uuid == "u-1"
    assert d.latest_version_number == 3 and d.latest_version_size == 1234
    assert d.external_property("prolegis_sha256") == "ab" * 32
    assert d.external_property("nope") is None


def test_folder_list_items_are_typed_by_type() -> None:
    f = parse_folder_item({"id": 1, "type": "Folder", "name": "Pleadings", "parent": {"id": 2}})
    d = parse_folder_item({"id": 3, "type": "Document", "name": "a.pdf"})
    assert isinstance(f, Folder) and f.parent_id == 2
    assert isinstance(d, Document)


def test_records_are_immutable_and_compare_by_value() -> None:
    u1 = User.parse({"id": 1, "name": "A", "email": "a@x"})
    u2 = User.parse({"id": 1, "name": "A", "email": "a@x", "extra": True})
    assert u1 == u2
    with pytest.raises(AttributeError):
        u1.name = "B"  # type: ignore[misc]


@pytest.mark.parametrize("fields", [*FIELDS.values(), FOLDER_ITEM_FIELDS])
def test_default_fields_nest_one_level_only_and_have_no_duplicates(fields: str) -> None:
    depth = 0
    for ch in fields:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        assert 0 <= depth <= 1
    assert depth == 0
    top = re.sub(r"\{[^}]*\}", "", fields).split(",")
    assert len(top) == len(set(top))
    assert "id" in top
