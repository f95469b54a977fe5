"""A fictional Dutch demo village (Westerhoek) for an empty database: deterministic per seed, written in bulk."""

from __future__ import annotations

import gc
import math
import random
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate, chain

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.orm import Session

from coop_desk.db.models import (
    CaseEvent,
    Category,
    ContactPerson,
    Contract,
    ContractHistory,
    ContractRate,
    Cooperative,
    HelpCase,
    Household,
    IntakeCall,
    Membership,
    Person,
    PersonRole,
    Phone,
    Provider,
    ProviderContact,
    Referral,
    SelfRelianceScore,
)
from coop_desk.db.models.cases import CASE_STATUSES, call_category, case_category
from coop_desk.services import audit, cases, people_search
from coop_desk.services.cases import LIFE_DOMAINS, ROUTE_LABELS, STATUS_LABELS
from coop_desk.services.context import ServiceContext
from coop_desk.services.demo_groups import groups_step
from coop_desk.services.errors import ServiceError
from coop_desk.services.fulltext import words
from coop_desk.services.names import NameParts, fold, sort_key
from coop_desk.services.people_search import SearchFields
from coop_desk.services.providers import add_months

__all__ = ["DemoPerson", "DemoSummary", "DemoVillage", "fill_demo_village"]


@dataclass(frozen=True)
class DemoSummary:
    people: int
    households: int
    members: int
    volunteers: int
    clients: int
    cases: int = 0  # help requests
    calls: int = 0  # calls at the consultation hour
    rides: int = 0
    meals: int = 0
    jobs: int = 0


@dataclass
class DemoPerson:
    """What later demo steps (calls, help requests, rides, meals, …) may want to know about a generated person."""

    id: int
    household_id: int | None
    gender: str
    birth_date: date
    first_name: str
    name: str  # everyday name, e.g. "Jan van der Berg"
    member: bool
    roles: list[str] = field(default_factory=list)
    phone: str = ""  # first phone (E.164) or ""


