"""The letter template format: paragraphs, **bold**/*italic* markup and {{veld}} merge fields (pure Python).

Format
------
- Paragraphs are separated by one or more blank lines. A single line break inside a paragraph is kept
  as a line break (handy for "Datum: …" / "Tijd: …" lists).
- ``**vet**`` prints bold, ``*schuin*`` prints italic; both must close within the same paragraph.
  A backslash prints the next character as it is: ``\\*`` is a real asterisk, ``\\{`` a real brace.
- ``{{veld}}`` is replaced by a value when letters are made. Field names are lower case.

Merge fields every letter knows (:data:`KNOWN_FIELDS`)
-------------------------------------------------------
aanhef          the opening line, e.g. "Geachte mevrouw De Vries," (household letters: "Beste familie …,")
naam            the addressee: "Mevrouw A. de Vries", "Familie Van der Berg", "Aan de bewoners van …"
voorletters     "A." (empty in household letters)
roepnaam        "Anna" (empty in household letters)
achternaam      the family name in use, "de Vries" (household letters: the shared family name, if any)
adres           street and house number, "Dorpsstraat 12a"
postcode        "3941 AB"
woonplaats      "Westerhoek"
lidnummer       the person's number in the register (household letters: the lowest of its members)
lid_sinds       member since, "1 maart 2019" (household letters: the earliest)
contributie     the yearly contribution, "€ 25,00" (household letters: the sum of its active members)
datum           today, "maandag 23 november 2026"
coop_naam, coop_adres, coop_postcode, coop_plaats, coop_telefoon, coop_email, coop_iban, coop_kvk
                the cooperative's own details from its settings
werkgroepen     the work groups a person takes part in (empty until work groups exist)

Besides these a template declares its own *batch fields* (e.g. ``alv_datum``); their values are given once
per batch ("--set alv_datum=…" on the command line) and are the same in every letter of that batch.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

KNOWN_FIELDS: dict[str, str] = {
    "aanhef": "aanhef, bijv. 'Geachte mevrouw De Vries,'",
    "naam": "naam zoals op de envelop",
    "voorletters": "voorletters",
    "roepnaam": "roepnaam",
    "achternaam": "achternaam",
    "adres": "straat en huisnummer",
    "postcode": "postcode",
    "woonplaats": "woonplaats",
    "lidnummer": "lidnummer",
    "lid_sinds": "lid sinds",
    "contributie": "contributie per jaar",
    "datum": "datum van vandaag",
    "coop_naam": "naam van de coöperatie",
    "coop_adres": "adres van de coöperatie",
    "coop_postcode": "postcode van de coöperatie",
    "coop_plaats": "plaats van de coöperatie",
    "coop_telefoon": "telefoon van de coöperatie",
    "coop_email": "e-mail van de coöperatie",
    "coop_iban": "IBAN van de coöperatie",
    "coop_kvk": "KvK-nummer van de coöperatie",
    "werkgroepen": "werkgroepen van de persoon",
}

FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_FIELD = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")


@dataclass(frozen=True)
class Run:
    """A piece of text in one style; ``text`` may hold ``\\n`` (a line break)."""

    text: str
    bold: bool = False
    italic: bool = False


def paragraphs(text: str) -> list[str]:
    """The template's paragraphs: split on blank lines, trailing spaces and empty paragraphs dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return []
    result = []
    for block in _BLANK_LINES.split(text):
        lines = [line.rstrip() for line in block.strip("\n").split("\n")]
        if any(lines):
            result.append("\n".join(lines).strip())
    return result


def parse_runs(paragraph: str) -> tuple[list[Run], list[str]]:
    """Split one paragraph into styled runs; problems name unclosed markup (Dutch, without paragraph number)."""
    runs: list[Run] = []
    buffer: list[str] = []
    bold = italic = False
    problems: list[str] = []

    def flush() -> None:
        if buffer:
            runs.append(Run("".join(buffer), bold, italic))
            buffer.clear()

    i, n = 0, len(paragraph)
    while i < n:
        ch = paragraph[i]
        if ch == "\\" and i + 1 < n:
            buffer.append(paragraph[i + 1])
            i += 2
            continue
        if paragraph.startswith("**", i):
            flush()
            bold = not bold
            i += 2
            continue
        if ch == "*":
            flush()
            italic = not italic
            i += 1
            continue
        buffer.append(ch)
        i += 1
    flush()
    if bold:
        problems.append("vet (**) wordt niet afgesloten met **")
    if italic:
        problems.append("schuin (*) wordt niet afgesloten met *")
    return runs, problems


def fields_in(text: str) -> list[str]:
    """The merge field names used in ``text``, in order of first appearance (escaped braces ignored)."""
    seen: dict[str, None] = {}
    for match in _FIELD.finditer(_mask_escaped(text)):
        seen.setdefault(match.group(1), None)
    return list(seen)


def _mask_escaped(text: str) -> str:
    """``text`` with every backslash-escaped character replaced by a harmless placeholder (same length)."""
    return re.sub(r"\\.", "\x00\x00", text, flags=re.DOTALL)


def _suggestion(name: str, allowed: Iterable[str]) -> str:
    close = difflib.get_close_matches(name.lower(), list(allowed), n=1, cutoff=0.6)
    return f" Bedoelt u {{{{{close[0]}}}}}?" if close else ""


def check_template(body: str, extra_fields: Iterable[str] = (), *, subject: str = "") -> list[str]:
    """Everything wrong with a template, in Dutch; an empty list means it can be saved and printed.

    Finds an empty body, unknown merge fields (neither in :data:`KNOWN_FIELDS` nor in ``extra_fields``),
    loose ``{{``/``}}`` and bold/italic markup that is not closed within its paragraph. ``subject`` is
    checked for fields and braces too.
    """
    allowed = set(KNOWN_FIELDS) | set(extra_fields)
    problems: list[str] = []
    if not paragraphs(body):
        problems.append("De tekst van de brief is leeg.")
    for label, text in (("het onderwerp", subject), *((f"alinea {n}", p) for n, p in enumerate(paragraphs(body), 1))):
        if not text:
            continue
        masked = _mask_escaped(text)
        for name in fields_in(text):
            if name not in allowed:
                problems.append(f'Onbekend veld "{{{{{name}}}}}" in {label}.{_suggestion(name, allowed)}')
        rest = _FIELD.sub("", masked)
        if "{{" in rest or "}}" in rest:
            problems.append(f'In {label} staat een losse "{{{{" of "}}}}"; een veld schrijft u als {{{{naam}}}}.')
        if label != "het onderwerp":
            for problem in parse_runs(text)[1]:
                problems.append(f"In {label}: {problem}.")
    return problems


def escape(value: str) -> str:
    """A merged value as template text: asterisks, braces and backslashes print as themselves."""
    return re.sub(r"([\\*{}])", r"\\\1", value)


def substitute(text: str, values: Mapping[str, str]) -> str:
    """Replace every ``{{veld}}`` in ``text`` by its (escaped) value; a missing value raises KeyError."""
    masked = _mask_escaped(text)
    pieces: list[str] = []
    last = 0
    for match in _FIELD.finditer(masked):
        pieces.append(text[last : match.start()])
        pieces.append(escape(values[match.group(1)]))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def plain(text: str) -> str:
    """Merged template text without markup or escapes, as a reader sees it (for search and logs)."""
    return "\n\n".join("".join(r.text for r in parse_runs(p)[0]) for p in paragraphs(text))
