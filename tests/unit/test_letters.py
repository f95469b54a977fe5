"""Member letters: template checks, recipients, salutations and addresses read back from the PDF, the envelope
window, page numbers, the log of sent letters and reprinting, the command line."""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from coop_desk import cli_letters
from coop_desk.db.models import AuditEvent, LetterTemplate, SentLetter
from coop_desk.documents.letters import LayoutSettings, MergedLetter, address_rect, render_letters, window_rect
from coop_desk.documents.letters.layout import MM, PAGE_HEIGHT_MM, Rect
from coop_desk.documents.letters.markup import check_template, escape, paragraphs, parse_runs, substitute
from coop_desk.services import cooperative, letters, people
from coop_desk.services.cooperative import CooperativeDetails
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.people import MembershipInput, PersonInput

ROOT = Path(__file__).resolve().parents[2]
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (Debian: poppler-utils) is needed to read PDFs back"
)
needs_pdftoppm = pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="pdftoppm (Debian: poppler-utils) is needed to render PDFs"
)
COOP = CooperativeDetails(
    name="Zorgcoöperatie Westerhoek",
    village="Westerhoek",
    street="Dorpsstraat",
    house_number="1",
    postcode="3941 AA",
    city="Westerhoek",
    phone="0343 123456",
    email="info@westerhoekzorgt.nl",
    iban="NL91ABNA0417164300",
    kvk="12345678",
)
ALV = {"alv_datum": "dinsdag 16 maart 2027", "alv_tijd": "19.30 uur", "alv_plaats": "Dorpshuis De Linde"}


