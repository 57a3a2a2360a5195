"""``activities resolve ACTIVITY_ID --overwrite | --keep-clio``: the headless answer to a time
entry or expense edited in Clio since it was last pushed (the app asks the same question)."""

from __future__ import annotations

import argparse

from desktop.cli.clients_cmd import Abort, records_session
from desktop.cli.context import CliContext, ExitCode
from desktop.sync import commands as cmd


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("activities", help="time entries and expenses edited in Clio")
    asub = p.add_subparsers(dest="activities_command", metavar="ACTION", required=True)
    r = asub.add_parser(
        "resolve",
        help="an entry edited in Clio since the last push: overwrite it, or keep Clio's",
    )
    r.add_argument("activity_id", metavar="ACTIVITY_ID", help="the Prolegis activity id")
    choice = r.add_mutually_exclusive_group(required=True)
    choice.add_argument(
        "--overwrite", action="store_true", help="push Prolegis' version over the Clio edit"
    )
    choice.add_argument(
        "--keep-clio",
        action="store_true",
        help="keep Clio's version (a later Prolegis change is pushed again)",
    )
    r.set_defaults(handler=run_resolve)


def run_resolve(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        with records_session(ctx) as session:
            failed = session.run(cmd.OverwriteClioActivity(args.activity_id, args.overwrite))
    except Abort as stop:
        return stop.code
    if failed:
        for message in failed:
            ctx.err(message)
        return ExitCode.ERROR
    ctx.out(
        f"{args.activity_id}: "
        + ("Prolegis' version pushed to Clio." if args.overwrite else "Clio's version kept.")
    )
    return ExitCode.OK
