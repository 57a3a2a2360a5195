"""What the connection wizard's pages share: the settings, the sign-in service, the keychain's
answers (asked off the GUI thread), the browser opener, the demo's sandbox, and what has been
decided so far (target, app, who signed in)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from desktop.clio.regions import ClioTarget
from desktop.clio.regions import Region as ClioRegion
from desktop.clio.signin import DEFAULT_TIMEOUT
from desktop.clio.tokens import TokenStore
from desktop.settings import Settings
from desktop.ui.i18n import TranslationContext
from desktop.ui.wizards.connection.keychain import KeychainAnswers
from desktop.ui.wizards.connection.signin import SignedIn, SignInService

Opener = Callable[[str], bool]
StoreFor = Callable[[ClioTarget], TokenStore]

SANDBOX_KEY = "sandbox"
REGION_KEYS = ("ca", "us", "eu", "au")


def open_in_browser(url: str) -> bool:
    """The default opener: the system's web browser."""
    return QDesktopServices.openUrl(QUrl(url))


class Region(TranslationContext):
    """The translation context of the regions' names (``Region.tr``)."""


def region_label(key: str) -> str:
    return {
        "ca": Region.tr("Canada"),
        "us": Region.tr("United States"),
        "eu": Region.tr("Europe"),
        "au": Region.tr("Australia"),
        SANDBOX_KEY: Region.tr("Clio sandbox (demo)"),
    }[key]


def target_label(target: ClioTarget, sandbox_url: str = "") -> str:
    """``Clio Canada (ca.app.clio.com)`` or ``Clio sandbox (demo) — http://127.0.0.1:…``."""
    if target.region is not None:
        return Region.tr("Clio {region} ({host})").format(
            region=region_label(target.region.value), host=target.region.host
        )
    if sandbox_url and target.base_url == ClioTarget.for_url(sandbox_url).base_url:
        return Region.tr("Clio sandbox (demo) — {url}").format(url=target.base_url)
    return target.base_url


@dataclass
class WizardContext:
    """Inputs of the wizard (injectable for tests) and its state."""

    settings: Settings
    service: SignInService
    store_for: StoreFor
    keychain: KeychainAnswers
    opener: Opener = open_in_browser
    sandbox_url: str = ""
    timeout: float = DEFAULT_TIMEOUT
    # state, filled in as the user goes
    region_key: str = "ca"
    use_own_app: bool = False
    client_id: str = ""
    client_secret: str = field(default="", repr=False)
    port: int = 0
    signed_in: SignedIn | None = None

    def __post_init__(self) -> None:
        self.port = int(self.settings.get("oauth_port"))
        self.client_id = str(self.settings.get("client_id") or "")
        self.use_own_app = bool(self.client_id)
        clio_url = str(self.settings.get("clio_url") or "")
        if self.sandbox_url and (not clio_url or clio_url == self.sandbox_url):
            self.region_key = SANDBOX_KEY
        else:
            self.region_key = str(self.settings.get("region") or "ca")

    @property
    def region_keys(self) -> tuple[str, ...]:
        return (*REGION_KEYS, SANDBOX_KEY) if self.sandbox_url else REGION_KEYS

    def target(self, key: str | None = None) -> ClioTarget:
        key = key or self.region_key
        if key == SANDBOX_KEY:
            return ClioTarget.for_url(self.sandbox_url)
        return ClioTarget.for_region(ClioRegion(key))

    def app_available(self, target: ClioTarget | None = None) -> bool | None:
        """Whether a Clio app is known for ``target`` without asking the user (built-in,
        configured with a stored secret, or the sandbox's); ``None`` while the keychain is
        asked (``keychain.answered`` follows)."""
        return self.keychain.app_available(target or self.target())

    def secret_stored(self, client_id: str, target: ClioTarget | None = None) -> bool | None:
        """Whether the app's secret is stored; ``None`` while the keychain is asked."""
        return self.keychain.secret_stored(target or self.target(), client_id)

    def known_secret(self, client_id: str, target: ClioTarget | None = None) -> bool | None:
        """What is known about the app's secret, without asking (``None``: not yet)."""
        return self.keychain.known_secret(target or self.target(), client_id)

    def target_label(self, target: ClioTarget | None = None) -> str:
        return target_label(target or self.target(), self.sandbox_url)

    def save_connection(self) -> None:
        """After a sign-in worked: remember where, with which app and port (not the secret)."""
        values: dict[str, object] = {
            "oauth_port": self.port,
            "client_id": self.client_id if self.use_own_app else "",
        }
        if self.region_key == SANDBOX_KEY:
            values["clio_url"] = self.sandbox_url
        else:
            values["region"] = self.region_key
            values["clio_url"] = ""
        self.settings.update(values)
