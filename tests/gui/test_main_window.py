# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The desktop app, offscreen: unlock, the case list and its search, the dashboard matrix,
lock on demand and when idle. Waits on signals, never on sleeps."""

from __future__ import annotations

import io
import threading
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from app.domain.dates import FuzzyDate
from app.domain.enums import Status
from app.domain.model import Ask, Case, Organisation
from app.errors import IntegrityError, UserError
from app.services import asks, attachments, cases, directory
from app.ui.clipboard import ClipboardGuard
from app.ui.main_window import MainWindow
from app.vault import backup
from app.vault.engine import CORRUPT
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


def seed(session) -> None:
    directory.save_organisation(session, GERMANY)
    cases.save_case(session, LIN)
    cases.save_case(session, TURSUN)
    session.flush()
    asks.save_ask(session, Ask(id="44444444-4444-4444-8444-444444444444",
                               date=FuzzyDate.parse("2026-10-01"),
                               raised_by_organisation_id=GERMANY.id, public=True,
                               case_ids=(LIN.id,)))


@pytest.fixture
def vault_dir(make_vault_dir, png):
    folder = make_vault_dir(seed, passphrase=PASSPHRASE)
    with Vault.unlock(folder, passphrase=PASSPHRASE, daily_backup=False,
                      clock=lambda: NOW) as vault:
        attachments.add_attachment(vault, LIN.id, io.BytesIO(png), "lin.png",
                                   media_type="image/png", as_photo=True)
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
    assert window.unlock_view.message.text().startswith("Wrong passphrase")
    assert window.unlock_view.secret.text() == ""
    assert window.vault is None
    unlock(qtbot, window)
    assert window.pages.currentIndex() == 1
    assert window.windowTitle() == "Vigil"


def test_the_case_list_and_search_in_latin_and_chinese(qtbot, window):
    unlock(qtbot, window)
    model = window.cases_screen.model
    assert {model.case_at(r).display_name for r in range(model.rowCount())} == {
        "Lin Wenjie", "Tursun Ablet"}
    for query, expected in (("lin", "Lin Wenjie"), ("文杰", "Lin Wenjie"),
                            ("ئابلەت", "Tursun Ablet")):
        with qtbot.waitSignal(window.cases_shown, timeout=10_000):
            window.cases_screen.search.setText(query)
        assert [model.case_at(r).display_name for r in range(model.rowCount())] == [expected]
    assert window.windowTitle() == "Vigil"


def test_the_dashboard_matrix_shows_who_raised_whom(qtbot, window):
    unlock(qtbot, window)
    matrix = window.dashboard_screen.model
    assert matrix.columnCount() == 1 and matrix.rowCount() == 2
    rows = {matrix.headerData(r, Qt.Orientation.Vertical): r for r in range(2)}
    lin_row = next(r for h, r in rows.items() if h.startswith("Lin"))
    cell = matrix.cell(lin_row, 0)
    assert cell.count == 1 and cell.last.isoformat() == "2026-10-01"
    assert matrix.cell(1 - lin_row, 0) is None
    assert "1" in window.dashboard_screen.buttons["not_raised_90"].text()


def test_lock_and_idle_lock_clear_every_model(qtbot, window):
    unlock(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.vault_locked):
        qtbot.keyClick(window.cases_screen.search, Qt.Key.Key_L,
                       Qt.KeyboardModifier.ControlModifier)
    assert window.cases_screen.model.rowCount() == 0
    assert window.dashboard_screen.model.rowCount() == 0
    assert window.pages.currentIndex() == 0

    unlock(qtbot, window)
    with qtbot.waitSignal(window.case_shown, timeout=10_000):
        window.cases_screen.table.selectRow(0)
    assert window.cases_screen.detail.name.text() in ("Lin Wenjie", "Tursun Ablet")
    window.ticker.now += 59
    window.check_idle()
    assert window.vault is not None
    opened = window.vault
    window.ticker.now += 2
    with qtbot.waitSignals([window.vault_locked, window.vault_closed], timeout=10_000):
        window.check_idle()
    assert window.cases_screen.model.rowCount() == 0
    assert window.cases_screen.detail.name.text() == ""
    assert not window.cases_screen.detail.body.isVisible()
    assert all(page.toPlainText() == "" for page in window.cases_screen.detail.pages.values())
    assert window.dashboard_screen.model.rowCount() == 0
    assert window.pages.currentIndex() == 0
    # Closed, not just forgotten: the key is gone and the folder's lock file released.
    assert window.vault is None and not opened.is_open
    with Vault.unlock(window.vault_dir, passphrase=PASSPHRASE, daily_backup=False) as again:
        assert again.is_open


def test_lock_does_not_wait_for_a_running_job_and_closes_the_vault_after_it(qtbot, window):
    unlock(qtbot, window)
    window.tasks.wait()  # the daily snapshot and the first loads
    opened = window.vault
    started, release = threading.Event(), threading.Event()

    def holds_the_vault(vault, job):
        started.set()
        release.wait()  # until the test lets it go: a lock that waited would hang here
        with vault.session() as session:
            return len(cases.list_cases(session, NOW.date()))

    job = window.ctx.run(holds_the_vault, lambda _r: None)
    assert started.wait(10)
    with qtbot.waitSignal(window.vault_locked):
        window.lock()
    # The window forgot everything at once, while the job still uses the vault.
    assert window.pages.currentIndex() == 0 and window.cases_screen.model.rowCount() == 0
    assert window.vault is None and window.ctx.vault is None
    assert job.cancelled() and not job.ended() and opened.is_open

    # Unlocking again meanwhile waits, off the UI thread, for the old vault to close.
    window.unlock_view.secret.setText(PASSPHRASE)
    window.unlock_view.button.click()
    assert window.vault is None
    with qtbot.waitSignals([window.vault_closed, window.vault_unlocked], timeout=20_000,
                           order="strict"):
        release.set()
    assert job.ended() and not opened.is_open
    assert window.vault is not opened and window.vault.is_open


@pytest.mark.parametrize(("error", "said"), [
    (UserError("The disk is full: free some space and try again. Nothing was lost."),
     "Today's automatic snapshot was not made: The disk is full: free some space"),
    (RuntimeError("a bug"),
     "Today's automatic snapshot was not made because of an internal error."),
])
def test_a_failed_daily_snapshot_is_said_on_the_status_line(qtbot, window, monkeypatch,
                                                            error, said):
    def take_daily(vault):
        raise error

    monkeypatch.setattr(backup, "take_daily", take_daily)
    with qtbot.waitSignal(window.ctx.message, timeout=20_000) as told:
        unlock(qtbot, window)
    assert told.args[0].startswith(said)
    assert window.statusBar().currentMessage() == told.args[0]


def test_a_daily_snapshot_that_finds_damage_says_so_in_a_window(qtbot, window, monkeypatch):
    def take_daily(vault):
        raise IntegrityError(CORRUPT)  # what export_database raises over a damaged page

    monkeypatch.setattr(backup, "take_daily", take_daily)
    unlock(qtbot, window)

    def shown():
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: shown() is not None, timeout=20_000)
    assert "damaged" in shown().text() and "restore" in shown().text()
    assert shown().textFormat() == Qt.TextFormat.PlainText
    window.lock()  # nothing outlives the lock
    assert shown() is None


def names_shown(model):
    return sorted(model.case_at(r).display_name for r in range(model.rowCount()))


def test_filters_narrow_the_list(qtbot, window):
    unlock(qtbot, window)
    view = window.cases_screen
    with qtbot.waitSignal(window.cases_shown, timeout=10_000):
        view.status.setCurrentIndex(view.status.findData(Status.MISSING))
    assert names_shown(view.model) == ["Tursun Ablet"]
    with qtbot.waitSignal(window.cases_shown, timeout=10_000):
        view.status.setCurrentIndex(0)
    with qtbot.waitSignal(window.cases_shown, timeout=10_000):
        view.stale.setCurrentIndex(view.stale.findData(90))
    assert names_shown(view.model) == ["Tursun Ablet"]  # Lin was raised in October


def test_the_case_detail_shows_header_and_tabs(qtbot, window):
    unlock(qtbot, window)
    view = window.cases_screen
    row = view.model.row_of(LIN.id)
    with qtbot.waitSignal(window.case_shown, timeout=10_000):
        view.table.selectRow(row)
    detail = view.detail
    assert detail.name.text() == "Lin Wenjie" and detail.original.text() == "林文杰"
    assert "since 2025-02" in detail.status.text()
    assert detail.photo.pixmap() is not None and not detail.photo.pixmap().isNull()
    assert "Germany" in detail.pages["asks"].toPlainText()
    assert [detail.tabs.tabText(i) for i in range(detail.tabs.count())] == [
        "Profile", "Timeline", "Asks", "Sources", "Internal notes", "Attachments",
        "Responsible"]


def test_a_matrix_cell_tooltip_tells_the_last_ask(qtbot, window):
    unlock(qtbot, window)
    matrix = window.dashboard_screen.model
    lin_row = next(r for r in range(matrix.rowCount())
                   if matrix.headerData(r, Qt.Orientation.Vertical).startswith("Lin"))
    with qtbot.waitSignal(window.cell_detail_shown, timeout=10_000):
        window.dashboard_screen.matrix.entered.emit(matrix.index(lin_row, 0))
    tip = matrix.data(matrix.index(lin_row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "2026-10-01" in tip and "Germany" in tip and "response" in tip.lower()


def test_copied_names_leave_the_clipboard(qtbot, vault_dir):
    board = QGuiApplication.clipboard()
    guard = ClipboardGuard(clear_after_ms=50)
    win = MainWindow(vault_dir, clock=lambda: NOW, clipboard=guard)
    qtbot.addWidget(win)
    win.show()
    unlock(qtbot, win)
    view = win.cases_screen
    view.table.setCurrentIndex(view.model.index(view.model.row_of(LIN.id), 1))
    with qtbot.waitSignal(guard.copied):
        view.copy_current_name()
    assert board.text() == "林文杰"
    with qtbot.waitSignal(guard.cleared, timeout=5_000):
        pass
    assert board.text() == ""

    # Something the user copied since is not ours to clear.
    with qtbot.waitSignal(guard.copied):
        view.copy_current_name()
    board.setText("the user's own text")
    with qtbot.waitSignal(guard.cleared, timeout=5_000):
        pass
    assert board.text() == "the user's own text"

    # Locking clears it straight away.
    guard._timer.setInterval(60_000)
    with qtbot.waitSignal(guard.copied):
        view.copy_current_name()
    with qtbot.waitSignal(win.vault_locked):
        win.lock()
    assert board.text() == ""


def test_no_case_name_in_the_title_or_settings(qtbot, window, private_home):
    unlock(qtbot, window)
    view = window.cases_screen
    titles = [window.windowTitle()]
    with qtbot.waitSignal(window.cases_shown, timeout=10_000):
        view.search.setText("林")
    with qtbot.waitSignal(window.case_shown, timeout=10_000):
        view.table.selectRow(0)
    titles.append(window.windowTitle())
    window.sidebar.setCurrentRow(0)
    titles.append(window.windowTitle())
    with qtbot.waitSignal(window.vault_locked):
        window.lock()
    titles.append(window.windowTitle())
    assert set(titles) == {"Vigil"}
    settings = QSettings()
    settings.sync()
    stored = " ".join(f"{k}={settings.value(k)}" for k in settings.allKeys())
    written = " ".join(p.read_text(errors="replace") for p in private_home.rglob("*")
                       if p.is_file())
    for canary in ("Lin Wenjie", "林文杰", "Tursun", "ئابلەت", "Wenjie"):
        assert canary not in stored and canary not in written


def test_the_keychain_button_unlocks_a_remembered_vault(qtbot, vault_dir, keystore):
    with Vault.unlock(vault_dir, passphrase=PASSPHRASE, daily_backup=False) as vault:
        vault.remember_on_this_computer(keystore)
    win = MainWindow(vault_dir, clock=lambda: NOW, keystore=keystore)
    qtbot.addWidget(win)
    win.show()
    assert win.unlock_view.keychain_button.isVisible()
    with qtbot.waitSignals([win.vault_unlocked, win.cases_shown], timeout=20_000):
        win.unlock_view.keychain_button.click()
    win.lock()


def test_no_keychain_button_without_the_slot_and_a_damaged_vault_points_to_backups(
        qtbot, window):
    assert not window.unlock_view.keychain_button.isVisible()
    (window.vault_dir / "vault.db").write_bytes(b"")
    window.unlock_view.secret.setText(PASSPHRASE)
    window.unlock_view.button.click()
    qtbot.waitUntil(lambda: window.unlock_view.message.text() != "", timeout=20_000)
    assert "backup" in window.unlock_view.message.text()
    assert window.vault is None