def text_of(pdf: bytes, tmp_path: Path, *, first: int | None = None, last: int | None = None) -> str:
    """The PDF's text with non-breaking spaces and runs of spaces made single spaces."""
    file = tmp_path / "read.pdf"
    file.write_bytes(pdf)
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    out = subprocess.run(["pdftotext", *pages, str(file), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"[ \u00a0]+", " ", out)


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b", pdf))


def member(surname: str, *, street: str = "Dorpsstraat", number: str = "12a", postcode: str = "3941ab", **kw):
    values = dict(
        surname=surname,
        street=street,
        house_number=number,
        postcode=postcode,
        city="Westerhoek",
        membership=MembershipInput(since="01-03-2019", yearly_fee="25"),
    )
    values.update(kw)
    return PersonInput(**values)


@pytest.fixture
def village(core_ctx):
    """A man, a woman and a neutral person (the man and the neutral person share a household), a woman at
    another address, and a couple with different surnames at a third; plus the cooperative's details."""
    cooperative.save_details(core_ctx, COOP)
    made = {
        "man": member("Berg", prefix="van der", initials="jp", first_name="Jan", gender="m"),
        "woman": member("Vries", prefix="de", initials="a", first_name="Anna", gender="v", number="3"),
        "neutral": member("Berg", prefix="van der", first_name="Sam", initials="s", gender="x"),
        "a": member("Jansen", initials="k", gender="v", street="Kerkstraat", number="7", postcode="3941 AC"),
        "b": member("Bakker", initials="p", gender="m", street="Kerkstraat", number="7", postcode="3941 AC"),
    }
    return {key: people.create_person(core_ctx, data, allow_duplicate=True).id for key, data in made.items()}


# ---------------------------------------------------------------- the template format


def test_check_template_names_every_problem_in_dutch():
    assert check_template("") == ["De tekst van de brief is leeg."]
    problems = check_template("Beste {{nam}},\n\nDit is **vet.\n\nEn *schuin.\n\nEen losse {{ zonder einde")
    assert any('Onbekend veld "{{nam}}"' in p and "{{naam}}" in p for p in problems)
    assert any("alinea 2" in p and "vet" in p for p in problems)
    assert any("alinea 3" in p and "schuin" in p for p in problems)
    assert any("losse" in p for p in problems)
    assert check_template("Op {{alv_datum}}.", ["alv_datum"]) == []
    assert check_template("Prijs: 3 \\* 4 en \\{\\{niet\\}\\}.") == []


def test_markup_parses_runs_and_values_are_escaped():
    runs, problems = parse_runs("Een **vette** en *schuine* tekst\nmet een regel")
    assert problems == []
    assert [(r.text, r.bold, r.italic) for r in runs] == [
        ("Een ", False, False),
        ("vette", True, False),
        (" en ", False, False),
        ("schuine", False, True),
        (" tekst\nmet een regel", False, False),
    ]
    merged = substitute("Hallo {{naam}}!", {"naam": "*Jan* {{x}}"})
    assert merged == "Hallo " + escape("*Jan* {{x}}") + "!"
    assert "".join(r.text for r in parse_runs(merged)[0]) == "Hallo *Jan* {{x}}!"
    assert paragraphs("een\n\n\n  \ntwee\nregel\n") == ["een", "twee\nregel"]


def test_shipped_templates_are_valid_and_the_migration_seeds_the_same_texts():
    spec = importlib.util.spec_from_file_location("m0003", ROOT / "coop_desk/db/migrations/versions/0003_letters.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    seeded = {row["key"]: row for row in module.DEFAULT_TEMPLATES}
    assert (
        sorted(seeded) == letters.shipped_keys() == ["bedankt-vrijwilliger", "contributie", "uitnodiging-alv", "welkom"]
    )
    for key, row in seeded.items():
        shipped = letters.default_template(key)
        assert check_template(shipped.body, shipped.extra_fields, subject=shipped.subject) == []
        assert (shipped.name, shipped.subject, shipped.audience) == (row["name"], row["subject"], row["audience"])
        assert shipped.body.strip() == row["body"].strip()
        assert ", ".join(shipped.extra_fields) == row["extra_fields"]


# ---------------------------------------------------------------- templates in the database


def test_templates_are_seeded_saved_checked_and_guarded_against_stale_versions(core_ctx):
    assert {t.key for t in letters.list_templates(core_ctx)} == set(letters.shipped_keys())
    welkom = letters.get_template(core_ctx, "welkom")
    with pytest.raises(ValidationError) as refused:
        letters.save_template(
            core_ctx, letters.TemplateInput("welkom", "Welkom", "Hoi", "Beste {{foo}},", "person", (), welkom.version)
        )
    assert '"{{foo}}"' in refused.value.errors["body"]
    saved = letters.save_template(
        core_ctx,
        letters.TemplateInput(
            "welkom", "Welkom", "Welkom!", "Fijn dat u er bent, {{roepnaam}}.", "person", (), welkom.version
        ),
    )
    assert saved.version == welkom.version + 1
    with pytest.raises(ConflictError):
        letters.save_template(
            core_ctx, letters.TemplateInput("welkom", "W", "W", "Tekst.", "person", (), welkom.version)
        )
    reset = letters.reset_template(core_ctx, "welkom", saved.version)
    assert reset.body == "\n\n".join(paragraphs(letters.default_template("welkom").body))
    new = letters.save_template(
        core_ctx, letters.TemplateInput("kerst", "Kerstgroet", "Fijne feestdagen", "Beste {{naam}}.")
    )
    assert new.version == 1
    with pytest.raises(ValidationError):
        letters.save_template(core_ctx, letters.TemplateInput("kerst", "Kerstgroet", "Dubbel", "Tekst."))
    with pytest.raises(NotFoundError):
        letters.get_template(core_ctx, "bestaat-niet")


# ---------------------------------------------------------------- letters read back


@needs_pdftotext
def test_person_letters_have_the_right_salutations_and_addresses(core_ctx, village, tmp_path):
    run = letters.make_letter_batch(core_ctx, "welkom", "all-members")
    assert run.letters == 5 and run.skipped == ()
    text = text_of(run.pdf, tmp_path)
    for expected in (
        "Geachte heer Van der Berg,",
        "Geachte mevrouw De Vries,",
        "Beste Sam van der Berg,",
        "De heer J.P. van der Berg\nDorpsstraat 12a\n3941 AB Westerhoek",
        "Mevrouw A. de Vries\nDorpsstraat 3\n3941 AB Westerhoek",
        "S. van der Berg\nDorpsstraat 12a",
        "Westerhoek, 23 november 2026",
        "Welkom bij Zorgcoöperatie Westerhoek",
        "Met vriendelijke groet,",
        f"Uw lidnummer is {village['woman']}.",
    ):
        assert expected in text
    assert "{{" not in text and "}}" not in text and "**" not in text
    assert "Pagina" not in text  # every letter fits on one page


@needs_pdftotext
def test_money_iban_and_batch_fields_print_with_their_symbols(core_ctx, village, tmp_path):
    extras = {"contributie_jaar": "2027", "betalen_voor": "1 februari 2027"}
    pdf = letters.make_letters(core_ctx, "contributie", f"person:{village['woman']}", extras)
    text = text_of(pdf, tmp_path)
    assert "De contributie voor 2027 is € 25,00." in text
    assert "NL91 ABNA 0417 1643 00" in text
    assert "vóór 1 februari 2027" in text
    assert "KvK 12345678" in text


@needs_pdftotext
def test_household_letters_go_one_per_household(core_ctx, village, tmp_path):
    run = letters.make_letter_batch(core_ctx, "uitnodiging-alv", "households", ALV, sort_by_postcode=True)
    assert run.letters == 3  # Dorpsstraat 12a (two Van der Bergs), Dorpsstraat 3, Kerkstraat 7
    assert page_count(run.pdf) == 3
    text = text_of(run.pdf, tmp_path)
    assert "Familie Van der Berg\nDorpsstraat 12a\n3941 AB Westerhoek" in text
    assert "Beste familie Van der Berg," in text
    assert "Aan de bewoners van\nKerkstraat 7\n3941 AC Westerhoek" in text
    assert "Beste bewoners," in text
    assert "Familie De Vries" in text
    assert "Datum: dinsdag 16 maart 2027" in text
    with core_ctx.uow() as session:
        rows = session.scalars(select(SentLetter).order_by(SentLetter.id)).all()
        assert len(rows) == 3
        assert all(r.person_id is None and r.household_id is not None for r in rows)
    # A household template sent to all members still gives one letter per household.
    assert letters.make_letter_batch(core_ctx, "uitnodiging-alv", "all-members", ALV).letters == 3
    # And the household letter shows in the timeline of each person living there.
    assert [r.template_key for r in letters.letters_of_person(core_ctx, village["neutral"])] == ["uitnodiging-alv"] * 2


def test_unknown_field_is_refused_before_any_pdf_is_made(core_ctx, village):
    with core_ctx.uow() as session:
        session.execute(update(LetterTemplate).where(LetterTemplate.key == "welkom").values(body="Beste {{foo}}."))
    with pytest.raises(ValidationError) as refused:
        letters.make_letters(core_ctx, "welkom", "all-members")
    assert '"{{foo}}"' in refused.value.errors["body"]
    with pytest.raises(ValidationError) as missing:
        letters.make_letters(core_ctx, "uitnodiging-alv", "households", {"alv_datum": "morgen", "alv_foo": "x"})
    assert "{{alv_tijd}}" in missing.value.errors["extras"] and "{{alv_foo}}" in missing.value.errors["extras"]
    with core_ctx.uow() as session:
        assert session.scalar(select(func.count()).select_from(SentLetter)) == 0
        assert session.scalar(select(func.count()).where(AuditEvent.event_type == "letter.print")) == 0


def test_targets_that_cannot_be_printed_are_refused_in_dutch(core_ctx, village):
    with pytest.raises(ValidationError, match="Onbekende werkgroep 'Zwemt'"):
        letters.recipients(core_ctx, "group:Zwemt")
    with pytest.raises(ValidationError, match="bestaat niet"):
        letters.recipients(core_ctx, "person:99999")
    with pytest.raises(ValidationError, match="Onbekende ontvangers"):
        letters.recipients(core_ctx, "iedereen")
    with pytest.raises(NotFoundError):
        letters.make_letters(core_ctx, "bestaat-niet", "all-members")


def test_a_selection_and_a_search_filter_choose_recipients(core_ctx, village, tmp_path):
    chosen = letters.recipients(core_ctx, f"person:{village['woman']},{village['a']}")
    assert sorted(r.person_ids for r in chosen) == sorted([(village["woman"],), (village["a"],)])
    with pytest.raises(ValidationError, match="bestaat niet"):
        letters.recipients(core_ctx, f"person:{village['woman']},99999")
    with pytest.raises(ValidationError, match="persoonsnummer"):
        letters.recipients(core_ctx, "person:12,abc")
    on_kerkstraat = letters.recipients(core_ctx, "search:kerkstraat")
    assert sorted(r.person_ids for r in on_kerkstraat) == sorted([(village["a"],), (village["b"],)])
    nobody_typed = "search:  "
    with pytest.raises(ValidationError, match="zoekt"):
        letters.recipients(core_ctx, nobody_typed)
    outsider = people.create_person(
        core_ctx,
        PersonInput(surname="Smit", street="Kerkstraat", house_number="9", postcode="3941 AC", city="Westerhoek"),
    )
    assert outsider.id in {r.person_ids[0] for r in letters.recipients(core_ctx, "search:kerkstraat")}
    members_only = letters.recipients(core_ctx, "member-search:kerkstraat")
    assert outsider.id not in {r.person_ids[0] for r in members_only} and len(members_only) == 2
    pdf = letters.make_letters(core_ctx, "welkom", "member-search:kerkstraat")
    text = text_of(pdf, tmp_path)
    assert "Jansen" in text and "Bakker" in text and "Smit" not in text


def test_recipients_sort_by_name_or_postcode_and_skip_people_without_an_address(core_ctx, village):
    homeless = people.create_person(
        core_ctx, PersonInput(surname="Zwerver", membership=MembershipInput(since="01-01-2020"))
    )
    by_name = letters.recipients(core_ctx, "all-members")
    assert [r.label for r in by_name] == [
        "P. Bakker",
        "J.P. van der Berg",
        "S. van der Berg",
        "K. Jansen",
        "A. de Vries",
    ]
    by_post = letters.recipients(core_ctx, "all-members", sort_by_postcode=True)
    assert [r.street_line for r in by_post] == [
        "Dorpsstraat 3",
        "Dorpsstraat 12a",
        "Dorpsstraat 12a",
        "Kerkstraat 7",
        "Kerkstraat 7",
    ]
    run = letters.make_letter_batch(core_ctx, "welkom", "all-members")
    assert run.skipped == ("Zwerver",)
    with pytest.raises(ValidationError):
        letters.make_letters(core_ctx, "welkom", f"person:{homeless.id}")


# ---------------------------------------------------------------- the envelope window


@pytest.mark.parametrize("offset", [(0.0, 0.0), (3.0, -2.0), (-4.0, 3.0)])
def test_address_block_lies_inside_the_envelope_window(offset):
    window = window_rect()
    assert window == Rect(15.0, 44.0, 90.0, 40.0)
    assert window.contains(address_rect(LayoutSettings(*offset)), margin=1.0)
    with pytest.raises(ValueError):
        LayoutSettings(offset_x_mm=20)


def _words(pdf: bytes, tmp_path: Path) -> list[tuple[str, Rect]]:
    file = tmp_path / "bbox.pdf"
    file.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-bbox", str(file), "-"], capture_output=True, text=True, check=True
    ).stdout
    words = []
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    for x0, y0, x1, y1, word in re.findall(pattern, html):
        x0, y0, x1, y1 = (float(v) / MM for v in (x0, y0, x1, y1))
        words.append((word, Rect(x0, y0, x1 - x0, y1 - y0)))
    return words


@needs_pdftotext
@pytest.mark.parametrize("offset", [(0.0, 0.0), (3.0, -2.0)])
def test_printed_address_words_lie_in_the_window(offset, tmp_path):
    letter = MergedLetter(
        ("Mevrouw J.M.A. van den Heuvel-Schoonderwoerd", "Burgemeester van Reenensingel 112-2", "3941 AB  Westerhoek"),
        "Geachte mevrouw Van den Heuvel-Schoonderwoerd,",
        "Onderwerp",
        "Tekst.",
        "Westerhoek, 23 november 2026",
        "Zorgcoöperatie Westerhoek",
    )
    layout = LayoutSettings(*offset)
    words = _words(render_letters([letter], COOP, layout), tmp_path)
    block, window = address_rect(layout), window_rect()
    address = [(w, r) for w, r in words if block.y - 2 < r.y < block.bottom]
    assert {w for w, _ in address} >= {"Heuvel-Schoonderwoerd", "Reenensingel", "112-2", "3941", "AB", "Westerhoek"}
    for word, rect in address:
        assert block.contains(rect, margin=-0.05), (word, rect)  # pdftotext rounds
        assert window.contains(rect), (word, rect)
    outside = [w for w, r in words if not block.contains(r, -0.05) and r.y < window.bottom and r.bottom > window.y]
    assert outside == []  # nothing else shows in the window (no letterhead, no date)


@needs_pdftoppm
def test_dark_pixels_between_letterhead_and_date_are_all_in_the_window(tmp_path):
    from PIL import Image

    letter = MergedLetter(
        ("De heer J.P. van der Berg", "Dorpsstraat 12a", "3941 AB  Westerhoek"),
        "Geachte heer Van der Berg,",
        "Onderwerp",
        "Tekst.",
        "Westerhoek, 23 november 2026",
        "Zorgcoöperatie Westerhoek",
    )
    (tmp_path / "p.pdf").write_bytes(render_letters([letter], COOP))
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(tmp_path / "p.pdf"), str(tmp_path / "p")], check=True
    )
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    px_per_mm = image.height / PAGE_HEIGHT_MM
    window = window_rect()
    dark = [
        (x / px_per_mm, y / px_per_mm)
        for y in range(int(37 * px_per_mm), int(86 * px_per_mm))
        for x in range(image.width)
        if image.getpixel((x, y)) < 128
    ]
    assert dark, "the address was not printed"
    assert all(window.x <= x <= window.right and window.y <= y <= window.bottom for x, y in dark)


