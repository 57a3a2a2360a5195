"""The records half's own exception: a user action that cannot be done as asked."""

from __future__ import annotations


class LinkRefused(Exception):
    """The action cannot be done as asked; the message says why and what to do instead
    (sent to the user as ``CommandFailed``, printed by the command line)."""
