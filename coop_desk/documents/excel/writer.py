"""Writing a list as a typed .xlsx table: streamed SpreadsheetML, bold frozen header, autofilter, set widths.

Every column has a kind: text, int, date ('DD-MM-YYYY'), datetime ('DD-MM-YYYY HH:MM'), money (cents in,
euros out as numbers formatted '€ #,##0.00') or bool. Column widths follow the header and the first rows'
contents, capped.

Why not openpyxl's write-only mode: it was measured at 1.55 s for 10,000 rows × 14 columns (1.4 s with
lxml), nearly all of it per-cell object and XML-element overhead, which alone breaks the 1 s budget for
exporting 10,000 people. This module writes the same package parts openpyxl writes (content types,
workbook, styles, one worksheet, document properties) with plain string templates instead: about ten
times faster, and the files read back in openpyxl (the tests do) and in Excel/LibreOffice alike.

Formula injection: no cell is ever written as a formula (there is no <f> element in this writer). Text
is written as an inline string, which no spreadsheet evaluates; text starting with = + - @ or a tab/CR
also gets Excel's "quote prefix" cell style (what Excel sets when someone types '=…), so it stays text
even when someone edits the cell. The value itself is not altered: reading it back gives the same text.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

__all__ = ["DATETIME_FORMAT", "DATE_FORMAT", "KINDS", "MONEY_FORMAT", "Column", "write_table"]

KINDS = ("text", "int", "date", "datetime", "money", "bool")
DATE_FORMAT = "DD-MM-YYYY"
DATETIME_FORMAT = "DD-MM-YYYY HH:MM"
MONEY_FORMAT = "€ #,##0.00"
_RISKY_START = ("=", "+", "-", "@", "\t", "\r")
_KIND_WIDTH = {"int": 8, "date": 12, "datetime": 17, "money": 13, "bool": 6}
_SAMPLE_ROWS = 500
_MAX_WIDTH = 60
_MAX_TEXT = 32_767  # Excel's limit for one cell
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH = date(1899, 12, 30)  # Excel's day 0 in the 1900 date system (skipping its 1900 leap-year bug)

# Style indexes in styles.xml below.
_S_HEADER, _S_DATE, _S_DATETIME, _S_MONEY, _S_QUOTED = 1, 2, 3, 4, 5


@dataclass(frozen=True)
class Column:
    """One column of the table: a Dutch header, the kind of its values, and optionally a fixed width."""

    header: str
    kind: str = "text"
    width: float | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


def _letter(index: int) -> str:
    """0 → 'A', 25 → 'Z', 26 → 'AA'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _width(column: Column, sample: list[Sequence[Any]], index: int) -> float:
    if column.width is not None:
        return column.width
    longest = len(column.header) + 3  # room for the autofilter button
    if column.kind == "text":
        for row in sample:
            value = row[index] if index < len(row) else None
            if value:
                longest = max(longest, max((len(line) for line in str(value).splitlines()), default=0) + 1)
    else:
        longest = max(longest, _KIND_WIDTH[column.kind])
    return float(min(max(longest, 6), _MAX_WIDTH))


def _text_cell(ref: str, value: Any, style: int = 0) -> str:
    text = _ILLEGAL_XML.sub("", str(value))
    if not text:
        return ""
    if len(text) > _MAX_TEXT:
        text = text[: _MAX_TEXT - 1] + "…"
    if not style and text.startswith(_RISKY_START):
        style = _S_QUOTED
    s = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def _serial(value: date | datetime) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is not None:  # Excel has no time zones: show the computer's local time
            value = value.astimezone().replace(tzinfo=None)
        days = (value.date() - _EPOCH).days
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return repr(days + seconds / 86400) if seconds else str(days)
    return str((value - _EPOCH).days)


def _money(cents: int) -> str:
    cents = int(cents)
    sign = "-" if cents < 0 else ""
    euros, rest = divmod(abs(cents), 100)
    return f"{sign}{euros}.{rest:02d}" if rest else f"{sign}{euros}"