# ---------------------------------------------------------------- pages


@needs_pdftotext
def test_page_numbers_only_on_letters_of_more_than_one_page(tmp_path):
    long_body = "\n\n".join(f"Alinea {n}: " + "een regel tekst die doorloopt " * 12 for n in range(1, 16))
    common = dict(date_line="Westerhoek, 23 november 2026", closing_name="Zorgcoöperatie Westerhoek")
    short = MergedLetter(("A", "B 1", "1234 AB  C"), "Beste lezer,", "Kort", "Een korte brief.", **common)
    long = MergedLetter(("D", "E 2", "1234 AB  F"), "Beste lezer,", "Lang", long_body, **common)
    pdf = render_letters([short, long, short], COOP)
    pages = [text_of(pdf, tmp_path, first=n, last=n) for n in range(1, page_count(pdf) + 1)]
    long_pages = len(pages) - 2  # every letter starts on a new page
    assert long_pages >= 2
    assert "Pagina" not in pages[0] and "Pagina" not in pages[-1]  # one-page letters carry no number
    for number in range(1, long_pages + 1):  # counted per letter, not per batch
        assert f"Pagina {number} van {long_pages}" in pages[number]
    assert "Met vriendelijke groet," in pages[long_pages]
    assert "doorloopt" in pages[long_pages]  # the closing does not stand alone on the last page
    assert len(render_letters([], COOP)) > 0


