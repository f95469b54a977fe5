"""The command line's AVG commands: `privacy export PERSON_ID DIR`, `privacy erase PERSON_ID [--yes]` and
`retention run [--dry-run]`.

coop_desk.cli adds them with `add_commands(subparsers)` and hands every parsed command to `run(args)`, which returns
the exit code, or None for a command that is not one of these. The command line acts as the operating-system user
with the beheerder role (audited as such). Exit codes: 0 done, 1 refused or cancelled (no confirmation, no access,
the database refused), 2 wrong input (unknown person, a folder that cannot be written).
Without --yes, erase asks to type the person's number to confirm.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_commands(subparsers) -> None:
    """Add `privacy` and `retention` to the program's sub-command parsers."""
    privacy = subparsers.add_parser(
        "privacy",
        help="AVG: alle gegevens van een persoon exporteren of een persoon wissen",
        description="Inzage en wissen volgens de AVG. 'export' schrijft alles wat over een persoon bewaard wordt "
        "naar een JSON-bestand en een leesbare PDF; 'erase' wist de persoon overal (tellingen voor rapportages "
        "blijven, anoniem).",
    )
    actions = privacy.add_subparsers(dest="privacy_command", metavar="OPDRACHT", required=True)
    export = actions.add_parser("export", help="exporteer alle gegevens van een persoon (JSON en PDF)")
    export.add_argument("person_id", type=int, metavar="PERSOON_ID", help="het persoonsnummer")
    export.add_argument("directory", type=Path, metavar="MAP", help="de map waarin de bestanden komen")
    erase = actions.add_parser(
        "erase",
        help="wis een persoon definitief",
        description="Wist of anonimiseert alle gegevens van een persoon, ook in de zoekindex en in de vrije ruimte "
        "van het databasebestand. Er wordt eerst een back-up gemaakt ('voor-wissen').",
    )
    erase.add_argument("person_id", type=int, metavar="PERSOON_ID", help="het persoonsnummer")
    erase.add_argument("--yes", action="store_true", help="niet om bevestiging vragen")
    retention = subparsers.add_parser(
        "retention",
        help="bewaartermijn: oude afgeronde hulpvragen anonimiseren",
        description="Anonimiseert hulpvragen die langer dan de bewaartermijn (standaard 2 jaar) geleden zijn "
        "afgerond. De tellingen voor rapportages blijven.",
    )
    retention_actions = retention.add_subparsers(dest="retention_command", metavar="OPDRACHT", required=True)
    run_parser = retention_actions.add_parser("run", help="voer de bewaartermijn uit")
    run_parser.add_argument("--dry-run", action="store_true", help="laat alleen zien welke hulpvragen het zijn")


def run(args: argparse.Namespace) -> int | None:
    """Run a privacy or retention command; None when `args.command` is neither."""
    command = getattr(args, "command", None)
    if command == "privacy":
        return _privacy(args)
    if command == "retention":
        return _retention(args)
    return None


def _fail(message: str, code: int) -> int:
    print(f"Fout: {message}", file=sys.stderr)
    return code


def _error_code(exc: Exception) -> int:
    from coop_desk.services.errors import NotFoundError, ValidationError

    return 2 if isinstance(exc, NotFoundError | ValidationError) else 1


def _message(exc: Exception) -> str:
    from coop_desk.services.errors import ValidationError

    if isinstance(exc, ValidationError):
        return " ".join(exc.errors.values())
    return str(exc)


def _privacy(args: argparse.Namespace) -> int:
    from coop_desk.context import open_app
    from coop_desk.services import privacy
    from coop_desk.services.errors import ServiceError

    app = open_app(getattr(args, "db", None))
    try:
        if args.privacy_command == "export":
            try:
                result = privacy.export_person(app.services, args.person_id, args.directory)
            except ServiceError as exc:
                return _fail(_message(exc), _error_code(exc))
            rows = sum(result.counts.values())
            print(
                f"Gegevens van persoon {args.person_id} geëxporteerd: {rows} regels uit {len(result.counts)} "
                f"onderdelen naar {result.json_path} en {result.pdf_path}."
            )
            return 0
        if not args.yes:
            code = _confirm(args.person_id)
            if code:
                return code
        try:
            result = privacy.erase_person(app.services, args.person_id, confirm=True, backup_dir=app.paths.backup_dir)
        except ServiceError as exc:
            return _fail(_message(exc), _error_code(exc))
        backup = f" Back-up vooraf: {result.backup_path}." if result.backup_path else ""
        print(f"Persoon {args.person_id} is gewist; tellingen voor rapportages zijn bewaard.{backup}")
        return 0
    finally:
        app.close()


def _confirm(person_id: int) -> int:
    print(
        f"Persoon {person_id} wordt definitief gewist: naam, adres, telefoon, notities, brieven en toestemmingen. "
        "Dit kan niet ongedaan worden gemaakt (alleen door een back-up terug te zetten)."
    )
    try:
        answer = input(f"Typ het persoonsnummer ({person_id}) om te bevestigen: ")
    except EOFError:
        answer = ""
    if answer.strip() != str(person_id):
        print("Niet gewist: het persoonsnummer is niet bevestigd.", file=sys.stderr)
        return 1
    return 0


def _cases(count: int) -> str:
    return f"{count} hulpvraag" if count == 1 else f"{count} hulpvragen"


def _retention(args: argparse.Namespace) -> int:
    from coop_desk.context import open_app
    from coop_desk.services import privacy
    from coop_desk.services.dates import format_date
    from coop_desk.services.errors import ServiceError

    app = open_app(getattr(args, "db", None))
    try:
        try:
            years = privacy.retention_years(app.services)
            if args.dry_run:
                items = privacy.retention_preview(app.services)
                count = privacy.run_retention(app.services, dry_run=True)
                verb = "zou" if count == 1 else "zouden"
                print(
                    f"Bewaartermijn {years} jaar: {_cases(count)} {verb} worden geanonimiseerd "
                    "(proef, niets gewijzigd)."
                )
                for item in items:
                    print(f"  hulpvraag {item.case_id}, afgerond op {format_date(item.closed_on)}")
                return 0
            count = privacy.run_retention(app.services)
        except ServiceError as exc:
            return _fail(_message(exc), _error_code(exc))
        print(f"Bewaartermijn {years} jaar: {_cases(count)} geanonimiseerd.")
        return 0
    finally:
        app.close()
