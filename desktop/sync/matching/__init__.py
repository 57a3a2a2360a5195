"""Contact matching: ranked Clio contact candidates for Prolegis clients, with evidence and
bands (confident / review / none). Pure Python; no Qt, no Clio or Prolegis imports.

Entry points: :class:`Matcher`, :class:`Party`, :class:`Address`, :class:`Band`.
See docs/matching.md.
"""

from __future__ import annotations

from desktop.sync.matching.bands import Band
from desktop.sync.matching.evidence import Evidence, Flag, Verdict
from desktop.sync.matching.matcher import Candidate, Matcher, MatchResult
from desktop.sync.matching.records import Address, Party

__all__ = [
    "Address",
    "Band",
    "Candidate",
    "Evidence",
    "Flag",
    "MatchResult",
    "Matcher",
    "Party",
    "Verdict",
]
