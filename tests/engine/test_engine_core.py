"""The engine's own duties, with no parts: baseline, manifest errors, events, loop, pause."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from desktop.sync import commands as cmd
from desktop.sync.events import MattersChanged, StatusChanged
from desktop.sync.views import EngineState, MatterSyncState
from tests.support.harness import SyncHarness
from tests.support.harness_fixtures import HarnessFactory


def _firm(h: SyncHarness) -> None:
    b = h.builder
    b.add_client(id="c-1", first_name="Ada", last_name="Lovelace")
    b.add_matter(id="m-1", number="2024-0012", title="Purchase of 12 Elm St", client_ids=["c-1"])
    b.write()


def test_baseline_is_taken_at_first_valid_manifest(
    sandbox, harness_factory: HarnessFactory
) -> None:  # type: ignore[no-untyped-def]
    h = harness_factory(sandbox, records=False, documents=False)
    _firm(h)
    report = h.sync_once()
    assert report.exit_code == 0, report.lines()
    assert h.services.store.baseline.preexisting() == {"m-1"}
    h.builder.add_matter(id="m-2", number="2025-0001", title="Sale", client_ids=["c-1"])
    h.builder.write()
    h.sync_once()
    assert h.services.store.baseline.preexisting() == {"m-1"}
    rows = {v.matter_id: v for e in h.events_of(MattersChanged) for v in e.matters}
    assert rows["m-1"].state is MatterSyncState.NOT_SYNCED
    assert rows["m-2"].state is MatterSyncState.NEEDS_CLIENT  # new, its client not linked


def test_bad_manifest_is_an_error_and_the_last_good_state_stays(
    sandbox, harness_factory: HarnessFactory
) -> None:  # type: ignore[no-untyped-def]
    h = harness_factory(sandbox, records=False, documents=False)
    _firm(h)
    h.sync_once()
    (h.root / "prolegis.json").write_text(
        '{"format": "prolegis-workspace", "version": 1, "clients": [}'
    )
    report = h.sync_once()
    assert report.exit_code == 1
    assert any(r.code == "manifest" for r in report.reasons)
    assert h.engine.ctx.manifest is not None and "m-1" in h.engine.ctx.manifest.matters_by_id


def test_no_baseline_from_a_bad_first_manifest(sandbox, harness_factory: HarnessFactory) -> None:  # type: ignore[no-untyped-def]
    h = harness_factory(sandbox, records=False, documents=False)
    (h.root / "prolegis.json").write_text("{ not json")
    assert h.sync_once().exit_code == 1
    assert not h.services.store.baseline.taken()


def test_missing_workspace_is_an_error(
    sandbox, harness_factory: HarnessFactory, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    h = harness_factory(sandbox, records=False, documents=False)
    (h.root / "prolegis.json").unlink()
    report = h.sync_once()
    assert report.exit_code == 1 and report.reasons[0].code == "workspace"


def test_run_loop_serves_commands_and_pauses(sandbox, harness_factory: HarnessFactory) -> None:  # type: ignore[no-untyped-def]
    h = harness_factory(sandbox, records=False, documents=False)
    _firm(h)
    thread = threading.Thread(target=h.engine.run)
    thread.start()
    try:
        h.engine.submit(cmd.Pause())
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            states = [e.status.state for e in h.events_of(StatusChanged)]
            if EngineState.PAUSED in states:
                break
            time.sleep(0.05)
        assert EngineState.PAUSED in states
        assert h.settings.get("paused") is True
        h.engine.submit(cmd.Resume())
        h.engine.submit(cmd.RequestSnapshot())
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and not any(
            e.full for e in h.events_of(MattersChanged)[1:]
        ):
            time.sleep(0.05)
        assert any(e.full for e in h.events_of(MattersChanged)[1:])
    finally:
        h.engine.submit(cmd.Shutdown())
        thread.join(10)
    assert not thread.is_alive()
    assert h.settings.get("paused") is False


def test_a_long_sync_gets_a_time_left_estimate() -> None:
    from dataclasses import replace

    from desktop.sync.engine_status import time_left
    from desktop.sync.views import MatterView

    row = MatterView(
        "m-1", "2026-0001", "Purchase", "open", (), False, "/ws/m-1", MatterSyncState.SYNCING
    )
    busy = [replace(row, pending=55, uploading=3, downloading=2)]
    assert time_left(busy, 50) == 60 * 2 * 60.0 / 50  # 1,000 uploads ≈ 40 min at 50 a minute
    assert time_left([replace(row, pending=5)], 50) is None  # short work: no estimate


def test_before_the_baseline_no_matter_shows_as_new(
    sandbox, harness_factory: HarnessFactory
) -> None:  # type: ignore[no-untyped-def]
    h = harness_factory(sandbox, records=False, documents=False)
    _firm(h)
    h.engine.prepare_read()  # what `status` does: no pass, no baseline taken
    assert not h.services.store.baseline.taken()
    assert [v.state for v in h.engine.matter_views()] == [MatterSyncState.NOT_SYNCED]
