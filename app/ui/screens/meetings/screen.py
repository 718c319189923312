# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Meetings screen: planned engagements, the ordered cases to raise at each, and what
happened there (recorded as asks).

It holds plain data only (meetings, organisations, officials, case summaries) and writes
through ``ctx.write``; it never keeps a session. ``clear()`` forgets all of it on lock.
The editor's parts are ``MeetingForm`` (the meeting's own fields) and ``MeetingCasesEditor``
(the ordered cases to raise, each with its ask and talking points).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
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
from app.ui import fit, unsaved
from app.ui.context import ASKS, CASES, DIRECTORY, MEETINGS, Refresher
from app.ui.dossier_export import export_dossier
from app.ui.pdf_export import abort_all
from app.ui.plain import PlainLabel
from app.ui.screens.meetings.cases import MeetingCasesEditor
from app.ui.screens.meetings.dialogs import SuggestionsDialog, suggestion_text
from app.ui.screens.meetings.form import MeetingForm
from app.ui.screens.meetings.models import MeetingTableModel
from app.ui.screens.meetings.outcome import (
    OutcomeCase,
    OutcomeDialog,
    confirm_early,
    recording,
)
from app.ui.table_model import table_view
from app.ui.widgets import problem_label


@dataclass(frozen=True, slots=True)
class _Snapshot:
    meetings: list[Meeting]
    organisations: list[Organisation]
    officials: list[Official]
    cases: list[case_service.CaseSummary]
    ours: str | None  # our organisation's ID (Settings), if set


def _load(session, now: datetime) -> _Snapshot:
    return _Snapshot(meeting_service.meetings_in_order(session, now),
                     directory.organisations(session), directory.officials(session),
                     case_service.list_cases(session, now.date()),
                     directory.our_organisation(session))


