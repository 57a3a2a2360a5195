"""Listing endpoints page by page, following ``meta.paging.next`` and resumable.

A :class:`Listing` is an iterator over parsed records. It asks for ``limit=200`` and the given
``fields`` on the first page, then follows each page's ``meta.paging.next`` URL verbatim (it
must point at the same Clio). :attr:`Listing.page_token` is always a safe place to resume: the
cursor of the page being consumed, advanced only when the caller asks for the next page
(``None`` for the first page and after the last). A caller that saves it can build a new listing
with ``page_token=…`` after a crash and continue instead of starting over; records of the page
it was in may come again, never fewer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar
from urllib.parse import parse_qsl, urlsplit

from desktop.clio.budget import Priority
from desktop.clio.errors import ResponseFormatError
from desktop.clio.jsonvalues import Json
from desktop.clio.session import ClioSession, ParamValue

T = TypeVar("T")
PAGE_LIMIT = 200


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page: its records, and the cursor/URL of the next page (None after the last)."""

    records: list[T]
    next_page_token: str | None
    next_url: str | None


def page_token_of(url: str | None) -> str | None:
    """The ``page_token`` query parameter of a ``meta.paging.next`` URL."""
    if not url:
        return None
    for key, value in parse_qsl(urlsplit(url).query, keep_blank_values=True):
        if key == "page_token":
            return value
    return None


class Listing(Generic[T]):
    """Iterate the records of ``path`` across pages; see the module docstring.

    ``params`` are the endpoint's filters (``fields`` and ``limit`` are added); ``parse`` turns
    one JSON record into ``T``.
    """

    def __init__(
        self,
        session: ClioSession,
        path: str,
        parse: Callable[[Json], T],
        *,
        fields: str,
        params: Mapping[str, ParamValue] | None = None,
        page_token: str | None = None,
        limit: int = PAGE_LIMIT,
        priority: Priority | None = None,
    ) -> None:
        if not fields:
            raise ValueError("fields must be given: without them Clio returns only id and etag")
        self._session = session
        self._path = path
        self._parse = parse
        self._params: dict[str, ParamValue] = {**(params or {}), "fields": fields,
                                                "limit": max(1, min(limit, PAGE_LIMIT))}
        self._priority = priority
        self._next_url: str | None = None
        self._started = False
        self._done = False
        self.page_token: str | None = page_token
        """Where a new listing should resume so that nothing unfinished is skipped: the cursor
        of the page being consumed (None for the first page), then None after the last page."""
        self.pages_fetched = 0

    def _first_params(self) -> dict[str, ParamValue]:
        params = dict(self._params)
        if self.page_token:
            params["page_token"] = self.page_token
        return params

    def pages(self) -> Iterator[Page[T]]:
        """Fetch and yield the pages one by one (lazily)."""
        while not self._done:
            if not self._started:
                self._started = True
                doc = self._session.json("GET", self._path, params=self._first_params(),
                                         priority=self._priority)
            elif self._next_url:
                doc = self._session.json("GET", self._next_url, priority=self._priority)
            else:
                self._done = True
                break
            page = self._page(doc)
            self.pages_fetched += 1
            self._next_url = page.next_url
            if page.next_url is None:
                self._done = True
            yield page
            # Only once the caller comes back for more is this page finished.
            self.page_token = page.next_page_token

    def _page(self, doc: Mapping[str, Any]) -> Page[T]:
        data = doc.get("data")
        if not isinstance(data, list):
            raise ResponseFormatError(f"{self._path}: list answer without a data array")
        records = [self._parse(item) for item in data if isinstance(item, Mapping)]
        meta = doc.get("meta")
        paging = meta.get("paging") if isinstance(meta, Mapping) else None
        nxt = paging.get("next") if isinstance(paging, Mapping) else None
        next_url = nxt if isinstance(nxt, str) and nxt else None
        return Page(records=records, next_page_token=page_token_of(next_url), next_url=next_url)

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.records

    def all(self) -> list[T]:
        """Every remaining record as a list (for small listings)."""
        return list(self)
