"""Text primitives shared by the normalizers: accent folding, tokenizing and a phonetic key.

Everything here is pure and cached, because the same names and words recur across a contact
book: folding "Tremblay" once serves every Tremblay.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPECIAL = str.maketrans(
    {
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o",
        "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "þ": "th", "ı": "i",
        "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'",
        "–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-",
    }
)


@lru_cache(maxsize=262_144)
def fold(text: str) -> str:
    """Lower-case ``text`` and remove accents (NFKD), expanding ligatures: "Côté" → "cote"."""
    folded = text.translate(_SPECIAL)
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded.lower()


_APOSTROPHE = re.compile(r"(?<=[a-z])'(?=[a-z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=262_144)
def words(text: str) -> tuple[str, ...]:
    """Fold ``text`` and split it into words; apostrophes inside a word join it
    ("O'Brien" → "obrien"), hyphens, dots and other punctuation separate."""
    folded = _APOSTROPHE.sub("", fold(text))
    return tuple(w for w in _NON_WORD.split(folded) if w)


_PHONETIC_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"e?aults?$|e?aux?$|eau|au", "o"),
        (r"([a-z])(?:t|d|s|x|z)$", r"\1"),
        (r"ph", "f"),
        (r"qu|ck|q", "k"),
        (r"sch|ch|sh", "s"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),
        (r"x", "ks"),
        (r"z", "s"),
        (r"w", "v"),
        (r"y", "i"),
        (r"gh", "g"),
        (r"h", ""),
    )
)
_VOWELS = re.compile(r"[aeiou]+")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=262_144)
def phonetic(word: str) -> str:
    """A coarse English/French sound key for blocking ("Thibault", "Thibeault", "Thibeau" →
    "tb"): first sound, then the consonant skeleton, at most 5 letters."""
    w = "".join(ch for ch in fold(word) if "a" <= ch <= "z")
    if not w:
        return ""
    for pattern, repl in _PHONETIC_RULES:
        w = pattern.sub(repl, w)
    if not w:
        return ""
    head, tail = w[0], _VOWELS.sub("", w[1:])
    return _REPEATS.sub(r"\1", head + tail)[:5]
