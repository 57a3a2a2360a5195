"""What a comparison found: :class:`Evidence` items and the flags the bands are decided on."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntFlag, StrEnum


class Verdict(StrEnum):
    """How one field compared."""

    AGREES = "agrees"
    PARTIAL = "partial"
    DISAGREES = "disagrees"


_MARK = {Verdict.AGREES: "✓", Verdict.PARTIAL: "~", Verdict.DISAGREES: "✗"}


@dataclass(frozen=True, slots=True)
class Evidence:
    """One field's comparison: ``field`` (name, email, phone, company, address,
    date_of_birth, kind, or an extra field's key), its :class:`Verdict`, a stable ``code`` for
    translation ("exact", "nickname", "typo", "different", …), an English ``detail`` and the
    ``weight`` in bits it added to the score (negative when it pulled the score down)."""

    field: str
    verdict: Verdict
    code: str
    detail: str
    weight: float

    @property
    def label(self) -> str:
        """Short text for the wizard: "email ✓", "email ✗ different address",
        "name ~ (nickname Bob = Robert)"."""
        mark = f"{self.field.replace('_', ' ')} {_MARK[self.verdict]}"
        if not self.detail:
            return mark
        if self.verdict is Verdict.PARTIAL:
            return f"{mark} ({self.detail})"
        return f"{mark} {self.detail}"


class Flag(IntFlag):
    """Facts about a pair that decide its band, beyond the score."""

    NONE = 0
    EMAIL = 1  # an email address agrees
    PHONE = 2  # a phone number agrees
    ADDRESS = 4  # a street address agrees
    NUMBER = 8  # a numbered company's number agrees
    DOB = 16  # the date of birth agrees
    EMAIL_DIFFERS = 32  # both have emails and none is shared
    PHONE_DIFFERS = 64  # both have phones and none is shared
    NUMBER_DIFFERS = 128  # both are numbered companies with different numbers
    DOB_DIFFERS = 256  # both have dates of birth and they differ
    NAME_STRONG = 512  # the name agrees (exactly, by nickname, initials or compound)
    NAME_CLOSE = 1024  # the name agrees only approximately (typo)
    NAME_DIFFERS = 2048  # the surname or given name (or company name) disagrees
    KIND_DIFFERS = 4096  # a person compared with a company


CORROBORATION = Flag.EMAIL | Flag.PHONE | Flag.ADDRESS | Flag.NUMBER | Flag.DOB
"""Agreement beyond the name; the confident band needs at least one."""

STRONG_DISAGREEMENT = (
    Flag.EMAIL_DIFFERS
    | Flag.PHONE_DIFFERS
    | Flag.NUMBER_DIFFERS
    | Flag.DOB_DIFFERS
    | Flag.NAME_DIFFERS
    | Flag.KIND_DIFFERS
)
"""Any of these keeps a pair out of the confident band."""

_CORROBORATION_BITS = int(CORROBORATION)


def corroborations(flags: int) -> int:
    """How many independent identifiers agree."""
    return (flags & _CORROBORATION_BITS).bit_count()
