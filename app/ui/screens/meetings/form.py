# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Meetings screen's form for one meeting: title, when, where, the counterpart and the
officials met, the agenda and the status.

It holds plain organisations and officials and hands back a ``Meeting``; the screen saves.
It never touches a session.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import MeetingStatus
from app.domain.model import Meeting, MeetingCase, Official, Organisation
from app.ui import fit
from app.ui.date_entry import DateTimeEntry
from app.ui.i18n import label
from app.ui.plain import literal
from app.ui.screens.meetings.dialogs import ID_ROLE

ORGANISATION_ROLE = ID_ROLE + 1  # an official's organisation ID


class MeetingForm(QWidget):
    """One meeting's own fields. ``changed`` is emitted for the user's edits only."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._organisations: list[Organisation] = []
        self._officials: list[Official] = []
        self._filling = False
        officials = self._build_fields(today)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("When"), self.when)
        form.addRow(self.tr("Where"), self.location)
        form.addRow(self.tr("Counterpart"), self.organisation)
        form.addRow(self.tr("Officials met"), officials)
        form.addRow(self.tr("Agenda"), self.agenda)
        form.addRow(self.tr("Status"), self.status)

        for signal in (self.title.textChanged, self.location.textChanged,
                       self.agenda.textChanged, self.when.changed,
                       self.organisation.currentIndexChanged, self.status.currentIndexChanged,
                       self.officials.itemChanged):
            signal.connect(self._changed)
        self.organisation.currentIndexChanged.connect(self._filter_officials)

    def _build_fields(self, today: Callable[[], date]) -> QWidget:
        """Every field; the officials' list with its checkbox is returned, as one row."""
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title"))
        self.when = DateTimeEntry(self.tr("Date and time"), today=today)
        self.location = QLineEdit()
        self.location.setAccessibleName(self.tr("Location"))
        self.organisation = QComboBox()
        self.organisation.setAccessibleName(self.tr("Counterpart organisation"))
        self.officials = fit.eliding_list(QListWidget())  # long names whole on hover
        self.officials.setAccessibleName(self.tr("Officials met"))
        self.officials.setMinimumHeight(150)
        self.all_officials = QCheckBox(self.tr("Show officials of every organisation"))
        self.all_officials.toggled.connect(self._filter_officials)
        officials = QWidget()
        officials_box = QVBoxLayout(officials)
        officials_box.setContentsMargins(0, 0, 0, 0)
        officials_box.addWidget(self.officials)
        officials_box.addWidget(self.all_officials)
        self.agenda = QPlainTextEdit()
        self.agenda.setAccessibleName(self.tr("Agenda"))
        self.agenda.setMaximumHeight(70)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Status"))
        for each in MeetingStatus:
            self.status.addItem(self.tr(label(each)), each.value)
        return officials

    def _changed(self, *_args) -> None:
        if not self._filling:
            self.changed.emit()

    # -- what the screen gives -----------------------------------------------------------------
    def set_directory(self, organisations: list[Organisation],
                      officials: list[Official]) -> None:
        """The counterparts and officials to choose from; shown at the next fill or
        ``refill_choices()``."""
        self._organisations, self._officials = organisations, officials

    def refill_choices(self, organisation_id: str | None = None,
                       official_ids: tuple[str, ...] | None = None) -> None:
        """Show the directory's choices, keeping (or setting) what is chosen; not an edit."""
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
            item.setToolTip(literal(item.text()))
            item.setData(ORGANISATION_ROLE, official.organisation_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if official.id in official_ids
                               else Qt.CheckState.Unchecked)
            self.officials.addItem(item)
        self._filling = filling
        self._filter_officials()

    def _filter_officials(self, *_args) -> None:
        """Show the counterpart's officials (and any ticked), or all of them when asked or
        when no counterpart is chosen."""
        counterpart = self.organisation_id()
        everyone = self.all_officials.isChecked() or counterpart is None
        for row in range(self.officials.count()):
            item = self.officials.item(row)
            item.setHidden(not everyone and item.data(ORGANISATION_ROLE) != counterpart
                           and item.checkState() != Qt.CheckState.Checked)

    def set_meeting(self, meeting: Meeting, *, no_date: bool = False) -> None:
        """Show ``meeting`` (its date as not set yet if ``no_date``); not an edit."""
        self._filling = True
        self.title.setText(meeting.title)
        self.when.set_value(None if no_date else
                            meeting.starts_at.astimezone().replace(tzinfo=None))
        self.location.setText(meeting.location or "")
        self.agenda.setPlainText(meeting.agenda or "")
        status = meeting.status or MeetingStatus.PLANNED
        self.status.setCurrentIndex(self.status.findData(status.value))
        self.refill_choices(meeting.organisation_id or "", meeting.official_ids)
        self._filling = False

    def clear(self) -> None:
        """Empty every field; not an edit."""
        self._filling = True
        for widget in (self.title, self.location, self.agenda, self.officials,
                       self.organisation):
            widget.clear()
        self.when.clear()
        self._filling = False

    # -- what the screen takes -----------------------------------------------------------------
    def organisation_id(self) -> str | None:
        return self.organisation.currentData() or None

    def chosen_officials(self) -> tuple[str, ...]:
        return tuple(self.officials.item(row).data(ID_ROLE)
                     for row in range(self.officials.count())
                     if self.officials.item(row).checkState() == Qt.CheckState.Checked)

    def missing(self) -> str | None:
        """What must be filled in before the meeting can be saved, in one sentence."""
        if not self.title.text().strip():
            return self.tr("Give the meeting a title; nothing was saved.")
        try:
            when = self.when.value()
        except ValueError:  # the field shows why
            return self.tr("Write the meeting's date as a day, like 2027-01-15; nothing "
                           "was saved.")
        if when is None:
            return self.tr("Give the meeting a date and time; nothing was saved.")
        return None

    def meeting(self, meeting_id: str, cases: tuple[MeetingCase, ...],
                outcome: str | None) -> Meeting:
        """The meeting as the form shows it (check ``missing()`` first)."""
        return Meeting(id=meeting_id, title=self.title.text().strip(),
                       starts_at=self._starts_at(),
                       location=self.location.text().strip() or None,
                       organisation_id=self.organisation_id(),
                       official_ids=self.chosen_officials(),
                       agenda=self.agenda.toPlainText().strip() or None,
                       status=MeetingStatus(self.status.currentData()), cases=cases,
                       outcome=outcome)

    def _starts_at(self) -> datetime:
        when = self.when.value()
        if when is None:
            raise ValueError("the meeting has no date (check missing() first)")
        return when.astimezone()
