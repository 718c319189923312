# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The advocacy calendar: one moment of each kind from the records that make it, none from
deleted records or closed cases, fuzzy dates on their first day; the dashboard tile; the
cases suggested for "Prepare…"."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
import sqlalchemy
from calendar_world import World, build
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import rules
from app.domain.dates import FuzzyDate
from app.domain.enums import DETAINED_STATUSES, Consent, EventKind, Status
from app.domain.model import Case, Event
from app.errors import UserError
from app.services import calendar, cases, dashboard
from app.services.calendar import MomentKind, RecordKind

TODAY = date(2026, 3, 1)  # the services' fixed clock (conftest START)


@pytest.fixture(scope="module")
def world(module_vault) -> World:
    with module_vault.session() as session:
        return build(session, TODAY)


@pytest.fixture(scope="module")
def found(module_vault, world) -> list[calendar.Moment]:
    with module_vault.session() as session:
        return calendar.moments(session, TODAY, TODAY + timedelta(days=90))


def _d(n: int) -> date:
    return TODAY + timedelta(days=n)


def _by(found, kind: MomentKind) -> list[calendar.Moment]:
    return [m for m in found if m.kind is kind]


def test_moments_are_ordered_by_date(found):
    assert found, "the world gives moments"
    assert [m.on for m in found] == sorted(m.on for m in found)


def test_an_encounter_spans_its_days_with_its_governments_and_the_cases_raised_at_it(
        found, world):
    (visit,) = [m for m in _by(found, MomentKind.ENCOUNTER) if m.record_id == world.encounter]
    assert (visit.on, visit.last, visit.approximate) == (_d(9), _d(11), False)
    assert visit.record_kind is RecordKind.ENCOUNTER
    assert visit.title == "Encounter" and visit.detail == "State visit"
    assert visit.government_ids == (world.gov, world.gov2)
    assert set(visit.case_ids) == {world.public_case, world.rsdl_case}
    assert visit.subject == "Chancellor visits Beijing"


def test_a_fuzzy_encounter_is_on_its_first_day_and_approximate(found, world):
    (upr,) = [m for m in found if m.record_id == world.fuzzy_encounter]
    assert upr.on == world.fuzzy_month and upr.approximate
    assert upr.last.month == world.fuzzy_month.month and (upr.last + timedelta(days=1)).day == 1


def test_a_meeting_falls_on_its_local_day(found, world):
    (meeting,) = _by(found, MomentKind.MEETING)
    assert meeting.record_id == world.meeting and meeting.on == _d(2)
    assert meeting.government_ids == (world.gov,) and meeting.case_ids == (world.public_case,)
    assert meeting.starts_at is not None and meeting.starts_at.hour == 10


def test_open_follow_ups_are_due_and_answered_ones_are_not(found, world):
    due = {m.record_id: m for m in _by(found, MomentKind.FOLLOW_UP_DUE)}
    assert set(due) == {world.follow_up, world.un_answered, world.ours_ask}
    assert due[world.follow_up].on == _d(19)
    assert due[world.follow_up].government_ids == (world.gov,)
    assert due[world.follow_up].case_ids == (world.public_case,)
    assert due[world.follow_up].record_kind is RecordKind.ASK
    # Our organisation's ask concerns the government it was raised with, never us.
    assert due[world.ours_ask].government_ids == (world.gov,)
    assert world.closed_follow_up not in due  # a later ask by the same government answered it


def test_an_unanswered_un_communication_gives_its_reply_deadline(found, world):
    (un,) = _by(found, MomentKind.UN_REPLY_DUE)
    assert un.record_id == world.un_open and un.title == "UN reply due"
    assert un.on == world.fuzzy_month and un.approximate  # "YYYY-MM": its first day
    assert un.government_ids == (world.un,) and un.case_ids == (world.private_case,)


def test_legal_time_limits_of_people_still_held(found, world):
    limits = {(m.record_id, m.sub_kind): m for m in _by(found, MomentKind.TIME_LIMIT)}
    assert set(limits) == {(world.rsdl_case, "rsdl_beyond_six_months"),
                           (world.fuzzy_case, "held_past_sentence")}
    rsdl = limits[(world.rsdl_case, "rsdl_beyond_six_months")]
    assert rsdl.on == world.rsdl_deadline and not rsdl.approximate
    assert rsdl.detail == "RSDL six-month limit" and rsdl.record_kind is RecordKind.CASE
    sentence = limits[(world.fuzzy_case, "held_past_sentence")]
    # A sentence ending "YYYY-MM" is counted to the month's last day, as the rules count it.
    assert sentence.approximate and sentence.on.month == world.fuzzy_month.month
    assert (sentence.on + timedelta(days=1)).day == 1


