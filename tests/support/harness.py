"""The sync harness, in the spirit of Nextcloud's FakeFolder: a temp Prolegis workspace, the
running Clio sandbox and the real engine wired together through the app's composition root.

Each test reads "change local and/or Clio → ``sync_once()`` → compare". Areas add their own
state views (``clio_state``/``local_state``/``index_state`` for documents) in their own helpers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.app import build_engine, open_services
from desktop.clio.api import ClioClient
from desktop.paths import AppPaths
from desktop.prolegis.builder import WorkspaceBuilder
from desktop.sandbox import Sandbox
from desktop.settings import Settings
from desktop.sync.context import Services
from desktop.sync.engine import Engine
from desktop.sync.events import Event
from desktop.sync.report import PassOptions, PassReport
from tests.support.clio_fixtures import make_clio


class SyncHarness:
    """A workspace + the sandbox + a real engine. ``sync_once()`` runs one full pass."""

    def __init__(
        self,
        sandbox: Sandbox,
        base: Path,
        *,
        builder: WorkspaceBuilder | None = None,
        records: bool = True,
        documents: bool = True,
        user_id: int | None = None,
        settings: dict[str, Any] | None = None,
        name: str = "seat",
    ) -> None:
        self.sandbox = sandbox
        self.base = base / name
        self.builder = builder or WorkspaceBuilder(self.base / "Prolegis")
        if not (self.builder.root / "prolegis.json").exists():
            self.builder.write()
        self.paths = AppPaths.resolve(self.base / "home").ensure()
        self.settings = Settings(self.paths.settings_file)
        self.settings.update(
            {
                "clio_url": sandbox.base_url,
                "workspace": str(self.builder.root),
                "prolegis_username": "jdoe",
                "activity_authors": "jdoe",
                **(settings or {}),
            }
        )
        self.user_id = user_id
        self._records = records
        self._documents = documents
        self.events: list[Event] = []
        self.clio: ClioClient = make_clio(sandbox, self.paths.data_dir, user_id=user_id)
        self.services: Services = open_services(self.paths, self.settings, clio=self.clio)
        self.engine: Engine = self._new_engine()

    @property
    def admin(self) -> Any:
        return self.sandbox.admin

    @property
    def root(self) -> Path:
        return self.builder.root

    def _new_engine(self) -> Engine:
        engine = build_engine(self.services, records=self._records, documents=self._documents)
        engine.add_listener(self.events.append)
        return engine

    def sync_once(self, **options: Any) -> PassReport:
        """One pass, as ``prolegis-desktop sync --once`` runs it."""
        return self.engine.run_once(PassOptions(**options))

    def restart(self) -> None:
        """A new process: close the store and client, build everything again from the home."""
        self.close()
        self.clio = make_clio(self.sandbox, self.paths.data_dir, user_id=self.user_id)
        self.services = open_services(self.paths, self.settings, clio=self.clio)
        self.engine = self._new_engine()

    def close(self) -> None:
        self.services.store.close()
        self.clio.close()

    def events_of(self, kind: type[Event]) -> list[Any]:
        return [e for e in self.events if isinstance(e, kind)]
