# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Meetings screen: planned engagements, the ordered cases to raise at each, and what
happened there (recorded as asks).

It holds plain data only (meetings, organisations, officials, case summaries) and writes
through ``ctx.write``; it never keeps a session. ``clear()`` forgets all of it on lock.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QDateTime, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Consent, MeetingStatus
from app.domain.model import Meeting, MeetingCase, Official, Organisation
from app.errors import VigilError
from app.services import cases as case_service
from app.services import dashboard, directory
from app.services import meetings as meeting_service
from app.ui.context import ASKS, CASES, DIRECTORY, MEETINGS, Refresher
from app.ui.dossier_export import abort_exports, export_dossier
from app.ui.i18n import label
from app.ui.table_model import table_view
from app.ui.views.meeting_dialogs import ID_ROLE, CasePicker, OutcomeDialog
from app.ui.views.meeting_table import MeetingTableModel

DO_NOT_RAISE_COLOUR = "#c62828"


@dataclass(frozen=True, slots=True)
class _Snapshot:
    meetings: list[Meeting]
    organisations: list[Organisation]
    officials: list[Official]
    cases: list[case_service.CaseSummary]


def _load(session, now: datetime) -> _Snapshot:
    return _Snapshot(meeting_service.meetings_in_order(session, now),
                     directory.organisations(session), directory.officials(session),
                     case_service.list_cases(session, now.date()))


