"""Prepare the demo: a private home, the embedded sandbox (persisted in that home), a seeded
firm on both sides, and a signed-in account — so the app opens on a firm that is mid-way
through adopting Clio and documents start moving at once.

What the seed sets up (the first time only; later starts reuse it):
* a Prolegis workspace of a conveyancing/estates firm, with documents and activities;
* Clio contacts for most clients (some written differently), namesakes and unrelated contacts;
* the firm as it was when Clio was connected: most matters pre-existing (the baseline), the
  clients whose Clio contact has the same name and email already linked (as if "accept all
  confident matches" had been used), two pre-existing matters already linked to Clio matters
  (with their historical documents "not in Clio" and a document a colleague put in Clio);
* and the last few matters new since then: some with linked clients (the first sync creates
  their Clio matters and uploads their documents), some still needing a linked client.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import shutil
import socket
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from send2trash import send2trash

from desktop.clio.connect import target_from_settings
from desktop.clio.regions import ClioTarget
from desktop.clio.tokens import TokenSet, token_store_for
from desktop.demo.contacts import seed_contacts
from desktop.paths import AppPaths
from desktop.prolegis.builder import generate_firm
from desktop.prolegis.manifest import parse_manifest
from desktop.prolegis.records import Manifest
from desktop.sandbox import Sandbox, SandboxConfig
from desktop.sandbox.admin import Admin
from desktop.settings import Settings
from desktop.sync.records.snapshot import snapshot_folder
from desktop.sync.store import Store, state_db_path

log = logging.getLogger(__name__)

DEMO_PORT = 53100
DEMO_RATE_LIMIT = 300  # per minute: Clio allows 50; the demo's first sync should not crawl
SEED = 2026
MARKER = "demo.json"
NEW_MATTERS_LINKED = 4  # under the new-matter guard (more than 5 would wait for confirmation)
NEW_MATTERS_UNLINKED = 2


@dataclass
class Demo:
    paths: AppPaths
    sandbox: Sandbox
    workspace: Path


def demo_paths(home: Path | None) -> AppPaths:
    """The demo's home: the given one, else a ``demo`` folder beside the real data."""
    if home is not None:
        return AppPaths.resolve(home).ensure()
    return AppPaths.resolve(AppPaths.resolve().data_dir / "demo").ensure()


class DemoBusy(Exception):
    """The demo's sandbox port is taken (most likely: the demo is already running)."""


class NotADemoHome(Exception):
    """The chosen home holds a real setup (settings or sync state) and no demo: the demo
    never writes into it, and never resets it."""


def _is_demo_home(paths: AppPaths) -> bool:
    return (paths.data_dir / MARKER).exists()


def _has_own_setup(paths: AppPaths) -> bool:
    return paths.settings_file.exists() or (paths.data_dir / "state").exists()


def _refuse_real_home(paths: AppPaths) -> None:
    if not _is_demo_home(paths) and _has_own_setup(paths):
        raise NotADemoHome(
            f"{paths.home or paths.data_dir} has settings or sync state of its own, so the demo "
            "will not use it. Choose an empty folder with --home, or leave --home out."
        )


def reset_demo(home: Path | None = None) -> AppPaths:
    """Forget the demo firm so the next start seeds it again: its data, settings and Prolegis
    folder go to the OS trash. Only a demo home is reset, and never while the demo runs."""
    paths = demo_paths(home)
    if not _is_demo_home(paths):
        _refuse_real_home(paths)
        return paths  # nothing seeded yet: nothing to reset
    port = int(json.loads((paths.data_dir / MARKER).read_text())["port"])
    if not _port_free(port):
        raise DemoBusy(f"The demo is running (its sandbox uses port {port}); close it first.")
    root = paths.home if paths.home is not None else paths.data_dir
    for part in (root / "Prolegis", paths.config_dir, paths.data_dir):
        if part.exists():
            try:
                send2trash(str(part))
            except Exception:  # no OS trash here: this is the demo's own generated data
                shutil.rmtree(part, ignore_errors=True)
    return demo_paths(home)


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_demo(
    home: Path | None = None, *, rate_limit: int = DEMO_RATE_LIMIT, port: int | None = None
) -> Demo:
    """Start the demo's sandbox and seed everything the first time. Returns the demo.

    The sandbox keeps one address for the demo's life (its port is remembered in the demo
    home): the sign-in and the sync state belong to that address. ``port`` chooses it on the
    first start (default :data:`DEMO_PORT`, or any free port when that one is taken).
    Raises :class:`DemoBusy` when a seeded demo's port is in use.
    """
    paths = demo_paths(home)
    _refuse_real_home(paths)
    marker = paths.data_dir / MARKER
    seeded = json.loads(marker.read_text()) if marker.exists() else None
    if seeded is not None:
        chosen = int(seeded["port"])
        if not _port_free(chosen):
            raise DemoBusy(
                f"The demo's Clio sandbox port {chosen} is in use: is the demo already running? "
                "Close it first (or start another demo with --home DIR)."
            )
    elif port is not None:
        chosen = port
    else:
        chosen = DEMO_PORT if _port_free(DEMO_PORT) else _free_port()
    sandbox = Sandbox(
        SandboxConfig(
            port=chosen,
            data_dir=paths.data_dir / "sandbox",
            rate_limit=rate_limit,
        )
    ).start()
    settings = Settings(paths.settings_file)
    workspace = paths.home / "Prolegis" if paths.home else paths.data_dir / "Prolegis"
    if seeded is None:
        _seed(paths, settings, sandbox, workspace)
        marker.write_text(json.dumps({"port": chosen, "seed": SEED}))
    _sign_in(paths, settings, sandbox)
    return Demo(paths, sandbox, workspace)


