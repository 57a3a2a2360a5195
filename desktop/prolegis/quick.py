"""The quick path of manifest validation: one record at a time, every check inline.

Each method returns the record when it is plainly valid and None at the first doubt; the caller
then reads that record with the reference validator in :mod:`desktop.prolegis.manifest`, which
names the problem (or accepts what the quick path was too cautious about). The quick path must
never accept what the reference refuses and must build identical records;
``tests/prolegis/test_fuzz.py`` and ``test_builder.py`` compare the two. It changes no shared
state (ids seen, folders) unless it accepts the record.

Records are checked while their JSON object is hot in the CPU cache: on a 70 MB manifest the
work is bound by memory access more than by the checks themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, TypeGuard

from desktop.prolegis.fields import MAX_HOURS, MAX_MONEY
from desktop.prolegis.folders import FolderProblem, FolderSet, normalize_folder
from desktop.prolegis.records import (
    Activity,
    ActivityKind,
    Address,
    Client,
    ClientKind,
    Matter,
    MatterStatus,
)

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_CENT = Decimal("0.01")
_STATUSES: dict[str, MatterStatus] = {"open": "open", "pending": "pending", "closed": "closed"}
_ADDRESS_FIELDS = ("street", "city", "province", "postal_code", "country")


def _clean(s: str) -> bool:
    """Text without lone surrogates (the only text JSON can carry that UTF-8 cannot)."""
    if s.isascii():
        return True
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _filled(s: object) -> TypeGuard[str]:
    """Required text: a string, not blank, clean."""
    return type(s) is str and bool(s) and not s.isspace() and _clean(s)


def _optional(s: object) -> bool:
    return s is None or (type(s) is str and _clean(s))


def _texts(value: object) -> tuple[str, ...] | None:
    """An optional list of required texts; None if it is not one."""
    if value is None:
        return ()
    if type(value) is not list:
        return None
    for s in value:
        if not _filled(s):
            return None
    return tuple(value)


class QuickReader:
    """Quick acceptance of records, with caches shared across one parse."""

    def __init__(self, dates: dict[str, date], stamps: dict[str, datetime]) -> None:
        self.dates = dates
        self.stamps = stamps
        self.cents: dict[Decimal | int, Decimal] = {}
        self.authors: dict[str, str] = {}  # valid authors seen, each as one shared object
        self.categories: dict[str, str] = {}

    def _day(self, s: object) -> date | None:
        if type(s) is not str:
            return None
        d = self.dates.get(s)
        if d is None and _DATE.match(s):
            try:
                d = self.dates[s] = date.fromisoformat(s)
            except ValueError:
                return None
        return d

    def _stamp(self, s: object) -> datetime | None:
        if type(s) is not str:
            return None
        dt = self.stamps.get(s)
        if dt is None:
            try:
                dt = datetime.fromisoformat(s)
            except ValueError:
                return None
            if dt.tzinfo is not UTC:
                if dt.tzinfo is None or dt.utcoffset() is None:
                    return None
                dt = dt.astimezone(UTC)
            self.stamps[s] = dt
        return dt

    def _money(self, v: object) -> Decimal | None:
        """Cents, or None when ``v`` is not valid money (callers tell absent from invalid)."""
        if type(v) is not Decimal and type(v) is not int:
            return None
        assert isinstance(v, Decimal | int)
        q = self.cents.get(v)
        if q is None:
            if not 0 <= v < MAX_MONEY:
                return None
            q = Decimal(v).quantize(_CENT)
            if q != v:
                return None
            if v:  # not 0: 0 and -0 are equal keys but print differently
                self.cents[v] = q
        return q

    def client(self, raw: object, seen: set[str]) -> Client | None:
        if type(raw) is not dict:
            return None
        g: Callable[[str], Any] = raw.get
        cid, kind, first, last, company = (
            g("id"), g("kind"), g("first_name"), g("last_name"), g("company")
        )
        if not _filled(cid) or cid in seen or cid != cid.strip():
            return None
        if not (_optional(first) and _optional(last) and _optional(company)):
            return None
        client_kind: ClientKind
        if kind == "person":
            if not ((first or "").strip() or (last or "").strip()):
                return None
            client_kind = "person"
        elif kind == "company":
            if not (company or "").strip():
                return None
            client_kind = "company"
        else:
            return None
        emails = _texts(g("emails"))
        phones = _texts(g("phones"))
        addresses = self._addresses(g("addresses"))
        updated = self._stamp(g("updated_at"))
        if emails is None or phones is None or addresses is None or updated is None:
            return None
        seen.add(cid)
        return Client(
            cid, client_kind, first, last, company, emails, phones, addresses, updated
        )

    @staticmethod
    def _addresses(value: object) -> tuple[Address, ...] | None:
        if value is None:
            return ()
        if type(value) is not list:
            return None
        out = []
        for a in value:
            if type(a) is not dict:
                return None
            parts = [a.get(k) for k in _ADDRESS_FIELDS]
            if not all(map(_optional, parts)):
                return None
            out.append(Address(*(p or "" for p in parts)))
        return tuple(out)

    def matter(
        self, raw: object, seen: set[str], clients: dict[str, str], folders: FolderSet
    ) -> Matter | None:
        if type(raw) is not dict:
            return None
        g: Callable[[str], Any] = raw.get
        mid, number, title, status = g("id"), g("number"), g("title"), g("status")
        if not _filled(mid) or mid in seen or mid != mid.strip():
            return None
        if not (_filled(number) and _filled(title)) or type(status) is not str:
            return None
        matter_status = _STATUSES.get(status)
        if matter_status is None:
            return None
        opened = g("open_date")
        if opened is not None:
            opened = self._day(opened)
            if opened is None:
                return None
        client_ids = _texts(g("client_ids"))
        if client_ids is None or len(set(client_ids)) != len(client_ids):
            return None
        for cid in client_ids:
            if cid not in clients:
                return None
        updated = self._stamp(g("updated_at"))
        raw_folder = g("folder")
        if updated is None or type(raw_folder) is not str or not _clean(raw_folder):
            return None
        try:
            folder = normalize_folder(raw_folder)
            folders.add(folder, mid)  # last: it records the folder
        except FolderProblem:
            return None
        seen.add(mid)
        return Matter(mid, number, title, matter_status, opened, client_ids, folder, updated)

    def activity(
        self, raw: object, seen: set[str], matters: dict[str, str]
    ) -> Activity | None:
        # The hot loop of a big manifest: checks are inlined, and values already seen valid in
        # this parse (authors, categories, dates, stamps, amounts) are looked up, not re-checked.
        if type(raw) is not dict:
            return None
        g: Callable[[str], Any] = raw.get
        aid, mid, kind, author, note = g("id"), g("matter_id"), g("kind"), g("author"), g("note")
        if not (type(aid) is str and aid and aid.isascii() and aid == aid.strip()):
            return None
        if aid in seen or type(mid) is not str or mid not in matters or type(author) is not str:
            return None
        known_author = self.authors.get(author)
        if known_author is None:
            if not _filled(author):
                return None
            known_author = self.authors[author] = author
        if not (note is None or (type(note) is str and (note.isascii() or _clean(note)))):
            return None
        ds, st = g("date"), g("updated_at")
        day = self.dates.get(ds) if type(ds) is str else None
        if day is None and (day := self._day(ds)) is None:
            return None
        updated = self.stamps.get(st) if type(st) is str else None
        if updated is None and (updated := self._stamp(st)) is None:
            return None
        hours = rate = amount = category = None
        activity_kind: ActivityKind
        if kind == "time":
            activity_kind = "time"
            hours = g("hours")
            if type(hours) is int:
                hours = Decimal(hours)
            elif type(hours) is not Decimal:
                return None
            if not 0 <= hours <= MAX_HOURS:
                return None
            rate = g("rate")
            if rate is not None and (rate := self._money(rate)) is None:
                return None
        elif kind == "expense":
            activity_kind = "expense"
            amount = self._money(g("amount"))
            if amount is None:
                return None
            category = g("category")
            if category is not None:
                if type(category) is not str:
                    return None
                known = self.categories.get(category)
                if known is None:
                    if not _clean(category):
                        return None
                    known = self.categories[category] = category
                category = known or None
        else:
            return None
        seen.add(aid)
        return Activity(
            aid, matters[mid], activity_kind, day, hours, rate, amount, category, note or "",
            known_author, updated,
        )
