"""letters_vs_libreoffice: 1,000 personal letters into one PDF, Coop Desk against LibreOffice in the same run.

Coop Desk (timed): letters.make_letters(ctx, "welkom", "all-members") on a copy of the village in which exactly
1,000 members are left active: recipients query, merge, reportlab rendering of the one PDF, a SentLetter row per
letter and the audit entry, committed. A fresh copy per run (copying is not timed).

LibreOffice (baseline, timed): the same 1,000 merged letters (read back from that batch's SentLetter snapshots)
written as one .docx (a minimal WordprocessingML package: address, date, subject, salutation, body with bold and
italic, closing, a page break per letter; DejaVu Sans 13 pt) and converted with
`soffice --headless --convert-to pdf`, process start included; the profile is created by a warm-up conversion
beforehand (not timed). LibreOffice does less here: no letterhead, no envelope-window positioning, no
per-letter page numbers, no database. Without soffice only Coop Desk's time is reported, with a note.
Goal: Coop Desk under 3 s and at most 0.40 × LibreOffice's time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from timing import Result, median
from village import Village

LETTERS = 1000
TARGET_SECONDS = 3.0
TARGET_RATIO = 0.40
REPEAT = 3


def _keep_members(path: Path, count: int) -> int:
    """Leave exactly `count` active members with an address in the database at `path`; returns how many remain."""
    from sqlalchemy import delete, select

    from coop_desk.context import open_app
    from coop_desk.db.models import Membership
    from coop_desk.services import letters

    context = open_app(str(path))
    try:
        chosen = [r.person_ids[0] for r in letters.recipients(context.services, "all-members")[:count]]
        with context.services.uow() as session:
            session.execute(delete(Membership).where(Membership.person_id.not_in(chosen)))
            remaining = len(session.scalars(select(Membership.id)).all())
        return remaining
    finally:
        context.close()


def _run_xml(text: str, bold: bool, italic: bool) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    pieces = []
    for n, line in enumerate(text.split("\n")):
        if n:
            pieces.append("<w:br/>")
        pieces.append(f'<w:t xml:space="preserve">{escape(line)}</w:t>')
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}{''.join(pieces)}</w:r>"


def _paragraph(runs: str, page_break_before: bool = False) -> str:
    props = "<w:pPr><w:pageBreakBefore/></w:pPr>" if page_break_before else ""
    return f"<w:p>{props}{runs}</w:p>"


def write_docx(path: Path, letters: list) -> None:
    """The merged letters as one .docx: every letter starts on a new page."""
    from coop_desk.documents.letters.markup import paragraphs, parse_runs

    body: list[str] = []
    for index, letter in enumerate(letters):
        body.append(_paragraph(_run_xml("\n".join(letter.address_lines), False, False), page_break_before=index > 0))
        body.append(_paragraph(_run_xml(letter.date_line, False, False)))
        body.append(_paragraph(_run_xml(letter.subject, True, False)))
        body.append(_paragraph(_run_xml(letter.salutation, False, False)))
        for text in paragraphs(letter.body):
            body.append(_paragraph("".join(_run_xml(r.text, r.bold, r.italic) for r in parse_runs(text)[0])))
        body.append(_paragraph(_run_xml(f"Met vriendelijke groet,\n\n{letter.closing_name}", False, False)))
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1418" w:right="1134" w:bottom="1418" w:left="1247" w:header="709" w:footer="709" '
        'w:gutter="0"/>'
        "</w:sectPr></w:body></w:document>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {ns}><w:docDefaults><w:rPrDefault><w:rPr>'
        '<w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:cs="DejaVu Sans"/><w:sz w:val="26"/>'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="360" w:lineRule="exact"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults></w:styles>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>'
    )
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
        'Target="styles.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("_rels/.rels", rels)
        package.writestr("word/_rels/document.xml.rels", doc_rels)
        package.writestr("word/document.xml", document)
        package.writestr("word/styles.xml", styles)


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _convert(soffice: str, docx: Path, outdir: Path, profile: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ],
        check=True,
        capture_output=True,
        env={**os.environ, "HOME": str(profile.parent)},
        timeout=600,
    )
    seconds = time.perf_counter() - start
    if not (outdir / f"{docx.stem}.pdf").exists():
        raise RuntimeError("LibreOffice made no PDF")
    return seconds


def run(village: Village, repeat: int | None) -> list[Result]:
    from coop_desk.context import open_app
    from coop_desk.documents.letters.render import MergedLetter, render_letters
    from coop_desk.services import letters
    from coop_desk.services.cooperative import get_details

    runs = repeat or REPEAT
    base = village.copy("letters-base")
    kept = _keep_members(base, LETTERS)
    work = Path(tempfile.mkdtemp(prefix="letters-", dir=village.workdir))
    samples: list[float] = []
    render_samples: list[float] = []
    merged: list[MergedLetter] = []
    pdf_size = 0
    for n in range(runs + 1):  # the first run warms up (imports, fonts) and is not counted
        copy = work / f"run{n}.sqlite"
        shutil.copyfile(base, copy)
        context = open_app(str(copy))
        try:
            start = time.perf_counter()
            pdf = letters.make_letters(context.services, "welkom", "all-members")
            seconds = time.perf_counter() - start
            if n:
                samples.append(seconds)
            pdf_size = len(pdf)
            if not merged:
                from sqlalchemy import select

                from coop_desk.db.models import SentLetter

                with context.services.uow() as session:
                    for row in session.scalars(select(SentLetter).order_by(SentLetter.id)):
                        merged.append(
                            MergedLetter(
                                tuple(row.address.split("\n")),
                                row.salutation,
                                row.subject,
                                row.body,
                                row.date_line,
                                row.closing_name,
                            )
                        )
                coop = get_details(context.services)
            elif n:
                start = time.perf_counter()
                render_letters(merged, coop)
                render_samples.append(time.perf_counter() - start)
        finally:
            context.close()
    if len(merged) != LETTERS:
        raise RuntimeError(f"expected {LETTERS} letters, the village gave {len(merged)} ({kept} memberships kept)")

    soffice = _soffice()
    details = {"letters": float(len(merged)), "pdf_megabytes": pdf_size / 1e6}
    if render_samples:
        details["render_only_s"] = median(render_samples)
    if soffice is None:
        return [
            Result(
                "letters_vs_libreoffice",
                "s",
                samples,
                TARGET_SECONDS,
                note=f"make_letters, {LETTERS} letters, {runs} runs; LibreOffice (soffice) not installed, so no "
                "baseline: apt-get install libreoffice-writer-nogui",
                details=details,
            )
        ]
    profile = work / "lo-home" / "profile"
    warm = work / "warm.docx"
    write_docx(warm, merged[:1])
    _convert(soffice, warm, work, profile)  # creates the LibreOffice profile; not timed
    lo_samples: list[float] = []
    for n in range(runs):
        start = time.perf_counter()
        docx = work / f"letters{n}.docx"
        write_docx(docx, merged)
        build = time.perf_counter() - start
        lo_samples.append(build + _convert(soffice, docx, work, profile))
    version = subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
    return [
        Result(
            "letters_vs_libreoffice",
            "s",
            samples,
            TARGET_SECONDS,
            baseline=median(lo_samples),
            target_ratio=TARGET_RATIO,
            baseline_samples=lo_samples,
            note=f"make_letters (query, merge, PDF, log) vs .docx + soffice --convert-to pdf ({version}); "
            f"{LETTERS} letters, {runs} runs each",
            details=details,
        )
    ]
