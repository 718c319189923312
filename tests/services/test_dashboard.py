# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The morning questions, on one hand-built vault with injected dates (every person invented).

TODAY is 1 March 2026. Who raised what:

    Germany   A1 2025-06-01 Wang (denied); A2 2026-01-15 by its ambassador: Wang and Nurgul,
              no answer, follow-up due 2026-02-01 (overdue); a deleted ask on Chen
    Sweden    A3 2025-09-01 Wang, follow-up due 2025-10-01, answered by A4 2025-11-01 Wang
              (follow-up due 2026-06-01); A6 2026-02-25 Erik, follow-up due today
    EU        A5 2024-03-10 Nurgul, follow-up due 2024-04 (overdue: Germany is not the EU)
    Canada    nothing (still a column); the UN body and the MFA: nothing (no columns)

Chen is released and Tashi is not to be raised: "not raised" lists leave them out unless
asked to include them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from app.domain import rules
from app.domain.dates import FuzzyDate
from app.domain.enums import (
    Consent,
    EventKind,
    MeetingStatus,
    OrganisationKind,
    Response,
    Status,
)
from app.domain.model import Ask, Case, Event, Meeting, Official, Organisation
from app.services import dashboard, directory
from app.services.asks import delete_ask
from app.services.cases import delete_case, get_case, new_id

TODAY = date(2026, 3, 1)
NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
D = FuzzyDate.parse


def org(name, country, kind=OrganisationKind.GOVERNMENT):
    return Organisation(id=new_id(), name=name, country=country, kind=kind)


GERMANY, SWEDEN, CANADA = org("Germany", "DE"), org("Sweden", "SE"), org("Canada", "CA")
EU = org("European Union", None, OrganisationKind.INTERGOVERNMENTAL)
WGAD = org("UN Working Group on Arbitrary Detention", None, OrganisationKind.INTERGOVERNMENTAL)
MFA = org("Ministry of Foreign Affairs", "CN", OrganisationKind.DETAINING_AUTHORITY)
FORMER = org("Former government", "XX")  # deleted below
AMBASSADOR = Official(id=new_id(), name="Karl Weiss", organisation_id=GERMANY.id)


def detained(when: str, kind=EventKind.DETAINED) -> tuple[Event, ...]:
    return (Event(id=new_id(), date=D(when), kind=kind, title=str(kind)),)


WANG = Case(id=new_id(), display_name="Wang Lizhang", status=Status.SENTENCED,
            sentence_ends=D("2020-04-05"), consent=Consent.PUBLIC, nationalities=("CN",),
            priority=1, events=detained("2015-07-10"))
NURGUL = Case(id=new_id(), display_name="Nurgul Hesen", status=Status.MISSING,
              status_since=D("2017-11"), consent=Consent.PRIVATE_ONLY,
              nationalities=("CN", "KZ"), priority=2)
TASHI = Case(id=new_id(), display_name="Tashi Tseten", status=Status.RSDL,
             consent=Consent.DO_NOT_RAISE, priority=1,
             events=detained("2025-06~", EventKind.RSDL_BEGAN))
ERIK = Case(id=new_id(), display_name="Erik Lind", status=Status.DETAINED_INCOMMUNICADO,
            consent=Consent.PUBLIC, nationalities=("SE",), priority=3,
            events=detained("2025-11-21"))  # 100 days on TODAY
LI = Case(id=new_id(), display_name="Li Na", status=Status.FORMALLY_ARRESTED,
          consent=Consent.PUBLIC, nationalities=("CN", "DE"),
          events=detained("2023-06-24", EventKind.ARRESTED))  # 1,000 days on 2026-03-20
ZHOU = Case(id=new_id(), display_name="Zhou Jun", status=Status.CRIMINAL_DETENTION,
            consent=Consent.UNKNOWN, nationalities=("CN",),
            events=detained("2025-03-15"))  # one year on 2026-03-15
CHEN = Case(id=new_id(), display_name="Chen Meiling", status=Status.RELEASED,
            sentence_ends=D("2019-01-01"), consent=Consent.PUBLIC, priority=1,
            events=detained("2018-03-07"))
GONE = Case(id=new_id(), display_name="Deleted person", status=Status.MISSING,
            status_since=D("2025-11-21"))


