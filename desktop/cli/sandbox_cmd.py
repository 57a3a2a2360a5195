"""``prolegis-desktop sandbox``: run the Clio sandbox alone (implemented with desktop.sandbox)."""

from __future__ import annotations

import argparse

from desktop.cli.context import CliContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sandbox", help="run the local Clio sandbox server")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    raise NotImplementedError
