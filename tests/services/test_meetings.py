# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Meetings: ordered cases to raise, time zones, what is upcoming, and outcomes become asks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from app.domain.dates import FuzzyDate
from app.domain.enums import Channel, MeetingStatus, OrganisationKind, Request, Response
from app.domain.model import Case, Meeting, MeetingCase, Official, Organisation
from app.errors import UserError
from app.services import dashboard
from app.services.asks import list_asks
from app.services.cases import delete_case, new_id
from app.services.meetings import (
    Outcome,
    Raised,
    delete_meeting,
    get_meeting,
    list_meetings,
    record_outcome,
)
from app.vault.tables import AskRow, MeetingRow

NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
BEIJING = timezone(timedelta(hours=8))
BERLIN = timezone(timedelta(hours=1))

GERMANY = Organisation(id=new_id(), name="Germany", country="DE",
                       kind=OrganisationKind.GOVERNMENT)
MFA = Organisation(id=new_id(), name="Ministry of Foreign Affairs", country="CN",
                   kind=OrganisationKind.DETAINING_AUTHORITY)
DIRECTOR = Official(id=new_id(), name="Jana Roth", title="Director for Asia",
                    organisation_id=GERMANY.id)
DEPUTY = Official(id=new_id(), name="Paul Kern", organisation_id=GERMANY.id)
COUNTERPART = Official(id=new_id(), name="Director-General Sun", organisation_id=MFA.id)
WANG, CHEN, NURGUL = (Case(id=new_id(), display_name=n)
                      for n in ("Wang Lizhang", "Chen Meiling", "Nurgul Hesen"))


@pytest.fixture
def people(store):
    store(GERMANY, MFA, DIRECTOR, DEPUTY, COUNTERPART, WANG, CHEN, NURGUL)


def consultation(**changes) -> Meeting:
    meeting = Meeting(
        id=new_id(), title="Human-rights consultation", starts_at=datetime(2026, 3, 10, 14, 30,
                                                                          tzinfo=BERLIN),
        location="Auswärtiges Amt, Berlin", organisation_id=GERMANY.id,
        official_ids=(DIRECTOR.id, DEPUTY.id), agenda="Ahead of the dialogue in Beijing",
        status=MeetingStatus.PLANNED,
        cases=(MeetingCase(NURGUL.id, "Proof of life", "Eight years without news; 母亲病重"),
               MeetingCase(WANG.id, "Release", "Sentence ended in 2020"),
               MeetingCase(CHEN.id)),
        outcome=None)
    return replace(meeting, **changes)


def count(vault, table) -> int:
    with vault.session() as session:
        return session.scalar(select(func.count()).select_from(table))


def fetch(vault, meeting_id: str) -> Meeting:
    with vault.session() as session:
        return get_meeting(session, meeting_id)


def test_a_meeting_round_trips_with_its_cases_in_order(vault, store, people):
    meeting = consultation()
    store(meeting)

    back = fetch(vault, meeting.id)

    assert back == meeting
    assert [c.case_id for c in back.cases] == [NURGUL.id, WANG.id, CHEN.id]
    assert back.starts_at.utcoffset() == timedelta(hours=1)

    reordered = replace(meeting, cases=(meeting.cases[2], meeting.cases[0]))
    store(reordered)
    assert fetch(vault, meeting.id).cases == reordered.cases


def test_a_bare_meeting_round_trips(vault, store):
    meeting = Meeting(id=new_id(), title="Call", starts_at=NOW)
    store(meeting)
    assert fetch(vault, meeting.id) == meeting


@pytest.mark.parametrize(("changes", "message"), [
    ({"cases": (MeetingCase(WANG.id, "Release"), MeetingCase(WANG.id, "Access"))}, "twice"),
    ({"starts_at": datetime(2026, 3, 10, 14, 30)}, "time zone"),
    ({"title": "  "}, "title"),
    ({"cases": (MeetingCase(new_id()),)}, "No case"),
    ({"organisation_id": new_id()}, "No organisation"),
    ({"official_ids": (DIRECTOR.id, new_id())}, "No official"),
])
def test_bad_meetings_are_refused_and_nothing_is_written(vault, store, people, changes,
                                                         message):
    with pytest.raises(UserError, match=message):
        store(consultation(**changes))
    assert count(vault, MeetingRow) == 0


