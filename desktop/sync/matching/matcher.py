"""The matching engine: ranked Clio contact candidates for Prolegis clients, and bands.

``Matcher(contacts)`` normalizes and indexes the contact book once; ``candidates(client)``
ranks the contacts that share a blocking key with the client; ``match_all(clients)`` decides a
band for each client (see :mod:`bands`) and demotes a confident match to review when another
client claims the same contact. Nothing here links anything: the caller links only what the
user accepts ("accept all confident matches" takes the confident band).
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from desktop.sync.matching.bands import Band, decide
from desktop.sync.matching.blocking import BlockIndex
from desktop.sync.matching.contact_points import normalize_email, normalize_phone
from desktop.sync.matching.evidence import CORROBORATION, Evidence, Flag
from desktop.sync.matching.frequencies import Frequencies
from desktop.sync.matching.normalize import NormParty, normalize_party
from desktop.sync.matching.records import Party
from desktop.sync.matching.scoring import NameCache, compare, score_from_bits


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during a batch: the matcher allocates millions of
    small acyclic objects, and collections triggered by them cost more than the work itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def estimate_share_of_counterparts(best_bits: Sequence[float | None], share: float,
                                   rounds: int = 25) -> float:
    """EM estimate of the share of clients that have a contact: the mean posterior of each
    client's best candidate, recomputed under the new prior until it settles. ``best_bits``
    holds each client's best posterior under ``share`` (None when it had no candidate)."""
    if not best_bits:
        return share
    start = share
    for _ in range(rounds):
        shift = math.log2(share / start)
        total = 0.0
        for bits in best_bits:
            if bits is not None:
                total += 1.0 / (1.0 + math.exp2(max(-60.0, min(60.0, -(bits + shift)))))
        new = min(MAX_SHARE, max(MIN_SHARE, total / len(best_bits)))
        if abs(new - share) < 1e-4:
            return new
        share = new
    return share


class Candidate:
    """A contact proposed for a client: ``score`` 0–100 (the chance, in percent, that it is
    the same person or company), ``weight`` the same as log2-odds, ``flags`` the facts the band
    was decided on, and ``evidence`` per field (computed on first access)."""

    __slots__ = ("_evidence", "_explain", "contact_id", "flags", "score", "weight")

    def __init__(self, contact_id: str, score: float, weight: float, flags: Flag,
                 explain: Callable[[], list[Evidence]]) -> None:
        self.contact_id = contact_id
        self.score = score
        self.weight = weight
        self.flags = flags
        self._explain: Callable[[], list[Evidence]] | None = explain
        self._evidence: tuple[Evidence, ...] | None = None

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """What agreed and what disagreed, field by field."""
        if self._evidence is None:
            assert self._explain is not None
            self._evidence = tuple(self._explain())
            self._explain = None
        return self._evidence

    @property
    def labels(self) -> list[str]:
        """The evidence as short labels ("email ✓", "name ~ (nickname Bob = Robert)")."""
        return [e.label for e in self.evidence]

    def __repr__(self) -> str:
        return f"Candidate({self.contact_id!r}, score={self.score}, weight={self.weight})"


@dataclass(frozen=True, slots=True)
class MatchResult:
    """The outcome for one client: its ``band``, the ``best`` candidate and the
    ``runner_up`` (``margin`` = their score difference), why it is not confident
    (``reasons``), and the top ``candidates`` in rank order."""

    client_id: str
    band: Band
    best: Candidate | None
    runner_up: Candidate | None
    margin: float
    reasons: tuple[str, ...]
    candidates: tuple[Candidate, ...]


MIN_SHARE, MAX_SHARE = 0.02, 0.98
"""Bounds of the estimated share of clients that have a contact."""

_Ranked = list[tuple[float, int, int]]  # (weight, contact index, flags), best first


