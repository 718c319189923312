# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Cases with their timeline and sources: save, read, delete, list and filter.

Plain domain objects in and out; rows never leave this layer. A delete leaves a
tombstone so that colleagues' vaults learn of it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from sqlalchemy import Text, and_, bindparam, exists, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from app.domain.dates import FuzzyDate
from app.domain.enums import Category, Consent, Status
from app.domain.model import Case, Event, Source
from app.errors import UserError
from app.services import search
from app.vault import erasure
from app.vault.batch import NewRows
from app.vault.records import (
    assign,
    case_from_row,
    column_values,
    from_row,
    refuse_tombstone,
)
from app.vault.tables import AskCase, CaseRow, EventRow, SourceRow

NO_SUCH_CASE = "No case with that ID."


def new_id() -> str:
    return str(uuid.uuid4())


def live(session: Session, table, row_id: str):
    row = session.get(table, row_id)
    return None if row is None or row.deleted else row


# -- writing ---------------------------------------------------------------------------------


def save_case(session: Session, case: Case, *, new: bool = False,
              children_checked: bool = False) -> None:
    """Create or update a case with its events and sources (those left out are deleted).

    ``new``: the caller knows that no row has this ID, live or deleted (a bulk import asks
    once for all its cases), so none is looked for. ``children_checked``: the caller asked
    ``check_new_children`` about this new case's events and sources. Its detention start
    and search entry follow on the flush (``app.vault.case_derived``).
    """
    _check_case(case)
    row = None if new else session.get(CaseRow, case.id)
    refuse_tombstone(row, "case")
    is_new = row is None
    if is_new:
        row = CaseRow(id=case.id, deleted=False)
        session.add(row)
    assign(row, column_values(case, skip=("events", "sources")))
    with session.no_autoflush:
        checked = is_new and children_checked
        _save_children(session, EventRow, case.id, case.events, _event_values, is_new, checked)
        _save_children(session, SourceRow, case.id, case.sources, _source_values, is_new,
                       checked)


def add_new_case(batch: NewRows, case: Case) -> None:
    """``save_case(new=True, children_checked=True)`` into a batch of new rows (a bulk
    import): the same checks, the same rows, written with the batch."""
    _check_case(case)
    for items in (case.events, case.sources):
        if len({item.id for item in items}) != len(items):
            raise UserError("An event or source ID is listed twice in this case.")
    batch.add(CaseRow, {"id": case.id, "deleted": False,
                        **column_values(case, skip=("events", "sources"))}, case)
    for position, event in enumerate(case.events):
        batch.add(EventRow, {"id": event.id, "case_id": case.id, "deleted": False,
                             **_event_values(event, position)})
    for position, source in enumerate(case.sources):
        batch.add(SourceRow, {"id": source.id, "case_id": case.id, "deleted": False,
                              **_source_values(source, position)})


def _check_case(case: Case) -> None:
    if not case.display_name.strip():
        raise UserError("A case needs a display name.")
    if not _is_canonical_uuid(case.id):
        raise UserError("A case ID must be a UUID in lower case.")


def _is_canonical_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _event_values(event: Event, position: int) -> dict:
    values = column_values(event)
    values.update(date_sort=event.date.earliest().isoformat(), position=position)
    return values


def _source_values(source: Source, position: int) -> dict:
    values = column_values(source)
    values["position"] = position
    return values


@cache
def _children_of(table):
    """Every row of ``table`` of one case (bound as ``case_id``): built once, not per case."""
    return select(table).where(table.case_id == bindparam("case_id"))


def check_new_children(session: Session, new_cases: Iterable[Case]) -> None:
    """What ``_save_children`` asks of each new case's events and sources, for many new
    cases at once (a query per 500 IDs, not one per case): no ID deleted, used elsewhere,
    or given twice."""
    new_cases = list(new_cases)
    for table, ids in ((EventRow, [e.id for c in new_cases for e in c.events]),
                       (SourceRow, [s.id for c in new_cases for s in c.sources])):
        if len(set(ids)) != len(ids):
            raise UserError("An event or source ID is already used by another case.")
        taken: set[bool] = set()
        for start in range(0, len(ids), 500):  # SQLite limits bound parameters
            taken.update(session.scalars(select(table.deleted).where(
                table.id.in_(ids[start:start + 500]))))
        if True in taken:
            raise UserError("That event or source was deleted; a deleted one cannot be saved "
                            "again.")
        if taken:
            raise UserError("An event or source ID is already used by another case.")


