# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Meetings: a planned engagement with an ordered list of cases to raise, and its outcome.

Recording the outcome turns what was raised into asks, one per case, raised by the
government met (or the official met) with the counterpart named at that point.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.dates import FuzzyDate
from app.domain.enums import Channel, MeetingStatus, OrganisationKind, Request, Response
from app.domain.model import Ask, Meeting
from app.errors import UserError
from app.services.asks import save_ask
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
    """What happened to one case at the meeting."""

    case_id: str
    requests: tuple[Request, ...] = ()
    response: Response | None = None
    response_text: str | None = None
    follow_up_due: FuzzyDate | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    raised: tuple[Raised, ...]
    raised_with_official_id: str | None = None
    raised_with_organisation_id: str | None = None
    channel: Channel = Channel.BILATERAL_MEETING
    public: bool = False
    summary: str | None = None


def _raises_for(session: Session, official_id: str, organisation_id: str | None) -> bool:
    official = session.get(OfficialRow, official_id)
    if official is None:
        return False
    if organisation_id is not None:
        return official.organisation_id == organisation_id
    employer = session.get(OrganisationRow, official.organisation_id) \
        if official.organisation_id else None
    return employer is None or employer.kind != OrganisationKind.DETAINING_AUTHORITY.value


def record_outcome(session: Session, meeting_id: str, outcome: Outcome) -> list[str]:
    """Mark the meeting held and create an ask for each case raised; returns the ask IDs."""
    meeting = get_meeting(session, meeting_id)
    if meeting.status == MeetingStatus.CANCELLED:
        raise UserError("This meeting was cancelled: it has no outcome to record.")
    if meeting.status == MeetingStatus.HELD:
        raise UserError("This meeting's outcome is already recorded: log further asks "
                        "on their own.")
    if not outcome.raised:
        raise UserError("Tick at least one case that was raised.")
    raised_by_org = meeting.organisation_id
    # Who raised them: the first official met from that government (the officials met may
    # include the detaining state's), or with no government named, the first official met
    # who does not work for the detaining state.
    raised_by_official = next(
        (oid for oid in meeting.official_ids
         if _raises_for(session, oid, raised_by_org)), None)
    if raised_by_org is None and raised_by_official is None:
        raise UserError("Say which government or official the meeting was with first.")
    day = FuzzyDate.from_date(meeting.starts_at.date())
    ids = []
    for item in outcome.raised:
        ask = Ask(id=str(uuid.uuid4()), date=day, raised_by_official_id=raised_by_official,
                  raised_by_organisation_id=raised_by_org,
                  raised_with_official_id=outcome.raised_with_official_id,
                  raised_with_organisation_id=outcome.raised_with_organisation_id,
                  channel=outcome.channel, public=outcome.public, requests=item.requests,
                  response=item.response, response_text=item.response_text,
                  follow_up_due=item.follow_up_due, case_ids=(item.case_id,),
                  notes=None)
        save_ask(session, ask)
        ids.append(ask.id)
    save_meeting(session, replace(meeting, status=MeetingStatus.HELD,
                                  outcome=outcome.summary or meeting.outcome))
    return ids
