"""The records half's view of Clio: the remote feed for contacts, matters and activities (one
``updated_since`` listing per resource per cycle, whole account) into the records cache, plus
users and expense categories refreshed when stale.

Activities are only followed from the first poll on (the mark starts at "now"): the companion
cares about the entries it pushed, not the firm's whole billing history. A full poll of
contacts or matters also drops cached records Clio no longer lists.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import Any

from desktop.clio.api import ClioClient
from desktop.clio.records import Activity, Contact, Matter
from desktop.sync.clock import iso, parse_iso, utcnow
from desktop.sync.feed import RemoteFeed
from desktop.sync.store import Store

log = logging.getLogger(__name__)

USERS_MAX_AGE = timedelta(hours=6)
CATEGORIES_MAX_AGE = timedelta(hours=1)
ON_DEMAND_MIN_AGE = timedelta(minutes=1)  # a missing name refreshes at most this often


class RecordsFeeds:
    """Polls Clio into ``store.clio`` (resources ``contacts``, ``matters``, ``users``,
    ``expense_categories``); activity pages go to ``on_activities``."""

    def __init__(
        self,
        store: Store,
        clio: ClioClient,
        on_activities: Callable[[Sequence[Activity]], None],
    ) -> None:
        self._store = store
        self._clio = clio
        self._on_activities = on_activities
        self._feed = RemoteFeed(store)

    # -- the feed -------------------------------------------------------------------------------

    def poll(self, *, full: bool) -> dict[str, int]:
        """One listing per resource; returns the number of records seen per resource."""
        seen = {
            "contacts": self.poll_contacts(full=full),
            "matters": self.poll_matters(full=full),
            "activities": self.poll_activities(),
        }
        self.refresh_users()
        self.refresh_categories()
        return seen

    def poll_contacts(self, *, full: bool = False) -> int:
        clio = self._clio

        def listing(since: str | None, token: str | None) -> Any:
            return clio.contacts(updated_since=since, page_token=token)

        return self._poll_cached("contacts", listing, full)

    def poll_matters(self, *, full: bool = False) -> int:
        clio = self._clio

        def listing(since: str | None, token: str | None) -> Any:
            return clio.matters(updated_since=since, page_token=token)

        return self._poll_cached("matters", listing, full)

    def poll_activities(self) -> int:
        cursor = self._store.cursors.get("activities")
        if cursor.updated_since is None and cursor.page_token is None:
            self._store.cursors.finish_listing("activities", iso(utcnow() - timedelta(seconds=5)))
        clio = self._clio

        def listing(since: str | None, token: str | None) -> Any:
            return clio.activities(updated_since=since, page_token=token)

        return self._feed.poll("activities", listing, self._on_activities)

    def _poll_cached(
        self,
        resource: str,
        listing: Callable[[str | None, str | None], Any],
        full: bool,
    ) -> int:
        ids: set[int] = set()
        store = self._store

        def consume(records: Sequence[Contact] | Sequence[Matter]) -> None:
            store.clio.upsert(resource, [dict(r.raw) for r in records])
            ids.update(r.id for r in records)

        count = self._feed.poll(resource, listing, consume, full=full)
        if full:  # the listing finished (an interruption raises): what it lacked is gone
            gone = [int(r["id"]) for r in store.clio.all(resource) if int(r["id"]) not in ids]
            store.clio.delete(resource, gone)
        return count

    # -- users and expense categories -------------------------------------------------------

    def _age(self, key: str) -> timedelta | None:
        stamp = self._store.meta.get(f"fetched:{key}")
        if not isinstance(stamp, str):
            return None
        return utcnow() - parse_iso(stamp)

    def _stale(self, key: str, max_age: timedelta, force: bool) -> bool:
        age = self._age(key)
        if age is None:
            return True
        return age > (ON_DEMAND_MIN_AGE if force else max_age)

    def refresh_users(self, *, force: bool = False) -> bool:
        """Re-read the firm's users when stale (``force``: a wanted email is missing)."""
        if not self._stale("users", USERS_MAX_AGE, force):
            return False
        users = list(self._clio.users())
        self._store.clio.replace_all("users", [dict(u.raw) for u in users])
        self._store.meta.set("fetched:users", iso())
        return True

    def refresh_categories(self, *, force: bool = False) -> bool:
        """Re-read the expense categories when stale (``force``: a wanted name is missing)."""
        if not self._stale("expense_categories", CATEGORIES_MAX_AGE, force):
            return False
        categories = list(self._clio.expense_categories())
        self._store.clio.replace_all("expense_categories", [dict(c.raw) for c in categories])
        self._store.meta.set("fetched:expense_categories", iso())
        return True
