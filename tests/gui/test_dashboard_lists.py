# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The lists behind the dashboard's time-limit and anniversary counts, and a row that opens
its case."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain.dates import FuzzyDate
from app.domain.enums import EventKind, Status
from app.domain.model import Case, Event
from app.services import cases
from app.ui.main_window import MainWindow
from app.ui.views.case_lists import CaseListDialog
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
    win.case_list = None
    win.dashboard_view.buttons[key].click()
    qtbot.waitUntil(lambda: win.case_list is not None, timeout=10_000)
    return win.case_list


def test_past_a_time_limit_lists_the_case_and_a_row_opens_it(qtbot, window):
    assert window.dashboard_view.buttons["past_time_limit"].text().startswith("1\n")
    dialog = open_list(qtbot, window, "past_time_limit")
    assert dialog.case_ids() == [HELD.id]
    assert "six-month" in dialog.tree.topLevelItem(0).text(1)
    assert dialog.windowTitle() == "Past a legal time limit"
    with qtbot.waitSignal(window.case_shown, timeout=10_000):
        dialog.tree.itemActivated.emit(dialog.tree.topLevelItem(0), 0)
    assert window.screens.currentWidget() is window.cases_view
    assert window.cases_view.detail.name.text() == "Wang Quanzhang"


def test_anniversaries_this_month_list_the_first_year(qtbot, window):
    dialog = open_list(qtbot, window, "anniversaries_this_month")
    assert dialog.case_ids() == [HELD.id]
    assert dialog.tree.topLevelItem(0).text(2) == "2026-11-25"


def test_lock_closes_an_open_list_and_forgets_it(qtbot, window):
    dialog = open_list(qtbot, window, "past_time_limit")
    window.lock()
    assert not dialog.isVisible()
