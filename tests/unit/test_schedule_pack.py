"""Print packs of the work groups: what is gathered, the PDF read back with pdftotext, the xlsx, groups and audit."""

from __future__ import annotations

import io
import subprocess
from datetime import date, datetime, time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from coop_desk.db.models import AuditEvent, Cooperative, Household, Person, Phone
from coop_desk.db.models.groups import (
    ActivityParticipant,
    ActivitySession,
    Attendance,
    GroupClosedDay,
    GroupMember,
    Job,
    JobAssignment,
    Meal,
    MealGuest,
    Ride,
    Shift,
    ShiftAssignment,
    Volunteer,
    WorkGroup,
)
from coop_desk.services import schedule_pack as sp
from coop_desk.services.errors import NotFoundError, ValidationError

DEC_1, DEC_31 = date(2026, 12, 1), date(2026, 12, 31)


def pdf_text(pdf: bytes, tmp_path: Path, name: str = "pack") -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages_of(pdf: bytes, tmp_path: Path) -> int:
    path = tmp_path / "count.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _person(session, n, first, surname, prefix="", gender="", street="Dorpsstraat", phone="+31612345678"):
    household = Household(street=street, house_number=n, postcode="3941 AB", city="Westerhoek")
    person = Person(
        first_name=first, initials=first[0] + ".", prefix=prefix, surname=surname, gender=gender,
        sort_key=surname.lower(), household=household,
    )  # fmt: skip
    if phone:
        person.phones.append(Phone(number=phone, position=0))
    session.add(person)
    return person


def _volunteer(session, person, group, role):
    v = Volunteer(person_id=person.id)
    session.add(v)
    session.flush()
    session.add(GroupMember(group_id=group.id, volunteer_id=v.id, role=role))
    return v


