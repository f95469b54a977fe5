"""The command line's letter command: `letter TEMPLATE --to WHO --out FILE.pdf [--sort postcode] [--set veld=waarde]`.

coop_desk.cli adds it with `add_commands(subparsers)` and hands every parsed command to `run(args)`, which
returns the exit code, or None for a command that is not this one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_commands(subparsers) -> None:
    """Add `letter` to the program's sub-command parsers."""
    letter = subparsers.add_parser(
        "letter",
        help="maak brieven als PDF voor vensterenveloppen (welkom, contributie, uitnodiging-alv, …)",
        description="Maakt één PDF met een brief per ontvanger, klaar om te printen en in een vensterenvelop "
        "te doen. Elke brief wordt bewaard in het overzicht van verstuurde brieven.",
        epilog="Voorbeeld: coop-desk letter uitnodiging-alv --to households --out alv.pdf --sort postcode "
        '--set "alv_datum=dinsdag 16 maart 2027" --set "alv_tijd=19.30 uur" --set "alv_plaats=Dorpshuis"',
    )
    letter.add_argument("template", metavar="SJABLOON", help="de sleutel van het sjabloon, bijv. welkom")
    letter.add_argument(
        "--to",
        required=True,
        metavar="ONTVANGERS",
        help="all-members (alle leden), households (één brief per huishouden), volunteers (vrijwilligers), "
        "person:NUMMER[,NUMMER…] (één persoon of een selectie), search:TEKST (iedereen die de zoekopdracht vindt), "
        "member-search:TEKST (alleen leden) of group:NAAM (werkgroep)",
    )
    letter.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help="het PDF-bestand dat ontstaat")
    letter.add_argument(
        "--sort", choices=("name", "postcode"), default="name", help="volgorde: naam (standaard) of postcode"
    )
    letter.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="VELD=WAARDE",
        help="de waarde van een eigen veld van het sjabloon, bijv. --set alv_datum=16-03-2027 (herhaalbaar)",
    )
    letter.add_argument(
        "--offset",
        default="0,0",
        metavar="X,Y",
        help="schuif de afdruk X mm naar rechts en Y mm omlaag als het adres niet goed in het venster valt",
    )


def run(args: argparse.Namespace) -> int | None:
    """Run the letter command; None when `args.command` is not `letter`."""
    if getattr(args, "command", None) != "letter":
        return None
    return _letter(args)


def _problems(exc) -> list[str]:
    from coop_desk.services.errors import ValidationError

    if isinstance(exc, ValidationError):
        return [line for message in exc.errors.values() for line in message.splitlines()]
    return [str(exc)]


def _parse_sets(values: list[str]) -> dict[str, str]:
    extras: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ValueError(f'"{item}" is geen VELD=WAARDE, schrijf bijvoorbeeld --set alv_tijd=19.30')
        extras[name.strip()] = value.strip()
    return extras


def _letter(args: argparse.Namespace) -> int:
    from coop_desk.context import open_app
    from coop_desk.documents.letters.layout import LayoutSettings
    from coop_desk.services import letters
    from coop_desk.services.errors import ServiceError

    try:
        extras = _parse_sets(args.set)
        x, _, y = args.offset.replace(" ", "").partition(",")
        layout = LayoutSettings(float(x or 0), float(y or 0))
    except ValueError as exc:
        message = str(exc)
        if "could not convert" in message:
            message = f'"{args.offset}" is geen verschuiving; schrijf X,Y in millimeters, bijv. --offset 2,-1.5'
        print(f"Fout: {message}", file=sys.stderr)
        return 2
    try:
        out = args.out.open("wb")  # before printing: a batch is logged as sent only when its file can be written
    except OSError as exc:
        print(f"Fout: kan {args.out} niet schrijven ({exc.strerror}).", file=sys.stderr)
        return 1
    app = open_app(args.db)
    try:
        with out:
            run = letters.make_letter_batch(
                app.services, args.template, args.to, extras, sort_by_postcode=args.sort == "postcode", layout=layout
            )
            out.write(run.pdf)
    except ServiceError as exc:
        args.out.unlink(missing_ok=True)
        print(f'Geen brieven gemaakt met sjabloon "{args.template}":', file=sys.stderr)
        for problem in _problems(exc):
            print(f"  {problem}", file=sys.stderr)
        return 1
    finally:
        app.close()
    word = "brief" if run.letters == 1 else "brieven"
    print(f"{run.letters} {word} geschreven naar {args.out}.")
    if run.skipped:
        print(
            f"Zonder adres, dus overgeslagen ({len(run.skipped)}): {', '.join(run.skipped[:20])}"
            + (" …" if len(run.skipped) > 20 else "")
        )
    return 0
