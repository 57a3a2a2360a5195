"""One pass of matter work: new matters with a linked client get their Clio matter (more than
five at once wait for the user), new matters without one wait and say whom to link, status
changes follow to Clio. Each matter's failure is its own (retried later); the rest go on."""

from __future__ import annotations

from desktop.clio.errors import ClioError
from desktop.prolegis.records import Manifest
from desktop.sync.context import EngineContext
from desktop.sync.events import notice
from desktop.sync.messages import Message, msg
from desktop.sync.records.failures import stops_the_pass
from desktop.sync.records.matter_plan import (
    NEW_MATTER_GUARD,
    LinkedMatter,
    MatterPlan,
    NeedsClient,
    plan_matters,
)
from desktop.sync.records.matters import MatterSync, PendingCheck
from desktop.sync.report import Outcome, PassOptions, PassReport

CHECKING = msg(
    "The Clio matter may have been created; it is looked up before anything else is done."
)


class MatterPass:
    """See the module docstring."""

    def __init__(self, ctx: EngineContext, matters: MatterSync) -> None:
        self._ctx = ctx
        self._matters = matters
        self._failed: dict[str, Message] = {}  # the last failure of each matter, as written

    def plan(self, manifest: Manifest, options: PassOptions) -> MatterPlan:
        store = self._ctx.store
        links = {
            mid: LinkedMatter(link.clio_matter_id, link.status, link.folder)
            for mid, link in store.matter_links.all().items()
        }
        contact_of = {cid: link.contact_id for cid, link in store.client_links.all().items()}
        return plan_matters(
            manifest,
            preexisting=store.baseline.preexisting(),
            links=links,
            contact_of=contact_of,
            allow_new_matters=options.allow_new_matters,
            deferred=store.holds.with_decision("new_matter", "defer"),
            allowed=store.holds.with_decision("new_matter", "allow"),
        )

    def run(self, manifest: Manifest, options: PassOptions, report: PassReport) -> None:
        plan = self.plan(manifest, options)
        self._needs_client(plan.needs_client, report)
        self._hold(plan, report)
        busy: set[str] = set()
        for item in plan.creates:
            self._ctx.checkpoint()
            mid = item.matter.id
            busy.add(mid)
            if self._waiting(mid, report):
                continue
            try:
                self._matters.create(item)
            except PendingCheck:
                self._fail(mid, "checking", CHECKING, report)
                continue
            except ClioError as exc:
                if stops_the_pass(exc):
                    raise
                failed = msg("Creating the Clio matter failed: {reason}", reason=exc.user_template)
                self._fail(mid, "create", failed, report)
                continue
            self._ctx.store.problems.clear("matter", mid)
            self._ctx.store.holds.release("new_matter", [mid])
            report.count("matters_created")
        for update in plan.status_updates:
            self._ctx.checkpoint()
            mid = update.matter.id
            busy.add(mid)
            if self._waiting(mid, report):
                continue
            try:
                self._matters.follow_status(update)
            except ClioError as exc:
                if stops_the_pass(exc):
                    raise
                self._fail(
                    mid,
                    "status",
                    msg("The status change did not reach Clio: {reason}", reason=exc.user_template),
                    report,
                )
                continue
            self._ctx.store.problems.clear("matter", mid)
            report.count("matter_status_updates")
        for problem in self._ctx.store.problems.all("matter"):
            if problem.subject not in busy:
                self._ctx.store.problems.clear("matter", problem.subject)

    def _waiting(self, matter_id: str, report: PassReport) -> bool:
        """A matter whose last attempt failed waits for its retry time (still an error)."""
        problem = self._ctx.store.problems.get("matter", matter_id)
        if problem is None or problem.due():
            return False
        said = self._failed.get(matter_id)  # its words as written, while the app runs
        if said is None or said.english() != problem.message:
            said = None
        report.error("matter", said or problem.message, matter_id=matter_id)
        return True

    def _fail(self, matter_id: str, code: str, message: Message, report: PassReport) -> None:
        text = message.english()
        self._ctx.store.problems.report("matter", matter_id, code, text, matter_id=matter_id)
        self._ctx.record("error", message, result="error", matter_id=matter_id)
        self._failed[matter_id] = message
        report.error("matter", message, matter_id=matter_id)

    def _needs_client(self, needs: tuple[NeedsClient, ...], report: PassReport) -> None:
        store = self._ctx.store
        waiting = {n.matter.id for n in needs}
        for n in needs:
            mid = n.matter.id
            names = ", ".join(c.display_name for c in n.unlinked) or "it has no clients"
            message = f"Needs a linked client: {names}"
            known = store.problems.get("needs_client", mid)
            if known is None or known.message != message:
                store.problems.report(
                    "needs_client", mid, "needs_client", message, matter_id=mid, needs_user=True
                )
            if known is None:
                label = self._ctx.matter_label(mid)
                text = (
                    msg(
                        "{matter}: link {names} to a Clio contact and its Clio matter is created "
                        "on the next sync.",
                        matter=label,
                        names=names,
                    )
                    if n.unlinked
                    else msg(
                        "{matter}: it has no clients; add one in Prolegis and link it to a Clio "
                        "contact, and its Clio matter is created on the next sync.",
                        matter=label,
                    )
                )
                self._ctx.record("needs_client", text, result="warning", matter_id=mid)
                title = msg("A new matter needs a linked client")
                self._ctx.emit(notice("warning", title, text, mid))
            report.add(
                Outcome.NEEDS_USER,
                "needs_client",
                f"{self._ctx.matter_label(mid)}: needs a linked client ({names})",
                matter_id=mid,
            )
        for problem in store.problems.all("needs_client"):
            if problem.subject not in waiting:
                store.problems.clear("needs_client", problem.subject)

    def _hold(self, plan: MatterPlan, report: PassReport) -> None:
        store = self._ctx.store
        held = {c.matter.id for c in plan.held}
        for item in plan.held:
            mid = item.matter.id
            store.holds.hold("new_matter", mid, matter_id=mid, detail=item.matter.display_name)
        stale = [h.subject for h in store.holds.all("new_matter") if h.subject not in held]
        creating = {c.matter.id for c in plan.creates}
        store.holds.release("new_matter", [s for s in stale if s not in creating])
        if held:
            n = len(held)
            report.add(
                Outcome.GUARD,
                "new_matters",
                f"{n} new matter{'s' if n != 1 else ''} wait for your OK before "
                f"{'their Clio matters are' if n != 1 else 'its Clio matter is'} created "
                f"(more than {NEW_MATTER_GUARD} at once): confirm in the app, or run "
                "'prolegis-desktop sync --once --allow-new-matters'.",
            )
