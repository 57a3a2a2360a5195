"""Clients ⇄ contacts through the real engine and the sandbox: link, unlink, create (persons and
companies with emails, phones, addresses), never a second contact for an email Clio has, the
matching views, "accept all confident matches", and an ambiguous create adopted."""

from __future__ import annotations

from desktop.prolegis.records import Address
from desktop.sandbox import Sandbox
from desktop.sync import commands as cmd
from desktop.sync.events import MatchesReady
from tests.records.helpers import clio_contacts, person, run
from tests.support.harness import SyncHarness
from tests.support.harness_fixtures import HarnessFactory
from tests.support.sandbox_fixtures import api_client


def ready(harness_factory: HarnessFactory, sandbox) -> SyncHarness:  # type: ignore[no-untyped-def]
    h = harness_factory(sandbox, documents=False)
    b = h.builder
    b.add_client(
        "Ada", "Lovelace", id="c-1", emails=["ada@lovelace.example"], phones=["403-555-0142"]
    )
    b.add_client(
        "Rita",
        "Okafor",
        id="c-2",
        emails=["rita@okafor.example"],
        phones=["780-555-0199"],
        addresses=[Address("12 Elm St", "Calgary", "AB", "T2P 1J9", "Canada")],
    )
    b.add_client(
        company="Prairie Holdings Ltd.",
        id="c-3",
        emails=["office@prairie.example"],
        phones=["403 555 0100"],
        addresses=[Address("500 4th Ave SW", "Calgary", "AB", "T2P 2V6", "Canada")],
    )
    b.write()
    return h


