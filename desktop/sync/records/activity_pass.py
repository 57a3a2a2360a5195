"""One pass of activity work for linked matters: create, update and delete time entries and
expenses per the plan, hold guarded removals, and report what needs the user (billed, edited or
deleted in Clio, an author without a Clio user). One entry's failure never stops the others."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial

from desktop.clio.errors import ClioError
from desktop.prolegis.records import Activity, Manifest
from desktop.sync.context import EngineContext
from desktop.sync.messages import Message, msg
from desktop.sync.records.activities import SEEN, ActivitySync, Blocked, label
from desktop.sync.records.activity_plan import (
    ActivityBlocked,
    ActivityCreate,
    ActivityPayload,
    ActivityPlan,
    PushedActivity,
    blocked_message,
    build_payload,
    plan_activities,
)
from desktop.sync.records.activity_values import describe
from desktop.sync.records.authors import (
    AuthorMapError,
    AuthorMapping,
    load_authors,
    load_categories,
)
from desktop.sync.records.failures import stops_the_pass
from desktop.sync.records.feeds import RecordsFeeds
from desktop.sync.records.matters import PendingCheck
from desktop.sync.report import Outcome, PassOptions, PassReport

CHECKING = "The entry may have reached Clio; it is looked up before anything else is done."


class ActivityPass:
    """See the module docstring."""

    def __init__(self, ctx: EngineContext, activities: ActivitySync, feeds: RecordsFeeds) -> None:
        self._ctx = ctx
        self._activities = activities
        self._feeds = feeds
        self._blocked_now: set[str] = set()
        self._failed: dict[str, Message] = {}  # the last failure of each entry, as written

    # -- inputs --------------------------------------------------------------------------------

    def authors(self, manifest: Manifest | None = None) -> AuthorMapping:
        settings = self._ctx.settings
        args = (
            str(settings.get("author_map") or ""),
            str(settings.get("prolegis_username") or ""),
            self._ctx.services.account.id,
        )
        mapping = load_authors(self._ctx.store, *args)
        if mapping.unresolved and self._feeds.refresh_users(force=True):
            mapping = load_authors(self._ctx.store, *args)
        return mapping

    def categories(self, manifest: Manifest, linked: set[str]) -> dict[str, int]:
        found = load_categories(self._ctx.store)
        wanted = {
            (a.category or "").strip().casefold()
            for a in manifest.activities
            if a.kind == "expense" and a.category and a.matter_id in linked
        }
        if wanted - set(found) and self._feeds.refresh_categories(force=True):
            found = load_categories(self._ctx.store)
        return found

    def plan(self, manifest: Manifest, options: PassOptions) -> ActivityPlan:
        store = self._ctx.store
        clio_matter_of = {mid: ln.clio_matter_id for mid, ln in store.matter_links.all().items()}
        pushed = {
            aid: PushedActivity(ln.matter_id, ln.clio_activity_id, ln.pushed_digest, ln.state)
            for aid, ln in store.activity_links.all().items()
        }
        allowed = {
            h.matter_id for h in store.holds.all("activity_removal") if h.decision == "allow"
        }
        return plan_activities(
            manifest,
            clio_matter_of=clio_matter_of,
            pushed=pushed,
            authors_setting=str(self._ctx.settings.get("activity_authors") or ""),
            user_of_author=self.authors(manifest).users,
            categories=self.categories(manifest, set(clio_matter_of)),
            allow_removals=options.allow_deletes,
            allowed_removal_matters=allowed,
        )

    def payload_for(self, activity: Activity) -> ActivityPayload | None:
        """What would be pushed for ``activity`` now (None: matter not linked, no user)."""
        store = self._ctx.store
        link = store.matter_links.get(activity.matter_id)
        user = self.authors().users.get(activity.author.strip().casefold())
        if link is None or user is None:
            return None
        return build_payload(
            activity,
            clio_matter_id=link.clio_matter_id,
            user_id=user,
            categories=load_categories(store),
        )

    # -- the pass ----------------------------------------------------------------------------

    def run(self, manifest: Manifest, options: PassOptions, report: PassReport) -> None:
        self._blocked_now = set()
        try:
            plan = self.plan(manifest, options)
        except AuthorMapError as exc:
            report.error(
                "settings",
                msg(
                    "{reason}. Fix it with 'prolegis-desktop config set author_map …' or in the "
                    "settings; no time entries or expenses are pushed until then.",
                    reason=str(exc),
                ),
            )
            return
        self._activities.forget(plan.forget)
        for b in plan.blocked:
            self._blocked(b, report)
        self._hold(plan, report)
        busy = {c.activity.id for c in plan.creates}
        busy |= {u.activity.id for u in plan.updates} | {d.activity_id for d in plan.deletes}
        self._creates(plan.creates, report)
        for update in plan.updates:
            a = update.activity
            if not self._waiting(a.id, a.matter_id, report):
                self._item(
                    a.id,
                    a.matter_id,
                    report,
                    partial(self._activities.update, update),
                    "activities_updated",
                )
        for delete in plan.deletes:
            if not self._waiting(delete.activity_id, delete.matter_id, report):
                self._item(
                    delete.activity_id,
                    delete.matter_id,
                    report,
                    partial(self._activities.delete, delete),
                    "activities_deleted",
                )
        blocked = {b.activity_id for b in plan.blocked} | self._blocked_now
        for problem in self._ctx.store.problems.all("activity"):
            keep = problem.subject in blocked if problem.needs_user else problem.subject in busy
            if not keep:
                self._ctx.store.problems.clear("activity", problem.subject)

    def _creates(self, creates: tuple[ActivityCreate, ...], report: PassReport) -> None:
        by_matter: dict[int, list[ActivityCreate]] = defaultdict(list)
        for item in creates:
            if not self._waiting(item.activity.id, item.activity.matter_id, report):
                by_matter[item.payload.matter_id].append(item)
        for clio_matter_id, items in by_matter.items():
            self._ctx.checkpoint()
            try:
                pool = self._activities.pool(clio_matter_id, items)
            except ClioError as exc:
                if stops_the_pass(exc):
                    raise
                for item in items:
                    self._fail(item.activity.id, item.activity.matter_id, exc.user_template, report)
                continue
            for item in items:
                self._item(
                    item.activity.id,
                    item.activity.matter_id,
                    report,
                    partial(self._activities.create, item, pool),
                    "activities_pushed",
                )

    def _item(
        self,
        activity_id: str,
        matter_id: str,
        report: PassReport,
        action: Callable[[], object],
        counter: str,
    ) -> None:
        self._ctx.checkpoint()
        try:
            action()
        except Blocked as b:
            self._blocked(ActivityBlocked(activity_id, matter_id, b.code, b.message), report)
            return
        except PendingCheck:
            self._fail(activity_id, matter_id, CHECKING, report)
            return
        except ClioError as exc:
            if stops_the_pass(exc):
                raise
            self._fail(activity_id, matter_id, exc.user_template, report)
            return
        report.count(counter)

    def _waiting(self, activity_id: str, matter_id: str, report: PassReport) -> bool:
        problem = self._ctx.store.problems.get("activity", activity_id)
        if problem is None or problem.needs_user or problem.due():
            return False
        said = self._failed.get(activity_id)  # its words as written, while the app runs
        if said is None or said.english() != problem.message:
            said = None
        report.error("activity", said or problem.message, matter_id=matter_id, subject=activity_id)
        return True

    def _fail(
        self, activity_id: str, matter_id: str, message: str | Message, report: PassReport
    ) -> None:
        said = (
            msg(
                "Entry {entry} did not reach Clio: The entry may have reached Clio; it is looked "
                "up before anything else is done.",
                entry=activity_id,
            )
            if message == CHECKING
            else msg(
                "Entry {entry} did not reach Clio: {reason}", entry=activity_id, reason=message
            )
        )
        text = said.english()
        self._ctx.store.problems.report("activity", activity_id, "push", text, matter_id=matter_id)
        self._ctx.record("error", said, result="error", matter_id=matter_id, subject=activity_id)
        self._failed[activity_id] = said
        report.error("activity", said, matter_id=matter_id, subject=activity_id)

    def _blocked(self, b: ActivityBlocked, report: PassReport) -> None:
        store = self._ctx.store
        self._blocked_now.add(b.activity_id)
        known = store.problems.get("activity", b.activity_id)
        if known is None or known.code != b.code or not known.needs_user:
            store.problems.report(
                "activity",
                b.activity_id,
                b.code,
                b.message,
                matter_id=b.matter_id,
                needs_user=True,
            )
        report.add(
            Outcome.NEEDS_USER,
            b.code,
            msg("Entry {entry}: {reason}", entry=b.activity_id, reason=blocked_message(b.message)),
            matter_id=b.matter_id,
            subject=b.activity_id,
        )

    def _hold(self, plan: ActivityPlan, report: PassReport) -> None:
        store = self._ctx.store
        held = {d.activity_id for d in plan.held_deletes}
        for d in plan.held_deletes:
            raw = store.clio.get(SEEN, d.clio_activity_id)
            detail = describe(raw) if raw else f"Clio entry {d.clio_activity_id}"
            store.holds.hold(
                "activity_removal", d.activity_id, matter_id=d.matter_id, detail=detail
            )
        deleting = {d.activity_id for d in plan.deletes}
        stale = [
            h.subject
            for h in store.holds.all("activity_removal")
            if h.subject not in held and h.subject not in deleting
        ]
        store.holds.release("activity_removal", stale)
        per_matter: dict[str, int] = defaultdict(int)
        for d in plan.held_deletes:
            per_matter[d.matter_id] += 1
        for mid, n in per_matter.items():
            report.add(
                Outcome.GUARD,
                "activity_removals",
                f"{self._ctx.matter_label(mid)}: {n} entr{'ies' if n != 1 else 'y'} removed in "
                "Prolegis wait for your OK before being deleted in Clio: confirm in the app, or "
                "run 'prolegis-desktop sync --once --allow-deletes'.",
                matter_id=mid,
            )


__all__ = ["ActivityPass", "label"]
