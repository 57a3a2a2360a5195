"""Postal addresses in comparable form.

Postal codes lose spaces and case ("t2p 1j9" → "T2P1J9"); provinces become their two-letter
code from the code or the English or French name ("Québec", "Colombie-Britannique" → "QC",
"BC"); the street becomes a civic number, a unit ("1200-555 4th Ave SW" and "555 4th Ave SW,
Suite 1200" are civic 555, unit 1200) and the street's name words, without the street type
(St/Street/Rue/Ave/…) or a trailing direction (SW, Ouest, …); "4e avenue" = "4th Avenue".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.sync.matching.records import Address
from desktop.sync.matching.text import fold, words

PROVINCES: dict[str, str] = {
    **{c.lower(): c for c in [
        "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"
    ]},
    "alberta": "AB", "alta": "AB", "british columbia": "BC", "colombie britannique": "BC",
    "manitoba": "MB", "man": "MB", "new brunswick": "NB", "nouveau brunswick": "NB",
    "newfoundland": "NL", "newfoundland and labrador": "NL", "terre neuve": "NL",
    "terre neuve et labrador": "NL", "nf": "NL", "nfld": "NL", "nova scotia": "NS",
    "nouvelle ecosse": "NS", "northwest territories": "NT", "territoires du nord ouest": "NT",
    "nwt": "NT", "nunavut": "NU", "ontario": "ON", "ont": "ON",
    "prince edward island": "PE", "ile du prince edouard": "PE", "pei": "PE",
    "quebec": "QC", "que": "QC", "pq": "QC", "saskatchewan": "SK", "sask": "SK",
    "yukon": "YT", "yukon territory": "YT", "yk": "YT",
}
COUNTRIES = {"ca": "CA", "can": "CA", "canada": "CA", "us": "US", "usa": "US",
             "united states": "US", "united states of america": "US", "etats unis": "US"}
_STREET_TYPES = frozenset(
    [
        "street", "st", "str", "rue", "avenue", "ave", "av", "boulevard", "blvd", "boul", "bd",
        "road", "rd", "chemin", "ch", "drive", "dr", "crescent", "cres", "court", "crt", "ct",
        "place", "pl", "lane", "ln", "terrace", "terr", "tce", "highway", "hwy", "route", "rte",
        "parkway", "pkwy", "circle", "cir", "trail", "trl", "way", "square", "sq", "close", "gate",
        "gardens", "gdns", "grove", "heights", "hts", "mews", "park", "point", "ridge", "row",
        "rang", "montee", "impasse", "allee", "promenade", "prom", "landing", "bay", "cove",
        "circuit"
    ]
)
_DIRECTIONS = frozenset([
    "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west", "nord", "sud",
    "est", "ouest", "o"
])
_DIRECTION_CODES = {"north": "n", "south": "s", "east": "e", "west": "w", "nord": "n",
                    "sud": "s", "est": "e", "ouest": "w"}
_BOX = re.compile(r"\b(?:p\s*o\s*box|box|c\s*p|case postale)\s*(\d+)\b")
_TYPE_CODES = {
    long_: short
    for short, longs in {
        "st": "street str", "ave": "avenue av", "blvd": "boulevard boul bd", "rd": "road",
        "dr": "drive", "cres": "crescent cr", "crt": "court ct", "pl": "place", "ln": "lane",
        "terr": "terrace tce", "hwy": "highway", "ch": "chemin", "rte": "route",
        "pkwy": "parkway", "cir": "circle", "trl": "trail", "sq": "square", "gdns": "gardens",
        "hts": "heights",
    }.items()
    for long_ in longs.split()
}
_UNIT_MARKERS = frozenset([
    "suite", "unit", "apt", "app", "appt", "appartement", "bureau", "ste", "local", "room", "rm"
])
_ORDINALS = {
    "first": "1st", "1er": "1st", "1re": "1st", "second": "2nd", "2e": "2nd", "2eme": "2nd",
    "third": "3rd", "3e": "3rd", "3eme": "3rd", "fourth": "4th", "fifth": "5th",
    "sixth": "6th", "seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th",
}
_ORDINAL_FR = re.compile(r"^(\d+)(?:e|eme|ieme)$")
_NUMBERISH = re.compile(r"^\d+[a-z]?$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th|e|er|re|eme|ieme)$")
_SAINTS = {"st": "saint", "ste": "sainte"}


@dataclass(frozen=True, slots=True)
class NormAddress:
    """An address in comparable form; empty strings for what is unknown."""

    civic: str
    unit: str
    street: str
    city: str
    province: str
    postal: str
    country: str
    compact: str = ""
    """The street's words with their type and no spaces ("osburndrive"), for typo checks."""

    @property
    def street_key(self) -> str:
        """Civic number and street name ("12 elm"), or "" when either is missing."""
        return f"{self.civic} {self.street}" if self.civic and self.street else ""

    @property
    def empty(self) -> bool:
        """True when nothing comparable is known."""
        return not (self.street or self.city or self.postal)


