"""The engine's sentences against the GUI's catalog: every ``msg("…")`` in ``desktop/sync``,
``desktop/clio`` (the Clio errors' ``user_template``) and ``desktop/messages.py`` (read with
``ast``) is a literal template whose keywords are its placeholders, is listed in
``desktop/ui/engine_messages.py`` (plural exactly when it has ``{n}``), and is translated —
finished, with the same placeholders in every form — in ``prolegis_fr.ts``; and
``labels.engine_text`` says each one in French, in English as the engine wrote it, and falls
back to the engine's English when it has no template or a translation does not fit."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.sync.messages import NUMBER_PARAMS, Message, fill, msg
from desktop.ui import engine_messages, labels
from tests.ui.i18n import catalog
from tests.ui.i18n.source_texts import ROOT, source_texts

ENGINE = (
    ROOT / "desktop" / "sync",
    ROOT / "desktop" / "clio",
    ROOT / "desktop" / "messages.py",
)
CONTEXT = "EngineMessages"
_NAME = re.compile(r"[a-z_]+")


@dataclass(frozen=True)
class Template:
    text: str
    keywords: tuple[str, ...]
    where: str


def _engine_templates() -> tuple[list[Template], list[str]]:
    """Every ``msg(…)`` call of the engine, and the calls that are not a literal template with
    keywords only."""
    found: list[Template] = []
    bad: list[str] = []
    paths = [p for where in ENGINE for p in (where.rglob("*.py") if where.is_dir() else [where])]
    for path in sorted(paths):
        where = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id != "msg":
                continue
            first = node.args[0] if node.args else None
            literal = isinstance(first, ast.Constant) and isinstance(first.value, str)
            if not literal or len(node.args) != 1 or any(k.arg is None for k in node.keywords):
                bad.append(f"{where}:{node.lineno}")
                continue
            assert isinstance(first, ast.Constant)
            found.append(Template(first.value, tuple(k.arg or "" for k in node.keywords), where))
    return found, bad


def placeholders(text: str) -> list[str]:
    return [name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None]


TEMPLATES, UNREADABLE = _engine_templates()


def _listed() -> dict[str, bool]:
    """The catalog's templates (``EngineMessages.tr`` in engine_messages.py) → plural."""
    found, _ = source_texts()
    return {
        t.source: t.plural
        for t in found
        if t.context == CONTEXT
        and t.where.startswith("desktop/ui/engine_messages.py")
        and t.disambiguation != "matter status"
    }


def test_every_engine_message_is_a_literal_template() -> None:
    assert UNREADABLE == [], "msg() needs a literal template and keyword parameters"
    assert len(TEMPLATES) >= 140  # log lines, notifications, failures, reasons, Clio's errors
    clio = {t.text for t in TEMPLATES if t.where.startswith("desktop/clio/")}
    assert len(clio) >= 35  # every Clio error class and every user message given when raised


def test_placeholders_are_plain_names_and_match_the_keywords() -> None:
    problems = []
    for t in TEMPLATES:
        fields = list(string.Formatter().parse(t.text))
        names = [name for _lit, name, _spec, _conv in fields if name is not None]
        if any(spec or conv for _lit, name, spec, conv in fields if name is not None):
            problems.append((t.where, t.text, "format spec or conversion"))
        if not all(_NAME.fullmatch(n) for n in names):
            problems.append((t.where, t.text, "placeholder names: lower-case letters and _"))
        if sorted(set(names)) != sorted(t.keywords) or len(set(t.keywords)) != len(t.keywords):
            problems.append((t.where, t.text, f"keywords {t.keywords}"))
    assert problems == []


def test_every_engine_template_is_in_the_catalog_and_only_those() -> None:
    listed = _listed()
    used = {t.text for t in TEMPLATES}
    missing = sorted(used - listed.keys())
    assert missing == [], "add them to desktop/ui/engine_messages.py, then build-translations"
    assert sorted(listed.keys() - used) == [], "the engine no longer writes these"
    wrong = sorted(s for s, plural in listed.items() if plural != ("n" in placeholders(s)))
    assert wrong == [], "a template is plural exactly when it has a count {n}"


def test_every_template_is_translated_with_its_placeholders() -> None:
    messages = {(m.source, m.disambiguation): m for m in catalog.messages() if m.context == CONTEXT}
    problems = []
    for t in sorted({t.text for t in TEMPLATES}):
        m = messages.get((t, ""))
        if m is None or not m.finished:
            problems.append((t, "not translated (run scripts/build-translations --update)"))
            continue
        if m.plural != ("n" in placeholders(t)):
            problems.append((t, "plural in the code and not in the catalog, or the reverse"))
        wanted = sorted(placeholders(t))
        for form in m.translations:
            if sorted(placeholders(form)) != wanted:
                problems.append((t, form))
    assert problems == []
    for word in ("open", "pending", "closed"):
        status = messages.get((word, "matter status"))
        assert status is not None and status.finished


# -- the engine's side ------------------------------------------------------------------------


def test_a_message_is_english_text_with_its_parameters() -> None:
    m = msg("Moved {old} to {new} in Clio", old="A/b.pdf", new="C/b.pdf")
    assert m == Message("Moved {old} to {new} in Clio", (("old", "A/b.pdf"), ("new", "C/b.pdf")))
    assert m.text() == str(m) == f"{m}" == "Moved A/b.pdf to C/b.pdf in Clio"
    assert msg("{n} confident matches linked", n=3).params == (("n", "3"),)
    # values are never read as templates, and a missing one cannot break the engine
    assert msg("Uploaded {path}", path="{n} {x}.pdf").text() == "Uploaded {n} {x}.pdf"
    assert msg("Uploaded {path} to {where}", path="a.pdf").text() == "Uploaded a.pdf to {where}"
    assert fill("Broken {", {}) == "Broken {"