class MeetingsScreen(QWidget):
    loaded = Signal()
    meeting_saved = Signal(str)
    save_failed = Signal()  # Save found the form incomplete, or the write was refused

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._current_id: str | None = None  # the meeting in the editor (maybe not saved yet)
        self._saved_ids: set[str] = set()
        self._dirty = False
        self._selecting = False
        self.outcome_dialog: OutcomeDialog | None = None
        self.suggestions: SuggestionsDialog | None = None
        self._ours: str | None = None
        self._orgs: list[tuple[str, str]] = []  # (ID, name) of every organisation
        self._names: dict[str, str] = {}  # organisation and official IDs -> names
        self._employers: dict[str, str | None] = {}  # official ID -> organisation ID
        self.export = None

        self.new_button = QPushButton(self.tr("New meeting"))
        self.new_button.clicked.connect(lambda: self.new_meeting())
        self.model = MeetingTableModel(self)
        self.table = fit.fit_columns(table_view(self.model, self.tr("Meetings")), (17, 44))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.empty = PlainLabel(self.tr("No meetings yet. Press \u201cNew meeting\u201d to plan "
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
        self.form = MeetingForm(today=self.ctx.today)
        self.form.changed.connect(self._mark_dirty)
        self.cases = MeetingCasesEditor()
        self.cases.changed.connect(self._mark_dirty)
        self.cases.suggestions_requested.connect(self.suggest_cases)

        self.error = problem_label(self.tr("Problem"))
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
        layout.addWidget(self.form)
        layout.addWidget(self.cases)
        layout.addWidget(self.error)
        layout.addLayout(actions)
        layout.addStretch(1)
        self.editor = editor
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(editor)
        scroll.setMinimumWidth(420)
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
        self.form.set_directory(snapshot.organisations, snapshot.officials)
        self._ours = snapshot.ours
        self._orgs = [(o.id, o.name) for o in snapshot.organisations]
        self._names = {o.id: o.name for o in (*snapshot.organisations, *snapshot.officials)}
        self._employers = {o.id: o.organisation_id for o in snapshot.officials}
        self.cases.set_known_cases(snapshot.cases)
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
            self.form.refill_choices()  # a new meeting not saved yet: keep it
        self.loaded.emit()

    def clear(self) -> None:
        """Forget every piece of case data (the vault is locking)."""
        for dialog in (self.outcome_dialog, self.suggestions):
            if dialog is not None:
                dialog.reject()
                dialog.deleteLater()
        self.outcome_dialog = self.suggestions = self.export = None
        self._ours, self._orgs, self._names, self._employers = None, [], {}, {}
        abort_all(self)
        self.model.clear()
        self.form.set_directory([], [])
        self.cases.clear()
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
        if self._dirty and not self._discard_ok(lambda: self.select_meeting(meeting.id)):
            self._select_row(previous.row() if previous.isValid() else None)
            return
        self._fill(meeting)

    def _discard_ok(self, then) -> bool:
        """Discard, Save (``then`` runs once saved) or Cancel (app.ui.unsaved)."""
        return unsaved.settle(self, self.tr("This meeting has changes that are not saved."),
                              save=self.save, saved=self.meeting_saved,
                              failed=self.save_failed, then=then)

    def select_meeting(self, meeting_id: str) -> None:
        row = self.model.row_of(meeting_id)
        if row is not None:
            self.table.selectRow(row)

    def new_meeting(self, *, organisation_id: str | None = None,
                    case_ids: Sequence[str] = ()) -> None:
        """A new meeting in the editor; "Prepare…" presets its organisation and cases."""
        if self._dirty and not self._discard_ok(lambda: self.new_meeting(
                organisation_id=organisation_id, case_ids=case_ids)):
            return
        self._select_row(None)
        start = self.ctx.now().astimezone().replace(second=0, microsecond=0)
        self._fill(Meeting(id=str(uuid.uuid4()), title="", starts_at=start,
                           organisation_id=organisation_id,
                           cases=tuple(MeetingCase(case_id=c) for c in case_ids),
                           status=MeetingStatus.PLANNED), no_date=True)
        self._dirty = bool(organisation_id or case_ids)
        self.form.title.setFocus()

    # -- the editor ----------------------------------------------------------------------------
    def shown_case_ids(self) -> list[str]:
        """The cases of the meeting in the editor, in order (none when none is open)."""
        return self.cases.case_ids() if self._current_id is not None else []

    def _show_editor(self, shown: bool) -> None:
        self.editor.setEnabled(shown)

    def _fill(self, meeting: Meeting, *, no_date: bool = False) -> None:
        self._current_id = meeting.id
        self.form.set_meeting(meeting, no_date=no_date)
        self.cases.set_cases(meeting.cases)
        self.error.hide()
        self._show_editor(True)
        self._dirty = False

    def _forget_editor(self) -> None:
        self._current_id = None
        self.form.clear()
        self.cases.set_cases(())
        self.error.hide()
        self._show_editor(False)
        self._dirty = False

    def _mark_dirty(self) -> None:
        self._dirty = True

    def is_dirty(self) -> bool:
        return self._dirty

    # -- actions -------------------------------------------------------------------------------
    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _say_error(self, error: BaseException) -> None:
        self._show_error(str(error) if isinstance(error, VigilError) else
                         self.tr("Something went wrong; nothing was changed."))

    def meeting_from_form(self) -> Meeting | None:
        """The meeting as the form shows it, or None after showing what is missing."""
        missing = self.form.missing()
        if missing is not None:
            self._show_error(missing)
            return None
        return self.form.meeting(self._current_id or str(uuid.uuid4()), self.cases.cases(),
                                 self._saved_outcome())

    def _saved_outcome(self) -> str | None:
        row = self.model.row_of(self._current_id)
        return self.model.meeting_at(row).outcome if row is not None else None

    def save(self) -> None:
        if self._current_id is None:
            return
        meeting = self.meeting_from_form()
        if meeting is None:
            self.save_failed.emit()
            return
        self.error.hide()

        def saved(_result) -> None:
            self._dirty = False
            self.ctx.say(self.tr("Meeting saved."))
            self.meeting_saved.emit(meeting.id)

        def failed(error: BaseException) -> None:
            self._failed(error)
            self.save_failed.emit()

        self.ctx.write(lambda session: meeting_service.save_meeting(session, meeting),
                       MEETINGS, saved, on_failed=failed)

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
        government_id = self.form.organisation_id()
        if not government_id:
            self._show_error(self.tr("Choose the counterpart organisation first: the "
                                     "suggestions are for the government you meet."))
            return
        today = self.ctx.today()
        self.ctx.read(lambda session: dashboard.meeting_brief(session, government_id, today),
                      self._suggested, on_failed=self._failed)

    def _suggested(self, lines) -> None:
        """Show the suggestions not on the list yet; the ones ticked there are added."""
        listed = set(self.cases.case_ids())
        fresh = [line for line in lines if line.case.consent != Consent.DO_NOT_RAISE
                 and line.case.id not in listed]
        self.error.hide()
        if not fresh:
            self.ctx.say(self.tr("No further cases to suggest for this counterpart."))
            return
        summaries = {line.case.id: line.case for line in fresh}
        self.suggestions = SuggestionsDialog(
            [(line.case.id, suggestion_text(line)) for line in fresh], self)
        self.suggestions.finished.connect(lambda result: self._add_suggested(summaries, result))
        self.suggestions.open()

    def _add_suggested(self, summaries: dict[str, case_service.CaseSummary],
                       result: int) -> None:
        dialog, self.suggestions = self.suggestions, None
        if dialog is None:
            return
        chosen = dialog.chosen_ids() if result == QDialog.DialogCode.Accepted else []
        dialog.deleteLater()
        if not chosen:
            return
        added = sum(self.cases.add_case(case_id, summaries[case_id]) for case_id in chosen)
        self.ctx.say(self.tr("Added %n suggested case(s).", "", added))

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
        named = self.cases.named_cases()
        if not named:
            self._show_error(self.tr("This meeting has no cases to record an outcome for."))
            return
        self.error.hide()
        meeting = self.model.meeting_at(self.model.row_of(meeting_id) or 0)
        early = meeting.starts_at > self.ctx.now()
        if early and not confirm_early(self, meeting.starts_at):
            return
        planned = {item.case_id: item.ask for item in self.cases.cases()}
        cases = [OutcomeCase(cid, name, planned.get(cid)) for cid, name in named]
        theirs = [o for o in meeting.official_ids if not meeting.organisation_id
                  or self._employers.get(o) == meeting.organisation_id]
        met = ", ".join(n for n in (self._names.get(o) for o in theirs) if n)
        org = self._names.get(meeting.organisation_id or "")
        with_whom = f"{org} ({met})" if org and met else org or met
        organisations = [(oid, name) for oid, name in self._orgs
                         if oid != meeting.organisation_id]
        self.outcome_dialog = OutcomeDialog(
            cases, with_whom or self.tr("the counterpart"),
            self._names.get(self._ours or ""), organisations, self)
        self.outcome_dialog.accepted.connect(lambda: self._record(meeting_id, early))
        self.outcome_dialog.open()

    def _record(self, meeting_id: str, confirmed: bool) -> None:
        dialog, self.outcome_dialog = self.outcome_dialog, None
        if dialog is None:
            return
        outcome, ours = dialog.outcome(), dialog.chosen_ours()
        dialog.deleteLater()
        record = recording(meeting_id, outcome, ours, now=self.ctx.now(), confirmed=confirmed)

        def recorded(ask_ids) -> None:
            self.ctx.changed.emit(ASKS)
            if ours is not None:
                self.ctx.changed.emit(DIRECTORY)
            self.ctx.say(self.tr("Outcome recorded: %n ask(s) logged.", "", len(ask_ids)))

        self.ctx.write(record, MEETINGS, recorded, on_failed=self._failed)

    def export_dossier(self) -> None:
        meeting_id = self._ready_for(self.tr("exporting its dossier"))
        if meeting_id is None:
            return
        if not self.cases.case_ids():
            self._show_error(self.tr("This meeting has no cases to raise; add some first."))
            return
        self.error.hide()
        self.export = export_dossier(self.ctx, self, meeting_id=meeting_id)
