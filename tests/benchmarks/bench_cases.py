"""The consultation hour and the help requests on the big village (10,000 members, 100,000 help requests).

lookup: one keystroke in the caller search of the Spreekuur screen. With coop_desk/ui/intake/call_view.py present:
CallView(ctx), shown offscreen; per prefix the search text is set and `run_lookup()` + processEvents() is timed
(lookup_callers, the result model, repaint). Without it: `intake.lookup_callers` + resetting a QStandardItemModel
with the results. Baseline in the same run (lookup_like): a naive caller lookup, LIKE '%word%' over person names,
street and phones (joined, limit 20) plus the same per-result facts as lookup_callers (open requests, last
contact, membership, contact persons); query only.

caseload_filter: changing a filter and showing the first page. With coop_desk/ui/cases/caseload_view.py present:
the view's CaseloadTableModel.set_filter(filter, sort) + processEvents() (first page of 100 + count + repaint);
without it: `cases.caseload(ctx, f, sort, 0, 100)` + `cases.caseload_count(ctx, f)`. A rotating set of filters.

open_case: opening a help request with at least 50 timeline lines (one of the demo's long requests, or one
given 50 notes via cases.add_note in the benchmark copy): `cases.get_case` and, with
coop_desk/ui/cases/case_dialog.py present, constructing CaseDialog(ctx, id), show() and processEvents().
"""

from __future__ import annotations

import sys
import time
import traceback

from bench_people import KEYSTROKES, _quiet_offscreen_warnings
from sqlalchemy import String, and_, cast, func, or_, select
from sqlalchemy.orm import Session
from timing import Result, median, time_once
from village import Village

LOOKUP_TARGET = 0.020
CASELOAD_TARGET = 0.050
OPEN_CASE_TARGET = 0.100
LOOKUP_REPEAT = 6  # passes over KEYSTROKES
CASELOAD_REPEAT = 8  # passes over the filters
OPEN_CASE_REPEAT = 15
LIMIT = 20


def _app():
    from coop_desk.app import create_application

    _quiet_offscreen_warnings()
    return create_application()


def _try_import(what: str):
    """The UI class `module:Name` when that module exists and imports, else None (with the reason on stderr)."""
    module_name, _, name = what.partition(":")
    try:
        module = __import__(module_name, fromlist=[name])
        return getattr(module, name)
    except Exception:  # noqa: BLE001 - a screen under construction must not stop the benchmark
        print(f"  ({what} not usable, falling back to the services:)", file=sys.stderr)
        traceback.print_exc(limit=1)
        return None


# ---------------------------------------------------------------- lookup


def like_lookup(session: Session, query: str, today) -> list[tuple]:
    """The naive caller lookup: LIKE '%word%' over names, street and phones, 20 people, plus their facts."""
    from coop_desk.db.models import ContactPerson, HelpCase, Household, IntakeCall, Membership, Person, Phone
    from coop_desk.services.cases import OPEN_STATUSES

    columns = (
        Person.first_name,
        Person.prefix,
        Person.surname,
        Person.partner_surname,
        Household.street,
        cast(Household.house_number, String),
        Household.postcode,
        Phone.number,
    )
    terms = query.lower().split()
    people = session.execute(
        select(Person, Household)
        .outerjoin(Household, Person.household_id == Household.id)
        .outerjoin(Phone, Phone.person_id == Person.id)
        .where(and_(*(or_(*(column.like(f"%{term}%") for column in columns)) for term in terms)))
        .group_by(Person.id)
        .order_by(Person.sort_key, Person.id)
        .limit(LIMIT)
    ).all()
    ids = [p.id for p, _h in people]
    if not ids:
        return []
    open_cases = dict(
        session.execute(
            select(HelpCase.client_id, func.count())
            .where(HelpCase.client_id.in_(ids), HelpCase.status.in_(sorted(OPEN_STATUSES)))
            .group_by(HelpCase.client_id)
        ).all()
    )
    last: dict[int, object] = {}
    for column in (IntakeCall.caller_id, IntakeCall.subject_id):
        for person_id, when in session.execute(
            select(column, func.max(IntakeCall.started_at)).where(column.in_(ids)).group_by(column)
        ):
            if when is not None and (person_id not in last or when > last[person_id]):
                last[person_id] = when
    members = {m.person_id: m for m in session.scalars(select(Membership).where(Membership.person_id.in_(ids)))}
    contacts = session.execute(
        select(ContactPerson, Person)
        .join(Person, Person.id == ContactPerson.person_id)
        .where(or_(ContactPerson.person_id.in_(ids), ContactPerson.contact_id.in_(ids)))
    ).all()
    return [(p.id, open_cases.get(p.id, 0), last.get(p.id), members.get(p.id), len(contacts)) for p, _h in people]


