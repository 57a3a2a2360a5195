"""Name comparisons: persons (surname, given name, nicknames, initials, swaps) and companies
(core name, numbered-company number and jurisdiction, operating name).

Each function returns (weight in bits, flag bits) and, when given an evidence list, appends one
:class:`Evidence` item for the name.
"""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.distance import JaroWinkler, Levenshtein

from desktop.sync.matching.companies import CompanyName
from desktop.sync.matching.evidence import Evidence, Flag, Verdict
from desktop.sync.matching.frequencies import Frequencies
from desktop.sync.matching.names import PersonName
from desktop.sync.matching.normalize import NormParty

NUMBER_AGREE = 18.0
NUMBER_DIFFER = -14.0
NUMBER_OTHER_JURISDICTION = -4.0
NUMBERED_VS_NAMED = -3.0
SURNAME_DIFFER = -7.0
GIVEN_DIFFER = -6.0
MIDDLE_DIFFER = -3.0  # same first name, other middle name or compound (Jean-François/-Pierre)
COMPANY_DIFFER = -8.0
KIND_DIFFER = -4.0
FORM_AGREE = 1.0
FORM_DIFFER = -3.0

_NUMBER, _NUMBER_X = int(Flag.NUMBER), int(Flag.NUMBER_DIFFERS)
_STRONG, _CLOSE, _NAME_X, _KIND_X = (int(f) for f in (
    Flag.NAME_STRONG, Flag.NAME_CLOSE, Flag.NAME_DIFFERS, Flag.KIND_DIFFERS))

Sink = list[Evidence] | None


def title(text: str) -> str:
    """Folded words shown capitalized ("jean francois" → "Jean Francois")."""
    return " ".join(w.capitalize() for w in text.split())


def similar(a: str, b: str) -> bool:
    """A likely typo: Jaro–Winkler ≥ 0.92, or one edit between words of four letters or more
    (three when the first letters agree)."""
    if JaroWinkler.normalized_similarity(a, b) >= 0.92:
        return True
    shortest = min(len(a), len(b))
    if shortest < 3 or (shortest == 3 and a[:1] != b[:1]):
        return False
    return Levenshtein.distance(a, b, score_cutoff=1) <= 1


def emit(ev: Sink, field: str, verdict: Verdict, code: str, detail: str, weight: float,
         flags: int) -> tuple[float, int]:
    """Record one evidence item when explaining; return (weight, flags) either way."""
    if ev is not None:
        ev.append(Evidence(field, verdict, code, detail, weight))
    return weight, flags


# --- persons -------------------------------------------------------------------------------


def _surname(a: PersonName, b: PersonName, freq: Frequencies) -> tuple[str, float]:
    ka, kb = a.surname_key, b.surname_key
    if not ka or not kb:
        return "missing", 0.0
    if ka == kb:
        return "exact", freq.surname_weight(ka)
    if a.surname_core == b.surname_core:
        return "particle", freq.surname_weight(a.surname_core) - 1.0
    shared = set(a.surname_parts).intersection(b.surname_parts)
    if shared:
        return "compound", max(freq.surname_weight(p) for p in shared) - 2.5
    if similar(ka, kb):
        return "typo", max(1.0, freq.surname_weight(kb) - 4.0)
    return "different", SURNAME_DIFFER


def _given(a: PersonName, b: PersonName, freq: Frequencies) -> tuple[str, float]:
    if not a.given or not b.given:
        return "missing", 0.0
    ka, kb = a.given_key, b.given_key
    ma, mb = a.middle, b.middle
    conflict = ma and mb and not (ma.startswith(mb) or mb.startswith(ma))
    if conflict and a.given_first == b.given_first:
        return "middle_differs", MIDDLE_DIFFER
    if ka == kb or a.given_joined == b.given_joined:
        return "exact", freq.given_weight(a.given_first)
    fa, fb = a.given_first, b.given_first
    if a.initials_only or b.initials_only:
        ia, ib = a.initials, b.initials
        short, long_ = (ia, ib) if len(ia) <= len(ib) else (ib, ia)
        return ("initial", 1.5) if long_.startswith(short) else ("different", GIVEN_DIFFER)
    if fa == fb:
        return "middle", freq.given_weight(fa) - 2.5
    if a.nick_groups and not a.nick_groups.isdisjoint(b.nick_groups):
        return "nickname", min(freq.given_weight(fa), freq.given_weight(fb)) - 1.0
    if (len(ka) <= 3 and " " not in ka and ka == b.initials) or (
        len(kb) <= 3 and " " not in kb and kb == a.initials
    ):
        return "initial", 2.0
    if (
        similar(ka, kb)
        or ((fa != ka or fb != kb) and similar(fa, fb))
        or ((" " in ka or " " in kb) and similar(a.given_joined, b.given_joined))
    ):
        return "typo", max(1.0, freq.given_weight(fb) - 3.0)
    return "different", GIVEN_DIFFER


