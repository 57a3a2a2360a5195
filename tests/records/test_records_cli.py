"""``clients`` and ``matters`` on the command line, against the sandbox, with the harness's home:
exit codes, human text and the documented JSON, and what they leave in the store and in Clio."""

from __future__ import annotations

import json
from typing import Any

import pytest

from desktop.cli import main
from desktop.sandbox import Sandbox
from desktop.sync.records.status import records_status
from tests.records.helpers import clio_contacts, clio_matters, person
from tests.support.harness import SyncHarness
from tests.support.harness_fixtures import HarnessFactory


@pytest.fixture
def h(sandbox: Sandbox, harness_factory: HarnessFactory) -> SyncHarness:
    h = harness_factory(sandbox, documents=False)
    b = h.builder
    b.add_client(
        "Ada", "Lovelace", id="c-1", emails=["ada@lovelace.example"], phones=["403-555-0142"]
    )
    b.add_client("Rita", "Okafor", id="c-2", emails=["rita@okafor.example"])
    b.add_client("Bob", "Smith", id="c-3")
    b.add_matter("Old estate", id="m-old", number="2019-0042", client_ids=["c-1"])
    b.add_document("m-old", "Will.pdf")
    b.write()
    h.ada = person(
        h,
        "Ada",
        "Lovelace",
        "ada@lovelace.example",
        phone_numbers=[  # type: ignore[attr-defined]
            {"name": "Work", "number": "403-555-0142", "default_number": True}
        ],
    )
    h.rita = person(h, "Rita", "Okafor", "rita@okafor.example")  # type: ignore[attr-defined]
    return h


