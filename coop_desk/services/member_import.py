"""Importing members from an Excel list: column recognition, a preview for the mapping step, every row
checked with the person form's own rules before anything is written, then one bulk write.

All or nothing: any problem in any row (a wrong postcode, a missing surname, a row that repeats another,
someone already registered) means nothing is written and the report lists every problem as
(row number as Excel shows it, column header, Dutch reason). People at the same address become one
household; when two or more members share it each gets a membership of kind 'household'.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl.utils.datetime import from_excel
from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from coop_desk.db.models import Household, Membership, Person, Phone
from coop_desk.documents.excel.reader import ReadLimits, SheetData, UnreadableWorkbook, read_sheet
from coop_desk.services import access, audit, people_search
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date
from coop_desk.services.errors import ServiceError, ValidationError
from coop_desk.services.names import KNOWN_PREFIXES, NameParts, fold, list_name, sort_key, split_surname
from coop_desk.services.people import CleanPerson, MembershipInput, PersonInput, PhoneInput, clean_person
from coop_desk.services.people_search import SearchFields

__all__ = [
    "FIELD_LABELS",
    "ColumnGuess",
    "ImportPreview",
    "ImportProblem",
    "ImportReport",
    "check_import",
    "parse_mapping",
    "preview_import",
    "run_import",
    "split_address",
    "split_name",
]

# ---------------------------------------------------------------- what a column can be

# field → Dutch label shown in the mapping step (and accepted in --map)
FIELD_LABELS: dict[str, str] = {
    "name": "Naam (volledig)",
    "initials": "Voorletters",
    "first_name": "Roepnaam",
    "prefix": "Tussenvoegsel",
    "surname": "Achternaam",
    "address": "Adres (straat en huisnummer)",
    "street": "Straat",
    "house_number": "Huisnummer",
    "addition": "Toevoeging",
    "postcode": "Postcode",
    "city": "Woonplaats",
    "country": "Land",
    "phone": "Telefoon",
    "email": "E-mail",
    "birth_date": "Geboortedatum",
    "member_since": "Lid sinds",
    "member_until": "Lid tot",
    "gender": "Geslacht",
    "fee": "Contributie",
    "notes": "Opmerkingen",
}
IGNORE = "ignore"

# Normalised header text (folded, only letters and digits) → field.
_ALIASES: dict[str, str] = {}
for _field, _names in {
    "name": "naam volledigenaam naamvoluit naamlid",
    "initials": "voorletters voorl vl initialen",
    "first_name": "roepnaam voornaam voornamen",
    "prefix": "tussenvoegsel tussenvoegsels tussenv tv voorvoegsel voorvoegsels",
    "surname": "achternaam familienaam geslachtsnaam",
    "address": "adres woonadres straatenhuisnummer straathuisnummer straatnr",
    "street": "straat straatnaam",
    "house_number": "huisnummer huisnr hnr",
    "addition": "toevoeging toev huisnummertoevoeging huisnrtoevoeging huisletter",
    "postcode": "postcode pc",
    "city": "woonplaats plaats plaatsnaam",
    "country": "land",
    "phone": "telefoon tel telefoonnummer telnr telefoonnr mobiel mobielnummer mobieltelefoon gsm vastetelefoon",
    "email": "email emailadres mail mailadres",
    "birth_date": "geboortedatum gebdatum gebdat geboren geb",
    "member_since": "lidsinds lidvanaf lidmaatschapsinds inschrijfdatum datuminschrijving ingangsdatum",
    "member_until": "lidtot einddatum uitschrijfdatum opgezegdper lidmaatschaptot",
    "gender": "geslacht mv vm sekse aanhef",
    "fee": "contributie jaarcontributie bijdrage jaarbijdrage contributiebedrag",
    "notes": "opmerking opmerkingen notitie notities bijzonderheden",
}.items():
    for _alias in _names.split():
        _ALIASES[_alias] = _field
for _field, _label in FIELD_LABELS.items():
    _ALIASES.setdefault(re.sub(r"[^0-9a-z]", "", fold(_label)), _field)
_IGNORE_WORDS = frozenset({"negeren", "negeer", "overslaan", "ignore", "geen", "-", ""})
_MULTI_FIELDS = frozenset({"phone"})  # several columns may feed these

_GENDERS = {
    "m": "m", "man": "m", "dhr": "m", "de heer": "m", "heer": "m", "mr": "m", "mannelijk": "m",
    "v": "v", "vrouw": "v", "mevr": "v", "mw": "v", "mevrouw": "v", "f": "v", "vrouwelijk": "v",
    "x": "x", "neutraal": "x", "anders": "x", "onbekend": "",
}  # fmt: skip
_COUNTRIES = {"nl": "NL", "nederland": "NL", "be": "BE", "belgie": "BE", "belgium": "BE"}
_SALUTATIONS = {"dhr", "dhr.", "mevr", "mevr.", "mw", "mw.", "heer", "mevrouw", "hr", "hr.", "fam", "fam.", "familie"}
_INITIALS_TOKEN = re.compile(r"^(?:(?:[A-Za-z]|Th|Ch|Ph|Chr|IJ|Ij)\.)+$|^[A-Z]{1,3}$")
_ADDRESS = re.compile(r"^(?P<street>.+?)\s+(?P<number>\d{1,5}(?:\s*[-/]?\s*[A-Za-z0-9]{1,4})?(?:\s+bis)?)\s*$")
_PREFIX_WORDS = frozenset(w for p in KNOWN_PREFIXES for w in p.split())

HEADER_SCAN_ROWS = 10


def normalise_header(text: Any) -> str:
    """'E-mailadres' → 'emailadres', 'Geb. datum' → 'gebdatum', 'M/V' → 'mv'."""
    return re.sub(r"[^0-9a-z]", "", fold(str(text))) if text is not None else ""


def field_for(name: str) -> str | None:
    """A field key, a Dutch label or a known header for a field → its key; an ignore word → IGNORE."""
    value = name.strip()
    if value.lower() in _IGNORE_WORDS:
        return IGNORE
    if value in FIELD_LABELS:
        return value
    return _ALIASES.get(normalise_header(value))


def parse_mapping(pairs: Iterable[str]) -> dict[str, str]:
    """The command line's --map "Kolom=veld" values → {"Kolom": "veld"}. Raises ServiceError in Dutch."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        column, sep, target = pair.partition("=")
        if not sep or not column.strip():
            raise ServiceError(
                f"--map verwacht Kolom=veld, bijvoorbeeld \"Achternaam partner=negeren\"; niet '{pair}'."
            )
        mapping[column.strip()] = target.strip()
    return mapping


