"""``diagnostics [--out FILE]`` and ``doctor [--json]``."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from desktop.cli.context import CliContext, ExitCode


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    d = sub.add_parser("diagnostics", help="write a zip of logs, settings and state for support")
    d.add_argument("--out", type=Path, metavar="FILE", help="where to write the zip")
    d.set_defaults(handler=run_diagnostics)
    doc = sub.add_parser("doctor", help="check the keychain, folder, connection, clock, …")
    doc.add_argument("--json", action="store_true")
    doc.set_defaults(handler=run_doctor)


def run_diagnostics(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.diagnostics import create_diagnostics

    path = create_diagnostics(ctx.paths, args.out)
    ctx.out(f"Diagnostics written to {path}")
    ctx.out("It holds no sign-in token, secret or document; send it to your IT or to support.")
    return ExitCode.OK


def run_doctor(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.doctor import FAIL, run_checks

    checks = run_checks(ctx.paths)
    if args.json:
        ctx.print_json("doctor", {"checks": [dataclasses.asdict(c) for c in checks]})
    else:
        marks = {"ok": "✓", "warning": "!", "failed": "✗"}
        for c in checks:
            ctx.out(f"{marks[c.status]} {c.name:<13} {c.detail}")
            if c.fix:
                ctx.out(f"  {'':13} → {c.fix}")
    return ExitCode.ERROR if any(c.status == FAIL for c in checks) else ExitCode.OK
