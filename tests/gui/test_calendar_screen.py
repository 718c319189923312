# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Calendar screen over a real vault: the next 90 days' moments with names, a day picked
on the month keeps its moments, "Prepare…" suggests cases and asks for a meeting with them,
encounters added (bad input refused with one sentence), edited and deleted, and everything
forgotten on lock. Waits on signals, never on sleeps."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.domain.dates import FuzzyDate
from app.domain.enums import Consent, EncounterKind, Level, Status
from app.domain.model import Case, Encounter, Organisation
from app.services import cases, directory, encounters
from app.ui.screens.calendar.screen import CalendarScreen

GERMANY = Organisation(id="11111111-1111-4111-8111-111111111111", name="Germany", country="DE",
                       kind="government")
WANG = Case(id="66666666-6666-4666-8666-666666666666", display_name="Wang Quanzhang",
            name_original="王全璋", status=Status.SENTENCED, consent=Consent.PUBLIC)
LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
           name_original="林文杰", status=Status.RSDL, consent=Consent.PUBLIC)
VISIT = Encounter(id="77777777-7777-4777-8777-777777777777", kind=EncounterKind.STATE_VISIT,
                  title="Chancellor in Beijing", starts_on=FuzzyDate.parse("2026-12-10"),
                  ends_on=FuzzyDate.parse("2026-12-11"), organisation_ids=(GERMANY.id,),
                  level=Level.HEAD_OF_STATE_OR_GOVERNMENT)


def seed(session) -> None:
    directory.save_organisation(session, GERMANY)
    for case in (WANG, LIN):
        cases.save_case(session, case)
    session.flush()
    encounters.save_encounter(session, VISIT)


@pytest.fixture
def vault(make_vault):
    return make_vault(seed, reopen=True)


@pytest.fixture
def screen(shown, ctx):
    return shown(CalendarScreen(ctx))


def _row_of(screen, title: str) -> int:
    return next(i for i, m in enumerate(screen.shown_moments()) if m.subject == title)


def test_the_list_shows_the_next_90_days_with_names(screen):
    row = _row_of(screen, VISIT.title)
    assert screen.table.item(row, 0).text() == "2026-12-10 – 2026-12-11"
    assert screen.table.item(row, 1).text() == "Encounter"
    assert screen.table.item(row, 2).text() == "State visit — Chancellor in Beijing"
    assert screen.table.item(row, 4).text() == "Germany"
    assert all(date(2026, 11, 28) <= m.last and m.on <= date(2027, 2, 25)
               for m in screen.shown_moments())


def test_a_day_picked_keeps_its_moments(screen):
    screen.show_day(date(2026, 12, 11))
    assert [m.subject for m in screen.shown_moments()] == [VISIT.title]
    screen.show_day(date(2026, 12, 12))
    assert screen.shown_moments() == [] and screen.table.rowCount() == 0
    screen.show_day(None)
    assert VISIT.title in [m.subject for m in screen.shown_moments()]


def test_prepare_suggests_cases_and_asks_for_a_meeting(qtbot, screen):
    screen.select_row(_row_of(screen, VISIT.title))
    assert screen.prepare_button.isEnabled()
    screen.prepare()
    dialog = screen.prepare_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.cases.count() == 2 and dialog.meeting_button.isEnabled(),
                    timeout=60_000)
    assert dialog.government.currentData() == GERMANY.id
    dialog.cases.item(1).setCheckState(Qt.CheckState.Unchecked)
    first = dialog.cases.item(0).data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(screen.meeting_requested, timeout=60_000) as asked:
        dialog.meeting_button.click()
    assert asked.args == [GERMANY.id, [first]]


def test_an_encounter_is_added_and_bad_input_refused(qtbot, screen, ctx):
    screen.new_encounter()
    dialog = screen.encounter_dialog
    dialog.starts.setText("2026-13-01")
    dialog.save()
    assert "not a date" in dialog.error.text() and dialog.isVisible()
    dialog.starts.setText("2027-01-20")
    dialog.save()  # no title: the service's own sentence
    qtbot.waitUntil(lambda: dialog.error.text() == "An encounter needs a title.",
                    timeout=60_000)
    dialog.title.setText("Human rights dialogue")
    dialog.kind.setCurrentIndex(dialog.kind.findData(EncounterKind.HUMAN_RIGHTS_DIALOGUE))
    dialog.governments.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        dialog.save()
    row = _row_of(screen, "Human rights dialogue")
    assert screen.table.item(row, 0).text() == "2027-01-20"
    assert screen.table.item(row, 4).text() == "Germany"


def test_an_encounter_is_edited_and_deleted(qtbot, screen):
    screen.select_row(_row_of(screen, VISIT.title))
    assert screen.edit_button.isEnabled() and screen.delete_button.isEnabled()
    screen.edit_encounter()
    qtbot.waitUntil(lambda: screen.encounter_dialog is not None, timeout=60_000)
    dialog = screen.encounter_dialog
    assert dialog.title.text() == VISIT.title and dialog.starts.text() == "2026-12-10"
    dialog.title.setText("Chancellor in Beijing and Shanghai")
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        dialog.save()
    titles = [m.subject for m in screen.shown_moments()]
    assert "Chancellor in Beijing and Shanghai" in titles and VISIT.title not in titles
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        screen.delete_encounter(VISIT.id)
    assert all(m.record_id != VISIT.id for m in screen.shown_moments())


def test_lock_forgets_everything(screen):
    screen.clear()
    assert screen.table.rowCount() == 0 and screen.shown_moments() == []
    assert screen.heading.text() == ""