def test_a_deleted_case_cannot_be_put_on_the_agenda(vault, store, people):
    with vault.session() as session:
        delete_case(session, CHEN.id)
    with pytest.raises(UserError, match="No case"):
        store(consultation())


def test_upcoming_means_planned_and_not_yet_started_in_utc(vault, store):
    soon = Meeting(id=new_id(), title="soon", starts_at=NOW + timedelta(hours=1))
    exactly_now = Meeting(id=new_id(), title="now", starts_at=NOW.astimezone(BEIJING),
                          status=MeetingStatus.PLANNED)
    later = Meeting(id=new_id(), title="later", starts_at=datetime(2026, 4, 1, tzinfo=BERLIN))
    # 10:00 in Beijing is 02:00 UTC: already over at 09:00 UTC, whatever the wall reads.
    earlier_today = Meeting(id=new_id(), title="earlier today",
                            starts_at=datetime(2026, 3, 1, 10, 0, tzinfo=BEIJING))
    past = Meeting(id=new_id(), title="past", starts_at=NOW - timedelta(days=30),
                   status=MeetingStatus.HELD)
    cancelled = Meeting(id=new_id(), title="cancelled", starts_at=NOW + timedelta(days=3),
                        status=MeetingStatus.CANCELLED)
    held_early = Meeting(id=new_id(), title="held", starts_at=NOW + timedelta(days=4),
                         status=MeetingStatus.HELD)
    store(later, soon, past, cancelled, earlier_today, exactly_now, held_early)

    with vault.session() as session:
        upcoming = [m.title for m in list_meetings(session, upcoming_from=NOW)]
        everything = [m.title for m in list_meetings(session)]
        assert [m.title for m in dashboard.upcoming_meetings(session, NOW)] == upcoming

    assert upcoming == ["now", "soon", "later"]
    assert everything == ["later", "held", "cancelled", "soon", "now", "earlier today", "past"]


def test_delete_meeting_hides_it(vault, store, people):
    meeting = consultation()
    store(meeting)
    with vault.session() as session:
        delete_meeting(session, meeting.id)
    with vault.session() as session:
        assert list_meetings(session) == []
        assert session.get(MeetingRow, meeting.id).deleted
        with pytest.raises(UserError, match="No meeting"):
            get_meeting(session, meeting.id)
        with pytest.raises(UserError, match="No meeting"):
            delete_meeting(session, meeting.id)


def test_recording_the_outcome_creates_one_ask_per_case_raised(vault, store, people):
    meeting = consultation()
    store(meeting)
    outcome = Outcome(
        raised=(Raised(NURGUL.id, (Request.PROOF_OF_LIFE, Request.FAMILY_ACCESS),
                       Response.PROMISE, "Will ask Beijing", FuzzyDate.parse("2026-04")),
                Raised(WANG.id, (Request.RELEASE,))),
        raised_with_official_id=COUNTERPART.id, raised_with_organisation_id=MFA.id,
        summary="Both cases raised; Chen left for next time.")

    with vault.session() as session:
        ids = record_outcome(session, meeting.id, outcome)

    assert len(ids) == 2 and count(vault, AskRow) == 2
    with vault.session() as session:
        views = {v.ask.id: v for v in list_asks(session)}
        held = get_meeting(session, meeting.id)
        upcoming = list_meetings(session, upcoming_from=NOW)
        grid = dashboard.matrix(session, date(2026, 3, 20))
    first, second = views[ids[0]].ask, views[ids[1]].ask
    assert first.case_ids == (NURGUL.id,) and second.case_ids == (WANG.id,)
    for ask in (first, second):
        assert ask.date == FuzzyDate(2026, 3, 10)
        assert ask.raised_by_organisation_id == GERMANY.id
        assert ask.raised_with_official_id == COUNTERPART.id
        assert ask.raised_with_organisation_id == MFA.id
        assert ask.channel == Channel.BILATERAL_MEETING and ask.public is False
        assert views[ask.id].government_id == GERMANY.id
    assert first.requests == (Request.PROOF_OF_LIFE, Request.FAMILY_ACCESS)
    assert (first.response, first.response_text, first.follow_up_due) == (
        Response.PROMISE, "Will ask Beijing", FuzzyDate.parse("2026-04"))
    assert second.response is None and second.follow_up_due is None
    assert held.status == MeetingStatus.HELD
    assert held.outcome == outcome.summary
    assert held.cases == meeting.cases
    assert upcoming == []
    assert grid.cells[(NURGUL.id, GERMANY.id)] == dashboard.Cell(date(2026, 3, 10), 1)
    assert grid.cells[(WANG.id, GERMANY.id)] == dashboard.Cell(date(2026, 3, 10), 1)
    assert (CHEN.id, GERMANY.id) not in grid.cells


