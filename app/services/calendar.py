# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The advocacy calendar: the moments to press, joined from every record that has a date.

API (plain frozen dataclasses, and ``Moment``, a named tuple; the screen, the dashboard tile
and "Prepare…" build on it):

- ``moments(session, start, end) -> list[Moment]``: every moment in ``start``..``end`` (both
  inclusive), ordered by date, then kind, then record ID.
- ``upcoming(session, today, days=30) -> Upcoming``: the dashboard tile, the next ``days``
  days from ``today``: a count per kind (every kind, zeros included) and the list.
- ``names_of(session, moments) -> Names``: the names of the cases and governments the
  moments concern, for a screen to show (a ``Moment`` itself holds IDs only).
- ``suggested_cases(session, government_id, limit, today=...)``: for "Prepare…", the cases
  that government has not raised, stalest first (see its docstring).
- ``app.services.calendar_ics.calendar_file`` turns moments into an ICS file under a profile.

The kinds of moment (``MomentKind``) and where each comes from:
- ``encounter``: a live encounter (``encounters.encounter_spans``) on its days; its cases are
  those named by asks made at it.
- ``meeting``: one of our meetings, planned or held (not cancelled), on its local start day.
- ``follow_up_due``: an ask's follow-up date while the follow-up is open by the rule of
  ``app.services.asks`` (no later ask by the same government on its cases).
- ``un_reply_due``: the deadline of a UN communication. Rule: an open follow-up (as above)
  of an ask on the UN channel (``un_hrc``) with no answer recorded yet (response empty or
  ``none``) is the date the detaining state's reply is due, and shows as this kind instead
  of ``follow_up_due``; once an answer is recorded it shows as an ordinary follow-up.
- ``time_limit``: the last day of a legal time limit of a person still held (RSDL's six
  months, the end of a sentence), as ``app.domain.rules`` computes it.
- ``anniversary``: a detention milestone (100 and every 1,000 days, every full year) of a
  person still held, as ``app.domain.rules`` computes it.
Released and deceased people (any status the rules do not count as held) have neither
time limits nor anniversaries. Deleted records never appear.

Dates: a moment falls on the day ``on`` and may run until ``last`` (a multi-day encounter,
or a fuzzy date: "2026-12" is placed on 1 December, runs until 31 December, and is marked
``approximate``). A moment is in a range when any of its days is. Time limits and
anniversaries keep the rules' dates (counted from the last day a fuzzy start allows, so
never early) and are marked approximate when that start is not an exact day.

The governments a moment concerns: an encounter's governments; a meeting's organisation; for
a follow-up or UN deadline, the government the ask counts for (``ask_cases``), else the
government, parliament or intergovernmental body it was raised with (our own organisation
never). Time limits and anniversaries concern no government in particular.

Titles are neutral words for the kind ("Follow-up due"), and ``detail`` is neutral words
for the sub-kind ("RSDL six-month limit", "1,000 days"): neither ever holds case data. The
free text of a record (an encounter's or meeting's title and location) is in ``subject``
and ``location``, for the app's own screens. ``today`` is always passed in; this module
never reads the clock and never writes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache
from typing import NamedTuple

from sqlalchemy import Connection, TextClause, select, text
from sqlalchemy.orm import Session

from app.domain import rules
from app.domain.dates import FuzzyDate, Precision
from app.domain.enums import (
    Channel,
    Consent,
    EncounterKind,
    MeetingStatus,
    Response,
    Status,
    label,
)
from app.domain.model import Meeting
from app.errors import UserError
from app.services import dashboard
from app.services.cases import CaseSummary
from app.services.encounters import encounter_spans
from app.vault.records import from_row
from app.vault.tables import AskRow, CaseRow, MeetingRow, OpenFollowUp, OrganisationRow


class MomentKind(StrEnum):
    ENCOUNTER = "encounter"
    MEETING = "meeting"
    FOLLOW_UP_DUE = "follow_up_due"
    UN_REPLY_DUE = "un_reply_due"
    TIME_LIMIT = "time_limit"
    ANNIVERSARY = "anniversary"