def _alternatives(a: PersonName, b: PersonName, freq: Frequencies) -> tuple[str, float] | None:
    """First and last swapped, or a whole name typed in the surname field."""
    ga, gb = a.given_joined, b.given_joined
    if ga and gb and a.surname_key and b.surname_key:
        full = freq.surname_weight(b.surname_key)
        if a.surname_key == gb and b.surname_key == ga:
            return "swapped", full + freq.given_weight(b.given_first) - 1.0
        if (
            a.surname_key[0] == gb[0]
            and b.surname_key[0] == ga[0]
            and similar(a.surname_key, gb)
            and similar(b.surname_key, ga)
        ):
            return "swapped", max(2.0, full + freq.given_weight(b.given_first) - 6.0)
    for one, other in ((a, b), (b, a)):
        if not one.given and one.surname_key and other.given and other.surname_key:
            g = other.given_joined
            if one.surname_key in (g + other.surname_key, other.surname_key + g):
                w = freq.surname_weight(other.surname_key) + freq.given_weight(other.given_first)
                return "one_field", w - 1.0
    return None


_NAME_TEXT = {
    "particle": "surname particle", "compound": "compound surname", "typo": "spelling",
    "nickname": "nickname", "initial": "initial", "middle": "middle or compound name",
    "swapped": "first and last names swapped", "one_field": "whole name in one field",
}


def person_names(a: PersonName, b: PersonName, freq: Frequencies, ev: Sink) -> tuple[float, int]:
    if a.empty or b.empty:
        return 0.0, 0
    if (
        ev is None
        and a.surname_key == b.surname_key
        and a.given_key == b.given_key
        and a.middle == b.middle
        and a.given
    ):
        return freq.surname_weight(a.surname_key) + freq.given_weight(a.given_first), _STRONG
    s_code, s_w = _surname(a, b, freq)
    g_code, g_w = _given(a, b, freq)
    if s_code in ("different", "typo", "missing") or g_code in (
        "different", "missing", "middle_differs"
    ):
        alt = _alternatives(a, b, freq)
        if alt is not None:
            if ev is not None:
                ev.append(Evidence("name", Verdict.PARTIAL, alt[0], _NAME_TEXT[alt[0]], alt[1]))
            return alt[1], _STRONG
    weight = s_w + g_w
    if s_code == "different" or g_code in ("different", "middle_differs"):
        flags = _NAME_X
    elif (s_code in ("exact", "particle") and g_code != "typo") or (
        s_code == "compound" and g_code in ("exact", "nickname", "middle")
    ):
        flags = _STRONG
    else:
        flags = _CLOSE
    if ev is not None:
        ev.append(_name_evidence(a, b, s_code, g_code, weight, flags))
    return weight, flags


def _name_evidence(a: PersonName, b: PersonName, s_code: str, g_code: str, weight: float,
                   flags: int) -> Evidence:
    parts: list[str] = []
    if flags & _NAME_X:
        if s_code == "different":
            parts.append(f"different surname {title(a.surname_key)} ≠ {title(b.surname_key)}")
        if g_code == "different":
            parts.append(f"different given name {title(a.given_key)} ≠ {title(b.given_key)}")
        if g_code == "middle_differs":
            parts.append(f"different middle name {a.middle.upper()} ≠ {b.middle.upper()}")
        return Evidence("name", Verdict.DISAGREES, "different", "; ".join(parts), weight)
    codes = []
    for code, which in ((g_code, "given"), (s_code, "surname")):
        if code in ("exact", "missing"):
            continue
        codes.append(code)
        if which == "given":
            pair = f"{title(a.given_key)} = {title(b.given_key)}"
        else:
            pair = f"{title(a.surname_key)} = {title(b.surname_key)}"
        joiner = " ≈ " if code == "typo" else " "
        parts.append(_NAME_TEXT[code] + (joiner + pair.replace(" = ", " ≈ ") if code == "typo"
                                         else " " + pair))
    if s_code == "missing" or g_code == "missing":
        codes.append("incomplete")
        parts.append("only part of the name on one side")
    if not codes:
        return Evidence("name", Verdict.AGREES, "exact", "", weight)
    return Evidence("name", Verdict.PARTIAL, codes[0], "; ".join(parts), weight)