def test_number_parameters_are_the_documented_ones() -> None:
    assert {"n", "hours", "amount"} == NUMBER_PARAMS
    numeric = {k for t in TEMPLATES for k in t.keywords if k in NUMBER_PARAMS}
    assert numeric == NUMBER_PARAMS  # each is used, so each formatting rule is exercised


# -- the GUI's side ---------------------------------------------------------------------------


def _sample(name: str, n: int) -> str:
    return {
        "n": str(n),
        "hours": "1.5",
        "amount": "245.20",
        "status": "closed",
        "old_status": "open",
        "note": ", Review title search",
        "date": "2026-11-20",
    }.get(name, f"«{name}-value»")


def _messages(n: int) -> Iterator[Message]:
    for text in sorted({t.text for t in TEMPLATES}):
        yield msg(text, **{name: _sample(name, n) for name in placeholders(text)})


def test_every_template_is_said_in_french(french: None) -> None:
    problems = []
    for n in (1, 3):
        for m in _messages(n):
            shown = labels.engine_text(m.template, m.params, m.text())
            if "{" in shown or (shown == m.text() and m.template != "{path}: {reason}"):
                problems.append((m.template, shown))
            for name, value in m.params:
                as_is = name not in NUMBER_PARAMS and name not in ("status", "old_status")
                if as_is and value not in shown:
                    problems.append((m.template, f"{name} not shown"))
    assert problems == []
    # the plural form follows n (French counts 0 and 1 as one)
    one = msg("{n} confident matches linked", n=1)
    many = msg("{n} confident matches linked", n=1310)
    assert labels.engine_text(one.template, one.params, "") == "1 correspondance sûre liée"
    shown = labels.engine_text(many.template, many.params, "").replace("\u202f", " ")
    assert shown.replace("\u00a0", " ") == "1 310 correspondances sûres liées"


def test_numbers_and_statuses_in_french(french: None) -> None:
    entry = msg(
        "Time entry {hours} h ({date}{note}) pushed to Clio",
        hours="1.5",
        date="2026-11-20",
        note=", Review title search",
    )
    assert labels.engine_text(entry.template, entry.params, "") == (
        "Entrée de temps de 1,5 h (2026-11-20, Review title search) envoyée vers Clio"
    )
    cost = msg(
        "Expense {amount} ({date}{note}) pushed to Clio", amount="1245.20", date="d", note=""
    )
    shown = labels.engine_text(cost.template, cost.params, "").replace("\u202f", "\u00a0")
    assert shown == "Dépense de 1\u00a0245,20 (d) envoyée vers Clio"
    status = msg("Status {old_status} → {status} carried to Clio", old_status="open", status="?")
    assert labels.engine_text(status.template, status.params, "") == (
        "Statut ouvert → ? reporté dans Clio"
    )


def test_english_is_the_engine_s_own_text(language: object) -> None:
    language("en")  # type: ignore[operator]
    for n in (1, 3):
        for m in _messages(n):
            shown = labels.engine_text(m.template, m.params, "fallback")
            # English plurals: "Tried 1 time(s)" reads "Tried 1 time"
            expected = m.text()
            if "(s)" in m.template:
                expected = expected.replace("(s)", "" if n == 1 else "s")
            assert shown == expected


def test_no_template_shows_the_engine_s_english(french: None) -> None:
    assert labels.engine_text("", (), "Uploaded a.pdf") == "Uploaded a.pdf"
    unknown = msg("A sentence the catalog does not know {x}", x="1")
    assert labels.engine_text(unknown.template, unknown.params, unknown.text()) == unknown.text()


class _Broken(QTranslator):
    """A translation that lost a placeholder and one that invents one."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if context != CONTEXT:
            return None
        return {
            "Uploaded {path}": "Téléversé",
            "Downloaded {path}": "Téléchargé {chemin}",
            "Moved {path} to the trash": "{path} mis à la corbeille {",
        }.get(source)

    def isEmpty(self) -> bool:
        return False


def test_a_translation_that_does_not_fit_shows_the_english(qapp: QApplication) -> None:
    broken = _Broken()
    QCoreApplication.installTranslator(broken)
    try:
        for template in ("Uploaded {path}", "Downloaded {path}", "Moved {path} to the trash"):
            m = msg(template, path="a.pdf")
            assert labels.engine_text(m.template, m.params, m.text()) == m.text()
    finally:
        QCoreApplication.removeTranslator(broken)


def test_the_catalog_runs_in_both_languages(language: object) -> None:
    language("fr")  # type: ignore[operator]
    french = engine_messages.catalog(3)
    language("en")  # type: ignore[operator]
    english = engine_messages.catalog(3)
    assert len(french) == len(english) == len(_listed())
    assert sum(f != e for f, e in zip(french, english, strict=True)) >= len(english) - 1


@pytest.mark.parametrize("status", ["open", "pending", "closed", "unknown"])
def test_status_words(french: None, status: str) -> None:
    word = engine_messages.status_word(status)
    assert word == {"open": "ouvert", "pending": "en attente", "closed": "fermé"}.get(
        status, status
    )