def cli(h: SyncHarness, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--home", str(h.base / "home"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(out: str, schema: str) -> dict[str, Any]:
    doc = json.loads(out)
    assert doc["schema"] == f"prolegis-desktop/{schema}/1"
    assert next(iter(doc)) == "schema"
    return doc  # type: ignore[no-any-return]


def test_clients_match_json_and_text(h: SyncHarness, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(h, capsys, "clients", "match", "--json")
    assert code == 0
    doc = as_json(out, "clients-match")
    bands = {c["client_id"]: c["band"] for c in doc["clients"]}
    assert bands["c-1"] == "confident" and bands["c-3"] == "none"
    assert doc["counts"]["confident"] == sum(1 for b in bands.values() if b == "confident")
    (ada,) = [c for c in doc["clients"] if c["client_id"] == "c-1"]
    best = ada["candidates"][0]
    assert best["contact_id"] == h.ada and best["name"] == "Ada Lovelace"  # type: ignore[attr-defined]
    assert any(e["field"] == "email" and e["verdict"] == "agrees" for e in best["evidence"])
    code, out, _ = cli(h, capsys, "clients", "match")
    assert code == 0 and "c-1" in out and "confident" in out and "--all-confident" in out
    assert h.services.store.client_links.all() == {}  # matching links nothing


def test_clients_link_create_unlink(h: SyncHarness, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(h, capsys, "clients", "link", "c-2", "--contact", str(h.rita))  # type: ignore[attr-defined]
    assert code == 0, err
    assert "c-2 linked to Rita Okafor" in out
    assert h.services.store.client_links.get("c-2").contact_id == h.rita  # type: ignore[attr-defined, union-attr]
    code, out, err = cli(h, capsys, "clients", "link", "c-3", "--create", "--json")
    assert code == 0, err
    doc = as_json(out, "clients-link")
    (made,) = doc["linked"]
    assert made["client_id"] == "c-3" and made["how"] == "created"
    assert any(c.id == made["contact_id"] and c.name == "Bob Smith" for c in clio_contacts(h))
    h.admin.create_contact(
        "Person",
        first_name="Other",
        last_name="Person",
        email_addresses=[{"name": "Work", "address": "ada@lovelace.example"}],
    )
    code, out, err = cli(h, capsys, "clients", "link", "c-1", "--create")
    assert code == 1 and "already exists" in err and out == ""
    code, out, err = cli(h, capsys, "clients", "unlink", "c-2")
    assert code == 0 and "unlinked" in out
    code, out, err = cli(h, capsys, "clients", "unlink", "c-2")
    assert code == 1 and "not linked" in err
    code, _, err = cli(h, capsys, "clients", "link", "c-9", "--contact", "1")
    assert code == 1 and "no client c-9" in err
    code, _, err = cli(h, capsys, "clients", "link", "c-1", "--contact", "999999")
    assert code == 1 and "no longer exists" in err


def test_clients_link_all_confident(h: SyncHarness, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(h, capsys, "clients", "link", "c-3", "--all-confident")
    assert code == 1 and "no confident match" in err
    code, out, err = cli(h, capsys, "clients", "link", "--all-confident")
    assert code == 0, err
    links = h.services.store.client_links.all()
    assert f"Linked {len(links)} client" in out
    assert links["c-1"].contact_id == h.ada and links["c-1"].how == "confident"  # type: ignore[attr-defined]
    assert "c-3" not in links


def test_clients_usage_errors(h: SyncHarness, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(h, capsys, "clients", "link", "c-1")[0] == 2
    assert cli(h, capsys, "clients", "link", "c-1", "--create", "--contact", "4")[0] == 2
    assert cli(h, capsys, "clients", "link", "--create")[0] == 2
    assert cli(h, capsys, "matters", "link", "m-old")[0] == 2


def test_matters_suggest_link_unlink(h: SyncHarness, capsys: pytest.CaptureFixture[str]) -> None:
    clio_id = h.admin.create_matter(h.ada, "2019-0042 Lovelace estate")  # type: ignore[attr-defined]
    h.admin.create_matter(h.rita, "Something else")  # type: ignore[attr-defined]
    code, out, err = cli(h, capsys, "matters", "suggest", "m-old", "--json")
    assert code == 0, err
    doc = as_json(out, "matters-suggest")
    assert doc["matter_id"] == "m-old"
    assert [s["clio_matter_id"] for s in doc["suggestions"]] == [clio_id]
    assert doc["suggestions"][0]["reasons"]
    code, out, err = cli(
        h, capsys, "matters", "link", "m-old", "--clio-matter", str(clio_id), "--json"
    )
    assert code == 0, err
    doc = as_json(out, "matters-link")
    assert (doc["clio_matter_id"], doc["how"], doc["historical_files"]) == (clio_id, "linked", 1)
    assert doc["clio_folder_id"] == h.admin.matter_folder_id(clio_id)
    code, out, err = cli(h, capsys, "matters", "unlink", "m-old")
    assert code == 0 and "no longer syncs" in out
    assert h.services.store.matter_links.get("m-old") is None
    assert len(clio_matters(h)) == 2
    code, out, err = cli(h, capsys, "matters", "link", "m-old", "--create")
    assert code == 1 and "needs a linked client" in err
    assert cli(h, capsys, "clients", "link", "c-1", "--contact", str(h.ada))[0] == 0  # type: ignore[attr-defined]
    code, out, err = cli(h, capsys, "matters", "link", "m-old", "--create")
    assert code == 0, err  # the Clio matter carrying its id is found again, not duplicated
    assert "was already in Clio" in out and str(clio_id) in out
    assert "1 file already in its folder stays on this computer until you push it" in out
    assert len(clio_matters(h)) == 2
    code, out, err = cli(h, capsys, "matters", "suggest", "m-none")
    assert code == 1 and "no matter m-none" in err


def test_status_lists_records(h: SyncHarness, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.sync import commands as cmd
    from tests.records.helpers import run

    h.builder.add_matter("New purchase", id="m-new", number="2025-0001", client_ids=["c-2"])
    h.builder.add_activity("m-old", id="a-1", hours="1", rate="300", note="Old work")
    h.builder.write()
    h.sync_once()  # the baseline: both matters are pre-existing now
    h.builder.add_matter("Newer", id="m-2", number="2025-0002", client_ids=["c-3"])
    h.builder.add_matter("Newest", id="m-3", number="2025-0003", client_ids=["c-1"])
    h.builder.add_activity("m-3", id="a-2", hours="2", rate="300", note="New work")
    h.builder.add_activity("m-3", id="a-3", hours="1", note="Someone else's", author="bsmith")
    h.builder.write()
    run(h, cmd.LinkClient("c-1", contact_id=h.ada))  # type: ignore[attr-defined]
    assert h.sync_once().exit_code == 5  # m-2 needs a linked client
    status = records_status(h.services.store, h.engine.ctx.manifest, h.settings)
    json.dumps(status)
    clients = {c["client_id"]: c for c in status["clients"]}
    assert clients["c-1"]["linked"] and clients["c-1"]["contact_id"] == h.ada  # type: ignore[attr-defined]
    assert clients["c-3"]["needed_by_new_matters"] == ["m-2"]
    matters = {m["matter_id"]: m for m in status["matter_records"]}
    assert (matters["m-old"]["new"], matters["m-old"]["state"]) == (False, "not_linked")
    assert (matters["m-2"]["new"], matters["m-2"]["state"]) == (True, "needs_client")
    assert matters["m-3"]["linked"] and matters["m-3"]["how"] == "created"
    states = {i["activity_id"]: i["state"] for i in status["activities"]["items"]}
    assert states == {"a-1": "matter_not_linked", "a-2": "pushed", "a-3": "other_author"}
    assert status["activities"]["counts"]["pushed"] == 1
    assert any(e["kind"] == "needs_client" for e in status["records_errors"])
    code, out, _ = cli(h, capsys, "status", "--json")
    assert code == 0
    doc = as_json(out, "status")
    assert {"clients", "matter_records", "activities", "records_errors"} <= set(doc)
