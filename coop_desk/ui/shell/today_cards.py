"""The cards each working area contributes to the Vandaag screen, wired up by the main window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication

from coop_desk.services import cases, intake
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import WEEKDAYS
from coop_desk.ui.today.today_view import CardItem, CardWidget, TodayCard


def _when(moment: datetime, today: date) -> str:
    local = moment.astimezone()
    if local.date() == today:
        return local.strftime("%H:%M")
    if local.date() == today + timedelta(days=1):
        return QCoreApplication.translate("TodayCards", "tomorrow") + local.strftime(" %H:%M")
    return f"{WEEKDAYS[local.weekday()][:2]} {local:%d-%m}"


def callbacks_card(
    ctx: ServiceContext, open_case: Callable[[int], None], done_call: Callable[[intake.Callback], None]
) -> TodayCard:
    def load() -> list[CardItem]:
        today = ctx.today()
        items = []
        for cb in intake.callbacks_due(ctx, today, limit=CardWidget.MAX_ITEMS):
            level = "overdue" if cb.overdue else "today"
            text = f"{cb.name}  {cb.phone}".strip()
            action = (lambda cid=cb.id: open_case(cid)) if cb.kind == "case" else (lambda c=cb: done_call(c))
            items.append(CardItem(_when(cb.due, today), text, cb.about, level, action))
        return items

    return TodayCard(
        "callbacks",
        QCoreApplication.translate("TodayCards", "Call back"),
        load,
        QCoreApplication.translate("TodayCards", "No callbacks due today."),
        lambda: intake.count_callbacks_due(ctx, ctx.today()),
    )


def calls_today_card(ctx: ServiceContext, open_case: Callable[[int], None]) -> TodayCard:
    def load() -> list[CardItem]:
        items = []
        for call in intake.calls_on(ctx, ctx.today(), limit=CardWidget.MAX_ITEMS):
            who = call.caller
            if call.subject and call.subject != call.caller:
                who += " " + QCoreApplication.translate("TodayCards", "on behalf of {name}").format(name=call.subject)
            detail = ", ".join(call.categories)
            outcome = intake.OUTCOME_LABELS[call.outcome]
            detail = f"{detail} — {outcome}" if detail else outcome
            action = (lambda cid=call.case_id: open_case(cid)) if call.case_id else None
            items.append(CardItem(call.started_at.astimezone().strftime("%H:%M"), who, detail, "normal", action))
        return items

    return TodayCard(
        "calls_today",
        QCoreApplication.translate("TodayCards", "Calls today"),
        load,
        QCoreApplication.translate("TodayCards", "No calls registered today yet."),
        lambda: intake.count_calls_on(ctx, ctx.today()),
    )


def new_cases_card(ctx: ServiceContext, open_case: Callable[[int], None]) -> TodayCard:
    def load() -> list[CardItem]:
        today = ctx.today()
        week_start = datetime.combine(today - timedelta(days=today.weekday()), datetime.min.time()).astimezone()
        rows = cases.caseload(ctx, cases.CaseFilter(statuses=frozenset()), cases.CaseSort("opened_at", True), 0, 100)
        return [
            CardItem(
                _when(row.opened_at, today),
                f"{row.client_name}: {row.title}" if row.client_name else row.title,
                f"{', '.join(row.categories)} — {row.status_label}" if row.categories else row.status_label,
                "normal",
                lambda cid=row.id: open_case(cid),
            )
            for row in rows
            if row.opened_at >= week_start
        ]

    return TodayCard(
        "new_cases",
        QCoreApplication.translate("TodayCards", "New help requests this week"),
        load,
        QCoreApplication.translate("TodayCards", "No new help requests this week."),
    )
