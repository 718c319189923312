# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Recording what happened at a meeting: per case, what we asked the counterpart, what they
answered and what they committed to do, with a follow-up date.

Every case becomes an ask raised by our organisation with the counterpart (docs/counting.md):
never the counterpart raising the case. The dialog gets plain names and hands back an
``Outcome`` (and our organisation, when it was chosen here); the screen writes. It never
touches a session.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Request, Response
from app.services import directory
from app.services import meetings as meeting_service
from app.ui.date_entry import DateEntry
from app.ui.i18n import label
from app.ui.plain import PlainLabel
from app.ui.widgets import problem_label

REQUEST_COLUMNS = 4


@dataclass(frozen=True, slots=True)
class OutcomeCase:
    """One case on the meeting's list, as the dialog shows it."""

    case_id: str
    name: str
    ask: str | None = None  # the ask planned for this meeting


class CaseOutcome(QGroupBox):
    """One case: ticked when we raised it; what we asked for and in which words, their
    answer, and what they committed to do by when."""

    def __init__(self, case: OutcomeCase, parent: QWidget | None = None) -> None:
        super().__init__(case.name, parent)
        self.case_id = case.case_id
        self.setCheckable(True)
        self.setChecked(True)
        self.requests: dict[Request, QCheckBox] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        for i, request in enumerate(Request):
            box = QCheckBox(label(request))
            self.requests[request] = box
            grid.addWidget(box, i // REQUEST_COLUMNS, i % REQUEST_COLUMNS)
        self.ask = QLineEdit(case.ask or "")
        self.ask.setAccessibleName(self.tr("What we asked"))
        self.response = QComboBox()
        self.response.setAccessibleName(self.tr("Their response"))
        self.response.addItem(self.tr("Not recorded"), None)
        for each in Response:
            self.response.addItem(label(each), each.value)
        self.said = QLineEdit()
        self.said.setAccessibleName(self.tr("What they said"))
        self.said.setPlaceholderText(self.tr("What they said"))
        self.commitment = QLineEdit()
        self.commitment.setAccessibleName(self.tr("What they committed to do"))
        self.commitment.setPlaceholderText(
            self.tr("e.g. raise the case with the detaining state"))
        self.commitment.textChanged.connect(self._committed)
        self.follow_up = DateEntry(self.tr("Follow-up due"))
        answer = QHBoxLayout()
        answer.addWidget(self.response)
        answer.addWidget(self.said, 1)
        form = QFormLayout(self)
        form.addRow(self.tr("We asked for"), grid)
        form.addRow(self.tr("Our ask"), self.ask)
        form.addRow(self.tr("Their response"), answer)
        form.addRow(self.tr("They committed to"), self.commitment)
        form.addRow(self.tr("Follow-up due"), self.follow_up)

    def _committed(self, text: str) -> None:
        """A commitment is their promise: the response follows unless one was chosen."""
        if text.strip() and self.response.currentData() is None:
            self.response.setCurrentIndex(self.response.findData(Response.PROMISE.value))

    def raised(self) -> meeting_service.Raised:
        """What was recorded for this case (raises ValueError on a follow-up date that is
        not one)."""
        due = self.follow_up.value()
        response = self.response.currentData()
        return meeting_service.Raised(
            case_id=self.case_id,
            requests=tuple(r for r, box in self.requests.items() if box.isChecked()),
            ask=self.ask.text().strip() or None,
            response=Response(response) if response else None,
            response_text=self.said.text().strip() or None,
            commitment=self.commitment.text().strip() or None, follow_up_due=due)


class OutcomeDialog(QDialog):
    """For each case on the list: raised or not, what we asked, what they answered and
    committed to. Without our organisation set it asks for it first, in one sentence."""

    def __init__(self, cases: list[OutcomeCase], counterpart: str,
                 ours: str | None, organisations: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        """``counterpart``: who we met, in words; ``ours``: our organisation's name, or None
        when it is not set and is to be chosen among ``organisations`` (id, name)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record the outcome"))
        intro = PlainLabel(self.tr(
            "Each ticked case is recorded as an ask by {0} to {1}: what we asked them. It "
            "never counts as them raising the case; what they committed to do is their "
            "promise, with a follow-up.").format(ours or self.tr("our organisation"),
                                                 counterpart))
        intro.setWordWrap(True)
        self._build_ours(organisations)
        scroll = self._build_cases(cases)
        form = self._build_meeting()
        self.error = problem_label(self.tr("Problem"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if ours is None:
            ours_row = QHBoxLayout()
            ours_row.addWidget(self.ours_note, 1)
            ours_row.addWidget(self.ours)
            layout.addLayout(ours_row)
        layout.addWidget(scroll, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._needs_ours = ours is None
        self._outcome: meeting_service.Outcome | None = None
        self.setMinimumWidth(760)
        room = self.screen().availableGeometry()  # as much as fits, to see several cases
        self.resize(min(960, room.width() - 40), min(700, room.height() - 40))

    def _build_ours(self, organisations: list[tuple[str, str]]) -> None:
        """The choice of our organisation (shown only when it is not set)."""
        self.ours = QComboBox()
        self.ours.setAccessibleName(self.tr("Our organisation"))
        self.ours_note = PlainLabel(self.tr(
            "Our organisation is not set yet: choose it here (it is kept, as in Settings)."))
        self.ours_note.setWordWrap(True)
        self.ours.addItem(self.tr("Choose…"), None)
        for org_id, name in organisations:
            self.ours.addItem(name, org_id)

    def _build_cases(self, cases: list[OutcomeCase]) -> QScrollArea:
        """One part per case, in a column that scrolls."""
        self.cases = [CaseOutcome(case) for case in cases]
        inner = QWidget()
        column = QVBoxLayout(inner)
        for case in self.cases:
            column.addWidget(case)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _build_meeting(self) -> QFormLayout:
        """Whether the asks were public, and the summary of the meeting."""
        self.public = QComboBox()
        self.public.addItem(self.tr("Private (not to be quoted)"), False)
        self.public.addItem(self.tr("Public"), True)
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName(self.tr("Summary of the meeting"))
        self.summary.setTabChangesFocus(True)
        self.summary.setMaximumHeight(60)
        form = QFormLayout()
        form.addRow(self.tr("The asks were"), self.public)
        form.addRow(self.tr("Summary"), self.summary)
        return form

    def chosen_ours(self) -> str | None:
        """Our organisation as chosen here (None when it was already set)."""
        return self.ours.currentData() if self._needs_ours else None

    def outcome(self) -> meeting_service.Outcome:
        """What was recorded (after ``accept``)."""
        assert self._outcome is not None
        return self._outcome

    def _read(self) -> meeting_service.Outcome:
        return meeting_service.Outcome(
            raised=tuple(case.raised() for case in self.cases if case.isChecked()),
            public=bool(self.public.currentData()),
            summary=self.summary.toPlainText().strip() or None)

    def _problem(self) -> str | None:
        if self._needs_ours and self.ours.currentData() is None:
            return self.tr("Choose our organisation: the asks are recorded as raised by it.")
        if not any(case.isChecked() for case in self.cases):
            return self.tr("Tick at least one case that was raised.")
        return None

    def accept(self) -> None:
        problem = self._problem()
        if problem is None:
            try:
                self._outcome = self._read()
            except ValueError:
                problem = self.tr("A follow-up date must be a year, a month or a day, like "
                                  "2025, 2025-03 or 2025-03-14.")
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()


def confirm_early(parent: QWidget, starts_at: datetime) -> bool:
    """Whether the user confirms that a meeting still to come took place already."""
    when = starts_at.astimezone().strftime("%Y-%m-%d %H:%M")
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("OutcomeDialog", "Meeting still to come"),
        QCoreApplication.translate(
            "OutcomeDialog", "This meeting is set for {0}, which has not come yet. Record "
            "its outcome now anyway, with the asks dated that day?").format(when),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def recording(meeting_id: str, outcome: meeting_service.Outcome, ours: str | None, *,
              now: datetime, confirmed: bool) -> Callable[[Any], list[str]]:
    """The write that records ``outcome`` (and first keeps our organisation, when it was
    chosen in the dialog, as Settings would)."""

    def record(session) -> list[str]:
        if ours is not None:
            directory.set_our_organisation(session, ours)
        return meeting_service.record_outcome(session, meeting_id, outcome, now=now,
                                              confirmed_before_start=confirmed)

    return record
