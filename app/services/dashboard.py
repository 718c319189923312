# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The questions a caseworker asks every morning, answered from indexed queries.

Who has not been raised by anyone for how long; which government raised which case and
when last (the case × government matrix); overdue follow-ups; upcoming meetings; legal
time limits passed; anniversaries; and, before a meeting with a government, what it asked
last time and what it was told. ``today``/``now`` are always passed in (an injectable
clock), never read here.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache
from typing import NamedTuple, overload

from sqlalchemy import Row, exists, func, select, text
from sqlalchemy.orm import Session

from app.domain import rules
from app.domain.dates import FuzzyDate
from app.domain.enums import DETAINED_STATUSES, Consent, EventKind, OrganisationKind, Status
from app.domain.model import Event, Meeting
from app.services.asks import AskView, list_asks, overdue_ask_ids, overdue_count
from app.services.cases import CaseFilter, CaseSummary, list_cases, not_raised_within
from app.services.directory import our_organisation
from app.services.meetings import list_meetings
from app.vault.schema import VaultMeta
from app.vault.tables import AskCase, CaseRow, OrganisationRow


def not_raised_since(session: Session, today: date, days: int, *,
                     government_id: str | None = None,
                     all_cases: bool = False) -> list[CaseSummary]:
    """Cases no government (or ``government_id``) has raised in ``days`` days, never-raised
    included, stalest first; with ``government_id`` each one's ``last_raised`` is that
    government's last ask on it. Released, deceased and do-not-raise cases only with
    ``all_cases``. What counts as raising a case: see ``app.services.asks``."""
    found = list_cases(session, today, CaseFilter(
        not_raised_since_days=days, not_raised_by=government_id, not_raised_all_cases=all_cases))
    if government_id is not None:
        last = last_raised_by(session, government_id)
        found = [replace(c, last_raised=last.get(c.id)) for c in found]
    return sorted(found, key=lambda c: (c.last_raised or date.min, c.display_name))


def last_raised_by(session: Session, government_id: str) -> dict[str, date]:
    """Each case's last ask by one government (the cases it never raised are absent)."""
    return {case_id: date.fromisoformat(last) for case_id, last in session.execute(
        select(AskCase.case_id, func.max(AskCase.date_sort))
        .where(AskCase.government_id == government_id).group_by(AskCase.case_id))}


def never_raised(session: Session, today: date) -> list[CaseSummary]:
    return [c for c in list_cases(session, today) if c.last_raised is None]


@dataclass(frozen=True, slots=True)
class Government:
    id: str
    name: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Cell:
    last: date
    count: int


class MatrixCase(NamedTuple):
    """A row of the matrix."""

    id: str
    display_name: str
    name_original: str | None
    last_raised: date | None


class MatrixRows(Sequence[MatrixCase]):
    """The matrix's rows, held as plain tuples and handed out as ``MatrixCase``.

    10,000 objects of a class stay tracked by the garbage collector for as long as the
    matrix lives, and each matrix read pushed it into full passes over everything (0.1-0.4
    s, the matrix's p95); plain tuples of strings and dates it stops tracking at once.
    """

    __slots__ = ("_rows",)

    def __init__(self, rows: list[tuple[str, str, str | None, date | None]]) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> MatrixCase: ...

    @overload
    def __getitem__(self, index: slice) -> list[MatrixCase]: ...

    def __getitem__(self, index: int | slice) -> MatrixCase | list[MatrixCase]:
        if isinstance(index, slice):
            return [MatrixCase._make(row) for row in self._rows[index]]
        return MatrixCase._make(self._rows[index])

    def __iter__(self) -> Iterator[MatrixCase]:
        return map(MatrixCase._make, self._rows)

    def ids(self, stop: int | None = None) -> list[str]:
        return [row[0] for row in self._rows[:stop]]


@dataclass(frozen=True, slots=True)
class Matrix:
    cases: Sequence[MatrixCase]  # (MatrixRows) stalest first (never raised, then the
    #                              oldest last ask), by anyone or by the government it is
    #                              sorted by
    governments: list[Government]  # in the user's order, else by name
    cells: dict[tuple[str, str], Cell]  # (case id, government id), for the first rows only


CELL_BLOCK = 200  # the matrix's cells are read this many rows at a time


COLUMN_ORDER = "dashboard.column_order"  # vault_meta key: the matrix's columns, as arranged


def column_order(session: Session) -> list[str]:
    """The government IDs in the order the user arranged the matrix's columns, if they did."""
    row = session.get(VaultMeta, COLUMN_ORDER)
    return json.loads(row.value) if row is not None else []


def set_column_order(session: Session, government_ids: list[str]) -> None:
    """Remember the matrix's column order (an empty list: back to by name)."""
    row = session.get(VaultMeta, COLUMN_ORDER)
    if not government_ids:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(VaultMeta(key=COLUMN_ORDER, value=json.dumps(list(government_ids))))
    else:
        row.value = json.dumps(list(government_ids))


