"""The sandbox's configuration and its documented defaults (client id/secret, first user)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CLIENT_ID = "prolegis-desktop-sandbox"
DEFAULT_CLIENT_SECRET = "sandbox-secret"
DEFAULT_USER_NAME = "Jane Doe"
DEFAULT_USER_EMAIL = "jane.doe@example-law.ca"
#: Clio's documented peak rate limit: 50 requests per 60-second window per access token.
DEFAULT_RATE_LIMIT = 50
DEFAULT_RATE_WINDOW = 60.0
#: Clio's FAQ: Manage access tokens last 30 days.
DEFAULT_TOKEN_LIFETIME = 30 * 24 * 3600


@dataclass
class SandboxConfig:
    """How to run a sandbox. ``port``/``storage_port`` 0 pick free ports."""

    host: str = "127.0.0.1"
    port: int = 0
    storage_port: int = 0
    data_dir: str | Path | None = None
    auto_approve: bool = False
    client_id: str = DEFAULT_CLIENT_ID
    client_secret: str = DEFAULT_CLIENT_SECRET
    rate_limit: int = DEFAULT_RATE_LIMIT
    rate_window: float = DEFAULT_RATE_WINDOW
    faults: str | None = None
    token_lifetime: int = DEFAULT_TOKEN_LIFETIME

    def validate(self) -> None:
        """ValueError with a clear message for a configuration that cannot run."""
        if self.host != "localhost":
            try:
                ip = ipaddress.ip_address(self.host)
            except ValueError as exc:
                raise ValueError(f"host must be a loopback address, got {self.host!r}") from exc
            if not ip.is_loopback:
                raise ValueError(f"host must be a loopback address, got {self.host!r}")
        for name in ("port", "storage_port"):
            value = getattr(self, name)
            if not 0 <= value <= 65535:
                raise ValueError(f"{name} must be between 0 and 65535, got {value}")
        if self.rate_limit < 1:
            raise ValueError("rate_limit must be at least 1")
        if self.rate_window <= 0:
            raise ValueError("rate_window must be positive")
        if self.token_lifetime < 1:
            raise ValueError("token_lifetime must be at least 1 second")
        if not self.client_id or not self.client_secret:
            raise ValueError("client_id and client_secret must not be empty")
