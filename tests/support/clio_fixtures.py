"""Clio client fixtures shared by every test package.

* ``clio`` — a :class:`~desktop.clio.api.ClioClient` signed in to the ``sandbox`` fixture as its
  default user (tokens from ``sandbox.admin.issue_tokens()``, the sandbox app's credentials so
  refreshes work, tokens kept in a private home file). Quick retries (tests stay fast).
* ``clio_factory(sandbox, **kw)`` — more clients (other users, budgets, retry policies…); see
  :func:`make_clio`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.clio.api import ClioClient
from desktop.clio.budget import Priority, RequestBudget
from desktop.clio.connect import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET
from desktop.clio.oauth import ClientCredentials
from desktop.clio.regions import ClioTarget
from desktop.clio.retry import RetryPolicy
from desktop.clio.session import ClioSession
from desktop.clio.tokens import HomeFileTokenStore, TokenSet
from desktop.clio.transfer import Transfers
from desktop.sandbox import Sandbox

FAST_RETRY = RetryPolicy(max_attempts=5, base_delay=0.02, max_delay=0.2)


def make_clio(
    sb: Sandbox,
    store_dir: Path,
    *,
    user_id: int | None = None,
    budget: RequestBudget | None = None,
    retry: RetryPolicy = FAST_RETRY,
    priority: Priority = Priority.BACKGROUND,
    multipart_threshold: int = 100 * 1024 * 1024,
    part_size: int = 16 * 1024 * 1024,
    parts_per_request: int = 50,
    **session_kw: Any,
) -> ClioClient:
    """A client for ``sb`` as ``user_id`` (default: the sandbox's signed-in user)."""
    payload = sb.admin.issue_tokens(user_id)
    tokens = TokenSet.from_token_response(payload)
    target = ClioTarget.for_url(sb.base_url)
    store = HomeFileTokenStore(store_dir / "sandbox-tokens.json")
    account = str(user_id if user_id is not None else sb.admin.default_user_id())
    store.save(target, account, tokens)
    store.set_current_account(target, account)
    session = ClioSession(
        target, tokens,
        credentials=ClientCredentials(SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET),
        store=store, account=account, budget=budget, retry=retry,
        default_priority=priority, **session_kw,
    )
    transfers = Transfers(session, multipart_threshold=multipart_threshold, part_size=part_size,
                          parts_per_request=parts_per_request)
    return ClioClient(session, transfers=transfers)


ClioFactory = Callable[..., ClioClient]


@pytest.fixture
def clio_factory(tmp_path: Path) -> Iterator[ClioFactory]:
    made: list[ClioClient] = []
    counter = iter(range(1_000_000))

    def make(sb: Sandbox, **kw: Any) -> ClioClient:
        client = make_clio(sb, tmp_path / f"clio-{next(counter)}", **kw)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def clio(sandbox: Sandbox, clio_factory: ClioFactory) -> ClioClient:
    return clio_factory(sandbox)