def _save_children(session, table, case_id: str, items: Iterable, to_values,
                   is_new: bool, checked: bool = False) -> None:
    items = list(items)
    if len({item.id for item in items}) != len(items):
        raise UserError("An event or source ID is listed twice in this case.")
    existing = {} if is_new else {
        r.id: r for r in session.scalars(_children_of(table), {"case_id": case_id})}
    unseen = [item.id for item in items if item.id not in existing]
    # One query for all new IDs (not one per item): bulk imports bring thousands.
    if unseen and not checked:
        taken = set(session.scalars(select(table.deleted).where(table.id.in_(unseen))))
        if True in taken:
            raise UserError("That event or source was deleted; a deleted one cannot be saved "
                            "again.")
        if taken:
            raise UserError("An event or source ID is already used by another case.")
    for position, item in enumerate(items):
        row = existing.pop(item.id, None)
        if row is None:
            row = table(id=item.id, case_id=case_id, deleted=False)
            session.add(row)
        assign(row, to_values(item, position))
    for row in existing.values():
        if not row.deleted:
            erasure.erase(session, row)


def delete_case(session: Session, case_id: str) -> None:
    """Erase the case with its timeline, sources, attachments and its place in asks and
    meetings (see app.vault.erasure)."""
    row = live(session, CaseRow, case_id)
    if row is None:
        raise UserError(NO_SUCH_CASE)
    erasure.erase_case(session, row)


# -- reading ---------------------------------------------------------------------------------


def get_case(session: Session, case_id: str) -> Case:
    row = live(session, CaseRow, case_id)
    if row is None:
        raise UserError(NO_SUCH_CASE)
    return case_from_row(session, row)


def get_cases(session: Session, case_ids: Iterable[str], *,
              keep_rows: list | None = None) -> dict[str, Case]:
    """The live cases among ``case_ids``, by ID: three queries per 500 IDs, not three per
    case (a spreadsheet import reads every case it updates). The case rows are appended to
    ``keep_rows`` if given: held there, the session finds them again without a query."""
    ids = list(dict.fromkeys(case_ids))
    found: dict[str, Case] = {}
    for start in range(0, len(ids), 500):  # SQLite limits bound parameters
        chunk = ids[start:start + 500]
        rows = session.scalars(select(CaseRow).where(
            CaseRow.id.in_(chunk), CaseRow.deleted.is_(False))).all()
        if keep_rows is not None:
            keep_rows.extend(rows)
        if not rows:
            continue
        live_ids = [row.id for row in rows]
        events: dict[str, list[Event]] = {i: [] for i in live_ids}
        for e in session.scalars(select(EventRow).where(
                EventRow.case_id.in_(live_ids), EventRow.deleted.is_(False)).order_by(
                EventRow.case_id, EventRow.position, EventRow.date_sort, EventRow.id)):
            events[str(e.case_id)].append(from_row(Event, e))
        sources: dict[str, list[Source]] = {i: [] for i in live_ids}
        for s in session.scalars(select(SourceRow).where(
                SourceRow.case_id.in_(live_ids), SourceRow.deleted.is_(False)).order_by(
                SourceRow.case_id, SourceRow.position, SourceRow.id)):
            sources[str(s.case_id)].append(from_row(Source, s))
        for row in rows:
            found[row.id] = from_row(Case, row, events=tuple(events[row.id]),
                                     sources=tuple(sources[row.id]))
    return found


