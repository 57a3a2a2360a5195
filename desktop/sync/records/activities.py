"""Time entries and expenses in Clio: create (journaled, after looking for the same entry on
the matter so nothing is pushed twice), update with ``If-Match``, delete, and what Clio did
meanwhile — billed entries are locked, a Clio-side edit since our last push is held for the
user (overwrite, or keep Clio's), a deletion in Clio likewise.

Two cache resources back this: ``activities_pushed`` (the record as Clio answered our last
write: the base an edit is detected against) and ``activities`` (the latest seen).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from desktop.clio.api import ClioClient
from desktop.clio.errors import (
    AmbiguousCreateError,
    ClioError,
    NotFoundError,
    PreconditionFailedError,
    ValidationError,
)
from desktop.clio.records import Activity as ClioActivity
from desktop.prolegis.records import Activity
from desktop.sync.clock import parse_iso
from desktop.sync.context import EngineContext
from desktop.sync.messages import Message, msg
from desktop.sync.records.activity_plan import (
    BILLED_CHANGE,
    BILLED_REMOVAL,
    CLIO_DELETED,
    CLIO_EDITED,
    ActivityCreate,
    ActivityDelete,
    ActivityPayload,
    ActivityUpdate,
)
from desktop.sync.records.activity_values import (
    describe,
    intent_payload,
    is_billed,
    managed,
    matches,
    payload_from_intent,
)
from desktop.sync.records.intents import RecordsJournal
from desktop.sync.records.matters import PendingCheck
from desktop.sync.store.journal import Intent
from desktop.sync.store.links import ActivityLink

log = logging.getLogger(__name__)

SKEW = timedelta(minutes=2)
PUSHED = "activities_pushed"
SEEN = "activities"


class Blocked(Exception):
    """The entry needs the user (billed, edited or deleted in Clio); ``code`` says which."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def label(activity: Activity) -> str:
    """ "Time entry 1.5 h (2026-11-20, Review title search)" for the activity log."""
    if activity.kind == "time":
        what = f"Time entry {activity.hours} h"
    else:
        what = f"Expense {activity.amount}"
    note = f", {activity.note}" if activity.note else ""
    return f"{what} ({activity.date.isoformat()}{note})"


def said(activity: Activity, done: str) -> Message:
    """The log line of an entry ``done`` ("found", "pushed" or "updated"): :func:`label`'s
    words, then what happened ("Time entry 1.5 h (2026-11-20, Review) pushed to Clio")."""
    d = activity.date.isoformat()
    t = f", {activity.note}" if activity.note else ""
    h, a = activity.hours, activity.amount
    if activity.kind == "time":
        if done == "found":
            return msg(
                "Time entry {hours} h ({date}{note}) found in Clio and linked",
                hours=h,
                date=d,
                note=t,
            )
        if done == "pushed":
            return msg(
                "Time entry {hours} h ({date}{note}) pushed to Clio", hours=h, date=d, note=t
            )
        return msg("Time entry {hours} h ({date}{note}) updated in Clio", hours=h, date=d, note=t)
    if done == "found":
        return msg(
            "Expense {amount} ({date}{note}) found in Clio and linked", amount=a, date=d, note=t
        )
    if done == "pushed":
        return msg("Expense {amount} ({date}{note}) pushed to Clio", amount=a, date=d, note=t)
    return msg("Expense {amount} ({date}{note}) updated in Clio", amount=a, date=d, note=t)


