"""``ClioClient``: one typed method per Clio Manage call the app makes.

Every listing takes ``fields`` (defaults parse fully into records) and returns a resumable
:class:`~desktop.clio.paging.Listing`; ``updated_since`` listings over the whole account are what
the engine polls. Creates are never repeated blindly — an ambiguous failure raises
:class:`~desktop.clio.errors.AmbiguousCreateError` and the caller looks the record up first.
Updates take an optional ``etag`` to make them conditional (``If-Match`` → 412 when stale).
Folders and documents are in :mod:`desktop.clio.api_documents`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from desktop.clio.api_base import day, timestamp
from desktop.clio.api_documents import DocumentsApi
from desktop.clio.paging import Listing
from desktop.clio.records import (
    FIELDS,
    Activity,
    Contact,
    CustomField,
    ExpenseCategory,
    Matter,
    Relationship,
    User,
)
from desktop.clio.session import ClioSession
from desktop.clio.transfer import Transfers


class ClioClient(DocumentsApi):
    """The Clio Manage API for one signed-in account. Thread-safe; share one per account."""

    def __init__(self, session: ClioSession, *, transfers: Transfers | None = None) -> None:
        super().__init__(session)
        self.transfers = transfers or Transfers(session)

    @property
    def target_label(self) -> str:
        return self.session.target.label

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> ClioClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ users

    def who_am_i(self, *, fields: str = FIELDS[User]) -> User:
        """The user the tokens belong to."""
        return self._get("/users/who_am_i.json", User.parse, fields)

    def users(self, *, enabled: bool | None = None, fields: str = FIELDS[User],
              page_token: str | None = None) -> Listing[User]:
        return self._list("/users.json", User.parse, fields, {"enabled": enabled}, page_token)

    # ------------------------------------------------------------------ contacts

    def contacts(
        self, *, query: str | None = None, type: str | None = None,
        client_only: bool | None = None, updated_since: datetime | str | None = None,
        ids: list[int] | None = None, fields: str = FIELDS[Contact],
        page_token: str | None = None,
    ) -> Listing[Contact]:
        """``GET /contacts``; ``query`` matches names, emails, phones, addresses…"""
        return self._list("/contacts.json", Contact.parse, fields, {
            "query": query, "type": type, "client_only": client_only,
            "updated_since": timestamp(updated_since), "ids[]": ids,
        }, page_token)

    def contacts_by_email(self, email: str, *, fields: str = FIELDS[Contact]) -> list[Contact]:
        """Contacts having ``email`` among their addresses (case-insensitive, exact)."""
        wanted = email.strip().lower()
        return [c for c in self.contacts(query=email.strip(), fields=fields)
                if any((e.address or "").strip().lower() == wanted for e in c.email_addresses)
                or (c.primary_email_address or "").strip().lower() == wanted]

    def contact(self, contact_id: int, *, fields: str = FIELDS[Contact]) -> Contact:
        return self._get(f"/contacts/{contact_id}.json", Contact.parse, fields)

    def create_contact(self, data: Mapping[str, Any], *,
                       fields: str = FIELDS[Contact]) -> Contact:
        """Create a contact. ``data`` is Clio's create body, e.g. ``{"type": "Person",
        "first_name": …, "last_name": …, "email_addresses": [{"name": "Work", "address": …,
        "default_email": True}]}``."""
        return self._create("/contacts.json", Contact.parse, fields, data)

    def update_contact(self, contact_id: int, data: Mapping[str, Any], *,
                       etag: str | None = None, fields: str = FIELDS[Contact]) -> Contact:
        """PATCH a contact; nested items need their ``id`` to be updated, ``_destroy`` to go."""
        return self._update(f"/contacts/{contact_id}.json", Contact.parse, fields, data, etag)

    # ------------------------------------------------------------------ matters

    def matters(
        self, *, query: str | None = None, status: str | None = None,
        client_id: int | None = None, updated_since: datetime | str | None = None,
        custom_field_values: Mapping[int, str] | None = None, ids: list[int] | None = None,
        fields: str = FIELDS[Matter], page_token: str | None = None,
    ) -> Listing[Matter]:
        """``GET /matters``. ``status`` is lowercase (``open,pending``);
        ``custom_field_values={field_id: value}`` finds matters by a custom field."""
        filters: dict[str, Any] = {
            "query": query, "status": status, "client_id": client_id,
            "updated_since": timestamp(updated_since), "ids[]": ids,
        }
        for field_id, value in (custom_field_values or {}).items():
            filters[f"custom_field_values[{field_id}]"] = value
        return self._list("/matters.json", Matter.parse, fields, filters, page_token)

    def matter(self, matter_id: int, *, fields: str = FIELDS[Matter]) -> Matter:
        return self._get(f"/matters/{matter_id}.json", Matter.parse, fields)

    def create_matter(self, data: Mapping[str, Any], *, fields: str = FIELDS[Matter]) -> Matter:
        """Create a matter: ``{"client": {"id": …}, "description": …, "status": "open", …}``."""
        return self._create("/matters.json", Matter.parse, fields, data)

    def update_matter(self, matter_id: int, data: Mapping[str, Any], *,
                      etag: str | None = None, fields: str = FIELDS[Matter]) -> Matter:
        return self._update(f"/matters/{matter_id}.json", Matter.parse, fields, data, etag)

    def delete_matter(self, matter_id: int, *, etag: str | None = None) -> None:
        self._delete(f"/matters/{matter_id}.json", etag)

    # ------------------------------------------------------------------ relationships

    def relationships(self, *, matter_id: int | None = None, contact_id: int | None = None,
                      fields: str = FIELDS[Relationship],
                      page_token: str | None = None) -> Listing[Relationship]:
        return self._list("/relationships.json", Relationship.parse, fields,
                          {"matter_id": matter_id, "contact_id": contact_id}, page_token)

    def create_relationship(self, matter_id: int, contact_id: int, description: str, *,
                            fields: str = FIELDS[Relationship]) -> Relationship:
        return self._create("/relationships.json", Relationship.parse, fields, {
            "matter": {"id": matter_id}, "contact": {"id": contact_id},
            "description": description,
        })

    # ------------------------------------------------------------------ custom fields

    def custom_fields(self, *, parent_type: str | None = None,
                      fields: str = FIELDS[CustomField],
                      page_token: str | None = None) -> Listing[CustomField]:
        """Custom field definitions (``parent_type`` ``Matter`` or ``Contact``; like other
        filters it is sent in lowercase)."""
        return self._list("/custom_fields.json", CustomField.parse, fields,
                          {"parent_type": parent_type.lower() if parent_type else None},
                          page_token)

    def create_custom_field(self, name: str, *, parent_type: str = "Matter",
                            field_type: str = "text_line", displayed: bool = True,
                            fields: str = FIELDS[CustomField]) -> CustomField:
        return self._create("/custom_fields.json", CustomField.parse, fields, {
            "name": name, "parent_type": parent_type, "field_type": field_type,
            "displayed": displayed,
        })

    # ------------------------------------------------------------------ activities

    def activities(
        self, *, matter_id: int | None = None, user_id: int | None = None,
        type: str | None = None, status: str | None = None,
        start_date: date | str | None = None, end_date: date | str | None = None,
        updated_since: datetime | str | None = None, ids: list[int] | None = None,
        fields: str = FIELDS[Activity], page_token: str | None = None,
    ) -> Listing[Activity]:
        """``GET /activities`` (time entries and expenses)."""
        return self._list("/activities.json", Activity.parse, fields, {
            "matter_id": matter_id, "user_id": user_id, "type": type, "status": status,
            "start_date": day(start_date), "end_date": day(end_date),
            "updated_since": timestamp(updated_since), "ids[]": ids,
        }, page_token)

    def activity(self, activity_id: int, *, fields: str = FIELDS[Activity]) -> Activity:
        return self._get(f"/activities/{activity_id}.json", Activity.parse, fields)

    def create_activity(self, data: Mapping[str, Any], *,
                        fields: str = FIELDS[Activity]) -> Activity:
        """Create a time entry or expense: ``{"type": "TimeEntry", "date": "2025-03-01",
        "quantity": <seconds>, "price": …, "note": …, "matter": {"id": …}}``."""
        return self._create("/activities.json", Activity.parse, fields, data)

    def update_activity(self, activity_id: int, data: Mapping[str, Any], *,
                        etag: str | None = None, fields: str = FIELDS[Activity]) -> Activity:
        return self._update(f"/activities/{activity_id}.json", Activity.parse, fields, data,
                            etag)

    def delete_activity(self, activity_id: int, *, etag: str | None = None) -> None:
        self._delete(f"/activities/{activity_id}.json", etag)

    def expense_categories(self, *, fields: str = FIELDS[ExpenseCategory],
                           page_token: str | None = None) -> Listing[ExpenseCategory]:
        return self._list("/expense_categories.json", ExpenseCategory.parse, fields, None,
                          page_token)
