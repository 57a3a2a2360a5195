"""The one door to the state database: :class:`Store` groups the repositories.

Where the database lives: ``<data_dir>/state/<account>/<workspace>.sqlite3`` — one per Clio
account (base URL + user id) and Prolegis workspace, so switching either never mixes state.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from pathlib import Path
from urllib.parse import urlsplit

from desktop.sync.store.cursors import Cursors
from desktop.sync.store.db import Database, Migration
from desktop.sync.store.documents import DocumentState
from desktop.sync.store.history import History
from desktop.sync.store.journal import Journal
from desktop.sync.store.links import ActivityLinks, Baseline, ClientLinks, MatterLinks
from desktop.sync.store.meta import KeyValue
from desktop.sync.store.problems import Problems
from desktop.sync.store.records_cache import Holds, RecordsCache
from desktop.sync.store.schema_core import MIGRATION as CORE


def migrations() -> list[Migration]:
    """Every schema migration, in order (areas append theirs here)."""
    found = [CORE]
    for module in _AREA_SCHEMAS:
        found.append(importlib.import_module(module).MIGRATION)
    return found


# Schema modules of other areas, each with a MIGRATION of the next version number.
_AREA_SCHEMAS: tuple[str, ...] = (
    "desktop.sync.store.schema_records",
    "desktop.sync.store.schema_documents",
    "desktop.sync.store.schema_history_i18n",
)


def state_db_path(data_dir: Path, base_url: str, user_id: int | str, workspace: Path) -> Path:
    """The database file for one Clio account (base URL + user) and one workspace folder."""
    host = urlsplit(base_url).netloc or base_url
    account = re.sub(r"[^A-Za-z0-9.-]+", "_", f"{host}-{user_id}")
    ws = str(Path(workspace).expanduser().resolve())
    digest = hashlib.sha256(ws.encode("utf-8")).hexdigest()[:16]
    return data_dir / "state" / account / f"workspace-{digest}.sqlite3"


class Store:
    """The engine's state: links, baseline, cursors, journal, history, problems, settings."""

    def __init__(self, path: Path) -> None:
        self.db = Database(path, migrations())
        self.meta = KeyValue(self.db, "meta")
        self.account_settings = KeyValue(self.db, "account_settings")
        self.client_links = ClientLinks(self.db)
        self.matter_links = MatterLinks(self.db)
        self.activity_links = ActivityLinks(self.db)
        self.baseline = Baseline(self.db)
        self.cursors = Cursors(self.db)
        self.journal = Journal(self.db)
        self.history = History(self.db)
        self.problems = Problems(self.db)
        self.clio = RecordsCache(self.db)
        self.holds = Holds(self.db)
        self.documents = DocumentState(self.db)

    @property
    def path(self) -> Path:
        return self.db.path

    def close(self) -> None:
        self.db.close()
