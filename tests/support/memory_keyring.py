"""An in-memory keyring backend for tests.

Selected with ``PYTHON_KEYRING_BACKEND=tests.support.memory_keyring.MemoryKeyring``.
"""

from __future__ import annotations

import threading
from typing import ClassVar

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Stores secrets in a process-wide dict; :meth:`clear` empties it between tests."""

    priority = 1  # type: ignore[assignment]
    _store: ClassVar[dict[tuple[str, str], str]] = {}
    _lock = threading.Lock()

    def get_password(self, service: str, username: str) -> str | None:
        with self._lock:
            return self._store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        with self._lock:
            self._store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        with self._lock:
            if (service, username) not in self._store:
                raise PasswordDeleteError("no such password")
            del self._store[(service, username)]

    @classmethod
    def clear(cls) -> None:
        with cls._lock:
            cls._store.clear()