def test_anniversaries_of_people_still_held(found, world):
    got = {(m.record_id, m.detail) for m in _by(found, MomentKind.ANNIVERSARY)}
    assert (world.public_case, "2 years") in got
    assert (world.private_case, "1,000 days") in got
    assert (world.unknown_case, "100 days") in got
    assert (world.dnr_case, "1 year") in got
    assert (world.fuzzy_case, "3 years") in got
    on = {(m.record_id, m.detail): m for m in _by(found, MomentKind.ANNIVERSARY)}
    assert on[(world.public_case, "2 years")].on == _d(9)
    assert on[(world.private_case, "1,000 days")].count == 1000
    assert on[(world.fuzzy_case, "3 years")].approximate
    assert not on[(world.public_case, "2 years")].approximate


def test_closed_cases_and_deleted_records_give_no_moment(found, world):
    gone = {world.released_case, world.deceased_case, world.deleted_case, world.deleted_ask,
            world.deleted_encounter, world.deleted_meeting, world.cancelled_meeting,
            world.far_encounter}
    assert not gone & {m.record_id for m in found}
    assert not {world.deleted_case} & {c for m in found for c in m.case_ids}


def test_a_case_deleted_later_leaves_the_moments_that_named_it(vault):
    with vault.session() as session:
        world = build(session, TODAY)
    with vault.session() as session:
        cases.delete_case(session, world.rsdl_case)
    with vault.session() as session:
        found = calendar.moments(session, TODAY, _d(90))
    assert all(world.rsdl_case not in m.case_ids and m.record_id != world.rsdl_case
               for m in found)
    (visit,) = [m for m in found if m.record_id == world.encounter]
    assert visit.case_ids == (world.public_case,)


def test_a_range_holds_what_overlaps_it(module_vault, world):
    with module_vault.session() as session:
        day = calendar.moments(session, _d(10), _d(10))
        assert [m.record_id for m in day] == [world.encounter]  # +9..+11
        month = calendar.moments(session, world.fuzzy_month + timedelta(days=3),
                                 world.fuzzy_month + timedelta(days=3))
        assert {world.fuzzy_encounter, world.un_open} <= {m.record_id for m in month}
        later = calendar.moments(session, _d(200), _d(300))  # only milestones that far out
        assert {m.kind for m in later} == {MomentKind.ANNIVERSARY}


def test_a_range_that_ends_before_it_starts_is_refused(module_vault, world):
    with module_vault.session() as session, pytest.raises(UserError):
        calendar.moments(session, _d(5), _d(4))
    with module_vault.session() as session, pytest.raises(UserError):
        calendar.moments(session, TODAY, _d(calendar.MAX_DAYS + 1))


def test_the_dashboard_tile_counts_each_kind_in_the_next_30_days(module_vault, world):
    with module_vault.session() as session:
        tile = calendar.upcoming(session, TODAY)
        everything = calendar.moments(session, TODAY, _d(30))
    assert (tile.start, tile.end) == (TODAY, _d(30))
    assert tile.moments == everything
    assert list(tile.counts) == list(MomentKind)
    assert sum(tile.counts.values()) == len(tile.moments)
    assert tile.counts[MomentKind.MEETING] == 1
    assert tile.counts[MomentKind.ENCOUNTER] == 1  # the fuzzy one is after +30 days
    assert tile.counts[MomentKind.UN_REPLY_DUE] == 0


def test_names_of_the_cases_and_governments_concerned(module_vault, world, found):
    with module_vault.session() as session:
        names = calendar.names_of(session, found)
    assert names.cases[world.public_case].name_original == "王全璋"
    assert names.cases[world.dnr_case].consent is Consent.DO_NOT_RAISE
    assert names.governments[world.gov] == "Federal Foreign Office"
    assert world.deleted_case not in names.cases


def test_suggested_cases_are_those_the_government_has_not_raised(module_vault, world):
    with module_vault.session() as session:
        never = calendar.suggested_cases(session, world.gov, 50, today=TODAY)
        lately = calendar.suggested_cases(session, world.gov, 50, today=TODAY, within_days=20)
        first_two = calendar.suggested_cases(session, world.gov, 2, today=TODAY)
        by_anyone = calendar.suggested_cases(session, None, 50, today=TODAY)
    ids = [c.id for c in never]
    # Germany raised the public case (and the do-not-raise one); released, deceased and
    # do-not-raise cases are never suggested.
    assert world.public_case not in ids
    assert not {world.released_case, world.deceased_case, world.dnr_case,
                world.deleted_case} & set(ids)
    assert {world.rsdl_case, world.fuzzy_case, world.private_case, world.unknown_case} \
        == set(ids)
    assert all(c.last_raised is None for c in never)
    # Stalest first: never raised by anyone before those Sweden raised at the visit.
    assert ids.index(world.rsdl_case) == len(ids) - 1
    assert [c.id for c in first_two] == ids[:2]
    # Within 20 days: Germany's ask on the public case 30 days ago makes it stale again,
    # after every case Germany never raised.
    assert [c.id for c in lately][-1] == world.public_case
    assert lately[-1].last_raised == _d(-30)
    assert all(c.status not in (Status.RELEASED, Status.DECEASED) for c in by_anyone)
    assert world.public_case not in {c.id for c in by_anyone}  # raised by someone lately


