"""Run every benchmark and print one table: ``.venv/bin/python -m bench.run [--quick] [NAME...]``.

Each ``bench/bench_*.py`` module has ``run(quick: bool) -> list[Figure]``. The table shows each
figure with its target and its in-run baseline; the exit code is 1 if any target was missed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import pkgutil
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import Figure


def discover() -> list[str]:
    here = Path(__file__).parent
    return sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))


def _fmt(v: float | None) -> str:
    if v is None:
        return "—"
    if v == 0:
        return "0"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    if abs(v) >= 10:
        return f"{v:.1f}"
    if abs(v) >= 0.01:
        return f"{v:.3f}"
    return f"{v:.2e}"


def render(figures: list[Figure]) -> str:
    header = ("Area", "Figure", "Value", "Target", "Baseline", "Ratio", "OK")
    rows = []
    for f in figures:
        sign = "≥ " if f.higher_is_better else "≤ "
        target = "—" if f.target is None else sign + _fmt(f.target)
        baseline = "—" if f.baseline is None else f"{_fmt(f.baseline)} ({f.baseline_name})"
        ratio = "—" if f.ratio is None else f"{f.ratio:.2f}×"
        ok = {None: "", True: "yes", False: "NO"}[f.passed]
        rows.append((f.area, f.name, f"{_fmt(f.value)} {f.unit}", target, baseline, ratio, ok))
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(r: tuple[str, ...]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) + " |"

    out = [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(r) for r in rows]
    notes = [f"- {f.area} / {f.name}: {f.note}" for f in figures if f.note]
    if notes:
        out += ["", "Notes:", *notes]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    names = discover()
    if args.names:
        wanted = {n if n.startswith("bench_") else f"bench_{n}" for n in args.names}
        names = [n for n in names if n in wanted]
    figures: list[Figure] = []
    for name in names:
        started = time.perf_counter()
        print(f"running {name}…", file=sys.stderr, flush=True)
        module = importlib.import_module(f"bench.{name}")
        figures.extend(module.run(args.quick))
        print(f"  {name} took {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    print(render(figures))
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                [{**f.__dict__, "ratio": f.ratio, "passed": f.passed} for f in figures], indent=2
            ),
            encoding="utf-8",
        )
    return 1 if any(f.passed is False for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
