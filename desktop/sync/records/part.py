"""``RecordsPart``: the records half of the engine — contacts ↔ clients, matters, time entries
and expenses. It wires the pieces of ``desktop.sync.records`` together and implements the
engine's :class:`~desktop.sync.context.SyncPart` protocol:

* ``start()`` finishes or undoes what a crash interrupted (the journal's records intents);
* ``poll()`` lists what changed in Clio (contacts, matters, activities; users and expense
  categories when stale) into the records cache and classifies changes to pushed entries;
* ``sync()`` does the matter work, then the activity work, item by item;
* ``handle()`` runs the user's records commands; ``guards()`` says what the guards hold.
"""

from __future__ import annotations

import logging

from desktop.clio.errors import ClioError
from desktop.clio.records import Matter
from desktop.prolegis.records import Manifest
from desktop.sync.commands import Command
from desktop.sync.context import EngineContext
from desktop.sync.records.actions import RecordsActions
from desktop.sync.records.activities import ActivitySync
from desktop.sync.records.activity_pass import ActivityPass
from desktop.sync.records.contacts import ContactLinker
from desktop.sync.records.failures import stops_the_pass
from desktop.sync.records.feeds import RecordsFeeds
from desktop.sync.records.guards import guard_views
from desktop.sync.records.intents import RecordsJournal
from desktop.sync.records.matching_service import MatchingService
from desktop.sync.records.matter_pass import MatterPass
from desktop.sync.records.matter_tag import MatterTag
from desktop.sync.records.matters import MatterSync
from desktop.sync.report import PassOptions, PassReport
from desktop.sync.views import GuardView

log = logging.getLogger(__name__)


class RecordsPart:
    """The records half; see the module docstring."""

    name = "records"

    def __init__(self, ctx: EngineContext) -> None:
        self.ctx = ctx
        self.journal = RecordsJournal(ctx.store)
        self.matching = MatchingService(ctx.store)
        self.activities = ActivitySync(ctx, self.journal)
        self.feeds = RecordsFeeds(ctx.store, ctx.clio, self.activities.on_feed)
        self.linker = ContactLinker(ctx, self.journal, self.matching)
        self.matters = MatterSync(ctx, self.journal, MatterTag(ctx.store, ctx.clio))
        self.matter_pass = MatterPass(ctx, self.matters)
        self.activity_pass = ActivityPass(ctx, self.activities, self.feeds)
        self.actions = RecordsActions(
            ctx,
            feeds=self.feeds,
            matching=self.matching,
            linker=self.linker,
            matters=self.matters,
            activities=self.activities,
            activity_pass=self.activity_pass,
        )

    # -- SyncPart ----------------------------------------------------------------------------

    def start(self) -> None:
        if self.ctx.manifest is not None:
            self.recover()

    def stop(self) -> None:
        pass

    def poll(self, report: PassReport, *, full: bool) -> None:
        seen = self.feeds.poll(full=full)
        if seen.get("contacts"):
            self.matching.invalidate()
        if seen.get("matters"):
            self._follow_matter_folders()

    def sync(self, manifest: Manifest, options: PassOptions, report: PassReport) -> None:
        self.recover()
        self.ctx.checkpoint()
        self.matter_pass.run(manifest, options, report)
        self.ctx.checkpoint()
        self.activity_pass.run(manifest, options, report)

    def handle(self, command: Command) -> bool:
        return self.actions.handle(command)

    def tick(self, now: float) -> PassOptions | None:
        return None

    def guards(self) -> list[GuardView]:
        return guard_views(self.ctx.store, self.ctx.matter_label)

    # -- helpers ---------------------------------------------------------------------------------

    def recover(self) -> int:
        """Finish or undo the records intents nobody is working on; returns how many."""
        done = 0
        for intent in self.journal.recoverable():
            try:
                if intent.kind == "create_contact":
                    self.linker.recover(intent)
                elif intent.kind in ("create_matter", "create_relationship", "update_matter"):
                    self.matters.recover(intent)
                else:
                    self.activities.recover(intent)
                done += 1
            except ClioError as exc:
                if stops_the_pass(exc):
                    raise
                log.warning(
                    "intent %s (%s %s) not settled yet: %s",
                    intent.id,
                    intent.kind,
                    intent.subject,
                    exc,
                )
        return done

    def _follow_matter_folders(self) -> None:
        """The document mirror needs each linked matter's Clio folder id: keep it current."""
        store = self.ctx.store
        for matter_id, link in store.matter_links.all().items():
            raw = store.clio.get("matters", link.clio_matter_id)
            if raw is None:
                continue
            clio = Matter.parse(raw)
            if clio.folder_id is not None and clio.folder_id != link.clio_folder_id:
                store.matter_links.update(matter_id, clio_folder_id=clio.folder_id)
