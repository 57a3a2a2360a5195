"""No input crashes the parser: whatever it is fed, it returns a manifest or raises
``ManifestError`` — and the quick path always agrees with the reference validator."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import desktop.prolegis.manifest as manifest_module
from desktop.prolegis.manifest import ManifestError, parse_manifest
from desktop.prolegis.records import Manifest
from tests.prolegis.example import example

FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["", " ", "..", "CON", "a\\b", "/x", "c-1001", "m-2024-0012", "open",
                       "time", "expense", "person", "company", "2026-11-20",
                       "2026-11-20T17:04:00Z", "\ud800", "é", "x/../y"])
)
json_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=4),
    max_leaves=12,
)


def _outcome(data: bytes) -> tuple[str, Any]:
    try:
        return ("ok", parse_manifest(data))
    except ManifestError as exc:
        return ("error", (exc.json_path, exc.message))


def _both_paths(data: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Any]:
    """Parse with the quick path and with the reference alone; they must agree exactly."""
    monkeypatch.setattr(manifest_module, "_FAST", True)
    fast = _outcome(data)
    monkeypatch.setattr(manifest_module, "_FAST", False)
    reference = _outcome(data)
    assert fast == reference
    if fast[0] == "ok":  # equal records, and equal in representation too
        assert repr(fast[1]) == repr(reference[1])
    return fast


@FUZZ
@given(value=json_values)
def test_arbitrary_json_only_raises_manifest_error(value: Any) -> None:
    data = json.dumps(value).encode()
    with pytest.raises(ManifestError):
        parse_manifest(data)


@FUZZ
@given(raw=st.binary(max_size=200))
def test_arbitrary_bytes_only_raise_manifest_error(raw: bytes) -> None:
    try:
        parse_manifest(raw)
    except ManifestError as exc:
        assert exc.json_path.startswith("$")


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


_EXAMPLE_PATHS = _paths(example())[1:]


@FUZZ
@given(
    edits=st.lists(
        st.tuples(st.sampled_from(_EXAMPLE_PATHS), st.booleans(), json_values),
        min_size=1,
        max_size=3,
    )
)
def test_a_damaged_example_never_crashes(
    edits: list[tuple[tuple[Any, ...], bool, Any]],
) -> None:
    data = example()
    for path, delete, value in edits:
        node: Any = data
        try:
            for part in path[:-1]:
                node = node[part]
            if delete and isinstance(node, dict):
                node.pop(path[-1], None)
            else:
                node[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed the way there
    with pytest.MonkeyPatch.context() as mp:
        kind, result = _both_paths(json.dumps(data).encode(), mp)
    if kind == "ok":
        assert isinstance(result, Manifest)


# Manifest-shaped input: every field is usually valid and sometimes not (drawn from values that
# break one rule each), so both validators reach the deeper rules (references, folders, money)
# and about one input in ten is valid — on all of them the two must agree.


def _f(valid: st.SearchStrategy[Any], *invalid: Any) -> st.SearchStrategy[Any]:
    """Usually a valid value, one time in 40 one of the ``invalid`` ones."""
    return st.integers(0, 39).flatmap(lambda k: valid if k else st.sampled_from(invalid))


_stamp = _f(
    st.sampled_from(["2026-11-20T17:04:00Z", "2026-11-20T12:04:00-05:00",
                     "2026-11-20 17:04:00.5+01:00"]),
    "2026-11-20", "2026-11-20T17:04:00", "soon", "2026-02-30T00:00:00Z", 5, None,
)
_date = _f(st.sampled_from(["2026-11-20", "2024-02-29"]), "2023-02-29", "20261120", "", None, 3)
_cents = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False)
_money = _f(
    _cents | st.integers(0, 10**6) | st.decimals(min_value=0, max_value=99, places=3),
    Decimal("-0.01"), Decimal("1000000000"), Decimal("0.005"), "12.50", True, -3, 10**10,
)
_hours = _f(
    st.decimals(min_value=0, max_value=24, places=2) | st.integers(0, 24),
    Decimal("-0.1"), Decimal("10000.5"), "1.5", True, None,
)
_text = st.sampled_from(["Ada", "Zoë", "Côté", "x"])
_folder_names = st.sampled_from(["A", "B", "C", "é", "Dossier", "x y"])


@st.composite
def manifests(draw: st.DrawFn) -> dict[str, Any]:
    n_c, n_m, n_a = draw(st.integers(0, 3)), draw(st.integers(0, 4)), draw(st.integers(0, 5))
    client_ids = [f"c-{i}" for i in range(n_c)]
    matter_ids = [f"m-{i}" for i in range(n_m)]
    clients = []
    for cid in client_ids:
        kind = draw(_f(st.sampled_from(["person", "company"]), "Person", None, 1))
        c: dict[str, Any] = {"id": draw(_f(st.just(cid), "c-0", " c", "", 1)), "kind": kind,
                             "updated_at": draw(_stamp)}
        c["first_name"] = draw(_f(_text | st.none(), "", " ", 1))
        c["last_name"] = draw(_f(_text, None, ""))
        c["company"] = draw(_f(st.just("Prairie Holdings Ltd."), "", None))
        c["emails"] = draw(_f(st.just(["a@example.com"]), [""], "x", [1], None))
        c["addresses"] = draw(_f(st.just([{"city": "Calgary"}]), [{"city": 1}], ["x"], {}))
        clients.append(c)
    matters = []
    for i, mid in enumerate(matter_ids):
        folder = "/".join(draw(st.lists(_folder_names, min_size=1, max_size=2))) + f" {i}"
        m: dict[str, Any] = {
            "id": draw(_f(st.just(mid), "m-0", "", None)),
            "number": draw(_f(st.just(f"2024-{i:04d}"), "", 7)),
            "title": draw(_f(_text, " ", None)),
            "status": draw(_f(st.sampled_from(["open", "pending", "closed"]), "OPEN", None)),
            "open_date": draw(_date | st.none()),
            "client_ids": draw(_f(st.lists(st.sampled_from(client_ids), unique=True)
                                  if client_ids else st.just([]),
                                  ["c-9"], "c-0", [1], [[]], ["c-0", "c-0"], None)),
            "folder": draw(_f(st.just(folder) | st.sampled_from(["A", "a", "A/B", "./C//"]),
                              "..", "C:", "CON", "x.", "", "D?", "E\\F", "prolegis.json",
                              "e\u0301", None)),
            "updated_at": draw(_stamp),
        }
        matters.append(m)
    activities = []
    for i in range(n_a):
        kind = draw(_f(st.sampled_from(["time", "expense"]), "fee", None))
        a: dict[str, Any] = {
            "id": draw(_f(st.just(f"a-{i}"), "a-0", "")),
            "matter_id": draw(_f(st.sampled_from(matter_ids) if matter_ids else st.just("m-9"),
                                 "m-9", None, ["m-0"])),
            "kind": kind,
            "date": draw(_date),
            "author": draw(_f(st.sampled_from(["jdoe", "mtremblay"]), "", None)),
            "note": draw(_f(st.sampled_from(["Review", "", None, "Révision"]), "é\ud800", 4)),
            "updated_at": draw(_stamp),
        }
        if draw(st.booleans()) or kind == "time":
            a["hours"] = draw(_hours)
            a["rate"] = draw(_money | st.none())
        if draw(st.booleans()) or kind == "expense":
            a["amount"] = draw(_money)
            a["category"] = draw(_f(st.sampled_from(["Courier", "", None]), 3))
        activities.append(a)
    return {"format": "prolegis-workspace", "version": 1, "clients": clients,
            "matters": matters, "activities": activities}


_MARK = "\u0000DEC:"
_MARKED = re.compile(r'"\\u0000DEC:([^"]*)"')


def _mark(v: Any) -> Any:
    if isinstance(v, Decimal):
        return _MARK + str(v)
    if isinstance(v, dict):
        return {k: _mark(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_mark(x) for x in v]
    return v


def _dumps(data: dict[str, Any]) -> bytes:
    """JSON with Decimals written exactly, as number literals ("350.005", not a float)."""
    return _MARKED.sub(r"\1", json.dumps(_mark(data))).encode()


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=manifests())
def test_quick_path_agrees_with_reference_on_manifest_shaped_input(data: dict[str, Any]) -> None:
    with pytest.MonkeyPatch.context() as mp:
        _both_paths(_dumps(data), mp)