def _cell(kind: str, ref: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if kind == "text":
        return _text_cell(ref, value)
    if kind == "int":
        return f'<c r="{ref}"><v>{int(value)}</v></c>'
    if kind == "date":
        if isinstance(value, datetime):
            value = value.astimezone().date() if value.tzinfo is not None else value.date()
        return f'<c r="{ref}" s="{_S_DATE}"><v>{_serial(value)}</v></c>'
    if kind == "datetime":
        return f'<c r="{ref}" s="{_S_DATETIME}"><v>{_serial(value)}</v></c>'
    if kind == "money":
        return f'<c r="{ref}" s="{_S_MONEY}"><v>{_money(value)}</v></c>'
    return f'<c r="{ref}" t="b"><v>{1 if value else 0}</v></c>'


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" '
    'Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" '
    'Target="docProps/app.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/>'
    "</Relationships>"
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    f'<numFmts count="3"><numFmt numFmtId="164" formatCode="{DATE_FORMAT}"/>'
    f'<numFmt numFmtId="165" formatCode="{DATETIME_FORMAT}"/>'
    f'<numFmt numFmtId="166" formatCode="{escape(MONEY_FORMAT)}"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="6">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>Coop Desk</Application></Properties>"
)


def _workbook(title: str, ref: str) -> str:
    sheet = quoteattr(title)
    name = "'" + title.replace("'", "''") + "'"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<bookViews><workbookView activeTab="0"/></bookViews>'
        f'<sheets><sheet name={sheet} sheetId="1" r:id="rId1"/></sheets>'
        '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"{escape(name)}!{_absolute(ref)}</definedName></definedNames>"
        "</workbook>"
    )


def _absolute(ref: str) -> str:
    return ":".join("$" + re.sub(r"(\d+)$", r"$\1", part) for part in ref.split(":"))


def _core(now: datetime) -> str:
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<dc:creator>Coop Desk</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )


def _sheet_head(columns: Sequence[Column], widths: list[float], ref: str) -> str:
    cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w:g}" customWidth="1"/>' for i, w in enumerate(widths))
    header = "".join(_text_cell(f"{_letter(i)}1", c.header, _S_HEADER) for i, c in enumerate(columns))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheetPr filterMode="false"><outlinePr summaryBelow="1" summaryRight="1"/></sheetPr>'
        f'<dimension ref="{ref}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>'
        f"<cols>{cols}</cols>"
        f'<sheetData><row r="1">{header}</row>'
    )


def write_table(
    target: str | os.PathLike[str] | IO[bytes],
    sheet_title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
) -> int:
    """Write `rows` under `columns` to an .xlsx file (a path, replaced atomically) or a binary stream.

    Returns the number of data rows written. Values per kind: text anything (str() is used), int int,
    date date/datetime, datetime datetime (aware → local time), money int cents, bool truthy; None and ''
    leave the cell empty. Rows are consumed once, as they come (only the first rows are held, for widths).
    """
    if not columns:
        raise ValueError("a table needs at least one column")
    title = re.sub(r"[\[\]:*?/\\]", "", sheet_title)[:31] or "Blad1"
    iterator = iter(rows)
    sample = list(islice(iterator, _SAMPLE_ROWS))
    widths = [_width(c, sample, i) for i, c in enumerate(columns)]
    kinds = [c.kind for c in columns]
    letters = [_letter(i) for i in range(len(columns))]
    count = 0
    with tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024, mode="w+b") as body:
        buffer: list[str] = []
        for row in chain(sample, iterator):
            count += 1
            n = count + 1
            cells = "".join(
                _cell(kind, f"{letter}{n}", value) for kind, letter, value in zip(kinds, letters, row, strict=False)
            )
            buffer.append(f'<row r="{n}">{cells}</row>')
            if len(buffer) >= 2000:
                body.write("".join(buffer).encode("utf-8"))
                buffer.clear()
        body.write("".join(buffer).encode("utf-8"))
        ref = f"A1:{letters[-1]}{count + 1}"
        head = _sheet_head(columns, widths, ref)
        tail = f'</sheetData><autoFilter ref="{ref}"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'  # noqa: E501
        body.seek(0)
        if isinstance(target, str | os.PathLike):
            path = Path(target)
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".~", suffix=".xlsx", dir=path.parent)
            os.close(handle)
            try:
                with open(temporary, "wb") as out:
                    _package(out, title, ref, head, body, tail)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        else:
            _package(target, title, ref, head, body, tail)
    return count


def _package(out: IO[bytes], title: str, ref: str, head: str, body: IO[bytes], tail: str) -> None:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("docProps/app.xml", _APP)
        archive.writestr("docProps/core.xml", _core(datetime.now(UTC)))
        archive.writestr("xl/workbook.xml", _workbook(title, ref))
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/styles.xml", _STYLES)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(head.encode("utf-8"))
            while chunk := body.read(1 << 20):
                sheet.write(chunk)
            sheet.write(tail.encode("utf-8"))
