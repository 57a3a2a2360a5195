"""Where a Clio account lives: the four regions, or an explicit base URL (the sandbox).

A :class:`ClioTarget` is the one value the rest of the client needs to build URLs: the API base
(``…/api/v4``), the OAuth endpoints, a stable key for token storage and a label for people.
Plain ``http://`` is accepted only for loopback hosts (the sandbox on this machine); anything
else must be ``https://`` so a token never crosses a network in clear text.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit, urlunsplit


class Region(StrEnum):
    """A Clio Manage region. Data, apps and tokens never cross regions."""

    CA = "ca"
    US = "us"
    EU = "eu"
    AU = "au"

    @property
    def host(self) -> str:
        return _REGION_HOSTS[self]

    @property
    def base_url(self) -> str:
        return f"https://{self.host}"

    @property
    def label(self) -> str:
        return _REGION_LABELS[self]


_REGION_HOSTS = {
    Region.US: "app.clio.com",
    Region.CA: "ca.app.clio.com",
    Region.EU: "eu.app.clio.com",
    Region.AU: "au.app.clio.com",
}
_REGION_LABELS = {
    Region.US: "United States",
    Region.CA: "Canada",
    Region.EU: "Europe",
    Region.AU: "Australia",
}
DEFAULT_REGION = Region.CA


class TargetError(ValueError):
    """A region name or base URL the client cannot use; the message says why."""


def is_loopback_host(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ``::1`` (the only hosts allowed over http)."""
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


@dataclass(frozen=True)
class ClioTarget:
    """One Clio installation: a region's host or an explicit base URL (no ``/api/v4``)."""

    base_url: str
    region: Region | None = None

    @classmethod
    def for_region(cls, region: Region | str) -> ClioTarget:
        """The target of a region given as a :class:`Region` or its code (``ca``, ``us``…)."""
        try:
            r = region if isinstance(region, Region) else Region(str(region).strip().lower())
        except ValueError:
            names = ", ".join(x.value for x in Region)
            raise TargetError(f"unknown Clio region {region!r}; use one of {names}") from None
        return cls(base_url=r.base_url, region=r)

    @classmethod
    def for_url(cls, url: str) -> ClioTarget:
        """A target for an explicit base URL such as ``http://127.0.0.1:53100``.

        A trailing ``/`` or ``/api/v4`` is dropped. ``http://`` is refused unless the host is a
        loopback address. A URL that is a region's host becomes that region.
        """
        raw = url.strip()
        parts = urlsplit(raw)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise TargetError(f"{url!r} is not a web address (expected https://host[:port])")
        if parts.query or parts.fragment or parts.username or parts.password:
            raise TargetError(f"{url!r} must be a plain base URL without query or credentials")
        if parts.scheme == "http" and not is_loopback_host(parts.hostname):
            raise TargetError(
                f"{url!r} uses plain http; only a Clio on this computer (127.0.0.1 or localhost) "
                "may be reached without https"
            )
        path = parts.path.rstrip("/")
        if path.endswith("/api/v4"):
            path = path[: -len("/api/v4")]
        base = urlunsplit((parts.scheme, parts.netloc.lower(), path, "", ""))
        for region in Region:
            if base == region.base_url:
                return cls(base_url=base, region=region)
        return cls(base_url=base, region=None)

    @classmethod
    def resolve(cls, region: str | None = None, clio_url: str | None = None) -> ClioTarget:
        """``clio_url`` if given, else ``region``, else the default region (Canada)."""
        if clio_url:
            return cls.for_url(clio_url)
        return cls.for_region(region or DEFAULT_REGION)

    @property
    def api_base(self) -> str:
        return f"{self.base_url}/api/v4"

    @property
    def authorize_url(self) -> str:
        return f"{self.base_url}/oauth/authorize"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/oauth/token"

    @property
    def deauthorize_url(self) -> str:
        return f"{self.base_url}/oauth/deauthorize"

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    @property
    def is_loopback(self) -> bool:
        """True when the target is on this machine (the sandbox)."""
        return is_loopback_host(self.host)

    @property
    def key(self) -> str:
        """A stable identifier for storage: the base URL."""
        return self.base_url

    @property
    def label(self) -> str:
        """For people: ``Clio Canada (ca.app.clio.com)`` or the base URL."""
        if self.region is not None:
            return f"Clio {self.region.label} ({self.region.host})"
        return self.base_url

    def same_origin(self, url: str) -> bool:
        """True when ``url`` points at this target's scheme, host and port."""
        a, b = urlsplit(self.base_url), urlsplit(url)
        return (a.scheme, a.hostname, a.port) == (b.scheme.lower(), b.hostname, b.port)