# -- the pre-filter: it may keep too many held cases, never too few -----------------------------

# The tables the calendar's query reads, in plain SQLite (its SQL is builtins only).
_DB = sqlalchemy.create_engine("sqlite://")
with _DB.begin() as _c:
    _c.execute(sqlalchemy.text(
        "CREATE TABLE cases (id TEXT, display_name TEXT, status TEXT, status_since TEXT, "
        "sentence_ends TEXT, detention_start TEXT, deleted BOOLEAN)"))
    _c.execute(sqlalchemy.text("CREATE TABLE events (id TEXT, case_id TEXT, position INTEGER, "
                               "kind TEXT, date TEXT, deleted BOOLEAN)"))


def _fuzzy(data, start: date, end: date) -> FuzzyDate:
    """A date anywhere, or on the edge of a milestone or limit falling on ``start`` or
    ``end`` (where a pre-filter that is off by a day drops a case)."""
    edge = data.draw(st.sampled_from([start, end]))
    near = data.draw(st.integers(-4, 4))
    way = data.draw(st.sampled_from(["any", "days", "years", "months", "29 February"]))
    if way == "days":
        day = edge - timedelta(days=data.draw(st.sampled_from([100, 1000, 3000])) + near)
    elif way == "years":
        day = rules.add_months(edge, -12 * data.draw(st.integers(1, 20))) + timedelta(near)
    elif way == "months":
        day = rules.add_months(edge, -rules.RSDL_LIMIT_MONTHS) + timedelta(near)
    elif way == "29 February":
        day = date(data.draw(st.sampled_from(range(1980, 2040, 4))), 2, 29)
    else:
        day = data.draw(st.dates(date(1980, 1, 1), date(2042, 12, 31)))
    precision = data.draw(st.sampled_from(["day", "day", "month", "year"]))
    return FuzzyDate(day.year, day.month if precision != "year" else None,
                     day.day if precision == "day" else None, data.draw(st.booleans()))


# Days where months and years turn: 29 February, and the month ends add_months clamps to.
_EDGES = [date(year, month, day) for year in (2027, 2028) for month, day in
          ((1, 1), (2, 28), (3, 1), (8, 28), (8, 31), (12, 31))] + [date(2028, 2, 29)]


@settings(max_examples=1000, deadline=None)
@given(start=st.dates(date(1990, 1, 1), date(2040, 12, 31)) | st.sampled_from(_EDGES),
       length=st.sampled_from([0, 1, 30, 90, 183, 364]) | st.integers(0, 800),
       status=st.sampled_from(sorted(DETAINED_STATUSES)), data=st.data())
def test_the_pre_filter_never_drops_a_case_with_a_moment_in_range(start, length, status, data):
    end = start + timedelta(days=length)
    since = _fuzzy(data, start, end) if data.draw(st.booleans()) else None
    ends = _fuzzy(data, start, end) if data.draw(st.booleans()) else None
    kinds = st.sampled_from([EventKind.DETAINED, EventKind.RSDL_BEGAN, EventKind.RELEASED])
    timeline = [(data.draw(kinds), _fuzzy(data, start, end))
                for _ in range(data.draw(st.integers(0, 3)))]
    events = tuple(Event(id=f"e{n}", date=when, kind=kind, title="")
                   for n, (kind, when) in enumerate(timeline))
    stored = rules.detention_start(SimpleNamespace(status=status, status_since=since,
                                                   sentence_ends=ends, events=events))
    # The case as dashboard.held_cases builds it from the stored row and the RSDL events.
    light = tuple(e for e in events if e.kind is not EventKind.DETAINED)
    if stored:
        light += (Event(id="start", date=stored, kind=EventKind.DETAINED, title=""),)
    held = dashboard.HeldCase("id", "", status, since, ends,
                              light if status is Status.RSDL else light[-1:] if stored else ())
    has_moment = bool(rules.anniversaries(held, start, length)) or any(
        start <= b.deadline <= end
        for b in rules.time_limit_breaches(held, end + timedelta(days=1)))
    with _DB.begin() as connection:
        connection.execute(sqlalchemy.text("DELETE FROM cases"))
        connection.execute(sqlalchemy.text("DELETE FROM events"))
        connection.execute(sqlalchemy.text(
            "INSERT INTO cases VALUES ('id', '', :status, :since, :ends, :start, 0)"),
            {"status": status.value, "ends": str(ends) if ends else None,
             "start": str(stored) if stored else None, "since": str(since) if since else None})
        for n, event in enumerate(events):
            connection.execute(sqlalchemy.text(
                "INSERT INTO events VALUES (:id, 'id', :n, :kind, :date, 0)"),
                {"id": event.id, "n": n, "kind": event.kind.value, "date": str(event.date)})
        kept = connection.execute(calendar._candidates(start, end)).all()
    if has_moment:
        assert kept


