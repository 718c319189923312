# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Review and resolve the values that lost a concurrent edit.

Keeping the current value only marks the conflict resolved. Taking the losing value writes
it as a fresh local edit (a new clock stamp), so colleagues receive it with the next bundle.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.errors import UserError
from app.sharing import records
from app.sharing.derived import rebuild_rows
from app.vault.sharing_tables import ConflictRow


@dataclass(frozen=True, slots=True)
class Conflict:
    id: int
    record_kind: str
    record_id: str
    field: str
    losing_value: object
    current_value: object
    losing_stamp: str
    winning_stamp: str
    detected_at: str


def list_conflicts(vault, *, include_resolved: bool = False) -> list[Conflict]:
    with vault.session() as session:
        stmt = select(ConflictRow).order_by(ConflictRow.id)
        if not include_resolved:
            stmt = stmt.where(ConflictRow.resolved.is_(False))
        found = []
        for row in session.scalars(stmt):
            record = session.get(records.KINDS[row.record_kind], row.record_id)
            current = getattr(record, row.field) if record is not None else None
            found.append(Conflict(row.id, row.record_kind, row.record_id, row.field,
                                  row.losing_value, current, row.losing_stamp,
                                  row.winning_stamp, row.detected_at))
        return found


def resolve(vault, conflict_id: int, *, take_losing: bool) -> None:
    """Close a conflict, keeping the current value or restoring the losing one."""
    with vault.session() as session:
        row = session.get(ConflictRow, conflict_id)
        if row is None or row.resolved:
            raise UserError("No open conflict with that number.")
        row.resolved = True
        if take_losing:
            table = records.KINDS[row.record_kind]
            record = session.get(table, row.record_id)
            if record is None or record.deleted:
                raise UserError("The record of this conflict no longer exists.")
            setattr(record, row.field, row.losing_value)
            session.flush()  # stamps the field as a new local edit
            touched = {row.record_kind: {record.id: record}}
            if hasattr(record, "case_id"):
                touched.setdefault("case", {})[record.case_id] = None
            rebuild_rows(session, touched)


_LABEL_FIELDS = ("display_name", "name", "title", "filename", "date")


def record_label(session, record_kind: str, record_id: str) -> str:
    """A short name for the record of a conflict, for the review screen: a case's display
    name, an event's title with its case's name, and so on; "" if it no longer exists."""
    table = records.KINDS.get(record_kind)
    record = session.get(table, record_id) if table is not None else None
    if record is None:
        return ""
    own = next((str(getattr(record, name)) for name in _LABEL_FIELDS
                if getattr(record, name, None)), "")
    case_id = getattr(record, "case_id", None)
    if record_kind != "case" and case_id:
        case = session.get(records.KINDS["case"], case_id)
        if case is not None and case.display_name:
            return f"{own} ({case.display_name})" if own else case.display_name
    return own


@dataclass(frozen=True, slots=True)
class ConflictView:
    """A conflict with the name of its record, for display."""

    conflict: Conflict
    record_label: str


def review_conflicts(vault) -> list[ConflictView]:
    """The open conflicts, each with a readable name for its record."""
    found = list_conflicts(vault)
    with vault.session() as session:
        return [ConflictView(c, record_label(session, c.record_kind, c.record_id))
                for c in found]
