"""Request counters for ``GET /sandbox/stats`` and benchmarks: per route and status, 429s
served (by the limiter and injected), faults injected, bytes through the storage port."""

from __future__ import annotations

import threading
from collections import defaultdict
from typing import Any

from desktop.sandbox.timeutil import now


class Stats:
    """Thread-safe counters."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self._routes: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
            self._counters: dict[str, int] = defaultdict(int)
            self._started = now()

    def record(self, route: str, status: int) -> None:
        with self._lock:
            self._routes[route][status] += 1
            self._counters["requests"] += 1

    def count(self, name: str, n: int = 1) -> None:
        with self._lock:
            self._counters[name] += n

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            routes = {
                r: {str(s): c for s, c in sorted(by.items())}
                for r, by in sorted(self._routes.items())
            }
            c = self._counters
            return {
                "requests": c["requests"],
                "routes": routes,
                "rate_limited": c["rate_limited"],
                "injected_429": c["injected_429"],
                "faults_injected": c["faults_injected"],
                "bytes_uploaded": c["bytes_uploaded"],
                "bytes_downloaded": c["bytes_downloaded"],
                "uptime_seconds": round(now() - self._started, 3),
            }
