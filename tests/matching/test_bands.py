"""Bands: confident only when corroborated, unambiguous and uncontradicted."""

from __future__ import annotations

from desktop.sync.matching import Address, Band, Matcher, Party

ADA = Party("k-ada", "person", "Ada", "Lovelace", emails=("ada@example.com",),
            phones=("403-555-0100",), addresses=(Address("12 Elm St", "Calgary", "AB", "T2P1J9"),))


def client(**fields: object) -> Party:
    base: dict[str, object] = {"first_name": "Ada", "last_name": "Lovelace"}
    base.update(fields)
    return Party("c-1", "person", **base)  # type: ignore[arg-type]


def test_exact_email_and_name_is_confident() -> None:
    result = Matcher([ADA]).match(client(emails=("ADA@example.com ",)))
    assert result.band is Band.CONFIDENT
    assert result.best is not None and result.best.contact_id == "k-ada"
    assert result.reasons == ()


def test_name_alone_is_never_confident() -> None:
    result = Matcher([ADA]).match(client())
    assert result.band is Band.REVIEW
    assert "only the name agrees" in result.reasons


def test_namesake_with_a_different_email_is_never_confident() -> None:
    for extra in ({}, {"phones": ("403-555-0100",)},
                  {"addresses": (Address("12 Elm St", "Calgary", "AB", "T2P1J9"),)}):
        result = Matcher([ADA]).match(client(emails=("ada.l@other.org",), **extra))
        assert result.band is not Band.CONFIDENT
        assert result.band is Band.NONE or "email differs" in result.reasons
        assert result.best is not None
        assert any(e.label == "email ✗ different address" for e in result.best.evidence)


def test_namesake_with_other_email_and_phone_is_no_match() -> None:
    result = Matcher([ADA]).match(client(emails=("ada@other.org",), phones=("604-555-1212",),
                                         addresses=(Address("1 Main St", "Halifax", "NS"),)))
    assert result.band is Band.NONE


def test_two_equally_good_candidates_go_to_review() -> None:
    twin = Party("k-twin", "person", "Ada", "Lovelace", emails=("ada@example.com",))
    book = [ADA, twin]
    result = Matcher(book).match(client(emails=("ada@example.com",)))
    assert result.band is Band.REVIEW
    assert result.runner_up is not None
    assert {result.best.contact_id, result.runner_up.contact_id} == {"k-ada", "k-twin"}  # type: ignore[union-attr]


def test_a_rival_corroborated_by_another_identifier_goes_to_review() -> None:
    other = Party("k-other", "person", "Ada", "Lovelace", phones=("587-555-0199",))
    result = Matcher([ADA, other]).match(client(emails=("ada@example.com",),
                                                phones=("587-555-0199",)))
    assert result.band is Band.REVIEW


def test_a_household_email_shared_by_two_contacts_is_not_confident() -> None:
    husband = Party("k-h", "person", "Charles", "Babbage", emails=("family@example.com",))
    wife = Party("k-w", "person", "Georgiana", "Babbage", emails=("family@example.com",))
    result = Matcher([husband, wife]).match(
        Party("c", "person", "Charles", "Babbage", emails=("family@example.com",)))
    assert result.best is not None and result.best.contact_id == "k-h"
    assert result.band is Band.REVIEW
    assert any("shared by 2" in e.detail for e in result.best.evidence)


def test_strong_identifiers_with_a_typo_in_the_name() -> None:
    one = Matcher([ADA]).match(client(last_name="Lovelase", emails=("ada@example.com",)))
    two = Matcher([ADA]).match(client(last_name="Lovelase", emails=("ada@example.com",),
                                      phones=("(403) 555-0100",)))
    assert one.band is Band.REVIEW
    assert two.band is Band.CONFIDENT


def test_nickname_with_email_is_confident() -> None:
    bob = Party("k-bob", "person", "Robert", "Smith", emails=("bob@smith.ca",))
    result = Matcher([bob]).match(Party("c", "person", "Bob", "Smith", emails=("bob@smith.ca",)))
    assert result.band is Band.CONFIDENT


def test_numbered_company_number_is_confident_and_a_different_number_is_not() -> None:
    book = [Party("k-n", "company", company="9876-5432 Québec inc.")]
    same = Matcher(book).match(Party("c", "company", company="98765432 Quebec Inc"))
    other = Matcher(book).match(Party("c", "company", company="9876-5433 Québec inc."))
    assert same.band is Band.CONFIDENT
    assert other.band is Band.NONE


def test_no_candidate_proposes_a_new_contact() -> None:
    result = Matcher([ADA]).match(Party("c", "person", "Grace", "Hopper"))
    assert result.band is Band.NONE and result.best is None and result.candidates == ()
    assert Matcher([]).match(client()).band is Band.NONE


def test_two_clients_claiming_one_contact_are_both_reviewed() -> None:
    m = Matcher([ADA])
    results = m.match_all([client(emails=("ada@example.com",)),
                           Party("c-2", "person", "Ada", "Lovelace", phones=("403 555 0100",))])
    assert [r.band for r in results] == [Band.REVIEW, Band.REVIEW]
    assert results[0].reasons == ("another client matches the same contact",)


def test_match_all_estimates_the_share_of_clients_with_a_contact() -> None:
    book = [Party(f"k{i}", "person", "Given", f"Surname{i}", emails=(f"p{i}@x.ca",))
            for i in range(50)]
    m = Matcher(book)
    assert m.counterpart_share == 0.5
    known = [Party(f"c{i}", "person", "Given", f"Surname{i}", emails=(f"p{i}@x.ca",))
             for i in range(40)]
    strangers = [Party(f"s{i}", "person", "Other", f"Stranger{i}") for i in range(10)]
    results = m.match_all(known + strangers)
    assert 0.7 < m.counterpart_share < 0.9
    assert sum(r.band is Band.CONFIDENT for r in results) == 40


def test_find_by_email_and_phone() -> None:
    other = Party("k-2", "person", "Augusta", "King", emails=("ADA@example.com",))
    m = Matcher([ADA, other])
    assert sorted(m.find_by_email(" ada@EXAMPLE.com")) == ["k-2", "k-ada"]
    assert m.find_by_email("nobody@example.com") == []
    assert m.find_by_email("not an email") == []
    assert m.find_by_phone("+1 403 555 0100") == ["k-ada"]


def test_candidates_are_ranked_and_limited() -> None:
    book = [ADA] + [Party(f"k{i}", "person", "Ada", "Lovelace") for i in range(8)]
    cands = Matcher(book).candidates(client(emails=("ada@example.com",)), limit=3)
    assert len(cands) == 3
    assert cands[0].contact_id == "k-ada"
    assert [c.score for c in cands] == sorted((c.score for c in cands), reverse=True)


def test_duplicate_contact_ids_are_refused() -> None:
    try:
        Matcher([ADA, ADA])
    except ValueError as exc:
        assert "k-ada" in str(exc)
    else:
        raise AssertionError("duplicate ids accepted")


def test_jean_pierre_is_not_confidently_jean_francois_even_with_the_same_email() -> None:
    book = [Party("jf", "person", "Jean-François", "Côté", emails=("cote@famille.ca",))]
    result = Matcher(book).match(Party("c", "person", "Jean-Pierre", "Côté",
                                       emails=("cote@famille.ca",)))
    assert result.band is Band.REVIEW
    assert "name differs" in result.reasons
