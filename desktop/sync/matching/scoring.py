"""Compare a client with a contact, field by field: a weight in bits, band flags, evidence.

Each field adds or removes bits (log-likelihood ratios in the Fellegi–Sunter sense, with name
weights taken from the book's own frequencies, see :mod:`frequencies`). The score shown to the
user is the logistic of the posterior log-odds, prior (from the book size, see
:mod:`frequencies`) plus evidence: ``100 / (1 + 2 ** -bits)``, so 50 means "as likely as not"
and every bit above that halves the odds of a wrong link. Disagreeing strong
identifiers (both sides have emails and share none, the same for phones, two numbered companies
with different numbers, different dates of birth) pull the total down hard.

For speed the same function runs without evidence (``explain=False``) on every candidate from
blocking, and with evidence only for the few shown to the user.
"""

from __future__ import annotations

import math

from rapidfuzz.distance import Levenshtein

from desktop.sync.matching.addresses import NormAddress
from desktop.sync.matching.evidence import Evidence, Flag, Verdict
from desktop.sync.matching.frequencies import Frequencies
from desktop.sync.matching.normalize import NormParty
from desktop.sync.matching.scoring_names import (
    Sink,
    company_names,
    cross_kind,
    emit,
    person_names,
    similar,
    title,
)

# Weights in bits (see docs/matching.md for the reasoning).
EMAIL_AGREE_BONUS = 4.0
EMAIL_DIFFER = -5.0
EMAIL_DIFFER_COMPANY = -3.0  # a company has many mailboxes (info@, billing@, people's own)
EMAIL_SAME_DOMAIN_PERSON = 1.0
EMAIL_SAME_DOMAIN_COMPANY = 3.0
PHONE_AGREE_BONUS = 2.0
PHONE_DIFFER = -3.0
DOB_AGREE = 13.0
DOB_CLOSE = 2.0
DOB_PARTLY = -1.0  # two of year/month/day agree, or two digits differ: a typo or a relative
DOB_DIFFER = -8.0
EMPLOYER_AGREE = 1.5
ADDRESS_EXTRA_PART = 1.0
EXTRA_CLOSE = 0.5
EXTRA_DIFFER = -1.0

_EMAIL, _PHONE, _ADDRESS, _DOB = (int(f) for f in (
    Flag.EMAIL, Flag.PHONE, Flag.ADDRESS, Flag.DOB))
_EMAIL_X, _PHONE_X, _DOB_X = (int(f) for f in (
    Flag.EMAIL_DIFFERS, Flag.PHONE_DIFFERS, Flag.DOB_DIFFERS))


def score_from_bits(bits: float) -> float:
    """The 0–100 score for posterior log2-odds (prior + evidence): 0 bits → 50."""
    exponent = max(-60.0, min(60.0, -bits))
    return 100.0 / (1.0 + math.exp2(exponent))


# --- identifiers ---------------------------------------------------------------------------


def _emails(a: NormParty, b: NormParty, freq: Frequencies, ev: Sink) -> tuple[float, int]:
    if not a.emails or not b.emails:
        return 0.0, 0
    shared = a.emails & b.emails
    if shared:
        email = min(shared)
        share = max(1, freq.email_share(email))
        detail = f"shared by {share} contacts" if share > 1 else ""
        weight = freq.identifier_weight(share, EMAIL_AGREE_BONUS)
        return emit(ev, "email", Verdict.AGREES, "exact", detail, weight, _EMAIL)
    domains = a.domains & b.domains
    if domains:
        weight = EMAIL_SAME_DOMAIN_COMPANY if a.kind == "company" else EMAIL_SAME_DOMAIN_PERSON
        return emit(ev, "email", Verdict.PARTIAL, "domain", f"same domain {min(domains)}",
                     weight, 0)
    weight = EMAIL_DIFFER_COMPANY if a.kind == "company" == b.kind else EMAIL_DIFFER
    return emit(ev, "email", Verdict.DISAGREES, "different", "different address", weight,
                _EMAIL_X)


