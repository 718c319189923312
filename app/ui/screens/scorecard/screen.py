# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Scorecard screen: for the governments ticked and a period (by default the last full
year), the figures of ``app.services.scorecard`` side by side in a table and in bar charts.

Every figure opens the records it counts: a case list whose rows open the case, or a list of
asks or encounters. The scorecards are computed off the UI thread; a result for a choice
that changed meanwhile is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Level, Response
from app.domain.model import Organisation
from app.services import directory, scorecard
from app.services.scorecard import Figure, Scorecard, Share
from app.ui import fit
from app.ui.context import ASKS, CASES, DIRECTORY, ENCOUNTERS, Refresher, VaultContext
from app.ui.date_entry import DateEntry
from app.ui.i18n import label
from app.ui.plain import PlainLabel
from app.ui.screens.scorecard.chart import BarChart
from app.ui.screens.scorecard.records import RecordsDialog, read_records

Getter = Callable[[Scorecard], Figure | Share]


# The figures, in table order: (label, the figure or share, shown in the chart)
FIXED: tuple[tuple[str, Getter, bool], ...] = (
    (str(QT_TRANSLATE_NOOP("ScorecardScreen", "Asks counted")),
     lambda c: c.asks, False),
    (str(QT_TRANSLATE_NOOP("ScorecardScreen", "Named cases raised")),
     lambda c: c.cases_raised, True),
    (str(QT_TRANSLATE_NOOP("ScorecardScreen", "… at least once publicly")),
     lambda c: c.cases_public, True),
    (str(QT_TRANSLATE_NOOP("ScorecardScreen", "… only privately")),
     lambda c: c.cases_private_only, False),
    (str(QT_TRANSLATE_NOOP("ScorecardScreen", "Named cases raised at a high level")),
     lambda c: c.high_level.raised, True),
    (str(QT_TRANSLATE_NOOP("ScorecardScreen", "… publicly at a high level")),
     lambda c: c.high_level.public, True),
    (str(QT_TRANSLATE_NOOP("ScorecardScreen", "Cases to raise not raised at a high level")),
     lambda c: c.not_raised_high_level, False),
    (str(QT_TRANSLATE_NOOP("ScorecardScreen", "High-level encounters with the detaining state")),
     lambda c: c.high_level_encounters.of, True),
    (str(QT_TRANSLATE_NOOP("ScorecardScreen", "… at which a named case was raised")),
     lambda c: c.high_level_encounters, True),
    (str(QT_TRANSLATE_NOOP("ScorecardScreen", "… at which a named case was raised publicly")),
     lambda c: c.high_level_encounters_public, True),
    (str(QT_TRANSLATE_NOOP("ScorecardScreen", "Ambassador summonses")),
     lambda c: c.summonses, True),
    (str(QT_TRANSLATE_NOOP("ScorecardScreen",
                           "Senior encounters matched by a civil-society meeting within 30 days")),
     lambda c: c.senior_matched, True),
    (str(QT_TRANSLATE_NOOP("ScorecardScreen", "Senior encounters without one")),
     lambda c: c.senior_unmatched, True),
    (str(QT_TRANSLATE_NOOP("ScorecardScreen", "Overdue follow-ups")),
     lambda c: c.overdue_follow_ups, True),
)
LEVEL_ROW = str(QT_TRANSLATE_NOOP("ScorecardScreen", "Cases raised at level: {0}"))
RESPONSE_ROW = str(QT_TRANSLATE_NOOP("ScorecardScreen", "Asks answered: {0}"))


@dataclass(frozen=True, slots=True)
class _Choice:
    government_ids: tuple[str, ...]
    start: date
    end: date


def last_full_year(today: date) -> tuple[date, date]:
    return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)


def _figure(value: Figure | Share) -> Figure:
    return value.hits if isinstance(value, Share) else value


ROW_TITLE_CHARACTERS = 36  # a longer row title takes two lines: the columns keep the width


