"""Person-name normalization, rule by rule, English and French."""

from __future__ import annotations

import pytest

from desktop.sync.matching.names import parse_person_name, split_comma_name
from desktop.sync.matching.text import fold, phonetic, words


def name(first: str, last: str) -> tuple[str, str]:
    n = parse_person_name(first, last)
    return n.given_key, n.surname_key


@pytest.mark.parametrize(
    ("raw", "folded"),
    [("Côté", "cote"), ("HÉLÈNE", "helene"), ("Geneviève", "genevieve"), ("Zoë", "zoe"),
     ("Œuvre", "oeuvre"), ("Straße", "strasse"), ("Łukasz", "lukasz"), ("Ægir", "aegir")],
)
def test_fold_removes_accents_case_and_ligatures(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_words_join_apostrophes_and_split_hyphens() -> None:
    assert words("O'Brien") == ("obrien",)
    assert words("D’Amours") == ("damours",)
    assert words("Jean-François") == ("jean", "francois")
    assert words("  J.-F.  ") == ("j", "f")


def test_accents_and_case_do_not_matter() -> None:
    assert name("JEAN-FRANÇOIS", "CÔTÉ") == name("jean-francois", "cote")


def test_hyphenated_and_spaced_compound_given_names_are_equal() -> None:
    assert name("Jean-François", "Côté") == name("Jean François", "Côté")
    assert name("Marie-Ève", "Roy") == ("marie eve", "roy")


@pytest.mark.parametrize(
    "raw", ["Tremblay, Marguerite", "TREMBLAY,Marguerite", "Tremblay ,  Marguerite"]
)
def test_last_comma_first_in_one_field(raw: str) -> None:
    assert name("", raw) == ("marguerite", "tremblay")
    assert name(raw, "") == ("marguerite", "tremblay")


def test_comma_before_a_suffix_is_not_last_first() -> None:
    assert split_comma_name("Smith, Jr.") is None
    assert name("John", "Smith, Jr.") == ("john", "smith")
    assert name("", "Smith, Jr., John") == ("john", "smith")


@pytest.mark.parametrize("honorific", ["Mr.", "Mrs", "Ms.", "Dr", "Me", "Maître", "M.", "Mme",
                                       "Mlle", "Dre"])
def test_leading_honorifics_are_dropped(honorific: str) -> None:
    assert name(f"{honorific} Marie", "Tremblay") == ("marie", "tremblay")


def test_a_lone_initial_m_is_kept_as_an_initial() -> None:
    n = parse_person_name("M.", "Tremblay")
    assert n.given == ("m",)
    assert n.initials_only


def test_an_honorific_alone_is_not_a_given_name() -> None:
    assert name("Dr.", "Lovelace") == ("", "lovelace")


@pytest.mark.parametrize("suffix", ["Jr.", "Sr", "II", "III", "Q.C.", "QC", "K.C.", "c.r.",
                                    "CPA", "Ph.D.", "Ad. E."])
def test_trailing_suffixes_are_dropped(suffix: str) -> None:
    assert name("John", f"Smith {suffix}") == ("john", "smith")


def test_middle_initials_are_dropped_but_initials_alone_are_kept() -> None:
    assert name("Robert A.", "Smith") == ("robert", "smith")
    assert name("Robert A. B.", "Smith") == ("robert", "smith")
    jf = parse_person_name("J.-F.", "Côté")
    assert jf.given == ("j", "f") and jf.initials == "jf" and jf.initials_only


def test_particles_stay_with_the_surname() -> None:
    n = parse_person_name("Jean de la Fontaine", "")
    assert n.given == ("jean",)
    assert n.surname_key == "delafontaine"
    assert n.surname_core == "fontaine"
    assert parse_person_name("Ludwig", "van Beethoven").surname_core == "beethoven"


def test_saint_abbreviations_in_surnames() -> None:
    assert name("Jean", "St-Pierre") == name("Jean", "Saint-Pierre") == name("Jean", "St. Pierre")
    assert name("Anne", "Ste-Marie")[1] == "saintemarie"


def test_apostrophe_surnames() -> None:
    assert name("Patrick", "O'Brien") == name("Patrick", "OBrien") == name("Patrick", "O Brien")


def test_compound_surname_keeps_its_parts() -> None:
    n = parse_person_name("Marie", "Côté-Tremblay")
    assert n.surname_key == "cotetremblay"
    assert n.surname_parts == ("cote", "tremblay")


def test_whole_name_in_the_first_field_is_split() -> None:
    assert name("Marguerite Tremblay", "") == ("marguerite", "tremblay")
    assert name("Dr. Ada Lovelace Jr.", "") == ("ada", "lovelace")


def test_whole_name_in_the_last_field_is_split_only_after_a_known_given_name() -> None:
    assert name("", "Robert Smith") == ("robert", "smith")
    # "Côté Tremblay" could be a compound surname: left alone.
    assert name("", "Côté Tremblay") == ("", "cotetremblay")


def test_empty_names() -> None:
    assert parse_person_name("", "").empty
    assert parse_person_name("  ", " , ").empty


def test_phonetic_key_groups_french_spellings() -> None:
    assert phonetic("Thibault") == phonetic("Thibeault") == phonetic("Thibeau")
    assert phonetic("Philippe") == phonetic("Filipe")
    assert phonetic("Tremblay") != phonetic("Gagnon")
    assert phonetic("") == ""
