"""One contract with a preferred provider: its terms and rates, the signed PDFs, cancelling it, its history.

The form is saved with one service call (create_contract / update_contract). Attachments and cancelling
are their own actions and are saved at once, except on a contract that does not exist yet: PDFs chosen
there wait in the list and are added right after the contract is created. The status and the last date to
cancel are previewed live from the typed dates with the service's own date rules (providers.derive_status,
current_period_end, last_cancel_date), so the preview and what the lists show later cannot disagree.
"""

from __future__ import annotations

import tempfile
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import providers
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date, format_money, parse_date
from coop_desk.services.errors import ConflictError, NotFoundError, ServiceError, ValidationError
from coop_desk.services.sizes import file_size
from coop_desk.ui.common.conflict import attempt_save
from coop_desk.ui.common.form_errors import FieldErrors
from coop_desk.ui.common.unsaved import may_discard

RATE_COLUMNS = 4  # unit, amount, VAT %, description
PENDING_ROLE = Qt.ItemDataRole.UserRole + 1
RED = "#b00020"


def euros(cents: int | None) -> str:
    """Cents as typed in a field: 8000000 → '80.000,00' (what parse_money_cents reads back); None → ''."""
    if cents is None:
        return ""
    return format_money(cents).replace("€ ", "")


class CancelContractDialog(QDialog):
    """Asks the date the contract is cancelled on and a note; `cancel(on, note)` saves (True when done)."""

    def __init__(self, today: date, cancel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cancel = cancel
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Cancel contract"))
        self.setMinimumWidth(460)
        self.on = QLineEdit(format_date(today))
        self.on.setObjectName("cancel_on")
        self.on.setPlaceholderText(self.tr("dd-mm-yyyy"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("cancel_note")
        self.note.setPlaceholderText(self.tr("e.g. letter sent by registered post"))
        self.note.setMaximumHeight(90)
        form = QFormLayout()
        on_box = QVBoxLayout()
        on_box.addWidget(self.on)
        on_box.addWidget(self.errors.label_for("on", self.on))
        form.addRow(self.tr("Cancelled on"), on_box)
        note_box = QVBoxLayout()
        note_box.addWidget(self.note)
        note_box.addWidget(self.errors.label_for("note", self.note))
        form.addRow(self.tr("Note"), note_box)
        self.general_error = self.errors.label_for("general")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Cancel contract"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Back"))
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Record that the contract has been cancelled (opgezegd).")))
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def _on_ok(self) -> None:
        self.errors.clear()
        try:
            on = parse_date(self.on.text())
        except ValueError as exc:
            self.errors.show({"on": str(exc)})
            return
        try:
            self._cancel(on, self.note.toPlainText().strip())
        except ValidationError as exc:
            rest = self.errors.show(exc.errors)
            if rest:
                self.general_error.setText("\n".join(rest))
                self.general_error.show()
            return
        self.accept()


class ContractDialog(QDialog):
    """Create (detail=None) or edit a contract of provider `provider_id`.

    Emits `saved(contract_id)` after every change saved through it (the form, an attachment, cancelling).
    """

    saved = Signal(int)

    def __init__(
        self,
        ctx: ServiceContext,
        provider_id: int,
        detail: providers.ContractDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._provider_id = provider_id
        self._detail = detail
        self._dirty = False
        self._temp_dir: Path | None = None
        self.errors = FieldErrors()
        self._status_labels = {
            "concept": self.tr("Draft"),
            "actief": self.tr("Active"),
            "opgezegd": self.tr("Cancelled"),
            "verlopen": self.tr("Expired"),
        }
        try:
            self._provider_name = providers.get_provider(ctx, provider_id).name
        except NotFoundError:
            self._provider_name = detail.provider_name if detail else ""
        self.setMinimumSize(1180, 760)
        self._build()
        if detail is not None:
            self._fill(detail)
        else:
            self.start.setText(format_date(ctx.today()))
        self._show_side(detail)
        self._update_preview()
        self._dirty = False
        self._watch_changes()
        self.title.setFocus()

    @property
    def detail(self) -> providers.ContractDetail | None:
        return self._detail

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.header = QLabel()
        self.header.setObjectName("contract_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)

        content = QWidget()
        grid = QGridLayout(content)
        grid.addWidget(self._terms_box(), 0, 0)
        grid.addWidget(self._money_box(), 0, 1)
        notes_box = QGroupBox(self.tr("Notes"))
        notes_layout = QVBoxLayout(notes_box)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setMinimumHeight(60)
        self.notes.setMaximumHeight(120)
        notes_layout.addLayout(self.errors.with_field("notes", self.notes))
        grid.addWidget(notes_box, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)

        self.side = QTabWidget()
        self.side.setObjectName("contract_side")
        self.side.addTab(self._attachments_page(), self.tr("Attachments"))
        self.history = QListWidget()
        self.history.setObjectName("history")
        self.history.setWordWrap(True)
        self.history.setAlternatingRowColors(True)
        self.side.addTab(self.history, self.tr("History"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([820, 340])

        self.general_error = self.errors.label_for("general")
        self.cancel_contract_button = QPushButton(self.tr("Cancel contract…"))
        self.cancel_contract_button.setObjectName("cancel_contract")
        self.cancel_contract_button.setToolTip(self.tr("Record that the contract has been cancelled (opgezegd)"))
        self.cancel_contract_button.clicked.connect(self._on_cancel_contract)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Close"))
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.cancel_contract_button)
        bottom.addStretch()
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.general_error)
        layout.addLayout(bottom)

    def _terms_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Contract"))
        form = QFormLayout(box)
        self.title = self.errors.line("title", form, self.tr("Title *"), self.tr("e.g. Household help 2026-2027"))
        kinds_grid = QGridLayout()
        kinds_grid.setContentsMargins(0, 0, 0, 0)
        self.kind_boxes: dict[str, QCheckBox] = {}
        chosen = set(self._detail.kind_codes) if self._detail else set()
        for kind in providers.list_service_kinds(self._ctx, include_inactive=True):
            if not kind.active and kind.code not in chosen:
                continue
            check = QCheckBox(kind.name)
            check.setObjectName(f"kind_{kind.code}")
            index = len(self.kind_boxes)
            kinds_grid.addWidget(check, index // 2, index % 2)
            self.kind_boxes[kind.code] = check
        kinds_host = QWidget()
        kinds_host.setLayout(kinds_grid)
        form.addRow(self.tr("Services"), self.errors.with_field("kinds", kinds_host))
        self.start = self.errors.line("start", form, self.tr("Start date *"), self.tr("dd-mm-yyyy"))
        self.end = self.errors.line("end", form, self.tr("End date"), self.tr("dd-mm-yyyy (empty: open-ended)"))
        self.notice_months = QSpinBox()
        self.notice_months.setObjectName("notice_months")
        self.notice_months.setRange(0, 36)
        self.notice_months.setSuffix(self.tr(" month(s)"))
        form.addRow(self.tr("Notice period"), self.errors.with_field("notice_months", self.notice_months))
        renew = QHBoxLayout()
        self.auto_renew = QCheckBox(self.tr("Renews automatically by"))
        self.auto_renew.setObjectName("auto_renew")
        self.renew_months = QSpinBox()
        self.renew_months.setObjectName("renew_months")
        self.renew_months.setRange(1, 120)
        self.renew_months.setValue(12)
        self.renew_months.setSuffix(self.tr(" month(s)"))
        renew.addWidget(self.auto_renew)
        renew.addWidget(self.renew_months)
        renew.addStretch()
        renew_box = QVBoxLayout()
        renew_box.addLayout(renew)
        renew_box.addWidget(self.errors.label_for("renew_months", self.renew_months))
        form.addRow(self.tr("Renewal"), renew_box)
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.status.addItem(self.tr("Automatic (from the dates)"), "")
        self.status.addItem(self.tr("Draft"), "concept")
        self.status.addItem(self.tr("Cancelled"), "opgezegd")
        form.addRow(self.tr("Status"), self.errors.with_field("status", self.status))
        self.derived = QLabel()
        self.derived.setObjectName("derived")
        self.derived.setTextFormat(Qt.TextFormat.RichText)
        self.derived.setWordWrap(True)
        form.addRow("", self.derived)
        return box

    def _money_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Volume and rates"))
        layout = QVBoxLayout(box)
        form = QFormLayout()
        self.volume = self.errors.line("volume", form, self.tr("Agreed volume"), self.tr("e.g. 1,200 hours a year"))
        self.budget = self.errors.line("budget", form, self.tr("Budget (€)"), "25.000,00")
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Rates")))
        self.rates = QTableWidget(0, RATE_COLUMNS)
        self.rates.setObjectName("rates")
        self.rates.setHorizontalHeaderLabels(
            [self.tr("Unit"), self.tr("Amount (€)"), self.tr("VAT %"), self.tr("Description")]
        )
        header = self.rates.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 130), (1, 90), (2, 60)):
            self.rates.setColumnWidth(column, width)
        self.rates.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rates.verticalHeader().hide()
        self.rates.setMinimumHeight(150)
        layout.addWidget(self.rates)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add rate"))
        add.setObjectName("add_rate")
        add.clicked.connect(self._on_add_rate)
        remove = QPushButton(self.tr("Remove selected"))
        remove.setObjectName("remove_rate")
        remove.clicked.connect(self._on_remove_rate)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addWidget(self.errors.label_for("rates", self.rates))
        return box

    def _attachments_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.attachments = QListWidget()
        self.attachments.setObjectName("attachments")
        self.attachments.setWordWrap(True)
        self.attachments.itemDoubleClicked.connect(lambda _item: self.open_selected_attachment())
        layout.addWidget(self.attachments)
        row = QHBoxLayout()
        self.add_pdf_button = QPushButton(self.tr("Add PDF…"))
        self.add_pdf_button.setObjectName("add_pdf")
        self.add_pdf_button.clicked.connect(self.choose_pdf)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("open_attachment")
        self.open_button.clicked.connect(self.open_selected_attachment)
        self.remove_attachment_button = QPushButton(self.tr("Remove"))
        self.remove_attachment_button.setObjectName("remove_attachment")
        self.remove_attachment_button.clicked.connect(self.remove_selected_attachment)
        row.addWidget(self.add_pdf_button)
        row.addWidget(self.open_button)
        row.addWidget(self.remove_attachment_button)
        row.addStretch()
        layout.addLayout(row)
        self.attachment_error = QLabel()
        self.attachment_error.setObjectName("attachment_error")
        self.attachment_error.setStyleSheet(FieldErrors.STYLE)
        self.attachment_error.setWordWrap(True)
        self.attachment_error.hide()
        layout.addWidget(self.attachment_error)
        return page

    def _watch_changes(self) -> None:
        for edit in (self.title, self.start, self.end, self.volume, self.budget):
            edit.textEdited.connect(self._mark_dirty)
        for edit in (self.start, self.end):
            edit.textChanged.connect(lambda _t: self._update_preview())
        for spin in (self.notice_months, self.renew_months):
            spin.valueChanged.connect(self._mark_dirty)
        self.notice_months.valueChanged.connect(lambda _v: self._update_preview())
        self.status.currentIndexChanged.connect(self._mark_dirty)
        self.status.currentIndexChanged.connect(lambda _i: self._update_preview())
        self.auto_renew.toggled.connect(self._mark_dirty)
        self.auto_renew.toggled.connect(lambda _on: self._update_preview())
        self.renew_months.valueChanged.connect(lambda _v: self._update_preview())
        self.auto_renew.toggled.connect(self.renew_months.setEnabled)
        self.renew_months.setEnabled(self.auto_renew.isChecked())
        for check in self.kind_boxes.values():
            check.toggled.connect(self._mark_dirty)
        self.notes.textChanged.connect(self._mark_dirty)
        self.rates.itemChanged.connect(self._mark_dirty)

    def _mark_dirty(self, *_args) -> None:
        self._dirty = True

    @property
    def is_dirty(self) -> bool:
        return self._dirty

    # ------------------------------------------------------------------ values in and out

    def _fill(self, d: providers.ContractDetail) -> None:
        self.title.setText(d.title)
        codes = set(d.kind_codes)
        for code, check in self.kind_boxes.items():
            check.setChecked(code in codes)
        self.start.setText(format_date(d.start))
        self.end.setText(format_date(d.agreed_end))  # as agreed; d.end is the current period's end
        self.notice_months.setValue(d.notice_months)
        self.auto_renew.setChecked(d.auto_renew)
        self.renew_months.setValue(d.renew_months or 12)
        self.volume.setText(d.volume)
        self.budget.setText(euros(d.budget_cents))
        self.status.setCurrentIndex(max(0, self.status.findData(d.fixed_status)))
        for rate in d.rates:
            self.append_rate(
                rate.unit, euros(rate.amount_cents), str(rate.vat_percent).replace(".", ","), rate.description
            )
        self.notes.setPlainText(d.notes)

    def append_rate(self, unit: str = "uur", amount: str = "", vat: str = "21", description: str = "") -> int:
        row = self.rates.rowCount()
        self.rates.insertRow(row)
        combo = QComboBox()
        for code, label in providers.RATE_UNITS.items():
            combo.addItem(label, code)
        combo.setCurrentIndex(max(0, combo.findData(unit)))
        combo.currentIndexChanged.connect(self._mark_dirty)
        self.rates.setCellWidget(row, 0, combo)
        for column, value in ((1, amount), (2, vat), (3, description)):
            item = QTableWidgetItem(value)
            if column in (1, 2):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.rates.setItem(row, column, item)
        return row

    def _on_add_rate(self) -> None:
        row = self.append_rate()
        self.rates.setCurrentCell(row, 1)
        self.rates.editItem(self.rates.item(row, 1))
        self._dirty = True

    def _on_remove_rate(self) -> None:
        rows = sorted({i.row() for i in self.rates.selectedIndexes()}, reverse=True)
        for row in rows:
            self.rates.removeRow(row)
        self._dirty = self._dirty or bool(rows)

    def _rate_rows(self) -> list[tuple[str, str, str, str]]:
        rows = []
        for row in range(self.rates.rowCount()):
            combo = self.rates.cellWidget(row, 0)
            unit = combo.currentData() if isinstance(combo, QComboBox) else "uur"
            texts = [self.rates.item(row, c).text().strip() if self.rates.item(row, c) else "" for c in (1, 2, 3)]
            rows.append((unit, texts[0], texts[1], texts[2]))
        return rows

    def value(self) -> providers.ContractInput:
        """What the form holds now, as raw input for the service (rate rows without an amount are left out)."""
        rates = tuple(
            providers.RateInput(unit, amount, vat or "21", description)
            for unit, amount, vat, description in self._rate_rows()
            if amount or description
        )
        return providers.ContractInput(
            provider_id=self._provider_id,
            title=self.title.text(),
            kinds=tuple(code for code, check in self.kind_boxes.items() if check.isChecked()),
            start=self.start.text(),
            end=self.end.text() or None,
            notice_months=self.notice_months.value(),
            auto_renew=self.auto_renew.isChecked(),
            renew_months=self.renew_months.value(),
            volume=self.volume.text(),
            budget=self.budget.text(),
            status=self.status.currentData(),
            rates=rates,
            notes=self.notes.toPlainText(),
        )

    # ------------------------------------------------------------------ showing the state

    def _update_preview(self) -> None:
        """The status and the last date to cancel as the typed terms make them, shown under the status."""
        today = self._ctx.today()
        try:
            start = parse_date(self.start.text())
            end = parse_date(self.end.text())
        except ValueError:
            start = None
        if start is None:
            hint = escape(self.tr("The status follows once the dates are filled in correctly."))
            self.derived.setText(f"<span style='color:#666'>{hint}</span>")
            return
        renews = self.auto_renew.isChecked()
        months = self.renew_months.value()
        notice = self.notice_months.value()
        status = providers.derive_status(self.status.currentData(), start, end, renews, months, today)
        lines = [escape(self.tr("Status: {status}").format(status=self._status_labels.get(status, status)))]
        if end is None:
            lines.append(escape(self.tr("Open-ended: no cancellation deadline.")))
        elif status == "verlopen":
            lines.append(escape(self.tr("Ended on {date}").format(date=format_date(end))))
        elif status == "opgezegd":
            lines.append(escape(self.tr("Ends on {date}").format(date=format_date(end))))
        else:
            period_end = providers.current_period_end(end, renews, months, today) or end
            if period_end != end:
                lines.append(escape(self.tr("Current period ends on {date}").format(date=format_date(period_end))))
            last = providers.last_cancel_date(period_end, notice) or period_end
            if renews and last < today:  # too late for this period: the next one counts
                moved = (period_end.year - end.year) * 12 + period_end.month - end.month
                next_end = providers.add_months(end, moved + months, keep_month_end=True)
                last = providers.last_cancel_date(next_end, notice) or next_end
            days = (last - today).days
            passed = escape(self.tr("passed"))
            in_days = escape(self.tr("in %n day(s)", "", days))
            line = escape(self.tr("Cancel no later than {date}").format(date=format_date(last)))
            if days < 0:
                line = f"<span style='color:{RED}'><b>{line}</b> ({passed})</span>"
            elif days <= 30:
                line = f"<span style='color:{RED}'><b>{line}</b> ({in_days})</span>"
            elif days <= 90:
                line = f"<b>{line}</b> ({in_days})"
            lines.append(line)
        self.derived.setText("<br>".join(lines))

    def _show_side(self, detail: providers.ContractDetail | None) -> None:
        """Header, attachments and history from `detail` (form fields are left as typed)."""
        provider = escape(self._provider_name)
        if detail is None:
            title = escape(self.tr("New contract"))
            self.setWindowTitle(self.tr("New contract with {provider}").format(provider=self._provider_name))
        else:
            title = escape(detail.title)
            self.setWindowTitle(self.tr("Contract: {title}").format(title=detail.title))
        self.header.setText(
            f"<span style='color:#555'>{provider}</span><br>"
            f"<span style='font-size:14pt; font-weight:600'>{title}</span>"
        )
        self.cancel_contract_button.setEnabled(detail is not None and detail.status != "opgezegd")
        pending = self._pending()
        self.attachments.clear()
        if detail is not None:
            for a in detail.attachments:
                added = format_date(a.added_at.astimezone().date())
                text = f"{a.file_name}  ({file_size(a.size)})\n{added}, {a.added_by}"
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, a.id)
                item.setToolTip(f"SHA-256 {a.sha256}")
                self.attachments.addItem(item)
        for name, data in pending:
            self._add_pending_item(name, data)
        self.history.clear()
        if detail is not None:
            for h in detail.history:
                local = h.at.astimezone()
                self.history.addItem(f"{local:%d-%m-%Y %H:%M} · {h.by}\n{h.text}")
        if self.history.count() == 0:
            note = QListWidgetItem(self.tr("Nothing recorded yet."))
            note.setFlags(Qt.ItemFlag.NoItemFlags)
            self.history.addItem(note)

    def _pending(self) -> list[tuple[str, bytes]]:
        result = []
        for row in range(self.attachments.count()):
            data = self.attachments.item(row).data(PENDING_ROLE)
            if data is not None:
                result.append(data)
        return result

    def _add_pending_item(self, name: str, data: bytes) -> None:
        item = QListWidgetItem(f"{name}  ({file_size(len(data))})\n" + self.tr("added when the contract is saved"))
        item.setData(PENDING_ROLE, (name, data))
        self.attachments.addItem(item)

    def _reload_side(self) -> None:
        if self._detail is None:
            return
        try:
            self._detail = providers.get_contract(self._ctx, self._detail.id)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Contract not found"), str(exc))
            return
        self._show_side(self._detail)
        self._update_preview()

    # ------------------------------------------------------------------ attachments

    def choose_pdf(self) -> None:
        """'Add PDF…': pick a file; the service checks it is a PDF (its Dutch message shows when it is not)."""
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add signed contract (PDF)"), "", self.tr("PDF files (*.pdf);;All files (*)")
        )
        if chosen:
            self.add_pdf(Path(chosen))

    def add_pdf(self, path: Path) -> bool:
        self.attachment_error.hide()
        try:
            data = path.read_bytes()
        except OSError as exc:
            self._attachment_problem(
                self.tr("Could not read {file}: {error}").format(file=path.name, error=exc.strerror or exc)
            )
            return False
        if self._detail is None:
            self._add_pending_item(path.name, data)
            self._dirty = True
            return True
        try:
            providers.add_attachment(self._ctx, self._detail.id, path.name, data)
        except (ValidationError, NotFoundError) as exc:
            self._attachment_problem(self._message(exc))
            return False
        self._reload_side()
        self.saved.emit(self._detail.id)
        return True

    def _attachment_problem(self, message: str) -> None:
        self.attachment_error.setText(message)
        self.attachment_error.show()
        self.side.setCurrentIndex(0)

    @staticmethod
    def _message(exc: ServiceError) -> str:
        if isinstance(exc, ValidationError):
            return "\n".join(exc.errors.values())
        return str(exc)

    def open_selected_attachment(self) -> Path | None:
        """'Open': the stored bytes (checksum verified by the service) to a temporary file, opened by the system."""
        item = self.attachments.currentItem()
        if item is None:
            return None
        self.attachment_error.hide()
        pending = item.data(PENDING_ROLE)
        if pending is not None:
            name, data = pending
        else:
            attachment_id = item.data(Qt.ItemDataRole.UserRole)
            if attachment_id is None:
                return None
            try:
                name, data = providers.attachment_bytes(self._ctx, attachment_id)
            except ServiceError as exc:
                self._attachment_problem(self._message(exc))
                return None
        if self._temp_dir is None:
            # Not removed when the dialog closes: the PDF viewer may still have the file open.
            self._temp_dir = Path(tempfile.mkdtemp(prefix="coop-desk-contract-"))
        path = self._temp_dir / (Path(name).name or "bijlage.pdf")
        try:
            path.write_bytes(data)
        except OSError as exc:
            self._attachment_problem(str(exc))
            return None
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def remove_selected_attachment(self) -> None:
        item = self.attachments.currentItem()
        if item is None:
            return
        if item.data(PENDING_ROLE) is not None:
            self.attachments.takeItem(self.attachments.row(item))
            return
        name = item.text().split("  ")[0]
        answer = QMessageBox.question(
            self,
            self.tr("Remove attachment"),
            self.tr("Remove {file} from this contract?").format(file=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            providers.remove_attachment(self._ctx, item.data(Qt.ItemDataRole.UserRole))
        except ServiceError as exc:
            self._attachment_problem(self._message(exc))
            return
        self._reload_side()
        if self._detail is not None:
            self.saved.emit(self._detail.id)

    # ------------------------------------------------------------------ cancelling

    def _on_cancel_contract(self) -> None:
        if self._detail is None:
            return
        dialog = CancelContractDialog(self._ctx.today(), self.cancel_contract, self)
        dialog.exec()

    def cancel_contract(self, on: date | None, note: str = "") -> None:
        """Record the cancellation (raises ValidationError for the cancel dialog to show)."""
        if self._detail is None:
            return
        try:
            detail = providers.cancel_contract(self._ctx, self._detail.id, self._detail.version, on, note)
        except (ConflictError, NotFoundError) as exc:
            QMessageBox.warning(self, self.tr("Not cancelled"), str(exc))
            self._reload_side()
            return
        self._detail = detail
        was_dirty = self._dirty
        self.status.setCurrentIndex(max(0, self.status.findData("opgezegd")))
        self._dirty = was_dirty
        self._show_side(detail)
        self._update_preview()
        self.saved.emit(detail.id)

    # ------------------------------------------------------------------ saving

    def _show_validation(self, exc: ValidationError) -> None:
        filled = [row for row, (_u, amount, _v, description) in enumerate(self._rate_rows()) if amount or description]
        remapped: dict[str, str] = {}
        for field, message in exc.errors.items():
            if field.startswith("rates."):
                parts = field.split(".")
                if len(parts) > 1 and parts[1].isdigit() and int(parts[1]) < len(filled):
                    message = self.tr("Row {row}: {message}").format(row=filled[int(parts[1])] + 1, message=message)
                field = "rates"
            elif field == "provider_id":
                field = "general"
            remapped[field] = (remapped[field] + "\n" + message) if field in remapped else message
        self.errors.show_refusal(remapped, self.general_error)

    def _on_save(self) -> None:
        data = self.value()
        self.errors.clear()
        self.general_error.hide()
        created = self._detail is None
        detail = attempt_save(
            self,
            lambda: (
                providers.create_contract(self._ctx, data)
                if self._detail is None
                else providers.update_contract(self._ctx, self._detail.id, self._detail.version, data)
            ),
            self._show_validation,
        )
        if detail is None:
            return
        pending = self._pending() if created else []
        self._detail = detail
        self._dirty = False
        problems = []
        for name, blob in pending:
            try:
                providers.add_attachment(self._ctx, detail.id, name, blob)
            except (ValidationError, NotFoundError) as exc:
                problems.append(f"{name}: {self._message(exc)}")
        self.saved.emit(detail.id)
        if problems:
            # The contract is saved; stay open so the refused files can be seen and replaced.
            self.attachments.clear()
            self._reload_side()
            self._attachment_problem("\n".join(problems))
            QMessageBox.warning(
                self,
                self.tr("Attachment not added"),
                self.tr("The contract was saved, but not every attachment:") + "\n\n" + "\n".join(problems),
            )
            return
        self.accept()

    def reject(self) -> None:
        if self._dirty and not may_discard(self, self.tr("You have changed this contract. Close without saving?")):
            return
        super().reject()
