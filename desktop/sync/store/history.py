"""What happened, for the activity log: uploads, downloads, creations, pushes, errors.

Each line keeps its English text (``message``, ``detail``: what support, ``status`` and the
command line read) and, when the engine wrote it as a :class:`~desktop.sync.messages.Message`,
its template and parameters too, so the GUI can show it in the user's language."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from desktop.sync.clock import iso
from desktop.sync.messages import Message, Params, template_of, text_of
from desktop.sync.store.db import Database


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: str
    kind: str  # e.g. "upload", "download", "matter_created", "time_entry", "error"
    result: str  # "ok" | "warning" | "error" | "info"
    matter_id: str
    subject: str
    message: str
    detail: str
    template: str = ""  # "" when the line was written as plain text
    params: Params = ()
    detail_template: str = ""
    detail_params: Params = ()


def _dump(params: Params) -> str:
    return json.dumps(dict(params), ensure_ascii=False, separators=(",", ":"))


def _load(text: str | None) -> Params:
    """Stored parameters back as pairs (nothing, rather than an error, if unreadable)."""
    try:
        value: Any = json.loads(text or "{}")
    except ValueError:
        return ()
    if not isinstance(value, dict):
        return ()
    return tuple((str(k), str(v)) for k, v in value.items())


class History:
    def __init__(self, db: Database, keep: int = 20_000) -> None:
        self._db = db
        self._keep = keep

    def add(
        self,
        kind: str,
        message: str | Message,
        *,
        result: str = "ok",
        matter_id: str = "",
        subject: str = "",
        detail: str | Message = "",
    ) -> HistoryEntry:
        """Add a line: the English text of ``message``/``detail``, and their templates."""
        at = iso()
        text, detail_text = text_of(message), text_of(detail)
        template, params = template_of(message)
        detail_template, detail_params = template_of(detail)
        with self._db.write() as c:
            cur = c.execute(
                "INSERT INTO history (at, kind, result, matter_id, subject, message, detail, "
                "template, params, detail_template, detail_params) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    at,
                    kind,
                    result,
                    matter_id,
                    subject,
                    text,
                    detail_text,
                    template,
                    _dump(params),
                    detail_template,
                    _dump(detail_params),
                ),
            )
            new_id = int(cur.lastrowid or 0)
            if new_id % 500 == 0:
                c.execute("DELETE FROM history WHERE id <= ?", (new_id - self._keep,))
        return HistoryEntry(
            new_id,
            at,
            kind,
            result,
            matter_id,
            subject,
            text,
            detail_text,
            template,
            params,
            detail_template,
            detail_params,
        )

    def recent(self, limit: int = 200, *, after_id: int = 0) -> list[HistoryEntry]:
        """The newest entries (newest first), optionally only those after ``after_id``."""
        rows = self._db.query(
            "SELECT * FROM history WHERE id > ? ORDER BY id DESC LIMIT ?", (after_id, limit)
        )
        return [
            HistoryEntry(
                r["id"],
                r["at"],
                r["kind"],
                r["result"],
                r["matter_id"],
                r["subject"],
                r["message"],
                r["detail"],
                r["template"],
                _load(r["params"]),
                r["detail_template"],
                _load(r["detail_params"]),
            )
            for r in rows
        ]
