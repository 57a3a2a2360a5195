"""The API route table: ``@route("GET", "/contacts/{id}")`` registers a handler for both
``/api/v4/contacts/7`` and ``/api/v4/contacts/7.json``. Route names (``GET /api/v4/contacts/{id}``)
key the request statistics."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

PREFIX = "/api/v4"

Handler = Callable[..., Any]


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    name: str
    handler: Handler


ROUTES: list[Route] = []


def _compile(template: str) -> re.Pattern[str]:
    out = ""
    for part in re.split(r"(\{[a-z_]+\})", template):
        if part.startswith("{"):
            out += f"(?P<{part[1:-1]}>[0-9]+)"
        else:
            out += re.escape(part)
    return re.compile(f"^{re.escape(PREFIX)}{out}(?:\\.json)?$")


def route(method: str, template: str) -> Callable[[Handler], Handler]:
    """Register an API handler ``(ctx, **path_ints) -> Response``."""

    def deco(fn: Handler) -> Handler:
        ROUTES.append(Route(method, _compile(template), f"{method} {PREFIX}{template}", fn))
        return fn

    return deco


def match(method: str, path: str) -> tuple[Route, dict[str, int]] | None:
    for r in ROUTES:
        if r.method != method:
            continue
        m = r.pattern.match(path)
        if m:
            return r, {k: int(v) for k, v in m.groupdict().items()}
    return None


def route_name(method: str, path: str) -> str:
    """The stats key for a path (its template when it is an API route)."""
    found = match(method, path)
    if found:
        return found[0].name
    return f"{method} {path}"
