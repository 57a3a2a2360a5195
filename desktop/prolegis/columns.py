"""The fast path of manifest validation: whole lists of matters and activities checked column by
column (one field of every record at a time, with C-speed set and map operations).

It only ever *accepts*: each function returns the records when every record is plainly valid and
None at the first doubt, and the caller then runs the row-by-row validator in
:mod:`desktop.prolegis.manifest`, which is the reference — it finds and explains the first
problem. The fast path must never accept what the reference refuses, and must build the same
records (``tests/prolegis/test_fastpath.py`` checks both).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from itertools import repeat
from typing import Any

from desktop.prolegis.fields import MAX_HOURS, MAX_MONEY
from desktop.prolegis.folders import FolderProblem, FolderSet, normalize_folder
from desktop.prolegis.records import ACTIVITY_KINDS, MATTER_STATUSES, Activity, Matter

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_CENT = Decimal("0.01")
_STR = {str}
_NUM = {int, Decimal}
_TZINFO = operator.attrgetter("tzinfo")


def _column(raws: list[dict[str, Any]], key: str) -> list[Any]:
    """The value of ``key`` (None when absent) in every record."""
    return list(map(dict.get, raws, repeat(key)))


def _of_kind(raws: list[dict[str, Any]], timed: list[bool], key: str, time: bool) -> list[Any]:
    """The value of ``key`` in the records of one kind (time or expense), None in the others."""
    return [r.get(key) if t is time else None for r, t in zip(raws, timed, strict=True)]


def _texts(col: list[Any], *, blank_ok: bool = False) -> bool:
    """Every value is text with no lone surrogate (and, unless ``blank_ok``, not blank)."""
    if not set(map(type, col)) <= _STR:
        return False
    joined = "\n".join(col)
    if not joined.isascii():
        try:
            joined.encode("utf-8")
        except UnicodeEncodeError:
            return False
    return blank_ok or (all(col) and not any(map(str.isspace, col)))


def _ids(col: list[Any], seen: set[str]) -> bool:
    if not _texts(col) or len(set(col)) != len(col):
        return False
    if not all(map(operator.eq, col, map(str.strip, col))):
        return False
    seen.update(col)
    return True


def _days(col: Iterable[Any], cache: dict[str, date]) -> bool:
    """Parse every distinct date string into ``cache``; False if any is not a plain date."""
    for s in set(col) - cache.keys():
        if type(s) is not str or not _DATE.match(s):
            return False
        try:
            cache[s] = date.fromisoformat(s)
        except ValueError:
            return False
    return True


def _stamps(col: list[Any], cache: dict[str, datetime]) -> list[datetime] | None:
    if not _texts(col):
        return None
    fresh = list(set(col) - cache.keys())
    try:
        parsed = list(map(datetime.fromisoformat, fresh))
    except ValueError:
        return None
    if parsed and set(map(_TZINFO, parsed)) != {UTC}:
        for i, dt in enumerate(parsed):  # offsets other than Z: convert; none at all: refuse
            if dt.tzinfo is not UTC:
                if dt.tzinfo is None or dt.utcoffset() is None:
                    return None
                parsed[i] = dt.astimezone(UTC)
    cache.update(zip(fresh, parsed, strict=True))
    return list(map(cache.__getitem__, col))


def _money(col: list[Any]) -> list[Decimal | None] | None:
    """Optional money values (None stays None) quantized to cents, or None if any is wrong."""
    distinct = set(col)
    distinct.discard(None)
    if not set(map(type, distinct)) <= _NUM:
        return None
    if distinct and (min(distinct) < 0 or max(distinct) >= MAX_MONEY):
        return None
    cents = {v: Decimal(v).quantize(_CENT) for v in distinct}
    if not all(map(operator.eq, cents.values(), cents.keys())):
        return None
    return list(map(cents.get, col))


def fast_matters(
    raws: list[Any], clients: set[str], dates: dict[str, date], stamps: dict[str, datetime]
) -> tuple[Matter, ...] | None:
    """All matters if every one is plainly valid, else None (run the reference validator)."""
    if not all(type(r) is dict for r in raws):
        return None
    ids = _column(raws, "id")
    numbers = _column(raws, "number")
    titles = _column(raws, "title")
    statuses = _column(raws, "status")
    opened = _column(raws, "open_date")
    links = _column(raws, "client_ids")
    folders_raw = _column(raws, "folder")
    if not (_ids(ids, set()) and _texts(numbers) and _texts(titles)):
        return None
    if not set(map(type, statuses)) <= _STR or not set(statuses) <= set(MATTER_STATUSES):
        return None
    present = [d for d in opened if d is not None]
    if not _texts(present) or not _days(present, dates):
        return None
    open_dates = [None if d is None else dates[d] for d in opened]
    client_ids: list[tuple[str, ...]] = []
    for link in links:
        if link is None:
            client_ids.append(())
            continue
        if type(link) is not list or not set(map(type, link)) <= _STR:
            return None
        if not set(link) <= clients or len(set(link)) != len(link):
            return None
        client_ids.append(tuple(link))
    if not _texts(folders_raw, blank_ok=True):
        return None
    seen = FolderSet()
    folders: list[str] = []
    try:
        for mid, raw in zip(ids, folders_raw, strict=True):
            folder = normalize_folder(raw)
            seen.add(folder, mid)
            folders.append(folder)
    except FolderProblem:
        return None
    updated = _stamps(_column(raws, "updated_at"), stamps)
    if updated is None:
        return None
    return tuple(
        map(Matter, ids, numbers, titles, statuses, open_dates, client_ids, folders, updated)
    )


def fast_activities(
    raws: list[Any], matters: set[str], dates: dict[str, date], stamps: dict[str, datetime]
) -> tuple[Activity, ...] | None:
    """All activities if every one is plainly valid, else None (run the reference validator)."""
    if not all(type(r) is dict for r in raws):
        return None
    ids = _column(raws, "id")
    matter_ids = _column(raws, "matter_id")
    kinds = _column(raws, "kind")
    days = _column(raws, "date")
    notes = _column(raws, "note")
    authors = _column(raws, "author")
    if not set(map(type, matter_ids)) <= _STR or not set(map(type, kinds)) <= _STR:
        return None
    if not (_ids(ids, set()) and set(matter_ids) <= matters and set(kinds) <= set(ACTIVITY_KINDS)):
        return None
    if not _texts(days) or not _days(days, dates):
        return None
    timed = [k == "time" for k in kinds]
    hours: list[Any] = _of_kind(raws, timed, "hours", True)
    present: list[Any] = [h for h, t in zip(hours, timed, strict=True) if t]
    if not set(map(type, present)) <= _NUM:
        return None
    if present and (min(present) < 0 or max(present) > MAX_HOURS):
        return None
    if int in set(map(type, present)):
        hours = [Decimal(h) if type(h) is int else h for h in hours]
    rates = _money(_of_kind(raws, timed, "rate", True))
    amounts = _of_kind(raws, timed, "amount", False)
    if any(a is None for a, t in zip(amounts, timed, strict=True) if not t):
        return None
    amounts_q = _money(amounts)
    if rates is None or amounts_q is None:
        return None
    categories = _of_kind(raws, timed, "category", False)
    if not _texts([c for c in categories if c is not None], blank_ok=True):
        return None
    categories = [c or None for c in categories]
    if not _texts([n for n in notes if n is not None], blank_ok=True) or not _texts(authors):
        return None
    notes = [n or "" for n in notes]
    updated = _stamps(_column(raws, "updated_at"), stamps)
    if updated is None:
        return None
    day_values = list(map(dates.__getitem__, days))
    return tuple(
        map(
            Activity, ids, matter_ids, kinds, day_values, hours, rates, amounts_q, categories,
            notes, authors, updated,
        )
    )