@lru_cache(maxsize=65_536)
def normalize_postal(raw: str) -> str:
    """"t2p 1j9" → "T2P1J9"; other countries' codes lose spaces and dashes."""
    return re.sub(r"[^A-Z0-9]", "", fold(raw or "").upper())


@lru_cache(maxsize=4096)
def normalize_province(raw: str) -> str:
    """A province's two-letter code from its code or English/French name; else the text."""
    key = " ".join(words(raw or ""))
    return PROVINCES.get(key, key.upper())


@lru_cache(maxsize=65_536)
def normalize_city(raw: str) -> str:
    """Folded city name, "St"/"Ste" spelled out ("Ste-Foy" → "sainte foy")."""
    ws = words(raw or "")
    return " ".join(_SAINTS.get(w, w) if i + 1 < len(ws) else w for i, w in enumerate(ws))


def parse_street(raw: str) -> tuple[str, str, str]:
    """A street line → (civic number, unit, street name words)."""
    civic, unit, name, _ = parse_street_full(raw)
    return civic, unit, name


@lru_cache(maxsize=131_072)
def parse_street_full(raw: str) -> tuple[str, str, str, str]:
    """A street line → (civic number, unit, street name words, compact form with the type)."""
    text = fold(raw or "").replace("#", " unit ")
    box = _BOX.search(" ".join(words(text)))
    if box:
        return "box" + box.group(1), "", "", ""
    tokens = list(words(text))
    unit = ""
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if tok in _UNIT_MARKERS and _NUMBERISH.match(nxt):
            unit = nxt
            i += 2
            continue
        kept.append(tok)
        i += 1
    civic = ""
    if (
        len(kept) > 2
        and _NUMBERISH.match(kept[0])
        and _NUMBERISH.match(kept[1])
        and not _ORDINAL.match(kept[1])
    ):
        unit, civic, kept = unit or kept[0], kept[1], kept[2:]
    elif kept and _NUMBERISH.match(kept[0]):
        civic, kept = kept[0], kept[1:]
    name = [_ORDINALS.get(t, t) for t in kept]
    name = [(m.group(1) + "th" if (m := _ORDINAL_FR.match(t)) else t) for t in name]
    while len(name) > 1 and name[-1] in _DIRECTIONS:
        name.pop()
    name = [_DIRECTION_CODES.get(t, t) if j == 0 else t for j, t in enumerate(name)]
    if name and name[0] in _SAINTS and len(name) > 1:
        name[0] = _SAINTS[name[0]]
    compact = "".join(_TYPE_CODES.get(t, t) if j else t for j, t in enumerate(name))
    name = [t for j, t in enumerate(name) if t not in _STREET_TYPES or (j == 0 and t == "rang")]
    name = [_SAINTS.get(t, t) for t in name]
    return civic, unit, " ".join(name), compact


def normalize_address(address: Address) -> NormAddress:
    """The comparable form of an :class:`Address`."""
    civic, unit, street, compact = parse_street_full(address.street)
    country_key = " ".join(words(address.country))
    return NormAddress(
        civic=civic,
        unit=unit,
        street=street,
        city=normalize_city(address.city),
        province=normalize_province(address.province),
        postal=normalize_postal(address.postal_code),
        country=COUNTRIES.get(country_key, country_key.upper()),
        compact=compact,
    )
