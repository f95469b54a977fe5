"""The period report written to a file: an Excel workbook (.xlsx) or a PDF (.pdf), chosen by the file's suffix.

`write_report` computes the figures (reports.period_report, which logs its own report.view), renders them, writes
the file and then logs one `report.export` in a second small unit of work (only once the file is really written).
`report_bytes` renders figures the screen already has, for the UI's own save dialog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from coop_desk.services import access, audit
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date, parse_date
from coop_desk.services.errors import ServiceError, ValidationError
from coop_desk.services.report_data import DEFAULT_THRESHOLD, ReportData

KINDS = ("xlsx", "pdf")
_WRONG_KIND = "Kies een bestand dat eindigt op .xlsx (Excel) of .pdf."


def kind_of(path: str | Path) -> str | None:
    """'xlsx' or 'pdf' by the file's suffix (any case); None for any other suffix."""
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in KINDS else None


def report_bytes(data: ReportData, kind: str) -> bytes:
    """The report as an Excel workbook ("xlsx") or a PDF ("pdf"); another kind is a ValidationError."""
    kind = kind.lower().lstrip(".")
    if kind == "xlsx":
        from coop_desk.documents.report_xlsx import report_workbook

        return report_workbook(data)
    if kind == "pdf":
        from coop_desk.documents.report_pdf import report_pdf

        return report_pdf(data)
    raise ValidationError({"kind": _WRONG_KIND})


def _check_input(start, end, path) -> Path:
    """The checks that can be done before anything is computed: the file's type and the dates as text."""
    errors: dict[str, str] = {}
    if path is None or str(path).strip() == "":
        errors["path"] = "Kies het bestand waarin de rapportage komt."
    elif kind_of(path) is None:
        errors["path"] = _WRONG_KIND
    elif Path(path).is_dir():
        errors["path"] = f"{Path(path)} is een map; kies een bestandsnaam."
    for name, value, what in (("start", start, "begindatum"), ("end", end, "einddatum")):
        try:
            if parse_date(value) is None:
                errors[name] = f"Vul de {what} van de periode in."
        except ValueError as exc:
            errors[name] = str(exc)
    if errors:
        raise ValidationError(errors)
    return Path(path)


def write_report(
    ctx: ServiceContext,
    start: date | str,
    end: date | str,
    path: str | Path,
    threshold: int = DEFAULT_THRESHOLD,
) -> ReportData:
    """Compute the report of start..end, write it to `path` (.xlsx or .pdf) and log `report.export`.

    Wrong input → ValidationError (nothing computed or written); a file that cannot be written (still open in
    Excel, a read-only folder) → ServiceError in Dutch, and no export is logged.
    """
    access.require(ctx, access.REPORTS_READ)
    from coop_desk.services import reports

    target = _check_input(start, end, path)
    data = reports.period_report(ctx, start, end, threshold)
    content = report_bytes(data, kind_of(target) or "")
    try:
        target.write_bytes(content)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ServiceError(f"Kon {target.name} niet schrijven ({reason}). Is het bestand nog open?") from exc
    with ctx.uow() as session:
        audit.record(
            session,
            ctx,
            audit.EXECUTE,
            "report.export",
            object_type="report",
            detail=f"periode {format_date(data.start)} t/m {format_date(data.end)}, drempel {data.threshold}, "
            f"bestand {target.name}",
        )
    return data