def test_a_letter_with_open_fields_is_not_rendered():
    letter = MergedLetter(("A",), "Beste,", "Onderwerp", "Hallo {{naam}}", "Westerhoek", "Coop")
    with pytest.raises(ValueError):
        render_letters([letter], COOP)


# ---------------------------------------------------------------- the log


@needs_pdftotext
def test_sent_letters_are_logged_audited_and_reproducible(core_ctx, village, tmp_path):
    pdf = letters.make_letters(core_ctx, "welkom", f"person:{village['woman']}")
    timeline = letters.letters_of_person(core_ctx, village["woman"])
    assert [(r.template_key, r.addressee) for r in timeline] == [("welkom", "Mevrouw A. de Vries")]
    assert letters.letters_of_person(core_ctx, village["man"]) == []
    with core_ctx.uow() as session:
        row = session.get(SentLetter, timeline[0].id)
        assert row.sent_by == "tester" and row.template_version == 1 and "{{" not in row.body
        assert row.subject == "Welkom bij Zorgcoöperatie Westerhoek"
        events = session.scalars(select(AuditEvent).where(AuditEvent.event_type == "letter.print")).all()
        assert [(e.action, e.object_id, e.subject_person_id) for e in events] == [("E", row.batch_id, village["woman"])]
    # Changing the template afterwards does not change the reprint.
    template = letters.get_template(core_ctx, "welkom")
    letters.save_template(
        core_ctx, letters.TemplateInput("welkom", "W", "Nieuw", "Andere tekst.", "person", (), template.version)
    )
    again = letters.reproduce(core_ctx, timeline[0].id)
    assert text_of(again, tmp_path) == text_of(pdf, tmp_path)
    with pytest.raises(NotFoundError):
        letters.reproduce(core_ctx, 99999)