def ask(when, *cases, by=GERMANY, response=None, follow_up=None) -> Ask:
    who = ({"raised_by_official_id": by.id} if isinstance(by, Official)
           else {"raised_by_organisation_id": by.id})
    return Ask(id=new_id(), date=D(when), public=False, case_ids=tuple(c.id for c in cases),
               response=response, follow_up_due=D(follow_up) if follow_up else None, **who)


A1 = ask("2025-06-01", WANG, response=Response.DENIED)
A2 = ask("2026-01-15", WANG, NURGUL, by=AMBASSADOR, follow_up="2026-02-01")
A3 = ask("2025-09-01", WANG, by=SWEDEN, response=Response.NONE, follow_up="2025-10-01")
A4 = ask("2025-11-01", WANG, by=SWEDEN, response=Response.ACKNOWLEDGED,
         follow_up="2026-06-01")
A5 = ask("2024-03-10", NURGUL, by=EU, follow_up="2024-04")
A6 = ask("2026-02-25", ERIK, by=SWEDEN, follow_up="2026-03-01")
WITHDRAWN = ask("2026-02-01", CHEN, GONE)
UPCOMING = Meeting(id=new_id(), title="Consultation", starts_at=NOW + timedelta(days=9),
                   organisation_id=GERMANY.id, status=MeetingStatus.PLANNED)
HELD = Meeting(id=new_id(), title="Last round", starts_at=NOW - timedelta(days=60),
               organisation_id=GERMANY.id, status=MeetingStatus.HELD)
CASES = (WANG, NURGUL, TASHI, ERIK, LI, ZHOU, CHEN, GONE)


@pytest.fixture(scope="module")
def board(module_vault, save_into):
    save_into(module_vault, GERMANY, SWEDEN, CANADA, EU, WGAD, MFA, FORMER, AMBASSADOR, *CASES,
              A1, A2, A3, A4, A5, A6, WITHDRAWN, UPCOMING, HELD)
    with module_vault.session() as session:
        delete_ask(session, WITHDRAWN.id)
        delete_case(session, GONE.id)
        directory.delete_organisation(session, FORMER.id)
    with module_vault.session() as session:
        yield session


def names(items) -> list[str]:
    return [i.display_name for i in items]


# -- not raised ----------------------------------------------------------------------------


def test_not_raised_since_lists_the_stalest_first(board):
    found = dashboard.not_raised_since(board, TODAY, 30, all_cases=True)

    assert names(found) == ["Chen Meiling", "Li Na", "Tashi Tseten", "Zhou Jun",
                            "Nurgul Hesen", "Wang Lizhang"]
    assert [c.last_raised for c in found] == [None] * 4 + [date(2026, 1, 15)] * 2


def test_not_raised_leaves_out_released_deceased_and_do_not_raise_cases(board):
    assert names(dashboard.not_raised_since(board, TODAY, 30)) == [
        "Li Na", "Zhou Jun", "Nurgul Hesen", "Wang Lizhang"]  # not Chen, not Tashi


@pytest.mark.parametrize(("days", "expected"), [
    (90, ["Erik Lind", "Li Na", "Zhou Jun"]),  # Germany raised Wang and Nurgul 45 days ago
    (30, ["Erik Lind", "Li Na", "Zhou Jun", "Nurgul Hesen", "Wang Lizhang"]),
])
def test_not_raised_by_one_government(board, days, expected):
    found = dashboard.not_raised_since(board, TODAY, days, government_id=GERMANY.id)

    assert names(found) == expected
    assert found[-1].last_raised == (None if days == 90 else date(2026, 1, 15))  # Germany's
    assert dashboard.counts(board, TODAY, NOW, government_id=GERMANY.id)[
        "not_raised_90"] == 3


def test_not_raised_since_boundary(board):
    # Erik was raised 4 days ago: not stale at 4 days, stale at 3.
    assert "Erik Lind" not in names(dashboard.not_raised_since(board, TODAY, 4))
    assert names(dashboard.not_raised_since(board, TODAY, 3))[-1] == "Erik Lind"


def test_never_raised_ignores_deleted_asks(board):
    assert names(dashboard.never_raised(board, TODAY)) == ["Chen Meiling", "Li Na",
                                                           "Tashi Tseten", "Zhou Jun"]


# -- the case × government matrix ----------------------------------------------------------