# --- companies -----------------------------------------------------------------------------


def company_names(a: CompanyName, b: CompanyName, freq: Frequencies, ev: Sink
                   ) -> tuple[float, int]:
    if a.empty or b.empty:
        return 0.0, 0
    if a.number and b.number:
        if a.number != b.number:
            return emit(ev, "company", Verdict.DISAGREES, "number_differs",
                         f"different numbered company {a.number} ≠ {b.number}",
                         NUMBER_DIFFER, _NUMBER_X | _NAME_X)
        if a.jurisdiction and b.jurisdiction and a.jurisdiction != b.jurisdiction:
            return emit(ev, "company", Verdict.PARTIAL, "jurisdiction",
                         f"number {a.number} in {a.jurisdiction} and {b.jurisdiction}",
                         NUMBER_AGREE + NUMBER_OTHER_JURISDICTION, _CLOSE)
        return emit(ev, "company", Verdict.AGREES, "number", f"number {a.number}",
                     NUMBER_AGREE, _NUMBER | _STRONG)
    for x, y in ((a.trade, b.core), (a.core, b.trade), (a.trade, b.trade)):
        if x and x == y:
            return emit(ev, "company", Verdict.PARTIAL, "trade_name",
                         f"operating name {title(x)}", freq.company_weight(x) - 1.0, _STRONG)
    if a.number or b.number:
        return emit(ev, "company", Verdict.DISAGREES, "numbered_vs_named",
                     "a numbered company and a named one", NUMBERED_VS_NAMED, 0)
    if a.core == b.core:
        if a.form and b.form and a.form != b.form:
            return emit(ev, "company", Verdict.PARTIAL, "form",
                        f"same name, other legal form ({a.form} ≠ {b.form})",
                        freq.company_weight(a.core) + FORM_DIFFER, _CLOSE)
        bonus = FORM_AGREE if a.form and a.form == b.form else 0.0
        return emit(ev, "company", Verdict.AGREES, "exact", "",
                    freq.company_weight(a.core) + bonus, _STRONG)
    ta, tb = a.core.replace(" ", ""), b.core.replace(" ", "")
    if ta == tb:
        return emit(ev, "company", Verdict.PARTIAL, "spacing", "spacing",
                     freq.company_weight(a.core) - 1.0, _STRONG)
    sort_ratio = fuzz.token_sort_ratio(a.core, b.core)
    if sort_ratio >= 92:
        return emit(ev, "company", Verdict.PARTIAL, "typo",
                    f"spelling {title(a.core)} ≈ {title(b.core)}",
                    max(4.0, freq.company_weight(b.core) - 5.0), _CLOSE)
    if fuzz.token_set_ratio(a.core, b.core) == 100:
        return emit(ev, "company", Verdict.PARTIAL, "contains",
                     f"{title(a.core)} ⊂ {title(b.core)}", 3.0, _CLOSE)
    return emit(ev, "company", Verdict.DISAGREES, "different",
                 f"different name {title(a.core)} ≠ {title(b.core)}", COMPANY_DIFFER, _NAME_X)


def cross_kind(a: NormParty, b: NormParty, ev: Sink) -> tuple[float, int]:
    person, company = (a, b) if a.kind == "person" else (b, a)
    full = " ".join((*person.name.given, person.name.surname_key))
    weight, flags = KIND_DIFFER, _KIND_X
    if full.strip() and company.company.core and fuzz.token_sort_ratio(
        full, company.company.core
    ) >= 90:
        weight += 4.0
    if ev is not None:
        ev.append(Evidence("kind", Verdict.DISAGREES, "kind", "a person and a company", weight))
    return weight, flags