class Matcher:
    """Ranks and bands Clio contacts for Prolegis clients. Build once per contact book.

    ``counterpart_share`` is the prior share of clients that already have a contact;
    :meth:`match_all` re-estimates it from the clients it is given (a few EM steps) and the
    matcher keeps that estimate for later calls, so the wizard's scores agree with the batch.
    Otherwise read-only (safe to share between threads).
    """

    def __init__(self, contacts: Sequence[Party], counterpart_share: float = 0.5) -> None:
        self._parties = list(contacts)
        seen: set[str] = set()
        for party in self._parties:
            if party.id in seen:
                raise ValueError(f"contact id {party.id!r} appears twice")
            seen.add(party.id)
        with _gc_paused():
            self._norm = [normalize_party(p, i) for i, p in enumerate(self._parties)]
            self._freq = Frequencies(self._norm, counterpart_share)
            self._index = BlockIndex(self._norm)
        self._by_id = {p.id: i for i, p in enumerate(self._parties)}

    def __len__(self) -> int:
        return len(self._norm)

    @property
    def counterpart_share(self) -> float:
        """The share of clients believed to have a contact (the prior in every score)."""
        return self._freq.share

    # --- look-ups --------------------------------------------------------------------------

    def find_by_email(self, email: str) -> list[str]:
        """Ids of the contacts that have ``email`` (normalized), whatever the block size."""
        key = normalize_email(email)
        return [self._norm[i].id for i in self._index.block("e" + key)] if key else []

    def find_by_phone(self, phone: str) -> list[str]:
        """Ids of the contacts that have ``phone`` (normalized to E.164)."""
        key = normalize_phone(phone)
        return [self._norm[i].id for i in self._index.block("f" + key)] if key else []

    def contact(self, contact_id: str) -> Party:
        """The contact with this id (KeyError when unknown)."""
        return self._parties[self._by_id[contact_id]]

    # --- ranking ---------------------------------------------------------------------------

    def _rank(self, client: NormParty) -> _Ranked:
        freq, norm = self._freq, self._norm
        cache: NameCache = {}
        ranked = []
        for index in self._index.candidates(client):
            weight, flags, _ = compare(client, norm[index], freq, cache=cache)
            ranked.append((weight, index, flags))
        ranked.sort(key=lambda r: (-r[0], r[1]))
        return ranked

    def _candidate(self, client: NormParty, ranked: tuple[float, int, int]) -> Candidate:
        weight, index, flags = ranked
        contact, freq = self._norm[index], self._freq

        def explain() -> list[Evidence]:
            return compare(client, contact, freq, explain=True)[2]

        return Candidate(contact.id, round(score_from_bits(weight), 1), round(weight, 2),
                         Flag(flags), explain)

    def candidates(self, client: Party, limit: int = 5) -> list[Candidate]:
        """The best ``limit`` contacts for ``client``, best first, with evidence."""
        norm = normalize_party(client)
        return [self._candidate(norm, r) for r in self._rank(norm)[:limit]]

    def compare(self, client: Party, contact_id: str) -> Candidate:
        """Score and explain one pair the user picked by hand."""
        norm, contact = normalize_party(client), self._norm[self._by_id[contact_id]]
        weight, flags, _ = compare(norm, contact, self._freq)
        return self._candidate(norm, (weight, contact.index, flags))

    # --- bands -----------------------------------------------------------------------------

    def _result(self, client: Party, norm: NormParty, ranked: _Ranked, limit: int,
                shift: float = 0.0) -> MatchResult:
        """Band and candidates; ``shift`` (bits) moves ``ranked`` to a newly estimated prior."""
        if not ranked:
            return MatchResult(client.id, Band.NONE, None, None, 0.0,
                               ("no candidate",), ())
        top = [(w + shift, i, f) for w, i, f in ranked[: max(limit, 2)]]
        best_bits, _, best_flags = top[0]
        second_bits, second_flags = (top[1][0], top[1][2]) if len(top) > 1 else (None, 0)
        band, reasons = decide(best_bits, best_flags, second_bits, second_flags)
        shown = tuple(self._candidate(norm, r) for r in top)
        best = shown[0]
        runner_up = shown[1] if len(shown) > 1 else None
        margin = round(best.score - (runner_up.score if runner_up else 0.0), 1)
        return MatchResult(client.id, band, best, runner_up, margin, reasons, shown[:limit])

    def match(self, client: Party, limit: int = 3) -> MatchResult:
        """The band and candidates for one client (no check against other clients)."""
        norm = normalize_party(client)
        return self._result(client, norm, self._rank(norm), limit)

    def match_all(self, clients: Iterable[Party], limit: int = 3,
                  estimate_share: bool = True) -> list[MatchResult]:
        """Results for every client, in order. With ``estimate_share`` the prior share of
        clients that have a contact is first estimated from this batch (see
        :func:`estimate_share_of_counterparts`). A confident match whose contact is also the
        corroborated best candidate of another client is demoted to review."""
        clients = list(clients)
        with _gc_paused():
            norms = [normalize_party(c) for c in clients]
            ranked = [self._rank(n) for n in norms]
        if estimate_share and clients:
            old_prior = self._freq.prior_bits
            self._freq.set_share(estimate_share_of_counterparts(
                [r[0][0] if r else None for r in ranked], self._freq.share))
            shift = self._freq.prior_bits - old_prior
        else:
            shift = 0.0
        claims: dict[int, int] = {}
        corroboration = int(CORROBORATION)
        for r in ranked:
            if r and r[0][2] & corroboration:
                claims[r[0][1]] = claims.get(r[0][1], 0) + 1
        with _gc_paused():
            return self._band_all(clients, norms, ranked, claims, limit, shift)

    def _band_all(self, clients: list[Party], norms: list[NormParty], ranked: list[_Ranked],
                  claims: dict[int, int], limit: int, shift: float) -> list[MatchResult]:
        results = []
        for client, norm, r in zip(clients, norms, ranked, strict=True):
            result = self._result(client, norm, r, limit, shift)
            if result.band is Band.CONFIDENT and claims.get(r[0][1], 0) > 1:
                result = MatchResult(result.client_id, Band.REVIEW, result.best,
                                     result.runner_up, result.margin,
                                     ("another client matches the same contact",),
                                     result.candidates)
            results.append(result)
        return results