def test_matrix_cells_count_asks_per_case_and_government(board):
    grid = dashboard.matrix(board, TODAY)

    assert grid.cells == {
        (WANG.id, GERMANY.id): dashboard.Cell(date(2026, 1, 15), 2),  # one via the ambassador
        (NURGUL.id, GERMANY.id): dashboard.Cell(date(2026, 1, 15), 1),
        (WANG.id, SWEDEN.id): dashboard.Cell(date(2025, 11, 1), 2),
        (ERIK.id, SWEDEN.id): dashboard.Cell(date(2026, 2, 25), 1),
        (NURGUL.id, EU.id): dashboard.Cell(date(2024, 3, 10), 1),
    }


def test_matrix_columns_are_active_bodies_and_every_government(board):
    grid = dashboard.matrix(board, TODAY)

    # By name, not by activity: columns do not move as asks are logged.
    assert [g.name for g in grid.governments] == ["Canada", "European Union", "Germany",
                                                  "Sweden"]
    assert grid.governments[2] == dashboard.Government(GERMANY.id, "Germany", "DE")


def test_matrix_sorted_by_one_government_puts_its_never_raised_first(board):
    grid = dashboard.matrix(board, TODAY, sort_by=GERMANY.id)

    assert names(grid.cases) == ["Chen Meiling", "Li Na", "Tashi Tseten", "Zhou Jun",
                                 "Erik Lind", "Nurgul Hesen", "Wang Lizhang"]
    grid = dashboard.matrix(board, TODAY, sort_by=SWEDEN.id)
    assert names(grid.cases)[-2:] == ["Wang Lizhang", "Erik Lind"]


def test_matrix_rows_are_live_cases_stalest_first(board):
    grid = dashboard.matrix(board, TODAY)

    assert names(grid.cases) == ["Chen Meiling", "Li Na", "Tashi Tseten", "Zhou Jun",
                                 "Nurgul Hesen", "Wang Lizhang", "Erik Lind"]


def test_last_asks_behind_a_cell_newest_first(board):
    assert [v.ask.id for v in dashboard.last_asks(board, WANG.id, GERMANY.id)] == [A2.id, A1.id]
    assert [v.ask.id for v in dashboard.last_asks(board, WANG.id, SWEDEN.id)] == [A4.id, A3.id]
    assert dashboard.last_asks(board, CHEN.id, GERMANY.id) == []
    assert dashboard.last_asks(board, WANG.id, CANADA.id) == []


# -- follow-ups and meetings ---------------------------------------------------------------


def test_overdue_follow_ups(board):
    overdue = dashboard.overdue_follow_ups(board, TODAY)

    # A3 was followed by A4 (same government), A4 and A6 are not due yet (A6 is due today).
    assert [v.ask.id for v in overdue] == [A2.id, A5.id]
    assert overdue[0].government_id == GERMANY.id


def test_a_follow_up_is_due_the_day_after_its_last_possible_day(board):
    assert [v.ask.id for v in dashboard.overdue_follow_ups(board, date(2026, 3, 2))] == [
        A6.id, A2.id, A5.id]
    assert [v.ask.id for v in dashboard.overdue_follow_ups(board, date(2025, 10, 1))] == [
        A5.id]  # A3 due on 1 October is not yet overdue on 1 October


def test_a_later_ask_by_the_same_government_clears_the_follow_up(vault, store):
    store(GERMANY, SWEDEN, AMBASSADOR, WANG, NURGUL, A2)
    with vault.session() as session:
        assert [v.ask.id for v in dashboard.overdue_follow_ups(session, TODAY)] == [A2.id]

    store(ask("2026-02-10", WANG, NURGUL, by=SWEDEN))  # another government
    with vault.session() as session:
        assert [v.ask.id for v in dashboard.overdue_follow_ups(session, TODAY)] == [A2.id]

    store(ask("2026-02-10", WANG, NURGUL, by=GERMANY))  # the same government, by itself
    with vault.session() as session:
        assert dashboard.overdue_follow_ups(session, TODAY) == []


def test_upcoming_meetings(board):
    assert [m.id for m in dashboard.upcoming_meetings(board, NOW)] == [UPCOMING.id]
    assert dashboard.upcoming_meetings(board, NOW + timedelta(days=10)) == []


# -- time limits and anniversaries ---------------------------------------------------------


