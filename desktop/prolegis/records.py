"""The records Prolegis keeps, as the companion sees them: clients, matters, activities.

Plain frozen dataclasses built by :mod:`desktop.prolegis.manifest` from a validated
``prolegis.json``; nothing here reads files or validates input. Money is ``Decimal`` with two
decimals, hours a non-negative ``Decimal``, timestamps timezone-aware ``datetime`` in UTC.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Literal, TypeVar

ClientKind = Literal["person", "company"]
MatterStatus = Literal["open", "pending", "closed"]
ActivityKind = Literal["time", "expense"]

CLIENT_KINDS: tuple[ClientKind, ...] = ("person", "company")
MATTER_STATUSES: tuple[MatterStatus, ...] = ("open", "pending", "closed")
ACTIVITY_KINDS: tuple[ActivityKind, ...] = ("time", "expense")


@dataclass(frozen=True, slots=True)
class Address:
    """A postal address; every part may be empty."""

    street: str = ""
    city: str = ""
    province: str = ""
    postal_code: str = ""
    country: str = ""


@dataclass(frozen=True, slots=True)
class Client:
    """A Prolegis client: a person (first/last name) or a company (``company``)."""

    id: str
    kind: ClientKind
    first_name: str | None
    last_name: str | None
    company: str | None
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    addresses: tuple[Address, ...]
    updated_at: datetime

    @property
    def display_name(self) -> str:
        """How the client is shown: "Ada Lovelace" for a person, "Prairie Holdings Ltd."."""
        if self.kind == "company":
            return self.company or ""
        return " ".join(p for p in (self.first_name, self.last_name) if p)


@dataclass(frozen=True, slots=True)
class Matter:
    """A Prolegis matter; ``folder`` is its document folder, a normalized relative POSIX path."""

    id: str
    number: str
    title: str
    status: MatterStatus
    open_date: date | None
    client_ids: tuple[str, ...]
    folder: str
    updated_at: datetime

    @property
    def display_name(self) -> str:
        """"2024-0012 Purchase of 12 Elm St"."""
        return f"{self.number} {self.title}".strip()


@dataclass(frozen=True, slots=True)
class Activity:
    """A time entry (``hours``, optional ``rate``) or an expense (``amount``, ``category``)."""

    id: str
    matter_id: str
    kind: ActivityKind
    date: date
    hours: Decimal | None
    rate: Decimal | None
    amount: Decimal | None
    category: str | None
    note: str
    author: str
    updated_at: datetime

    @property
    def total(self) -> Decimal | None:
        """What the entry bills: hours × rate for time (None without a rate), amount otherwise."""
        if self.kind == "expense":
            return self.amount
        if self.hours is None or self.rate is None:
            return None
        return (self.hours * self.rate).quantize(Decimal("0.01"))


_R = TypeVar("_R", Client, Matter, Activity)


def _index(records: tuple[_R, ...]) -> Mapping[str, _R]:
    return MappingProxyType({r.id: r for r in records})


@dataclass(frozen=True)
class Manifest:
    """One validated version of ``prolegis.json``: records in file order plus lookups by id."""

    version: int
    clients: tuple[Client, ...]
    matters: tuple[Matter, ...]
    activities: tuple[Activity, ...]
    clients_by_id: Mapping[str, Client] = field(init=False, repr=False, compare=False)
    matters_by_id: Mapping[str, Matter] = field(init=False, repr=False, compare=False)
    activities_by_id: Mapping[str, Activity] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "clients_by_id", _index(self.clients))
        object.__setattr__(self, "matters_by_id", _index(self.matters))
        object.__setattr__(self, "activities_by_id", _index(self.activities))
        object.__setattr__(self, "_by_matter", None)

    def activities_of(self, matter_id: str) -> tuple[Activity, ...]:
        """The activities of one matter, in file order (an index built on first use)."""
        by_matter: dict[str, tuple[Activity, ...]] | None = self.__dict__.get("_by_matter")
        if by_matter is None:
            grouped: dict[str, list[Activity]] = {}
            for a in self.activities:
                grouped.setdefault(a.matter_id, []).append(a)
            by_matter = {k: tuple(v) for k, v in grouped.items()}
            object.__setattr__(self, "_by_matter", by_matter)
        return by_matter.get(matter_id, ())

    @classmethod
    def empty(cls, version: int = 1) -> Manifest:
        """A manifest with no records."""
        return cls(version, (), (), ())