class MeetingsScreen(QWidget):
    loaded = Signal()
    meeting_saved = Signal(str)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._organisations: list[Organisation] = []
        self._officials: list[Official] = []
        self._cases: dict[str, case_service.CaseSummary] = {}
        self._points: dict[str, MeetingCase] = {}  # case id -> its ask and talking points
        self._current_id: str | None = None  # the meeting in the editor (maybe not saved yet)
        self._saved_ids: set[str] = set()
        self._dirty = False
        self._filling = False
        self._selecting = False
        self._shown_case: str | None = None
        self.picker: CasePicker | None = None
        self.outcome_dialog: OutcomeDialog | None = None
        self.export = None

        self.new_button = QPushButton(self.tr("New meeting"))
        self.new_button.clicked.connect(self.new_meeting)
        self.model = MeetingTableModel(self)
        self.table = table_view(self.model, self.tr("Meetings"))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.empty = QLabel(self.tr("No meetings yet. Press \u201cNew meeting\u201d to plan "
                                    "one, then add the cases to raise there."))
        self.empty.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.empty)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self._build_editor())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(splitter)
        self.freshness = Refresher(ctx, self, (MEETINGS, CASES, DIRECTORY, ASKS), self._read)
        self._show_editor(False)

    # -- building ------------------------------------------------------------------------------
    def _build_editor(self) -> QWidget:
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title"))
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setMinimumDateTime(QDateTime(self.when.minimumDate(), self.when.minimumTime()))
        self.when.setSpecialValueText(self.tr("No date yet"))
        self.when.setAccessibleName(self.tr("Date and time"))
        self.location = QLineEdit()
        self.location.setAccessibleName(self.tr("Location"))
        self.organisation = QComboBox()
        self.organisation.setAccessibleName(self.tr("Counterpart organisation"))
        self.officials = QListWidget()
        self.officials.setAccessibleName(self.tr("Officials met"))
        self.officials.setMaximumHeight(90)
        self.agenda = QPlainTextEdit()
        self.agenda.setAccessibleName(self.tr("Agenda"))
        self.agenda.setMaximumHeight(70)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for each in MeetingStatus:
            self.status.addItem(self.tr(label(each)), each.value)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("Where"), self.location)
        form.addRow(self.tr("Counterpart"), self.organisation)
        form.addRow(self.tr("Officials met"), self.officials)
        form.addRow(self.tr("Agenda"), self.agenda)
        form.addRow(self.tr("Status"), self.status)

        self.case_list = QListWidget()
        self.case_list.setAccessibleName(self.tr("Cases to raise, in order"))
        self.case_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.case_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.case_list.currentRowChanged.connect(self._case_row_changed)
        self.case_list.model().rowsMoved.connect(lambda *_: self._mark_dirty())
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.add_case_button = QPushButton(self.tr("Add case…"))
        self.remove_case_button = QPushButton(self.tr("Remove case"))
        self.suggest_button = QPushButton(self.tr("Suggest cases"))
        self.up_button.clicked.connect(lambda: self.move_case(-1))
        self.down_button.clicked.connect(lambda: self.move_case(1))
        self.add_case_button.clicked.connect(self.pick_case)
        self.remove_case_button.clicked.connect(self.remove_case)
        self.suggest_button.clicked.connect(self.suggest_cases)
        self.ask = QLineEdit()
        self.ask.setPlaceholderText(self.tr("What to ask for this person at this meeting"))
        self.ask.setAccessibleName(self.tr("Ask"))
        self.talking_points = QPlainTextEdit()
        self.talking_points.setAccessibleName(self.tr("Talking points"))
        self.talking_points.setMaximumHeight(90)
        case_buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.add_case_button,
                       self.remove_case_button, self.suggest_button):
            case_buttons.addWidget(button)
        case_form = QFormLayout()
        case_form.addRow(self.tr("Ask"), self.ask)
        case_form.addRow(self.tr("Talking points"), self.talking_points)
        cases_box = QGroupBox(self.tr("Cases to raise, in order (drag or use the buttons)"))
        cases_layout = QVBoxLayout(cases_box)
        cases_layout.addWidget(self.case_list)
        cases_layout.addLayout(case_buttons)
        cases_layout.addLayout(case_form)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828")
        self.error.hide()
        self.save_button = QPushButton(self.tr("Save"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.outcome_button = QPushButton(self.tr("Record outcome…"))
        self.export_button = QPushButton(self.tr("Export dossier…"))
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.export_button.clicked.connect(self.export_dossier)
        actions = QHBoxLayout()
        for button in (self.save_button, self.delete_button, self.outcome_button,
                       self.export_button):
            actions.addWidget(button)

        editor = QWidget()
        layout = QVBoxLayout(editor)
        layout.addLayout(form)
        layout.addWidget(cases_box)
        layout.addWidget(self.error)
        layout.addLayout(actions)
        layout.addStretch(1)
        self.editor = editor
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        scroll.setMinimumWidth(420)

        for signal in (self.title.textChanged, self.location.textChanged,
                       self.agenda.textChanged, self.when.dateTimeChanged,
                       self.organisation.currentIndexChanged, self.status.currentIndexChanged,
                       self.officials.itemChanged):
            signal.connect(self._mark_dirty)
        self.ask.textChanged.connect(self._case_text_changed)
        self.talking_points.textChanged.connect(self._case_text_changed)
        return scroll

    # -- the screen contract -------------------------------------------------------------------
    def refresh(self) -> None:
        self.freshness.refresh()

    def _read(self):
        now = self.ctx.now()
        return self.ctx.read(lambda session: _load(session, now),
                             self.freshness.done(self._loaded),
                             on_failed=self.freshness.failed(self._failed))

    def _loaded(self, snapshot: _Snapshot) -> None:
        self._organisations = snapshot.organisations
        self._officials = snapshot.officials
        self._cases = {c.id: c for c in snapshot.cases}
        was_saved = self._current_id in self._saved_ids
        self._saved_ids = {m.id for m in snapshot.meetings}
        self.model.set_meetings(snapshot.meetings,
                                {o.id: o.name for o in snapshot.organisations}, self.ctx.now())
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not snapshot.meetings)
        self.table.setVisible(bool(snapshot.meetings))
        row = self.model.row_of(self._current_id)
        if row is not None:
            self._select_row(row)
            if not self._dirty:
                self._fill(self.model.meeting_at(row))
        elif self._current_id is None or was_saved:
            self._forget_editor()  # nothing shown, or it was deleted
        else:
            self._refill_choices()  # a new meeting not saved yet: keep it
        self.loaded.emit()

    def clear(self) -> None:
        """Forget every piece of case data (the vault is locking)."""
        for dialog in (self.picker, self.outcome_dialog):
            if dialog is not None:
                dialog.reject()
                dialog.deleteLater()
        self.picker = self.outcome_dialog = self.export = None
        abort_exports(self)
        self.model.clear()
        self._organisations, self._officials, self._cases = [], [], {}
        self._saved_ids = set()
        self._forget_editor()
        self.empty.setVisible(True)
        self.table.setVisible(False)
        self.freshness.clear()

    def _failed(self, error: BaseException) -> None:
        self._say_error(error)

    # -- the list ------------------------------------------------------------------------------
    def _select_row(self, row: int | None) -> None:
        """Select a row (None: no row) without treating it as the user's choice."""
        self._selecting = True
        if row is None:
            self.table.setCurrentIndex(QModelIndex())
            self.table.clearSelection()
        else:
            self.table.selectRow(row)
        self._selecting = False

    def _row_changed(self, current, previous) -> None:
        if self._selecting or not current.isValid():
            return
        meeting = self.model.meeting_at(current.row())
        if meeting.id == self._current_id:
            return
        if self._dirty and not self._discard_ok():
            self._select_row(previous.row() if previous.isValid() else None)
            return
        self._fill(meeting)

    def _discard_ok(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("This meeting has changes that are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def select_meeting(self, meeting_id: str) -> None:
        row = self.model.row_of(meeting_id)
        if row is not None:
            self.table.selectRow(row)

    def new_meeting(self) -> None:
        if self._dirty and not self._discard_ok():
            return
        self._select_row(None)
        start = self.ctx.now().astimezone().replace(second=0, microsecond=0)
        self._fill(Meeting(id=str(uuid.uuid4()), title="", starts_at=start,
                           status=MeetingStatus.PLANNED), no_date=True)
        self.title.setFocus()

    # -- the editor ----------------------------------------------------------------------------
    def _show_editor(self, shown: bool) -> None:
        self.editor.setEnabled(shown)

    def _refill_choices(self, organisation_id: str | None = None,
                        official_ids: tuple[str, ...] | None = None) -> None:
        filling, self._filling = self._filling, True
        if organisation_id is None:
            organisation_id = self.organisation.currentData()
        if official_ids is None:
            official_ids = self.chosen_officials()
        self.organisation.clear()
        self.organisation.addItem(self.tr("Not set"), None)
        for org in self._organisations:
            self.organisation.addItem(org.name, org.id)
        self.organisation.setCurrentIndex(max(0, self.organisation.findData(organisation_id)))
        names = {o.id: o.name for o in self._organisations}
        self.officials.clear()
        for official in self._officials:
            where = names.get(official.organisation_id or "", official.country or "")
            item = QListWidgetItem(f"{official.name} ({where})" if where else official.name)
            item.setData(ID_ROLE, official.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if official.id in official_ids
                               else Qt.CheckState.Unchecked)
            self.officials.addItem(item)
        self._filling = filling

    def _fill(self, meeting: Meeting, *, no_date: bool = False) -> None:
        self._filling = True
        self._current_id = meeting.id
        self.title.setText(meeting.title)
        if no_date:
            self.when.setDateTime(self.when.minimumDateTime())
        else:
            self.when.setDateTime(QDateTime(meeting.starts_at.astimezone().replace(tzinfo=None)))
        self.location.setText(meeting.location or "")
        self.agenda.setPlainText(meeting.agenda or "")
        status = meeting.status or MeetingStatus.PLANNED
        self.status.setCurrentIndex(self.status.findData(status.value))
        self._refill_choices(meeting.organisation_id or "", meeting.official_ids)
        self._shown_case = None  # before the list changes: its text belongs to the last one
        self._points = {item.case_id: item for item in meeting.cases}
        self.case_list.clear()
        for item in meeting.cases:
            self._add_case_row(item.case_id)
        self._shown_case = None
        self.ask.clear()
        self.talking_points.clear()
        if meeting.cases:
            self.case_list.setCurrentRow(0)
        self.error.hide()
        self._show_editor(True)
        self._filling = False
        self._dirty = False

    def _forget_editor(self) -> None:
        self._filling = True
        self._current_id = None
        for widget in (self.case_list, self.title, self.location, self.agenda, self.ask,
                       self.talking_points, self.officials, self.organisation):
            widget.clear()
        self._points = {}
        self._shown_case = None
        self.when.setDateTime(self.when.minimumDateTime())
        self.error.hide()
        self._show_editor(False)
        self._filling = False
        self._dirty = False

    def _mark_dirty(self, *_args) -> None:
        if not self._filling:
            self._dirty = True

    def is_dirty(self) -> bool:
        return self._dirty

    def _case_name(self, case_id: str) -> str:
        case = self._cases.get(case_id)
        if case is None:
            return self.tr("(a case that is no longer in the vault)")
        name = case.display_name
        if case.name_original:
            name += f"  {case.name_original}"
        if case.consent == Consent.DO_NOT_RAISE:
            name += "  " + self.tr("(do not raise)")
        return name

    def _add_case_row(self, case_id: str) -> None:
        item = QListWidgetItem(self._case_name(case_id))
        item.setData(ID_ROLE, case_id)
        case = self._cases.get(case_id)
        if case is None or case.consent == Consent.DO_NOT_RAISE:
            item.setForeground(QColor(DO_NOT_RAISE_COLOUR))
        item.setFlags((item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
                      & ~Qt.ItemFlag.ItemIsDropEnabled)
        self.case_list.addItem(item)

    def case_ids(self) -> list[str]:
        """The cases on the list, in the order they are to be raised."""
        return [self.case_list.item(row).data(ID_ROLE) for row in range(self.case_list.count())]

    def chosen_officials(self) -> tuple[str, ...]:
        return tuple(self.officials.item(row).data(ID_ROLE)
                     for row in range(self.officials.count())
                     if self.officials.item(row).checkState() == Qt.CheckState.Checked)

    def _case_row_changed(self, row: int) -> None:
        self._store_case_text()
        item = self.case_list.item(row) if row >= 0 else None
        self._shown_case = item.data(ID_ROLE) if item is not None else None
        point = self._points.get(self._shown_case or "")
        filling, self._filling = self._filling, True
        self.ask.setText(point.ask or "" if point else "")
        self.talking_points.setPlainText(point.talking_points or "" if point else "")
        self._filling = filling
        for widget in (self.ask, self.talking_points):
            widget.setEnabled(item is not None)

    def _case_text_changed(self) -> None:
        if not self._filling:
            self._store_case_text()
            self._dirty = True

    def _store_case_text(self) -> None:
        if self._shown_case is None or self._filling:
            return
        self._points[self._shown_case] = MeetingCase(
            case_id=self._shown_case, ask=self.ask.text().strip() or None,
            talking_points=self.talking_points.toPlainText().strip() or None)

    def move_case(self, step: int) -> None:
        """Move the selected case up (-1) or down (+1) the list, keeping it selected."""
        row = self.case_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.case_list.count():
            return
        self._store_case_text()
        item = self.case_list.takeItem(row)
        self.case_list.insertItem(target, item)
        self.case_list.setCurrentRow(target)
        self._dirty = True

    def add_case(self, case_id: str) -> bool:
        if case_id in self.case_ids():
            return False
        self._points.setdefault(case_id, MeetingCase(case_id=case_id))
        self._add_case_row(case_id)
        self._dirty = True
        return True

    def remove_case(self) -> None:
        row = self.case_list.currentRow()
        if row < 0:
            return
        item = self.case_list.takeItem(row)
        self._shown_case = None
        self._points.pop(item.data(ID_ROLE), None)
        self._dirty = True
        self._case_row_changed(self.case_list.currentRow())

    def pick_case(self) -> None:
        self.picker = CasePicker(sorted(self._cases.values(), key=lambda c: c.display_name),
                                 set(self.case_ids()), self)
        self.picker.accepted.connect(self._picked)
        self.picker.open()

    def _picked(self) -> None:
        picker, self.picker = self.picker, None
        if picker is None:
            return
        case_id = picker.chosen_id()
        picker.deleteLater()
        if case_id is not None and self.add_case(case_id):
            self.case_list.setCurrentRow(self.case_list.count() - 1)

    # -- actions -------------------------------------------------------------------------------
    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _say_error(self, error: BaseException) -> None:
        self._show_error(str(error) if isinstance(error, VigilError) else
                         self.tr("Something went wrong; nothing was changed."))

    def meeting_from_form(self) -> Meeting | None:
        """The meeting as the form shows it, or None after showing what is missing."""
        title = self.title.text().strip()
        if not title:
            self._show_error(self.tr("Give the meeting a title; nothing was saved."))
            return None
        if self.when.dateTime() == self.when.minimumDateTime():
            self._show_error(self.tr("Give the meeting a date and time; nothing was saved."))
            return None
        self._store_case_text()
        starts_at = self.when.dateTime().toPython().astimezone()
        return Meeting(id=self._current_id or str(uuid.uuid4()), title=title,
                       starts_at=starts_at, location=self.location.text().strip() or None,
                       organisation_id=self.organisation.currentData() or None,
                       official_ids=self.chosen_officials(),
                       agenda=self.agenda.toPlainText().strip() or None,
                       status=MeetingStatus(self.status.currentData()),
                       cases=tuple(self._points.get(cid, MeetingCase(case_id=cid))
                                   for cid in self.case_ids()),
                       outcome=self._saved_outcome())

    def _saved_outcome(self) -> str | None:
        row = self.model.row_of(self._current_id)
        return self.model.meeting_at(row).outcome if row is not None else None

    def save(self) -> None:
        if self._current_id is None:
            return
        meeting = self.meeting_from_form()
        if meeting is None:
            return
        self.error.hide()

        def saved(_result) -> None:
            self._dirty = False
            self.ctx.say(self.tr("Meeting saved."))
            self.meeting_saved.emit(meeting.id)

        self.ctx.write(lambda session: meeting_service.save_meeting(session, meeting),
                       MEETINGS, saved, on_failed=self._failed)

    def delete(self) -> None:
        meeting_id = self._current_id
        if meeting_id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete meeting"),
            self.tr("Delete this meeting and its list of cases? The cases themselves and any "
                    "asks already recorded stay."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if meeting_id not in self._saved_ids:
            self._forget_editor()
            return

        def deleted(_result) -> None:
            self._dirty = False
            self.ctx.say(self.tr("Meeting deleted."))

        self.ctx.write(lambda session: meeting_service.delete_meeting(session, meeting_id),
                       MEETINGS, deleted, on_failed=self._failed)

    def suggest_cases(self) -> None:
        government_id = self.organisation.currentData()
        if not government_id:
            self._show_error(self.tr("Choose the counterpart organisation first: the "
                                     "suggestions are for the government you meet."))
            return
        today = self.ctx.today()
        self.ctx.read(lambda session: dashboard.meeting_brief(session, government_id, today),
                      self._suggested, on_failed=self._failed)

    def _suggested(self, lines) -> None:
        added = 0
        for line in lines:
            if line.case.consent == Consent.DO_NOT_RAISE:
                continue
            self._cases.setdefault(line.case.id, line.case)
            added += self.add_case(line.case.id)
        self.error.hide()
        self.ctx.say(self.tr("Added {0} suggested case(s).").format(added) if added else
                     self.tr("No further cases to suggest for this counterpart."))

    def _ready_for(self, what: str) -> str | None:
        """The saved meeting's ID, or None after saying why ``what`` must wait."""
        if self._current_id not in self._saved_ids or self._dirty:
            self._show_error(self.tr("Save the meeting before {0}.").format(what))
            return None
        return self._current_id

    def record_outcome(self) -> None:
        meeting_id = self._ready_for(self.tr("recording its outcome"))
        if meeting_id is None:
            return
        ids = self.case_ids()
        if not ids:
            self._show_error(self.tr("This meeting has no cases to record an outcome for."))
            return
        self.error.hide()
        self.outcome_dialog = OutcomeDialog([(cid, self._case_name(cid)) for cid in ids], self)
        self.outcome_dialog.accepted.connect(lambda: self._record(meeting_id))
        self.outcome_dialog.open()

    def _record(self, meeting_id: str) -> None:
        dialog, self.outcome_dialog = self.outcome_dialog, None
        if dialog is None:
            return
        outcome = dialog.outcome()
        dialog.deleteLater()

        def recorded(ask_ids) -> None:
            self.ctx.changed.emit(ASKS)
            self.ctx.say(self.tr("Outcome recorded: {0} ask(s) logged.").format(len(ask_ids)))

        self.ctx.write(lambda session: meeting_service.record_outcome(session, meeting_id,
                                                                      outcome),
                       MEETINGS, recorded, on_failed=self._failed)

    def export_dossier(self) -> None:
        meeting_id = self._ready_for(self.tr("exporting its dossier"))
        if meeting_id is None:
            return
        if not self.case_ids():
            self._show_error(self.tr("This meeting has no cases to raise; add some first."))
            return
        self.error.hide()
        self.export = export_dossier(self.ctx, self, meeting_id=meeting_id)
