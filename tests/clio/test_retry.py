"""Which requests may be repeated, and the backoff between attempts."""

from __future__ import annotations

import random

import pytest

from desktop.clio.retry import RetryPolicy, is_idempotent


@pytest.mark.parametrize("method", ["GET", "get", "PUT", "DELETE", "HEAD"])
def test_safe_methods_are_idempotent(method: str) -> None:
    assert is_idempotent(method)


def test_post_is_not_idempotent_unless_the_caller_vouches() -> None:
    assert not is_idempotent("POST")
    assert is_idempotent("POST", declared=True)


def test_patch_is_idempotent_only_with_if_match() -> None:
    assert not is_idempotent("PATCH", {})
    assert is_idempotent("PATCH", {"If-Match": '"abc"'})
    assert is_idempotent("PATCH", {"if-match": '"abc"'})


def test_declared_false_overrides_method() -> None:
    assert not is_idempotent("GET", declared=False)


def test_backoff_grows_exponentially_with_bounded_jitter() -> None:
    policy = RetryPolicy(base_delay=1.0, factor=2.0, max_delay=10.0)
    rng = random.Random(7)
    for attempt, step in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 10.0), (9, 10.0)]:
        samples = [policy.delay(attempt, rng) for _ in range(200)]
        assert min(samples) >= step / 2
        assert max(samples) <= step
        assert max(samples) - min(samples) > step / 4  # there is jitter
