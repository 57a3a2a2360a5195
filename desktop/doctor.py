"""``prolegis-desktop doctor``: check what the app depends on and say what to fix.

Each check returns a :class:`Check`: ok, a warning, or a failure, with one line of detail and,
when something is wrong, one line saying what to do. Nothing here changes anything.
"""

from __future__ import annotations

import email.utils
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from desktop.clio.connect import open_client, target_from_settings
from desktop.clio.errors import ClioError
from desktop.clio.httpclient import make_http_client, ssl_context
from desktop.paths import AppPaths
from desktop.prolegis.manifest import ManifestError, parse_manifest
from desktop.settings import Settings

OK, WARN, FAIL = "ok", "warning", "failed"
CLOCK_SKEW_WARN = 60.0  # seconds


@dataclass(frozen=True)
class Check:
    name: str
    status: str  # ok | warning | failed
    detail: str
    fix: str = ""


def check_keychain(settings: Settings) -> Check:
    import keyring
    from keyring.errors import KeyringError, KeyringLocked

    target = target_from_settings(settings)
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    usable = getattr(backend, "priority", 0) > 0 and "fail" not in name.lower()
    if not usable:
        status = WARN if target.is_loopback else FAIL
        return Check(
            "keychain",
            status,
            f"no usable keychain ({name})",
            "Install and unlock the desktop's keychain (GNOME Keyring or KWallet on "
            "Linux), or configure one for the 'keyring' package. Clio sign-in tokens "
            "are only ever kept there.",
        )
    try:
        keyring.set_password("prolegis-desktop/doctor", "probe", "ok")
        value = keyring.get_password("prolegis-desktop/doctor", "probe")
        keyring.delete_password("prolegis-desktop/doctor", "probe")
    except KeyringLocked:
        return Check(
            "keychain",
            FAIL,
            f"{name} is locked",
            "Unlock your keychain (log in to the desktop session), then try again.",
        )
    except KeyringError as exc:
        return Check(
            "keychain",
            FAIL,
            f"{name} refused a test entry: {exc}",
            "Check that the keychain service is running and unlocked.",
        )
    if value != "ok":
        return Check(
            "keychain",
            FAIL,
            f"{name} did not return the test entry",
            "The keychain is not keeping entries; check its configuration.",
        )
    return Check("keychain", OK, f"{name} works")


def check_folder(settings: Settings) -> Check:
    configured = str(settings.get("workspace") or "")
    if not configured:
        return Check(
            "folder",
            FAIL,
            "no Prolegis folder is set",
            "Choose it in the app's connection wizard or: "
            "prolegis-desktop config set workspace DIR",
        )
    root = Path(configured).expanduser()
    manifest = root / "prolegis.json"
    if not root.is_dir():
        return Check(
            "folder",
            FAIL,
            f"{root} does not exist or is not reachable",
            "Reconnect the drive or network share, or choose the folder again.",
        )
    try:
        parsed = parse_manifest(manifest.read_bytes())
    except FileNotFoundError:
        return Check(
            "folder",
            FAIL,
            f"{manifest} is missing",
            "Make sure this is the Prolegis folder (it holds prolegis.json).",
        )
    except ManifestError as exc:
        return Check(
            "folder",
            FAIL,
            f"prolegis.json: {exc.message} (at {exc.json_path})",
            "Export the workspace again from Prolegis.",
        )
    try:
        with tempfile.NamedTemporaryFile(dir=root, prefix=".prolegis-doctor-"):
            pass
    except OSError as exc:
        return Check(
            "folder",
            FAIL,
            f"cannot write in {root}: {exc.strerror}",
            "Give your account write access to the Prolegis folder.",
        )
    return Check(
        "folder", OK, f"{root}: {len(parsed.matters)} matters, {len(parsed.clients)} clients"
    )


def check_watch_limit(settings: Settings) -> Check:
    limit_file = Path("/proc/sys/fs/inotify/max_user_watches")
    if not sys.platform.startswith("linux") or not limit_file.exists():
        return Check("watch limit", OK, "not limited on this system")
    limit = int(limit_file.read_text().strip() or 0)
    root = Path(str(settings.get("workspace") or ""))
    folders = sum(1 for _ in os.walk(root)) if root.is_dir() and str(root) != "." else 0
    if folders and folders > 0.8 * limit:
        return Check(
            "watch limit",
            WARN,
            f"{folders:,} folders to watch, the system allows {limit:,}",
            f"Raise it: sudo sysctl fs.inotify.max_user_watches={max(524288, folders * 2)}"
            " (and add it to /etc/sysctl.d/ to keep it). Until then changes are found "
            "by the rescan every 10 minutes.",
        )
    return Check("watch limit", OK, f"{folders:,} folders, limit {limit:,}")


def check_certificates() -> Check:
    try:
        ssl_context()
    except Exception as exc:  # any failure here means TLS cannot work
        return Check(
            "certificates",
            FAIL,
            f"the system certificate store is unusable: {exc}",
            "Repair the OS certificate store (ca-certificates) or ask IT.",
        )
    return Check("certificates", OK, "the system certificate store is used (truststore)")


def check_connection_and_clock(paths: AppPaths, settings: Settings) -> list[Check]:
    target = target_from_settings(settings)
    checks: list[Check] = []
    try:
        with make_http_client(timeout=15.0) as http:
            started = time.time()
            response = http.get(f"{target.api_base}/users/who_am_i.json")
            elapsed = time.time() - started
    except httpx.HTTPError as exc:
        proxy = os.environ.get("HTTPS_PROXY") or os.environ.get("https_proxy")
        hint = f" (through the proxy {proxy})" if proxy else ""
        return [
            Check(
                "connection",
                FAIL,
                f"cannot reach {target.base_url}{hint}: {exc}",
                "Check the network, the proxy settings (HTTPS_PROXY) and the firewall.",
            )
        ]
    date = response.headers.get("Date")
    if date:
        skew = email.utils.parsedate_to_datetime(date).timestamp() - (started + elapsed / 2)
        if abs(skew) > CLOCK_SKEW_WARN:
            checks.append(
                Check(
                    "clock",
                    WARN,
                    f"this computer's clock is {skew:+.0f} s off Clio's",
                    "Turn on automatic time (NTP) in the OS settings.",
                )
            )
        else:
            checks.append(Check("clock", OK, f"within {abs(skew):.0f} s of Clio's"))
    try:
        with open_client(paths, settings) as clio, clio.interactive():
            user = clio.who_am_i()
    except ClioError as exc:
        checks.insert(
            0,
            Check(
                "connection",
                FAIL,
                f"{target.label}: {exc.user_message}",
                "Sign in again: prolegis-desktop login",
            ),
        )
        return checks
    checks.insert(
        0,
        Check(
            "connection",
            OK,
            f"signed in to {target.label} as {user.name} <{user.email}> ({elapsed * 1000:.0f} ms)",
        ),
    )
    return checks


def run_checks(paths: AppPaths) -> list[Check]:
    settings = Settings(paths.settings_file)
    checks: list[Check] = []
    simple: list[Callable[[], Check]] = [
        lambda: check_keychain(settings),
        lambda: check_folder(settings),
        lambda: check_watch_limit(settings),
        check_certificates,
    ]
    for run in simple:
        checks.append(run())
    checks.extend(check_connection_and_clock(paths, settings))
    return checks
