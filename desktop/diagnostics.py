"""The diagnostics bundle: a zip a user can send to their IT or to support.

It holds the logs (redacted once more on the way in), the settings (no secret is ever in them;
any key that looks like one is removed anyway), a summary of every state database (counts,
open conflicts, problems, recent errors — never document contents), and the versions and OS.
Tokens live in the keychain and are never read here.
"""

from __future__ import annotations

import json
import platform
import sqlite3
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.logsetup import redact
from desktop.paths import AppPaths
from desktop.settings import Settings

SECRET_HINTS = ("secret", "token", "password", "code", "key")
STATE_TABLES = (
    "client_links",
    "matter_links",
    "activity_links",
    "baseline",
    "historical",
    "journal",
    "history",
    "problems",
    "held",
    "clio_records",
)


def _safe_settings(paths: AppPaths) -> dict[str, Any]:
    values = Settings(paths.settings_file).as_dict()
    return {
        k: ("[removed]" if any(h in k.lower() for h in SECRET_HINTS) else v)
        for k, v in values.items()
    }


def _table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    counts = {}
    for table in sorted(names):
        if table.startswith("sqlite_"):
            continue
        counts[table] = int(conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0])
    return counts


def state_summary(paths: AppPaths) -> list[dict[str, Any]]:
    """One entry per state database: its tables' row counts, problems and recent errors."""
    out: list[dict[str, Any]] = []
    for db in sorted((paths.data_dir / "state").glob("*/*.sqlite3")):
        entry: dict[str, Any] = {"database": str(db.relative_to(paths.data_dir))}
        try:
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        except sqlite3.Error as exc:
            entry["error"] = str(exc)
            out.append(entry)
            continue
        try:
            entry["schema_version"] = int(conn.execute("PRAGMA user_version").fetchone()[0])
            entry["rows"] = _table_counts(conn)
            tables = set(entry["rows"])
            if "problems" in tables:
                entry["problems"] = [
                    {
                        "kind": k,
                        "subject": s,
                        "code": c,
                        "message": redact(m),
                        "needs_user": bool(n),
                        "attempts": a,
                    }
                    for k, s, c, m, n, a in conn.execute(
                        "SELECT kind, subject, code, message, needs_user, attempts FROM problems "
                        "ORDER BY last_seen DESC LIMIT 200"
                    )
                ]
            if "history" in tables:
                entry["recent_errors"] = [
                    {"at": at, "kind": kind, "matter_id": m, "message": redact(msg)}
                    for at, kind, m, msg in conn.execute(
                        "SELECT at, kind, matter_id, message FROM history WHERE result = 'error' "
                        "ORDER BY id DESC LIMIT 100"
                    )
                ]
            if "journal" in tables:
                entry["open_intents"] = [
                    {"kind": k, "subject": s, "created_at": c}
                    for k, s, c in conn.execute(
                        "SELECT kind, subject, created_at FROM journal WHERE state = 'open'"
                    )
                ]
        except sqlite3.Error as exc:
            entry["error"] = str(exc)
        finally:
            conn.close()
        out.append(entry)
    return out


def versions() -> dict[str, str]:
    found = {
        "prolegis-desktop": __version__,
        "python": sys.version.split()[0],
        "os": platform.platform(),
        "machine": platform.machine(),
    }
    for name in (
        "PySide6",
        "httpx",
        "authlib",
        "watchdog",
        "keyring",
        "truststore",
        "rapidfuzz",
        "phonenumbers",
        "send2trash",
        "platformdirs",
    ):
        try:
            from importlib.metadata import version

            found[name] = version(name if name != "PySide6" else "PySide6-Essentials")
        except Exception:  # a missing optional package is simply not listed
            continue
    return found


def create_diagnostics(paths: AppPaths, out: Path | None = None) -> Path:
    """Write the zip and return its path (default: the home's data dir, timestamped)."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = out or paths.data_dir / f"prolegis-desktop-diagnostics-{stamp}.zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("README.txt", _readme())
        zf.writestr("versions.json", json.dumps(versions(), indent=2))
        zf.writestr("settings.json", json.dumps(_safe_settings(paths), indent=2))
        zf.writestr("state.json", json.dumps(state_summary(paths), indent=2))
        for log in sorted(paths.log_dir.glob("*.log*")):
            try:
                text = log.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            zf.writestr(f"logs/{log.name}", redact(text))
    return target


def _readme() -> str:
    return (
        "Prolegis Desktop diagnostics\n"
        "============================\n\n"
        "versions.json  the app, Python, the OS and the libraries\n"
        "settings.json  the settings (no secrets are stored there; any secret-like key removed)\n"
        "state.json     per Clio account and workspace: row counts, problems, recent errors\n"
        "logs/          the app's logs, with tokens, codes and secrets replaced by [REDACTED]\n\n"
        "No OAuth token, client secret or document content is included.\n"
    )
