"""The command line's audit commands: `audit verify` and `audit show --person ID`.

`coop-desk audit verify` walks the whole hash chain of the audit trail: exit 0 with "Audittrail in orde: N
regels", exit 1 naming the first broken entry (id, time and why). `coop-desk audit show --person ID` lists the
entries about one person, newest first (that look is itself audited). coop_desk.cli adds the commands with
`add_commands(subparsers)` and hands every parsed command to `run(args)`, which returns the exit code, or None for
a command that is not this one. Exit codes: 0 fine, 1 chain broken or the database refused, 2 wrong input.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime


def add_commands(subparsers) -> None:
    """Add `audit verify` and `audit show` to the program's sub-command parsers."""
    parser = subparsers.add_parser(
        "audit",
        help="controleer de audittrail of toon wie een dossier heeft bekeken",
        description="De audittrail legt vast wie wat met wiens gegevens deed. De regels vormen een hashketen: "
        "een gewijzigde, verwijderde of tussengevoegde regel breekt de keten.",
        epilog="Voorbeelden: coop-desk audit verify; coop-desk audit show --person 12",
    )
    actions = parser.add_subparsers(dest="audit_command", metavar="OPDRACHT", required=True)
    actions.add_parser(
        "verify",
        help="controleer de hele hashketen",
        description="Controleert elke regel van de audittrail. Exitcode 0: in orde; 1: de eerste gebroken regel "
        "wordt genoemd.",
    )
    show = actions.add_parser("show", help="toon de regels over één persoon (wie heeft dit dossier bekeken)")
    show.add_argument("--person", required=True, type=int, metavar="ID", help="het nummer van de persoon")
    show.add_argument("--limit", type=int, default=200, metavar="N", help="hoogstens N regels (standaard 200)")


def run(args: argparse.Namespace) -> int | None:
    """Run an audit command; None when `args.command` is not `audit`."""
    if getattr(args, "command", None) != "audit":
        return None
    if args.audit_command == "verify":
        return _verify(args)
    return _show(args)


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%d-%m-%Y %H:%M:%S")


def _verify(args: argparse.Namespace) -> int:
    from coop_desk.context import open_app
    from coop_desk.services import audit
    from coop_desk.services.errors import ServiceError

    app = open_app(args.db)
    try:
        report = audit.verify_chain(app.services)
    except ServiceError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    finally:
        app.close()
    if report.ok:
        word = "regel" if report.entries == 1 else "regels"
        print(f"Audittrail in orde: {report.entries} {word}")
        return 0
    when = _local(report.first_broken_at) if report.first_broken_at else "onbekend tijdstip"
    print(
        f"Audittrail NIET in orde: regel {report.first_broken_id} ({when}): {report.reason}. "
        f"Vanaf deze regel is de audittrail niet meer te vertrouwen.",
        file=sys.stderr,
    )
    return 1


def _show(args: argparse.Namespace) -> int:
    from coop_desk.context import open_app
    from coop_desk.services import audit
    from coop_desk.services.errors import ServiceError

    if args.limit < 1:
        print("Fout: --limit moet minstens 1 zijn.", file=sys.stderr)
        return 2
    app = open_app(args.db)
    try:
        rows = audit.events_for_person(app.services, args.person, args.limit)
    except ServiceError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 1
    finally:
        app.close()
    if not rows:
        print(f"Geen regels over persoon {args.person}.")
        return 0
    for r in rows:
        outcome = "" if r.outcome == "success" else f" [{r.outcome}]"
        detail = f" - {r.detail}" if r.detail else ""
        print(f"{_local(r.occurred_at)}  {r.user_name} ({r.user_role}) op {r.workstation}: {r.what}{outcome}{detail}")
    word = "regel" if len(rows) == 1 else "regels"
    print(f"{len(rows)} {word} over persoon {args.person}.")
    return 0