# Neutral titles: what a calendar synced to someone else's server may show.
TITLES: dict[MomentKind, str] = {
    MomentKind.ENCOUNTER: "Encounter",
    MomentKind.MEETING: "Meeting",
    MomentKind.FOLLOW_UP_DUE: "Follow-up due",
    MomentKind.UN_REPLY_DUE: "UN reply due",
    MomentKind.TIME_LIMIT: "Legal time limit",
    MomentKind.ANNIVERSARY: "Anniversary",
}

BREACH_DETAILS = {
    rules.BreachKind.RSDL_BEYOND_SIX_MONTHS: "RSDL six-month limit",
    rules.BreachKind.HELD_PAST_SENTENCE: "Sentence ends",
}


class RecordKind(StrEnum):
    """The kind of record a moment comes from (open it by ``Moment.record_id``)."""

    ENCOUNTER = "encounter"
    MEETING = "meeting"
    ASK = "ask"
    CASE = "case"


class Moment(NamedTuple):
    """A day to prepare for, and the record it comes from. A named tuple, not a frozen
    dataclass like the rest: a quarter of a 90-day calendar's time at reference scale went
    to making its 4,700 frozen instances."""

    on: date  # the (first) day
    last: date  # the last day it may fall on: ``on`` unless it spans days or is fuzzy
    approximate: bool  # the date is not known to the day
    kind: MomentKind
    title: str  # neutral: TITLES[kind]
    detail: str | None  # neutral words for the sub-kind: "State visit", "1,000 days"
    record_kind: RecordKind
    record_id: str
    government_ids: tuple[str, ...]
    case_ids: tuple[str, ...]
    subject: str | None = None  # an encounter's or meeting's own title (free text)
    location: str | None = None  # an encounter's or meeting's location (free text)
    starts_at: datetime | None = None  # a meeting's start, in its own time zone
    sub_kind: str | None = None  # EncounterKind, BreachKind or AnniversaryKind value
    # An anniversary's number of days or years (the field shadows tuple.count, unused here).
    count: int | None = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Upcoming:
    """The dashboard tile: the moments of ``start``..``end`` and how many of each kind."""

    start: date
    end: date
    counts: dict[MomentKind, int]  # every kind, in MomentKind order, zeros included
    moments: list[Moment]


@dataclass(frozen=True, slots=True)
class CaseName:
    display_name: str
    name_original: str | None
    consent: Consent | None


@dataclass(frozen=True, slots=True)
class Names:
    cases: dict[str, CaseName]
    governments: dict[str, str]


MAX_DAYS = 3660  # a range of at most ten years: beyond, a calendar is no longer a calendar


def moments(session: Session, start: date, end: date) -> list[Moment]:
    """Every moment in ``start``..``end`` (both inclusive), ordered by date."""
    if end < start:
        raise UserError("The calendar's range ends before it starts.")
    if (end - start).days > MAX_DAYS:
        raise UserError(f"The calendar covers at most {MAX_DAYS} days at a time.")
    # Deleting a case takes it out of the asks and meetings that name it (erasure), so the
    # case lists read here name live cases only, without a look-up of each.
    found = [*_encounters(session, start, end), *_meetings(session, start, end),
             *_follow_ups(session, start, end), *_detention(session, start, end)]
    order = {kind: n for n, kind in enumerate(MomentKind)}
    found.sort(key=lambda m: (m.on, order[m.kind], m.last, m.record_id, m.count or 0))
    return found


def upcoming(session: Session, today: date, days: int = 30) -> Upcoming:
    """The next ``days`` days from ``today`` (inclusive) for the dashboard tile."""
    end = today + timedelta(days=days)
    found = moments(session, today, end)
    counts = dict.fromkeys(MomentKind, 0)
    for moment in found:
        counts[moment.kind] += 1
    return Upcoming(today, end, counts, found)


def names_of(session: Session, found: Iterable[Moment]) -> Names:
    """The live cases' names and consent, and the organisations' names, of ``found``."""
    found = list(found)
    case_ids = sorted({c for m in found for c in m.case_ids})
    org_ids = sorted({g for m in found for g in m.government_ids})
    cases: dict[str, CaseName] = {}
    for chunk in _chunks(case_ids):
        for case_id, name, original, consent in session.execute(
                select(CaseRow.id, CaseRow.display_name, CaseRow.name_original, CaseRow.consent)
                .where(CaseRow.id.in_(chunk), CaseRow.deleted.is_(False))):
            cases[case_id] = CaseName(name, original, Consent(consent) if consent else None)
    governments = dict(session.execute(select(OrganisationRow.id, OrganisationRow.name).where(
        OrganisationRow.id.in_(org_ids), OrganisationRow.deleted.is_(False))).all()) \
        if org_ids else {}
    return Names(cases, governments)


