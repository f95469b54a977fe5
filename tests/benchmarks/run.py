"""Coop Desk's benchmark runner, run on demand (never part of CI's pass/fail).

    uv run python tests/benchmarks/run.py [NAME …] [--json FILE] [--repeat N] [--members N] [--cases N] [--seed N]
        [--fresh]

Runs the named benchmarks (all without names) on a large generated village, prints a table of medians against
their goals and, with --json, writes them to FILE. Missed goals are reported, not failed: the exit code is 0 unless
a benchmark could not run (1) or the command line is wrong (2).

Adding a benchmark: write bench_<area>.py with run(village, repeat) -> list[Result] and add it to BENCHMARKS.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import bench_cases
import bench_excel
import bench_groups
import bench_letters
import bench_people
import bench_print
import bench_reports
import bench_startup
from timing import Result
from village import Village, prepare_village


@dataclass(frozen=True)
class Benchmark:
    run: Callable[[Village, int | None], list[Result]]
    about: str


BENCHMARKS: dict[str, Benchmark] = {
    "startup": Benchmark(bench_startup.run, "process start to main window shown with the people list (subprocess)"),
    "people_lookup": Benchmark(bench_people.run, "one search keystroke incl. model update; and a naive LIKE baseline"),
    "lookup": Benchmark(
        bench_cases.run_lookup, "caller lookup per keystroke at the Spreekuur incl. model; and a naive LIKE baseline"
    ),
    "caseload_filter": Benchmark(bench_cases.run_caseload_filter, "change a caseload filter: first page + count"),
    "open_case": Benchmark(bench_cases.run_open_case, "open a help request with 50+ timeline lines (service + dialog)"),
    "import_members": Benchmark(bench_excel.run_import, "read, check and write a 10,000-row member list"),
    "export_people": Benchmark(bench_excel.run_export, "export 10,000 people to .xlsx"),
    "print_month": Benchmark(bench_print.run, "one work group's print pack for a month (Rijdt 300 rides; Eet 5×24)"),
    "plan_month": Benchmark(bench_groups.run, "plan one month (generate + assign) for four groups of 60 volunteers"),
    "letters_vs_libreoffice": Benchmark(
        bench_letters.run, "1,000 letters into one PDF via make_letters; and LibreOffice converting them as .docx"
    ),
    "year_report": Benchmark(bench_reports.run, "the period report for a whole calendar year (all figures, GROUP BY)"),
}


def isolate(workdir: Path) -> None:
    """Nothing may touch the user's folders, settings or database: point everything into the scratch folder."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["COOP_DESK_HOME"] = str(workdir / "home")
    os.environ["COOP_DESK_LANG"] = "nl"
    os.environ["XDG_CONFIG_HOME"] = str(workdir / "config")  # QSettings' user scope on Linux
    os.environ.pop("COOP_DESK_DB", None)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Run Coop Desk's benchmarks.",
        epilog="benchmarks: " + "; ".join(f"{name}: {b.about}" for name, b in BENCHMARKS.items()),
    )
    parser.add_argument("names", nargs="*", metavar="NAME", help="benchmarks to run (default: all)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON to FILE")
    parser.add_argument("--repeat", type=int, metavar="N", help="runs/passes per benchmark (default: its own)")
    parser.add_argument("--members", type=int, default=10_000, metavar="N", help="village size (default 10000)")
    parser.add_argument(
        "--cases", type=int, metavar="N", help="help requests in the village (default ten per member: 100000)"
    )
    parser.add_argument("--seed", type=int, default=7, help="village seed (default 7)")
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached village")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    if args.cases is not None and args.cases < 0:
        parser.error("--cases cannot be negative")
    if args.repeat is not None and args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def _number(value: float | None, digits: str = ".4f") -> str:
    return "—" if value is None else format(value, digits)


def print_table(results: list[Result]) -> None:
    header = ("benchmark", "median", "unit", "target", "baseline", "ratio", "target ratio", "status")
    lines = [header]
    for r in results:
        status = "(comparison)" if r.informational else ("TOO SLOW" if r.missed() else "OK")
        lines.append(
            (
                r.name,
                _number(r.value),
                r.unit,
                _number(r.target),
                _number(r.baseline),
                _number(r.ratio, ".2f"),
                _number(r.target_ratio, ".1f"),
                status,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    for n, line in enumerate(lines):
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * width for width in widths))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    names = args.names or list(BENCHMARKS)
    workdir = Path(tempfile.mkdtemp(prefix="coop-desk-bench-"))
    isolate(workdir)
    failed: list[str] = []
    results: list[Result] = []
    try:
        village = prepare_village(args.members, args.seed, workdir, fresh=args.fresh, cases=args.cases)
        how = "from cache" if village.build_seconds is None else f"built in {village.build_seconds:.1f} s"
        print(
            f"village: {village.members} members, {village.cases} help requests, seed {village.seed}, {how}: "
            f"{village.path}"
        )
        for name in names:
            print(f"running {name} …", flush=True)
            start = time.perf_counter()
            try:
                found = BENCHMARKS[name].run(village, args.repeat)
            except Exception:  # noqa: BLE001 - report and go on with the others
                traceback.print_exc()
                failed.append(name)
                continue
            results.extend(found)
            print(f"  done in {time.perf_counter() - start:.1f} s", flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print()
    print_table(results)
    for r in results:
        if r.note:
            print(f"  {r.name}: {r.note}")
    missed = [(r.name, m) for r in results for m in r.missed()]
    print()
    if missed:
        print("GOALS MISSED:")
        for name, miss in missed:
            print(f"  {name}: {miss}")
    elif results:
        print("All goals met.")
    if failed:
        print(f"COULD NOT RUN: {', '.join(failed)}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({r.name: r.to_json() for r in results}, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