def run_lookup(village: Village, repeat: int | None) -> list[Result]:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from coop_desk.context import open_app
    from coop_desk.services import intake

    passes = repeat or LOOKUP_REPEAT
    app = _app()
    context = open_app(str(village.copy("lookup")))
    ctx = context.services
    CallView = _try_import("coop_desk.ui.intake.call_view:CallView")
    widget = None
    try:
        if CallView is not None:
            view = widget = CallView(ctx)
            view.resize(1200, 800)
            view.show()
            app.processEvents()
            how = "CallView: search.setText + run_lookup() + processEvents()"

            def keystroke(text: str) -> float:
                view.search.setText(text)
                return time_once(lambda: (view.run_lookup(), QApplication.processEvents()))

        else:
            model = QStandardItemModel(0, 6)
            table = widget = QTableView()
            table.setModel(model)
            table.resize(1200, 600)
            table.show()
            app.processEvents()
            how = "FALLBACK (no usable CallView): lookup_callers + QStandardItemModel reset + processEvents()"

            def fill(text: str) -> None:
                matches = intake.lookup_callers(ctx, text)
                model.beginResetModel()
                model.setRowCount(0)
                for m in matches:
                    model.appendRow(
                        [
                            QStandardItem(m.name),
                            QStandardItem(m.address),
                            QStandardItem(m.phone),
                            QStandardItem(m.membership),
                            QStandardItem(str(m.open_cases)),
                            QStandardItem(f"{m.last_contact:%d-%m-%Y}" if m.last_contact else ""),
                        ]
                    )
                model.endResetModel()
                QApplication.processEvents()

            def keystroke(text: str) -> float:
                return time_once(lambda: fill(text))

        today = ctx.today()

        def like(text: str) -> float:
            with Session(context.engine) as session:
                return time_once(lambda: like_lookup(session, text, today))

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
            "lookup",
            "s",
            samples,
            LOOKUP_TARGET,
            baseline=median(like_samples),
            baseline_samples=like_samples,
            note=f"{how}; {len(KEYSTROKES)} prefixes x {passes}; baseline = naive LIKE caller lookup + facts",
            details={text: median(values) for text, values in by_query.items()},
        )
        naive = Result(
            "lookup_like",
            "s (query only)",
            like_samples,
            None,
            note="LIKE '%word%' over names, street, phones (joined), 20 people + the same facts; comparison, no goal",
        )
        return [lookup, naive]
    finally:
        if widget is not None:
            widget.close()
            widget.deleteLater()
        app.processEvents()
        context.close()


# ---------------------------------------------------------------- caseload_filter


def _filters(ctx) -> list[tuple[str, object, object]]:
    from coop_desk.services import cases

    categories = {c.code: c.id for c in cases.list_categories(ctx)}
    category = categories.get("vervoer", next(iter(categories.values()), None))
    handler = (cases.handlers(ctx) or [""])[0]
    return [
        ("open", cases.CaseFilter(), cases.CaseSort()),
        ("status nieuw", cases.CaseFilter(statuses=frozenset({"nieuw"})), cases.CaseSort()),
        ("category", cases.CaseFilter(category_id=category), cases.CaseSort()),
        (f"handler {handler}", cases.CaseFilter(handler=handler), cases.CaseSort()),
        ("follow-up due", cases.CaseFilter(follow_up="due"), cases.CaseSort("follow_up_on", False)),
        ("older than 30 days", cases.CaseFilter(older_than_days=30), cases.CaseSort()),
        ("text 'ziekenhuis' (all)", cases.CaseFilter(statuses=frozenset(), text="ziekenhuis"), cases.CaseSort()),
        ("sort by client", cases.CaseFilter(), cases.CaseSort("client", False)),
    ]


