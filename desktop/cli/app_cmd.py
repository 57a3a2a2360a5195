"""The desktop app: ``prolegis-desktop`` (or ``gui``), and ``demo`` against the embedded sandbox."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli.context import CliContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    g = sub.add_parser("gui", help="the desktop app (the default when no command is given)")
    g.add_argument(
        "--hidden",
        action="store_true",
        help="start in the tray (at login); the window opens from the tray icon",
    )
    g.set_defaults(handler=run_gui_cmd)
    d = sub.add_parser(
        "demo",
        help="the app against the embedded Clio sandbox and a seeded demo firm",
        description="Start the Clio sandbox inside the app, seed a demo firm (once), sign in and "
        "open the main window. Everything lives in a demo home (default: a 'demo' folder beside "
        "the app's data; --home DIR to choose), never in your real settings.",
    )
    d.add_argument("--reset", action="store_true", help="forget the demo firm and seed it again")
    d.set_defaults(handler=run_demo, needs_home=False)


def default_handler(args: argparse.Namespace, ctx: CliContext) -> int:
    """No command given: the desktop app."""
    args.hidden = False
    return run_gui_cmd(args, ctx)


def run_gui_cmd(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.ui.shell import launch

    return launch(ctx.paths, start_hidden=bool(getattr(args, "hidden", False)))


def run_demo(args: argparse.Namespace, ctx: CliContext) -> int:
    from desktop.demo.setup import DemoBusy, NotADemoHome, demo_paths, reset_demo, start_demo
    from desktop.logsetup import configure_logging
    from desktop.ui.shell import launch

    home = Path(args.home) if args.home else None
    try:
        paths = reset_demo(home) if args.reset else demo_paths(home)
        configure_logging(paths.log_dir, verbose=ctx.verbose)
        demo = start_demo(paths.home)
    except (DemoBusy, NotADemoHome) as exc:
        ctx.err(str(exc))
        return 1
    ctx.out(f"Demo home: {paths.home}")
    ctx.out(f"Clio sandbox: {demo.sandbox.base_url} (stops when the app quits)")
    try:
        return launch(paths, sandbox_url=demo.sandbox.base_url)
    finally:
        demo.sandbox.stop()
