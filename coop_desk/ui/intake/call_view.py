"""The Spreekuur screen: registering a live telephone call from the keyboard — who calls (and for whom), what
about, how it ends — with the call being typed kept as a draft so that nothing is lost.

Left column: the caller (search, results, card) and "belt namens". Right column: note, categories, urgency,
outcome and saving. The view talks only to the intake and cases services and holds their dataclasses.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, time, timedelta
from html import escape

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import cases, intake
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date, parse_date
from coop_desk.services.errors import ValidationError
from coop_desk.services.intake import CallerMatch
from coop_desk.ui.common.form_errors import FieldErrors
from coop_desk.ui.intake.person_picker import PersonPicker

OUTCOMES = ("info", "new_case", "existing_case", "callback")
URGENCY_CODES = ("laag", "normaal", "hoog")
DRAFT_VERSION = 1
CALLBACK_TIME = "10:00"


def parse_time(text: str) -> time | None:
    """'10:00', '9.30', '930' → time; '' → None. Raises ValueError for anything else."""
    cleaned = text.strip().replace(".", ":")
    if not cleaned:
        return None
    if ":" not in cleaned and cleaned.isdigit() and len(cleaned) in (3, 4):
        cleaned = f"{cleaned[:-2]}:{cleaned[-2:]}"
    hours, _, minutes = cleaned.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(text)
    return time(int(hours), int(minutes))  # raises ValueError for 25:00


def _match_to_dict(match: CallerMatch | None) -> dict | None:
    if match is None:
        return None
    data = dataclasses.asdict(match)
    data["last_contact"] = match.last_contact.isoformat() if match.last_contact else None
    return data


def _match_from_dict(data: dict | None) -> CallerMatch | None:
    if not data:
        return None
    values = dict(data)
    last = values.get("last_contact")
    values["last_contact"] = datetime.fromisoformat(last) if last else None
    for key in ("groups", "contacts", "contact_for", "roles"):
        values[key] = tuple(values.get(key) or ())
    names = {f.name for f in dataclasses.fields(CallerMatch)}
    return CallerMatch(**{key: value for key, value in values.items() if key in names})


def _split_contact_for(label: str) -> tuple[str, str]:
    """'Mia Müller (moeder)' → ('Mia Müller', 'moeder'): the lookup gives the name and relation as one label."""
    if label.endswith(")") and " (" in label:
        name, _, relation = label[:-1].rpartition(" (")
        return name, relation
    return label, ""


class CallView(QWidget):
    """One call at a time. `start_new_call()` begins one, `offer_draft()` brings back one left unsaved;
    `call_saved(call_id, case_id or None)` is emitted after a successful save."""

    call_saved = Signal(int, object)
    DRAFT_DELAY_MS = 1000

    def __init__(self, ctx: ServiceContext, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._started_at: datetime | None = None
        self._caller: CallerMatch | None = None
        self._subject: CallerMatch | None = None
        self._loading = False
        self._dirty = False
        self.errors = FieldErrors()
        self.quick_errors = FieldErrors()
        self._categories = cases.list_categories(ctx)
        self._build()
        self._connect()

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(self.DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft_now)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._update_clock)
        self._clock.start()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        self._reset_form()

    # ------------------------------------------------------------------ layout

    def _group(self, title: str) -> tuple[QGroupBox, QVBoxLayout]:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.setSpacing(8)
        layout.setContentsMargins(12, 14, 12, 12)
        return box, layout

    def _build(self) -> None:
        self.setObjectName("call_view")
        # Larger type than elsewhere: the desk reads this screen while on the phone, often with reading glasses.
        # Fonts go through the style sheet because a widget's own style sheet (error labels) breaks inheritance.
        self.setStyleSheet(
            "QWidget { font-size: 11pt; font-weight: normal; }"
            "QGroupBox { font-weight: bold; }"
            "QLabel#call_title { font-size: 17pt; font-weight: bold; }"
            "QLabel#call_clock { font-size: 13pt; color: #1d4f91; }"
        )

        # -- header: title and the running call clock
        self.title = QLabel(self.tr("Consultation hour"))
        self.title.setObjectName("call_title")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("call_clock")
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch()
        header.addWidget(self.clock_label)

        # -- left: the caller
        caller_box, caller_layout = self._group(self.tr("Caller"))
        self.picker = PersonPicker(
            lambda text: intake.lookup_callers(self._ctx, text),
            self.tr("Name, street + house number, postcode or phone number"),
        )
        self.search = self.picker.search
        self.search.setObjectName("caller_search")
        self.results = self.picker.table
        self.results.setObjectName("caller_results")
        self.results.setMinimumHeight(150)
        self.caller_model = self.picker.model
        caller_layout.addWidget(self.picker, 2)
        caller_layout.addWidget(self.errors.label_for("caller", self.search))

        self.unknown_button = QPushButton(self.tr("Unknown caller… (Ctrl+U)"))
        self.unknown_button.setObjectName("unknown_caller")
        self.anonymous = QCheckBox(self.tr("&Anonymous"))
        self.anonymous.setObjectName("anonymous")
        self.anonymous.setToolTip(self.tr("The caller does not want to give a name"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.unknown_button)
        buttons.addWidget(self.anonymous)
        buttons.addStretch()
        caller_layout.addLayout(buttons)

        self.quick_frame = QFrame()
        self.quick_frame.setObjectName("quick_add")
        self.quick_frame.setFrameShape(QFrame.Shape.StyledPanel)
        quick_form = QFormLayout(self.quick_frame)
        self.quick_name = QLineEdit()
        self.quick_name.setObjectName("quick_name")
        self.quick_name.setPlaceholderText(self.tr("e.g. Sam de Wit"))
        self.quick_phone = QLineEdit()
        self.quick_phone.setObjectName("quick_phone")
        self.quick_phone.setPlaceholderText("06-12345678")
        quick_form.addRow(self.tr("Name"), self.quick_errors.with_field("name", self.quick_name))
        quick_form.addRow(self.tr("Phone"), self.quick_errors.with_field("phone", self.quick_phone))
        self.quick_add_button = QPushButton(self.tr("Register as caller"))
        self.quick_add_button.setObjectName("quick_add_button")
        self.quick_cancel_button = QPushButton(self.tr("Cancel"))
        quick_buttons = QHBoxLayout()
        quick_buttons.addWidget(self.quick_add_button)
        quick_buttons.addWidget(self.quick_cancel_button)
        quick_buttons.addStretch()
        quick_form.addRow(quick_buttons)
        self.quick_frame.hide()
        caller_layout.addWidget(self.quick_frame)

        self.card = QLabel()
        self.card.setObjectName("caller_card")
        self.card.setWordWrap(True)
        self.card.setTextFormat(Qt.TextFormat.RichText)
        self.card.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.card.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contact_for_box = QWidget()
        self.contact_for_layout = QVBoxLayout(self.contact_for_box)
        self.contact_for_layout.setContentsMargins(0, 0, 0, 0)
        self.contact_for_buttons: list[QPushButton] = []
        card_panel = QFrame()
        card_panel.setObjectName("card_panel")
        card_panel.setStyleSheet(
            "QFrame#card_panel { background: #f7f9fc; border: 1px solid #c9d3e0; border-radius: 6px; }"
        )
        card_layout = QVBoxLayout(card_panel)
        card_layout.setContentsMargins(12, 10, 12, 10)
        card_layout.addWidget(self.card)
        card_layout.addWidget(self.contact_for_box)
        card_layout.addStretch()
        self.card_scroll = QScrollArea()
        self.card_scroll.setWidgetResizable(True)
        self.card_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.card_scroll.setWidget(card_panel)
        self.card_scroll.setMinimumHeight(140)
        caller_layout.addWidget(self.card_scroll, 3)

        subject_box, subject_layout = self._group(self.tr("Calls on behalf of"))
        self.subject_label = QLabel()
        self.subject_label.setObjectName("subject_label")
        self.subject_label.setWordWrap(True)
        self.subject_button = QPushButton(self.tr("Calls on behalf of… (Alt+N)"))
        self.subject_button.setObjectName("subject_button")
        self.subject_clear_button = QPushButton(self.tr("Remove"))
        self.subject_clear_button.setObjectName("subject_clear")
        subject_row = QHBoxLayout()
        subject_row.addWidget(self.subject_label, 1)
        subject_row.addWidget(self.subject_button)
        subject_row.addWidget(self.subject_clear_button)
        subject_layout.addLayout(subject_row)
        subject_layout.addWidget(self.errors.label_for("subject"))
        self.subject_picker = PersonPicker(
            lambda text: intake.lookup_callers(self._ctx, text),
            self.tr("Whom is the call about? Name, address or phone number"),
        )
        self.subject_picker.setObjectName("subject_picker")
        self.subject_picker.search.setObjectName("subject_search")
        self.subject_picker.table.setMinimumHeight(110)
        self.subject_picker.hide()
        subject_layout.addWidget(self.subject_picker)
        self.relation = QLineEdit()
        self.relation.setObjectName("relation")
        self.relation.setPlaceholderText(self.tr("e.g. daughter, neighbour"))
        relation_form = QFormLayout()
        relation_form.addRow(self.tr("Relation"), self.errors.with_field("relation", self.relation))
        subject_layout.addLayout(relation_form)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.setSpacing(10)
        left_layout.addWidget(caller_box, 1)
        left_layout.addWidget(subject_box)

        # -- right: what the call is about and how it ends
        note_box, note_layout = self._group(self.tr("Note"))
        self.note = QPlainTextEdit()
        self.note.setObjectName("note")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(self.tr("What is the call about? (Tab goes to the categories)"))
        self.note.setMinimumHeight(self.fontMetrics().lineSpacing() * 4 + 16)
        note_layout.addWidget(self.note)
        note_layout.addWidget(self.errors.label_for("note", self.note))

        category_box, category_layout = self._group(self.tr("Categories"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        self.category_group = QButtonGroup(self)
        self.category_group.setExclusive(False)
        self.category_boxes: dict[int, QCheckBox] = {}
        self._category_cells: dict[tuple[int, int], QCheckBox] = {}
        columns = 2
        per_column = (len(self._categories) + columns - 1) // columns or 1
        for i, category in enumerate(self._categories):
            box = QCheckBox(category.name.replace("&", "&&"))
            box.setObjectName(f"category_{category.code}")
            self.category_group.addButton(box, category.id)
            self.category_boxes[category.id] = box
            cell = (i % per_column, i // per_column)
            self._category_cells[cell] = box
            box.setProperty("cell", cell)
            box.installEventFilter(self)  # arrow keys move through the grid, Space ticks
            grid.addWidget(box, *cell)
        category_layout.addLayout(grid)
        category_layout.addWidget(self.errors.label_for("categories"))

        urgency_row = QHBoxLayout()
        urgency_label = QLabel(self.tr("Urgency:"))
        urgency_row.addWidget(urgency_label)
        self.urgency_group = QButtonGroup(self)
        self.urgency_buttons: dict[str, QRadioButton] = {}
        for code, text in (("laag", self.tr("low")), ("normaal", self.tr("normal")), ("hoog", self.tr("high"))):
            button = QRadioButton(text)
            button.setObjectName(f"urgency_{code}")
            self.urgency_group.addButton(button)
            self.urgency_buttons[code] = button
            urgency_row.addWidget(button)
        urgency_row.addStretch()
        category_layout.addLayout(urgency_row)
        category_layout.addWidget(self.errors.label_for("urgency"))

        outcome_box, outcome_layout = self._group(self.tr("Outcome"))
        outcome_grid = QGridLayout()
        outcome_grid.setHorizontalSpacing(18)
        self.outcome_group = QButtonGroup(self)
        self.outcome_buttons: dict[str, QRadioButton] = {}
        outcome_texts = {
            "info": self.tr("Information given, closed (Alt+1)"),
            "new_case": self.tr("New help request (Alt+2)"),
            "existing_case": self.tr("With an existing help request (Alt+3)"),
            "callback": self.tr("Call back (Alt+4)"),
        }
        for i, code in enumerate(OUTCOMES):
            button = QRadioButton(outcome_texts[code])
            button.setObjectName(f"outcome_{code}")
            self.outcome_group.addButton(button, i)
            self.outcome_buttons[code] = button
            outcome_grid.addWidget(button, i, 0)
        outcome_layout.addLayout(outcome_grid)
        outcome_layout.addWidget(self.errors.label_for("outcome"))

        self.new_case_frame = QWidget()
        form = QFormLayout(self.new_case_frame)
        form.setContentsMargins(0, 0, 0, 0)
        self.case_title = QLineEdit()
        self.case_title.setObjectName("case_title")
        self.case_title.setPlaceholderText(self.tr("Short description, e.g. Lift to the hospital on Thursday"))
        self.follow_up = QLineEdit()
        self.follow_up.setObjectName("follow_up_on")
        self.follow_up.setPlaceholderText(self.tr("dd-mm-yyyy (optional)"))
        self.follow_up.setMaximumWidth(220)
        form.addRow(self.tr("Description"), self.errors.with_field("case_title", self.case_title))
        form.addRow(self.tr("Follow up on"), self.errors.with_field("follow_up_on", self.follow_up))

        self.existing_frame = QWidget()
        form = QFormLayout(self.existing_frame)
        form.setContentsMargins(0, 0, 0, 0)
        self.existing_case = QComboBox()
        self.existing_case.setObjectName("existing_case")
        form.addRow(self.tr("Help request"), self.errors.with_field("existing_case", self.existing_case))

        self.callback_frame = QWidget()
        form = QFormLayout(self.callback_frame)
        form.setContentsMargins(0, 0, 0, 0)
        self.callback_date = QLineEdit()
        self.callback_date.setObjectName("callback_date")
        self.callback_date.setPlaceholderText(self.tr("dd-mm-yyyy"))
        self.callback_date.setMaximumWidth(160)
        self.callback_time = QLineEdit()
        self.callback_time.setObjectName("callback_time")
        self.callback_time.setPlaceholderText(self.tr("hh:mm"))
        self.callback_time.setMaximumWidth(90)
        when = QHBoxLayout()
        when.addWidget(self.callback_date)
        when.addWidget(QLabel(self.tr("at")))
        when.addWidget(self.callback_time)
        when.addStretch()
        when_box = QVBoxLayout()
        when_box.setSpacing(2)
        when_box.addLayout(when)
        when_box.addWidget(self.errors.label_for("callback_at", self.callback_date))
        form.addRow(self.tr("Call back on"), when_box)
        for frame in (self.new_case_frame, self.existing_frame, self.callback_frame):
            frame.hide()
            outcome_layout.addWidget(frame)

        self.general_error = QLabel()
        self.general_error.setObjectName("general_error")
        self.general_error.setStyleSheet(FieldErrors.STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.confirmation = QLabel()
        self.confirmation.setObjectName("confirmation")
        self.confirmation.setWordWrap(True)
        self.confirmation.setStyleSheet(
            "color: #135e2b; background: #e6f4ea; border: 1px solid #9fd3ae; border-radius: 4px; padding: 6px;"
        )
        self.confirmation.hide()
        self.discard_button = QPushButton(self.tr("Discard call"))
        self.discard_button.setObjectName("discard_call")
        self.save_button = QPushButton(self.tr("Save (Ctrl+Enter)"))
        self.save_button.setObjectName("save_call")
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.setStyleSheet("QPushButton { font-weight: 600; padding: 6px 18px; }")
        save_row = QHBoxLayout()
        save_row.addWidget(self.discard_button)
        save_row.addStretch()
        save_row.addWidget(self.save_button)

        right_content = QWidget()
        right_layout = QVBoxLayout(right_content)
        right_layout.setContentsMargins(6, 0, 6, 0)
        right_layout.setSpacing(10)
        right_layout.addWidget(note_box, 2)
        right_layout.addWidget(category_box)
        right_layout.addWidget(outcome_box)
        right_layout.addStretch()
        self.right_scroll = QScrollArea()
        self.right_scroll.setWidgetResizable(True)
        self.right_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.right_scroll.setWidget(right_content)
        right = QWidget()
        right_outer = QVBoxLayout(right)
        right_outer.setContentsMargins(0, 0, 0, 0)
        right_outer.addWidget(self.right_scroll, 1)
        right_outer.addWidget(self.general_error)
        right_outer.addWidget(self.confirmation)
        right_outer.addLayout(save_row)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("call_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([800, 540])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)

        # Keyboard order follows a call: who, for whom, what, about which theme, how it ends, save.
        chain = [
            self.search,
            self.unknown_button,
            self.anonymous,
            self.quick_name,
            self.quick_phone,
            self.quick_add_button,
            self.quick_cancel_button,
            self.subject_button,
            self.subject_clear_button,
            self.subject_picker.search,
            self.relation,
            self.note,
            *self.category_boxes.values(),
            *self.urgency_buttons.values(),
            *self.outcome_buttons.values(),
            self.case_title,
            self.follow_up,
            self.existing_case,
            self.callback_date,
            self.callback_time,
            self.save_button,
            self.discard_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.picker.chosen.connect(self.choose_caller)
        self.subject_picker.chosen.connect(self.choose_subject)
        self.unknown_button.clicked.connect(self.show_quick_add)
        self.quick_add_button.clicked.connect(self.quick_add)
        self.quick_cancel_button.clicked.connect(self.hide_quick_add)
        self.quick_name.returnPressed.connect(self.quick_add)
        self.quick_phone.returnPressed.connect(self.quick_add)
        self.anonymous.toggled.connect(self._on_anonymous)
        self.subject_button.clicked.connect(self.show_subject_search)
        self.subject_clear_button.clicked.connect(lambda: self.choose_subject(None))
        self.outcome_group.idToggled.connect(self._on_outcome_toggled)
        self.save_button.clicked.connect(self.save)
        self.discard_button.clicked.connect(self.discard_call)

        for signal in (
            self.search.textChanged,
            self.relation.textChanged,
            self.note.textChanged,
            self.case_title.textChanged,
            self.follow_up.textChanged,
            self.callback_date.textChanged,
            self.callback_time.textChanged,
            self.quick_name.textChanged,
            self.quick_phone.textChanged,
            self.subject_picker.search.textChanged,
        ):
            signal.connect(self._on_form_changed)
        self.category_group.idToggled.connect(self._on_form_changed)
        self.urgency_group.buttonToggled.connect(self._on_form_changed)
        self.existing_case.currentIndexChanged.connect(self._on_form_changed)

        shortcuts = [
            ("Ctrl+Return", self.save),
            ("Ctrl+Enter", self.save),
            ("Ctrl+S", self.save),
            ("Ctrl+U", self.show_quick_add),
            ("Alt+N", self.show_subject_search),
        ]
        for i, code in enumerate(OUTCOMES, start=1):
            shortcuts.append((f"Alt+{i}", lambda code=code: self.choose_outcome(code)))
        self.shortcuts: dict[str, QShortcut] = {}
        for keys, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
            self.shortcuts[keys] = shortcut
        escape_quick = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.quick_frame)
        escape_quick.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape_quick.activated.connect(self.hide_quick_add)
        escape_subject = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.subject_picker)
        escape_subject.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape_subject.activated.connect(self._hide_subject_search)

    # ------------------------------------------------------------------ public API

    def start_new_call(self) -> bool:
        """Begin a new call now, with the cursor in the search field. A call being typed is only thrown away
        after the user agrees. Returns False when the user keeps the current call."""
        if self.has_unsaved_call():
            answer = QMessageBox.question(
                self,
                self.tr("New call"),
                self.tr("A call is still being typed and has not been saved. Discard it and start a new call?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.search.setFocus()
                return False
            intake.discard_draft(self._ctx)
        self._reset_form()
        self.confirmation.hide()
        self._started_at = self._ctx.now()
        self._update_clock()
        self.search.setFocus()
        return True

    def offer_draft(self) -> bool:
        """Ask whether to bring back a call left unsaved (a crash, a closed program); True when restored."""
        draft = intake.load_draft(self._ctx)
        if draft is None:
            return False
        saved_at = draft.saved_at.astimezone()
        when = (
            saved_at.strftime("%H:%M")
            if saved_at.date() == self._ctx.today()
            else f"{format_date(saved_at.date())} {saved_at:%H:%M}"
        )
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved call"),
            self.tr("There is a call that was not saved yet (from {time}). Restore it?").format(time=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            intake.discard_draft(self._ctx)
            return False
        self.restore_payload(draft.payload)
        return True

    def has_unsaved_call(self) -> bool:
        """True when the form holds something worth keeping (a chosen person, text, a tick, an outcome)."""
        return bool(
            self._caller is not None
            or self._subject is not None
            or self.anonymous.isChecked()
            or self.note.toPlainText().strip()
            or self.relation.text().strip()
            or self.case_title.text().strip()
            or self.quick_name.text().strip()
            or self._checked_category_ids()
            or self._outcome()
        )

    @property
    def caller(self) -> CallerMatch | None:
        """The chosen caller (None while nobody is chosen or the caller is anonymous)."""
        return self._caller

    @property
    def subject(self) -> CallerMatch | None:
        """The person the call is about when someone calls on their behalf."""
        return self._subject

    @property
    def outcome(self) -> str:
        """'info', 'new_case', 'existing_case', 'callback' or '' when none is chosen yet."""
        return self._outcome()

    @property
    def started_at(self) -> datetime | None:
        return self._started_at

    def run_lookup(self) -> None:
        """Look up the caller for the text in the search field now (normally debounced while typing)."""
        self.picker.run_lookup()

    # ------------------------------------------------------------------ choosing people

    def choose_caller(self, match: CallerMatch | None) -> None:
        self._caller = match
        if match is not None:
            self.anonymous.blockSignals(True)
            self.anonymous.setChecked(False)
            self.anonymous.blockSignals(False)
            self.hide_quick_add()
            self._ensure_started()
        self._show_card()
        self._refresh_existing_cases()
        self._on_form_changed()
        if match is not None:
            self.note.setFocus()

    def choose_subject(self, match: CallerMatch | None) -> None:
        """The person the call is about when that is not the caller ('belt namens')."""
        if match is not None and self._caller is not None and match.person_id == self._caller.person_id:
            match = None
        self._subject = match
        self._hide_subject_search()
        self._show_subject()
        self._refresh_existing_cases()
        self._on_form_changed()
        if match is not None:
            if self.relation.text().strip():
                self.note.setFocus()
            else:
                self.relation.setFocus()

    def show_subject_search(self) -> None:
        self.subject_picker.show()
        self.subject_picker.search.setFocus()
        self.subject_picker.search.selectAll()

    def _hide_subject_search(self) -> None:
        self.subject_picker.clear()
        self.subject_picker.hide()

    def _choose_contact_for(self, label: str) -> None:
        """A person the caller is a contact for: look them up and make them the subject (one match), or show
        the matches to choose from. The lookup gives names only, not ids, hence the search."""
        name, relation = _split_contact_for(label)
        if relation and not self.relation.text().strip():
            self.relation.setText(relation)
        self.subject_picker.show()
        self.subject_picker.search.setText(name)
        self.subject_picker.run_lookup()
        if self.subject_picker.model.rowCount() == 1:
            self.choose_subject(self.subject_picker.model.match_at(0))
        else:
            self.subject_picker.search.setFocus()
            self.subject_picker.move_selection(1)

    def show_quick_add(self) -> None:
        """Ctrl+U: register an unknown caller with a name and a phone number."""
        if self.quick_frame.isHidden():
            typed = self.search.text().strip()
            if typed and not self.quick_name.text() and not self.quick_phone.text():
                digits = sum(ch.isdigit() for ch in typed)
                (self.quick_phone if digits >= len(typed) / 2 else self.quick_name).setText(typed)
            self.quick_errors.clear()
            self.quick_frame.show()
        self._ensure_started()
        self.quick_name.setFocus()

    def hide_quick_add(self) -> None:
        self.quick_errors.clear()
        for edit in (self.quick_name, self.quick_phone):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self.quick_frame.hide()

    def quick_add(self) -> None:
        name, phone = self.quick_name.text(), self.quick_phone.text()
        try:
            person_id = intake.quick_add_person(self._ctx, name, phone)
        except ValidationError as exc:
            unplaced = self.quick_errors.show(exc.errors)
            self._show_general(unplaced)
            return
        self.quick_errors.clear()
        self._show_general([])
        match = self._match_for(person_id, phone, name)
        self.hide_quick_add()
        self.choose_caller(match)

    def _match_for(self, person_id: int, phone: str, name: str) -> CallerMatch:
        for query in (phone, name):
            if query.strip():
                for match in intake.lookup_callers(self._ctx, query):
                    if match.person_id == person_id:
                        return match
        return CallerMatch(
            person_id=person_id,
            name=" ".join(name.split()),
            address="",
            city="",
            phone=phone.strip(),
            is_member=False,
            membership=self.tr("not a member"),
            open_cases=0,
            last_contact=None,
            groups=(),
            contacts=(),
            contact_for=(),
            roles=(),
        )

    def _on_anonymous(self, checked: bool) -> None:
        if checked:
            self._caller = None
            self._show_card()
            self._refresh_existing_cases()
            self._ensure_started()
        self._on_form_changed()

    # ------------------------------------------------------------------ showing people

    def _role_text(self, roles: tuple[str, ...]) -> str:
        names = {
            "member": self.tr("member"),
            "volunteer": self.tr("volunteer"),
            "client": self.tr("client"),
            "carer": self.tr("informal carer"),
        }
        return ", ".join(names.get(role, role) for role in roles)

    def _show_card(self) -> None:
        for button in self.contact_for_buttons:
            button.deleteLater()
        self.contact_for_buttons = []
        match = self._caller
        if match is None:
            hint = (
                self.tr("Anonymous caller.")
                if self.anonymous.isChecked()
                else self.tr("Type in the search field and press Enter to choose the caller.")
            )
            self.card.setText(f"<p style='color:#555'>{escape(hint)}</p>")
            self.contact_for_box.hide()
            return
        label = {
            "phone": self.tr("Phone"),
            "roles": self.tr("Roles"),
            "open": self.tr("Open help requests"),
            "contacts": self.tr("Contact persons"),
            "contact_for": self.tr("Contact person for"),
            "last": self.tr("Last contact"),
            "none": self.tr("none"),
        }
        label = {key: escape(value) for key, value in label.items()}
        parts = [f"<p style='font-size:large'><b>{escape(match.name)}</b></p>"]
        address = ", ".join(part for part in (match.address, match.city) if part)
        if address:
            parts.append(f"<p>{escape(address)}</p>")
        lines = []
        if match.phone:
            lines.append(f"{label['phone']}: {escape(match.phone)}")
        lines.append(f"<b>{escape(match.membership)}</b>")
        if match.roles:
            lines.append(f"{label['roles']}: {escape(self._role_text(match.roles))}")
        if match.last_contact:
            lines.append(f"{label['last']}: {format_date(match.last_contact.astimezone().date())}")
        parts.append("<p>" + "<br>".join(lines) + "</p>")
        open_cases = self._open_cases(match.person_id)
        if open_cases:
            items = "".join(f"<li>#{c.id} {escape(c.title)}</li>" for c in open_cases)
            parts.append(f"<p><b>{label['open']}:</b></p><ul style='margin-top:0'>{items}</ul>")
        else:
            parts.append(f"<p>{label['open']}: {label['none']}</p>")
        if match.contacts:
            items = "".join(f"<li>{escape(c)}</li>" for c in match.contacts)
            parts.append(f"<p><b>{label['contacts']}:</b></p><ul style='margin-top:0'>{items}</ul>")
        if match.contact_for:
            parts.append(f"<p><b>{label['contact_for']}:</b></p>")
        self.card.setText("".join(parts))
        for text in match.contact_for:
            name, _relation = _split_contact_for(text)
            button = QPushButton(self.tr("Calls on behalf of {name}").format(name=text))
            button.setObjectName("contact_for_button")
            button.setStyleSheet("text-align: left; padding: 4px 10px;")
            button.setToolTip(self.tr("Make {name} the person this call is about").format(name=name))
            button.clicked.connect(lambda _checked=False, text=text: self._choose_contact_for(text))
            self.contact_for_layout.addWidget(button)
            self.contact_for_buttons.append(button)
        self.contact_for_box.setVisible(bool(match.contact_for))

    def _show_subject(self) -> None:
        if self._subject is None:
            self.subject_label.setText(self.tr("The call is about the caller."))
            self.subject_label.setStyleSheet("color: #555;")
            self.subject_clear_button.setEnabled(False)
            return
        s = self._subject
        address = ", ".join(part for part in (s.address, s.city) if part)
        text = s.name + (f" — {address}" if address else "")
        self.subject_label.setText(self.tr("About: {person}").format(person=text))
        self.subject_label.setStyleSheet("font-weight: 600;")
        self.subject_clear_button.setEnabled(True)

    def _open_cases(self, person_id: int) -> list[cases.CaseRow]:
        return cases.caseload(self._ctx, cases.CaseFilter(client_id=person_id), limit=50)

    def _refresh_existing_cases(self) -> None:
        """The open help requests of the subject and of the caller, to attach this call to one of them."""
        current = self.existing_case.currentData()
        self.existing_case.blockSignals(True)
        self.existing_case.clear()
        seen: set[int] = set()
        for person in (self._subject, self._caller):
            if person is None or (self.anonymous.isChecked() and person is self._caller):
                continue
            for row in self._open_cases(person.person_id):
                if row.id in seen:
                    continue
                seen.add(row.id)
                self.existing_case.addItem(f"#{row.id} {row.title} ({person.name})", row.id)
        if not seen:
            self.existing_case.addItem(self.tr("(no open help requests)"), None)
        index = self.existing_case.findData(current) if current is not None else -1
        self.existing_case.setCurrentIndex(max(index, 0))
        self.existing_case.blockSignals(False)

    # ------------------------------------------------------------------ outcome and categories

    def choose_outcome(self, code: str) -> None:
        """Alt+1..4: check the outcome and put the cursor in its first field."""
        self.outcome_buttons[code].setChecked(True)
        target = {
            "info": self.note if not self.note.toPlainText().strip() else self.save_button,
            "new_case": self.case_title,
            "existing_case": self.existing_case,
            "callback": self.callback_date,
        }[code]
        target.setFocus()
        if isinstance(target, QLineEdit):
            target.selectAll()  # typing replaces a default such as tomorrow's date

    def _outcome(self) -> str:
        checked = self.outcome_group.checkedId()
        return OUTCOMES[checked] if checked >= 0 else ""

    def _on_outcome_toggled(self, _id: int, _checked: bool) -> None:
        outcome = self._outcome()
        self.new_case_frame.setVisible(outcome == "new_case")
        self.existing_frame.setVisible(outcome == "existing_case")
        self.callback_frame.setVisible(outcome == "callback")
        if outcome:
            self._ensure_started()
        self._on_form_changed()

    def _checked_category_ids(self) -> list[int]:
        return [category_id for category_id, box in self.category_boxes.items() if box.isChecked()]

    def _urgency(self) -> str:
        for code, button in self.urgency_buttons.items():
            if button.isChecked():
                return code
        return "normaal"

    # ------------------------------------------------------------------ saving

    def _collect(self) -> tuple[intake.CallInput | None, dict[str, str]]:
        """The form as a CallInput, or the Dutch messages for what cannot be read (dates, times)."""
        errors: dict[str, str] = {}
        outcome = self._outcome()
        follow_up_on = None
        callback_at = None
        if outcome == "new_case":
            try:
                follow_up_on = parse_date(self.follow_up.text())
            except ValueError as exc:
                errors["follow_up_on"] = str(exc)
        if outcome == "callback":
            try:
                day = parse_date(self.callback_date.text())
            except ValueError as exc:
                errors["callback_at"] = str(exc)
                day = None
            try:
                moment = parse_time(self.callback_time.text())
            except ValueError:
                errors["callback_at"] = self.tr("That is not a time; write it as hh:mm, for example 10:00.")
                moment = None
            if day is not None and "callback_at" not in errors:
                callback_at = datetime.combine(day, moment or time(10, 0)).astimezone()
        if errors:
            return None, errors
        caller = None if self.anonymous.isChecked() else self._caller
        data = intake.CallInput(
            started_at=self._started_at or self._ctx.now(),
            outcome=outcome,
            caller_id=caller.person_id if caller else None,
            caller_name=caller.name if caller else "",
            anonymous=self.anonymous.isChecked(),
            subject_id=self._subject.person_id if self._subject else None,
            relation=self.relation.text() if self._subject else "",
            category_ids=tuple(self._checked_category_ids()),
            note=self.note.toPlainText(),
            urgency=self._urgency(),
            case_title=self.case_title.text() if outcome == "new_case" else "",
            existing_case_id=self.existing_case.currentData() if outcome == "existing_case" else None,
            callback_at=callback_at,
            follow_up_on=follow_up_on,
        )
        return data, {}

    def save(self) -> intake.CallResult | None:
        """Ctrl+Enter / Ctrl+S: register the call. On a ValidationError the messages appear next to the fields
        and the form stays as it is; on success a confirmation, an empty form and `call_saved`."""
        self.errors.clear()
        self._show_general([])
        data, errors = self._collect()
        if data is None:
            self._show_general(self.errors.show(errors))
            return None
        try:
            result = intake.save_call(self._ctx, data)
        except ValidationError as exc:
            self._show_general(self.errors.show(exc.errors))
            self.save_draft_now()
            return None
        self._draft_timer.stop()
        self._dirty = False
        message = self._confirmation_text(result, data)
        self._reset_form()
        self.confirmation.setText(message)
        self.confirmation.show()
        self.search.setFocus()
        self.call_saved.emit(result.call_id, result.case_id)
        return result

    def _confirmation_text(self, result: intake.CallResult, data: intake.CallInput) -> str:
        if result.outcome == "new_case":
            return self.tr("Call saved; help request #{number} created.").format(number=result.case_id)
        if result.outcome == "existing_case":
            return self.tr("Call saved with help request #{number}.").format(number=result.case_id)
        if result.outcome == "callback" and data.callback_at is not None:
            local = data.callback_at.astimezone()
            return self.tr("Call saved; call back on {date} at {time}.").format(
                date=format_date(local.date()), time=f"{local:%H:%M}"
            )
        return self.tr("Call saved.")

    def discard_call(self) -> bool:
        """Throw the call being typed away (after confirmation) and remove its draft."""
        if self.has_unsaved_call():
            answer = QMessageBox.question(
                self,
                self.tr("Discard call"),
                self.tr("Discard this call? What you typed will be lost."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        intake.discard_draft(self._ctx)
        self._reset_form()
        self.confirmation.hide()
        self.search.setFocus()
        return True

    def _show_general(self, messages: list[str]) -> None:
        self.general_error.setText("\n".join(messages))
        self.general_error.setVisible(bool(messages))

    # ------------------------------------------------------------------ the form as a whole

    def _reset_form(self) -> None:
        self._loading = True
        try:
            self._draft_timer.stop()
            self._started_at = None
            self._caller = None
            self._subject = None
            self.picker.clear()
            self._hide_subject_search()
            self.hide_quick_add()
            self.errors.clear()
            self._show_general([])
            self.anonymous.setChecked(False)
            for edit in (self.relation, self.case_title, self.follow_up):
                edit.clear()
            self.note.clear()
            for box in self.category_boxes.values():
                box.setChecked(False)
            self.urgency_buttons["normaal"].setChecked(True)
            self.outcome_group.setExclusive(False)
            for button in self.outcome_buttons.values():
                button.setChecked(False)
            self.outcome_group.setExclusive(True)
            self._on_outcome_toggled(-1, False)
            self.callback_date.setText(format_date(self._ctx.today() + timedelta(days=1)))
            self.callback_time.setText(CALLBACK_TIME)
            self._show_card()
            self._show_subject()
            self._refresh_existing_cases()
        finally:
            self._loading = False
        self._dirty = False
        self._update_clock()

    def form_payload(self) -> dict:
        """The whole form as a JSON-able dict (what the draft keeps)."""
        return {
            "version": DRAFT_VERSION,
            "started_at": self._started_at.isoformat() if self._started_at else None,
            "search": self.search.text(),
            "caller": _match_to_dict(self._caller),
            "anonymous": self.anonymous.isChecked(),
            "subject": _match_to_dict(self._subject),
            "relation": self.relation.text(),
            "quick_name": self.quick_name.text(),
            "quick_phone": self.quick_phone.text(),
            "category_ids": self._checked_category_ids(),
            "urgency": self._urgency(),
            "note": self.note.toPlainText(),
            "outcome": self._outcome(),
            "case_title": self.case_title.text(),
            "follow_up_on": self.follow_up.text(),
            "existing_case_id": self.existing_case.currentData(),
            "callback_date": self.callback_date.text(),
            "callback_time": self.callback_time.text(),
        }

    def restore_payload(self, payload: dict) -> None:
        """Fill the form from a draft payload (unknown or missing keys are ignored)."""
        self._reset_form()
        self._loading = True
        try:
            started = payload.get("started_at")
            self._started_at = datetime.fromisoformat(started) if started else None
            self.search.setText(payload.get("search", ""))
            if self.search.text().strip():
                self.picker.run_lookup()
            self._caller = _match_from_dict(payload.get("caller"))
            self.anonymous.setChecked(bool(payload.get("anonymous")))
            self._subject = _match_from_dict(payload.get("subject"))
            self.relation.setText(payload.get("relation", ""))
            if payload.get("quick_name") or payload.get("quick_phone"):
                self.quick_frame.show()
                self.quick_name.setText(payload.get("quick_name", ""))
                self.quick_phone.setText(payload.get("quick_phone", ""))
            for category_id in payload.get("category_ids", []):
                if category_id in self.category_boxes:
                    self.category_boxes[category_id].setChecked(True)
            urgency = payload.get("urgency", "normaal")
            self.urgency_buttons.get(urgency, self.urgency_buttons["normaal"]).setChecked(True)
            self.note.setPlainText(payload.get("note", ""))
            outcome = payload.get("outcome", "")
            if outcome in self.outcome_buttons:
                self.outcome_buttons[outcome].setChecked(True)
            self.case_title.setText(payload.get("case_title", ""))
            self.follow_up.setText(payload.get("follow_up_on", ""))
            self.callback_date.setText(payload.get("callback_date", self.callback_date.text()))
            self.callback_time.setText(payload.get("callback_time", self.callback_time.text()))
            self._show_card()
            self._show_subject()
            self._refresh_existing_cases()
            existing = payload.get("existing_case_id")
            if existing is not None:
                index = self.existing_case.findData(existing)
                if index >= 0:
                    self.existing_case.setCurrentIndex(index)
        finally:
            self._loading = False
        self._dirty = False
        self._update_clock()
        self.note.setFocus()
        cursor = self.note.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.note.setTextCursor(cursor)

    def save_draft_now(self) -> None:
        """Keep the form as the draft (the debounce timer and focus changes call this)."""
        self._draft_timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        if self.has_unsaved_call():
            intake.save_draft(self._ctx, self.form_payload())

    def _on_form_changed(self, *_args) -> None:
        if self._loading:
            return
        self._ensure_started()
        self._dirty = True
        self._draft_timer.start()

    ARROWS = {
        Qt.Key.Key_Up: (-1, 0),
        Qt.Key.Key_Down: (1, 0),
        Qt.Key.Key_Left: (0, -1),
        Qt.Key.Key_Right: (0, 1),
    }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QCheckBox)
            and isinstance(event, QKeyEvent)
            and event.key() in self.ARROWS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            cell = watched.property("cell")
            if cell is not None:
                row, column = cell
                step_row, step_column = self.ARROWS[Qt.Key(event.key())]
                target = self._category_cells.get((row + step_row, column + step_column))
                if target is not None:
                    target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _on_focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        # Focus also moves while the view is being destroyed; by then its fields may be gone.
        if self._dirty and old is not None and self._form_alive() and self.isAncestorOf(old):
            self.save_draft_now()

    def _form_alive(self) -> bool:
        widgets = (
            self,
            self.search,
            self.anonymous,
            self.relation,
            self.quick_name,
            self.quick_phone,
            self.note,
            self.case_title,
            self.follow_up,
            self.existing_case,
            self.callback_date,
            self.callback_time,
            *self.category_boxes.values(),
            *self.urgency_buttons.values(),
            *self.outcome_buttons.values(),
        )
        return all(shiboken6.isValid(widget) for widget in widgets)

    def _ensure_started(self) -> None:
        """The call starts with the first thing typed when start_new_call() was not used."""
        if self._loading or self._started_at is not None:
            return
        self._started_at = self._ctx.now()
        self.confirmation.hide()
        self._update_clock()

    def _update_clock(self) -> None:
        if self._started_at is None:
            self.clock_label.setText(self.tr("No call in progress"))
            return
        start = self._started_at.astimezone()
        seconds = max(0, int((self._ctx.now() - self._started_at).total_seconds()))
        duration = f"{seconds // 60}:{seconds % 60:02d}"
        self.clock_label.setText(
            self.tr("Call started at {time} · {duration} min").format(time=f"{start:%H:%M}", duration=duration)
        )

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._dirty and self._form_alive():
            self.save_draft_now()
        super().hideEvent(event)
