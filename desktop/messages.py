"""Sentences as templates: what the app tells a user, kept as an English template with named
parameters so the GUI can say it in the user's language, while logs, ``status``, the command
line and the history table keep the English text. Qt-free and importing nothing of the app, so
the Clio client (its errors' messages) and the engine (its log lines, notifications, failed
commands and the reasons of a pass) both write them; ``desktop.sync.messages`` re-exports it.

    msg("Uploaded {path}", path=rel)                  # Message; .text() == "Uploaded a.pdf"
    msg("You confirmed creating {n} new Clio matters", n=3)
    msg("{path}: {reason}", path=rel, reason=exc.user_template)   # a message inside a message

Rules (``tests/ui/i18n/test_engine_messages.py`` reads every ``msg("…")`` of ``desktop/sync``,
``desktop/clio`` and this module with ``ast`` and checks them against the GUI's catalog,
``desktop/ui/engine_messages.py``):

* the template is a string literal, plain English, with ``{name}`` placeholders only (lower-case
  names, no format specs); the keywords given are exactly its placeholders;
* a count is the parameter ``n`` (the GUI picks the plural form from it and groups its digits);
  ``hours`` and ``amount`` are decimals (the GUI writes them with the locale's decimal mark);
  any other parameter is shown as it is (ids, paths, names, the reason of an error);
* a free-form reason (an exception's text, Clio's own words) is a parameter, never the template:
  the template is what gets translated. A reason that is itself a :class:`Message` (a Clio
  error's ``user_template``) is kept whole — its English text as the parameter, and beside it
  its template and parameters under ``name:`` keys — so the GUI translates it too
  (:func:`nested`).
"""

from __future__ import annotations

import string
from dataclasses import dataclass

NUMBER_PARAMS = frozenset({"n", "hours", "amount"})
"""Parameters the GUI formats as numbers: ``n`` (a count, which also picks the plural form),
``hours`` and ``amount`` (decimals)."""

Params = tuple[tuple[str, str], ...]

NESTED = ":"
"""Joins a parameter's name to the keys of the message it holds (``reason:`` its template,
``reason:path`` its ``path``); a placeholder name never contains it."""

VERBATIM = "{text}"
"""The template of :func:`verbatim`: a text no catalog knows, shown as it is."""


class _Keep(dict[str, str]):
    """Format values that leave an unknown placeholder as it was (never a KeyError)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, params: Params | dict[str, str]) -> str:
    """``template`` with its ``{name}`` placeholders replaced by ``params``; an unknown name or a
    malformed template leaves the text as it is rather than failing."""
    try:
        return string.Formatter().vformat(template, (), _Keep(dict(params)))
    except (ValueError, IndexError, AttributeError, TypeError):
        return template


@dataclass(frozen=True)
class Message:
    """An English sentence as a template and its parameters (all rendered as text)."""

    template: str
    params: Params = ()

    def text(self) -> str:
        """The English sentence (what logs, ``status``, the CLI and the history table show)."""
        return fill(self.template, self.params)

    def english(self) -> str:
        """The English sentence with its plural chosen by ``n`` ("1 minute", "3 minutes" for
        ``{n} minute(s)``): what a person reads on the command line."""
        shown = self.text()
        count = dict(self.params).get("n")
        if "{n}" not in self.template or count is None or "(s)" not in self.template:
            return shown
        return shown.replace("(s)", "" if count.strip() == "1" else "s")

    def __str__(self) -> str:
        return self.text()


def msg(template: str, **params: object) -> Message:
    """A :class:`Message`: ``template`` (a literal; see the module docstring) and its
    parameters, each rendered with ``str`` (numbers stay digits for the GUI to format); a
    parameter that is a :class:`Message` is kept whole (see :func:`nested`)."""
    out: list[tuple[str, str]] = []
    for name, value in params.items():
        if isinstance(value, Message):
            out.append((name, value.english()))
            out.append((name + NESTED, value.template))
            out.extend((name + NESTED + key, v) for key, v in value.params)
        else:
            out.append((name, str(value)))
    return Message(template, tuple(out))


def nested(params: Params | dict[str, str], name: str) -> Message | None:
    """The :class:`Message` the parameter ``name`` holds (given to :func:`msg` as a message),
    or None when it is plain text."""
    items = tuple(params.items()) if isinstance(params, dict) else params
    prefix = name + NESTED
    template = next((v for k, v in items if k == prefix), None)
    if template is None:
        return None
    inner = tuple((k[len(prefix) :], v) for k, v in items if k.startswith(prefix) and k != prefix)
    return Message(template, inner)


def verbatim(text: str) -> Message:
    """A :class:`Message` that says ``text`` as it is, in every language (a text that has no
    template: an older caller's plain string, a technical detail)."""
    return Message(VERBATIM, (("text", text),))


def text_of(message: str | Message) -> str:
    """The English text of a plain string or a :class:`Message`."""
    return message.text() if isinstance(message, Message) else message


def template_of(message: str | Message) -> tuple[str, Params]:
    """``(template, params)`` of a :class:`Message`; ``("", ())`` for a plain string."""
    if isinstance(message, Message):
        return message.template, message.params
    return "", ()


def as_message(message: str | Message) -> Message:
    """``message`` itself, or a plain string as a :func:`verbatim` message."""
    return message if isinstance(message, Message) else verbatim(message)


class Explained(Exception):
    """An exception whose text is a :class:`Message`: ``str(exc)`` is its English text (logs,
    the command line), ``exc.explanation`` the message the GUI translates. A plain string is
    accepted too (kept :func:`verbatim`)."""

    def __init__(self, message: str | Message, *args: object) -> None:
        self.explanation = as_message(message)
        super().__init__(self.explanation.text(), *args)