def test_time_limit_breaches_worst_first(board):
    found = dashboard.time_limit_breaches(board, TODAY)

    assert [(o.display_name, o.breach.kind) for o in found] == [
        ("Wang Lizhang", rules.BreachKind.HELD_PAST_SENTENCE),
        ("Tashi Tseten", rules.BreachKind.RSDL_BEYOND_SIX_MONTHS)]
    wang, tashi = found
    assert (wang.breach.deadline, wang.breach.days_over) == (
        date(2020, 4, 5), (TODAY - date(2020, 4, 5)).days)
    # "2025-06~" counts from 30 June: six months end on 30 December.
    assert (tashi.breach.counted_from, tashi.breach.deadline, tashi.breach.days_over) == (
        D("2025-06~"), date(2025, 12, 30), 61)


def test_no_rsdl_breach_before_six_months_have_certainly_passed(board):
    assert [o.display_name for o in dashboard.time_limit_breaches(board, date(2025, 12, 30))
            ] == ["Wang Lizhang"]


def test_anniversaries_in_a_window(board):
    found = dashboard.anniversaries(board, TODAY, within_days=31)

    assert [(m.display_name, m.anniversary.kind, m.anniversary.count, m.anniversary.on)
            for m in found] == [
        ("Erik Lind", rules.AnniversaryKind.DAYS, 100, date(2026, 3, 1)),
        ("Zhou Jun", rules.AnniversaryKind.YEARS, 1, date(2026, 3, 15)),
        ("Li Na", rules.AnniversaryKind.DAYS, 1000, date(2026, 3, 20)),
    ]
    assert [m.display_name for m in dashboard.anniversaries(board, TODAY, 14)] == [
        "Erik Lind", "Zhou Jun"]  # the window includes its last day
    assert [m.display_name for m in dashboard.anniversaries(board, TODAY, 13)] == [
        "Erik Lind"]
    assert dashboard.anniversaries(board, date(2026, 3, 2), 0) == []


# -- meeting brief -------------------------------------------------------------------------


def test_meeting_brief_for_germany(board):
    brief = dashboard.meeting_brief(board, GERMANY.id, TODAY)

    assert [(b.case.display_name, b.reasons) for b in brief] == [
        ("Li Na", ("citizen", "never_raised")),
        ("Wang Lizhang", ("unanswered", "priority")),
        ("Nurgul Hesen", ("unanswered",)),
        ("Erik Lind", ("never_raised",)),
        ("Zhou Jun", ("never_raised",)),
    ]
    assert brief[1].last_ask.ask.id == A2.id and brief[2].last_ask.ask.id == A2.id
    assert brief[0].last_ask is None


def test_meeting_brief_for_sweden_puts_its_citizen_first(board):
    brief = dashboard.meeting_brief(board, SWEDEN.id, TODAY)

    assert [(b.case.display_name, b.reasons) for b in brief] == [
        ("Erik Lind", ("citizen", "unanswered")),  # A6 has no response yet
        ("Nurgul Hesen", ("never_raised",)),
        ("Li Na", ("never_raised",)),
        ("Zhou Jun", ("never_raised",)),
        ("Wang Lizhang", ("priority",)),  # A4 was answered
    ]
    assert brief[-1].last_ask.ask.id == A4.id
    assert [b.case.display_name for b in dashboard.meeting_brief(board, SWEDEN.id, TODAY, 2)
            ] == ["Erik Lind", "Nurgul Hesen"]


@pytest.mark.parametrize("government", [GERMANY, SWEDEN, EU, CANADA])
def test_meeting_brief_never_suggests_a_do_not_raise_case(board, government):
    suggested = {b.case.id for b in dashboard.meeting_brief(board, government.id, TODAY)}

    assert TASHI.id not in suggested  # priority 1 and never raised, but "do not raise"
    assert GONE.id not in suggested


def test_counts(board):
    assert dashboard.counts(board, TODAY, NOW) == {
        "not_raised_90": 2,  # Li, Zhou (not Chen, released, nor Tashi, do not raise)
        "follow_ups_overdue": 2,
        "upcoming_meetings": 1,
        "past_time_limit": 2,
        "anniversaries_this_month": 3,
    }


# -- the light cases behind the dashboard agree with the full timeline --------------------


