"""The command line: `coop-desk [--db PATH_OR_URL] [COMMAND]`; without a command the desktop program starts."""

from __future__ import annotations

import argparse
import sys
import time

from coop_desk import (
    cli_audit,
    cli_backup,
    cli_excel,
    cli_letters,
    cli_privacy,
    cli_report,
    cli_schedule,
    cli_user,
)
from coop_desk.services.audit import program_version


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coop-desk",
        description="Coop Desk: het kantoorprogramma van een zorgcoöperatie. Zonder opdracht start het programma.",
    )
    parser.add_argument("--version", action="version", version=f"Coop Desk {program_version()}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="databasebestand (SQLite) of SQLAlchemy-URL, bijv. postgresql+psycopg://gebruiker@server/coopdesk; "
        "standaard COOP_DESK_DB of het bestand in de gebruikersmap",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    cli_excel.add_commands(commands)
    cli_letters.add_commands(commands)
    cli_schedule.add_commands(commands)
    cli_report.add_commands(commands)
    cli_audit.add_commands(commands)
    cli_privacy.add_commands(commands)
    cli_backup.add_commands(commands)
    cli_user.add_commands(commands)
    commands.add_parser(
        "self-test",
        help="controleer of Coop Desk op deze computer werkt (zonder de eigen gegevens te openen)",
        description="Probeert de controles van postcode, telefoon en IBAN, maakt in een tijdelijke map een database "
        "met een klein demodorp, schrijft en leest een persoon, "
        "maakt een brief als PDF en een Excel-lijst, start Qt en opent het hoofdvenster, controleert de gegevensmap "
        "(zonder de database te openen) en toont de versies. Afsluitcode 0 als alles werkt, anders 1.",
    )
    demo = commands.add_parser("demo", help="vul een lege database met een fictief demodorp")
    demo.add_argument("--members", type=int, default=300, metavar="N", help="aantal leden (standaard 300)")
    demo.add_argument("--seed", type=int, default=1, metavar="N", help="startgetal; zelfde getal, zelfde dorp")
    demo.add_argument(
        "--cases",
        type=int,
        default=None,
        metavar="N",
        help="aantal hulpvragen (standaard de helft van het aantal leden)",
    )
    return parser


def _demo(args: argparse.Namespace) -> int:
    from coop_desk.context import open_app
    from coop_desk.services.demo import fill_demo_village
    from coop_desk.services.errors import ServiceError

    if args.members < 1:
        print("Fout: --members moet minstens 1 zijn.", file=sys.stderr)
        return 2
    if args.cases is not None and args.cases < 0:
        print("Fout: --cases kan niet negatief zijn.", file=sys.stderr)
        return 2
    start = time.perf_counter()
    app = open_app(args.db)
    try:
        summary = fill_demo_village(app.services, members=args.members, seed=args.seed, cases=args.cases)
    except ServiceError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    finally:
        app.close()
    print(
        f"Demodorp gemaakt in {app.database_label}: {summary.people} mensen in {summary.households} huishoudens, "
        f"{summary.members} leden, {summary.volunteers} vrijwilligers, {summary.clients} hulpvragers, "
        f"{summary.cases} hulpvragen, {summary.calls} gesprekken, {summary.rides} ritten, {summary.meals} maaltijden "
        f"en {summary.jobs} klussen ({time.perf_counter() - start:.1f} s)."
    )
    return 0


def _run_command(args: argparse.Namespace) -> int:
    for extension in (cli_excel, cli_letters, cli_schedule, cli_report, cli_audit, cli_privacy, cli_backup, cli_user):
        code = extension.run(args)
        if code is not None:
            return code
    if args.command == "demo":
        return _demo(args)
    if args.command == "self-test":
        from coop_desk import selftest

        return selftest.main()
    raise SystemExit(f"onbekende opdracht {args.command}")


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    from coop_desk.selftest import QT_PROBE_COMMAND  # standard library only: cheap at start-up

    if arguments[:1] == [QT_PROBE_COMMAND]:  # the self-test's child process; not a command for people
        from coop_desk.ui.shell.self_test_probe import qt_probe

        return qt_probe(*arguments[1:3])
    args = build_parser().parse_args(arguments)
    if args.command is not None:
        from coop_desk.db.safety import DatabaseDamaged, DatabaseInUse, UnsafeLocation

        try:
            return _run_command(args)
        except (DatabaseInUse, UnsafeLocation, DatabaseDamaged) as exc:  # explained, never a traceback
            print(f"Fout: {exc}", file=sys.stderr)
            return 1
    from coop_desk.app import run_gui

    return run_gui(args.db)


if __name__ == "__main__":
    sys.exit(main())
