"""The engine's sentences as templates: what the activity log and notifications say, kept as an
English template with named parameters so the GUI can show it in the user's language, while
the engine's logs, ``status``, the command line and the history table keep the English text.

    msg("Uploaded {path}", path=rel)                  # Message; .text() == "Uploaded a.pdf"
    msg("You confirmed creating {n} new Clio matters", n=3)

Rules (``tests/ui/i18n/test_engine_messages.py`` reads every ``msg("…")`` of the engine with
``ast`` and checks them against the GUI's catalog, ``desktop/ui/engine_messages.py``):

* the template is a string literal, plain English, with ``{name}`` placeholders only (lower-case
  names, no format specs); the keywords given are exactly its placeholders;
* a count is the parameter ``n`` (the GUI picks the plural form from it and groups its digits);
  ``hours`` and ``amount`` are decimals (the GUI writes them with the locale's decimal mark);
  any other parameter is shown as it is (ids, paths, names, the reason of an error);
* a free-form reason (an exception's text, a Clio error's message) is a parameter, never the
  template: the template is what gets translated.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

NUMBER_PARAMS = frozenset({"n", "hours", "amount"})
"""Parameters the GUI formats as numbers: ``n`` (a count, which also picks the plural form),
``hours`` and ``amount`` (decimals)."""

Params = tuple[tuple[str, str], ...]


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

    def __str__(self) -> str:
        return self.text()


def msg(template: str, **params: object) -> Message:
    """A :class:`Message`: ``template`` (a literal; see the module docstring) and its
    parameters, each rendered with ``str`` (numbers stay digits for the GUI to format)."""
    return Message(template, tuple((name, str(value)) for name, value in params.items()))


def text_of(message: str | Message) -> str:
    """The English text of a plain string or a :class:`Message`."""
    return message.text() if isinstance(message, Message) else message


def template_of(message: str | Message) -> tuple[str, Params]:
    """``(template, params)`` of a :class:`Message`; ``("", ())`` for a plain string."""
    if isinstance(message, Message):
        return message.template, message.params
    return "", ()
