# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Calendar screen: the moments of the next 90 days (``app.services.calendar``) in a list,
beside a month whose days with moments are marked; picking a day keeps that day's moments.

Each moment offers "Prepare…" (suggested cases for a government); encounters are added,
edited and deleted here. Reads run off the UI thread; the screen holds plain results only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import EncounterKind
from app.domain.model import Organisation
from app.domain.rules import AnniversaryKind, BreachKind
from app.services import calendar, directory
from app.services.encounters import delete_encounter, get_encounter
from app.ui import fit, plain
from app.ui.context import (
    ASKS,
    CASES,
    DIRECTORY,
    ENCOUNTERS,
    MEETINGS,
    Refresher,
    VaultContext,
)
from app.ui.i18n import label
from app.ui.plain import PlainLabel
from app.ui.screens.calendar.encounter_form import EncounterDialog
from app.ui.screens.calendar.labels import KIND_LABELS
from app.ui.screens.calendar.prepare import PrepareDialog

DAYS = 90


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


BREACH_LABELS: dict[str, str] = {
    BreachKind.RSDL_BEYOND_SIX_MONTHS.value:
        str(QT_TRANSLATE_NOOP("CalendarScreen", "RSDL six-month limit")),
    BreachKind.HELD_PAST_SENTENCE.value:
        str(QT_TRANSLATE_NOOP("CalendarScreen", "Sentence ends")),
}
COLUMNS: tuple[str, ...] = tuple(str(c) for c in (
    QT_TRANSLATE_NOOP("CalendarScreen", "Date"),
    QT_TRANSLATE_NOOP("CalendarScreen", "Kind"),
    QT_TRANSLATE_NOOP("CalendarScreen", "What"),
    QT_TRANSLATE_NOOP("CalendarScreen", "Cases"),
    QT_TRANSLATE_NOOP("CalendarScreen", "Governments"),
))
SHOWN_CASES = 3


@dataclass(frozen=True, slots=True)
class _Snapshot:
    start: date
    end: date
    moments: list[calendar.Moment]
    names: calendar.Names
    governments: list[Organisation]


def _load(session, today: date) -> _Snapshot:
    end = today + timedelta(days=DAYS - 1)
    found = calendar.moments(session, today, end)
    return _Snapshot(today, end, found, calendar.names_of(session, found),
                     directory.governments(session))