def _sign_in(paths: AppPaths, settings: Settings, sandbox: Sandbox) -> None:
    """Tokens for the sandbox's user in the demo home (loopback: a home file, not a keyring)."""
    target: ClioTarget = target_from_settings(settings)
    store = token_store_for(target, paths.data_dir)
    account = store.current_account(target)
    if account is not None and store.load(target, account) is not None:
        return
    user_id = sandbox.admin.default_user_id()
    tokens = TokenSet.from_token_response(sandbox.admin.issue_tokens(user_id))
    store.save(target, str(user_id), tokens)
    store.set_current_account(target, str(user_id))


def _seed(paths: AppPaths, settings: Settings, sandbox: Sandbox, workspace: Path) -> None:
    admin = sandbox.admin
    colleague = admin.add_user("Marc Tremblay", "marc.tremblay@example-law.ca")
    admin.add_user("Anita Singh", "anita.singh@example-law.ca")
    admin.add_user("Louise Gagnon", "louise.gagnon@example-law.ca")
    for name in (
        "Courier",
        "Land titles search fee",
        "Registration fee",
        "Photocopies",
        "Messagerie",
        "Frais de publicité foncière",
    ):
        admin.create_expense_category(name)
    builder = generate_firm(
        workspace, seed=SEED, clients=70, matters=90, activities_per_matter=(1, 5)
    )
    manifest = parse_manifest((workspace / "prolegis.json").read_bytes())
    _age_documents(workspace, manifest)
    contacts = seed_contacts(admin, manifest.clients, seed=SEED)
    exact = {c.client_id: c.contact_id for c in contacts if c.exact and c.client_id}
    settings.update(
        {
            "clio_url": sandbox.base_url,
            "workspace": str(workspace),
            "prolegis_username": "jdoe",
            "activity_authors": "jdoe",
            "author_map": f"mtremblay={colleague}",
        }
    )
    user_id = admin.default_user_id()
    store = Store(state_db_path(paths.data_dir, sandbox.base_url, user_id, workspace))
    try:
        matters = list(manifest.matters)
        new_count = NEW_MATTERS_LINKED + NEW_MATTERS_UNLINKED
        linked_new = [m for m in matters[::-1] if any(c in exact for c in m.client_ids)]
        unlinked_new = [m for m in matters[::-1] if not any(c in exact for c in m.client_ids)]
        new = linked_new[:NEW_MATTERS_LINKED] + unlinked_new[:NEW_MATTERS_UNLINKED]
        new_ids = {m.id for m in new}
        assert len(new_ids) == new_count
        store.baseline.take(m.id for m in matters if m.id not in new_ids)
        for cid, contact_id in exact.items():
            client = manifest.clients_by_id[cid]
            store.client_links.link(cid, contact_id, client.display_name, "confident")
        _link_preexisting(store, sandbox, manifest, workspace, exact, new_ids, colleague)
    finally:
        store.close()
    log.info(
        "demo seeded: %d clients, %d matters, %d Clio contacts",
        len(manifest.clients),
        len(manifest.matters),
        len(contacts),
    )
    del builder


def _age_documents(workspace: Path, manifest: Manifest) -> None:
    """Give each document the age it would have in a real firm (written after the matter
    opened, not a second ago), so nothing looks "still being written"."""
    for matter in manifest.matters:
        opened = matter.open_date or datetime.date(2024, 1, 1)
        base = datetime.datetime.combine(opened, datetime.time(9, 30)).timestamp()
        folder = workspace / matter.folder
        for i, path in enumerate(sorted(p for p in folder.rglob("*") if p.is_file())):
            stamp = min(base + i * 86_400 * 3, time.time() - 3600)
            os.utime(path, (stamp, stamp))


def _link_preexisting(
    store: Store,
    sandbox: Sandbox,
    manifest: Manifest,
    workspace: Path,
    exact: dict[str, int],
    new_ids: set[str],
    colleague: int,
) -> None:
    """Two pre-existing matters already synced with Clio matters of the same description."""
    admin = sandbox.admin
    candidates = [
        m
        for m in manifest.matters
        if m.id not in new_ids and m.status == "open" and m.client_ids and m.client_ids[0] in exact
    ]
    for matter in candidates[:2]:
        contact_id = exact[matter.client_ids[0]]
        clio_id = admin.create_matter(
            contact_id,
            f"{matter.number} {matter.title}",
            status="open",
            open_date=matter.open_date.isoformat() if matter.open_date else None,
        )
        folder_id = admin.matter_folder_id(clio_id)
        admin.upload_document(
            clio_id,
            "Lender instructions.pdf",
            _pdf(f"Lender instructions for {matter.title}"),
            user_id=colleague,
        )
        store.matter_links.link(
            matter.id,
            clio_id,
            display_number=_display_number(sandbox.base_url, admin, clio_id),
            clio_folder_id=folder_id,
            how="linked",
            folder=matter.folder,
            status=matter.status,
            snapshot=snapshot_folder(workspace / matter.folder),
        )
    # Clio matters that pre-existing Prolegis matters could be linked to ("Sync with Clio").
    for matter in candidates[2:8]:
        admin.create_matter(
            exact[matter.client_ids[0]], f"{matter.number} {matter.title}", status="open"
        )


def _display_number(base_url: str, admin: Admin, clio_matter_id: int) -> str:
    """The Clio matter's number as Clio shows it, read through the API like any client."""
    token = admin.issue_tokens()["access_token"]
    answer = httpx.get(
        f"{base_url}/api/v4/matters/{clio_matter_id}.json",
        params={"fields": "display_number"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    answer.raise_for_status()
    return str(answer.json()["data"]["display_number"])


def _pdf(text: str) -> bytes:
    body = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1", "replace")
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n"
        + f"4 0 obj<</Length {len(body)}>>stream\n".encode()
        + body
        + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