def _phones(a: NormParty, b: NormParty, freq: Frequencies, ev: Sink) -> tuple[float, int]:
    if not a.phones or not b.phones:
        return 0.0, 0
    shared = a.phones & b.phones
    if shared:
        phone = min(shared)
        share = max(1, freq.phone_share(phone))
        detail = f"shared by {share} contacts" if share > 1 else ""
        weight = freq.identifier_weight(share, PHONE_AGREE_BONUS)
        return emit(ev, "phone", Verdict.AGREES, "exact", detail, weight, _PHONE)
    return emit(ev, "phone", Verdict.DISAGREES, "different", "different number",
                 PHONE_DIFFER, _PHONE_X)


def _address_pair(x: NormAddress, y: NormAddress, freq: Frequencies
                  ) -> tuple[float, bool, list[str]]:
    """Weight, whether the street address agrees, and what agreed/disagreed. The parts of an
    address are correlated, so agreement counts the most telling agreeing part in full and
    each further one for :data:`ADDRESS_EXTRA_PART` bits."""
    parts: list[float] = []
    penalty, agrees, notes = 0.0, False, []
    street_ok = postal_ok = city_ok = False
    if x.civic and y.civic and x.street and y.street:
        if x.civic == y.civic and x.street == y.street:
            if x.unit and y.unit and x.unit != y.unit:
                parts.append(2.0)
                notes.append("same building, other unit")
            else:
                street_ok = True
                parts.append(freq.street_weight(x.street_key))
                notes.append("street ✓")
        elif x.civic == y.civic and (similar(x.street, y.street) or similar(x.compact, y.compact)):
            parts.append(3.0)
            notes.append("street ~")
        else:
            penalty -= 1.0
            notes.append("street ✗")
    elif x.street and y.street and (x.civic == y.civic or not x.civic or not y.civic) and (
        x.street == y.street or similar(x.compact, y.compact)
    ):
        parts.append(2.0)
        notes.append("street ~")
    if x.postal and y.postal:
        postal_ok = x.postal == y.postal
        if postal_ok:
            parts.append(freq.postal_weight(x.postal))
            notes.append("postal code ✓")
        else:
            penalty -= 1.0
            notes.append("postal code ✗")
    if x.city and y.city:
        city_ok = x.city == y.city or similar(x.city, y.city)
        if city_ok:
            parts.append(freq.city_weight(x.city))
            notes.append("city ✓")
        else:
            penalty -= 0.5
            if x.province and y.province and x.province != y.province:
                penalty -= 0.5
            notes.append("city ✗")
    agrees = street_ok and (
        postal_ok or city_ok or (not (x.postal and y.postal) and not (x.city and y.city))
    )
    weight = penalty + (max(parts) + ADDRESS_EXTRA_PART * (len(parts) - 1) if parts else 0.0)
    return weight, agrees, notes


def _addresses(a: NormParty, b: NormParty, freq: Frequencies, ev: Sink) -> tuple[float, int]:
    if not a.addresses or not b.addresses:
        return 0.0, 0
    best: tuple[float, bool, list[str]] | None = None
    for x in a.addresses:
        for y in b.addresses:
            result = _address_pair(x, y, freq)
            if best is None or result[0] > best[0]:
                best = result
    assert best is not None
    weight, agrees, notes = best
    if not notes:
        return 0.0, 0
    if agrees:
        verdict = Verdict.AGREES
    elif weight > 0:
        verdict = Verdict.PARTIAL
    else:
        verdict = Verdict.DISAGREES
    code = "street" if agrees else ("nearby" if weight > 0 else "different")
    return emit(ev, "address", verdict, code, ", ".join(notes), weight,
                 _ADDRESS if agrees else 0)


