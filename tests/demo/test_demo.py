"""The demo: seeded once into its own home, signed in, and documents move on the first sync."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from desktop.app import build_engine, open_services
from desktop.demo.setup import DemoBusy, _free_port, start_demo
from desktop.settings import Settings
from desktop.sync.report import PassOptions
from desktop.sync.views import MatterSyncState


def test_demo_seeds_once_and_the_first_sync_moves_documents(tmp_path: Path) -> None:
    demo = start_demo(tmp_path / "demo", port=_free_port())
    try:
        with pytest.raises(DemoBusy, match="already running"):
            start_demo(tmp_path / "demo")
        first_url = demo.sandbox.base_url
        settings = Settings(demo.paths.settings_file)
        assert settings.get("clio_url") == first_url
        assert (demo.workspace / "prolegis.json").exists()
        services = open_services(demo.paths, settings)
        try:
            engine = build_engine(services)
            report = engine.run_once(PassOptions())
            states = Counter(v.state for v in engine.matter_views())
            assert report.counts["matters_created"] == 4
            assert report.counts["uploaded"] > 0 and report.counts["downloaded"] == 2
            assert states[MatterSyncState.NEEDS_CLIENT] == 2
            assert states[MatterSyncState.IN_SYNC] == 6
            assert states[MatterSyncState.NOT_SYNCED] > 50
            assert report.exit_code == 5  # two new matters need their clients linked
            clio_matters = {m["id"] for m in services.store.clio.all("matters")}
            assert len(clio_matters) >= 4
        finally:
            services.store.close()
            services.clio.close()
    finally:
        demo.sandbox.stop()
    # A second start reuses the seeded firm, its sandbox address and the sign-in.
    again = start_demo(tmp_path / "demo")
    try:
        assert again.workspace == demo.workspace
        assert again.sandbox.base_url == first_url
        services = open_services(again.paths, Settings(again.paths.settings_file))
        try:
            assert services.store.baseline.taken()
        finally:
            services.store.close()
            services.clio.close()
    finally:
        again.sandbox.stop()


def test_demo_command_opens_the_main_window(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from pathlib import Path
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from desktop.demo.setup import DemoBusy, _free_port, start_demo
        from desktop.ui.app import ensure_app
        from desktop.ui.shell import launch
        demo = start_demo(Path({str(tmp_path / "gui-demo")!r}), port={_free_port()})
        app = ensure_app()
        seen = []
        def look():
            for w in QApplication.topLevelWidgets():
                if type(w).__name__ == "MainWindow" and w.isVisible():
                    seen.append(w.model.rowCount())
        QTimer.singleShot(6000, look)
        code = launch(demo.paths, sandbox_url=demo.sandbox.base_url, quit_after_ms=6500)
        demo.sandbox.stop()
        print("ROWS", seen)
        sys.exit(code)
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "ROWS [90]" in out.stdout, out.stdout + out.stderr[-2000:]


def test_the_demo_never_uses_or_resets_a_real_home(tmp_path: Path) -> None:
    from desktop.demo.setup import NotADemoHome, reset_demo

    real = tmp_path / "real"
    (real / "config").mkdir(parents=True)
    (real / "config" / "settings.json").write_text('{"workspace": "/firm/Prolegis"}')
    (real / "Prolegis" / "2024-0001 Smith").mkdir(parents=True)
    will = real / "Prolegis" / "2024-0001 Smith" / "Will.docx"
    will.write_bytes(b"the client's will")
    with pytest.raises(NotADemoHome):
        reset_demo(real)
    with pytest.raises(NotADemoHome):
        start_demo(real, port=_free_port())
    assert will.read_bytes() == b"the client's will"
    assert (real / "config" / "settings.json").read_text() == '{"workspace": "/firm/Prolegis"}'


def test_reset_trashes_a_stopped_demo_and_refuses_a_running_one(
    tmp_path: Path, _private_trash: Path
) -> None:
    from desktop.demo.setup import reset_demo

    demo = start_demo(tmp_path / "demo", port=_free_port())
    try:
        with pytest.raises(DemoBusy):
            reset_demo(tmp_path / "demo")
    finally:
        demo.sandbox.stop()
    paths = reset_demo(tmp_path / "demo")
    assert not (paths.data_dir / "demo.json").exists()
    assert not (tmp_path / "demo" / "Prolegis").exists()
    assert any(_private_trash.glob("files/*"))  # in the trash, not unlinked
