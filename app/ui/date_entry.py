# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one way to enter a date: typed, or picked on a calendar that opens where it should.

``DateEntry`` holds a fuzzy date (a year, a month or a day, as families report them) or, with
``days_only``, a day; ``DateTimeEntry`` is a day and a time, for meetings. Typing takes the
canonical form (2014, 2014-03, 2014-03-05, ~ for "about") and what the importer reads in
sheets (2014.3.5, 2014/03, 2014年3月5日, full-width digits), tidied to the canonical form when
the field is left. An empty field is no date, shown by a placeholder that is never part of
the value. A text that is not a date is marked at once (red, a warning sign, the reason as a
tooltip) and ``value()`` refuses it, so a form can never save it.

The field is a line edit, never a spin box: the mouse wheel cannot change it, and the time of
a ``DateTimeEntry`` is a time edit that the application's wheel guard covers. Its messages
never quote what was typed (it may be case data).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QPoint, QRect, Qt, QTime, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QKeyEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QStyle,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.dates import FuzzyDate, Precision
from app.services.sheet_cells import CellProblem, clean, date_of_text

ERROR_COLOUR = "#c62828"  # the red of the forms' problem sentences
FIRST_DAY, LAST_DAY = QDate(1, 1, 1), QDate(9999, 12, 31)  # FuzzyDate's years


def read_date(text: str) -> FuzzyDate | None:
    """The fuzzy date ``text`` writes, None for an empty text; ValueError (never quoting the
    text) when it is not a date."""
    text = clean(unicodedata.normalize("NFKC", text))
    if not text:
        return None
    try:
        return FuzzyDate.parse(text)
    except ValueError:
        pass
    try:
        found = date_of_text(text)
    except CellProblem as problem:
        raise ValueError(str(problem)) from None
    if found is None:
        raise ValueError("not a date")
    return FuzzyDate.parse(found)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def calendar_icon(colour: QColor) -> QIcon:
    """A small page of a calendar, drawn (the app ships no icon theme)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(colour)
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(1, 2, 14, 4, colour)
    for row in (8, 11):
        for column in (3, 6, 9, 12):
            painter.fillRect(column, row, 2, 2, colour)
    painter.end()
    return QIcon(pixmap)


class DateEntry(QLineEdit):
    """A date typed or picked: ``value()`` is a FuzzyDate or None; ``text()`` what is shown."""

    def __init__(self, name: str = "", parent: QWidget | None = None, *,
                 days_only: bool = False, placeholder: str | None = None,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.days_only = days_only
        self._today = today
        self._problem: str | None = None
        if name:
            self.setAccessibleName(name)
        self.setPlaceholderText(self.hint() if placeholder is None else placeholder)
        self.setClearButtonEnabled(True)
        self.pick_action = self.addAction(
            calendar_icon(self.palette().color(QPalette.ColorRole.Text)),
            QLineEdit.ActionPosition.TrailingPosition)
        self.pick_action.setToolTip(self.tr("Pick the date on a calendar (Alt+Down)"))
        self.pick_action.triggered.connect(self.open_calendar)
        self.warning_action = self.addAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            QLineEdit.ActionPosition.LeadingPosition)
        self.warning_action.setVisible(False)
        self.popup: CalendarPopup | None = None
        self.setToolTip(self.hint())
        self.textChanged.connect(self._typed)
        self.editingFinished.connect(self._left)

    def hint(self) -> str:
        if self.days_only:
            return self.tr("YYYY-MM-DD")
        return self.tr("YYYY, YYYY-MM or YYYY-MM-DD; ~ if approximate")

    # -- the value -----------------------------------------------------------------------------
    def value(self) -> FuzzyDate | None:
        """The date shown, None when the field is empty; ValueError with one translated
        sentence (and the field marked) when the text is not a date of the kind asked."""
        problem: str | None = None
        try:
            found = read_date(self.text())
        except ValueError:
            found, problem = None, self._not_a_date()
        else:
            if found is not None and self.days_only and \
                    (found.precision is not Precision.DAY or found.approximate):
                problem = self.tr("Give a whole day, like 2025-03-14.")
        self._mark(problem)
        if problem is not None:
            raise ValueError(problem)
        return found

    def is_valid(self) -> bool:
        """Whether the text is empty or a date of the kind asked (marks it if not)."""
        try:
            self.value()
        except ValueError:
            return False
        return True

    def set_value(self, value: FuzzyDate | date | None) -> None:
        if isinstance(value, date):
            value = FuzzyDate.from_date(value)
        self.setText("" if value is None else str(value))

    def problem(self) -> str | None:
        """Why the text is refused, or None."""
        return self._problem

    def _not_a_date(self) -> str:
        if self.days_only:
            return self.tr("Not a date: write a day, like 2025-03-14.")
        return self.tr("Not a date: write a year, a month or a day, like 2025, 2025-03 "
                       "or 2025-03-14.")

    def _typed(self, _text: str) -> None:
        # while typing, only take the mark away: "2014-0" is on its way to a date
        if self._problem is not None:
            self.is_valid()

    def _left(self) -> None:
        """Leaving the field: tidy a date to its canonical form, or mark what is not one."""
        try:
            found = self.value()
        except ValueError:
            return
        if found is not None and str(found) != self.text():
            self.setText(str(found))

    def _mark(self, problem: str | None) -> None:
        if problem == self._problem:
            return
        self._problem = problem
        self.warning_action.setVisible(problem is not None)
        self.warning_action.setToolTip(problem or "")
        self.setToolTip(problem or self.hint())
        self.setAccessibleDescription(problem or "")
        self.setStyleSheet(f"color: {ERROR_COLOUR};" if problem else "")

    # -- the calendar --------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() == Qt.Key.Key_Down and
                event.modifiers() & Qt.KeyboardModifier.AltModifier) or \
                event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> CalendarPopup:
        """Show the calendar under the field, at the date shown or else at today."""
        try:
            current = read_date(self.text())
        except ValueError:
            current = None
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.picked.connect(self._picked)
        self.popup.show_at(self, current.earliest() if current else self._today())
        return self.popup

    def _picked(self, value: FuzzyDate) -> None:
        self.setText(str(value))
        self._mark(None)
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.editingFinished.emit()


class CalendarPopup(QFrame):
    """The calendar under a date field: a click on a day picks it; "Whole month" and "Whole
    year" pick the page shown, for a date known only that far."""

    picked = Signal(object)  # a FuzzyDate

    def __init__(self, entry: DateEntry) -> None:
        super().__init__(entry, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget()
        self.calendar.setDateRange(FIRST_DAY, LAST_DAY)
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setAccessibleName(self.tr("Calendar"))
        self.calendar.clicked.connect(self._day)
        self.calendar.activated.connect(self._day)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.calendar)
        self.month_button = self.year_button = None
        if not entry.days_only:
            self.month_button = QPushButton(self.tr("Whole month"))
            self.month_button.setToolTip(self.tr("The month shown, when the day is not known"))
            self.month_button.clicked.connect(
                lambda: self._pick(FuzzyDate(self.calendar.yearShown(),
                                             self.calendar.monthShown())))
            self.year_button = QPushButton(self.tr("Whole year"))
            self.year_button.setToolTip(self.tr("The year shown, when the month is not known"))
            self.year_button.clicked.connect(
                lambda: self._pick(FuzzyDate(self.calendar.yearShown())))
            row = QHBoxLayout()
            row.addWidget(self.month_button)
            row.addWidget(self.year_button)
            row.addStretch(1)
            layout.addLayout(row)

    def show_at(self, entry: QWidget, day: date) -> None:
        """Open under ``entry`` with ``day`` chosen and its month shown."""
        self.calendar.setSelectedDate(qdate(day))
        self.calendar.setCurrentPage(day.year, day.month)
        self.adjustSize()
        self.move(_below(entry, self.size().width(), self.size().height()))
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _day(self, day: QDate) -> None:
        self._pick(FuzzyDate(day.year(), day.month(), day.day()))

    def _pick(self, value: FuzzyDate) -> None:
        self.hide()
        self.picked.emit(value)


