"""The GUI stays responsive while the engine works: the GUI thread's longest stalls during a
first sync of 1,000 documents (quick: 200), with the real engine and the sandbox.

A 5 ms timer runs on the GUI thread while the main window shows the sync; a stall is how late
each tick fires. The in-run baseline is the same timer with the window idle (no engine work),
so the figure is what the sync adds, on this machine, in this run.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import Figure

TICK_MS = 5
STALL_TARGET_MS = 50.0


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def _measure_ticks(app: Any, seconds: float | None, until: Any = None) -> list[float]:
    from PySide6.QtCore import QElapsedTimer, QTimer

    lates: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.nsecsElapsed()]

    def tick() -> None:
        now = clock.nsecsElapsed()
        lates.append(max(0.0, (now - last[0]) / 1e6 - TICK_MS))
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    started = time.monotonic()
    while True:
        app.processEvents()
        time.sleep(0.001)
        if seconds is not None and time.monotonic() - started >= seconds:
            break
        if until is not None and until():
            break
        if time.monotonic() - started > 600:
            raise TimeoutError("the sync did not finish in 10 minutes")
    timer.stop()
    return lates


def _setup(base: Path, documents: int) -> tuple[Any, Any]:
    from desktop.app import build_engine, open_services
    from desktop.clio.regions import ClioTarget
    from desktop.clio.tokens import TokenSet, token_store_for
    from desktop.paths import AppPaths
    from desktop.prolegis.builder import WorkspaceBuilder
    from desktop.sandbox import Sandbox, SandboxConfig
    from desktop.settings import Settings

    sandbox = Sandbox(SandboxConfig(rate_limit=1_000_000)).start()
    paths = AppPaths.resolve(base / "home").ensure()
    settings = Settings(paths.settings_file)
    builder = WorkspaceBuilder(base / "Prolegis")
    builder.add_client(id="c-1", first_name="Ada", last_name="Lovelace")
    builder.write()
    target = ClioTarget.for_url(sandbox.base_url)
    store = token_store_for(target, paths.data_dir)
    user = sandbox.admin.default_user_id()
    store.save(target, str(user), TokenSet.from_token_response(sandbox.admin.issue_tokens(user)))
    store.set_current_account(target, str(user))
    settings.update({"clio_url": sandbox.base_url, "workspace": str(builder.root)})
    services = open_services(paths, settings)
    build_engine(services).run_once()  # the baseline: nothing pre-existing yet
    contact = sandbox.admin.create_contact("Person", first_name="Ada", last_name="Lovelace")
    services.store.client_links.link("c-1", contact, "Ada Lovelace", "matched")
    builder.add_matter(
        id="m-1", number="2026-0001", title="Purchase of 12 Elm St", client_ids=["c-1"]
    )
    old = time.time() - 86_400
    for i in range(documents):
        builder.add_document("m-1", f"Folder {i % 20:02d}/Document {i:04d}.txt", b"x" * 2048)
    builder.write()
    for p in (builder.root / "2026-0001 Purchase of 12 Elm St").rglob("*"):
        os.utime(p, (old, old))
    return sandbox, services


def run(quick: bool) -> list[Figure]:
    from desktop.sync.views import MatterSyncState
    from desktop.ui.app import ensure_app
    from desktop.ui.engine_host import EngineHost
    from desktop.ui.main_window import MainWindow

    documents = 200 if quick else 1000
    app = ensure_app()
    with tempfile.TemporaryDirectory() as tmp:
        sandbox, services = _setup(Path(tmp), documents)
        from desktop.app import build_engine

        engine = build_engine(services)
        host = EngineHost(engine)
        window = MainWindow(host)
        window.resize(1280, 800)
        window.show()
        idle = _measure_ticks(app, 2.0)
        started = time.monotonic()
        host.start()

        def done() -> bool:
            view = window.model.view_of("m-1")
            return bool(
                view and view.state is MatterSyncState.IN_SYNC and view.documents >= documents
            )

        busy = _measure_ticks(app, None, until=done)
        elapsed = time.monotonic() - started
        host.shutdown(15000)
        window.close()
        services.store.close()
        services.clio.close()
        sandbox.stop()
    return [
        Figure(
            "gui",
            f"GUI stall p99 during a {documents}-document sync",
            _p99(busy),
            "ms",
            target=STALL_TARGET_MS,
            baseline=_p99(idle),
            baseline_name="idle window",
            note=f"max {max(busy):.0f} ms; median {statistics.median(busy):.1f} ms",
        ),
        Figure(
            "gui",
            f"first sync of {documents} documents (GUI open)",
            elapsed,
            "s",
            note="loopback sandbox without a rate limit",
        ),
    ]