@pytest.fixture
def village(core_ctx):
    """Westerhoek with four groups and a December: shifts, rides, a meal with allergies, a job, a session."""
    ids = {}
    with core_ctx.uow() as s:
        s.merge(Cooperative(id=1, name="Westerhoek Zorgt", village="Westerhoek", phone="+31343123456"))
        eet = WorkGroup(name="Westerhoek Eet", kind="meals", location="Dorpshuis De Linde")
        rijdt = WorkGroup(name="Westerhoek Rijdt", kind="rides")
        klust = WorkGroup(name="Westerhoek Klust", kind="jobs")
        beweegt = WorkGroup(name="Westerhoek Beweegt", kind="activity", location="Gymzaal")
        s.add_all([eet, rijdt, klust, beweegt])
        s.flush()
        anna = _person(s, 1, "Anna", "Vries", "de", "v")
        kees = _person(s, 2, "Kees", "Berg", "van den", "m", phone="+31343987654")
        piet = _person(s, 3, "Piet", "Jansen", "", "m")
        lange = _person(
            s, 4, "Wilhelmina", "Oosterhuizen-Vanderbroeckenhuyzen", "", "v", street="Burgemeester van Heemskerckstraat"
        )
        gast = _person(s, 5, "Gerrit", "Smit", "", "m")
        thuisloos = Person(first_name="Sam", surname="Zwerver", sort_key="zwerver")
        s.add(thuisloos)
        s.flush()
        kok = _volunteer(s, anna, eet, "kok")
        kok2 = _volunteer(s, thuisloos, eet, "kok")
        driver = _volunteer(s, kees, rijdt, "chauffeur")
        klusser = _volunteer(s, piet, klust, "klusser")
        truus = _person(s, 6, "Truus", "Bakker", "", "v")
        s.flush()
        leider = _volunteer(s, truus, beweegt, "begeleider")
        shift = Shift(group_id=eet.id, day=date(2026, 12, 3), start_time=time(16), end_time=time(20), role="kok",
                      needed=3, label="Koken")  # fmt: skip
        shift.assignments.append(ShiftAssignment(volunteer_id=kok.id))
        shift.assignments.append(ShiftAssignment(volunteer_id=kok2.id, override=True))
        s.add(shift)
        s.add(Shift(group_id=eet.id, day=date(2026, 12, 10), start_time=time(16), end_time=time(20), role="kok"))
        s.add(GroupClosedDay(group_id=eet.id, day=date(2026, 12, 31), reason="oudjaarsdag"))
        meal = Meal(group_id=eet.id, day=date(2026, 12, 3), start_time=time(17, 30), menu="Hachee met rode kool",
                    price_cents=750)  # fmt: skip
        meal.guests.append(MealGuest(person_id=gast.id, extra_guests=1, diet="zoutarm", allergies="pinda's", paid=True))
        meal.guests.append(MealGuest(person_id=lange.id, allergies="gluten, lactose"))
        meal.guests.append(MealGuest(person_id=piet.id, diet="vegetarisch"))
        s.add(meal)
        s.add(Meal(group_id=eet.id, day=date(2026, 12, 17), start_time=time(17, 30), cancelled=True, menu="Afgelast"))
        for n, (hour, who) in enumerate(((9, gast), (13, lange))):
            s.add(
                Ride(group_id=rijdt.id, passenger_id=who.id, day=date(2026, 12, 7), pickup_time=time(hour, 15),
                     destination_name="Ziekenhuis Zeist", destination_address="Hoog Kanje 1, Zeist",
                     appointment_time=time(hour + 1), return_mode="retour" if n == 0 else "wachten",
                     return_time=time(hour + 2, 30), aids=",rollator," if n else "",
                     companion="dochter Els" if n else "",
                     driver_id=driver.id, notes="Bel twee keer aan" if n == 0 else "", status="ingepland")
            )  # fmt: skip
        s.add(Ride(group_id=rijdt.id, passenger_id=piet.id, day=date(2026, 12, 8), pickup_time=time(10, 45),
                   destination_name="Huisarts Bosch", status="aangevraagd"))  # fmt: skip
        s.add(Ride(group_id=rijdt.id, passenger_id=piet.id, day=date(2026, 12, 9), pickup_time=time(11, 0),
                   destination_name="Tandarts", status="geannuleerd"))  # fmt: skip
        job = Job(group_id=klust.id, requester_id=gast.id, title="Lamp ophangen in de gang", day=date(2026, 12, 4),
                  start_time=time(10), materials="ladder, boormachine", skills=",elektra,",
                  description="Plafondlamp vervangen; de oude hangt los.")  # fmt: skip
        job.assignments.append(JobAssignment(volunteer_id=klusser.id))
        s.add(job)
        sess = ActivitySession(group_id=beweegt.id, day=date(2026, 12, 2), start_time=time(10), end_time=time(11),
                               title="Stoelyoga")  # fmt: skip
        done = ActivitySession(group_id=beweegt.id, day=date(2026, 11, 25), start_time=time(10), end_time=time(11))
        s.add_all([sess, done])
        s.add(Shift(group_id=beweegt.id, day=date(2026, 12, 2), start_time=time(9, 45), end_time=time(11, 15),
                    role="begeleider", assignments=[ShiftAssignment(volunteer_id=leider.id)]))  # fmt: skip
        s.add(ActivityParticipant(group_id=beweegt.id, person_id=gast.id, since=date(2026, 1, 1)))
        s.add(ActivityParticipant(group_id=beweegt.id, person_id=lange.id, since=date(2026, 1, 1)))
        s.add(
            ActivityParticipant(group_id=beweegt.id, person_id=piet.id, since=date(2026, 1, 1), until=date(2026, 11, 1))
        )
        s.flush()
        s.add(Attendance(session_id=done.id, person_id=gast.id, present=True))
        s.add(Attendance(session_id=done.id, person_id=lange.id, present=False))
        ids.update(eet=eet.id, rijdt=rijdt.id, klust=klust.id, beweegt=beweegt.id)
    return ids


def test_default_parts_fit_the_kind():
    assert sp.default_parts("meals") == ("rota", "kitchen", "letters")
    assert sp.default_parts("rides") == ("rota", "drivers", "letters")
    assert sp.default_parts("jobs") == ("rota", "jobs", "letters")
    assert sp.default_parts("activity") == ("rota", "attendance", "letters")


def test_group_keys_resolve_by_kind_or_name(core_ctx, village):
    assert sp.resolve_group(core_ctx, "eet").id == village["eet"]
    assert sp.resolve_group(core_ctx, "RIJDT").id == village["rijdt"]
    assert sp.resolve_group(core_ctx, "beweegt").id == village["beweegt"]
    assert sp.resolve_group(core_ctx, "westerhoek klust").id == village["klust"]
    with pytest.raises(NotFoundError) as exc:
        sp.resolve_group(core_ctx, "zwemt")
    assert "Westerhoek Eet" in str(exc.value) and "zwemt" in str(exc.value)


def test_an_inactive_group_is_not_chosen_by_its_kind(core_ctx, village):
    with core_ctx.uow() as s:
        s.get(WorkGroup, village["eet"]).active = False
        s.add(WorkGroup(name="Oosterhoek Eet", kind="meals", active=True))
    assert sp.resolve_group(core_ctx, "eet").name == "Oosterhoek Eet"
    assert sp.resolve_group(core_ctx, "Westerhoek Eet").id == village["eet"]  # by name it still prints


