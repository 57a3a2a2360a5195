"""The one request budget every Clio call draws from (thread-safe, shared by GUI and workers).

Clio limits requests per access token in fixed windows (50 a minute at peak) and says so in
``X-RateLimit-Limit`` / ``X-RateLimit-Remaining`` / ``X-RateLimit-Reset`` on every answer. The
budget is a token bucket kept in step with those headers:

* before the first answer it is a plain bucket: ``limit`` tokens, refilled at ``limit/window``
  per second;
* every answer caps the tokens at the server's ``Remaining`` and, once the server's window end is
  known, the bucket refills to ``Limit`` when that window ends (no earlier), so requests stay
  inside what Clio allows instead of bouncing off 429s;
* a 429 pauses everyone for ``Retry-After``.

Callers queue by :class:`Priority`: an interactive request (the user is waiting) always goes
before background ones, and background requests leave ``interactive_reserve`` tokens in each
window (at most a tenth of it) so the user never waits for a whole window behind a
background burst.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from enum import IntEnum

from desktop.clio.errors import RateLimitedError


class Priority(IntEnum):
    """Lower value goes first."""

    INTERACTIVE = 0
    BACKGROUND = 1


@dataclass(frozen=True)
class BudgetSnapshot:
    """The budget's state for display (``available`` may be fractional while refilling)."""

    limit: int
    available: float
    paused_for: float
    waiting_interactive: int
    waiting_background: int


def _header_float(headers: Mapping[str, str], name: str) -> float | None:
    raw = headers.get(name)
    if raw is None:
        return None
    try:
        return float(raw.strip())
    except ValueError:
        return None


