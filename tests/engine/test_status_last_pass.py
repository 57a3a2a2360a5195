"""``status`` in its own process sees the last pass of the engine (GUI thread, ``sync``,
``sync --once``): when it last synced, offline since when and why, the errors — read from the
state store, without asking Clio anything."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.sandbox import Sandbox
from desktop.sync.last_pass import LastPass, PassResult, load_last_pass, outcome_of
from desktop.sync.messages import msg
from desktop.sync.report import Outcome, PassReport
from desktop.sync.views import EngineState
from tests.support.harness import SyncHarness
from tests.support.harness_fixtures import HarnessFactory

ROOT = Path(__file__).resolve().parents[2]
OFFLINE = "/api/v4/*=reset"  # every Clio request: the connection is dropped


def _firm(h: SyncHarness) -> None:
    h.builder.add_client(id="c-1", first_name="Ada", last_name="Lovelace")
    h.builder.write()


def _status_json(h: SyncHarness, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert main(["--home", str(h.paths.home), "status", "--json"]) == 0
    out: dict[str, Any] = json.loads(capsys.readouterr().out)
    return out


def _status_process(h: SyncHarness) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--home", str(h.paths.home), "status"],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )


def test_status_in_another_process_shows_the_last_sync_then_offline_when_clio_is_gone(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = harness_factory(sandbox)
    _firm(h)
    ok = h.sync_once()
    assert ok.exit_code == 0
    shown = _status_process(h)
    assert shown.returncode == 0, shown.stderr
    assert "Last sync: 20" in shown.stdout and "Offline" not in shown.stdout
    sandbox.stop()  # Clio is gone: nothing listens on its port any more
    offline = h.sync_once()
    assert [r.code for r in offline.reasons] == ["network"]
    shown = _status_process(h)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    last_sync = next(line for line in lines if line.startswith("Last sync: "))
    assert "never" not in last_sync
    since = next(line for line in lines if line.startswith("Offline since "))
    assert "Cannot reach Clio" in since
    assert not any(line.startswith("Error:") for line in lines)  # the reason is said once


def test_status_json_has_the_last_pass_and_asks_nothing_of_clio(
    sandbox: Sandbox, harness_factory: HarnessFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    h = harness_factory(sandbox)
    _firm(h)
    ok = h.sync_once()
    before = sandbox.admin.stats()["requests"]
    out = _status_json(h, capsys)
    assert sandbox.admin.stats()["requests"] == before  # local state only
    last = out["last_pass"]
    assert last["result"] == "ok" and last["exit_code"] == 0 and last["reasons"] == []
    assert last["last_sync"] == ok.finished_at == out["summary"]["last_sync"]
    assert last["started_at"] == ok.started_at and last["offline_since"] is None
    assert out["summary"]["state"] == "idle"

    sandbox.admin.set_faults(OFFLINE)
    first = h.sync_once()
    second = h.sync_once()
    assert first.exit_code == second.exit_code == 1
    out = _status_json(h, capsys)
    last = out["last_pass"]
    assert last["result"] == "offline" and last["exit_code"] == 1
    assert last["offline_since"] == first.started_at  # since the first pass that failed
    assert last["finished_at"] == second.finished_at
    assert last["last_sync"] == ok.finished_at  # the last pass that succeeded
    (reason,) = last["reasons"]
    assert reason["outcome"] == "error" and reason["code"] == "network"
    assert reason["message"] == second.reasons[0].message
    said = second.reasons[0].template
    assert said is not None
    assert (reason["template"], reason["params"]) == (said.template, dict(said.params))
    assert out["summary"]["state"] == "offline"
    assert out["summary"]["message"] == reason["message"]
    assert out["schema"] == "prolegis-desktop/status/1" and "matters" in out  # as before

    sandbox.admin.set_faults(None)
    back = h.sync_once()
    assert back.exit_code == 0
    last = _status_json(h, capsys)["last_pass"]
    assert last["result"] == "ok" and last["offline_since"] is None
    assert last["last_sync"] == back.finished_at


def test_an_error_is_listed_and_a_restarted_engine_still_knows_it(
    sandbox: Sandbox, harness_factory: HarnessFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    h = harness_factory(sandbox)
    _firm(h)
    ok = h.sync_once()
    (h.root / "prolegis.json").write_text("{ not json", encoding="utf-8")
    bad = h.sync_once()
    assert bad.exit_code == 1 and [r.code for r in bad.reasons] == ["manifest"]
    capsys.readouterr()
    assert main(["--home", str(h.paths.home), "status"]) == 0
    text = capsys.readouterr().out
    assert "Last pass: failed" in text
    assert f"Error:     {bad.reasons[0].message}" in text.splitlines()
    assert "Offline" not in text

    h.restart()  # a new process: the engine starts from what the store recorded
    status = h.engine.status()
    assert status.state is EngineState.ERROR and status.last_sync == ok.finished_at
    said = bad.reasons[0].template
    assert said is not None
    assert (status.message_template, status.message_params) == (said.template, said.params)
    last = load_last_pass(h.services.store)
    assert last is not None and last.errors == tuple(bad.reasons)


def test_a_pass_whose_outcome_cannot_be_saved_says_so(
    sandbox: Sandbox, harness_factory: HarnessFactory
) -> None:
    h = harness_factory(sandbox)
    _firm(h)
    h.sync_once()
    db = h.services.store.db
    start = db.writes
    assert h.sync_once().exit_code == 0
    per_pass = db.writes - start  # an idle pass: its last write is its outcome
    kept = load_last_pass(h.services.store)
    db.fail_write_at = db.writes + per_pass
    report = h.sync_once()
    db.fail_write_at = None
    assert [r.code for r in report.reasons] == ["state"] and report.exit_code == 1
    assert load_last_pass(h.services.store) == kept  # nothing half-written


def test_offline_since_and_last_sync_carry_over() -> None:
    def report(started: str, *errors: str) -> PassReport:
        r = PassReport(started_at=started, finished_at=started.replace(":00+", ":30+"))
        for code in errors:
            r.error(code, msg("{what} went wrong", what=code))
        return r

    ok = outcome_of(report("2026-01-01T10:00:00+00:00"), None)
    assert ok.result is PassResult.OK and ok.last_sync == "2026-01-01T10:00:30+00:00"
    down = outcome_of(report("2026-01-01T11:00:00+00:00", "network"), ok)
    again = outcome_of(report("2026-01-01T12:00:00+00:00", "network", "disk"), down)
    assert again.result is PassResult.OFFLINE
    assert again.offline_since == "2026-01-01T11:00:00+00:00"
    assert again.last_sync == ok.last_sync
    assert [r.code for r in again.errors] == ["network", "disk"]
    error = outcome_of(report("2026-01-01T13:00:00+00:00", "manifest"), again)
    assert error.result is PassResult.ERROR and error.offline_since is None
    assert LastPass.from_json(json.loads(json.dumps(again.as_json()))) == again
    assert again.reasons[0].outcome is Outcome.ERROR


@pytest.mark.parametrize("stored", [None, "text", {"result": "ok"}, {
    "started_at": "x", "finished_at": "y", "result": "sideways", "exit_code": 0}])
def test_an_unreadable_record_is_no_last_pass(stored: object) -> None:
    assert LastPass.from_json(stored) is None


def test_sync_once_with_a_re_look_keeps_the_outcome_of_the_whole_run(
    sandbox: Sandbox, harness_factory: HarnessFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    h = harness_factory(sandbox)
    b = h.builder
    b.add_client(id="c-1", first_name="Ada", last_name="Lovelace")
    b.add_client(id="c-2", first_name="Bob", last_name="Smith")
    b.write()
    h.sync_once()  # the baseline: nothing yet
    contact = h.admin.create_contact("Person", first_name="Ada", last_name="Lovelace")
    h.services.store.client_links.link("c-1", contact, "Ada Lovelace", "matched")
    b.add_matter(id="m-1", number="2026-0001", title="Purchase", client_ids=["c-1"])
    b.add_matter(id="m-2", number="2026-0002", title="Sale", client_ids=["c-2"])
    b.add_document("m-1", "Offer.pdf", b"%PDF-1.4 offer")  # saved just now: a re-look
    b.write()
    h.close()
    capsys.readouterr()
    assert main(["--home", str(h.paths.home), "sync", "--once", "--json"]) == 5
    run = json.loads(capsys.readouterr().out)
    assert run["counts"]["uploaded"] == 1  # by the re-look, once Offer.pdf had settled
    last = _status_json(h, capsys)["last_pass"]
    assert last["exit_code"] == 5 and last["result"] == "ok"
    assert last["started_at"] == run["started_at"]
    assert last["finished_at"] == run["finished_at"]
    assert [r["code"] for r in last["reasons"]] == [r["code"] for r in run["reasons"]]
