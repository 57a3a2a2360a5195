"""The Clio sandbox: a faithful Clio Manage v4 server on loopback for the demo, tests and
benchmarks. See ``docs/sandbox.md``.

    from desktop.sandbox import Sandbox, SandboxConfig
    with Sandbox(SandboxConfig(auto_approve=True)) as sb:
        sb.base_url, sb.storage_url, sb.admin.issue_tokens()
"""

from __future__ import annotations

from desktop.sandbox.app import Sandbox
from desktop.sandbox.config import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_USER_EMAIL,
    DEFAULT_USER_NAME,
    SandboxConfig,
)

__all__ = [
    "DEFAULT_CLIENT_ID",
    "DEFAULT_CLIENT_SECRET",
    "DEFAULT_USER_EMAIL",
    "DEFAULT_USER_NAME",
    "Sandbox",
    "SandboxConfig",
]
