"""``prolegis-desktop config get KEY | set KEY VALUE | list``: the user's settings."""

from __future__ import annotations

import argparse

from desktop.cli.context import CliContext, ExitCode
from desktop.settings import SETTINGS, Settings, SettingsError, parse_value


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("config", help="read or change a setting")
    csub = p.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    g = csub.add_parser("get", help="print a setting's value")
    g.add_argument("key", choices=sorted(SETTINGS), metavar="KEY")
    g.set_defaults(handler=run_get)
    s = csub.add_parser("set", help="change a setting")
    s.add_argument("key", metavar="KEY")
    s.add_argument("value", metavar="VALUE")
    s.set_defaults(handler=run_set)
    ls = csub.add_parser("list", help="every setting with its value and meaning")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=run_list)


def _format(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def run_get(args: argparse.Namespace, ctx: CliContext) -> int:
    ctx.out(_format(Settings(ctx.paths.settings_file).get(args.key)))
    return ExitCode.OK


def run_set(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        value = parse_value(args.key, args.value)
    except SettingsError as exc:
        ctx.err(str(exc))
        return ExitCode.USAGE
    if args.key == "autostart":
        from desktop.autostart import AutostartError, default_command, set_autostart

        try:  # start at login for real, not only the setting
            set_autostart(bool(value), default_command(ctx.paths.home))
        except AutostartError as exc:
            ctx.err(f"Start at login could not be changed: {exc}")
            return ExitCode.ERROR
    Settings(ctx.paths.settings_file).set(args.key, value)
    ctx.out(f"{args.key} = {_format(value)}")
    return ExitCode.OK


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    settings = Settings(ctx.paths.settings_file)
    if args.json:
        ctx.print_json("config", {"settings": settings.as_dict()})
        return ExitCode.OK
    width = max(len(k) for k in SETTINGS)
    for key, spec in SETTINGS.items():
        ctx.out(f"{key.ljust(width)}  {_format(settings.get(key)) or '(empty)'}    # {spec.help}")
    return ExitCode.OK
