"""Person names: from two free-text fields to comparable parts.

Rules, in order: "Last, First" in one field is split; a whole name in one field is split
(particles such as "de la" stay with the surname); honorifics at the start (Mr, Mrs, Ms, Dr, Me,
Maître, M., Mme, …) and suffixes at the end (Jr, Sr, II, III, QC, KC, c.r., CPA, …) are dropped;
accents, case and punctuation are folded; hyphenated and spaced compound names are the same
("Jean-François" = "Jean François"); middle initials are dropped; "St"/"Ste" become
"Saint"/"Sainte"; apostrophes join ("O'Brien" = "OBrien").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from desktop.sync.matching.nicknames import groups, known_given_name
from desktop.sync.matching.text import words

HONORIFICS = frozenset(
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "dre", "me", "maitre", "m", "mme", "mlle", "mm",
        "prof", "pr", "hon", "rev", "sir", "dame", "madame", "monsieur", "mademoiselle",
        "docteur", "docteure", "lord", "lady", "judge", "justice",
    }
)
_SUFFIXES: frozenset[tuple[str, ...]] = frozenset(
    tuple(s.split())
    for s in (
        "jr", "jnr", "sr", "snr", "ii", "iii", "iv", "qc", "q c", "kc", "k c", "cr", "c r",
        "ade", "ad e", "cpa", "c p a", "ca", "c a", "cga", "cma", "fcpa", "phd", "ph d", "md",
        "m d", "esq", "llb", "ll b", "llm", "ll m", "mba", "peng", "p eng", "fils", "pere",
        "notaire", "avocat", "avocate", "lawyer",
    )
)
_MAX_SUFFIX = max(len(s) for s in _SUFFIXES)
PARTICLES = frozenset(
    {"de", "du", "des", "d", "la", "le", "van", "von", "der", "den", "da", "di", "del",
     "della", "dos", "das", "ten", "ter", "y"}
)
_SAINTS = {"st": "saint", "ste": "sainte"}


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name in comparable form.

    ``given`` holds the given-name words without middle initials; ``initials`` the first
    letters of the given words ("jf" for Jean-François or J.-F.); ``surname_key`` the whole
    surname with particles, without spaces ("delafontaine"); ``surname_core`` the same without
    particles ("fontaine"); ``surname_parts`` the words of a compound surname. The rest is
    derived once, for speed: ``given_key`` ("jean francois"), ``given_first`` ("jean"),
    ``given_joined`` ("jeanfrancois"), ``initials_only`` (the given name is only initials) and
    ``nick_groups`` (the nickname groups of the given name and of its first word).
    ``middle`` holds the initials of the given words after the first, dropped middle initials
    included ("John A." → "a", "Jean-François" → "f").
    """

    given: tuple[str, ...]
    initials: str
    surname_key: str
    surname_core: str
    surname_parts: tuple[str, ...]
    middle: str = ""
    given_key: str = field(init=False)
    given_first: str = field(init=False)
    given_joined: str = field(init=False)
    initials_only: bool = field(init=False)
    nick_groups: frozenset[int] = field(init=False)

    def __post_init__(self) -> None:
        key = " ".join(self.given)
        first = self.given[0] if self.given else ""
        object.__setattr__(self, "given_key", key)
        object.__setattr__(self, "given_first", first)
        object.__setattr__(self, "given_joined", "".join(self.given))
        object.__setattr__(self, "initials_only",
                           bool(self.initials) and all(len(g) == 1 for g in self.given))
        object.__setattr__(self, "nick_groups", groups(key) | groups(first))

    @property
    def is_initials_only(self) -> bool:
        """True when the given name is only initials ("J.", "J.-F.")."""
        return self.initials_only

    @property
    def empty(self) -> bool:
        """True when there is neither a given name nor a surname."""
        return not self.given and not self.surname_key


def _strip_suffixes(tokens: list[str]) -> list[str]:
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for size in range(min(_MAX_SUFFIX, len(tokens) - 1), 0, -1):
            if tuple(tokens[-size:]) in _SUFFIXES:
                del tokens[-size:]
                changed = True
                break
    return tokens


def _is_suffix_part(part: str) -> bool:
    tokens = list(words(part))
    if not tokens:
        return True
    i = 0
    while i < len(tokens):
        for size in range(min(_MAX_SUFFIX, len(tokens) - i), 0, -1):
            if tuple(tokens[i : i + size]) in _SUFFIXES:
                i += size
                break
        else:
            return False
    return True


def split_comma_name(text: str) -> tuple[str, str] | None:
    """"Last, First" (suffix parts ignored) → (first, last); None when there is no such comma."""
    if "," not in text:
        return None
    parts = [p for p in text.split(",") if not _is_suffix_part(p)]
    if len(parts) < 2:
        return None
    return ", ".join(parts[1:]), parts[0]


def _split_whole(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split "first … last" into given words and surname words, particles going with the
    surname ("jean de la fontaine" → [jean], [de, la, fontaine])."""
    cut = len(tokens) - 1
    while cut > 1 and tokens[cut - 1] in PARTICLES:
        cut -= 1
    return tokens[:cut], tokens[cut:]


def _strip_honorifics(tokens: list[str]) -> list[str]:
    while len(tokens) > 1 and tokens[0] in HONORIFICS:
        tokens = tokens[1:]
    return tokens


@lru_cache(maxsize=131_072)
def parse_person_name(first: str, last: str) -> PersonName:
    """Normalize a person's name given as first/last fields (either may hold the whole name)."""
    first, last = first or "", last or ""
    if not first.strip():
        split = split_comma_name(last)
        if split:
            first, last = split
    elif not last.strip():
        split = split_comma_name(first)
        if split:
            first, last = split
    given = list(words(first))
    surname = list(words(last))
    if not surname and len(given) >= 2:
        given = _strip_honorifics(given)
        given, surname = _split_whole(_strip_suffixes(given)) if len(given) >= 2 else (given, [])
    elif not given and len(surname) >= 2:
        surname = _strip_honorifics(surname)
        if len(surname) >= 2 and known_given_name(surname[0]) and surname[0] not in PARTICLES:
            given, surname = _split_whole(_strip_suffixes(surname))
    given = _strip_suffixes(_strip_honorifics(given))
    honorific_only = len(given) == 1 and given[0] in HONORIFICS and given[0] != "m"
    if honorific_only and surname and not known_given_name(given[0]):
        given = []
    surname = _strip_suffixes(_strip_honorifics(surname) if not given else surname)
    middle = ""
    if given and len(given) > 1 and not all(len(g) == 1 for g in given):
        middle = "".join(g[0] for g in given[1:])
        given = [given[0]] + [g for g in given[1:] if len(g) > 1]
    initials = "".join(g[0] for g in given)
    surname = [
        _SAINTS.get(w, w) if i + 1 < len(surname) else w for i, w in enumerate(surname)
    ]
    key = "".join(surname)
    core = "".join(w for w in surname if w not in PARTICLES) or key
    parts = tuple(w for w in surname if w not in PARTICLES and len(w) > 1)
    return PersonName(tuple(given), initials, key, core, parts, middle)
