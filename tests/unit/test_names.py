"""Unit tests for coop_desk.services.names (Dutch name handling)."""

from __future__ import annotations

import dataclasses

import pytest

from coop_desk.services.names import (
    KNOWN_PREFIXES,
    NameParts,
    capitalise_prefix,
    family_name,
    fold,
    formal_name,
    full_name,
    household_addressee,
    household_salutation,
    list_name,
    normalise_initials,
    normalise_prefix,
    salutation,
    sort_key,
    split_surname,
)

JAN = NameParts(initials="J.P.", first_name="Jan", prefix="van der", surname="Berg", gender="m")
JAN_JANSEN = dataclasses.replace(JAN, partner_surname="Jansen")
SAM = NameParts(first_name="Sam", prefix="van der", surname="Berg", gender="x")
ANNA = NameParts(
    initials="A.",
    first_name="Anna",
    prefix="de",
    surname="Vries",
    partner_surname="Jansen",
    gender="v",
)


def with_usage(parts: NameParts, usage: str) -> NameParts:
    return dataclasses.replace(parts, name_usage=usage)


# --- NameParts -----------------------------------------------------------------------------------


def test_nameparts_defaults_and_frozen() -> None:
    parts = NameParts()
    assert parts.name_usage == "own"
    assert parts.gender == ""
    assert parts.surname == ""
    with pytest.raises(dataclasses.FrozenInstanceError):
        parts.surname = "Berg"  # type: ignore[misc]


# --- KNOWN_PREFIXES ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix",
    [
        "van", "de", "der", "den", "van der", "van den", "van de", "ter", "ten", "te", "'t",
        "van 't", "in 't", "op de", "op den", "op 't", "'in 't", "uit de", "uit den", "d'", "le",
        "la", "du", "des", "von", "zu", "van het", "aan de", "bij de", "over 't", "von der",
    ],
)  # fmt: skip
def test_known_prefixes_contains(prefix: str) -> None:
    assert prefix in KNOWN_PREFIXES


def test_known_prefixes_are_normalised() -> None:
    assert isinstance(KNOWN_PREFIXES, frozenset)
    assert len(KNOWN_PREFIXES) > 50
    for prefix in KNOWN_PREFIXES:
        assert prefix == normalise_prefix(prefix), prefix


# --- normalise_initials --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jp", "J.P."),
        ("J. P.", "J.P."),
        ("j.p", "J.P."),
        ("J.P.", "J.P."),
        ("  j  p  ", "J.P."),
        ("J-P", "J.P."),
        ("Th.", "Th."),
        ("th.j.", "Th.J."),
        ("TH.J.", "Th.J."),
        ("ij", "IJ."),
        ("IJ.", "IJ."),
        ("a.ij.", "A.IJ."),
        ("ch.ph.", "Ch.Ph."),
        ("Chr.", "Chr."),
        ("é", "É."),
        ("", ""),
        ("   ", ""),
        ("..", ""),
    ],
)
def test_normalise_initials(text: str, expected: str) -> None:
    assert normalise_initials(text) == expected


# --- normalise_prefix ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" Van  Der ", "van der"),
        ("VAN DEN", "van den"),
        ("van \u2019t", "van 't"),
        ("in \u2018t", "in 't"),
        ("D\u2019", "d'"),
        ("de", "de"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_normalise_prefix(text: str, expected: str) -> None:
    assert normalise_prefix(text) == expected


# --- split_surname -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("van der Berg", ("van der", "Berg")),
        ("Van 't Hof", ("van 't", "Hof")),
        ("Van \u2019t Hof", ("van 't", "Hof")),
        ("de Vries", ("de", "Vries")),
        ("Berg", ("", "Berg")),
        ("in 't Veld", ("in 't", "Veld")),
        ("'t Hart", ("'t", "Hart")),
        ("  van   den  Bosch ", ("van den", "Bosch")),
        ("Van Der Heijden", ("van der", "Heijden")),
        ("van de Kamp", ("van de", "Kamp")),
        ("op den Brouw", ("op den", "Brouw")),
        ("uit den Boogaard", ("uit den", "Boogaard")),
        ("von der Heide", ("von der", "Heide")),
        ("d'Ancona", ("d'", "Ancona")),
        ("d' Hondt", ("d'", "Hondt")),
        ("van der Berg-Jansen", ("van der", "Berg-Jansen")),
        ("ter Horst", ("ter", "Horst")),
        ("de Bij", ("de", "Bij")),
        ("van Over", ("van", "Over")),
        # nothing would remain: the whole thing is the surname
        ("de", ("", "de")),
        ("van der", ("", "van der")),
        ("Van 't", ("", "Van 't")),
        ("", ("", "")),
    ],
)
def test_split_surname(full: str, expected: tuple[str, str]) -> None:
    assert split_surname(full) == expected


