# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Unsaved edits survive a lock: kept encrypted in the vault (never in a file of their own),
offered back after unlock, restored into the editor or discarded, and never offered for a
case deleted meanwhile. Waits on signals, never on sleeps."""

from __future__ import annotations

import tempfile
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox

from app.domain.enums import Access
from app.domain.model import Case
from app.services import cases, drafts
from app.vault.vault import Vault
from tests.gui.conftest import NOW, PASSPHRASE

LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
           name_original="林文杰")
CANARY = "canary-4d1f: 律师说他周二可以会见"  # typed mid-note when the phone rang


def seed(session) -> None:
    cases.save_case(session, LIN)


@pytest.fixture
def temp_dir(tmp_path, monkeypatch):
    """Qt's and Python's temporary folder, inside the test's, to be scanned."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def window(open_window, make_vault_dir, temp_dir):
    win = open_window(make_vault_dir(seed))
    win.sidebar.setCurrentRow(win.screens.indexOf(win.cases_screen))
    return win


@pytest.fixture
def view(window):
    return window.cases_screen


def open_case(qtbot, view, case_id: str) -> None:
    with qtbot.waitSignals([view.window().case_shown, view.detail.attachments.loaded],
                           timeout=10_000):
        view.select_case(case_id)


def lock(qtbot, window) -> None:
    with qtbot.waitSignals([window.vault_locked, window.vault_closed], timeout=10_000):
        window.lock()


def unlock(qtbot, window, *, offered: bool) -> None:
    with qtbot.waitSignals([window.vault_unlocked, window.cases_shown], timeout=20_000), \
            qtbot.waitSignal(window.cases_screen.drafts_checked, timeout=20_000,
                             check_params_cb=lambda shown: shown == offered):
        window.unlock_with(PASSPHRASE)


def kept(folder) -> list[drafts.Draft]:
    """The drafts in the vault, read while the window has it locked."""
    with Vault.unlock(folder, passphrase=PASSPHRASE, daily_backup=False,
                      clock=lambda: NOW) as vault, vault.session() as session:
        return drafts.pending(session)


def pending(window) -> list[drafts.Draft]:
    window.tasks.wait()  # the draft forgotten in the background, if it is
    with window.vault.session() as session:
        return drafts.pending(session)


def answer(view, text: str) -> None:
    box = view.draft_offer
    assert isinstance(box, QMessageBox)
    button = next(b for b in box.buttons() if b.text() == text)
    button.click()


def plaintext_copies(*folders) -> list[str]:
    """Every file under ``folders`` that holds the canary as UTF-8 or UTF-16 text."""
    needles = [CANARY.encode(), CANARY.encode("utf-16-le")]
    return [str(path) for folder in folders for path in folder.rglob("*") if path.is_file()
            and any(needle in path.read_bytes() for needle in needles)]


def edit_notes(qtbot, view) -> None:
    open_case(qtbot, view, LIN.id)
    view.detail.edit()
    form = view.detail.form
    form.notes.setPlainText(CANARY)
    form.lawyer_access.setCurrentIndex(form.lawyer_access.findData(Access.DENIED.value))
    assert view.detail.has_unsaved_changes()


def test_edits_kept_encrypted_at_lock_are_restored_after_unlock(
        qtbot, window, view, tmp_path, private_home):
    edit_notes(qtbot, view)
    lock(qtbot, window)
    assert view.detail.case is None and view.detail.form.notes.toPlainText() == ""

    [draft] = kept(window.vault_dir)
    assert (draft.kind, draft.record_id, draft.title) == (drafts.CASE, LIN.id, "Lin Wenjie")
    assert draft.fields == {"notes": CANARY, "lawyer_access": Access.DENIED.value}
    assert not draft.new  # only what was edited is kept
    assert plaintext_copies(tmp_path, private_home) == []  # only the encrypted vault has it

    unlock(qtbot, window, offered=True)
    assert "Lin Wenjie" in view.draft_offer.text()
    with qtbot.waitSignal(window.case_shown, timeout=10_000):
        answer(view, "Restore")
    detail = view.detail
    assert detail.editing and detail.case.id == LIN.id
    assert detail.form.notes.toPlainText() == CANARY
    assert detail.form.lawyer_access.currentData() == Access.DENIED.value
    assert detail.has_unsaved_changes()  # back as they were: still to be saved
    assert view.draft_offer is None and pending(window) == []  # handled: gone from the vault


