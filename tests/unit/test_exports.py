"""Excel exports on SQLite and PostgreSQL, read back with openpyxl: exact columns, typed cells (dates, money),
bold frozen header with autofilter and widths, text that looks like a formula stays text, filters, audit."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime, timedelta

import openpyxl
import pytest
from sqlalchemy import select

from coop_desk.db.models import AuditEvent
from coop_desk.documents.excel.writer import Column, write_table
from coop_desk.services import cases, exports, intake, member_import, people
from coop_desk.services.cases import CaseFilter, NewCase
from coop_desk.services.errors import ServiceError
from coop_desk.services.intake import CallInput
from coop_desk.services.people import MembershipInput, PersonInput, PhoneInput

FIXED_NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
PEOPLE_HEADERS = [
    "Nummer",
    "Achternaam",
    "Tussenvoegsel",
    "Voorletters",
    "Roepnaam",
    "Straat",
    "Huisnummer",
    "Toevoeging",
    "Postcode",
    "Woonplaats",
    "Telefoon",
    "E-mail",
    "Geboortedatum",
    "Lid sinds",
]
HYPERLINK = '=HYPERLINK("http://example.com/x","klik")'


def add(ctx, surname, **kw):
    values = dict(
        surname=surname,
        initials="J.",
        first_name="Jan",
        street="Dorpsstraat",
        house_number="12a",
        postcode="3948ab",
        city="Westerhoek",
        phones=(PhoneInput("06-12345678"),),
        birth_date="03-04-1941",
    )
    values.update(kw)
    return people.create_person(ctx, PersonInput(**values), allow_duplicate=True)


def read(path_or_stream):
    workbook = openpyxl.load_workbook(path_or_stream)
    return workbook.active


def values(ws) -> list[tuple]:
    return [tuple(c.value for c in row) for row in ws.iter_rows()]


def audit_entries(ctx) -> list[tuple[str, str, str]]:
    with ctx.uow() as session:
        statement = select(AuditEvent.action, AuditEvent.event_type, AuditEvent.detail).where(
            AuditEvent.event_type.like("export.%")
        )
        return [tuple(r) for r in session.execute(statement.order_by(AuditEvent.id))]


# ---------------------------------------------------------------- the writer


def test_write_table_types_layout_and_formula_safety():
    columns = [
        Column("Naam"),
        Column("Aantal", "int"),
        Column("Datum", "date"),
        Column("Tijdstip", "datetime"),
        Column("Bedrag", "money"),
        Column("Actief", "bool"),
    ]
    rows = [
        [HYPERLINK, 3, date(2026, 3, 3), datetime(2026, 3, 3, 14, 5), 123456, True],
        ["+31 6 1234 5678", 0, datetime(1941, 4, 3, 0, 0), None, -250, False],
        ["@SUM(A1:A2)", None, None, None, 0, None],
        ["-1+1", 1, None, None, None, None],
        ["Tekst & <tekens> met\ttab en een heel lange omschrijving " * 3, 2, None, None, 1, True],
        ["\x01gewoon", 4, None, None, 5, False],
    ]
    stream = io.BytesIO()
    assert write_table(stream, "Lijst: test/1", columns, rows) == 6
    raw = zipfile.ZipFile(io.BytesIO(stream.getvalue())).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in raw and "<f " not in raw  # no formula anywhere
    stream.seek(0)
    ws = read(stream)
    assert ws.title == "Lijst test1"
    assert [c.value for c in ws[1]] == ["Naam", "Aantal", "Datum", "Tijdstip", "Bedrag", "Actief"]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:F7"
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    assert set(widths) == set("ABCDEF") and widths["A"] == 60 and 6 <= widths["F"] < 20
    for row in (2, 3, 4, 5):
        cell = ws.cell(row, 1)
        assert cell.data_type == "s" and cell.quotePrefix  # text, kept text when edited in Excel
    assert ws["A2"].value == HYPERLINK and ws["A3"].value == "+31 6 1234 5678" and ws["A5"].value == "-1+1"
    assert ws["A7"].value == "gewoon" and not ws["A7"].quotePrefix
    assert ws["C2"].value == datetime(2026, 3, 3) and ws["C2"].number_format == "DD-MM-YYYY"
    assert ws["C3"].value == datetime(1941, 4, 3)
    assert ws["D2"].value == datetime(2026, 3, 3, 14, 5) and ws["D2"].number_format == "DD-MM-YYYY HH:MM"
    assert ws["E2"].value == 1234.56 and ws["E2"].number_format == "€ #,##0.00"
    assert ws["E3"].value == -2.5 and ws["E4"].value == 0
    assert ws["F2"].value is True and ws["F3"].value is False
    assert ws["B3"].value == 0 and ws["B4"].value is None
    # openpyxl's read-only reader agrees
    stream.seek(0)
    fast = openpyxl.load_workbook(stream, read_only=True)
    assert next(fast.active.iter_rows(min_row=2, max_row=2, values_only=True))[0] == HYPERLINK


def test_write_table_to_a_path_replaces_the_file_whole(tmp_path):
    path = tmp_path / "uit" / "lijst.xlsx"
    write_table(path, "Eerst", [Column("A")], [["oud"]])
    write_table(path, "Daarna", [Column("A", "int")], ([i] for i in range(3)))
    assert values(read(path)) == [("A",), (0,), (1,), (2,)]
    assert [p.name for p in path.parent.iterdir()] == ["lijst.xlsx"]  # no temporary file left behind
    with pytest.raises(ValueError):
        Column("A", "percent")


# ---------------------------------------------------------------- the lists


def test_people_export_columns_types_and_neutralised_formulas(core_ctx, tmp_path):
    berg = add(core_ctx, "Berg", prefix="van der", membership=MembershipInput("01-01-2020"))
    link = add(core_ctx, HYPERLINK, first_name="@Piet", house_number="7", phones=(PhoneInput("+31 343 123 456"),))
    other = add(
        core_ctx, "Visser", initials="", first_name="", street="", house_number="", postcode="", city="", phones=()
    )
    path = tmp_path / "personen.xlsx"
    assert exports.export_list(core_ctx, "people", path) == 3
    ws = read(path)
    rows = values(ws)
    assert list(rows[0]) == PEOPLE_HEADERS
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id[berg.id] == (
        berg.id, "Berg", "van der", "J.", "Jan", "Dorpsstraat", 12, "a", "3948 AB", "Westerhoek", "06 12345678", None,
        datetime(1941, 4, 3), datetime(2020, 1, 1),
    )  # fmt: skip
    assert by_id[other.id][5:11] == (None,) * 6
    formula_row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == link.id)
    assert formula_row[1].value == HYPERLINK and formula_row[1].data_type == "s"
    assert formula_row[4].value == "@Piet" and formula_row[4].data_type == "s"
    assert formula_row[10].value == "0343 123 456"
    assert [r[1] for r in rows[1:]] == [HYPERLINK, "Berg", "Visser"]  # the list order: sort key ("=" first)
    assert ws["M2"].number_format == "DD-MM-YYYY" and isinstance(ws["M2"].value, datetime)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:N4" and all(c.font.b for c in ws[1])
    assert len(ws.column_dimensions) == 14 and all(d.width for d in ws.column_dimensions.values())
    assert audit_entries(core_ctx) == [("E", "export.people", "3 rijen naar personen.xlsx")]


def test_members_export_has_membership_columns_and_money(core_ctx, tmp_path):
    jan = add(core_ctx, "Jansen", membership=MembershipInput("01-01-2020", None, "household", "35,00"))
    add(
        core_ctx, "Jansen", first_name="Ans", initials="A.", membership=MembershipInput("01-01-2020", None, "household")
    )
    add(core_ctx, "Oud", membership=MembershipInput("01-01-2010", "31-12-2019", "single", "25"))
    add(core_ctx, "Geen lid")
    path = tmp_path / "leden.xlsx"
    assert exports.export_list(core_ctx, "members", path) == 2
    ws = read(path)
    assert [c.value for c in ws[1]] == [*PEOPLE_HEADERS, "Lid tot", "Soort", "Contributie"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == jan.id)
    assert [c.value for c in row[14:]] == [None, "huishouden", 35]
    assert row[16].number_format == "€ #,##0.00" and isinstance(row[16].value, int | float)
    assert exports.export_list(core_ctx, "members", tmp_path / "alle.xlsx", include_former=True) == 3
    former = [r for r in values(read(tmp_path / "alle.xlsx")) if r[1] == "Oud"][0]
    assert former[14:] == (datetime(2019, 12, 31), "eenpersoons", 25)


def test_query_filter_exports_what_the_list_shows(core_ctx, tmp_path):
    add(core_ctx, "Müller")
    add(core_ctx, "Bakker", postcode="3948 CD")
    assert exports.export_list(core_ctx, "people", tmp_path / "m.xlsx", query="muller") == 1
    assert values(read(tmp_path / "m.xlsx"))[1][1] == "Müller"
    assert audit_entries(core_ctx)[-1] == ("E", "export.people", "1 rijen naar m.xlsx (met zoekterm)")


def test_households_export(core_ctx, tmp_path):
    add(core_ctx, "Berg", prefix="van der", initials="J.P.")
    add(core_ctx, "Vries", prefix="de", initials="A.")
    add(core_ctx, "Alleen", house_number="5", postcode="3948 CD")
    assert exports.export_list(core_ctx, "households", tmp_path / "h.xlsx") == 2
    rows = values(read(tmp_path / "h.xlsx"))
    assert rows[0] == ("Straat", "Huisnummer", "Toevoeging", "Postcode", "Woonplaats", "Bewoners", "Aantal")
    assert rows[1:] == [
        ("Dorpsstraat", 12, "a", "3948 AB", "Westerhoek", "J.P. van der Berg; A. de Vries", 2),
        ("Dorpsstraat", 5, None, "3948 CD", "Westerhoek", "J. Alleen", 1),
    ]


def test_calls_and_cases_exports_with_the_caseload_filter(core_ctx, tmp_path):
    client = add(core_ctx, "Jansen", first_name="Piet", initials="P.")
    daughter = add(core_ctx, "Jansen", first_name="Els", initials="E.", house_number="99")
    categories = [c.id for c in cases.list_categories(core_ctx)][:2]
    started = FIXED_NOW - timedelta(hours=1)
    result = intake.save_call(
        core_ctx,
        CallInput(
            started_at=started,
            outcome="new_case",
            caller_id=daughter.id,
            subject_id=client.id,
            relation="dochter",
            category_ids=tuple(categories),
            note="=1+1 vraagt om vervoer naar het ziekenhuis",
            case_title="Vervoer naar ziekenhuis",
        ),
    )
    intake.save_call(
        core_ctx, CallInput(started_at=started, outcome="info", caller_name="Onbekende", note="Info over de ALV")
    )
    done = cases.create_case(core_ctx, NewCase(client_id=None, title="Oude vraag"))
    cases.change_status(core_ctx, done.id, done.version, "afgerond", "klaar")

    assert exports.export_list(core_ctx, "calls", tmp_path / "gesprekken.xlsx") == 2
    ws = read(tmp_path / "gesprekken.xlsx")
    assert [c.value for c in ws[1]] == [
        "Datum/tijd", "Beller", "Namens", "Categorieën", "Afloop", "Notitie", "Hulpvraag nr.",
    ]  # fmt: skip
    by_caller = {r[1]: r for r in values(ws)[1:]}
    call = by_caller["E. Jansen"]
    assert call[0] == started.astimezone().replace(tzinfo=None) and call[2] == "P. Jansen"
    assert call[3] and call[4] == intake.OUTCOME_LABELS["new_case"] and call[6] == result.case_id
    assert call[5].startswith("=1+1") and ws["F2"].data_type == "s"
    assert by_caller["Onbekende"][2] is None and by_caller["Onbekende"][6] is None
    assert ws["A2"].number_format == "DD-MM-YYYY HH:MM"

    assert exports.export_list(core_ctx, "cases", tmp_path / "alle.xlsx") == 2
    assert exports.export_list(core_ctx, "cases", tmp_path / "open.xlsx", case_filter=CaseFilter()) == 1
    ws = read(tmp_path / "open.xlsx")
    assert [c.value for c in ws[1]] == [
        "Nr", "Hulpvrager", "Omschrijving", "Categorieën", "Status", "Behandelaar", "Geopend", "Afgesloten",
        "Terugbellen",
    ]  # fmt: skip
    row = values(ws)[1]
    assert row[0] == result.case_id and row[1] == "P. Jansen" and row[2] == "Vervoer naar ziekenhuis"
    assert row[4] == "Nieuw" and isinstance(row[6], datetime) and row[7] is None
    closed = [r for r in values(read(tmp_path / "alle.xlsx")) if r[0] == done.id][0]
    assert closed[4] == "Afgerond" and isinstance(closed[7], datetime)
    assert [e[1] for e in audit_entries(core_ctx)] == ["export.calls", "export.cases", "export.cases"]
    assert "filter van de hulpvragenlijst" in audit_entries(core_ctx)[-1][2]


def test_unknown_list_and_unwritable_file(ctx, tmp_path):
    with pytest.raises(ServiceError, match="Onbekende lijst"):
        exports.export_list(ctx, "donateurs", tmp_path / "x.xlsx")
    blocker = tmp_path / "bestand"
    blocker.write_text("")
    with pytest.raises(ServiceError, match="niet schrijven"):
        exports.export_list(ctx, "people", blocker / "x.xlsx")
    assert audit_entries(ctx) == []  # a failed export is not logged as done


def test_ten_thousand_people_export(core_ctx, tmp_path):
    headers = ["Roepnaam", "Achternaam", "Straat", "Huisnummer", "Postcode", "Woonplaats", "Geboortedatum"]
    rows = (
        [f"Jan{i}", f"Berg{i % 500}", "Dorpsstraat", i // 2 + 1, "3948 AB", "Westerhoek", date(1940 + i % 50, 1, 1)]
        for i in range(10_000)
    )
    kinds = {"Huisnummer": "int", "Geboortedatum": "date"}
    write_table(tmp_path / "10000.xlsx", "Leden", [Column(h, kinds.get(h, "text")) for h in headers], rows)
    assert member_import.run_import(core_ctx, tmp_path / "10000.xlsx").written
    path = tmp_path / "allen.xlsx"
    assert exports.export_list(core_ctx, "people", path) == 10_000
    ws = openpyxl.load_workbook(path, read_only=True).active
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 10_000 and len({r[0] for r in rows}) == 10_000
    assert all(isinstance(r[12], datetime) for r in rows[:100])
