"""What every command handler gets: resolved paths, logging, output helpers and exit codes."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any, TextIO

from desktop.logsetup import configure_logging
from desktop.paths import AppPaths


class ExitCode(IntEnum):
    """Process exit codes (decisions.md). Several reasons at once: the first of 1, 4, 3, 5."""

    OK = 0
    ERROR = 1
    USAGE = 2
    CONFLICTS = 3
    GUARD = 4
    NEEDS_USER = 5


def combine_exit_codes(codes: list[int]) -> int:
    """The exit code for several outcomes: the first of ERROR, GUARD, CONFLICTS, NEEDS_USER."""
    for code in (ExitCode.ERROR, ExitCode.GUARD, ExitCode.CONFLICTS, ExitCode.NEEDS_USER):
        if code in codes:
            return int(code)
    return int(ExitCode.OK)


class UsageError(Exception):
    """Wrong usage of the command line (exit code 2)."""


@dataclass
class CliContext:
    paths: AppPaths
    verbose: bool = False
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        paths = AppPaths.resolve(getattr(args, "home", None))
        ctx = cls(paths=paths, verbose=bool(getattr(args, "verbose", False)))
        if getattr(args, "needs_home", True):
            paths.ensure()
            configure_logging(paths.log_dir, verbose=ctx.verbose)
        return ctx

    def out(self, line: str = "") -> None:
        """Print one line on stdout and flush (other programs read our output line by line)."""
        print(line, file=self.stdout, flush=True)

    def err(self, line: str) -> None:
        print(line, file=self.stderr, flush=True)

    def print_json(self, schema: str, payload: dict[str, Any]) -> None:
        """Print one JSON object with ``"schema": "prolegis-desktop/<schema>/1"`` first."""
        body = {"schema": f"prolegis-desktop/{schema}/1", **payload}
        self.out(json.dumps(body, ensure_ascii=False, indent=2, sort_keys=False))
