"""Valid manifests: the format note's example, and what the format allows around it."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from desktop.prolegis.manifest import ManifestError, parse_manifest
from desktop.prolegis.records import Manifest
from tests.prolegis.example import EXAMPLE_JSON, dumps, example

DOCS = Path(__file__).resolve().parents[2] / "docs" / "prolegis-workspace.md"


def _parse(change: Any = None) -> Manifest:
    data = example()
    if change is not None:
        change(data)
    return parse_manifest(dumps(data))


def test_the_format_notes_example() -> None:
    m = parse_manifest(EXAMPLE_JSON.encode())
    assert m.version == 1
    ada, prairie = m.clients
    assert (ada.id, ada.kind, ada.first_name, ada.last_name, ada.company) == (
        "c-1001", "person", "Ada", "Lovelace", None,
    )
    assert ada.display_name == "Ada Lovelace"
    assert ada.emails == ("ada@example.com",) and ada.phones == ("403-555-0100",)
    assert ada.addresses[0].city == "Calgary" and ada.addresses[0].postal_code == "T2P 1J9"
    assert ada.updated_at == datetime(2026, 11, 20, 17, 4, tzinfo=UTC)
    assert prairie.kind == "company" and prairie.display_name == "Prairie Holdings Ltd."
    assert prairie.emails == () and prairie.first_name is None
    (elm,) = m.matters
    assert elm.number == "2024-0012" and elm.status == "open"
    assert elm.open_date == date(2024, 3, 2)
    assert elm.client_ids == ("c-1001", "c-1002")
    assert elm.folder == "2024-0012 Purchase of 12 Elm St"
    assert elm.display_name == "2024-0012 Purchase of 12 Elm St"
    time_entry, expense = m.activities
    assert time_entry.kind == "time" and time_entry.hours == Decimal("1.5")
    assert str(time_entry.rate) == "350.00" and time_entry.amount is None
    assert time_entry.total == Decimal("525.00")
    assert expense.kind == "expense" and str(expense.amount) == "45.20"
    assert expense.category == "Courier" and expense.hours is None
    assert expense.total == expense.amount
    assert expense.author == "jdoe" and expense.note == "Courier to lender"
    assert m.clients_by_id["c-1002"] is prairie
    assert m.matters_by_id["m-2024-0012"] is elm
    assert m.activities_by_id["a-5002"] is expense
    assert m.activities_of("m-2024-0012") == (time_entry, expense)
    assert m.activities_of("m-404") == ()


def test_text_input_and_a_byte_order_mark_are_accepted() -> None:
    assert parse_manifest(EXAMPLE_JSON) == parse_manifest(b"\xef\xbb\xbf" + EXAMPLE_JSON.encode())


def test_docs_example_is_valid_and_is_the_format_notes() -> None:
    text = DOCS.read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, flags=re.S)
    assert blocks, "docs/prolegis-workspace.md has no JSON example"
    assert parse_manifest(blocks[0]) == parse_manifest(EXAMPLE_JSON)


def test_unknown_keys_are_ignored() -> None:
    def change(d: dict[str, Any]) -> None:
        d["exported_by"] = "Prolegis 9.1"
        d["clients"][0]["favourite_colour"] = "teal"
        d["matters"][0]["responsible_lawyer"] = {"id": 7}
        d["activities"][0]["billed"] = True
        d["activities"][0]["amount"] = "not checked on a time entry"

    assert _parse(change) == _parse()


def test_optional_fields_may_be_absent() -> None:
    def change(d: dict[str, Any]) -> None:
        ada = d["clients"][0]
        for key in ("first_name", "company", "emails", "phones", "addresses"):
            del ada[key]
        del d["matters"][0]["open_date"]
        del d["activities"][0]["rate"]
        del d["activities"][0]["note"]
        del d["activities"][1]["category"]

    m = _parse(change)
    assert m.clients[0].display_name == "Lovelace" and m.clients[0].emails == ()
    assert m.matters[0].open_date is None
    assert m.activities[0].rate is None and m.activities[0].total is None
    assert m.activities[0].note == ""
    assert m.activities[1].category is None


def test_nulls_count_as_absent_where_a_field_is_optional() -> None:
    def change(d: dict[str, Any]) -> None:
        d["matters"][0]["open_date"] = None
        d["matters"][0]["client_ids"] = None
        d["activities"][0]["rate"] = None
        d["activities"][1]["category"] = None
        d["clients"][0]["addresses"] = None

    m = _parse(change)
    assert m.matters[0].client_ids == () and m.activities[0].rate is None


def test_an_empty_workspace_is_valid() -> None:
    m = parse_manifest(
        b'{"format": "prolegis-workspace", "version": 1, "clients": [], "matters": [],'
        b' "activities": []}'
    )
    assert m == Manifest.empty()


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("./2024-0012 Elm//Docs/", "2024-0012 Elm/Docs"),
        ("Estates/2025-0107 Estate of R. Okafor", "Estates/2025-0107 Estate of R. Okafor"),
        ("Ventes/Vente du 45 rue Saint-Denis", "Ventes/Vente du 45 rue Saint-Denis"),
        ("~ada", "~ada"),
        (".hidden matter", ".hidden matter"),
        ("CONSTRUCTION", "CONSTRUCTION"),
        ("console", "console"),
    ],
)
def test_folders_are_normalized(raw: str, normal: str) -> None:
    def change(d: dict[str, Any]) -> None:
        d["matters"][0]["folder"] = raw

    assert _parse(change).matters[0].folder == normal


def test_sibling_folders_sharing_a_prefix_do_not_overlap() -> None:
    def change(d: dict[str, Any]) -> None:
        d["matters"][0]["folder"] = "Estates/Okafor"
        d["matters"].append(dict(d["matters"][0], id="m-2", folder="Estates/Okafor 2"))
        d["matters"].append(dict(d["matters"][0], id="m-3", folder="Estates2/Okafor"))

    assert [m.folder for m in _parse(change).matters] == [
        "Estates/Okafor", "Estates/Okafor 2", "Estates2/Okafor",
    ]


def test_money_and_time_forms() -> None:
    def change(d: dict[str, Any]) -> None:
        d["activities"][0]["hours"] = 2
        d["activities"][0]["rate"] = 350
        d["activities"][1]["amount"] = 45.2

    m = _parse(change)
    assert m.activities[0].hours == 2 and str(m.activities[0].rate) == "350.00"
    assert str(m.activities[1].amount) == "45.20"
    assert m.activities[0].total == Decimal("700.00")
    exact = parse_manifest(EXAMPLE_JSON.replace("350.00", "350.000").replace("1.5", "0"))
    assert str(exact.activities[0].rate) == "350.00" and exact.activities[0].hours == 0


def test_offsets_are_converted_to_utc() -> None:
    def change(d: dict[str, Any]) -> None:
        d["clients"][0]["updated_at"] = "2026-11-20T12:04:00-05:00"
        d["clients"][1]["updated_at"] = "2026-11-20T17:04:00.250+00:00"

    m = _parse(change)
    assert m.clients[0].updated_at == datetime(2026, 11, 20, 17, 4, tzinfo=UTC)
    assert m.clients[0].updated_at.tzinfo is UTC
    assert m.clients[1].updated_at.microsecond == 250_000


def test_accents_survive() -> None:
    def change(d: dict[str, Any]) -> None:
        d["clients"][1]["company"] = "9876-5432 Québec inc."
        d["matters"][0]["title"] = "Vente du 45 rue Saint-Denis"
        d["matters"][0]["folder"] = "2025-0113 Vente du 45 rue Saint-Denis — Côté"

    m = _parse(change)
    assert m.clients[1].display_name == "9876-5432 Québec inc."
    assert m.matters[0].folder.endswith("Côté")


def test_the_same_folder_in_two_unicode_forms_overlaps() -> None:
    """macOS stores names decomposed (NFD): "Côté" and "Co\u0302te\u0301" are one folder."""

    def change(d: dict[str, Any]) -> None:
        d["matters"][0]["folder"] = "Côté"
        d["matters"].append(dict(d["matters"][0], id="m-2", folder="Co\u0302te\u0301"))

    with pytest.raises(ManifestError) as info:
        _parse(change)
    assert info.value.json_path == "$.matters[1].folder"
    assert "same folder" in info.value.message


def test_records_are_immutable() -> None:
    m = _parse()
    with pytest.raises(AttributeError):
        m.matters[0].status = "closed"  # type: ignore[misc]
