"""Member import from Excel on SQLite and PostgreSQL: column recognition, every kind of problem with row and
column, all or nothing, households, the Westerhoek sample, refused files (incl. an XML bomb), 10,000 rows,
and the command line."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from coop_desk.cli_excel import add_commands, run
from coop_desk.db.models import AuditEvent, Household, Membership, Person, Phone
from coop_desk.documents.excel.reader import ReadLimits, read_sheet
from coop_desk.documents.excel.writer import Column, write_table
from coop_desk.services import member_import, people
from coop_desk.services.errors import ServiceError
from coop_desk.services.member_import import check_import, preview_import, run_import, split_address, split_name
from coop_desk.services.people import MembershipInput, PersonInput, PhoneInput

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SAMPLE = FIXTURES / "ledenlijst-westerhoek.xlsx"
HEADER = [
    "Voorletters",
    "Roepnaam",
    "Tussenvoegsel",
    "Achternaam",
    "Straat",
    "Huisnummer",
    "Toevoeging",
    "Postcode",
    "Woonplaats",
    "Telefoon",
    "E-mail",
    "Geboortedatum",
    "Lid sinds",
    "Geslacht",
]


# ---------------------------------------------------------------- helpers


def xlsx(path: Path, rows: list[list], title: str = "Leden") -> Path:
    """An ordinary workbook as openpyxl (and Excel) writes it: shared strings, dates as date cells."""
    workbook = openpyxl.Workbook()
    ws = workbook.active
    ws.title = title
    for row in rows:
        ws.append(row)
    workbook.save(path)
    return path


def raw_xlsx(path: Path, sheet_xml: str, shared_strings: str | None = None, content_types: str | None = None) -> Path:
    """A workbook package written by hand, for cells and XML that openpyxl would never write."""
    types = content_types or (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
        '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
        'main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    workbook = (
        '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        '<sheet name="Leden" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    workbook_rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'worksheet" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        if shared_strings is not None:
            archive.writestr("xl/sharedStrings.xml", shared_strings)
    return path


SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + "]>\n"
)


def member(**overrides) -> list:
    values = dict(
        zip(
            HEADER,
            [
                "J.",
                "Jan",
                "",
                "Jansen",
                "Dorpsstraat",
                1,
                "",
                "3948 AB",
                "Westerhoek",
                "06-12345678",
                "",
                datetime(1950, 5, 1),
                datetime(2020, 1, 1),
                "M",
            ],
            strict=True,
        )
    )
    values.update(overrides)
    return [values[h] for h in HEADER]


def count(ctx, model) -> int:
    with ctx.uow() as session:
        return session.scalar(select(func.count()).select_from(model))


def nothing_written(ctx) -> bool:
    return all(count(ctx, model) == 0 for model in (Person, Household, Membership, Phone, AuditEvent))


def cells(report) -> set[tuple[int, str]]:
    return {(p.row, p.column) for p in report.problems}


def sample_without_bad_rows(tmp_path: Path) -> Path:
    """The sample with rows 144-150 (the seven described problems) removed, as its README says."""
    workbook = openpyxl.load_workbook(SAMPLE)
    ws = workbook["Leden"]
    ws.delete_rows(144, 7)
    path = tmp_path / "ledenlijst-zonder-fouten.xlsx"
    workbook.save(path)
    return path


# ---------------------------------------------------------------- names and addresses in one cell


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("J.P. van der Berg", ("J.P.", "", "van der", "Berg")),
        ("Jan de Vries", ("", "Jan", "de", "Vries")),
        ("Jan Pieter de Vries", ("", "Jan Pieter", "de", "Vries")),
        ("Berg, J.P. van der", ("J.P.", "", "van der", "Berg")),
        ("Vries, Anna de", ("", "Anna", "de", "Vries")),
        ("Mevr. A. Jansen", ("A.", "", "", "Jansen")),
        ("De heer K. ter Horst", ("K.", "", "ter", "Horst")),
        ("Riet van 't Hof", ("", "Riet", "van 't", "Hof")),
        ("De Vries", ("", "", "de", "Vries")),
        ("Jansen", ("", "", "", "Jansen")),
        ("Ĳsbrand Wit", ("", "Ĳsbrand", "", "Wit")),
    ],
)
def test_split_name(full, expected):
    assert split_name(full) == expected


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("2e Hogeweg 4a", ("2e Hogeweg", "4a")),
        ("Van Limburg Stirumlaan 7 bis", ("Van Limburg Stirumlaan", "7 bis")),
        ("Dorpsstraat 12-2", ("Dorpsstraat", "12-2")),
        ("Laan 1940-1945 12", ("Laan 1940-1945", "12")),
        ("Kerkweg 3 A", ("Kerkweg", "3 A")),
        ("Kerkplein", ("Kerkplein", "")),
    ],
)
def test_split_address(address, expected):
    assert split_address(address) == expected


# ---------------------------------------------------------------- the Westerhoek sample


def test_sample_as_it_is_writes_nothing_and_reports_rows_144_to_150(core_ctx):
    report = run_import(core_ctx, SAMPLE)
    assert not report.written
    assert nothing_written(core_ctx)
    described = {p for p in report.problems if p.row >= 144}
    assert {(p.row, p.column) for p in described} == {
        (144, "Postcode"),
        (145, "Telefoon"),
        (146, "Achternaam"),
        (146, "Geboortedatum"),  # the README: "surname missing (and 30 February)"
        (147, "E-mail"),
        (148, "Huisnummer"),
        (149, "Geboortedatum"),
        (150, ""),
    }
    text = {(p.row, p.column): str(p) for p in described}
    assert text[(144, "Postcode")] == (
        "Rij 144, kolom Postcode: Een postcode heeft vier cijfers en twee letters; hier staan te veel cijfers."
    )
    assert "te weinig cijfers" in text[(145, "Telefoon")]
    assert "achternaam" in text[(146, "Achternaam")]
    assert "30-2-1939 bestaat niet" in text[(146, "Geboortedatum")]
    assert "domein" in text[(147, "E-mail")]
    assert "huisnummer" in text[(148, "Huisnummer")]
    assert "toekomst" in text[(149, "Geboortedatum")]
    assert text[(150, "")].startswith("Rij 150 is gelijk aan rij 2")
    # Nothing else: mobile numbers in ranges the phone library does not list yet (06-7x, 06-9x) are kept.
    assert {p.row for p in report.problems} == set(range(144, 151))


def test_sample_without_the_bad_rows_adds_142_people_in_their_households(core_ctx, tmp_path):
    path = sample_without_bad_rows(tmp_path)
    report = run_import(core_ctx, path)
    assert report.problems == ()
    assert report.written and report.people == 142
    assert count(core_ctx, Person) == 142
    with core_ctx.uow() as session:
        households = session.scalar(select(func.count()).select_from(Household))
        kinds = dict(session.execute(select(Membership.kind, func.count()).group_by(Membership.kind)).all())
        shared = session.scalar(
            select(func.count()).select_from(
                select(Person.household_id).group_by(Person.household_id).having(func.count() > 1).subquery()
            )
        )
        audit_rows = session.execute(select(AuditEvent.action, AuditEvent.event_type, AuditEvent.detail)).all()
    assert report.households == households == report.new_households
    assert households < 142 and shared > 0  # couples share an address
    assert kinds["household"] == 142 - kinds["single"] and kinds["household"] >= 2 * shared
    assert audit_rows == [
        ("C", "person.import", f"ledenlijst-zonder-fouten.xlsx: 142 mensen, {households} nieuwe huishoudens")
    ]
    # normalised as the form would, and findable
    detail = people.get_person(core_ctx, people.search_people(core_ctx, "schouten kerkweg 17")[0].id)
    assert (detail.prefix, detail.surname, detail.postcode, detail.house_number) == (
        "van 't",
        "Schouten",
        "7431 EW",
        "17a",
    )
    assert detail.membership.since == date(2018, 7, 1) and detail.membership.kind in ("single", "household")
    assert people.search_people(core_ctx, "muller")
    couple = people.search_people(core_ctx, "7431 MR dorpsstraat 121")
    assert len(couple) == 2 and {r.address for r in couple} == {"Dorpsstraat 121"}


# ---------------------------------------------------------------- problems, each with row and column


def test_every_kind_of_problem_is_reported_with_row_and_column_and_nothing_written(core_ctx, tmp_path):
    rows = [
        ["Ledenlijst Zorgcoöperatie Westerhoek, stand november 2026"],
        [],
        HEADER,
        member(),  # 4: fine
        member(Achternaam="Bakker", Postcode="39481", Roepnaam="Piet"),  # 5
        member(Achternaam="Visser", Geboortedatum="30-02-1950"),  # 6
        member(Achternaam="Smit", Geboortedatum="01-01-2030"),  # 7
        member(Achternaam="Mulder", Geboortedatum="01-01-1990", **{"Lid sinds": "01-01-1980"}),  # 8
        member(Achternaam="", Roepnaam="Kees"),  # 9
        member(Achternaam="Bos", Huisnummer=None),  # 10
        member(Achternaam="Vos", Geslacht="q"),  # 11
        member(Achternaam="Dekker", **{"E-mail": "dekker@"}),  # 12
        member(Achternaam="Kok", Telefoon="06-1234"),  # 13
        member(Roepnaam="Jan", Huisnummer=5),  # 14: same name and birth date as row 4
        member(),  # 15: the same as row 4, cell for cell
        member(Achternaam="Meijer", Geboortedatum=None, Huisnummer=8),  # 16
        member(Achternaam="Meijer", Geboortedatum=None, Huisnummer=8, Telefoon=""),  # 17: same name, same address
        member(Achternaam="Prins", Straat="Kerkweg", Huisnummer=8),  # 18: same number and postcode, other street
        member(Achternaam="Wit", **{"Lid sinds": "morgen"}),  # 19
    ]
    path = xlsx(tmp_path / "fouten.xlsx", rows)
    report = run_import(core_ctx, path)
    assert not report.written
    assert nothing_written(core_ctx)
    reasons = {(p.row, p.column): p.reason for p in report.problems}
    expected = {
        (5, "Postcode"): "te veel cijfers",
        (6, "Geboortedatum"): "30-2-1950 bestaat niet",
        (7, "Geboortedatum"): "toekomst",
        (8, "Lid sinds"): "vóór de geboortedatum",
        (9, "Achternaam"): "Vul de achternaam in",
        (10, "Huisnummer"): "Vul een huisnummer in",
        (11, "Geslacht"): "Onbekend geslacht 'q'",
        (12, "E-mail"): "domein",
        (13, "Telefoon"): "te weinig cijfers",
        (14, "Achternaam"): "dezelfde naam en geboortedatum als rij 4",
        (15, ""): "gelijk aan rij 4",
        (17, "Achternaam"): "dezelfde naam op hetzelfde adres als rij 16",
        (18, "Straat"): "andere straat",
        (19, "Lid sinds"): "Geen datum",
    }
    assert set(reasons) == set(expected)
    for key, part in expected.items():
        assert part in reasons[key], (key, reasons[key])
    assert [p.row for p in report.problems] == sorted(p.row for p in report.problems)
    assert str(report.problems[0]).startswith("Rij 5, kolom Postcode: ")
    assert "15 problemen" not in report.summary() and "niets ingelezen" in report.summary()


def test_a_formula_without_a_stored_result_is_reported_and_one_with_a_result_is_used(ctx, tmp_path):
    header = "".join(
        f'<c r="{col}1" t="inlineStr"><is><t>{name}</t></is></c>'
        for col, name in zip("ABCD", ("Achternaam", "Roepnaam", "Postcode", "Woonplaats"), strict=True)
    )
    sheet = (
        f'<?xml version="1.0"?><worksheet {SHEET_NS}><sheetData><row r="1">{header}</row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>Jansen</t></is></c>'
        '<c r="B2" t="str"><f>PROPER("jan")</f><v>Jan</v></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>Bakker</t></is></c><c r="B3"><f>A3&amp;"x"</f></c></row>'
        "</sheetData></worksheet>"
    )
    path = raw_xlsx(tmp_path / "formules.xlsx", sheet)
    data = read_sheet(path)
    assert data.rows[1] == ("Jansen", "Jan") and data.formula_without_value == {(3, 2)}
    report = check_import(ctx, path)
    assert [(p.row, p.column) for p in report.problems] == [(3, "Roepnaam")]
    assert "formule zonder opgeslagen uitkomst" in report.problems[0].reason


def test_an_openpyxl_formula_cell_is_never_evaluated(ctx, tmp_path):
    path = xlsx(tmp_path / "f.xlsx", [HEADER, member(Roepnaam='=HYPERLINK("http://x","klik")')])
    report = check_import(ctx, path)
    assert [(p.row, p.column) for p in report.problems] == [(2, "Roepnaam")]


def test_duplicates_of_people_already_registered(core_ctx, tmp_path):
    people.create_person(
        core_ctx,
        PersonInput(
            surname="Jansen",
            first_name="Jan",
            birth_date="01-05-1950",
            street="Kerkweg",
            house_number="3",
            postcode="3948 AC",
            city="Westerhoek",
        ),
    )
    people.create_person(
        core_ctx,
        PersonInput(
            surname="Bakker",
            initials="P.",
            street="Molenlaan",
            house_number="9",
            postcode="3948 AD",
            city="Westerhoek",
            membership=MembershipInput("01-01-2020"),
        ),
    )
    before = count(core_ctx, AuditEvent)
    rows = [
        HEADER,
        member(),  # Jan Jansen, 1-5-1950: registered already
        member(
            Voorletters="P.",
            Roepnaam="",
            Achternaam="Bakker",
            Geboortedatum=None,
            Straat="Molenlaan",
            Huisnummer=9,
            Postcode="3948ad",
        ),  # fmt: skip
        member(Roepnaam="Johan", Voorletters="J.A.", Huisnummer=2),  # another Jansen: fine
    ]
    report = run_import(core_ctx, xlsx(tmp_path / "dubbel.xlsx", rows))
    assert [(p.row, p.column) for p in report.problems] == [(2, "Achternaam"), (3, "Achternaam")]
    assert "staat al ingeschreven als Jansen, Jan" in report.problems[0].reason
    assert "dezelfde naam en geboortedatum" in report.problems[0].reason
    assert "dezelfde naam op hetzelfde adres" in report.problems[1].reason
    assert count(core_ctx, Person) == 2 and count(core_ctx, AuditEvent) == before


# ---------------------------------------------------------------- other shapes of lists


def test_title_row_naam_and_adres_in_one_column_and_text_dates(core_ctx, tmp_path):
    rows = [
        ["Ledenoverzicht 2026", None, None],
        ["Naam", "Adres", "Postcode", "Plaats", "Tel.", "Geb.datum", "M/V", "Lid vanaf", "Contributie", "Lidnr"],
        ["J.P. van der Berg", "Dorpsstraat 12-2", "3948ab", "Westerhoek", "0343 123456", "3-4-1941", "dhr", "1-1-2019",
         35, 101],
        ["Berg, A. van den", "Dorpsstraat 12-2", "3948 AB", "Westerhoek", None, "03-04-1943", "Mevr.", "01-01-2019",
         0, 102],
        ["Jan de Vries", "2e Hogeweg 4a", "3948 AC", "Westerhoek", "+31 6 1234 5678", "1941-06-30", "man", None, 25,
         103],
        ["Mevr. S. Çelik", "Van Limburg Stirumlaan 7 bis", "3948 AD", "Westerhoek", 612345679, None, "v", "2-2-2022",
         "25,50", 104],
    ]  # fmt: skip
    path = xlsx(tmp_path / "naam-adres.xlsx", rows)
    preview = preview_import(path)
    assert preview.header_row == 2 and preview.data_rows == 4
    fields = {c.header: c.field for c in preview.columns}
    assert fields == {
        "Naam": "name",
        "Adres": "address",
        "Postcode": "postcode",
        "Plaats": "city",
        "Tel.": "phone",
        "Geb.datum": "birth_date",
        "M/V": "gender",
        "Lid vanaf": "member_since",
        "Contributie": "fee",
        "Lidnr": None,
    }
    assert preview.unrecognised == ("Lidnr",)
    assert preview.columns[0].samples == ("J.P. van der Berg", "Berg, A. van den", "Jan de Vries")
    assert any("rij 2" in note for note in preview.notes)

    report = run_import(core_ctx, path)
    assert report.problems == (), [str(p) for p in report.problems]
    assert (report.people, report.households) == (4, 3)
    assert report.notes and "1 rij heeft geen datum 'lid sinds'" in report.notes[0]
    found = {r.list_name: r for r in people.search_people(core_ctx, "")}
    assert set(found) == {"Berg, J.P. van der", "Berg, A. van den", "Vries, Jan de", "Çelik, S."}
    berg = people.get_person(core_ctx, found["Berg, J.P. van der"].id)
    assert (berg.street, berg.house_number, berg.postcode, berg.gender) == ("Dorpsstraat", "12-2", "3948 AB", "m")
    assert berg.birth_date == date(1941, 4, 3) and berg.phones[0].e164 == "+31343123456"
    assert (berg.membership.kind, berg.membership.yearly_fee_cents) == ("household", 3500)
    assert [m.name for m in berg.household] == ["A. van den Berg"]
    vries = people.get_person(core_ctx, found["Vries, Jan de"].id)
    assert (vries.street, vries.house_number, vries.membership.kind) == ("2e Hogeweg", "4a", "single")
    assert vries.membership.since == date(2026, 11, 23)  # no 'lid sinds': the import day
    celik = people.get_person(core_ctx, found["Çelik, S."].id)
    assert (celik.street, celik.house_number, celik.gender) == ("Van Limburg Stirumlaan", "7 bis", "v")
    assert celik.phones[0].e164 == "+31612345679"  # the number column had dropped the leading 0
    assert celik.membership.yearly_fee_cents == 2550


def test_split_house_number_columns_and_an_explicit_mapping(core_ctx, tmp_path):
    rows = [
        ["Achternaam", "Voorl.", "Tussenv.", "Straat", "Huisnr", "Toev.", "Postcode", "Woonplaats", "Tel. thuis",
         "Mobiel", "E-mailadres", "Partner"],
        ["Horst", "c.m.", "in 't", "Beukenlaan", 27, "-2", "7431rz", "Westerhoek", "0343-428498", "06 12345678",
         "cor@example.nl", "Riet"],
        ["van Dijk", "A", None, "Kerkweg", "14", "bis", "7431 RP", "Westerhoek", None, "0612345670", None, None],
    ]  # fmt: skip
    path = xlsx(tmp_path / "gesplitst.xlsx", rows)
    preview = preview_import(path)
    assert set(preview.unrecognised) == {"Tel. thuis", "Partner"}
    with pytest.raises(ServiceError, match="Onbekend veld 'partnernaam'"):
        preview_import(path, {"Partner": "partnernaam"})
    with pytest.raises(ServiceError, match="staat niet in de kopregel"):
        preview_import(path, {"Telefoon 2": "telefoon"})
    mapping = member_import.parse_mapping(["Tel. thuis=telefoon", "Partner=negeren"])
    preview = preview_import(path, mapping)
    assert preview.unrecognised == ()
    assert {c.header: c.field for c in preview.columns}["Partner"] == "ignore"

    report = run_import(core_ctx, path, mapping)
    assert report.problems == () and report.people == 2
    found = {r.list_name: r.id for r in people.search_people(core_ctx, "")}
    horst = people.get_person(core_ctx, found["Horst, C.M. in 't"])
    assert (horst.house_number, horst.postcode) == ("27-2", "7431 RZ")
    assert [(p.e164, p.label) for p in horst.phones] == [("+31343428498", ""), ("+31612345678", "mobiel")]
    dijk = people.get_person(core_ctx, found["Dijk, A. van"])
    assert (dijk.prefix, dijk.surname, dijk.house_number) == ("van", "Dijk", "14 bis")


def test_joining_a_household_already_registered_makes_a_household_membership(core_ctx, tmp_path):
    existing = people.create_person(
        core_ctx,
        PersonInput(
            surname="Visser",
            first_name="Gerrit",
            street="Dorpsstraat",
            house_number="1",
            postcode="3948 AB",
            city="Westerhoek",
            phones=(PhoneInput("06-12345671"),),
            membership=MembershipInput("01-01-2015"),
        ),
    )
    report = run_import(core_ctx, xlsx(tmp_path / "erbij.xlsx", [HEADER, member(Achternaam="Visser", Roepnaam="Ans")]))
    assert report.written and (report.people, report.households, report.new_households) == (1, 1, 0)
    detail = people.get_person(core_ctx, existing.id)
    assert [m.name for m in detail.household] == ["J. Visser"]
    ans = people.get_person(core_ctx, detail.household[0].id)
    assert ans.membership.kind == "household"


def test_dry_run_and_check_write_nothing(core_ctx, tmp_path):
    path = xlsx(tmp_path / "goed.xlsx", [HEADER, member(), member(Roepnaam="Piet", Voorletters="P.")])
    for report in (check_import(core_ctx, path), run_import(core_ctx, path, dry_run=True)):
        assert report.ok and not report.written and report.people == 2
        assert "proef" in report.summary()
    assert nothing_written(core_ctx)
    calls = []
    report = run_import(core_ctx, path, backup=lambda: calls.append(count(core_ctx, Person)))
    assert report.written and calls == [0]  # backed up once, before anything was written
    assert count(core_ctx, Person) == 2


def test_no_surname_column_is_refused(ctx, tmp_path):
    path = xlsx(tmp_path / "geen-naam.xlsx", [["Straat", "Huisnummer", "Postcode"], ["Kerkweg", 1, "3948 AB"]])
    assert preview_import(path).missing
    with pytest.raises(ServiceError, match="geen kolom met de achternaam"):
        run_import(ctx, path)
    assert nothing_written(ctx)


# ---------------------------------------------------------------- files that are refused unread


def _ole2(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    return path


def _csv(path: Path) -> Path:
    path.write_text("Achternaam;Postcode\nJansen;3948 AB\n", encoding="utf-8")
    return path


def _docx(path: Path) -> Path:
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        'wordprocessingml.document.main+xml"/></Types>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("word/document.xml", "<document/>")
    return path


def _bomb_sheet(path: Path) -> Path:
    sheet = LAUGHS + f'<worksheet {SHEET_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t>'
    sheet += "</is></c></row></sheetData></worksheet>"
    return raw_xlsx(path, sheet)


def _bomb_strings(path: Path) -> Path:
    sheet = f'<worksheet {SHEET_NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
    strings = LAUGHS + f"<sst {SHEET_NS}><si><t>&lol9;</t></si></sst>"
    return raw_xlsx(path, sheet, shared_strings=strings)


def _bomb_types(path: Path) -> Path:
    types = LAUGHS.replace("lolz", "Types") + "<Types>&lol9;</Types>"
    return raw_xlsx(path, f"<worksheet {SHEET_NS}/>", content_types=types)


def _external_entity(path: Path) -> Path:
    sheet = (
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f'<worksheet {SHEET_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    return raw_xlsx(path, sheet)


def _not_xml(path: Path) -> Path:
    return raw_xlsx(path, "<worksheet><sheetData><row></worksheet>")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_ole2, "oud Excel-bestand (.xls)"),
        (_csv, "tekstbestand (zoals CSV)"),
        (_docx, "Word-document"),
        (_bomb_sheet, "verboden XML-constructies"),
        (_bomb_strings, "verboden XML-constructies"),
        (_bomb_types, "verboden XML-constructies"),
        (_external_entity, "verboden XML-constructies"),
        (_not_xml, "beschadigd"),
        (lambda p: (p.write_bytes(b""), p)[1], "leeg"),
        (lambda p: p, "bestaat niet"),
    ],
)
def test_unreadable_files_are_refused_in_dutch_without_hanging(ctx, tmp_path, make, message):
    path = make(tmp_path / "leden.xlsx")
    started = time.perf_counter()
    with pytest.raises(ServiceError, match=re.escape(message)):
        run_import(ctx, path)
    with pytest.raises(ServiceError, match=re.escape(message)):
        preview_import(path)
    assert time.perf_counter() - started < 5
    assert nothing_written(ctx)


def test_openpyxl_itself_refuses_the_bomb_too(tmp_path):
    """The reader does not rely on this, but the guard on openpyxl (defusedxml) holds as well."""
    from defusedxml import DefusedXmlException

    path = _bomb_sheet(tmp_path / "bom.xlsx")
    with pytest.raises(ValueError) as caught:  # openpyxl wraps defusedxml's EntitiesForbidden
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        list(workbook.worksheets[0].iter_rows(values_only=True))
    assert isinstance(caught.value, DefusedXmlException) or isinstance(caught.value.__context__, DefusedXmlException)


def test_size_limits(ctx, tmp_path):
    path = xlsx(tmp_path / "groot.xlsx", [HEADER, *[member(Roepnaam=f"Jan{i}", Huisnummer=i + 1) for i in range(30)]])
    with pytest.raises(ServiceError, match="te groot"):
        run_import(ctx, path, limits=ReadLimits(max_file_bytes=1000))
    with pytest.raises(ServiceError, match="uitgepakt te groot"):
        run_import(ctx, path, limits=ReadLimits(max_unpacked_bytes=2000))
    with pytest.raises(ServiceError, match="meer dan 20 gevulde rijen"):
        run_import(ctx, path, limits=ReadLimits(max_rows=20))


# ---------------------------------------------------------------- 10,000 rows


def ten_thousand(path: Path, n: int = 10_000) -> Path:
    letters = "ABCEGHJKLMNPRTVWXZ"
    streets = ("Dorpsstraat", "Kerkweg", "Molenlaan", "2e Hogeweg", "Van Limburg Stirumlaan", "Beukenlaan")
    rows = []
    address = 0
    while len(rows) < n:
        address += 1
        postcode = f"{3900 + address % 90} {letters[address % 18]}{letters[address // 18 % 18]}"
        for k in range(2 if address % 3 == 0 else 1):
            i = len(rows) + 1
            if i > n:
                break
            rows.append(
                [
                    "J.P." if k == 0 else "A.",
                    f"Jan{i}" if k == 0 else f"Anna{i}",
                    "van der" if i % 5 == 0 else None,
                    f"Berg{i % 977}",
                    streets[address % 6],
                    address // 6 + 1,
                    "a" if address % 7 == 0 else None,
                    postcode,
                    "Westerhoek",
                    f"06 {12000000 + i:08d}",
                    f"p{i}@example.nl",
                    date(1930 + i % 60, 1 + i % 12, 1 + i % 28),
                    date(2020, 1, 1),
                    "M" if k == 0 else "V",
                ]
            )
    kinds = {"Huisnummer": "int", "Geboortedatum": "date", "Lid sinds": "date"}
    write_table(path, "Leden", [Column(h, kinds.get(h, "text")) for h in HEADER], rows)
    return path


def test_ten_thousand_rows_import(core_ctx, tmp_path):
    report = run_import(core_ctx, ten_thousand(tmp_path / "10000.xlsx"))
    assert report.problems == ()
    assert (report.people, report.households) == (10_000, 7_500)
    assert count(core_ctx, Person) == 10_000
    assert count(core_ctx, Household) == 7_500
    assert count(core_ctx, Phone) == 10_000
    with core_ctx.uow() as session:
        kinds = dict(session.execute(select(Membership.kind, func.count()).group_by(Membership.kind)).all())
    assert kinds == {"household": 5_000, "single": 5_000}
    assert people.count_people(core_ctx, "jan9999") == 1
    # ids handed out in bulk are past the sequence on PostgreSQL too: a normal save still works
    people.create_person(core_ctx, PersonInput(surname="Nieuw"))


# ---------------------------------------------------------------- the command line


def cli(*argv: str) -> int | None:
    """The way coop_desk.cli will call these commands, before it is wired: an argparse harness."""
    parser = argparse.ArgumentParser(prog="coop-desk")
    parser.add_argument("--db")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("demo")
    add_commands(commands)
    return run(parser.parse_args(list(argv)))


def test_cli_import_problems_dry_run_and_success(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite")
    bad = xlsx(tmp_path / "fout.xlsx", [HEADER, member(), member(Achternaam="Bakker", Postcode="39481")])
    assert cli("--db", db, "import", "members", str(bad)) == 1
    out = capsys.readouterr()
    assert "Rij 3, kolom Postcode: Een postcode heeft vier cijfers en twee letters; hier staan te veel cijfers." in (
        out.err.splitlines()
    )
    assert "niets ingelezen" in out.err

    good = xlsx(tmp_path / "goed.xlsx", [HEADER, member(), member(Roepnaam="Piet", Voorletters="P.")])
    assert cli("--db", db, "import", "members", str(good), "--dry-run") == 0
    assert "proef" in capsys.readouterr().out
    assert cli("--db", db, "import", "members", str(good), "--map", "Geslacht=negeren") == 0
    out = capsys.readouterr().out
    assert "2 leden in 1 huishouden (1 nieuw) ingelezen" in out and "Reservekopie gemaakt" in out
    assert list((tmp_path / "home" / "backups").glob("*-voor-import.sqlite"))

    assert cli("--db", db, "import", "members", str(tmp_path / "weg.xlsx")) == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert cli("--db", db, "import", "members", str(good), "--map", "zonder-is-teken") == 2
    assert cli("--db", db, "export", "people", str(tmp_path / "mensen.xlsx")) == 0
    assert "2 rijen geschreven" in capsys.readouterr().out
    assert cli("--db", db, "demo") is None  # not one of these commands


def test_cli_as_a_separate_process(tmp_path):
    db = tmp_path / "proces.sqlite"
    path = sample_without_bad_rows(tmp_path)
    env = {"COOP_DESK_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen", "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-m", "coop_desk", "--db", str(db), "import", "members", str(SAMPLE)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Rij 144, kolom Postcode: " in result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "coop_desk", "--db", str(db), "import", "members", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "142 leden" in result.stdout
