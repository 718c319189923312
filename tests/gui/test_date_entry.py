# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one date field: typing each precision (and the importer's spellings), clearing to an
empty value behind a placeholder, a calendar that opens at today or at the date shown, bad
text marked and refused, and no value change from the wheel."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QDate, QPoint, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from app.domain.dates import FuzzyDate
from app.ui import wheel_guard
from app.ui.date_entry import DateEntry, DateTimeEntry, read_date

TODAY = date(2026, 12, 3)
# the offscreen platform cannot raise a popup or grab the keyboard, and says so
POPUP_NOISE = pytest.mark.qt_log_ignore("^This plugin does not support (raise|grabbing)")
pytestmark = POPUP_NOISE


def today() -> date:
    return TODAY


@pytest.fixture
def entry(qtbot):
    field = DateEntry("Date of the ask", today=today)
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    return field


def typed(qtbot, field: QLineEdit, text: str) -> None:
    """Type ``text`` into an empty ``field`` key by key, then leave it (Enter)."""
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


@pytest.mark.parametrize(("text", "expected"), [
    ("2014", FuzzyDate(2014)),
    ("2014-03", FuzzyDate(2014, 3)),
    ("2014-03-05", FuzzyDate(2014, 3, 5)),
    ("2014-03~", FuzzyDate(2014, 3, approximate=True)),
])
def test_typing_each_precision_gives_that_date(qtbot, entry, text, expected):
    typed(qtbot, entry, text)
    assert entry.value() == expected
    assert entry.text() == text
    assert entry.problem() is None


@pytest.mark.parametrize(("text", "canonical"), [
    ("2014.3.5", "2014-03-05"),
    ("2014/03", "2014-03"),
    ("2014年3月5日", "2014-03-05"),
    ("２０１４－０３－０５", "2014-03-05"),  # a Chinese input method's full-width digits
    ("2014.03.00", "2014-03"),  # the importer's "unknown day"
])
def test_the_importers_spellings_are_tidied_when_the_field_is_left(qtbot, entry, text,
                                                                   canonical):
    entry.setText(text)
    entry.editingFinished.emit()
    assert entry.text() == canonical
    assert str(entry.value()) == canonical


def test_clearing_leaves_no_value_and_a_placeholder_not_glued_text(qtbot, entry):
    typed(qtbot, entry, "2014-03-05")
    entry.clear()
    assert entry.text() == ""
    assert entry.value() is None
    assert entry.placeholderText()  # the hint shows, but is never part of the text
    typed(qtbot, entry, "2020")
    assert entry.text() == "2020"  # digits typed after clearing are taken


@pytest.mark.parametrize("text", ["2025-13", "2025-02-30", "March", "14-3-5", "2025-3-"])
def test_bad_text_is_marked_and_refused_without_being_quoted(qtbot, entry, text):
    typed(qtbot, entry, text)
    assert entry.text() == text  # what was typed stays, to be corrected
    assert entry.problem() is not None
    assert entry.warning_action.isVisible()
    assert text not in entry.problem()
    assert entry.toolTip() == entry.problem()
    with pytest.raises(ValueError):
        entry.value()
    assert not entry.is_valid()
    entry.setText("2025-03")  # corrected: the mark goes at once
    assert entry.problem() is None
    assert not entry.warning_action.isVisible()


def test_a_half_typed_date_is_not_marked_until_the_field_is_left(qtbot, entry):
    entry.setFocus()
    QTest.keyClicks(entry, "2014-0")
    assert entry.problem() is None


def test_a_days_only_field_refuses_a_month(qtbot):
    field = DateEntry(days_only=True, today=today)
    qtbot.addWidget(field)
    field.setText("2026-12")
    with pytest.raises(ValueError, match="whole day"):
        field.value()
    field.setText("2026-12-10")
    assert field.value() == FuzzyDate(2026, 12, 10)


def test_the_calendar_opens_at_today_when_empty(qtbot, entry):
    popup = entry.open_calendar()
    assert popup.isVisible()
    assert popup.calendar.selectedDate() == QDate(2026, 12, 3)
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (2026, 12)
    assert popup.calendar.minimumDate() <= QDate(1900, 1, 1)  # never September 1752
    assert entry.text() == ""  # opening picks nothing