def matrix(session: Session, today: date, *, with_cells: int = CELL_BLOCK,
           sort_by: str | None = None) -> Matrix:
    """The case × government matrix: every live case and every government, and the cells of
    the first ``with_cells`` rows; the others are read block by block (``matrix_cells``) as
    they are scrolled to, since 10,000 cases by 40 governments are 160,000 cells.

    Columns stay where the user put them (else by name), whatever is logged; rows are
    stalest first, by anyone or, with ``sort_by``, by that government (never first)."""
    if session.autoflush:  # Core below does not flush; the ORM would have
        session.flush()
    # Core, not the ORM: 10,000 plain tuples without the ORM's per-row loading.
    rows = session.connection().execute(
        select(CaseRow.id, CaseRow.display_name, CaseRow.name_original, CaseRow.last_raised)
        .where(CaseRow.deleted.is_(False))
        # SQLite sorts NULL first: never raised, then the oldest last ask (ix_cases_matrix)
        .order_by(CaseRow.last_raised, CaseRow.display_name, CaseRow.id))
    day = cache(date.fromisoformat)  # thousands of cases share a few hundred dates
    cases = [(i, name, original, day(last) if last else None)
             for i, name, original, last in rows]
    if sort_by is not None:
        by = last_raised_by(session, sort_by)
        cases.sort(key=lambda c: (c[0] in by, by.get(c[0], date.min)))  # stable: as above
    # Whether anyone asked through an organisation: one index probe per organisation, not a
    # count over every ask's cases.
    asked = exists(select(1).where(AskCase.government_id == OrganisationRow.id))
    orgs = session.execute(select(OrganisationRow.id, OrganisationRow.name,
                                  OrganisationRow.country, OrganisationRow.kind, asked)
                           .where(OrganisationRow.deleted.is_(False)))
    ours = our_organisation(session)
    governments = [Government(i, n, c) for i, n, c, k, has_asks in orgs if i != ours and
                   (has_asks or k == OrganisationKind.GOVERNMENT.value)]
    placed = {gov_id: n for n, gov_id in enumerate(column_order(session))}
    governments.sort(key=lambda g: (placed.get(g.id, len(placed)), g.name.casefold(), g.id))
    ordered = MatrixRows(cases)
    return Matrix(ordered, governments, matrix_cells(session, ordered.ids(with_cells)))


def matrix_cells(session: Session, case_ids: list[str]) -> dict[tuple[str, str], Cell]:
    """The matrix cells of some cases: per government, the last ask date and the count."""
    if not case_ids:
        return {}
    stmt = (select(AskCase.case_id, AskCase.government_id, func.max(AskCase.date_sort),
                   func.count())
            .where(AskCase.case_id.in_(case_ids), AskCase.government_id.is_not(None))
            .group_by(AskCase.case_id, AskCase.government_id))
    return {(case_id, gov_id): Cell(date.fromisoformat(last), count)
            for case_id, gov_id, last, count in session.execute(stmt)}


def last_asks(session: Session, case_id: str, government_id: str) -> list[AskView]:
    """The asks behind one matrix cell, newest first (for its tooltip and click)."""
    return list_asks(session, case_id=case_id, government_id=government_id)


def overdue_follow_ups(session: Session, today: date) -> list[AskView]:
    """Asks whose follow-up date has passed with no later ask by that government on them."""
    return list_asks(session, ask_ids=overdue_ask_ids(session, today))


def upcoming_meetings(session: Session, now: datetime) -> list[Meeting]:
    return list_meetings(session, upcoming_from=now)


class HeldCase(NamedTuple):
    """What the time-limit and anniversary rules read of a held person's case."""

    id: str
    display_name: str
    status: Status
    status_since: FuzzyDate | None
    sentence_ends: FuzzyDate | None
    events: tuple[Event, ...]


# The held statuses written out, as the partial index on events and the calendar's query
# must be: SQLite matches a partial index's terms only against the same literal terms.
HELD_SQL = ", ".join(f"'{s.value}'" for s in sorted(DETAINED_STATUSES))
HELD_COLUMNS = "id, display_name, status, status_since, sentence_ends, detention_start"
_RSDL_EVENTS = text(  # ix_events_detention: no wide event row is read
    "SELECT id, case_id, date, kind FROM events WHERE case_id IN "
    "(SELECT value FROM json_each(:cases)) AND deleted = 0 "
    "AND kind IN ('rsdl_began', 'released') ORDER BY position")


def held_cases(session: Session) -> list[HeldCase]:
    """Held or missing people as light cases: status facts plus their detention start.

    The start is precomputed from the whole timeline on every save; RSDL start events are
    read for the few RSDL cases, so the time-limit rules see what they need. Read from
    ``ix_cases_detention``, never from the wide rows.
    """
    return as_held(session, session.execute(text(
        f"SELECT {HELD_COLUMNS} FROM cases "  # noqa: S608 (constants)
        f"WHERE status IN ({HELD_SQL}) AND deleted = 0")).all())


