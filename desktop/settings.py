"""The user's settings: a small JSON file in the config directory, read and written atomically.

Secrets never live here: tokens and the firm's Clio app secret are kept in the keyring
(``desktop.clio.tokens``). Keys are typed and documented in :data:`SETTINGS`; unknown keys in the
file are kept (a newer version may have written them) but cannot be set from the command line.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


def _clio_url(value: Any) -> str | None:
    if not value:
        return None
    from desktop.clio.regions import ClioTarget, TargetError

    try:
        ClioTarget.for_url(str(value))
    except TargetError as exc:
        return str(exc)
    return None


def _port(value: Any) -> str | None:
    return None if 1024 <= int(value) <= 65535 else "a port between 1024 and 65535"


def _poll(value: Any) -> str | None:
    return None if 10 <= int(value) <= 86400 else "between 10 and 86400 seconds"


@dataclass(frozen=True)
class SettingSpec:
    key: str
    kind: type
    default: Any
    help: str
    choices: tuple[str, ...] | None = None
    check: Callable[[Any], str | None] | None = None  # None when fine, else what is expected


SETTINGS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec("region", str, "ca", "Clio region", ("ca", "us", "eu", "au")),
        SettingSpec(
            "clio_url",
            str,
            "",
            "Clio base URL instead of a region (the sandbox)",
            check=_clio_url,
        ),
        SettingSpec("client_id", str, "", "the firm's own Clio app id (empty: the built-in app)"),
        SettingSpec("oauth_port", int, 53682, "loopback port of the sign-in redirect", check=_port),
        SettingSpec("workspace", str, "", "the Prolegis folder"),
        SettingSpec("prolegis_username", str, "", "your Prolegis username"),
        SettingSpec(
            "activity_authors",
            str,
            "",
            "Prolegis usernames whose activities this computer pushes (comma-separated, * = all)",
        ),
        SettingSpec(
            "author_map",
            str,
            "",
            "Prolegis author → Clio user, e.g. 'jdoe=jane@firm.ca, mtremblay=42' (email or id)",
        ),
        SettingSpec(
            "poll_interval", int, 60, "seconds between checks for changes in Clio", check=_poll
        ),
        SettingSpec(
            "conflict_policy",
            str,
            "ask",
            "default answer to a version conflict",
            ("ask", "keep_both", "keep_local", "keep_clio"),
        ),
        SettingSpec(
            "language", str, "", "interface language (empty: the system's)", ("", "en", "fr")
        ),
        SettingSpec("autostart", bool, False, "start at login"),
        SettingSpec("paused", bool, False, "syncing is paused"),
    )
}


class SettingsError(ValueError):
    """A setting name or value the app does not accept."""


def parse_value(key: str, raw: str) -> Any:
    """Convert the command-line text ``raw`` to the type of setting ``key``."""
    spec = SETTINGS.get(key)
    if spec is None:
        raise SettingsError(f"unknown setting {key!r}; known: {', '.join(sorted(SETTINGS))}")
    value: Any
    if spec.kind is bool:
        lowered = raw.strip().lower()
        if lowered in ("1", "true", "yes", "on"):
            value = True
        elif lowered in ("0", "false", "no", "off"):
            value = False
        else:
            raise SettingsError(f"{key} takes true or false, not {raw!r}")
    elif spec.kind is int:
        try:
            value = int(raw)
        except ValueError:
            raise SettingsError(f"{key} takes a whole number, not {raw!r}") from None
    else:
        value = raw
    if spec.choices is not None and value not in spec.choices:
        raise SettingsError(f"{key} takes one of {', '.join(c or '(empty)' for c in spec.choices)}")
    problem = spec.check(value) if spec.check is not None else None
    if problem:
        raise SettingsError(f"{key}: {problem}")
    return value


class Settings:
    """Typed access to ``settings.json``. Thread-safe; every :meth:`set` is saved at once."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._values: dict[str, Any] = self._load()

    def _load(self) -> dict[str, Any]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("settings file %s is unreadable (%s); using defaults", self.path, exc)
            return {}
        return raw if isinstance(raw, dict) else {}

    def reload(self) -> None:
        """Read the file again (another process may have changed it)."""
        values = self._load()
        with self._lock:
            self._values = values

    def get(self, key: str) -> Any:
        spec = SETTINGS.get(key)
        with self._lock:
            if key in self._values:
                value = self._values[key]
                if spec is None or isinstance(value, spec.kind):
                    return value
            return spec.default if spec else None

    def set(self, key: str, value: Any) -> None:
        if key not in SETTINGS:
            raise SettingsError(f"unknown setting {key!r}")
        with self._lock:
            self._values[key] = value
            self._save()

    def update(self, values: dict[str, Any]) -> None:
        for key in values:
            if key not in SETTINGS:
                raise SettingsError(f"unknown setting {key!r}")
        with self._lock:
            self._values.update(values)
            self._save()

    def as_dict(self) -> dict[str, Any]:
        return {key: self.get(key) for key in SETTINGS}

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self._values, fh, indent=2, sort_keys=True)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