def test_restored_edits_leave_what_changed_meanwhile_elsewhere(qtbot, window, view):
    edit_notes(qtbot, view)
    lock(qtbot, window)
    with Vault.unlock(window.vault_dir, passphrase=PASSPHRASE, daily_backup=False,
                      clock=lambda: NOW) as vault, vault.session() as session:
        case = cases.get_case(session, LIN.id)  # a colleague's bundle, say
        cases.save_case(session, replace(case, facility="Detention Centre No. 3"))
    unlock(qtbot, window, offered=True)
    with qtbot.waitSignal(window.case_shown, timeout=10_000):
        answer(view, "Restore")
    form = view.detail.form
    assert form.facility.text() == "Detention Centre No. 3"
    assert form.notes.toPlainText() == CANARY


def test_discarded_edits_are_gone(qtbot, window, view):
    edit_notes(qtbot, view)
    lock(qtbot, window)
    unlock(qtbot, window, offered=True)
    answer(view, "Discard")
    assert pending(window) == []
    assert not view.detail.editing

    lock(qtbot, window)  # nothing was being edited: nothing kept
    assert kept(window.vault_dir) == []


def test_no_draft_for_a_case_deleted_meanwhile(qtbot, window, view):
    edit_notes(qtbot, view)
    lock(qtbot, window)
    with Vault.unlock(window.vault_dir, passphrase=PASSPHRASE, daily_backup=False,
                      clock=lambda: NOW) as vault, vault.session() as session:
        cases.delete_case(session, LIN.id)  # on the command line, or a colleague's bundle
    unlock(qtbot, window, offered=False)
    assert view.draft_offer is None
    assert pending(window) == []  # and the draft itself deleted


def test_a_new_case_not_yet_saved_comes_back(qtbot, window, view):
    view.new_action.trigger()
    view.detail.form.display_name.setText("Wang Quanzhang")
    view.detail.form.summary.setPlainText(CANARY)
    case_id = view.detail.case.id
    lock(qtbot, window)
    unlock(qtbot, window, offered=True)
    answer(view, "Restore")
    detail = view.detail
    assert detail.editing and detail.is_new and detail.case.id == case_id
    assert detail.form.display_name.text() == "Wang Quanzhang"
    assert detail.form.summary.toPlainText() == CANARY
    assert window.screens.currentWidget() is view
    assert pending(window) == []


def test_nothing_unsaved_keeps_nothing(qtbot, window, view):
    open_case(qtbot, view, LIN.id)
    view.detail.edit()  # editing, nothing changed
    lock(qtbot, window)
    assert kept(window.vault_dir) == []


def test_an_offer_left_unanswered_stays_for_the_next_unlock(qtbot, window, view):
    edit_notes(qtbot, view)
    lock(qtbot, window)
    unlock(qtbot, window, offered=True)
    lock(qtbot, window)  # the offer is closed with everything else
    assert view.draft_offer is None
    [draft] = kept(window.vault_dir)
    assert draft.fields["notes"] == CANARY


def test_edits_kept_when_quitting_are_offered_by_the_next_window(qtbot, window, view,
                                                                  open_window):
    edit_notes(qtbot, view)
    lock(qtbot, window)  # as closing the window does
    again = open_window(window.vault_dir)  # its Cases screen is built after the unlock
    qtbot.waitUntil(lambda: again.cases_screen.draft_offer is not None, timeout=10_000)
    assert "Lin Wenjie" in again.cases_screen.draft_offer.text()


def test_a_draft_that_could_not_be_kept_is_said_after_unlock(qtbot, window, view,
                                                             monkeypatch):
    def full(_session, _draft):
        raise OSError("disk full")

    monkeypatch.setattr(drafts, "keep", full)
    edit_notes(qtbot, view)
    lock(qtbot, window)  # closed all the same
    unlock(qtbot, window, offered=False)
    assert "could not be kept" in window.statusBar().currentMessage()
