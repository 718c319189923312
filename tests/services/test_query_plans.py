# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The queries behind a click never walk every ask.

SQLite plans without statistics, so the plan a small test vault gets is the plan the
reference vault (100,000 asks) gets. An index on (deleted, date_sort) once made opening a
case walk every ask in date order (2 s at reference scale) while every test passed; these
tests read the plans of what opening a case and the dashboard run.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import event, text

from app.domain.dates import FuzzyDate
from app.domain.enums import Status
from app.domain.model import Ask, Case, Organisation
from app.services import ask_pages, asks, calendar, dashboard
from app.services.ask_pages import AskFilter
from app.services.cases import get_case, new_id

CASE = Case(id=new_id(), display_name="Wang Quanzhang", name_original="王全璋")
ORG = Organisation(id=new_id(), name="Germany", country="DE")
ASK = Ask(id=new_id(), date=FuzzyDate.parse("2025-01"), raised_by_organisation_id=ORG.id,
          public=False, case_ids=(CASE.id,), follow_up_due=FuzzyDate.parse("2025-03"))
TODAY = date(2026, 1, 1)


def plans(vault, action) -> list[str]:
    """The query plan of every statement ``action(session)`` runs."""
    seen = []

    def record(_conn, _cursor, statement, parameters, _context, _many):
        seen.append((statement, parameters))

    event.listen(vault.engine, "before_cursor_execute", record)
    try:
        with vault.session() as session:
            action(session)
    finally:
        event.remove(vault.engine, "before_cursor_execute", record)
    found = []
    with vault.engine.connect() as connection:
        for statement, parameters in seen:
            if statement.lstrip().upper().startswith("SELECT"):
                rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
                found += [row[3] for row in rows]
    return found


def walks(plan: list[str], table: str) -> list[str]:
    """Steps that visit every row of ``table``: a scan of the table (a covering index is
    narrow enough), or a search by the tombstone flag alone."""
    every = re.compile(rf"SCAN {table}\b(?!.*COVERING INDEX)|SEARCH {table} .*\(deleted=\?\)$")
    return [step for step in plan if every.match(step)]


@pytest.mark.parametrize("name, action", [
    ("opening a case", lambda s: (get_case(s, CASE.id), asks.list_asks(s, case_id=CASE.id))),
    ("a matrix cell's asks", lambda s: dashboard.last_asks(s, CASE.id, ORG.id)),
    ("a block of matrix cells", lambda s: dashboard.matrix_cells(s, [CASE.id])),
    ("overdue follow-ups", lambda s: (asks.overdue_ask_ids(s, TODAY),
                                      asks.overdue_count(s, TODAY))),
    ("the dashboard", lambda s: (dashboard.counts(s, TODAY, s.info["clock"]()),
                                 dashboard.matrix(s, TODAY))),
    ("not raised by one government", lambda s: (
        dashboard.not_raised_since(s, TODAY, 90, government_id=ORG.id),
        dashboard.counts(s, TODAY, s.info["clock"](), government_id=ORG.id))),
    ("the matrix sorted by one government", lambda s: dashboard.matrix(s, TODAY,
                                                                      sort_by=ORG.id)),
])
def test_no_click_walks_every_ask(vault, store, name, action):
    store(ORG, CASE, ASK)
    plan = plans(vault, action)
    assert plan, name
    assert walks(plan, "asks") == [] and walks(plan, "ask_cases") == [], (name, plan)


def test_the_asks_list_reads_live_asks_in_date_order_from_one_index(vault, store):
    store(ORG, CASE, ASK)
    with vault.session() as session:
        plan = [row[3] for row in session.execute(text(
            "EXPLAIN QUERY PLAN SELECT rowid FROM asks WHERE deleted = 0 "
            "ORDER BY date_sort DESC"))]
    assert plan == ["SCAN asks USING COVERING INDEX ix_asks_live_date_sort"]


def test_the_asks_text_filter_scans_its_index_not_the_table(vault, store):
    store(ORG, CASE, ASK)
    plan = []
    with vault.session() as session:
        for where in (AskFilter(text="2025", channels=["letter"]), AskFilter(text="w")):
            params: dict = {}
            for query in ask_pages._text_matches(session, where.text, where, params):
                plan += [row[3] for row in session.execute(
                    text(f"EXPLAIN QUERY PLAN {query}"), params)]
    scans = [step for step in plan if step.startswith("SCAN asks")]
    assert scans and all("COVERING INDEX ix_asks_live_filter" in step for step in scans), plan


def test_the_calendar_reads_held_cases_and_their_events_from_indexes_only(vault, store):
    held = Case(id=new_id(), display_name="Held", status=Status.RSDL,
                status_since=FuzzyDate.parse("2025-07-01"))  # its limit: 1 January 2026
    store(ORG, CASE, ASK, held)
    plan = plans(vault, lambda s: (calendar.moments(s, TODAY, TODAY + timedelta(days=90)),
                                   dashboard.held_cases(s)))
    steps = [step for step in plan if re.match(r"(SCAN|SEARCH) (cases|events|e)\b", step)]
    assert {step.split(" USING ")[-1] for step in steps} == {
        "COVERING INDEX ix_cases_detention (status=? AND deleted=?)",
        "COVERING INDEX ix_events_detention (case_id=?)"}, plan
