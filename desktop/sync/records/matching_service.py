"""Contact matching for the wizard and ``clients match``: a :class:`Matcher` built over the
cached Clio contacts (rebuilt when the cache changed), and one :class:`ClientMatchView` per
Prolegis client — ``linked`` for linked clients, else the matcher's band with candidates,
evidence and a summary line. A confident match whose contact is already linked to another
client is shown for review: "accept all confident matches" never links two clients to one
contact behind the user's back.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.clio.records import Contact
from desktop.prolegis.records import Manifest
from desktop.sync.matching import Band, Candidate, Matcher, MatchResult
from desktop.sync.records.adapters import client_party, contact_name, contact_party, summary
from desktop.sync.store import Store
from desktop.sync.store.links import ClientLink
from desktop.sync.views import CandidateView, ClientMatchView, EvidenceView

CANDIDATES = 5


class MatchingService:
    """Keeps a matcher over ``store.clio`` contacts; call :meth:`invalidate` after they change."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._matcher: Matcher | None = None
        self._contacts: dict[int, Contact] = {}
        self._results: dict[str, MatchResult] | None = None
        self._results_key: object = None

    def invalidate(self) -> None:
        self._matcher = None
        self._results = None

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            contacts = [Contact.parse(r) for r in self._store.clio.all("contacts")]
            self._contacts = {c.id: c for c in contacts}
            self._matcher = Matcher([contact_party(c) for c in contacts])
            self._results = None
        return self._matcher

    def contact(self, contact_id: int) -> Contact | None:
        self.matcher  # noqa: B018 - loads the contacts
        return self._contacts.get(contact_id)

    def _match(self, manifest: Manifest) -> dict[str, MatchResult]:
        matcher = self.matcher
        if self._results is None or self._results_key is not manifest:
            parties = [client_party(c) for c in manifest.clients]
            results = matcher.match_all(parties, limit=CANDIDATES)
            self._results = {r.client_id: r for r in results}
            self._results_key = manifest
        return self._results

    def views(
        self,
        manifest: Manifest,
        *,
        waiting: Mapping[str, tuple[str, ...]],
    ) -> list[ClientMatchView]:
        """Every client of the manifest, in file order. ``waiting``: client id → labels of the
        new matters that wait for it to be linked."""
        results = self._match(manifest)
        links = self._store.client_links.all()
        linked_contacts = {link.contact_id: cid for cid, link in links.items()}
        return [
            self._view(c.id, manifest, results[c.id], links.get(c.id), linked_contacts, waiting)
            for c in manifest.clients
        ]

    def _view(
        self,
        client_id: str,
        manifest: Manifest,
        result: MatchResult,
        link: ClientLink | None,
        linked_contacts: Mapping[int, str],
        waiting: Mapping[str, tuple[str, ...]],
    ) -> ClientMatchView:
        client = manifest.clients_by_id[client_id]
        candidates = tuple(self._candidate(c) for c in result.candidates)
        band = result.band.value
        if link is not None:
            band = "linked"
        elif result.band is Band.CONFIDENT and result.best is not None:
            other = linked_contacts.get(int(result.best.contact_id))
            if other is not None and other != client_id:
                band = Band.REVIEW.value
        return ClientMatchView(
            client_id=client.id,
            name=client.display_name,
            kind=client.kind,
            summary=summary(client_party(client)),
            band=band,
            linked_contact_id=link.contact_id if link else None,
            linked_contact_name=link.contact_name if link else "",
            candidates=candidates,
            on_new_matters=waiting.get(client.id, ()) if link is None else (),
        )

    def _candidate(self, candidate: Candidate) -> CandidateView:
        contact = self._contacts.get(int(candidate.contact_id))
        party = self.matcher.contact(candidate.contact_id)
        return CandidateView(
            contact_id=int(candidate.contact_id),
            name=contact_name(contact) if contact else party.display_name,
            score=candidate.score,
            evidence=tuple(
                EvidenceView(e.field, e.verdict.value, e.detail) for e in candidate.evidence
            ),
            summary=summary(party),
        )


def confident(views: list[ClientMatchView]) -> list[ClientMatchView]:
    """What "accept all confident matches" links: unlinked clients in the confident band."""
    return [v for v in views if v.band == Band.CONFIDENT.value and v.candidates]