def test_split_surname_longest_prefix_wins() -> None:
    # "van" and "van de" are both known; "van de" must win and "de" must not be left on the surname.
    assert split_surname("van de Wetering") == ("van de", "Wetering")
    assert split_surname("van der Linden") == ("van der", "Linden")


def test_split_surname_leaves_multiword_surname_without_prefix() -> None:
    assert split_surname("Smit Jansen") == ("", "Smit Jansen")


# --- capitalise_prefix ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("van der", "Van der"),
        ("'t", "'t"),
        ("van 't", "Van 't"),
        ("in 't", "In 't"),
        ("d'", "D'"),
        ("de", "De"),
        (" VAN  DEN ", "Van den"),
        ("", ""),
    ],
)
def test_capitalise_prefix(prefix: str, expected: str) -> None:
    assert capitalise_prefix(prefix) == expected


# --- family_name ---------------------------------------------------------------------------------

_BERG_JANSEN = NameParts(prefix="van der", surname="Berg", partner_surname="Jansen")
_JANSEN_DE_VRIES = NameParts(prefix="de", surname="Vries", partner_surname="Jansen")


@pytest.mark.parametrize(
    ("parts", "usage", "plain", "capitalised"),
    [
        (_BERG_JANSEN, "own", "van der Berg", "Van der Berg"),
        (_BERG_JANSEN, "partner", "Jansen", "Jansen"),
        (_BERG_JANSEN, "own_partner", "van der Berg-Jansen", "Van der Berg-Jansen"),
        (_BERG_JANSEN, "partner_own", "Jansen-van der Berg", "Jansen-van der Berg"),
        (_JANSEN_DE_VRIES, "partner_own", "Jansen-de Vries", "Jansen-de Vries"),
        (_JANSEN_DE_VRIES, "own", "de Vries", "De Vries"),
        (
            NameParts(prefix="de", surname="Vries", partner_prefix="van", partner_surname="Dijk"),
            "own_partner",
            "de Vries-van Dijk",
            "De Vries-van Dijk",
        ),
        (
            NameParts(prefix="de", surname="Vries", partner_prefix="van", partner_surname="Dijk"),
            "partner",
            "van Dijk",
            "Van Dijk",
        ),
        (NameParts(surname="Berg"), "own", "Berg", "Berg"),
        (NameParts(prefix="'t", surname="Hart"), "own", "'t Hart", "'t Hart"),
    ],
)
def test_family_name(parts: NameParts, usage: str, plain: str, capitalised: str) -> None:
    parts = with_usage(parts, usage)
    assert family_name(parts) == plain
    assert family_name(parts, capitalise=True) == capitalised


@pytest.mark.parametrize("usage", ["partner", "own_partner", "partner_own"])
def test_family_name_without_partner_falls_back_to_own(usage: str) -> None:
    parts = NameParts(prefix="van der", surname="Berg", name_usage=usage)
    assert family_name(parts) == "van der Berg"


def test_family_name_unknown_usage_is_own() -> None:
    parts = with_usage(_BERG_JANSEN, "something")
    assert family_name(parts) == "van der Berg"


def test_family_name_normalises_whitespace_and_prefix_case() -> None:
    parts = NameParts(prefix="  Van   Der ", surname="  Berg  ", partner_surname=" Jansen ")
    assert family_name(with_usage(parts, " own_partner ")) == "van der Berg-Jansen"


def test_family_name_empty() -> None:
    assert family_name(NameParts()) == ""
    assert family_name(NameParts(prefix="van"), capitalise=True) == ""


def test_family_name_only_partner_known() -> None:
    assert family_name(NameParts(partner_prefix="de", partner_surname="Wit")) == "de Wit"


