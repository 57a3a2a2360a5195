"""Which time entries and expenses to create, update or delete in Clio — pure functions.

Rules (product.md rule 6, decisions.md "Activities"):
* Only activities of linked matters, and only those whose author this companion pushes
  (``activity_authors``: usernames, or ``*``), so two companions never push the same entry.
* time → ``TimeEntry`` (``quantity`` = hours × 3600 seconds, ``price`` = rate);
  expense → ``ExpenseEntry`` (``price`` = amount, ``quantity`` 1, category by name).
* A change is pushed when the payload's digest differs from the one last pushed. An entry billed
  in Clio is locked; one edited (or deleted) in Clio since our last push is not overwritten
  without asking. A time entry without a rate is sent without ``price`` (Clio's rate applies).
* Removals are guarded: more than :data:`REMOVAL_GUARD_TOTAL` in one pass, or a matter losing more
  than :data:`REMOVAL_GUARD_SHARE` of its pushed activities, are held until the user confirms —
  but one or two removals in a matter are never held (:data:`REMOVAL_GUARD_MIN_IN_MATTER`, see
  docs/decisions.md).

Link states: ``pushed``; ``billed`` (locked); ``clio_edited`` and ``clio_deleted`` (the user
chooses); ``kept_deleted`` (the user chose to leave it deleted in Clio: never pushed again).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Set
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desktop.prolegis.records import Activity, Manifest
from desktop.sync.messages import Message, msg, verbatim

REMOVAL_GUARD_TOTAL = 10
REMOVAL_GUARD_SHARE = 0.30
REMOVAL_GUARD_MIN_IN_MATTER = 3  # one or two removals are everyday edits, never held


@dataclass(frozen=True)
class ActivityPayload:
    """The Clio fields the companion writes for one activity."""

    type: str  # TimeEntry | ExpenseEntry
    date: str  # YYYY-MM-DD
    quantity: int | Decimal  # seconds for time entries, 1 for expenses
    price: Decimal | None  # None: a time entry without a rate (Clio applies its own rate)
    note: str
    matter_id: int
    user_id: int | None
    expense_category_id: int | None

    def to_clio(self) -> dict[str, Any]:
        """The ``data`` body for ``POST/PATCH /activities``."""
        body: dict[str, Any] = {
            "type": self.type,
            "date": self.date,
            "quantity": float(self.quantity)
            if isinstance(self.quantity, Decimal)
            else self.quantity,
            "note": self.note,
            "matter": {"id": self.matter_id},
        }
        if self.price is not None:
            body["price"] = float(self.price)
        if self.user_id is not None:
            body["user"] = {"id": self.user_id}
        if self.expense_category_id is not None:
            body["expense_category"] = {"id": self.expense_category_id}
        return body

    def digest(self) -> str:
        """A stable fingerprint of what is pushed (detects a change in Prolegis)."""
        canonical = {
            "type": self.type,
            "date": self.date,
            "quantity": str(Decimal(self.quantity).normalize()),
            "price": None if self.price is None else str(self.price.quantize(Decimal("0.01"))),
            "note": self.note,
            "matter": self.matter_id,
            "user": self.user_id,
            "category": self.expense_category_id,
        }
        raw = json.dumps(canonical, sort_keys=True).encode("utf-8")
        return hashlib.sha256(raw).hexdigest()[:32]


def hours_to_seconds(hours: Decimal) -> int:
    """Clio ≥ 4.0.4 counts time-entry quantity in seconds."""
    return int((hours * 3600).to_integral_value())


def build_payload(
    activity: Activity,
    *,
    clio_matter_id: int,
    user_id: int | None,
    categories: Mapping[str, int],
) -> ActivityPayload:
    """The Clio payload of a Prolegis activity (``categories``: lower-cased name → id)."""
    if activity.kind == "time":
        return ActivityPayload(
            type="TimeEntry",
            date=activity.date.isoformat(),
            quantity=hours_to_seconds(activity.hours or Decimal(0)),
            price=None if activity.rate is None else activity.rate.quantize(Decimal("0.01")),
            note=activity.note,
            matter_id=clio_matter_id,
            user_id=user_id,
            expense_category_id=None,
        )
    category = categories.get((activity.category or "").strip().casefold())
    return ActivityPayload(
        type="ExpenseEntry",
        date=activity.date.isoformat(),
        quantity=1,
        price=(activity.amount or Decimal(0)).quantize(Decimal("0.01")),
        note=activity.note,
        matter_id=clio_matter_id,
        user_id=user_id,
        expense_category_id=category,
    )


@dataclass(frozen=True)
class PushedActivity:
    """What the plan needs to know of an activity link."""

    matter_id: str
    clio_activity_id: int
    digest: str
    state: str  # pushed | billed | clio_edited


@dataclass(frozen=True)
class ActivityCreate:
    activity: Activity
    payload: ActivityPayload


@dataclass(frozen=True)
class ActivityUpdate:
    activity: Activity
    payload: ActivityPayload
    clio_activity_id: int


@dataclass(frozen=True)
class ActivityDelete:
    activity_id: str
    matter_id: str
    clio_activity_id: int


@dataclass(frozen=True)
class ActivityBlocked:
    activity_id: str
    matter_id: str
    code: str  # billed | clio_edited | clio_deleted | unmapped_author
    message: str


@dataclass(frozen=True)
class ActivityPlan:
    creates: tuple[ActivityCreate, ...]
    updates: tuple[ActivityUpdate, ...]
    deletes: tuple[ActivityDelete, ...]
    held_deletes: tuple[ActivityDelete, ...]
    blocked: tuple[ActivityBlocked, ...]
    forget: tuple[str, ...] = ()  # links to drop without touching Clio (already gone there)


_BILLED_CHANGE = msg("Already billed in Clio; the change was not pushed.")
_BILLED_REMOVAL = msg("Removed in Prolegis but already billed in Clio; kept in Clio.")
_CLIO_EDITED = msg("Edited in Clio since the last push; choose which to keep.")
_CLIO_EDITED_REMOVAL = msg(
    "Removed in Prolegis but edited in Clio since the last push; delete it in Clio or keep it."
)
_CLIO_DELETED = msg("Deleted in Clio; push it again or leave it deleted.")
BILLED_CHANGE = _BILLED_CHANGE.text()
BILLED_REMOVAL = _BILLED_REMOVAL.text()
CLIO_EDITED = _CLIO_EDITED.text()
CLIO_EDITED_REMOVAL = _CLIO_EDITED_REMOVAL.text()
CLIO_DELETED = _CLIO_DELETED.text()


def blocked_message(text: str) -> Message:
    """One of the sentences above as its template (the GUI translates it); other text as it is."""
    said = (_BILLED_CHANGE, _BILLED_REMOVAL, _CLIO_EDITED, _CLIO_EDITED_REMOVAL, _CLIO_DELETED)
    return next((m for m in said if m.text() == text), verbatim(text))


def author_in_scope(author: str, authors_setting: str) -> bool:
    """``activity_authors`` is a comma-separated list of usernames, ``*`` for all, or empty."""
    wanted = {a.strip().casefold() for a in authors_setting.split(",") if a.strip()}
    return "*" in wanted or author.strip().casefold() in wanted


def plan_activities(
    manifest: Manifest,
    *,
    clio_matter_of: Mapping[str, int],
    pushed: Mapping[str, PushedActivity],
    authors_setting: str,
    user_of_author: Mapping[str, int],
    categories: Mapping[str, int],
    allow_removals: bool = False,
    allowed_removal_matters: Set[str] = frozenset(),
) -> ActivityPlan:
    """Decide activity work for one pass (``clio_matter_of``: linked matter id → Clio id)."""
    creates: list[ActivityCreate] = []
    updates: list[ActivityUpdate] = []
    blocked: list[ActivityBlocked] = []
    for activity in manifest.activities:
        clio_matter = clio_matter_of.get(activity.matter_id)
        link = pushed.get(activity.id)
        if clio_matter is None:
            continue
        if link is None and not author_in_scope(activity.author, authors_setting):
            continue
        if link is not None and link.state == "kept_deleted":
            continue
        if link is not None and link.state == "clio_deleted":
            blocked.append(
                ActivityBlocked(activity.id, activity.matter_id, "clio_deleted", CLIO_DELETED)
            )
            continue
        user = user_of_author.get(activity.author.strip().casefold())
        if user is None:
            blocked.append(
                ActivityBlocked(
                    activity.id,
                    activity.matter_id,
                    "unmapped_author",
                    f"No Clio user is mapped to the Prolegis author {activity.author!r}.",
                )
            )
            continue
        payload = build_payload(
            activity, clio_matter_id=clio_matter, user_id=user, categories=categories
        )
        if link is None:
            creates.append(ActivityCreate(activity, payload))
        elif link.state == "clio_edited":
            blocked.append(
                ActivityBlocked(activity.id, activity.matter_id, "clio_edited", CLIO_EDITED)
            )
        elif link.digest != payload.digest():
            if link.state == "billed":
                blocked.append(
                    ActivityBlocked(activity.id, activity.matter_id, "billed", BILLED_CHANGE)
                )
            else:
                updates.append(ActivityUpdate(activity, payload, link.clio_activity_id))
    deletes: list[ActivityDelete] = []
    forget: list[str] = []
    for activity_id, link in pushed.items():
        if activity_id in manifest.activities_by_id:
            continue
        if link.state in ("kept_deleted", "clio_deleted"):
            forget.append(activity_id)
            continue
        if link.state == "billed":
            blocked.append(ActivityBlocked(activity_id, link.matter_id, "billed", BILLED_REMOVAL))
            continue
        if link.state == "clio_edited":
            blocked.append(
                ActivityBlocked(activity_id, link.matter_id, "clio_edited", CLIO_EDITED_REMOVAL)
            )
            continue
        deletes.append(ActivityDelete(activity_id, link.matter_id, link.clio_activity_id))
    held = _removal_guard(deletes, pushed, allow_removals, allowed_removal_matters)
    deletes = [d for d in deletes if d not in held]
    return ActivityPlan(
        tuple(creates), tuple(updates), tuple(deletes), tuple(held), tuple(blocked), tuple(forget)
    )


def _removal_guard(
    deletes: list[ActivityDelete],
    pushed: Mapping[str, PushedActivity],
    allow_all: bool,
    allowed_matters: Set[str],
) -> list[ActivityDelete]:
    if allow_all or not deletes:
        return []
    candidates = [d for d in deletes if d.matter_id not in allowed_matters]
    if len(candidates) > REMOVAL_GUARD_TOTAL:
        return candidates
    per_matter = Counter(d.matter_id for d in candidates)
    pushed_per_matter = Counter(p.matter_id for p in pushed.values())
    held_matters = {
        m
        for m, n in per_matter.items()
        if n >= REMOVAL_GUARD_MIN_IN_MATTER
        and n / max(1, pushed_per_matter[m]) > REMOVAL_GUARD_SHARE
    }
    return [d for d in candidates if d.matter_id in held_matters]