# ---------------------------------------------------------------- command line


def _cli(*argv: str) -> int | None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    cli_letters.add_commands(parser.add_subparsers(dest="command"))
    return cli_letters.run(parser.parse_args(list(argv)))


def test_cli_prints_letters_and_reports_problems(app_ctx, tmp_path, capsys):
    cooperative.save_details(app_ctx.services, COOP)
    people.create_person(app_ctx.services, member("Berg", prefix="van der", initials="jp", gender="m"))
    db = app_ctx.url
    out = tmp_path / "alv.pdf"
    assert (
        _cli(
            "--db",
            db,
            "letter",
            "uitnodiging-alv",
            "--to",
            "households",
            "--out",
            str(out),
            "--sort",
            "postcode",
            *[f"--set={k}={v}" for k, v in ALV.items()],
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF") and "1 brief geschreven" in capsys.readouterr().out
    assert (
        _cli(
            "--db", db, "letter", "welkom", "--to", "all-members", "--out", str(tmp_path / "x.pdf"), "--set", "foo=bar"
        )
        == 1
    )
    assert "geen eigen veld {{foo}}" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    assert _cli("--db", db, "letter", "nope", "--to", "all-members", "--out", str(tmp_path / "y.pdf")) == 1
    assert 'Er is geen briefsjabloon "nope"' in capsys.readouterr().err
    assert (
        _cli(
            "--db", db, "letter", "welkom", "--to", "all-members", "--out", str(tmp_path / "z.pdf"), "--offset", "99,0"
        )
        == 2
    )
    assert cli_letters.run(argparse.Namespace(command="export")) is None


def test_letters_to_the_volunteers_of_a_work_group(core_ctx, village):
    from coop_desk.services import groups, volunteers

    groups.ensure_default_groups(core_ctx)
    eet = groups.group_by_key(core_ctx, "eet")
    for key in ("man", "woman"):
        volunteers.save_volunteer(
            core_ctx, volunteers.VolunteerInput(person_id=village[key], memberships=((eet.id, "kok"),))
        )
    volunteers.save_volunteer(core_ctx, volunteers.VolunteerInput(person_id=village["a"]))  # in no group
    chosen = letters.recipients(core_ctx, "group:eet")
    assert sorted(i for r in chosen for i in r.person_ids) == sorted((village["man"], village["woman"]))
    assert letters.recipients(core_ctx, f"group:{eet.name.upper()}") == chosen
    with pytest.raises(ValidationError, match="Vul de werkgroep in"):
        letters.recipients(core_ctx, "group:")
