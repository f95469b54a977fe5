"""The Mensen screen: search as you type over the register, a paged list and the selected person's card."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer, QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coop_desk.services import people
from coop_desk.services.context import ServiceContext
from coop_desk.services.dates import format_date, format_money
from coop_desk.services.errors import ConflictError, NotFoundError
from coop_desk.services.validation import format_phone
from coop_desk.ui.excel.export import ExportButton
from coop_desk.ui.people.people_table_model import PeopleTableModel
from coop_desk.ui.people.person_dialog import PersonDialog


class PeopleView(QWidget):
    """Layout and behaviour of the people register. Searching runs on every keystroke (debounced)."""

    SEARCH_DELAY_MS = 120

    def __init__(self, ctx: ServiceContext, parent=None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._current: people.PersonDetail | None = None
        self.model = PeopleTableModel(
            lambda q, offset, limit: people.search_people(ctx, q, offset, limit),
            lambda q: people.count_people(ctx, q),
            self,
        )
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._on_search_enter)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.new_button.clicked.connect(self.new_person)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.viewed_by_button.clicked.connect(self.show_viewed_by)
        self.privacy_button.clicked.connect(self.show_privacy)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.focus_search)
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, activated=self.new_person)
        for key, widget, slot in (
            (Qt.Key.Key_Return, self.table, self.edit_current),
            (Qt.Key.Key_Enter, self.table, self.edit_current),
            (Qt.Key.Key_Down, self.search, self._on_search_enter),
        ):
            shortcut = QShortcut(QKeySequence(key), widget, activated=slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("people_search")
        self.search.setPlaceholderText(self.tr("Search by name, street and house number, postcode or phone (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("people_count")
        self.new_button = QPushButton(self.tr("New person"))
        self.new_button.setToolTip(self.tr("Register a new person (Ctrl+Shift+N)"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.new_button)
        self.export_button = ExportButton(self._ctx, "people", filters=lambda: {"query": self.search.text()})
        top.addWidget(self.export_button)

        self.table = QTableView()
        self.table.setObjectName("people_table")
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
        for column, width in ((0, 210), (1, 190), (2, 80), (3, 100), (4, 115), (5, 90)):
            self.table.setColumnWidth(column, width)

        self.card = QTextBrowser()
        self.card.setObjectName("person_card")
        self.card.setOpenLinks(False)
        self.card.anchorClicked.connect(self._on_card_link)
        self.edit_button = QPushButton(self.tr("Edit"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.viewed_by_button = QPushButton(self.tr("Who viewed this file?"))
        self.viewed_by_button.setObjectName("viewed_by_button")
        self.privacy_button = QPushButton(self.tr("Privacy (AVG)…"))
        self.privacy_button.setObjectName("privacy_button")
        self.privacy_button.setToolTip(self.tr("Consent, everything held about this person, or erase them"))
        card_buttons = QHBoxLayout()
        card_buttons.addWidget(self.edit_button)
        card_buttons.addWidget(self.delete_button)
        card_buttons.addWidget(self.viewed_by_button)
        card_buttons.addWidget(self.privacy_button)
        card_buttons.addStretch()
        card_panel = QWidget()
        card_layout = QVBoxLayout(card_panel)
        card_layout.setContentsMargins(0, 0, 0, 0)
        card_layout.addWidget(self.card)
        card_layout.addLayout(card_buttons)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("people_splitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(card_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([820, 340])

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._show_card(None)

    # ------------------------------------------------------------------ behaviour

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def run_search(self) -> None:
        """Query the register for the search text now (the debounce timer calls this)."""
        self._timer.stop()
        self.model.set_query(self.search.text())
        total = self.model.total
        self.count_label.setText(self.tr("%n person(s)", "", total))
        # No automatic selection: opening a file is a deliberate act (and is audited as a view).
        self._show_card(None)

    def _on_search_enter(self) -> None:
        """Enter in the search field: search now and move to the first result."""
        if self._timer.isActive():
            self.run_search()
        if self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(0)

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = self.model.person_at(rows[0].row())
        return row.id if row else None

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        person_id = self._selected_id()
        if person_id is None:
            self._show_card(None)
            return
        try:
            self._show_card(people.get_person(self._ctx, person_id))
        except NotFoundError:
            self._show_card(None)

    def _show_card(self, person: people.PersonDetail | None) -> None:
        self._current = person
        self.edit_button.setEnabled(person is not None)
        self.delete_button.setEnabled(person is not None)
        self.viewed_by_button.setEnabled(person is not None)
        self.privacy_button.setEnabled(person is not None)
        if person is None:
            hint = self.tr("Select a person to see their details.")
            self.card.setHtml(f"<p style='color:#666'>{escape(hint)}</p>")
            return
        self.card.setHtml(self._card_html(person))

    def _card_html(self, p: people.PersonDetail) -> str:
        role_names = {
            "volunteer": self.tr("volunteer"),
            "client": self.tr("client"),
            "carer": self.tr("informal carer"),
        }
        label = {
            "born": self.tr("Born"),
            "a_year": self.tr("a year"),
            "not_member": self.tr("Not a member"),
            "lives_with": self.tr("Lives with"),
            "contacts": self.tr("Contact persons"),
            "notes": self.tr("Notes"),
        }
        label = {key: escape(value) for key, value in label.items()}
        parts = [f"<h2>{escape(p.formal_name)}</h2>"]
        if p.birth_date:
            parts.append(f"<p>{label['born']}: {format_date(p.birth_date)}</p>")
        if p.street:
            country = " (BE)" if p.country == "BE" else ""
            parts.append(
                f"<p>{escape(p.street)} {escape(p.house_number)}<br>{escape(p.postcode)}  "
                f"{escape(p.city.upper())}{country}</p>"
            )
        contact = [escape(ph.display) + (f" ({escape(ph.label)})" if ph.label else "") for ph in p.phones]
        if p.email:
            contact.append(escape(p.email))
        if contact:
            parts.append("<p>" + "<br>".join(contact) + "</p>")
        m = p.membership
        if m is not None:
            status = self.tr("member since {date}").format(date=format_date(m.since))
            if m.until:
                status += ", " + self.tr("until {date}").format(date=format_date(m.until))
            kind = self.tr("household") if m.kind == "household" else self.tr("single")
            fee = format_money(m.yearly_fee_cents)
            parts.append(f"<p><b>{escape(status)}</b> ({escape(kind)}, {escape(fee)} {label['a_year']})</p>")
        else:
            parts.append(f"<p>{label['not_member']}</p>")
        if p.roles:
            parts.append("<p>" + escape(", ".join(role_names[r] for r in sorted(p.roles))) + "</p>")
        if p.household:
            names = ", ".join(escape(h.name) for h in p.household)
            parts.append(f"<p><b>{label['lives_with']}:</b> {names}</p>")
        if p.contacts:
            items = "".join(
                f"<li>{escape(c.name)}"
                + (f", {escape(c.relation)}" if c.relation else "")
                + (f" — {escape(format_phone(c.phone))}" if c.phone else "")
                + "</li>"
                for c in p.contacts
            )
            parts.append(f"<p><b>{label['contacts']}:</b></p><ul>{items}</ul>")
        if p.notes:
            notes = escape(p.notes).replace("\n", "<br>")
            parts.append(f"<p><b>{label['notes']}:</b><br>{notes}</p>")
        from coop_desk.services import letters  # with reportlab behind it: loaded when a card is first shown

        sent = letters.letters_of_person(self._ctx, p.id)
        if sent:
            reprint = escape(self.tr("print again"))
            items = "".join(
                f"<li>{format_date(row.sent_at.astimezone().date())} — {escape(row.subject)} "
                f"({escape(row.sent_by)}) <a href='letter:{row.id}'>{reprint}</a></li>"
                for row in sent[:20]
            )
            heading = escape(self.tr("Letters sent"))
            parts.append(f"<p><b>{heading}:</b></p><ul>{items}</ul>")
        return "".join(parts)

    def _on_card_link(self, url: QUrl) -> None:
        """'print again' next to a sent letter: the same letter as a PDF to save (and print from there)."""
        kind, _, number = url.toString().partition(":")
        if kind != "letter" or not number.isdigit():
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save letter"), f"brief-{number}.pdf", self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        from coop_desk.services import letters

        try:
            Path(path).write_bytes(letters.reproduce(self._ctx, int(number)))
        except (NotFoundError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Not saved"), str(exc))

    def show_person(self, person_id: int) -> None:
        """Show one person's card (asked for from another screen), selecting their row when it is in the list."""
        row = self.model.row_of(person_id)
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._show_card(people.get_person(self._ctx, person_id))

    def new_person(self) -> None:
        dialog = PersonDialog(self._ctx, None, self)
        dialog.saved.connect(self._after_save)
        dialog.open()

    def edit_current(self) -> None:
        if self._current is None:
            return
        dialog = PersonDialog(self._ctx, self._current, self)
        dialog.saved.connect(self._after_save)
        dialog.open()

    def _after_save(self, person_id: int) -> None:
        self.model.reload()
        self.show_person(person_id)
        self.count_label.setText(self.tr("%n person(s)", "", self.model.total))

    def show_viewed_by(self) -> None:
        """'Wie heeft dit dossier bekeken?' for the person on the card (the look itself is audited)."""
        if self._current is None:
            return
        from coop_desk.ui.people.viewed_by_dialog import ViewedByDialog

        ViewedByDialog(self._ctx, self._current.id, self._current.formal_name, self).open()

    def show_privacy(self) -> QWidget | None:
        """Consent, the data export and erasure for the person on the card (erasure empties the card)."""
        if self._current is None:
            return None
        from coop_desk.ui.people.privacy_dialog import PrivacyDialog

        dialog = PrivacyDialog(self._ctx, self._current.id, self._current.formal_name, parent=self)
        dialog.erased.connect(self._after_erase)
        self.privacy_dialog = dialog
        dialog.open()
        return dialog

    def _after_erase(self, _person_id: int) -> None:
        self._show_card(None)
        self.model.reload()
        self.count_label.setText(self.tr("%n person(s)", "", self.model.total))

    def delete_current(self) -> None:
        p = self._current
        if p is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete person"),
            self.tr("Delete {name} from the register? This cannot be undone.").format(name=p.formal_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            people.delete_person(self._ctx, p.id, p.version)
        except (ConflictError, NotFoundError) as exc:
            QMessageBox.warning(self, self.tr("Not deleted"), str(exc))
        self.run_search()
