"""Parse and validate ``prolegis.json`` (format 1, see ``docs/prolegis-workspace.md``).

:func:`parse_manifest` turns the bytes of the manifest into a :class:`~desktop.prolegis.records.
Manifest` or raises :class:`ManifestError` naming the JSON path of the **first** problem, in a
fixed order: ``format``, ``version``, then every client, every matter, every activity (each
record's fields in the order the format note lists them). Any input, however broken, ends in a
manifest or a ``ManifestError`` — never another exception.
"""

from __future__ import annotations

import gc
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from desktop.prolegis.fields import (
    ManifestError,
    RecordReader,
    decode_json,
    fail,
    kind_of,
    open_record,
    quote,
    read_id,
)
from desktop.prolegis.folders import FolderProblem, FolderSet, normalize_folder
from desktop.prolegis.quick import QuickReader
from desktop.prolegis.records import (
    ACTIVITY_KINDS,
    CLIENT_KINDS,
    MATTER_STATUSES,
    Activity,
    ActivityKind,
    Address,
    Client,
    ClientKind,
    Manifest,
    Matter,
    MatterStatus,
)

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "ManifestError", "parse_manifest"]

FORMAT_NAME = "prolegis-workspace"
FORMAT_VERSION = 1
_ADDRESS_FIELDS = ("street", "city", "province", "postal_code", "country")


_FAST = True
"""Use the quick path (:mod:`desktop.prolegis.quick`); tests turn it off to compare it with the
reference validator."""


def parse_manifest(data: bytes | str) -> Manifest:
    """Parse the manifest text or bytes; raise :class:`ManifestError` on the first problem."""
    big = len(data) > 1_000_000
    if big and gc.isenabled():
        # Hundreds of thousands of new objects would trigger many full collections for nothing.
        gc.disable()
        try:
            return _Parser().manifest(decode_json(data))
        finally:
            gc.enable()
    return _Parser().manifest(decode_json(data))


