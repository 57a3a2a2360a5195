"""Build Prolegis workspaces for the demo and the tests, writing them as Prolegis would.

:class:`WorkspaceBuilder` holds records in memory, adds documents to matter folders, and
``write()`` replaces ``prolegis.json`` atomically (temp file + rename). It does not validate what
it writes, so tests can also produce broken manifests; ``manifest()`` parses what ``write()``
would write. :func:`generate_firm` fills a workspace with a realistic, seeded firm.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from desktop.prolegis.folders import MANIFEST_NAME
from desktop.prolegis.manifest import parse_manifest
from desktop.prolegis.placeholders import placeholder_bytes
from desktop.prolegis.records import (
    Activity,
    ActivityKind,
    Address,
    Client,
    ClientKind,
    Manifest,
    Matter,
    MatterStatus,
)
from desktop.prolegis.serialize import dump_dict, manifest_to_dict

Number = Decimal | int | float | str
_R = TypeVar("_R", Client, Matter, Activity)
_UNSAFE = re.compile(r'[<>:"|?*\\/\x00-\x1f]')


def safe_folder_name(text: str) -> str:
    """``text`` made into one valid folder name on every OS (unsafe characters become "-",
    trailing dots and spaces are dropped)."""
    cleaned = _UNSAFE.sub("-", text).strip().rstrip(". ")
    return cleaned or "matter"


def _dec(value: Number | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


class TickingClock:
    """A deterministic clock: each call returns a time one minute after the previous one."""

    def __init__(self, start: datetime | None = None, step: timedelta = timedelta(minutes=1)):
        self._next = start or datetime(2026, 11, 20, 17, 4, tzinfo=UTC)
        self._step = step

    def __call__(self) -> datetime:
        now = self._next
        self._next = now + self._step
        return now


class WorkspaceBuilder:
    """An in-memory Prolegis workspace at ``root``; ``write()`` publishes the manifest."""

    def __init__(
        self,
        root: Path,
        *,
        clock: Callable[[], datetime] | None = None,
        author: str = "jdoe",
        indent: int | None = 1,
    ) -> None:
        self.root = Path(root)
        self.indent = indent
        self.root.mkdir(parents=True, exist_ok=True)
        self.manifest_path = self.root / MANIFEST_NAME
        self.clock = clock or TickingClock()
        self.author = author
        self.clients: dict[str, Client] = {}
        self.matters: dict[str, Matter] = {}
        self.activities: dict[str, Activity] = {}
        self._seq = {"client": 1000, "matter": 0, "activity": 5000}

    def _next_id(self, kind: str, prefix: str, taken: dict[str, Any]) -> str:
        while True:
            self._seq[kind] += 1
            rid = f"{prefix}{self._seq[kind]}"
            if rid not in taken:
                return rid

    # -- records ------------------------------------------------------------------------------

    def add_client(
        self,
        first_name: str | None = None,
        last_name: str | None = None,
        *,
        company: str | None = None,
        kind: ClientKind | None = None,
        id: str | None = None,
        emails: Iterable[str] = (),
        phones: Iterable[str] = (),
        addresses: Iterable[Address] = (),
    ) -> Client:
        """Add a person (first/last name) or a company (``company`` alone)."""
        if kind is None:
            kind = "company" if company and not (first_name or last_name) else "person"
        cid = id or self._next_id("client", "c-", self.clients)
        client = Client(
            cid, kind, first_name, last_name, company, tuple(emails), tuple(phones),
            tuple(addresses), self.clock(),
        )
        self.clients[cid] = client
        return client

    def add_matter(
        self,
        title: str,
        *,
        client_ids: Iterable[str] = (),
        number: str | None = None,
        id: str | None = None,
        status: MatterStatus = "open",
        open_date: date | None = None,
        folder: str | None = None,
    ) -> Matter:
        """Add a matter; its folder defaults to "<number> <title>" made safe."""
        if number is None:
            year = self.clock().year
            taken = {m.number for m in self.matters.values()}
            while True:
                self._seq["matter"] += 1
                number = f"{year}-{self._seq['matter']:04d}"
                if number not in taken:
                    break
        mid = id or f"m-{number}"
        matter = Matter(
            mid, number, title, status, open_date, tuple(client_ids),
            folder if folder is not None else safe_folder_name(f"{number} {title}"),
            self.clock(),
        )
        self.matters[mid] = matter
        return matter

    def add_activity(
        self,
        matter_id: str,
        *,
        kind: ActivityKind = "time",
        date: date | None = None,
        hours: Number | None = None,
        rate: Number | None = None,
        amount: Number | None = None,
        category: str | None = None,
        note: str = "",
        author: str | None = None,
        id: str | None = None,
    ) -> Activity:
        """Add a time entry (``hours``, ``rate``) or an expense (``amount``, ``category``)."""
        now = self.clock()
        if kind == "time" and hours is None:
            hours = "1.0"
        if kind == "expense" and amount is None:
            amount = "0.00"
        aid = id or self._next_id("activity", "a-", self.activities)
        activity = Activity(
            aid, matter_id, kind, date or now.date(),
            _dec(hours) if kind == "time" else None,
            _dec(rate) if kind == "time" else None,
            _dec(amount) if kind == "expense" else None,
            category if kind == "expense" else None,
            note, author or self.author, now,
        )
        self.activities[aid] = activity
        return activity

    def update_client(self, client_id: str, **changes: Any) -> Client:
        """Change fields of a client (its ``updated_at`` moves on)."""
        return self._update(self.clients, client_id, changes)

    def update_matter(self, matter_id: str, **changes: Any) -> Matter:
        """Change fields of a matter, e.g. ``status="closed"`` or ``folder=`` (a move)."""
        return self._update(self.matters, matter_id, changes)

    def update_activity(self, activity_id: str, **changes: Any) -> Activity:
        """Change fields of an activity; numbers may be given as int/float/str."""
        for key in ("hours", "rate", "amount"):
            if key in changes:
                changes[key] = _dec(changes[key])
        return self._update(self.activities, activity_id, changes)

    def _update(self, table: dict[str, _R], rid: str, changes: dict[str, Any]) -> _R:
        if "client_ids" in changes:
            changes["client_ids"] = tuple(changes["client_ids"])
        changes.setdefault("updated_at", self.clock())
        record = dataclasses.replace(table[rid], **changes)
        table[rid] = record
        return record

    def remove_client(self, client_id: str, *, force: bool = False) -> Client:
        """Remove a client; refused while a matter lists it unless ``force`` (which leaves the
        manifest invalid, for tests)."""
        users = [m.id for m in self.matters.values() if client_id in m.client_ids]
        if users and not force:
            raise ValueError(f"client {client_id} is a client of {', '.join(users)}")
        return self.clients.pop(client_id)

    def remove_matter(self, matter_id: str, *, keep_activities: bool = False) -> Matter:
        """Remove a matter and (unless ``keep_activities``) its activities."""
        if not keep_activities:
            for aid in [a.id for a in self.activities.values() if a.matter_id == matter_id]:
                del self.activities[aid]
        return self.matters.pop(matter_id)

    def remove_activity(self, activity_id: str) -> Activity:
        """Remove an activity (as if deleted in Prolegis)."""
        return self.activities.pop(activity_id)

    # -- documents ----------------------------------------------------------------------------

    def matter_path(self, matter_id: str) -> Path:
        """The absolute folder of a matter."""
        return self.root.joinpath(*self.matters[matter_id].folder.split("/"))

    def add_document(
        self, matter_id: str, rel_path: str, content: bytes | str | None = None
    ) -> Path:
        """Write a document into the matter's folder (sub-folders created); ``content`` None
        writes a valid placeholder chosen by the extension."""
        parts = [p for p in rel_path.replace("\\", "/").split("/") if p not in ("", ".")]
        if not parts or ".." in parts or rel_path.startswith(("/", "\\")):
            raise ValueError(f"not a path inside the matter folder: {rel_path!r}")
        path = self.matter_path(matter_id).joinpath(*parts)
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            matter = self.matters[matter_id]
            title = parts[-1].rsplit(".", 1)[0]
            content = placeholder_bytes(
                parts[-1], title=title, body=f"{matter.number} — {matter.title}"
            )
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    # -- output -------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The manifest as a JSON-ready object (tests may break it before writing)."""
        return manifest_to_dict(
            list(self.clients.values()),
            list(self.matters.values()),
            list(self.activities.values()),
        )

    def to_bytes(self) -> bytes:
        """The manifest's bytes (indented for people unless ``indent`` is None)."""
        return dump_dict(self.to_dict(), indent=self.indent)

    def manifest(self) -> Manifest:
        """Parse what ``write()`` would write (raises ManifestError if it is invalid)."""
        return parse_manifest(self.to_bytes())

    def write(self, data: bytes | dict[str, Any] | None = None, *, atomic: bool = True) -> Path:
        """Publish the manifest (or ``data`` instead) the way Prolegis does: write a temp file
        beside it, flush it to disk, rename it over ``prolegis.json``. ``atomic=False``
        rewrites the file in place instead (what a naive exporter does)."""
        if data is None:
            data = self.to_bytes()
        elif isinstance(data, dict):
            data = dump_dict(data, indent=self.indent)
        if not atomic:
            with open(self.manifest_path, "wb") as fh:
                fh.write(data)
            return self.manifest_path
        fd, tmp = tempfile.mkstemp(prefix=".prolegis.json.", suffix=".tmp", dir=self.root)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.manifest_path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return self.manifest_path


def generate_firm(root: Path, *, seed: int = 1, **sizes: Any) -> WorkspaceBuilder:
    """Write a realistic Canadian conveyancing/estates firm workspace at ``root`` (see
    :func:`desktop.prolegis.firm.generate_firm` for the size options) and return its builder."""
    from desktop.prolegis.firm import generate_firm as _generate

    return _generate(root, seed=seed, **sizes)
