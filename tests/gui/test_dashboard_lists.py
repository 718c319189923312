# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The lists behind the dashboard's time-limit and anniversary counts, a row that opens its
case, and the matrix's cells read block by block."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from app.domain.dates import FuzzyDate
from app.domain.enums import EventKind, OrganisationKind, Status
from app.domain.model import Ask, Case, Event, Organisation
from app.services import asks, cases, directory
from app.services.dashboard import Cell, Government, Matrix, MatrixCase
from app.ui.main_window import MainWindow
from app.ui.screens.dashboard.case_lists import CaseListDialog
from app.ui.screens.dashboard.models import MatrixModel
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

PASSPHRASE = "dashboard lists passphrase"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
HELD = Case(id="66666666-6666-4666-8666-666666666666", display_name="Wang Quanzhang",
            name_original="王全璋", status=Status.RSDL, status_since=FuzzyDate.parse("2025-11-25"),
            events=(Event(id="77777777-7777-4777-8777-777777777777",
                          date=FuzzyDate.parse("2025-11-25"), kind=EventKind.RSDL_BEGAN,
                          title="Taken into residential surveillance"),))
FREE = Case(id="88888888-8888-4888-8888-888888888888", display_name="Released Person",
            status=Status.RELEASED)


@pytest.fixture
def window(qtbot, tmp_path):
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=KdfParams.minimum(), clock=lambda: NOW)
    with vault, vault.session() as session:
        cases.save_case(session, HELD)
        cases.save_case(session, FREE)
    win = MainWindow(folder, clock=lambda: NOW)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignals([win.vault_unlocked, win.dashboard_shown, win.cases_shown],
                           timeout=20_000):
        win.unlock_with(PASSPHRASE)
    yield win
    win.lock()


def open_list(qtbot, win, key) -> CaseListDialog:
    win.dashboard_screen.case_list = None
    win.dashboard_screen.buttons[key].click()
    qtbot.waitUntil(lambda: win.dashboard_screen.case_list is not None, timeout=10_000)
    return win.dashboard_screen.case_list


def test_past_a_time_limit_lists_the_case_and_a_row_opens_it(qtbot, window):
    assert window.dashboard_screen.buttons["past_time_limit"].text().startswith("1\n")
    dialog = open_list(qtbot, window, "past_time_limit")
    assert dialog.case_ids() == [HELD.id]
    assert "six-month" in dialog.tree.topLevelItem(0).text(1)
    assert dialog.windowTitle() == "Past a legal time limit"
    with qtbot.waitSignal(window.case_shown, timeout=10_000):
        dialog.tree.itemActivated.emit(dialog.tree.topLevelItem(0), 0)
    assert window.screens.currentWidget() is window.cases_screen
    assert window.cases_screen.detail.name.text() == "Wang Quanzhang"


def test_anniversaries_this_month_list_the_first_year(qtbot, window):
    dialog = open_list(qtbot, window, "anniversaries_this_month")
    assert dialog.case_ids() == [HELD.id]
    assert dialog.tree.topLevelItem(0).text(2) == "2026-11-25"


def test_lock_closes_an_open_list_and_forgets_it(qtbot, window):
    dialog = open_list(qtbot, window, "past_time_limit")
    window.lock()
    assert not dialog.isVisible()


# -- the matrix's cells, read block by block ----------------------------------------------------


def test_matrix_cells_below_the_first_block_are_read_when_shown(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(MatrixModel, "BLOCK", 1)
    folder = tmp_path / "vault"
    germany = Organisation(id="99999999-9999-4999-8999-999999999999", name="Germany",
                           country="DE", kind=OrganisationKind.GOVERNMENT)
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=KdfParams.minimum(), clock=lambda: NOW)
    with vault, vault.session() as session:
        directory.save_organisation(session, germany)
        cases.save_case(session, HELD)
        cases.save_case(session, FREE)
        asks.save_ask(session, Ask(id="aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
                                   date=FuzzyDate.parse("2026-10-01"), public=True,
                                   raised_by_organisation_id=germany.id, case_ids=(HELD.id,)))
    win = MainWindow(folder, clock=lambda: NOW)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignals([win.vault_unlocked, win.dashboard_shown], timeout=20_000):
        win.unlock_with(PASSPHRASE)
    model = win.dashboard_screen.model
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(2)] == [
        "Released Person", "Wang Quanzhang  王全璋"]  # never raised first
    assert model.loaded(0) and model.cell(0, 0) is None  # the first block came with it
    waiting = model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole)
    assert waiting.alpha() == 0  # not "never raised" grey while it is on its way
    qtbot.waitUntil(lambda: model.loaded(1), timeout=10_000)
    assert model.cell(1, 0).count == 1
    assert model.data(model.index(1, 0), Qt.ItemDataRole.DisplayRole) == "1"
    win.lock()
    assert model.rowCount() == 0


