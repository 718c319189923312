# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The desktop app, offscreen: unlock, the case list and its search, the dashboard matrix,
lock on demand and when idle. Waits on signals, never on sleeps."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from app.domain.dates import FuzzyDate
from app.domain.enums import Status
from app.domain.model import Ask, Case, Organisation
from app.services import asks, cases, directory
from app.ui.main_window import MainWindow
from app.vault.keyslots import KdfParams
from app.vault.vault import Vault

PASSPHRASE = "passphrase for the window"
NOW = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
GERMANY = Organisation(id="11111111-1111-4111-8111-111111111111", name="Germany", country="DE",
                       kind="government")
LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
           name_original="林文杰", status=Status.RSDL, status_since=FuzzyDate.parse("2025-02"))
TURSUN = Case(id="33333333-3333-4333-8333-333333333333", display_name="Tursun Ablet",
              name_original="تۇرسۇن ئابلەت", status=Status.MISSING)


class Ticker:
    """A monotonic clock the test moves by hand (idle auto-lock)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def vault_dir(tmp_path):
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=KdfParams.minimum(), clock=lambda: NOW)
    with vault, vault.session() as session:
        directory.save_organisation(session, GERMANY)
        cases.save_case(session, LIN)
        cases.save_case(session, TURSUN)
        session.flush()
        asks.save_ask(session, Ask(id="44444444-4444-4444-8444-444444444444",
                                   date=FuzzyDate.parse("2026-10-01"),
                                   raised_by_organisation_id=GERMANY.id, public=True,
                                   case_ids=(LIN.id,)))
    return folder


@pytest.fixture
def window(qtbot, vault_dir):
    ticker = Ticker()
    win = MainWindow(vault_dir, idle_seconds=60, monotonic=ticker, clock=lambda: NOW)
    win.ticker = ticker
    qtbot.addWidget(win)
    win.show()
    yield win
    win.lock()


def unlock(qtbot, win, secret=PASSPHRASE):
    with qtbot.waitSignals([win.vault_unlocked, win.cases_shown, win.dashboard_shown],
                           timeout=20_000):
        win.unlock_view.secret.setText(secret)
        win.unlock_view.button.click()


def test_a_wrong_passphrase_is_one_sentence_then_the_right_one_unlocks(qtbot, window):
    window.unlock_view.secret.setText("not the passphrase")
    window.unlock_view.button.click()
    qtbot.waitUntil(lambda: window.unlock_view.message.text() != "", timeout=20_000)
    assert window.unlock_view.message.text() == "Wrong passphrase."
    assert window.unlock_view.secret.text() == ""
    assert window.vault is None
    unlock(qtbot, window)
    assert window.pages.currentIndex() == 1
    assert window.windowTitle() == "Vigil"


def test_the_case_list_and_search_in_latin_and_chinese(qtbot, window):
    unlock(qtbot, window)
    model = window.cases_view.model
    assert {model.case_at(r).display_name for r in range(model.rowCount())} == {
        "Lin Wenjie", "Tursun Ablet"}
    for query, expected in (("lin", "Lin Wenjie"), ("文杰", "Lin Wenjie"),
                            ("ئابلەت", "Tursun Ablet")):
        with qtbot.waitSignal(window.cases_shown, timeout=10_000):
            window.cases_view.search.setText(query)
        assert [model.case_at(r).display_name for r in range(model.rowCount())] == [expected]
    assert window.windowTitle() == "Vigil"


def test_the_dashboard_matrix_shows_who_raised_whom(qtbot, window):
    unlock(qtbot, window)
    matrix = window.dashboard_view.model
    assert matrix.columnCount() == 1 and matrix.rowCount() == 2
    rows = {matrix.headerData(r, Qt.Orientation.Vertical): r for r in range(2)}
    lin_row = next(r for h, r in rows.items() if h.startswith("Lin"))
    cell = matrix.cell(lin_row, 0)
    assert cell.count == 1 and cell.last.isoformat() == "2026-10-01"
    assert matrix.cell(1 - lin_row, 0) is None
    assert "1" in window.dashboard_view.buttons["not_raised_90"].text()


def test_lock_and_idle_lock_clear_every_model(qtbot, window):
    unlock(qtbot, window)
    with qtbot.waitSignal(window.vault_locked):
        window.lock_action.trigger()
    assert window.cases_view.model.rowCount() == 0
    assert window.dashboard_view.model.rowCount() == 0
    assert window.pages.currentIndex() == 0

    unlock(qtbot, window)
    window.ticker.now += 59
    window.check_idle()
    assert window.vault is not None
    window.ticker.now += 2
    with qtbot.waitSignal(window.vault_locked):
        window.check_idle()
    assert window.cases_view.model.rowCount() == 0
    assert window.cases_view.detail.toPlainText() == ""
