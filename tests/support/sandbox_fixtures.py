"""Sandbox fixtures shared by every test package.

* ``sandbox`` — a fresh, started :class:`~desktop.sandbox.Sandbox` per test, with
  ``auto_approve=True`` and a rate limit high enough never to get in the way; stopped after.
* ``sandbox_factory(config=None, *, start=True, **overrides)`` — build more (or differently
  configured) sandboxes; without ``config`` it starts from the same test-friendly defaults,
  ``overrides`` are :class:`~desktop.sandbox.SandboxConfig` fields. All are stopped after the test.
* ``api`` — an ``httpx.Client`` on ``<sandbox>/api/v4`` with a bearer token of the default user
  already issued (``api.sandbox`` is the sandbox, ``api.tokens`` the token response).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from desktop.sandbox import Sandbox, SandboxConfig

TEST_RATE_LIMIT = 1_000_000

SandboxFactory = Callable[..., Sandbox]


def test_config(**overrides: Any) -> SandboxConfig:
    """The configuration test sandboxes start from."""
    base: dict[str, Any] = {"auto_approve": True, "rate_limit": TEST_RATE_LIMIT}
    base.update(overrides)
    return SandboxConfig(**base)


@pytest.fixture
def sandbox_factory() -> Iterator[SandboxFactory]:
    made: list[Sandbox] = []

    def make(
        config: SandboxConfig | None = None, *, start: bool = True, **overrides: Any
    ) -> Sandbox:
        sb = (
            Sandbox(config, **overrides)
            if config is not None
            else Sandbox(test_config(**overrides))
        )
        made.append(sb)
        if start:
            sb.start()
        return sb

    yield make
    for sb in reversed(made):
        sb.stop()


@pytest.fixture
def sandbox(sandbox_factory: SandboxFactory) -> Sandbox:
    return sandbox_factory()


class ApiClient(httpx.Client):
    """An httpx client with the sandbox and the tokens it was made with."""

    sandbox: Sandbox
    tokens: dict[str, Any]


def api_client(sb: Sandbox, user_id: int | None = None) -> ApiClient:
    tokens = sb.admin.issue_tokens(user_id)
    client = ApiClient(
        base_url=f"{sb.base_url}/api/v4",
        headers={"Authorization": f"Bearer {tokens['access_token']}"},
        timeout=30,
    )
    client.sandbox = sb
    client.tokens = tokens
    return client


@pytest.fixture
def api(sandbox: Sandbox) -> Iterator[ApiClient]:
    with api_client(sandbox) as client:
        yield client
