# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Meetings: ordered cases to raise, time zones, what is upcoming, and outcomes become asks
raised by our organisation with the counterpart (never the counterpart raising the case)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from app.domain.dates import FuzzyDate
from app.domain.enums import Channel, MeetingStatus, OrganisationKind, Request, Response
from app.domain.model import Ask, Case, Meeting, MeetingCase, Official, Organisation
from app.errors import UserError
from app.services import dashboard, directory
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
OURS = Organisation(id=new_id(), name="Rights Watchers", kind=OrganisationKind.NGO)
AFTER = datetime(2026, 3, 11, 9, 0, tzinfo=UTC)  # the day after the consultation
WANG, CHEN, NURGUL = (Case(id=new_id(), display_name=n)
                      for n in ("Wang Lizhang", "Chen Meiling", "Nurgul Hesen"))


@pytest.fixture
def people(vault, store):
    store(GERMANY, MFA, OURS, DIRECTOR, DEPUTY, COUNTERPART, WANG, CHEN, NURGUL)
    with vault.session() as session:
        directory.set_our_organisation(session, OURS.id)


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


def test_recording_the_outcome_records_what_we_asked_the_counterpart(vault, store, people):
    meeting = consultation()
    store(meeting)
    outcome = Outcome(
        raised=(Raised(NURGUL.id, (Request.PROOF_OF_LIFE, Request.FAMILY_ACCESS),
                       "Proof of life", follow_up_due=FuzzyDate.parse("2026-04")),
                Raised(WANG.id, (Request.RELEASE,), response=Response.ACKNOWLEDGED,
                       response_text="Noted.")),
        summary="Both cases raised; Chen left for next time.")

    with vault.session() as session:
        ids = record_outcome(session, meeting.id, outcome, now=AFTER)

    assert len(ids) == 2 and count(vault, AskRow) == 2
    with vault.session() as session:
        views = {v.ask.id: v for v in list_asks(session)}
        held = get_meeting(session, meeting.id)
        upcoming = list_meetings(session, upcoming_from=NOW)
        grid = dashboard.matrix(session, date(2026, 3, 20))
        stale = {c.id for c in dashboard.not_raised_since(session, date(2026, 3, 20), 90)}
    first, second = views[ids[0]].ask, views[ids[1]].ask
    assert first.case_ids == (NURGUL.id,) and second.case_ids == (WANG.id,)
    for ask in (first, second):
        assert ask.date == FuzzyDate(2026, 3, 10)
        assert ask.raised_by_organisation_id == OURS.id  # we asked
        assert ask.raised_by_official_id is None
        assert ask.raised_with_organisation_id == GERMANY.id  # the counterpart met
        assert ask.raised_with_official_id == DIRECTOR.id  # the first official met
        assert ask.channel == Channel.BILATERAL_MEETING and ask.public is False
        assert not views[ask.id].counts  # counts for nobody
    assert first.requests == (Request.PROOF_OF_LIFE, Request.FAMILY_ACCESS)
    assert first.notes == "Proof of life"  # the planned ask, in our words
    assert first.follow_up_due == FuzzyDate.parse("2026-04")
    assert first.response is None
    assert (second.response, second.response_text) == (Response.ACKNOWLEDGED, "Noted.")
    assert second.follow_up_due is None
    assert held.status == MeetingStatus.HELD
    assert held.outcome == outcome.summary
    assert held.cases == meeting.cases
    assert upcoming == []
    # Germany raised nothing: the matrix and "not raised" are as before the meeting
    assert grid.cells == {}
    assert {NURGUL.id, WANG.id, CHEN.id} <= stale


def test_a_commitment_is_their_promise_with_a_follow_up_never_them_raising_it(vault, store,
                                                                              people):
    meeting = consultation()
    store(meeting)
    outcome = Outcome(raised=(
        Raised(NURGUL.id, (Request.PROOF_OF_LIFE,), "Proof of life",
               response_text="Will report back.",
               commitment="Raise it with the detaining state at the dialogue",
               follow_up_due=FuzzyDate.parse("2026-05-15")),
        Raised(WANG.id, commitment="  ")))

    with vault.session() as session:
        nurgul, wang = record_outcome(session, meeting.id, outcome, now=AFTER)
    with vault.session() as session:
        views = {v.ask.id: v for v in list_asks(session)}
        grid = dashboard.matrix(session, date(2026, 6, 1))
        overdue = [v.ask.id for v in dashboard.overdue_follow_ups(session, date(2026, 6, 1))]
        not_yet = dashboard.overdue_follow_ups(session, date(2026, 5, 15))
    promised = views[nurgul].ask
    assert promised.response == Response.PROMISE
    assert promised.response_text == ("Raise it with the detaining state at the dialogue\n"
                                      "Will report back.")
    assert promised.response_date == FuzzyDate(2026, 3, 10)
    assert promised.follow_up_due == FuzzyDate(2026, 5, 15)
    assert not views[nurgul].counts
    assert views[wang].ask.response is None  # blank is no commitment
    assert overdue == [nurgul] and not_yet == []
    assert (NURGUL.id, GERMANY.id) not in grid.cells


def test_a_commitment_with_another_response_is_refused(vault, store, people):
    meeting = consultation()
    store(meeting)
    with pytest.raises(UserError, match="promise"), vault.session() as session:
        record_outcome(session, meeting.id, Outcome((Raised(
            WANG.id, response=Response.DENIED, commitment="Raise it"),)), now=AFTER)
    assert count(vault, AskRow) == 0