class ScorecardScreen(QWidget):
    loaded = Signal()       # the governments and the scorecards of the choice are shown
    records_shown = Signal()

    def __init__(self, ctx: VaultContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.cards: list[Scorecard] = []
        self.rows: list[tuple[str, Getter]] = []
        self.records: RecordsDialog | None = None
        self._known: list[Organisation] = []
        self._period_set = False

        splitter = QSplitter()
        splitter.addWidget(self._build_choice())
        splitter.addWidget(self._build_figures())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 900])
        splitter.setChildrenCollapsible(False)
        QVBoxLayout(self).addWidget(splitter)
        self._soon = QTimer(self, singleShot=True, interval=0)  # several changes: one read
        self._soon.timeout.connect(self._compute)
        self._token: object | None = None
        self.freshness = Refresher(ctx, self, (ASKS, CASES, DIRECTORY, ENCOUNTERS), self._read)

    def _build_choice(self) -> QWidget:
        """The governments to compare and the period, on the left."""
        self.governments = fit.eliding_list(QListWidget())
        self.governments.setAccessibleName(self.tr("Governments"))
        self.governments.itemChanged.connect(lambda _item: self._choice_changed())
        # a year or a month is a period too: From 2025 To 2025 is the whole year
        self._period = last_full_year(self.ctx.today())
        self.start = DateEntry(self.tr("From"), today=self.ctx.today)
        self.end = DateEntry(self.tr("To"), today=self.ctx.today)
        for edit in (self.start, self.end):
            edit.textChanged.connect(self._period_typed)
        period = QFormLayout()
        period.addRow(self.tr("From"), self.start)
        period.addRow(self.tr("To"), self.end)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(PlainLabel(self.tr("Governments")))
        left_layout.addWidget(self.governments, 1)
        left_layout.addLayout(period)
        return left

    def _build_figures(self) -> QWidget:
        """The status line, the table and the charts, on the right."""
        self.status = PlainLabel()
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 0)
        self.table.setAccessibleName(self.tr("Scorecard"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setMaximumWidth(380)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.cellClicked.connect(self.open_cell)
        self.chart = BarChart()
        self.chart.bar_clicked.connect(self._bar_clicked)
        chart_area = QScrollArea()
        chart_area.setWidgetResizable(True)
        chart_area.setWidget(self.chart)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.table)
        right.addWidget(chart_area)
        right.setChildrenCollapsible(False)
        right.setSizes([500, 500])  # the table and the charts share the height
        right_box = QWidget()
        right_layout = QVBoxLayout(right_box)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.status)
        right_layout.addWidget(right, 1)
        return right_box

    # -- the choice ----------------------------------------------------------------------------
    def choice(self) -> _Choice:
        chosen = tuple(
            self.governments.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.governments.count())
            if self.governments.item(i).checkState() == Qt.CheckState.Checked)
        return _Choice(chosen, *self._period)

    def choose(self, government_ids: list[str], start: date | None = None,
               end: date | None = None) -> None:
        """Tick these governments (and set the period): the scorecards follow."""
        self.governments.blockSignals(True)
        for i in range(self.governments.count()):
            item = self.governments.item(i)
            item.setCheckState(Qt.CheckState.Checked
                               if item.data(Qt.ItemDataRole.UserRole) in government_ids
                               else Qt.CheckState.Unchecked)
        self.governments.blockSignals(False)
        self._set_period(start or self._period[0], end or self._period[1])
        self._choice_changed()

    def _set_period(self, start: date, end: date) -> None:
        self._period = (start, end)
        for edit, day in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.set_value(day)
            edit.blockSignals(False)

    def _period_typed(self, _text: str) -> None:
        """A period typed or picked: counted once both ends are dates (a wrong one is
        marked in its field and changes nothing)."""
        try:
            start, end = self.start.value(), self.end.value()
        except ValueError:
            return
        if start is not None and end is not None:
            self._period = (start.earliest(), end.latest())
            self._choice_changed()

    def _choice_changed(self) -> None:
        self._token = None  # a result on its way is for the old choice
        self._soon.start()

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.freshness.refresh()

    def _read(self):
        """The governments, then the scorecards of what is ticked."""
        return self.ctx.read(directory.governments, self.freshness.done(self._governments),
                             on_failed=self.freshness.failed())

    def _governments(self, found: list[Organisation]) -> None:
        if not self._period_set:
            self._set_period(*last_full_year(self.ctx.today()))
            self._period_set = True
        ticked = set(self.choice().government_ids)
        self._known = found
        self.governments.blockSignals(True)
        self.governments.clear()
        for organisation in found:
            item = QListWidgetItem(organisation.name)
            item.setToolTip(organisation.name)
            item.setData(Qt.ItemDataRole.UserRole, organisation.id)
            item.setCheckState(Qt.CheckState.Checked if organisation.id in ticked
                               else Qt.CheckState.Unchecked)
            self.governments.addItem(item)
        self.governments.blockSignals(False)
        self._compute()

    def _compute(self) -> None:
        self._soon.stop()
        choice = self.choice()
        token = self._token = object()
        if not choice.government_ids:
            self._show(token, choice, [])
            return
        if choice.end < choice.start:
            self._token = None
            self.status.setText(self.tr("The period ends before it starts."))
            self._show_cards([])
            return
        today = self.ctx.today()
        self.status.setText(self.tr("Counting…"))
        self.ctx.read(lambda session: scorecard.scorecards(session, list(choice.government_ids),
                                                           choice.start, choice.end, today),
                      lambda cards: self._show(token, choice, cards),
                      on_failed=lambda error: self._failed(token, error))

    def _failed(self, token: object, error: BaseException) -> None:
        if token is self._token:
            self.status.setText("")
            self.ctx.report(error)

    def _show(self, token: object, choice: _Choice, cards: list[Scorecard]) -> None:
        if token is not self._token or choice != self.choice():
            return  # for a choice changed meanwhile
        self.status.setText(
            self.tr("Tick one or more governments to compare them.") if not cards else
            self.tr("From {0} to {1}. Click a figure or a bar for the records it counts.")
            .format(choice.start.isoformat(), choice.end.isoformat()))
        self._show_cards(cards)
        self.loaded.emit()

    def _show_cards(self, cards: list[Scorecard]) -> None:
        self.cards = cards
        rows: list[tuple[str, Getter]] = [(self.tr(text), get) for text, get, _c in FIXED]
        for level in (*Level, None):
            if any(self._level(c, level).raised.count for c in cards):
                name = label(level) if level is not None else self.tr("not recorded")
                rows.append((self.tr(LEVEL_ROW).format(name), self._level_getter(level)))
        for response in Response:
            if any(dict(c.responses)[response].count for c in cards):
                rows.append((self.tr(RESPONSE_ROW).format(label(response)),
                             self._response_getter(response)))
        self.rows = rows
        self.table.clear()
        self.table.setRowCount(len(rows) if cards else 0)
        self.table.setColumnCount(len(cards))
        # "Germany – Federal Foreign Office": the country on a line, the ministry below
        fit.fit_header(self.table, [c.government for c in cards])
        room = self.fontMetrics().averageCharWidth() * ROW_TITLE_CHARACTERS
        self.table.setVerticalHeaderLabels([fit.wrap_words(text, self.fontMetrics(), room)
                                            for text, _g in rows] if cards else [])
        for column, card in enumerate(cards):
            for row, (_text, get) in enumerate(rows):
                item = QTableWidgetItem(self._cell(get(card)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        charted = [(self.tr(text), get) for text, get, shown in FIXED if shown]
        self.chart.set_data([text for text, _g in charted] if cards else [],
                            [c.government for c in cards],
                            [[_figure(get(c)).count for c in cards] for _t, get in charted]
                            if cards else [])
        self._charted = [get for _t, get in charted]

    @classmethod
    def _level_getter(cls, level: Level | None) -> Getter:
        return lambda card: cls._level(card, level).raised

    @staticmethod
    def _response_getter(response: Response) -> Getter:
        return lambda card: dict(card.responses)[response]

    @staticmethod
    def _level(card: Scorecard, level: Level | None):
        return next(row for row in card.by_level if row.level == level)

    def _cell(self, value: Figure | Share) -> str:
        if isinstance(value, Share):
            if value.ratio is None:
                return self.tr("{0} of {1}").format(value.hits.count, value.of.count)
            return self.tr("{0} of {1} ({2}%)").format(value.hits.count, value.of.count,
                                                        round(100 * value.ratio))
        return str(value.count)

    def clear(self) -> None:
        self.freshness.clear()
        self._token = None
        self._soon.stop()
        self.cards = []
        self._known = []
        self.governments.blockSignals(True)
        self.governments.clear()  # names are vault data
        self.governments.blockSignals(False)
        self._period_set = False
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.chart.clear()
        self.status.clear()
        if self.records is not None:
            self.records.reject()
            self.records = None

    # -- the records behind a figure -----------------------------------------------------------
    def open_cell(self, row: int, column: int) -> None:
        if 0 <= column < len(self.cards) and 0 <= row < len(self.rows):
            text, get = self.rows[row]
            self.open_figure(f"{self.cards[column].government}: {text}",
                             _figure(get(self.cards[column])))

    def _bar_clicked(self, group: int, series: int) -> None:
        if 0 <= series < len(self.cards) and 0 <= group < len(self._charted):
            text = self.chart.groups[group]
            self.open_figure(f"{self.cards[series].government}: {text}",
                             _figure(self._charted[group](self.cards[series])))

    def open_figure(self, title: str, figure: Figure) -> None:
        token = self._token
        self.ctx.read(lambda session: read_records(session, figure),
                      lambda records: self._show_records(token, title, records))

    def _show_records(self, token: object, title: str, records) -> None:
        if token is not self._token:
            return
        if self.records is not None:
            self.records.reject()
        dialog = self.records = RecordsDialog(title, records, self)
        dialog.case_requested.connect(self.ctx.case_requested)
        dialog.finished.connect(lambda _r: setattr(self, "records", None)
                                if self.records is dialog else None)
        dialog.open()
        self.records_shown.emit()