class ActivitySync:
    """See the module docstring."""

    def __init__(self, ctx: EngineContext, journal: RecordsJournal) -> None:
        self._ctx = ctx
        self._journal = journal

    @property
    def _clio(self) -> ClioClient:
        return self._ctx.clio

    # -- bookkeeping -------------------------------------------------------------------------

    def _pushed(
        self,
        activity_id: str,
        matter_id: str,
        record: ClioActivity,
        digest: str,
        state: str = "pushed",
        detail: str = "",
    ) -> None:
        """Remember what Clio holds after our write (the base for later comparisons)."""
        raw = dict(record.raw)
        self._ctx.store.clio.upsert(PUSHED, [raw])
        self._ctx.store.clio.upsert(SEEN, [raw])
        self._ctx.store.activity_links.record_push(
            activity_id,
            matter_id,
            record.id,
            record.etag or "",
            digest,
            state=state,
            detail=detail,
        )
        self._ctx.store.problems.clear("activity", activity_id)

    def _needs_user(self, link: ActivityLink, code: str, message: str, detail: str = "") -> None:
        self._ctx.store.activity_links.set_state(link.activity_id, code, detail)
        self._ctx.store.problems.report(
            "activity", link.activity_id, code, message, matter_id=link.matter_id, needs_user=True
        )

    def linked_clio_ids(self) -> set[int]:
        return {link.clio_activity_id for link in self._ctx.store.activity_links.all().values()}

    # -- what Clio did (the feed) --------------------------------------------------------------

    def on_feed(self, records: Sequence[ClioActivity]) -> None:
        """Classify changes to entries we pushed: billed → locked; our values → take the etag;
        other values → edited in Clio (the user decides)."""
        links = {
            link.clio_activity_id: link for link in self._ctx.store.activity_links.all().values()
        }
        for record in records:
            link = links.get(record.id)
            if link is None:
                continue
            self._ctx.store.clio.upsert(SEEN, [dict(record.raw)])
            if record.etag == link.etag:
                continue
            self.classify(link, record)

    def classify(self, link: ActivityLink, record: ClioActivity) -> str:
        """Decide what a changed Clio record means for our link; returns the new state."""
        raw = record.raw
        if is_billed(raw):
            if link.state != "billed":
                self._ctx.store.activity_links.record_push(
                    link.activity_id,
                    link.matter_id,
                    record.id,
                    record.etag or "",
                    link.pushed_digest,
                    state="billed",
                    detail="already billed in Clio",
                )
                self._ctx.record(
                    "activity_locked",
                    msg("Billed in Clio: locked (later changes in Prolegis are not pushed)"),
                    result="info",
                    matter_id=link.matter_id,
                    subject=link.activity_id,
                )
            return "billed"
        base = self._ctx.store.clio.get(PUSHED, record.id)
        if base is None or managed(base) == managed(raw):
            self._pushed(
                link.activity_id,
                link.matter_id,
                record,
                link.pushed_digest,
                "pushed" if link.state in ("pushed", "billed") else link.state,
                link.detail,
            )
            return link.state
        if link.state != "clio_edited":
            self._needs_user(link, "clio_edited", CLIO_EDITED, f"In Clio: {describe(raw)}")
            self._ctx.record(
                "activity_edited",
                msg(
                    "Edited in Clio since the last push ({clio}); keep Clio's or overwrite",
                    clio=describe(raw),
                ),
                result="warning",
                matter_id=link.matter_id,
                subject=link.activity_id,
            )
        return "clio_edited"

    # -- creating ------------------------------------------------------------------------------

    def pool(self, clio_matter_id: int, creates: Sequence[ActivityCreate]) -> list[ClioActivity]:
        """The matter's Clio entries on the creates' dates that no link claims (one listing)."""
        days = [date.fromisoformat(c.payload.date) for c in creates]
        listing = self._clio.activities(
            matter_id=clio_matter_id, start_date=min(days), end_date=max(days)
        )
        linked = self.linked_clio_ids()
        return [a for a in listing if a.id not in linked]

    def create(self, item: ActivityCreate, pool: list[ClioActivity]) -> str:
        """Adopt an identical unclaimed entry from ``pool`` (removed from it), else POST.
        Returns "adopted" or "created"."""
        activity, payload = item.activity, item.payload
        same = next((a for a in pool if matches(a.raw, payload)), None)
        if same is not None:
            pool.remove(same)
            self._pushed(activity.id, activity.matter_id, same, payload.digest())
            self._ctx.record(
                "time_entry" if activity.kind == "time" else "expense",
                said(activity, "found"),
                matter_id=activity.matter_id,
                subject=activity.id,
            )
            return "adopted"
        intent_id = self._journal.open(
            "create_activity", activity.id, intent_payload(activity.matter_id, payload)
        )
        try:
            created = self._clio.create_activity(payload.to_clio())
        except AmbiguousCreateError as exc:
            raise PendingCheck(exc.user_template) from exc
        except ClioError as exc:
            self._journal.close(intent_id, "failed", error=exc.user_message)
            raise
        self._pushed(activity.id, activity.matter_id, created, payload.digest())
        self._journal.close(intent_id, "done", clio_activity_id=created.id)
        self._ctx.record(
            "time_entry" if activity.kind == "time" else "expense",
            said(activity, "pushed"),
            matter_id=activity.matter_id,
            subject=activity.id,
        )
        return "created"

    # -- updating ------------------------------------------------------------------------------

    def update(self, item: ActivityUpdate) -> None:
        """PATCH with ``If-Match``; a 412 is re-read and classified (raises :class:`Blocked`)."""
        activity, payload = item.activity, item.payload
        link = self._ctx.store.activity_links.get(activity.id)
        assert link is not None
        intent_id = self._journal.open(
            "update_activity", activity.id, {"clio_activity_id": item.clio_activity_id}
        )
        try:
            record = self._patch(link, payload, link.etag or None)
        except Blocked:
            self._journal.close(intent_id, "undone")
            raise
        except ClioError as exc:
            self._journal.close(intent_id, "failed", error=exc.user_message)
            raise
        self._pushed(activity.id, activity.matter_id, record, payload.digest())
        self._journal.close(intent_id, "done")
        self._ctx.record(
            "time_entry" if activity.kind == "time" else "expense",
            said(activity, "updated"),
            matter_id=activity.matter_id,
            subject=activity.id,
        )

    def _patch(
        self, link: ActivityLink, payload: ActivityPayload, etag: str | None, retry: bool = True
    ) -> ClioActivity:
        clio_id = link.clio_activity_id
        try:
            return self._clio.update_activity(clio_id, payload.to_clio(), etag=etag)
        except NotFoundError:
            self._needs_user(link, "clio_deleted", CLIO_DELETED)
            raise Blocked("clio_deleted", CLIO_DELETED) from None
        except (PreconditionFailedError, ValidationError) as exc:
            try:
                current = self._clio.activity(clio_id)
            except NotFoundError:
                self._needs_user(link, "clio_deleted", CLIO_DELETED)
                raise Blocked("clio_deleted", CLIO_DELETED) from None
            self._ctx.store.clio.upsert(SEEN, [dict(current.raw)])
            if is_billed(current.raw):
                self.classify(link, current)
                raise Blocked("billed", BILLED_CHANGE) from None
            if matches(current.raw, payload):
                return current  # our own earlier attempt went through
            if isinstance(exc, ValidationError):
                raise
            base = self._ctx.store.clio.get(PUSHED, clio_id)
            if base is None:
                detail = f"In Clio: {describe(current.raw)}"
                self._needs_user(link, "clio_edited", CLIO_EDITED, detail)
                raise Blocked("clio_edited", CLIO_EDITED) from None
            if managed(base) == managed(current.raw) and retry and current.etag:
                return self._patch(link, payload, current.etag, retry=False)  # only the etag moved
            self.classify(link, current)
            raise Blocked("clio_edited", CLIO_EDITED) from None

    def overwrite(self, link: ActivityLink, payload: ActivityPayload) -> None:
        """The user chose to overwrite Clio's edit (or push a Clio-deleted entry's values)."""
        current = self._clio.activity(link.clio_activity_id)
        if is_billed(current.raw):
            self.classify(link, current)
            raise Blocked("billed", BILLED_CHANGE)
        record = self._clio.update_activity(
            link.clio_activity_id, payload.to_clio(), etag=current.etag
        )
        self._pushed(link.activity_id, link.matter_id, record, payload.digest())

    def keep_clio(self, link: ActivityLink, digest: str) -> None:
        """The user chose Clio's version: it becomes the base; Prolegis' current values count
        as pushed (only a later change in Prolegis is pushed again)."""
        current = self._clio.activity(link.clio_activity_id)
        state = "billed" if is_billed(current.raw) else "pushed"
        self._pushed(link.activity_id, link.matter_id, current, digest, state)

    # -- deleting ------------------------------------------------------------------------------

    def _refuse_if_changed_in_clio(
        self, link: ActivityLink, current: ClioActivity, *, edits_ok: bool = False
    ) -> None:
        """Billed, or edited in Clio since our last push → :class:`Blocked` (held for the user)."""
        self._ctx.store.clio.upsert(SEEN, [dict(current.raw)])
        if is_billed(current.raw):
            self.classify(link, current)
            raise Blocked("billed", BILLED_REMOVAL)
        if edits_ok:
            return
        base = self._ctx.store.clio.get(PUSHED, current.id)
        if base is not None and managed(base) != managed(current.raw):
            self.classify(link, current)
            raise Blocked("clio_edited", CLIO_EDITED)

    def delete(self, item: ActivityDelete, *, over_clio_edit: bool = False) -> None:
        """Delete in Clio (already gone is fine); billed or edited in Clio → :class:`Blocked`
        (``over_clio_edit``: the user saw the Clio edit and chose to delete it anyway)."""
        link = self._ctx.store.activity_links.get(item.activity_id)
        assert link is not None
        # Clio keeps no trash for activities: look at the entry as it is now, and delete only
        # that version (If-Match) — a bookkeeper's edit since the last poll is never lost.
        try:
            current = self._clio.activity(item.clio_activity_id)
        except NotFoundError:
            current = None
        if current is not None:
            self._refuse_if_changed_in_clio(link, current, edits_ok=over_clio_edit)
        intent_id = self._journal.open(
            "delete_activity", item.activity_id, {"clio_activity_id": item.clio_activity_id}
        )
        try:
            if current is not None:
                self._clio.delete_activity(item.clio_activity_id, etag=current.etag or None)
        except NotFoundError:
            pass
        except PreconditionFailedError:
            self._journal.close(intent_id, "undone")
            self._refuse_if_changed_in_clio(link, self._clio.activity(item.clio_activity_id))
            raise Blocked("clio_edited", CLIO_EDITED) from None
        except ValidationError:
            self._journal.close(intent_id, "undone")
            record = self._clio.activity(item.clio_activity_id)
            self.classify(link, record)
            raise Blocked("billed", BILLED_REMOVAL) from None
        except ClioError as exc:
            self._journal.close(intent_id, "failed", error=exc.user_message)
            raise
        self.forget([item.activity_id])
        self._journal.close(intent_id, "done")
        self._ctx.record(
            "activity_deleted",
            msg("Removed in Prolegis: deleted in Clio"),
            matter_id=item.matter_id,
            subject=item.activity_id,
        )

    def forget(self, activity_ids: Iterable[str]) -> None:
        store = self._ctx.store
        for activity_id in activity_ids:
            link = store.activity_links.get(activity_id)
            if link is None:
                continue
            store.activity_links.remove(activity_id)
            store.clio.delete(PUSHED, [link.clio_activity_id])
            store.clio.delete(SEEN, [link.clio_activity_id])
            store.problems.clear("activity", activity_id)
            store.holds.release("activity_removal", [activity_id])

    # -- after a crash -------------------------------------------------------------------------

    def recover(self, intent: Intent) -> None:
        """Finish an interrupted create/update/delete (adopt, forget, or close as undone)."""
        store = self._ctx.store
        p = intent.payload
        if intent.kind == "update_activity":
            self._journal.close(intent.id, "undone")  # a 412 on the retry tells what happened
            return
        if intent.kind == "delete_activity":
            try:
                self._clio.activity(int(p["clio_activity_id"]))
            except NotFoundError:
                self.forget([intent.subject])
                self._journal.close(intent.id, "done")
                return
            self._journal.close(intent.id, "undone")
            return
        if store.activity_links.get(intent.subject) is not None:
            self._journal.close(intent.id, "done")
            return
        payload = payload_from_intent(p)
        since = parse_iso(intent.created_at) - SKEW
        linked = self.linked_clio_ids()
        found = [
            a
            for a in self._clio.activities(
                matter_id=payload.matter_id,
                start_date=payload.date,
                end_date=payload.date,
                type=payload.type,
            )
            if a.id not in linked
            and (a.created_at is None or a.created_at >= since)
            and matches(a.raw, payload)
        ]
        if not found:
            self._journal.close(intent.id, "undone")
            return
        record = min(found, key=lambda a: a.id)
        self._pushed(intent.subject, str(p["prolegis_matter_id"]), record, payload.digest())
        self._journal.close(intent.id, "done", clio_activity_id=record.id, adopted=True)