def test_bad_periods_and_parts_are_refused_in_dutch_and_nothing_is_audited(core_ctx, village):
    with pytest.raises(ValidationError) as exc:
        sp.make_pack(core_ctx, village["eet"], DEC_31, DEC_1, ["drivers", "kitchen"])
    assert set(exc.value.errors) == {"end", "parts"}
    assert "drivers" in exc.value.errors["parts"]
    with pytest.raises(ValidationError):
        sp.make_pack(core_ctx, village["eet"], DEC_1, DEC_31, [])
    with pytest.raises(NotFoundError):
        sp.make_pack(core_ctx, 9999, DEC_1, DEC_31)
    with core_ctx.uow() as s:
        assert s.scalars(select(AuditEvent).where(AuditEvent.event_type == "schedule.print")).all() == []


def test_gathered_rota_shows_open_places_overrides_and_holidays(core_ctx, village):
    data = sp.gather(core_ctx, village["eet"], DEC_1, DEC_31)
    first = data.rota[0]
    assert [p.name for p in first.people] == ["Anna de Vries", "Sam Zwerver"]
    assert first.people[1].override and first.open_places == 1
    assert first.people[0].phone == "06 12345678"
    notes = {n.day: n.text for n in data.day_notes}
    assert notes[date(2026, 12, 25)] == "Eerste kerstdag (feestdag)"
    assert notes[date(2026, 12, 31)] == "Gesloten: oudjaarsdag"
    assert [m.day for m in data.meals] == [date(2026, 12, 3)]  # the cancelled meal has no kitchen list
    meal = data.meals[0]
    assert meal.count == 4 and meal.cooks == ("Anna de Vries", "Sam Zwerver")
    assert dict(meal.allergies) == {
        "Gerrit Smit": "pinda's",
        "Wilhelmina Oosterhuizen-Vanderbroeckenhuyzen": "gluten, lactose",
    }
    assert [v.name for v in data.volunteers] == ["Anna de Vries"]  # Sam has no address: named, no letter
    assert data.skipped == ("Sam Zwerver",)


def test_driver_sheets_are_per_driver_per_day_in_pickup_order(core_ctx, village):
    data = sp.gather(core_ctx, village["rijdt"], DEC_1, DEC_31)
    assert len(data.driver_days) == 1
    sheet = data.driver_days[0]
    assert (sheet.driver, sheet.day) == ("Kees van den Berg", date(2026, 12, 7))
    assert [r.pickup_time for r in sheet.rides] == [time(9, 15), time(13, 15)]
    assert sheet.rides[1].aids == ("rollator",) and sheet.rides[0].pickup_address == "Dorpsstraat 5, Westerhoek"
    assert [r.passenger for r in data.unassigned_rides] == ["Piet Jansen"]  # the cancelled ride is left out


def test_rides_pack_pdf_has_names_times_phones_and_the_unassigned_sheet(core_ctx, village, tmp_path):
    pack = sp.make_pack(core_ctx, village["rijdt"], DEC_1, DEC_31)
    text = pdf_text(pack.pdf, tmp_path)
    for expected in (
        "Westerhoek Zorgt",
        "Kees van den Berg",
        "maandag 7 december 2026",
        "09:15",
        "13:15",
        "Gerrit Smit",
        "06 12345678",
        "Ziekenhuis Zeist",
        "Afspraak om 10:00",
        "Terugrit om 11:30",
        "Chauffeur wacht",
        "rollator",
        "dochter Els",
        "Bel twee keer aan",
        "Ritten zonder chauffeur",
        "Huisarts Bosch",
        "Uw rooster bij Westerhoek Rijdt",
        "pagina 1 van",
    ):
        assert expected in text, expected
    assert "Tandarts" not in text
    assert pack.parts == ("rota", "drivers", "letters")
    assert pack.pages == pages_of(pack.pdf, tmp_path)
    assert pack.title == "Rooster Westerhoek Rijdt 1-12-2026 t/m 31-12-2026"


def test_kitchen_list_puts_allergies_up_front(core_ctx, village, tmp_path):
    text = pdf_text(sp.kitchen_lists_pdf(core_ctx, village["eet"], DEC_1, DEC_31), tmp_path)
    assert "Keukenlijst donderdag 3 december 2026" in text
    assert "Hachee met rode kool" in text and "Let op: allergieën" in text
    assert "PINDA'S" in text and "GLUTEN, LACTOSE" in text
    assert "Anna de Vries, Sam Zwerver" in text
    assert "zoutarm" in text and "✓ ja" in text and "nog niet" in text
    assert text.index("Let op: allergieën") < text.index("Gast")  # the box comes before the table
    assert "pagina 1 van 1" in text


