"""Clio's per-access-token rate limit: N requests per window (default 50 per 60 s, Clio's peak
limit), ``X-RateLimit-Limit/Remaining/Reset`` on every API response, 429 with ``Retry-After``
past the limit. Windows are fixed and start at a key's first request."""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

from desktop.sandbox.timeutil import now


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    reset: int  # epoch seconds when the window ends
    retry_after: int

    def headers(self) -> list[tuple[str, str]]:
        return [
            ("X-RateLimit-Limit", str(self.limit)),
            ("X-RateLimit-Remaining", str(self.remaining)),
            ("X-RateLimit-Reset", str(self.reset)),
        ]


class RateLimiter:
    """Counts requests per key (the bearer token) in fixed windows."""

    def __init__(self, limit: int, window: float) -> None:
        self._lock = threading.Lock()
        self._windows: dict[str, list[float]] = {}
        self.limit = limit
        self.window = window

    def configure(self, limit: int, window: float) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("rate limit and window must be positive")
        with self._lock:
            self.limit = limit
            self.window = float(window)
            self._windows.clear()

    def reset(self) -> None:
        with self._lock:
            self._windows.clear()

    def hit(self, key: str) -> Verdict:
        """Count one request for ``key`` (refused requests are not counted)."""
        t = now()
        with self._lock:
            w = self._windows.get(key)
            if w is None or t >= w[0] + self.window:
                w = [t, 0.0]
                self._windows[key] = w
            end = w[0] + self.window
            reset = math.ceil(end)
            if w[1] >= self.limit:
                return Verdict(False, self.limit, 0, reset, max(1, math.ceil(end - t)))
            w[1] += 1
            return Verdict(True, self.limit, int(self.limit - w[1]), reset, 0)
