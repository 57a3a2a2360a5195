"""Contact matching: quality and speed on a generated law-firm book, and Febrl 4 against
recordlinkage's unsupervised ECM pipeline in the same run.

Generated set (the gate): top-1 precision / recall / F1 (a prediction is the best candidate of a
client in the confident or review band), the confident band's precision and coverage (share of
the clients that have a counterpart which the confident band links), the review queue's size,
and the time to build the matcher and match every client (50,000 × 50,000; quick: 5,000 ×
5,000).

Febrl 4 (5,000 × 5,000 from the ``recordlinkage`` package, ``soc_sec_id`` dropped): our F1 and
time beside recordlinkage's own pipeline — blocking on the same kind of keys, comparing
given_name, surname, street_number, address_1, address_2, suburb, postcode, state and
date_of_birth, and the ECM classifier. Skipped (with a note) when recordlinkage is missing;
nothing is installed here.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench.common import Figure
from bench.matching_data import Dataset, generate
from desktop.sync.matching import Address, Band, Matcher, MatchResult, Party

AREA = "matching"


@dataclass
class Quality:
    """Top-1 and band figures against the truth."""

    precision: float
    recall: float
    f1: float
    confident_precision: float
    confident_coverage: float
    confident: int
    review: int
    none: int
    clients: int
    with_counterpart: int
    calibration_error: float


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(results: Sequence[MatchResult], truth: dict[str, str | None]) -> Quality:
    """Score match results against the truth (client id → contact id or None)."""
    predicted = correct = confident = confident_ok = review = none = 0
    for res in results:
        expected = truth[res.client_id]
        if res.band is Band.NONE or res.best is None:
            none += 1
            continue
        predicted += 1
        hit = res.best.contact_id == expected
        correct += hit
        if res.band is Band.CONFIDENT:
            confident += 1
            confident_ok += hit
        else:
            review += 1
    positives = sum(1 for v in truth.values() if v is not None)
    precision = correct / predicted if predicted else 0.0
    recall = correct / positives if positives else 0.0
    return Quality(
        precision, recall, _f1(precision, recall),
        confident_ok / confident if confident else 1.0,
        confident_ok / positives if positives else 0.0,
        confident, review, none, len(results), positives,
        calibration_error(results, truth),
    )


def calibration_error(results: Sequence[MatchResult], truth: dict[str, str | None],
                      bins: int = 10) -> float:
    """Expected calibration error of the best candidates' scores: the mean gap, weighted by
    bin size, between the score (as a probability) and how often the best was right."""
    totals = [[0.0, 0.0, 0] for _ in range(bins)]  # sum of p, sum of hits, count
    for res in results:
        if res.best is None:
            continue
        p = res.best.score / 100.0
        b = totals[min(bins - 1, int(p * bins))]
        b[0] += p
        b[1] += res.best.contact_id == truth[res.client_id]
        b[2] += 1
    n = sum(int(b[2]) for b in totals)
    return sum(abs(b[0] - b[1]) for b in totals) / n if n else 0.0


def run_generated(n: int, seed: int = 2026) -> tuple[Quality, float, float, float]:
    """Generate n × n, match, and return (quality, build s, match s, CPU s of both)."""
    data: Dataset = generate(n, n, seed=seed)
    gc.collect()
    cpu = time.process_time()
    started = time.perf_counter()
    matcher = Matcher(data.contacts)
    built = time.perf_counter()
    results = matcher.match_all(data.clients)
    done = time.perf_counter()
    cpu = time.process_time() - cpu
    return evaluate(results, data.truth), built - started, done - built, cpu


# --- Febrl 4 -----------------------------------------------------------------------------

FEBRL_FIELDS = ("given_name", "surname", "street_number", "address_1", "address_2", "suburb",
                "postcode", "state", "date_of_birth")


def _text(value: Any) -> str:
    return "" if value is None or value != value else str(value).strip()  # NaN → ""


def febrl_party(rec_id: str, row: dict[str, Any]) -> Party:
    """A Febrl record as a Party: names, one address, date of birth; address_2 as an extra."""
    street = f"{_text(row['street_number'])} {_text(row['address_1'])}".strip()
    address = Address(street, _text(row["suburb"]), _text(row["state"]),
                      _text(row["postcode"]), "")
    extra = {"address_2": _text(row["address_2"])} if _text(row["address_2"]) else {}
    return Party(rec_id, "person", _text(row["given_name"]), _text(row["surname"]),
                 addresses=(address,), date_of_birth=_text(row["date_of_birth"]), extra=extra)


def _febrl_ours(a: Any, b: Any, links: set[tuple[str, str]]) -> tuple[float, float, float, float]:
    started = time.perf_counter()
    contacts = [febrl_party(str(i), r) for i, r in a.to_dict("index").items()]
    clients = [febrl_party(str(i), r) for i, r in b.to_dict("index").items()]
    results = Matcher(contacts).match_all(clients, limit=2)
    seconds = time.perf_counter() - started
    predicted = {(r.best.contact_id, r.client_id) for r in results
                 if r.band is not Band.NONE and r.best is not None}
    tp = len(predicted & links)
    p = tp / len(predicted) if predicted else 0.0
    r_ = tp / len(links)
    return p, r_, _f1(p, r_), seconds


def _febrl_ecm(a: Any, b: Any, links: set[tuple[str, str]]) -> tuple[float, float, float, float]:
    import recordlinkage

    started = time.perf_counter()
    indexer = recordlinkage.Index()
    indexer.block("given_name")
    indexer.block("surname")
    indexer.block("date_of_birth")
    indexer.block("postcode")
    pairs = indexer.index(a, b)
    compare = recordlinkage.Compare()
    compare.string("given_name", "given_name", method="jarowinkler", threshold=0.85,
                   label="given_name")
    compare.string("surname", "surname", method="jarowinkler", threshold=0.85,
                   label="surname")
    compare.exact("street_number", "street_number", label="street_number")
    compare.string("address_1", "address_1", method="levenshtein", threshold=0.85,
                   label="address_1")
    compare.string("address_2", "address_2", method="levenshtein", threshold=0.85,
                   label="address_2")
    compare.exact("suburb", "suburb", label="suburb")
    compare.exact("postcode", "postcode", label="postcode")
    compare.exact("state", "state", label="state")
    compare.exact("date_of_birth", "date_of_birth", label="date_of_birth")
    features = compare.compute(pairs, a, b)
    matches = recordlinkage.ECMClassifier(binarize=None).fit_predict(features)
    seconds = time.perf_counter() - started
    predicted = {(str(x), str(y)) for x, y in matches}
    tp = len(predicted & links)
    p = tp / len(predicted) if predicted else 0.0
    r_ = tp / len(links)
    return p, r_, _f1(p, r_), seconds


def run_febrl() -> list[Figure]:
    """Febrl 4: ours against recordlinkage's ECM pipeline, same fields, same process."""
    try:
        from recordlinkage.datasets import load_febrl4
    except ImportError:
        return [Figure(AREA, "Febrl 4 (skipped)", 0, "", note="recordlinkage not installed: "
                       "pip install '.[bench]' to run this comparison")]
    a, b, true_links = load_febrl4(return_links=True)
    a = a.drop(columns=["soc_sec_id"])
    b = b.drop(columns=["soc_sec_id"])
    links = {(str(x), str(y)) for x, y in true_links}
    ecm = _febrl_ecm(a, b, links)
    ours = _febrl_ours(a, b, links)
    return [
        Figure(AREA, "Febrl 4 F1", ours[2], "", baseline=ecm[2], baseline_name="recordlinkage ECM",
               higher_is_better=True, target=ecm[2],
               note=f"ours F1={ours[2]:.4f} P={ours[0]:.4f} R={ours[1]:.4f}; "
                    f"ECM F1={ecm[2]:.4f} P={ecm[0]:.4f} R={ecm[1]:.4f}"),
        Figure(AREA, "Febrl 4 time", ours[3], "s", baseline=ecm[3],
               baseline_name="recordlinkage ECM", target=ecm[3]),
    ]


