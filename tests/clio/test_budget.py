"""The request budget: a token bucket fed by X-RateLimit headers, with priorities."""

from __future__ import annotations

import threading
import time
from email.utils import formatdate

import pytest

from desktop.clio.budget import Priority, RequestBudget
from desktop.clio.errors import RateLimitedError

FG, B = Priority.INTERACTIVE, Priority.BACKGROUND


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def can_take(budget: RequestBudget, prio: Priority = FG) -> bool:
    try:
        budget.acquire(prio, timeout=0)
    except RateLimitedError:
        return False
    return True


def test_plain_bucket_bursts_to_limit_then_refills_at_rate() -> None:
    clock = Clock()
    b = RequestBudget(limit=3, window=3.0, interactive_reserve=0, clock=clock)
    assert [can_take(b) for _ in range(4)] == [True, True, True, False]
    clock.now += 0.5
    assert not can_take(b)
    clock.now += 0.5  # one token per second
    assert can_take(b)
    assert not can_take(b)


def test_remaining_header_caps_the_bucket_until_the_window_resets() -> None:
    clock = Clock()
    wall = 1_700_000_000.0
    b = RequestBudget(limit=50, window=60.0, reset_margin=1.0, clock=clock, wall=lambda: wall)
    b.observe({"x-ratelimit-limit": "5", "x-ratelimit-remaining": "2",
               "x-ratelimit-reset": str(int(wall + 10))})
    assert [can_take(b) for _ in range(3)] == [True, True, False]
    clock.now += 9.0
    assert not can_take(b), "no refill inside a window the server has already counted"
    clock.now += 2.0  # past reset + margin
    assert [can_take(b) for _ in range(6)] == [True] * 5 + [False]
    assert b.snapshot().limit == 5


def test_server_allowance_above_the_first_guess_is_used() -> None:
    clock = Clock()
    wall = 1_700_000_000.0
    b = RequestBudget(limit=50, window=60.0, clock=clock, wall=lambda: wall)
    assert can_take(b)
    b.observe({"x-ratelimit-limit": "1000", "x-ratelimit-remaining": "900",
               "x-ratelimit-reset": str(int(wall + 30))})
    assert sum(can_take(b) for _ in range(1000)) == 900


def test_requests_in_flight_are_not_counted_twice() -> None:
    clock = Clock()
    wall = 1_700_000_000.0
    b = RequestBudget(limit=20, window=60.0, interactive_reserve=0, clock=clock,
                      wall=lambda: wall)
    for _ in range(3):
        assert can_take(b)  # three requests in flight
    # the first answer: the server counted only that one
    b.observe({"x-ratelimit-remaining": "19", "x-ratelimit-reset": str(int(wall + 30))})
    assert b.snapshot().available == 17  # 19 minus the two still in flight
    b.abandon()  # one of them failed without an answer
    b.observe({"x-ratelimit-remaining": "18", "x-ratelimit-reset": str(int(wall + 30))})
    assert b.snapshot().available == 18


def test_late_answers_from_an_older_window_are_ignored() -> None:
    clock = Clock()
    wall = 1_700_000_000.0
    b = RequestBudget(limit=10, window=60.0, interactive_reserve=0, clock=clock,
                      wall=lambda: wall)
    b.observe({"x-ratelimit-remaining": "8", "x-ratelimit-reset": str(int(wall + 60))})
    b.observe({"x-ratelimit-remaining": "1", "x-ratelimit-reset": str(int(wall + 1))})
    assert b.snapshot().available == 8
    b.observe({"x-ratelimit-remaining": "9", "x-ratelimit-reset": str(int(wall + 60))})
    assert b.snapshot().available == 8, "remaining only falls within one window"


