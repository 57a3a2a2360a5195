"""The engine's sentences as templates — :mod:`desktop.messages` (``Message``, ``msg`` and their
helpers), re-exported here where the engine has always imported them; the module moved so that
the Clio client, which must not import the engine, writes its errors' messages the same way.

:func:`reason_of` and :func:`failure_of` are the engine's own additions: the message an
exception gives the user.
"""

from __future__ import annotations

from desktop.clio.errors import ClioError
from desktop.messages import (
    NESTED,
    NUMBER_PARAMS,
    VERBATIM,
    Explained,
    Message,
    Params,
    as_message,
    fill,
    msg,
    nested,
    template_of,
    text_of,
    verbatim,
)

__all__ = [
    "NESTED",
    "NUMBER_PARAMS",
    "VERBATIM",
    "Explained",
    "Message",
    "Params",
    "as_message",
    "failure_of",
    "fill",
    "msg",
    "nested",
    "reason_of",
    "template_of",
    "text_of",
    "verbatim",
]


def reason_of(exc: BaseException) -> Message:
    """What ``exc`` tells the user, as a message: a Clio error's ``user_template``, an
    :class:`~desktop.messages.Explained` exception's ``explanation``; an operating-system
    error's own words (``strerror`` and the file), or the exception's text, as they are."""
    if isinstance(exc, ClioError):
        return exc.user_template
    if isinstance(exc, Explained):
        return exc.explanation
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return verbatim(f"{exc.strerror}{where}")
    return verbatim(str(exc) or type(exc).__name__)


def failure_of(exc: BaseException) -> Message:
    """What a failed command or pass tells the user about ``exc``: an operating-system error in
    a sentence (its own words kept as they are), any other exception's :func:`reason_of`."""
    if isinstance(exc, OSError) and not isinstance(exc, Explained):
        return msg("A file or folder could not be used: {reason}", reason=reason_of(exc))
    return reason_of(exc)