def run(quick: bool) -> list[Figure]:
    """All matching figures (see the module docstring)."""
    n = 5_000 if quick else 50_000
    q, build, match, cpu = run_generated(n)
    size = f"{n:,} × {n:,}"
    figures = [
        Figure(AREA, f"top-1 precision ({size})", q.precision, "", higher_is_better=True),
        Figure(AREA, f"top-1 recall ({size})", q.recall, "", higher_is_better=True),
        Figure(AREA, f"top-1 F1 ({size})", q.f1, "", target=0.95, higher_is_better=True),
        Figure(AREA, "confident-band precision", q.confident_precision, "", target=0.999,
               higher_is_better=True, note=f"{q.confident:,} confident links"),
        Figure(AREA, "confident-band coverage", q.confident_coverage, "", higher_is_better=True,
               note=f"of {q.with_counterpart:,} clients that have a contact"),
        Figure(AREA, "review queue", q.review, "clients",
               note=f"{q.review / q.clients:.1%} of clients; {q.none:,} proposed as new"),
        Figure(AREA, "score calibration error", q.calibration_error, "",
               note="mean |score − observed hit rate| of the best candidates"),
        Figure(AREA, f"match time ({size})", build + match, "s",
               target=None if quick else 10.0,
               note=f"index {build:.2f} s + match {match:.2f} s; CPU {cpu:.2f} s"),
    ]
    return figures + run_febrl()