# ---------------------------------------------------------------- splitting names and addresses


def split_name(full: str) -> tuple[str, str, str, str]:
    """A whole name in one cell → (initials, first_name, prefix, surname).

    'J.P. van der Berg' → ('J.P.', '', 'van der', 'Berg'); 'Jan de Vries' → ('', 'Jan', 'de', 'Vries');
    'Berg, J.P. van der' → ('J.P.', '', 'van der', 'Berg'); 'Mevr. A. Jansen' → ('A.', '', '', 'Jansen').
    """
    value = " ".join(str(full).split())
    if not value:
        return "", "", "", ""
    if "," in value:
        surname_part, _, given_part = (p.strip() for p in value.partition(","))
        words = given_part.split()
        prefix_words: list[str] = []
        while words and " ".join([words[-1], *prefix_words]).lower() in KNOWN_PREFIXES:
            prefix_words.insert(0, words.pop())
        prefix = " ".join(prefix_words).lower()
        if not prefix:
            prefix, surname_part = split_surname(surname_part)
        initials, first = _given(words)
        return initials, first, prefix, surname_part
    words = value.split()
    if len(words) > 2 and [w.lower() for w in words[:2]] == ["de", "heer"]:
        del words[:2]
    while len(words) > 1 and words[0].lower() in _SALUTATIONS:
        words.pop(0)
    given: list[str] = []
    while len(words) > 1 and _INITIALS_TOKEN.match(words[0]):
        given.append(words.pop(0))
    if not given and len(words) > 1:
        # the surname starts at the first known prefix word, else it is the last word
        start = next((i for i in range(len(words) - 1) if words[i].lower() in _PREFIX_WORDS), len(words) - 1)
        given, words = words[:start], words[start:]
    prefix, surname = split_surname(" ".join(words))
    initials, first = _given(given)
    return initials, first, prefix, surname


def _given(words: list[str]) -> tuple[str, str]:
    if not words:
        return "", ""
    if all(_INITIALS_TOKEN.match(w) for w in words):
        return "".join(words), ""
    return "", " ".join(words)


def split_address(value: str) -> tuple[str, str]:
    """'2e Hogeweg 4a' → ('2e Hogeweg', '4a'); 'Van Limburg Stirumlaan 7 bis' → (…, '7 bis');
    'Dorpsstraat 12-2' → ('Dorpsstraat', '12-2'). Without a number at the end: (value, '')."""
    text_value = " ".join(str(value).split())
    match = _ADDRESS.match(text_value)
    if not match:
        return text_value, ""
    return match.group("street"), match.group("number")


# ---------------------------------------------------------------- results


@dataclass(frozen=True)
class ColumnGuess:
    """One column of the sheet as the mapping step shows it."""

    index: int  # 0-based
    letter: str
    header: str
    field: str | None  # a key of FIELD_LABELS, IGNORE, or None when not recognised
    samples: tuple[str, ...]

    @property
    def label(self) -> str:
        return FIELD_LABELS.get(self.field or "", "")