def case_names(session: Session, case_ids: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """The display and original names of the live cases among ``case_ids``, by ID: for a
    list of thousands of cases that shows their names only (reads ``ix_cases_list``, never
    a wide row, an event or a source)."""
    ids = list(dict.fromkeys(case_ids))
    found: dict[str, tuple[str, str | None]] = {}
    for start in range(0, len(ids), 500):  # SQLite limits bound parameters
        for case_id, name, original in session.execute(
                select(CaseRow.id, CaseRow.display_name, CaseRow.name_original).where(
                    CaseRow.id.in_(ids[start:start + 500]), CaseRow.deleted.is_(False))):
            found[case_id] = (name, original)
    return found


def all_cases(session: Session) -> list[Case]:
    rows = session.scalars(select(CaseRow).where(CaseRow.deleted.is_(False))
                           .order_by(CaseRow.display_name, CaseRow.id))
    return [case_from_row(session, row) for row in rows]


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One line of the case list."""

    id: str
    display_name: str
    name_original: str | None
    status: Status | None
    category: Category | None
    consent: Consent | None
    priority: int | None
    nationalities: tuple[str, ...]
    tags: tuple[str, ...]
    last_raised: date | None
    days_detained: int | None


@dataclass(frozen=True, slots=True)
class CaseFilter:
    query: str = ""
    statuses: frozenset[Status] = field(default_factory=frozenset)
    categories: frozenset[Category] = field(default_factory=frozenset)
    consents: frozenset[Consent] = field(default_factory=frozenset)
    nationality: str | None = None
    tag: str | None = None
    priority: int | None = None
    not_raised_since_days: int | None = None  # includes cases never raised
    not_raised_by: str | None = None  # ... by this government (an organisation ID), not anyone
    not_raised_all_cases: bool = False  # ... released, deceased and do-not-raise ones too


NOT_TO_RAISE = (Status.RELEASED, Status.DECEASED)  # and consent "do not raise"


def not_raised_within(today: date, days: int, *, government_id: str | None = None,
                      all_cases: bool = False, statuses: bool = True, consent: bool = True):
    """SQL: no government (or ``government_id``) raised the case in the last ``days`` days,
    never raised included. Unless ``all_cases``, a case nobody should raise now (released,
    deceased, do not raise) is left out: ``statuses``/``consent`` say which part applies
    (a list filtered by status or consent already chose)."""
    cutoff = (today - timedelta(days=days)).isoformat()
    if government_id is None:
        found = or_(CaseRow.last_raised.is_(None), CaseRow.last_raised < cutoff)
    else:  # one probe of the (case, government, date) index per case
        found = ~exists(select(1).where(AskCase.case_id == CaseRow.id,
                                        AskCase.government_id == government_id,
                                        AskCase.date_sort >= cutoff))
    if not all_cases and statuses:
        found = and_(found, func.coalesce(CaseRow.status, "").not_in(
            [s.value for s in NOT_TO_RAISE]))
    if not all_cases and consent:
        found = and_(found, func.coalesce(CaseRow.consent, "") != Consent.DO_NOT_RAISE.value)
    return found


def list_cases(session: Session, today: date, flt: CaseFilter = CaseFilter()) -> list[CaseSummary]:
    """Cases matching every part of the filter, by name."""
    # Plain columns, not ORM objects: the list is read whole, thousands of rows at a time.
    stmt = select(*_SUMMARY_COLUMNS).where(CaseRow.deleted.is_(False))
    matching = search.matching_select(flt.query)
    if matching is not None:  # a subquery: not thousands of IDs sent back as an IN list
        stmt = stmt.where(CaseRow.id.in_(matching))
    if flt.statuses:
        stmt = stmt.where(CaseRow.status.in_([s.value for s in flt.statuses]))
    if flt.categories:
        stmt = stmt.where(CaseRow.category.in_([c.value for c in flt.categories]))
    if flt.consents:
        stmt = stmt.where(CaseRow.consent.in_([c.value for c in flt.consents]))
    if flt.priority is not None:
        stmt = stmt.where(CaseRow.priority == flt.priority)
    for column, wanted in ((CaseRow.nationalities, flt.nationality and flt.nationality.upper()),
                           (CaseRow.tags, flt.tag)):
        if wanted:
            each = func.json_each(column).table_valued("value")
            stmt = stmt.where(exists(select(1).select_from(each).where(each.c.value == wanted)))
    if flt.not_raised_since_days is not None:
        stmt = stmt.where(not_raised_within(
            today, flt.not_raised_since_days, government_id=flt.not_raised_by,
            all_cases=flt.not_raised_all_cases, statuses=not flt.statuses,
            consent=not flt.consents))
    stmt = stmt.order_by(CaseRow.display_name, CaseRow.id)
    # Core, not the ORM: plain tuples, without the ORM's per-row loading (which is half the
    # time at 10,000 cases). Core does not flush, so pending changes are flushed as the ORM
    # would.
    if session.autoflush:
        session.flush()
    return _summaries(session.connection().execute(stmt), today)


# The two lists as their stored text (``type_coerce``), decoded once per distinct value
# below rather than once per row by their column type.
_SUMMARY_COLUMNS = (CaseRow.id, CaseRow.display_name, CaseRow.name_original, CaseRow.status,
                    CaseRow.category, CaseRow.consent, CaseRow.priority,
                    type_coerce(CaseRow.nationalities, Text), type_coerce(CaseRow.tags, Text),
                    CaseRow.detention_start, CaseRow.last_raised)
_STATUSES = {s.value: s for s in Status}
_CATEGORIES = {c.value: c for c in Category}
_CONSENTS = {c.value: c for c in Consent}


def _summaries(rows, today: date) -> list[CaseSummary]:
    # Thousands of rows share a few hundred values (nationality lists, dates, statuses):
    # each is decoded once per list, which halves the time at 10,000 cases.
    @cache
    def listed(raw: str) -> tuple[str, ...]:
        return tuple(json.loads(raw))

    @cache
    def days_since(raw: str) -> int:
        return max(0, (today - FuzzyDate.parse(raw).latest()).days)

    @cache
    def day(raw: str) -> date:
        return date.fromisoformat(raw)

    status, category, consent = (_STATUSES.__getitem__, _CATEGORIES.__getitem__,
                                 _CONSENTS.__getitem__)
    # Positional, in the order of _SUMMARY_COLUMNS: unpacking is cheaper than attributes.
    return [CaseSummary(
        id=case_id, display_name=name, name_original=original,
        status=status(st) if st else None, category=category(cat) if cat else None,
        consent=consent(con) if con else None, priority=priority,
        nationalities=listed(nats), tags=listed(tags),
        last_raised=day(last) if last else None,
        days_detained=days_since(start) if start else None,
    ) for (case_id, name, original, st, cat, con, priority, nats, tags, start, last) in rows]
