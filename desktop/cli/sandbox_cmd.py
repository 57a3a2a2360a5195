"""``prolegis-desktop sandbox``: run the Clio sandbox alone (implemented with desktop.sandbox).

The first line on stdout (flushed) is ``Clio sandbox: http://127.0.0.1:PORT``; the sandbox then
serves until SIGINT or SIGTERM and exits 0. See ``docs/sandbox.md``.
"""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType
from typing import Any

from desktop.cli.context import CliContext, ExitCode, UsageError
from desktop.sandbox.config import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_RATE_LIMIT,
    DEFAULT_RATE_WINDOW,
    DEFAULT_TOKEN_LIFETIME,
)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "sandbox",
        help="run the local Clio sandbox server",
        description="A Clio Manage v4 look-alike on loopback (OAuth, API, document storage) "
        "for the demo, training and tests. Serves until interrupted. See docs/sandbox.md.",
    )
    p.add_argument(
        "--host", default="127.0.0.1", help="loopback address to bind (default %(default)s)"
    )
    p.add_argument("--port", type=int, default=0, help="API port; 0 picks a free one (default)")
    p.add_argument("--data", metavar="DIR", help="keep the data in DIR (default: in memory)")
    p.add_argument(
        "--auto-approve",
        action="store_true",
        help="approve sign-ins at once, without the consent page",
    )
    p.add_argument(
        "--client-id", default=DEFAULT_CLIENT_ID, help="OAuth client id (default %(default)s)"
    )
    p.add_argument(
        "--client-secret",
        default=DEFAULT_CLIENT_SECRET,
        help="OAuth client secret (default: documented)",
    )
    p.add_argument(
        "--rate-limit",
        type=int,
        default=DEFAULT_RATE_LIMIT,
        metavar="N",
        help="requests per window per access token (default %(default)s, Clio's peak)",
    )
    p.add_argument(
        "--rate-window",
        type=float,
        default=DEFAULT_RATE_WINDOW,
        metavar="SECONDS",
        help="rate-limit window (default %(default)s)",
    )
    p.add_argument(
        "--faults", metavar="SPEC", help="inject faults, e.g. 'seed=1;/api/v4/*=503@0.1'"
    )
    p.add_argument(
        "--token-lifetime",
        type=int,
        default=DEFAULT_TOKEN_LIFETIME,
        metavar="SECONDS",
        help="access-token lifetime (default %(default)s, 30 days)",
    )
    p.set_defaults(handler=run, needs_home=False)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.sandbox import Sandbox, SandboxConfig

    config = SandboxConfig(
        host=args.host,
        port=args.port,
        data_dir=args.data,
        auto_approve=args.auto_approve,
        client_id=args.client_id,
        client_secret=args.client_secret,
        rate_limit=args.rate_limit,
        rate_window=args.rate_window,
        faults=args.faults,
        token_lifetime=args.token_lifetime,
    )
    try:
        sandbox = Sandbox(config)
    except ValueError as exc:
        raise UsageError(f"prolegis-desktop sandbox: {exc}") from exc
    stop = threading.Event()
    previous = _install_signal_handlers(stop)
    try:
        try:
            sandbox.start()
        except (OSError, RuntimeError) as exc:
            ctx.err(f"prolegis-desktop sandbox: cannot start: {exc}")
            return ExitCode.ERROR
        ctx.out(f"Clio sandbox: {sandbox.base_url}")
        ctx.out(f"Storage: {sandbox.storage_url}")
        ctx.out(f"OAuth client id: {config.client_id}")
        ctx.out(f"Data: {config.data_dir or 'in memory'}")
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
        sandbox.stop()
        return ExitCode.OK
    finally:
        _restore_signal_handlers(previous)


def _install_signal_handlers(stop: threading.Event) -> dict[int, Any]:
    if threading.current_thread() is not threading.main_thread():
        return {}

    def handler(_signum: int, _frame: FrameType | None) -> None:
        stop.set()

    previous: dict[int, Any] = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        previous[sig] = signal.signal(sig, handler)
    return previous


def _restore_signal_handlers(previous: dict[int, Any]) -> None:
    for sig, h in previous.items():
        signal.signal(sig, h)
