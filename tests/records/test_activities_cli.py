"""``activities resolve``: the headless answer to an entry edited in Clio since the last push."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.sandbox import Sandbox
from tests.records.test_activities_engine import entry, linked, time
from tests.support.harness_fixtures import HarnessFactory
from tests.support.sandbox_fixtures import api_client


def test_resolve_overwrite_and_keep_clio(
    sandbox: Sandbox, harness_factory: HarnessFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    h = linked(harness_factory, sandbox)
    time(h, "a-1")
    h.builder.write()
    h.sync_once()
    cid = entry(h, "a-1").clio_activity_id
    with api_client(sandbox) as api:
        api.patch(f"/activities/{cid}.json", json={"data": {"note": "Edited by the bookkeeper"}})
    assert h.sync_once().exit_code == 5
    home = str(h.paths.home)
    capsys.readouterr()
    assert main(["--home", home, "activities", "resolve", "a-1", "--overwrite"]) == 0
    assert "pushed to Clio" in capsys.readouterr().out
    assert h.clio.activity(cid).note == "Review title search"
    with api_client(sandbox) as api:
        api.patch(f"/activities/{cid}.json", json={"data": {"note": "Second edit"}})
    assert h.sync_once().exit_code == 5
    assert main(["--home", home, "activities", "resolve", "a-1", "--keep-clio"]) == 0
    assert h.sync_once().exit_code == 0
    assert h.clio.activity(cid).note == "Second edit"
    assert main(["--home", home, "activities", "resolve", "a-404", "--keep-clio"]) == 1
    assert main(["--home", home, "activities", "resolve", "a-1"]) == 2
