# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Between domain dataclasses and table rows, by the fields' type hints: one mechanism.

Enums are stored as their values, fuzzy dates as canonical text, datetimes as ISO text,
tuples and small objects as JSON values (``JsonText`` columns store them as JSON text).
Values are assigned only when they differ, so the audit log and the per-field clock stamps
see real changes only.
"""

from __future__ import annotations

from functools import cache, partial

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from app.domain.model import Case, Event, Source
from app.domain.plain import field_names, hints, is_record, is_tuple, structure, unstructure
from app.errors import UserError
from app.vault.tables import CaseRow, EventRow, SourceRow


@cache
def is_json_column(tp) -> bool:
    """Tuples and small objects are JSON columns; a fuzzy date is its canonical text."""
    return is_tuple(tp) or is_record(tp)


def column_values(obj, skip: tuple[str, ...] = ()) -> dict[str, object]:
    """The row columns for a domain object (its fields, minus ``skip``)."""
    values = {}
    for name, listed in _columns(type(obj)):
        if name in skip:
            continue
        value = getattr(obj, name)
        # most values are plain already (a bulk import converts millions)
        plain = value if type(value) in _PLAIN else unstructure(value)
        if plain is None and listed:
            plain = []
        values[name] = plain
    return values


_PLAIN = frozenset({str, int, bool, type(None)})  # StrEnums are not str: they convert


@cache
def _columns(cls) -> tuple[tuple[str, bool], ...]:
    """Each field of ``cls`` and whether it is a tuple (stored as a list, never NULL)."""
    types = hints(cls)
    return tuple((name, is_tuple(types[name])) for name in field_names(cls))


def from_row(cls, row, **extra):
    """A domain object from a row; ``extra`` supplies fields the row does not hold."""
    types = hints(cls)
    kwargs = {}
    for name in field_names(cls):
        if name in extra:
            kwargs[name] = extra[name]
            continue
        kwargs[name] = structure(types[name], getattr(row, name))
    return cls(**kwargs)


def assign(row, values: dict[str, object]) -> list[str]:
    """Set the columns that differ; returns their names."""
    state = inspect(row)
    # A row not yet stored holds only what it was given (a column never set reads as None):
    # its dict answers without the attribute machinery, thousands of times in a bulk import.
    current = state.dict.get if state.key is None else partial(getattr, row)
    changed = []
    for name, value in values.items():
        if current(name) != value:
            setattr(row, name, value)
            changed.append(name)
    return changed


def refuse_tombstone(row, what: str) -> None:
    """Deletion is final (its content is erased, and colleagues' vaults drop the record):
    a deleted record's ID is never written again."""
    if row is not None and row.deleted:
        raise UserError(f"That {what} was deleted; a deleted {what} cannot be saved again.")


def case_from_row(session: Session, row: CaseRow) -> Case:
    """A case with its live timeline and sources, in their order."""
    events = session.scalars(select(EventRow).where(
        EventRow.case_id == row.id, EventRow.deleted.is_(False)).order_by(
        EventRow.position, EventRow.date_sort, EventRow.id))
    sources = session.scalars(select(SourceRow).where(
        SourceRow.case_id == row.id, SourceRow.deleted.is_(False)).order_by(
        SourceRow.position, SourceRow.id))
    return from_row(Case, row,
                    events=tuple(from_row(Event, e) for e in events),
                    sources=tuple(from_row(Source, s) for s in sources))
