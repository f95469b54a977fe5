"""The command line's user commands: `user add NAME --role ROLE [--password-stdin] [--name "Display name"]` and
`user list`.

The command line acts as the operating-system user with the role beheerder (Actor.os_user) and is audited as
such. Without --password-stdin the password is asked twice without echo (getpass); with it, the first line of
standard input is the password. Exit codes: 0 done, 1 the database refused, 2 wrong input.
"""

from __future__ import annotations

import argparse
import getpass
import sys

ROLE_CHOICES = ("beheerder", "dorpsondersteuner", "coordinator", "bestuur")


def add_commands(subparsers) -> None:
    """Add `user` (with `add` and `list`) to the program's sub-command parsers."""
    user = subparsers.add_parser(
        "user",
        help="gebruikers toevoegen en tonen",
        description="Beheert de gebruikers die met Coop Desk mogen werken. De opdrachtregel werkt als beheerder.",
    )
    actions = user.add_subparsers(dest="user_command", metavar="OPDRACHT", required=True)
    add = actions.add_parser(
        "add",
        help="een gebruiker toevoegen",
        description="Voegt een gebruiker toe met een rol en een wachtwoord (minstens 10 tekens).",
        epilog="Voorbeeld: coop-desk user add anja --role dorpsondersteuner --name 'Anja de Vries'",
    )
    add.add_argument("name", metavar="NAAM", help="de gebruikersnaam (letters, cijfers, punt, streepje)")
    add.add_argument(
        "--role",
        required=True,
        choices=ROLE_CHOICES,
        metavar="ROL",
        help="beheerder, dorpsondersteuner, coordinator of bestuur",
    )
    add.add_argument("--name", dest="display_name", default="", metavar="NAAM", help="de volledige naam")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="lees het wachtwoord van de eerste regel van standaardinvoer (anders wordt het twee keer gevraagd)",
    )
    actions.add_parser("list", help="de gebruikers tonen", description="Toont alle gebruikers met hun rol.")


def run(args: argparse.Namespace) -> int | None:
    """Run a user command; None when `args.command` is not `user`."""
    if getattr(args, "command", None) != "user":
        return None
    if args.user_command == "add":
        return _add(args)
    return _list(args)


def _fail(message: str, code: int) -> int:
    print(f"Fout: {message}", file=sys.stderr)
    return code


def _read_password(from_stdin: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Wachtwoord: ")
    second = getpass.getpass("Nogmaals: ")
    if first != second:
        return None
    return first


def _add(args: argparse.Namespace) -> int:
    from coop_desk.context import open_app
    from coop_desk.services import security
    from coop_desk.services.errors import ServiceError, ValidationError

    password = _read_password(args.password_stdin)
    if password is None:
        return _fail("de twee wachtwoorden zijn niet gelijk.", 2)
    app = open_app(getattr(args, "db", None))
    try:
        user = security.add_user(app.services, args.name, args.role, password, args.display_name)
    except ValidationError as exc:
        for message in exc.errors.values():
            print(f"Fout: {message}", file=sys.stderr)
        return 2
    except ServiceError as exc:
        return _fail(str(exc), 1)
    finally:
        app.close()
    print(f"Gebruiker {user.user_name} toegevoegd ({user.role_label}).")
    return 0


def _list(args: argparse.Namespace) -> int:
    from coop_desk.context import open_app
    from coop_desk.services import security
    from coop_desk.services.errors import ServiceError

    app = open_app(getattr(args, "db", None))
    try:
        users = security.list_users(app.services)
    except ServiceError as exc:
        return _fail(str(exc), 1)
    finally:
        app.close()
    if not users:
        print("Nog geen gebruikers. Voeg de eerste beheerder toe met: coop-desk user add NAAM --role beheerder")
        return 0
    width = max(len(u.user_name) for u in users)
    for u in users:
        state = "" if u.active else "  (uitgeschakeld)"
        last = u.last_login_at.astimezone().strftime("%d-%m-%Y %H:%M") if u.last_login_at else "nooit aangemeld"
        print(f"{u.user_name:<{width}}  {u.role_label:<17}  {u.display_name or '-'}  ({last}){state}")
    return 0