def test_zero_remaining_blocks_until_reset_and_timeout_reports_the_wait() -> None:
    clock = Clock()
    wall = 1_700_000_000.0
    b = RequestBudget(limit=50, window=60.0, reset_margin=0.0, clock=clock, wall=lambda: wall)
    b.observe({"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(int(wall + 30))})
    with pytest.raises(RateLimitedError) as info:
        b.acquire(FG, timeout=0)
    assert info.value.retry_after == pytest.approx(30.0)


def test_date_header_is_the_servers_clock() -> None:
    clock = Clock()
    server_now = 1_700_000_000
    # our wall clock is 40 s ahead of the server's: the reset is still 20 s away
    b = RequestBudget(limit=50, window=60.0, reset_margin=0.0, clock=clock,
                      wall=lambda: server_now + 40.0)
    b.observe({"x-ratelimit-remaining": "0", "x-ratelimit-reset": str(server_now + 20),
               "date": formatdate(server_now, usegmt=True)})
    clock.now += 19.0
    assert not can_take(b)
    clock.now += 1.5
    assert can_take(b)


def test_429_pauses_everyone_for_retry_after() -> None:
    clock = Clock()
    b = RequestBudget(limit=10, window=1.0, clock=clock)
    b.penalize(5.0)
    assert b.snapshot().paused_for == pytest.approx(5.0)
    clock.now += 4.9
    assert not can_take(b)
    clock.now += 0.2
    assert can_take(b)
    assert b.rate_limited_count == 1


def test_429_inside_a_known_window_refills_after_retry_after() -> None:
    clock = Clock()
    wall = 1_700_000_000.0
    b = RequestBudget(limit=50, window=60.0, clock=clock, wall=lambda: wall)
    b.observe({"x-ratelimit-limit": "50", "x-ratelimit-remaining": "40",
               "x-ratelimit-reset": str(int(wall + 55))})
    b.penalize(2.0)
    clock.now += 2.1
    assert can_take(b), "a 429's Retry-After, not the old window end, decides the wait"


def test_background_leaves_a_reserve_for_interactive_calls() -> None:
    clock = Clock()
    b = RequestBudget(limit=50, window=60.0, interactive_reserve=2, clock=clock)
    assert [can_take(b, B) for _ in range(49)] == [True] * 48 + [False]
    assert [can_take(b, FG) for _ in range(3)] == [True, True, False]


def test_reserve_never_starves_background_when_the_limit_is_tiny() -> None:
    clock = Clock()
    b = RequestBudget(limit=5, window=60.0, interactive_reserve=2, clock=clock)
    assert [can_take(b, B) for _ in range(6)] == [True] * 5 + [False]


def test_interactive_waiter_is_served_before_earlier_background_waiters() -> None:
    b = RequestBudget(limit=20, window=1.0, interactive_reserve=0)
    b.penalize(0.6)  # everyone must queue
    order: list[str] = []
    lock = threading.Lock()

    def take(name: str, prio: Priority) -> None:
        b.acquire(prio)
        with lock:
            order.append(name)

    threads = [threading.Thread(target=take, args=(f"bg{i}", B)) for i in range(3)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 5
    while b.snapshot().waiting_background < 3 and time.monotonic() < deadline:
        time.sleep(0.005)
    fg = threading.Thread(target=take, args=("fg", FG))
    fg.start()
    while b.snapshot().waiting_interactive < 1 and time.monotonic() < deadline:
        time.sleep(0.005)
    assert b.snapshot().paused_for > 0, "the machine was too slow to queue everyone in time"
    for t in [*threads, fg]:
        t.join(10)
    assert order[0] == "fg"
    assert sorted(order[1:]) == ["bg0", "bg1", "bg2"]


def test_many_threads_never_overdraw() -> None:
    b = RequestBudget(limit=1000, window=1000.0, interactive_reserve=0)
    b.observe({"x-ratelimit-remaining": "150", "x-ratelimit-reset": str(int(time.time()) + 500)})
    granted = []
    lock = threading.Lock()

    def worker(prio: Priority) -> None:
        while True:
            try:
                b.acquire(prio, timeout=0.05)
            except RateLimitedError:
                return
            with lock:
                granted.append(prio)

    threads = [threading.Thread(target=worker, args=(FG if i % 2 else B,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert len(granted) == 150
    assert b.requests_granted == 150
    assert b.snapshot().available == pytest.approx(0.0)


def test_bad_configuration_is_refused() -> None:
    with pytest.raises(ValueError):
        RequestBudget(limit=0)
