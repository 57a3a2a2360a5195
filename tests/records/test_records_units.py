"""The records half's pure pieces: adapters, the contact create body, the author map, Clio
activity values, suggestions, snapshots, intent ownership and the plans' newer rules."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.clio.records import Contact, Matter
from desktop.prolegis.records import Address, Client
from desktop.sync.records.activity_plan import PushedActivity, build_payload, plan_activities
from desktop.sync.records.activity_values import describe, is_billed, managed, matches
from desktop.sync.records.adapters import client_party, contact_body, contact_party, summary
from desktop.sync.records.authors import AuthorMapError, parse_author_map, resolve_authors
from desktop.sync.records.intents import RecordsJournal
from desktop.sync.records.matter_plan import plan_matters
from desktop.sync.records.snapshot import snapshot_folder
from desktop.sync.records.suggestions import suggest_matters
from desktop.sync.store import Store
from tests.records.test_plans import NOW, client, manifest, matter, time_entry


def test_client_and_contact_become_parties() -> None:
    c = Client(
        "c-1",
        "company",
        None,
        None,
        "Prairie Holdings Ltd.",
        ("a@p.ca",),
        ("403",),
        (Address("1 Main", "Calgary", "AB", "T2P", "Canada"),),
        NOW,
    )
    p = client_party(c)
    assert (p.id, p.kind, p.company, p.emails, p.addresses[0].city) == (
        "c-1",
        "company",
        "Prairie Holdings Ltd.",
        ("a@p.ca",),
        "Calgary",
    )
    raw = {
        "id": 7,
        "type": "Person",
        "first_name": "Ada",
        "last_name": "Lovelace",
        "primary_email_address": "ada@x.ca",
        "email_addresses": [{"address": "b@x.ca"}],
        "phone_numbers": [{"number": "403-555-0100"}],
        "company": {"id": 3, "name": "ACME"},
        "addresses": [{"city": "Calgary", "province": "AB"}],
        "date_of_birth": "1990-01-02",
    }
    q = contact_party(Contact.parse(raw))
    assert (q.id, q.kind, q.first_name, q.company, q.date_of_birth) == (
        "7",
        "person",
        "Ada",
        "ACME",
        "1990-01-02",
    )
    assert q.emails == ("ada@x.ca", "b@x.ca")
    assert summary(q) == "ada@x.ca · 403-555-0100 · Calgary AB"
    company = contact_party(Contact.parse({"id": 8, "type": "Company", "name": "ACME Ltd."}))
    assert (company.kind, company.company) == ("company", "ACME Ltd.")
    nameless = contact_party(Contact.parse({"id": 9, "type": "Person", "name": "Solo"}))
    assert nameless.last_name == "Solo"


def test_contact_body_uses_clio_request_shapes() -> None:
    c = Client(
        "c-1",
        "person",
        "Rita",
        "Okafor",
        None,
        ("r@o.ca", "r2@o.ca"),
        ("780",),
        (Address("12 Elm", "Calgary", "AB", "T2P", "Canada"), Address(city="Banff")),
        NOW,
    )
    body = contact_body(c)
    assert body["type"] == "Person" and (body["first_name"], body["last_name"]) == (
        "Rita",
        "Okafor",
    )
    assert body["email_addresses"] == [
        {"name": "Work", "address": "r@o.ca", "default_email": True},
        {"name": "Work", "address": "r2@o.ca", "default_email": False},
    ]
    assert body["phone_numbers"] == [{"name": "Work", "number": "780", "default_number": True}]
    assert [a["name"] for a in body["addresses"]] == ["Home", "Other"]
    company = Client("c-2", "company", None, None, "ACME", (), (), (), NOW)
    assert contact_body(company) == {"type": "Company", "name": "ACME"}


def test_author_map() -> None:
    assert parse_author_map("jdoe=jane@firm.ca, MTremblay=42;;") == {
        "jdoe": "jane@firm.ca",
        "mtremblay": "42",
    }
    with pytest.raises(AuthorMapError):
        parse_author_map("jdoe")
    users = [{"id": 5, "email": "Jane@Firm.ca"}, {"id": 6, "email": "x@y"}]
    m = resolve_authors("mtremblay=42, bob=bob@nowhere, jdoe=jane@firm.ca", "me", 1, users)
    assert dict(m.users) == {"me": 1, "mtremblay": 42, "jdoe": 5}
    assert dict(m.unresolved) == {"bob": "bob@nowhere"}
    overridden = resolve_authors("me=6", "Me", 1, users)
    assert dict(overridden.users) == {"me": 6}


def test_activity_values_compare_what_we_write() -> None:
    a = time_entry("a-1", "m-1", "1.5")
    payload = build_payload(a, clio_matter_id=5, user_id=3, categories={})
    raw = {
        "type": "TimeEntry",
        "date": "2026-11-20",
        "quantity": 5400.0,
        "price": 350.0,
        "note": "Review title search",
        "matter": {"id": 5},
        "user": {"id": 3},
        "expense_category": None,
        "billed": False,
        "on_bill": False,
    }
    assert matches(raw, payload)
    assert not matches({**raw, "note": "other"}, payload)
    assert not matches({**raw, "price": 351}, payload)
    assert managed(raw) == managed({**raw, "etag": "x", "total": 1})
    assert is_billed({**raw, "on_bill": True}) and not is_billed(raw)
    assert describe(raw) == "2026-11-20 · 1.5 h at 350.00 · Review title search"


def test_time_entry_without_rate_leaves_the_price_to_clio() -> None:
    from dataclasses import replace

    a = replace(time_entry("a-1", "m-1"), rate=None)
    payload = build_payload(a, clio_matter_id=5, user_id=3, categories={})
    assert payload.price is None and "price" not in payload.to_clio()
    raw = {
        "type": "TimeEntry",
        "date": "2026-11-20",
        "quantity": 5400,
        "price": 250,
        "note": "Review title search",
        "matter": {"id": 5},
        "user": {"id": 3},
    }
    assert matches(raw, payload)


def test_suggestions_leave_out_matters_of_others() -> None:
    from dataclasses import replace

    target = replace(
        matter("m-2024-0012", ("c-1",)), number="2024-0012", title="Purchase of 12 Elm St"
    )
    m = manifest([client("c-1")], [target])
    clio = [
        Matter.parse(
            {
                "id": 1,
                "display_number": "00001-X",
                "description": "2024-0012 Estate",
                "client": {"id": 10, "name": "Ada Lovelace"},
            }
        ),
        Matter.parse(
            {
                "id": 2,
                "description": "Purchase of 12 Elm Street",
                "client": {"id": 11, "name": "Ada Lovelace"},
            }
        ),
        Matter.parse({"id": 3, "description": "2024-0012 linked elsewhere"}),
        Matter.parse({"id": 4, "description": "2024-0012 tagged for another"}),
        Matter.parse({"id": 5, "description": "Nothing alike", "client": {"id": 99}}),
        Matter.parse({"id": 6, "description": "2024-00123 not the same number"}),
    ]
    found = suggest_matters(
        target, m, clio, contact_of={"c-1": 10}, linked_elsewhere={3}, tagged={4: "m-other"}
    )
    assert [s.clio_matter_id for s in found] == [1, 2]
    assert found[0].reasons[0].startswith("Number 2024-0012")
    assert any("(linked)" in r for r in found[0].reasons)
    assert any("Description" in r for r in found[1].reasons)
    assert any("Client name Ada Lovelace" in r for r in found[1].reasons)
    tagged = suggest_matters(
        target, m, clio, contact_of={}, linked_elsewhere=set(), tagged={5: "m-2024-0012"}
    )
    assert tagged[0].clio_matter_id == 5 and tagged[0].score == 100


def test_snapshot_lists_files_and_skips_what_is_never_synced(tmp_path: Path) -> None:
    assert snapshot_folder(tmp_path / "missing") == []
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deed.pdf").write_bytes(b"12345")
    (tmp_path / "top.docx").write_bytes(b"x")
    for ignored in ("~$top.docx", ".~lock.top.docx#", "Thumbs.db", "x.tmp", ".DS_Store"):
        (tmp_path / ignored).write_bytes(b"")
    os.symlink(tmp_path / "top.docx", tmp_path / "link.docx")
    snap = snapshot_folder(tmp_path)
    assert [e.rel_path for e in snap] == ["a/b/deed.pdf", "top.docx"]
    st = (tmp_path / "a" / "b" / "deed.pdf").stat()
    assert (snap[0].size, snap[0].mtime_ns, snap[0].inode) == (5, st.st_mtime_ns, st.st_ino)


def test_intents_of_a_live_other_process_are_left_alone(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    mine = RecordsJournal(store)
    mine.open("create_matter", "m-1", {})
    other = store.journal.open("create_matter", "m-2", {"owner": "x", "pid": os.getppid()})
    dead = store.journal.open("create_matter", "m-3", {"owner": "y", "pid": 2**22 + 12345})
    store.journal.open("upload", "m-4/doc", {})  # not a records intent
    found = {i.subject for i in RecordsJournal(store).recoverable()}
    assert found == {"m-1", "m-3"}  # same process (a finished run) and a dead one
    assert other not in {i.id for i in mine.recoverable()} and dead
    store.close()


def test_allowed_matters_pass_the_guard_and_do_not_count() -> None:
    ms = [matter(f"m-{i}", ("c-1",)) for i in range(9)]
    allowed = {f"m-{i}" for i in range(3)}
    nine = manifest([client("c-1")], ms)
    plan = plan_matters(nine, preexisting=set(), links={}, contact_of={"c-1": 1}, allowed=allowed)
    assert {c.matter.id for c in plan.creates} == allowed
    assert [c.matter.id for c in plan.held] == [f"m-{i}" for i in range(3, 9)]
    eight = manifest([client("c-1")], ms[:8])
    plan = plan_matters(eight, preexisting=set(), links={}, contact_of={"c-1": 1}, allowed=allowed)
    assert len(plan.creates) == 8 and plan.held == ()
    deferred_and_allowed = plan_matters(
        manifest([client("c-1")], ms[:4]),
        preexisting=set(),
        links={},
        contact_of={"c-1": 1},
        allowed={"m-0"},
        deferred={"m-0", "m-1"},
    )
    assert "m-0" in {c.matter.id for c in deferred_and_allowed.creates}
    assert [c.matter.id for c in deferred_and_allowed.held] == ["m-1"]


def test_entries_deleted_in_clio_are_reported_kept_or_forgotten() -> None:
    a = time_entry("a-1", "m-1")
    pushed = {
        "a-1": PushedActivity("m-1", 1, "d", "clio_deleted"),
        "a-2": PushedActivity("m-1", 2, "d", "kept_deleted"),
        "a-3": PushedActivity("m-1", 3, "d", "clio_deleted"),
    }
    m = manifest(activities=[a, time_entry("a-2", "m-1")])
    plan = plan_activities(
        m,
        clio_matter_of={"m-1": 5},
        pushed=pushed,
        authors_setting="jdoe",
        user_of_author={"jdoe": 3},
        categories={},
    )
    assert [(b.activity_id, b.code) for b in plan.blocked] == [("a-1", "clio_deleted")]
    assert plan.creates == () and plan.updates == () and plan.deletes == ()
    assert plan.forget == ("a-3",)


def test_activity_digest_changes_with_what_is_pushed() -> None:
    a = time_entry("a-1", "m-1")
    p = build_payload(a, clio_matter_id=5, user_id=3, categories={})
    q = build_payload(a, clio_matter_id=5, user_id=4, categories={})
    assert p.digest() != q.digest()
    assert p.digest() == build_payload(a, clio_matter_id=5, user_id=3, categories={}).digest()
    assert Decimal(p.quantity) == 5400 and date.fromisoformat(p.date) == date(2026, 11, 20)