def suggested_cases(session: Session, government_id: str | None, limit: int = 20, *,
                    today: date, within_days: int | None = None) -> list[CaseSummary]:
    """Cases to raise with ``government_id`` (for "Prepare…"): those it has never raised,
    or with ``within_days`` not in that many days; with no government, those nobody has.

    The rule is ``dashboard.not_raised_since`` (released, deceased and do-not-raise cases
    left out; what counts as raising: ``app.services.asks``). Stalest first: by that
    government's last ask on it (never first), then by the last time anyone raised it
    (never first), then by name. Each summary's ``last_raised`` is that government's.
    """
    days = (today - date.min).days if within_days is None else min(
        max(within_days, 0), (today - date.min).days)
    found = dashboard.not_raised_since(session, today, days, government_id=government_id)
    if government_id is not None:
        anyone = dict(session.execute(select(CaseRow.id, CaseRow.last_raised).where(
            CaseRow.deleted.is_(False), CaseRow.last_raised.is_not(None))).all())
        found.sort(key=lambda c: (c.last_raised or date.min, anyone.get(c.id) or "",
                                  c.display_name, c.id))
    return found[:max(limit, 0)]


# -- the sources of moments --------------------------------------------------------------------


def _plain(session: Session) -> Connection:
    """The session's connection, for the thousands of plain rows the sources read: through
    the ORM's result machinery they cost a third more. Pending changes are flushed first,
    as a query through the session would."""
    if session.autoflush:
        session.flush()
    return session.connection()


def _fuzzy_span(first: FuzzyDate, last: FuzzyDate | None = None) -> tuple[date, date, bool]:
    approximate = first.approximate or first.precision is not Precision.DAY
    return first.earliest(), (last or first).latest(), approximate


def _encounters(session: Session, start: date, end: date) -> list[Moment]:
    found = encounter_spans(session, start, end)
    cases: dict[str | None, list[str]] = {}
    if found:
        for encounter_id, case_ids in _plain(session).execute(
                select(AskRow.encounter_id, AskRow.case_ids).where(
                    AskRow.encounter_id.in_([e.id for e in found]), AskRow.deleted.is_(False))
                .order_by(AskRow.date_sort, AskRow.id)):
            cases.setdefault(encounter_id, []).extend(case_ids)
    moments = []
    for e in found:
        on, last, approximate = _fuzzy_span(FuzzyDate.parse(e.starts_on),
                                            FuzzyDate.parse(e.ends_on) if e.ends_on else None)
        kind = EncounterKind(e.kind)
        moments.append(Moment(
            on, max(on, last), approximate, MomentKind.ENCOUNTER, TITLES[MomentKind.ENCOUNTER],
            label(kind), RecordKind.ENCOUNTER, e.id, tuple(e.organisation_ids),
            tuple(dict.fromkeys(cases.get(e.id, ()))), subject=e.title, location=e.location,
            sub_kind=kind.value))
    return moments


def _meetings(session: Session, start: date, end: date) -> list[Moment]:
    # A meeting falls on its local day; UTC differs from it by at most 14 hours.
    stmt = select(MeetingRow).where(
        MeetingRow.deleted.is_(False),
        MeetingRow.status.is_distinct_from(MeetingStatus.CANCELLED.value),
        MeetingRow.starts_at_utc >= (start - timedelta(days=1)).isoformat(),
        MeetingRow.starts_at_utc < _plus(end, 2).isoformat())
    moments = []
    for row in session.scalars(stmt):
        meeting = from_row(Meeting, row)
        day = meeting.starts_at.date()
        if not start <= day <= end:
            continue
        moments.append(Moment(
            day, day, False, MomentKind.MEETING, TITLES[MomentKind.MEETING], None,
            RecordKind.MEETING, meeting.id,
            (meeting.organisation_id,) if meeting.organisation_id else (),
            tuple(item.case_id for item in meeting.cases), subject=meeting.title,
            location=meeting.location, starts_at=meeting.starts_at))
    return moments


