"""The member import wizard: choose an .xlsx file, link its columns to fields, check every row, then import.

Three steps in one dialog. Nothing is written before the last button ("Import"), and not even then when
any row has a problem: member_import checks everything first and writes all or nothing. The services
give their messages in Dutch (problems, unreadable files); this dialog only arranges and counts them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coop_desk.config import sqlite_file
from coop_desk.context import AppContext
from coop_desk.db.backup import backup_sqlite
from coop_desk.services import member_import
from coop_desk.services.context import ServiceContext
from coop_desk.services.errors import ServiceError
from coop_desk.services.member_import import FIELD_LABELS, IGNORE, ImportPreview, ImportReport
from coop_desk.ui.excel.support import busy, documents_folder

ERROR_STYLE = "color: #b00020; font-weight: 600;"
GOOD_STYLE = "color: #1b5e20; font-weight: 600;"
NOTE_STYLE = "color: #555;"

STEP_FILE, STEP_MAPPING, STEP_CHECK = range(3)
COL_LETTER, COL_HEADER, COL_SAMPLES, COL_FIELD = range(4)


def backup_before_import(app: AppContext) -> Callable[[], None] | None:
    """For an SQLite database: a backup (SQLite's backup API) to make just before the import writes.

    None for PostgreSQL (its backups are the server's business) or a database file that is not there.
    """
    file = sqlite_file(app.url)
    if file is None or not file.exists():
        return None

    def backup() -> None:
        backup_sqlite(file, app.paths.backup_dir, "voor-import")

    return backup


def import_members_action(
    parent: QWidget,
    ctx: ServiceContext,
    backup: Callable[[], None] | None = None,
    on_imported: Callable[[int], None] | None = None,
) -> QAction:
    """The menu item "Import members from Excel…": opens the wizard (window-modal); `on_imported(count)`
    runs after a successful import, e.g. to refresh the people list."""
    action = QAction(QCoreApplication.translate("ImportDialog", "Import members from Excel…"), parent)
    action.setObjectName("import_members_action")
    action.triggered.connect(lambda _checked=False: open_import_dialog(parent, ctx, backup, on_imported))
    return action


def open_import_dialog(
    parent: QWidget,
    ctx: ServiceContext,
    backup: Callable[[], None] | None = None,
    on_imported: Callable[[int], None] | None = None,
) -> ImportDialog:
    """Show the wizard over `parent` (deleted when closed) and return it."""
    dialog = ImportDialog(ctx, backup, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_imported is not None:
        dialog.imported.connect(on_imported)
    dialog.open()
    return dialog


class _BackupFailed(Exception):
    """The backup before writing failed; the import stopped before anything was written."""


class ImportDialog(QDialog):
    """Wizard for member_import: file → column mapping → check (all problems, or a summary and Import)."""

    imported = Signal(int)  # people added

    def __init__(
        self, ctx: ServiceContext, backup: Callable[[], None] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._backup = backup
        self.path: Path | None = None
        self.sheet: str | None = None
        self.preview: ImportPreview | None = None
        self.report: ImportReport | None = None
        self.done_importing = False
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import members from Excel"))
        self.resize(900, 600)
        self._build()
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)
        self.choose_button.clicked.connect(self.choose_file)
        self.sheet_combo.currentIndexChanged.connect(self._on_sheet_chosen)
        self.recheck_button.clicked.connect(self.check)
        self.copy_button.clicked.connect(self.copy_problems)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.problem_list)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_problems)
        self._show_step(STEP_FILE)

    # ------------------------------------------------------------------ layout

    def _build(self) -> None:
        self.step_label = QLabel()
        self.step_label.setObjectName("import_step")
        font = QFont(self.step_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.step_label.setFont(font)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_file_page())
        self.stack.addWidget(self._build_mapping_page())
        self.stack.addWidget(self._build_check_page())

        self.back_button = QPushButton(self.tr("< Back"))
        self.back_button.setObjectName("import_back")
        self.next_button = QPushButton(self.tr("Next >"))
        self.next_button.setObjectName("import_next")
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("import_run")
        self.close_button = QPushButton(self.tr("Cancel"))
        self.close_button.setObjectName("import_close")
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (self.back_button, self.next_button, self.import_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)

    def _build_file_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(
            self.tr(
                "Choose the Excel workbook (.xlsx) with the members. Next you link its columns to the fields "
                "of the register, then every row is checked. Nothing is saved until you click Import, and "
                "nothing at all while any row has a problem."
            )
        )
        intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("import_file")
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.setObjectName("import_choose")
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        self.file_error = QLabel()
        self.file_error.setObjectName("import_file_error")
        self.file_error.setStyleSheet(ERROR_STYLE)
        self.file_error.setWordWrap(True)
        self.file_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_error.hide()
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.file_error)
        layout.addStretch()
        return page

    def _build_mapping_page(self) -> QWidget:
        page = QWidget()
        self.file_info = QLabel()
        self.file_info.setObjectName("import_file_info")
        self.file_info.setWordWrap(True)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("import_sheet")
        self.sheet_label = QLabel(self.tr("Worksheet"))
        self.sheet_label.setBuddy(self.sheet_combo)
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(self.sheet_label)
        sheet_row.addWidget(self.sheet_combo)
        sheet_row.addStretch()
        hint = QLabel(
            self.tr(
                "Check for each column which field it fills. Columns set to “ignore” are not read. "
                "A surname is required (a column Achternaam, or a column with the whole name)."
            )
        )
        hint.setWordWrap(True)
        self.mapping_table = QTableWidget(0, 4)
        self.mapping_table.setObjectName("import_mapping")
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header in Excel"), self.tr("Examples"), self.tr("Field")]
        )
        self.mapping_table.verticalHeader().hide()
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setWordWrap(False)
        self.mapping_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the combos take the focus, not the cells
        self.mapping_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(COL_LETTER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_HEADER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_SAMPLES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_FIELD, QHeaderView.ResizeMode.Interactive)
        self.mapping_table.setColumnWidth(COL_HEADER, 170)
        self.mapping_table.setColumnWidth(COL_FIELD, 240)
        self.mapping_error = QLabel()
        self.mapping_error.setObjectName("import_mapping_error")
        self.mapping_error.setStyleSheet(ERROR_STYLE)
        self.mapping_error.setWordWrap(True)
        self.mapping_error.hide()
        self.mapping_notes = QLabel()
        self.mapping_notes.setObjectName("import_mapping_notes")
        self.mapping_notes.setStyleSheet(NOTE_STYLE)
        self.mapping_notes.setWordWrap(True)
        self.mapping_notes.hide()
        layout = QVBoxLayout(page)
        layout.addWidget(self.file_info)
        layout.addLayout(sheet_row)
        layout.addWidget(hint)
        layout.addWidget(self.mapping_table, 1)
        layout.addWidget(self.mapping_error)
        layout.addWidget(self.mapping_notes)
        return page

    def _build_check_page(self) -> QWidget:
        page = QWidget()
        self.result_label = QLabel()
        self.result_label.setObjectName("import_result")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("import_detail")
        self.detail_label.setWordWrap(True)
        self.detail_label.setStyleSheet(NOTE_STYLE)
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("import_problems")
        self.problem_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.problem_list.setAlternatingRowColors(True)
        self.problem_list.setUniformItemSizes(True)  # fast with thousands of problems
        self.problem_list.setStyleSheet("QListWidget::item { padding: 2px 4px; }")
        self.copy_button = QPushButton(self.tr("Copy problems"))
        self.copy_button.setObjectName("import_copy")
        self.copy_button.setToolTip(self.tr("Copy the problems (or the selected ones) to paste them elsewhere"))
        self.recheck_button = QPushButton(self.tr("Check again"))
        self.recheck_button.setObjectName("import_recheck")
        self.recheck_button.setToolTip(self.tr("Read the file again after correcting it in Excel and check it"))
        problem_buttons = QHBoxLayout()
        problem_buttons.addWidget(self.copy_button)
        problem_buttons.addWidget(self.recheck_button)
        problem_buttons.addStretch()
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_label)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.problem_list, 1)
        layout.addLayout(problem_buttons)
        layout.addStretch()
        return page

    # ------------------------------------------------------------------ navigation

    @property
    def step(self) -> int:
        return self.stack.currentIndex()

    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        titles = {
            STEP_FILE: self.tr("Step 1 of 3: choose the file"),
            STEP_MAPPING: self.tr("Step 2 of 3: link the columns"),
            STEP_CHECK: self.tr("Step 3 of 3: check"),
        }
        self.step_label.setText(titles[step])
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.step
        self.back_button.setEnabled(step > STEP_FILE and not self.done_importing)
        self.next_button.setVisible(step < STEP_CHECK)
        self.next_button.setText(self.tr("Check >") if step == STEP_MAPPING else self.tr("Next >"))
        if step == STEP_FILE:
            self.next_button.setEnabled(self.preview is not None)
        elif step == STEP_MAPPING:
            self.next_button.setEnabled(not self.mapping_problems())
        report = self.report
        self.import_button.setVisible(step == STEP_CHECK and not self.done_importing)
        self.import_button.setEnabled(report is not None and report.ok and report.people > 0)
        clean = report is not None and report.ok
        self.recheck_button.setVisible(step == STEP_CHECK and not self.done_importing and not clean)
        self.copy_button.setVisible(step == STEP_CHECK and self.problem_list.count() > 0)
        self.problem_list.setVisible(self.problem_list.count() > 0)
        self.close_button.setText(self.tr("Close") if self.done_importing else self.tr("Cancel"))
        if step == STEP_CHECK and self.import_button.isEnabled():
            self.import_button.setDefault(True)
        elif self.next_button.isVisible():
            self.next_button.setDefault(True)

    def go_back(self) -> None:
        if self.step > STEP_FILE and not self.done_importing:
            self._show_step(self.step - 1)

    def go_next(self) -> None:
        if self.step == STEP_FILE and self.preview is not None:
            self._show_step(STEP_MAPPING)
        elif self.step == STEP_MAPPING and not self.mapping_problems():
            self._show_step(STEP_CHECK)
            self.check()

    # ------------------------------------------------------------------ step 1: the file

    def choose_file(self) -> None:
        start = str(self.path.parent if self.path else documents_folder())
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the member list"), start, self.tr("Excel workbook (*.xlsx);;All files (*)")
        )
        if name:
            self.load_file(name)

    def load_file(self, path: str | Path, sheet: str | None = None) -> bool:
        """Read the file's columns for the mapping step; on success go there, else show why on step 1."""
        path = Path(path)
        self.file_edit.setText(str(path))
        try:
            with busy():
                preview = member_import.preview_import(path, sheet=sheet)
        except ServiceError as exc:
            self.preview = None
            self.file_error.setText(str(exc))
            self.file_error.show()
            self._show_step(STEP_FILE)
            return False
        self.file_error.hide()
        self.path, self.sheet, self.preview, self.report = path, sheet, preview, None
        self._fill_mapping(preview)
        self._show_step(STEP_MAPPING)
        return True

    def _on_sheet_chosen(self, _index: int) -> None:
        sheet = self.sheet_combo.currentText()
        if self.path is not None and self.preview is not None and sheet and sheet != self.preview.sheet:
            if not self.load_file(self.path, sheet):
                self.file_error.setText(
                    self.tr("Worksheet {sheet}: {error}").format(sheet=sheet, error=self.file_error.text())
                )

    # ------------------------------------------------------------------ step 2: the mapping

    def _fill_mapping(self, preview: ImportPreview) -> None:
        self.file_info.setText(
            self.tr("%n row(s) with data in {file}, worksheet {sheet}.", "", preview.data_rows).format(
                file=preview.file_name, sheet=preview.sheet
            )
        )
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(preview.sheet_names))
        self.sheet_combo.setCurrentText(preview.sheet)
        self.sheet_combo.blockSignals(False)
        several = len(preview.sheet_names) > 1
        self.sheet_combo.setVisible(several)
        self.sheet_label.setVisible(several)

        table = self.mapping_table
        table.setRowCount(0)
        table.setRowCount(len(preview.columns))
        for row, column in enumerate(preview.columns):
            letter = QTableWidgetItem(column.letter)
            letter.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            table.setItem(row, COL_LETTER, letter)
            header = QTableWidgetItem(column.header)
            header.setToolTip(column.header)
            table.setItem(row, COL_HEADER, header)
            samples = QTableWidgetItem("  ·  ".join(column.samples))
            samples.setToolTip("\n".join(column.samples))
            samples.setForeground(Qt.GlobalColor.darkGray)
            table.setItem(row, COL_SAMPLES, samples)
            combo = QComboBox()
            combo.setObjectName(f"field_{column.letter}")
            combo.addItem(self.tr("(ignore)"), IGNORE)
            for key, label in FIELD_LABELS.items():
                combo.addItem(label, key)
            guessed = column.field if column.field in FIELD_LABELS else IGNORE
            combo.setCurrentIndex(combo.findData(guessed))
            if column.field is None:
                combo.setToolTip(self.tr("Not recognised: choose a field, or leave it on “ignore”"))
            combo.currentIndexChanged.connect(self._on_mapping_changed)
            table.setCellWidget(row, COL_FIELD, combo)
        notes = list(preview.notes)
        if preview.unrecognised:
            notes.append(
                self.tr("Not recognised, so ignored unless you choose a field: {columns}.").format(
                    columns=", ".join(f"“{h}”" for h in preview.unrecognised)
                )
            )
        self.mapping_notes.setText("\n".join(notes))
        self.mapping_notes.setVisible(bool(notes))
        self._on_mapping_changed()

    def _combo(self, row: int) -> QComboBox:
        combo = self.mapping_table.cellWidget(row, COL_FIELD)
        assert isinstance(combo, QComboBox)
        return combo

    def field_of(self, header: str) -> str:
        """The field now chosen for the column with this header (a FIELD_LABELS key or IGNORE)."""
        return self._combo(self._row_of(header)).currentData()

    def set_field(self, header: str, field: str) -> None:
        """Choose a field for a column, as picking it in the combo does."""
        combo = self._combo(self._row_of(header))
        index = combo.findData(field)
        if index < 0:
            raise KeyError(field)
        combo.setCurrentIndex(index)

    def _row_of(self, header: str) -> int:
        assert self.preview is not None
        for row, column in enumerate(self.preview.columns):
            if column.header == header:
                return row
        raise KeyError(header)

    def mapping(self) -> dict[str, str]:
        """Column header → field key, for every column, as the services take it."""
        if self.preview is None:
            return {}
        return {column.header: self._combo(row).currentData() for row, column in enumerate(self.preview.columns)}

    def mapping_problems(self) -> list[str]:
        """Why the chosen mapping cannot be checked yet (in the user's language); empty when it can."""
        if self.preview is None:
            return [self.tr("Choose a file first.")]
        chosen: dict[str, list[str]] = {}
        for row, column in enumerate(self.preview.columns):
            field = self._combo(row).currentData()
            if field != IGNORE:
                chosen.setdefault(field, []).append(column.header)
        problems = []
        if "surname" not in chosen and "name" not in chosen:
            problems.append(
                self.tr("No column is linked to {surname} or {name}: every member needs a surname.").format(
                    surname=FIELD_LABELS["surname"], name=FIELD_LABELS["name"]
                )
            )
        if "house_number" in chosen and "street" not in chosen and "address" not in chosen:
            problems.append(
                self.tr("There is a column for {number} but none for {street} or {address}.").format(
                    number=FIELD_LABELS["house_number"], street=FIELD_LABELS["street"], address=FIELD_LABELS["address"]
                )
            )
        for field, headers in chosen.items():
            if len(headers) > 1 and field != "phone":  # several phone columns are fine: each adds a number
                problems.append(
                    self.tr("Several columns are linked to {field} ({columns}); link only one.").format(
                        field=FIELD_LABELS[field], columns=", ".join(f"“{h}”" for h in headers)
                    )
                )
        return problems

    def _on_mapping_changed(self, _index: int = 0) -> None:
        problems = self.mapping_problems() if self.preview is not None else []
        self.mapping_error.setText("\n".join(problems))
        self.mapping_error.setVisible(bool(problems))
        self.report = None
        self._update_buttons()

    # ------------------------------------------------------------------ step 3: check and import

    def check(self) -> None:
        """Check every row with the chosen mapping (writing nothing) and show the problems or the summary."""
        if self.path is None:
            return
        self._clear_result()
        self.result_label.setText(self.tr("Checking…"))
        self.result_label.setStyleSheet("")
        try:
            with busy():
                report = member_import.check_import(self._ctx, self.path, self.mapping(), sheet=self.sheet)
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        self._show_report(report)

    def run_import(self) -> None:
        """Import after a clean check: backup, then every row in one transaction; emit `imported`."""
        if self.path is None or self.report is None or not self.report.ok or self.done_importing:
            return
        self.import_button.setEnabled(False)
        self.result_label.setText(self.tr("Importing…"))
        try:
            with busy():
                report = member_import.run_import(
                    self._ctx, self.path, self.mapping(), backup=self._guarded_backup(), sheet=self.sheet
                )
        except _BackupFailed as exc:
            self._show_error(
                self.tr("The backup before importing failed, so nothing was imported. {error}").format(error=exc)
            )
            return
        except ServiceError as exc:
            self._show_error(str(exc))
            return
        if not report.written:
            self._show_report(report)  # someone registered the same people meanwhile: the problems say who
            return
        self.done_importing = True
        self._clear_result()
        self.report = report
        self.result_label.setStyleSheet(GOOD_STYLE)
        self.result_label.setText(self._people_in_households(report, done=True))
        self.detail_label.setText("\n".join(report.notes))
        self._update_buttons()
        self.imported.emit(report.people)

    def _guarded_backup(self) -> Callable[[], None] | None:
        backup = self._backup
        if backup is None:
            return None

        def guarded() -> None:
            try:
                backup()
            except Exception as exc:  # noqa: BLE001 - any failure must stop the import before it writes
                raise _BackupFailed(str(exc)) from exc

        return guarded

    def _clear_result(self) -> None:
        self.report = None
        self.problem_list.clear()
        self.detail_label.clear()
        self._update_buttons()

    def _show_error(self, message: str) -> None:
        self._clear_result()
        self.result_label.setStyleSheet(ERROR_STYLE)
        self.result_label.setText(message)
        self._update_buttons()

    def _show_report(self, report: ImportReport) -> None:
        self.problem_list.clear()
        self.report = report
        notes = list(report.notes)
        if report.problems:
            self.result_label.setStyleSheet(ERROR_STYLE)
            self.result_label.setText(self.tr("%n problem(s); nothing has been imported.", "", len(report.problems)))
            notes.insert(
                0,
                self.tr(
                    "Correct the list in Excel, save it and click “Check again”. Each line gives the row number "
                    "and the column as Excel shows them."
                ),
            )
            self.problem_list.addItems([str(problem) for problem in report.problems])
        elif report.people == 0:
            self.result_label.setStyleSheet(ERROR_STYLE)
            self.result_label.setText(self.tr("The list has no rows with people to import."))
        else:
            self.result_label.setStyleSheet(GOOD_STYLE)
            self.result_label.setText(self._people_in_households(report, done=False))
            notes.insert(0, self.tr("No problems found. Click Import to add them to the register."))
        self.detail_label.setText("\n".join(notes))
        self._update_buttons()

    def _people_in_households(self, report: ImportReport, *, done: bool) -> str:
        households = self.tr("%n household(s)", "", report.households)
        if done:
            text = self.tr("%n person(s) in {households} imported.", "", report.people)
        else:
            text = self.tr("%n person(s) in {households} will be added.", "", report.people)
        return text.format(households=households)

    def problem_texts(self) -> list[str]:
        return [self.problem_list.item(row).text() for row in range(self.problem_list.count())]

    def copy_problems(self) -> None:
        """Copy the selected problems (or all of them) to the clipboard, one per line."""
        items = self.problem_list.selectedItems() or [
            self.problem_list.item(row) for row in range(self.problem_list.count())
        ]
        lines = [item.text() for item in items]
        if lines:
            QGuiApplication.clipboard().setText("\n".join(lines) + "\n")
