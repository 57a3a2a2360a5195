"""The Clio sandbox: a faithful Clio Manage v4 server on loopback for the demo, tests and
benchmarks. See ``docs/sandbox.md``.

    from desktop.sandbox import Sandbox, SandboxConfig
    with Sandbox(SandboxConfig(auto_approve=True)) as sb:
        sb.base_url, sb.storage_url, sb.admin.issue_tokens()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.sandbox.config import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_USER_EMAIL,
    DEFAULT_USER_NAME,
    SandboxConfig,
)

if TYPE_CHECKING:
    from desktop.sandbox.app import Sandbox


def __getattr__(name: str) -> Any:
    """``Sandbox`` is imported on first use: the command line reads the defaults above on every
    start, and the server's modules cost ~140 ms to import."""
    if name == "Sandbox":
        from desktop.sandbox.app import Sandbox

        return Sandbox
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_CLIENT_ID",
    "DEFAULT_CLIENT_SECRET",
    "DEFAULT_USER_EMAIL",
    "DEFAULT_USER_NAME",
    "Sandbox",
    "SandboxConfig",
]
