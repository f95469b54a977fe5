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


def rides_card(ctx: ServiceContext, open_group: Callable[[int], None]) -> TodayCard:
    """Rides today and tomorrow; a ride without a driver is shown as urgent."""

    def load() -> list[CardItem]:
        from coop_desk.services import rides

        today = ctx.today()
        items: list[CardItem] = []
        for day in (today, today + timedelta(days=1)):
            if len(items) >= CardWidget.MAX_ITEMS:
                break
            prefix = "" if day == today else QCoreApplication.translate("TodayCards", "tomorrow") + " "
            for ride in rides.rides_on(ctx, day, limit=CardWidget.MAX_ITEMS - len(items)):
                driver = ride.driver_name or QCoreApplication.translate("TodayCards", "no driver yet")
                level = "normal"
                if not ride.driver_name:
                    level = "overdue" if day == today else "today"
                items.append(
                    CardItem(
                        prefix + ride.pickup_time.strftime("%H:%M"),
                        f"{ride.passenger_name} → {ride.destination_name}",
                        QCoreApplication.translate("TodayCards", "Driver: {name}").format(name=driver),
                        level,
                        lambda gid=ride.group_id: open_group(gid),
                    )
                )
        return items[: CardWidget.MAX_ITEMS]

    def count() -> int:
        from coop_desk.services import rides

        today = ctx.today()
        return rides.count_rides_on(ctx, today) + rides.count_rides_on(ctx, today + timedelta(days=1))

    return TodayCard(
        "rides",
        QCoreApplication.translate("TodayCards", "Rides today and tomorrow"),
        load,
        QCoreApplication.translate("TodayCards", "No rides today or tomorrow."),
        count,
    )


def meals_card(ctx: ServiceContext, open_group: Callable[[int], None]) -> TodayCard:
    """The communal meals of this week (Monday to Sunday) with guests and cooks."""

    def load() -> list[CardItem]:
        from coop_desk.services import meals

        today = ctx.today()
        monday = today - timedelta(days=today.weekday())
        items = []
        for meal in meals.meals_between(ctx, monday, monday + timedelta(days=6)):
            if meal.cancelled:
                detail = QCoreApplication.translate("TodayCards", "cancelled")
            else:
                places = f"{meal.guests}/{meal.max_guests}" if meal.max_guests is not None else str(meal.guests)
                cooks = ", ".join(meal.cooks) or QCoreApplication.translate("TodayCards", "no cooks yet")
                detail = QCoreApplication.translate("TodayCards", "{places} guests — cooks: {cooks}").format(
                    places=places, cooks=cooks
                )
            level = "today" if meal.day == today else "normal"
            if not meal.cancelled and not meal.cooks and meal.day >= today:
                level = "overdue"
            when = f"{WEEKDAYS[meal.day.weekday()][:2]} {meal.day:%d-%m}"
            text = f"{meal.group_name}: {meal.menu}" if meal.menu else meal.group_name
            items.append(CardItem(when, text, detail, level, lambda gid=meal.group_id: open_group(gid)))
        return items

    return TodayCard(
        "meals",
        QCoreApplication.translate("TodayCards", "Meals this week"),
        load,
        QCoreApplication.translate("TodayCards", "No communal meals this week."),
    )


def vog_card(ctx: ServiceContext, open_volunteer: Callable[[int], None]) -> TodayCard:
    """Volunteers whose certificate of conduct (VOG) is missing, expired or about to expire."""

    found: list[int] = [0]  # how many need renewing, from the same look-up as the lines

    def load() -> list[CardItem]:
        from coop_desk.services import volunteers

        items = []
        reminders = volunteers.vog_reminders(ctx, ctx.today())
        found[0] = len(reminders)
        for reminder in reminders[: CardWidget.MAX_ITEMS]:
            if reminder.expires_on is None:
                when, detail, level = "—", QCoreApplication.translate("TodayCards", "no VOG registered"), "today"
            else:
                when = f"{reminder.expires_on:%d-%m-%Y}"
                expired = reminder.expires_on < ctx.today()
                detail = (
                    QCoreApplication.translate("TodayCards", "VOG expired")
                    if expired
                    else QCoreApplication.translate("TodayCards", "VOG expires soon")
                )
                level = "overdue" if expired else "today"
            items.append(
                CardItem(when, reminder.name, detail, level, lambda vid=reminder.volunteer_id: open_volunteer(vid))
            )
        return items

    return TodayCard(
        "vog",
        QCoreApplication.translate("TodayCards", "VOG to renew"),
        load,
        QCoreApplication.translate("TodayCards", "Every VOG is in order."),
        lambda: found[0],
    )
