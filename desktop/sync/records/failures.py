"""Which Clio failures stop the whole pass (offline, signed out, rate limited: nothing else can
work either) and which belong to one item (refused, not found…: that item waits with a growing
delay, the others go on)."""

from __future__ import annotations

from desktop.clio.errors import (
    AuthError,
    ClioError,
    KeychainError,
    NetworkError,
    RateLimitedError,
    ServerError,
)

_PASS_LEVEL = (AuthError, KeychainError, NetworkError, RateLimitedError, ServerError)


def stops_the_pass(exc: ClioError) -> bool:
    """True for failures of the connection itself (the engine reports them once)."""
    return isinstance(exc, _PASS_LEVEL)
