"""How a Clio matter is known to belong to a Prolegis matter: the matter custom field
"Prolegis matter ID" (one-line text) holds the Prolegis id. It is created when missing; every
create is preceded by a look-up on it, so a crash or a second companion on the same account
never makes a second Clio matter.

A firm whose user may not add custom fields (Clio: only administrators can; 403) gets the
fallback: the look-up searches Clio for the Prolegis number (``query=``, which covers the
description) and takes a matter whose description is exactly ours ("2024-0012 Title") and
whose client is the expected contact. Once an administrator adds the field (or another
companion signed in as an administrator creates it), it is used from the next run on.
"""

from __future__ import annotations

import logging
from typing import Any

from desktop.clio.api import ClioClient
from desktop.clio.errors import PermissionDeniedError, PreconditionFailedError, ValidationError
from desktop.clio.records import CustomField, Matter
from desktop.prolegis.records import Matter as PMatter
from desktop.sync.records.matter_plan import clio_description
from desktop.sync.store import Store

log = logging.getLogger(__name__)

FIELD_NAME = "Prolegis matter ID"
FIELD_TYPES = ("text_line", "text_area")
META_FIELD = "matter_tag_field"  # {"id": int} or {"id": None, "reason": "..."}


class MatterTag:
    """The custom field (found, created or unavailable) and look-ups by it."""

    def __init__(self, store: Store, clio: ClioClient) -> None:
        self._store = store
        self._clio = clio
        self._checked = False  # looked at Clio once in this run

    @property
    def field_id(self) -> int | None:
        """The field's id as last known (None: unknown or unavailable)."""
        value = self._store.meta.get(META_FIELD)
        if isinstance(value, dict) and isinstance(value.get("id"), int):
            return int(value["id"])
        return None

    @property
    def unavailable_reason(self) -> str:
        value = self._store.meta.get(META_FIELD)
        if isinstance(value, dict) and value.get("id") is None:
            return str(value.get("reason") or "")
        return ""

    def ensure(self) -> int | None:
        """The field's id: from this run's memory, else found or created in Clio once per run.
        None when the user may not create it (then the fallback look-up is used)."""
        if self._checked:
            return self.field_id
        found = self._find()
        if found is None:
            try:
                found = self._clio.create_custom_field(FIELD_NAME, parent_type="Matter")
            except PermissionDeniedError:
                reason = (
                    f'Clio refused to add the matter custom field "{FIELD_NAME}" (only '
                    "administrators may add custom fields). New matters are found again by "
                    "their Prolegis number in the description instead."
                )
                log.warning(reason)
                self._store.meta.set(META_FIELD, {"id": None, "reason": reason})
                self._checked = True
                return None
            except ValidationError:
                found = self._find()  # another companion created it at the same moment
                if found is None:
                    raise
        self._store.meta.set(META_FIELD, {"id": found.id})
        self._checked = True
        return found.id

    def _find(self) -> CustomField | None:
        for f in self._clio.custom_fields(parent_type="Matter"):
            if f.name == FIELD_NAME and not f.deleted and f.field_type in FIELD_TYPES:
                return f
        return None

    # -- values and look-ups ------------------------------------------------------------------

    def value_item(self, matter_id: str) -> list[dict[str, Any]]:
        """The ``custom_field_values`` of a create body (empty without the field)."""
        fid = self.field_id
        return [] if fid is None else [{"custom_field": {"id": fid}, "value": matter_id}]

    def tagged(self, clio_matter: Matter) -> str | None:
        """The Prolegis id a Clio matter carries, if any."""
        fid = self.field_id
        if fid is None:
            return None
        value = clio_matter.custom_value(fid)
        return str(value.value) if value is not None and value.value else None

    def lookup(self, matter: PMatter, client_contact_id: int | None) -> Matter | None:
        """The Clio matter already made for ``matter``, if any (oldest first)."""
        return self.lookup_by(matter.id, matter.number, clio_description(matter), client_contact_id)

    def lookup_by(
        self, matter_id: str, number: str, description: str, client_contact_id: int | None
    ) -> Matter | None:
        """By the tag, then by number + exact description + client (see the module)."""
        fid = self.ensure()
        if fid is not None:
            found = list(self._clio.matters(custom_field_values={fid: matter_id}))
            if found:
                return min(found, key=lambda m: m.id)
        same = [
            m
            for m in self._clio.matters(query=number or description)
            if (m.description or "") == description
            and (client_contact_id is None or _client_id(m) == client_contact_id)
            and (fid is None or self.tagged(m) in (None, matter_id))
        ]
        return min(same, key=lambda m: m.id) if same else None

    def tag(self, clio_matter: Matter, matter_id: str) -> Matter:
        """Set the Prolegis id on a Clio matter linked by hand (when the field exists and the
        matter carries no value yet); returns the matter as Clio has it now."""
        fid = self.ensure()
        if fid is None or clio_matter.custom_value(fid) is not None:
            return clio_matter
        try:
            return self._clio.update_matter(
                clio_matter.id,
                {"custom_field_values": [{"custom_field": {"id": fid}, "value": matter_id}]},
                etag=clio_matter.etag,
            )
        except (PermissionDeniedError, PreconditionFailedError, ValidationError) as exc:
            log.warning("could not tag Clio matter %s: %s", clio_matter.id, exc)
            return clio_matter


def _client_id(matter: Matter) -> int | None:
    return matter.client.id if matter.client is not None else None
