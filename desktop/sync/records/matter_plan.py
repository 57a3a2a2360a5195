"""Which matters need what this pass — a pure function over the manifest and the links.

Rules (product.md rules 2–4, decisions.md "Matters"):
* A matter in the baseline is *pre-existing*: nothing happens until the user links it.
* A *new* matter (not in the baseline) with at least one linked client gets a Clio matter:
  client = its first linked client in the matter's order, the other linked clients as related
  contacts. With no linked client it waits ("needs a linked client") and names them.
* More than :data:`NEW_MATTER_GUARD` creations in one pass are held until the user confirms.
* A linked matter whose status differs from the status last written to Clio gets a status update;
  a changed ``folder`` is a move of the matter folder (the mirror follows it).
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass

from desktop.prolegis.records import Client, Manifest, Matter

NEW_MATTER_GUARD = 5


@dataclass(frozen=True)
class MatterCreate:
    matter: Matter
    client_contact_id: int
    related_contact_ids: tuple[int, ...]


@dataclass(frozen=True)
class NeedsClient:
    matter: Matter
    unlinked: tuple[Client, ...]


@dataclass(frozen=True)
class StatusUpdate:
    matter: Matter
    clio_matter_id: int
    old_status: str


@dataclass(frozen=True)
class FolderMove:
    matter: Matter
    old_folder: str


@dataclass(frozen=True)
class MatterPlan:
    creates: tuple[MatterCreate, ...]
    held: tuple[MatterCreate, ...]  # creations held by the new-matter guard
    needs_client: tuple[NeedsClient, ...]
    status_updates: tuple[StatusUpdate, ...]
    folder_moves: tuple[FolderMove, ...]
    unlinked_preexisting: tuple[Matter, ...]
    vanished: tuple[str, ...]  # linked matters no longer in the manifest (ids)


@dataclass(frozen=True)
class LinkedMatter:
    """What the plan needs to know of a matter link."""

    clio_matter_id: int
    status: str
    folder: str


def plan_matters(
    manifest: Manifest,
    *,
    preexisting: Set[str],
    links: Mapping[str, LinkedMatter],
    contact_of: Mapping[str, int],
    allow_new_matters: bool = False,
    deferred: Set[str] = frozenset(),
    allowed: Set[str] = frozenset(),
) -> MatterPlan:
    """Decide matter work for one pass.

    ``contact_of`` maps client id → linked Clio contact id. ``deferred`` are new matters the user
    said "not now" to: they stay held without asking again until allowed. ``allowed`` are held
    matters the user confirmed: they are created and do not count toward the guard.
    """
    creates: list[MatterCreate] = []
    needs: list[NeedsClient] = []
    status: list[StatusUpdate] = []
    moves: list[FolderMove] = []
    unlinked_pre: list[Matter] = []
    for matter in manifest.matters:
        link = links.get(matter.id)
        if link is not None:
            if link.status and link.status != matter.status:
                status.append(StatusUpdate(matter, link.clio_matter_id, link.status))
            if link.folder and link.folder != matter.folder:
                moves.append(FolderMove(matter, link.folder))
            continue
        if matter.id in preexisting:
            unlinked_pre.append(matter)
            continue
        contacts = [contact_of[c] for c in matter.client_ids if c in contact_of]
        if not contacts:
            unlinked = tuple(
                manifest.clients_by_id[c] for c in matter.client_ids if c in manifest.clients_by_id
            )
            needs.append(NeedsClient(matter, unlinked))
            continue
        related = tuple(dict.fromkeys(c for c in contacts[1:] if c != contacts[0]))
        creates.append(MatterCreate(matter, contacts[0], related))
    held: list[MatterCreate] = []
    if not allow_new_matters:
        confirmed = [c for c in creates if c.matter.id in allowed]
        held = [c for c in creates if c.matter.id in deferred and c.matter.id not in allowed]
        creates = [c for c in creates if c.matter.id not in deferred and c.matter.id not in allowed]
        if len(creates) > NEW_MATTER_GUARD:
            held.extend(creates)
            creates = []
        creates = confirmed + creates
    vanished = tuple(sorted(set(links) - set(manifest.matters_by_id)))
    return MatterPlan(
        tuple(creates),
        tuple(held),
        tuple(needs),
        tuple(status),
        tuple(moves),
        tuple(unlinked_pre),
        vanished,
    )


def clio_description(matter: Matter) -> str:
    """The Clio matter description: the Prolegis number and title ("2024-0012 Purchase of …").

    Clio searches descriptions, so the Prolegis number is findable from Clio's search box.
    """
    text = f"{matter.number} {matter.title}".strip()
    return text[:255]
