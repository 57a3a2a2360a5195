"""Adapters between the two sides and the matcher: a Prolegis client or a cached Clio contact
as a :class:`~desktop.sync.matching.Party`, one-line summaries for the wizard, and a client as
Clio's contact create body."""

from __future__ import annotations

from typing import Any

from desktop.clio.records import Contact
from desktop.prolegis.records import Client
from desktop.sync.matching import Address, Party


def client_party(client: Client) -> Party:
    """A Prolegis client as the matcher's input."""
    addresses = tuple(
        Address(a.street, a.city, a.province, a.postal_code, a.country) for a in client.addresses
    )
    if client.kind == "company":
        return Party(
            client.id,
            "company",
            company=client.company or "",
            emails=client.emails,
            phones=client.phones,
            addresses=addresses,
        )
    return Party(
        client.id,
        "person",
        first_name=client.first_name or "",
        last_name=client.last_name or "",
        emails=client.emails,
        phones=client.phones,
        addresses=addresses,
    )


def contact_party(contact: Contact) -> Party:
    """A Clio contact as the matcher's input (its id as text)."""
    emails = [e.address for e in contact.email_addresses if e.address]
    if contact.primary_email_address and contact.primary_email_address not in emails:
        emails.insert(0, contact.primary_email_address)
    phones = [p.number for p in contact.phone_numbers if p.number]
    if contact.primary_phone_number and contact.primary_phone_number not in phones:
        phones.insert(0, contact.primary_phone_number)
    addresses = tuple(
        Address(
            a.street or "", a.city or "", a.province or "", a.postal_code or "", a.country or ""
        )
        for a in contact.addresses
    )
    dob = contact.date_of_birth.isoformat() if contact.date_of_birth else ""
    if contact.type == "Company":
        return Party(
            str(contact.id),
            "company",
            company=contact.name or "",
            emails=tuple(emails),
            phones=tuple(phones),
            addresses=addresses,
            date_of_birth=dob,
        )
    first, last = contact.first_name or "", contact.last_name or ""
    if not first and not last:
        last = contact.name or ""
    return Party(
        str(contact.id),
        "person",
        first_name=first,
        last_name=last,
        company=contact.company.name or "" if contact.company else "",
        emails=tuple(emails),
        phones=tuple(phones),
        addresses=addresses,
        date_of_birth=dob,
    )


def contact_name(contact: Contact) -> str:
    """How a contact is shown: its ``name``, else first and last name, else its id."""
    if contact.name:
        return contact.name
    joined = " ".join(p for p in (contact.first_name, contact.last_name) if p)
    return joined or f"Contact {contact.id}"


def summary(party: Party) -> str:
    """ "m.tremblay@lexmail.ca · 403-555-0142 · Calgary AB" (what is known)."""
    parts: list[str] = []
    if party.emails:
        parts.append(party.emails[0])
    if party.phones:
        parts.append(party.phones[0])
    if party.addresses:
        a = party.addresses[0]
        place = " ".join(p for p in (a.city, a.province) if p)
        if place:
            parts.append(place)
    return " · ".join(parts)


def contact_body(client: Client) -> dict[str, Any]:
    """Clio's create body for a new contact made from ``client`` (decisions: request shapes
    ``default_email``/``default_number``, named addresses)."""
    body: dict[str, Any]
    if client.kind == "company":
        body = {"type": "Company", "name": client.company or client.display_name}
    else:
        body = {"type": "Person"}
        if client.first_name:
            body["first_name"] = client.first_name
        if client.last_name:
            body["last_name"] = client.last_name
    place = "Work" if client.kind == "company" else "Home"
    if client.emails:
        body["email_addresses"] = [
            {"name": "Work", "address": e, "default_email": i == 0}
            for i, e in enumerate(client.emails)
        ]
    if client.phones:
        body["phone_numbers"] = [
            {"name": "Work", "number": p, "default_number": i == 0}
            for i, p in enumerate(client.phones)
        ]
    if client.addresses:
        body["addresses"] = [
            {
                "name": place if i == 0 else "Other",
                "street": a.street,
                "city": a.city,
                "province": a.province,
                "postal_code": a.postal_code,
                "country": a.country,
            }
            for i, a in enumerate(client.addresses)
        ]
    return body
