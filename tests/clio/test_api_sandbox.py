"""ClioClient calls for contacts, matters, relationships, custom fields, folders, documents,
activities and expense categories against the sandbox."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.clio.api import ClioClient
from desktop.clio.errors import NotFoundError, PreconditionFailedError, ValidationError
from desktop.clio.records import Document, Folder
from desktop.sandbox import DEFAULT_USER_EMAIL, Sandbox


def test_who_am_i_and_users(clio: ClioClient, sandbox: Sandbox) -> None:
    me = clio.who_am_i()
    assert me.email == DEFAULT_USER_EMAIL
    other = sandbox.admin.add_user("Sam Clerk", "sam@example-law.ca")
    assert {u.id for u in clio.users()} == {me.id, other}


def test_contacts_create_lookup_update(clio: ClioClient) -> None:
    ada = clio.create_contact({
        "type": "Person", "first_name": "Ada", "last_name": "Lovelace",
        "email_addresses": [{"name": "Work", "address": "ada@example.com",
                             "default_email": True}],
        "phone_numbers": [{"name": "Mobile", "number": "555-0100", "default_number": True}],
    })
    clio.create_contact({"type": "Person", "first_name": "Adam", "last_name": "Adamson",
                         "email_addresses": [{"name": "Work", "address": "ada@example.com.au"}]})
    assert ada.name == "Ada Lovelace" and ada.primary_email_address == "ada@example.com"
    assert [c.id for c in clio.contacts_by_email(" ADA@example.com")] == [ada.id]
    assert [c.id for c in clio.contacts(query="Lovelace")] == [ada.id]
    email_id = ada.email_addresses[0].id
    updated = clio.update_contact(ada.id, {"email_addresses": [
        {"id": email_id, "address": "ada@lovelace.org"}]}, etag=ada.etag)
    assert [e.address for e in updated.email_addresses] == ["ada@lovelace.org"]
    with pytest.raises(PreconditionFailedError):
        clio.update_contact(ada.id, {"title": "Countess"}, etag=ada.etag)
    company = clio.create_contact({"type": "Company", "name": "Analytical Engines Ltd"})
    assert company.type == "Company" and not company.is_person


def test_matters_with_custom_field_lookup(clio: ClioClient) -> None:
    client = clio.create_contact({"type": "Person", "first_name": "Sam", "last_name": "Smith"})
    field = clio.create_custom_field("Prolegis matter id")
    assert field.id in {f.id for f in clio.custom_fields(parent_type="Matter")}
    m = clio.create_matter({"client": {"id": client.id}, "description": "Estate of Smith",
                            "custom_field_values": [{"custom_field": {"id": field.id},
                                                     "value": "m-2024-0012"}]})
    clio.create_matter({"client": {"id": client.id}, "description": "Other"})
    assert m.status == "Open" and m.folder_id and m.display_number
    found = list(clio.matters(custom_field_values={field.id: "m-2024-0012"}))
    assert [x.id for x in found] == [m.id]
    value = found[0].custom_value(field.id)
    assert value is not None and value.value == "m-2024-0012"
    closed = clio.update_matter(m.id, {"status": "closed"}, etag=m.etag)
    assert closed.status == "Closed"
    assert [x.id for x in clio.matters(status="closed")] == [m.id]
    rel = clio.create_relationship(m.id, client.id, "Executor")
    assert [r.id for r in clio.relationships(matter_id=m.id)] == [rel.id]
    clio.delete_matter(m.id)
    with pytest.raises(NotFoundError):
        clio.matter(m.id)


def test_folders_and_documents(clio: ClioClient, sandbox: Sandbox) -> None:
    cid = sandbox.admin.create_contact(first_name="A", last_name="Client")
    mid = sandbox.admin.create_matter(cid, "Files")
    root = clio.matter(mid).folder_id
    assert root is not None
    pleadings = clio.create_folder("Pleadings", root)
    drafts = clio.create_folder("Drafts", root)
    did = sandbox.admin.upload_document(mid, "Will.pdf", b"%PDF-1.4 test",
                                        external_properties=[{"name": "prolegis_id",
                                                              "value": "d-7"}])
    items = list(clio.folder_contents(root))
    assert {(type(i).__name__, i.id) for i in items} == {
        ("Folder", pleadings.id), ("Folder", drafts.id), ("Document", did)}
    doc = next(i for i in items if isinstance(i, Document))
    assert doc.size == len(b"%PDF-1.4 test") and doc.latest_version_number == 1
    assert [d.id for d in clio.documents(matter_id=mid)] == [did]
    assert [d.id for d in clio.documents(external_property_name="prolegis_id",
                                         external_property_value="d-7")] == [did]
    moved = clio.update_document(did, name="Last Will.pdf", parent_id=pleadings.id,
                                 etag=clio.document(did).etag,
                                 external_properties={"prolegis_id": "d-8", "sha": "abc"})
    assert (moved.name, moved.parent_id) == ("Last Will.pdf", pleadings.id)
    assert moved.external_property("sha") == "abc"
    assert moved.external_property("prolegis_id") == "d-8"
    dropped = clio.update_document(did, external_properties={"sha": None}, current=moved)
    assert [p.name for p in dropped.external_properties] == ["prolegis_id"]
    assert [d.id for d in clio.documents(parent_id=pleadings.id)] == [did]
    assert [d.id for d in clio.documents(external_property_name="prolegis_id",
                                         external_property_value="d-7")] == []
    clio.delete_document(did)
    assert list(clio.documents(matter_id=mid)) == []
    (trashed,) = list(clio.documents(matter_id=mid, include_deleted=True))
    assert trashed.deleted_at is not None
    assert clio.update_document(did, restore=True).deleted_at is None
    renamed = clio.update_folder(drafts.id, name="Old drafts", parent_id=pleadings.id)
    assert isinstance(renamed, Folder) and renamed.parent_id == pleadings.id
    assert drafts.id in {f.id for f in clio.folders(parent_id=pleadings.id)}
    clio.delete_folder(renamed.id)
    assert drafts.id not in {f.id for f in clio.folders(matter_id=mid)}


def test_activities_and_expenses(clio: ClioClient, sandbox: Sandbox) -> None:
    cid = sandbox.admin.create_contact(first_name="A", last_name="Client")
    mid = sandbox.admin.create_matter(cid, "Billing")
    courier = sandbox.admin.create_expense_category("Courier", 12.5)
    cats = {c.name: c for c in clio.expense_categories()}
    assert cats["Courier"].id == courier and cats["Courier"].rate == Decimal("12.5")
    t = clio.create_activity({"type": "TimeEntry", "date": "2025-03-01", "quantity": 5400,
                              "price": 300, "note": "Draft motion", "matter": {"id": mid}})
    assert t.quantity == 5400 and t.matter_id == mid and t.user_id == clio.who_am_i().id
    e = clio.create_activity({"type": "ExpenseEntry", "date": "2025-03-02", "quantity": 1,
                              "price": 42.1, "matter": {"id": mid},
                              "expense_category": {"id": courier}})
    assert e.price == Decimal("42.1") and e.expense_category is not None
    assert {a.id for a in clio.activities(matter_id=mid)} == {t.id, e.id}
    assert [a.id for a in clio.activities(matter_id=mid, type="TimeEntry")] == [t.id]
    edited = clio.update_activity(t.id, {"note": "Final motion"}, etag=t.etag)
    assert edited.note == "Final motion"
    with pytest.raises(PreconditionFailedError):
        clio.update_activity(t.id, {"note": "stale"}, etag=t.etag)
    sandbox.admin.mark_activity_billed(e.id)
    assert clio.activity(e.id).billed
    with pytest.raises(ValidationError):
        clio.update_activity(e.id, {"note": "after billing"})
    clio.delete_activity(t.id)
    assert [a.id for a in clio.activities(matter_id=mid)] == [e.id]
