"""The command line's report command: `report --from DATE --to DATE --out FILE.xlsx|FILE.pdf [--min-count N]`.

The period report for the municipality and funders: an Excel workbook with charts or a PDF (a "Jaarverslag" for
a calendar year). coop_desk.cli adds it with `add_commands(subparsers)` and hands every parsed command to
`run(args)`, which returns the exit code, or None for a command that is not this one. Exit codes: 0 written,
1 the file cannot be written (or the database refused), 2 wrong input (dates, file type, --min-count).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_commands(subparsers) -> None:
    """Add `report` to the program's sub-command parsers."""
    report = subparsers.add_parser(
        "report",
        help="maak de rapportage voor gemeente en fondsen als Excel-werkmap of PDF",
        description="Maakt de rapportage over een periode: spreekuur, hulpvragen, leden, vrijwilligers, werkgroepen "
        'en aanbieders. Alleen totalen, geen namen; aantallen van 1 tot de drempel staan als "<5". Met een '
        ".xlsx-bestand komt er een Excel-werkmap met grafieken, met een .pdf-bestand een verslag om te versturen "
        "(over een heel kalenderjaar: het jaarverslag).",
        epilog="Voorbeeld: coop-desk report --from 1-1-2026 --to 31-12-2026 --out jaarverslag-2026.pdf",
    )
    report.add_argument("--from", dest="start", required=True, metavar="DATUM", help="eerste dag, bijv. 1-1-2026")
    report.add_argument("--to", dest="end", required=True, metavar="DATUM", help="laatste dag, bijv. 31-12-2026")
    report.add_argument(
        "--out", required=True, type=Path, metavar="FILE.xlsx|FILE.pdf", help="het bestand dat ontstaat"
    )
    report.add_argument(
        "--min-count",
        dest="min_count",
        type=int,
        default=None,
        metavar="N",
        help='aantallen onder N worden verborgen als "<N" (standaard 5)',
    )


def run(args: argparse.Namespace) -> int | None:
    """Run the report command; None when `args.command` is not `report`."""
    if getattr(args, "command", None) != "report":
        return None
    return _report(args)


def _report(args: argparse.Namespace) -> int:
    from coop_desk.context import open_app
    from coop_desk.documents.report_xlsx import report_title
    from coop_desk.services.errors import ServiceError, ValidationError
    from coop_desk.services.report_data import DEFAULT_THRESHOLD
    from coop_desk.services.report_export import kind_of, write_report

    threshold = DEFAULT_THRESHOLD if args.min_count is None else args.min_count
    app = open_app(args.db)
    try:
        try:
            data = write_report(app.services, args.start, args.end, args.out, threshold)
        except ValidationError as exc:
            for field, message in exc.errors.items():
                option = {"start": "--from", "end": "--to", "path": "--out", "threshold": "--min-count"}.get(field)
                print(f"Fout: {message}" + (f" ({option})" if option else ""), file=sys.stderr)
            return 2
        except ServiceError as exc:
            print(f"Fout: {exc}", file=sys.stderr)
            return 1
    finally:
        app.close()
    f = data.figure
    what = "Excel-werkmap" if kind_of(args.out) == "xlsx" else "PDF"
    print(
        f"{report_title(data)} van {data.cooperative.display_name}: {what} naar {args.out} "
        f"({f(data.calls)} gesprekken, {f(data.new_cases)} nieuwe hulpvragen, {f(data.rides)} ritten, "
        f"{f(data.members_at_end)} leden; aantallen onder {data.threshold} verborgen)."
    )
    return 0
