# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Between domain dataclasses and table rows, by the fields' type hints: one mechanism.

Enums are stored as their values, fuzzy dates as canonical text, datetimes as ISO text,
tuples and small objects as JSON text. Values are assigned only when they differ, so the
audit log and the per-field clock stamps see real changes only.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import datetime
from enum import Enum
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.dates import FuzzyDate
from app.domain.model import Case, Event, Source
from app.errors import UserError
from app.vault.tables import CaseRow, EventRow, SourceRow

JSON_COLUMN_TYPES = (tuple,)


@cache
def _hints(cls) -> dict[str, object]:
    return typing.get_type_hints(cls)


@cache  # hints are few and hashable; looking them up is most of reading a row
def _unwrap_optional(tp):
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def to_plain(value):
    """A domain value as JSON-ready data."""
    if value is None or isinstance(value, bool | int | str) and not isinstance(value, Enum):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, FuzzyDate):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [to_plain(v) for v in value]
    if dataclasses.is_dataclass(value):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    raise TypeError(f"cannot store a {type(value).__name__}")


def from_plain(tp, plain):
    """JSON-ready data back to a domain value of type ``tp``."""
    tp = _unwrap_optional(tp)
    if plain is None:
        return None
    if _is_tuple(tp):
        item = typing.get_args(tp)[0]
        return tuple(from_plain(item, v) for v in plain)
    if isinstance(tp, type):
        if issubclass(tp, Enum):
            return tp(plain)
        if tp is FuzzyDate:
            return FuzzyDate.parse(plain)
        if tp is datetime:
            return datetime.fromisoformat(plain)
        if dataclasses.is_dataclass(tp):
            hints = _hints(tp)
            return tp(**{k: from_plain(hints[k], v) for k, v in plain.items() if k in hints})
    return plain


@cache
def is_json_column(tp) -> bool:
    """Tuples and small objects are JSON text; a fuzzy date is its canonical text."""
    tp = _unwrap_optional(tp)
    return typing.get_origin(tp) is tuple or (isinstance(tp, type) and tp is not FuzzyDate
                                              and dataclasses.is_dataclass(tp))


@cache
def _is_tuple(tp) -> bool:
    return typing.get_origin(_unwrap_optional(tp)) is tuple


def column_values(obj, skip: tuple[str, ...] = ()) -> dict[str, object]:
    """The row columns for a domain object (its fields, minus ``skip``)."""
    hints = _hints(type(obj))
    values = {}
    for f in dataclasses.fields(obj):
        if f.name in skip:
            continue
        plain = to_plain(getattr(obj, f.name))
        if is_json_column(hints[f.name]):
            plain = json.dumps(plain if plain is not None else None, ensure_ascii=False,
                               sort_keys=True) if plain is not None else None
            if plain is None and _is_tuple(hints[f.name]):
                plain = "[]"
        values[f.name] = plain
    return values


def from_row(cls, row, **extra):
    """A domain object from a row; ``extra`` supplies fields the row does not hold."""
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in extra:
            kwargs[f.name] = extra[f.name]
            continue
        raw = getattr(row, f.name)
        if is_json_column(hints[f.name]) and raw is not None:
            raw = json.loads(raw)
        kwargs[f.name] = from_plain(hints[f.name], raw)
    return cls(**kwargs)


def assign(row, values: dict[str, object]) -> list[str]:
    """Set the columns that differ; returns their names."""
    changed = []
    for name, value in values.items():
        if getattr(row, name) != value:
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