def test_rota_is_landscape_with_open_places_and_notes(core_ctx, village, tmp_path):
    pdf = sp.rota_pdf(core_ctx, village["eet"], DEC_1, DEC_31)
    text = pdf_text(pdf, tmp_path)
    assert "Rooster Westerhoek Eet" in text and "1 december 2026 t/m 31 december 2026" in text
    assert "— nog niet ingevuld —" in text and "Anna de Vries" in text and "(06 12345678)" in text
    assert "Eerste kerstdag (feestdag)" in text and "oudjaarsdag" in text
    path = tmp_path / "rota.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.276 pts" in info  # A4 landscape


def test_job_sheets_and_attendance_lists(core_ctx, village, tmp_path):
    jobs = pdf_text(sp.job_sheets_pdf(core_ctx, village["klust"], DEC_1, DEC_31), tmp_path, "jobs")
    for expected in ("Lamp ophangen in de gang", "vrijdag 4 december 2026, 10:00", "Gerrit Smit", "ladder",
                     "Piet Jansen", "Bestede tijd", "Handtekening", "elektra"):  # fmt: skip
        assert expected in jobs, expected
    lists = pdf_text(sp.make_pack(core_ctx, village["beweegt"], date(2026, 11, 25), DEC_31, ["attendance"]).pdf,
                     tmp_path, "att")  # fmt: skip
    assert "Presentielijst Stoelyoga" in lists and "Truus Bakker" in lists
    assert "Aanwezigheid is genoteerd: 1 van de 2 aanwezig." in lists  # the session of 25 November
    assert "afwezig" in lists and "✓ aanwezig" in lists
    assert "Piet Jansen" not in lists  # he left the group on 1 November


def test_long_names_wrap_instead_of_running_off_the_page(core_ctx, village, tmp_path):
    with core_ctx.uow() as s:
        guest = s.scalars(select(MealGuest).where(MealGuest.allergies == "gluten, lactose")).one()
        guest.diet = "Geen varkensvlees, weinig suiker, zachte voeding want kauwen gaat slecht, liefst kleine porties"
    pdf = sp.kitchen_lists_pdf(core_ctx, village["eet"], DEC_1, DEC_31)
    path = tmp_path / "k.pdf"
    path.write_bytes(pdf)
    words = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    xmax = max(float(part.split('"')[1]) for part in words.split("xMax=")[1:])
    assert xmax <= 595.28 - 14 * 72 / 25.4 + 1  # nothing beyond the right margin
    assert "porties" in pdf_text(pdf, tmp_path)


def test_schedule_letters_go_to_the_volunteers_address_with_their_shifts(core_ctx, village, tmp_path):
    text = pdf_text(sp.schedule_letters_pdf(core_ctx, village["rijdt"], DEC_1, DEC_31), tmp_path)
    assert "De heer K. van den Berg" in text and "Dorpsstraat 2" in text and "3941 AB Westerhoek" in text
    assert "Beste Kees," in text
    assert "Uw ritten" in text and "maandag 7 december" in text and "Gerrit Smit naar Ziekenhuis Zeist" in text
    assert "Hartelijk dank" in text and "Westerhoek, 23 november 2026" in text


def test_printing_is_audited_once(core_ctx, village):
    sp.pack_for_group(core_ctx, village["eet"], DEC_1, DEC_31)
    with core_ctx.uow() as s:
        rows = s.scalars(select(AuditEvent).where(AuditEvent.event_type == "schedule.print")).all()
        assert len(rows) == 1
        assert rows[0].action == "E" and rows[0].object_id == str(village["eet"])
        assert "Westerhoek Eet 01-12-2026 t/m 31-12-2026" in rows[0].detail and "keukenlijsten" in rows[0].detail


def test_an_empty_period_still_gives_a_readable_pack(core_ctx, village, tmp_path):
    pack = sp.make_pack(core_ctx, village["klust"], date(2027, 3, 1), date(2027, 3, 31))
    text = pdf_text(pack.pdf, tmp_path)
    assert "Er zijn in deze periode (nog) geen diensten ingepland." in text
    assert "Er zijn geen klussen gepland" in text and "Niemand van Westerhoek Klust is ingeroosterd" in text
    assert pack.pages == 3