def run_caseload_filter(village: Village, repeat: int | None) -> list[Result]:
    from PySide6.QtWidgets import QApplication

    from coop_desk.context import open_app
    from coop_desk.services import cases

    passes = repeat or CASELOAD_REPEAT
    app = _app()
    context = open_app(str(village.copy("caseload")))
    ctx = context.services
    CaseloadView = _try_import("coop_desk.ui.cases.caseload_view:CaseloadView")
    view = None
    try:
        filters = _filters(ctx)
        if CaseloadView is not None:
            view = CaseloadView(ctx)
            view.resize(1300, 800)
            view.show()
            app.processEvents()
            how = "CaseloadView.model.set_filter(filter, sort) + processEvents()"

            def change(f, sort) -> float:
                return time_once(lambda: (view.model.set_filter(f, sort), QApplication.processEvents()))

        else:
            how = "FALLBACK (no usable CaseloadView): caseload(f, sort, 0, 100) + caseload_count(f)"

            def change(f, sort) -> float:
                return time_once(lambda: (cases.caseload(ctx, f, sort, 0, 100), cases.caseload_count(ctx, f)))

        for _name, f, sort in filters:  # warm-up
            change(f, sort)
        samples: list[float] = []
        by_filter: dict[str, list[float]] = {name: [] for name, _f, _s in filters}
        for _ in range(passes):
            for name, f, sort in filters:
                seconds = change(f, sort)
                samples.append(seconds)
                by_filter[name].append(seconds)
        total = cases.caseload_count(ctx, cases.CaseFilter(statuses=frozenset()))
        open_count = cases.caseload_count(ctx, cases.CaseFilter())
        return [
            Result(
                "caseload_filter",
                "s",
                samples,
                CASELOAD_TARGET,
                note=f"{how}; {len(filters)} filters x {passes}; {total} requests, {open_count} open",
                details={name: median(values) for name, values in by_filter.items()},
            )
        ]
    finally:
        if view is not None:
            view.close()
            view.deleteLater()
        app.processEvents()
        context.close()


# ---------------------------------------------------------------- open_case


def _long_case(ctx, minimum: int = 50) -> tuple[int, int, bool]:
    """(case id, timeline lines, made here): the demo request with the most lines, or one given notes now."""
    from coop_desk.db.models import CaseEvent
    from coop_desk.services import cases

    with ctx.uow() as session:
        found = session.execute(
            select(CaseEvent.case_id, func.count().label("n"))
            .group_by(CaseEvent.case_id)
            .order_by(func.count().desc(), CaseEvent.case_id)
            .limit(1)
        ).first()
    if found is not None and found.n >= minimum:
        return found.case_id, found.n, False
    case_id = found.case_id if found is not None else cases.create_case(ctx, cases.NewCase(None, "Benchmark")).id
    detail = cases.get_case(ctx, case_id)
    for n in range(minimum):
        detail = cases.add_note(ctx, case_id, detail.version, f"Notitie {n + 1} voor de benchmark.")
    return case_id, len(detail.timeline), True


def run_open_case(village: Village, repeat: int | None) -> list[Result]:
    from PySide6.QtWidgets import QApplication

    from coop_desk.context import open_app
    from coop_desk.services import cases

    runs = repeat or OPEN_CASE_REPEAT
    app = _app()
    context = open_app(str(village.copy("open_case")))
    ctx = context.services
    CaseDialog = _try_import("coop_desk.ui.cases.case_dialog:CaseDialog")
    try:
        case_id, lines, made = _long_case(ctx)
        service_samples: list[float] = []

        def open_once() -> float:
            start = time.perf_counter()
            t = time.perf_counter()
            cases.get_case(ctx, case_id)
            service_samples.append(time.perf_counter() - t)
            if CaseDialog is not None:
                dialog = CaseDialog(ctx, case_id)
                dialog.show()
                QApplication.processEvents()
                seconds = time.perf_counter() - start
                dialog.close()
                dialog.deleteLater()
                QApplication.processEvents()
                return seconds
            return time.perf_counter() - start

        open_once()  # warm-up
        service_samples.clear()
        samples = [open_once() for _ in range(runs)]
        how = (
            "get_case + CaseDialog(ctx, id) + show() + processEvents() (the dialog loads the request itself too)"
            if CaseDialog is not None
            else "FALLBACK (no usable CaseDialog): get_case only"
        )
        origin = "given 50 notes via add_note in the copy" if made else "a long demo request"
        return [
            Result(
                "open_case",
                "s",
                samples,
                OPEN_CASE_TARGET,
                note=f"{how}; case {case_id} with {lines} timeline lines ({origin}); {runs} runs",
                details={"get_case only": median(service_samples), "timeline lines": float(lines)},
            )
        ]
    finally:
        app.processEvents()
        context.close()