# --- formal_name / full_name ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (JAN, "J.P. van der Berg"),
        (dataclasses.replace(JAN, initials="jp"), "J.P. van der Berg"),
        (dataclasses.replace(JAN, initials=""), "Jan van der Berg"),
        (dataclasses.replace(JAN, initials="", first_name=""), "Van der Berg"),
        (with_usage(ANNA, "partner_own"), "A. Jansen-de Vries"),
        (with_usage(ANNA, "own_partner"), "A. de Vries-Jansen"),
        (NameParts(initials="J.", surname="Berg"), "J. Berg"),
        (NameParts(initials="J."), "J."),
        (NameParts(), ""),
    ],
)
def test_formal_name(parts: NameParts, expected: str) -> None:
    assert formal_name(parts) == expected


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (JAN, "Jan van der Berg"),
        (dataclasses.replace(JAN, first_name=""), "J.P. van der Berg"),
        (dataclasses.replace(JAN, first_name="", initials=""), "Van der Berg"),
        (with_usage(ANNA, "partner_own"), "Anna Jansen-de Vries"),
        (NameParts(first_name="  Jan  ", prefix=" De ", surname=" Vries "), "Jan de Vries"),
        (NameParts(first_name="Jan"), "Jan"),
        (NameParts(), ""),
    ],
)
def test_full_name(parts: NameParts, expected: str) -> None:
    assert full_name(parts) == expected


# --- list_name -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (JAN, "Berg, J.P. van der"),
        (dataclasses.replace(JAN, initials=""), "Berg, Jan van der"),
        (with_usage(JAN_JANSEN, "own_partner"), "Berg-Jansen, J.P. van der"),
        (with_usage(JAN_JANSEN, "partner_own"), "Jansen-van der Berg, J.P."),
        (with_usage(ANNA, "partner"), "Jansen, A."),
        (with_usage(ANNA, "partner_own"), "Jansen-de Vries, A."),
        (NameParts(initials="A.", surname="Vries", partner_prefix="van", partner_surname="Dijk",
                   name_usage="partner_own"), "Dijk-Vries, A. van"),
        (NameParts(surname="Berg"), "Berg"),
        (NameParts(prefix="van der", surname="Berg"), "Berg, van der"),
        (NameParts(initials="J."), "J."),
        (NameParts(), ""),
    ],
)  # fmt: skip
def test_list_name(parts: NameParts, expected: str) -> None:
    assert list_name(parts) == expected


# --- fold ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Müller", "muller"),
        ("Çelik", "celik"),
        ("Ødegaard", "odegaard"),
        ("Ærø", "aero"),
        ("Straße", "strasse"),
        ("Łukasz", "lukasz"),
        ("Björk Gudmundsdóttir", "bjork gudmundsdottir"),
        ("Hélène  Dupré ", "helene dupre"),
        ("Ĳsselmeer", "ijsselmeer"),
        ("", ""),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


# --- sort_key ------------------------------------------------------------------------------------


def test_sort_key_puts_surname_first_without_prefix() -> None:
    key = sort_key(JAN)
    assert key.split("\x01")[:3] == ["berg", "j.p.", "van der"]
    assert key.startswith("berg\x01")


def test_sort_key_strips_diacritics() -> None:
    assert sort_key(NameParts(initials="E.", surname="Çelik")) == sort_key(NameParts(initials="E.", surname="Celik"))
    assert sort_key(NameParts(surname="Müller")).startswith("muller\x01")


def test_sort_key_berg_before_bergen() -> None:
    berg = NameParts(initials="Z.", surname="Berg")
    bergen = NameParts(initials="A.", surname="Bergen")
    assert sort_key(berg) < sort_key(bergen)


def test_sort_key_is_case_insensitive() -> None:
    assert sort_key(NameParts(prefix="Van Der", surname="BERG")) == sort_key(
        NameParts(prefix="van der", surname="Berg")
    )


def test_sorted_list_of_names() -> None:
    people = [
        NameParts(initials="P.", prefix="van", surname="Dijk"),
        NameParts(initials="A.", surname="Bergen"),
        NameParts(initials="J.P.", prefix="van der", surname="Berg"),
        NameParts(initials="E.", surname="Çelik"),
        NameParts(initials="K.", prefix="'t", surname="Hart"),
        NameParts(initials="M.", surname="Ødegaard"),
        NameParts(initials="A.", surname="Berg"),
        NameParts(initials="S.", prefix="de", surname="Vries", partner_surname="Jansen", name_usage="partner_own"),
        NameParts(initials="B.", surname="Cohen"),
        NameParts(initials="T.", prefix="in 't", surname="Veld"),
    ]
    ordered = [list_name(p) for p in sorted(people, key=sort_key)]
    assert ordered == [
        "Berg, A.",
        "Berg, J.P. van der",
        "Bergen, A.",
        "Çelik, E.",
        "Cohen, B.",
        "Dijk, P. van",
        "Hart, K. 't",
        "Jansen-de Vries, S.",
        "Ødegaard, M.",
        "Veld, T. in 't",
    ]