class RequestBudget:
    """Token bucket with priorities; see the module docstring.

    ``clock`` is a monotonic clock and ``wall`` the epoch clock (both injectable for tests);
    ``reset_margin`` is added to the server's window end. (The window end is computed as
    ``X-RateLimit-Reset`` minus the server's ``Date``, both whole seconds, which already errs on
    the late side when the reset is rounded up.)
    """

    def __init__(
        self,
        limit: int = 50,
        window: float = 60.0,
        *,
        interactive_reserve: int = 2,
        reset_margin: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("limit must be >= 1 and window > 0")
        self._window = float(window)
        self._capacity = float(limit)
        self._tokens = float(limit)
        self._reserve = max(0, interactive_reserve)
        self._margin = reset_margin
        self._clock = clock
        self._wall = wall
        self._last = clock()
        self._window_end: float | None = None
        self._server_reset: float | None = None  # X-RateLimit-Reset of the window we know
        self._server_remaining: float | None = None  # lowest Remaining seen in that window
        self._outstanding = 0  # granted requests whose answer has not been observed yet
        self._paused_until = 0.0
        self._cond = threading.Condition()
        self._queue: list[tuple[int, int]] = []
        self._seq = itertools.count()
        self.requests_granted = 0
        self.rate_limited_count = 0

    # ------------------------------------------------------------------ internals

    def _refill(self, now: float) -> None:
        if self._window_end is not None:
            if now >= self._window_end:
                self._tokens = self._capacity
                self._window_end = None
                self._server_remaining = None
                self._last = now
            return
        elapsed = max(0.0, now - self._last)
        self._tokens = min(self._capacity, self._tokens + elapsed * self._capacity / self._window)
        self._last = now

    def _need(self, priority: Priority) -> float:
        if priority == Priority.INTERACTIVE:
            return 1.0
        # The reserve is at most a tenth of the window, so a tiny limit still serves background.
        return 1.0 + min(float(self._reserve), float(int(self._capacity // 10)))

    def _wait_for(self, now: float, need: float) -> float:
        """Seconds until ``need`` tokens may be available (ignoring the queue)."""
        wait = max(0.0, self._paused_until - now)
        if self._tokens >= need:
            return wait
        if self._window_end is not None:
            return max(wait, self._window_end - now)
        return max(wait, (need - self._tokens) * self._window / self._capacity)

    # ------------------------------------------------------------------ public API

    def acquire(
        self, priority: Priority = Priority.BACKGROUND, timeout: float | None = None
    ) -> None:
        """Take one request's worth, waiting for the caller's turn; raises
        :class:`RateLimitedError` if that takes longer than ``timeout`` seconds."""
        entry = (int(priority), next(self._seq))
        deadline = None if timeout is None else self._clock() + timeout
        with self._cond:
            heapq.heappush(self._queue, entry)
            try:
                while True:
                    now = self._clock()
                    self._refill(now)
                    need = self._need(priority)
                    if self._queue[0] == entry:
                        wait = self._wait_for(now, need)
                        if wait <= 0:
                            self._tokens -= 1.0
                            self._outstanding += 1
                            self.requests_granted += 1
                            return
                    else:
                        wait = 1.0  # woken by notify_all when the queue moves
                    if deadline is not None:
                        left = deadline - now
                        if left <= 0:
                            raise RateLimitedError(
                                "request budget not available in time",
                                retry_after=self._wait_for(now, need),
                            )
                        wait = min(wait, left)
                    self._cond.wait(max(wait, 0.001))
            finally:
                try:
                    self._queue.remove(entry)
                    heapq.heapify(self._queue)
                except ValueError:
                    pass
                self._cond.notify_all()

    def observe(self, headers: Mapping[str, str]) -> None:
        """Learn from the answer to a granted request (call once per answer).

        The server's ``Remaining`` — less the requests still in flight, which it may not have
        counted yet — becomes the bucket's level, up or down; answers from an older window
        (arriving late) are ignored.
        """
        limit = _header_float(headers, "x-ratelimit-limit")
        remaining = _header_float(headers, "x-ratelimit-remaining")
        reset = _header_float(headers, "x-ratelimit-reset")
        server_now = self._server_now(headers) if reset is not None else 0.0
        with self._cond:
            self._outstanding = max(0, self._outstanding - 1)
            if limit is None and remaining is None and reset is None:
                return
            now = self._clock()
            self._refill(now)
            if limit is not None and limit >= 1:
                self._capacity = limit
            if reset is not None:
                known = self._server_reset
                if known is None or reset > known:  # a new window
                    self._server_reset = reset
                    self._server_remaining = remaining
                    delay = min(max(0.0, reset - server_now), self._window) + self._margin
                    self._window_end = now + delay
                elif reset < known or self._window_end is None:
                    remaining = None  # a late answer from a window that is over
                elif remaining is not None and self._server_remaining is not None:
                    self._server_remaining = min(self._server_remaining, remaining)
                else:
                    self._server_remaining = remaining
            elif remaining is not None:
                self._server_remaining = remaining
            if remaining is not None and self._server_remaining is not None:
                level = self._server_remaining - self._outstanding
                self._tokens = max(0.0, min(self._capacity, level))
            self._cond.notify_all()

    def abandon(self) -> None:
        """A granted request got no answer (network error): it is no longer in flight."""
        with self._cond:
            self._outstanding = max(0, self._outstanding - 1)

    def _server_now(self, headers: Mapping[str, str]) -> float:
        """The server's clock: ours when it agrees with the whole-second ``Date`` header (ours
        is finer), else the ``Date`` header (so local clock skew cannot shorten a wait)."""
        wall = self._wall()
        raw = headers.get("date")
        if raw:
            try:
                date = parsedate_to_datetime(raw).timestamp()
            except (TypeError, ValueError, IndexError):
                return wall
            return wall if 0.0 <= wall - date < 1.0 else date
        return wall

    def penalize(self, retry_after: float | None) -> None:
        """A 429 arrived: nobody sends anything for ``retry_after`` seconds (1 s if unknown)."""
        with self._cond:
            now = self._clock()
            self._refill(now)
            pause = retry_after if retry_after is not None and retry_after > 0 else 1.0
            self._paused_until = max(self._paused_until, now + pause)
            self._tokens = 0.0
            self._server_remaining = 0.0
            # Clio's Retry-After is the wait for a fresh window: the bucket refills then.
            self._window_end = self._paused_until
            self.rate_limited_count += 1
            self._cond.notify_all()

    def snapshot(self) -> BudgetSnapshot:
        with self._cond:
            now = self._clock()
            self._refill(now)
            waiting = [p for p, _ in self._queue]
            return BudgetSnapshot(
                limit=int(self._capacity),
                available=self._tokens,
                paused_for=max(0.0, self._paused_until - now),
                waiting_interactive=waiting.count(int(Priority.INTERACTIVE)),
                waiting_background=waiting.count(int(Priority.BACKGROUND)),
            )