@dataclass
class DemoVillage:
    """The generated village so far; every step adds to the database and may read (and extend) this."""

    seed: int
    today: date
    now: datetime
    village: str
    people: list[DemoPerson] = field(default_factory=list)
    households: dict[int, tuple[str, int, str, str]] = field(default_factory=dict)  # street, no, addition, postcode
    # person id -> their contact persons: (name, phone, relation, registered person id or None)
    contacts: dict[int, list[tuple[str, str, str, int | None]]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # what later steps made, e.g. {"cases": 150, "calls": 210}

    def rng(self, step: str) -> random.Random:
        """A generator of its own per step, so that adding a step never changes what the others make."""
        return random.Random(f"coop-desk-demo:{self.seed}:{step}")

    def with_role(self, role: str) -> list[DemoPerson]:
        return [p for p in self.people if role in p.roles]

    @property
    def members(self) -> list[DemoPerson]:
        return [p for p in self.people if p.member]


# A step writes its part of the village: step(session, village, rng). Calls, help requests, rides, meals and
# providers add theirs to _LATER_STEPS; people always come first.
DemoStep = Callable[[Session, DemoVillage, random.Random], None]

VILLAGE = "Westerhoek"

# ---------------------------------------------------------------- word lists

# (street, postcode area, weight): the old centre is 3948, the newer parts and the outskirts 3949.
_STREETS: tuple[tuple[str, str, int], ...] = (
    ("Dorpsstraat", "3948", 10), ("Kerkweg", "3948", 6), ("Kerkplein", "3948", 2), ("Molenlaan", "3948", 6),
    ("Van Limburg Stirumlaan", "3948", 5), ("1e Hogeweg", "3948", 4), ("2e Hogeweg", "3948", 4),
    ("Burgemeester de Withstraat", "3948", 5), ("Schoolstraat", "3948", 4), ("Julianalaan", "3948", 6),
    ("Beatrixlaan", "3948", 5), ("Prins Bernhardlaan", "3948", 4), ("Wilhelminaweg", "3948", 5),
    ("Oranjestraat", "3948", 4), ("De Brink", "3948", 2), ("Brinkweg", "3948", 3), ("Bakkerstraat", "3948", 3),
    ("Smidsteeg", "3948", 1), ("Pastoor van Arsstraat", "3948", 3), ("Dokter Picardtlaan", "3948", 3),
    ("Stationsweg", "3948", 5), ("Achterweg", "3948", 3), ("Nieuwe Steeg", "3948", 2),
    ("Eikenlaan", "3949", 5), ("Beukenlaan", "3949", 5), ("Lindenlaan", "3949", 4), ("Kastanjelaan", "3949", 4),
    ("Berkenhof", "3949", 2), ("Populierenlaan", "3949", 3), ("Esdoornstraat", "3949", 3), ("Meidoornhof", "3949", 2),
    ("Veldweg", "3949", 3), ("Akkerweg", "3949", 3), ("Hoefslag", "3949", 2), ("Langbroekerweg", "3949", 4),
    ("Hoge Dijk", "3949", 2), ("Zandweg", "3949", 3), ("Weteringpad", "3949", 1), ("Boslaan", "3949", 3),
    ("Heidelaan", "3949", 3), ("Westerhoekseweg", "3949", 4), ("Koningin Emmastraat", "3949", 3),
)  # fmt: skip

# (prefix, surname, background, weight); the background picks first names that go with the surname.
_SURNAMES: tuple[tuple[str, str, str, int], ...] = (
    ("", "Jansen", "nl", 8), ("de", "Jong", "nl", 8), ("de", "Vries", "nl", 8), ("van der", "Berg", "nl", 4),
    ("van den", "Berg", "nl", 5), ("van", "Dijk", "nl", 6), ("", "Bakker", "nl", 6), ("", "Janssen", "nl", 4),
    ("", "Visser", "nl", 5), ("", "Smit", "nl", 5), ("", "Meijer", "nl", 5), ("de", "Boer", "nl", 4),
    ("", "Mulder", "nl", 4), ("de", "Groot", "nl", 4), ("", "Bos", "nl", 4), ("", "Vos", "nl", 3),
    ("", "Peters", "nl", 3), ("", "Hendriks", "nl", 3), ("van", "Leeuwen", "nl", 3), ("", "Dekker", "nl", 3),
    ("", "Brouwer", "nl", 3), ("de", "Wit", "nl", 3), ("", "Dijkstra", "nl", 2), ("de", "Graaf", "nl", 3),
    ("van der", "Meer", "nl", 3), ("van der", "Linden", "nl", 2), ("", "Kok", "nl", 3), ("de", "Haan", "nl", 2),
    ("", "Vermeulen", "nl", 3), ("van den", "Heuvel", "nl", 3), ("van der", "Veen", "nl", 2),
    ("van den", "Broek", "nl", 3), ("de", "Bruijn", "nl", 2), ("van der", "Heijden", "nl", 2),
    ("", "Schouten", "nl", 2), ("van", "Beek", "nl", 2), ("", "Willems", "nl", 2), ("van", "Vliet", "nl", 2),
    ("van de", "Ven", "nl", 2), ("", "Hoekstra", "nl", 1), ("", "Verhoeven", "nl", 2), ("", "Koster", "nl", 2),
    ("van", "Dam", "nl", 2), ("van der", "Wal", "nl", 2), ("", "Prins", "nl", 2), ("", "Blom", "nl", 2),
    ("", "Huisman", "nl", 2), ("", "Hoogeveen", "nl", 2), ("van 't", "Hof", "nl", 2), ("in 't", "Veld", "nl", 2),
    ("ter", "Horst", "nl", 2), ("ten", "Brink", "nl", 1), ("van", "Ginkel", "nl", 3), ("van", "Doorn", "nl", 2),
    ("van", "Schaik", "nl", 2), ("", "Hoogendoorn", "nl", 2), ("", "Kuijpers", "nl", 1), ("", "Verbeek", "nl", 2),
    ("van", "Rijn", "nl", 2), ("de", "Ruiter", "nl", 2), ("", "Lagerweij", "nl", 2), ("", "Vonk", "nl", 1),
    ("van", "Essen", "nl", 1), ("op den", "Kamp", "nl", 1), ("", "Veldhuizen", "nl", 2), ("van", "Zuylen", "nl", 1),
    ("", "Slootweg", "nl", 1), ("van", "Wijk", "nl", 2), ("", "Timmer", "nl", 1), ("van 't", "Klooster", "nl", 1),
    ("", "IJzerman", "nl", 1), ("", "Bijl", "nl", 1), ("", "Roodenburg", "nl", 1), ("van", "Os", "nl", 1),
    ("", "Müller", "de", 2), ("", "Schmidt", "de", 1), ("", "Schröder", "de", 1), ("", "Köhler", "de", 1),
    ("", "Çelik", "tr", 1), ("", "Öztürk", "tr", 1), ("", "Yılmaz", "tr", 1), ("", "Demir", "tr", 1),
    ("", "Kaya", "tr", 1), ("", "El Amrani", "ma", 1), ("", "Benali", "ma", 1), ("", "Bouzid", "ma", 1),
    ("", "El Idrissi", "ma", 1),
)  # fmt: skip

_OLD_WOMEN = (
    "Johanna Hendrika Wilhelmina Maria Grietje Anna Cornelia Geertruida Aaltje Elisabeth Catharina Adriana "
    "Jacoba Petronella Gerritje Trijntje Margaretha Jannetje Dirkje Neeltje Alida Hermina Everdina Christina "
    "Riet Truus Bep Greet Nel Corrie Joke Ria Annie Tineke Gerda Ineke Marian Els Hennie Mies Jopie Marijke "
    "Hanneke Ans Lies Dinie Hélène Thea IJda Rina Wies"
).split()
_OLD_MEN = (
    "Cornelis Gerrit Jan Willem Hendrik Johannes Pieter Dirk Jacobus Adrianus Hendrikus Theodorus Gerardus "
    "Antonius Klaas Arie Bert Henk Kees Wim Piet Joop Ton Gert Harm Evert Teun Aart Frans Rien Huib Chris "
    "Theo IJsbrand André René Gijs Wout Jaap Bram Hans Rob"
).split()
_YOUNG_WOMEN = "Sanne Lisa Anouk Esther Marloes Femke Inge Linda Mirjam Karin Sandra Ilse Zoë Eva Noor Fleur Lotte Iris Chloë Petra Monique Wendy".split()  # noqa: E501
_YOUNG_MEN = "Daan Sem Thijs Ruud Erik Mark Jeroen Marco Sander Bas Joost Niels Tim Rick Koen Stijn Jesse Martijn Dennis Arjan".split()  # noqa: E501
_NEUTRAL = "Sam Robin Kim Alex Noa Charlie Jip Lou".split()
_FIRST_NAMES = {
    ("tr", "v"): "Fatma Ayşe Emine Hatice Elif Zeynep".split(),
    ("tr", "m"): "Mehmet Mustafa Ahmet Hasan Hüseyin Emre".split(),
    ("ma", "v"): "Fatima Khadija Aicha Naima Samira Malika".split(),
    ("ma", "m"): "Mohamed Ahmed Abdelkader Youssef Mustapha Rachid".split(),
}

_STREET_DOMAINS = ("example.nl", "example.com", "example.net", "example.org")  # reserved: never a real mailbox
_RELATIONS_CHILD = {"v": ("dochter", "dochter", "schoondochter", "nicht"), "m": ("zoon", "zoon", "schoonzoon", "neef")}
_RELATIONS_OTHER = {"v": ("buurvrouw", "vriendin", "kennis"), "m": ("buurman", "vriend", "kennis")}
# Second and third voorletters come from the usual baptismal names.
_SECOND_NAMES = {
    "m": "Johannes Hendrik Cornelis Maria Gerardus Petrus Jacobus Antonius Wilhelmus Theodorus Adrianus".split(),
    "v": "Maria Johanna Hendrika Wilhelmina Cornelia Elisabeth Geertruida Catharina Anna Petronella".split(),
}
_NOTES = (
    "Slechthorend: rustig en duidelijk praten.",
    "Belt het liefst 's ochtends.",
    "Liever niet bellen tussen 13 en 15 uur (middagrust).",
    "Heeft een reservesleutel bij de buren.",
    "Loopt met een rollator; trap naar de voordeur.",
    "Rijdt zelf geen auto meer.",
    "Kleine hond, vriendelijk.",
    "Dochter regelt de post en de bankzaken.",
    "Leest slecht; brieven graag in grote letters.",
    "Eet vegetarisch.",
    "Diabetes: let op bij de maaltijden.",
    "Spreekt beter Duits dan Nederlands.",
    "Wil graag meer mensen ontmoeten; koffieochtend voorgesteld.",
    "Partner is in 2024 overleden.",
)

# ---------------------------------------------------------------- generating people


def _initial(name: str) -> str:
    low = name.lower()
    for multi in ("chr", "th", "ch", "ph", "ij"):
        if low.startswith(multi):
            return ("IJ" if multi == "ij" else multi.capitalize()) + "."
    return name[0].upper() + "."


def _day_in(rng: random.Random, first_year: float, last_year: float) -> date:
    start = date(int(first_year), 1, 1)
    end = date(int(last_year), 12, 31)
    return start + timedelta(days=rng.randrange((end - start).days + 1))


def _plus_years(day: date, years: int) -> date:
    return date(day.year + years, day.month, min(day.day, 28))


@dataclass
class _Address:
    street: str
    area: str
    next_number: int = 1
    last_plain: int = 0
    used: set[tuple[int, str]] = field(default_factory=set)
    flats: list[tuple[int, str]] = field(default_factory=list)


class _Builder:
    """Collects the rows of every table as dicts, with primary keys assigned here, for bulk inserts."""

    def __init__(self, rng: random.Random, village: DemoVillage, first_ids: dict[str, int]):
        self.rng = rng
        self.v = village
        self.ids = dict(first_ids)
        self.households: list[dict] = []
        self.persons: list[dict] = []
        self.phones: list[dict] = []
        self.roles: list[dict] = []
        self.memberships: list[dict] = []
        self.contacts: list[dict] = []
        self.person_phones: dict[int, list[str]] = {}
        self.rows: dict[int, dict] = {}
        self.backgrounds: dict[int, str] = {}
        self.used_numbers: set[str] = set()
        self.used_emails: set[str] = set()
        self.streets = [_Address(name, area, rng.choice((1, 1, 2, 3))) for name, area, _w in _STREETS]
        self.street_weights = list(accumulate(w for _n, _a, w in _STREETS))
        self.surname_weights = list(accumulate(w for *_x, w in _SURNAMES))
        self.postcodes: dict[tuple[int, int], str] = {}
        self.pair_cursor: dict[str, int] = {}
        self.by_id: dict[int, DemoPerson] = {}
        self.founded = min(date(2012, 9, 1), village.today - timedelta(days=365))

    def next_id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    # ---- addresses

    def _postcode(self, street_index: int, number: int) -> str:
        key = (street_index, (number - 1) // 30)
        code = self.postcodes.get(key)
        if code is None:
            area = int(self.streets[street_index].area)
            while True:
                cursor = self.pair_cursor.get(str(area), -1) + 1 + (self.rng.random() < 0.3)
                while cursor < 676 and _blocked_pair(cursor):
                    cursor += 1
                if cursor < 676:
                    break
                self.pair_cursor[str(area)] = 676
                area += 2  # this area is full: continue in a neighbouring one
            self.pair_cursor[str(area)] = cursor
            code = f"{area} {chr(65 + cursor // 26)}{chr(65 + cursor % 26)}"
            self.postcodes[key] = code
        return code

    def _address(self) -> tuple[str, int, str, str]:
        rng = self.rng
        index = rng.choices(range(len(self.streets)), cum_weights=self.street_weights)[0]
        s = self.streets[index]
        roll = rng.random()
        number, addition = 0, ""
        if s.flats:
            number, addition = s.flats.pop()
        elif roll < 0.06 and s.last_plain:
            letter = next((c for c in "abcd" if (s.last_plain, c) not in s.used), "")
            if letter:
                number, addition = s.last_plain, letter
        elif roll < 0.075 and s.last_plain and (s.last_plain, "bis") not in s.used:
            number, addition = s.last_plain, "bis"
        elif roll < 0.11:
            number = s.next_number
            s.next_number += rng.choice((1, 2))
            s.flats = [(number, str(floor)) for floor in range(rng.randint(3, 6), 1, -1)]
            addition = "1"
        if not number:
            number = s.next_number
            s.last_plain = number
            s.next_number += rng.choice((1, 1, 2, 2, 3))
        s.used.add((number, addition))
        return s.street, number, addition, self._postcode(index, number)

    def household(self) -> int:
        hid = self.next_id("household")
        street, number, addition, postcode = self._address()
        self.households.append(
            {
                "id": hid,
                "street": street,
                "house_number": number,
                "house_number_addition": addition,
                "postcode": postcode,
                "city": VILLAGE,
                "country": "NL",
                "created_at": self.v.now,
            }
        )
        self.v.households[hid] = (street, number, addition, postcode)
        return hid

    # ---- phones and e-mail

    def _unique_number(self, prefix: str, digits: int, first: str) -> str:
        while True:
            number = prefix + self.rng.choice(first) + "".join(self.rng.choices("0123456789", k=digits - 1))
            if number not in self.used_numbers:
                self.used_numbers.add(number)
                return number

    def landline(self) -> str:
        return self._unique_number("+31343", 6, "45678")

    def mobile(self) -> str:
        return self._unique_number("+316", 8, "12345")

    def _email(self, first_name: str, prefix: str, surname: str) -> str:
        rng = self.rng
        local_name = "".join(ch for ch in fold(prefix + surname) if ch.isalnum())
        first = "".join(ch for ch in fold(first_name) if ch.isalnum())
        local = rng.choice((f"{first[:1]}.{local_name}", f"{first}.{local_name}", f"{first}{local_name}"))
        domain = rng.choice(_STREET_DOMAINS)
        email, n = f"{local}@{domain}", 1
        while email in self.used_emails:
            n += 1
            email = f"{local}{n}@{domain}"
        self.used_emails.add(email)
        return email

    # ---- names

    def surname(self) -> tuple[str, str, str]:
        prefix, surname, background, _w = self.rng.choices(_SURNAMES, cum_weights=self.surname_weights)[0]
        return prefix, surname, background

    def first_name(self, gender: str, birth: date, background: str) -> str:
        rng = self.rng
        if gender == "x":
            return rng.choice(_NEUTRAL)
        sex = "m" if gender == "m" else "v"
        if background in ("tr", "ma") and rng.random() < 0.85:
            return rng.choice(_FIRST_NAMES[(background, sex)])
        young = birth.year >= 1965 or (birth.year >= 1955 and rng.random() < 0.3)
        if young:
            return rng.choice(_YOUNG_MEN if sex == "m" else _YOUNG_WOMEN)
        return rng.choice(_OLD_MEN if sex == "m" else _OLD_WOMEN)

    def initials(self, first_name: str, gender: str) -> str:
        rng = self.rng
        initials = _initial(first_name)
        roll = rng.random()
        extra = 0 if roll < 0.55 else 1 if roll < 0.9 else 2
        pool = _SECOND_NAMES["m" if gender == "m" else "v"]
        for name in rng.sample(pool, extra):
            initials += _initial(name)
        return initials

    # ---- people

    def person(
        self,
        *,
        gender: str,
        birth: date,
        household_id: int | None,
        prefix: str,
        surname: str,
        background: str,
        partner: tuple[str, str] = ("", ""),
        name_usage: str = "own",
        phones: Sequence[str] = (),
        email_chance: float = 0.3,
        note_chance: float = 0.05,
        member: bool = False,
    ) -> DemoPerson:
        rng = self.rng
        pid = self.next_id("person")
        first = self.first_name(gender, birth, background)
        initials = self.initials(first, gender)
        if name_usage != "own" and not partner[1]:
            name_usage = "own"
        parts = NameParts(initials, first, prefix, surname, partner[0], partner[1], name_usage, gender)
        email = self._email(first, prefix, surname) if rng.random() < email_chance else ""
        row = {
            "id": pid,
            "initials": initials,
            "first_name": first,
            "prefix": prefix,
            "surname": surname,
            "partner_prefix": partner[0] if name_usage != "own" else "",
            "partner_surname": partner[1] if name_usage != "own" else "",
            "name_usage": name_usage,
            "gender": gender,
            "birth_date": birth,
            "email": email,
            "notes": rng.choice(_NOTES) if rng.random() < note_chance else "",
            "household_id": household_id,
            "sort_key": sort_key(parts)[:200],
            "version": 1,
            "created_at": self.v.now,
            "updated_at": self.v.now,
        }
        self.persons.append(row)
        self.rows[pid] = row
        self.backgrounds[pid] = background
        for position, number in enumerate(phones):
            label = "vast" if number.startswith("+31343") else "mobiel"
            self.phones.append(
                {"id": self.next_id("phone"), "person_id": pid, "number": number, "label": label, "position": position}
            )
        self.person_phones[pid] = list(phones)
        family = " ".join(p for p in (prefix, surname) if p)
        demo = DemoPerson(
            pid, household_id, gender, birth, first, f"{first} {family}", member, phone=next(iter(phones), "")
        )
        self.v.people.append(demo)
        self.by_id[pid] = demo
        return demo

    def personal_phones(self, birth: date, landline: str = "") -> list[str]:
        rng = self.rng
        chance = 0.3 if birth.year < 1940 else 0.6 if birth.year < 1955 else 0.92
        mobile = self.mobile() if rng.random() < chance or not landline and rng.random() < 0.8 else ""
        if birth.year >= 1960:
            return [n for n in (mobile, landline) if n]
        return [n for n in (landline, mobile) if n]

    def until(self, since: date) -> date | None:
        """A few memberships have ended (moved away, died): the end lies between the start and yesterday."""
        if self.rng.random() < 0.04 and since < self.v.today:
            return since + timedelta(days=self.rng.randrange((self.v.today - since).days))
        return None

    def membership(self, person: DemoPerson, kind: str, since: date, until: date | None, fee: int) -> None:
        self.memberships.append(
            {
                "id": self.next_id("membership"),
                "person_id": person.id,
                "kind": kind,
                "since": since,
                "until": until,
                "yearly_fee_cents": fee,
            }
        )

    def since(self, *births: date) -> date:
        today = self.v.today
        low = max([self.founded, *(_plus_years(b, 18) for b in births)])
        if low >= today:
            return today
        return low + timedelta(days=self.rng.randrange((today - low).days + 1))

    def role(self, person: DemoPerson, role: str) -> None:
        if role not in person.roles:
            person.roles.append(role)
            self.roles.append({"person_id": person.id, "role": role})

    def contact(self, person: DemoPerson, name: str, phone: str, relation: str, contact_id: int | None = None) -> None:
        self.contacts.append(
            {
                "id": self.next_id("contact_person"),
                "person_id": person.id,
                "contact_id": contact_id,
                "name": name,
                "phone": phone,
                "relation": relation,
                "may_call": True,
            }
        )
        self.v.contacts.setdefault(person.id, []).append((name, phone, relation, contact_id))


def _blocked_pair(cursor: int) -> bool:
    return f"{chr(65 + cursor // 26)}{chr(65 + cursor % 26)}" in ("SA", "SD", "SS")


def _birth(rng: random.Random, low: float, high: float, mode: float, today: date) -> date:
    year = rng.triangular(low, high, mode)
    year = min(year, today.year - 19)
    return _day_in(rng, year, year)


def _member_households(b: _Builder, members: int) -> None:
    rng, today = b.rng, b.v.today
    made = 0
    while made < members:
        couple = members - made >= 2 and rng.random() < 0.5
        if made == 0:
            prefix, surname, background = "", "Müller", "de"  # every demo village has a Müller to search for
        else:
            prefix, surname, background = b.surname()
        if rng.random() < 0.92:
            birth = _birth(rng, 1928, 1972, 1946, today)
        else:
            birth = _birth(rng, 1966, 1998, 1980, today)
        hid = b.household()
        landline = b.landline() if rng.random() < (0.75 if birth.year < 1960 else 0.3) else ""
        old = birth.year < 1960
        email_chance = 0.25 if old else 0.8
        if not couple:
            gender = rng.choices(("v", "m", "x"), (64, 35, 1))[0]
            partner, usage = ("", ""), "own"
            if gender == "v" and old and rng.random() < 0.25:
                partner_prefix, partner_surname, _bg = b.surname()
                partner, usage = (partner_prefix, partner_surname), rng.choice(("partner_own", "partner"))
            p = b.person(
                gender=gender,
                birth=birth,
                household_id=hid,
                prefix=prefix,
                surname=surname,
                background=background,
                partner=partner,
                name_usage=usage,
                phones=b.personal_phones(birth, landline),
                email_chance=email_chance,
                member=True,
            )
            since = b.since(birth)
            b.membership(p, "single", since, b.until(since), 2500)
            made += 1
            continue
        genders = rng.choices((("m", "v"), ("v", "v"), ("m", "m"), ("m", "x")), (95, 2, 2, 1))[0]
        birth2 = birth + timedelta(days=rng.randint(-6 * 365, 3 * 365))
        birth2 = min(birth2, _plus_years(today, -19))
        p2_prefix, p2_surname, p2_background = b.surname()
        if background in ("tr", "ma") and rng.random() < 0.8:
            while p2_background != background:
                p2_prefix, p2_surname, p2_background = b.surname()
        first = b.person(
            gender=genders[0],
            birth=birth,
            household_id=hid,
            prefix=prefix,
            surname=surname,
            background=background,
            phones=b.personal_phones(birth, landline),
            email_chance=email_chance,
            member=True,
        )
        usage = "own"
        if genders == ("m", "v"):
            weights = (45, 30, 15, 10) if old else (80, 10, 5, 5)
            usage = rng.choices(("own", "partner_own", "partner", "own_partner"), weights)[0]
        second = b.person(
            gender=genders[1],
            birth=birth2,
            household_id=hid,
            prefix=p2_prefix,
            surname=p2_surname,
            background=p2_background,
            partner=(prefix, surname),
            name_usage=usage,
            phones=b.personal_phones(birth2, landline),
            email_chance=email_chance,
            member=True,
        )
        since = b.since(birth, birth2)
        until = b.until(since)
        b.membership(first, "household", since, until, 3500)
        b.membership(second, "household", since, until, 0)  # the household pays once
        made += 2


def _single_outsider(b: _Builder, birth: date, *, village: bool = True, surname: tuple[str, str, str] | None = None):
    rng = b.rng
    prefix, name, background = surname or b.surname()
    gender = rng.choices(("v", "m", "x"), (58, 39, 3))[0]
    old = birth.year < 1955
    landline = b.landline() if old and rng.random() < 0.6 else ""
    return b.person(
        gender=gender,
        birth=birth,
        household_id=b.household() if village else None,
        prefix=prefix,
        surname=name,
        background=background,
        phones=b.personal_phones(birth, landline) or [b.mobile()],
        email_chance=0.2 if old else 0.85,
        note_chance=0.15 if old else 0.03,
    )


def _roles(b: _Builder, members: int) -> None:
    """Non-members (outside volunteers, clients, carers) and the volunteer/client/carer roles."""
    rng, today = b.rng, b.v.today
    outsiders = max(1, round(members * 0.1))
    total = members + outsiders
    carers_out = round(total * 0.04 * 0.6)
    clients_out = round(total * 0.10 * 0.25)
    volunteers_out = max(0, outsiders - carers_out - clients_out)
    carers_out = outsiders - clients_out - volunteers_out

    member_people = list(b.v.people)
    for _ in range(clients_out):
        b.role(_single_outsider(b, _birth(rng, 1926, 1962, 1938, today)), "client")
    for _ in range(volunteers_out):
        b.role(_single_outsider(b, _birth(rng, 1948, 2004, 1958, today)), "volunteer")

    # Volunteers among the members: mostly the younger ones (the 'young old' drive and cook).
    volunteers_target = round(total * 0.08)
    candidates = sorted(member_people, key=lambda p: (p.birth_date, p.id), reverse=True)
    pool = candidates[: max(1, len(candidates) // 2)]
    for p in rng.sample(pool, min(len(pool), max(0, volunteers_target - volunteers_out))):
        b.role(p, "volunteer")
    # Clients among the members: the older half, never someone who volunteers.
    clients_target = round(total * 0.10)
    pool = [p for p in reversed(candidates[len(candidates) // 2 :]) if "volunteer" not in p.roles]
    for p in rng.sample(pool, min(len(pool), max(0, clients_target - clients_out))):
        b.role(p, "client")

    # Carers: children (or friends) from outside, registered, linked as contact person of a client.
    clients = sorted(b.v.with_role("client"), key=lambda p: p.id)
    cared = rng.sample(clients, min(len(clients), carers_out))
    for client in cared:
        child = rng.random() < 0.75
        client_row = b.rows[client.id]
        surname = None
        if child and rng.random() < 0.6:
            surname = (client_row["prefix"], client_row["surname"], b.backgrounds[client.id])
        carer = _single_outsider(b, _birth(rng, 1950, 1995, 1966, today), village=rng.random() < 0.55, surname=surname)
        b.role(carer, "carer")
        sex = "m" if carer.gender == "m" else "v"
        relation = rng.choice(_RELATIONS_CHILD[sex] if child else _RELATIONS_OTHER[sex])
        b.contact(client, carer.name, carer.phone or b.mobile(), relation, carer.id)
    for _ in range(carers_out - len(cared)):  # more carers than clients (tiny villages)
        b.role(_single_outsider(b, _birth(rng, 1950, 1995, 1966, today)), "carer")

    # A partner often cares for the other: mantelzorger within the household.
    carers_target = round(total * 0.04)
    carers = len(b.v.with_role("carer"))
    by_household: dict[int, list[DemoPerson]] = {}
    for p in member_people:
        by_household.setdefault(p.household_id or 0, []).append(p)
    for client in clients:
        if carers >= carers_target:
            break
        partners = [o for o in by_household.get(client.household_id or 0, []) if o is not client]
        if partners and "client" not in partners[0].roles and rng.random() < 0.5:
            b.role(partners[0], "carer")
            carers += 1


def _contacts(b: _Builder) -> None:
    """Unregistered contact persons (a daughter, a neighbour) for about 15% of the people, the oldest first."""
    rng = b.rng
    linked = {c["person_id"] for c in b.contacts}
    oldest = sorted(b.v.people, key=lambda p: (p.birth_date, p.id))[: len(b.v.people) // 2]
    pool = [p for p in oldest if p.id not in linked]
    wanted = max(0, round(len(b.v.people) * 0.15) - len(linked))
    for person in sorted(rng.sample(pool, min(len(pool), wanted)), key=lambda p: p.id):
        for _ in range(rng.choices((1, 2), (80, 20))[0]):
            sex = rng.choice("mv")
            if rng.random() < 0.7:
                relation = rng.choice(_RELATIONS_CHILD[sex][:3])
                row = b.rows[person.id]
                prefix, surname = (row["prefix"], row["surname"]) if rng.random() < 0.6 else b.surname()[:2]
            else:
                relation = rng.choice(_RELATIONS_OTHER[sex])
                prefix, surname, _bg = b.surname()
            first = rng.choice(_YOUNG_MEN if sex == "m" else _YOUNG_WOMEN)
            b.contact(person, " ".join(x for x in (first, prefix, surname) if x), b.mobile(), relation)


def _documents(b: _Builder) -> dict[int, str]:
    households = {h["id"]: h for h in b.households}
    documents = {}
    for row in b.persons:
        h = households.get(row["household_id"])
        documents[row["id"]] = people_search.build_document(
            SearchFields(
                initials=row["initials"],
                first_name=row["first_name"],
                prefix=row["prefix"],
                surname=row["surname"],
                partner_prefix=row["partner_prefix"],
                partner_surname=row["partner_surname"],
                street=h["street"] if h else "",
                house_number=h["house_number"] if h else None,
                house_number_addition=h["house_number_addition"] if h else "",
                postcode=h["postcode"] if h else "",
                city=h["city"] if h else "",
                phones=b.person_phones[row["id"]],
                email=row["email"],
            )
        )
    return documents


# ---------------------------------------------------------------- writing

_TABLES = {
    "household": Household,
    "person": Person,
    "phone": Phone,
    "membership": Membership,
    "contact_person": ContactPerson,
}


def _cooperative(session: Session) -> None:
    values = dict(
        name=f"Zorgcoöperatie {VILLAGE}",
        village=VILLAGE,
        street="Dorpsstraat",
        house_number="21",
        postcode="3948 CK",
        city=VILLAGE,
        phone="+31343452100",
        email="info@westerhoekzorgt.example",
        website="https://www.westerhoekzorgt.example",
        iban="NL91ABNA0417164300",
        kvk="64027519",
    )
    row = session.get(Cooperative, 1)
    if row is None:
        session.add(Cooperative(id=1, **values))
    elif not row.name:  # never overwrite details someone entered
        for key, value in values.items():
            setattr(row, key, value)


def _write_people(session: Session, b: _Builder) -> None:
    postgres = session.get_bind().dialect.name == "postgresql"
    for rows, model in (
        (b.households, Household),
        (b.persons, Person),
        (b.phones, Phone),
        (b.roles, PersonRole),
        (b.memberships, Membership),
        (b.contacts, ContactPerson),
    ):
        if rows:
            session.execute(insert(model.__table__), rows)  # Core executemany: one batch per table
    people_search.write_documents(session, _documents(b))
    if postgres:  # ids were given here: move the sequences past them
        for table in _TABLES:
            session.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")
            )


def _people_step(members: int) -> DemoStep:
    def step(session: Session, village: DemoVillage, rng: random.Random) -> None:
        first_ids = {t: session.scalar(select(func.coalesce(func.max(m.id), 0))) or 0 for t, m in _TABLES.items()}
        b = _Builder(rng, village, first_ids)
        _member_households(b, members)
        _roles(b, members)
        _contacts(b)
        _write_people(session, b)

    return step


# ---------------------------------------------------------------- help requests and calls: word lists

# The dorpsondersteuners: (name, weight, days since they started; None = from the beginning).
_HANDLERS: tuple[tuple[str, int, int | None], ...] = (("Marieke", 5, None), ("Joost", 3, None), ("Annelies", 3, 240))
# (the last one started most recently)
_SPAN_DAYS = 730  # help requests and calls lie in the last two years

# Filled into the templates below; {mevr} (mevrouw/meneer/first name) and {haar} (haar/zijn/hun) follow the client.
_SLOTS: dict[str, tuple[str, ...]] = {
    "hospital": (
        "ziekenhuis Zeist", "het Diakonessenhuis in Zeist", "het UMC Utrecht", "Meander in Amersfoort",
        "het St. Antonius in Utrecht", "de polikliniek in Doorn", "het Diakonessenhuis in Utrecht",
    ),
    "purpose": (
        "controle", "een oogonderzoek", "bloedprikken", "de cardioloog", "een MRI-scan", "de staaroperatie",
        "de geriater", "een gehoortest", "de longarts", "de orthopeed", "de dermatoloog", "een nacontrole",
    ),
    "near": (
        "de huisarts", "de tandarts in Doorn", "de fysiotherapeut", "de apotheek", "de pedicure", "de kapper",
        "het gezondheidscentrum in Driebergen", "de opticien in Zeist", "de audicien",
    ),
    "weekday": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"),
    "time": ("9.00 uur", "9.30 uur", "10.15 uur", "11.00 uur", "11.45 uur", "13.30 uur", "14.15 uur", "15.00 uur"),
    "town": ("Zeist", "Doorn", "Driebergen", "Bunnik", "Amersfoort", "Utrecht", "Leersum", "Wijk bij Duurstede"),
    "since": (
        "sinds het overlijden van de partner", "sinds de verhuizing van de kinderen", "sinds de heupoperatie",
        "sinds de val in de badkamer", "sinds het autorijden niet meer gaat", "sinds de beroerte",
    ),
    "aid": ("rollator", "rolstoel", "scootmobiel", "wandelstok", "looprek"),
    "job": (
        "Tuin moet winterklaar", "Heg snoeien en tuin opruimen", "Lamp in de gang vervangen", "Gordijnrails ophangen",
        "Lekkende kraan in de keuken", "Rookmelder ophangen", "Dakgoot schoonmaken", "Kast in elkaar zetten",
        "Fietsband plakken", "Schilderijen ophangen na verhuizing", "Bladeren ruimen", "Schutting repareren",
        "Zonnescherm vastzetten", "Klemmende voordeur", "Grasmaaien in de zomer", "Vogelhuisje ophangen",
    ),
    "meal": ("de gezamenlijke maaltijd", "de soepmiddag", "de stamppotavond", "de kerstmaaltijd", "de zomerbarbecue"),
    "diet": ("zoutarm", "suikerarm (diabetes)", "glutenvrij", "vegetarisch", "zacht voedsel", "zonder varkensvlees"),
    "form": (
        "de WMO-aanvraag", "de aanvraag voor een scootmobiel", "de huurtoeslag", "de zorgtoeslag",
        "de aanvraag voor een gehandicaptenparkeerkaart", "het formulier van het CAK", "de belastingaangifte",
    ),
    "aidwmo": ("een traplift", "een scootmobiel", "een douchestoel", "een rolstoel", "beugels in de badkamer"),
    "activity": (
        "de koffieochtend in het Dorpshuis", "de biljartclub", "het zangkoor", "de handwerkmiddag",
        "de wandelgroep", "het geheugencafé", "de spelletjesmiddag", "de leesclub in de bibliotheek",
    ),
    "sport": ("stoelgym", "Meer Bewegen voor Ouderen", "de valpreventiecursus In Balans", "de fietsgroep", "aquagym"),
    "chore": ("stofzuigen", "de ramen lappen", "het bed verschonen", "de was doen", "de badkamer schoonmaken"),
    "care": (
        "hulp bij het douchen", "steunkousen aan- en uittrekken", "medicijnen uitzetten", "wondverzorging",
        "hulp bij het aankleden",
    ),
    "admin": (
        "de post en de rekeningen", "de belastingaangifte", "een betalingsachterstand", "de bankzaken via internet",
        "het opzeggen van abonnementen", "kwijtschelding van de gemeentelijke belastingen",
    ),
    "device": (
        "de nieuwe smartphone", "de tablet", "DigiD", "de app van de huisarts", "beeldbellen met de kleinkinderen",
    ),
    "family": ("dochter", "zoon", "schoondochter", "buurvrouw", "kleinzoon", "partner"),
}  # fmt: skip

_TITLES: dict[str, tuple[str, ...]] = {
    "vervoer": (
        "Vervoer naar {hospital} voor {purpose}", "Vervoer naar {hospital} voor {purpose}",
        "Rit naar {near} op {weekday}", "Zoekt vervoer naar {near}", "Boodschappenrit naar {town} op {weekday}",
        "Rolstoelvervoer naar {hospital} nodig", "Vaste rit naar de dagbesteding in {town}",
        "Vervoer naar een begrafenis in {town}",
    ),
    "maaltijden": (
        "Wil graag mee-eten op {weekday}", "Warme maaltijd thuis na ziekenhuisopname", "Dieetmaaltijd gewenst: {diet}",
        "Kookt niet meer zelf, zoekt maaltijdservice", "Aanmelding voor {meal}", "Vervoer naar {meal} op {weekday}",
    ),
    "klussen": ("{job}", "{job}", "{job}", "Klusje in huis: {job}"),
    "ontmoeting": (
        "Voelt zich eenzaam {since}", "Zoekt gezelschap, komt weinig buiten", "Wil graag naar {activity}",
        "Zoekt een maatje om mee te wandelen", "Wil graag een vaste bezoeker", "Zoekt contact met dorpsgenoten",
    ),
    "bewegen": (
        "Wil meedoen met {sport} op {weekday}", "Zoekt beweeggroep na de heupoperatie", "Belangstelling voor {sport}",
        "Wandelgroep op {weekday}ochtend", "Wil weer in beweging komen {since}",
    ),
    "huishoudelijke_hulp": (
        "Hulp in de huishouding nodig na een val", "Kan {chore} niet meer zelf", "Huishoudelijke hulp aanvragen",
        "Was en strijk worden te zwaar", "Tijdelijke hulp in huis {since}",
    ),
    "persoonlijke_verzorging": (
        "Vraag om {care}", "Thuiszorg na ontslag uit {hospital}", "Vraag om {care} na de operatie",
        "Persoonlijke verzorging wordt te zwaar voor de partner",
    ),
    "wmo": (
        "Zoekt hulp bij het invullen van {form}", "Vraag over {aidwmo} via de WMO",
        "{aidwmo} aanvragen bij de gemeente",
        "Keukentafelgesprek WMO voorbereiden", "Bezwaar tegen besluit WMO-aanvraag",
    ),
    "mantelzorg": (
        "Mantelzorger zoekt ondersteuning", "Partner is overbelast, zoekt respijtzorg",
        "Mantelzorger wil even op adem komen",
        "Vraag over de mantelzorgwaardering", "{family} zoekt ondersteuning bij de dagelijkse zorg",
    ),
    "wonen": (
        "Wil langer thuis blijven wonen: woningaanpassing", "Zoekt een seniorenwoning in het dorp",
        "Drempels weghalen en beugels in de badkamer", "Vraag over verhuizen naar een aanleunwoning",
        "Valgevaar in huis: trap en losse kleden",
    ),
    "geldzaken": (
        "Hulp bij {admin}", "Zoekt hulp bij de thuisadministratie", "Post en rekeningen lopen achter",
        "Aanvraag bijzondere bijstand", "Vraag over {admin}",
    ),
    "overig": (
        "Hulp met {device}", "Huisdier verzorgen tijdens ziekenhuisopname", "Informatie over het levenstestament",
        "Vraag over {device}", "Sleutelkastje bij de voordeur",
    ),
}  # fmt: skip

# The note of the first call: what was asked, in the desk's words.
_CALL_NOTES: dict[str, tuple[str, ...]] = {
    "vervoer": (
        "Moet {weekday} om {time} naar {hospital} voor {purpose}. Rijdt zelf geen auto meer; kinderen werken.",
        "Moet naar {hospital}. Loopt met een {aid}, heeft hulp nodig bij in- en uitstappen.",
        "Vraagt of er een chauffeur is voor {near}; de bus rijdt niet meer door het dorp.",
        "Wil graag mee met de boodschappenrit naar {town}. Heeft {since} geen vervoer meer.",
    ),
    "maaltijden": (
        "Eet vaak alleen en kookt nauwelijks meer. Wil graag aanschuiven bij {meal} op {weekday}.",
        "Is net thuis uit {hospital} en kan een paar weken niet koken. Dieet: {diet}.",
        "Vraagt naar de maaltijdservice; het koken lukt niet meer {since}.",
    ),
    "klussen": (
        "{job}. Kan zelf niet meer op de trap of ladder staan.",
        "Vraagt of iemand van de klusgroep kan helpen: {job}. Materiaal is er.",
        "{job}. Zoon woont in {town} en heeft geen tijd.",
    ),
    "ontmoeting": (
        "Klinkt somber, komt weinig buiten {since}. Zou graag naar {activity} gaan, maar durft niet alleen.",
        "Voelt zich eenzaam, kinderen wonen ver weg. Vraagt of er iemand langs kan komen voor een kopje koffie.",
        "Zoekt gezelschap; vroeger actief bij {activity}. Wil graag weer meedoen.",
    ),
    "bewegen": (
        "Wil graag meedoen met {sport}; is bang om te vallen {since}.",
        "Huisarts adviseert meer te bewegen. Vraagt naar {sport} op {weekday}.",
    ),
    "huishoudelijke_hulp": (
        "Kan {chore} niet meer zelf {since}. Vraagt hoe je huishoudelijke hulp krijgt.",
        "Het huis wordt rommelig; {chore} lukt niet meer. Wil liever niet naar de gemeente.",
    ),
    "persoonlijke_verzorging": (
        "Heeft {care} nodig {since}. Partner kan het niet meer alleen.",
        "Komt binnenkort thuis uit {hospital}; vraagt om {care}.",
    ),
    "wmo": (
        "Zoekt hulp bij het invullen van {form}; vindt de formulieren lastig.",
        "Wil {aidwmo} aanvragen. Weet niet hoe dat bij de gemeente gaat.",
        "Heeft een brief van de gemeente gekregen over {form} en begrijpt die niet.",
    ),
    "mantelzorg": (
        "Zorgt al jaren voor de partner en is doodmoe. Zoekt iemand die af en toe een middag overneemt.",
        "{family} belt over de zorg; wil weten welke ondersteuning er is voor mantelzorgers.",
    ),
    "wonen": (
        "Wil graag in het eigen huis blijven wonen, maar de trap wordt lastig {since}.",
        "Vraagt naar seniorenwoningen in het dorp; het huis is te groot geworden.",
    ),
    "geldzaken": (
        "Heeft hulp nodig bij {admin}; de partner deed dat altijd.",
        "Er liggen ongeopende brieven. Vraagt om hulp bij {admin}.",
    ),
    "overig": (
        "Vraagt om hulp met {device}; de kleinkinderen wonen ver weg.",
        "Heeft een vraag waar niemand het antwoord op weet; belt het dorpsloket.",
    ),
}  # fmt: skip

_EXTRA_NOTE = (
    "", "", "", "", "Slechthorend: rustig en duidelijk praten.", "Woont alleen.", "Loopt met een {aid}.",
    "Graag 's ochtends bellen.", "{family} is op de hoogte.", "Heeft een hond.", "Kinderen wonen in {town}.",
)  # fmt: skip

_UPDATES = (
    "{mevr} teruggebeld; afspraak gemaakt voor {weekday}.", "Huisbezoek afgelegd, kopje koffie gedronken.",
    "Gebeld met de {family}; die regelt het verder mee.", "Geen gehoor, morgen opnieuw proberen.",
    "Voicemail ingesproken.", "{mevr} is tevreden over de hulp tot nu toe.",
    "Vrijwilliger gevonden, kennismaking op {weekday}.", "Overleg met de huisarts gehad.",
    "Informatie per post gestuurd, in grote letters.", "Vrijwilliger is geweest, alles ging goed.",
    "Afspraak verzet naar {weekday} om {time}.", "{mevr} belde zelf om te vragen hoe het staat.",
    "Samen de mogelijkheden doorgenomen aan de keukentafel.", "Wachten op antwoord.",
    "Even bijgepraat; het gaat wat beter.", "Vrijwilliger heeft laten weten dat het is gelukt.",
)  # fmt: skip

# Why a request was closed: per category for most 'afgerond' ones, else the general reasons.
_CLOSE_SPECIFIC: dict[str, tuple[str, ...]] = {
    "vervoer": ("Rit is gereden.", "Vaste chauffeur gevonden voor de ritten naar {near}.", "Regiotaxipas is binnen."),
    "maaltijden": ("Eet voortaan mee op {weekday}.", "Maaltijdservice is gestart.", "Aangemeld voor {meal}."),
    "klussen": ("Klus is uitgevoerd.", "Klusser is geweest; {mevr} is er blij mee."),
    "ontmoeting": ("Sluit nu aan bij {activity}.", "Bezoekvrijwilliger komt elke week langs."),
    "bewegen": ("Doet nu mee met {sport}.", "Eerste les was een succes; gaat door."),
    "huishoudelijke_hulp": ("Huishoudelijke hulp is gestart.", "Hulp in huis is geregeld via de gemeente."),
    "persoonlijke_verzorging": ("Thuiszorg is gestart.", "Verzorging geregeld; partner wordt ontlast."),
    "wmo": ("Aanvraag bij de gemeente is toegekend.", "Formulier samen ingevuld en verstuurd."),
    "mantelzorg": ("Respijtzorg geregeld; mantelzorger kan op adem komen.", "Mantelzorger heeft nu een maatje."),
    "wonen": ("Woningaanpassing is uitgevoerd.", "Ingeschreven voor een seniorenwoning."),
    "geldzaken": ("Administratie weer op orde; vrijwilliger helpt elke maand.", "Aanvraag is toegekend."),
    "overig": ("Vraag beantwoord.", "Vrijwilliger heeft het uitgelegd; lukt nu zelf."),
}  # fmt: skip
_CLOSE_REASONS: dict[str, tuple[str, ...]] = {
    "afgerond": (
        "Hulp geregeld; {mevr} is tevreden.", "Vraag beantwoord, informatie gegeven.",
        "Familie heeft het overgenomen.", "Het gaat weer; geen hulp meer nodig.",
    ),
    "gestopt": (
        "{mevr} heeft zelf hulp gevonden via familie.", "{mevr} wil (nog) geen hulp.",
        "Verhuisd naar een verpleeghuis in {town}.", "Niet meer bereikbaar na drie pogingen.", "{mevr} is overleden.",
        "Opgenomen in het ziekenhuis; vraag vervallen.",
    ),
}  # fmt: skip

_FOLLOW_UPS = (
    "Even vragen hoe het gaat", "Vragen of de vrijwilliger is langs geweest", "Navragen of het geregeld is",
    "Afspraak bevestigen", "Horen hoe het nu gaat", "Uitslag navragen", "",
)  # fmt: skip

_INFO_NOTES = (
    "Gevraagd naar de openingstijden van het Dorpshuis.", "Informatie gegeven over de boodschappenrit op {weekday}.",
    "Uitleg gegeven over de eigen bijdrage voor de ritten.", "Folder over valpreventie toegestuurd.",
    "Gevraagd wanneer de volgende ALV is.", "Adres van het Steunpunt Mantelzorg gegeven.",
    "Informatie over lidmaatschap en contributie gegeven.", "Vraag over de kerstmaaltijd: aanmelden kan bij ons.",
    "Telefoonnummer van het WMO-loket gegeven.", "Uitgelegd hoe je je aanmeldt voor {meal}.",
    "Gevraagd of de koffieochtend ook in de zomer doorgaat.", "Wilde weten of de klusgroep ook buiten werkt.",
    "Informatie over {sport} gegeven.", "Doorverwezen naar de huisarts voor de griepprik.",
    "Belt om te bedanken voor de hulp van de vrijwilliger.", "Wil zich opgeven als vrijwilliger; gegevens genoteerd.",
)  # fmt: skip

_CALLBACK_NOTES = (
    "Terugbellen over de datum van de rit.", "Wil eerst overleggen met de {family}; terugbellen.",
    "Terugbellen met het nummer van de fysiotherapeut.", "Terugbellen of er plek is bij {meal}.",
    "Terugbellen: navragen bij de klusgroep wie kan helpen.", "Terugbellen over de aanvraag bij de gemeente.",
)  # fmt: skip

# Where requests are sent, per category: (route, target, note); {v} is the village.
_REFERRALS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "vervoer": (
        ("werkgroep", "{v} Rijdt", "Rit ingepland"), ("werkgroep", "{v} Rijdt", ""),
        ("organisatie", "Regiotaxi Utrecht", "Pasje aangevraagd"),
    ),
    "maaltijden": (
        ("werkgroep", "{v} Eet", "Aangemeld voor de maaltijd"), ("aanbieder", "Tafeltje Dekje Heuvelrug", ""),
    ),
    "klussen": (
        ("werkgroep", "{v} Klust", ""), ("werkgroep", "{v} Klust", "Klusser belt zelf voor een afspraak"),
        ("vrijwilliger", "", "Vaste klusser"),
    ),
    "ontmoeting": (
        ("organisatie", "Humanitas", "Maatjesproject"), ("vrijwilliger", "", "Bezoekvrijwilliger"),
        ("organisatie", "Welzijn Heuvelrug", ""),
    ),
    "bewegen": (("werkgroep", "{v} Beweegt", ""),),
    "huishoudelijke_hulp": (
        ("gemeente", "WMO-loket gemeente", "Melding gedaan"), ("aanbieder", "Thuishulp De Kromme Rijn", ""),
    ),
    "persoonlijke_verzorging": (
        ("aanbieder", "Buurtzorg team {v}", ""), ("aanbieder", "Thuiszorg Heuvelrug", "Intake gepland"),
    ),
    "wmo": (
        ("gemeente", "WMO-loket gemeente", "Keukentafelgesprek aangevraagd"), ("gemeente", "WMO-loket gemeente", ""),
    ),
    "mantelzorg": (("organisatie", "Steunpunt Mantelzorg", ""), ("organisatie", "Humanitas", "Respijtzorg")),
    "wonen": (
        ("gemeente", "WMO-loket gemeente", "Woningaanpassing"), ("organisatie", "Woningstichting Heuvelrug", ""),
    ),
    "geldzaken": (("organisatie", "Humanitas Thuisadministratie", ""), ("organisatie", "SchuldHulpMaatje", "")),
    "overig": (("organisatie", "Humanitas", ""), ("organisatie", "Bibliotheek (Digicafé)", "Hulp met de computer")),
}  # fmt: skip

_CATEGORY_WEIGHTS = {
    "vervoer": 22, "maaltijden": 9, "klussen": 14, "ontmoeting": 10, "bewegen": 5, "huishoudelijke_hulp": 9,
    "persoonlijke_verzorging": 5, "wmo": 10, "mantelzorg": 4, "wonen": 5, "geldzaken": 5, "overig": 4,
}  # fmt: skip

# Status by age in days: (age below, cumulative weights for CASE_STATUSES order).
_STATUS_BY_AGE = (
    (3, (70, 95, 98, 100, 100)),
    (14, (35, 75, 90, 99, 100)),
    (60, (8, 40, 65, 95, 100)),
    (180, (1, 10, 18, 90, 100)),
    (None, (0.3, 1.8, 3, 89, 100)),
)
_URGENCY_CUMULATIVE = (25, 90, 100)  # laag, normaal, hoog
_REGISTERED = "Hulpvraag geregistreerd"
_TAKEN_ON = f"{STATUS_LABELS['nieuw']} → {STATUS_LABELS['in_behandeling']}"
_EPOCH = date(1970, 1, 1).toordinal()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class _Category:
    id: int
    code: str
    life_domain: str


# Row layouts (tuples, in this column order) of the tables the help-request step writes.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "help_case": (
        "id", "client_id", "title", "status", "urgency", "handler", "opened_at", "closed_at", "close_reason",
        "follow_up_on", "follow_up_note", "last_activity_at", "version",
    ),
    "case_category": ("case_id", "category_id"),
    "intake_call": (
        "id", "started_at", "ended_at", "caller_id", "caller_name", "caller_phone", "anonymous", "subject_id",
        "relation", "note", "urgency", "outcome", "case_id", "callback_at", "callback_done_at", "handler",
    ),
    "call_category": ("call_id", "category_id"),
    "case_event": ("id", "case_id", "occurred_at", "kind", "text", "actor", "call_id", "old_status", "new_status"),
    "referral": ("id", "case_id", "route", "target", "volunteer_id", "note", "referred_on"),
    "self_reliance_score": ("id", "case_id", "life_domain", "moment", "score"),
}  # fmt: skip


class _CaseBuilder:
    """Help requests with their timeline, referrals, scores and calls, plus loose calls, as row tuples.

    Moments are worked out as whole epoch seconds (UTC) and turned into column values once, by `stamp`: on SQLite
    the text SQLAlchemy's DateTime stores (naive UTC, what UTCDateTime writes), elsewhere timezone-aware datetimes
    for a Core insert through UTCDateTime. This step writes about a million rows for 100,000 requests: it is
    written for speed (tuples, one random generator call where possible, cached word lists).
    """

    def __init__(
        self, rng: random.Random, village: DemoVillage, categories: list[_Category], first_ids: dict, sqlite: bool
    ):
        self.rng = rng
        self.random = rng.random
        self.v = village
        self.ids = dict(first_ids)
        self.rows: dict[str, list[tuple]] = {table: [] for table in _COLUMNS}
        self.documents: dict[int, str] = {}
        self.word_cache: dict[str, list[str]] = {}
        self.slot_names: dict[str, tuple[str, ...]] = {}
        self.day_cache: dict[int, str] = {}
        self.clock_cache: dict[int, str] = {}
        self.sqlite = sqlite
        self.stamp = self._sqlite_stamp if sqlite else self._aware_stamp
        self.categories = categories
        self.category_weights = list(accumulate(_CATEGORY_WEIGHTS.get(c.code, 3) for c in categories))
        local = village.now.astimezone()
        self.offset = int(local.utcoffset().total_seconds())
        self.now = int(village.now.timestamp())
        self.today_start = (self.now + self.offset) // 86400 * 86400 - self.offset  # local midnight, epoch
        self.today_ordinal = village.today.toordinal()
        people = sorted(village.people, key=lambda p: p.id)
        old_year = village.today.year - 67
        self.elderly = [p for p in people if p.birth_date.year <= old_year and not p.roles]
        if not self.elderly:
            self.elderly = [p for p in people if "volunteer" not in p.roles] or people
        self.clients = [p for p in people if "client" in p.roles] or self.elderly
        self.volunteers = [p for p in people if "volunteer" in p.roles]
        self.handler_names = [h for h, _w, _d in _HANDLERS]
        self.handler_tables = [
            (
                [h for h, _w, since in _HANDLERS if since is None or not recent],
                list(accumulate(w for _h, w, since in _HANDLERS if since is None or not recent)),
            )
            for recent in (True, False)
        ]

    # ---- values

    def _sqlite_stamp(self, ts: int) -> str:
        days, seconds = divmod(ts, 86400)
        day = self.day_cache.get(days)
        if day is None:
            day = self.day_cache[days] = date.fromordinal(_EPOCH + days).isoformat() + " "
        clock = self.clock_cache.get(seconds)
        if clock is None:
            clock = self.clock_cache[seconds] = (
                f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}.000000"
            )
        return day + clock

    def _aware_stamp(self, ts: int) -> datetime:
        return datetime.fromtimestamp(ts, UTC)

    def day_value(self, day: date) -> date | str:
        return day.isoformat() if self.sqlite else day

    def next_id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def pick(self, seq: Sequence):
        return seq[int(self.random() * len(seq))]

    def words(self, text: str) -> list[str]:
        """fulltext.words(text), once per distinct text."""
        found = self.word_cache.get(text)
        if found is None:
            found = self.word_cache[text] = words(text)
        return found

    def fill(self, template: str, slots: dict[str, str]) -> str:
        names = self.slot_names.get(template)
        if names is None:
            names = self.slot_names[template] = tuple(n for _t, n, _s, _c in string.Formatter().parse(template) if n)
        if not names:
            return template
        pick = self.pick
        return _capital(template.format_map({n: slots[n] if n in slots else pick(_SLOTS[n]) for n in names}))

    # ---- moments

    def office_time(self, days_ago: int) -> int:
        """A moment during the consultation hour (mostly mornings, on weekdays) `days_ago` days before today."""
        weekday = (self.today_ordinal - days_ago - 1) % 7  # 0 = Monday
        if weekday >= 5:
            days_ago += weekday - 4  # the weekend's calls went on Friday
        start = self.today_start - days_ago * 86400
        roll = self.random()
        if roll < 0.75:
            return start + 32400 + int(roll * 16800)  # 9:00-12:30
        return start + 48600 + int((roll - 0.75) * 43200)  # 13:30-16:30

    def recent_moment(self) -> int:
        """When a call came in: the last two years, busier lately (the cooperative grows); never in the future."""
        ts = self.office_time(int(_SPAN_DAYS * (1 - math.sqrt(self.random()))))
        if ts > self.now - 120:
            ts = self.now - 120 - int(self.random() * 1800)
        return ts

    def working_hours(self, ts: int, low: int, high: int) -> int:
        """Move a moment into the working day (9-17 h local) of its own day, keeping the order of moments, and
        keep it between low and high."""
        day_start = (ts + self.offset) // 86400 * 86400 - self.offset
        moved = day_start + 32400 + (ts - day_start) // 3
        return low if moved < low else high if moved > high else moved

    def day_of(self, ts: int) -> date:
        return date.fromordinal(_EPOCH + (ts + self.offset) // 86400)

    # ---- choices

    def handler(self, ts: int) -> str:
        age = (self.now - ts) // 86400
        names, cumulative = self.handler_tables[0] if age > _HANDLERS[-1][2] else self.handler_tables[1]
        return self.rng.choices(names, cum_weights=cumulative)[0]

    @staticmethod
    def person_slots(person: DemoPerson) -> dict[str, str]:
        if person.gender == "v":
            return {"mevr": "mevrouw", "haar": "haar"}
        if person.gender == "m":
            return {"mevr": "meneer", "haar": "zijn"}
        return {"mevr": person.first_name, "haar": "hun"}

    def one_category(self) -> list[int]:
        if not self.categories:
            return []
        return [self.rng.choices(self.categories, cum_weights=self.category_weights)[0].id]

    def pick_categories(self) -> list[_Category]:
        if not self.categories:
            return []
        chosen = self.rng.choices(self.categories, cum_weights=self.category_weights)
        if len(self.categories) > 1 and self.random() < 0.25:
            second = self.rng.choices(self.categories, cum_weights=self.category_weights)[0]
            if second is not chosen[0]:
                chosen.append(second)
        return chosen

    def status(self, age_days: float) -> str:
        roll = self.random() * 100
        for below, cumulative in _STATUS_BY_AGE:
            if below is None or age_days < below:
                for status, edge in zip(CASE_STATUSES, cumulative, strict=True):
                    if roll < edge:
                        return status
        return "afgerond"

    def urgency(self) -> str:
        roll = self.random() * 100
        return "laag" if roll < _URGENCY_CUMULATIVE[0] else "normaal" if roll < _URGENCY_CUMULATIVE[1] else "hoog"

    def caller_for(self, client: DemoPerson) -> tuple[str, str, str, int | None] | None:
        """Who calls about the client: mostly the client, sometimes a contact person (a daughter, a neighbour)."""
        contacts = self.v.contacts.get(client.id)
        if contacts and self.random() < 0.45:
            return self.pick(contacts)
        return None

    # ---- rows

    def call(
        self,
        ended: int,
        caller: DemoPerson | None,
        note: str,
        outcome: str,
        handler: str,
        *,
        subject: DemoPerson | None = None,
        on_behalf: tuple[str, str, str, int | None] | None = None,
        case_id: int | None = None,
        urgency: str = "normaal",
        category_ids: Sequence[int] = (),
        callback_at: int | None = None,
        callback_done_at: int | None = None,
    ) -> int:
        """One call at the desk; `on_behalf` (name, phone, relation, person id or None) calls about `subject`."""
        self.ids["intake_call"] += 1
        call_id = self.ids["intake_call"]
        stamp = self.stamp
        caller_id, caller_name, caller_phone, relation, subject_id = None, "", "", "", None
        if on_behalf is not None:
            name, phone, relation, caller_id = on_behalf
            if caller_id is None:
                caller_name, caller_phone = name, phone
            subject_id = subject.id if subject is not None else None
        elif caller is not None:
            caller_id = caller.id
        self.rows["intake_call"].append(
            (
                call_id,
                stamp(ended - 120 - int(self.random() * 900)),
                stamp(ended),
                caller_id,
                caller_name,
                caller_phone,
                caller is None and on_behalf is None,  # anonymous
                subject_id,
                relation,
                note,
                urgency,
                outcome,
                case_id,
                None if callback_at is None else stamp(callback_at),
                None if callback_done_at is None else stamp(callback_done_at),
                handler,
            )
        )
        links = self.rows["call_category"]
        for category_id in category_ids:
            links.append((call_id, category_id))
        return call_id

    def score_rows(self, case_id: int, moment: str, scores: dict[str, int]) -> None:
        rows = self.rows["self_reliance_score"]
        for domain, score in scores.items():
            self.ids["self_reliance_score"] += 1
            rows.append((self.ids["self_reliance_score"], case_id, domain, moment, score))

    # ---- one help request

    def case(self, index: int, opened: int) -> None:
        random_, pick, rng, stamp = self.random, self.pick, self.rng, self.stamp
        ids = self.ids
        events = self.rows["case_event"]
        case_id = self.next_id("help_case")
        client = pick(self.clients) if random_() < 0.6 else pick(self.elderly)
        slots = self.person_slots(client)
        categories = self.pick_categories()
        code = categories[0].code if categories else "overig"
        if code not in _TITLES:
            code = "overig"
        category_ids = [c.id for c in categories]
        title = self.fill(pick(_TITLES[code]), slots)[:200]
        pieces = [title, _REGISTERED]  # every text of the request, for the note search
        note = self.fill(pick(_CALL_NOTES[code]), slots)
        pieces.append(note)
        extra = pick(_EXTRA_NOTE)
        if extra:
            extra = self.fill(extra, slots)
            pieces.append(extra)
            note = f"{note} {extra}"
        on_behalf = self.caller_for(client)
        if on_behalf is not None:
            prefix = f"{_capital(on_behalf[2])} belt namens {client.first_name}."
            pieces.append(prefix)
            note = f"{prefix} {note}"

        age = (self.now - opened) / 86400
        status = self.status(age)
        urgency = self.urgency()
        handler = self.handler(opened)
        closed = status in ("afgerond", "gestopt")
        long_case = index % 500 == 17  # a few requests with a long history
        latest = self.now - 60
        if closed:
            if random_() < 0.12 and not long_case:
                duration = 600 + int(random_() * 21600)  # settled the same day
            else:
                duration = 43200 + int(rng.expovariate(1 / 1555200))  # about 18 days
                if long_case:
                    duration = max(duration, 120 * 86400)
            if opened + duration > latest:
                duration = int(random_() * (latest - opened))
            end = self.working_hours(opened + duration, opened + 60, latest)
        else:
            end = latest

        first_call = self.call(
            opened,
            None if on_behalf else client,
            note,
            "new_case",
            handler,
            subject=client,
            on_behalf=on_behalf,
            case_id=case_id,
            urgency=urgency,
            category_ids=category_ids,
        )
        opened_stamp = stamp(opened)
        ids["case_event"] += 2
        event_id = ids["case_event"]
        events.append((event_id - 1, case_id, opened_stamp, "status", _REGISTERED, handler, None, "", "nieuw"))
        events.append((event_id, case_id, opened_stamp, "call", note, handler, first_call, "", ""))
        last = opened
        links = self.rows["case_category"]
        for category_id in category_ids:
            links.append((case_id, category_id))

        # Self-reliance at intake for about 40% (recorded with the request, as add_case does: no timeline line).
        intake_scores: dict[str, int] = {}
        if random_() < 0.4:
            for domain in dict.fromkeys(c.life_domain for c in categories if c.life_domain in LIFE_DOMAINS) or (
                "overig",
            ):
                roll = random_()
                intake_scores[domain] = 1 if roll < 0.15 else 2 if roll < 0.6 else 3 if roll < 0.9 else 4
            self.score_rows(case_id, "intake", intake_scores)

        # The path to the current status, in order; then the loose lines (notes, calls, handler) in between.
        if status == "nieuw":
            via_work, referred = False, False
        elif status == "in_behandeling":
            via_work, referred = True, False
        elif status == "doorverwezen":
            via_work, referred = random_() < 0.6, True
        else:
            referred = random_() < 0.3
            via_work = referred or random_() < 0.85
        ordered: list[tuple[str, str, str, str]] = []
        previous = "nieuw"
        if via_work:
            ordered.append(("status", _TAKEN_ON, "nieuw", "in_behandeling"))
            previous = "in_behandeling"
        referral = None
        if referred:
            route, target, ref_note = pick(_REFERRALS.get(code, _REFERRALS["overig"]))
            volunteer_id = None
            if route == "vrijwilliger":
                if self.volunteers:
                    volunteer = pick(self.volunteers)
                    volunteer_id, target = volunteer.id, volunteer.name
                else:
                    route, target = "organisatie", "Humanitas"
            target = target.format(v=self.v.village)
            referral = (route, target, ref_note, volunteer_id)
            text_ = f"Doorverwezen naar {ROUTE_LABELS[route].lower()}: {target}"
            if ref_note:
                text_ += f" ({ref_note})"
            ordered.append(("referral", text_, previous, "doorverwezen"))
            previous = "doorverwezen"
        if long_case:
            loose = ["note"] * rng.randint(25, 45) + ["call"] * rng.randint(8, 20)
            rng.shuffle(loose)
        else:
            roll = random_()
            loose = ["note"] * (0 if roll < 0.5 else 1 if roll < 0.85 else 2 if roll < 0.97 else 3)
            if random_() < 0.1:
                loose.append("call")
        if age > 7 and random_() < 0.03:
            loose.append("handler")
        count = len(ordered) + len(loose)
        if count:
            low, high = opened + 60, max(opened + 60, end - 60)
            span = high - low
            times = sorted(self.working_hours(low + int(random_() * span), low, high) for _ in range(count))
            if loose:
                places = sorted(rng.sample(range(count), len(ordered)))
                if via_work and places and random_() < 0.8:
                    places[0] = 0  # usually taken in hand straight away
            else:
                places = list(range(count))
            steps = iter(ordered)
            items = iter(loose)
            actor = handler
            for position, ts in enumerate(times):
                ids["case_event"] += 1
                if position in places:
                    kind, text_, old, new = next(steps)
                    events.append((ids["case_event"], case_id, stamp(ts), kind, text_, actor, None, old, new))
                    if kind == "referral" and referral is not None:
                        route, target, ref_note, volunteer_id = referral
                        ids["referral"] += 1
                        self.rows["referral"].append(
                            (
                                ids["referral"],
                                case_id,
                                route,
                                target,
                                volunteer_id,
                                ref_note,
                                self.day_value(self.day_of(ts)),
                            )
                        )
                        pieces.append(target)
                        pieces.append(ref_note)
                    pieces.append(text_)
                    continue
                kind = next(items)
                if kind == "note":
                    text_ = self.fill(pick(_UPDATES), slots)
                    events.append((ids["case_event"], case_id, stamp(ts), "note", text_, actor, None, "", ""))
                elif kind == "call":
                    text_ = self.fill(pick(_UPDATES), slots)
                    behalf = self.caller_for(client)
                    call_id = self.call(
                        ts,
                        None if behalf else client,
                        text_,
                        "existing_case",
                        actor,
                        subject=client,
                        on_behalf=behalf,
                        case_id=case_id,
                        urgency=urgency,
                        category_ids=category_ids[:1],
                    )
                    events.append((ids["case_event"], case_id, stamp(ts), "call", text_, actor, call_id, "", ""))
                else:
                    actor = pick([h for h in self.handler_names if h != actor] or [actor])
                    text_ = f"Behandelaar: {actor}"
                    events.append((ids["case_event"], case_id, stamp(ts), "handler", text_, actor, None, "", ""))
                pieces.append(text_)
            handler = actor
            last = max(last, times[-1])

        close_reason = ""
        closed_at = None
        if closed:
            roll = random_()
            if status == "gestopt" or roll < 0.3:
                close_reason = self.fill(pick(_CLOSE_REASONS[status]), slots)
            elif referral is not None and roll < 0.6:
                close_reason = f"Hulp loopt nu via {referral[1]}; geen rol meer voor ons."
            else:
                close_reason = self.fill(pick(_CLOSE_SPECIFIC[code]), slots)
            pieces.append(close_reason)
            closed_at = stamp(end)
            if intake_scores and random_() < (0.85 if status == "afgerond" else 0.4):
                closure = {}
                for domain, score in intake_scores.items():
                    roll = random_()
                    change = 1 if roll < 0.5 else 2 if roll < 0.65 else 0 if roll < 0.93 else -1
                    closure[domain] = min(5, max(1, score + change))
                summary = ", ".join(f"{LIFE_DOMAINS[d].lower()} {s}" for d, s in sorted(closure.items()))
                text_ = f"Zelfredzaamheid bij afsluiting: {summary}"
                ids["case_event"] += 1
                events.append((ids["case_event"], case_id, closed_at, "score", text_, handler, None, "", ""))
                pieces.append(text_)
                self.score_rows(case_id, "closure", closure)
            text_ = f"{STATUS_LABELS[previous]} → {STATUS_LABELS[status]}: {close_reason}"
            ids["case_event"] += 1
            events.append((ids["case_event"], case_id, closed_at, "status", text_, handler, None, previous, status))
            pieces.append(text_)
            last = max(last, end)

        # A call-back date for about 30% of the open ones: some overdue, some today, most in the next two weeks.
        follow_up_on, follow_up_note = None, ""
        if not closed and random_() < 0.3:
            roll = random_()
            if roll < 0.3:
                day = self.today_ordinal - rng.randint(1, 14)
                if day <= self.day_of(opened).toordinal():
                    day = self.today_ordinal
            elif roll < 0.45:
                day = self.today_ordinal
            else:
                day = self.today_ordinal + rng.randint(1, 14)
            follow_up_on = date.fromordinal(day)
            follow_up_note = pick(_FOLLOW_UPS)
            # set before the day itself (by 17:00 the day before), or just now for today and later
            latest_set = min(self.now - 60, self.today_start - (self.today_ordinal - day + 1) * 86400 + 61200)
            if latest_set <= opened + 60:
                latest_set = self.now - 60
            when = self.working_hours(
                opened + 60 + int(random_() * (latest_set - opened - 60)), opened + 60, latest_set
            )
            text_ = f"Terugbellen op {follow_up_on:%d-%m-%Y}"
            if follow_up_note:
                text_ += f": {follow_up_note}"
            ids["case_event"] += 1
            events.append((ids["case_event"], case_id, stamp(when), "followup", text_, handler, None, "", ""))
            pieces.append(text_)
            last = max(last, when)

        self.rows["help_case"].append(
            (
                case_id,
                client.id,
                title,
                status,
                urgency,
                handler,
                opened_stamp,
                closed_at,
                close_reason,
                None if follow_up_on is None else self.day_value(follow_up_on),
                follow_up_note,
                stamp(last),
                1,
            )
        )
        words_of = self.words
        self.documents[case_id] = " ".join(dict.fromkeys(chain.from_iterable(map(words_of, pieces))))

    # ---- calls without a help request

    def info_call(self, ts: int | None = None) -> None:
        ts = self.recent_moment() if ts is None else ts
        roll = self.random()
        note = self.fill(self.pick(_INFO_NOTES), {"mevr": "mevrouw", "haar": "haar"})
        handler = self.handler(ts)
        if roll < 0.05:
            self.call(ts, None, note, "info", handler, category_ids=self.one_category())
        elif roll < 0.12:  # someone not in the register, with a number to call back on
            name = f"{self.pick(_YOUNG_WOMEN + _YOUNG_MEN)} {self.pick(_SURNAMES)[1]}"
            phone = "+316" + str(self.rng.randint(10_000_000, 99_999_999))
            behalf = (name, phone, "", None)
            self.call(ts, None, note, "info", handler, on_behalf=behalf, category_ids=self.one_category())
        else:
            person = self.pick(self.elderly) if self.random() < 0.7 else self.pick(self.v.people)
            self.call(ts, person, note, "info", handler, category_ids=self.one_category())

    def callback_call(self, *, open_: bool) -> None:
        rng, random_ = self.rng, self.random
        person = self.pick(self.clients) if random_() < 0.5 else self.pick(self.elderly)
        note = self.fill(self.pick(_CALLBACK_NOTES), self.person_slots(person))
        done = None
        if open_:
            roll = random_()
            if roll < 0.25:  # overdue: promised for a day that has passed
                ts = self.office_time(rng.randint(2, 8))
                due = min(ts + rng.randint(1, 2) * 86400, self.now - 3600)
            elif roll < 0.4:  # later today
                ts = min(self.office_time(rng.randint(0, 3)), self.now - 600)
                due = self.now + 1800 + int(random_() * 14400)
            else:  # in the coming days
                ts = min(self.office_time(rng.randint(0, 4)), self.now - 600)
                due = self.today_start + rng.randint(1, 6) * 86400 + 32400 + int(random_() * 25200)
        else:
            ts = self.recent_moment()
            due = ts + rng.randint(1, 3) * 86400
            if due > self.now - 7200:
                ts, due = ts - 5 * 86400, due - 5 * 86400
            done = due + int(random_() * 7200)
        handler = self.handler(ts)
        categories = self.one_category()
        self.call(
            ts, person, note, "callback", handler, category_ids=categories, callback_at=due, callback_done_at=done
        )

    def calls_today(self, count: int) -> None:
        """A few information calls earlier today, so that the day's list is not empty."""
        for _ in range(count):
            ts = max(self.now - 60 - int(self.random() * 10800), self.today_start + 60)
            if ts < self.now:
                self.info_call(ts)


_CASE_TABLES = {
    "help_case": HelpCase,
    "intake_call": IntakeCall,
    "case_event": CaseEvent,
    "referral": Referral,
    "self_reliance_score": SelfRelianceScore,
}
_LINK_TABLES = {"case_category": case_category, "call_category": call_category}


def _write_cases(session: Session, b: _CaseBuilder) -> None:
    """Bulk inserts per table. SQLite: the DB-API's executemany with the values already as SQLAlchemy stores them
    (Core's per-row parameter processing would double the time of a 100,000-request village); elsewhere a Core
    insert of plain dicts, through the column types (UTCDateTime turns the aware datetimes into naive UTC)."""
    connection = session.connection()
    cache_size = connection.exec_driver_sql("PRAGMA cache_size").scalar() if b.sqlite else None
    if cache_size is not None:  # the indexes of a large village do not fit SQLite's default 2 MB page cache
        connection.exec_driver_sql("PRAGMA cache_size = -100000")
    # SQLite: the secondary indexes are dropped and made again afterwards (exactly as they were, in this same
    # transaction): building an index in one go is much quicker than a million scattered index inserts.
    indexes = (
        connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN "
            "('help_case', 'intake_call', 'case_event', 'referral', 'self_reliance_score', 'case_category', "
            "'call_category') ORDER BY name"
        ).all()
        if b.sqlite
        else []
    )
    try:
        for name, _sql in indexes:
            connection.exec_driver_sql(f'DROP INDEX "{name}"')
        for table in _COLUMNS:
            _bulk(connection, table, b.rows[table], b.sqlite)
        for _name, sql in indexes:
            connection.exec_driver_sql(sql)
        cases.INDEX.write(session, b.documents)
    finally:
        if cache_size is not None:
            connection.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size)}")
    if b.sqlite:
        # Full statistics for the query planner after a bulk load (about 0.3 s for a million rows). A sample
        # misleads it: it then sorts every open request instead of walking the opened_at index.
        connection.exec_driver_sql("PRAGMA analysis_limit = 0")
        connection.exec_driver_sql("ANALYZE")
    if connection.dialect.name == "postgresql":  # ids were given here: move the sequences past them
        for table in _CASE_TABLES:
            connection.execute(
                text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")
            )


def _bulk(connection, table: str, rows: list[tuple], sqlite: bool) -> None:
    if not rows:
        return
    columns = _COLUMNS[table]
    if sqlite:
        statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        connection.exec_driver_sql(statement, rows)
        return
    model_table = _LINK_TABLES[table] if table in _LINK_TABLES else _CASE_TABLES[table].__table__
    connection.execute(insert(model_table), [dict(zip(columns, row, strict=True)) for row in rows])


def _cases_step(count: int) -> DemoStep:
    def step(session: Session, village: DemoVillage, rng: random.Random) -> None:
        village.counts.update(cases=0, calls=0)
        if count <= 0:
            return
        categories = [
            _Category(*row)
            for row in session.execute(
                select(Category.id, Category.code, Category.life_domain)
                .where(Category.active.is_(True))
                .order_by(Category.position, Category.id)
            )
        ]
        first_ids = {t: session.scalar(select(func.coalesce(func.max(m.id), 0))) or 0 for t, m in _CASE_TABLES.items()}
        sqlite = session.get_bind().dialect.name == "sqlite"
        b = _CaseBuilder(rng, village, categories, first_ids, sqlite)
        gc_was_on = gc.isenabled()
        gc.disable()  # a million small tuples: the cycle collector would only slow the building down
        try:
            for index, opened in enumerate(sorted(b.recent_moment() for _ in range(count))):  # ids in time order
                b.case(index, opened)
            for _ in range(count // 3):
                b.info_call()
            b.calls_today(min(3, max(1, count // 50)))
            for _ in range(max(3, count // 150)):
                b.callback_call(open_=True)
            for _ in range(count // 25):
                b.callback_call(open_=False)
        finally:
            if gc_was_on:
                gc.enable()
        _write_cases(session, b)
        village.counts.update(cases=len(b.rows["help_case"]), calls=len(b.rows["intake_call"]))

    return step


# ---------------------------------------------------------------- preferred providers and their contracts

# (name, kinds, service area, website, KvK, AGB, phone, e-mail, street, number, postcode, city,
#  contact persons as (name, role, phone, e-mail)); all fictional, e-mail and web addresses on .example
_PROVIDERS: tuple[tuple, ...] = (
    ("Thuiszorg Heuvelrug", ("thuiszorg", "persoonlijke_verzorging", "huishoudelijke_hulp"), "Utrechtse Heuvelrug",
     "https://www.thuiszorgheuvelrug.example", "30214587", "03012345", "+31343531200",
     "planning@thuiszorgheuvelrug.example",
     "Amersfoortseweg", "44", "3941 EN", "Doorn",
     (("Marieke Verhoef", "Planner", "+31343531210", "m.verhoef@thuiszorgheuvelrug.example"),
      ("Johan de Groot", "Accountmanager", "+31612873455", "j.degroot@thuiszorgheuvelrug.example"))),
    ("Buurtzorg team {v}", ("thuiszorg", "persoonlijke_verzorging"), "{v} en Doorn",
     "https://www.buurtzorg-{slug}.example", "09167832", "03056781", "+31652330914", "{slug}@buurtzorg.example",
     "Kerkweg", "3", "3948 AB", "{v}",
     (("Anouk Smits", "Wijkverpleegkundige", "+31652330914", "anouk.smits@buurtzorg.example"),)),
    ("Tafeltje Dekje Heuvelrug", ("maaltijdservice",), "Utrechtse Heuvelrug",
     "https://www.tafeltjedekjeheuvelrug.example", "41265790", "", "+31343417788",
     "info@tafeltjedekjeheuvelrug.example",
     "Hoofdstraat", "112", "3971 KG", "Driebergen-Rijsenburg",
     (("Petra van Dam", "Coördinator", "+31343417788", "petra@tafeltjedekjeheuvelrug.example"),)),
    ("Alarmering Zorgring", ("alarmering",), "Provincie Utrecht",
     "https://www.zorgring-alarmering.example", "57318204", "", "+31302769900", "klantenservice@zorgring.example",
     "Stationsplein", "9", "3511 ED", "Utrecht",
     (("Klantenservice", "Meldkamer en aansluitingen", "+31302769900", "klantenservice@zorgring.example"),
      ("Sandra Bos", "Contractbeheer", "+31302769915", "s.bos@zorgring.example"))),
    ("Fysiotherapie De Brink", ("fysiotherapie",), "{v}",
     "https://www.fysiodebrink.example", "68812093", "04051237", "+31343455012", "praktijk@fysiodebrink.example",
     "De Brink", "5", "3948 BD", "{v}",
     (("Ruud Hendriks", "Fysiotherapeut, praktijkhouder", "+31343455012", "ruud@fysiodebrink.example"),)),
    ("Dagbesteding De Schakel", ("dagbesteding", "vervoer"), "{v}, Leersum en Doorn",
     "https://www.deschakel-dagbesteding.example", "71904466", "", "+31343462277",
     "info@deschakel-dagbesteding.example",
     "Molenlaan", "40", "3948 CE", "{v}",
     (("Fatima el Amrani", "Teamleider", "+31643219087", "f.elamrani@deschakel-dagbesteding.example"),)),
    ("Thuishulp De Kromme Rijn", ("huishoudelijke_hulp",), "Kromme Rijnstreek en Heuvelrug",
     "https://www.thuishulpkrommerijn.example", "80127735", "", "+31343578800", "info@thuishulpkrommerijn.example",
     "Markt", "18", "3961 BC", "Wijk bij Duurstede",
     (("Ellen Kuipers", "Planner", "+31343578810", "e.kuipers@thuishulpkrommerijn.example"),)),
)  # fmt: skip

# (provider index, title, kinds, start (months from this month, first day), end (months from this month, last
#  day) or None, notice months, auto renew, renew months, volume, budget cents, status, rates (unit, cents, vat
#  hundredths, description)). The dates follow the demo's today: some contracts end or reach their last
#  cancellation date within 90 days, one is a concept, one has been cancelled and one has expired.
_CONTRACTS: tuple[tuple, ...] = (
    (0, "Persoonlijke verzorging en thuiszorg 2025–2026", ("thuiszorg", "persoonlijke_verzorging"), -22, 1, 3,
     False, 12, "ca. 2.400 uur per jaar", 14_500_000, "", (("uur", 6230, 0, "Persoonlijke verzorging"),
                                                           ("uur", 7485, 0, "Verpleging"))),
    (1, "Wijkverpleging {v}", ("persoonlijke_verzorging",), -33, 4, 3, True, 12, "naar indicatie", None, "",
     (("uur", 7810, 0, "Wijkverpleging"),)),
    (2, "Maaltijdservice aan huis", ("maaltijdservice",), -10, 13, 2, False, 12, "ca. 9.000 maaltijden per jaar",
     8_000_000, "", (("maaltijd", 895, 900, "Warme maaltijd, bezorgd"), ("maaltijd", 1050, 900, "Dieetmaaltijd"))),
    (3, "Personenalarmering met opvolging", ("alarmering",), -45, -9, 1, True, 12, "", None, "",
     (("maand", 2195, 2100, "Alarm met professionele opvolging"), ("maand", 1250, 2100, "Alarm zonder opvolging"))),
    (4, "Valpreventie en beweegprogramma", ("fysiotherapie",), 1, 12, 1, False, 12, "4 groepen van 8 deelnemers",
     2_400_000, "concept", (("bezoek", 3850, 0, "Groepsles per deelnemer"),)),
    (5, "Dagbesteding ouderen 2024–2026", ("dagbesteding", "vervoer"), -34, 2, 3, False, 12, "3 dagen per week",
     6_200_000, "opgezegd", (("bezoek", 6975, 0, "Dagdeel dagbesteding"), ("bezoek", 1200, 900, "Vervoer retour"))),
    (0, "Huishoudelijke hulp aanvullend 2023–2025", ("huishoudelijke_hulp",), -36, -11, 2, False, 12, "", None, "",
     (("uur", 3295, 2100, "Huishoudelijke hulp"),)),
    (6, "Huishoudelijke hulp 2026–2027", ("huishoudelijke_hulp",), -10, 13, 3, False, 12, "ca. 3.000 uur per jaar",
     9_850_000, "", (("uur", 3460, 2100, "Huishoudelijke hulp HH1"), ("uur", 3720, 2100, "Huishoudelijke hulp HH2"))),
)  # fmt: skip


def _month_start(today: date, months: int) -> date:
    return add_months(date(today.year, today.month, 1), months)


def _month_end(today: date, months: int) -> date:
    first = _month_start(today, months)
    return add_months(first, 1) - timedelta(days=1)


def _providers_step(session: Session, village: DemoVillage, rng: random.Random) -> None:
    """About seven providers with contact persons and eight contracts; referrals to a provider get linked."""
    v, slug = village.village, village.village.lower()
    made: list[Provider] = []
    for row in _PROVIDERS:
        name, kinds, area, site, kvk, agb, phone, email, street, number, postcode, city, contacts = row
        provider = Provider(
            name=name.format(v=v),
            kinds="," + ",".join(kinds) + ",",
            service_area=area.format(v=v),
            website=site.format(slug=slug),
            kvk=kvk,
            agb=agb,
            phone=phone,
            email=email.format(slug=slug),
            street=street,
            house_number=number,
            postcode=postcode,
            city=city.format(v=v),
            notes="",
            created_at=village.now,
            updated_at=village.now,
            contacts=[
                ProviderContact(name=n, role=role, phone=p, email=e, position=i)
                for i, (n, role, p, e) in enumerate(contacts)
            ],
        )
        session.add(provider)
        made.append(provider)
    session.flush()
    today = village.today
    for index, title, kinds, start, end, notice, renew, renew_months, volume, budget, status, rates in _CONTRACTS:
        end_on = _month_end(today, end) if end is not None else None
        contract = Contract(
            provider_id=made[index].id,
            title=title.format(v=v),
            kinds="," + ",".join(kinds) + ",",
            start_on=_month_start(today, start),
            end_on=end_on,
            notice_months=notice,
            auto_renew=renew,
            renew_months=renew_months,
            volume=volume,
            budget_cents=budget,
            status=status,
            cancelled_on=today - timedelta(days=40) if status == "opgezegd" else None,
            notes="",
            created_at=village.now,
            updated_at=village.now,
            rates=[
                ContractRate(unit=unit, amount_cents=cents, vat_hundredths=vat, description=text_, position=i)
                for i, (unit, cents, vat, text_) in enumerate(rates)
            ],
            history=[ContractHistory(at=village.now, by="demo", text="Contract vastgelegd (demodorp)")],
        )
        if status == "opgezegd":
            contract.history.append(
                ContractHistory(at=village.now, by="demo", text=f"Opgezegd op {contract.cancelled_on:%d-%m-%Y}")
            )
        session.add(contract)
    session.flush()
    for provider in made:
        session.execute(
            update(Referral)
            .where(Referral.route == "aanbieder", Referral.target == provider.name)
            .values(provider_id=provider.id)
        )
    village.counts.update(providers=len(made), contracts=len(_CONTRACTS))


_LATER_STEPS: tuple[tuple[str, DemoStep], ...] = (("providers", _providers_step), ("groups", groups_step))


def fill_demo_village(
    ctx: ServiceContext, *, members: int = 300, seed: int = 1, cases: int | None = None
) -> DemoSummary:
    """Fill an empty database with a fictional village of `members` members (plus some non-members), `cases`
    help requests (default members // 2; 0 for none) with their calls and timeline, and loose calls.

    The same seed and clock give the same village. Raises ServiceError when people are registered already.
    """
    if members < 1:
        raise ServiceError("Een demodorp heeft minstens één lid nodig.")
    if cases is None:
        cases = members // 2
    if cases < 0:
        raise ServiceError("Het aantal hulpvragen kan niet negatief zijn.")
    with ctx.uow() as session:
        if session.scalar(select(Person.id).limit(1)) is not None:
            raise ServiceError(
                "De database is niet leeg; er staan al mensen in. Een demodorp kan alleen in een lege "
                "database worden gemaakt: kies een nieuw databasebestand."
            )
        village = DemoVillage(seed=seed, today=ctx.today(), now=ctx.now(), village=VILLAGE)
        _cooperative(session)
        for name, step in (("people", _people_step(members)), ("cases", _cases_step(cases)), *_LATER_STEPS):
            step(session, village, village.rng(name))
        made_cases, made_calls = village.counts.get("cases", 0), village.counts.get("calls", 0)
        audit.record(
            session,
            ctx,
            audit.CREATE,
            "demo.fill",
            detail=f"{len(village.people)} mensen, {made_cases} hulpvragen, {made_calls} gesprekken",
        )
        summary = DemoSummary(
            people=len(village.people),
            households=len(village.households),
            members=len(village.members),
            volunteers=len(village.with_role("volunteer")),
            clients=len(village.with_role("client")),
            cases=made_cases,
            calls=made_calls,
            rides=village.counts.get("rides", 0),
            meals=village.counts.get("meals", 0),
            jobs=village.counts.get("jobs", 0),
        )
    _plan_rotas(ctx, village.today)
    return summary


def _plan_rotas(ctx: ServiceContext, today: date) -> None:
    """Plan the work groups' rotas with the real planner from three months back to the end of this month; the
    coming month is left for the user to plan."""
    from coop_desk.services import rota
    from coop_desk.services.recurrence import month_bounds

    index = today.year * 12 + today.month - 1 - 3
    start = date(index // 12, index % 12 + 1, 1)
    rota.plan_period(ctx, start, month_bounds(today.year, today.month)[1])
