"""The nickname table and the Party input type."""

from __future__ import annotations

import pytest

from desktop.sync.matching.nicknames import equivalent, groups, pair_count
from desktop.sync.matching.records import Address, Party


@pytest.mark.parametrize(
    ("a", "b"),
    [("bob", "robert"), ("bill", "william"), ("peggy", "margaret"), ("jim", "james"),
     ("liz", "elizabeth"), ("kate", "katherine"), ("kate", "catherine"), ("mike", "michael"),
     ("tom", "thomas"), ("dave", "david"), ("alex", "alexander"), ("alex", "alexandra"),
     ("jf", "jean francois"), ("jp", "jean philippe"), ("steph", "stephanie"),
     ("seb", "sebastien"), ("marieve", "marie eve"), ("peggy", "marguerite")],
)
def test_equivalent_names(a: str, b: str) -> None:
    assert equivalent(a, b) and equivalent(b, a)


def test_not_transitive() -> None:
    assert equivalent("al", "albert") and equivalent("al", "alan")
    assert not equivalent("albert", "alan")
    assert not equivalent("alexander", "alexandra")


def test_distinct_names_and_compound_parts_are_not_equivalent() -> None:
    assert not equivalent("marie", "marie eve")
    assert not equivalent("jean", "marc")
    assert not equivalent("michel", "michael")
    assert not equivalent("robert", "robert")  # the same name is not a nickname
    assert groups("zzzz") == frozenset()


def test_table_size() -> None:
    assert pair_count() >= 300


def test_party_validation() -> None:
    with pytest.raises(ValueError, match="kind"):
        Party("c-1", "robot")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="id"):
        Party("", "person")
    with pytest.raises(ValueError, match="list"):
        Party("c-1", "person", emails="a@b.ca")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Address"):
        Party("c-1", "person", addresses=({"street": "x"},))  # type: ignore[arg-type]


def test_party_accepts_lists_and_none() -> None:
    p = Party("c-1", "person", "Ada", None, emails=["a@b.ca"],  # type: ignore[arg-type]
              addresses=[Address("1 Main St")])  # type: ignore[arg-type]
    assert p.emails == ("a@b.ca",) and p.last_name == "" and isinstance(p.addresses, tuple)
    assert p.display_name == "Ada"
    assert Party("c-2", "company", company=" Prairie Ltd. ").display_name == "Prairie Ltd."
