"""The records half's own exception: a user action that cannot be done as asked."""

from __future__ import annotations

from desktop.sync.messages import Explained


class LinkRefused(Explained):
    """The action cannot be done as asked; the message (a ``Message``: ``str(exc)`` is its
    English, ``exc.explanation`` the template) says why and what to do instead (sent to the
    user as ``CommandFailed``, printed by the command line)."""
