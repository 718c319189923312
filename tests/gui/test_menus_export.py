# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The menu bar (File, Edit, View, Help with working shortcuts) and File → Export…: the case list
as shown to CSV or XLSX, the vault as interchange JSON, nothing written until asked and no
partial file on failure. Waits on signals, never on sleeps."""

from __future__ import annotations

import csv
import io
import json

from PySide6.QtCore import Qt
from test_main_window import PASSPHRASE, unlock
from test_main_window import vault_dir as vault_dir
from test_main_window import window as window

from app.ui import menus
from app.ui.export_dialog import ExportDialog
from app.ui.navigation import Screen
from app.ui.table_model import shown_rows


def _menu_titles(win) -> list[str]:
    return [a.text() for a in win.menuBar().actions()]


def test_the_menus_and_their_shortcuts(qtbot, window):
    assert _menu_titles(window) == ["&File", "&Edit", "&View", "&Help"]
    assert not window.export_action.isEnabled()  # nothing to export while locked
    unlock(qtbot, window)
    assert all(a.isEnabled() for a in window.vault_actions)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.currentRow() == list(Screen).index(Screen(2))
    lines = menus.shortcut_lines(window)
    assert any(line.endswith("\tLock") for line in lines)
    assert any(line.endswith("\tExport…") for line in lines)
    about = menus.show_about(window)
    assert "GNU General Public License" in about.text() and str(window.vault_dir) in about.text()
    about.close()


def test_new_case_and_find_work_from_any_screen(qtbot, window):
    unlock(qtbot, window)
    window.show_screen(Screen.DASHBOARD)
    window.sidebar.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    cases = window.cases_screen
    assert window.sidebar.currentRow() == list(Screen).index(Screen.CASES)
    assert cases.detail.editing and cases.detail.is_new
    cases.detail.revert()  # an empty new case: nothing to keep
    window.show_screen(Screen.SETTINGS)
    window.sidebar.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.currentRow() == list(Screen).index(Screen.CASES)
    qtbot.waitUntil(cases.search.hasFocus, timeout=60_000)


def test_file_back_up_writes_an_encrypted_backup(qtbot, window, tmp_path, monkeypatch):
    from app.ui import filedialogs

    target = tmp_path / "backup.tar"
    monkeypatch.setattr(filedialogs, "save_file", lambda *_a, **_k: target)
    unlock(qtbot, window)
    backup = next(a for a in window.vault_actions if a.text() == "Back up…")
    backup.trigger()
    qtbot.waitUntil(lambda: "Backup written" in window.statusBar().currentMessage(),
                    timeout=120_000)
    assert target.is_file() and target.stat().st_size > 0
    assert b"Lin Wenjie" not in target.read_bytes()  # encrypted: no name readable in it


def test_the_case_list_exports_as_shown_with_formulas_made_inert(qtbot, window, tmp_path):
    unlock(qtbot, window)
    headers, rows = shown_rows(window.cases_screen.table)
    assert headers[0] == "Name" and {r[0] for r in rows} == {"Lin Wenjie", "Tursun Ablet"}
    rows.append(["=cmd|' /C calc'!A0", "", "", "", "", "", ""])
    dialog = ExportDialog(window.ctx, (headers, rows), window)
    qtbot.addWidget(dialog)
    target = tmp_path / "list.csv"
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.export_to(target)
    read = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"))))
    assert read[0] == headers
    assert ["林文杰" in r for r in read].count(True) == 1
    assert read[-1][0] == "'=cmd|' /C calc'!A0"


def test_the_vault_exports_as_interchange_json(qtbot, window, tmp_path):
    unlock(qtbot, window)
    dialog = ExportDialog(window.ctx, shown_rows(window.cases_screen.table), window)
    qtbot.addWidget(dialog)
    dialog.as_json.setChecked(True)
    target = tmp_path / "vault.json"
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.export_to(target)
    data = json.loads(target.read_text("utf-8"))
    assert data["version"] == 2
    assert {c["display_name"] for c in data["cases"]} == {"Lin Wenjie", "Tursun Ablet"}


def test_an_export_that_cannot_be_written_says_so_and_leaves_nothing(qtbot, window, tmp_path):
    unlock(qtbot, window)
    dialog = ExportDialog(window.ctx, shown_rows(window.cases_screen.table), window)
    qtbot.addWidget(dialog)
    target = tmp_path / "missing-folder" / "list.csv"
    dialog.export_to(target)
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=20_000)
    assert "existing folder" in dialog.status.text()
    assert not target.parent.exists()
    assert PASSPHRASE not in dialog.status.text()
