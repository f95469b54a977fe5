"""One help request: its state, timeline, referrals and scores, and the actions that move it along.

Every action calls one service function with the version this dialog holds and then shows the state the
service returns; a ConflictError (someone else changed the request) reloads the latest state and never
overwrites it. Text typed into the note fields is only cleared after a successful save.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import cases, providers
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date, parse_date
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.ui.cases.caseload_table_model import format_local
from coop_desk.ui.common.form_errors import FieldErrors

MOMENTS = ("intake", "closure")


class ScoresDialog(QDialog):
    """Self-reliance 1-5 per life domain for one moment; '–' means not scored (left as it is)."""

    def __init__(self, scores: dict[tuple[str, str], int], moment: str = "intake", parent=None) -> None:
        super().__init__(parent)
        self._scores = dict(scores)
        self.setWindowTitle(self.tr("Record self-reliance"))
        self.moment = QComboBox()
        self.moment.setObjectName("moment")
        self.moment.addItem(self.tr("At intake"), "intake")
        self.moment.addItem(self.tr("At closure"), "closure")
        form = QFormLayout()
        form.addRow(self.tr("Moment"), self.moment)
        self.spins: dict[str, QSpinBox] = {}
        for domain, label in cases.LIFE_DOMAINS.items():
            spin = QSpinBox()
            spin.setObjectName(f"score_{domain}")
            spin.setRange(0, 5)
            spin.setSpecialValueText("–")
            spin.setToolTip(self.tr("1 = acute problems, 5 = fully self-reliant; – = not scored"))
            self.spins[domain] = spin
            form.addRow(label, spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Score each life domain from 1 (acute problems) to 5 (fully self-reliant).")))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.moment.currentIndexChanged.connect(lambda _i: self._fill())
        self.moment.setCurrentIndex(max(0, self.moment.findData(moment)))
        self._fill()

    def _fill(self) -> None:
        moment = self.moment.currentData()
        for domain, spin in self.spins.items():
            spin.setValue(self._scores.get((domain, moment), 0))

    def selected_moment(self) -> str:
        return self.moment.currentData()

    def values(self) -> dict[str, int]:
        """The scored domains (those not left at '–')."""
        return {domain: spin.value() for domain, spin in self.spins.items() if spin.value()}


class CaseDialog(QDialog):
    """A help request and its actions. Emits `changed(case_id)` after every change saved through it."""

    changed = Signal(int)

    def __init__(self, ctx: ServiceContext, case_id: int, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._case_id = case_id
        self.detail: cases.CaseDetail | None = None
        self.errors = FieldErrors()
        self._status_labels = {
            "nieuw": self.tr("New"),
            "in_behandeling": self.tr("In progress"),
            "doorverwezen": self.tr("Referred"),
            "afgerond": self.tr("Completed"),
            "gestopt": self.tr("Stopped"),
        }
        self._kind_labels = {
            "call": self.tr("Call"),
            "note": self.tr("Note"),
            "status": self.tr("Status"),
            "referral": self.tr("Referral"),
            "followup": self.tr("Call back"),
            "score": self.tr("Self-reliance"),
            "handler": self.tr("Handler"),
            "letter": self.tr("Letter"),
            "edit": self.tr("Change"),
        }
        self.setMinimumSize(1040, 700)
        self._build()
        self.reload()
        self.note.setFocus()

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.summary = QLabel()
        self.summary.setObjectName("case_summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.actions = QTabWidget()
        self.actions.setObjectName("case_actions")
        self.actions.setUsesScrollButtons(False)  # every action tab stays in sight
        self.actions.addTab(self._note_page(), self.tr("Add note"))
        self.actions.addTab(self._status_page(), self.tr("Status"))
        self.actions.addTab(self._follow_up_page(), self.tr("Call back"))
        self.actions.addTab(self._referral_page(), self.tr("Refer"))
        self.actions.addTab(self._details_page(), self.tr("Details"))

        self.timeline = QTextBrowser()
        self.timeline.setObjectName("timeline")
        self.timeline.setOpenLinks(False)
        self.referrals = QTableWidget(0, 4)
        self.referrals.setObjectName("referrals")
        self.referrals.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Route"), self.tr("To"), self.tr("Note")])
        self._read_only(self.referrals)
        self.referrals.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.scores = QTableWidget(len(cases.LIFE_DOMAINS), 3)
        self.scores.setObjectName("scores")
        self.scores.setHorizontalHeaderLabels([self.tr("Life domain"), self.tr("Intake"), self.tr("Closure")])
        self._read_only(self.scores)
        scores_header = self.scores.horizontalHeader()
        scores_header.setStretchLastSection(False)
        scores_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            scores_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.scores.setColumnWidth(column, 100)
        self.scores_button = QPushButton(self.tr("Record scores…"))
        self.scores_button.clicked.connect(self._on_scores_clicked)
        scores_page = QWidget()
        scores_layout = QVBoxLayout(scores_page)
        scores_layout.addWidget(self.scores)
        scores_buttons = QHBoxLayout()
        scores_buttons.addWidget(self.scores_button)
        scores_buttons.addStretch()
        scores_layout.addLayout(scores_buttons)

        self.history = QTabWidget()
        self.history.setObjectName("case_history")
        self.history.addTab(self.timeline, self.tr("Timeline"))
        self.history.addTab(self.referrals, self.tr("Referrals"))
        self.history.addTab(scores_page, self.tr("Self-reliance"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.actions)
        splitter.addWidget(self.history)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([480, 600])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

    def _read_only(self, table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setAlternatingRowColors(True)

    def _note_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setPlaceholderText(self.tr("What was discussed or done?"))
        layout.addLayout(self.errors.with_field("note", self.note))
        self.note_button = QPushButton(self.tr("Add note"))
        self.note_button.setObjectName("add_note")
        self.note_button.clicked.connect(self.add_note)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.note_button)
        layout.addLayout(row)
        return page

    def _status_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.current_status = QLabel()
        self.current_status.setObjectName("current_status")
        layout.addWidget(self.current_status)
        layout.addWidget(QLabel(self.tr("Reason (required to complete or stop):")))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why does the status change?"))
        layout.addLayout(self.errors.with_field("reason", self.reason))
        row = QHBoxLayout()
        self.status_buttons: dict[str, QPushButton] = {}
        for code in ("in_behandeling", "doorverwezen", "afgerond", "gestopt"):
            button = QPushButton()
            button.setObjectName(f"status_{code}")
            button.clicked.connect(lambda _checked=False, c=code: self.change_status(c))
            self.status_buttons[code] = button
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        layout.addWidget(self.errors.label_for("status"))
        layout.addStretch()
        return page

    def _follow_up_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.follow_up_date = QLineEdit()
        self.follow_up_date.setObjectName("follow_up_on")
        self.follow_up_date.setPlaceholderText(self.tr("dd-mm-yyyy"))
        form.addRow(self.tr("Call back on"), self.errors.with_field("follow_up_on", self.follow_up_date))
        self.follow_up_note = QLineEdit()
        self.follow_up_note.setObjectName("follow_up_note")
        self.follow_up_note.setPlaceholderText(self.tr("What to call about"))
        form.addRow(self.tr("Note"), self.follow_up_note)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.follow_up_button = QPushButton(self.tr("Set call back"))
        self.follow_up_button.setObjectName("set_follow_up")
        self.follow_up_button.clicked.connect(self.set_follow_up)
        self.clear_follow_up_button = QPushButton(self.tr("Clear call back"))
        self.clear_follow_up_button.setObjectName("clear_follow_up")
        self.clear_follow_up_button.clicked.connect(self.clear_follow_up)
        row.addStretch()
        row.addWidget(self.clear_follow_up_button)
        row.addWidget(self.follow_up_button)
        layout.addLayout(row)
        layout.addStretch()
        return page

    def _referral_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.route = QComboBox()
        self.route.setObjectName("route")
        for code, label in cases.ROUTE_LABELS.items():
            self.route.addItem(label, code)
        form.addRow(self.tr("Refer to"), self.errors.with_field("route", self.route))
        self.target = QLineEdit()
        self.target.setObjectName("target")
        self.target.setPlaceholderText(self.tr("Work group, provider, organisation or person"))
        self.target_row = self.errors.with_field("target", self.target)
        form.addRow(self.tr("Name"), self.target_row)
        # A preferred provider is chosen from the register, narrowed to those offering a kind of service.
        self.provider_kind = QComboBox()
        self.provider_kind.setObjectName("provider_kind")
        self.provider_kind.addItem(self.tr("All kinds of service"), None)
        for kind in providers.list_service_kinds(self._ctx):
            self.provider_kind.addItem(kind.name, kind.code)
        self.provider = QComboBox()
        self.provider.setObjectName("provider")
        self.provider_box = QWidget()
        provider_layout = QHBoxLayout(self.provider_box)
        provider_layout.setContentsMargins(0, 0, 0, 0)
        provider_layout.addWidget(self.provider_kind)
        provider_layout.addLayout(self.errors.with_field("provider", self.provider), 1)
        form.addRow(self.tr("Provider"), self.provider_box)
        self.provider_kind.currentIndexChanged.connect(self._fill_providers)
        self.route.currentIndexChanged.connect(self._on_route_changed)
        self._fill_providers()
        self._on_route_changed()
        self.referral_note = QPlainTextEdit()
        self.referral_note.setObjectName("referral_note")
        self.referral_note.setMaximumHeight(90)
        form.addRow(self.tr("Note"), self.referral_note)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.referral_button = QPushButton(self.tr("Refer"))
        self.referral_button.setObjectName("add_referral")
        self.referral_button.clicked.connect(self.add_referral)
        row.addStretch()
        row.addWidget(self.referral_button)
        layout.addLayout(row)
        direct = QHBoxLayout()
        direct.addWidget(QLabel(self.tr("Or arrange it with a work group straight away:")))
        self.ride_button = QPushButton(self.tr("Request a ride…"))
        self.ride_button.setObjectName("request_ride")
        self.ride_button.clicked.connect(self.request_ride)
        self.job_button = QPushButton(self.tr("Request an odd job…"))
        self.job_button.setObjectName("request_job")
        self.job_button.clicked.connect(self.request_job)
        direct.addStretch()
        direct.addWidget(self.ride_button)
        direct.addWidget(self.job_button)
        layout.addLayout(direct)
        layout.addStretch()
        return page

    def _group_of_kind(self, kind: str) -> int | None:
        from coop_desk.services import groups

        return next((g.id for g in groups.list_groups(self._ctx) if g.kind == kind), None)

    def request_ride(self) -> QDialog | None:
        """A ride for the client, linked to this request (its timeline and referrals are updated on saving)."""
        from coop_desk.ui.groups.ride_dialog import RideDialog

        return self._open_group_dialog(
            "rides",
            lambda group_id, client_id: RideDialog(
                self._ctx, group_id, None, self, case_id=self._case_id, passenger_id=client_id
            ),
        )

    def request_job(self) -> QDialog | None:
        """An odd job for the client, linked to this request."""
        from coop_desk.ui.groups.job_dialog import JobDialog

        return self._open_group_dialog(
            "jobs",
            lambda group_id, client_id: JobDialog(
                self._ctx, group_id, None, self, case_id=self._case_id, requester_id=client_id
            ),
        )

    def _open_group_dialog(self, kind: str, make) -> QDialog | None:
        if self.detail is None:
            return None
        group_id = self._group_of_kind(kind)
        if group_id is None:
            QMessageBox.information(
                self, self.tr("No work group"), self.tr("There is no active work group for this yet (Work groups).")
            )
            return None
        dialog = make(group_id, self.detail.client_id)
        dialog.accepted.connect(self._after_group_request)
        self.group_dialog = dialog
        dialog.open()
        return dialog

    def _after_group_request(self) -> None:
        self.reload()
        if self.detail is not None:
            self.changed.emit(self.detail.id)

    def _details_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("title")
        self.title_edit.setMaxLength(200)
        form.addRow(self.tr("Description"), self.errors.with_field("title", self.title_edit))
        self.category_list = QListWidget()
        self.category_list.setObjectName("categories")
        self.category_list.setMinimumHeight(220)
        form.addRow(self.tr("Categories"), self.errors.with_field("categories", self.category_list))
        self.urgency = QComboBox()
        self.urgency.setObjectName("urgency")
        for code, label in cases.URGENCY_LABELS.items():
            self.urgency.addItem(label, code)
        form.addRow(self.tr("Urgency"), self.errors.with_field("urgency", self.urgency))
        layout.addLayout(form)
        row = QHBoxLayout()
        self.details_button = QPushButton(self.tr("Save description"))
        self.details_button.setObjectName("save_details")
        self.details_button.clicked.connect(self.save_details)
        row.addStretch()
        row.addWidget(self.details_button)
        layout.addLayout(row)

        handler_form = QFormLayout()
        self.handler = QComboBox()
        self.handler.setObjectName("handler")
        self.handler.setEditable(True)
        handler_row = QHBoxLayout()
        handler_row.addLayout(self.errors.with_field("handler", self.handler), 1)
        self.handler_button = QPushButton(self.tr("Change handler"))
        self.handler_button.setObjectName("set_handler")
        self.handler_button.clicked.connect(self.set_handler)
        handler_row.addWidget(self.handler_button, 0, Qt.AlignmentFlag.AlignTop)
        handler_form.addRow(self.tr("Handler"), handler_row)
        layout.addSpacing(12)
        layout.addLayout(handler_form)
        layout.addStretch()
        return page

    # ------------------------------------------------------------------ showing the state

    def reload(self) -> None:
        """Read the latest state from the database and show it (typed note texts stay)."""
        try:
            detail = cases.get_case(self._ctx, self._case_id)
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Help request not found"), str(exc))
            self.detail = None
            self.setEnabled(False)
            return
        self._show(detail, edit_fields=True)

    def _show(self, detail: cases.CaseDetail, edit_fields: bool = False) -> None:
        self.detail = detail
        self.setWindowTitle(self.tr("Help request {number}: {title}").format(number=detail.id, title=detail.title))
        self.summary.setText(self._summary_html(detail))
        self.current_status.setText(self.tr("Status now: {status}").format(status=self._status_labels[detail.status]))
        allowed = cases.TRANSITIONS[detail.status]
        for code, button in self.status_buttons.items():
            # 'Referred' by hand only when a referral exists; otherwise the Refer tab records one.
            visible = code in allowed and (code != "doorverwezen" or bool(detail.referrals))
            button.setVisible(visible)
        self.status_buttons["in_behandeling"].setText(
            self.tr("Reopen") if not detail.is_open else self.tr("Take on (in progress)")
        )
        self.status_buttons["doorverwezen"].setText(self.tr("Mark as referred"))
        self.status_buttons["afgerond"].setText(self.tr("Complete"))
        self.status_buttons["gestopt"].setText(self.tr("Stop"))
        for button in (self.ride_button, self.job_button):
            button.setEnabled(detail.client_id is not None and detail.is_open)
        for widget in (self.follow_up_button, self.referral_button):
            widget.setEnabled(detail.is_open)
        self.clear_follow_up_button.setEnabled(detail.follow_up_on is not None)
        self.timeline.setHtml(self._timeline_html(detail))
        self._fill_referrals(detail)
        self._fill_scores(detail)
        if edit_fields:
            self._fill_edit_fields(detail)

    def _fill_edit_fields(self, detail: cases.CaseDetail) -> None:
        self.title_edit.setText(detail.title)
        chosen = {c.id for c in detail.categories}
        active = {c.id for c in cases.list_categories(self._ctx)}
        self.category_list.clear()
        for c in cases.list_categories(self._ctx, include_inactive=True):
            if c.id not in chosen and c.id not in active:
                continue  # switched-off categories only while this request still has them
            item = QListWidgetItem(c.name)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.id in chosen else Qt.CheckState.Unchecked)
            self.category_list.addItem(item)
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(detail.urgency)))
        self.handler.clear()
        names = cases.handlers(self._ctx)
        for name in dict.fromkeys([*names, self._ctx.actor.user_name]):
            self.handler.addItem(name)
        self.handler.setCurrentText(detail.handler)
        self.follow_up_date.setText(format_date(detail.follow_up_on))
        if detail.follow_up_on is not None and not self.follow_up_note.text():
            self.follow_up_note.setText(detail.follow_up_note)

    def _summary_html(self, d: cases.CaseDetail) -> str:
        client = escape(d.client_name) if d.client_name else escape(self.tr("(no client)"))
        if d.client_phone:
            client += f" &nbsp;·&nbsp; {escape(d.client_phone)}"
        follow_up = format_date(d.follow_up_on) or "–"
        if d.follow_up_on is not None:
            if d.follow_up_on < self._ctx.today():
                overdue = escape(self.tr("overdue"))
                follow_up = f"<span style='color:#b00020'><b>{follow_up}</b> ({overdue})</span>"
            elif d.follow_up_on == self._ctx.today():
                today = escape(self.tr("today"))
                follow_up = f"<b>{follow_up}</b> ({today})"
            if d.follow_up_note:
                follow_up += f" — {escape(d.follow_up_note)}"
        rows = [
            (self.tr("Client"), client),
            (self.tr("Categories"), escape(", ".join(c.name for c in d.categories)) or "–"),
            (self.tr("Urgency"), escape(cases.URGENCY_LABELS.get(d.urgency, d.urgency))),
            (self.tr("Status"), f"<b>{escape(self._status_labels[d.status])}</b>"),
            (self.tr("Handler"), escape(d.handler) or "–"),
            (self.tr("Opened"), format_date(d.opened_at.astimezone().date())),
            (self.tr("Call back"), follow_up),
        ]
        if d.closed_at is not None:
            closed = format_date(d.closed_at.astimezone().date())
            if d.close_reason:
                closed += f" — {escape(d.close_reason)}"
            rows.append((self.tr("Closed"), closed))
        half = (len(rows) + 1) // 2
        cells = []
        for i in range(half):
            line = []
            for label, value in (rows[i], rows[i + half] if i + half < len(rows) else ("", "")):
                label_html = f"{escape(label)}:" if label else ""
                line.append(
                    f"<td style='color:#555; padding-right:8px'>{label_html}</td>"
                    f"<td style='padding-right:28px'>{value}</td>"
                )
            cells.append("<tr>" + "".join(line) + "</tr>")
        number = escape(self.tr("Help request {number}").format(number=d.id))
        return (
            f"<p style='margin:0'><span style='color:#555'>{number}</span><br>"
            f"<span style='font-size:15pt; font-weight:600'>{escape(d.title)}</span></p>"
            f"<table cellspacing='0' cellpadding='2' style='margin-top:6px'>{''.join(cells)}</table>"
        )

    def _timeline_html(self, d: cases.CaseDetail) -> str:
        if not d.timeline:
            empty = escape(self.tr("Nothing recorded yet."))
            return f"<p style='color:#666'>{empty}</p>"
        items = []
        for item in d.timeline:
            kind = escape(self._kind_labels.get(item.kind, item.kind))
            actor = f" · {escape(item.actor)}" if item.actor else ""
            text = escape(item.text).replace("\n", "<br>")
            items.append(
                "<div style='margin-bottom:9px'>"
                f"<span style='color:#555'>{format_local(item.occurred_at)} · <b>{kind}</b>{actor}</span><br>"
                f"{text}</div>"
            )
        return "".join(items)

    def _fill_referrals(self, d: cases.CaseDetail) -> None:
        self.referrals.setRowCount(len(d.referrals))
        for row, r in enumerate(d.referrals):
            values = (format_date(r.referred_on), cases.ROUTE_LABELS.get(r.route, r.route), r.target, r.note)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.referrals.setItem(row, column, item)
        self.referrals.resizeColumnToContents(0)
        self.referrals.resizeColumnToContents(1)

    def _fill_scores(self, d: cases.CaseDetail) -> None:
        for row, (domain, label) in enumerate(cases.LIFE_DOMAINS.items()):
            self.scores.setItem(row, 0, QTableWidgetItem(label))
            for column, moment in enumerate(MOMENTS, start=1):
                score = d.scores.get((domain, moment))
                item = QTableWidgetItem(str(score) if score is not None else "–")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.scores.setItem(row, column, item)

    # ------------------------------------------------------------------ actions

    def _run(self, action: Callable[[int], cases.CaseDetail], refill: bool = False) -> bool:
        """Call one service function with the version held here; show the result, the errors or the conflict."""
        if self.detail is None:
            return False
        self.errors.clear()
        try:
            detail = action(self.detail.version)
        except ValidationError as exc:
            rest = self.errors.show(exc.errors)
            if rest:
                QMessageBox.warning(self, self.tr("Not saved"), "\n".join(rest))
            return False
        except ConflictError as exc:
            QMessageBox.warning(self, self.tr("Changed by someone else"), str(exc))
            self.reload()
            return False
        except NotFoundError as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))
            return False
        self._show(detail, edit_fields=refill)
        self.changed.emit(detail.id)
        return True

    def add_note(self) -> bool:
        text = self.note.toPlainText()
        if self._run(lambda version: cases.add_note(self._ctx, self._case_id, version, text)):
            self.note.clear()
            return True
        return False

    def change_status(self, new_status: str) -> bool:
        reason = self.reason.toPlainText()
        if self._run(lambda version: cases.change_status(self._ctx, self._case_id, version, new_status, reason)):
            self.reason.clear()
            return True
        return False

    def set_follow_up(self) -> bool:
        self.errors.clear()
        try:
            on = parse_date(self.follow_up_date.text())
        except ValueError as exc:
            self.errors.show({"follow_up_on": str(exc)})
            return False
        if on is None:
            self.errors.show({"follow_up_on": self.tr("Fill in the date to call back, or choose Clear call back.")})
            return False
        note = self.follow_up_note.text()
        if self._run(lambda version: cases.set_follow_up(self._ctx, self._case_id, version, on, note)):
            return True
        return False

    def clear_follow_up(self) -> bool:
        note = self.follow_up_note.text()
        if self._run(lambda version: cases.set_follow_up(self._ctx, self._case_id, version, None, note)):
            self.follow_up_date.clear()
            self.follow_up_note.clear()
            return True
        return False

    def _fill_providers(self) -> None:
        self.provider.clear()
        for row in providers.providers_for_kind(self._ctx, self.provider_kind.currentData()):
            self.provider.addItem(f"{row.name} ({row.city})" if row.city else row.name, row.id)

    def _on_route_changed(self) -> None:
        """Route 'aanbieder' with providers in the register: choose one of them instead of typing a name."""
        choose = self.route.currentData() == "aanbieder" and self.provider_kind.count() > 0
        choose = choose and bool(providers.providers_for_kind(self._ctx, None))
        self.provider_box.setVisible(choose)
        self.target.setEnabled(not choose)

    def add_referral(self) -> bool:
        note = self.referral_note.toPlainText()
        if self.route.currentData() == "aanbieder" and not self.provider_box.isHidden():
            provider_id = self.provider.currentData()
            if provider_id is None:
                self.errors.show({"provider": self.tr("Choose the provider.")})
                return False
            if self._run(
                lambda version: providers.refer_case_to_provider(self._ctx, self._case_id, version, provider_id, note)
            ):
                self.referral_note.clear()
                return True
            return False
        referral = cases.ReferralInput(
            route=self.route.currentData(), target=self.target.text(), note=self.referral_note.toPlainText()
        )
        if self._run(lambda version: cases.add_referral(self._ctx, self._case_id, version, referral)):
            self.target.clear()
            self.referral_note.clear()
            return True
        return False

    def selected_category_ids(self) -> tuple[int, ...]:
        items = (self.category_list.item(i) for i in range(self.category_list.count()))
        return tuple(
            item.data(Qt.ItemDataRole.UserRole) for item in items if item.checkState() == Qt.CheckState.Checked
        )

    def save_details(self) -> bool:
        title, categories, urgency = self.title_edit.text(), self.selected_category_ids(), self.urgency.currentData()
        return self._run(
            lambda version: cases.update_case(self._ctx, self._case_id, version, title, categories, urgency),
            refill=True,
        )

    def set_handler(self) -> bool:
        name = self.handler.currentText()
        return self._run(lambda version: cases.set_handler(self._ctx, self._case_id, version, name), refill=True)

    def record_scores(self, moment: str, scores: dict[str, int]) -> bool:
        if not scores:
            QMessageBox.information(self, self.tr("Nothing to save"), self.tr("No life domain was scored."))
            return False
        return self._run(lambda version: cases.set_scores(self._ctx, self._case_id, version, moment, scores))

    def _on_scores_clicked(self) -> None:
        if self.detail is None:
            return
        moment = "intake" if self.detail.is_open else "closure"
        dialog = ScoresDialog(self.detail.scores, moment, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record_scores(dialog.selected_moment(), dialog.values())
