"""``matters link | unlink | suggest``: Prolegis matters ⇄ Clio matters from the command line.

``matters link MATTER_ID --clio-matter ID`` links a matter (usually a pre-existing one) to an
existing Clio matter, ``--create`` creates its Clio matter now; either records the historical
snapshot of a pre-existing matter's folder. ``unlink`` stops syncing and changes nothing in
Clio. ``suggest`` ranks the Clio matters it may be linked to.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.clients_cmd import Abort, others_running, records_session
from desktop.cli.context import CliContext, ExitCode
from desktop.sync import commands as cmd
from desktop.sync.records.standalone import RecordsSession
from desktop.sync.views import MatterSuggestion


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("matters", help="link Prolegis matters to Clio matters")
    msub = p.add_subparsers(dest="matters_command", metavar="ACTION", required=True)
    ln = msub.add_parser("link", help="sync a matter with Clio: link it, or create its matter")
    ln.add_argument("matter_id", metavar="MATTER_ID", help="the Prolegis matter id")
    how = ln.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--clio-matter", type=int, metavar="CLIO_MATTER_ID", help="an existing Clio matter"
    )
    how.add_argument("--create", action="store_true", help="create the Clio matter now")
    ln.add_argument("--json", action="store_true")
    ln.set_defaults(handler=run_link)
    un = msub.add_parser("unlink", help="stop syncing a matter (nothing changes in Clio)")
    un.add_argument("matter_id", metavar="MATTER_ID")
    un.add_argument("--json", action="store_true")
    un.set_defaults(handler=run_unlink)
    sg = msub.add_parser("suggest", help="Clio matters this matter may be linked to")
    sg.add_argument("matter_id", metavar="MATTER_ID")
    sg.add_argument("--json", action="store_true")
    sg.set_defaults(handler=run_suggest)


def _run(action: Any, args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        return int(action(args, ctx))
    except Abort as stop:
        return stop.code


def _link_json(session: RecordsSession, matter_id: str) -> dict[str, Any]:
    store = session.services.store
    link = store.matter_links.get(matter_id)
    assert link is not None
    return {
        "matter_id": matter_id,
        "clio_matter_id": link.clio_matter_id,
        "display_number": link.display_number,
        "clio_folder_id": link.clio_folder_id,
        "how": link.how,
        "linked_at": link.linked_at,
        "historical_files": len(store.matter_links.snapshot(matter_id)),
    }


def run_link(args: argparse.Namespace, ctx: CliContext) -> int:
    return _run(_link, args, ctx)


def _link(args: argparse.Namespace, ctx: CliContext) -> int:
    with records_session(ctx) as session:
        command = cmd.LinkMatter(
            args.matter_id, clio_matter_id=args.clio_matter, create=args.create
        )
        failed = session.run(command)
        if failed:
            for message in failed:
                ctx.err(message)
            return ExitCode.ERROR
        result = _link_json(session, args.matter_id)
    if args.json:
        ctx.print_json("matters-link", result)
        return ExitCode.OK
    verb = {
        "created": "created in Clio as",
        "adopted": "was already in Clio (it carries this matter's Prolegis id): linked to",
    }.get(result["how"], "linked to")
    ctx.out(
        f"{args.matter_id} {verb} {result['display_number'] or 'the Clio matter'} "
        f"(Clio matter {result['clio_matter_id']})."
    )
    n = result["historical_files"]
    if n:
        ctx.out(
            f"{n} file{'s' if n != 1 else ''} already in its folder "
            f"stay{'s' if n == 1 else ''} on this computer until you push "
            f"{'it' if n == 1 else 'them'}; new and changed files sync from now on."
        )
    return ExitCode.OK


def run_unlink(args: argparse.Namespace, ctx: CliContext) -> int:
    return _run(_unlink, args, ctx)


def _unlink(args: argparse.Namespace, ctx: CliContext) -> int:
    with records_session(ctx) as session:
        failed = session.run(cmd.UnlinkMatter(args.matter_id))
    if failed:
        for message in failed:
            ctx.err(message)
        return ExitCode.ERROR
    if args.json:
        ctx.print_json("matters-unlink", {"matter_id": args.matter_id, "unlinked": True})
    else:
        ctx.out(
            f"{args.matter_id} no longer syncs; the Clio matter and its documents are unchanged."
        )
    return ExitCode.OK


def suggestion_json(s: MatterSuggestion) -> dict[str, Any]:
    return {
        "clio_matter_id": s.clio_matter_id,
        "display_number": s.display_number,
        "description": s.description,
        "client_name": s.client_name or None,
        "score": s.score,
        "reasons": list(s.reasons),
    }


def run_suggest(args: argparse.Namespace, ctx: CliContext) -> int:
    return _run(_suggest, args, ctx)


def _suggest(args: argparse.Namespace, ctx: CliContext) -> int:
    with records_session(ctx, recover=False) as session:
        manifest = session.ctx.manifest
        assert manifest is not None
        if args.matter_id not in manifest.matters_by_id:
            ctx.err(f"There is no matter {args.matter_id} in prolegis.json.")
            return ExitCode.ERROR
        with session.services.clio.interactive():
            found = session.part.actions.suggestions(
                manifest, args.matter_id, refresh=not others_running(ctx)
            )
        label = manifest.matters_by_id[args.matter_id].display_name
    if args.json:
        ctx.print_json(
            "matters-suggest",
            {"matter_id": args.matter_id, "suggestions": [suggestion_json(s) for s in found]},
        )
        return ExitCode.OK
    if not found:
        ctx.out(f"No Clio matter looks like {label}; create one with --create.")
        return ExitCode.OK
    ctx.out(f"Clio matters for {label}:")
    for s in found:
        ctx.out(
            f"  {s.clio_matter_id:<10} {s.display_number:<16} {s.description[:40]:<40} "
            f"{s.score:5.1f}  {'; '.join(s.reasons)}"
        )
    ctx.out(f"Link one with 'prolegis-desktop matters link {args.matter_id} --clio-matter ID'.")
    return ExitCode.OK
