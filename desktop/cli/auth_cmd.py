"""``prolegis-desktop login | logout | whoami``: sign in to Clio with the browser, sign out,
and show who is signed in.

``login`` prints the address to open on a line of its own (so a script, or a person on another
machine's browser, can use it), opens the system browser unless ``--no-browser``, waits for the
redirect to ``http://127.0.0.1:<oauth_port>/callback``, stores the tokens (keychain; a private
home file for a sandbox on this computer) and prints who signed in. A secret given with
``--client-secret`` is kept with the tokens, never in the settings file.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from desktop.cli.context import CliContext, ExitCode, UsageError
from desktop.clio.budget import Priority
from desktop.clio.connect import (
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    app_credentials,
    open_client,
    target_from_settings,
)
from desktop.clio.errors import ClioError
from desktop.clio.oauth import ClientCredentials
from desktop.clio.regions import ClioTarget, Region, TargetError
from desktop.clio.signin import DEFAULT_TIMEOUT, BrowserSignIn, sign_out
from desktop.clio.tokens import TokenStore, token_store_for
from desktop.settings import Settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("login", help="sign in to Clio with the browser",
                       description="Sign in to Clio: open the printed address in a browser and "
                       "approve Prolegis Desktop; the tokens are kept in the system keychain.")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--region", choices=[r.value for r in Region],
                       help="the Clio region of the firm's account (default: the setting, ca)")
    where.add_argument("--clio-url", metavar="URL",
                       help="a Clio base URL instead of a region (the sandbox, e.g. "
                       "http://127.0.0.1:53100)")
    p.add_argument("--client-id", metavar="ID", help="the firm's own Clio app id")
    p.add_argument("--client-secret", metavar="SECRET",
                   help="the firm's Clio app secret (kept in the keychain); '-' asks for it "
                   "without echo, or reads it from standard input — so it stays out of the "
                   "shell history and the process list")
    p.add_argument("--no-browser", action="store_true",
                   help="only print the address; do not open a browser")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help="how long to wait for the browser (default %(default).0f)")
    p.set_defaults(handler=run_login)

    out = sub.add_parser("logout", help="sign out of Clio and forget the tokens")
    out_where = out.add_mutually_exclusive_group()
    out_where.add_argument("--region", choices=[r.value for r in Region])
    out_where.add_argument("--clio-url", metavar="URL")
    out.set_defaults(handler=run_logout)

    who = sub.add_parser("whoami", help="show who is signed in to Clio")
    who.set_defaults(handler=run_whoami)


def _target(args: argparse.Namespace, settings: Settings) -> ClioTarget:
    try:
        if getattr(args, "clio_url", None) or getattr(args, "region", None):
            return ClioTarget.resolve(args.region, args.clio_url)
        return target_from_settings(settings)
    except TargetError as exc:
        raise UsageError(str(exc)) from None


def _credentials(args: argparse.Namespace, target: ClioTarget, store: TokenStore,
                 settings: Settings) -> ClientCredentials:
    if target.is_loopback and not args.client_id and not args.client_secret:
        return ClientCredentials(SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET)
    return app_credentials(target, store, client_id=args.client_id,
                           client_secret=args.client_secret, settings=settings)


def _read_secret() -> str:
    """The app secret from a no-echo prompt, or the first line of standard input."""
    if sys.stdin.isatty():
        return getpass.getpass("Clio app secret: ").strip()
    return sys.stdin.readline().strip()


def run_login(args: argparse.Namespace, ctx: CliContext) -> int:
    settings = Settings(ctx.paths.settings_file)
    target = _target(args, settings)
    store = token_store_for(target, ctx.paths.data_dir)
    if args.client_secret == "-":
        args.client_secret = _read_secret()
        if not args.client_secret:
            raise UsageError("login: no app secret was given")
    try:
        store.current_account(target)  # a missing or locked keychain says so before the browser
        creds = _credentials(args, target, store, settings)
        with BrowserSignIn(target, creds, port=int(settings.get("oauth_port"))) as signin:
            ctx.out(f"To sign in to {target.label}, open this address in a browser:")
            ctx.out(signin.url)
            if not args.no_browser and not signin.open_browser():
                ctx.out("(No browser could be opened here: open the address above yourself.)")
            ctx.out("Waiting for the sign-in to finish (Ctrl+C cancels)…")
            try:
                result = signin.wait(args.timeout, store=store)
            except KeyboardInterrupt:
                ctx.err("Sign-in cancelled.")
                return ExitCode.ERROR
        if args.client_secret:
            store.save_client_secret(target, creds.client_id, creds.client_secret)
    except ClioError as exc:
        ctx.err(exc.user_message)
        return ExitCode.ERROR
    changes: dict[str, object] = {}
    if args.clio_url:
        changes["clio_url"] = target.base_url
    elif args.region:
        changes.update(region=args.region, clio_url="")
    if args.client_id:
        changes["client_id"] = args.client_id
    if changes:
        settings.update(changes)
    user = result.user
    ctx.out(f"Signed in to {target.label} as {user.name} <{user.email}>.")
    return ExitCode.OK


def run_logout(args: argparse.Namespace, ctx: CliContext) -> int:
    settings = Settings(ctx.paths.settings_file)
    target = _target(args, settings)
    try:
        result = sign_out(target, token_store_for(target, ctx.paths.data_dir))
    except ClioError as exc:
        ctx.err(exc.user_message)
        return ExitCode.ERROR
    if not result.was_signed_in:
        ctx.out(f"Not signed in to {target.label}.")
    elif result.revoked:
        ctx.out(f"Signed out of {target.label}; the sign-in was revoked in Clio.")
    else:
        reason = result.revoke_error.user_message if result.revoke_error else ""
        ctx.out(f"Signed out on this computer. Clio could not be told ({reason}); you can "
                "disconnect Prolegis Desktop in Clio's settings.")
    return ExitCode.OK


def run_whoami(args: argparse.Namespace, ctx: CliContext) -> int:
    settings = Settings(ctx.paths.settings_file)
    try:
        with open_client(ctx.paths, settings, priority_default=Priority.INTERACTIVE) as client:
            user = client.who_am_i()
            label = client.target_label
    except TargetError as exc:
        ctx.err(str(exc))
        return ExitCode.ERROR
    except ClioError as exc:
        ctx.err(exc.user_message)
        return ExitCode.ERROR
    ctx.out(f"Name:  {user.name or ''}")
    ctx.out(f"Email: {user.email or ''}")
    ctx.out(f"Clio:  {label}")
    return ExitCode.OK