@dataclass(frozen=True)
class ImportPreview:
    file_name: str
    sheet: str
    sheet_names: tuple[str, ...]
    header_row: int  # as Excel numbers it
    data_rows: int
    columns: tuple[ColumnGuess, ...]
    unrecognised: tuple[str, ...]
    missing: tuple[str, ...]  # Dutch sentences about fields the import needs but no column provides
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportProblem:
    row: int  # as Excel numbers it
    column: str  # header text, '' for a whole row
    reason: str  # Dutch
    sentence: str = ""  # a whole Dutch sentence instead of "Rij N, kolom X: reden"

    def __str__(self) -> str:
        if self.sentence:
            return self.sentence
        if self.column:
            return f"Rij {self.row}, kolom {self.column}: {self.reason}"
        return f"Rij {self.row}: {self.reason}"


@dataclass(frozen=True)
class ImportReport:
    file_name: str
    rows: int
    people: int
    households: int  # addresses among the people (new households plus existing ones joined)
    new_households: int
    problems: tuple[ImportProblem, ...]
    written: bool
    notes: tuple[str, ...] = ()
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        """One Dutch paragraph for the program or the command line."""
        if self.problems:
            count = len(self.problems)
            rows = len({p.row for p in self.problems})
            return (
                f"{self.file_name}: {count} {'probleem' if count == 1 else 'problemen'} in {rows} "
                f"{'rij' if rows == 1 else 'rijen'}; er is niets ingelezen. Verbeter de lijst en probeer opnieuw."
            )
        verb = "ingelezen" if self.written else "kunnen worden ingelezen (proef, niets opgeslagen)"
        return (
            f"{self.file_name}: {self.people} {'lid' if self.people == 1 else 'leden'} in {self.households} "
            f"{'huishouden' if self.households == 1 else 'huishoudens'} ({self.new_households} nieuw) {verb}."
        )


# ---------------------------------------------------------------- the sheet layout


@dataclass
class _Layout:
    header_row: int  # 1-based
    headers: list[str]
    fields: dict[int, str]  # column index (0-based) → field
    by_field: dict[str, list[int]]
    unrecognised: list[str]
    duplicates: list[tuple[int, str]]  # columns whose field another column already has

    def header_of(self, field_name: str, index: int = 0) -> str:
        columns = self.by_field.get(field_name, [])
        if index < len(columns):
            return self.headers[columns[index]]
        return ""


def _header_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_date(value.date())
    return " ".join(str(value).split())


def _layout(sheet: SheetData, mapping: Mapping[str, str] | None) -> _Layout:
    overrides: dict[str, str] = {}
    for column, target in (mapping or {}).items():
        resolved = field_for(target)
        if resolved is None:
            raise ServiceError(
                f"Onbekend veld '{target}' bij kolom '{column}'. Kies uit: "
                + ", ".join(FIELD_LABELS.values())
                + ", of 'negeren'."
            )
        overrides[normalise_header(column)] = resolved
    best_row, best_score = 0, -1
    for index, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        names = [normalise_header(v) for v in row if isinstance(v, str)]
        score = sum(1 for n in names if n in _ALIASES or n in overrides)
        if score > best_score:
            best_row, best_score = index, score
    if best_score <= 0:
        best_row = next((i for i, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]) if any(row)), 0)
    header_cells = sheet.rows[best_row] if sheet.rows else ()
    headers = [_header_text(v) for v in header_cells]
    known = {normalise_header(h) for h in headers if h}
    for column in mapping or {}:
        if normalise_header(column) not in known:
            raise ServiceError(
                f"De kolom '{column}' uit de koppeling staat niet in de kopregel (rij {best_row + 1}). Kolommen: "
                + ", ".join(f"'{h}'" for h in headers if h)
                + "."
            )
    fields: dict[int, str] = {}
    by_field: dict[str, list[int]] = {}
    unrecognised: list[str] = []
    duplicates: list[tuple[int, str]] = []
    for index, header in enumerate(headers):
        if not header:
            continue
        key = normalise_header(header)
        target = overrides.get(key, _ALIASES.get(key))
        if target is None:
            unrecognised.append(header)
            continue
        if target == IGNORE:
            fields[index] = IGNORE
            continue
        if target in by_field and target not in _MULTI_FIELDS:
            duplicates.append((index, target))
            fields[index] = IGNORE
            continue
        fields[index] = target
        by_field.setdefault(target, []).append(index)
    return _Layout(best_row + 1, headers, fields, by_field, unrecognised, duplicates)


def _missing(layout: _Layout) -> list[str]:
    has = layout.by_field
    missing = []
    if "surname" not in has and "name" not in has:
        missing.append("Er is geen kolom met de achternaam (of de hele naam); koppel een kolom aan Achternaam of Naam.")
    if "house_number" in has and "street" not in has and "address" not in has:
        missing.append("Er is een kolom Huisnummer maar geen kolom Straat of Adres.")
    return missing


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if type(value) is str:
        return " ".join(value.split())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        return format_date(value.date())
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return " ".join(str(value).split())


