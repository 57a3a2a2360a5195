"""What one sync pass was asked to do (:class:`PassOptions`) and what came of it
(:class:`PassReport`), including the process exit code decisions.md defines."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from desktop.sync.messages import Message


class Outcome(StrEnum):
    """Why a pass is not simply "everything in step". Order of precedence: ERROR, GUARD,
    CONFLICT, NEEDS_USER (exit codes 1, 4, 3, 5)."""

    ERROR = "error"
    GUARD = "guard"
    CONFLICT = "conflict"
    NEEDS_USER = "needs_user"


EXIT_CODES = {Outcome.ERROR: 1, Outcome.GUARD: 4, Outcome.CONFLICT: 3, Outcome.NEEDS_USER: 5}


@dataclass(frozen=True)
class PassOptions:
    allow_deletes: bool = False  # confirm deletions held by the deletion guards
    allow_new_matters: bool = False  # confirm more than 5 new Clio matters in one pass
    full: bool = False  # full reconcile of every linked matter, not only what changed
    records: bool = True  # run the records half (contacts, matters, activities)
    documents: bool = True  # run the document mirror
    matters: frozenset[str] | None = None  # limit document work to these matters
    poll: bool = True  # list what changed in Clio first

    def merge(self, other: PassOptions) -> PassOptions:
        """Two queued requests for a pass become one that does both."""
        matters: frozenset[str] | None
        if self.matters is None or other.matters is None:
            matters = None
        else:
            matters = self.matters | other.matters
        return PassOptions(
            allow_deletes=self.allow_deletes or other.allow_deletes,
            allow_new_matters=self.allow_new_matters or other.allow_new_matters,
            full=self.full or other.full,
            records=self.records or other.records,
            documents=self.documents or other.documents,
            matters=matters,
            poll=self.poll or other.poll,
        )


@dataclass(frozen=True)
class Reason:
    outcome: Outcome
    code: str  # short machine word: "network", "manifest", "deletions", "billed", …
    message: str  # one line a user can act on (English: the command line, logs)
    matter_id: str = ""
    subject: str = ""
    template: Message | None = None  # the same line as a template, for the GUI to translate

    def as_json(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome.value,
            "code": self.code,
            "message": self.message,
            "matter_id": self.matter_id or None,
            "subject": self.subject or None,
        }


@dataclass
class PassReport:
    reasons: list[Reason] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    started_at: str = ""
    finished_at: str = ""

    def add(
        self,
        outcome: Outcome,
        code: str,
        message: str | Message,
        *,
        matter_id: str = "",
        subject: str = "",
    ) -> None:
        """A reason; ``message`` is best a :class:`~desktop.sync.messages.Message` (the GUI
        translates it), plain English is shown as it is."""
        template = message if isinstance(message, Message) else None
        english = template.english() if template is not None else str(message)
        reason = Reason(outcome, code, english, matter_id, subject, template)
        if reason not in self.reasons:
            self.reasons.append(reason)

    def error(self, code: str, message: str | Message, **kw: str) -> None:
        self.add(Outcome.ERROR, code, message, **kw)

    def count(self, what: str, n: int = 1) -> None:
        self.counts[what] += n

    def has(self, outcome: Outcome) -> bool:
        return any(r.outcome is outcome for r in self.reasons)

    def has_code(self, *codes: str) -> bool:
        return any(r.code in codes for r in self.reasons)

    def followed_by(self, later: PassReport) -> PassReport:
        """This pass and a follow-up as one outcome: counts added, each reason once."""
        reasons = list(self.reasons)
        reasons += [r for r in later.reasons if r not in reasons]
        return PassReport(reasons, self.counts + later.counts, self.started_at,
                          later.finished_at or self.finished_at)

    @property
    def exit_code(self) -> int:
        for outcome in (Outcome.ERROR, Outcome.GUARD, Outcome.CONFLICT, Outcome.NEEDS_USER):
            if self.has(outcome):
                return EXIT_CODES[outcome]
        return 0

    def lines(self) -> list[str]:
        """One line per reason, for stderr."""
        out = []
        for r in self.reasons:
            where = f" [{r.matter_id}]" if r.matter_id else ""
            out.append(f"{r.outcome.value}{where}: {r.message}")
        return out

    def as_json(self) -> dict[str, Any]:
        return {
            "exit_code": self.exit_code,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "counts": dict(sorted(self.counts.items())),
            "reasons": [r.as_json() for r in self.reasons],
        }
