"""Blocking recall on a generated book, bounded candidate sets, and determinism."""

from __future__ import annotations

import random

from bench.matching_data import generate
from desktop.sync.matching import Band, Matcher, Party
from desktop.sync.matching.blocking import CAPS, BlockIndex, keys
from desktop.sync.matching.normalize import normalize_party


def test_blocking_loses_almost_no_true_pair() -> None:
    data = generate(4000, 4000, seed=17)
    contacts = [normalize_party(p, i) for i, p in enumerate(data.contacts)]
    index = BlockIndex(contacts)
    position = {p.id: i for i, p in enumerate(data.contacts)}
    pairs = lost = total = 0
    for client in data.clients:
        found = index.candidates(normalize_party(client))
        total += len(found)
        target = data.truth[client.id]
        if target is not None:
            pairs += 1
            lost += position[target] not in found
    assert pairs > 2000
    assert lost / pairs < 0.003, f"blocking lost {lost} of {pairs} true pairs"
    assert total / len(data.clients) < 15, "blocking should not approach all pairs"


def test_swapped_and_comma_names_are_found() -> None:
    book = [Party("k", "person", "Marguerite", "Tremblay")]
    m = Matcher(book)
    for first, last in [("Tremblay", "Marguerite"), ("", "Tremblay, Marguerite"),
                        ("Marguerite Tremblay", ""), ("Peggy", "Tremblay"),
                        ("Marguerite", "Trembley")]:
        found = m.candidates(Party("c", "person", first, last))
        assert [c.contact_id for c in found] == ["k"], (first, last)


def test_a_common_surname_block_is_skipped_but_exact_names_still_found() -> None:
    book = [Party(f"k{i}", "person", f"Name{i}", "Tremblay") for i in range(CAPS["s"] + 20)]
    book.append(Party("k-m", "person", "Marie", "Tremblay"))
    index = BlockIndex([normalize_party(p, i) for i, p in enumerate(book)])
    client = normalize_party(Party("c", "person", "Marie", "Tremblay"))
    assert "sTremblay".lower() in {k.lower() for k in keys(client)}
    assert index.usable("stremblay") == []
    assert [book[i].id for i in index.candidates(client)] == ["k-m"]


def _summary(results: list) -> list[tuple[object, ...]]:  # type: ignore[type-arg]
    return [(r.client_id, r.band, r.best and r.best.contact_id, r.best and r.best.score,
             r.margin, tuple(c.contact_id for c in r.candidates)) for r in results]


def test_same_input_same_output() -> None:
    data = generate(1500, 1500, seed=5)
    first = _summary(Matcher(data.contacts).match_all(data.clients))
    second = _summary(Matcher(list(data.contacts)).match_all(list(data.clients)))
    assert first == second


def test_client_order_does_not_change_any_result() -> None:
    data = generate(1500, 1500, seed=6)
    straight = {s[0]: s for s in _summary(Matcher(data.contacts).match_all(data.clients))}
    shuffled = list(data.clients)
    random.Random(1).shuffle(shuffled)
    again = {s[0]: s for s in _summary(Matcher(data.contacts).match_all(shuffled))}
    assert straight == again


def test_confident_band_is_precise_on_a_generated_book() -> None:
    data = generate(3000, 3000, seed=23)
    results = Matcher(data.contacts).match_all(data.clients)
    confident = [r for r in results if r.band is Band.CONFIDENT]
    wrong = [r for r in confident if r.best is None or r.best.contact_id != data.truth[r.client_id]]
    assert len(confident) > 1000
    assert wrong == []
    predicted = [r for r in results if r.band is not Band.NONE]
    correct = sum(r.best is not None and r.best.contact_id == data.truth[r.client_id]
                  for r in predicted)
    positives = sum(v is not None for v in data.truth.values())
    precision, recall = correct / len(predicted), correct / positives
    assert 2 * precision * recall / (precision + recall) > 0.93
