"""The composition root: builds the engine's services from settings and wires the parts.

Nothing else constructs a Store, a Clio client and a workspace together; the command line, the
GUI and the tests' harness all come through :func:`open_services` and :func:`build_engine`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from desktop.clio.api import ClioClient
from desktop.clio.budget import Priority
from desktop.clio.connect import open_client, target_from_settings
from desktop.clio.errors import NetworkError, ServerError
from desktop.clio.records import User
from desktop.clio.retry import NO_RETRY
from desktop.paths import AppPaths
from desktop.prolegis.port import WorkspacePort
from desktop.settings import Settings
from desktop.sync.context import Services
from desktop.sync.engine import Engine, PartFactory
from desktop.sync.store import Store, state_db_path

log = logging.getLogger(__name__)


class WorkspaceNotConfigured(Exception):
    """No Prolegis folder chosen yet."""

    user_message = (
        "No Prolegis folder is set. Choose it in the connection wizard, or run "
        "'prolegis-desktop config set workspace DIR' (or pass --workspace DIR)."
    )


def workspace_root(settings: Settings, override: Path | None = None) -> Path:
    """The Prolegis folder: ``override`` (remembered in the settings), else the setting."""
    if override is not None:
        root = override.expanduser().resolve()
        if settings.get("workspace") != str(root):
            settings.set("workspace", str(root))
        return root
    configured = str(settings.get("workspace") or "")
    if not configured:
        raise WorkspaceNotConfigured(WorkspaceNotConfigured.user_message)
    return Path(configured).expanduser().resolve()


def identify(clio: ClioClient, store: Store, account: str) -> User:
    """Who is signed in: asked of Clio, remembered for starting offline."""
    try:  # one attempt: offline, the remembered name will do and the pass says why
        with clio.interactive(), clio.session.retrying(NO_RETRY):
            user = clio.who_am_i()
    except (NetworkError, ServerError):
        return remembered_user(store, account)
    store.meta.set("account", {"id": user.id, "name": user.name, "email": user.email})
    return user


def remembered_user(store: Store, account: str) -> User:
    """Who signed in, as Clio last said (no request)."""
    cached = store.meta.get("account")
    if isinstance(cached, dict):
        return User(id=int(cached["id"]), name=cached.get("name"), email=cached.get("email"))
    return User(id=int(account))


def open_services(
    paths: AppPaths,
    settings: Settings,
    *,
    workspace: Path | None = None,
    clio: ClioClient | None = None,
    ask_clio: bool = True,
) -> Services:
    """Everything the engine needs for the signed-in account and the Prolegis folder.

    Raises :class:`~desktop.clio.errors.SignInRequired` (and other ``AuthError``/``KeychainError``)
    when Clio is not usable, :class:`WorkspaceNotConfigured` without a folder. With
    ``ask_clio=False`` (read-only commands: ``status``) nothing is asked of Clio: the user is
    the one Clio last named.
    """
    root = workspace_root(settings, workspace)
    client = clio or open_client(paths, settings, priority_default=Priority.BACKGROUND)
    target = client.session.target
    account = client.session.account or str(client.who_am_i().id)
    store = Store(state_db_path(paths.data_dir, target.base_url, account, root))
    user = identify(client, store, account) if ask_clio else remembered_user(store, account)
    return Services(
        paths=paths,
        settings=settings,
        store=store,
        clio=client,
        workspace=WorkspacePort(root),
        account=user,
        base_url=target.base_url,
    )


def build_engine(services: Services, *, records: bool = True, documents: bool = True) -> Engine:
    """The engine with its parts: the records half and the document mirror."""
    parts: list[PartFactory] = []
    if records:
        from desktop.sync.records.part import RecordsPart

        parts.append(RecordsPart)
    mirror = None
    if documents:
        from desktop.sync.mirror.part import MirrorPart

        mirror = MirrorPart
    return Engine(services, parts, documents=mirror)


def describe_target(settings: Settings) -> str:
    target = target_from_settings(settings)
    return target.label
