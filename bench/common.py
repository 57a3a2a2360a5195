"""What every benchmark returns: figures with a target and, where one exists, a baseline measured
in the same run, so the table shows ratios rather than absolute times from another day."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    """One measured figure.

    ``higher_is_better`` decides how ``target`` is read: a floor (True) or a ceiling (False).
    ``baseline`` is the same work done by a reference tool in the same run (``find``,
    ``sha256sum``, plain httpx, recordlinkage…); ``ratio`` is value / baseline.
    """

    area: str
    name: str
    value: float
    unit: str
    target: float | None = None
    higher_is_better: bool = False
    baseline: float | None = None
    baseline_name: str = ""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline  # type: ignore[operator]

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.higher_is_better else self.value <= self.target


Bench = Callable[[bool], list[Figure]]
"""A benchmark: ``run(quick: bool) -> list[Figure]``; ``quick`` runs smaller sizes."""
