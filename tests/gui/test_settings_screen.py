# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Settings: preferences that reach the window, passphrase and recovery key changes, the
keychain slot, backups made and restored from the app."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from app.domain.model import Case
from app.errors import AuthenticationError
from app.services import cases
from app.ui.preferences import Preferences
from app.ui.screens.settings.keys import RecoveryKeyDialog
from app.vault import recovery
from app.vault.keyslots import KEYCHAIN, KdfParams, Keyslots
from app.vault.vault import KEYSLOTS, Vault

PASSPHRASE = "settings screen passphrase"
NEW = "a brand new settings passphrase"
CASE = Case(id="55555555-5555-4555-8555-555555555555", display_name="Settings Canary")


@pytest.fixture
def vault_dir(make_vault_dir):
    return make_vault_dir(lambda session: cases.save_case(session, CASE), passphrase=PASSPHRASE)


@pytest.fixture
def window(open_window, vault_dir, tmp_path, keystore, translation):
    prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    win = open_window(vault_dir, passphrase=PASSPHRASE, preferences=prefs, keystore=keystore,
                      kdf=KdfParams.minimum(), translation=translation)
    win.keystore = keystore
    win.sidebar.setCurrentRow(win.screens.indexOf(win.settings_screen))
    return win


def test_preferences_are_kept_and_reach_the_window(qtbot, window, tmp_path):
    view = window.settings_screen
    view.idle.setValue(12)
    view.clipboard.setValue(45)
    assert window._idle_seconds == 12 * 60
    assert window.clipboard._timer.interval() == 45_000
    stored = QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat)
    assert int(stored.value("security/idle_minutes")) == 12
    with qtbot.waitSignal(window.language_switched, timeout=60_000):
        view.language.setCurrentIndex(view.language.findData("zh_CN"))
    assert Preferences(stored).language == "zh_CN"


def test_out_of_range_preferences_fall_back_to_the_defaults(tmp_path):
    settings = QSettings(str(tmp_path / "odd.ini"), QSettings.Format.IniFormat)
    settings.setValue("security/idle_minutes", "forever")
    settings.setValue("security/clipboard_seconds", 0)
    settings.setValue("ui/language", "xx")
    prefs = Preferences(settings)
    assert (prefs.idle_minutes, prefs.clipboard_seconds, prefs.language) == (5, 30, "en")


def test_a_wrong_current_passphrase_changes_nothing_then_the_right_one_does(qtbot, window):
    view = window.settings_screen
    view.ask_new_passphrase()
    dialog = view._dialog
    dialog.current.setText("not the passphrase")
    dialog.new.setText(NEW)
    dialog.again.setText(NEW)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog.message.text().startswith("Wrong passphrase"), timeout=20_000)
    assert dialog.current.text() == ""
    slots = Keyslots.load(window.vault_dir / KEYSLOTS)
    slots.unlock_with_passphrase(PASSPHRASE)

    dialog.current.setText(PASSPHRASE)
    dialog.new.setText(NEW)
    dialog.again.setText(NEW)
    with qtbot.waitSignal(dialog.finished, timeout=20_000):
        dialog.buttons.accepted.emit()
    slots = Keyslots.load(window.vault_dir / KEYSLOTS)
    slots.unlock_with_passphrase(NEW)
    with pytest.raises(AuthenticationError):
        slots.unlock_with_passphrase(PASSPHRASE)
    assert dialog.new.text() == ""  # the fields are wiped on close


