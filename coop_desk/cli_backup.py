"""The command line's data-safety commands.

    coop-desk backup [--to MAP] [--password WACHTWOORD | --password-stdin]
    coop-desk restore BESTAND [--yes] [--password WACHTWOORD | --password-stdin]
    coop-desk check

`backup` makes a verified backup in the backup folder (or, with --to, an encrypted one in a folder of choice such as
a USB stick); `restore` puts a backup back (the current database is backed up first); `check` runs the integrity and
foreign-key checks. coop_desk.cli adds them with `add_commands(subparsers)` and hands every parsed command to
`run(args)`, which returns the exit code or None for a command that is not one of these. Exit codes: 0 done (check:
all in order), 1 failed (check: a problem found), 2 wrong input.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

COMMANDS = ("backup", "restore", "check")


def _password_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--password", metavar="WACHTWOORD", help="het wachtwoord (let op: zichtbaar in de geschiedenis)")
    group.add_argument(
        "--password-stdin", action="store_true", help="lees het wachtwoord van de eerste regel van de invoer"
    )


def add_commands(subparsers) -> None:
    """Add `backup`, `restore` and `check` to the program's sub-command parsers."""
    backup = subparsers.add_parser(
        "backup",
        help="maak een reservekopie van de database",
        description="Maakt een gecontroleerde reservekopie met de backup-functie van SQLite in de map met "
        "reservekopieën. Met --to komt een met een wachtwoord versleutelde kopie in een map naar keuze "
        "(een USB-stick).",
        epilog="Voorbeeld: coop-desk backup --to /media/usb --password-stdin",
    )
    backup.add_argument("--to", type=Path, metavar="MAP", help="map voor een versleutelde reservekopie")
    _password_options(backup)
    restore = subparsers.add_parser(
        "restore",
        help="zet een reservekopie terug",
        description="Zet een reservekopie terug in plaats van de huidige database. Van de huidige database wordt "
        "eerst een reservekopie gemaakt (voor-herstel). Start Coop Desk daarna opnieuw.",
    )
    restore.add_argument("file", type=Path, metavar="BESTAND", help="de reservekopie (.sqlite of .coopbackup)")
    restore.add_argument("--yes", action="store_true", help="niet om bevestiging vragen")
    _password_options(restore)
    subparsers.add_parser(
        "check",
        help="controleer de database op beschadiging en verwijzingen",
        description="Voert de controle op beschadiging (integrity_check) en van de verwijzingen (foreign_key_check) "
        "uit. Bij PostgreSQL: een controle van de verbinding en de schemaversie.",
    )


def run(args: argparse.Namespace) -> int | None:
    """Run backup, restore or check; None for any other command."""
    command = getattr(args, "command", None)
    if command not in COMMANDS:
        return None
    from coop_desk.db.safety import DatabaseDamaged, DatabaseInUse, UnsafeLocation
    from coop_desk.services.errors import ServiceError, ValidationError

    try:
        if command == "backup":
            return _backup(args)
        if command == "restore":
            return _restore(args)
        return _check(args)
    except ValidationError as exc:
        for message in exc.errors.values():
            print(f"Fout: {message}", file=sys.stderr)
        return 2
    except (ServiceError, DatabaseInUse, UnsafeLocation, DatabaseDamaged) as exc:
        return _fail(str(exc), 1)


def _fail(message: str, code: int) -> int:
    print(f"Fout: {message}", file=sys.stderr)
    return code


def _password(args: argparse.Namespace, *, confirm: bool) -> str | None:
    if args.password is not None:
        return args.password
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass("Wachtwoord: ")
    if confirm and getpass.getpass("Nog een keer: ") != first:
        raise _Mismatch
    return first


class _Mismatch(Exception):
    pass


def _backup(args: argparse.Namespace) -> int:
    from coop_desk.context import open_app
    from coop_desk.services import backups
    from coop_desk.services.sizes import file_size

    password = None
    if args.to is not None:
        try:
            password = _password(args, confirm=True)
        except _Mismatch:
            return _fail("de wachtwoorden zijn niet gelijk.", 2)
        if not password:
            return _fail(
                "een reservekopie naar een gekozen map wordt versleuteld; geef een wachtwoord "
                "(--password of --password-stdin).",
                2,
            )
    elif args.password is not None or args.password_stdin:
        return _fail("een wachtwoord hoort bij --to; de kopie in de eigen map wordt niet versleuteld.", 2)
    app = open_app(args.db)
    try:
        if args.to is not None:
            target = backups.backup_to_folder(app.services, args.to, password or "")
            print(f"Versleutelde reservekopie gemaakt en gecontroleerd: {target} ({file_size(target.stat().st_size)}).")
            print("Bewaar het wachtwoord goed: zonder wachtwoord is de kopie niet terug te zetten.")
            return 0
        info = backups.make_backup(app.services, backups.MANUAL, app.paths.backup_dir)
        backups.rotate(app.paths.backup_dir, app.services.now())
    finally:
        app.close()
    rows = sum(info.row_counts.values())
    print(
        f"Reservekopie gemaakt en gecontroleerd: {info.path} ({file_size(info.size)}, {rows} rijen in "
        f"{len(info.row_counts)} tabellen)."
    )
    return 0


def _restore(args: argparse.Namespace) -> int:
    from coop_desk.config import Paths, database_url, sqlite_file
    from coop_desk.context import open_app
    from coop_desk.db.safety import DatabaseDamaged
    from coop_desk.services import backups

    if not args.file.is_file():
        return _fail(f"het bestand {args.file} bestaat niet.", 2)
    paths = Paths.default().ensure()
    file = sqlite_file(database_url(args.db, paths))
    if file is None:
        return _fail("terugzetten kan alleen bij een SQLite-database; bij PostgreSQL doet de server dat.", 2)
    password = None
    if backups.is_encrypted(args.file):
        password = _password(args, confirm=False)
        if not password:
            return _fail("deze reservekopie is versleuteld; geef het wachtwoord (--password of --password-stdin).", 2)
    if not args.yes:
        if not sys.stdin.isatty():
            return _fail("bevestig met --yes dat de huidige database vervangen mag worden.", 2)
        answer = input(f"De database {file} wordt vervangen door {args.file.name}. Typ ja om door te gaan: ")
        if answer.strip().lower() != "ja":
            print("Niets veranderd.")
            return 1
    try:
        app = open_app(args.db, paths=paths)
    except DatabaseDamaged:
        result = backups.restore_file(args.file, file, backup_dir=paths.backup_dir, password=password)
        app = open_app(args.db, paths=paths)
        try:
            backups.record_restore(app.services, result)
        finally:
            app.close()
    else:
        try:
            result = backups.restore_backup(app.services, args.file, password=password, backup_dir=paths.backup_dir)
        finally:
            app.close()
    print(f"Teruggezet: {args.file.name} staat nu in {file}.")
    if result.safety_copy is not None:
        print(f"De database zoals die was staat in {result.safety_copy}.")
    if result.damaged_copy is not None:
        print(f"Het beschadigde bestand is bewaard als {result.damaged_copy}.")
    print("Start Coop Desk opnieuw (ook op andere plekken waar het open stond).")
    return 0


def _check(args: argparse.Namespace) -> int:
    from coop_desk.config import Paths, database_url
    from coop_desk.services import backups

    result = backups.check_database(database_url(args.db, Paths.default().ensure()))
    for line in result.lines:
        print(line)
    print("De database is in orde." if result.ok else "Er zijn problemen gevonden.")
    return 0 if result.ok else 1
