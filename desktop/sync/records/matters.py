"""Clio matters for Prolegis matters: idempotent creation (look-up by tag first, journaled
POST, adopt after a crash), related contacts, status follow-up, and the user's link / create /
unlink of a matter. A pre-existing matter's link records the historical snapshot of its folder
atomically with the link; unlinking changes nothing in Clio.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from desktop.clio.api import ClioClient
from desktop.clio.errors import (
    AmbiguousCreateError,
    ClioError,
    NotFoundError,
    PreconditionFailedError,
    ValidationError,
)
from desktop.clio.records import Matter
from desktop.prolegis.records import Matter as PMatter
from desktop.sync.context import EngineContext
from desktop.sync.messages import Explained, msg
from desktop.sync.records.errors import LinkRefused
from desktop.sync.records.intents import RecordsJournal
from desktop.sync.records.matter_plan import MatterCreate, StatusUpdate, clio_description
from desktop.sync.records.matter_tag import MatterTag
from desktop.sync.records.snapshot import snapshot_folder
from desktop.sync.store.journal import Intent
from desktop.sync.store.links import MatterLink, SnapshotEntry

log = logging.getLogger(__name__)

RELATED_DESCRIPTION = "Client"
Snapshot = Callable[[], Sequence[SnapshotEntry]]


class PendingCheck(Explained):
    """A create may have happened; its intent stays open and the next pass looks it up."""


class MatterSync:
    """See the module docstring."""

    def __init__(self, ctx: EngineContext, journal: RecordsJournal, tag: MatterTag) -> None:
        self._ctx = ctx
        self._journal = journal
        self.tag = tag

    @property
    def _clio(self) -> ClioClient:
        return self._ctx.clio

    # -- creating ------------------------------------------------------------------------------

    def create(
        self, plan: MatterCreate, *, how: str = "created", snapshot: Snapshot | None = None
    ) -> MatterLink:
        """The Clio matter of a Prolegis matter: found by its tag and adopted, or created."""
        matter = plan.matter
        existing = self.tag.lookup(matter, plan.client_contact_id)
        payload = {
            "number": matter.number,
            "description": clio_description(matter),
            "client_contact_id": plan.client_contact_id,
            "related": list(plan.related_contact_ids),
            "folder": matter.folder,
            "status": matter.status,
            "snapshot": snapshot is not None,
            "how": how,
        }
        intent_id = self._journal.open("create_matter", matter.id, payload)
        if existing is not None:
            log.info("adopting Clio matter %s for %s", existing.id, matter.id)
            clio_matter, how = existing, "adopted"
        else:
            try:
                clio_matter = self._clio.create_matter(self._body(plan))
            except AmbiguousCreateError as exc:
                raise PendingCheck(exc.user_template) from exc
            except ClioError as exc:
                self._journal.close(intent_id, "failed", error=exc.user_message)
                raise
        link = self._link(matter.id, clio_matter, how, matter.folder, matter.status, snapshot)
        self._finish(intent_id, link, plan.related_contact_ids)
        return link

    def _body(self, plan: MatterCreate) -> dict[str, Any]:
        matter = plan.matter
        body: dict[str, Any] = {
            "client": {"id": plan.client_contact_id},
            "description": clio_description(matter),
            "status": matter.status,
        }
        if matter.open_date is not None:
            body["open_date"] = matter.open_date.isoformat()
        values = self.tag.value_item(matter.id)
        if values:
            body["custom_field_values"] = values
        return body

    def _link(
        self,
        matter_id: str,
        clio_matter: Matter,
        how: str,
        folder: str,
        status: str,
        snapshot: Snapshot | None,
    ) -> MatterLink:
        self._ctx.store.clio.upsert("matters", [dict(clio_matter.raw)])
        entries = snapshot() if snapshot is not None else ()
        return self._ctx.store.matter_links.link(
            matter_id,
            clio_matter.id,
            display_number=clio_matter.display_number or "",
            clio_folder_id=clio_matter.folder_id,
            how=how,
            folder=folder,
            status=status,
            etag=clio_matter.etag or "",
            snapshot=entries,
        )

    def _finish(self, intent_id: int, link: MatterLink, related: Sequence[int]) -> None:
        """Related contacts, then the intent is done (it stays open if they fail)."""
        self.ensure_related(link.clio_matter_id, related)
        self._journal.close(intent_id, "done", clio_matter_id=link.clio_matter_id)
        number = link.display_number or link.clio_matter_id
        if link.how == "adopted":
            said = msg("Matter found in Clio and linked {number}", number=number)
        elif link.how == "linked":
            said = msg("Matter linked to {number}", number=number)
        else:
            said = msg("Matter created in Clio as {number}", number=number)
        self._ctx.record(
            "matter_created" if link.how == "created" else "matter_linked",
            said,
            matter_id=link.matter_id,
        )

    def ensure_related(self, clio_matter_id: int, related: Sequence[int]) -> None:
        """Each related contact on the Clio matter once (listed first; 422 = already there)."""
        if not related:
            return
        present = {
            r.contact.id
            for r in self._clio.relationships(matter_id=clio_matter_id)
            if r.contact is not None
        }
        for contact_id in related:
            if contact_id in present:
                continue
            intent_id = self._journal.open(
                "create_relationship",
                str(clio_matter_id),
                {"matter": clio_matter_id, "contact": contact_id},
            )
            try:
                self._clio.create_relationship(clio_matter_id, contact_id, RELATED_DESCRIPTION)
            except ValidationError as exc:
                log.info("relationship %s/%s: %s", clio_matter_id, contact_id, exc)
            self._journal.close(intent_id, "done")

    def recover(self, intent: Intent) -> None:
        """Finish an interrupted create: adopt what Clio has, or close it undone."""
        p = intent.payload
        if intent.kind == "create_relationship":
            self._journal.close(intent.id, "undone")  # re-listed before any new create
            return
        if intent.kind == "update_matter":
            self._journal.close(intent.id, "undone")  # the plan repeats it if still needed
            return
        matter_id = intent.subject
        related = [int(c) for c in p.get("related") or []]
        link = self._ctx.store.matter_links.get(matter_id)
        if link is None:
            found = self.tag.lookup_by(
                matter_id,
                str(p.get("number") or ""),
                str(p.get("description") or ""),
                int(p["client_contact_id"]) if p.get("client_contact_id") else None,
            )
            if found is None:
                self._journal.close(intent.id, "undone")
                return
            manifest = self._ctx.manifest
            matter = manifest.matters_by_id.get(matter_id) if manifest else None
            snap = self._snapshot_of(matter) if matter is not None and p.get("snapshot") else None
            link = self._link(
                matter_id,
                found,
                str(p.get("how") or "created"),
                matter.folder if matter else str(p.get("folder") or ""),
                matter.status if matter else str(p.get("status") or ""),
                snap,
            )
        self._finish(intent.id, link, related)

    # -- status --------------------------------------------------------------------------------

    def follow_status(self, update: StatusUpdate) -> None:
        """Carry a status change to Clio (conditional PATCH; re-read once when stale)."""
        matter, clio_id = update.matter, update.clio_matter_id
        link = self._ctx.store.matter_links.get(matter.id)
        cached = self._ctx.store.clio.get("matters", clio_id)
        etag = str((cached or {}).get("etag") or (link.etag if link else "")) or None
        intent_id = self._journal.open(
            "update_matter", matter.id, {"clio_matter_id": clio_id, "status": matter.status}
        )
        body = {"status": matter.status}
        try:
            try:
                updated = self._clio.update_matter(clio_id, body, etag=etag)
            except PreconditionFailedError:
                current = self._clio.matter(clio_id)
                updated = self._clio.update_matter(clio_id, body, etag=current.etag)
        except ClioError as exc:
            self._journal.close(intent_id, "failed", error=exc.user_message)
            raise
        self._ctx.store.clio.upsert("matters", [dict(updated.raw)])
        self._ctx.store.matter_links.update(
            matter.id,
            status=matter.status,
            etag=updated.etag or "",
            clio_folder_id=updated.folder_id,
        )
        self._journal.close(intent_id, "done")
        self._ctx.record(
            "matter_status",
            msg(
                "Status {old_status} → {status} carried to Clio",
                old_status=update.old_status or "?",
                status=matter.status,
            ),
            matter_id=matter.id,
        )

    # -- the user's actions ----------------------------------------------------------------

    def _snapshot_of(self, matter: PMatter) -> Snapshot:
        workspace = self._ctx.workspace
        return lambda: snapshot_folder(workspace.matter_folder(matter))

    def _check_unlinked(self, matter: PMatter) -> None:
        link = self._ctx.store.matter_links.get(matter.id)
        if link is not None:
            raise LinkRefused(
                msg(
                    "{matter} is already linked to the Clio matter {number}; unlink it first.",
                    matter=matter.display_name,
                    number=link.display_number or link.clio_matter_id,
                )
            )

    def link_existing(
        self, matter: PMatter, clio_matter_id: int, *, historical: bool
    ) -> MatterLink:
        """Link to an existing Clio matter (tagged with the Prolegis id when possible)."""
        self._check_unlinked(matter)
        other = self._ctx.store.matter_links.by_clio_id(clio_matter_id)
        if other is not None:
            raise LinkRefused(
                msg(
                    "The Clio matter {number} is already linked to the Prolegis matter {matter}.",
                    number=other.display_number or clio_matter_id,
                    matter=self._ctx.matter_label(other.matter_id),
                )
            )
        try:
            clio_matter = self._clio.matter(clio_matter_id)
        except NotFoundError:
            raise LinkRefused(
                msg("The Clio matter {number} does not exist.", number=clio_matter_id)
            ) from None
        carried = self.tag.tagged(clio_matter)
        if carried is not None and carried != matter.id:
            raise LinkRefused(
                msg(
                    "The Clio matter {number} belongs to the Prolegis matter {matter} (its "
                    "“Prolegis matter ID”); nothing was linked.",
                    number=clio_matter.display_number or clio_matter_id,
                    matter=carried,
                )
            )
        clio_matter = self.tag.tag(clio_matter, matter.id)
        snap = self._snapshot_of(matter) if historical else None
        link = self._link(matter.id, clio_matter, "linked", matter.folder, matter.status, snap)
        self._ctx.record(
            "matter_linked",
            msg(
                "Linked to the Clio matter {number}",
                number=link.display_number or link.clio_matter_id,
            ),
            matter_id=matter.id,
        )
        return link

    def create_on_link(
        self, matter: PMatter, contact_ids: Sequence[int], *, historical: bool
    ) -> MatterLink:
        """Create the Clio matter now (the user chose "create"); needs a linked client."""
        self._check_unlinked(matter)
        if not contact_ids:
            manifest = self._ctx.manifest
            names = ", ".join(
                manifest.clients_by_id[c].display_name
                for c in matter.client_ids
                if manifest is not None and c in manifest.clients_by_id
            )
            raise LinkRefused(
                msg(
                    "{matter} needs a linked client before its Clio matter can be created. Link "
                    "one of its clients first: {names}.",
                    matter=matter.display_name,
                    names=names,
                )
                if names
                else msg(
                    "{matter} needs a linked client before its Clio matter can be created, and "
                    "it has no clients: add one in Prolegis first.",
                    matter=matter.display_name,
                )
            )
        related = tuple(dict.fromkeys(c for c in contact_ids[1:] if c != contact_ids[0]))
        plan = MatterCreate(matter, contact_ids[0], related)
        snap = self._snapshot_of(matter) if historical else None
        return self.create(plan, how="created", snapshot=snap)

    def unlink(self, matter: PMatter | None, matter_id: str) -> bool:
        """Stop syncing: the link and its snapshot go; nothing changes in Clio or locally."""
        done = self._ctx.store.matter_links.unlink(matter_id)
        if done:
            self._ctx.store.baseline.add([matter_id])  # never re-created automatically
            self._ctx.store.problems.clear("matter", matter_id)
            self._ctx.record("matter_unlinked", msg("Unlinked from Clio"), matter_id=matter_id)
        return done
