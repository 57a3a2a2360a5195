"""``clients match | link | unlink``: Prolegis clients ⇄ Clio contacts from the command line.

Each action opens the account's services and runs the records half directly (no running engine
needed); ``clients match`` only reads, so it works beside a running ``sync`` (whose cache of
contacts is then used as it is).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from desktop.cli.context import CliContext, ExitCode
from desktop.cli.services import CommandError, services_for
from desktop.instance_lock import read_holder
from desktop.sync import commands as cmd
from desktop.sync.records.matching_service import confident
from desktop.sync.records.standalone import RecordsSession, WorkspaceUnreadable
from desktop.sync.views import ClientMatchView


class Abort(Exception):
    """Stop the command with ``code`` after the message was printed."""

    def __init__(self, code: int) -> None:
        self.code = code


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("clients", help="link Prolegis clients to Clio contacts")
    csub = p.add_subparsers(dest="clients_command", metavar="ACTION", required=True)
    m = csub.add_parser("match", help="each client's link state and candidate Clio contacts")
    m.add_argument("--json", action="store_true")
    m.set_defaults(handler=run_match)
    ln = csub.add_parser("link", help="link a client to a Clio contact, or create one")
    ln.add_argument("client_id", nargs="?", metavar="CLIENT_ID", help="the Prolegis client id")
    how = ln.add_mutually_exclusive_group(required=True)
    how.add_argument("--contact", type=int, metavar="CONTACT_ID", help="an existing Clio contact")
    how.add_argument("--create", action="store_true", help="create a new Clio contact from it")
    how.add_argument(
        "--all-confident",
        action="store_true",
        help="link every confident match (or only CLIENT_ID's, if given)",
    )
    ln.add_argument("--json", action="store_true")
    ln.set_defaults(handler=run_link)
    un = csub.add_parser("unlink", help="unlink a client from its Clio contact")
    un.add_argument("client_id", metavar="CLIENT_ID")
    un.add_argument("--json", action="store_true")
    un.set_defaults(handler=run_unlink)


@contextmanager
def records_session(ctx: CliContext, *, recover: bool = True) -> Iterator[RecordsSession]:
    """The records half for this home's account and workspace (closed after); errors are
    printed and become :class:`Abort` (exit 1)."""
    try:
        services = services_for(ctx)
    except CommandError as exc:
        ctx.err(str(exc))
        raise Abort(ExitCode.ERROR) from None
    try:
        session = RecordsSession(services)
        try:
            session.load(recover=recover)
        except WorkspaceUnreadable as exc:
            ctx.err(str(exc))
            raise Abort(ExitCode.ERROR) from None
        yield session
    finally:
        services.store.close()
        services.clio.close()


def others_running(ctx: CliContext) -> bool:
    """Whether a sync or the app runs with this home (then its caches are fresh already)."""
    return read_holder(ctx.paths.lock_file) is not None


def _guarded(action: Any, args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        return int(action(args, ctx))
    except Abort as stop:
        return stop.code


# -- match ---------------------------------------------------------------------------------------


def view_json(v: ClientMatchView) -> dict[str, Any]:
    return {
        "client_id": v.client_id,
        "name": v.name,
        "kind": v.kind,
        "summary": v.summary,
        "band": v.band,
        "linked_contact_id": v.linked_contact_id,
        "linked_contact_name": v.linked_contact_name or None,
        "on_new_matters": list(v.on_new_matters),
        "candidates": [
            {
                "contact_id": c.contact_id,
                "name": c.name,
                "score": c.score,
                "summary": c.summary,
                "evidence": [
                    {"field": e.field, "verdict": e.verdict, "detail": e.detail} for e in c.evidence
                ],
            }
            for c in v.candidates
        ],
    }


_MARK = {"agrees": "✓", "partial": "~", "disagrees": "✗"}


def _line(v: ClientMatchView) -> str:
    head = f"{v.client_id:<10} {v.name[:28]:<28} {v.band:<9}"
    if v.band == "linked":
        return f"{head} → {v.linked_contact_name} (Clio contact {v.linked_contact_id})"
    if not v.candidates:
        return f"{head} no candidate: create one with --create"
    best = v.candidates[0]
    marks = " ".join(f"{e.field} {_MARK.get(e.verdict, '?')}" for e in best.evidence)
    more = f" (+{len(v.candidates) - 1} more)" if len(v.candidates) > 1 else ""
    return f"{head} → {best.name} ({best.contact_id}, {best.score:.1f}) {marks}{more}"


def run_match(args: argparse.Namespace, ctx: CliContext) -> int:
    return _guarded(_match, args, ctx)


def _match(args: argparse.Namespace, ctx: CliContext) -> int:
    with records_session(ctx, recover=False) as session:
        if not others_running(ctx):
            session.part.feeds.poll_contacts()
        manifest = session.ctx.manifest
        assert manifest is not None
        views = session.part.actions.match_views(manifest)
    counts = {band: 0 for band in ("linked", "confident", "review", "none")}
    for v in views:
        counts[v.band] = counts.get(v.band, 0) + 1
    if args.json:
        ctx.print_json(
            "clients-match", {"counts": counts, "clients": [view_json(v) for v in views]}
        )
        return ExitCode.OK
    for v in views:
        ctx.out(_line(v))
        if v.on_new_matters:
            ctx.out(f"{'':<10} needed for the new matter(s): {', '.join(v.on_new_matters)}")
    ctx.out(
        f"{len(views)} clients: {counts['linked']} linked, {counts['confident']} confident, "
        f"{counts['review']} to review, {counts['none']} without a candidate."
    )
    if counts["confident"]:
        ctx.out("Link the confident matches with 'prolegis-desktop clients link --all-confident'.")
    return ExitCode.OK


# -- link / unlink -------------------------------------------------------------------------------


def _linked_json(session: RecordsSession, client_ids: list[str]) -> list[dict[str, Any]]:
    out = []
    for cid in client_ids:
        link = session.services.store.client_links.get(cid)
        if link is not None:
            out.append(
                {
                    "client_id": cid,
                    "contact_id": link.contact_id,
                    "contact_name": link.contact_name,
                    "how": link.how,
                }
            )
    return out


def _fail(ctx: CliContext, messages: list[str]) -> int:
    for message in messages:
        ctx.err(message)
    return ExitCode.ERROR


def run_link(args: argparse.Namespace, ctx: CliContext) -> int:
    if not args.all_confident and not args.client_id:
        ctx.err("clients link: give the CLIENT_ID (only --all-confident goes without one)")
        return ExitCode.USAGE
    return _guarded(_link, args, ctx)


def _link(args: argparse.Namespace, ctx: CliContext) -> int:
    with records_session(ctx) as session:
        manifest = session.ctx.manifest
        assert manifest is not None
        if args.all_confident:
            ids = _link_confident(args, ctx, session)
        else:
            command = cmd.LinkClient(args.client_id, contact_id=args.contact, create=args.create)
            failed = session.run(command)
            if failed:
                return _fail(ctx, failed)
            ids = [args.client_id]
        linked = _linked_json(session, ids)
    if args.json:
        ctx.print_json("clients-link", {"count": len(linked), "linked": linked})
        return ExitCode.OK
    if args.all_confident:
        ctx.out(
            f"Linked {len(linked)} client{'s' if len(linked) != 1 else ''} (confident matches)."
        )
    for item in linked:
        verb = "created in Clio as" if item["how"] == "created" else "linked to"
        ctx.out(
            f"{item['client_id']} {verb} {item['contact_name']} (Clio contact {item['contact_id']})"
        )
    return ExitCode.OK


def _link_confident(
    args: argparse.Namespace, ctx: CliContext, session: RecordsSession
) -> list[str]:
    if not others_running(ctx):
        session.part.feeds.poll_contacts()
    manifest = session.ctx.manifest
    assert manifest is not None
    views = session.part.actions.match_views(manifest)
    chosen = confident(views)
    if args.client_id:
        mine = [v for v in views if v.client_id == args.client_id]
        if not mine:
            ctx.err(f"There is no client {args.client_id} in prolegis.json.")
            raise Abort(ExitCode.ERROR)
        if mine[0] not in chosen:
            ctx.err(
                f"{args.client_id} has no confident match (it is “{mine[0].band}”); link it with "
                "--contact CONTACT_ID or --create."
            )
            raise Abort(ExitCode.ERROR)
        failed = session.run(cmd.LinkClient(args.client_id, mine[0].candidates[0].contact_id))
        if failed:
            raise Abort(_fail(ctx, failed))
        return [args.client_id]
    if not chosen:
        return []
    failed = session.run(cmd.AcceptConfidentMatches(expected=len(chosen)))
    if failed:
        raise Abort(_fail(ctx, failed))
    return [v.client_id for v in chosen]


def run_unlink(args: argparse.Namespace, ctx: CliContext) -> int:
    return _guarded(_unlink, args, ctx)


def _unlink(args: argparse.Namespace, ctx: CliContext) -> int:
    with records_session(ctx) as session:
        failed = session.run(cmd.UnlinkClient(args.client_id))
    if failed:
        return _fail(ctx, failed)
    if args.json:
        ctx.print_json("clients-unlink", {"client_id": args.client_id, "unlinked": True})
    else:
        ctx.out(f"{args.client_id} unlinked; its Clio contact is unchanged.")
    return ExitCode.OK
