# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A case's Responsible tab in the main window: adding an involvement with an official found
by a name in another script and sources ticked (a confidential one marked), creating an
official on the way, editing, removing with confirmation, a bad date writing nothing, and a
removed official. Waits on signals and conditions, never on sleeps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.domain.dates import FuzzyDate
from app.domain.enums import Role
from app.domain.model import Case, Involvement, Official, Organisation, Source
from app.services import cases, directory, involvements
from app.ui.navigation import CaseTab
from app.ui.screens.cases import editor as case_editor

PSB = Organisation(id="11111111-1111-4111-8111-111111111111", name="Public Security Bureau")
UYGHUR = Official(id="33333333-3333-4333-8333-333333333333", name="Abdurehim Tursun",
                  name_original="ئابدۇرېھىم تۇرسۇن", organisation_id=PSB.id)
ZHANG = Official(id="44444444-4444-4444-8444-444444444444", name="Zhang Wei",
                 name_original="张伟")
OPEN = Source(id="66666666-6666-4666-8666-666666666666", title="Court verdict")
SECRET = Source(id="77777777-7777-4777-8777-777777777777", title="Witness", confidential=True)
LIN = Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
           name_original="林文杰", sources=(OPEN, SECRET))
OLD = Involvement(id="88888888-8888-4888-8888-888888888888", case_id=LIN.id,
                  official_id=ZHANG.id, role=Role.JUDGED, date=FuzzyDate.parse("2024-03"))


def seed(session) -> None:
    directory.save_organisation(session, PSB)
    directory.save_official(session, UYGHUR)
    directory.save_official(session, ZHANG)
    cases.save_case(session, LIN)
    session.flush()
    involvements.save_involvement(session, OLD)


@pytest.fixture
def window(open_window, make_vault_dir):
    return open_window(make_vault_dir(seed))


@pytest.fixture
def tab(qtbot, window):
    screen = window.cases_screen
    with qtbot.waitSignal(screen.detail.responsible.loaded, timeout=60_000):
        window.show_case(LIN.id, CaseTab.RESPONSIBLE)
    assert screen.detail.tabs.currentWidget() is screen.detail.responsible
    return screen.detail.responsible


def stored(window) -> list[involvements.InvolvementView]:
    with window.vault.session() as session:
        return involvements.of_case(session, LIN.id)


def cells(tab, row: int) -> list[str]:
    return [tab.table.item(row, c).text() for c in range(tab.table.columnCount())]


def test_the_tab_lists_the_case_involvements(tab):
    assert tab.table.rowCount() == 1
    assert cells(tab, 0) == ["Zhang Wei", "Judged", "2024-03", "", "0"]


def test_adding_with_an_official_found_by_an_arabic_script_name(qtbot, window, tab):
    dialog = tab.add()
    qtbot.waitUntil(lambda: dialog.officials.count() == 2, timeout=60_000)
    with qtbot.waitSignal(dialog.officials_found, timeout=60_000):
        dialog.search.setText("تۇرسۇن")
    assert [dialog.officials.item(r).text() for r in range(dialog.officials.count())] == [
        "Abdurehim Tursun · ئابدۇرېھىم تۇرسۇن"]
    assert dialog.search.layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.officials.setCurrentRow(0)
    dialog.role.setCurrentIndex(dialog.role.findData(Role.INTERROGATED.value))
    dialog.date.setText("2023-05~")
    dialog.description.setPlainText("Led the night interrogations.")
    texts = [dialog.sources.item(r).text() for r in range(dialog.sources.count())]
    assert texts == ["Court verdict", "Witness (confidential)"]
    dialog.sources.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=60_000)
    added = [v for v in stored(window) if v.involvement.official_id == UYGHUR.id]
    assert len(added) == 1
    inv = added[0].involvement
    assert (inv.role, inv.date, inv.source_ids) == (
        Role.INTERROGATED, FuzzyDate(2023, 5, approximate=True), (OPEN.id,))
    assert cells(tab, 0) == ["Abdurehim Tursun", "Interrogated", "2023-05~",
                             "Led the night interrogations.", "1"]


def test_creating_a_new_official_with_a_chinese_name(qtbot, window, tab):
    dialog = tab.add()
    qtbot.waitUntil(lambda: dialog.organisation.count() == 2, timeout=60_000)
    dialog.new.setChecked(True)
    dialog.new_name.setText("王建国")
    dialog.organisation.setCurrentIndex(1)
    dialog.role.setCurrentIndex(dialog.role.findData(Role.ARRESTED.value))
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2, timeout=60_000)
    with window.vault.session() as session:
        created = [o for o in directory.officials(session) if o.name == "王建国"]
    assert len(created) == 1 and created[0].organisation_id == PSB.id
    assert any(v.official_name == "王建国" and v.involvement.role is Role.ARRESTED
               for v in stored(window))


def test_editing_and_a_bad_date_that_writes_nothing(qtbot, window, tab):
    tab.table.selectRow(0)
    dialog = tab.edit()
    qtbot.waitUntil(lambda: dialog.chosen_id() == ZHANG.id, timeout=60_000)
    assert dialog.date.text() == "2024-03"
    dialog.date.setText("March")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and "not a date" in dialog.error.text()
    assert stored(window)[0].involvement == OLD
    dialog.date.setText("2024-03-12")
    dialog.sources.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1 and cells(tab, 0)[2] == "2024-03-12",
                    timeout=60_000)
    assert stored(window)[0].involvement.source_ids == (SECRET.id,)


def test_removing_asks_first(qtbot, window, tab, monkeypatch):
    asked: list[str] = []
    answers = [False, True]

    def confirm(_parent, text, _action):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(case_editor, "confirm", confirm)
    tab.table.selectRow(0)
    tab.remove()
    assert stored(window) and len(asked) == 1
    tab.remove()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 0, timeout=60_000)
    assert stored(window) == [] and len(asked) == 2


def test_a_removed_official_is_shown_as_such(qtbot, window, tab):
    with window.vault.session() as session:
        directory.delete_official(session, ZHANG.id)
    tab.reload()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1 and
                    cells(tab, 0)[0] == "Removed official", timeout=60_000)


def test_a_cancelled_dialog_is_forgotten_and_locking_clears_the_tab(qtbot, window, tab):
    dialog = tab.add()
    qtbot.waitUntil(lambda: dialog.officials.count() == 2, timeout=60_000)
    dialog.reject()
    assert tab.dialog is None
    tab.add()
    window.cases_screen.detail.clear()
    assert tab.dialog is None and tab.table.rowCount() == 0 and tab.case is None
