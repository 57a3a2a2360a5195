"""The :class:`Sandbox`: starts the API and storage ports, owns the store, OAuth, rate limiter,
faults and statistics, and offers the in-process :attr:`Sandbox.admin` operations."""

from __future__ import annotations

import shutil
import tempfile
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.sandbox import faults as faults_mod
from desktop.sandbox.admin import Admin
from desktop.sandbox.config import DEFAULT_USER_EMAIL, DEFAULT_USER_NAME, SandboxConfig
from desktop.sandbox.faults import Faults
from desktop.sandbox.oauth import OAuth
from desktop.sandbox.persist import Persister
from desktop.sandbox.ratelimit import RateLimiter
from desktop.sandbox.resources import (  # noqa: F401  (importing registers the routes)
    activities,
    contacts,
    custom_fields,
    documents,
    field_values,
    folders,
    matters,
    relationships,
    stubs,
    tree,
    uploads,
    users,
)
from desktop.sandbox.server import ApiApp
from desktop.sandbox.stats import Stats
from desktop.sandbox.storage import BlobStore, Signer, StorageApp
from desktop.sandbox.store import Store
from desktop.sandbox.wire import LoopbackServer

SIGNIN_META = "signin_user_id"


class Sandbox:
    """A Clio Manage v4 look-alike on loopback. Use as a context manager or start()/stop()."""

    def __init__(self, config: SandboxConfig | None = None, **overrides: Any) -> None:
        cfg = replace(config or SandboxConfig(), **overrides)
        cfg.validate()
        faults_mod.parse(cfg.faults or "")  # fail early on a bad spec
        self.config = cfg
        self.store = Store()
        self.stats = Stats()
        self.limiter = RateLimiter(cfg.rate_limit, cfg.rate_window)
        self.faults = Faults(cfg.faults)
        self.oauth = OAuth(self)
        self.admin = Admin(self)
        self.blobs: BlobStore
        self.signer: Signer
        self._api: LoopbackServer | None = None
        self._storage: LoopbackServer | None = None
        self._persister: Persister | None = None
        self._tmpdir: str | None = None
        self._stopped = False
        self._lock = threading.Lock()

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> Sandbox:
        with self._lock:
            if self._api is not None:
                raise RuntimeError("sandbox already started")
            if self._stopped and self.config.data_dir is None:
                raise RuntimeError("an in-memory sandbox cannot be restarted; create a new one")
            cfg = self.config
            if cfg.data_dir is not None:
                data_dir = Path(cfg.data_dir).expanduser()
                data_dir.mkdir(parents=True, exist_ok=True)
                self._persister = Persister(self.store, data_dir)
                self._persister.load()
                blob_dir = data_dir / "blobs"
            else:
                self._tmpdir = tempfile.mkdtemp(prefix="clio-sandbox-")
                blob_dir = Path(self._tmpdir) / "blobs"
            self.blobs = BlobStore(blob_dir)
            self.seed()
            try:
                self._storage = LoopbackServer(cfg.host, cfg.storage_port, StorageApp(self))
                self._api = LoopbackServer(cfg.host, cfg.port, ApiApp(self))
            except OSError:
                if self._storage is not None:
                    self._storage.server_close()
                    self._storage = None
                self._cleanup()
                raise
            self.signer = Signer(self.storage_url)
            self._storage.serve_in_thread("clio-sandbox-storage")
            self._api.serve_in_thread("clio-sandbox-api")
            if self._persister is not None:
                self._persister.start()
            return self

    def stop(self) -> None:
        with self._lock:
            servers = [s for s in (self._api, self._storage) if s is not None]
            stoppers = [threading.Thread(target=s.stop) for s in servers]
            for t in stoppers:
                t.start()
            for t in stoppers:
                t.join()
            if self._api is not None:
                self._stopped = True
            self._api = self._storage = None
            if self._persister is not None:
                self._persister.stop()
                self._persister = None
            self._cleanup()

    def _cleanup(self) -> None:
        if self._tmpdir is not None:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def seed(self) -> None:
        """The state of a new account: one user (who signs in) and the root folder."""
        with self.store.lock:
            if not self.store.tables["users"]:
                user = users.create_user(
                    self.store, DEFAULT_USER_NAME, DEFAULT_USER_EMAIL, rate=350.0, owner=True
                )
                self.store.meta[SIGNIN_META] = user["id"]
            tree.root(self.store)

    # -- addresses ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._api is not None

    def _server(self, which: LoopbackServer | None) -> LoopbackServer:
        if which is None:
            raise RuntimeError("sandbox is not running")
        return which

    @property
    def port(self) -> int:
        return self._server(self._api).port

    @property
    def storage_port(self) -> int:
        return self._server(self._storage).port

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (the API is under ``/api/v4``, OAuth under ``/oauth``)."""
        return f"http://{_url_host(self.config.host)}:{self.port}"

    @property
    def storage_url(self) -> str:
        return f"http://{_url_host(self.config.host)}:{self.storage_port}"

    def signin_user_id(self) -> int:
        """The firm user signed in to the browser (who approves the consent page)."""
        with self.store.lock:
            uid: Any = self.store.meta.get(SIGNIN_META)
            if self.store.get("users", uid) is None:
                uid = next(iter(self.store.tables["users"]))
            return int(uid)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
