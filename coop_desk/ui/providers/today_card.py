"""The Vandaag card of the providers area: contracts whose last cancellation date or end date is near."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from coop_desk.services import providers
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date
from coop_desk.ui.today.today_view import CardItem, TodayCard

WINDOW_DAYS = 90
OVERDUE_DAYS = 14  # red: two weeks or less to send the notice
SOON_DAYS = 30  # blue: a month or less


class ContractAlertsText(QObject):
    """The card's texts. A class with self.tr() because pyside6-lupdate only marks plural forms (%n) in tr()
    calls, not in QCoreApplication.translate()."""

    def title(self) -> str:
        return self.tr("Contracts: cancel or extend")

    def empty(self) -> str:
        return self.tr("No contract deadlines in the next 90 days.")

    def cancel_before(self, day: str) -> str:
        return self.tr("Cancel before {date}").format(date=day)

    def ends_on(self, day: str) -> str:
        return self.tr("Ends on {date}").format(date=day)

    def today(self) -> str:
        return self.tr("today")

    def in_days(self, days: int) -> str:
        return self.tr("in %n day(s)", "", days)


def alert_level(days_left: int) -> str:
    if days_left <= OVERDUE_DAYS:
        return "overdue"
    if days_left <= SOON_DAYS:
        return "today"
    return "normal"


def alert_line(alert: providers.ContractAlert, texts: ContractAlertsText | None = None) -> str:
    """'Opzeggen vóór 28-02-2027 — Thuiszorg Heuvelrug: Huishoudelijke hulp' (or 'Loopt af op …')."""
    texts = texts or ContractAlertsText()
    day = format_date(alert.date)
    when = texts.cancel_before(day) if alert.kind == "cancel" else texts.ends_on(day)
    return f"{when} — {alert.provider_name}: {alert.title}"


def alert_detail(alert: providers.ContractAlert, texts: ContractAlertsText | None = None) -> str:
    """'in 12 dagen' or 'vandaag' (the service only reports dates from today on)."""
    texts = texts or ContractAlertsText()
    days = max(0, alert.days_left)
    return texts.today() if days == 0 else texts.in_days(days)


def contract_alerts_card(ctx: ServiceContext, open_contract: Callable[[int], None]) -> TodayCard:
    """Contracts to cancel or extend within WINDOW_DAYS, soonest first; double-click opens the contract."""
    texts = ContractAlertsText()

    def load() -> list[CardItem]:
        return [
            CardItem(
                "",
                alert_line(alert, texts),
                alert_detail(alert, texts),
                alert_level(alert.days_left),
                lambda cid=alert.contract_id: open_contract(cid),
            )
            for alert in providers.contract_alerts(ctx, WINDOW_DAYS)
        ]

    return TodayCard("contract_alerts", texts.title(), load, texts.empty())