@pytest.mark.parametrize(("text", "day"), [
    ("2014-03-05", QDate(2014, 3, 5)), ("2014-03", QDate(2014, 3, 1)),
    ("2014", QDate(2014, 1, 1)),
])
def test_the_calendar_opens_at_the_date_shown(qtbot, entry, text, day):
    entry.setText(text)
    popup = entry.open_calendar()
    assert popup.calendar.selectedDate() == day
    assert (popup.calendar.yearShown(), popup.calendar.monthShown()) == (day.year(),
                                                                         day.month())


def test_a_bad_text_opens_the_calendar_at_today(qtbot, entry):
    entry.setText("2025-13")
    assert entry.open_calendar().calendar.selectedDate() == QDate(2026, 12, 3)


def test_picking_a_day_month_or_year_on_the_calendar(qtbot, entry):
    popup = entry.open_calendar()
    with qtbot.waitSignal(entry.editingFinished, timeout=60_000):
        popup.calendar.clicked.emit(QDate(2026, 11, 20))
    assert entry.value() == FuzzyDate(2026, 11, 20)
    assert not popup.isVisible()

    popup = entry.open_calendar()
    popup.calendar.setCurrentPage(2015, 7)
    popup.month_button.click()
    assert entry.value() == FuzzyDate(2015, 7)
    popup = entry.open_calendar()
    popup.year_button.click()
    assert entry.value() == FuzzyDate(2015)


def test_alt_down_opens_the_calendar(qtbot, entry):
    entry.setFocus()
    QTest.keyClick(entry, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert entry.popup is not None and entry.popup.isVisible()


def test_a_days_only_calendar_offers_no_whole_month(qtbot):
    field = DateEntry(days_only=True, today=today)
    qtbot.addWidget(field)
    popup = field.open_calendar()
    assert popup.month_button is None and popup.year_button is None


def test_read_date_never_quotes_the_text():
    with pytest.raises(ValueError) as raised:
        read_date("王全璋 2014-99")
    assert "王全璋" not in str(raised.value)
    assert read_date("  ") is None


# -- date and time -----------------------------------------------------------------------------
@pytest.fixture
def when(qtbot):
    field = DateTimeEntry("Date and time", today=today)
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    return field


def test_date_and_time_typed(qtbot, when):
    assert when.value() is None
    assert when.day.placeholderText().startswith("No date yet")
    typed(qtbot, when.day, "2026-12-10")
    QTest.keyClick(when.day, Qt.Key.Key_Tab)  # Tab from the day lands on the hour
    qtbot.waitUntil(when.time.hasFocus, timeout=60_000)
    QTest.keyClicks(when.time, "1030")
    assert when.value() == datetime(2026, 12, 10, 10, 30)


def test_date_and_time_set_cleared_and_refused(qtbot, when):
    with qtbot.waitSignal(when.changed, timeout=60_000):
        when.set_value(datetime(2026, 12, 10, 14, 15))
    assert when.day.text() == "2026-12-10"
    assert when.time.time() == QTime(14, 15)
    when.clear()
    assert when.value() is None and when.day.text() == ""
    typed(qtbot, when.day, "2026")  # a meeting is on a day
    with pytest.raises(ValueError):
        when.value()
    assert when.day.open_calendar().calendar.selectedDate() == QDate(2026, 1, 1)


def test_the_wheel_changes_nothing_without_focus(qtbot, qapp):
    wheel_guard.install(qapp)
    holder = QWidget()
    rows = QVBoxLayout(holder)
    elsewhere = QLineEdit()
    field = DateTimeEntry(today=today)
    fuzzy = DateEntry(today=today)
    for widget in (elsewhere, field, fuzzy):
        rows.addWidget(widget)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    field.set_value(datetime(2026, 12, 10, 10, 0))
    fuzzy.setText("2014-03")
    elsewhere.setFocus()
    qtbot.waitUntil(elsewhere.hasFocus, timeout=60_000)
    for widget in (field.day, field.time, fuzzy):
        QTest.wheelEvent(holder.windowHandle(),
                         widget.mapTo(holder, widget.rect().center()), QPoint(0, -120))
    assert field.value() == datetime(2026, 12, 10, 10, 0)
    assert field.time.time() == QTime(10, 0)
    assert fuzzy.text() == "2014-03"
    assert field.time.time().toPython() == time(10, 0)