def _rsdl_cases() -> list[Case]:
    def case(name, *events, status=Status.RSDL, since=None):
        return Case(id=new_id(), display_name=name, status=status, status_since=since,
                    events=tuple(Event(id=new_id(), date=D(d), kind=k, title=str(k))
                                 for d, k in events))

    return [
        case("within six months", ("2025-11-01", EventKind.RSDL_BEGAN)),
        case("status date only", since=D("2025-01")),
        case("re-detained after a release", ("2019-01-01", EventKind.RSDL_BEGAN),
             ("2019-05-01", EventKind.RELEASED), ("2025-05-01", EventKind.RSDL_BEGAN)),
        case("released then taken the same day", ("2024-01-10", EventKind.DETAINED),
             ("2024-06-01", EventKind.RELEASED), ("2024-06-01", EventKind.DETAINED),
             ("2024-07-01", EventKind.RSDL_BEGAN)),
        case("released, RSDL the same day", ("2023-02-01", EventKind.RSDL_BEGAN),
             ("2024-09-12", EventKind.RELEASED), ("2024-09-12", EventKind.RSDL_BEGAN)),
        case("sentence over", ("2016", EventKind.DETAINED), status=Status.SENTENCED),
    ]


def test_dashboard_figures_match_the_rules_on_the_full_timeline(vault, store):
    made = _rsdl_cases()
    made[-1] = replace(made[-1], sentence_ends=D("2025-12"))
    # Enter the last events first, as a caseworker filling in a timeline backwards would.
    for case in made:
        store(replace(case, events=case.events[-1:]))
        store(case)
    today = date(2026, 3, 1)

    with vault.session() as session:
        full = [get_case(session, c.id) for c in made]
        breaches = dashboard.time_limit_breaches(session, today)
        milestones = dashboard.anniversaries(session, today, 400)
    expected_breaches = sorted(((c.id, b) for c in full for b in rules.time_limit_breaches(
        c, today)), key=lambda pair: -pair[1].days_over)
    expected_milestones = sorted(((c.id, a) for c in full for a in rules.anniversaries(
        c, today, 400)), key=lambda pair: pair[1].on)
    assert [(o.case_id, o.breach) for o in breaches] == expected_breaches
    assert sorted((m.case_id, m.anniversary.on, m.anniversary.count) for m in milestones) == (
        sorted((cid, a.on, a.count) for cid, a in expected_milestones))
    assert {o.case_id for o in breaches} == {made[1].id, made[2].id, made[3].id, made[4].id,
                                             made[5].id}


# -- what counts as raising a case ---------------------------------------------------------


def test_asks_by_our_organisation_and_ngos_are_not_a_government_raising(vault, store):
    ours = org("Our organisation", None, kind=None)  # no kind recorded: counts until chosen
    ngo = org("Another NGO", None, OrganisationKind.NGO)
    case = Case(id=new_id(), display_name="Wang Quanzhang", status=Status.SENTENCED)
    ambassador = Official(id=new_id(), name="Ambassador", organisation_id=GERMANY.id)
    met = Ask(id=new_id(), date=D("2026-02-20"), public=False, case_ids=(case.id,),
              raised_by_organisation_id=ours.id, raised_with_official_id=ambassador.id)
    store(GERMANY, ours, ngo, ambassador, case, met,
          replace(met, id=new_id(), raised_by_organisation_id=ngo.id))
    with vault.session() as session:
        assert names(dashboard.not_raised_since(session, TODAY, 90)) == []
        directory.set_our_organisation(session, ours.id)
    with vault.session() as session:  # we asked the German ambassador: Germany raised nothing
        assert names(dashboard.not_raised_since(session, TODAY, 90)) == ["Wang Quanzhang"]
        grid = dashboard.matrix(session, TODAY)
        assert [g.name for g in grid.governments] == ["Germany"] and grid.cells == {}
        directory.save_organisation(session, replace(ngo, kind=OrganisationKind.PARLIAMENT))
    with vault.session() as session:
        assert dashboard.not_raised_since(session, TODAY, 90) == []
        assert directory.our_organisation(session) == ours.id


def test_the_column_order_is_the_users_and_kept_in_the_vault(vault, store):
    store(GERMANY, SWEDEN, CANADA)
    with vault.session() as session:
        dashboard.set_column_order(session, [SWEDEN.id, GERMANY.id])
    with vault.session() as session:
        assert [g.name for g in dashboard.matrix(session, TODAY).governments] == [
            "Sweden", "Germany", "Canada"]  # one not placed yet: after, by name
        dashboard.set_column_order(session, [])
    with vault.session() as session:
        assert [g.name for g in dashboard.matrix(session, TODAY).governments] == [
            "Canada", "Germany", "Sweden"]
