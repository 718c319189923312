# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Meetings: a planned engagement with an ordered list of cases to raise, and its outcome.

Recording the outcome turns what we raised into asks, one per case, raised by our
organisation (a setting) with the counterpart met: what we asked them, never them raising the
case (docs/counting.md). What they committed to do about a case is their answer to that ask:
a promise, with a follow-up due.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.dates import FuzzyDate
from app.domain.enums import Channel, MeetingStatus, Request, Response
from app.domain.model import Ask, Meeting
from app.errors import UserError
from app.services.asks import save_ask
from app.services.directory import our_organisation
from app.vault import erasure
from app.vault.records import assign, column_values, from_row, refuse_tombstone
from app.vault.tables import CaseRow, MeetingRow, OfficialRow, OrganisationRow


def save_meeting(session: Session, meeting: Meeting) -> None:
    if not meeting.title.strip():
        raise UserError("A meeting needs a title.")
    if meeting.starts_at.tzinfo is None:
        raise UserError("A meeting's start time needs a time zone.")
    refs = [(OrganisationRow, meeting.organisation_id, "organisation")] if \
        meeting.organisation_id else []
    refs += [(OfficialRow, oid, "official") for oid in meeting.official_ids]
    refs += [(CaseRow, item.case_id, "case") for item in meeting.cases]
    for table, ref, what in refs:
        row = session.get(table, ref)
        if row is None or row.deleted:
            raise UserError(f"No {what} with that ID.")
    if len({item.case_id for item in meeting.cases}) != len(meeting.cases):
        raise UserError("A case is listed twice for this meeting.")
    row = session.get(MeetingRow, meeting.id)
    refuse_tombstone(row, "meeting")
    if row is None:
        row = MeetingRow(id=meeting.id, deleted=False)
        session.add(row)
    values = column_values(meeting)
    values.update(starts_at_utc=meeting.starts_at.astimezone(UTC).isoformat())
    assign(row, values)


def get_meeting(session: Session, meeting_id: str) -> Meeting:
    row = session.get(MeetingRow, meeting_id)
    if row is None or row.deleted:
        raise UserError("No meeting with that ID.")
    return from_row(Meeting, row)


def list_meetings(session: Session, *, upcoming_from: datetime | None = None) -> list[Meeting]:
    """All meetings, newest first; or the planned ones from a moment on, soonest first."""
    stmt = select(MeetingRow).where(MeetingRow.deleted.is_(False))
    if upcoming_from is None:
        stmt = stmt.order_by(MeetingRow.starts_at_utc.desc())
    else:
        stmt = (stmt.where(MeetingRow.starts_at_utc >= upcoming_from.astimezone(UTC).isoformat(),
                           MeetingRow.status.is_distinct_from(MeetingStatus.CANCELLED.value),
                           MeetingRow.status.is_distinct_from(MeetingStatus.HELD.value))
                .order_by(MeetingRow.starts_at_utc))
    return [from_row(Meeting, row) for row in session.scalars(stmt)]


def meetings_in_order(session: Session, now: datetime) -> list[Meeting]:
    """Every meeting for the Meetings screen: those still to come soonest first, then the
    past ones newest first."""
    newest_first = list_meetings(session)
    upcoming = [m for m in newest_first if m.starts_at >= now]
    upcoming.reverse()
    return upcoming + [m for m in newest_first if m.starts_at < now]


def delete_meeting(session: Session, meeting_id: str) -> None:
    row = session.get(MeetingRow, meeting_id)
    if row is None or row.deleted:
        raise UserError("No meeting with that ID.")
    erasure.erase(session, row)


@dataclass(frozen=True, slots=True)
class Raised:
    """What we asked about one case at the meeting, and what the counterpart answered."""

    case_id: str
    requests: tuple[Request, ...] = ()
    ask: str | None = None  # what we asked, in our words (the meeting's planned ask)
    response: Response | None = None
    response_text: str | None = None
    commitment: str | None = None  # what they committed to do, e.g. raise it with the state
    follow_up_due: FuzzyDate | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    raised: tuple[Raised, ...]
    channel: Channel = Channel.BILATERAL_MEETING
    public: bool = False
    summary: str | None = None


def _counterpart(session: Session, meeting: Meeting) -> tuple[str | None, str | None]:
    """(official, organisation) we raised the cases with: the meeting's organisation and the
    first official met who works for it (or, with no organisation named, the first official
    met and their organisation)."""
    officials = [session.get(OfficialRow, oid) for oid in meeting.official_ids]
    met = [row for row in officials if row is not None and not row.deleted]
    if meeting.organisation_id is not None:
        theirs = next((row.id for row in met
                       if row.organisation_id == meeting.organisation_id), None)
        return theirs, meeting.organisation_id
    if met:
        return met[0].id, met[0].organisation_id
    return None, None


def _answer(meeting: Meeting, item: Raised) -> dict:
    """The ask's answer fields: a commitment is their promise, dated the meeting's day."""
    said = (item.response_text or "").strip() or None
    commitment = (item.commitment or "").strip() or None
    if commitment is None:
        return {"response": item.response, "response_text": said}
    if item.response not in (None, Response.PROMISE):
        raise UserError("A commitment is a promise: set the response to \u201cpromise\u201d "
                        "or leave it empty.")
    return {"response": Response.PROMISE,
            "response_text": commitment if said is None else f"{commitment}\n{said}",
            "response_date": FuzzyDate.from_date(meeting.starts_at.date())}


def record_outcome(session: Session, meeting_id: str, outcome: Outcome, *, now: datetime,
                   confirmed_before_start: bool = False) -> list[str]:
    """Mark the meeting held and create an ask for each case we raised there, raised by our
    organisation with the counterpart; returns the ask IDs.

    A meeting that has not started by ``now`` is refused unless ``confirmed_before_start``
    (the user said it did take place)."""
    meeting = get_meeting(session, meeting_id)
    if meeting.status == MeetingStatus.CANCELLED:
        raise UserError("This meeting was cancelled: it has no outcome to record.")
    if meeting.status == MeetingStatus.HELD:
        raise UserError("This meeting's outcome is already recorded: log further asks "
                        "on their own.")
    if meeting.starts_at > now and not confirmed_before_start:
        raise UserError("This meeting has not started yet: confirm that it took place "
                        "before recording its outcome.")
    if not outcome.raised:
        raise UserError("Tick at least one case that was raised.")
    ours = our_organisation(session)
    if ours is None:
        raise UserError("Choose our organisation first (Settings, \u201cOur organisation\u201d): "
                        "the asks are recorded as raised by it.")
    with_official, with_organisation = _counterpart(session, meeting)
    if with_official is None and with_organisation is None:
        raise UserError("Say which organisation or official the meeting was with first.")
    if with_organisation == ours:
        raise UserError("This meeting's counterpart is our own organisation: choose the "
                        "organisation we met.")
    day = FuzzyDate.from_date(meeting.starts_at.date())
    ids = []
    for item in outcome.raised:
        ask = Ask(id=str(uuid.uuid4()), date=day, raised_by_organisation_id=ours,
                  raised_with_official_id=with_official,
                  raised_with_organisation_id=with_organisation,
                  channel=outcome.channel, public=outcome.public, requests=item.requests,
                  follow_up_due=item.follow_up_due, case_ids=(item.case_id,),
                  notes=(item.ask or "").strip() or None, **_answer(meeting, item))
        save_ask(session, ask)
        ids.append(ask.id)
    save_meeting(session, replace(meeting, status=MeetingStatus.HELD,
                                  outcome=outcome.summary or meeting.outcome))
    return ids