def _sample_values(sheet: SheetData, layout: _Layout, index: int, limit: int = 3) -> tuple[str, ...]:
    samples: list[str] = []
    for row in sheet.rows[layout.header_row :]:
        if index < len(row) and row[index] not in (None, ""):
            samples.append(_as_text(row[index]))
            if len(samples) == limit:
                break
    return tuple(samples)


def _read(path: Path | str, limits: ReadLimits | None, sheet: str | None) -> SheetData:
    try:
        return read_sheet(path, sheet, limits or ReadLimits())
    except UnreadableWorkbook as exc:
        raise ServiceError(str(exc)) from None


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def preview_import(
    path: Path | str, mapping: Mapping[str, str] | None = None, *, sheet: str | None = None, limits=None
) -> ImportPreview:
    """What the column-mapping step shows: each column with its guessed field and a few values.

    Reads the file only (no database). Raises ServiceError in Dutch for a file it cannot or may not read,
    or a mapping naming an unknown field or column.
    """
    data = _read(path, limits, sheet)
    layout = _layout(data, mapping)
    columns = tuple(
        ColumnGuess(i, _letter(i), header, layout.fields.get(i), _sample_values(data, layout, i))
        for i, header in enumerate(layout.headers)
        if header
    )
    notes = [
        f"Kolom '{layout.headers[i]}' wordt overgeslagen: '{FIELD_LABELS[f]}' komt al uit kolom "
        f"'{layout.header_of(f)}'."
        for i, f in layout.duplicates
    ]
    if layout.header_row > 1:
        notes.append(f"De kopregel staat in rij {layout.header_row}; de rijen erboven worden overgeslagen.")
    data_rows = sum(1 for row in data.rows[layout.header_row :] if any(v not in (None, "") for v in row))
    return ImportPreview(
        file_name=data.file_name,
        sheet=data.sheet,
        sheet_names=tuple(data.sheet_names),
        header_row=layout.header_row,
        data_rows=data_rows,
        columns=columns,
        unrecognised=tuple(layout.unrecognised),
        missing=tuple(_missing(layout)),
        notes=tuple(notes),
    )


# ---------------------------------------------------------------- checking every row


@dataclass
class _Row:
    number: int  # Excel row number
    raw: tuple[Any, ...]  # the mapped cells as read, for exact-duplicate detection
    clean: CleanPerson | None = None
    problems: list[ImportProblem] = field(default_factory=list)


def _date_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 2958466:
        return from_excel(value).date()  # a date typed into a cell without a date format
    return _as_text(value)


def _phone_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        digits = str(value)
        # a number column drops the leading 0 (612345678 → 0612345678); 31… is an international number
        if digits.startswith("31") and len(digits) == 11:
            return "+" + digits
        return "0" + digits if len(digits) == 9 else digits
    return _as_text(value)


def _house_number(number: Any, addition: Any) -> str:
    text_number = _as_text(number)
    text_addition = _as_text(addition)
    if not text_number:
        return ""
    return f"{text_number} {text_addition}".strip()


def _gender(value: str) -> str | None:
    key = value.strip().lower().rstrip(".")
    if not key:
        return ""
    return _GENDERS.get(key)


_KEY_FIELDS: dict[str, tuple[str, ...]] = {
    "surname": ("surname", "name"),
    "initials": ("initials", "name"),
    "first_name": ("first_name", "name"),
    "prefix": ("prefix", "name"),
    "gender": ("gender",),
    "birth_date": ("birth_date",),
    "street": ("street", "address"),
    "house_number": ("house_number", "address"),
    "postcode": ("postcode",),
    "city": ("city",),
    "country": ("country",),
    "email": ("email",),
    "notes": ("notes",),
    "membership.since": ("member_since",),
    "membership.until": ("member_until",),
    "membership.yearly_fee": ("fee",),
}
_KEY_LABELS = {
    "surname": "Achternaam",
    "street": "Straat",
    "house_number": "Huisnummer",
    "city": "Woonplaats",
    "postcode": "Postcode",
}
_BEFORE_BIRTH = "Iemand kan niet lid zijn geworden vóór de geboortedatum."


def _column_for(layout: _Layout, key: str) -> str:
    if key.startswith("phones."):
        index = int(key.split(".")[1])
        return layout.header_of("phone", index) or "Telefoon"
    for field_name in _KEY_FIELDS.get(key, ()):
        header = layout.header_of(field_name)
        if header:
            return header
    return _KEY_LABELS.get(key, FIELD_LABELS.get(key, key))


