"""What an API handler gets: the request, the signed-in user, the store, and helpers that turn
records into Clio-shaped responses (``{"data": ...}``, ETag/Last-Modified, conditional GETs,
``If-Match``, paged lists)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from desktop.sandbox import choices, fields, paging
from desktop.sandbox.errors import (
    T_PRECONDITION,
    T_UNSUPPORTED,
    ApiError,
    bad_request,
    invalid,
    unsupported,
)
from desktop.sandbox.store import Record, Store, etag_of
from desktop.sandbox.timeutil import http_date, parse_http_date
from desktop.sandbox.wire import Request, Response


class ApiContext:
    """One authenticated API request."""

    def __init__(self, core: Any, req: Request, user_id: int, token: str) -> None:
        self.core = core
        self.req = req
        self.user_id = user_id
        self.token = token
        self.store: Store = core.store
        self.base_url: str = core.base_url

    # -- request --------------------------------------------------------------------------
    def spec(self, type_name: str) -> fields.Spec:
        return fields.parse(self.req.q("fields"), type_name)

    def data(
        self, allowed: Iterable[str], kind: str, clio_only: Iterable[str] = ()
    ) -> dict[str, Any]:
        """The ``data`` object of a JSON body. Real Clio attributes the sandbox does not model
        (``clio_only``) are refused with 400 SandboxUnsupported; unknown ones with 422."""
        ctype = (self.req.header("Content-Type") or "application/json").split(";")[0].strip()
        if ctype not in ("application/json", ""):
            raise ApiError(
                415,
                T_UNSUPPORTED,
                f"Not implemented by the Clio sandbox: {ctype} bodies (send JSON)",
            )
        try:
            body = self.req.json()
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise bad_request(f"The request body is not valid JSON: {exc}") from exc
        if not isinstance(body, dict) or not isinstance(body.get("data"), dict):
            raise bad_request("param is missing or the value is empty: data")
        data: dict[str, Any] = body["data"]
        for k in clio_only:
            if k in data:
                raise unsupported(f"the {k!r} attribute of {kind}")
        if choices.REJECT_UNKNOWN_BODY_ATTRIBUTES:
            allowed = set(allowed)
            for k in data:
                if k not in allowed:
                    raise invalid(f"unknown attribute '{k}' for {kind}")
        return data

    # -- conditional requests ----------------------------------------------------------------
    def check_if_match(self, rec: Record) -> None:
        """412 when ``If-Match`` names another version of the record."""
        header = self.req.header("If-Match")
        if header is None:
            return
        tags = [t.strip() for t in header.split(",")]
        if "*" in tags or etag_of(rec) in tags:
            return
        raise ApiError(412, T_PRECONDITION, "The resource has changed since the given ETag")

    def not_modified(self, rec: Record) -> bool:
        inm = self.req.header("If-None-Match")
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            return "*" in tags or etag_of(rec) in tags
        ims = self.req.header("If-Modified-Since")
        if ims is not None:
            since = parse_http_date(ims)
            return since is not None and int(rec["updated_ts"]) <= int(since)
        return False

    # -- responses ----------------------------------------------------------------------------
    def render(
        self, type_name: str, rec: Record, spec: fields.Spec | None = None
    ) -> dict[str, Any]:
        return fields.render(
            self, type_name, rec, spec if spec is not None else self.spec(type_name)
        )

    def record(
        self, status: int, type_name: str, rec: Record, spec: fields.Spec | None = None
    ) -> Response:
        """A single-record response with ETag and Last-Modified (304 on a matching GET)."""
        headers = [("ETag", etag_of(rec)), ("Last-Modified", http_date(rec["updated_ts"]))]
        if self.req.method == "GET" and self.not_modified(rec):
            return Response(304, headers)
        return Response.json(status, {"data": self.render(type_name, rec, spec)}, headers)

    def listing(self, type_name: str, records: list[Record], **kw: Any) -> Response:
        spec = self.spec(type_name)
        page, meta = paging.paginate(self, records, **kw)
        data = [fields.render(self, type_name, r, spec) for r in page]
        return Response.json(200, {"data": data, "meta": meta})

    @staticmethod
    def deleted() -> Response:
        return Response(204)