def test_xlsx_has_the_rota_and_the_rides_with_headers_and_dutch_dates(core_ctx, village):
    content = sp.schedule_xlsx(core_ctx, village["rijdt"], DEC_1, DEC_31)
    wb = load_workbook(io.BytesIO(content))
    assert wb.sheetnames == ["Rooster", "Ritten"]
    rides = wb["Ritten"]
    assert rides.freeze_panes == "A2"
    header = [c.value for c in rides[1]]
    assert header[:4] == ["Datum", "Dag", "Ophalen", "Passagier"]
    rows = [[c.value for c in row] for row in rides.iter_rows(min_row=2)]
    assert len(rows) == 3
    assert rows[0][:4] == [datetime(2026, 12, 7), "maandag", time(9, 15), "Gerrit Smit"]
    assert rides["A2"].number_format == "DD-MM-YYYY" and rides["C2"].number_format == "HH:MM"
    assert "Kees van den Berg" in rows[0]
    assert rows[2][3] == "Piet Jansen" and "geen chauffeur" in rows[2]
    with core_ctx.uow() as s:
        assert s.scalars(select(AuditEvent.detail).where(AuditEvent.event_type == "schedule.export")).all()


def test_xlsx_of_the_meals_lists_every_guest(core_ctx, village):
    wb = load_workbook(io.BytesIO(sp.schedule_xlsx(core_ctx, village["eet"], DEC_1, DEC_31)))
    assert wb.sheetnames == ["Rooster", "Maaltijden"]
    rota = [[c.value for c in row] for row in wb["Rooster"].iter_rows(min_row=2)]
    assert rota[0][0] == datetime(2026, 12, 3) and rota[0][1] == "donderdag"
    assert any(r[0] == datetime(2026, 12, 25) and "kerstdag" in r[7] for r in rota)
    assert "Anna de Vries" in rota[0][5] and rota[0][6] == 1  # one open place
    guests = [[c.value for c in row] for row in wb["Maaltijden"].iter_rows(min_row=2)]
    assert {g[3] for g in guests} == {"Gerrit Smit", "Wilhelmina Oosterhuizen-Vanderbroeckenhuyzen", "Piet Jansen"}
    assert any(g[6] == "pinda's" for g in guests)


def test_long_days_continue_on_a_next_page_with_header_and_date(core_ctx, village, tmp_path):
    with core_ctx.uow() as s:
        driver = s.scalars(select(Ride.driver_id).where(Ride.driver_id.is_not(None))).first()
        passenger = s.scalars(select(Ride.passenger_id)).first()
        for n in range(8):
            s.add(Ride(group_id=village["rijdt"], passenger_id=passenger, day=date(2026, 12, 14),
                       pickup_time=time(8 + n), destination_name=f"Bestemming {n}", driver_id=driver,
                       notes="Rollator in de kofferbak; mevrouw heeft hulp nodig bij het instappen"))  # fmt: skip
        for day in range(1, 29):
            for hour in (9, 13, 18):
                s.add(Shift(group_id=village["eet"], day=date(2026, 12, day), start_time=time(hour),
                            end_time=time(hour + 3), role="kok", label="Afwas"))  # fmt: skip
    sheets = pdf_text(sp.driver_sheets_pdf(core_ctx, village["rijdt"], DEC_1, DEC_31), tmp_path, "d").split("\f")
    monday = [page for page in sheets if "maandag 14 december 2026" in page]
    assert len(monday) >= 2 and "(vervolg)" in monday[1] and "Bestemming 7" in monday[-1]
    rota = pdf_text(sp.rota_pdf(core_ctx, village["eet"], DEC_1, DEC_31), tmp_path, "r").split("\f")[:-1]
    assert len(rota) >= 3
    for page in rota[1:]:
        assert "Datum" in page and "(vervolg)" in page and "pagina" in page
        first_row = page.split("Wie (telefoon)")[1].strip().splitlines()[0]
        assert first_row.split()[0] in ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def test_namesakes_on_one_list_get_their_street():
    from coop_desk.db.models import Household, Person

    def person(first: str, street: str, number: int) -> Person:
        p = Person(first_name=first, surname="Ginkel", prefix="van", initials="E.", name_usage="own")
        p.household = Household(street=street, house_number=number, house_number_addition="", postcode="", city="")
        return p

    names = sp._told_apart(
        [person("Evert", "Kerkweg", 3), person("Evert", "Molenlaan", 12), person("Anna", "Kerkweg", 3)]
    )
    assert names == ["Evert van Ginkel (Kerkweg 3)", "Evert van Ginkel (Molenlaan 12)", "Anna van Ginkel"]
