"""``sync --once``, ``status``, ``pause``/``resume`` and the instance lock, as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.instance_lock import InstanceLock
from tests.support.harness import SyncHarness
from tests.support.harness_fixtures import HarnessFactory


def _firm(h: SyncHarness, *, linked_client: bool) -> None:
    b = h.builder
    b.add_client(id="c-1", first_name="Ada", last_name="Lovelace", emails=["ada@example.com"])
    b.write()
    h.sync_once()  # the baseline: nothing yet
    if linked_client:
        contact = h.admin.create_contact("Person", first_name="Ada", last_name="Lovelace")
        h.services.store.client_links.link("c-1", contact, "Ada Lovelace", "matched")
    b.add_matter(id="m-1", number="2026-0001", title="Purchase of 1 Elm St", client_ids=["c-1"])
    b.add_document("m-1", "Offer.pdf", b"%PDF-1.4 offer")
    b.write()
    h.close()


def _cli(h: SyncHarness, *args: str) -> int:
    return main(["--home", str(h.paths.home), *args])


def test_sync_once_json_reports_creations_and_exit_0(
    sandbox,
    harness_factory: HarnessFactory,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    h = harness_factory(sandbox)
    _firm(h, linked_client=True)
    time.sleep(2.2)  # the new file must be settled before it is uploaded
    capsys.readouterr()
    assert _cli(h, "sync", "--once", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["schema"] == "prolegis-desktop/sync/1"
    assert out["counts"]["matters_created"] == 1 and out["counts"]["uploaded"] == 1
    assert out["reasons"] == [] and out["exit_code"] == 0


def test_needs_a_linked_client_exits_5_with_a_reason_on_stderr(
    sandbox,
    harness_factory: HarnessFactory,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    h = harness_factory(sandbox)
    _firm(h, linked_client=False)
    capsys.readouterr()
    assert _cli(h, "sync", "--once") == 5
    err = capsys.readouterr().err
    assert "Ada Lovelace" in err and "needs_user" in err


def test_status_json_lists_matters_and_clients(
    sandbox,
    harness_factory: HarnessFactory,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    h = harness_factory(sandbox)
    _firm(h, linked_client=False)
    capsys.readouterr()
    assert _cli(h, "status", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["schema"] == "prolegis-desktop/status/1"
    assert [m["matter_id"] for m in out["matters"]] == ["m-1"]
    assert out["matters"][0]["state"] == "needs_client"
    assert out["running"] is None and out["paused"] is False
    assert "clients" in out


def test_a_second_sync_is_refused_while_one_runs(
    sandbox,
    harness_factory: HarnessFactory,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    h = harness_factory(sandbox)
    _firm(h, linked_client=False)
    with InstanceLock(h.paths.lock_file, "desktop app"):
        capsys.readouterr()
        assert _cli(h, "sync", "--once") == 1
        assert "desktop app" in capsys.readouterr().err
        assert _cli(h, "status") == 0  # read-only commands work beside it


def test_pause_and_resume_reach_a_running_sync(sandbox, harness_factory: HarnessFactory) -> None:  # type: ignore[no-untyped-def]
    h = harness_factory(sandbox)
    _firm(h, linked_client=True)
    home = str(h.paths.home)
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--home", home, "sync"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_for(lambda: _lock_holder(h.paths.lock_file) is not None)
        assert _cli(h, "pause") == 0
        _wait_for(lambda: "paused" in _status_text(h))
        assert _cli(h, "resume") == 0
        _wait_for(lambda: "paused" not in _status_text(h))
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Stopped." in out


def _lock_holder(path: Path) -> object:
    from desktop.instance_lock import read_holder

    return read_holder(path)


def _status_text(h: SyncHarness) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "desktop", "--home", str(h.paths.home), "status"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return out.stdout


def _wait_for(condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("condition not met in time")


def test_json_outputs_stay_json_when_nothing_is_set_up(
    home: Path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    assert main(["config", "set", "clio_url", "http://127.0.0.1:9"]) == 0
    capsys.readouterr()
    assert main(["status", "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["schema"] == "prolegis-desktop/status/1"
    assert out["summary"]["state"] in ("signed_out", "error") and out["error"]["code"]
    assert main(["sync", "--once", "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["schema"] == "prolegis-desktop/sync/1" and out["exit_code"] == 1
    assert out["reasons"][0]["outcome"] == "error"
