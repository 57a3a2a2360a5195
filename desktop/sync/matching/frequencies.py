"""How common each name and identifier is in the contact book, turned into weights.

A surname shared by 1 % of the book says less than a rare one: agreement on a value is worth
log2(m / f) bits, where f is the value's frequency (Fellegi–Sunter). Each frequency is smoothed
toward a typical one, ``f = (count + P·typical) / (book size + P)`` with :data:`PSEUDO_COUNT`
P: a small book knows little, so "Robert" in a book of ten is still a common name, while a large
book speaks for itself. Identifiers (emails, phones) shared by several contacts lose
log2(count) bits: a household's or an office's shared line proves less.

The prior odds that a given client–contact pair is a match are about
:data:`COUNTERPART_SHARE` / book size: in a larger book a client is likelier to meet a namesake
by chance, so the same evidence is worth less. :attr:`Frequencies.prior_bits` carries that, and
a candidate's score is the posterior (prior + evidence), comparable across book sizes.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from desktop.sync.matching.normalize import NormParty

MIN_POPULATION = 2000
"""A book counts as at least this many contacts for the prior and identifier weights."""
PSEUDO_COUNT = 2000
"""How many contacts' worth of typical frequency each value's frequency starts from."""
TYPICAL_SURNAME = 1 / 2000
TYPICAL_GIVEN = 1 / 200
TYPICAL_STREET = 1 / 50000
TYPICAL_POSTAL = 1 / 1000
TYPICAL_CITY = 1 / 20
TYPICAL_EXTRA = 1 / 1000
COMPANY_FLOOR = 1 / 200000
COMPANY_PSEUDO_COUNT = 0.05
"""Other companies assumed to bear a core name the book holds once (leave-one-out)."""
M_PROBABILITY = 0.95
COUNTERPART_SHARE = 0.5
"""Share of clients assumed to have a contact until one is estimated (0.5 = no opinion)."""


class Frequencies:
    """Value counts over a contact book, and the agreement weights derived from them."""

    def __init__(self, parties: Iterable[NormParty], share: float = COUNTERPART_SHARE) -> None:
        self.surnames: Counter[str] = Counter()
        self.givens: Counter[str] = Counter()
        self.companies: Counter[str] = Counter()
        self.emails: Counter[str] = Counter()
        self.phones: Counter[str] = Counter()
        self.streets: Counter[str] = Counter()
        self.postals: Counter[str] = Counter()
        self.cities: Counter[str] = Counter()
        self.extras: Counter[tuple[str, str]] = Counter()
        size = 0
        for p in parties:
            size += 1
            if p.name.surname_key:
                self.surnames[p.name.surname_key] += 1
                for part in p.name.surname_parts:
                    if part != p.name.surname_key:
                        self.surnames[part] += 1
            if p.name.given:
                self.givens[p.name.given_first] += 1
            if p.kind == "company" and p.company.core:
                self.companies[p.company.core] += 1
            self.emails.update(p.emails)
            self.phones.update(p.phones)
            for a in p.addresses:
                if a.street_key:
                    self.streets[a.street_key] += 1
                if a.postal:
                    self.postals[a.postal] += 1
                if a.city:
                    self.cities[a.city] += 1
            self.extras.update(p.extra.items())
        self.size = size
        self._population = max(size, MIN_POPULATION)
        self.share = share
        self.prior_bits = 0.0
        """Log2 prior odds that one client–contact pair is a match."""
        self.set_share(share)
        self.population_bits = math.log2(self._population)
        """Log2 of the book size: what agreeing on a value unique in the book is worth."""
        self._caches: tuple[dict[str, float], ...] = tuple({} for _ in range(7))

    def _weight(self, table: int, count: int, value: str, typical: float, low: float,
                high: float) -> float:
        cache = self._caches[table]
        cached = cache.get(value)
        if cached is None:
            freq = (count + PSEUDO_COUNT * typical) / (self.size + PSEUDO_COUNT)
            cached = cache[value] = min(high, max(low, math.log2(M_PROBABILITY / freq)))
        return cached

    def surname_weight(self, surname: str) -> float:
        """Bits for an exact surname agreement (3 to 15)."""
        cached = self._caches[0].get(surname)
        if cached is None:
            cached = self._weight(0, self.surnames.get(surname, 0), surname, TYPICAL_SURNAME,
                                  3.0, 15.0)
        return cached

    def given_weight(self, given: str) -> float:
        """Bits for an exact given-name agreement (2 to 11)."""
        cached = self._caches[1].get(given)
        if cached is None:
            cached = self._weight(1, self.givens.get(given, 0), given, TYPICAL_GIVEN, 2.0, 11.0)
        return cached

    def company_weight(self, core: str) -> float:
        """Bits for an exact company core-name agreement (6 to 18). Registered names are
        distinct within a registry, so the frequency counts the *other* companies of the book
        with that core (plus a small pseudo-count), not the candidate itself."""
        cache = self._caches[2]
        cached = cache.get(core)
        if cached is None:
            others = max(self.companies.get(core, 0) - 1, COMPANY_PSEUDO_COUNT)
            freq = max(others / self._population, COMPANY_FLOOR)
            cached = cache[core] = min(18.0, max(6.0, math.log2(M_PROBABILITY / freq)))
        return cached

    def set_share(self, share: float) -> None:
        """Set the share of clients that have a contact, and with it the prior."""
        if not 0.0 < share < 1.0:
            raise ValueError(f"the share of clients with a contact must be in (0, 1): {share}")
        self.share = share
        self.prior_bits = math.log2(share / self._population)

    def street_weight(self, street_key: str) -> float:
        """Bits for agreeing on a civic number and street (3 to 14)."""
        return self._weight(3, self.streets.get(street_key, 0), street_key, TYPICAL_STREET,
                            3.0, 14.0)

    def postal_weight(self, postal: str) -> float:
        """Bits for agreeing on a postal code (2 to 12; a code covers a block face)."""
        return self._weight(4, self.postals.get(postal, 0), postal, TYPICAL_POSTAL, 2.0, 12.0)

    def city_weight(self, city: str) -> float:
        """Bits for agreeing on a city (0.5 to 6)."""
        return self._weight(5, self.cities.get(city, 0), city, TYPICAL_CITY, 0.5, 6.0)

    def extra_weight(self, field: str, value: str) -> float:
        """Bits for agreeing on an extra field's value (1 to 12), from its frequency."""
        return self._weight(6, self.extras.get((field, value), 0), f"{field}\0{value}",
                            TYPICAL_EXTRA, 1.0, 12.0)

    def identifier_weight(self, share: int, bonus: float) -> float:
        """Bits for agreeing on an email or phone that ``share`` contacts carry: a unique
        identifier is worth about log2(book size) plus ``bonus`` (it is rarer than any name);
        every doubling of the share costs a bit."""
        return self.population_bits + bonus - (max(share, 1) - 1).bit_length()

    def email_share(self, email: str) -> int:
        """How many contacts carry this email."""
        return self.emails.get(email, 0)

    def phone_share(self, phone: str) -> int:
        """How many contacts carry this phone number."""
        return self.phones.get(phone, 0)
