"""Seeded fault injection per route: error statuses, connection resets, slow answers.

Syntax (``--faults SPEC``, ``admin.set_faults(SPEC)``)::

    SPEC   := ITEM (";" ITEM)*
    ITEM   := "seed=" INT  |  [METHOD ":"] GLOB "=" ACTION ["@" PROBABILITY]
    ACTION := 500 | 502 | 503 | 429 | reset | slow:SECONDS     (+ optional "+after")

``GLOB`` is matched (``fnmatch``, ``*`` crosses ``/``) against the request path without a
``.json`` suffix, e.g. ``/api/v4/contacts*``, ``/oauth/token``, ``/storage/*`` (the storage
port: a failing ``PUT`` there is a failed upload). ``PROBABILITY`` defaults to 1. A status or
``reset`` normally happens *before* the request is processed; with ``+after`` the request is
processed (the record is created) and then the answer is replaced — the case idempotent clients
must survive. ``slow:S`` delays the answer by S seconds and lets the request go on. Rules are
tried in order; the first status/reset that fires wins. Example::

    seed=7;POST:/api/v4/activities*=502+after@0.2;/storage/*=reset@0.1;*=slow:0.5@0.05
"""

from __future__ import annotations

import fnmatch
import random
import threading
from dataclasses import dataclass

STATUSES = (500, 502, 503, 429)


@dataclass(frozen=True)
class Rule:
    method: str | None
    glob: str
    kind: str  # "status" | "reset" | "slow"
    status: int = 0
    seconds: float = 0.0
    after: bool = False
    probability: float = 1.0

    def matches(self, method: str, path: str) -> bool:
        if self.method is not None and self.method != method:
            return False
        return fnmatch.fnmatchcase(path, self.glob)


@dataclass(frozen=True)
class Decision:
    """What to do with one request: sleep, then maybe fail before or after processing."""

    delay: float = 0.0
    rule: Rule | None = None

    @property
    def before(self) -> Rule | None:
        return self.rule if self.rule is not None and not self.rule.after else None

    @property
    def after(self) -> Rule | None:
        return self.rule if self.rule is not None and self.rule.after else None


NO_FAULT = Decision()


def _parse_item(item: str) -> Rule:
    if "=" not in item:
        raise ValueError(f"fault rule {item!r}: expected [METHOD:]GLOB=ACTION[@PROBABILITY]")
    target, _, action = item.rpartition("=")
    method: str | None = None
    if ":" in target:
        m, _, glob = target.partition(":")
        method = m.strip().upper()
        if not method.isalpha():
            raise ValueError(f"fault rule {item!r}: bad method {m!r}")
    else:
        glob = target
    glob = glob.strip()
    if not glob:
        raise ValueError(f"fault rule {item!r}: empty route pattern")
    prob = 1.0
    if "@" in action:
        action, _, p = action.partition("@")
        try:
            prob = float(p)
        except ValueError as exc:
            raise ValueError(f"fault rule {item!r}: bad probability {p!r}") from exc
        if not 0.0 <= prob <= 1.0:
            raise ValueError(f"fault rule {item!r}: probability must be between 0 and 1")
    action = action.strip().lower()
    after = action.endswith("+after")
    if after:
        action = action[: -len("+after")]
    if action == "reset":
        return Rule(method, glob, "reset", after=after, probability=prob)
    if action.startswith("slow:"):
        if after:
            raise ValueError(f"fault rule {item!r}: slow takes no +after")
        try:
            secs = float(action[5:])
        except ValueError as exc:
            raise ValueError(f"fault rule {item!r}: bad delay {action[5:]!r}") from exc
        if secs < 0:
            raise ValueError(f"fault rule {item!r}: delay must not be negative")
        return Rule(method, glob, "slow", seconds=secs, probability=prob)
    if action.isdigit() and int(action) in STATUSES:
        return Rule(method, glob, "status", status=int(action), after=after, probability=prob)
    raise ValueError(
        f"fault rule {item!r}: action must be one of 500, 502, 503, 429, reset, slow:SECONDS"
    )


def parse(spec: str) -> tuple[int, list[Rule]]:
    """Parse a fault spec into (seed, rules); ValueError with a clear message if malformed."""
    seed = 0
    rules: list[Rule] = []
    for raw in spec.split(";"):
        item = raw.strip()
        if not item:
            continue
        if item.lower().startswith("seed="):
            try:
                seed = int(item[5:])
            except ValueError as exc:
                raise ValueError(f"fault spec: bad seed {item[5:]!r}") from exc
            continue
        rules.append(_parse_item(item))
    return seed, rules


class Faults:
    """The active fault rules and their seeded random source (thread-safe)."""

    def __init__(self, spec: str | None = None) -> None:
        self._lock = threading.Lock()
        self.spec: str | None = None
        self._rules: list[Rule] = []
        self._rng = random.Random(0)
        self.set(spec)

    def set(self, spec: str | None) -> None:
        seed, rules = parse(spec) if spec else (0, [])
        with self._lock:
            self.spec = spec or None
            self._rules = rules
            self._rng = random.Random(seed)

    def decide(self, method: str, path: str) -> Decision:
        if not self._rules:
            return NO_FAULT
        if path.endswith(".json"):
            path = path[:-5]
        delay = 0.0
        with self._lock:
            for rule in self._rules:
                if not rule.matches(method, path):
                    continue
                if self._rng.random() >= rule.probability:
                    continue
                if rule.kind == "slow":
                    delay += rule.seconds
                    continue
                return Decision(delay, rule)
        return Decision(delay, None) if delay else NO_FAULT