def _below(entry: QWidget, width: int, height: int) -> QPoint:
    """Where the popup goes: under the field, kept on its screen."""
    point = entry.mapToGlobal(QPoint(0, entry.height()))
    screen = entry.screen() or QGuiApplication.primaryScreen()
    area: QRect = screen.availableGeometry()
    x = max(area.left(), min(point.x(), area.right() - width))
    y = point.y() if point.y() + height <= area.bottom() else \
        entry.mapToGlobal(QPoint(0, 0)).y() - height
    return QPoint(x, max(area.top(), y))


class DateTimeEntry(QWidget):
    """A day and a time (a meeting's): ``value()`` is a naive local datetime or None.
    ``changed`` is emitted for every change of either part."""

    changed = Signal()

    def __init__(self, name: str = "", parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today,
                 default_time: time = time(9, 0)) -> None:
        super().__init__(parent)
        self._default_time = default_time
        self.day = DateEntry(name, days_only=True, today=today,
                             placeholder=self.tr("No date yet (YYYY-MM-DD)"))
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.time.setAccessibleName(self.tr("Time"))
        self.time.setToolTip(self.tr("Time, 24-hour (HH:MM)"))
        self.time.setTime(_qtime(default_time))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.day, 1)
        layout.addWidget(self.time)
        self.setFocusProxy(self.day)
        self.day.textChanged.connect(lambda _text: self.changed.emit())
        self.time.timeChanged.connect(lambda _time: self.changed.emit())

    def value(self) -> datetime | None:
        """The day and time, None without a day; ValueError (one sentence) if the day is
        not one."""
        day = self.day.value()
        if day is None:
            return None
        return datetime.combine(day.earliest(), self.time.time().toPython())  # type: ignore[arg-type]

    def set_value(self, when: datetime | None) -> None:
        self.day.set_value(when.date() if when is not None else None)
        self.time.setTime(_qtime(when.time() if when is not None else self._default_time))

    def clear(self) -> None:
        self.set_value(None)


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)
