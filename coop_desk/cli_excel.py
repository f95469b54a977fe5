"""The command line's Excel commands: `import members FILE.xlsx` and `export LIST FILE.xlsx`.

coop_desk.cli adds them with `add_commands(subparsers)` and hands every parsed command to `run(args)`,
which returns the exit code, or None for a command that is not one of these.
"""

from __future__ import annotations

import argparse
import sys

EXPORT_LISTS = (
    "people",
    "members",
    "households",
    "calls",
    "cases",
    "providers",
    "contracts",
    "volunteers",
    "rides",
    "meals",
    "jobs",
)


def add_commands(subparsers) -> None:
    """Add `import` and `export` to the program's sub-command parsers."""
    imp = subparsers.add_parser(
        "import",
        help="lees leden in uit een Excel-werkmap (.xlsx); alles of niets",
        description="Leest leden in uit een Excel-lijst. Elke rij wordt eerst gecontroleerd; bij één probleem "
        "wordt niets opgeslagen en staan alle problemen op het scherm (rij, kolom, reden).",
    )
    imp.add_argument("what", choices=("members",), metavar="members", help="wat er wordt ingelezen: members (leden)")
    imp.add_argument("file", metavar="FILE.xlsx", help="de Excel-werkmap")
    imp.add_argument("--dry-run", action="store_true", help="alleen controleren, niets opslaan")
    imp.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="KOLOM=VELD",
        help='koppel een kolom aan een veld, bijv. --map "Naam partner=negeren" --map "Tel. thuis=telefoon"',
    )
    imp.add_argument("--sheet", metavar="WERKBLAD", help="het werkblad (standaard het eerste)")

    exp = subparsers.add_parser(
        "export",
        help="schrijf een lijst naar een Excel-werkmap (.xlsx)",
        description="Schrijft een lijst naar Excel: people (personen), members (leden), households (huishoudens), "
        "calls (gesprekken), cases (hulpvragen), providers (aanbieders), contracts (contracten), volunteers "
        "(vrijwilligers), rides (ritten), meals (maaltijden) of jobs (klussen).",
    )
    exp.add_argument("what", choices=EXPORT_LISTS, help="welke lijst")
    exp.add_argument("file", metavar="FILE.xlsx", help="het bestand dat wordt geschreven")
    exp.add_argument("--zoek", default="", metavar="TEKST", help="alleen personen die hierop gevonden worden")


def run(args: argparse.Namespace) -> int | None:
    """Run an import or export command; None when `args.command` is not one of them."""
    command = getattr(args, "command", None)
    if command == "import":
        return _import(args)
    if command == "export":
        return _export(args)
    return None


def _backup_for(app):
    from coop_desk.config import sqlite_file
    from coop_desk.db.backup import backup_sqlite

    file = sqlite_file(app.url)
    if file is None or not file.exists():
        return None

    def backup() -> None:
        target = backup_sqlite(file, app.paths.backup_dir, "voor-import")
        print(f"Reservekopie gemaakt: {target}")

    return backup


def _import(args: argparse.Namespace) -> int:
    from coop_desk.context import open_app
    from coop_desk.services import member_import
    from coop_desk.services.errors import ServiceError

    try:
        mapping = member_import.parse_mapping(args.map)
    except ServiceError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    app = open_app(args.db)
    try:
        report = member_import.run_import(
            app.services,
            args.file,
            mapping,
            dry_run=args.dry_run,
            backup=None if args.dry_run else _backup_for(app),
            sheet=args.sheet,
        )
    except ServiceError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    finally:
        app.close()
    for note in report.notes:
        print(f"Let op: {note}")
    if report.problems:
        for problem in report.problems:
            print(str(problem), file=sys.stderr)
        print(report.summary(), file=sys.stderr)
        return 1
    print(report.summary() + f" ({report.seconds:.1f} s)")
    return 0


def _export(args: argparse.Namespace) -> int:
    from coop_desk.context import open_app
    from coop_desk.services import exports
    from coop_desk.services.errors import ServiceError

    app = open_app(args.db)
    try:
        count = exports.export_list(app.services, args.what, args.file, query=args.zoek)
    except ServiceError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    finally:
        app.close()
    print(f"{count} {'rij' if count == 1 else 'rijen'} geschreven naar {args.file}.")
    return 0