def test_without_our_organisation_nothing_is_guessed(vault, store, people):
    meeting = consultation()
    store(meeting)
    with vault.session() as session:
        directory.set_our_organisation(session, None)
    with pytest.raises(UserError, match="our organisation"), vault.session() as session:
        record_outcome(session, meeting.id, Outcome((Raised(WANG.id),)), now=AFTER)
    assert count(vault, AskRow) == 0
    assert fetch(vault, meeting.id) == meeting


def test_a_meeting_still_to_come_needs_confirmation(vault, store, people):
    meeting = consultation()
    store(meeting)
    before = datetime(2026, 3, 10, 13, 29, tzinfo=UTC)  # 14:29 in Berlin: a minute early
    with pytest.raises(UserError, match="not started yet"), vault.session() as session:
        record_outcome(session, meeting.id, Outcome((Raised(WANG.id),)), now=before)
    assert count(vault, AskRow) == 0
    assert fetch(vault, meeting.id) == meeting

    with vault.session() as session:
        record_outcome(session, meeting.id, Outcome((Raised(WANG.id),)), now=before,
                       confirmed_before_start=True)
    assert count(vault, AskRow) == 1
    assert fetch(vault, meeting.id).status == MeetingStatus.HELD


def test_a_meeting_that_started_needs_no_confirmation(vault, store, people):
    meeting = consultation()
    store(meeting)
    with vault.session() as session:
        record_outcome(session, meeting.id, Outcome((Raised(WANG.id),)),
                       now=meeting.starts_at)
    assert count(vault, AskRow) == 1


def test_the_ask_date_is_the_meetings_local_day(vault, store, people):
    # 00:30 on 11 March in Beijing is still 10 March in UTC: the ask is dated as it happened.
    meeting = consultation(starts_at=datetime(2026, 3, 11, 0, 30, tzinfo=BEIJING))
    store(meeting)
    with vault.session() as session:
        (ask_id,) = record_outcome(session, meeting.id, Outcome((Raised(WANG.id),)), now=AFTER)
    with vault.session() as session:
        assert list_asks(session)[0].ask.date == FuzzyDate(2026, 3, 11)
        assert list_asks(session)[0].ask.id == ask_id


def test_a_meeting_with_officials_only_is_with_the_first_official_and_their_body(
        vault, store, people):
    meeting = consultation(organisation_id=None, official_ids=(COUNTERPART.id, DEPUTY.id))
    store(meeting)
    with vault.session() as session:
        record_outcome(session, meeting.id, Outcome((Raised(CHEN.id),)), now=AFTER)
    with vault.session() as session:
        (view,) = list_asks(session)
    assert view.ask.raised_by_organisation_id == OURS.id
    assert view.ask.raised_with_official_id == COUNTERPART.id
    assert view.ask.raised_with_organisation_id == MFA.id
    assert not view.counts


def test_officials_of_another_body_are_not_named_as_the_counterpart(vault, store, people):
    meeting = consultation(official_ids=(COUNTERPART.id, DEPUTY.id))
    store(meeting)
    with vault.session() as session:
        record_outcome(session, meeting.id, Outcome((Raised(CHEN.id),)), now=AFTER)
    with vault.session() as session:
        (view,) = list_asks(session)
    assert view.ask.raised_with_organisation_id == GERMANY.id
    assert view.ask.raised_with_official_id == DEPUTY.id


@pytest.mark.parametrize(("meeting_changes", "raised", "message"), [
    ({}, (), "at least one case"),
    ({"organisation_id": None, "official_ids": ()}, (Raised(WANG.id),),
     "organisation or official"),
    ({}, (Raised(WANG.id), Raised(new_id())), "No case"),
    ({"organisation_id": OURS.id, "official_ids": ()}, (Raised(WANG.id),), "our own"),
])
def test_a_bad_outcome_changes_nothing(vault, store, people, meeting_changes, raised, message):
    meeting = consultation(**meeting_changes)
    store(meeting)

    with pytest.raises(UserError, match=message), vault.session() as session:
        record_outcome(session, meeting.id, Outcome(raised), now=AFTER)

    assert count(vault, AskRow) == 0
    assert fetch(vault, meeting.id) == meeting


def test_the_outcome_of_an_unknown_meeting_is_refused(vault, store, people):
    with pytest.raises(UserError, match="No meeting"), vault.session() as session:
        record_outcome(session, new_id(), Outcome((Raised(WANG.id),)), now=AFTER)


@pytest.mark.parametrize("status", [MeetingStatus.CANCELLED, MeetingStatus.HELD])
def test_an_outcome_is_recorded_once_and_never_for_a_cancelled_meeting(vault, store, people,
                                                                        status):
    meeting = consultation(status=status)
    store(meeting)
    with pytest.raises(UserError, match="cancelled|already recorded"), \
            vault.session() as session:
        record_outcome(session, meeting.id, Outcome((Raised(CHEN.id),)), now=AFTER)
    assert count(vault, AskRow) == 0


def test_asks_by_the_government_itself_still_count(vault, store, people):
    """The rule changed for outcomes only: Germany's own ask, logged on its own, counts."""
    meeting = consultation()
    store(meeting)
    with vault.session() as session:
        record_outcome(session, meeting.id, Outcome((Raised(WANG.id),)), now=AFTER)
    store(Ask(id=new_id(), date=FuzzyDate(2026, 3, 20), raised_by_organisation_id=GERMANY.id,
              raised_with_organisation_id=MFA.id, public=False, case_ids=(WANG.id,)))
    with vault.session() as session:
        grid = dashboard.matrix(session, date(2026, 3, 25))
    assert grid.cells[(WANG.id, GERMANY.id)] == dashboard.Cell(date(2026, 3, 20), 1)
