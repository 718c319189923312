# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Settings' "Our organisation": chosen there, kept in the vault, and forgotten on lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from app.domain.enums import OrganisationKind
from app.domain.model import Organisation
from app.services import directory
from app.ui.preferences import Preferences
from app.vault.keyslots import KdfParams

PASSPHRASE = "our organisation passphrase"
OURS = Organisation(id="12121212-1212-4212-8212-121212121212", name="Rights Watchers",
                    kind=OrganisationKind.NGO)


@pytest.fixture
def window(open_window, make_vault_dir, tmp_path, keystore):
    folder = make_vault_dir(lambda session: directory.save_organisation(session, OURS),
                            passphrase=PASSPHRASE)
    prefs = Preferences(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))
    win = open_window(folder, passphrase=PASSPHRASE, preferences=prefs, keystore=keystore,
                      kdf=KdfParams.minimum())
    win.sidebar.setCurrentRow(win.screens.indexOf(win.settings_screen))
    return win


def test_our_organisation_is_chosen_in_settings_and_kept(qtbot, window):
    view = window.settings_screen
    qtbot.waitUntil(lambda: view.ours.findData(OURS.id) > 0, timeout=10_000)
    assert view.ours.currentIndex() == 0  # not set
    view.ours.setCurrentIndex(view.ours.findData(OURS.id))
    view.ours.activated.emit(view.ours.currentIndex())

    def chosen():
        with window.vault.session() as session:
            return directory.our_organisation(session)

    qtbot.waitUntil(lambda: chosen() == OURS.id, timeout=10_000)
    window.lock()
    assert view.ours.count() == 0  # names are vault data: gone on lock
