"""One party in comparable form (:class:`NormParty`), built once per record.

The rules live in the field modules, re-exported here: :mod:`names` (persons),
:mod:`companies`, :mod:`contact_points` (emails, phones) and :mod:`addresses`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.sync.matching.addresses import (
    NormAddress,
    normalize_address,
    normalize_city,
    normalize_postal,
    normalize_province,
    parse_street,
)
from desktop.sync.matching.companies import CompanyName, parse_company_name
from desktop.sync.matching.contact_points import email_domain, normalize_email, normalize_phone
from desktop.sync.matching.names import PersonName, parse_person_name, split_comma_name
from desktop.sync.matching.records import Party
from desktop.sync.matching.text import fold, words

__all__ = [
    "CompanyName",
    "NormAddress",
    "NormParty",
    "PersonName",
    "fold",
    "normalize_address",
    "normalize_city",
    "normalize_date",
    "normalize_email",
    "normalize_party",
    "normalize_phone",
    "normalize_postal",
    "normalize_province",
    "parse_company_name",
    "parse_person_name",
    "parse_street",
    "split_comma_name",
]

_EMPTY_NAME = parse_person_name("", "")
_EMPTY_COMPANY = CompanyName("")
_ISO_DATE = re.compile(r"^\s*(\d{4})\D?(\d{1,2})\D?(\d{1,2})")


def normalize_date(raw: str) -> str:
    """A date as YYYYMMDD when it starts with the year ("1975-03-09", "19750309"); otherwise
    its digits (day/month order is not guessed)."""
    match = _ISO_DATE.match(raw or "")
    if match:
        year, month, day = match.groups()
        return f"{year}{int(month):02d}{int(day):02d}"
    return re.sub(r"\D", "", raw or "")


@dataclass(slots=True, eq=False)
class NormParty:
    """A :class:`Party` in comparable form. ``index`` is its position in the matcher's list;
    ``company`` is the company's name for a company, the employer for a person."""

    index: int
    id: str
    kind: str
    name: PersonName
    company: CompanyName
    emails: frozenset[str]
    domains: frozenset[str]
    phones: frozenset[str]
    addresses: tuple[NormAddress, ...]
    dob: str
    extra: dict[str, str] = field(default_factory=dict)


def normalize_party(party: Party, index: int = -1) -> NormParty:
    """Normalize every field of ``party`` once."""
    if party.kind == "company":
        name = _EMPTY_NAME
        text = party.company or f"{party.first_name} {party.last_name}"
        company = parse_company_name(text)
    else:
        name = parse_person_name(party.first_name, party.last_name)
        company = parse_company_name(party.company) if party.company else _EMPTY_COMPANY
    emails = frozenset(e for e in map(normalize_email, party.emails) if e)
    phones = frozenset(p for p in map(normalize_phone, party.phones) if p)
    addresses = tuple(a for a in map(normalize_address, party.addresses) if not a.empty)
    extra = {}
    for key, value in party.extra.items():
        text = " ".join(words(str(value))) if value is not None else ""
        if text:
            extra[key] = text
    return NormParty(
        index=index,
        id=party.id,
        kind=party.kind,
        name=name,
        company=company,
        emails=emails,
        domains=frozenset(d for d in map(email_domain, emails) if d),
        phones=phones,
        addresses=addresses,
        dob=normalize_date(party.date_of_birth),
        extra=extra,
    )
