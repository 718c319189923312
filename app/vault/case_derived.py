# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What each case derives from its own row and timeline, kept by the flush hook
(``app.vault.derived``) whoever wrote them: ``cases.detention_start`` (what
``rules.detention_start`` finds, so the case list shows days detained without reading
timelines) and the case's entry in the search index (``case_search`` and
``case_search_grams``, see ``app.vault.search_index``).

The hook hands over the cases whose row changed (other than its bookkeeping and derived
columns) and the cases of events that were added, changed or erased; ``refresh_cases``
reads them back as the flush left them, a few statements per 2,000 cases, and writes the
index rows and changed starts in batched statements (an import of thousands of cases costs
a handful). A deleted (erased) or vanished case leaves the index.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy import bindparam, func, inspect, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, attributes
from sqlalchemy.orm.util import identity_key

from app.domain import rules
from app.domain.dates import FuzzyDate
from app.domain.enums import DETAINED_STATUSES, EventKind, Status
from app.domain.model import Event
from app.vault import search_index
from app.vault.tables import CaseRow, EventRow

# A change to any other column of a case may change its text or its detention start.
_CASE_IGNORED = frozenset({"version", "field_versions", "origin", "last_raised",
                           "detention_start", "photo_id", "safe_to_travel"})
_EVENT_FIELDS = ("case_id", "position", "date", "date_sort", "kind", "title", "description",
                 "deleted")
_BATCH = 2000  # cases per read (the IDs go as one JSON array: no parameter limit)
_READ = frozenset({*rules.START_KINDS, EventKind.RELEASED})


def _among(column):
    each = func.json_each(bindparam("ids")).table_valued("value")
    return column.in_(select(each.c.value))


def _lines(column, path: str | None = None):
    """The non-empty items of a JSON list column (or the ``path`` of each), one per line,
    in list order: joined by SQLite, not decoded item by item in Python."""
    each = func.json_each(column).table_valued("value")
    item = func.json_extract(each.c.value, path) if path else each.c.value
    return (select(func.group_concat(item, "\n")).where(item != "")
            .correlate(CaseRow).scalar_subquery())


# What the text and the detention start read of a case and of its live events.
_CASES = select(CaseRow.id, CaseRow.deleted, CaseRow.status, CaseRow.status_since,
                CaseRow.sentence_ends, CaseRow.detention_start,
                _lines(CaseRow.other_names, "$.name").label("names"),
                _lines(CaseRow.charges).label("charges"), _lines(CaseRow.tags).label("tags"),
                *(getattr(CaseRow, name) for name in search_index.TEXT_FIELDS)).where(
    _among(CaseRow.id))
_EVENTS = (select(EventRow.case_id, EventRow.id, EventRow.kind, EventRow.date, EventRow.title,
                  EventRow.description)
           .where(EventRow.deleted.is_(False), _among(EventRow.case_id))
           .order_by(EventRow.case_id, EventRow.position, EventRow.date_sort, EventRow.id))
_SET_START = (update(CaseRow).where(CaseRow.id == bindparam("case_id"))
              .values(detention_start=bindparam("start")))


def _case_ids_of_event(obj: EventRow) -> set[str]:
    history = inspect(obj).attrs.case_id.history
    return {c for c in (*history.added, *history.unchanged, *history.deleted) if c}


def touched_cases(session: Session) -> set[str]:
    """The cases whose text or detention start this flush may change (the session's
    pre-flush state: called from ``after_flush``)."""
    found: set[str] = set()
    for obj in session.new:
        if isinstance(obj, CaseRow):
            found.add(obj.id)
        elif isinstance(obj, EventRow) and obj.case_id:
            found.add(obj.case_id)
    for obj in session.dirty:
        if isinstance(obj, CaseRow):
            attrs = inspect(obj).attrs
            if any(attrs[c.key].history.has_changes()
                   for c in CaseRow.__table__.columns if c.key not in _CASE_IGNORED):
                found.add(obj.id)
        elif isinstance(obj, EventRow):
            attrs = inspect(obj).attrs
            if any(attrs[name].history.has_changes() for name in _EVENT_FIELDS):
                found |= _case_ids_of_event(obj)
    for obj in session.deleted:
        if isinstance(obj, CaseRow):
            found.add(obj.id)
        elif isinstance(obj, EventRow):
            found |= _case_ids_of_event(obj)
    return found


def refresh_cases(session: Session, connection: Connection, case_ids: Collection[str]) -> None:
    """Rewrite the detention start and search entry of ``case_ids`` from their rows."""
    ordered = sorted(case_ids)
    for start in range(0, len(ordered), _BATCH):
        _refresh(session, connection, ordered[start:start + _BATCH])


def _refresh(session: Session, connection: Connection, case_ids: list[str]) -> None:
    ids = {"ids": json.dumps(case_ids)}
    rows = {row.id: row for row in connection.execute(_CASES, ids)}
    events: dict[str, list] = {}
    for event in connection.execute(_EVENTS, ids):
        events.setdefault(event.case_id, []).append(event)
    bodies: dict[str, str] = {}
    starts = []
    for case_id in case_ids:
        row = rows.get(case_id)
        if row is None or row.deleted:
            continue
        timeline = events.get(case_id, ())
        bodies[case_id] = search_index.text_of(
            [getattr(row, name) for name in search_index.TEXT_FIELDS],
            [row.names], [row.charges], [row.tags],
            [(event.title, event.description) for event in timeline])
        start = _detention_start(row, timeline)
        if start != row.detention_start:
            starts.append({"case_id": case_id, "start": start})
    search_index.unindex_cases(connection, [c for c in case_ids if c not in bodies])
    search_index.index_cases(connection, bodies)
    if starts:
        connection.execute(_SET_START, starts)
        _show_starts(session, starts)


@dataclass(frozen=True, slots=True)
class _Held:
    """What ``rules.detention_start`` reads of a case, from its rows."""

    status: Status | None
    status_since: FuzzyDate | None
    sentence_ends: FuzzyDate | None
    events: tuple[Event, ...]


def _fuzzy(value: str | None) -> FuzzyDate | None:
    return FuzzyDate.parse(value) if value else None


def _detention_start(row, timeline) -> str | None:
    """``rules.detention_start`` of the case, as stored; the timeline is read only for a
    person held (most cases are not)."""
    if row.status is None or Status(row.status) not in DETAINED_STATUSES:
        return None
    # Only the events the rule looks at (it orders them by date, stably: leaving the others
    # out changes nothing).
    held = _Held(Status(row.status), _fuzzy(row.status_since), _fuzzy(row.sentence_ends),
                 tuple(Event(id=e.id, date=FuzzyDate.parse(e.date), title=e.title,
                             kind=EventKind(e.kind)) for e in timeline if e.kind in _READ))
    found = rules.detention_start(held)
    return str(found) if found else None


def _show_starts(session: Session, starts: Iterable[dict]) -> None:
    """The loaded case rows hold the start just written, as if the ORM had written it."""
    for item in starts:
        obj = session.identity_map.get(identity_key(CaseRow, item["case_id"]))
        if obj is not None:
            attributes.set_committed_value(obj, "detention_start", item["start"])


def rebuild_cases(session: Session) -> None:
    """Every case's detention start and search entry from scratch (to check the hook)."""
    session.flush()
    refresh_cases(session, session.connection(), list(session.scalars(select(CaseRow.id))))
