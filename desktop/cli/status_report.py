"""What ``status`` shows: the engine's read models as one JSON-ready dict, and as text."""

from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Any

from desktop.sync.clock import parse_iso, utcnow
from desktop.sync.engine import Engine
from desktop.sync.last_pass import load_last_pass


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def status_payload(engine: Engine, holder: dict[str, Any] | None) -> dict[str, Any]:
    services = engine.services
    store = services.store
    manifest = engine.ctx.manifest
    error = services.workspace.last_error
    views = engine.matter_views()
    payload: dict[str, Any] = {
        "account": {
            "id": services.account.id,
            "name": services.account.name,
            "email": services.account.email,
            "clio_url": services.base_url,
        },
        "workspace": {
            "path": str(services.workspace.root),
            "error": getattr(error, "message", None) if error else None,
            "matters": len(manifest.matters) if manifest else 0,
            "clients": len(manifest.clients) if manifest else 0,
            "activities": len(manifest.activities) if manifest else 0,
        },
        "running": holder,
        "paused": engine.paused,
        "last_pass": last.as_json() if (last := load_last_pass(store)) else None,
        "summary": _plain(engine.status()),
        "matters": [_plain(v) for v in views],
        "conflicts": [_plain(c) for c in (engine.mirror.conflicts() if engine.mirror else [])],
        "guards": [_plain(g) for part in engine.parts for g in part.guards()],
        "problems": [_plain(p) for p in store.problems.all()],
        "recent_errors": [_plain(e) for e in store.history.recent(200) if e.result == "error"][:20],
    }
    if manifest is not None:
        from desktop.sync.records.status import records_status

        payload.update(records_status(store, manifest, services.settings))
    return payload


def status_text(payload: dict[str, Any]) -> list[str]:
    """The human version of :func:`status_payload`."""
    acc = payload["account"]
    ws = payload["workspace"]
    s = payload["summary"]
    lines = [
        f"Clio:      {acc['name'] or '?'} <{acc['email'] or '?'}> at {acc['clio_url']}",
        f"Prolegis:  {ws['path']} — {ws['matters']} matters, {ws['clients']} clients",
    ]
    if ws["error"]:
        lines.append(f"           ⚠ {ws['error']}")
    running = payload["running"]
    lines.append(
        "Running:   "
        + (f"{running.get('command')} (process {running.get('pid')})" if running else "no")
        + (" — paused" if payload["paused"] else "")
    )
    lines.extend(last_pass_text(payload["last_pass"]))
    lines.append(
        f"Matters:   {s['matters_linked']} of {s['matters_total']} linked; "
        f"{s['pending']} documents pending, {s['conflicts']} conflicts, "
        f"{s['needs_attention']} need attention"
    )
    for v in payload["matters"]:
        if v["state"] not in ("in_sync", "not_synced"):
            lines.append(f"  {v['number']:<12} {v['state']:<13} {v['state_detail']}")
    for g in payload["guards"]:
        lines.append(f"Held:      {g['message']}")
    for c in payload["conflicts"]:
        lines.append(f"Conflict {c['conflict_id']}: {c['matter_label']} / {c['rel_path']}")
    for p in payload["problems"]:
        tag = "needs you" if p["needs_user"] else f"retry {p['attempts']}"
        lines.append(f"Problem:   {p['kind']} {p['subject']} ({tag}): {p['message']}")
    return lines


def last_pass_text(last: dict[str, Any] | None) -> list[str]:
    """"Last sync: …", "Offline since …: <why>", and the last pass's errors."""
    if last is None:
        return ["Last sync: never (no pass has run yet)"]
    lines = [f"Last sync: {when(last['last_sync']) if last['last_sync'] else 'never'}"]
    errors = [r for r in last["reasons"] if r["outcome"] == "error"]
    offline = next((r for r in errors if r["code"] == "network"), None)
    if last["result"] == "offline":
        why = f": {offline['message']}" if offline else ""
        lines.append(f"Offline since {when(last['offline_since'])}{why}")
        lines.append(f"           last tried {when(last['finished_at'])}")
        if offline:
            errors.remove(offline)
    elif last["result"] == "error":
        lines.append(f"Last pass: failed, {when(last['finished_at'])}")
    for r in errors:
        where = f"[{r['matter_id']}] " if r["matter_id"] else ""
        lines.append(f"Error:     {where}{r['message']}")
    hidden = last["reason_count"] - len(last["reasons"])
    if hidden > 0:
        lines.append(f"           … and {hidden} more")
    return lines


def when(stamp: str | None) -> str:
    """A stored UTC time in local time, with how long ago: ``2026-03-04 14:02:07 (5 min ago)``."""
    if not stamp:
        return "?"
    try:
        at = parse_iso(stamp)
    except ValueError:
        return stamp
    seconds = max(0, int((utcnow() - at).total_seconds()))
    if seconds < 60:
        ago = "just now"
    elif seconds < 3600:
        ago = f"{seconds // 60} min ago"
    elif seconds < 86400:
        ago = f"{seconds // 3600} h ago"
    else:
        ago = f"{seconds // 86400} days ago"
    return f"{at.astimezone():%Y-%m-%d %H:%M:%S} ({ago})"
