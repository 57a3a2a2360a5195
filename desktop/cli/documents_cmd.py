"""``push``, ``conflicts`` and ``deletions``: the document mirror's headless commands — what the
GUI's "Push to Clio" button, drag and drop, conflict dialog and deletion-guard dialog do.

They open the services and act directly when no other instance runs (then one documents pass
for the matters concerned settles the result, and its exit code is returned). When a GUI or a
long-running ``sync`` holds the instance lock, what needs Clio is queued in the state database
instead (pushes, resolutions, restores) and that instance carries it out on its next pass;
listing works beside it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from desktop.app import build_engine
from desktop.cli.context import CliContext, ExitCode
from desktop.cli.push_check import PushCheck, check_pushed, wait_until_written
from desktop.cli.services import CommandError, services_for
from desktop.clio.errors import ClioError
from desktop.instance_lock import InstanceLock, LockHeld
from desktop.sync.engine import Engine
from desktop.sync.report import PassOptions
from desktop.sync.store.db import StoreError

KEEP = ("local", "clio", "both")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("push", help="push files of a matter to Clio (outside files are copied in)")
    p.add_argument("matter_id", metavar="MATTER_ID", help="the Prolegis matter id")
    p.add_argument("paths", metavar="PATH", nargs="+", type=Path, help="files to push")
    p.add_argument("--to", dest="subfolder", default="", metavar="SUBFOLDER",
                   help="where outside files are copied, inside the matter folder")
    p.set_defaults(handler=run_push)

    c = sub.add_parser("conflicts", help="version conflicts waiting for you (and resolve them)")
    c.add_argument("--json", action="store_true", help="print them as one JSON object")
    c.set_defaults(handler=run_conflicts)
    csub = c.add_subparsers(dest="conflicts_command", metavar="[resolve]")
    r = csub.add_parser("resolve", help="resolve one conflict (or --all)")
    r.add_argument("conflict_id", metavar="ID", nargs="?", type=int,
                   help="the conflict's ID (see 'conflicts')")
    r.add_argument("--all", action="store_true", help="every open conflict")
    r.add_argument("--keep", required=True, choices=KEEP,
                   help="local: keep this computer's version; clio: keep Clio's; both: keep both")
    r.set_defaults(handler=run_resolve)

    d = sub.add_parser("deletions", help="deletions held by the deletion guard")
    dsub = d.add_subparsers(dest="deletions_command", metavar="ACTION", required=True)
    dl = dsub.add_parser("list", help="what the deletion guard holds")
    dl.add_argument("--json", action="store_true", help="print them as one JSON object")
    dl.set_defaults(handler=run_deletions_list)
    dr = dsub.add_parser("restore", help="undo a matter's held deletions: bring the files back")
    dr.add_argument("matter_id", metavar="MATTER_ID")
    dr.set_defaults(handler=run_deletions_restore)


# -- plumbing ----------------------------------------------------------------------------------


@contextmanager
def _engine(ctx: CliContext) -> Iterator[Engine]:
    services = services_for(ctx)
    try:
        engine = build_engine(services, records=False)
        engine.prepare_read()
        yield engine
    finally:
        services.store.close()
        services.clio.close()


@contextmanager
def _maybe_lock(ctx: CliContext, command: str) -> Iterator[dict[str, Any] | None]:
    """The instance lock if free (yields None), else who holds it (nothing is locked)."""
    lock = InstanceLock(ctx.paths.lock_file, command)
    try:
        lock.acquire()
    except LockHeld as held:
        yield held.holder or {"command": "another instance"}
        return
    try:
        yield None
    finally:
        lock.release()


def _guarded(ctx: CliContext, work: Callable[[], int]) -> int:
    try:
        return work()
    except CommandError as exc:
        ctx.err(str(exc))
    except ClioError as exc:
        ctx.err(exc.user_message)
    except StoreError as exc:
        ctx.err(exc.user_message)
    except (ValueError, OSError) as exc:
        ctx.err(str(exc))
    return ExitCode.ERROR


def _settle(ctx: CliContext, engine: Engine, matters: set[str]) -> int:
    """One documents pass for ``matters``; prints its outcome, returns its exit code."""
    if not matters:
        return ExitCode.OK
    report = engine.run_once(PassOptions(records=False, matters=frozenset(matters)))
    counts = ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in sorted(report.counts.items())
                       if k != "documents_listed")
    ctx.out(f"Documents synced{': ' + counts if counts else ''}.")
    for line in report.lines():
        ctx.err(line)
    return report.exit_code


def _queued(ctx: CliContext, holder: dict[str, Any], what: str) -> int:
    ctx.out(f"{what} The running {holder.get('command', 'instance')} (process "
            f"{holder.get('pid', '?')}) does it on its next pass, within a minute.")
    return ExitCode.OK


def _mirror(engine: Engine) -> Any:
    if engine.mirror is None:  # pragma: no cover - build_engine always adds it
        raise CommandError("The document mirror is not available.")
    return engine.mirror


def _linked(engine: Engine, matter_id: str) -> None:
    if engine.services.store.matter_links.get(matter_id) is None:
        raise CommandError(f"Matter {matter_id} is not linked to Clio.")


# -- push --------------------------------------------------------------------------------------


def run_push(args: argparse.Namespace, ctx: CliContext) -> int:
    def work() -> int:
        paths = tuple(str(p.expanduser().absolute()) for p in args.paths)
        with _maybe_lock(ctx, "push") as holder, _engine(ctx) as engine:
            _linked(engine, args.matter_id)
            _wait_until_written(ctx, engine, args.matter_id, paths)
            queued = _mirror(engine).push(args.matter_id, paths, args.subfolder)
            for rel in queued:
                ctx.out(f"queued: {rel}")
            if holder is not None:
                return _queued(ctx, holder, f"{len(queued)} file(s) queued for Clio.")
            code = _settle(ctx, engine, {args.matter_id})
            _say_pushed(ctx, check_pushed(queued, _mirror(engine).documents(args.matter_id)))
            return code

    return _guarded(ctx, work)


def _wait_until_written(ctx: CliContext, engine: Engine, matter_id: str,
                        paths: tuple[str, ...]) -> None:
    """Wait a few seconds for files still being written. One of the matter folder may be queued
    as it is (the mirror sends it once it is written); one from elsewhere would be copied in
    half-written, so the command is refused and nothing changes."""
    busy = wait_until_written(paths, ctx.out)
    scope = _mirror(engine).scope_for(matter_id, need_clio=False)
    outside = [p for p in busy if scope is None or not Path(p).resolve().is_relative_to(
        scope.root.resolve())]
    if outside:
        raise CommandError(f"{outside[0]} is still being written; nothing was pushed. Push it "
                           "again once it is saved and closed.")


def _say_pushed(ctx: CliContext, result: PushCheck) -> None:
    """Each file in Clio, and each one still queued with why (never "pushed" when it is not)."""
    for rel in result.in_clio:
        ctx.out(f"in Clio: {rel}")
    for rel, why in result.waiting:
        ctx.out(f"not in Clio yet: {rel} ({why}). It stays queued: the next sync pass pushes "
                "it (the app, or 'prolegis-desktop sync').")


# -- conflicts ---------------------------------------------------------------------------------


def conflict_json(view: Any) -> dict[str, Any]:
    def side(v: Any) -> dict[str, Any]:
        return {"name": v.name, "size": v.size, "modified": v.modified, "by": v.by,
                "path": v.path or None}

    return {"id": view.conflict_id, "matter_id": view.matter_id, "matter": view.matter_label,
            "path": view.rel_path, "local": side(view.local), "clio": side(view.clio),
            "detected_at": view.detected_at}


def run_conflicts(args: argparse.Namespace, ctx: CliContext) -> int:
    def work() -> int:
        with _engine(ctx) as engine:
            views = _mirror(engine).conflicts()
            if args.json:
                ctx.print_json("conflicts", {"conflicts": [conflict_json(v) for v in views]})
                return ExitCode.OK
            if not views:
                ctx.out("No version conflicts.")
            for v in views:
                ctx.out(f"{v.conflict_id:>5}  {v.matter_id}  {v.rel_path}")
                ctx.out(f"       this computer: {v.local.name} ({v.local.size} bytes, "
                        f"{v.local.modified or '?'})")
                ctx.out(f"       Clio:          {v.clio.name} ({v.clio.size} bytes, "
                        f"{v.clio.modified or '?'})")
            return ExitCode.OK

    return _guarded(ctx, work)


def run_resolve(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.all == (args.conflict_id is not None):
        ctx.err("conflicts resolve: give a conflict ID or --all (not both)")
        return ExitCode.USAGE

    def work() -> int:
        with _maybe_lock(ctx, "conflicts resolve") as holder, _engine(ctx) as engine:
            part = _mirror(engine)
            state = engine.services.store.documents
            rows = state.conflicts() if args.all else [state.conflict(args.conflict_id)]
            if any(r is None for r in rows):
                raise CommandError(f"There is no open conflict {args.conflict_id} "
                                   "('prolegis-desktop conflicts' lists them).")
            if holder is not None:
                state.resolve_conflicts(args.keep, None if args.all else args.conflict_id)
                return _queued(ctx, holder, f"{len(rows)} resolution(s) queued.")
            matters = {r.matter_id for r in rows if r is not None}
            if args.all:
                n = part.resolve_all(args.keep)
            else:
                part.conflict_book.resolve(args.conflict_id, args.keep)
                n = 1
            ctx.out(f"Resolved {n} conflict(s): kept {args.keep}.")
            return _settle(ctx, engine, matters)

    return _guarded(ctx, work)


# -- deletions ---------------------------------------------------------------------------------


def run_deletions_list(args: argparse.Namespace, ctx: CliContext) -> int:
    def work() -> int:
        with _engine(ctx) as engine:
            rows = engine.services.store.documents.held()
            if args.json:
                ctx.print_json("deletions", {"deletions": [
                    {"matter_id": h.matter_id, "kind": h.kind, "path": h.subject,
                     "side": "clio" if h.action == "delete_remote" else "local",
                     "decision": h.decision, "since": h.since} for h in rows]})
                return ExitCode.OK
            if not rows:
                ctx.out("No deletions are held.")
            for h in rows:
                where = "in Clio" if h.action == "delete_remote" else "on this computer"
                ctx.out(f"{h.matter_id}  {h.subject}  (would be deleted {where}; {h.decision})")
            return ExitCode.OK

    return _guarded(ctx, work)


def run_deletions_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    def work() -> int:
        with _maybe_lock(ctx, "deletions restore") as holder, _engine(ctx) as engine:
            _linked(engine, args.matter_id)
            part = _mirror(engine)
            if not engine.services.store.documents.held(args.matter_id):
                ctx.out(f"No deletions are held for {args.matter_id}.")
                return ExitCode.OK
            if holder is not None:
                n = part.deletions.ask_restore(args.matter_id)
                return _queued(ctx, holder, f"Restoring {n} held deletion(s) is queued.")
            n = part.deletions.restore(args.matter_id)
            ctx.out(f"Restored {n} file(s) of {args.matter_id}.")
            return _settle(ctx, engine, {args.matter_id})

    return _guarded(ctx, work)
