"""``sync`` (long-running or ``--once``), ``status``, ``pause`` and ``resume``."""

from __future__ import annotations

import argparse
import signal
import threading
from pathlib import Path
from types import FrameType
from typing import Any

from desktop.app import build_engine
from desktop.cli.context import CliContext, ExitCode
from desktop.cli.services import CommandError, services_for
from desktop.cli.status_report import status_payload, status_text
from desktop.instance_lock import InstanceLock, LockHeld, read_holder
from desktop.settings import Settings
from desktop.sync import commands as cmd
from desktop.sync.events import Event, HistoryAdded
from desktop.sync.report import PassOptions


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sync", help="sync Prolegis and Clio (keeps running; --once for one pass)")
    p.add_argument("--once", action="store_true", help="one full pass, then exit with its outcome")
    p.add_argument("--json", action="store_true", help="with --once: print the outcome as JSON")
    p.add_argument("--workspace", metavar="DIR", type=Path, help="the Prolegis folder (remembered)")
    p.add_argument(
        "--allow-deletes", action="store_true", help="confirm deletions held by the deletion guards"
    )
    p.add_argument(
        "--allow-new-matters",
        action="store_true",
        help="confirm creating more than 5 new Clio matters in one pass",
    )
    p.set_defaults(handler=run_sync)
    s = sub.add_parser("status", help="links, pending work, conflicts and errors")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=run_status)
    pa = sub.add_parser("pause", help="pause syncing (a running instance stops shortly)")
    pa.set_defaults(handler=run_pause)
    re = sub.add_parser("resume", help="resume syncing")
    re.set_defaults(handler=run_resume)


def run_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.json and not args.once:
        ctx.err("--json goes with --once")
        return ExitCode.USAGE
    lock = InstanceLock(ctx.paths.lock_file, "sync --once" if args.once else "sync")
    try:
        lock.acquire()
    except LockHeld as held:
        ctx.err(str(held))
        return ExitCode.ERROR
    try:
        services = services_for(ctx, args.workspace)
    except CommandError as exc:
        lock.release()
        if args.json:
            reason = {
                "outcome": "error",
                "code": exc.code,
                "message": str(exc),
                "matter_id": None,
                "subject": None,
            }
            ctx.print_json(
                "sync",
                {
                    "exit_code": 1,
                    "started_at": None,
                    "finished_at": None,
                    "counts": {},
                    "reasons": [reason],
                },
            )
        ctx.err(str(exc))
        return ExitCode.ERROR
    try:
        engine = build_engine(services)
        if not args.once:
            return _run_forever(engine, ctx, args)
        report = engine.run_once(
            PassOptions(allow_deletes=args.allow_deletes, allow_new_matters=args.allow_new_matters)
        )
        if args.json:
            ctx.print_json("sync", report.as_json())
        else:
            counts = ", ".join(
                f"{k.replace('_', ' ')}: {v}" for k, v in sorted(report.counts.items())
            )
            ctx.out(f"Sync finished{': ' + counts if counts else ''}.")
        for line in report.lines():
            ctx.err(line)
        return report.exit_code
    finally:
        services.store.close()
        services.clio.close()
        lock.release()


def _run_forever(engine: Any, ctx: CliContext, args: argparse.Namespace) -> int:
    def on_event(event: Event) -> None:
        if isinstance(event, HistoryAdded):
            for e in event.entries:
                where = f" [{e.matter_label}]" if e.matter_label else ""
                ctx.out(f"{e.at[11:19]} {e.result:<7} {e.kind}{where}: {e.message}")

    engine.add_listener(on_event)
    if args.allow_deletes:
        engine.submit(cmd.AllowDeletions())
    if args.allow_new_matters:
        engine.submit(cmd.AllowNewMatters())

    def stop(signum: int, frame: FrameType | None) -> None:
        engine.submit(cmd.Shutdown())

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
    ctx.out("Syncing; press Ctrl+C to stop.")
    engine.run()
    ctx.out("Stopped.")
    return ExitCode.OK


def run_status(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        services = services_for(ctx, ask_clio=False)  # local state only: quick, even offline
    except CommandError as exc:
        if args.json:
            state = {"sign_in": "signed_out"}.get(exc.code, "error")
            ctx.print_json(
                "status",
                {
                    "error": {"code": exc.code, "message": str(exc)},
                    "summary": {"state": state, "message": str(exc)},
                    "running": read_holder(ctx.paths.lock_file),
                    "paused": bool(Settings(ctx.paths.settings_file).get("paused")),
                },
            )
        ctx.err(str(exc))
        return ExitCode.ERROR
    try:
        engine = build_engine(services)
        engine.prepare_read()
        holder = read_holder(ctx.paths.lock_file)
        payload = status_payload(engine, holder)
        if args.json:
            ctx.print_json("status", payload)
        else:
            for line in status_text(payload):
                ctx.out(line)
        return ExitCode.OK
    finally:
        services.store.close()
        services.clio.close()


def _set_paused(ctx: CliContext, paused: bool) -> int:
    Settings(ctx.paths.settings_file).set("paused", paused)
    holder = read_holder(ctx.paths.lock_file)
    word = "Paused" if paused else "Resumed"
    if holder:
        ctx.out(
            f"{word}. The running {holder.get('command', 'instance')} "
            f"(process {holder.get('pid', '?')}) follows within a few seconds."
        )
    else:
        ctx.out(f"{word}. No instance is running; the next one starts {word.lower()}.")
    return ExitCode.OK


def run_pause(args: argparse.Namespace, ctx: CliContext) -> int:
    return _set_paused(ctx, True)


def run_resume(args: argparse.Namespace, ctx: CliContext) -> int:
    return _set_paused(ctx, False)