def _check_rows(sheet: SheetData, layout: _Layout, today: date) -> tuple[list[_Row], list[str]]:
    """Every data row checked on its own with the person form's rules; problems collected per row."""
    columns = layout.by_field
    mapped = sorted(i for i, f in layout.fields.items() if f != IGNORE)
    single = {f: c[0] for f, c in columns.items() if f not in _MULTI_FIELDS}
    phone_columns = columns.get("phone", [])
    phone_labels = [
        "mobiel" if "mobiel" in normalise_header(layout.headers[i]) or "gsm" in normalise_header(layout.headers[i])
        else ""
        for i in phone_columns
    ]  # fmt: skip
    no_since = 0
    formulas: dict[int, list[int]] = {}
    for row_number, column in sorted(sheet.formula_without_value):
        formulas.setdefault(row_number, []).append(column)
    rows: list[_Row] = []
    for offset, values in enumerate(sheet.rows[layout.header_row :]):
        number = layout.header_row + 1 + offset
        if not any(v is not None and v != "" for v in values):
            continue

        def get(field_name: str, values=values) -> Any:
            index = single.get(field_name)
            return values[index] if index is not None and index < len(values) else None

        row = _Row(number, tuple(values[i] if i < len(values) else None for i in mapped))
        rows.append(row)
        for column in formulas.get(number, ()):
            if layout.fields.get(column - 1, IGNORE) != IGNORE:
                row.problems.append(
                    ImportProblem(
                        number,
                        layout.headers[column - 1],
                        "Deze cel bevat een formule zonder opgeslagen uitkomst. Open de lijst in Excel, sla hem "
                        "op en probeer opnieuw, of typ de waarde zelf in.",
                    )
                )

        initials, first_name, prefix, surname = (
            _as_text(get("initials")),
            _as_text(get("first_name")),
            _as_text(get("prefix")),
            _as_text(get("surname")),
        )
        if not surname and "name" in single:
            n_initials, n_first, n_prefix, n_surname = split_name(_as_text(get("name")))
            initials, first_name = initials or n_initials, first_name or n_first
            prefix, surname = prefix or n_prefix, n_surname
        elif surname and not prefix:
            prefix, surname = split_surname(surname)  # 'van der Berg' in the surname column

        street = _as_text(get("street"))
        house_number = _house_number(get("house_number"), get("addition"))
        if "address" in single and not street:
            street, number_text = split_address(_as_text(get("address")))
            house_number = house_number or _house_number(number_text, get("addition"))

        gender_text = _as_text(get("gender"))
        gender = _gender(gender_text)
        if gender is None:
            row.problems.append(
                ImportProblem(
                    number,
                    layout.header_of("gender"),
                    f"Onbekend geslacht '{gender_text}'; gebruik m, v of x (of man, vrouw, dhr., mevr.).",
                )
            )
            gender = ""

        country_text = _as_text(get("country"))
        country = _COUNTRIES.get(fold(country_text).replace(" ", ""), "") if country_text else "NL"
        if not country:
            row.problems.append(
                ImportProblem(number, layout.header_of("country"), f"Onbekend land '{country_text}'; kies NL of BE.")
            )
            country = "NL"

        since = get("member_since")
        if since is None or since == "":
            since, no_since = today, no_since + 1
        fee = get("fee")
        if isinstance(fee, float | int) and not isinstance(fee, bool):
            fee = str(fee).replace(".", ",")
        data = PersonInput(
            surname=surname,
            initials=initials,
            first_name=first_name,
            prefix=prefix,
            gender=gender,
            birth_date=_date_value(get("birth_date")),
            street=street,
            house_number=house_number,
            postcode=_as_text(get("postcode")),
            city=_as_text(get("city")),
            country=country,
            phones=tuple(
                PhoneInput(_phone_text(values[i]) if i < len(values) else "", label)
                for i, label in zip(phone_columns, phone_labels, strict=True)
            ),
            email=_as_text(get("email")),
            notes=_as_text(get("notes")),
            membership=MembershipInput(
                since=_date_value(since), until=_date_value(get("member_until")) or None, yearly_fee=_as_text(fee)
            ),
        )
        try:
            row.clean = clean_person(data, today)
        except ValidationError as exc:
            errors = dict(exc.errors)
            if "birth_date" in errors and errors.get("membership.since") == _BEFORE_BIRTH:
                del errors["membership.since"]  # follows from the wrong birth date reported already
            for key, message in errors.items():
                row.problems.append(ImportProblem(number, _column_for(layout, key), message))
    notes = []
    if no_since:
        notes.append(
            f"{no_since} {'rij heeft' if no_since == 1 else 'rijen hebben'} geen datum 'lid sinds'; "
            f"die leden krijgen {format_date(today)} als begindatum."
        )
    return rows, notes


def _names_match(a: NameParts, b: NameParts) -> bool:
    """Same surname and prefix, and no conflicting roepnaam or voorletters (Cor and Corrie differ)."""
    if a.surname.casefold() != b.surname.casefold() or a.prefix != b.prefix:
        return False
    if a.first_name and b.first_name and a.first_name.casefold() != b.first_name.casefold():
        return False
    if a.initials and b.initials and a.initials != b.initials:
        return False
    return True


def _address_key(clean: CleanPerson) -> tuple[str, str, int, str] | None:
    if clean.address is None:
        return None
    _street, number, addition, postcode, _city, country = clean.address
    return country, postcode, number, addition.casefold()


