"""Remote-feed cursors: per Clio resource, the ``updated_since`` mark and the page token of a
listing in progress (so a crash resumes the listing instead of starting over)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.sync.store.db import Database


@dataclass(frozen=True)
class Cursor:
    resource: str
    updated_since: str | None  # the high-water mark: the next listing starts here
    page_token: str | None  # the next page of the listing in progress
    listing_since: str | None  # the updated_since the listing in progress was started with
    max_seen: str | None  # the largest updated_at seen in the listing in progress


class Cursors:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, resource: str) -> Cursor:
        row = self._db.query_one("SELECT * FROM cursors WHERE resource = ?", (resource,))
        if row is None:
            return Cursor(resource, None, None, None, None)
        return Cursor(**dict(row))

    def save_page(
        self,
        resource: str,
        *,
        listing_since: str | None,
        page_token: str | None,
        max_seen: str | None,
    ) -> None:
        """Remember the listing's progress after a page was processed."""
        with self._db.write() as c:
            c.execute(
                "INSERT INTO cursors (resource, page_token, listing_since, max_seen) "
                "VALUES (?, ?, ?, ?) ON CONFLICT(resource) DO UPDATE SET "
                "page_token = excluded.page_token, listing_since = excluded.listing_since, "
                "max_seen = excluded.max_seen",
                (resource, page_token, listing_since, max_seen),
            )

    def finish_listing(self, resource: str, new_mark: str | None) -> None:
        """The last page was processed: advance the mark and clear the listing state."""
        with self._db.write() as c:
            c.execute(
                "INSERT INTO cursors (resource, updated_since) VALUES (?, ?) "
                "ON CONFLICT(resource) DO UPDATE SET updated_since = "
                "COALESCE(excluded.updated_since, cursors.updated_since), "
                "page_token = NULL, listing_since = NULL, max_seen = NULL",
                (resource, new_mark),
            )

    def reset(self, resource: str | None = None) -> None:
        with self._db.write() as c:
            if resource is None:
                c.execute("DELETE FROM cursors")
            else:
                c.execute("DELETE FROM cursors WHERE resource = ?", (resource,))
