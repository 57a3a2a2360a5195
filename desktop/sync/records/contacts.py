"""Linking Prolegis clients to Clio contacts: link to an existing contact (which must still
exist), create a new contact from the client (never when a contact with one of its emails
exists — that one is proposed instead), and unlink. Creates are journaled; an ambiguous create
is looked up (by email, else by name, created since the intent) and adopted, never repeated.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from desktop.clio.api import ClioClient
from desktop.clio.errors import AmbiguousCreateError, ClioError, NotFoundError
from desktop.clio.records import Contact
from desktop.prolegis.records import Client
from desktop.sync.clock import parse_iso
from desktop.sync.context import EngineContext
from desktop.sync.messages import msg
from desktop.sync.records.adapters import contact_body, contact_name
from desktop.sync.records.errors import LinkRefused
from desktop.sync.records.intents import RecordsJournal
from desktop.sync.records.matching_service import MatchingService
from desktop.sync.store.journal import Intent
from desktop.sync.store.links import ClientLink

SKEW = timedelta(minutes=2)  # clock difference tolerated between this computer and Clio


class ContactLinker:
    """Link, create and unlink; see the module docstring."""

    def __init__(
        self, ctx: EngineContext, journal: RecordsJournal, matching: MatchingService
    ) -> None:
        self._ctx = ctx
        self._journal = journal
        self._matching = matching

    @property
    def _clio(self) -> ClioClient:
        return self._ctx.clio

    def _remember(self, contact: Contact) -> None:
        cached = self._ctx.store.clio.get("contacts", contact.id)
        self._ctx.store.clio.upsert("contacts", [dict(contact.raw)])
        if cached is None or cached.get("etag") != contact.etag:
            self._matching.invalidate()

    def _linked(self, client_id: str, label: str, contact: Contact, how: str) -> ClientLink:
        name = contact_name(contact)
        link = self._ctx.store.client_links.link(client_id, contact.id, name, how)
        said = (
            msg("{client} created in Clio and linked", client=label)
            if how == "created"
            else msg("{client} linked to {contact}", client=label, contact=name)
        )
        self._ctx.record("client_linked", said, subject=client_id)
        return link

    def link(self, client: Client, contact_id: int, how: str = "matched") -> ClientLink:
        """Link ``client`` to the existing contact ``contact_id`` (read again from Clio)."""
        try:
            contact = self._clio.contact(contact_id)
        except NotFoundError:
            self._ctx.store.clio.delete("contacts", [contact_id])
            self._matching.invalidate()
            raise LinkRefused(
                msg(
                    "The Clio contact {contact} no longer exists; nothing was linked.",
                    contact=contact_id,
                )
            ) from None
        self._remember(contact)
        return self._linked(client.id, client.display_name, contact, how)

    def link_cached(self, client: Client, contact_id: int, how: str) -> ClientLink | None:
        """Link to a contact as the cache knows it (accept-all: no request per client)."""
        raw = self._ctx.store.clio.get("contacts", contact_id)
        if raw is None:
            return None
        return self._linked(client.id, client.display_name, Contact.parse(raw), how)

    def same_email(self, client: Client) -> tuple[str, Contact] | None:
        """A Clio contact that already has one of the client's emails (asked of Clio)."""
        for email in client.emails:
            found = self._clio.contacts_by_email(email)
            if found:
                return email, found[0]
        return None

    def create(self, client: Client) -> ClientLink:
        """Create a Clio contact from ``client`` and link it — unless one has its email."""
        clash = self.same_email(client)
        if clash is not None:
            email, contact = clash
            self._remember(contact)
            raise LinkRefused(
                msg(
                    "A Clio contact with the email {email} already exists: {name} (Clio contact "
                    "{contact}). Link {client} to it instead (clients link {client_id} --contact "
                    "{contact}); no contact was created.",
                    email=email,
                    name=contact_name(contact),
                    contact=contact.id,
                    client=client.display_name,
                    client_id=client.id,
                )
            )
        payload = _identity(client)
        intent_id = self._journal.open("create_contact", client.id, payload)
        try:
            contact = self._clio.create_contact(contact_body(client))
        except AmbiguousCreateError:
            intent = self._ctx.store.journal.get(intent_id)
            assert intent is not None
            link = self.recover(intent)
            if link is None:
                raise LinkRefused(
                    msg(
                        "The connection to Clio dropped while creating the contact for {client}, "
                        "and it was not found in Clio. Nothing was linked; try again.",
                        client=client.display_name,
                    )
                ) from None
            return link
        except ClioError as exc:
            self._journal.close(intent_id, "failed", error=exc.user_message)
            raise
        self._remember(contact)
        link = self._linked(client.id, client.display_name, contact, "created")
        self._journal.close(intent_id, "done", contact_id=contact.id)
        return link

    def recover(self, intent: Intent) -> ClientLink | None:
        """Finish an interrupted create: adopt the contact if Clio has it, else undo."""
        existing = self._ctx.store.client_links.get(intent.subject)
        if existing is not None:
            self._journal.close(intent.id, "done", contact_id=existing.contact_id)
            return existing
        since = parse_iso(intent.created_at) - SKEW
        found = self._find_created(intent.payload, since)
        if found is None:
            self._journal.close(intent.id, "undone")
            self._ctx.record(
                "client_link",
                msg(
                    "Creating a Clio contact for {name} did not finish; nothing was linked. "
                    "Create it again if you still want it.",
                    name=intent.payload.get("name") or intent.subject,
                ),
                result="warning",
                subject=intent.subject,
            )
            return None
        self._remember(found)
        link = self._linked(intent.subject, str(intent.payload.get("name")), found, "created")
        self._journal.close(intent.id, "done", contact_id=found.id, adopted=True)
        return link

    def _find_created(self, payload: dict[str, Any], since: Any) -> Contact | None:
        emails = [str(e) for e in payload.get("emails") or []]
        candidates: list[Contact] = []
        if emails:
            candidates = self._clio.contacts_by_email(emails[0])
        else:
            name = str(payload.get("name") or "")
            wanted = name.casefold()
            candidates = [
                c for c in self._clio.contacts(query=name) if contact_name(c).casefold() == wanted
            ]
        fresh = [c for c in candidates if c.created_at is None or c.created_at >= since]
        return min(fresh, key=lambda c: c.id) if fresh else None

    def unlink(self, client_id: str, label: str) -> bool:
        done = self._ctx.store.client_links.unlink(client_id)
        if done:
            said = msg("{client} unlinked from Clio", client=label)
            self._ctx.record("client_unlinked", said, subject=client_id)
        return done


def _identity(client: Client) -> dict[str, Any]:
    return {"name": client.display_name, "kind": client.kind, "emails": list(client.emails)}