def as_held(session: Session, rows: Iterable[Row]) -> list[HeldCase]:
    """Light cases of rows starting with ``HELD_COLUMNS`` (held people's only), with the
    RSDL cases' events."""
    @cache  # thousands of cases share a few hundred dates
    def parsed(raw: str | None) -> FuzzyDate | None:
        return FuzzyDate.parse(raw) if raw else None

    rows = list(rows)
    rsdl = [row[0] for row in rows if row[2] == Status.RSDL.value]
    timelines: dict[str, list[Event]] = {}
    if rsdl:
        for event_id, case_id, when, kind in session.execute(
                _RSDL_EVENTS, {"cases": json.dumps(rsdl)}):
            timelines.setdefault(case_id, []).append(
                Event(id=event_id, date=parsed(when), kind=EventKind(kind), title=""))
    cases = []
    for case_id, name, status, since, ends, start, *_ in rows:
        # Timeline order, and the start after them: the rules clear what precedes a release
        # on the same date, and the stored start is by construction after the last release.
        events = timelines.get(case_id, [])
        if start:
            events = [*events, Event(id="start", date=parsed(start), kind=EventKind.DETAINED,
                                     title="")]
        cases.append(HeldCase(case_id, name, Status(status), parsed(since), parsed(ends),
                              tuple(events)))
    return cases


@dataclass(frozen=True, slots=True)
class Overdue:
    case_id: str
    display_name: str
    breach: rules.Breach


def time_limit_breaches(session: Session, today: date, *,
                        held: list[HeldCase] | None = None) -> list[Overdue]:
    found = [Overdue(c.id, c.display_name, b)
             for c in (held_cases(session) if held is None else held)
             for b in rules.time_limit_breaches(c, today)]
    return sorted(found, key=lambda o: -o.breach.days_over)


@dataclass(frozen=True, slots=True)
class Milestone:
    case_id: str
    display_name: str
    anniversary: rules.Anniversary


def anniversaries(session: Session, today: date, within_days: int = 31, *,
                  held: list[HeldCase] | None = None) -> list[Milestone]:
    found = [Milestone(c.id, c.display_name, a)
             for c in (held_cases(session) if held is None else held)
             for a in rules.anniversaries(c, today, within_days)]
    return sorted(found, key=lambda m: m.anniversary.on)


@dataclass(frozen=True, slots=True)
class BriefLine:
    """For a meeting with one government: a case, and that government's last ask on it."""

    case: CaseSummary
    last_ask: AskView | None
    reasons: tuple[str, ...]  # why it is suggested: citizen, unanswered, never_raised, priority


def meeting_brief(session: Session, government_id: str, today: date,
                  limit: int = 20) -> list[BriefLine]:
    """Suggested cases for a meeting with ``government_id``, most pressing first.

    A case is suggested when the person is that country's citizen, when the government
    raised it without an answer, or when it never raised it; cases marked "do not raise"
    are never suggested.
    """
    country = session.scalar(select(OrganisationRow.country)
                             .where(OrganisationRow.id == government_id))
    last_by_case: dict[str, AskView] = {}
    for view in list_asks(session, government_id=government_id):
        for case_id in view.ask.case_ids:
            last_by_case.setdefault(case_id, view)  # newest first
    lines = []
    for case in list_cases(session, today):
        if case.consent == Consent.DO_NOT_RAISE or case.status in (Status.RELEASED,
                                                                     Status.DECEASED):
            continue
        last = last_by_case.get(case.id)
        reasons = []
        if country and country in case.nationalities:
            reasons.append("citizen")
        if last is None:
            reasons.append("never_raised")
        elif last.ask.response in (None, "none"):
            reasons.append("unanswered")
        if case.priority == 1:
            reasons.append("priority")
        if reasons:
            lines.append(BriefLine(case, last, tuple(reasons)))
    order = {"citizen": 0, "unanswered": 1, "never_raised": 2, "priority": 3}
    lines.sort(key=lambda b: (min(order[r] for r in b.reasons), b.case.priority or 9,
                              b.last_ask.ask.date.earliest() if b.last_ask else date.min,
                              b.case.display_name))
    return lines[:limit]


def days_left_in_month(today: date) -> int:
    month_end = (today.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return (month_end - today).days


def counts(session: Session, today: date, now: datetime, *, government_id: str | None = None,
           all_cases: bool = False) -> dict[str, int]:
    """The dashboard's headline numbers; "not raised in 90 days" as ``not_raised_since``."""
    held = held_cases(session)  # read once for both rules below
    return {
        "not_raised_90": session.scalar(select(func.count()).where(
            CaseRow.deleted.is_(False), not_raised_within(
                today, 90, government_id=government_id, all_cases=all_cases))),
        "follow_ups_overdue": overdue_count(session, today),
        "upcoming_meetings": len(upcoming_meetings(session, now)),
        "past_time_limit": len({o.case_id for o in time_limit_breaches(session, today,
                                                                       held=held)}),
        "anniversaries_this_month": len(anniversaries(session, today,
                                                      days_left_in_month(today), held=held)),
    }


