"""The remote feed: one ``updated_since`` listing per Clio resource per cycle, for the whole
account — never one per matter — resumable page by page.

decisions.md: within one listing the ``page_token`` is saved after each page so a crash resumes
the listing; the ``updated_since`` mark advances only after the last page, to the largest
``updated_at`` seen minus a small overlap (clock skew). Consumers must therefore be idempotent:
records near the mark may come twice.

Once a listing finds nothing newer than the largest ``updated_at`` an earlier listing saw, at
least the overlap later, everything up to it has been seen: the mark moves up to it, so an idle
cycle lists nothing (one request) instead of the tail of the last burst of changes every time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Protocol, TypeVar

from desktop.clio.paging import Listing
from desktop.sync.clock import iso, parse_iso
from desktop.sync.store import Store

log = logging.getLogger(__name__)

OVERLAP = timedelta(seconds=5)
SETTLED = "feed.settled."
"""Meta key prefix: per resource, the newest ``updated_at`` seen and when it was first seen."""


class HasUpdatedAt(Protocol):
    @property
    def updated_at(self) -> datetime | None: ...


R = TypeVar("R", bound=HasUpdatedAt)

ListingFactory = Callable[[str | None, str | None], Listing[R]]
"""``(updated_since, page_token) -> Listing`` for one resource."""


class RemoteFeed:
    """Polls resources through listings and hands each page to a consumer."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def poll(
        self,
        resource: str,
        listing: ListingFactory[R],
        consume: Callable[[Sequence[R]], None],
        *,
        full: bool = False,
    ) -> int:
        """List ``resource`` since its mark (everything when ``full`` or never listed).

        Returns the number of records seen. A listing interrupted by an exception keeps its
        page token, and the next call resumes it.
        """
        cursor = self._store.cursors.get(resource)
        if full:
            since, token, max_seen = None, None, None
        elif cursor.page_token is not None:
            since, token, max_seen = cursor.listing_since, cursor.page_token, cursor.max_seen
        else:
            since, token, max_seen = cursor.updated_since, None, None
        pages = listing(since, token)
        seen = 0
        for page in pages.pages():
            consume(page.records)
            seen += len(page.records)
            for record in page.records:
                stamp = record.updated_at
                if stamp is not None:
                    text = iso(stamp)
                    if max_seen is None or parse_iso(max_seen) < stamp:
                        max_seen = text
            if page.next_page_token is not None:
                self._store.cursors.save_page(
                    resource,
                    listing_since=since,
                    page_token=page.next_page_token,
                    max_seen=max_seen,
                )
        new_mark = self._mark(resource, max_seen) if max_seen else None
        old_mark = cursor.updated_since
        if new_mark is not None and old_mark and parse_iso(new_mark) < parse_iso(old_mark):
            new_mark = old_mark  # never move the mark backwards
        self._store.cursors.finish_listing(resource, new_mark)
        log.debug("polled %s since %s: %d records", resource, since, seen)
        return seen

    def _mark(self, resource: str, max_seen: str) -> str:
        """The next mark after a listing whose newest record is ``max_seen``: that minus the
        overlap, or ``max_seen`` itself once a listing at least the overlap after the one
        that first saw it found nothing newer (see the module docstring)."""
        key = SETTLED + resource
        first = self._store.meta.get(key)
        now = time.time()
        if isinstance(first, dict) and first.get("max_seen") == max_seen:
            if now - float(first.get("at", now)) >= OVERLAP.total_seconds():
                return max_seen
        else:
            self._store.meta.set(key, {"max_seen": max_seen, "at": now})
        return iso(parse_iso(max_seen) - OVERLAP)