def _same_person(a: CleanPerson, b: CleanPerson) -> str:
    """'' when a and b are different people, else why they look like the same one."""
    if not _names_match(a.names, b.names):
        return ""
    if a.birth_date and a.birth_date == b.birth_date:
        return "dezelfde naam en geboortedatum"
    if a.birth_date and b.birth_date:
        return ""
    key = _address_key(a)
    if key is not None and key == _address_key(b):
        return "dezelfde naam op hetzelfde adres"
    return ""


def _file_duplicates(rows: list[_Row], layout: _Layout) -> None:
    seen_raw: dict[tuple[Any, ...], int] = {}
    by_birth: dict[tuple, list[_Row]] = {}
    by_address: dict[tuple, list[_Row]] = {}
    surname_column = layout.header_of("surname") or layout.header_of("name")
    for row in rows:
        first = seen_raw.setdefault(row.raw, row.number)
        if first != row.number:
            row.problems.append(
                ImportProblem(
                    row.number,
                    "",
                    f"gelijk aan rij {first}.",
                    sentence=f"Rij {row.number} is gelijk aan rij {first}: een dubbele regel.",
                )
            )
            continue
        clean = row.clean
        if clean is None or row.problems:
            continue
        name_key = (clean.names.surname.casefold(), clean.names.prefix)
        keys = []
        if clean.birth_date:
            keys.append((by_birth, (*name_key, clean.birth_date)))
        address = _address_key(clean)
        if address is not None:
            keys.append((by_address, (*name_key, address)))
        for index, key in keys:
            earlier = next((e for e in index.get(key, ()) if _same_person(clean, e.clean)), None)
            if earlier is not None:
                why = _same_person(clean, earlier.clean)
                reason = f"{why} als rij {earlier.number}; staat deze persoon dubbel in de lijst?"
                row.problems.append(ImportProblem(row.number, surname_column, reason))
                break
        else:
            for index, key in keys:
                index.setdefault(key, []).append(row)


@dataclass(frozen=True)
class _Registered:
    id: int
    names: NameParts
    birth_date: date | None
    address: tuple[str, str, int, str] | None


def _registered_alike(session: Session, rows: list[_Row]) -> dict[tuple[str, str], list[_Registered]]:
    surnames = sorted({row.clean.names.surname.casefold() for row in rows if row.clean is not None})
    found: dict[tuple[str, str], list[_Registered]] = {}
    for start in range(0, len(surnames), 500):
        chunk = surnames[start : start + 500]
        statement = (
            select(
                Person.id,
                Person.initials,
                Person.first_name,
                Person.prefix,
                Person.surname,
                Person.birth_date,
                Household.country,
                Household.postcode,
                Household.house_number,
                Household.house_number_addition,
            )
            .outerjoin(Household, Person.household_id == Household.id)
            .where(func.lower(Person.surname).in_(chunk))
        )
        for r in session.execute(statement):
            names = NameParts(initials=r.initials, first_name=r.first_name, prefix=r.prefix, surname=r.surname)
            address = (
                (r.country, r.postcode, r.house_number, r.house_number_addition.casefold())
                if r.postcode is not None
                else None
            )
            found.setdefault((r.surname.casefold(), r.prefix), []).append(
                _Registered(r.id, names, r.birth_date, address)
            )
    return found


def _register_duplicates(session: Session, rows: list[_Row], layout: _Layout) -> list[ImportProblem]:
    candidates = [row for row in rows if row.clean is not None and not row.problems]
    registered = _registered_alike(session, candidates)
    problems = []
    surname_column = layout.header_of("surname") or layout.header_of("name")
    for row in candidates:
        clean = row.clean
        assert clean is not None
        for other in registered.get((clean.names.surname.casefold(), clean.names.prefix), []):
            if not _names_match(clean.names, other.names):
                continue
            if clean.birth_date and clean.birth_date == other.birth_date:
                why = "dezelfde naam en geboortedatum"
            elif clean.birth_date and other.birth_date:
                continue
            elif other.address is not None and other.address == _address_key(clean):
                why = "dezelfde naam op hetzelfde adres"
            else:
                continue
            problem = ImportProblem(
                row.number,
                surname_column,
                f"staat al ingeschreven als {list_name(other.names)} (nummer {other.id}): {why}.",
            )
            row.problems.append(problem)
            problems.append(problem)
            break
    return problems


@dataclass
class _Checked:
    sheet: SheetData
    layout: _Layout
    rows: list[_Row]
    notes: list[str]

    def problems(self) -> list[ImportProblem]:
        return [p for row in self.rows for p in row.problems]


def _check_file(
    path: Path | str, mapping: Mapping[str, str] | None, today: date, sheet: str | None, limits
) -> _Checked:
    data = _read(path, limits, sheet)
    layout = _layout(data, mapping)
    missing = _missing(layout)
    if missing:
        raise ServiceError(f"{data.file_name}: " + " ".join(missing))
    rows, notes = _check_rows(data, layout, today)
    _file_duplicates(rows, layout)
    _check_addresses(rows, layout)
    return _Checked(data, layout, rows, notes)


