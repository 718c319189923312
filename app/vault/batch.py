# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""New records written in batches by Core ``executemany``, not one ORM object per row.

A bulk import brings hundreds of thousands of new rows (the reference vault: 10,000 cases,
200,000 events, 100,000 asks); the ORM's unit of work for each (the mapped object, its
instrumented attributes, the flush's bookkeeping, the identity map) cost more than half of
the import. Rows given here end up exactly as the flush would have left them: stamped and
audited by ``app.vault.tracking.stamp_created`` (the same fields, one clock stamp each,
this vault's origin, an audit entry in the order the rows were given), their column
defaults filled in as the ORM fills them, and what derives from new cases and asks (search
index and detention start from each new case as given, as ``app.vault.case_derived`` derives
them from its rows; ``ask_cases``, last raised and open follow-ups by
``app.vault.derived.created`` once at the end, ``finish``). Updates of existing records keep
the ORM path.

Only for rows the caller knows are new (no row with their ID, live or deleted) and whose
references it checked; never for a colleague's records (those keep their own stamps).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy import inspect
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from app.domain import rules
from app.domain.model import Case
from app.vault import derived, search_index, tracking
from app.vault.json_text import JsonText, dump_json
from app.vault.tables import AskRow, CaseRow

# Rows held before they are written: bounds the memory of a large import.
_FLUSH_AT = 20_000
_QMARK = sqlite.dialect(paramstyle="qmark")  # what sqlcipher3 binds
# Columns whose text ``tracking.stamp_created`` writes itself.
_AS_TEXT = frozenset({"field_versions"})


@dataclass(frozen=True)
class _Shape:
    """How a row of a table is written: its INSERT (positional parameters) and, per column,
    its key, the value an INSERT by the ORM gives it when the object was not given one (its
    default, else NULL) and whether it is stored as JSON text."""

    insert: str
    columns: tuple[tuple[str, object, bool], ...]


@cache
def _shape(table) -> _Shape:
    compiled = table.__table__.insert().compile(dialect=_QMARK)
    mapped = inspect(table).columns
    columns = []
    for key in compiled.positiontup:  # every column, in the order of the statement's marks
        column = mapped[key]
        default, as_json = column.default, isinstance(column.type, JsonText)
        if default is None:
            value = None
        elif default.is_scalar:
            value = default.arg
        elif default.is_callable:
            value = default.arg(None)
        else:  # a SQL expression default: none of the synced tables has one
            raise TypeError(f"{table.__tablename__}.{key}: unsupported default")
        if as_json and value is not None:
            value = dump_json(value)
        columns.append((key, value, as_json and key not in _AS_TEXT))
    return _Shape(str(compiled), tuple(columns))


class NewRows:
    """New rows of synced tables, stamped as they are added, written by ``write``."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.at = session.info["clock"]().isoformat(timespec="seconds")
        self.rows: dict[type, list[tuple]] = {}
        self.audit: list[tuple] = []
        self.bodies: dict[str, str] = {}  # new cases' search text: dropped once written
        self.cases: list[str] = []
        self.asks: list[str] = []
        self.held = 0

    @staticmethod
    def possible(session: Session) -> bool:
        return tracking.can_stamp(session)

    def add(self, table, values: dict, case: Case | None = None) -> None:
        """A new row: ``values`` are what the ORM object would have been given (its ID,
        ``deleted``, and every column whose value is not None). A case's row comes with
        the ``case`` (its events included): its search entry and detention start are
        derived from it as the flush hook derives them from its rows."""
        row = {key: value for key, value in values.items() if value is not None}
        self.audit.append(tracking.stamp_created(self.session, table, row, self.at))
        if case is not None:
            start = rules.detention_start(case)
            row["detention_start"] = str(start) if start else None
            self.bodies[case.id] = search_index.case_text(case)
        stored = []
        for key, default, as_json in _shape(table).columns:
            value = row.get(key)
            if value is None:
                stored.append(default)
            else:
                stored.append(dump_json(value) if as_json else value)
        self.rows.setdefault(table, []).append(tuple(stored))
        if table is CaseRow:
            self.cases.append(row["id"])
        elif table is AskRow:
            self.asks.append(row["id"])
        self.held += 1
        if self.held >= _FLUSH_AT:  # a case and its events may go in two writes: no matter,
            self.write()            # the foreign keys are checked at the commit

    def write(self) -> None:
        """Insert the rows held and their audit entries (not yet what derives from them)."""
        if not self.held:
            return
        connection = self.session.connection()
        for table, rows in self.rows.items():  # text, not a construct: bound as they are
            connection.exec_driver_sql(_shape(table).insert, rows)
        tracking.write_audit(self.session, self.audit)
        search_index.index_cases(connection, self.bodies, new=True)
        self.rows, self.audit, self.bodies, self.held = {}, [], {}, 0

    def finish(self) -> None:
        """Insert what is held, then derive from every new case and ask at once: once, not
        per write, since each pass re-derives the follow-ups of every ask on the cases it
        touches (per write, a reference import re-derived its 100,000 asks five times).
        Call it after the session's own rows are flushed."""
        self.write()
        if self.cases or self.asks:
            derived.created(self.session, self.cases, self.asks)
        self.cases, self.asks = [], []
