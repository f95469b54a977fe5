"""The Aanbieders screen: the preferred providers, the selected provider's card, its contracts and referrals."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import providers
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import MONTHS, format_date
from coop_desk.services.errors import ConflictError, NotFoundError, ServiceError, ValidationError
from coop_desk.ui.excel.export import ExportButton
from coop_desk.ui.letters.printing import print_pdf
from coop_desk.ui.providers.contract_dialog import ContractDialog
from coop_desk.ui.providers.provider_dialog import ProviderDialog
from coop_desk.ui.providers.providers_table_model import SOON_DAYS, ProvidersTableModel

RED = "#b00020"


def month_label(key: str) -> str:
    """'2026-11' → 'november 2026'."""
    year, _, month = key.partition("-")
    if not (year.isdigit() and month.isdigit() and 1 <= int(month) <= 12):
        return key
    return f"{MONTHS[int(month) - 1]} {year}"


class ProvidersView(QWidget):
    """The provider list with search and a service filter, and the selected provider's card.

    `case_requested(case_id)` asks the main window to open a help request clicked on the card.
    """

    SEARCH_DELAY_MS = 150
    case_requested = Signal(int)

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("providers_view")
        self._ctx = ctx
        self._current: providers.ProviderDetail | None = None
        self.provider_dialog: ProviderDialog | None = None
        self.contract_dialog: ContractDialog | None = None
        self.model = ProvidersTableModel(ctx.today, self)
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.new_button.clicked.connect(self.new_provider)
        self.edit_button.clicked.connect(self.edit_current)
        self.new_contract_button.clicked.connect(self.new_contract)
        self.delete_button.clicked.connect(self.delete_current)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self._focus_search)
        self.refresh()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("providers_search")
        self.search.setPlaceholderText(self.tr("Search by name, place or contact person (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setObjectName("providers_kind")
        self.kind.addItem(self.tr("All services"), None)
        for kind in providers.list_service_kinds(self._ctx):
            self.kind.addItem(kind.name, kind.code)
        self.count_label = QLabel()
        self.count_label.setObjectName("providers_count")
        self.new_button = QPushButton(self.tr("New provider"))
        self.new_button.setObjectName("new_provider")
        self.print_button = QPushButton(self.tr("Print overview"))
        self.print_button.setObjectName("print_overview")
        self.print_button.setToolTip(self.tr("All providers with their contacts and contracts, as a PDF"))
        menu = QMenu(self.print_button)
        save_action = menu.addAction(self.tr("Save as PDF…"))
        save_action.triggered.connect(lambda _checked=False: self.save_overview())
        print_action = menu.addAction(self.tr("Print…"))
        print_action.triggered.connect(lambda _checked=False: self.print_overview())
        self.print_button.setMenu(menu)
        self.export_providers = ExportButton(self._ctx, "providers", "aanbieders")
        self.export_providers.setText(self.tr("Providers to Excel…"))
        self.export_contracts = ExportButton(self._ctx, "contracts", "contracten")
        self.export_contracts.setText(self.tr("Contracts to Excel…"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind)
        top.addWidget(self.count_label)
        top.addWidget(self.new_button)
        top.addWidget(self.print_button)
        top.addWidget(self.export_providers)
        top.addWidget(self.export_contracts)

        self.table = QTableView()
        self.table.setObjectName("providers_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 190), (1, 180), (2, 115), (3, 105), (4, 85)):
            self.table.setColumnWidth(column, width)

        self.card = QTextBrowser()
        self.card.setObjectName("provider_card")
        self.card.setOpenLinks(False)
        self.card.anchorClicked.connect(self._on_card_link)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setObjectName("edit_provider")
        self.new_contract_button = QPushButton(self.tr("New contract"))
        self.new_contract_button.setObjectName("new_contract")
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("delete_provider")
        card_buttons = QHBoxLayout()
        card_buttons.addWidget(self.edit_button)
        card_buttons.addWidget(self.new_contract_button)
        card_buttons.addStretch()
        card_buttons.addWidget(self.delete_button)
        card_panel = QWidget()
        card_layout = QVBoxLayout(card_panel)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(self.card)
        card_layout.addLayout(card_buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("providers_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(card_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([800, 520])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._show_card(None)

    # ------------------------------------------------------------------ list and card

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        """Read the list again with the current search and filter; the selected provider stays selected."""
        self._timer.stop()
        keep = self._current.id if self._current else None
        rows = providers.list_providers(self._ctx, self.search.text().strip(), self.kind.currentData())
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n provider(s)", "", len(rows)))
        if keep is not None and self.select_provider(keep):
            return
        self._show_card(None)

    def select_provider(self, provider_id: int) -> bool:
        """Select the provider in the list (and show its card); False when the list does not show it."""
        row = self.model.row_of(provider_id)
        if row < 0:
            return False
        if self._selected_id() == provider_id:
            self._load_card(provider_id)
        else:
            self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.model.provider_at(rows[0].row())
        return row.id if row else None

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        provider_id = self._selected_id()
        if provider_id is None:
            self._show_card(None)
        else:
            self._load_card(provider_id)

    def _load_card(self, provider_id: int) -> None:
        try:
            self._show_card(providers.get_provider(self._ctx, provider_id))
        except NotFoundError:
            self._show_card(None)

    @property
    def current(self) -> providers.ProviderDetail | None:
        return self._current

    def _show_card(self, detail: providers.ProviderDetail | None) -> None:
        self._current = detail
        for button in (self.edit_button, self.new_contract_button, self.delete_button):
            button.setEnabled(detail is not None)
        if detail is None:
            hint = self.tr("Select a provider to see its contacts, contracts and referrals.")
            self.card.setHtml(f"<p style='color:#666'>{escape(hint)}</p>")
            return
        self.card.setHtml(self._card_html(detail))

    def _labels(self) -> dict[str, str]:
        """The card's headings, translated and escaped once per card."""
        label = {
            "service_area": self.tr("Service area"),
            "kvk": self.tr("KvK"),
            "agb": self.tr("AGB"),
            "contact_people": self.tr("Contact people"),
            "notes": self.tr("Notes"),
            "contracts": self.tr("Contracts"),
            "no_contracts_yet": self.tr("No contracts yet."),
            "referred_help_requests": self.tr("Referred help requests"),
            "no_help_requests_referred_yet": self.tr("No help requests referred yet."),
            "per_month": self.tr("Per month"),
        }
        return {key: escape(value) for key, value in label.items()}

    def _card_html(self, d: providers.ProviderDetail) -> str:
        label = self._labels()
        kind_names = {k.code: k.name for k in providers.list_service_kinds(self._ctx, include_inactive=True)}
        parts = [f"<h2 style='margin-bottom:2px'>{escape(d.name)}</h2>"]
        if d.kinds:
            kinds = ", ".join(kind_names.get(code, code) for code in d.kinds)
            parts.append(f"<p style='color:#555; margin-top:0'>{escape(kinds)}</p>")
        address = []
        if d.street or d.house_number:
            address.append(escape(f"{d.street} {d.house_number}".strip()))
        if d.postcode or d.city:
            address.append(escape(f"{d.postcode}  {d.city.upper()}".strip()))
        contact = [escape(v) for v in (d.phone, d.email) if v]
        if d.website:
            url = d.website if "://" in d.website else f"https://{d.website}"
            contact.append(f"<a href='{escape(url, quote=True)}'>{escape(d.website)}</a>")
        block = address + contact
        if block:
            parts.append("<p>" + "<br>".join(block) + "</p>")
        facts = []
        if d.service_area:
            facts.append(f"{label['service_area']}: {escape(d.service_area)}")
        if d.kvk:
            facts.append(f"{label['kvk']}: {escape(d.kvk)}")
        if d.agb:
            facts.append(f"{label['agb']}: {escape(d.agb)}")
        if facts:
            parts.append("<p>" + "<br>".join(facts) + "</p>")

        if d.contacts:
            items = "".join(
                f"<li><b>{escape(c.name)}</b>"
                + (f", {escape(c.role)}" if c.role else "")
                + (f" — {escape(c.phone)}" if c.phone else "")
                + (f" — <a href='mailto:{escape(c.email, quote=True)}'>{escape(c.email)}</a>" if c.email else "")
                + "</li>"
                for c in d.contacts
            )
            parts.append(f"<p><b>{label['contact_people']}</b></p><ul style='margin-top:0'>{items}</ul>")

        parts.append(self._contracts_html(d))
        parts.append(self._referrals_html(d))
        if d.notes:
            notes = escape(d.notes).replace("\n", "<br>")
            parts.append(f"<p><b>{label['notes']}</b><br>{notes}</p>")
        return "".join(parts)

    def _contracts_html(self, d: providers.ProviderDetail) -> str:
        label = self._labels()
        heading = f"<p><b>{label['contracts']}</b></p>"
        if not d.contracts:
            return heading + f"<p style='color:#666'>{label['no_contracts_yet']}</p>"
        today = self._ctx.today()
        statuses = providers.CONTRACT_STATUSES
        head = "".join(
            f"<th align='left' style='padding-right:10px; color:#555'>{escape(h)}</th>"
            for h in (self.tr("Contract"), self.tr("Status"), self.tr("Term"), self.tr("Cancel before"))
        )
        rows = []
        for c in d.contracts:
            term = format_date(c.start) + " – " + (format_date(c.end) if c.end else self.tr("open-ended"))
            last = format_date(c.last_cancel_date) or "–"
            if c.last_cancel_date and c.status in ("actief", "concept"):
                days = (c.last_cancel_date - today).days
                if days <= SOON_DAYS:
                    last = f"<span style='color:{RED}'><b>{last}</b></span>"
            rows.append(
                "<tr>"
                f"<td style='padding-right:10px'><a href='contract:{c.id}'>{escape(c.title)}</a></td>"
                f"<td style='padding-right:10px'>{escape(statuses.get(c.status, c.status))}</td>"
                f"<td style='padding-right:10px'>{escape(term)}</td>"
                f"<td>{last}</td>"
                "</tr>"
            )
        return heading + f"<table cellspacing='0' cellpadding='2'><tr>{head}</tr>{''.join(rows)}</table>"

    def _referrals_html(self, d: providers.ProviderDetail) -> str:
        label = self._labels()
        heading = f"<p><b>{label['referred_help_requests']}</b></p>"
        if not d.referrals:
            return heading + f"<p style='color:#666'>{label['no_help_requests_referred_yet']}</p>"
        counts = providers.referral_counts_per_month(self._ctx, d.id)
        per_month = ", ".join(f"{escape(month_label(month))}: {count}" for month, count in counts)
        parts = [heading]
        if per_month:
            parts.append(f"<p style='margin-top:0'>{label['per_month']}: {per_month}</p>")
        items = "".join(
            f"<li>{format_date(r.referred_on)} — <a href='case:{r.case_id}'>{escape(r.case_title)}</a>"
            + (f" ({escape(r.client_name)})" if r.client_name else "")
            + f" — {escape(r.status)}</li>"
            for r in d.referrals[:20]
        )
        parts.append(f"<ul style='margin-top:0'>{items}</ul>")
        if len(d.referrals) > 20:
            more = self.tr("… and %n more", "", len(d.referrals) - 20)
            parts.append(f"<p style='color:#666'>{escape(more)}</p>")
        return "".join(parts)

    def _on_card_link(self, url: QUrl) -> None:
        kind, _, number = url.toString().partition(":")
        if kind == "contract" and number.isdigit():
            self.open_contract(int(number))
        elif kind == "case" and number.isdigit():
            self.case_requested.emit(int(number))
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    # ------------------------------------------------------------------ actions

    def new_provider(self) -> ProviderDialog:
        return self._open_provider_dialog(None)

    def edit_current(self) -> ProviderDialog | None:
        if self._current is None:
            return None
        return self._open_provider_dialog(self._current)

    def _open_provider_dialog(self, detail: providers.ProviderDetail | None) -> ProviderDialog:
        dialog = ProviderDialog(self._ctx, detail, self)
        dialog.saved.connect(self._after_provider_saved)
        self.provider_dialog = dialog
        dialog.open()
        return dialog

    def _after_provider_saved(self, provider_id: int) -> None:
        self.refresh()
        if not self.select_provider(provider_id):
            self._load_card(provider_id)

    def new_contract(self) -> ContractDialog | None:
        if self._current is None:
            return None
        return self._open_contract_dialog(self._current.id, None)

    def open_contract(self, contract_id: int) -> ContractDialog | None:
        """Show the contract (from the card, or from the Vandaag card via the main window)."""
        try:
            detail = providers.get_contract(self._ctx, contract_id)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Contract not found"), str(exc))
            return None
        if self.model.row_of(detail.provider_id) < 0 and (self.search.text() or self.kind.currentIndex()):
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(0)
            self.kind.blockSignals(False)
            self.refresh()
        self.select_provider(detail.provider_id)
        return self._open_contract_dialog(detail.provider_id, detail)

    def _open_contract_dialog(self, provider_id: int, detail: providers.ContractDetail | None) -> ContractDialog:
        dialog = ContractDialog(self._ctx, provider_id, detail, self)
        dialog.saved.connect(lambda _contract_id, pid=provider_id: self._after_contract_saved(pid))
        self.contract_dialog = dialog
        dialog.open()
        return dialog

    def _after_contract_saved(self, provider_id: int) -> None:
        self.refresh()
        if self._current is None or self._current.id != provider_id:
            self.select_provider(provider_id)

    def delete_current(self) -> None:
        d = self._current
        if d is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete provider"),
            self.tr("Delete {name}? This cannot be undone.").format(name=d.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            providers.delete_provider(self._ctx, d.id, d.version)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Not deleted"), "\n".join(exc.errors.values()))
            return
        except (ConflictError, NotFoundError) as exc:
            QMessageBox.warning(self, self.tr("Not deleted"), str(exc))
        self._current = None
        self.refresh()

    # ------------------------------------------------------------------ overview PDF

    def _overview(self) -> bytes | None:
        try:
            return providers.overview_pdf(self._ctx)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("No overview"), str(exc))
            return None

    def save_overview(self) -> Path | None:
        """'Save as PDF…': the overview of all providers to a file chosen by the user."""
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save overview"),
            f"aanbieders-{self._ctx.today().isoformat()}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        pdf = self._overview()
        if pdf is None:
            return None
        try:
            path.write_bytes(pdf)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("Could not write {file} ({error}). Is it still open?").format(
                    file=path.name, error=exc.strerror or exc
                ),
            )
            return None
        return path

    def print_overview(self, printer=None) -> bool:
        """'Print…': the overview through the print dialog (or straight to `printer`)."""
        pdf = self._overview()
        if pdf is None:
            return False
        return print_pdf(self, pdf, self.tr("Providers overview"), printer)