def test_existing_clients_are_never_linked_silently(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = ready(harness_factory, sandbox)
    person(
        h,
        "Ada",
        "Lovelace",
        "ada@lovelace.example",
        phone_numbers=[{"name": "Work", "number": "403-555-0142", "default_number": True}],
    )
    for _ in range(2):
        assert h.sync_once().exit_code == 0
    assert h.services.store.client_links.all() == {}


def test_link_to_a_contact_then_unlink_changes_nothing_in_clio(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = ready(harness_factory, sandbox)
    contact = person(h, "Ada", "Lovelace", "ada@lovelace.example")
    h.sync_once()
    before = [(c.id, c.etag) for c in clio_contacts(h)]
    assert run(h, cmd.LinkClient("c-1", contact_id=contact)) == []
    link = h.services.store.client_links.get("c-1")
    assert link is not None and (link.contact_id, link.contact_name, link.how) == (
        contact,
        "Ada Lovelace",
        "matched",
    )
    assert run(h, cmd.UnlinkClient("c-1")) == []
    assert h.services.store.client_links.get("c-1") is None
    assert [(c.id, c.etag) for c in clio_contacts(h)] == before
    assert run(h, cmd.UnlinkClient("c-1")) == ["Ada Lovelace is not linked to a Clio contact."]


def test_linking_a_contact_that_no_longer_exists_is_refused(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = ready(harness_factory, sandbox)
    contact = person(h, "Ada", "Lovelace", "ada@lovelace.example")
    h.sync_once()
    with api_client(sandbox) as api:
        assert api.delete(f"/contacts/{contact}.json").status_code == 204
    failed = run(h, cmd.LinkClient("c-1", contact_id=contact))
    assert failed and "no longer exists" in failed[0]
    assert h.services.store.client_links.get("c-1") is None
    assert h.services.store.clio.get("contacts", contact) is None


def test_create_a_person_with_emails_phones_and_address(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = ready(harness_factory, sandbox)
    h.builder.update_client("c-2", emails=("rita@okafor.example", "r.okafor@work.example"))
    h.builder.write()
    h.sync_once()
    assert run(h, cmd.LinkClient("c-2", create=True)) == []
    link = h.services.store.client_links.get("c-2")
    assert link is not None and link.how == "created"
    made = h.clio.contact(link.contact_id)
    assert (made.type, made.first_name, made.last_name) == ("Person", "Rita", "Okafor")
    assert [(e.address, e.primary) for e in made.email_addresses] == [
        ("rita@okafor.example", True),
        ("r.okafor@work.example", False),
    ]
    assert [(p.number, p.primary) for p in made.phone_numbers] == [("780-555-0199", True)]
    (address,) = made.addresses
    assert (
        address.name,
        address.street,
        address.city,
        address.province,
        address.postal_code,
        address.country,
    ) == ("Home", "12 Elm St", "Calgary", "AB", "T2P 1J9", "Canada")
    assert len(clio_contacts(h)) == 1


def test_create_a_company(sandbox: Sandbox, harness_factory: HarnessFactory) -> None:
    h = ready(harness_factory, sandbox)
    h.sync_once()
    assert run(h, cmd.LinkClient("c-3", create=True)) == []
    link = h.services.store.client_links.get("c-3")
    assert link is not None
    made = h.clio.contact(link.contact_id)
    assert (made.type, made.name) == ("Company", "Prairie Holdings Ltd.")
    assert [e.address for e in made.email_addresses] == ["office@prairie.example"]
    assert [a.name for a in made.addresses] == ["Work"]


def test_no_contact_is_created_when_one_has_the_email(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = ready(harness_factory, sandbox)
    other = person(h, "Ada", "King", "ADA@Lovelace.example")
    h.sync_once()
    failed = run(h, cmd.LinkClient("c-1", create=True))
    assert len(failed) == 1
    assert "already exists" in failed[0] and str(other) in failed[0]
    assert f"--contact {other}" in failed[0]
    assert [c.id for c in clio_contacts(h)] == [other]
    assert h.services.store.client_links.get("c-1") is None


def test_match_views_bands_evidence_and_new_matters(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = ready(harness_factory, sandbox)
    ada = person(
        h,
        "Ada",
        "Lovelace",
        "ada@lovelace.example",
        phone_numbers=[{"name": "Work", "number": "(403) 555-0142", "default_number": True}],
    )
    rita = person(h, "Rita", "Okafor", "rita@okafor.example")
    h.sync_once()
    h.builder.add_matter("Sale of 9 Oak Ave", id="m-9", number="2025-0009", client_ids=["c-3"])
    h.builder.write()
    h.sync_once()
    assert run(h, cmd.LinkClient("c-2", contact_id=rita)) == []
    assert run(h, cmd.RefreshMatches()) == []
    views = {v.client_id: v for v in h.events_of(MatchesReady)[-1].results}
    assert views["c-1"].band == "confident"
    best = views["c-1"].candidates[0]
    assert best.contact_id == ada and best.name == "Ada Lovelace" and best.score > 98
    assert {(e.field, e.verdict) for e in best.evidence} >= {
        ("email", "agrees"),
        ("phone", "agrees"),
    }
    assert best.summary == "ada@lovelace.example · (403) 555-0142"
    assert views["c-1"].summary == "ada@lovelace.example · 403-555-0142"
    assert (views["c-2"].band, views["c-2"].linked_contact_id) == ("linked", rita)
    assert views["c-3"].band == "none"
    assert views["c-3"].on_new_matters == ("2025-0009 Sale of 9 Oak Ave",)


def test_accept_all_confident_links_exactly_the_confident_band(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = ready(harness_factory, sandbox)
    ada = person(
        h,
        "Ada",
        "Lovelace",
        "ada@lovelace.example",
        phone_numbers=[{"name": "Work", "number": "403-555-0142", "default_number": True}],
    )
    person(h, "Rita", "Okafor", "someone.else@example.com")  # a namesake: review at most
    h.sync_once()
    failed = run(h, cmd.AcceptConfidentMatches(expected=2))
    assert failed and "changed meanwhile" in failed[0]
    assert h.services.store.client_links.all() == {}
    assert run(h, cmd.AcceptConfidentMatches(expected=1)) == []
    links = h.services.store.client_links.all()
    assert {cid: (ln.contact_id, ln.how) for cid, ln in links.items()} == {
        "c-1": (ada, "confident")
    }


def test_confident_match_already_linked_elsewhere_is_only_for_review(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = ready(harness_factory, sandbox)
    ada = person(
        h,
        "Ada",
        "Lovelace",
        "ada@lovelace.example",
        phone_numbers=[{"name": "Work", "number": "403-555-0142", "default_number": True}],
    )
    h.sync_once()
    assert run(h, cmd.LinkClient("c-2", contact_id=ada)) == []  # the user's own choice
    run(h, cmd.RefreshMatches())
    views = {v.client_id: v for v in h.events_of(MatchesReady)[-1].results}
    assert views["c-1"].band == "review"


def test_an_ambiguous_create_is_adopted_not_repeated(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = ready(harness_factory, sandbox)
    h.sync_once()
    sandbox.admin.set_faults("POST:/api/v4/contacts*=502+after")
    assert run(h, cmd.LinkClient("c-1", create=True)) == []
    sandbox.admin.set_faults(None)
    (made,) = clio_contacts(h)
    link = h.services.store.client_links.get("c-1")
    assert link is not None and (link.contact_id, link.how) == (made.id, "created")
    assert h.services.store.journal.open_intents() == []


def test_a_lost_create_is_reported_and_nothing_linked(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = ready(harness_factory, sandbox)
    h.sync_once()
    sandbox.admin.set_faults("POST:/api/v4/contacts*=502")  # refused before it was saved
    failed = run(h, cmd.LinkClient("c-1", create=True))
    sandbox.admin.set_faults(None)
    assert failed and "was not found in Clio" in failed[0]
    assert clio_contacts(h) == [] and h.services.store.client_links.all() == {}
    assert h.services.store.journal.open_intents() == []
