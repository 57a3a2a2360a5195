"""What the records half's safety guards hold, as the views the GUI and ``status`` show: new
matters waiting for the user's OK (more than five at once), and removed activities waiting
before they are deleted in Clio (per matter). Deferred new matters ("not now") stay held
without asking again."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from desktop.sync.records.matter_plan import NEW_MATTER_GUARD
from desktop.sync.store import Store
from desktop.sync.views import GuardView


def guard_views(store: Store, label: Callable[[str], str]) -> list[GuardView]:
    """The guards currently asking; ``label`` names a matter ("2024-0012 Purchase…")."""
    out: list[GuardView] = []
    new = [h for h in store.holds.all("new_matter") if h.decision == "ask"]
    if new:
        n = len(new)
        out.append(
            GuardView(
                kind="new_matters",
                matter_id=None,
                items=tuple(label(h.subject) for h in new),
                message=(
                    f"{n} new matters were opened in Prolegis at once (more than "
                    f"{NEW_MATTER_GUARD}). Create their Clio matters now?"
                ),
            )
        )
    removals: dict[str, list[str]] = defaultdict(list)
    for h in store.holds.all("activity_removal"):
        if h.decision == "ask":
            removals[h.matter_id].append(h.detail or h.subject)
    for matter_id, items in removals.items():
        n = len(items)
        out.append(
            GuardView(
                kind="activity_removals",
                matter_id=matter_id,
                items=tuple(items),
                message=(
                    f"{label(matter_id)}: {n} time entr{'ies' if n != 1 else 'y'} or expenses "
                    "were removed in Prolegis. Delete them in Clio too?"
                ),
            )
        )
    return out