@pytest.mark.parametrize(("status", "since", "start", "end"), [
    (Status.SENTENCED, "2024-02-29", date(2027, 3, 1), date(2027, 3, 31)),  # years on 1 March
    (Status.RSDL, "2026-08-31", date(2027, 2, 28), date(2027, 2, 28)),  # limit: 28 February
    (Status.RSDL, "2026-08-29", date(2027, 2, 28), date(2027, 2, 28)),
    (Status.MISSING, "2024-05", date(2027, 2, 25), date(2027, 2, 25)),  # 1,000 days from 31 May
    (Status.MISSING, "2026~", date(2027, 4, 10), date(2027, 4, 10)),  # 100 days from 31 December
])
def test_the_pre_filter_keeps_the_edges(status, since, start, end):
    held = dashboard.HeldCase("id", "", status, FuzzyDate.parse(since), None, ())
    assert rules.anniversaries(held, start, (end - start).days) or any(
        start <= b.deadline <= end for b in rules.time_limit_breaches(held, end + timedelta(1)))
    with _DB.begin() as connection:
        connection.execute(sqlalchemy.text("DELETE FROM cases"))
        connection.execute(sqlalchemy.text("DELETE FROM events"))
        connection.execute(sqlalchemy.text(
            "INSERT INTO cases VALUES ('id', '', :status, :since, NULL, :since, 0)"),
            {"status": status.value, "since": since})
        assert connection.execute(calendar._candidates(start, end)).all()


# -- anniversaries: the calendar's are those the rules give each held case ---------------------

_STARTS = ["2016-02-29", "2024-02-29", "2024-02", "2020-02", "2019", "2019~", "2020-12-31",
           "2020-12-31~", "2021-01-01", "2023-12", "2018-03-01", "2017-06-15", "2026-09-22",
           "2026-11-20", "2023-05-06", "2021-04-09", "2012-08-31", "2008-12-08", "2026-01"]
_RANGES = [(date(2026, 12, 20), date(2027, 1, 10)),  # over New Year
           (date(2027, 2, 25), date(2027, 3, 2)),  # 29 February's years end on 1 March
           (date(2028, 2, 27), date(2028, 3, 1)),  # and on 29 February in leap years
           (date(2027, 12, 31), date(2028, 1, 1)),
           (TODAY, TODAY + timedelta(days=90)), (TODAY, TODAY + timedelta(days=365)),
           (TODAY, TODAY + timedelta(days=800)), (date(2027, 3, 1), date(2027, 3, 1))]


def test_the_calendars_anniversaries_are_those_of_the_rules_case_by_case(vault):
    with vault.session() as session:
        ids = []
        for n, since in enumerate(_STARTS):
            case_id = cases.new_id()
            status = sorted(DETAINED_STATUSES)[n % len(DETAINED_STATUSES)]
            events = () if n % 3 else (Event(id=cases.new_id(), date=FuzzyDate.parse(since),
                                             kind=EventKind.DETAINED, title=""),)
            cases.save_case(session, Case(
                id=case_id, display_name=f"Person {n}", status=status,
                status_since=FuzzyDate.parse(since) if not events or n % 2 else None,
                events=events), new=True)
            ids.append(case_id)
        session.commit()
        for start, end in _RANGES:
            found = {(m.record_id, m.on, m.sub_kind, m.count, m.approximate, m.detail)
                     for m in calendar.moments(session, start, end)
                     if m.kind is MomentKind.ANNIVERSARY}
            expected = {(case_id, a.on, a.kind.value, a.count,
                         a.start.approximate or a.start.precision.value != "day",
                         f"{a.count:,} days" if a.kind is rules.AnniversaryKind.DAYS else
                         "1 year" if a.count == 1 else f"{a.count} years")
                        for case_id in ids
                        for a in rules.anniversaries(cases.get_case(session, case_id), start,
                                                     (end - start).days)}
            assert found == expected, (start, end)
            assert expected or end == start
