"""Malformed manifests: each is refused with the JSON path of its first problem and a message a
person can act on, by the quick path and by the reference validator alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

import desktop.prolegis.manifest as manifest_module
from desktop.prolegis.manifest import ManifestError, parse_manifest
from tests.prolegis.example import EXAMPLE_JSON, dumps, example

Mutation = Callable[[dict[str, Any]], Any]


@dataclass
class Case:
    name: str
    change: Mutation | bytes
    path: str
    words: tuple[str, ...]


def _set(path: str, value: Any) -> Mutation:
    """Set a value at ``a.b.0.c`` (list indexes as numbers)."""

    def apply(d: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = d
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value

    return apply


def _drop(path: str) -> Mutation:
    def apply(d: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = d
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        del node[last]

    return apply


def _second_matter(**changes: Any) -> Mutation:
    def apply(d: dict[str, Any]) -> None:
        m = dict(d["matters"][0], id="m-2025-0107", number="2025-0107", title="Estate of R. Okafor")
        m["folder"] = "2025-0107 Estate of R. Okafor"
        m.update(changes)
        d["matters"].append(m)

    return apply


def _both(*fns: Mutation) -> Mutation:
    def apply(d: dict[str, Any]) -> None:
        for fn in fns:
            fn(d)

    return apply


_TRUNCATED = EXAMPLE_JSON.encode()[: len(EXAMPLE_JSON) // 2]
_DUP_KEY = EXAMPLE_JSON.replace('"status": "open",', '"status": "open", "status": "closed",')
_SURROGATE = EXAMPLE_JSON.replace('"Review title search"', '"Review \\ud800 title"')
_NAN = EXAMPLE_JSON.replace('"hours": 1.5', '"hours": NaN')
_HUGE = EXAMPLE_JSON.replace('"hours": 1.5', '"hours": ' + "9" * 5000)

C, M, A = "$.clients", "$.matters", "$.activities"
ADA, ELM = 'client "c-1001"', 'matter "m-2024-0012"'
A1, A2 = 'activity "a-5001"', 'activity "a-5002"'

CASES = [
    # -- the file as a whole
    Case("not JSON", b"{format: prolegis}", "$", ("not valid JSON", "line 1")),
    Case("half-written", _TRUNCATED, "$", ("ends too early", "half-written")),
    Case("empty file", b"", "$", ("empty",)),
    Case("only whitespace", b"  \n\t ", "$", ("empty",)),
    Case("not UTF-8", b'{"format": "\xff\xfe"}', "$", ("not UTF-8",)),
    Case("a list at the top", b"[]", "$", ("must be a JSON object", "a list")),
    Case("nested absurdly deep", b"[" * 200_000, "$", ("nested too deeply",)),
    Case("a number of 5000 digits", _HUGE.encode(), "$", ("number",)),
    Case("duplicate key", _DUP_KEY.encode(), f"{M}[0]", ('"status"', "more than once")),
    # -- header
    Case("format missing", _drop("format"), "$.format", ("missing", "prolegis-workspace")),
    Case("format wrong", _set("format", "clio-export"), "$.format", ('"clio-export"',)),
    Case("version missing", _drop("version"), "$.version", ("missing",)),
    Case("version as text", _set("version", "1"), "$.version", ("whole number", "text")),
    Case("version true", _set("version", True), "$.version", ("whole number",)),
    Case("version 1.0", _set("version", 1.0), "$.version", ("whole number", "1.0")),
    Case("version 0", _set("version", 0), "$.version", ("must be 1",)),
    Case("newer version", _set("version", 2), "$.version",
         ("newer Prolegis", "version 2", "update the companion")),
    Case("clients missing", _drop("clients"), "$.clients", ("missing", "[]")),
    Case("clients an object", _set("clients", {}), "$.clients", ("must be a list",)),
    Case("matters missing", _drop("matters"), "$.matters", ("missing",)),
    Case("activities null", _set("activities", None), "$.activities", ("must be a list", "null")),
    # -- clients
    Case("client not an object", _set("clients.1", "c-1002"), f"{C}[1]",
         ("each client must be a JSON object", "text")),
    Case("client id missing", _drop("clients.0.id"), f"{C}[0].id",
         ("this client", '"id" is missing')),
    Case("client id a number", _set("clients.0.id", 1001), f"{C}[0].id",
         ("must be text", "a number")),
    Case("client id empty", _set("clients.0.id", ""), f"{C}[0].id", ("must not be empty",)),
    Case("client id padded", _set("clients.0.id", " c-1001"), f"{C}[0].id",
         ("spaces at its start or end",)),
    Case("client id repeated", _set("clients.1.id", "c-1001"), f"{C}[1].id",
         ("c-1001", "another client", "unique")),
    Case("client kind unknown", _set("clients.0.kind", "individual"), f"{C}[0].kind",
         (ADA, '"person", "company"', '"individual"')),
    Case("client kind capitalized", _set("clients.0.kind", "Person"), f"{C}[0].kind",
         ("lower case",)),
    Case("person without names", _both(_drop("clients.0.first_name"),
                                       _drop("clients.0.last_name")),
         f"{C}[0]", (ADA, "first_name or a last_name")),
    Case("person with blank names", _both(_set("clients.0.first_name", " "),
                                          _set("clients.0.last_name", None)),
         f"{C}[0].first_name", ("first_name or a last_name",)),
    Case("company without a name", _drop("clients.1.company"), f"{C}[1].company",
         ('client "c-1002"', 'a company needs its name in "company"')),
    Case("first name a number", _set("clients.0.first_name", 7), f"{C}[0].first_name",
         ("must be text",)),
    Case("emails not a list", _set("clients.0.emails", "ada@example.com"), f"{C}[0].emails",
         ("must be a list of text",)),
    Case("email a number", _set("clients.0.emails.0", 42), f"{C}[0].emails[0]",
         ("must be text", "a number")),
    Case("phone empty", _set("clients.0.phones.0", ""), f"{C}[0].phones[0]", ("empty",)),
    Case("addresses an object", _set("clients.0.addresses", {"city": "Calgary"}),
         f"{C}[0].addresses", ("must be a list",)),
    Case("address as text", _set("clients.0.addresses.0", "12 Elm St"),
         f"{C}[0].addresses[0]", ("must be a JSON object",)),
    Case("address city a number", _set("clients.0.addresses.0.city", 403),
         f"{C}[0].addresses[0].city", ('address 1 of client "c-1001"', "must be text")),
    Case("updated_at missing", _drop("clients.0.updated_at"), f"{C}[0].updated_at",
         ("missing",)),
    Case("updated_at without zone", _set("clients.0.updated_at", "2026-11-20T17:04:00"),
         f"{C}[0].updated_at", ("no time zone", "Z")),
    Case("updated_at a date only", _set("clients.0.updated_at", "2026-11-20"),
         f"{C}[0].updated_at", ("date only", "time zone")),
    Case("updated_at words", _set("clients.0.updated_at", "yesterday"), f"{C}[0].updated_at",
         ("ISO-8601", '"yesterday"')),
    Case("updated_at a number", _set("clients.0.updated_at", 1763658240),
         f"{C}[0].updated_at", ("must be text",)),
    # -- matters
    Case("matter not an object", _set("matters.0", ["m-2024-0012"]), f"{M}[0]",
         ("each matter must be a JSON object", "a list")),
    Case("matter number missing", _drop("matters.0.number"), f"{M}[0].number",
         (ELM, '"number" is missing')),
    Case("matter title blank", _set("matters.0.title", "   "), f"{M}[0].title",
         ("must not be empty",)),
    Case("matter status unknown", _set("matters.0.status", "archived"), f"{M}[0].status",
         ('"open", "pending", "closed"', '"archived"')),
    Case("matter status null", _set("matters.0.status", None), f"{M}[0].status", ("null",)),
    Case("open_date impossible", _set("matters.0.open_date", "2024-02-30"),
         f"{M}[0].open_date", ("a date like 2026-11-20", '"2024-02-30"')),
    Case("open_date in US style", _set("matters.0.open_date", "03/02/2024"),
         f"{M}[0].open_date", ("a date like",)),
    Case("client_ids as text", _set("matters.0.client_ids", "c-1001"), f"{M}[0].client_ids",
         ("must be a list of text",)),
    Case("client_ids unknown client", _set("matters.0.client_ids.1", "c-9999"),
         f"{M}[0].client_ids[1]", (ELM, '"c-9999"', "not in the clients list")),
    Case("client_ids repeated", _set("matters.0.client_ids.1", "c-1001"),
         f"{M}[0].client_ids[1]", ("listed twice",)),
    Case("matter id repeated", _second_matter(id="m-2024-0012"), f"{M}[1].id", ("unique",)),
    Case("folder missing", _drop("matters.0.folder"), f"{M}[0].folder", ('"folder" is missing',)),
    Case("folder empty", _set("matters.0.folder", ""), f"{M}[0].folder", ("must not be empty",)),
    Case("folder the workspace itself", _set("matters.0.folder", "./"), f"{M}[0].folder",
         ("not the workspace itself",)),
    Case("folder absolute", _set("matters.0.folder", "/home/ada/Elm"), f"{M}[0].folder",
         ("absolute path",)),
    Case("folder UNC", _set("matters.0.folder", "//server/share/Elm"), f"{M}[0].folder",
         ("absolute path",)),
    Case("folder with a drive letter", _set("matters.0.folder", "C:/Matters/Elm"),
         f"{M}[0].folder", ("drive letter",)),
    Case("folder escaping with ..", _set("matters.0.folder", "../Elsewhere"), f"{M}[0].folder",
         ("'..'", "inside the workspace")),
    Case("folder escaping midway", _set("matters.0.folder", "Matters/../../x"),
         f"{M}[0].folder", ("'..'",)),
    Case("folder with backslashes", _set("matters.0.folder", "..\\..\\Windows"),
         f"{M}[0].folder", ("backslash", "forward slashes")),
    Case("folder a Windows path", _set("matters.0.folder", "C:\\Matters"), f"{M}[0].folder",
         ("backslash",)),
    Case("folder a device name", _set("matters.0.folder", "Estates/CON"), f"{M}[0].folder",
         ("'CON'", "reserves")),
    Case("folder a device with extension", _set("matters.0.folder", "nul.txt"),
         f"{M}[0].folder", ("reserves",)),
    Case("folder ending in a dot", _set("matters.0.folder", "2024-0012 Elm St."),
         f"{M}[0].folder", ("ending in a dot",)),
    Case("folder ending in a space", _set("matters.0.folder", "Elm St /Docs"),
         f"{M}[0].folder", ("ending in a space",)),
    Case("folder with a question mark", _set("matters.0.folder", "Who owns Elm St?"),
         f"{M}[0].folder", ("'?'", "Windows does not allow")),
    Case("folder with a colon", _set("matters.0.folder", "Re: Elm St"), f"{M}[0].folder",
         ("':'",)),
    Case("folder with a control character", _set("matters.0.folder", "Elm\tSt"),
         f"{M}[0].folder", ("control character",)),
    Case("folder part too long", _set("matters.0.folder", "é" * 200), f"{M}[0].folder",
         ("longer than 255 bytes",)),
    Case("folder is the manifest", _set("matters.0.folder", "Prolegis.json"), f"{M}[0].folder",
         ("collide with the manifest",)),
    Case("two matters, one folder", _second_matter(folder="2024-0012 Purchase of 12 Elm St"),
         f"{M}[1].folder", ('same folder as matter "m-2024-0012"',)),
    Case("one folder in two cases", _second_matter(folder="2024-0012 PURCHASE OF 12 ELM ST/"),
         f"{M}[1].folder", ("same folder",)),
    Case("folder inside another", _second_matter(folder="2024-0012 Purchase of 12 Elm St/Sub"),
         f"{M}[1].folder", ("lies inside the folder of matter", "must not nest")),
    Case("folder around another", _both(_set("matters.0.folder", "Files/Elm"),
                                        _second_matter(folder="files")),
         f"{M}[1].folder", ("contains the folder of matter",)),
    Case("folder a number", _set("matters.0.folder", 12), f"{M}[0].folder", ("must be text",)),
    # -- activities
    Case("activity matter unknown", _set("activities.0.matter_id", "m-404"),
         f"{A}[0].matter_id", (A1, '"m-404"', "not in the matters list")),
    Case("activity id repeated", _set("activities.1.id", "a-5001"), f"{A}[1].id", ("unique",)),
    Case("activity kind unknown", _set("activities.0.kind", "fee"), f"{A}[0].kind",
         ('"time", "expense"',)),
    Case("activity date missing", _drop("activities.0.date"), f"{A}[0].date", ("missing",)),
    Case("activity date with time", _set("activities.0.date", "2026-11-20T10:00:00Z"),
         f"{A}[0].date", ("a date like",)),
    Case("hours missing", _drop("activities.0.hours"), f"{A}[0].hours", ('"hours" is missing',)),
    Case("hours negative", _set("activities.0.hours", -0.5), f"{A}[0].hours",
         ("must not be negative",)),
    Case("hours as text", _set("activities.0.hours", "1.5"), f"{A}[0].hours",
         ("must be a number", "text")),
    Case("hours true", _set("activities.0.hours", True), f"{A}[0].hours", ("true/false",)),
    Case("hours NaN", _NAN.encode(), f"{A}[0].hours", ("NaN", "not a JSON number")),
    Case("hours absurd", _set("activities.0.hours", 1_000_000), f"{A}[0].hours",
         ("implausibly large",)),
    Case("rate with fractions of a cent", _set("activities.0.rate", 350.005), f"{A}[0].rate",
         ("more than 2 decimals", "350.005")),
    Case("rate negative", _set("activities.0.rate", -350), f"{A}[0].rate", ("negative",)),
    Case("amount missing", _drop("activities.1.amount"), f"{A}[1].amount",
         (A2, '"amount" is missing')),
    Case("amount as text", _set("activities.1.amount", "45.20"), f"{A}[1].amount",
         ("an amount of money", "text")),
    Case("amount astronomical", _set("activities.1.amount", 1e12), f"{A}[1].amount",
         ("implausibly large",)),
    Case("category a list", _set("activities.1.category", ["Courier"]), f"{A}[1].category",
         ("must be text",)),
    Case("note a number", _set("activities.0.note", 5), f"{A}[0].note", ("must be text",)),
    Case("note with a lone surrogate", _SURROGATE.encode(), f"{A}[0].note", ("surrogate",)),
    Case("author missing", _drop("activities.0.author"), f"{A}[0].author",
         ('"author" is missing',)),
    Case("activity not an object", _set("activities.1", None), f"{A}[1]",
         ("must be a JSON object", "null")),
    # -- first problem wins: a client's problem is reported before an activity's
    Case("first problem first", _both(_set("activities.0.hours", -1),
                                      _set("clients.1.kind", "firm")),
         f"{C}[1].kind", ('"firm"',)),
]


@pytest.fixture(params=[True, False], ids=["quick-path", "reference"])
def quick_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    monkeypatch.setattr(manifest_module, "_FAST", request.param)
    return bool(request.param)


def _input(case: Case) -> bytes:
    if isinstance(case.change, bytes):
        return case.change
    data = example()
    case.change(data)
    return dumps(data)


def test_there_are_enough_kinds() -> None:
    assert len({c.name for c in CASES}) == len(CASES) >= 30
    assert len({c.path for c in CASES}) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_malformed_manifest_is_refused_with_its_path(case: Case, quick_path: bool) -> None:
    with pytest.raises(ManifestError) as info:
        parse_manifest(_input(case))
    err = info.value
    assert err.json_path == case.path, err.message
    for word in case.words:
        assert word in err.message, f"{word!r} not in {err.message!r}"
    # Understandable: plain words, no Python internals, and says it all in one line.
    assert str(err) == f"{err.json_path}: {err.message}"
    for internal in ("Decimal(", "NoneType", "object at 0x", "Traceback", "_NonFinite", "dict"):
        assert internal not in err.message
    assert "\n" not in err.message and 10 < len(err.message) < 400


def test_the_unmodified_example_is_valid() -> None:
    """The baseline every case above breaks in one place."""
    assert len(parse_manifest(dumps(example())).matters) == 1


def test_error_survives_pickling() -> None:
    """Errors cross threads and processes (the engine, the CLI) intact."""
    import pickle

    with pytest.raises(ManifestError) as info:
        parse_manifest(b"[]")
    again = pickle.loads(pickle.dumps(info.value))
    assert (again.json_path, again.message) == (info.value.json_path, info.value.message)