class CalendarScreen(QWidget):
    loaded = Signal()
    meeting_requested = Signal(str, list)  # "Prepare…": government ID, case IDs
    copy_requested = Signal(str)

    def __init__(self, ctx: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._snapshot: _Snapshot | None = None
        self._shown: list[calendar.Moment] = []
        self._day: date | None = None
        self.prepare_dialog: PrepareDialog | None = None
        self.encounter_dialog: EncounterDialog | None = None

        splitter = QSplitter()
        splitter.addWidget(self._build_month())
        splitter.addWidget(self._build_moments())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(splitter)
        self.freshness = Refresher(ctx, self, (ENCOUNTERS, MEETINGS, CASES, ASKS, DIRECTORY),
                                   self._read)
        self._selection_changed()

    def _build_month(self) -> QWidget:
        """The month, and the buttons under it, on the left."""
        self.month = QCalendarWidget()
        self.month.setGridVisible(True)
        self.month.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.month.clicked.connect(self._day_picked)
        self.all_button = QPushButton(self.tr("Show all 90 days"))
        self.all_button.clicked.connect(lambda: self.show_day(None))
        self.new_button = QPushButton(self.tr("New encounter…"))
        self.new_button.clicked.connect(self.new_encounter)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.month)
        left_layout.addWidget(self.all_button)
        left_layout.addWidget(self.new_button)
        left_layout.addStretch(1)
        return left

    def _build_moments(self) -> QWidget:
        """The list of moments and the buttons acting on the chosen one, on the right."""
        self._build_table()
        buttons = QHBoxLayout()
        for button in (self.prepare_button, self.edit_button, self.delete_button,
                       self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.table, 1)
        right_layout.addLayout(buttons)
        return right

    def _build_table(self) -> None:
        """The moments' table and the buttons acting on the chosen one."""
        self.heading = PlainLabel()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName(self.tr("Moments"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.setItemDelegate(fit.ElidingDelegate(self.table))
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.open_moment(row))
        self.prepare_button = QPushButton(self.tr("Prepare…"))
        self.prepare_button.setToolTip(self.tr(
            "Cases the government concerned has not raised, for a new meeting"))
        self.prepare_button.clicked.connect(self.prepare)
        self.edit_button = QPushButton(self.tr("Edit encounter…"))
        self.edit_button.clicked.connect(self.edit_encounter)
        self.delete_button = QPushButton(self.tr("Delete encounter"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.open_button = QPushButton(self.tr("Open case"))
        self.open_button.clicked.connect(lambda: self.open_moment(self.table.currentRow()))

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.freshness.refresh()

    def _read(self):
        today = self.ctx.today()
        return self.ctx.read(lambda session: _load(session, today),
                             self.freshness.done(self._loaded), on_failed=self.freshness.failed())

    def _loaded(self, snapshot: _Snapshot) -> None:
        self._snapshot = snapshot
        self.month.setDateTextFormat(QDate(), QTextCharFormat())  # unmark every day
        self.month.setDateRange(qdate(snapshot.start), qdate(snapshot.end))
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setBackground(QBrush(QColor(255, 200, 90, 160)))
        days: set[date] = set()
        for moment in snapshot.moments:
            day = max(moment.on, snapshot.start)
            while day <= min(moment.last, snapshot.end) and len(days) < DAYS:
                days.add(day)
                day += timedelta(days=1)
        for day in days:
            self.month.setDateTextFormat(qdate(day), marked)
        if self._day is not None and not snapshot.start <= self._day <= snapshot.end:
            self._day = None
        self._fill()
        self.loaded.emit()

    def clear(self) -> None:
        self.freshness.clear()
        self._snapshot = None
        self._shown = []
        self._day = None
        self.table.setRowCount(0)
        self.heading.clear()
        self.month.setDateTextFormat(QDate(), QTextCharFormat())
        for dialog in (self.prepare_dialog, self.encounter_dialog):
            if dialog is not None:
                dialog.reject()
        self.prepare_dialog = self.encounter_dialog = None
        self._selection_changed()

    # -- the list ------------------------------------------------------------------------------
    def _day_picked(self, picked: QDate) -> None:
        self.show_day(cast(date, picked.toPython()))

    def show_day(self, day: date | None) -> None:
        """Keep only the moments of ``day`` (None: all of the next 90 days)."""
        self._day = day
        self._fill()

    def shown_moments(self) -> list[calendar.Moment]:
        return list(self._shown)

    def _fill(self) -> None:
        snapshot = self._snapshot
        if snapshot is None:
            return
        day = self._day
        self._shown = [m for m in snapshot.moments if day is None or m.on <= day <= m.last]
        if day is None:
            self.heading.setText(self.tr("{0} moments from {1} to {2}").format(
                len(snapshot.moments), snapshot.start.isoformat(), snapshot.end.isoformat()))
        else:
            self.heading.setText(self.tr("{0} moments on {1}").format(len(self._shown),
                                                                      day.isoformat()))
        self.table.setRowCount(len(self._shown))
        for row, moment in enumerate(self._shown):
            cells = (self._when(moment), self.tr(KIND_LABELS[moment.kind]), self._what(moment),
                     self._cases(moment),
                     ", ".join(snapshot.names.governments.get(g, "?")
                               for g in moment.government_ids))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2 and text:
                    item.setToolTip(plain.literal(
                        ", ".join(self._case_name(c) for c in moment.case_ids) if column == 3
                        else text))
                self.table.setItem(row, column, item)
        fit.size_columns(self.table, (26, 14, 30, 26))  # the governments, last, keep room
        self._selection_changed()

    def _when(self, moment: calendar.Moment) -> str:
        text = moment.on.isoformat()
        if moment.last != moment.on:
            text += " – " + moment.last.isoformat()
        return "~" + text if moment.approximate else text

    def _what(self, moment: calendar.Moment) -> str:
        detail = moment.detail
        sub = moment.sub_kind
        if moment.kind is calendar.MomentKind.ENCOUNTER and sub is not None \
                and sub in EncounterKind._value2member_map_:
            detail = label(EncounterKind(sub))
        elif moment.kind is calendar.MomentKind.TIME_LIMIT and sub in BREACH_LABELS:
            detail = self.tr(BREACH_LABELS[sub])
        elif moment.kind is calendar.MomentKind.ANNIVERSARY and moment.count is not None:
            if sub == AnniversaryKind.DAYS.value:
                detail = self.tr("{0} days").format(f"{moment.count:,}")
            else:
                detail = (self.tr("1 year") if moment.count == 1 else
                          self.tr("{0} years").format(moment.count))
        parts = [p for p in (detail, moment.subject) if p]
        return " — ".join(parts)

    def _case_name(self, case_id: str) -> str:
        assert self._snapshot is not None
        name = self._snapshot.names.cases.get(case_id)
        if name is None:
            return "?"
        if name.name_original and name.name_original != name.display_name:
            return f"{name.display_name} ({name.name_original})"
        return name.display_name

    def _cases(self, moment: calendar.Moment) -> str:
        names = [self._case_name(c) for c in moment.case_ids[:SHOWN_CASES]]
        more = len(moment.case_ids) - SHOWN_CASES
        if more > 0:
            names.append(self.tr("and {0} more").format(more))
        return ", ".join(names)

    def current_moment(self) -> calendar.Moment | None:
        row = self.table.currentRow()
        selected = self.table.selectionModel().hasSelection()
        return self._shown[row] if selected and 0 <= row < len(self._shown) else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _selection_changed(self) -> None:
        moment = self.current_moment()
        self.prepare_button.setEnabled(moment is not None)
        is_encounter = moment is not None and moment.record_kind is calendar.RecordKind.ENCOUNTER
        self.edit_button.setEnabled(is_encounter)
        self.delete_button.setEnabled(is_encounter)
        self.open_button.setEnabled(moment is not None and bool(moment.case_ids))
        self.new_button.setEnabled(self._snapshot is not None)

    def open_moment(self, row: int) -> None:
        """An encounter opens its form; a moment about cases opens its first case."""
        if not 0 <= row < len(self._shown):
            return
        moment = self._shown[row]
        if moment.record_kind is calendar.RecordKind.ENCOUNTER:
            self.edit_encounter()
        elif moment.case_ids:
            self.ctx.case_requested.emit(moment.case_ids[0])

    # -- Prepare… ------------------------------------------------------------------------------
    def prepare(self) -> None:
        moment = self.current_moment()
        if moment is None or self._snapshot is None:
            return
        governments: list[tuple[str, str]] = [(g.id, g.name) for g in self._snapshot.governments]
        known = {g for g, _name in governments}
        for government_id in moment.government_ids:  # an IGO or parliament it was raised with
            if government_id not in known:
                governments.insert(0, (government_id,
                                       self._snapshot.names.governments.get(government_id, "?")))
        if not governments:
            plain.message_box(QMessageBox.Icon.Information, self.tr("Prepare"), self.tr(
                "There are no governments in the directory yet: add one first."), self).exec()
            return
        chosen = moment.government_ids[0] if moment.government_ids else None
        dialog = self.prepare_dialog = PrepareDialog(self.ctx, governments, chosen, self)
        dialog.meeting_requested.connect(self.meeting_requested)
        dialog.copy_requested.connect(self.copy_requested)
        dialog.finished.connect(lambda _r: setattr(self, "prepare_dialog", None))
        dialog.open()

    # -- encounters ----------------------------------------------------------------------------
    def new_encounter(self) -> None:
        if self._snapshot is not None:
            self._open_encounter(None)

    def edit_encounter(self) -> None:
        moment = self.current_moment()
        if moment is None or moment.record_kind is not calendar.RecordKind.ENCOUNTER:
            return
        self.ctx.read(lambda session: get_encounter(session, moment.record_id),
                      self._open_encounter)

    def _open_encounter(self, encounter) -> None:
        if self._snapshot is None:
            return
        dialog = self.encounter_dialog = EncounterDialog(self.ctx, self._snapshot.governments,
                                                         encounter, self)
        dialog.finished.connect(lambda _r: setattr(self, "encounter_dialog", None))
        dialog.open()

    def delete_selected(self) -> None:
        moment = self.current_moment()
        if moment is None or moment.record_kind is not calendar.RecordKind.ENCOUNTER:
            return
        answer = plain.ask(self, self.tr("Delete encounter"), self.tr(
            "Delete this encounter? Asks made at it stay, without it."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.delete_encounter(moment.record_id)

    def delete_encounter(self, encounter_id: str) -> None:
        self.ctx.write(lambda session: delete_encounter(session, encounter_id), ENCOUNTERS,
                       lambda _r: self.ctx.say(self.tr("The encounter was deleted.")))
