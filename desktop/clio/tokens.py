"""Where Clio tokens (and the firm's Clio app secret) are kept.

Real Clio tokens live only in a keyring backend — the OS keychain or a backend the user chose in
keyring's own configuration. A missing, disabled or locked keychain is a clear error
(:class:`KeychainUnavailableError`, :class:`KeychainLockedError`), never a plaintext fallback.
Tokens for a loopback base URL (the sandbox) open nothing outside this machine and may be kept
in a private file in the app's home (:class:`HomeFileTokenStore`); :func:`token_store_for` picks.

Entries are keyed by the target's base URL and the Clio account (the user id), and each target
remembers which account signed in last (``current_account``).
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

from desktop.clio.errors import (
    KeychainError,
    KeychainLockedError,
    KeychainUnavailableError,
)
from desktop.clio.regions import ClioTarget
from desktop.logsetup import register_secret

KEYRING_SERVICE = "prolegis-desktop"
SANDBOX_TOKEN_FILE = "sandbox-tokens.json"


@dataclass(frozen=True)
class TokenSet:
    """An access token, its refresh token and when it expires (epoch seconds, None = unknown)."""

    access_token: str = field(repr=False)
    refresh_token: str | None = field(default=None, repr=False)
    expires_at: float | None = None
    token_type: str = "bearer"

    def expires_in(self, now: float | None = None) -> float | None:
        if self.expires_at is None:
            return None
        return self.expires_at - (time.time() if now is None else now)

    def needs_refresh(self, leeway: float = 300.0, now: float | None = None) -> bool:
        """True when the access token expires within ``leeway`` seconds."""
        left = self.expires_in(now)
        return left is not None and left <= leeway

    @classmethod
    def from_token_response(
        cls, payload: Mapping[str, Any], *, previous_refresh_token: str | None = None,
        now: float | None = None,
    ) -> TokenSet:
        """Build from Clio's ``/oauth/token`` JSON. A response without ``refresh_token`` keeps
        ``previous_refresh_token`` (Clio's Manage refresh tokens are reusable)."""
        access = payload.get("access_token")
        if not isinstance(access, str) or not access:
            raise ValueError("token response has no access_token")
        refresh = payload.get("refresh_token")
        if not isinstance(refresh, str) or not refresh:
            refresh = previous_refresh_token
        expires_at = None
        raw_exp = payload.get("expires_in")
        if isinstance(raw_exp, int | float | str):
            try:
                expires_at = (time.time() if now is None else now) + float(raw_exp)
            except ValueError:
                expires_at = None
        token_type = str(payload.get("token_type") or "bearer")
        tokens = cls(access, refresh, expires_at, token_type)
        tokens.register_secrets()
        return tokens

    def register_secrets(self) -> None:
        """Tell the log redactor about both tokens."""
        register_secret(self.access_token)
        register_secret(self.refresh_token)

    def to_json(self) -> str:
        return json.dumps({
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "expires_at": self.expires_at,
            "token_type": self.token_type,
        })

    @classmethod
    def from_json(cls, raw: str) -> TokenSet:
        doc = json.loads(raw)
        if not isinstance(doc, dict) or not isinstance(doc.get("access_token"), str):
            raise ValueError("stored tokens are not readable")
        exp = doc.get("expires_at")
        tokens = cls(
            access_token=doc["access_token"],
            refresh_token=doc.get("refresh_token") if isinstance(doc.get("refresh_token"), str)
            else None,
            expires_at=float(exp) if isinstance(exp, int | float) else None,
            token_type=str(doc.get("token_type") or "bearer"),
        )
        tokens.register_secrets()
        return tokens


class TokenStore(Protocol):
    """Keeps tokens per (target, account), the current account per target, and app secrets."""

    def load(self, target: ClioTarget, account: str) -> TokenSet | None: ...
    def save(self, target: ClioTarget, account: str, tokens: TokenSet) -> None: ...
    def delete(self, target: ClioTarget, account: str) -> None: ...
    def current_account(self, target: ClioTarget) -> str | None: ...
    def set_current_account(self, target: ClioTarget, account: str | None) -> None: ...
    def load_client_secret(self, target: ClioTarget, client_id: str) -> str | None: ...
    def save_client_secret(self, target: ClioTarget, client_id: str, secret: str) -> None: ...


def _token_key(target: ClioTarget, account: str) -> str:
    return f"clio-tokens|{target.key}|{account}"


def _account_key(target: ClioTarget) -> str:
    return f"clio-account|{target.key}"


def _secret_key(target: ClioTarget, client_id: str) -> str:
    return f"clio-app-secret|{target.key}|{client_id}"


# ---------------------------------------------------------------- keyring


@contextmanager
def _keychain_errors() -> Iterator[None]:
    """Turn keyring's exceptions into the client's actionable ones."""
    try:
        yield
    except keyring.errors.KeyringLocked as exc:
        raise KeychainLockedError(f"keychain locked: {type(exc).__name__}") from exc
    except (keyring.errors.NoKeyringError, keyring.errors.InitError) as exc:
        raise KeychainUnavailableError(f"no usable keychain: {exc}") from exc
    except keyring.errors.KeyringError as exc:
        raise KeychainError(f"keychain error: {type(exc).__name__}: {exc}") from exc


class KeyringTokenStore:
    """The production store: everything in a keyring backend (the OS keychain by default)."""

    def __init__(self, backend: KeyringBackend | None = None,
                 service: str = KEYRING_SERVICE) -> None:
        self._backend = backend
        self._service = service

    def _kr(self) -> KeyringBackend:
        backend = self._backend or keyring.get_keyring()
        mod = type(backend).__module__
        if mod in ("keyring.backends.fail", "keyring.backends.null"):
            raise KeychainUnavailableError(f"keyring backend {mod} cannot keep secrets")
        if mod == "keyring.backends.chainer" and not getattr(backend, "backends", None):
            raise KeychainUnavailableError("keyring found no backend to chain")
        return backend

    def _get(self, key: str) -> str | None:
        with _keychain_errors():
            value = self._kr().get_password(self._service, key)
        return value if isinstance(value, str) else None

    def _set(self, key: str, value: str) -> None:
        with _keychain_errors():
            kr = self._kr()
            kr.set_password(self._service, key, value)
            # Some backends accept and drop a secret silently; never pretend it was kept.
            if kr.get_password(self._service, key) != value:
                raise KeychainUnavailableError("keychain did not keep the secret")

    def _delete(self, key: str) -> None:
        with _keychain_errors(), suppress(keyring.errors.PasswordDeleteError):
            self._kr().delete_password(self._service, key)

    def load(self, target: ClioTarget, account: str) -> TokenSet | None:
        raw = self._get(_token_key(target, account))
        if raw is None:
            return None
        try:
            return TokenSet.from_json(raw)
        except ValueError:
            return None

    def save(self, target: ClioTarget, account: str, tokens: TokenSet) -> None:
        self._set(_token_key(target, account), tokens.to_json())

    def delete(self, target: ClioTarget, account: str) -> None:
        self._delete(_token_key(target, account))

    def current_account(self, target: ClioTarget) -> str | None:
        return self._get(_account_key(target))

    def set_current_account(self, target: ClioTarget, account: str | None) -> None:
        if account is None:
            self._delete(_account_key(target))
        else:
            self._set(_account_key(target), account)

    def load_client_secret(self, target: ClioTarget, client_id: str) -> str | None:
        secret = self._get(_secret_key(target, client_id))
        register_secret(secret)
        return secret

    def save_client_secret(self, target: ClioTarget, client_id: str, secret: str) -> None:
        register_secret(secret)
        self._set(_secret_key(target, client_id), secret)


# ---------------------------------------------------------------- home file (sandbox only)


class HomeFileTokenStore:
    """A private JSON file (mode 0600) for **loopback targets only** (the sandbox)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    @staticmethod
    def _check(target: ClioTarget) -> None:
        if not target.is_loopback:
            raise ValueError(f"tokens for {target.base_url} must be kept in the keychain")

    def _read(self) -> dict[str, str]:
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            return {}
        return {k: v for k, v in doc.items() if isinstance(v, str)} if isinstance(doc, dict) else {}

    def _update(self, change: Callable[[dict[str, str]], None]) -> None:
        with self._lock:
            doc = self._read()
            change(doc)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tokens-", dir=self.path.parent)
            try:
                os.chmod(tmp, 0o600)
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(doc, fh, indent=1, sort_keys=True)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise

    def _get(self, key: str) -> str | None:
        with self._lock:
            return self._read().get(key)

    def _put(self, key: str, value: str | None) -> None:
        def change(doc: dict[str, str]) -> None:
            if value is None:
                doc.pop(key, None)
            else:
                doc[key] = value
        self._update(change)

    def load(self, target: ClioTarget, account: str) -> TokenSet | None:
        self._check(target)
        raw = self._get(_token_key(target, account))
        if raw is None:
            return None
        try:
            return TokenSet.from_json(raw)
        except ValueError:
            return None

    def save(self, target: ClioTarget, account: str, tokens: TokenSet) -> None:
        self._check(target)
        self._put(_token_key(target, account), tokens.to_json())

    def delete(self, target: ClioTarget, account: str) -> None:
        self._check(target)
        self._put(_token_key(target, account), None)

    def current_account(self, target: ClioTarget) -> str | None:
        self._check(target)
        return self._get(_account_key(target))

    def set_current_account(self, target: ClioTarget, account: str | None) -> None:
        self._check(target)
        self._put(_account_key(target), account)

    def load_client_secret(self, target: ClioTarget, client_id: str) -> str | None:
        self._check(target)
        return self._get(_secret_key(target, client_id))

    def save_client_secret(self, target: ClioTarget, client_id: str, secret: str) -> None:
        self._check(target)
        self._put(_secret_key(target, client_id), secret)


def token_store_for(target: ClioTarget, data_dir: Path) -> TokenStore:
    """The home file under ``data_dir`` for a loopback target, the keyring for anything else."""
    if target.is_loopback:
        return HomeFileTokenStore(data_dir / SANDBOX_TOKEN_FILE)
    return KeyringTokenStore()