def _follow_ups(session: Session, start: date, end: date) -> list[Moment]:
    # due_until is the follow-up date's last day; its first is at most a year earlier. The
    # government, and the ask's columns shown here, are kept with the open follow-up
    # (``app.vault.derived``): no ask row is read.
    stmt = (select(OpenFollowUp.ask_id, OpenFollowUp.follow_up_due, OpenFollowUp.channel,
                   OpenFollowUp.response, OpenFollowUp.case_ids, OpenFollowUp.government_id)
            .where(OpenFollowUp.due_until >= start.isoformat(),
                   OpenFollowUp.due_until <= _plus(end, 366).isoformat()))
    span = cache(lambda due: _fuzzy_span(FuzzyDate.parse(due)))  # asks share due dates
    unanswered, un = (None, Response.NONE.value), Channel.UN_HRC.value
    moments = []
    for ask_id, due, channel, response, case_ids, government in _plain(session).execute(stmt):
        on, last, approximate = span(due)
        if on > end:
            continue
        kind = MomentKind.UN_REPLY_DUE if channel == un and response in unanswered \
            else MomentKind.FOLLOW_UP_DUE
        moments.append(Moment(
            on, last, approximate, kind, TITLES[kind], None, RecordKind.ASK, ask_id,
            (government,) if government else (),
            tuple(dict.fromkeys(case_ids or ()))))
    return moments


def _detention(session: Session, start: date, end: date) -> list[Moment]:
    rows = _plain(session).execute(_candidates(start, end)).all()
    # Limits whose last day is in the range: those passed by the day after it, not before it.
    with_limits = dashboard.as_held(session, (r for r in rows if r.limit_due))
    moments = []
    for overdue in dashboard.time_limit_breaches(session, _plus(end, 1), held=with_limits):
        breach = overdue.breach
        if breach.deadline < start:
            continue
        moments.append(Moment(
            breach.deadline, breach.deadline, _inexact(breach.counted_from),
            MomentKind.TIME_LIMIT, TITLES[MomentKind.TIME_LIMIT], BREACH_DETAILS[breach.kind],
            RecordKind.CASE, overdue.case_id, (), (overdue.case_id,),
            sub_kind=breach.kind.value))
    # The stored start is what ``rules.detention_start`` finds in the timeline (``status
    # since`` without one), so the milestones need no timeline.
    days = (end - start).days

    @cache  # cases share dates
    def milestones(counted_from: str) -> list[tuple[date, bool, str, str, int]]:
        since = FuzzyDate.parse(counted_from)
        approximate = _inexact(since)
        return [(on, approximate, _anniversary_detail(kind, count), kind.value, count)
                for kind, count, on in rules.milestone_days(since.latest(), start, days)]

    title, anniversary, case = TITLES[MomentKind.ANNIVERSARY], MomentKind.ANNIVERSARY, \
        RecordKind.CASE
    for row in rows:
        counted_from = row.detention_start or row.status_since
        if not counted_from:
            continue
        case_id = row.id
        cases = (case_id,)
        for on, approximate, detail, sub_kind, count in milestones(counted_from):
            # Positional: a quarter faster than by keyword, for 2,000 of them.
            moments.append(Moment(on, on, approximate, anniversary, title, detail, case,
                                  case_id, (), cases, None, None, None, sub_kind, count))
    return moments


_RSDL = Status.RSDL.value


def _last_day(value: str) -> str:
    """SQL for the last day a stored fuzzy date allows (``FuzzyDate.latest``), as ISO
    text (builtins only: the query runs on ``ix_cases_detention`` and nothing else)."""
    return (f"CASE length(rtrim({value}, '~')) WHEN 10 THEN substr({value}, 1, 10) "
            f"WHEN 7 THEN date(substr({value}, 1, 7) || '-01', '+1 month', '-1 day') "
            f"WHEN 4 THEN substr({value}, 1, 4) || '-12-31' END")