def test_a_block_for_an_older_matrix_is_dropped(qtbot):
    model = MatrixModel()
    model.BLOCK = 1
    asked = []
    model.cells_wanted.connect(lambda *args: asked.append(args))
    rows = [MatrixCase(f"case{i}", f"Case {i}", None, None) for i in range(3)]
    governments = [Government("gov", "Germany", "DE")]
    model.set_matrix(Matrix(rows, governments, {}), NOW.date())
    assert not model.loaded(2) and not model.loaded(2)  # asked once, not twice
    [(generation, block, ids)] = asked
    assert (block, ids) == (2, ["case2"])
    model.set_matrix(Matrix(rows, governments, {}), NOW.date())  # a refresh meanwhile
    model.add_cells(generation, block, {("case2", "gov"): Cell(NOW.date(), 4)})
    assert model.cell(2, 0) is None
    model.add_cells(generation + 1, block, {("case2", "gov"): Cell(NOW.date(), 4)})
    assert model.cell(2, 0).count == 4


def test_the_dashboard_reloads_when_shown_not_after_every_write_elsewhere(qtbot, window):
    loads = []
    window.dashboard_screen.loaded.connect(lambda: loads.append(1))
    window.sidebar.setCurrentRow(1)  # Cases
    window.ctx.changed.emit("asks")
    window.ctx.changed.emit("cases")
    qtbot.wait(200)
    assert loads == []  # hidden: only marked stale
    with qtbot.waitSignal(window.dashboard_shown, timeout=10_000):
        window.sidebar.setCurrentRow(0)
    assert len(loads) == 1


def test_not_raised_leaves_out_the_released_and_asks_of_one_government(qtbot, window):
    view = window.dashboard_screen
    germany = Organisation(id="99999999-9999-4999-8999-999999999999", name="Germany",
                           country="DE", kind=OrganisationKind.GOVERNMENT)
    raised = Ask(id="aaaaaaaa-9999-4999-8999-999999999999", date=FuzzyDate.parse("2026-11-01"),
                 public=False, raised_by_organisation_id=germany.id, case_ids=(HELD.id,))
    with window.vault.session() as session:
        directory.save_organisation(session, germany)
        asks.save_ask(session, raised)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh_now()
    assert view.buttons["not_raised_90"].text().startswith("0\n")  # not the released person
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.all_cases.setChecked(True)
    assert view.buttons["not_raised_90"].text().startswith("1\n")
    view.government.setCurrentIndex(view.government.findData(germany.id))
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh_now()
    assert view.buttons["not_raised_90"].text().startswith("1\n")
    view.not_raised_list = None
    view.buttons["not_raised_90"].click()
    qtbot.waitUntil(lambda: view.not_raised_list is not None, timeout=10_000)
    dialog = view.not_raised_list
    assert dialog.case_ids() == [FREE.id]
    dialog.reject()


def test_a_column_title_sorts_the_rows_by_that_government(qtbot, window):
    view = window.dashboard_screen
    germany = Organisation(id="99999999-9999-4999-8999-999999999999", name="Germany",
                           country="DE", kind=OrganisationKind.GOVERNMENT)
    with window.vault.session() as session:
        directory.save_organisation(session, germany)
        asks.save_ask(session, Ask(id="aaaaaaaa-9999-4999-8999-999999999999",
                                   date=FuzzyDate.parse("2020-01-01"), public=False,
                                   raised_by_organisation_id=germany.id, case_ids=(FREE.id,)))
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh_now()
    assert view.model.headerData(0, Qt.Orientation.Vertical).startswith("Wang")  # never raised
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.matrix.horizontalHeader().sectionClicked.emit(0)
    assert view.sort_by == germany.id
    assert view.matrix.horizontalHeader().isSortIndicatorShown()
    assert view.model.headerData(0, Qt.Orientation.Vertical).startswith("Wang")


def test_the_next_30_days_tile_counts_by_kind_and_opens_the_calendar(qtbot, window):
    from app.ui.navigation import Screen

    tile = window.dashboard_screen.next_days
    assert tile.text().splitlines() == ["1", "Next 30 days"]  # one year held on 25 November
    assert tile.toolTip() == "Anniversary: 1"
    tile.click()
    assert window.sidebar.currentRow() == Screen.CALENDAR
    qtbot.waitUntil(lambda: len(window.calendar_screen.shown_moments()) >= 1, timeout=60_000)
