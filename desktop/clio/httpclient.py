"""The HTTP clients the Clio client uses: OS certificate store, proxy variables, a sane
``User-Agent``, no automatic redirects, and loopback never sent through a proxy."""

from __future__ import annotations

import platform
import ssl

import httpx
import truststore

from desktop import __version__

API_VERSION = "4.0.13"
"""The Clio Manage minor version this client is written and tested against (X-API-VERSION)."""


def user_agent() -> str:
    """``prolegis-desktop/<version> (<OS>; Python <x.y.z>; httpx <v>)``."""
    return (
        f"prolegis-desktop/{__version__} ({platform.system() or 'unknown'}; "
        f"Python {platform.python_version()}; httpx {httpx.__version__})"
    )


def ssl_context() -> ssl.SSLContext:
    """TLS verification with the operating system's trust store (office TLS inspection works)."""
    return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


DEFAULT_TIMEOUT = httpx.Timeout(connect=15.0, read=60.0, write=60.0, pool=60.0)

# Proxy variables are honoured, but a Clio on this computer is always reached directly.
_LOOPBACK_DIRECT: dict[str, httpx.BaseTransport | None] = {
    "all://127.0.0.1": None,
    "all://localhost": None,
    "all://[::1]": None,
}


def make_http_client(
    *,
    timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
    max_connections: int = 10,
    transport: httpx.BaseTransport | None = None,
) -> httpx.Client:
    """A configured :class:`httpx.Client` (``trust_env=True``, truststore, no redirects)."""
    return httpx.Client(
        verify=ssl_context(),
        trust_env=True,
        timeout=timeout,
        follow_redirects=False,
        headers={"User-Agent": user_agent()},
        limits=httpx.Limits(max_connections=max_connections,
                            max_keepalive_connections=max_connections),
        mounts=dict(_LOOPBACK_DIRECT),
        transport=transport,
    )
