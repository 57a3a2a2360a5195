"""The user's records commands (from the GUI or the command line): link, create and unlink
clients and matters, accept the confident matches, matter suggestions, the guards' decisions,
and the choice on an entry edited in Clio. Each runs under ``clio.interactive()`` (before
background work); a refusal becomes ``CommandFailed`` with what to do instead."""

from __future__ import annotations

from desktop.clio.records import Matter
from desktop.prolegis.records import Manifest
from desktop.sync import commands as cmd
from desktop.sync.context import EngineContext
from desktop.sync.events import MatchesReady, SuggestionsReady, command_failed
from desktop.sync.messages import msg
from desktop.sync.records.activities import ActivitySync, Blocked
from desktop.sync.records.activity_pass import ActivityPass
from desktop.sync.records.activity_plan import ActivityDelete, blocked_message
from desktop.sync.records.contacts import ContactLinker
from desktop.sync.records.errors import LinkRefused
from desktop.sync.records.feeds import RecordsFeeds
from desktop.sync.records.matching_service import MatchingService, confident
from desktop.sync.records.matters import MatterSync, PendingCheck
from desktop.sync.records.suggestions import suggest_matters
from desktop.sync.report import PassOptions
from desktop.sync.views import ClientMatchView, MatterSuggestion

RECORDS_PASS = PassOptions(documents=False, poll=False)
HANDLED = (
    cmd.LinkClient,
    cmd.UnlinkClient,
    cmd.AcceptConfidentMatches,
    cmd.RefreshMatches,
    cmd.LinkMatter,
    cmd.UnlinkMatter,
    cmd.SuggestMatters,
    cmd.AllowNewMatters,
    cmd.DeferNewMatters,
    cmd.AllowActivityRemovals,
    cmd.OverwriteClioActivity,
)


