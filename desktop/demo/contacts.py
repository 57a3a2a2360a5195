"""The demo's Clio address book: the firm's clients as Clio knows them — some exactly, some
written differently (nicknames, missing email, another phone format), namesakes with other
emails, and a few hundred unrelated contacts — so the matching wizard has real work to do."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop.prolegis.records import Client

_NICK = {
    "James": "Jim",
    "Daniel": "Dan",
    "Olivia": "Liv",
    "Hannah": "Anna",
    "Liam": "Will",
    "François": "Frank",
    "Stéphane": "Steph",
    "Geneviève": "Gen",
    "Benoît": "Ben",
    "Élise": "Lise",
    "Jérôme": "Jerry",
    "Grace": "Gracie",
    "Aiden": "Aidan",
}
_FIRST = [
    "Michael",
    "Sarah",
    "David",
    "Laura",
    "Kevin",
    "Nathalie",
    "Sylvie",
    "Marc",
    "Julie",
    "Patrick",
    "Isabelle",
    "Robert",
    "Karen",
    "Steven",
    "Marie-Claude",
    "Pierre-Luc",
    "Amanda",
    "Tyler",
    "Jessica",
    "Ryan",
    "Mélanie",
    "Sébastien",
    "Caroline",
    "Eric",
    "Vanessa",
    "Jordan",
    "Brianna",
    "Mathieu",
    "Annie",
    "Jean-Philippe",
    "Farah",
    "Ahmed",
]
_LAST = [
    "Smith",
    "Brown",
    "Wilson",
    "Taylor",
    "Martin",
    "Roy",
    "Gagné",
    "Morin",
    "Lavoie",
    "Girard",
    "Poirier",
    "Leblanc",
    "Johnson",
    "Clark",
    "Lewis",
    "Walker",
    "Hall",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Hill",
    "Boucher",
    "Caron",
    "Cloutier",
    "Savard",
    "Haddad",
    "Khan",
    "Ali",
    "Ahmed",
    "Sandhu",
    "Grewal",
]
_COMPANY = [
    "Foothills Surveying Ltd.",
    "Chinook Title Insurance Inc.",
    "Bow River Lending Corp.",
    "Notaires Laval s.e.n.c.r.l.",
    "Rocky View Appraisals Ltd.",
    "Banque Laurentide",
    "First Prairie Mortgage Ltd.",
    "Groupe Immobilier Beaulieu inc.",
    "1847293 Alberta Ltd.",
    "Coast Mountain Home Inspections Ltd.",
]


@dataclass(frozen=True)
class SeededContact:
    """A contact the demo put in Clio, and which client (if any) it really is."""

    contact_id: int
    client_id: str | None
    exact: bool  # same name and email: the matcher's confident band


def _email_entry(address: str) -> dict[str, Any]:
    return {"name": "Work", "address": address, "default_email": True}


def _phone_entry(number: str) -> dict[str, Any]:
    return {"name": "Work", "number": number, "default_number": True}


def _address_entries(client: Client) -> list[dict[str, Any]]:
    return [
        {
            "name": "Home" if client.kind == "person" else "Work",
            "street": a.street,
            "city": a.city,
            "province": a.province,
            "postal_code": a.postal_code,
            "country": a.country or "CA",
        }
        for a in client.addresses[:1]
    ]


def _body(
    client: Client, *, first: str | None, email: str | None, phone: str | None
) -> tuple[str, dict[str, Any]]:
    body: dict[str, Any] = {
        "email_addresses": [_email_entry(email)] if email else [],
        "phone_numbers": [_phone_entry(phone)] if phone else [],
        "addresses": _address_entries(client),
    }
    if client.kind == "company":
        body["name"] = client.company or ""
        return "Company", body
    body["first_name"] = first if first is not None else (client.first_name or "")
    body["last_name"] = client.last_name or ""
    return "Person", body


def _reformat_phone(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())[-10:]
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}" if len(digits) == 10 else phone


def seed_contacts(
    admin: Any,
    clients: Iterable[Client],
    *,
    seed: int,
    exact_share: float = 0.55,
    variant_share: float = 0.2,
    namesakes: int = 12,
    others: int = 260,
) -> list[SeededContact]:
    """Create the demo's Clio contacts through the sandbox's admin API."""
    rng = random.Random(seed)
    seeded: list[SeededContact] = []
    pool = list(clients)
    for client in pool:
        roll = rng.random()
        email = client.emails[0] if client.emails else None
        phone = client.phones[0] if client.phones else None
        if client.id in ("c-1001", "c-1002") or roll < exact_share:
            kind, body = _body(client, first=None, email=email, phone=phone)
            seeded.append(SeededContact(admin.create_contact(kind, **body), client.id, True))
        elif roll < exact_share + variant_share:
            first = _NICK.get(client.first_name or "", client.first_name)
            kind, body = _body(
                client, first=first, email=None, phone=_reformat_phone(phone) if phone else None
            )
            seeded.append(SeededContact(admin.create_contact(kind, **body), client.id, False))
    people = [c for c in pool if c.kind == "person" and c.first_name and c.last_name]
    for client in rng.sample(people, k=min(namesakes, len(people))):
        other = f"{(client.first_name or 'x')[0].lower()}.{rng.randint(10, 99)}@autre-courriel.ca"
        kind, body = _body(client, first=None, email=other, phone=None)
        body["addresses"] = []
        seeded.append(SeededContact(admin.create_contact(kind, **body), None, False))
    for i in range(others):
        if i % 12 == 0:
            name = _COMPANY[(i // 12) % len(_COMPANY)]
            cid = admin.create_contact(
                "Company",
                name=name,
                email_addresses=[_email_entry(f"info{i}@{name.split()[0].lower()}.ca")],
            )
        else:
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            handle = f"{first[0]}{last}".lower().replace("é", "e").replace("-", "")
            cid = admin.create_contact(
                "Person",
                first_name=first,
                last_name=last,
                email_addresses=[_email_entry(f"{handle}{i}@example.ca")],
                phone_numbers=[_phone_entry(f"403-555-{1000 + i:04d}")],
            )
        seeded.append(SeededContact(cid, None, False))
    return seeded