def test_sort_key_same_surname_orders_by_initials_then_prefix() -> None:
    people = [
        NameParts(initials="J.", prefix="van den", surname="Berg"),
        NameParts(initials="J.", surname="Berg"),
        NameParts(initials="A.", prefix="van der", surname="Berg"),
    ]
    assert [formal_name(p) for p in sorted(people, key=sort_key)] == [
        "A. van der Berg",
        "J. Berg",
        "J. van den Berg",
    ]


# --- salutation ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (JAN, "Geachte heer Van der Berg,"),
        (NameParts(prefix="de", surname="Vries", gender="v"), "Geachte mevrouw De Vries,"),
        (NameParts(prefix="de", surname="Vries", gender="V"), "Geachte mevrouw De Vries,"),
        (with_usage(ANNA, "partner_own"), "Geachte mevrouw Jansen-de Vries,"),
        (with_usage(ANNA, "own_partner"), "Geachte mevrouw De Vries-Jansen,"),
        (NameParts(prefix="'t", surname="Hart", gender="m"), "Geachte heer 't Hart,"),
        (SAM, "Beste Sam van der Berg,"),
        (dataclasses.replace(SAM, gender=""), "Beste Sam van der Berg,"),
        (dataclasses.replace(SAM, gender="q"), "Beste Sam van der Berg,"),
        (NameParts(initials="s", prefix="van der", surname="Berg"), "Beste S. van der Berg,"),
        (NameParts(prefix="van der", surname="Berg"), "Beste Van der Berg,"),
        (NameParts(first_name="Sam"), "Beste Sam,"),
        (NameParts(gender="m"), "Geachte heer,"),
        (NameParts(), "Beste lezer,"),
    ],
)
def test_salutation(parts: NameParts, expected: str) -> None:
    assert salutation(parts) == expected


# --- household_salutation / household_addressee --------------------------------------------------

_PIET = NameParts(first_name="Piet", prefix="van der", surname="Berg")
_KLAAS = NameParts(first_name="Klaas", prefix="Van der", surname="Berg")
_FATMA = NameParts(first_name="Fatma", surname="Yilmaz")


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        ([JAN], "Beste familie Van der Berg,"),
        ([JAN, SAM, _PIET, _KLAAS], "Beste familie Van der Berg,"),
        ([JAN, _FATMA], "Beste bewoners,"),
        ([NameParts(surname="Müller"), NameParts(surname="Muller")], "Beste familie Müller,"),
        ([with_usage(ANNA, "partner_own"), NameParts(surname="Jansen")], "Beste bewoners,"),
        ([NameParts(first_name="Sam"), JAN], "Beste familie Van der Berg,"),
        ([], "Beste bewoners,"),
        ([NameParts(first_name="Sam")], "Beste bewoners,"),
    ],
)
def test_household_salutation(members: list[NameParts], expected: str) -> None:
    assert household_salutation(members) == expected


@pytest.mark.parametrize(
    ("members", "street", "expected"),
    [
        ([JAN, SAM], "Dorpsstraat 12a", "Familie Van der Berg"),
        ([JAN], "", "Familie Van der Berg"),
        ([NameParts(prefix="'t", surname="Hart")], "Kerkweg 1", "Familie 't Hart"),
        ([JAN, _FATMA], "Dorpsstraat 12a", "Aan de bewoners van Dorpsstraat 12a"),
        ([JAN, _FATMA], "  Dorpsstraat   12a ", "Aan de bewoners van Dorpsstraat 12a"),
        ([], "Kerkweg 1", "Aan de bewoners van Kerkweg 1"),
        ([JAN, _FATMA], "", "Aan de bewoners"),
    ],
)
def test_household_addressee(members: list[NameParts], street: str, expected: str) -> None:
    assert household_addressee(members, street) == expected


def test_parts_of_reads_records_and_rows_with_gaps():
    from types import SimpleNamespace

    from coop_desk.services.names import parts_of

    row = SimpleNamespace(initials="J.P.", first_name=None, prefix="van der", surname="Berg", name_usage=None)
    parts = parts_of(row)
    assert parts == NameParts(initials="J.P.", prefix="van der", surname="Berg")
    assert formal_name(parts) == "J.P. van der Berg"