class RecordsActions:
    """Executes the records commands; see the module docstring."""

    def __init__(
        self,
        ctx: EngineContext,
        *,
        feeds: RecordsFeeds,
        matching: MatchingService,
        linker: ContactLinker,
        matters: MatterSync,
        activities: ActivitySync,
        activity_pass: ActivityPass,
    ) -> None:
        self._ctx = ctx
        self._feeds = feeds
        self._matching = matching
        self._linker = linker
        self._matters = matters
        self._activities = activities
        self._activity_pass = activity_pass

    def handle(self, command: cmd.Command) -> bool:
        """Run ``command`` if it is a records command (False otherwise)."""
        if not isinstance(command, HANDLED):
            return False
        name = type(command).__name__
        manifest = self._ctx.manifest
        if manifest is None:
            said = msg("The Prolegis folder has not been read yet.")
            self._ctx.emit(command_failed(name, said))
            return True
        try:
            with self._ctx.clio.interactive():
                self._dispatch(manifest, command)
        except (LinkRefused, PendingCheck) as exc:
            self._ctx.emit(command_failed(name, exc.explanation))
        except Blocked as exc:
            self._ctx.emit(command_failed(name, blocked_message(exc.message)))
        return True

    def _dispatch(self, manifest: Manifest, c: cmd.Command) -> None:
        if isinstance(c, cmd.LinkClient):
            self._link_client(manifest, c)
        elif isinstance(c, cmd.UnlinkClient):
            self._unlink_client(manifest, c)
        elif isinstance(c, cmd.AcceptConfidentMatches):
            self._accept_confident(manifest, c)
        elif isinstance(c, cmd.RefreshMatches):
            self._refresh(manifest)
        elif isinstance(c, cmd.LinkMatter):
            self._link_matter(manifest, c)
        elif isinstance(c, cmd.UnlinkMatter):
            self._unlink_matter(manifest, c)
        elif isinstance(c, cmd.SuggestMatters):
            found = self.suggestions(manifest, c.matter_id)
            self._ctx.emit(SuggestionsReady(c.matter_id, tuple(found)))
        elif isinstance(c, cmd.AllowNewMatters):
            self._allow_new()
        elif isinstance(c, cmd.DeferNewMatters):
            self._ctx.store.holds.decide("new_matter", "defer")
        elif isinstance(c, cmd.AllowActivityRemovals):
            self._allow_removals(c)
        elif isinstance(c, cmd.OverwriteClioActivity):
            self._overwrite(manifest, c)

    # -- clients ---------------------------------------------------------------------------------

    def match_views(self, manifest: Manifest) -> list[ClientMatchView]:
        """Every client with its link state and candidates (the wizard's list)."""
        store = self._ctx.store
        links = store.matter_links.all()
        preexisting = store.baseline.preexisting()
        linked_clients = set(store.client_links.all())
        waiting: dict[str, list[str]] = {}
        for matter in manifest.matters:
            if matter.id in links or matter.id in preexisting:
                continue
            if any(cid in linked_clients for cid in matter.client_ids):
                continue
            for cid in matter.client_ids:
                waiting.setdefault(cid, []).append(matter.display_name)
        return self._matching.views(manifest, waiting={k: tuple(v) for k, v in waiting.items()})

    def _publish_matches(self, manifest: Manifest) -> None:
        self._ctx.emit(MatchesReady(tuple(self.match_views(manifest))))

    def _client(self, manifest: Manifest, client_id: str) -> None:
        if client_id not in manifest.clients_by_id:
            raise LinkRefused(
                msg("There is no client {client} in prolegis.json.", client=client_id)
            )

    def _link_client(self, manifest: Manifest, c: cmd.LinkClient) -> None:
        self._client(manifest, c.client_id)
        client = manifest.clients_by_id[c.client_id]
        if c.create:
            self._linker.create(client)
        elif c.contact_id is not None:
            self._linker.link(client, c.contact_id)
        else:
            raise LinkRefused(msg("Say which Clio contact to link, or ask to create one."))
        self._publish_matches(manifest)
        self._ctx.request_pass(RECORDS_PASS)

    def _unlink_client(self, manifest: Manifest, c: cmd.UnlinkClient) -> None:
        label = (
            manifest.clients_by_id[c.client_id].display_name
            if c.client_id in manifest.clients_by_id
            else c.client_id
        )
        if not self._linker.unlink(c.client_id, label):
            raise LinkRefused(msg("{client} is not linked to a Clio contact.", client=label))
        self._publish_matches(manifest)

    def _accept_confident(self, manifest: Manifest, c: cmd.AcceptConfidentMatches) -> None:
        views = self.match_views(manifest)
        chosen = confident(views)
        if len(chosen) != c.expected:
            self._ctx.emit(MatchesReady(tuple(views)))
            raise LinkRefused(
                msg(
                    "The confident matches changed meanwhile ({now} now, {confirmed} "
                    "confirmed); nothing was linked. Review them and accept again.",
                    now=len(chosen),
                    confirmed=c.expected,
                )
            )
        linked = 0
        for view in chosen:
            client = manifest.clients_by_id[view.client_id]
            if self._linker.link_cached(client, view.candidates[0].contact_id, "confident"):
                linked += 1
        self._ctx.record("clients_linked", msg("{n} confident matches linked", n=linked))
        self._publish_matches(manifest)
        self._ctx.request_pass(RECORDS_PASS)

    def _refresh(self, manifest: Manifest) -> None:
        if self._feeds.poll_contacts():
            self._matching.invalidate()
        self._publish_matches(manifest)

    # -- matters ---------------------------------------------------------------------------------

    def _matter(self, manifest: Manifest, matter_id: str) -> None:
        if matter_id not in manifest.matters_by_id:
            raise LinkRefused(
                msg("There is no matter {matter} in prolegis.json.", matter=matter_id)
            )

    def _link_matter(self, manifest: Manifest, c: cmd.LinkMatter) -> None:
        self._matter(manifest, c.matter_id)
        matter = manifest.matters_by_id[c.matter_id]
        store = self._ctx.store
        historical = store.baseline.is_preexisting(matter.id)
        if c.create:
            contact_of = {cid: ln.contact_id for cid, ln in store.client_links.all().items()}
            contacts = [contact_of[cid] for cid in matter.client_ids if cid in contact_of]
            self._matters.create_on_link(matter, contacts, historical=historical)
        elif c.clio_matter_id is not None:
            self._matters.link_existing(matter, c.clio_matter_id, historical=historical)
        else:
            raise LinkRefused(msg("Say which Clio matter to link, or ask to create one."))
        store.holds.release("new_matter", [matter.id])
        store.problems.clear("needs_client", matter.id)
        self._ctx.request_pass(PassOptions(poll=False, matters=frozenset({matter.id})))

    def _unlink_matter(self, manifest: Manifest, c: cmd.UnlinkMatter) -> None:
        if not self._matters.unlink(manifest.matters_by_id.get(c.matter_id), c.matter_id):
            raise LinkRefused(
                msg("{matter} is not linked to Clio.", matter=self._ctx.matter_label(c.matter_id))
            )

    def suggestions(
        self, manifest: Manifest, matter_id: str, *, refresh: bool = True
    ) -> list[MatterSuggestion]:
        """Clio matters ``matter_id`` may be linked to, best first (``refresh``: read what
        changed in Clio first)."""
        self._matter(manifest, matter_id)
        store = self._ctx.store
        if refresh:
            self._feeds.poll_matters()
        clio_matters = [Matter.parse(r) for r in store.clio.all("matters")]
        links = store.matter_links.all()
        linked_elsewhere = {ln.clio_matter_id for mid, ln in links.items() if mid != matter_id}
        tagged = {m.id: t for m in clio_matters if (t := self._matters.tag.tagged(m))}
        return suggest_matters(
            manifest.matters_by_id[matter_id],
            manifest,
            clio_matters,
            contact_of={cid: ln.contact_id for cid, ln in store.client_links.all().items()},
            linked_elsewhere=linked_elsewhere,
            tagged=tagged,
        )

    # -- guards ----------------------------------------------------------------------------------

    def _allow_new(self) -> None:
        n = self._ctx.store.holds.decide("new_matter", "allow")
        if n:
            self._ctx.record("guard", msg("You confirmed creating {n} new Clio matters", n=n))
        self._ctx.request_pass(RECORDS_PASS)

    def _allow_removals(self, c: cmd.AllowActivityRemovals) -> None:
        n = self._ctx.store.holds.decide("activity_removal", "allow", matter_id=c.matter_id)
        if n:
            self._ctx.record(
                "guard",
                msg("You confirmed deleting {n} entries in Clio", n=n),
                matter_id=c.matter_id or "",
            )
        self._ctx.request_pass(RECORDS_PASS)

    # -- an entry edited, deleted or billed in Clio ------------------------------------------

    def _overwrite(self, manifest: Manifest, c: cmd.OverwriteClioActivity) -> None:
        store = self._ctx.store
        link = store.activity_links.get(c.activity_id)
        if link is None or link.state not in ("clio_edited", "clio_deleted", "billed"):
            raise LinkRefused(msg("Entry {entry} has nothing to decide.", entry=c.activity_id))
        activity = manifest.activities_by_id.get(c.activity_id)
        payload = self._activity_pass.payload_for(activity) if activity else None
        if link.state == "billed":
            if c.overwrite:
                raise LinkRefused(msg("Already billed in Clio: Clio does not allow changing it."))
            if activity is None:
                self._activities.forget([c.activity_id])
            elif payload is not None:
                store.activity_links.record_push(
                    link.activity_id,
                    link.matter_id,
                    link.clio_activity_id,
                    link.etag,
                    payload.digest(),
                    state="billed",
                    detail=link.detail,
                )
                store.problems.clear("activity", c.activity_id)
            return
        if link.state == "clio_deleted":
            if c.overwrite:
                self._activities.forget([c.activity_id])  # pushed again on the next pass
                self._ctx.request_pass(RECORDS_PASS)
            else:
                store.activity_links.set_state(c.activity_id, "kept_deleted", "deleted in Clio")
                store.problems.clear("activity", c.activity_id)
            return
        if activity is None:  # removed in Prolegis, edited in Clio
            if c.overwrite:
                self._activities.delete(
                    ActivityDelete(link.activity_id, link.matter_id, link.clio_activity_id),
                    over_clio_edit=True,  # the user saw Clio's edit and chose to delete it
                )
            else:
                self._activities.forget([c.activity_id])
                self._ctx.record(
                    "activity_kept",
                    msg("Kept in Clio (removed in Prolegis)"),
                    matter_id=link.matter_id,
                    subject=link.activity_id,
                )
            return
        if c.overwrite:
            if payload is None:
                raise LinkRefused(
                    msg("Entry {entry} can no longer be pushed from Prolegis.", entry=c.activity_id)
                )
            self._activities.overwrite(link, payload)
            self._ctx.record(
                "activity_overwritten",
                msg("Clio's edit overwritten with Prolegis'"),
                matter_id=link.matter_id,
                subject=link.activity_id,
            )
        else:
            digest = payload.digest() if payload is not None else link.pushed_digest
            self._activities.keep_clio(link, digest)
            self._ctx.record(
                "activity_kept",
                msg("Kept the version edited in Clio"),
                matter_id=link.matter_id,
                subject=link.activity_id,
            )
