"""Clio matters a pre-existing Prolegis matter may be linked to ("Sync with Clio"): ranked from
the cached Clio matters by the tag, the number, the description and the client, each with the
reasons a person can check. Pure function over plain values."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Set

from rapidfuzz import fuzz

from desktop.clio.records import Matter
from desktop.prolegis.records import Manifest
from desktop.prolegis.records import Matter as PMatter
from desktop.sync.views import MatterSuggestion

LIMIT = 5
MIN_SCORE = 20.0


def _tokens(text: str) -> set[str]:
    return {t for t in re.split(r"[^0-9A-Za-z]+", text.casefold()) if t}


def _number_in(number: str, clio: Matter) -> bool:
    wanted = number.casefold().strip()
    if not wanted:
        return False
    hay = f"{clio.display_number or ''} {clio.description or ''}".casefold()
    return re.search(rf"(?<![0-9a-z]){re.escape(wanted)}(?![0-9a-z])", hay) is not None


def suggest_matters(
    matter: PMatter,
    manifest: Manifest,
    clio_matters: Iterable[Matter],
    *,
    contact_of: Mapping[str, int],
    linked_elsewhere: Set[int],
    tagged: Mapping[int, str],
    limit: int = LIMIT,
) -> list[MatterSuggestion]:
    """The best Clio matters for ``matter``, best first.

    ``contact_of``: client id → linked contact; ``linked_elsewhere``: Clio matters already linked
    to another Prolegis matter (left out); ``tagged``: Clio matter id → the Prolegis id it
    carries.
    """
    contacts = {contact_of[c]: c for c in matter.client_ids if c in contact_of}
    names = [
        manifest.clients_by_id[c].display_name
        for c in matter.client_ids
        if c in manifest.clients_by_id
    ]
    out: list[MatterSuggestion] = []
    for clio in clio_matters:
        if clio.id in linked_elsewhere:
            continue
        tag = tagged.get(clio.id)
        if tag is not None and tag != matter.id:
            continue  # it belongs to another Prolegis matter
        score, reasons = 0.0, []
        if tag == matter.id:
            score += 100
            reasons.append("Carries this matter's Prolegis id")
        if _number_in(matter.number, clio):
            score += 50
            reasons.append(f"Number {matter.number} in its number or description")
        client_name = clio.client.name if clio.client and clio.client.name else ""
        if clio.client is not None and clio.client.id in contacts:
            score += 30
            linked = manifest.clients_by_id.get(contacts[clio.client.id])
            who = linked.display_name if linked else client_name
            reasons.append(f"Client {who} (linked)")
        elif client_name and names:
            best = max(fuzz.token_sort_ratio(client_name, n) for n in names)
            if best >= 85:
                score += 15
                reasons.append(f"Client name {client_name} ({best:.0f} % alike)")
        title = matter.title.strip()
        if title and clio.description:
            alike = fuzz.token_set_ratio(title, clio.description)
            if alike >= 60 and _tokens(title) & _tokens(clio.description):
                score += alike * 0.3
                reasons.append(f"Description {alike:.0f} % alike")
        if score < MIN_SCORE:
            continue
        out.append(
            MatterSuggestion(
                clio_matter_id=clio.id,
                display_number=clio.display_number or "",
                description=clio.description or "",
                client_name=client_name,
                score=round(min(100.0, score), 1),
                reasons=tuple(reasons),
            )
        )
    out.sort(key=lambda s: (-s.score, s.clio_matter_id))
    return out[:limit]
