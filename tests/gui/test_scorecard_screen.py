# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Scorecard screen over a real vault: the last full year by default, governments side
by side in a table and bar charts, every figure opening the records it counts (a case opens
from its list), a result for an older choice dropped, and everything forgotten on lock.
Waits on signals, never on sleeps."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from app.domain.dates import FuzzyDate
from app.domain.enums import Consent, EncounterKind, Level, OrganisationKind, Response, Status
from app.domain.model import Ask, Case, Encounter, Organisation
from app.services import asks, cases, directory, encounters
from app.ui.screens.scorecard.screen import ScorecardScreen

GERMANY = Organisation(id="11111111-1111-4111-8111-111111111111", name="Germany", country="DE",
                       kind=OrganisationKind.GOVERNMENT)
FRANCE = Organisation(id="99999999-9999-4999-8999-999999999999", name="France", country="FR",
                      kind=OrganisationKind.GOVERNMENT)
WANG = Case(id="66666666-6666-4666-8666-666666666666", display_name="Wang Quanzhang",
            name_original="王全璋", status=Status.SENTENCED, consent=Consent.PUBLIC)
LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
           name_original="林文杰", status=Status.RSDL, consent=Consent.PUBLIC)
SUMMIT = Encounter(id="77777777-7777-4777-8777-777777777777", kind=EncounterKind.SUMMIT,
                   title="Government consultations", starts_on=FuzzyDate.parse("2025-03-10"),
                   organisation_ids=(GERMANY.id,), level=Level.HEAD_OF_STATE_OR_GOVERNMENT)
DIALOGUE = Encounter(id="88888888-8888-4888-8888-888888888888",
                     kind=EncounterKind.HUMAN_RIGHTS_DIALOGUE, title="Human rights dialogue",
                     starts_on=FuzzyDate.parse("2025-06-01"), organisation_ids=(GERMANY.id,),
                     level=Level.MINISTER)
AT_SUMMIT = Ask(id="44444444-4444-4444-8444-444444444444", date=FuzzyDate.parse("2025-03-10"),
                raised_by_organisation_id=GERMANY.id, public=True, case_ids=(WANG.id,),
                level=Level.HEAD_OF_STATE_OR_GOVERNMENT, encounter_id=SUMMIT.id,
                response=Response.INTERNAL_AFFAIR)


def seed(session) -> None:
    for organisation in (GERMANY, FRANCE):
        directory.save_organisation(session, organisation)
    for case in (WANG, LIN):
        cases.save_case(session, case)
    session.flush()
    for encounter in (SUMMIT, DIALOGUE):
        encounters.save_encounter(session, encounter)
    session.flush()
    asks.save_ask(session, AT_SUMMIT)


@pytest.fixture
def vault(make_vault):
    return make_vault(seed, reopen=True)


@pytest.fixture
def screen(shown, ctx):
    return shown(ScorecardScreen(ctx))


def row_of(screen, text: str) -> int:
    return next(i for i, (label, _get) in enumerate(screen.rows) if label == text)


def test_the_last_full_year_and_no_government_at_first(screen):
    choice = screen.choice()
    assert (choice.start, choice.end) == (date(2025, 1, 1), date(2025, 12, 31))
    assert choice.government_ids == () and screen.table.columnCount() == 0
    assert screen.status.text() == "Tick one or more governments to compare them."
    assert [screen.governments.item(i).text() for i in range(2)] == ["France", "Germany"]


def test_the_period_is_typed_and_a_year_or_month_is_a_whole_period(qtbot, screen):
    assert (screen.start.text(), screen.end.text()) == ("2025-01-01", "2025-12-31")
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        screen.choose([GERMANY.id])
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        screen.start.setText("2025-03")
        screen.end.setText("2025-03")
    assert (screen.choice().start, screen.choice().end) == (date(2025, 3, 1),
                                                            date(2025, 3, 31))
    screen.end.setText("2025-13")  # not a date: marked, the period stays
    assert not screen.end.is_valid() and screen.end.problem()
    assert screen.choice().end == date(2025, 3, 31)


def test_governments_side_by_side_with_bar_charts(qtbot, screen):
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        screen.choose([GERMANY.id, FRANCE.id])
    columns = [card.government for card in screen.cards]
    germany = columns.index("Germany")
    france = 1 - germany
    cell = lambda text, column: screen.table.item(row_of(screen, text), column).text()  # noqa: E731
    assert cell("Named cases raised", germany) == "1"
    assert cell("Named cases raised", france) == "0"
    assert cell("High-level encounters with the detaining state", germany) == "2"
    assert cell("… at which a named case was raised publicly", germany) == "1 of 2 (50%)"
    assert cell("… at which a named case was raised", france) == "0 of 0"
    assert cell("Asks answered: “Internal affair”", germany) == "1"
    assert [screen.table.horizontalHeaderItem(c).text() for c in range(2)] == columns
    assert screen.chart.series == columns and len(screen.chart.bar_rects()) == \
        2 * len(screen.chart.groups)


def test_a_figure_opens_its_records_and_a_case_opens(qtbot, screen, ctx):
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        screen.choose([GERMANY.id])
    with qtbot.waitSignal(screen.records_shown, timeout=60_000):
        screen.open_cell(row_of(screen, "Named cases raised"), 0)
    records = screen.records
    assert records.texts() == ["Wang Quanzhang  王全璋"]
    with qtbot.waitSignal(ctx.case_requested, timeout=60_000) as opened:
        records.open_button.click()
    assert opened.args == [WANG.id]


def test_a_bar_opens_the_encounters_it_counts(qtbot, screen):
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        screen.choose([GERMANY.id])
    screen.chart.resize(800, screen.chart.sizeHint().height())
    group = screen.chart.groups.index("High-level encounters with the detaining state")
    rect = next(r for r, g, _s in screen.chart.bar_rects() if g == group)
    with qtbot.waitSignal(screen.records_shown, timeout=60_000):
        qtbot.mouseClick(screen.chart, Qt.MouseButton.LeftButton,
                         pos=QPoint(int(rect.center().x()), int(rect.center().y())))
    texts = screen.records.texts()
    assert texts == ["2025-03-10 · Summit · Government consultations",
                     "2025-06-01 · Human-rights dialogue · Human rights dialogue"]


def test_a_result_for_an_older_choice_is_dropped(qtbot, screen, ctx):
    screen.choose([GERMANY.id])
    screen._compute()  # the read for Germany alone is under way
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        screen.choose([GERMANY.id, FRANCE.id])
    ctx.tasks.wait()
    QApplication.processEvents()
    assert screen.table.columnCount() == 2 and len(screen.cards) == 2


def test_lock_forgets_everything(qtbot, screen):
    with qtbot.waitSignal(screen.loaded, timeout=60_000):
        screen.choose([GERMANY.id])
    screen.clear()
    assert screen.governments.count() == 0 and screen.table.rowCount() == 0
    assert screen.cards == [] and screen.chart.groups == []
