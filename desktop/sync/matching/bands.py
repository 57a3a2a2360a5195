"""The three bands and the rule that puts a client's best candidate in one of them.

**confident** — the score is high, the match is corroborated by more than the name (an email,
phone, street address, numbered-company number or date of birth agrees), the name itself agrees
(exactly, by nickname, initials or compound form; a mere spelling match needs two agreeing
identifiers), nothing strong disagrees (a different email, phone, company number or date of
birth on both sides, a different name or kind), and no rival is close: no second candidate
within :data:`RIVAL_MARGIN_BITS`, none sharing the agreeing identifier, and no other client
claiming the same contact. These are what "accept all confident matches" links when asked.

**review** — a plausible candidate the user must look at. **none** — nothing plausible:
propose "create a new Clio contact".
"""

from __future__ import annotations

from enum import StrEnum

from desktop.sync.matching.evidence import (
    CORROBORATION,
    STRONG_DISAGREEMENT,
    Flag,
    corroborations,
)

CONFIDENT_MIN_BITS = 6.0
"""A confident best candidate has posterior odds of at least 64:1 (a score ≥ 98.5)."""
REVIEW_MIN_BITS = 1.0
"""Below 2:1 odds (a score of 67) and without an agreeing identifier there is no match."""
RIVAL_MARGIN_BITS = 6.0
"""A second candidate closer than this (odds 64:1) to the best one is a close rival."""


class Band(StrEnum):
    """How sure the matcher is about a client's best candidate."""

    CONFIDENT = "confident"
    REVIEW = "review"
    NONE = "none"


_DISAGREEMENT_REASONS = tuple(
    (int(flag), text)
    for flag, text in (
        (Flag.EMAIL_DIFFERS, "email differs"),
        (Flag.PHONE_DIFFERS, "phone differs"),
        (Flag.NUMBER_DIFFERS, "company number differs"),
        (Flag.DOB_DIFFERS, "date of birth differs"),
        (Flag.NAME_DIFFERS, "name differs"),
        (Flag.KIND_DIFFERS, "person and company"),
    )
)
_CORROBORATION, _STRONG_DISAGREEMENT = int(CORROBORATION), int(STRONG_DISAGREEMENT)
_NAME_STRONG, _NAME_CLOSE = int(Flag.NAME_STRONG), int(Flag.NAME_CLOSE)


def decide(best_bits: float, best_flags: int, second_bits: float | None,
           second_flags: int) -> tuple[Band, tuple[str, ...]]:
    """The band of a best candidate given the runner-up, and why it is not higher."""
    corroborating = best_flags & _CORROBORATION
    if best_bits < REVIEW_MIN_BITS and not corroborating:
        return Band.NONE, ("no plausible candidate",)
    reasons: list[str] = []
    if best_bits < CONFIDENT_MIN_BITS:
        reasons.append("score too low")
    if not corroborating:
        reasons.append("only the name agrees")
    if best_flags & _STRONG_DISAGREEMENT:
        reasons += [text for flag, text in _DISAGREEMENT_REASONS if best_flags & flag]
    if not best_flags & _NAME_STRONG and not (
        best_flags & _NAME_CLOSE and corroborations(best_flags) >= 2
    ):
        reasons.append("name does not agree well enough")
    if second_bits is not None:
        if second_bits >= best_bits - RIVAL_MARGIN_BITS:
            reasons.append("close rival")
        elif second_flags & corroborating:
            reasons.append("another contact shares the identifier")
    return (Band.REVIEW, tuple(reasons)) if reasons else (Band.CONFIDENT, ())
