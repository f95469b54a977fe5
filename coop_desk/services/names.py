"""Dutch personal names: parsing, formatting, salutations and sort keys (pure Python, no Qt, no database)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "KNOWN_PREFIXES",
    "NameParts",
    "capitalise_prefix",
    "family_name",
    "fold",
    "formal_name",
    "full_name",
    "household_addressee",
    "household_salutation",
    "list_name",
    "normalise_initials",
    "normalise_prefix",
    "salutation",
    "sort_key",
    "split_surname",
]


@dataclass(frozen=True)
class NameParts:
    """The parts of a Dutch personal name as stored for a person.

    ``name_usage`` follows Dutch *naamgebruik*: ``"own"`` (own surname), ``"partner"``
    (partner's surname), ``"own_partner"`` (own, then partner's) or ``"partner_own"``
    (partner's, then own). ``gender`` is ``"m"``, ``"v"``, ``"x"`` or ``""``; anything but
    ``"m"``/``"v"`` gives a neutral salutation.
    """

    initials: str = ""  # voorletters, e.g. "J.P."
    first_name: str = ""  # roepnaam, e.g. "Jan"
    prefix: str = ""  # tussenvoegsel, e.g. "van der"
    surname: str = ""  # achternaam, e.g. "Berg"
    partner_prefix: str = ""  # partner's tussenvoegsel
    partner_surname: str = ""  # partner's achternaam
    name_usage: str = "own"  # "own" | "partner" | "own_partner" | "partner_own"
    gender: str = ""  # "m" | "v" | "x" | ""


# Lower-case Dutch, Flemish and common foreign tussenvoegsels (after the Dutch BRP table of
# "voorvoegsels"). Deliberately without "a", "al" and "el": those are usually part of the surname.
KNOWN_PREFIXES: frozenset[str] = frozenset(
    {
        # Dutch
        "van", "van de", "van den", "van der", "van het", "van 't", "van 's", "van ter", "van ten",
        "van van de", "van de l'", "van la", "van le", "van des", "van du",
        "de", "den", "der", "des", "het", "'t", "'s", "d'", "s'", "te", "ten", "ter", "tot",
        "in", "in de", "in den", "in der", "in het", "in 't", "in 's", "'in 't",
        "op", "op de", "op den", "op der", "op het", "op 't", "op 's", "op ten", "op gen",
        "uit", "uit de", "uit den", "uit het", "uit 't", "uit te de", "uit ten",
        "uijt", "uijt de", "uijt den", "uijt te de", "uijt ten",
        "aan", "aan de", "aan den", "aan der", "aan het", "aan 't",
        "bij", "bij de", "bij den", "bij het", "bij 't",
        "onder", "onder de", "onder den", "onder het", "onder 't",
        "over", "over de", "over den", "over het", "over 't",
        "voor", "voor de", "voor den", "voor het", "voor 't", "voor in 't",
        "boven d'", "ver", "tho", "thoe", "thor", "to", "toe",
        "de die", "de van der",
        # French / Walloon
        "le", "la", "les", "l'", "du", "de la", "de le", "de l'", "de las", "de die le",
        # German
        "von", "von dem", "von den", "von der", "von 't", "vom", "zu", "zum", "zur", "von und zu",
        "auf", "auf dem", "auf den", "auf der", "aus", "aus dem", "aus den", "aus der",
        "am", "am de", "unter", "vor", "vor der",
        # Italian / Spanish / Portuguese
        "da", "dal", "dalla", "das", "del", "della", "dela", "di", "do", "dos", "las", "lo", "los",
    }
)  # fmt: skip

_APOSTROPHES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_MULTI_LETTER_INITIALS = ("chr", "th", "ch", "ph", "ij")
# Letters that NFKD does not decompose into a base letter plus combining marks.
_FOLD_SPECIAL = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h"}
)
# Words that are never a surname on their own ("van der" is not the surname "der"), unlike
# prefix words such as "Bij" or "Over" that are also real surnames ("de Bij").
_NEVER_SURNAME_WORDS = frozenset({"van", "de", "der", "den", "het", "'t", "'s", "te", "ten", "ter", "d'", "l'", "von"})
_GREETING_BY_GENDER = {"m": "Geachte heer", "v": "Geachte mevrouw"}
_USAGES = ("own", "partner", "own_partner", "partner_own")


def _clean(text: str | None) -> str:
    """Strip ``text``, collapse inner whitespace and straighten apostrophes."""
    if not text:
        return ""
    return " ".join(text.translate(_APOSTROPHES).split())


def _join(*pieces: str) -> str:
    """Join the non-empty pieces with single spaces."""
    return " ".join(p for p in pieces if p)


NAME_FIELDS = (
    "initials",
    "first_name",
    "prefix",
    "surname",
    "partner_prefix",
    "partner_surname",
    "name_usage",
    "gender",
)


def parts_of(record: object) -> NameParts:
    """NameParts from anything carrying the name attributes: an ORM Person or a result row (missing or
    None attributes count as empty; gender may be left out of a row)."""
    values = {field: getattr(record, field, "") or "" for field in NAME_FIELDS}
    values["name_usage"] = values["name_usage"] or "own"
    return NameParts(**values)


def normalise_initials(text: str) -> str:
    """Return voorletters in the standard form: ``"jp"``/``"J. P."`` -> ``"J.P."``.

    The multi-letter initials Th, Ch, Ph, Chr and IJ are kept together (``"th.j."`` ->
    ``"Th.J."``, ``"ij"`` -> ``"IJ."``). Anything other than letters is treated as a separator.
    """
    result: list[str] = []
    for token in re.split(r"[^\w]+|[\d_]+", _clean(text)):
        low = token.lower()
        i = 0
        while i < len(low):
            for multi in _MULTI_LETTER_INITIALS:
                if low.startswith(multi, i):
                    letters = multi
                    break
            else:
                letters = low[i]
            i += len(letters)
            result.append("IJ" if letters == "ij" else letters.capitalize())
    return "".join(f"{letters}." for letters in result)


def normalise_prefix(text: str) -> str:
    """Return a tussenvoegsel lower-case with single spaces and straight apostrophes.

    ``" Van  Der "`` -> ``"van der"``, ``"Van \u2019t"`` -> ``"van 't"``.
    """
    return _clean(text).lower()


def split_surname(full: str) -> tuple[str, str]:
    """Split a written surname into ``(prefix, surname)`` using :data:`KNOWN_PREFIXES`.

    The longest known prefix wins: ``"van der Berg"`` -> ``("van der", "Berg")``,
    ``"Van 't Hof"`` -> ``("van 't", "Hof")``. The prefix comes back normalised, the surname
    as written (whitespace collapsed). An elided prefix glued to the name is split off too
    (``"d'Ancona"`` -> ``("d'", "Ancona")``). The surname is never left empty: when nothing
    would remain, or only bare prefix words would, ``("", full)`` is returned (``"de"`` ->
    ``("", "de")``, ``"van der"`` -> ``("", "van der")``); ``"de Bij"`` still splits.
    """
    cleaned = _clean(full)
    words = cleaned.split(" ")
    for count in range(len(words) - 1, 0, -1):
        candidate = normalise_prefix(" ".join(words[:count]))
        rest_words = {normalise_prefix(word) for word in words[count:]}
        if candidate in KNOWN_PREFIXES and not rest_words <= _NEVER_SURNAME_WORDS:
            return candidate, " ".join(words[count:])
    # "d'Ancona", "l'Abbé": an elision directly attached to the surname.
    match = re.match(r"^([^\W\d_]{1,2}')(\w.*)$", cleaned)
    if match and match.group(1).lower() in KNOWN_PREFIXES:
        return match.group(1).lower(), match.group(2)
    return "", cleaned


def capitalise_prefix(prefix: str) -> str:
    """Give a (normalised) tussenvoegsel its leading capital, as when nothing precedes it.

    ``"van der"`` -> ``"Van der"``, ``"d'"`` -> ``"D'"``. A prefix starting with an apostrophe
    keeps its lower case: ``"'t"`` -> ``"'t"``.
    """
    prefix = normalise_prefix(prefix)
    if not prefix or prefix.startswith("'"):
        return prefix
    return prefix[0].upper() + prefix[1:]


def _usage(parts: NameParts) -> str:
    usage = _clean(parts.name_usage).lower()
    return usage if usage in _USAGES else "own"


def _components(parts: NameParts) -> list[tuple[str, str]]:
    """The ``(prefix, surname)`` pairs making up the family name in use, in order.

    A side without a surname is left out, so a missing partner name falls back to the own name.
    """
    own = (normalise_prefix(parts.prefix), _clean(parts.surname))
    partner = (normalise_prefix(parts.partner_prefix), _clean(parts.partner_surname))
    order = {
        "own": [own],
        "partner": [partner],
        "own_partner": [own, partner],
        "partner_own": [partner, own],
    }[_usage(parts)]
    components = [c for c in order if c[1]]
    if not components:
        components = [c for c in (own, partner) if c[1]][:1]
    return components


def family_name(parts: NameParts, *, capitalise: bool = False) -> str:
    """Return the family name as used per ``name_usage``, tussenvoegsels included.

    ``own`` -> ``"van der Berg"``, ``partner`` -> ``"Jansen"``, ``own_partner`` ->
    ``"van der Berg-Jansen"``, ``partner_own`` -> ``"Jansen-van der Berg"``. With
    ``capitalise=True`` only the first prefix gets a capital (``"Van der Berg-Jansen"``);
    prefixes directly after a hyphen stay lower-case. An empty partner name falls back to the
    own name.
    """
    pieces = []
    for index, (prefix, surname) in enumerate(_components(parts)):
        if capitalise and index == 0:
            prefix = capitalise_prefix(prefix)
        pieces.append(_join(prefix, surname))
    return "-".join(pieces)


def _given(parts: NameParts, *, prefer_first_name: bool) -> str:
    initials = normalise_initials(parts.initials)
    first_name = _clean(parts.first_name)
    if prefer_first_name:
        return first_name or initials
    return initials or first_name


def _with_given(given: str, parts: NameParts) -> str:
    """``given`` followed by the family name; the prefix is capitalised when nothing precedes it."""
    return _join(given, family_name(parts, capitalise=not given))


def formal_name(parts: NameParts) -> str:
    """Return the formal name: initials plus family name, ``"J.P. van der Berg"``.

    Without initials the roepnaam is used (``"Jan van der Berg"``); with neither the family name
    stands alone and its prefix is capitalised (``"Van der Berg"``).
    """
    return _with_given(_given(parts, prefer_first_name=False), parts)


def full_name(parts: NameParts) -> str:
    """Return the everyday name: roepnaam plus family name, ``"Jan van der Berg"``.

    Falls back to the initials, then to the family name alone with a capitalised prefix.
    """
    return _with_given(_given(parts, prefer_first_name=True), parts)


def _list_parts(parts: NameParts) -> tuple[str, str, str]:
    """``(surname part, given, leading prefix)`` for list and sort forms.

    The surname part is the family name in use without its leading prefix, e.g.
    ``"Berg-Jansen"`` for ``"van der Berg-Jansen"``.
    """
    components = _components(parts)
    lead_prefix = components[0][0] if components else ""
    pieces = [components[0][1]] if components else []
    pieces += [_join(prefix, surname) for prefix, surname in components[1:]]
    return "-".join(pieces), _given(parts, prefer_first_name=False), lead_prefix


def list_name(parts: NameParts) -> str:
    """Return the name as shown in sorted lists: ``"Berg, J.P. van der"``.

    Uses the roepnaam when there are no initials (``"Berg, Jan van der"``) and the family name
    in use (``own_partner``: ``"Berg-Jansen, J.P. van der"``).
    """
    surname, given, prefix = _list_parts(parts)
    after = _join(given, prefix)
    if not surname:
        return after
    return f"{surname}, {after}" if after else surname


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Casefold ``text`` and strip diacritics, for comparing and sorting.

    ``"Müller"`` -> ``"muller"``, ``"Ødegaard"`` -> ``"odegaard"``; letters that do not
    decompose (ø, æ, œ, ß, ł, đ, ð, þ, ı) are mapped by hand. Whitespace is collapsed.
    """
    decomposed = unicodedata.normalize("NFKD", _clean(text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold().translate(_FOLD_SPECIAL)


def sort_key(parts: NameParts) -> str:
    """Return a key for ``sorted()`` that orders people the Dutch way.

    Fields, folded and separated by ``"\\x01"`` (sorts before every printable character; PostgreSQL
    text cannot hold NUL), compared bytewise (COLLATE "C" on PostgreSQL): surname in use without its leading prefix,
    initials (or roepnaam), prefix, roepnaam. So ``"van der Berg"`` sorts under B, and
    ``"Berg"`` before ``"Bergen"``.
    """
    surname, given, prefix = _list_parts(parts)
    return "\x01".join(fold(field) for field in (surname, given, prefix, parts.first_name))


def salutation(parts: NameParts) -> str:
    """Return the opening line of a letter to one person.

    ``m``: ``"Geachte heer Van der Berg,"``, ``v``: ``"Geachte mevrouw De Vries,"``. Any other
    gender gives the neutral ``"Beste Sam van der Berg,"`` (roepnaam, else initials). Without a
    family name the gendered forms become ``"Geachte heer,"``/``"Geachte mevrouw,"`` and the
    neutral form uses what name there is, or ``"Beste lezer,"``.
    """
    greeting = _GREETING_BY_GENDER.get(_clean(parts.gender).lower())
    if greeting:
        return f"{_join(greeting, family_name(parts, capitalise=True))},"
    return f"Beste {full_name(parts) or 'lezer'},"


def _household_family_name(family_names: list[NameParts]) -> str:
    """The single family name shared by everyone listed (capitalised), or ``""``."""
    seen: dict[str, str] = {}
    for parts in family_names:
        name = family_name(parts, capitalise=True)
        if name:
            seen.setdefault(fold(name), name)
    return next(iter(seen.values())) if len(seen) == 1 else ""


def household_salutation(family_names: list[NameParts]) -> str:
    """Return the opening line of one letter to a household.

    One family name among the people (compared case- and accent-insensitively) gives
    ``"Beste familie Van der Berg,"``; several, or none, give ``"Beste bewoners,"``.
    """
    name = _household_family_name(family_names)
    return f"Beste familie {name}," if name else "Beste bewoners,"


def household_addressee(family_names: list[NameParts], street_line: str) -> str:
    """Return the addressee line for one letter to a household.

    One family name gives ``"Familie Van der Berg"``; several, or none, give
    ``"Aan de bewoners van {street_line}"`` (just ``"Aan de bewoners"`` without a street line).
    """
    name = _household_family_name(family_names)
    if name:
        return f"Familie {name}"
    return _join("Aan de bewoners van", _clean(street_line)) if _clean(street_line) else "Aan de bewoners"