def _check_addresses(rows: list[_Row], layout: _Layout) -> None:
    """Rows with the same postcode and number must agree on street and place (else one of them is a typo)."""
    first: dict[tuple[str, str, int, str], tuple[_Row, str, str]] = {}
    for row in rows:
        if row.clean is None or row.clean.address is None:
            continue
        street, _number, _addition, _postcode, city, _country = row.clean.address
        key = _address_key(row.clean)
        assert key is not None
        if key not in first:
            first[key] = (row, street, city)
            continue
        other, other_street, other_city = first[key]
        if fold(street) != fold(other_street):
            column = layout.header_of("street") or layout.header_of("address")
            row.problems.append(
                ImportProblem(
                    row.number,
                    column,
                    f"zelfde postcode en huisnummer als rij {other.number}, maar een andere straat "
                    f"('{street}' en '{other_street}').",
                )
            )
        elif fold(city) != fold(other_city):
            row.problems.append(
                ImportProblem(
                    row.number,
                    layout.header_of("city") or "Woonplaats",
                    f"zelfde adres als rij {other.number}, maar een andere woonplaats ('{city}' en '{other_city}').",
                )
            )


def _sorted(problems: Iterable[ImportProblem]) -> tuple[ImportProblem, ...]:
    return tuple(sorted(problems, key=lambda p: p.row))


# ---------------------------------------------------------------- households and writing


@dataclass
class _Plan:
    people: list[CleanPerson]
    household_of: list[tuple[str, str, int, str] | None]
    existing: dict[tuple[str, str, int, str], int]  # address → household id already in the register
    existing_members: dict[int, int]  # household id → registered people with a membership
    new_addresses: list[tuple[str, str, int, str]]

    @property
    def households(self) -> int:
        return len({k for k in self.household_of if k is not None})


def _plan(session: Session, rows: list[_Row]) -> _Plan:
    people = [row.clean for row in rows if row.clean is not None]
    keys = [_address_key(p) for p in people]
    postcodes = sorted({k[1] for k in keys if k is not None})
    existing: dict[tuple[str, str, int, str], int] = {}
    for start in range(0, len(postcodes), 500):
        statement = select(
            Household.id, Household.country, Household.postcode, Household.house_number, Household.house_number_addition
        ).where(Household.postcode.in_(postcodes[start : start + 500]))
        for r in session.execute(statement):
            existing.setdefault((r.country, r.postcode, r.house_number, r.house_number_addition.casefold()), r.id)
    members: dict[int, int] = {}
    if existing:
        ids = sorted(set(existing.values()))
        for start in range(0, len(ids), 500):
            statement = (
                select(Person.household_id, func.count())
                .join(Membership, Membership.person_id == Person.id)
                .where(Person.household_id.in_(ids[start : start + 500]))
                .group_by(Person.household_id)
            )
            members.update({hid: n for hid, n in session.execute(statement)})
    new = list(dict.fromkeys(k for k in keys if k is not None and k not in existing))
    return _Plan(people, keys, existing, members, new)


def _new_ids(session: Session, table: str, count: int) -> list[int]:
    """Ids for a bulk insert: from the sequence on PostgreSQL, after the highest id on SQLite (whose write
    lock the caller already holds, so nobody else can take them)."""
    if count == 0:
        return []
    if session.get_bind().dialect.name == "postgresql":
        return list(
            session.scalars(
                text(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) FROM generate_series(1, :n)"),
                {"n": count},
            )
        )
    highest = session.scalar(text(f"SELECT COALESCE(MAX(id), 0) FROM {table}")) or 0
    return list(range(highest + 1, highest + 1 + count))


