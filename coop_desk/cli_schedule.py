"""The command line's schedule command: `schedule GROUP --from DATE --to DATE --out FILE.pdf|FILE.xlsx [--parts …]`.

GROUP is eet, rijdt, klust or beweegt (the active group of that kind) or a group's name. coop_desk.cli adds it
with `add_commands(subparsers)` and hands every parsed command to `run(args)`, which returns the exit code, or
None for a command that is not this one. Exit codes: 0 written, 1 the database refused (nothing to print, cannot
write the file), 2 wrong input (unknown group, dates, parts, file type).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_commands(subparsers) -> None:
    """Add `schedule` to the program's sub-command parsers."""
    schedule = subparsers.add_parser(
        "schedule",
        help="print het rooster en de lijsten van een werkgroep als PDF of Excel",
        description="Maakt het printpakket van een werkgroep voor een periode: het rooster, en per soort groep de "
        "chauffeursbladen, keukenlijsten, klusbladen of presentielijsten, en een roosterbrief per vrijwilliger. "
        "Met een .xlsx-bestand komt er een Excel-werkmap met het rooster en de ritten, maaltijden, klussen of "
        "bijeenkomsten.",
        epilog="Voorbeeld: coop-desk schedule rijdt --from 1-12-2026 --to 31-12-2026 --out rijdt-december.pdf "
        "--parts rota,drivers",
    )
    schedule.add_argument(
        "group",
        metavar="GROEP",
        help="eet, rijdt, klust, beweegt of de naam van een werkgroep (tussen aanhalingstekens)",
    )
    schedule.add_argument("--from", dest="start", required=True, metavar="DATUM", help="eerste dag, bijv. 1-12-2026")
    schedule.add_argument("--to", dest="end", required=True, metavar="DATUM", help="laatste dag, bijv. 31-12-2026")
    schedule.add_argument(
        "--out", required=True, type=Path, metavar="FILE.pdf|FILE.xlsx", help="het bestand dat ontstaat"
    )
    schedule.add_argument(
        "--parts",
        metavar="ONDERDELEN",
        help="alleen deze onderdelen (met komma's): rota (rooster), drivers (chauffeursbladen), kitchen "
        "(keukenlijsten), jobs (klusbladen), attendance (presentielijsten), letters (roosterbrieven); "
        "standaard alles wat bij de groep past",
    )


def run(args: argparse.Namespace) -> int | None:
    """Run the schedule command; None when `args.command` is not `schedule`."""
    if getattr(args, "command", None) != "schedule":
        return None
    return _schedule(args)


def _fail(message: str, code: int) -> int:
    print(f"Fout: {message}", file=sys.stderr)
    return code


def _schedule(args: argparse.Namespace) -> int:
    from coop_desk.context import open_app
    from coop_desk.services import schedule_pack
    from coop_desk.services.dates import parse_date
    from coop_desk.services.errors import NotFoundError, ValidationError

    suffix = args.out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        return _fail(f"{args.out} moet eindigen op .pdf of .xlsx.", 2)
    try:
        start = parse_date(args.start)
        end = parse_date(args.end)
    except ValueError as exc:
        return _fail(str(exc), 2)
    parts = None
    if args.parts is not None:
        if suffix == ".xlsx":
            return _fail("--parts hoort bij een PDF; een Excel-bestand bevat altijd het hele rooster.", 2)
        parts = [p for p in args.parts.replace(" ", "").split(",") if p]
    app = open_app(args.db)
    try:
        try:
            group = schedule_pack.resolve_group(app.services, args.group)
        except NotFoundError as exc:
            return _fail(str(exc), 2)
        try:
            if suffix == ".pdf":
                pack = schedule_pack.make_pack(app.services, group.id, start, end, parts)
                content, pages, title = pack.pdf, pack.pages, pack.title
            else:
                content = schedule_pack.schedule_xlsx(app.services, group.id, start, end)
                short = schedule_pack.format_date_short
                pages, title = None, f"Rooster {group.name} {short(start)} t/m {short(end)}"
        except ValidationError as exc:
            for message in exc.errors.values():
                print(f"Fout: {message}", file=sys.stderr)
            return 2
    finally:
        app.close()
    try:
        args.out.write_bytes(content)
    except OSError as exc:
        return _fail(f"kan {args.out} niet schrijven ({exc.strerror}).", 1)
    if pages is None:
        print(f"{title}: Excel-werkmap naar {args.out}.")
    else:
        word = "pagina" if pages == 1 else "pagina's"
        print(f"{title}: {pages} {word} naar {args.out}.")
        if pack.skipped:
            print(f"Geen roosterbrief (geen adres bekend): {', '.join(pack.skipped)}")
    return 0
