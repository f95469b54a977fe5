"""people_lookup: one search keystroke on the Mensen screen, including the table model update.

In-process: the real MainWindow on a copy of the big village, shown offscreen. For each typed prefix the search
text is set and PeopleView.run_search() is called directly (no debounce wait); timed is run_search() plus
QApplication.processEvents() (model reset, first-row selection and person card, repaint).

people_lookup_like: the same prefixes answered by a naive LIKE '%word%' scan over person joined with household
and phone, one page of 100 rows; only the query is timed (no model, no count, no card). Its median is the
baseline of people_lookup.
"""

from __future__ import annotations

import sys

from sqlalchemy import String, and_, cast, or_, select
from sqlalchemy.orm import Session
from timing import Result, median, time_once
from village import Village

# What people type, keystroke by keystroke as the debounce would let through: names, streets, phones, postcodes.
KEYSTROKES = (
    "mul",
    "mull",
    "jans",
    "jansen",
    "dorpsstr",
    "dorpsstraat 1",
    "0343 4",
    "06 12",
    "3948 a",
    "van der b",
    "berg",
)
REPEAT = 6  # passes over KEYSTROKES: 66 samples
TARGET_SECONDS = 0.020
PAGE = 100


def _like_page(session: Session, query: str) -> list:
    from coop_desk.db.models import Household, Person, Phone

    columns = (
        Person.initials,
        Person.first_name,
        Person.prefix,
        Person.surname,
        Person.partner_prefix,
        Person.partner_surname,
        Household.street,
        cast(Household.house_number, String),
        Household.postcode,
        Household.city,
        Phone.number,
    )
    terms = query.lower().split()
    statement = (
        select(Person, Household)
        .outerjoin(Household, Person.household_id == Household.id)
        .outerjoin(Phone, Phone.person_id == Person.id)
        .where(and_(*(or_(*(column.like(f"%{term}%") for column in columns)) for term in terms)))
        .group_by(Person.id)
        .order_by(Person.sort_key, Person.id)
        .limit(PAGE)
    )
    return session.execute(statement).all()


def _quiet_offscreen_warnings() -> None:
    """The offscreen platform warns on every shown window ("does not support propagateSizeHints()"); drop that."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind, _context, message: str) -> None:
        if "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def run(village: Village, repeat: int | None) -> list[Result]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from coop_desk.app import create_application
    from coop_desk.context import open_app
    from coop_desk.ui.shell.main_window import MainWindow

    passes = repeat or REPEAT
    _quiet_offscreen_warnings()
    app = create_application()
    context = open_app(str(village.copy("people_lookup")))
    settings = QSettings(str(village.workdir / "people-settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(context, settings)
    try:
        window.show()
        view = window.people_view
        view.run_search()
        app.processEvents()

        def keystroke(text: str) -> float:
            view.search.setText(text)
            return time_once(lambda: (view.run_search(), QApplication.processEvents()))

        def like(text: str) -> float:
            with Session(context.engine) as session:
                return time_once(lambda: _like_page(session, text))

        for text in KEYSTROKES:  # warm-up pass, thrown away
            keystroke(text)
            like(text)
        samples: list[float] = []
        like_samples: list[float] = []
        by_query: dict[str, list[float]] = {text: [] for text in KEYSTROKES}
        for _ in range(passes):
            for text in KEYSTROKES:
                seconds = keystroke(text)
                samples.append(seconds)
                by_query[text].append(seconds)
                like_samples.append(like(text))
        lookup = Result(
            "people_lookup",
            "s",
            samples,
            TARGET_SECONDS,
            baseline=median(like_samples),
            baseline_samples=like_samples,
            note=(
                f"{village.members} members; run_search + processEvents over {len(KEYSTROKES)} prefixes x {passes}; "
                "baseline = naive LIKE page query only"
            ),
            details={text: median(values) for text, values in by_query.items()},
        )
        naive = Result(
            "people_lookup_like",
            "s (query only)",
            like_samples,
            None,
            note="naive LIKE '%word%' over person+household+phone, page of 100, query only; comparison, no goal",
        )
        return [lookup, naive]
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
        context.close()
