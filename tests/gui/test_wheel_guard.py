# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The mouse wheel over a dropdown, spin box or date field it has not focused scrolls the
form around it and leaves the value alone; once the field has the focus, the wheel is its."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.ui import wheel_guard
from app.ui.screens.cases.editor import ProfileForm

NOTCH_DOWN = QPoint(0, -120)


@pytest.fixture
def guard(qapp):
    return wheel_guard.install(qapp)


def scrolled_form(qtbot, *fields: QWidget) -> tuple[QScrollArea, QLineEdit]:
    """``fields`` at the top of a long form in a scroll area; a line edit has the focus."""
    form = QWidget()
    rows = QVBoxLayout(form)
    elsewhere = QLineEdit()
    rows.addWidget(elsewhere)
    for widget in fields:
        rows.addWidget(widget)
    for number in range(40):
        rows.addWidget(QLabel(f"row {number}"))
    area = QScrollArea()
    area.setWidget(form)
    area.resize(320, 240)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    elsewhere.setFocus()
    qtbot.waitUntil(elsewhere.hasFocus)
    return area, elsewhere


def wheel_over(widget: QWidget) -> None:
    window = widget.window()
    QTest.wheelEvent(window.windowHandle(), widget.mapTo(window, widget.rect().center()),
                     NOTCH_DOWN)


def test_a_dropdown_not_focused_scrolls_the_form_not_its_value(qtbot, guard):
    combo = QComboBox()
    combo.addItems(["Not recorded", "Unknown", "Denied", "Granted"])
    area, _elsewhere = scrolled_form(qtbot, combo)
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel does not focus it

    wheel_over(combo)
    assert combo.currentIndex() == 0
    assert not combo.hasFocus()
    assert area.verticalScrollBar().value() > 0  # the form scrolled instead

    area.verticalScrollBar().setValue(0)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    wheel_over(combo)
    assert combo.currentIndex() == 1  # focused: the wheel is the dropdown's


def test_spin_boxes_and_date_fields_are_guarded_too(qtbot, guard):
    spin = QSpinBox()
    spin.setValue(5)
    when = QDateEdit(QDate(2026, 11, 28))
    area, _elsewhere = scrolled_form(qtbot, spin, when)
    wheel_over(spin)
    wheel_over(when)
    assert (spin.value(), when.date()) == (5, QDate(2026, 11, 28))
    assert area.verticalScrollBar().value() > 0


def test_consent_in_the_case_form_does_not_flip_under_the_wheel(qtbot, guard):
    form = ProfileForm()
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(form)
    area.resize(480, 300)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    form.display_name.setFocus()
    qtbot.waitUntil(form.display_name.hasFocus)
    area.ensureWidgetVisible(form.consent)
    before = form.consent.currentIndex()
    wheel_over(form.consent)
    assert form.consent.currentIndex() == before
    assert not form.consent.hasFocus()


def test_installing_twice_keeps_one_guard(qapp, guard):
    assert wheel_guard.install(qapp) is guard