def _write(session: Session, plan: _Plan, now: datetime) -> None:
    household_ids = dict(plan.existing)
    first_row: dict[tuple[str, str, int, str], CleanPerson] = {}
    for person, key in zip(plan.people, plan.household_of, strict=True):
        if key is not None:
            first_row.setdefault(key, person)
    households = []
    for key, hid in zip(plan.new_addresses, _new_ids(session, "household", len(plan.new_addresses)), strict=True):
        street, number, addition, postcode, city, country = first_row[key].address  # type: ignore[misc]
        household_ids[key] = hid
        households.append(
            dict(
                id=hid,
                street=street,
                house_number=number,
                house_number_addition=addition,
                postcode=postcode,
                city=city,
                country=country,
                created_at=now,
            )
        )
    size: dict[tuple[str, str, int, str], int] = {}
    for key in plan.household_of:
        if key is not None:
            size[key] = size.get(key, 0) + 1

    person_ids = _new_ids(session, "person", len(plan.people))
    persons, phones, memberships = [], [], []
    documents: dict[int, str] = {}
    for pid, person, key in zip(person_ids, plan.people, plan.household_of, strict=True):
        n = person.names
        hid = household_ids.get(key) if key is not None else None
        persons.append(
            dict(
                id=pid,
                initials=n.initials,
                first_name=n.first_name,
                prefix=n.prefix,
                surname=n.surname,
                partner_prefix=n.partner_prefix,
                partner_surname=n.partner_surname,
                name_usage=n.name_usage,
                gender=n.gender,
                birth_date=person.birth_date,
                email=person.email,
                notes=person.notes,
                household_id=hid,
                sort_key=sort_key(n)[:200],
                version=1,
                created_at=now,
                updated_at=now,
            )
        )
        for position, (number, label) in enumerate(person.phones):
            phones.append(dict(person_id=pid, number=number, label=label, position=position))
        if person.membership is not None:
            _kind, since, until, fee = person.membership
            together = (size.get(key, 0) + plan.existing_members.get(hid or 0, 0)) if key is not None else 1
            memberships.append(
                dict(
                    person_id=pid,
                    kind="household" if together >= 2 else "single",
                    since=since,
                    until=until,
                    yearly_fee_cents=fee,
                )
            )
        address = person.address
        documents[pid] = people_search.build_document(
            SearchFields(
                initials=n.initials,
                first_name=n.first_name,
                prefix=n.prefix,
                surname=n.surname,
                partner_prefix=n.partner_prefix,
                partner_surname=n.partner_surname,
                street=address[0] if address else "",
                house_number=address[1] if address else None,
                house_number_addition=address[2] if address else "",
                postcode=address[3] if address else "",
                city=address[4] if address else "",
                phones=[number for number, _label in person.phones],
                email=person.email,
            )
        )
    for rows, model in ((households, Household), (persons, Person), (phones, Phone), (memberships, Membership)):
        if rows:
            session.execute(insert(model.__table__), rows)  # Core executemany: one batch per table
    people_search.write_documents(session, documents)


class _Refused(Exception):
    """Rolls the import's transaction back when a check inside it fails."""


def check_import(
    ctx: ServiceContext, path: Path | str, mapping: Mapping[str, str] | None = None, *, sheet=None, limits=None
) -> ImportReport:
    """Check the whole file against the form's rules and the register, writing nothing.

    Raises ServiceError in Dutch for a file it cannot read or a sheet without a surname column; data
    problems come back in the report.
    """
    access.require(ctx, access.IMPORTS_WRITE)
    return _run(ctx, path, mapping, dry_run=True, backup=None, sheet=sheet, limits=limits)


def run_import(
    ctx: ServiceContext,
    path: Path | str,
    mapping: Mapping[str, str] | None = None,
    dry_run: bool = False,
    backup: Callable[[], object] | None = None,
    *,
    sheet: str | None = None,
    limits: ReadLimits | None = None,
) -> ImportReport:
    """Import every row as a member in one transaction, or nothing at all.

    Data problems never raise: the report lists them with `written=False`. `backup` (for SQLite: a
    backup through the backup API) is called once all checks have passed, just before writing.
    Raises ServiceError in Dutch for a file it cannot or may not read.
    """
    access.require(ctx, access.IMPORTS_WRITE)
    return _run(ctx, path, mapping, dry_run=dry_run, backup=backup, sheet=sheet, limits=limits)


def _run(ctx, path, mapping, *, dry_run, backup, sheet, limits) -> ImportReport:
    started = time.perf_counter()
    today = ctx.today()
    checked = _check_file(path, mapping, today, sheet, limits)
    name = checked.sheet.file_name
    people_rows = len(checked.rows)

    def report(problems, written: bool, plan: _Plan | None) -> ImportReport:
        return ImportReport(
            file_name=name,
            rows=people_rows,
            people=len(plan.people) if plan else sum(1 for r in checked.rows if r.clean is not None),
            households=plan.households if plan else 0,
            new_households=len(plan.new_addresses) if plan else 0,
            problems=_sorted(problems),
            written=written,
            notes=tuple(checked.notes),
            seconds=time.perf_counter() - started,
        )

    problems = checked.problems()
    if problems:
        return report(problems, False, None)
    with ctx.uow() as session:
        problems = _register_duplicates(session, checked.rows, checked.layout)
        plan = _plan(session, checked.rows)
    if problems or dry_run or not plan.people:
        return report(problems, False, plan)
    if backup is not None:
        backup()
    try:
        with ctx.uow() as session:
            # the audit entry goes first: on SQLite its insert takes the write lock before ids are chosen
            audit.record(
                session,
                ctx,
                audit.CREATE,
                "person.import",
                object_type="person",
                detail=f"{name}: {len(plan.people)} mensen, {len(plan.new_addresses)} nieuwe huishoudens",
            )
            session.flush()
            problems = _register_duplicates(session, checked.rows, checked.layout)  # someone may have added them
            if problems:
                raise _Refused
            plan = _plan(session, checked.rows)
            _write(session, plan, ctx.now())
    except _Refused:
        return report(problems, False, plan)
    return report((), True, plan)