class _Parser:
    """One parse. Each record goes through the quick path first (:mod:`desktop.prolegis.quick`)
    and, if that is in doubt, through the reference reading below, which names the problem."""

    def __init__(self) -> None:
        self.dates: dict[str, date] = {}
        self.stamps: dict[str, datetime] = {}
        self.quick = QuickReader(self.dates, self.stamps) if _FAST else None

    def manifest(self, root: Any) -> Manifest:
        if type(root) is not dict:
            if isinstance(root, dict):  # repeated keys at the top
                fail("$", f'the manifest has the key "{getattr(root, "dup", "")}" more than once')
            fail("$", f"the manifest must be a JSON object, not {kind_of(root)}")
        self._header(root)
        clients = self._list(root, "clients")
        matters = self._list(root, "matters")
        activities = self._list(root, "activities")
        client_list = self._clients(clients)
        matter_list = self._matters(matters, {c.id: c.id for c in client_list})
        activity_list = self._activities(activities, {m.id: m.id for m in matter_list})
        return Manifest(FORMAT_VERSION, client_list, matter_list, activity_list)

    def _header(self, root: dict[str, Any]) -> None:
        fmt = root.get("format")
        if "format" not in root:
            fail(
                "$.format",
                f'"format" is missing; is this a Prolegis workspace manifest? '
                f'(expected "format": "{FORMAT_NAME}")',
            )
        if fmt != FORMAT_NAME:
            shown = quote(fmt) if isinstance(fmt, str) else kind_of(fmt)
            fail("$.format", f'"format" must be "{FORMAT_NAME}", not {shown}')
        if "version" not in root:
            fail("$.version", f'"version" is missing (expected {FORMAT_VERSION})')
        version = root["version"]
        if type(version) is not int:
            shown = str(version) if isinstance(version, Decimal) else kind_of(version)
            fail("$.version", f'"version" must be a whole number, not {shown}')
        if version > FORMAT_VERSION:
            fail(
                "$.version",
                f"this manifest was written by a newer Prolegis (format version {version}); "
                f"this companion reads version {FORMAT_VERSION} — update the companion",
            )
        if version < 1:
            fail("$.version", f'"version" must be {FORMAT_VERSION}, not {version}')

    @staticmethod
    def _list(root: dict[str, Any], key: str) -> list[Any]:
        if key not in root:
            fail(f"$.{key}", f'"{key}" is missing (write an empty list [] if there are none)')
        value = root[key]
        if type(value) is not list:
            fail(f"$.{key}", f'"{key}" must be a list, not {kind_of(value)}')
        return value

    def _clients(self, raws: list[Any]) -> tuple[Client, ...]:
        seen: set[str] = set()
        quick = self.quick.client if self.quick else None
        out: list[Client] = []
        append = out.append
        for i, raw in enumerate(raws):
            record = quick(raw, seen) if quick else None
            append(record or self._client(raw, i, seen))
        return tuple(out)

    def _client(self, raw: Any, i: int, seen: set[str]) -> Client:
        """The reference reading of one client: explains the first problem."""
        rec = open_record(raw, "$.clients", i, "client")
        cid = read_id(rec, seen)
        kind = cast(ClientKind, rec.choice("kind", CLIENT_KINDS))
        first = rec.text("first_name", required=False, blank_ok=True)
        last = rec.text("last_name", required=False, blank_ok=True)
        company = rec.text("company", required=False, blank_ok=True)
        if kind == "person" and not ((first or "").strip() or (last or "").strip()):
            key = next((k for k in ("first_name", "last_name") if k in rec.obj), "")
            rec.fail(key, "a person needs a first_name or a last_name")
        if kind == "company" and not (company or "").strip():
            rec.fail("company", 'a company needs its name in "company"')
        emails = rec.text_list("emails")
        phones = rec.text_list("phones")
        addresses = self._addresses(rec)
        stamp = rec.stamp(self.stamps)
        return Client(cid, kind, first, last, company, emails, phones, addresses, stamp)

    @staticmethod
    def _addresses(rec: RecordReader) -> tuple[Address, ...]:
        value = rec.obj.get("addresses")
        if value is None:
            return ()
        if type(value) is not list:
            rec.fail("addresses", f'"addresses" must be a list, not {kind_of(value)}')
        out: list[Address] = []
        prefix = f"{rec.base}.addresses"
        for i, raw in enumerate(value):
            sub = open_record(raw, prefix, i, "address")
            sub.what, sub.rid = f"address {i + 1} of {rec.what}", rec.rid
            parts = [sub.text(k, required=False, blank_ok=True) or "" for k in _ADDRESS_FIELDS]
            out.append(Address(*parts))
        return tuple(out)

    def _matters(self, raws: list[Any], clients: dict[str, str]) -> tuple[Matter, ...]:
        seen: set[str] = set()
        folders = FolderSet()
        quick = self.quick.matter if self.quick else None
        out: list[Matter] = []
        append = out.append
        for i, raw in enumerate(raws):
            record = quick(raw, seen, clients, folders) if quick else None
            append(record or self._matter(raw, i, seen, clients, folders))
        return tuple(out)

    def _matter(
        self, raw: Any, i: int, seen: set[str], clients: dict[str, str], folders: FolderSet
    ) -> Matter:
        """The reference reading of one matter: explains the first problem."""
        rec = open_record(raw, "$.matters", i, "matter")
        mid = read_id(rec, seen)
        number = rec.req("number")
        title = rec.req("title")
        status = cast(MatterStatus, rec.choice("status", MATTER_STATUSES))
        open_date = rec.day("open_date", self.dates, required=False)
        client_ids = self._client_ids(rec, clients)
        folder = self._folder(rec, folders, mid)
        stamp = rec.stamp(self.stamps)
        return Matter(mid, number, title, status, open_date, client_ids, folder, stamp)

    @staticmethod
    def _client_ids(rec: RecordReader, clients: dict[str, str]) -> tuple[str, ...]:
        ids = rec.text_list("client_ids")
        listed: set[str] = set()
        for j, cid in enumerate(ids):
            if cid not in clients:
                rec.fail(f"client_ids[{j}]", f"client {quote(cid)} is not in the clients list")
            if cid in listed:
                rec.fail(f"client_ids[{j}]", f"client {quote(cid)} is listed twice")
            listed.add(cid)
        return ids

    @staticmethod
    def _folder(rec: RecordReader, folders: FolderSet, mid: str) -> str:
        raw = rec.text("folder", blank_ok=True)
        assert raw is not None
        try:
            folder = normalize_folder(raw)
            folders.add(folder, mid)
        except FolderProblem as exc:
            rec.fail("folder", f"the folder {quote(raw)} {exc}")
        return folder

    def _activities(self, raws: list[Any], matters: dict[str, str]) -> tuple[Activity, ...]:
        seen: set[str] = set()
        quick = self.quick.activity if self.quick else None
        out: list[Activity] = []
        append = out.append
        for i, raw in enumerate(raws):
            record = quick(raw, seen, matters) if quick else None
            append(record or self._activity(raw, i, seen, matters))
        return tuple(out)

    def _activity(self, raw: Any, i: int, seen: set[str], matters: dict[str, str]) -> Activity:
        """The reference reading of one activity: explains the first problem."""
        rec = open_record(raw, "$.activities", i, "activity")
        aid = read_id(rec, seen)
        matter_id = rec.req("matter_id")
        if matter_id not in matters:
            rec.fail("matter_id", f"matter {quote(matter_id)} is not in the matters list")
        kind = cast(ActivityKind, rec.choice("kind", ACTIVITY_KINDS))
        day = rec.day("date", self.dates)
        assert day is not None
        hours = rate = amount = None
        category = None
        if kind == "time":
            hours = rec.hours()
            rate = rec.money("rate", required=False)
        else:
            amount = rec.money("amount", required=True)
            category = rec.text("category", required=False, blank_ok=True) or None
        note = rec.text("note", required=False, blank_ok=True) or ""
        author = rec.req("author")
        stamp = rec.stamp(self.stamps)
        return Activity(
            aid, matter_id, kind, day, hours, rate, amount, category, note, author, stamp
        )
