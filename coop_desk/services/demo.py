"""A fictional Dutch demo village (Westerhoek) for an empty database: deterministic per seed, written in bulk."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import accumulate

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from coop_desk.db.models import ContactPerson, Cooperative, Household, Membership, Person, PersonRole, Phone
from coop_desk.services import audit, people_search
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ServiceError
from coop_desk.services.names import NameParts, fold, sort_key
from coop_desk.services.people_search import SearchFields

__all__ = ["DemoPerson", "DemoSummary", "DemoVillage", "fill_demo_village"]


@dataclass(frozen=True)
class DemoSummary:
    people: int
    households: int
    members: int
    volunteers: int
    clients: int


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


_LATER_STEPS: tuple[tuple[str, DemoStep], ...] = ()


def fill_demo_village(ctx: ServiceContext, *, members: int = 300, seed: int = 1) -> DemoSummary:
    """Fill an empty database with a fictional village of `members` members (plus some non-members).

    The same seed and clock give the same village. Raises ServiceError when people are registered already.
    """
    if members < 1:
        raise ServiceError("Een demodorp heeft minstens één lid nodig.")
    with ctx.uow() as session:
        if session.scalar(select(Person.id).limit(1)) is not None:
            raise ServiceError(
                "De database is niet leeg; er staan al mensen in. Een demodorp kan alleen in een lege "
                "database worden gemaakt: kies een nieuw databasebestand."
            )
        village = DemoVillage(seed=seed, today=ctx.today(), now=ctx.now(), village=VILLAGE)
        _cooperative(session)
        for name, step in (("people", _people_step(members)), *_LATER_STEPS):
            step(session, village, village.rng(name))
        audit.record(session, ctx, audit.CREATE, "demo.fill", detail=f"{len(village.people)} mensen")
        return DemoSummary(
            people=len(village.people),
            households=len(village.households),
            members=len(village.members),
            volunteers=len(village.with_role("volunteer")),
            clients=len(village.with_role("client")),
        )
