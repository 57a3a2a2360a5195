"""The command line: ``prolegis-desktop [--home DIR] COMMAND ...``.

Each command group lives in its own module under ``desktop.cli`` with a ``register(subparsers)``
function that adds its sub-commands and sets ``handler`` on them. A handler takes the parsed
arguments and a :class:`~desktop.cli.context.CliContext` and returns an exit code
(:class:`~desktop.cli.context.ExitCode`).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.cli.app_cmd import default_handler
from desktop.cli.context import CliContext, ExitCode, UsageError
from desktop.clio.errors import ClioError

# One module per command group; each has register(subparsers).
COMMAND_MODULES: tuple[str, ...] = (
    "desktop.cli.sandbox_cmd",
    "desktop.cli.config_cmd",
    "desktop.cli.sync_cmd",
    "desktop.cli.app_cmd",
    "desktop.cli.diag_cmd",
    "desktop.cli.activities_cmd",
    "desktop.cli.auth_cmd",
    "desktop.cli.clients_cmd",
    "desktop.cli.matters_cmd",
    "desktop.cli.documents_cmd",
)


class _Parser(argparse.ArgumentParser):
    """argparse with exit code 2 for usage errors (as decisions.md asks) and no sys.exit."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="prolegis-desktop",
        description="Keep Prolegis and Clio Manage in step: contacts, matters, billing, documents.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--home",
        metavar="DIR",
        help="keep all settings, state and logs under DIR (env: PROLEGIS_DESKTOP_HOME)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug details")
    parser.add_argument(
        "--selftest", action="store_true", help="check this installation (offscreen) and exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    parser.set_defaults(default_handler=default_handler)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program; returns the process exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return ExitCode.USAGE
    if args.selftest:
        from desktop.selftest import run_selftest

        return run_selftest()
    handler = getattr(args, "handler", None) or args.default_handler  # no command: the app
    ctx = CliContext.from_args(args)
    try:
        return int(handler(args, ctx))
    except UsageError as exc:
        print(str(exc), file=sys.stderr)
        return ExitCode.USAGE
    except KeyboardInterrupt:
        return ExitCode.ERROR
    except ClioError as exc:  # Clio unreachable, signed out…: one line a user can act on
        print(exc.user_message, file=sys.stderr)
        return ExitCode.ERROR
    except BrokenPipeError:  # output piped into `head`: stop quietly
        sys.stderr.close()
        return ExitCode.OK
