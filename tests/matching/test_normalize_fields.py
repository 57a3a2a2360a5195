"""Normalization of companies, emails, phones, addresses and dates."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.sync.matching.addresses import (
    normalize_address,
    normalize_postal,
    normalize_province,
    parse_street,
)
from desktop.sync.matching.companies import parse_company_name
from desktop.sync.matching.contact_points import email_domain, normalize_email, normalize_phone
from desktop.sync.matching.normalize import normalize_date, normalize_party
from desktop.sync.matching.records import Address, Party


@pytest.mark.parametrize(
    "variant",
    ["Prairie Holdings Ltd.", "prairie holdings limited", "The Prairie Holdings, Inc.",
     "PRAIRIE HOLDINGS CORP", "Prairie Holdings Ltée", "Prairie Holdings Limitée",
     "Prairie Holdings Incorporated", "Prairie Holdings LLP", "Prairie Holdings Co."],
)
def test_company_legal_forms_and_articles_are_dropped(variant: str) -> None:
    assert parse_company_name(variant).core == "prairie holdings"


def test_company_form_classes() -> None:
    assert parse_company_name("X Ltd.").form == parse_company_name("X Limitée").form
    assert parse_company_name("X Inc.").form == parse_company_name("X incorporée").form
    assert parse_company_name("X Ltd.").form != parse_company_name("X Inc.").form
    assert parse_company_name("X").form == ""


def test_company_and_ampersand_et_are_the_same() -> None:
    a = parse_company_name("Tremblay & Associés S.E.N.C.R.L.")
    b = parse_company_name("Tremblay et associés senc")
    c = parse_company_name("Tremblay and Associes")
    assert a.core == b.core == c.core == "tremblay and associes"


def test_french_leading_articles_are_dropped() -> None:
    assert parse_company_name("Les Entreprises Côté Ltée").core == "entreprises cote"


@pytest.mark.parametrize(
    ("raw", "number", "jurisdiction"),
    [("1234567 Alberta Ltd.", "1234567", "AB"), ("1234567 Alberta Limited", "1234567", "AB"),
     ("9876-5432 Québec inc.", "98765432", "QC"), ("98765432 Quebec Inc", "98765432", "QC"),
     ("1234567 B.C. Ltd.", "1234567", "BC"), ("2468135 Canada Inc.", "2468135", "CA"),
     ("1234567 Ontario Limited", "1234567", "ON"), ("1234567 Ltd.", "1234567", "")],
)
def test_numbered_companies_are_known_by_their_number(raw: str, number: str,
                                                      jurisdiction: str) -> None:
    name = parse_company_name(raw)
    assert (name.number, name.jurisdiction) == (number, jurisdiction)


def test_numbered_company_operating_name() -> None:
    name = parse_company_name("1234567 Alberta Ltd. o/a Prairie Bakery")
    assert name.number == "1234567"
    assert name.trade == "prairie bakery"


def test_a_company_whose_name_starts_with_a_number_is_not_numbered() -> None:
    assert parse_company_name("123 Fake Street Holdings Inc.").number == ""
    assert parse_company_name("3M Canada Company").number == ""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(" Ada@Example.COM ", "ada@example.com"), ("mailto:a@b.ca", "a@b.ca"),
     ("Jean Côté <Jean.Cote@firm.ca>", "jean.cote@firm.ca"),
     ("j.smith+law@gmail.com", "jsmith@gmail.com"), ("J.Smith@googlemail.com", "jsmith@gmail.com"),
     ("not an email", ""), ("a@b", ""), ("", "")],
)
def test_emails(raw: str, expected: str) -> None:
    assert normalize_email(raw) == expected


def test_dots_and_plus_tags_are_kept_outside_gmail() -> None:
    assert normalize_email("j.smith+law@firm.ca") == "j.smith+law@firm.ca"
    assert normalize_email("j.smith@firm.ca") != normalize_email("jsmith@firm.ca")


def test_free_mail_domains_say_nothing() -> None:
    assert email_domain("a@gmail.com") == ""
    assert email_domain("a@videotron.ca") == ""
    assert email_domain("a@tremblaylaw.ca") == "tremblaylaw.ca"


@pytest.mark.parametrize(
    "raw",
    ["403-555-0142", "(403) 555-0142", "403.555.0142", "+1 403 555 0142", "1-403-555-0142",
     "4035550142", "(403) 555-0142 ext. 12", "403-555-0142 x3", "403 555 0142 poste 221"],
)
def test_canadian_phone_formats_and_extensions(raw: str) -> None:
    assert normalize_phone(raw) == "+14035550142"


def test_international_and_invalid_phones() -> None:
    assert normalize_phone("+33 1 42 68 53 00") == "+33142685300"
    assert normalize_phone("011 44 20 7946 0958") == "+442079460958"
    assert normalize_phone("555-0142") == ""  # a local number without its area code
    assert normalize_phone("phone me") == ""
    assert normalize_phone("") == ""


@settings(max_examples=300, deadline=None)
@given(area=st.integers(200, 999), exchange=st.integers(200, 999), line=st.integers(0, 9999),
       fmt=st.sampled_from(["{a}-{e}-{l}", "({a}) {e}-{l}", "+1 {a} {e} {l}", "1{a}{e}{l}",
                            "{a}.{e}.{l}"]))
def test_fast_path_agrees_with_phonenumbers(area: int, exchange: int, line: int, fmt: str) -> None:
    raw = fmt.format(a=area, e=exchange, l=f"{line:04d}")
    parsed = phonenumbers.parse(raw, "CA")
    if phonenumbers.is_possible_number_with_reason(parsed) == \
            phonenumbers.ValidationResult.IS_POSSIBLE:
        expected = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    else:
        expected = ""
    assert normalize_phone(raw) == expected


def test_postal_codes_and_provinces() -> None:
    assert normalize_postal("t2p 1j9") == normalize_postal("T2P-1J9") == "T2P1J9"
    for raw, code in [("Québec", "QC"), ("Quebec", "QC"), ("PQ", "QC"), ("qc", "QC"),
                      ("Colombie-Britannique", "BC"), ("British Columbia", "BC"),
                      ("Terre-Neuve-et-Labrador", "NL"), ("Alberta", "AB"),
                      ("Île-du-Prince-Édouard", "PE"), ("Nouvelle-Écosse", "NS")]:
        assert normalize_province(raw) == code


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("12 Elm St", ("12", "", "elm")), ("12 Elm Street", ("12", "", "elm")),
     ("1200-555 4th Ave SW", ("555", "1200", "4th")),
     ("555 4th Avenue S.W., Suite 1200", ("555", "1200", "4th")),
     ("123, rue Sainte-Catherine Ouest, bureau 400", ("123", "400", "sainte catherine")),
     ("123 rue Ste-Catherine O.", ("123", "", "sainte catherine")),
     ("4500 4e Avenue", ("4500", "", "4th")), ("PO Box 123", ("box123", "", "")),
     ("C.P. 45", ("box45", "", "")), ("#300 - 1055 W Georgia St", ("1055", "300", "w georgia")),
     ("1055 West Georgia Street, Suite 300", ("1055", "300", "w georgia"))],
)
def test_street_lines(raw: str, expected: tuple[str, str, str]) -> None:
    assert parse_street(raw) == expected


def test_whole_address() -> None:
    a = normalize_address(Address("12 Elm St", "Montréal", "Québec", "h2x 1y4", "Canada"))
    b = normalize_address(Address("12 Elm Street", "Montreal", "QC", "H2X1Y4", "CA"))
    assert a == b
    assert a.street_key == "12 elm"


def test_dates() -> None:
    assert normalize_date("1975-03-09") == normalize_date("19750309") == "19750309"
    assert normalize_date("1975/3/9") == "19750309"
    assert normalize_date("") == ""


def test_party_normalization_drops_unusable_values() -> None:
    p = normalize_party(Party("c-1", "person", "Ada", "Lovelace",
                              emails=("ada@example.com", "nope"), phones=("x", "403 555 0100"),
                              addresses=(Address(),)))
    assert p.emails == frozenset({"ada@example.com"})
    assert p.phones == frozenset({"+14035550100"})
    assert p.addresses == ()
    assert p.domains == frozenset({"example.com"})


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40), st.text(max_size=40))
def test_normalization_never_fails_on_any_text(first: str, last: str, other: str) -> None:
    party = Party("x", "person", first, last, other, emails=(other,), phones=(other,),
                  addresses=(Address(other, first, last, other, other),), date_of_birth=other)
    normalize_party(party)
    normalize_party(Party("y", "company", company=first + last))
