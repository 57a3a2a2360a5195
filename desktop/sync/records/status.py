"""What ``status`` shows of the records half, as one JSON-ready dict: every client with its
link, every matter (new or pre-existing, linked or not and why not), every activity with its
push state, and the records errors. Read-only: works beside a running sync.

Keys: ``clients``, ``matter_records``, ``activities`` (``counts`` and ``items``) and
``records_errors`` (documented in docs/cli.md).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from desktop.prolegis.records import Manifest
from desktop.settings import Settings
from desktop.sync.records.activity_plan import PushedActivity, author_in_scope, plan_activities
from desktop.sync.records.authors import AuthorMapError, load_authors, load_categories
from desktop.sync.store import Store

RECORD_KINDS = ("matter", "activity", "needs_client", "client")

_BLOCKED_STATE = {
    "billed": "locked",
    "clio_edited": "edited_in_clio",
    "clio_deleted": "deleted_in_clio",
    "unmapped_author": "unmapped_author",
}
_LINK_STATE = {
    "pushed": "pushed",
    "billed": "locked",
    "clio_edited": "edited_in_clio",
    "clio_deleted": "deleted_in_clio",
    "kept_deleted": "kept_deleted",
}


def records_status(store: Store, manifest: Manifest, settings: Settings) -> dict[str, Any]:
    """See the module docstring."""
    return {
        "clients": _clients(store, manifest),
        "matter_records": _matters(store, manifest),
        "activities": _activities(store, manifest, settings),
        "records_errors": [
            {
                "kind": p.kind,
                "subject": p.subject,
                "matter_id": p.matter_id or None,
                "code": p.code,
                "message": p.message,
                "needs_user": p.needs_user,
                "attempts": p.attempts,
                "retry_at": p.retry_at,
            }
            for p in store.problems.all()
            if p.kind in RECORD_KINDS
        ],
    }


def _waiting_for(store: Store, manifest: Manifest) -> dict[str, list[str]]:
    """Client id → new, unlinked matters that wait for one of their clients to be linked."""
    links = store.matter_links.all()
    pre = store.baseline.preexisting()
    linked = set(store.client_links.all())
    out: dict[str, list[str]] = {}
    for m in manifest.matters:
        if m.id in links or m.id in pre or any(c in linked for c in m.client_ids):
            continue
        for cid in m.client_ids:
            out.setdefault(cid, []).append(m.id)
    return out


def _clients(store: Store, manifest: Manifest) -> list[dict[str, Any]]:
    links = store.client_links.all()
    waiting = _waiting_for(store, manifest)
    out = []
    for c in manifest.clients:
        link = links.get(c.id)
        out.append(
            {
                "client_id": c.id,
                "name": c.display_name,
                "kind": c.kind,
                "linked": link is not None,
                "contact_id": link.contact_id if link else None,
                "contact_name": link.contact_name if link else None,
                "how": link.how if link else None,
                "linked_at": link.linked_at if link else None,
                "needed_by_new_matters": waiting.get(c.id, []),
            }
        )
    return out


def _matters(store: Store, manifest: Manifest) -> list[dict[str, Any]]:
    links = store.matter_links.all()
    pre = store.baseline.preexisting()
    contact_of = {cid: ln.contact_id for cid, ln in store.client_links.all().items()}
    holds = {h.subject: h.decision for h in store.holds.all("new_matter")}
    problems = {p.subject: p for p in store.problems.all("matter")}
    out = []
    for m in manifest.matters:
        link = links.get(m.id)
        state, why = "linked", None
        if link is None:
            names = [
                manifest.clients_by_id[c].display_name
                for c in m.client_ids
                if c in manifest.clients_by_id and c not in contact_of
            ]
            if m.id in pre:
                state, why = "not_linked", "pre-existing: link it (matters link) to sync it"
            elif not any(c in contact_of for c in m.client_ids):
                state = "needs_client"
                why = f"needs a linked client: {', '.join(names) or 'it has no clients'}"
            elif m.id in problems:
                state, why = "error", problems[m.id].message
            elif m.id in holds:
                state = "deferred" if holds[m.id] == "defer" else "held"
                why = "waits for your OK (more than 5 new matters at once)"
            else:
                state, why = "pending_create", "created in Clio on the next sync"
        elif m.id in problems:
            state, why = "error", problems[m.id].message
        out.append(
            {
                "matter_id": m.id,
                "number": m.number,
                "title": m.title,
                "status": m.status,
                "new": m.id not in pre,
                "linked": link is not None,
                "clio_matter_id": link.clio_matter_id if link else None,
                "display_number": link.display_number if link else None,
                "clio_folder_id": link.clio_folder_id if link else None,
                "how": link.how if link else None,
                "linked_at": link.linked_at if link else None,
                "state": state,
                "why_not": why,
            }
        )
    return out


def _activities(store: Store, manifest: Manifest, settings: Settings) -> dict[str, Any]:
    matter_links = store.matter_links.all()
    links = store.activity_links.all()
    account = store.meta.get("account")
    user_id = int(account["id"]) if isinstance(account, dict) and "id" in account else 0
    authors_setting = str(settings.get("activity_authors") or "")
    try:
        users = load_authors(
            store,
            str(settings.get("author_map") or ""),
            str(settings.get("prolegis_username") or ""),
            user_id,
        ).users
    except AuthorMapError:
        users = {}
    plan = plan_activities(
        manifest,
        clio_matter_of={mid: ln.clio_matter_id for mid, ln in matter_links.items()},
        pushed={
            aid: PushedActivity(ln.matter_id, ln.clio_activity_id, ln.pushed_digest, ln.state)
            for aid, ln in links.items()
        },
        authors_setting=authors_setting,
        user_of_author=users,
        categories=load_categories(store),
    )
    states: dict[str, str] = {}
    for c in plan.creates:
        states[c.activity.id] = "pending"
    for u in plan.updates:
        states[u.activity.id] = "pending"
    for d in plan.deletes:
        states[d.activity_id] = "pending_removal"
    for d in plan.held_deletes:
        states[d.activity_id] = "held_removal"
    for b in plan.blocked:
        states[b.activity_id] = _BLOCKED_STATE.get(b.code, b.code)
    failed = {p.subject: p.message for p in store.problems.all("activity") if not p.needs_user}
    items = []
    gone = [a for a in links if a not in manifest.activities_by_id]
    ids = [a.id for a in manifest.activities] + gone
    for aid in ids:
        activity = manifest.activities_by_id.get(aid)
        link = links.get(aid)
        state = states.get(aid)
        if aid in failed:
            state = "failed"
        elif state is None:
            if link is not None:
                state = _LINK_STATE.get(link.state, link.state)
            elif activity is not None and activity.matter_id not in matter_links:
                state = "matter_not_linked"
            elif activity is not None and not author_in_scope(activity.author, authors_setting):
                state = "other_author"
            else:
                state = "pending"
        items.append(
            {
                "activity_id": aid,
                "matter_id": activity.matter_id if activity else link.matter_id if link else None,
                "kind": activity.kind if activity else None,
                "author": activity.author if activity else None,
                "state": state,
                "clio_activity_id": link.clio_activity_id if link else None,
                "pushed_at": link.pushed_at if link else None,
                "detail": failed.get(aid) or (link.detail if link else "") or None,
            }
        )
    return {"counts": dict(sorted(Counter(i["state"] for i in items).items())), "items": items}
