"""Per-field evidence (agrees / partial / disagrees) and the score it adds up to."""

from __future__ import annotations

import pytest

from bench.matching_data import generate
from desktop.sync.matching import Address, Evidence, Matcher, Party, Verdict
from desktop.sync.matching.frequencies import Frequencies
from desktop.sync.matching.normalize import normalize_party
from desktop.sync.matching.scoring import compare, score_from_bits

CONTACT = Party(
    "k1", "person", "Robert", "Tremblay", emails=("r.tremblay@lexmail.ca",),
    phones=("403-555-0142",),
    addresses=(Address("12 Elm St", "Calgary", "AB", "T2P 1J9", "CA"),),
    date_of_birth="1975-03-09",
)
BOOK = [CONTACT, Party("k2", "company", company="Prairie Holdings Ltd.",
                       emails=("info@prairieholdings.ca",)),
        Party("k3", "company", company="1234567 Alberta Ltd.")]


def evidence(client: Party, contact_id: str = "k1") -> dict[str, Evidence]:
    return {e.field: e for e in Matcher(BOOK).compare(client, contact_id).evidence}


def person(**fields: object) -> Party:
    base: dict[str, object] = {"first_name": "Robert", "last_name": "Tremblay"}
    base.update(fields)
    return Party("c1", "person", **base)  # type: ignore[arg-type]


def test_exact_name_and_email_agree() -> None:
    ev = evidence(person(emails=("R.Tremblay@LexMail.ca",)))
    assert ev["name"].verdict is Verdict.AGREES and ev["name"].label == "name ✓"
    assert ev["email"].verdict is Verdict.AGREES and ev["email"].label == "email ✓"


def test_different_email_disagrees() -> None:
    ev = evidence(person(emails=("bob@elsewhere.ca",)))
    assert ev["email"].verdict is Verdict.DISAGREES
    assert ev["email"].label == "email ✗ different address"
    assert ev["email"].weight < 0


def test_same_company_domain_is_partial() -> None:
    ev = evidence(person(emails=("robert@lexmail.ca",)))
    assert ev["email"].verdict is Verdict.PARTIAL and "lexmail.ca" in ev["email"].detail


def test_nickname_is_partial_with_its_explanation() -> None:
    ev = evidence(person(first_name="Bob"))
    assert ev["name"].verdict is Verdict.PARTIAL
    assert ev["name"].label == "name ~ (nickname Bob = Robert)"


@pytest.mark.parametrize(
    ("first", "last", "code"),
    [("R.", "Tremblay", "initial"), ("Robert", "Trembley", "typo"),
     ("Tremblay", "Robert", "swapped"), ("", "Tremblay, Robert", "exact"),
     ("Robert Jean", "Tremblay", "middle"),
     ("Robert", "Tremblay-Côté", "compound")],
)
def test_name_variants(first: str, last: str, code: str) -> None:
    ev = evidence(person(first_name=first, last_name=last))
    assert ev["name"].code == code
    assert ev["name"].verdict is not Verdict.DISAGREES


def test_different_given_name_disagrees() -> None:
    ev = evidence(person(first_name="Julie"))
    assert ev["name"].verdict is Verdict.DISAGREES
    assert "Julie ≠ Robert" in ev["name"].detail


def test_phone_agrees_in_any_format_and_disagrees_otherwise() -> None:
    assert evidence(person(phones=("+1 (403) 555-0142 ext 9",)))["phone"].verdict is Verdict.AGREES
    assert evidence(person(phones=("403-555-9999",)))["phone"].verdict is Verdict.DISAGREES


def test_addresses() -> None:
    same = Address("12 Elm Street", "Calgary", "Alberta", "t2p1j9")
    near = Address("40 Oak Ave", "Calgary", "AB", "T2P 1J9")
    far = Address("1 Main St", "Halifax", "NS", "B3H 1A1")
    assert evidence(person(addresses=(same,)))["address"].verdict is Verdict.AGREES
    assert evidence(person(addresses=(near,)))["address"].verdict is Verdict.PARTIAL
    assert evidence(person(addresses=(far,)))["address"].verdict is Verdict.DISAGREES


