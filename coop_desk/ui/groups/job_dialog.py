"""Dialogs of the Klust screen: a job request (new or changed) and reporting a job done with the hours spent."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import jobs
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date
from coop_desk.services.errors import ConflictError, NotFoundError, ValidationError
from coop_desk.services.volunteers import SKILLS
from coop_desk.ui.common.form_errors import FieldErrors
from coop_desk.ui.letters.person_chooser import PersonChooser

NOTE_STYLE = "color: #555;"


class JobDialog(QDialog):
    """A new job for a group, or a change of `detail`. Errors appear next to the fields and nothing typed is lost;
    `result_detail` holds the saved job."""

    def __init__(
        self,
        ctx: ServiceContext,
        group_id: int,
        detail: jobs.JobDetail | None = None,
        parent=None,
        *,
        case_id: int | None = None,
        requester_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._group_id = group_id
        self._detail = detail
        self._case_id = case_id  # a new job asked for from a help request
        self._requester_id = requester_id
        self.result_detail: jobs.JobDetail | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("New job") if detail is None else self.tr("Change job"))
        self.setMinimumWidth(620)

        form = QFormLayout()
        self.requester = PersonChooser(ctx, self, rows_shown=4)
        form.addRow(self.tr("For"), self.errors.with_field("requester_id", self.requester))
        self.title_edit = self.errors.line("title", form, self.tr("What"), self.tr("e.g. hang a lamp"))
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setFixedHeight(64)
        form.addRow(self.tr("Description"), self.errors.with_field("description", self.description))
        self.address = self.errors.line(
            "address",
            form,
            self.tr("Where"),
            self.tr("Empty: the requester's home. E.g. Dorpsstraat 12, 3941 AB Doorn"),
        )
        self.day = self.errors.line("day", form, self.tr("Date"), self.tr("dd-mm-yyyy, empty when not known yet"))
        self.start_time = self.errors.line("start_time", form, self.tr("Time"), self.tr("e.g. 10:00"))
        self.materials = self.errors.line("materials", form, self.tr("Materials"), self.tr("e.g. ladder, drill"))
        skills_box = QWidget()
        grid = QGridLayout(skills_box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.skill_boxes: dict[str, QCheckBox] = {}
        for i, (code, label) in enumerate(SKILLS.items()):
            box = QCheckBox(label)
            box.setObjectName(f"skill_{code}")
            self.skill_boxes[code] = box
            grid.addWidget(box, i // 3, i % 3)
        form.addRow(self.tr("Skills needed"), self.errors.with_field("skills", skills_box))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(56)
        form.addRow(self.tr("Notes"), self.errors.with_field("notes", self.notes))
        self.general = self.errors.label_for("general")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.requester.run_search()
        if detail is not None:
            self._fill(detail)
        elif requester_id is not None:
            self.requester.choose(requester_id)

    def _fill(self, d: jobs.JobDetail) -> None:
        self.requester.choose(d.requester_id)
        self.title_edit.setText(d.title)
        self.description.setPlainText(d.description)
        self.address.setText(d.address)
        self.day.setText(format_date(d.day))
        self.start_time.setText(f"{d.start_time:%H:%M}" if d.start_time else "")
        self.materials.setText(d.materials)
        for code in d.skill_codes:
            if code in self.skill_boxes:
                self.skill_boxes[code].setChecked(True)
        self.notes.setPlainText(d.notes)

    def data(self) -> jobs.JobInput:
        return jobs.JobInput(
            group_id=self._group_id,
            requester_id=self.requester.person_id,
            title=self.title_edit.text(),
            description=self.description.toPlainText(),
            address=self.address.text(),
            day=self.day.text(),
            start_time=self.start_time.text(),
            materials=self.materials.text(),
            skills=tuple(code for code, box in self.skill_boxes.items() if box.isChecked()),
            notes=self.notes.toPlainText(),
            case_id=self._detail.case_id if self._detail else self._case_id,
        )

    def save(self) -> bool:
        try:
            if self._detail is None and self._case_id is not None:
                self.result_detail = jobs.create_job_from_case(self._ctx, self._case_id, self.data())
            elif self._detail is None:
                self.result_detail = jobs.create_job(self._ctx, self.data())
            else:
                self.result_detail = jobs.update_job(self._ctx, self._detail.id, self._detail.version, self.data())
        except ValidationError as exc:
            unplaced = self.errors.show(exc.errors)
            if unplaced:
                self.general.setText("\n".join(unplaced))
                self.general.show()
            return False
        except (ConflictError, NotFoundError) as exc:
            self.errors.show({"general": str(exc)})
            return False
        self.accept()
        return True


class JobCompleteDialog(QDialog):
    """Report a job done: the hours spent, typed as 1,5 or 1:30."""

    def __init__(self, ctx: ServiceContext, detail: jobs.JobDetail, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._detail = detail
        self.result_detail: jobs.JobDetail | None = None
        self.errors = FieldErrors()
        self.setWindowTitle(self.tr("Job done"))
        self.setMinimumWidth(420)
        heading = QLabel(f"<b>{_html(detail.title)}</b> — {_html(detail.requester_name)}")
        form = QFormLayout()
        self.hours: QLineEdit = self.errors.line("hours", form, self.tr("Hours spent"), self.tr("e.g. 1,5 or 1:30"))
        if detail.minutes_spent is not None:
            self.hours.setText(f"{detail.minutes_spent // 60}:{detail.minutes_spent % 60:02d}")
        hint = QLabel(self.tr("All volunteers together; the job is marked done."))
        hint.setStyleSheet(NOTE_STYLE)
        self.general = self.errors.label_for("status")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Done"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def save(self) -> bool:
        try:
            self.result_detail = jobs.complete_job(self._ctx, self._detail.id, self._detail.version, self.hours.text())
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return False
        except (ConflictError, NotFoundError) as exc:
            self.errors.show({"status": str(exc)})
            return False
        self.accept()
        return True


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