def _dates(a: NormParty, b: NormParty, ev: Sink) -> tuple[float, int]:
    x, y = a.dob, b.dob
    if not x or not y:
        return 0.0, 0
    if x == y:
        return emit(ev, "date_of_birth", Verdict.AGREES, "exact", "", DOB_AGREE, _DOB)
    full = len(x) == 8 == len(y)
    swapped = full and x[:4] == y[:4] and x[4:6] == y[6:] and x[6:] == y[4:6]
    if swapped or Levenshtein.distance(x, y, score_cutoff=1) <= 1:
        return emit(ev, "date_of_birth", Verdict.PARTIAL, "typo",
                    "day and month swapped" if swapped else "one digit differs", DOB_CLOSE, 0)
    parts = (x[:4] == y[:4]) + (x[4:6] == y[4:6]) + (x[6:] == y[6:]) if full else 0
    if parts == 2 or Levenshtein.distance(x, y, score_cutoff=2) <= 2:
        return emit(ev, "date_of_birth", Verdict.PARTIAL, "partly", "partly different",
                    DOB_PARTLY, 0)
    return emit(ev, "date_of_birth", Verdict.DISAGREES, "different", "different date",
                 DOB_DIFFER, _DOB_X)


def _extras(a: NormParty, b: NormParty, freq: Frequencies, ev: Sink) -> float:
    total = 0.0
    for key, x in a.extra.items():
        y = b.extra.get(key)
        if not y:
            continue
        if x == y:
            weight = freq.extra_weight(key, x)
            total += emit(ev, key, Verdict.AGREES, "exact", "", weight, 0)[0]
        elif x.replace(" ", "") == y.replace(" ", ""):
            weight = freq.extra_weight(key, y) - 0.5
            total += emit(ev, key, Verdict.PARTIAL, "spacing", f"{x} ≈ {y}", weight, 0)[0]
        elif similar(x, y):
            weight = max(EXTRA_CLOSE, freq.extra_weight(key, y) - 4.0)
            total += emit(ev, key, Verdict.PARTIAL, "typo", f"{x} ≈ {y}", weight, 0)[0]
        else:
            total += emit(ev, key, Verdict.DISAGREES, "different", "", EXTRA_DIFFER, 0)[0]
    return total


def _employer(a: NormParty, b: NormParty, ev: Sink) -> float:
    x, y = a.company, b.company
    if x.empty or y.empty or x.core != y.core:
        return 0.0
    return emit(ev, "company", Verdict.PARTIAL, "employer", f"same employer {title(x.core)}",
                 EMPLOYER_AGREE, 0)[0]


# --- the comparison ------------------------------------------------------------------------


NameCache = dict[int, tuple[float, int]]
"""Name results for one client, by ``id`` of the contact's name object (namesakes share it)."""


def compare(a: NormParty, b: NormParty, freq: Frequencies, explain: bool = False,
            cache: NameCache | None = None) -> tuple[float, int, list[Evidence]]:
    """Compare client ``a`` with contact ``b``: (posterior log2-odds, :class:`Flag` bits,
    evidence). Evidence is only built when ``explain`` is true; the rest is the same.
    ``cache`` (one per client) reuses name comparisons across namesake contacts.
    """
    ev: Sink = [] if explain else None
    if a.kind == "person" and b.kind == "person":
        if cache is not None and ev is None:
            key = id(b.name)
            hit = cache.get(key)
            if hit is None:
                hit = cache[key] = person_names(a.name, b.name, freq, None)
            weight, flags = hit
        else:
            weight, flags = person_names(a.name, b.name, freq, ev)
        if not a.company.empty and not b.company.empty:
            weight += _employer(a, b, ev)
    elif a.kind == "company" and b.kind == "company":
        weight, flags = company_names(a.company, b.company, freq, ev)
    else:
        weight, flags = cross_kind(a, b, ev)
    if a.emails and b.emails:
        w, f = _emails(a, b, freq, ev)
        weight, flags = weight + w, flags | f
    if a.phones and b.phones:
        w, f = _phones(a, b, freq, ev)
        weight, flags = weight + w, flags | f
    if a.addresses and b.addresses:
        w, f = _addresses(a, b, freq, ev)
        weight, flags = weight + w, flags | f
    if a.dob and b.dob:
        w, f = _dates(a, b, ev)
        weight, flags = weight + w, flags | f
    if a.extra and b.extra:
        weight += _extras(a, b, freq, ev)
    return weight + freq.prior_bits, flags, ev if ev is not None else []
