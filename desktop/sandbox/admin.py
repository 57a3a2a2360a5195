"""In-process operations for tests, the demo and benchmarks — what Clio's own web UI, settings
and billing would do, never reachable through the public API. ``sandbox.admin.<op>(...)``."""

from __future__ import annotations

from typing import Any

from desktop.sandbox import faults as faults_mod


class Admin:
    """Firm-side actions on a :class:`~desktop.sandbox.app.Sandbox` (thread-safe)."""

    def __init__(self, sandbox: Any) -> None:
        self._sb = sandbox

    @property
    def _store(self) -> Any:
        return self._sb.store

    # -- users and tokens --------------------------------------------------------------------
    def add_user(self, name: str, email: str, *, rate: float = 0.0) -> int:
        """Add a firm user; returns its id."""
        from desktop.sandbox.resources import users

        with self._store.lock:
            return int(users.create_user(self._store, name, email, rate=rate)["id"])

    def set_signin_user(self, user_id: int) -> None:
        """Who is signed in to the browser (approves the consent page, auto-approve included)."""
        with self._store.lock:
            if self._store.get("users", user_id) is None:
                raise KeyError(f"no user {user_id}")
            self._store.meta["signin_user_id"] = user_id

    def default_user_id(self) -> int:
        return int(self._sb.signin_user_id())

    def issue_tokens(self, user_id: int | None = None) -> dict[str, Any]:
        """Tokens for a user as the code exchange would return them, without the browser."""
        uid = self._sb.signin_user_id() if user_id is None else user_id
        with self._store.lock:
            if self._store.get("users", uid) is None:
                raise KeyError(f"no user {uid}")
        return dict(self._sb.oauth.issue(uid))

    def expire_access_token(self, token: str) -> None:
        self._sb.oauth.expire(token)

    def revoke_all_tokens(self) -> None:
        """As if every user disconnected the app in Clio's settings."""
        self._sb.oauth.revoke_all()

    # -- limits and faults ---------------------------------------------------------------------
    def set_rate_limit(self, limit: int, window: float = 60.0) -> None:
        self._sb.limiter.configure(limit, window)

    def set_faults(self, spec: str | None) -> None:
        faults_mod.parse(spec or "")
        self._sb.faults.set(spec)

    def stats(self) -> dict[str, Any]:
        return dict(self._sb.stats.snapshot())

    def reset(self) -> None:
        """Back to a new account: data, tokens, stats, rate-limit windows and faults cleared."""
        with self._store.lock:
            self._store.clear()
            self._sb.seed()
            self._sb.blobs.clear()
        self._sb.stats.reset()
        self._sb.limiter.reset()
        self._sb.faults.set(None)

    # -- records -------------------------------------------------------------------------------
    def create_contact(self, type: str = "Person", **data: Any) -> int:
        """Create a contact with API body attributes (``first_name``, ``email_addresses``...)."""
        from desktop.sandbox.resources import contacts

        with self._store.lock:
            return int(contacts.create_contact(self._store, {"type": type, **data})["id"])

    def update_contact(self, contact_id: int, **data: Any) -> None:
        from desktop.sandbox.resources import contacts

        with self._store.lock:
            rec = self._store.get("contacts", contact_id)
            if rec is None:
                raise KeyError(f"no contact {contact_id}")
            contacts.update_contact(self._store, rec, data)

    def create_custom_field(
        self, name: str, parent_type: str = "Matter", field_type: str = "text_line", **data: Any
    ) -> int:
        from desktop.sandbox.resources import custom_fields

        body = {"name": name, "parent_type": parent_type, "field_type": field_type, **data}
        with self._store.lock:
            return int(custom_fields.create_field(self._store, body)["id"])

    def create_matter(self, client_id: int, description: str, **data: Any) -> int:
        """Create a matter with API body attributes (``status``, ``custom_field_values``...)."""
        from desktop.sandbox.resources import matters

        body = {"client": {"id": client_id}, "description": description, **data}
        with self._store.lock:
            return int(matters.create_matter(self._store, body)["id"])

    def update_matter(self, matter_id: int, **data: Any) -> None:
        from desktop.sandbox.resources import matters

        with self._store.lock:
            rec = self._get("matters", matter_id)
            matters.update_matter(self._store, rec, data)

    def add_related_contact(
        self, matter_id: int, contact_id: int, description: str | None = None
    ) -> int:
        from desktop.sandbox.resources import relationships

        body = {
            "matter": {"id": matter_id},
            "contact": {"id": contact_id},
            "description": description,
        }
        with self._store.lock:
            return int(relationships.create_relationship(self._store, body)["id"])

    def matter_folder_id(self, matter_id: int) -> int:
        from desktop.sandbox.resources import tree

        with self._store.lock:
            return int(tree.matter_folder(self._store, self._get("matters", matter_id))["id"])

    def create_folder(
        self,
        name: str,
        *,
        parent_id: int | None = None,
        matter_id: int | None = None,
        contact_id: int | None = None,
        user_id: int | None = None,
    ) -> int:
        """A folder under a folder (default: the root), a matter's or a contact's folder."""
        from desktop.sandbox.resources import folders, tree

        with self._store.lock:
            if matter_id is not None:
                parent = {"type": "Matter", "id": matter_id}
            elif contact_id is not None:
                parent = {"type": "Contact", "id": contact_id}
            else:
                pid = parent_id if parent_id is not None else tree.root(self._store)["id"]
                parent = {"type": "Folder", "id": pid}
            rec = folders.create_folder(
                self._store, {"name": name, "parent": parent}, self._uid(user_id)
            )
            return int(rec["id"])

    def delete_folder(self, folder_id: int) -> None:
        from desktop.sandbox.resources import folders

        with self._store.lock:
            folders.trash(self._store, self._get("folders", folder_id))

    def upload_document(
        self,
        matter_id: int | None = None,
        name: str = "",
        data: bytes = b"",
        *,
        folder_id: int | None = None,
        contact_id: int | None = None,
        document_id: int | None = None,
        user_id: int | None = None,
        content_type: str | None = None,
        external_properties: list[dict[str, str]] | None = None,
    ) -> int:
        """Upload a file (or, with ``document_id``, a new version) as a Clio user would in the
        web UI: created and fully uploaded at once. Returns the document id."""
        from desktop.sandbox.resources import tree, uploads

        store = self._store
        body: dict[str, Any] = {"name": name}
        if content_type is not None:
            body["content_type"] = content_type
        with store.lock:
            uid = self._uid(user_id)
            if document_id is not None:
                doc = self._get("documents", document_id)
                version = uploads.add_version(
                    store, doc, uploads.version_fields(body, doc["name"]), uid
                )
            else:
                if external_properties is not None:
                    body["external_properties"] = external_properties
                if matter_id is not None:
                    parent = {"type": "Matter", "id": matter_id}
                elif contact_id is not None:
                    parent = {"type": "Contact", "id": contact_id}
                else:
                    parent = {
                        "type": "Folder",
                        "id": folder_id if folder_id is not None else tree.root(store)["id"],
                    }
                _, folder = tree.resolve_parent(store, parent, allow_document=False)
                doc, version = uploads.new_document(store, folder, body, uid)
            self._sb.blobs.put_bytes(version["uuid"], data)
            uploads.commit(self._sb, doc, version)
            return int(doc["id"])

    def update_document(
        self, document_id: int, *, name: str | None = None, folder_id: int | None = None
    ) -> None:
        """Rename or move a document as a Clio user would."""
        with self._store.lock:
            doc = self._get("documents", document_id)
            if name is not None:
                doc["name"] = name
            if folder_id is not None:
                self._get("folders", folder_id)
                doc["parent_id"] = folder_id
            self._store.touch(doc)

    def delete_document(self, document_id: int) -> None:
        """Move a document to the trash."""
        from desktop.sandbox.resources import documents

        with self._store.lock:
            documents.trash_document(self._store, self._get("documents", document_id))

    def lock_document(self, document_id: int, locked: bool = True) -> None:
        with self._store.lock:
            doc = self._get("documents", document_id)
            doc["locked"] = locked
            self._store.touch(doc)

    def document_bytes(self, document_id: int, version_id: int | None = None) -> bytes:
        """The content of a document's latest uploaded version (or of ``version_id``)."""
        from desktop.sandbox.resources import uploads

        with self._store.lock:
            doc = self._get("documents", document_id)
            v = (
                self._get("versions", version_id)
                if version_id is not None
                else uploads.committed(self._store, doc)
            )
            if v is None or v["document_id"] != document_id or not v.get("fully_uploaded"):
                raise KeyError(
                    f"document {document_id} has no uploaded version {version_id or ''}".strip()
                )
            key = v["uuid"]
        return bytes(self._sb.blobs.read(key))

    def create_expense_category(
        self, name: str, rate: float | None = None, entry_type: str = "unassociated"
    ) -> int:
        from desktop.sandbox.resources import activities

        with self._store.lock:
            body = {"name": name, "rate": rate, "entry_type": entry_type}
            return int(activities.create_category(self._store, body)["id"])

    def create_activity(self, user_id: int | None = None, **data: Any) -> int:
        """An activity entered in Clio's UI (API body attributes: ``type``, ``date``...)."""
        from desktop.sandbox.resources import activities

        with self._store.lock:
            return int(activities.create_activity(self._store, data, self._uid(user_id))["id"])

    def mark_activity_billed(self, activity_id: int) -> None:
        """What Clio's billing does when the activity goes on an issued bill."""
        from desktop.sandbox.resources import activities

        with self._store.lock:
            activities.mark_billed(self._store, self._get("activities", activity_id))

    # -- helpers -------------------------------------------------------------------------------
    def _get(self, table: str, rec_id: int) -> Any:
        rec = self._store.get(table, rec_id)
        if rec is None:
            raise KeyError(f"no {table[:-1]} {rec_id}")
        return rec

    def _uid(self, user_id: int | None) -> int:
        uid = self._sb.signin_user_id() if user_id is None else user_id
        self._get("users", uid)
        return int(uid)
