"""Token sets, the keyring store (and its failure modes), and the sandbox-only home file."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringLocked

from desktop.clio.errors import KeychainLockedError, KeychainUnavailableError
from desktop.clio.regions import ClioTarget
from desktop.clio.tokens import (
    HomeFileTokenStore,
    KeyringTokenStore,
    TokenSet,
    token_store_for,
)
from desktop.logsetup import redact

CA = ClioTarget.for_region("ca")
US = ClioTarget.for_region("us")
SANDBOX = ClioTarget.for_url("http://127.0.0.1:53100")


def tokens(access: str = "access-AAAA", refresh: str | None = "refresh-RRRR") -> TokenSet:
    return TokenSet(access, refresh, expires_at=2_000_000_000.0)


def test_token_response_keeps_old_refresh_token_when_none_returned() -> None:
    t = TokenSet.from_token_response({"access_token": "new-access-1", "expires_in": 3600},
                                     previous_refresh_token="old-refresh-1", now=1000.0)
    assert t.refresh_token == "old-refresh-1"
    assert t.expires_at == 4600.0
    t2 = TokenSet.from_token_response({"access_token": "a2-xxxxx", "refresh_token": "r2-xxxxx"},
                                      previous_refresh_token="old-refresh-1")
    assert t2.refresh_token == "r2-xxxxx" and t2.expires_at is None


def test_token_response_without_access_token_is_refused() -> None:
    with pytest.raises(ValueError):
        TokenSet.from_token_response({"refresh_token": "x"})


def test_needs_refresh_a_few_minutes_early() -> None:
    t = TokenSet("a-xxxxxx", "r-xxxxxx", expires_at=10_000.0)
    assert not t.needs_refresh(300, now=9_600.0)
    assert t.needs_refresh(300, now=9_700.0)
    assert not TokenSet("a-xxxxxx").needs_refresh()


def test_json_round_trip_and_secrets_hidden() -> None:
    t = TokenSet.from_token_response({"access_token": "AT-secret-123", "refresh_token":
                                      "RT-secret-456", "expires_in": 60})
    assert TokenSet.from_json(t.to_json()) == t
    assert "AT-secret-123" not in repr(t) and "RT-secret-456" not in repr(t)
    assert "AT-secret-123" not in redact("token AT-secret-123 leaked")


def test_keyring_store_keys_by_target_and_account() -> None:
    store = KeyringTokenStore()
    store.save(CA, "42", tokens("ca-access-42"))
    store.save(US, "42", tokens("us-access-42"))
    store.save(CA, "7", tokens("ca-access-7"))
    assert store.load(CA, "42").access_token == "ca-access-42"  # type: ignore[union-attr]
    assert store.load(US, "42").access_token == "us-access-42"  # type: ignore[union-attr]
    assert store.load(CA, "7").access_token == "ca-access-7"  # type: ignore[union-attr]
    assert store.load(US, "7") is None
    store.delete(CA, "42")
    assert store.load(CA, "42") is None
    store.delete(CA, "42")  # deleting twice is fine


def test_keyring_store_current_account_and_app_secret() -> None:
    store = KeyringTokenStore()
    assert store.current_account(CA) is None
    store.set_current_account(CA, "42")
    assert store.current_account(CA) == "42" and store.current_account(US) is None
    store.set_current_account(CA, None)
    assert store.current_account(CA) is None
    store.save_client_secret(CA, "app-1", "shh-secret")
    assert store.load_client_secret(CA, "app-1") == "shh-secret"
    assert store.load_client_secret(US, "app-1") is None


def test_no_keyring_is_a_clear_error() -> None:
    store = KeyringTokenStore(backend=fail.Keyring())
    with pytest.raises(KeychainUnavailableError) as info:
        store.load(CA, "1")
    assert "GNOME Keyring" in info.value.user_message
    with pytest.raises(KeychainUnavailableError):
        store.save(CA, "1", tokens())


def test_null_keyring_is_refused_rather_than_losing_tokens() -> None:
    with pytest.raises(KeychainUnavailableError):
        KeyringTokenStore(backend=null.Keyring()).save(CA, "1", tokens())


class LockedKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("locked")


class ForgetfulKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        pass

    def delete_password(self, service: str, username: str) -> None:
        pass


def test_locked_keyring_is_a_clear_error() -> None:
    store = KeyringTokenStore(backend=LockedKeyring())
    with pytest.raises(KeychainLockedError) as info:
        store.load(CA, "1")
    assert "Unlock" in info.value.user_message


def test_a_keyring_that_drops_secrets_is_detected() -> None:
    with pytest.raises(KeychainUnavailableError):
        KeyringTokenStore(backend=ForgetfulKeyring()).save(CA, "1", tokens())


def test_home_file_is_private_and_for_loopback_only(tmp_path: Path) -> None:
    path = tmp_path / "data" / "sandbox-tokens.json"
    store = HomeFileTokenStore(path)
    store.save(SANDBOX, "1", tokens("sandbox-access"))
    store.set_current_account(SANDBOX, "1")
    assert HomeFileTokenStore(path).load(SANDBOX, "1").access_token == "sandbox-access"  # type: ignore[union-attr]
    assert HomeFileTokenStore(path).current_account(SANDBOX) == "1"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with pytest.raises(ValueError, match="keychain"):
        store.save(CA, "1", tokens())
    store.delete(SANDBOX, "1")
    assert store.load(SANDBOX, "1") is None
    assert "sandbox-access" not in path.read_text()


def test_corrupt_home_file_reads_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text("{not json")
    assert HomeFileTokenStore(path).load(SANDBOX, "1") is None
    path.write_text(json.dumps({"clio-tokens|http://127.0.0.1:53100|1": "garbage"}))
    assert HomeFileTokenStore(path).load(SANDBOX, "1") is None


def test_store_choice(tmp_path: Path) -> None:
    assert isinstance(token_store_for(SANDBOX, tmp_path), HomeFileTokenStore)
    assert isinstance(token_store_for(CA, tmp_path), KeyringTokenStore)
