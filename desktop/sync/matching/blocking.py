"""Candidate generation: which contacts are worth comparing with a client (no all-pairs).

Every contact is filed under a handful of *blocking keys*; a client is compared only with the
contacts that share one of its keys. Keys, by their one-letter prefix:

``e`` email, ``f`` phone, ``k`` numbered-company number, ``d`` date of birth — exact
identifiers; ``n`` surname + given name (and + each nickname group of the given name, so
Bob finds Robert); ``i`` surname + first initial; ``p`` phonetic surname + phonetic given name
(typos, "Thibault"/"Thibeault"); ``g``/``h`` given name + the first / last three letters of
the surname (a typo the sound key misses); ``s`` surname alone; ``c`` company core name;
``t`` a distinctive word of a company name; ``q`` phonetic first company word; ``a`` street
address; ``w`` civic number + first letters of the street (a typo in the street); ``z``
postal code + first letter of the name; ``y`` postal code alone (small blocks only); ``@`` a
company's email domain.

A client also looks up its name swapped (first ↔ last) and, when the whole name was typed in
one field, its split form. Each key kind has a cap: a block larger than the cap (a very common
surname with an initial, an office phone on hundreds of contacts) is skipped rather than
truncated, since a truncated block would drop contacts arbitrarily; the narrower keys still
reach those contacts.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.sync.matching.companies import GENERIC_WORDS
from desktop.sync.matching.nicknames import groups
from desktop.sync.matching.normalize import NormParty
from desktop.sync.matching.text import phonetic

CAPS: dict[str, int] = {
    "e": 64, "f": 64, "k": 64, "d": 48, "n": 256, "i": 16, "p": 32, "g": 16, "h": 16,
    "s": 12, "c": 64, "t": 16, "q": 16, "a": 24, "w": 24, "z": 24, "y": 12, "@": 24,
}
"""Largest block used per key kind."""

EXACT_KINDS = frozenset("efknc")
"""Key kinds looked up first (identifiers, exact names)."""
NARROW_CAP = 4
"""When an exact key found someone, the other keys only add blocks this small."""


def _name_keys(surname: str, given: tuple[str, ...], out: list[str]) -> None:
    if not surname:
        return
    if not given:
        out.append("s" + surname)
        return
    first = given[0]
    out.append(f"n{surname}|{first}")
    joined = " ".join(given)
    for g in groups(first) | groups(joined):
        out.append(f"n{surname}|#{g}")
    out.append(f"i{surname}|{first[0]}")
    out.append(f"p{phonetic(surname)}|{phonetic(first)}")
    if len(surname) >= 4:
        out.append(f"g{first}|{surname[:3]}")
        out.append(f"h{first}|{surname[-3:]}")
    out.append("s" + surname)


def _person_keys(p: NormParty, out: list[str], query: bool) -> None:
    name = p.name
    _name_keys(name.surname_key, name.given, out)
    for part in name.surname_parts:
        if part != name.surname_key and name.given:
            out.append(f"n{part}|{name.given[0]}")
            out.append("s" + part)
    if not name.given and len(name.surname_parts) >= 2:
        # A whole name typed in the surname field: try "given … surname".
        parts = name.surname_parts
        _name_keys(parts[-1], parts[:-1], out)
    if query and name.given and name.surname_key:
        # First and last swapped.
        _name_keys("".join(name.given), (name.surname_key,), out)


def _company_keys(p: NormParty, out: list[str]) -> None:
    company = p.company
    if company.number:
        out.append("k" + company.number)
    if company.core and not company.number:
        out.append("c" + company.core)
    if company.trade:
        out.append("c" + company.trade)
    distinctive = [w for w in company.tokens if len(w) >= 3 and w not in GENERIC_WORDS]
    if not company.number:
        for word in distinctive:
            out.append("t" + word)
        if distinctive:
            second = company.tokens[1][:1] if len(company.tokens) > 1 else ""
            out.append(f"q{phonetic(distinctive[0])}|{second}")
    for word in company.trade.split():
        if len(word) >= 3 and word not in GENERIC_WORDS:
            out.append("t" + word)
    for domain in p.domains:
        out.append("@" + domain)


def keys(p: NormParty, query: bool = False) -> list[str]:
    """The blocking keys of a party; ``query`` adds the client-side variants (swapped names)."""
    out: list[str] = []
    if p.kind == "company":
        _company_keys(p, out)
        initial = p.company.core[:1]
    else:
        _person_keys(p, out, query)
        initial = p.name.surname_key[:1]
    for email in p.emails:
        out.append("e" + email)
    for phone in p.phones:
        out.append("f" + phone)
    if p.dob:
        out.append("d" + p.dob)
    for address in p.addresses:
        if address.street_key:
            out.append("a" + address.street_key)
        if address.civic and address.compact:
            out.append(f"w{address.civic}|{address.compact[:3]}")
        if address.postal:
            out.append("y" + address.postal)
            if initial:
                out.append(f"z{address.postal}|{initial}")
    return out


class BlockIndex:
    """Contacts filed under their blocking keys."""

    def __init__(self, contacts: list[NormParty]) -> None:
        blocks: dict[str, list[int]] = {}
        for c in contacts:
            for key in set(keys(c)):
                blocks.setdefault(key, []).append(c.index)
        self._blocks = blocks

    def block(self, key: str) -> list[int]:
        """Contacts filed under ``key`` (an empty list when none)."""
        return self._blocks.get(key, [])

    def usable(self, key: str) -> list[int]:
        """The block for ``key``, or an empty list when it is over its kind's cap."""
        block = self._blocks.get(key)
        if not block or len(block) > CAPS[key[0]]:
            return []
        return block

    def candidates(self, client: NormParty) -> list[int]:
        """Indexes of the contacts sharing a usable key with ``client``, in index order.

        Exact keys (email, phone, company number, exact person or company name) come first;
        when they found someone, the other keys only add blocks of at most
        :data:`NARROW_CAP` contacts (a very specific typo key, a date of birth, a street).
        A rival that shares an identifier with the client is always found."""
        found: set[int] = set()
        fuzzy: list[str] = []
        for key in keys(client, query=True):
            if key[0] in EXACT_KINDS:
                found.update(self.usable(key))
            else:
                fuzzy.append(key)
        narrow = bool(found)
        for key in fuzzy:
            block = self.usable(key)
            if not narrow or len(block) <= NARROW_CAP:
                found.update(block)
        return sorted(found)

    def sizes(self) -> Iterator[tuple[str, int]]:
        """(key, block size) for every block, for diagnostics."""
        return ((k, len(v)) for k, v in self._blocks.items())
