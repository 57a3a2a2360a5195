"""The French catalog against the code: every text the GUI asks Qt to translate is in
``prolegis_fr.ts`` (as ``lupdate`` files it, plural forms included), finished, with the same
placeholders, in the glossary's words; and the compiled ``.qm`` is what the app loads."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop.ui import labels
from tests.ui.i18n import catalog
from tests.ui.i18n.source_texts import source_texts

_HOLDERS = re.compile(r"\{[a-z_]+\}|%L?n|%[0-9]")


def _key(context: str, source: str, disambiguation: str) -> tuple[str, str, str]:
    return (context, source, disambiguation)


def test_lupdate_can_read_every_call() -> None:
    _found, unreadable = source_texts()
    assert unreadable == [], "tr()/translate() calls lupdate cannot read (alias or no literal)"


def test_every_text_of_the_code_is_in_the_catalog() -> None:
    found, _ = source_texts()
    assert len(found) > 400
    messages = {_key(m.context, m.source, m.disambiguation): m for m in catalog.messages()}
    missing = [t for t in found if _key(t.context, t.source, t.disambiguation) not in messages]
    assert missing == [], "run scripts/build-translations --update and translate the new texts"
    wrong = [
        t for t in found if messages[_key(t.context, t.source, t.disambiguation)].plural != t.plural
    ]
    assert wrong == [], "a text is plural in the code and not in the catalog (or the reverse)"


def test_the_catalog_holds_only_texts_of_the_code() -> None:
    found, _ = source_texts()
    used = {_key(t.context, t.source, t.disambiguation) for t in found}
    stale = [
        m for m in catalog.messages() if _key(m.context, m.source, m.disambiguation) not in used
    ]
    assert stale == []


def test_every_translation_is_finished_with_french_plural_forms() -> None:
    unfinished = [(m.context, m.source) for m in catalog.messages() if not m.finished]
    assert unfinished == []
    bad_plurals = [m.source for m in catalog.messages() if m.plural and len(m.translations) != 2]
    assert bad_plurals == [], "French has two plural forms: one (0 and 1) and other"


def test_translations_keep_the_placeholders() -> None:
    problems = []
    for m in catalog.messages():
        wanted = sorted(_HOLDERS.findall(m.source))
        for i, form in enumerate(m.translations):
            got = sorted(_HOLDERS.findall(form))
            if m.plural and i == 0:  # "the selected document" may leave the number out
                wanted_here = [h for h in wanted if not h.endswith("n")]
                got = [h for h in got if not h.endswith("n")]
            else:
                wanted_here = wanted
            if got != wanted_here:
                problems.append((m.context, m.source, form))
    assert problems == []


def test_mnemonics_stay_mnemonics() -> None:
    """A text with a keyboard shortcut (&) keeps exactly one in French, and one without none."""
    problems = []
    for m in catalog.messages():
        marks = m.source.replace("&&", "").count("&")
        for form in m.translations:
            if form.replace("&&", "").count("&") != marks:
                problems.append((m.context, m.source, form))
    assert problems == []


# English → French words the staff expect (the glossary); each pair: a pattern in the source,
# a pattern its translation must have.
GLOSSARY = [
    (r"\bmatters?\b", r"dossiers?"),
    (r"\bpre-existing\b", r"existants?"),
    (r"\bhistorical\b", r"antérieurs?"),
    (r"\bpush(es|ed)?\b|\bpush\b", r"envoy|envoi"),
    (r"\bsync(ing|ed)?\b|\bin sync\b", r"synchro"),
    (r"\btime entr(y|ies)\b", r"entrées? de temps"),
    (r"\bexpenses?\b", r"dépenses?"),
    (r"\bversion conflicts?\b", r"conflits? de versions"),
    (r"\bconflicted copy\b", r"copie en conflit"),
    (r"\btrash\b", r"corbeille"),
    (r"\bsettings\b", r"paramètres"),
    (r"\bsign(ed)? in\b|\bsign-in\b", r"connect|connexion"),
    (r"^&?pause\b|\bpause syncing\b|\bpaused\b", r"suspend"),
    (r"^&?resume\b|\bresume syncing\b", r"repren"),
    (r"\blink(ed|s|ing)?\b", r"\blie|\blié|\bliez|\blien|\blier|\bliés|délier|délié"),
]
FORBIDDEN = [
    r"\bmatières?\b",  # a matter is a dossier
    r"\bpouss",  # to push is "envoyer"
    r"\bpoubelle\b",  # the trash is the "corbeille"
    r"\bpréférences\b|\bréglages\b",  # settings are "paramètres"
    r"\bsaisies? de temps\b",  # a time entry is an "entrée de temps"
    r"\bmettre en pause\b",  # to pause is "suspendre"
    r"\bs'identifier\b|\blogin\b",  # to sign in is "se connecter"
]


@pytest.mark.parametrize(("english", "french"), GLOSSARY)
def test_glossary_terms(english: str, french: str) -> None:
    wrong = []
    for m in catalog.messages():
        source = _HOLDERS.sub(" ", m.source.replace("&", ""))
        if re.search(english, source, re.IGNORECASE) and "Prolegis ⇄ Clio" not in source:
            for form in m.translations:
                if not re.search(french, form.replace("&", ""), re.IGNORECASE):
                    wrong.append((m.context, m.source, form))
    assert wrong == []


def test_no_word_outside_the_glossary() -> None:
    wrong = [
        (m.context, form)
        for m in catalog.messages()
        for form in m.translations
        for pattern in FORBIDDEN
        if re.search(pattern, form.replace("&", ""), re.IGNORECASE)
    ]
    assert wrong == []


def test_the_compiled_catalog_is_loaded(french: None) -> None:
    assert QCoreApplication.translate("Status", "In sync") == "Synchronisé"
    assert QCoreApplication.translate("Status", "%n min ago", None, 5) == "il y a 5 min"
    assert labels.Status.tr("Conflict (%n)", "", 1) == "Conflit (1)"
    assert labels.Status.tr("Conflict (%n)", "", 3) == "Conflits (3)"
    assert labels.Status.tr("%n version conflicts", "", 0) == "0 conflit de versions"
    # Qt's own texts (standard buttons) come with Qt's French catalog
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_numbers_and_sizes_follow_the_language(french: None) -> None:
    assert QLocale().language() == QLocale.Language.French
    grouped = labels.count_text(1310)
    assert grouped.replace("\u202f", " ").replace("\u00a0", " ") == "1 310"
    assert labels.file_size(3_400_000) == "3,4\u00a0Mo"
    assert labels.file_size(212_000) == "212\u00a0Ko"
