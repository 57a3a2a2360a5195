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
