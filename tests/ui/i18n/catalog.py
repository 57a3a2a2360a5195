"""The French catalog (``prolegis_fr.ts``) as data for the tests: its messages, the words only
the English sources use (seeing one on a French screen means English was left), and the words
only the French translations use (seeing one after switching back means French was left)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache

from tests.ui.i18n.source_texts import TS

# Words French uses as they are, though the French catalog happens not to ("OK" on buttons).
SHARED_WORDS = frozenset({"ok"})
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%L?[0-9n]")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    disambiguation: str
    plural: bool
    translations: tuple[str, ...]  # one, or the plural forms
    finished: bool


@cache
def messages() -> tuple[Message, ...]:
    out: list[Message] = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            plural = message.get("numerus") == "yes"
            forms = (
                tuple(f.text or "" for f in translation.iter("numerusform"))
                if plural
                else (translation.text or "",)
            )
            finished = translation.get("type") not in ("unfinished", "vanished", "obsolete")
            out.append(
                Message(
                    name,
                    message.findtext("source", ""),
                    message.findtext("comment", ""),
                    plural,
                    forms,
                    finished and all(f.strip() for f in forms),
                )
            )
    return tuple(out)


def words(text: str) -> set[str]:
    """The words of ``text`` (lower case), placeholders and mnemonic marks left out."""
    return {w.casefold() for w in _WORD.findall(_PLACEHOLDER.sub(" ", text.replace("&", "")))}


@cache
def english_only_words() -> frozenset[str]:
    """Words of the English sources that no French translation uses ("matter", "sync", …)."""
    english: set[str] = set()
    french: set[str] = set()
    for m in messages():
        english |= words(m.source)
        for t in m.translations:
            french |= words(t)
    return frozenset(english - french - SHARED_WORDS)


@cache
def french_only_words() -> frozenset[str]:
    """Words of the French translations that no English source uses ("dossier", "lier", …)."""
    english: set[str] = set()
    french: set[str] = set()
    for m in messages():
        english |= words(m.source)
        for t in m.translations:
            french |= words(t)
    return frozenset(french - english)


@cache
def translated_sources() -> frozenset[str]:
    """English source texts whose French differs (shown as they are, they are untranslated)."""
    out = set()
    for m in messages():
        if any(t != m.source for t in m.translations):
            out.add(m.source.replace("&", ""))
    return frozenset(out)
