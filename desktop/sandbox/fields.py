"""Clio's ``fields`` parameter: the resource schemas, parsing (with the 400s) and rendering.

* Without ``fields`` a record shows only its type's default fields (``id`` and ``etag``).
* ``fields=a,b,c{x,y}``: ``c`` is a nested resource; ``c`` without braces shows *its* defaults.
* Inside braces, names are fields of the nested resource (a nested resource named there shows
  its defaults); braces inside braces are refused: ``400 InvalidFields``.
* Any name the resource does not have is refused: ``400 InvalidFields`` ("x is not a valid
  field"), for the whole request.

Each resource module declares its schema with :func:`resource`, giving for every field a getter
``(ctx, record) -> value``; associations return records (or lists of records) of their target
type, which are rendered recursively.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.sandbox.errors import invalid_fields

Getter = Callable[[Any, dict[str, Any]], Any]
Spec = list[tuple[str, "list[str] | None"]]

_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


@dataclass(frozen=True)
class FieldDef:
    name: str
    kind: str  # "scalar" | "one" | "many"
    target: str | None
    get: Getter


class ResourceType:
    """The fields one Clio resource offers, with their getters."""

    def __init__(self, name: str, defaults: tuple[str, ...]) -> None:
        self.name = name
        self.defaults = defaults
        self.fields: dict[str, FieldDef] = {}

    def scalar(self, name: str, get: Getter | None = None) -> ResourceType:
        def plain(_ctx: Any, rec: dict[str, Any], _n: str = name) -> Any:
            return rec.get(_n)

        self.fields[name] = FieldDef(name, "scalar", None, get or plain)
        return self

    def scalars(self, *names: str) -> ResourceType:
        for n in names:
            self.scalar(n)
        return self

    def one(self, name: str, target: str, get: Getter) -> ResourceType:
        self.fields[name] = FieldDef(name, "one", target, get)
        return self

    def many(self, name: str, target: str, get: Getter) -> ResourceType:
        self.fields[name] = FieldDef(name, "many", target, get)
        return self

    def null(self, name: str, target: str) -> ResourceType:
        """A real Clio association the sandbox does not model: always null."""
        return self.one(name, target, lambda _c, _r: None)


REGISTRY: dict[str, ResourceType] = {}


def resource(name: str, defaults: tuple[str, ...] = ("id", "etag")) -> ResourceType:
    """Declare (or fetch) a resource type."""
    if name not in REGISTRY:
        REGISTRY[name] = ResourceType(name, defaults)
    return REGISTRY[name]


def _split_top(raw: str) -> list[str]:
    items: list[str] = []
    depth = 0
    cur: list[str] = []
    for ch in raw:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                raise invalid_fields("Unbalanced braces in fields")
        if ch == "," and depth == 0:
            items.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if depth != 0:
        raise invalid_fields("Unbalanced braces in fields")
    items.append("".join(cur))
    return items


def parse(raw: str | None, type_name: str) -> Spec:
    """Parse and validate a ``fields`` value for a resource type (400 InvalidFields)."""
    rtype = REGISTRY[type_name]
    if raw is None or raw.strip() == "":
        return [(n, None) for n in rtype.defaults]
    spec: Spec = []
    seen: set[str] = set()
    for item in _split_top(raw):
        item = item.strip()
        sub: list[str] | None = None
        name = item
        if "{" in item:
            name, _, rest = item.partition("{")
            name = name.strip()
            if not rest.endswith("}") or "{" in rest[:-1] or "}" in rest[:-1]:
                raise invalid_fields(
                    f"{item} is not a valid field: fields may only be nested one level deep"
                )
            sub = [s.strip() for s in rest[:-1].split(",")]
        if not _NAME.match(name) or name not in rtype.fields:
            raise invalid_fields(f"{name or item} is not a valid field")
        fdef = rtype.fields[name]
        if sub is not None:
            if fdef.kind == "scalar" or fdef.target is None:
                raise invalid_fields(f"{name} is not a nested resource and takes no {{...}}")
            target = REGISTRY[fdef.target]
            for s in sub:
                if not _NAME.match(s) or s not in target.fields:
                    raise invalid_fields(f"{s} is not a valid field")
            sub = list(dict.fromkeys(sub))
        if name in seen:
            continue
        seen.add(name)
        spec.append((name, sub))
    return spec


def render(ctx: Any, type_name: str, rec: dict[str, Any], spec: Spec) -> dict[str, Any]:
    """A record as JSON-ready dict with exactly the requested fields."""
    rtype = REGISTRY[type_name]
    out: dict[str, Any] = {}
    for name, sub in spec:
        fdef = rtype.fields[name]
        value = fdef.get(ctx, rec)
        if fdef.kind == "scalar" or fdef.target is None:
            out[name] = value
            continue
        target = REGISTRY[fdef.target]
        subspec: Spec = [(n, None) for n in (sub if sub is not None else target.defaults)]
        if fdef.kind == "one":
            out[name] = None if value is None else render(ctx, fdef.target, value, subspec)
        else:
            out[name] = [render(ctx, fdef.target, v, subspec) for v in (value or [])]
    return out


def common(rtype: ResourceType) -> ResourceType:
    """The fields every stored record has: id, etag, created_at, updated_at."""
    from desktop.sandbox.store import etag_of
    from desktop.sandbox.timeutil import iso

    rtype.scalar("id")
    rtype.scalar("etag", lambda _c, r: etag_of(r))
    rtype.scalar("created_at", lambda _c, r: iso(r.get("created_ts")))
    rtype.scalar("updated_at", lambda _c, r: iso(r.get("updated_ts")))
    return rtype
