"""The low level of manifest parsing: decoding the JSON and reading typed fields of a record.

:func:`decode_json` turns bytes into Python values without ever raising anything but
:class:`ManifestError` (NaN, huge integers, duplicate keys are kept as markers so the validator can
name their JSON path). :class:`RecordReader` reads one field of one record and raises
``ManifestError`` with the field's path and a plain-language message.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, NoReturn

MAX_MONEY = Decimal("1000000000")  # exclusive; a sanity bound, not a business rule
MAX_HOURS = Decimal("10000")
_CENT = Decimal("0.01")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_MISSING: Any = object()


class ManifestError(ValueError):
    """The manifest is not valid: ``json_path`` says where (``$.matters[3].client_ids[1]``),
    ``message`` says what is wrong in plain language."""

    def __init__(self, json_path: str, message: str) -> None:
        super().__init__(f"{json_path}: {message}")
        self.json_path = json_path
        self.message = message

    def __reduce__(self) -> tuple[type[ManifestError], tuple[str, str]]:
        return (type(self), (self.json_path, self.message))


class _NonFinite:
    """``NaN``/``Infinity`` in the input (Python's json accepts them; JSON does not)."""

    def __init__(self, text: str) -> None:
        self.text = text


class _DupKeys(dict[str, Any]):
    """A JSON object that repeated a key (the last value won); ``dup`` is the first repeat."""

    dup: str = ""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    marked = _DupKeys(obj)
    seen: set[str] = set()
    for k, _ in pairs:
        if k in seen:
            marked.dup = k
            break
        seen.add(k)
    return marked


def kind_of(value: object) -> str:
    """A value's JSON type in plain words."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | Decimal):
        return "a number"
    if isinstance(value, _NonFinite):
        return f"{value.text} (not a JSON number)"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def fail(path: str, message: str) -> NoReturn:
    raise ManifestError(path, message)


def quote(value: str, limit: int = 60) -> str:
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return json.dumps(shown, ensure_ascii=False)


def decode_json(data: bytes | str) -> Any:
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        if raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            fail("$", f"the manifest is not UTF-8 text (bad byte at offset {exc.start})")
    elif isinstance(data, str):
        text = data
    else:
        fail("$", f"the manifest must be bytes or text, not {type(data).__name__}")
    if not text.strip():
        fail("$", "the manifest is empty (it may be being written; it will be read again)")
    try:
        return json.loads(
            text,
            object_pairs_hook=_pairs,
            parse_float=Decimal,
            parse_constant=_NonFinite,
        )
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            fail("$", f"the manifest ends too early ({where}); it may be half-written")
        fail("$", f"the manifest is not valid JSON: {exc.msg} ({where})")
    except RecursionError:
        fail("$", "the manifest is nested too deeply to be a Prolegis manifest")
    except ValueError:  # an integer of thousands of digits
        fail("$", "the manifest holds a number too long to read (thousands of digits)")


class RecordReader:
    """Field readers for one record: the object at ``{prefix}[{index}]`` (``$.matters[3]``), a
    ``what`` ("matter") and, once read, its ``rid``. Paths and labels are only built on failure;
    each reader has a fast path for well-formed values and a slow one that explains."""

    __slots__ = ("index", "obj", "prefix", "rid", "what")

    def __init__(self, obj: dict[str, Any], prefix: str, index: int, what: str) -> None:
        self.obj = obj
        self.prefix = prefix
        self.index = index
        self.what = what
        self.rid = ""

    @property
    def base(self) -> str:
        return f"{self.prefix}[{self.index}]"

    @property
    def label(self) -> str:
        return f'{self.what} "{self.rid}"' if self.rid else f"this {self.what}"

    def fail(self, key: str, message: str) -> NoReturn:
        fail(f"{self.base}.{key}" if key else self.base, f"{self.label}: {message}")

    def text(self, key: str, *, required: bool = True, blank_ok: bool = False) -> str | None:
        v = self.obj.get(key)
        if type(v) is str and v.isascii() and (blank_ok or (v and not v.isspace())):
            return v
        return self._text(key, required, blank_ok)

    def req(self, key: str) -> str:
        v = self.obj.get(key)
        if type(v) is str and v.isascii() and v and not v.isspace():
            return v
        v = self._text(key, True, False)
        assert v is not None
        return v

    def _text(self, key: str, required: bool, blank_ok: bool) -> str | None:
        v = self.obj.get(key, _MISSING)
        if v is _MISSING or v is None:
            if required:
                self.fail(key, f'"{key}" is missing' if v is _MISSING else f'"{key}" is null')
            return None
        if type(v) is not str:
            self.fail(key, f'"{key}" must be text, not {kind_of(v)}')
        if not v.isascii():
            _check_unicode(v, lambda m: self.fail(key, f'"{key}" {m}'))
        if not blank_ok and not v.strip():
            self.fail(key, f'"{key}" must not be empty')
        return v

    def text_list(self, key: str) -> tuple[str, ...]:
        v = self.obj.get(key, _MISSING)
        if v is _MISSING or v is None:
            return ()
        if type(v) is not list:
            self.fail(key, f'"{key}" must be a list of text, not {kind_of(v)}')
        for i, item in enumerate(v):
            if type(item) is not str:
                self.fail(f"{key}[{i}]", f"each of {key} must be text, not {kind_of(item)}")
            if not item.isascii():
                _check_unicode(item, lambda m, i=i: self.fail(f"{key}[{i}]", m))
            if not item.strip():
                self.fail(f"{key}[{i}]", f"an entry of {key} is empty")
        return tuple(v)

    def choice(self, key: str, allowed: tuple[str, ...]) -> str:
        v = self.req(key)
        if v not in allowed:
            options = ", ".join(f'"{a}"' for a in allowed)
            hint = " (lower case)" if v.strip().lower() in allowed else ""
            self.fail(key, f'"{key}" must be one of {options}{hint}, not {quote(v)}')
        return v

    def day(self, key: str, cache: dict[str, date], *, required: bool = True) -> date | None:
        v = self.text(key, required=required)
        if v is None:
            return None
        d = cache.get(v)
        if d is None:
            try:
                if not _DATE.match(v):
                    raise ValueError
                d = date.fromisoformat(v)
            except ValueError:
                self.fail(key, f'"{key}" must be a date like 2026-11-20, not {quote(v)}')
            cache[v] = d
        return d

    def stamp(self, cache: dict[str, datetime]) -> datetime:
        v = self.req("updated_at")
        dt = cache.get(v)
        if dt is None:
            try:
                parsed = datetime.fromisoformat(v)
            except ValueError:
                self.fail(
                    "updated_at",
                    f'"updated_at" must be an ISO-8601 date and time like '
                    f"2026-11-20T17:04:00Z, not {quote(v)}",
                )
            if parsed.tzinfo is None or parsed.utcoffset() is None:
                if "T" not in v and " " not in v:
                    self.fail(
                        "updated_at",
                        f'"updated_at" {quote(v)} is a date only; it needs a time and a time '
                        "zone, like 2026-11-20T17:04:00Z",
                    )
                self.fail(
                    "updated_at",
                    f'"updated_at" {quote(v)} has no time zone; add Z or an offset like -05:00',
                )
            dt = parsed if parsed.tzinfo is UTC else parsed.astimezone(UTC)
            cache[v] = dt
        return dt

    def number(self, key: str, what: str, *, required: bool) -> Decimal | None:
        v = self.obj.get(key, _MISSING)
        if v is _MISSING or v is None:
            if required:
                self.fail(key, f'"{key}" is missing' if v is _MISSING else f'"{key}" is null')
            return None
        if type(v) is int:
            return Decimal(v)
        if type(v) is Decimal:
            return v
        self.fail(key, f'"{key}" must be {what}, not {kind_of(v)}')

    def money(self, key: str, *, required: bool) -> Decimal | None:
        d = self.number(key, "an amount of money (a number)", required=required)
        if d is None:
            return None
        if d < 0:
            self.fail(key, f'"{key}" must not be negative ({d})')
        if d >= MAX_MONEY:
            self.fail(key, f'"{key}" is implausibly large ({d})')
        q = d.quantize(_CENT)
        if q != d:
            self.fail(key, f'"{key}" has more than 2 decimals ({d}); money has cents at most')
        return q

    def hours(self) -> Decimal:
        d = self.number("hours", "a number of hours", required=True)
        assert d is not None
        if d < 0:
            self.fail("hours", f'"hours" must not be negative ({d})')
        if d > MAX_HOURS:
            self.fail("hours", f'"hours" is implausibly large ({d})')
        return d


def _check_unicode(value: str, fail: Any) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        fail("contains an invalid character (a lone UTF-16 surrogate)")


def open_record(raw: object, prefix: str, index: int, what: str) -> RecordReader:
    """A reader for element ``index`` of the list at ``prefix``, which must be an object."""
    if type(raw) is dict:
        return RecordReader(raw, prefix, index, what)
    if isinstance(raw, _DupKeys):
        fail(f"{prefix}[{index}]", f'this {what} has the key "{raw.dup}" more than once')
    fail(f"{prefix}[{index}]", f"each {what} must be a JSON object, not {kind_of(raw)}")


def read_id(rec: RecordReader, seen: set[str]) -> str:
    """The record's ``id``: non-empty text, no surrounding spaces, unique among ``seen``."""
    v = rec.req("id")
    if v[0].isspace() or v[-1].isspace():
        rec.fail("id", f"the id {quote(v)} has spaces at its start or end")
    if v in seen:
        rec.fail("id", f'the id "{v}" is used by another {rec.what}; ids must be unique')
    seen.add(v)
    rec.rid = v
    return v
