"""When a failed request may be sent again, and how long to wait first.

Only requests whose repetition cannot do anything twice are retried after a failure that may
have reached Clio: GET, HEAD, PUT, DELETE, PATCH carrying ``If-Match``, and a POST only when the
caller vouches for it (``idempotent=True``). A request that certainly never reached Clio (the
connection could not be opened) or that Clio refused with 429 is safe to repeat for any method.
Waits grow exponentially with "equal jitter": half the step is fixed, half random, so many
clients that failed together do not come back together.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
RETRYABLE_STATUS = frozenset({500, 502, 503, 504})


def is_idempotent(method: str, headers: Mapping[str, str] | None = None,
                  declared: bool | None = None) -> bool:
    """Whether sending ``method`` twice has the effect of sending it once.

    ``declared`` overrides for the caller that knows better (a POST that is safe to repeat, or
    an operation that must not be repeated whatever its method).
    """
    if declared is not None:
        return declared
    m = method.upper()
    if m in IDEMPOTENT_METHODS:
        return True
    if m == "PATCH" and headers is not None:
        return any(k.lower() == "if-match" for k in headers)
    return False


@dataclass(frozen=True)
class RetryPolicy:
    """``max_attempts`` tries in all; the n-th wait is ``min(cap, base * factor**(n-1))`` with
    equal jitter."""

    max_attempts: int = 5
    base_delay: float = 0.5
    factor: float = 2.0
    max_delay: float = 30.0

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based)."""
        step = min(self.max_delay, self.base_delay * self.factor ** max(0, attempt - 1))
        r = (rng or random).random()
        return step / 2 + r * step / 2


NO_RETRY = RetryPolicy(max_attempts=1)
