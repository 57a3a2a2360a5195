"""The last pass's outcome, kept in the state store's ``meta`` table (key ``last_pass``) at the
end of every pass — by the GUI's engine thread, a long-running ``sync`` and ``sync --once``
alike — so that another process (``prolegis-desktop status``) sees it, and a restarted engine
still knows when it last synced.

What is kept: when the pass started and finished, its result (``ok``, ``offline``: Clio could
not be reached, ``error``: any other error), its exit code, when a pass last succeeded
(``last_sync``), since when Clio has been unreachable (``offline_since``, the start of the first
pass of the current offline streak) and the pass's reasons: the English text a user reads and
the message's template and parameters (as the activity log keeps them), so the GUI can say them
in the user's language.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop.sync.messages import Message, reason_of
from desktop.sync.report import Outcome, PassReport, Reason
from desktop.sync.store.db import StoreError
from desktop.sync.store.store import Store

log = logging.getLogger(__name__)

META_KEY = "last_pass"
MAX_REASONS = 100
"""Reasons kept (errors first); ``reason_count`` says how many the pass had."""


class PassResult(StrEnum):
    OK = "ok"  # no error (conflicts, guards and questions for the user may remain)
    OFFLINE = "offline"  # Clio could not be reached
    ERROR = "error"  # any other error: sign-in, manifest, folder, state, a document…


@dataclass(frozen=True)
class LastPass:
    """What the last pass came to (see the module docstring)."""

    started_at: str
    finished_at: str
    result: PassResult
    exit_code: int
    last_sync: str | None  # ISO-8601 UTC end of the last pass without errors
    offline_since: str | None  # ISO-8601 UTC; None unless the result is offline
    reasons: tuple[Reason, ...] = ()
    reason_count: int = 0

    @property
    def errors(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.outcome is Outcome.ERROR)

    def report(self) -> PassReport:
        """The pass as a report again (what a restarted engine shows until its first pass)."""
        return PassReport(reasons=list(self.reasons), started_at=self.started_at,
                          finished_at=self.finished_at)

    def as_json(self) -> dict[str, Any]:
        """The ``last_pass`` object of ``status --json`` (and what the store keeps)."""
        return {
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "result": self.result.value,
            "exit_code": self.exit_code,
            "last_sync": self.last_sync,
            "offline_since": self.offline_since,
            "reason_count": self.reason_count,
            "reasons": [reason_record(r) for r in self.reasons],
        }

    @classmethod
    def from_json(cls, data: Any) -> LastPass | None:
        """A stored record back, or None when it is missing or unreadable."""
        if not isinstance(data, dict):
            return None
        try:
            reasons = tuple(reason_from_record(r) for r in data.get("reasons") or ())
            return cls(
                started_at=str(data["started_at"]),
                finished_at=str(data["finished_at"]),
                result=PassResult(data["result"]),
                exit_code=int(data["exit_code"]),
                last_sync=_text_or_none(data.get("last_sync")),
                offline_since=_text_or_none(data.get("offline_since")),
                reasons=reasons,
                reason_count=int(data.get("reason_count", len(reasons))),
            )
        except (KeyError, TypeError, ValueError):
            return None


def reason_record(r: Reason) -> dict[str, Any]:
    """A reason as ``sync --json`` prints it, plus its ``template`` and ``params`` (a JSON object
    of strings; ``""`` and ``{}`` when it was written as plain text)."""
    template = r.template
    return {
        **r.as_json(),
        "template": template.template if template is not None else "",
        "params": dict(template.params) if template is not None else {},
    }


def reason_from_record(data: Any) -> Reason:
    """The inverse of :func:`reason_record` (raises ValueError/KeyError/TypeError if bad)."""
    if not isinstance(data, dict):
        raise TypeError("a reason is an object")
    template = str(data.get("template") or "")
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise TypeError("params is an object")
    message = (Message(template, tuple((str(k), str(v)) for k, v in params.items()))
               if template else None)
    return Reason(
        outcome=Outcome(data["outcome"]),
        code=str(data["code"]),
        message=str(data["message"]),
        matter_id=str(data.get("matter_id") or ""),
        subject=str(data.get("subject") or ""),
        template=message,
    )


def outcome_of(report: PassReport, previous: LastPass | None) -> LastPass:
    """The record of ``report``, carrying ``last_sync`` and ``offline_since`` over from the
    previous pass when this one did not renew them."""
    errors = [r for r in report.reasons if r.outcome is Outcome.ERROR]
    if any(r.code == "network" for r in errors):
        result = PassResult.OFFLINE
    elif errors:
        result = PassResult.ERROR
    else:
        result = PassResult.OK
    offline_since = None
    if result is PassResult.OFFLINE:
        was_offline = previous is not None and previous.result is PassResult.OFFLINE
        offline_since = (previous.offline_since if was_offline and previous else None) or (
            report.started_at or report.finished_at)
    last_sync = report.finished_at if not errors else (previous.last_sync if previous else None)
    return LastPass(
        started_at=report.started_at,
        finished_at=report.finished_at,
        result=result,
        exit_code=report.exit_code,
        last_sync=last_sync,
        offline_since=offline_since,
        reasons=tuple(sorted(report.reasons, key=_first_kept)[:MAX_REASONS]),
        reason_count=len(report.reasons),
    )


def load_last_pass(store: Store) -> LastPass | None:
    """The last pass recorded in ``store`` (None before the first, or if unreadable)."""
    try:
        return LastPass.from_json(store.meta.get(META_KEY))
    except StoreError as exc:
        log.warning("the last pass could not be read: %s", exc)
        return None


def record_pass(store: Store, report: PassReport) -> LastPass | None:
    """Keep ``report`` as the last pass. A state database that cannot be written is an error
    of the pass (added to ``report``, as any other failing write of the pass), never raised."""
    last = outcome_of(report, load_last_pass(store))
    try:
        store.meta.set(META_KEY, last.as_json())
    except StoreError as exc:
        log.warning("the outcome of the pass could not be saved: %s", exc)
        report.error("state", reason_of(exc))
        return None
    return last


def restore(store: Store) -> tuple[PassReport | None, str | None]:
    """``(report, last_sync)`` of the last recorded pass, for an engine that starts."""
    last = load_last_pass(store)
    if last is None:
        return None, None
    return last.report(), last.last_sync


def _first_kept(r: Reason) -> tuple[bool, bool]:
    """Why Clio was unreachable first, then the other errors, then the rest (in order)."""
    return r.code != "network", r.outcome is not Outcome.ERROR


def _text_or_none(value: Any) -> str | None:
    return str(value) if value else None