def test_dates_of_birth() -> None:
    assert evidence(person(date_of_birth="19750309"))["date_of_birth"].verdict is Verdict.AGREES
    swapped = evidence(person(date_of_birth="1975-09-03"))["date_of_birth"]
    assert swapped.verdict is Verdict.PARTIAL and "swapped" in swapped.detail
    assert evidence(person(date_of_birth="1980-01-01"))["date_of_birth"].verdict is \
        Verdict.DISAGREES


def test_company_forms_and_numbers() -> None:
    ok = evidence(Party("c", "company", company="prairie holdings limited"), "k2")["company"]
    assert ok.verdict is Verdict.AGREES
    other_form = evidence(Party("c", "company", company="Prairie Holdings Inc."), "k2")["company"]
    assert other_form.verdict is Verdict.PARTIAL and other_form.code == "form"
    number = evidence(Party("c", "company", company="1234567 Alberta Limited"), "k3")["company"]
    assert number.verdict is Verdict.AGREES and number.code == "number"
    wrong = evidence(Party("c", "company", company="7654321 Alberta Ltd."), "k3")["company"]
    assert wrong.verdict is Verdict.DISAGREES and wrong.weight <= -10


def test_person_against_company_disagrees_on_kind() -> None:
    ev = evidence(Party("c", "company", company="Robert Tremblay"), "k1")
    assert ev["kind"].verdict is Verdict.DISAGREES


def test_disagreeing_identifiers_pull_the_score_down_hard() -> None:
    m = Matcher(BOOK)
    name_only = m.compare(person(), "k1").score
    with_email = m.compare(person(emails=("r.tremblay@lexmail.ca",)), "k1").score
    other_email = m.compare(person(emails=("someone@else.ca",)), "k1").score
    other_both = m.compare(person(emails=("someone@else.ca",), phones=("604 555 1212",)),
                           "k1").score
    assert with_email > name_only > other_email > other_both
    assert with_email > 99
    assert other_both < 50


def test_score_is_the_logistic_of_the_bits() -> None:
    assert score_from_bits(0) == pytest.approx(50)
    assert score_from_bits(1) == pytest.approx(100 * 2 / 3)
    assert score_from_bits(-1000) == pytest.approx(0)
    assert score_from_bits(1000) == pytest.approx(100)


def test_fast_path_equals_explained_sum_on_generated_pairs() -> None:
    """The weight computed without evidence (with the name cache and fast paths) is exactly
    the prior plus the sum of the evidence weights."""
    data = generate(600, 600, seed=3)
    contacts = [normalize_party(p, i) for i, p in enumerate(data.contacts)]
    freq = Frequencies(contacts)
    index = {p.id: i for i, p in enumerate(data.contacts)}
    checked = 0
    for client in data.clients[:300]:
        c = normalize_party(client)
        cache: dict[int, tuple[float, int]] = {}
        for target in (data.truth[client.id], data.contacts[checked % 600].id):
            if target is None:
                continue
            contact = contacts[index[target]]
            fast, flags, _ = compare(c, contact, freq, cache=cache)
            slow, flags2, ev = compare(c, contact, freq, explain=True)
            assert fast == pytest.approx(slow)
            assert flags == flags2
            assert slow == pytest.approx(freq.prior_bits + sum(e.weight for e in ev))
            checked += 1
    assert checked > 300


def test_other_middle_name_or_compound_disagrees() -> None:
    book = [Party("jf", "person", "Jean-François", "Côté"),
            Party("ja", "person", "John A.", "Smith")]
    m = Matcher(book)
    jp = {e.field: e for e in m.compare(Party("c", "person", "Jean-Pierre", "Côté"), "jf").evidence}
    assert jp["name"].verdict is Verdict.DISAGREES and "middle" in jp["name"].detail
    jb = {e.field: e for e in m.compare(Party("c", "person", "John B.", "Smith"), "ja").evidence}
    assert jb["name"].verdict is Verdict.DISAGREES
    # One side without a middle name, or the same initial, is no conflict.
    assert m.compare(Party("c", "person", "John", "Smith"), "ja").evidence[0].verdict is \
        Verdict.AGREES
    assert m.compare(Party("c", "person", "Jean", "Côté"), "jf").evidence[0].verdict is \
        Verdict.PARTIAL
