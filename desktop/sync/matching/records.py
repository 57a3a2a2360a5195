"""The matcher's own plain input type: a :class:`Party` (a Prolegis client or a Clio contact).

Adapters from the Prolegis manifest and from Clio contacts are written elsewhere; this module
imports neither side. A party is immutable; lists given by an adapter are stored as tuples.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

PartyKind = Literal["person", "company"]
KINDS: tuple[PartyKind, ...] = ("person", "company")


@dataclass(frozen=True, slots=True)
class Address:
    """A postal address as the sources hold it (free text; normalized by the matcher)."""

    street: str = ""
    city: str = ""
    province: str = ""
    postal_code: str = ""
    country: str = ""


@dataclass(frozen=True, slots=True)
class Party:
    """A person or a company on either side of a match.

    ``first_name``/``last_name`` are for persons (a whole name in one of them is accepted,
    including "Last, First"); ``company`` is a company's name, or a person's employer.
    ``date_of_birth`` is optional (Clio has it; Prolegis usually not). ``extra`` holds further
    comparable fields by name (compared generically: equal agrees, different disagrees weakly).
    """

    id: str
    kind: PartyKind
    first_name: str = ""
    last_name: str = ""
    company: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    addresses: tuple[Address, ...] = ()
    date_of_birth: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise ValueError(f"a party needs a non-empty string id, got {self.id!r}")
        if self.kind not in KINDS:
            raise ValueError(
                f"party {self.id}: kind must be 'person' or 'company', got {self.kind!r}"
            )
        for name in ("first_name", "last_name", "company", "date_of_birth"):
            value = getattr(self, name)
            if value is None:
                object.__setattr__(self, name, "")
            elif not isinstance(value, str):
                raise ValueError(f"party {self.id}: {name} must be text, got {value!r}")
        for name in ("emails", "phones", "addresses"):
            value = getattr(self, name)
            if value is None:
                object.__setattr__(self, name, ())
            elif isinstance(value, str):
                raise ValueError(f"party {self.id}: {name} must be a list, got a string")
            elif not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        for item in self.emails + self.phones:
            if not isinstance(item, str):
                raise ValueError(f"party {self.id}: emails and phones must be text, got {item!r}")
        for address in self.addresses:
            if not isinstance(address, Address):
                raise ValueError(f"party {self.id}: addresses must be Address, got {address!r}")

    @property
    def display_name(self) -> str:
        """The name as a person would read it ("Ada Lovelace", "Prairie Holdings Ltd.")."""
        if self.kind == "company":
            return self.company.strip()
        return " ".join(p for p in (self.first_name.strip(), self.last_name.strip()) if p)