def _months_before(day: date, days: int) -> date:
    """RSDL's months before ``day``, then ``days`` more: the start of a limit ending on
    ``day``, give or take the days months differ by (clamped to the calendar's range)."""
    try:
        return _plus(rules.add_months(day, -rules.RSDL_LIMIT_MONTHS), days) if days > 0 \
            else rules.add_months(day, -rules.RSDL_LIMIT_MONTHS) + timedelta(days=days)
    except (ValueError, OverflowError):
        return date.min


def _julian(day: date) -> float:
    return day.toordinal() + 1721424.5  # SQLite's julianday() of that day


def _candidates(start: date, end: date) -> TextClause:
    """The held people who may have a time limit's last day or a milestone in ``start``..
    ``end``: a superset, never missing one (the rules then decide). Sentences ending in
    the range; RSDL cases whose start (an RSDL start in the timeline, else the status's
    date) lies six months before it, give or take the days months differ by; starts whose
    month and day fall in it (a full year, or 29 February: its years complete on 1 March);
    starts 100 or a multiple of 1,000 days before a day of it. Reads ``ix_cases_detention``
    and, for RSDL cases, ``ix_events_detention``: no wide row."""
    days: dict[str, str] = {}
    if (end - start).days >= 365:
        on_day = "base IS NOT NULL"
    else:
        join = "AND" if (start.month, start.day) <= (end.month, end.day) else "OR"
        on_day = f"(substr(base, 6) >= :first_day {join} substr(base, 6) <= :last_day " \
                 "OR substr(base, 6) = '02-29')"
        days = {"first_day": f"{start:%m-%d}", "last_day": f"{end:%m-%d}"}
    rsdl_from, rsdl_to = _months_before(start, -4), _months_before(end, 4)
    limit_due = (  # a time limit's last day may be in the range
        f"(sentence_last BETWEEN :start AND :end OR status = '{_RSDL}' AND "  # noqa: S608
        f"({_last_day('status_since')} BETWEEN :rsdl_from AND :rsdl_to OR EXISTS (SELECT 1 "
        "FROM events AS e WHERE e.case_id = dated.id AND e.deleted = 0 "
        "AND e.kind IN ('rsdl_began', 'released') AND e.kind = 'rsdl_began' "
        f"AND {_last_day('e.date')} BETWEEN :rsdl_from AND :rsdl_to)))")
    return text(
        f"WITH held AS MATERIALIZED (SELECT {dashboard.HELD_COLUMNS}, "  # noqa: S608
        f"{_last_day('COALESCE(detention_start, status_since)')} AS base, "
        f"{_last_day('sentence_ends')} AS sentence_last FROM cases "
        f"WHERE status IN ({dashboard.HELD_SQL}) AND deleted = 0), "
        "dated AS (SELECT *, :start_jd - julianday(base) AS lo, "
        ":end_jd - julianday(base) AS hi FROM held) "
        f"SELECT {dashboard.HELD_COLUMNS}, {limit_due} AS limit_due FROM dated "
        f"WHERE {on_day} OR (lo <= :first AND hi >= :first) "
        f"OR (hi >= :step AND CAST(hi / :step AS INTEGER) * :step >= lo) OR {limit_due}"
    ).bindparams(start=start.isoformat(), end=end.isoformat(), start_jd=_julian(start),
                 end_jd=_julian(end), rsdl_from=rsdl_from.isoformat(),
                 rsdl_to=rsdl_to.isoformat(), first=rules.DAY_MILESTONE_FIRST,
                 step=rules.DAY_MILESTONE_STEP, **days)


@cache  # a few hundred distinct milestones
def _anniversary_detail(kind: rules.AnniversaryKind, count: int) -> str:
    if kind is rules.AnniversaryKind.DAYS:
        return f"{count:,} days"
    return "1 year" if count == 1 else f"{count} years"


def _inexact(counted_from: FuzzyDate) -> bool:
    return counted_from.approximate or counted_from.precision is not Precision.DAY


def _plus(day: date, days: int) -> date:
    return day + timedelta(days=min(days, (date.max - day).days))


def _chunks(ids: list[str], size: int = 5000) -> Iterable[list[str]]:
    for begin in range(0, len(ids), size):
        yield ids[begin:begin + size]
