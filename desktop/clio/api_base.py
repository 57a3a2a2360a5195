"""Shared plumbing of :class:`~desktop.clio.api.ClioClient`: get / list / create / update /
delete of one record type, with ``fields`` always sent and answers parsed into records."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, TypeVar

from desktop.clio.budget import Priority
from desktop.clio.errors import ResponseFormatError
from desktop.clio.jsonvalues import Json, obj
from desktop.clio.paging import Listing
from desktop.clio.session import ClioSession, ParamValue

R = TypeVar("R")
Filters = Mapping[str, ParamValue]


def timestamp(value: datetime | str | None) -> str | None:
    """An ``updated_since``-style filter value: ISO 8601 with a UTC offset."""
    if value is None or isinstance(value, str):
        return value
    if value.tzinfo is None:
        raise ValueError("timestamps for Clio filters must be timezone-aware")
    return value.isoformat()


def day(value: date | str | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return value.isoformat()


class ApiBase:
    """Holds the session; helpers used by every resource method."""

    def __init__(self, session: ClioSession) -> None:
        self.session = session

    @contextmanager
    def interactive(self) -> Iterator[None]:
        """Requests of this thread inside the block go before background work."""
        with self.session.priority(Priority.INTERACTIVE):
            yield

    @contextmanager
    def background(self) -> Iterator[None]:
        with self.session.priority(Priority.BACKGROUND):
            yield

    def _list(self, path: str, parse: Callable[[Json], R], fields: str,
              filters: Filters | None = None, page_token: str | None = None,
              limit: int = 200) -> Listing[R]:
        clean = {k: v for k, v in (filters or {}).items() if v is not None}
        return Listing(self.session, path, parse, fields=fields, params=clean,
                       page_token=page_token, limit=limit,
                       priority=self.session.current_priority())

    @staticmethod
    def _data(doc: Mapping[str, Any], what: str) -> Json:
        data = obj(doc.get("data"))
        if data is None:
            raise ResponseFormatError(f"{what}: answer without a data object")
        return data

    def _get(self, path: str, parse: Callable[[Json], R], fields: str,
             params: Filters | None = None) -> R:
        doc = self.session.json("GET", path, params={**(params or {}), "fields": fields})
        return parse(self._data(doc, path))

    def _create(self, path: str, parse: Callable[[Json], R], fields: str,
                data: Mapping[str, Any], *, idempotent: bool | None = None) -> R:
        """POST a create. Never retried after it may have reached Clio unless ``idempotent``."""
        doc = self.session.json("POST", path, params={"fields": fields}, json={"data": data},
                                idempotent=idempotent)
        return parse(self._data(doc, path))

    def _update(self, path: str, parse: Callable[[Json], R], fields: str,
                data: Mapping[str, Any], etag: str | None) -> R:
        """PATCH; with ``etag`` it is conditional (``If-Match``, 412 if changed meanwhile)."""
        headers = {"If-Match": etag} if etag else None
        doc = self.session.json("PATCH", path, params={"fields": fields}, json={"data": data},
                                headers=headers)
        return parse(self._data(doc, path))

    def _delete(self, path: str, etag: str | None = None) -> None:
        headers = {"If-Match": etag} if etag else None
        self.session.request("DELETE", path, headers=headers)