def test_the_ask_date_is_the_meetings_local_day(vault, store, people):
    # 00:30 on 11 March in Beijing is still 10 March in UTC: the ask is dated as it happened.
    meeting = consultation(starts_at=datetime(2026, 3, 11, 0, 30, tzinfo=BEIJING))
    store(meeting)
    with vault.session() as session:
        (ask_id,) = record_outcome(session, meeting.id, Outcome((Raised(WANG.id),)))
    with vault.session() as session:
        assert list_asks(session)[0].ask.date == FuzzyDate(2026, 3, 11)
        assert list_asks(session)[0].ask.id == ask_id


def test_a_meeting_with_officials_only_raises_through_the_first_official(vault, store, people):
    meeting = consultation(organisation_id=None)
    store(meeting)
    with vault.session() as session:
        record_outcome(session, meeting.id, Outcome((Raised(CHEN.id),)))
    with vault.session() as session:
        (view,) = list_asks(session, government_id=GERMANY.id)
    assert view.ask.raised_by_official_id == DIRECTOR.id
    assert view.ask.raised_by_organisation_id is None


@pytest.mark.parametrize(("meeting_changes", "raised", "message"), [
    ({}, (), "at least one case"),
    ({"organisation_id": None, "official_ids": ()}, (Raised(WANG.id),), "government or official"),
    ({}, (Raised(WANG.id), Raised(new_id())), "No case"),
])
def test_a_bad_outcome_changes_nothing(vault, store, people, meeting_changes, raised, message):
    meeting = consultation(**meeting_changes)
    store(meeting)

    with pytest.raises(UserError, match=message), vault.session() as session:
        record_outcome(session, meeting.id, Outcome(raised))

    assert count(vault, AskRow) == 0
    assert fetch(vault, meeting.id) == meeting


def test_the_outcome_of_an_unknown_meeting_is_refused(vault, store, people):
    with pytest.raises(UserError, match="No meeting"), vault.session() as session:
        record_outcome(session, new_id(), Outcome((Raised(WANG.id),)))


@pytest.mark.parametrize("status", [MeetingStatus.CANCELLED, MeetingStatus.HELD])
def test_an_outcome_is_recorded_once_and_never_for_a_cancelled_meeting(vault, store, people,
                                                                        status):
    meeting = consultation(status=status)
    store(meeting)
    with pytest.raises(UserError, match="cancelled|already recorded"), \
            vault.session() as session:
        record_outcome(session, meeting.id, Outcome((Raised(CHEN.id),)))
    assert count(vault, AskRow) == 0


def test_the_detaining_states_official_never_raises_a_case(vault, store, people):
    meeting = consultation(organisation_id=None, official_ids=(COUNTERPART.id, DEPUTY.id))
    store(meeting)
    with vault.session() as session:
        record_outcome(session, meeting.id, Outcome((Raised(CHEN.id),)))
    with vault.session() as session:
        (view,) = list_asks(session, government_id=GERMANY.id)
    assert view.ask.raised_by_official_id == DEPUTY.id
