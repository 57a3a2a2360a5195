"""Company names: legal forms, articles, "&"/"and"/"et", and numbered companies.

"Prairie Holdings Ltd.", "prairie holdings limited" and "The Prairie Holdings, Inc." share the
core "prairie holdings". A numbered company ("1234567 Alberta Ltd.", "9876-5432 Québec inc.") is
known by its number ("1234567", "98765432") and jurisdiction; its operating name after "o/a",
"operating as", "dba" or "faisant affaire sous" is kept as ``trade``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.sync.matching.text import fold, words

_FORM_CLASSES: dict[str, str] = {
    # Same legal form in English and French, abbreviated or not → one class.
    "ltd": "limited", "limited": "limited", "ltee": "limited", "limitee": "limited",
    "inc": "incorporated", "incorporated": "incorporated", "incorporee": "incorporated",
    "corp": "corporation", "corporation": "corporation",
    "llp": "llp", "l l p": "llp", "limited liability partnership": "llp",
    "sencrl": "llp", "s e n c r l": "llp",
    "lp": "lp", "limited partnership": "lp", "societe en commandite": "lp",
    "senc": "partnership", "s e n c": "partnership", "societe en nom collectif": "partnership",
    "co": "company", "cie": "company", "company": "company", "compagnie": "company",
    "pc": "professional", "p c": "professional", "professional corporation": "professional",
    "prof corp": "professional", "ulc": "ulc", "llc": "llc", "plc": "plc", "srl": "srl",
    "s r l": "srl", "sa": "sa", "sas": "sa", "gmbh": "gmbh", "societe par actions": "sa",
}
_FORMS: frozenset[tuple[str, ...]] = frozenset(tuple(f.split()) for f in _FORM_CLASSES)
_MAX_FORM = max(len(f) for f in _FORMS)
_LEADING_ARTICLES = frozenset({"the", "les", "le", "la", "l"})
_AND = {"et": "and", "n": "and"}
JURISDICTIONS: dict[tuple[str, ...], str] = {
    tuple(k.split()): v
    for k, v in {
        "alberta": "AB", "ab": "AB", "alta": "AB", "british columbia": "BC", "b c": "BC",
        "bc": "BC", "manitoba": "MB", "mb": "MB", "new brunswick": "NB", "nb": "NB",
        "nouveau brunswick": "NB", "newfoundland": "NL", "newfoundland and labrador": "NL",
        "nl": "NL", "nova scotia": "NS", "ns": "NS", "nouvelle ecosse": "NS", "ontario": "ON",
        "ont": "ON", "on": "ON", "prince edward island": "PE", "pei": "PE", "pe": "PE",
        "quebec": "QC", "qc": "QC", "que": "QC", "saskatchewan": "SK", "sask": "SK", "sk": "SK",
        "yukon": "YT", "yt": "YT", "northwest territories": "NT", "nwt": "NT", "nt": "NT",
        "nunavut": "NU", "nu": "NU", "canada": "CA", "federal": "CA",
    }.items()
}
_MAX_JUR = max(len(k) for k in JURISDICTIONS)
_NUMBERED = re.compile(r"^\s*(?:no\.?\s*|numero\s+|#\s*)?(\d[\d \-]{4,14}\d)(?![\d])(.*)$")
_TRADE = re.compile(
    r"\s(?:o/a|o\.a\.|operating as|carrying on business as|c\.o\.b\. as|cob|d/b/a|dba|doing "
    r"business as|f\.a\.s\.|faisant affaire sous(?: le nom(?: de)?)?)\s",
)
GENERIC_WORDS = frozenset(
    [
        "holdings", "holding", "group", "groupe", "services", "service", "management", "gestion",
        "enterprises", "entreprises", "entreprise", "investments", "investissements", "properties",
        "developments", "development", "consulting", "consultants", "construction", "canada",
        "canadian", "solutions", "associates", "associes", "and", "of", "de", "du", "des",
        "international", "realty", "capital", "ventures", "industries", "technologies", "systems",
        "trust", "partners", "law", "legal", "financial", "finance", "immobilier", "immobiliere",
        "agency", "agence", "corporation", "inc", "ltd", "co", "company", "media", "design",
        "marketing", "home", "homes", "north", "south", "east", "west", "western", "eastern",
        "northern", "southern", "national", "general", "global"
    ]
)


@dataclass(frozen=True, slots=True)
class CompanyName:
    """A company name in comparable form: ``core`` words joined by spaces; ``number`` and
    ``jurisdiction`` for a numbered company (else ""); ``trade`` the operating name's core;
    ``form`` the class of its legal form ("limited" for Ltd./Limited/Ltée, "" if none)."""

    core: str
    number: str = ""
    jurisdiction: str = ""
    trade: str = ""
    form: str = ""

    @property
    def tokens(self) -> tuple[str, ...]:
        """The words of the core name."""
        return tuple(self.core.split())

    @property
    def empty(self) -> bool:
        """True when nothing comparable is left."""
        return not self.core and not self.number


def _strip_forms(tokens: list[str], found: list[str] | None = None) -> list[str]:
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for size in range(min(_MAX_FORM, len(tokens) - 1), 0, -1):
            if tuple(tokens[-size:]) in _FORMS:
                if found is not None:
                    found.append(_FORM_CLASSES[" ".join(tokens[-size:])])
                del tokens[-size:]
                changed = True
                break
        while len(tokens) > 1 and tokens[-1] == "and":
            tokens.pop()
            changed = True
    return tokens


def core_words(text: str, found: list[str] | None = None) -> list[str]:
    """The core words of a company name: folded, "&"/"et" → "and", periods inside
    abbreviations removed ("S.E.N.C.R.L." → "sencrl"), leading articles and trailing legal
    forms dropped (their classes appended to ``found``)."""
    folded = fold(text).replace("&", " and ").replace("+", " and ")
    folded = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", folded)
    folded = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\.)", "", folded)
    tokens = [_AND.get(w, w) for w in words(folded)]
    while len(tokens) > 1 and tokens[0] in _LEADING_ARTICLES:
        tokens = tokens[1:]
    return _strip_forms(tokens, found)


def _jurisdiction(tokens: list[str]) -> tuple[str, list[str]]:
    for size in range(min(_MAX_JUR, len(tokens)), 0, -1):
        code = JURISDICTIONS.get(tuple(tokens[:size]))
        if code:
            return code, tokens[size:]
    return "", tokens


@lru_cache(maxsize=131_072)
def parse_company_name(text: str) -> CompanyName:
    """Normalize a company name (see the module docstring for the rules)."""
    if not text or not text.strip():
        return CompanyName("")
    folded = " " + fold(text).strip() + " "
    name, trade = folded, ""
    match = _TRADE.search(folded)
    if match:
        name, trade = folded[: match.start()], folded[match.end() :]
    trade_core = " ".join(core_words(trade)) if trade.strip() else ""
    found: list[str] = []
    numbered = _NUMBERED.match(name)
    if numbered:
        digits = re.sub(r"\D", "", numbered.group(1))
        if 6 <= len(digits) <= 10:
            tail = numbered.group(2)
            jurisdiction, rest = _jurisdiction(core_words(tail, found) if tail.strip() else [])
            rest = _strip_forms(rest, found) if rest else rest
            if not rest or all(w in GENERIC_WORDS for w in rest):
                form = found[-1] if found else ""
                return CompanyName(digits, digits, jurisdiction, trade_core, form)
            found.clear()
    core = " ".join(core_words(name, found))
    return CompanyName(core, "", "", trade_core, found[-1] if found else "")