def test_a_new_recovery_key_is_shown_once_and_needs_a_group_retyped(qtbot, window,
                                                                     monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    view = window.settings_screen
    view.ask_new_recovery_key()
    qtbot.waitUntil(lambda: isinstance(view._dialog, RecoveryKeyDialog), timeout=20_000)
    dialog = view._dialog
    key = dialog.key.text()
    Keyslots.load(window.vault_dir / KEYSLOTS).unlock_with_recovery(recovery.parse(key))
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    dialog.reject()  # Escape does not lose the key
    assert dialog.isVisible()
    dialog.group.setText(dialog.expected().lower())
    assert ok.isEnabled()
    ok.click()
    assert not dialog.isVisible() and dialog.key.text() == ""


def test_the_keychain_slot_is_added_and_removed(qtbot, window):
    view = window.settings_screen
    with qtbot.waitSignal(window.ctx.changed, timeout=20_000):
        view.remember.setChecked(True)
    assert Keyslots.load(window.vault_dir / KEYSLOTS).has(KEYCHAIN)
    assert window.keystore.secrets
    with qtbot.waitSignal(window.ctx.changed, timeout=20_000):
        view.remember.setChecked(False)
    assert not Keyslots.load(window.vault_dir / KEYSLOTS).has(KEYCHAIN)
    assert not window.keystore.secrets


def test_a_backup_made_in_the_app_restores_and_can_be_opened(qtbot, window, tmp_path,
                                                              monkeypatch):
    view = window.settings_screen
    dest = tmp_path / "out" / "backup.tar"
    dest.parent.mkdir()
    with qtbot.waitSignal(window.ctx.message, timeout=20_000) as said:
        view.ask_backup(dest)
    assert "Backup written" in said.args[0]
    assert dest.is_file()

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    target = tmp_path / "restored"
    with qtbot.waitSignal(window.vault_locked, timeout=20_000):
        view.ask_restore(dest, target)
    assert window.vault_dir == target
    with Vault.unlock(target, passphrase=PASSPHRASE, daily_backup=False) as vault, \
            vault.session() as session:
        assert cases.get_case(session, CASE.id).display_name == "Settings Canary"


def test_a_backup_into_a_missing_folder_is_one_sentence_and_no_file(qtbot, window, tmp_path):
    dest = tmp_path / "nowhere" / "backup.tar"
    with qtbot.waitSignal(window.ctx.message, timeout=20_000) as said:
        window.settings_screen.ask_backup(dest)
    assert said.args[0] == "The folder for the backup file does not exist."
    assert not dest.parent.exists()


def test_lock_closes_a_dialog_holding_a_passphrase(qtbot, window):
    view = window.settings_screen
    view.ask_new_passphrase()
    dialog = view._dialog
    dialog.current.setText(PASSPHRASE)
    window.lock()
    assert not dialog.isVisible() and dialog.current.text() == ""


def test_travel_mode_from_the_app_keeps_only_the_marked_cases(qtbot, window, tmp_path):
    other = Case(id="99999999-9999-4999-8999-999999999999", display_name="Stays Home")
    with qtbot.waitSignal(window.ctx.changed, timeout=20_000):
        window.ctx.write(lambda session: cases.save_case(session, other), "cases")
    group = window.settings_screen.travel
    group.ask_cases()
    qtbot.waitUntil(lambda: group._dialog is not None, timeout=10_000)
    dialog = group._dialog
    for row in range(dialog.list.count()):
        item = dialog.list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == CASE.id:
            item.setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(window.ctx.changed, timeout=20_000):
        dialog.accept()  # saves the marks (an empty "not safe" list is fine too)
    qtbot.waitUntil(lambda: group.prepare.isEnabled(), timeout=10_000)
    dest = tmp_path / "away" / "full.tar"
    dest.parent.mkdir()
    with qtbot.waitSignal(group.prepared, timeout=60_000):
        group.ask_prepare(dest, confirm=False)
    assert dest.is_file()
    with qtbot.waitSignal(window.cases_shown, timeout=20_000):
        pass
    model = window.cases_screen.model
    assert [model.case_at(r).id for r in range(model.rowCount())] == [CASE.id]
    qtbot.waitUntil(lambda: "travel mode" in group.status.text(), timeout=10_000)


def test_deleted_items_are_removed_from_the_snapshots_on_request(qtbot, window):
    import sqlcipher3.dbapi2 as sqlcipher

    from app.services import erasure
    from app.vault import backup

    vault = window.vault
    snapshot = backup.take(vault)
    with vault.session() as session:
        cases.delete_case(session, CASE.id)
    view = window.settings_screen
    with qtbot.waitSignal(window.ctx.message, timeout=20_000) as said:
        view.purge.click()
    assert said.args == ["Snapshots rewritten without deleted items: 1."]
    assert erasure.purge_snapshots(vault) == 1  # the same file, read again: nothing left
    connection = sqlcipher.connect(str(snapshot))
    connection.execute(f"PRAGMA key = \"x'{vault._key_hex()}'\"")
    assert connection.execute("SELECT display_name FROM cases").fetchall() == [("",)]
    connection.close()


def test_our_organisation_list_follows_the_directory(qtbot, window):
    """The Settings screen keeps itself fresh (a Refresher): an organisation added while it
    is shown appears in the "our organisation" choice; the lock empties it."""
    from app.domain.model import Organisation
    from app.services import directory
    from app.ui.context import DIRECTORY

    view = window.settings_screen
    if view.freshness.loading:
        with qtbot.waitSignal(view.loaded, timeout=60_000):
            pass
    org = Organisation(id="66666666-6666-4666-8666-666666666666", name="Amnesty Canary")
    with qtbot.waitSignal(view.loaded, timeout=60_000):
        window.ctx.write(lambda session: directory.save_organisation(session, org), DIRECTORY)
    assert view.ours.findData(org.id) >= 0
    with qtbot.waitSignal(window.vault_locked, timeout=20_000):
        window.lock()
    assert view.ours.count() == 0 and view.issuer.text() == ""
