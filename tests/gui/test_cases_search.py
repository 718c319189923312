# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Cases screen's search: a keystroke filters the listed rows by the search keys the
index answers with, and the rows shown are always those the case list service gives for
the same filters and query, in its order and with its cells (Latin, Chinese, Uyghur in
Arabic script; one, two and more characters; with a filter chosen meanwhile; after an edit).
Every person here is invented."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.domain.enums import Status
from app.domain.model import Case, OtherName
from app.services import cases
from app.services.cases import list_cases
from app.ui.screens.cases.screen import CasesScreen

WAIT = 60_000
TODAY = date(2026, 11, 28)  # the desktop tests' clock

PEOPLE = (
    Case(id="11111111-1111-4111-8111-111111111111", display_name="Wang Lizhang",
         name_original="王立璋", other_names=(OtherName("Wáng Lìzhāng", "zh-Latn-pinyin"),),
         status=Status.SENTENCED, summary="人权律师"),
    Case(id="22222222-2222-4222-8222-222222222222", display_name="Lin Wenjie",
         name_original="林文杰", status=Status.RSDL, summary="labour activist"),
    Case(id="33333333-3333-4333-8333-333333333333", display_name="Tursun Ablet",
         name_original="تۇرسۇن ئابلەت", status=Status.SENTENCED, summary="scholar"),
    Case(id="44444444-4444-4444-8444-444444444444", display_name="Wang Quanzhang",
         name_original="王全璋", status=Status.RELEASED, summary="human-rights lawyer"),
    Case(id="55555555-5555-4555-8555-555555555555", display_name="Anna Berg",
         status=Status.RELEASED),
)


@pytest.fixture
def vault(make_vault):
    def seed(session) -> None:
        for case in PEOPLE:
            cases.save_case(session, case)
    return make_vault(seed)


@pytest.fixture
def screen(qtbot, ctx):
    view = CasesScreen(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.cases_shown, timeout=WAIT):
        view.refresh()
    yield view
    view.clear()


def shown(view) -> list[tuple[str, str, str]]:
    model = view.model
    return [tuple(model.index(row, column).data() for column in (0, 1, 2))
            for row in range(model.rowCount())]


def expected(vault, view) -> list[tuple[str, str, str]]:
    with vault.session() as session:
        listed = list_cases(session, TODAY, view.current_filter())
    cells = view.model._cells
    return [cells(case)[:3] for case in listed]


def type_query(qtbot, view, query: str) -> None:
    with qtbot.waitSignal(view.cases_shown, timeout=WAIT):
        view.search.setText(query)  # shown after the debounce, as typing does


@pytest.mark.parametrize("queries", [
    ("w", "wa", "wang", "wang l", "lizhang"),
    ("王", "王全", "王全璋", "林"),
    ("ت", "تۇرسۇن", "ئابلەت", "تۇرسۇن ab"),
    ("律师", "lawyer", "nobody", "", "a"),
])
def test_each_keystroke_shows_the_rows_the_service_lists(qtbot, vault, screen, queries):
    for query in queries:
        type_query(qtbot, screen, query)
        assert shown(screen) == expected(vault, screen), query
        assert screen.table.isHidden() == (not shown(screen))  # else "No cases match"


def test_a_filter_chosen_while_searching_keeps_the_search(qtbot, vault, screen):
    type_query(qtbot, screen, "wang")
    assert [row[0] for row in shown(screen)] == ["Wang Lizhang", "Wang Quanzhang"]
    with qtbot.waitSignal(screen.cases_shown, timeout=WAIT):
        screen.status.setCurrentIndex(screen.status.findData(Status.RELEASED))
    assert [row[0] for row in shown(screen)] == ["Wang Quanzhang"]
    assert shown(screen) == expected(vault, screen)
    type_query(qtbot, screen, "a")
    assert [row[0] for row in shown(screen)] == ["Anna Berg", "Wang Quanzhang"]


def test_an_edit_while_searching_is_found_by_the_search(qtbot, vault, screen, ctx):
    type_query(qtbot, screen, "berg")
    assert [row[0] for row in shown(screen)] == ["Anna Berg"]
    renamed = replace(PEOPLE[1], display_name="Lin Berg")
    with qtbot.waitSignal(screen.cases_shown, timeout=WAIT):
        ctx.write(lambda session: cases.save_case(session, renamed), "cases")
    assert [row[0] for row in shown(screen)] == ["Anna Berg", "Lin Berg"]
    assert shown(screen) == expected(vault, screen)


def test_the_shown_case_stays_selected_while_it_matches(qtbot, screen):
    type_query(qtbot, screen, "wang")
    with qtbot.waitSignal(screen.case_shown, timeout=WAIT):
        screen.table.selectRow(1)
    assert screen.shown_case_id == PEOPLE[3].id
    type_query(qtbot, screen, "王全")
    assert screen.table.selectionModel().isRowSelected(0)
    assert screen.shown_case_id == PEOPLE[3].id
    type_query(qtbot, screen, "lin")  # the shown case leaves the list: the pane empties
    assert screen.shown_case_id is None
