# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Synced rows as bundle records, which rows a bundle carries, and which cases it names.

A record is one row of a synced table: its kind, ID, origin, clock stamps and the values
of its merged fields, named as in interchange JSON (list and object columns as JSON
values, not text). Events, sources and attachments are records of their own, so a case's
timeline merges as a set. Per-vault columns (an attachment's blob ID and key) and derived
columns never travel. Must never select a case the user did not choose: asks and meetings
that also name unselected cases are left out of a selection, not widened into it.
"""

from __future__ import annotations

import functools
import typing

from sqlalchemy import Boolean, Integer, func, or_, select
from sqlalchemy.orm import Session

from app.domain import hlc
from app.domain.model import (
    Ask,
    Case,
    Encounter,
    Event,
    Involvement,
    Meeting,
    Official,
    Organisation,
    Source,
)
from app.domain.plain import structure
from app.vault import erasure
from app.vault.json_text import JsonText
from app.vault.schema import AuditEntry
from app.vault.tables import (
    SYNCED_TABLES,
    AskRow,
    AttachmentRow,
    CaseRow,
    EncounterRow,
    EventRow,
    InvolvementRow,
    MeetingRow,
    OfficialRow,
    OrganisationRow,
    SourceRow,
)
from app.vault.tracking import SYNC_BOOKKEEPING

KINDS = {table.__audit_kind__: table for table in SYNCED_TABLES}
# Applied order: what others refer to comes first.
KIND_ORDER = ("organisation", "official", "case", "event", "source", "attachment",
              "encounter", "ask", "meeting", "involvement")
# Never leaves this vault: attachment keys, and which cases this laptop may carry abroad.
LOCAL_ONLY = frozenset({"blob_id", "blob_key", "safe_to_travel"})
DOMAIN = {"organisation": Organisation, "official": Official, "case": Case, "event": Event,
          "source": Source, "ask": Ask, "meeting": Meeting, "involvement": Involvement,
          "encounter": Encounter}
# Where an event or source sits in its case's list is a field like any other (stamped,
# merged last-writer-wins), so every vault ends with the same order; a reordering that loses
# is not kept as a conflict (see merge.UNREVIEWED).


def merged_fields(table) -> tuple[str, ...]:
    """The columns of ``table`` merged field by field (``deleted`` included)."""
    return tuple(c.key for c in table.__mapper__.column_attrs
                 if c.key not in SYNC_BOOKKEEPING and c.key not in LOCAL_ONLY)


FIELDS = {kind: merged_fields(table) for kind, table in KINDS.items()}
# List and object columns: JSON values in the row and in the record alike (``JsonText``).
JSON_COLUMNS = frozenset(c.key for table in SYNCED_TABLES for c in table.__table__.columns
                         if isinstance(c.type, JsonText))


def column_python_type(table, name: str):
    column = table.__table__.c[name]
    if isinstance(column.type, Boolean):
        return bool
    if isinstance(column.type, Integer):
        return int
    return str


def record_of(row) -> dict:
    kind = row.__audit_kind__
    if row.deleted:  # a tombstone carries its ID and deletion stamp, nothing else
        stamp = (row.field_versions or {}).get("deleted") or row.version
        return {"kind": kind, "id": row.id, "origin": "", "version": stamp,
                "field_versions": {"deleted": stamp}, "fields": {"deleted": True}}
    versions = {k: v for k, v in (row.field_versions or {}).items()
                if k in FIELDS[kind]}
    version = row.version or max(versions.values(), default=hlc.ZERO)
    record = {"kind": kind, "id": row.id, "origin": row.origin or "", "version": version,
              "field_versions": versions,
              "fields": {name: getattr(row, name) for name in FIELDS[kind]}}
    return record


# -- which rows a bundle carries --------------------------------------------------------------


def latest_audit_id(session: Session) -> int:
    return session.scalar(select(func.max(AuditEntry.id))) or 0


def changed_rows(session: Session, since_audit_id: int) -> list:
    """Every synced row written (locally or by a merge) after the audit position."""
    if since_audit_id <= 0:
        return [row for kind in KIND_ORDER
                for row in session.scalars(select(KINDS[kind]).order_by(KINDS[kind].id))]
    touched: dict[str, set[str]] = {}
    for kind, record_id in session.execute(
            select(AuditEntry.record_kind, AuditEntry.record_id)
            .where(AuditEntry.id > since_audit_id)):
        touched.setdefault(kind, set()).add(record_id)
    rows = []
    for kind in KIND_ORDER:
        ids = sorted(touched.get(kind, ()))
        table = KINDS[kind]
        for start in range(0, len(ids), 500):
            rows += session.scalars(select(table).where(table.id.in_(ids[start:start + 500]))
                                    .order_by(table.id))
    return rows


def selected_rows(session: Session, case_ids: list[str]) -> tuple[list, int]:
    """The chosen cases with their timeline, sources, attachments and involvements, the
    asks and meetings about them alone, the encounters those asks were made at, and the
    organisations and officials all of these refer to.

    Returns the rows and how many asks and meetings were left out because they also name
    cases outside the selection.
    """
    chosen = set(case_ids)
    cases = list(session.scalars(select(CaseRow).where(CaseRow.id.in_(chosen))))
    rows: list = list(cases)
    for table in (EventRow, SourceRow, AttachmentRow, InvolvementRow):
        rows += session.scalars(select(table).where(table.case_id.in_(chosen))
                                .order_by(table.id))
    left_out = 0
    org_ids: set[str] = set()
    official_ids: set[str] = {row.official_id for row in rows
                              if isinstance(row, InvolvementRow) and row.official_id}
    encounter_ids: set[str] = set()
    for ask in session.scalars(select(AskRow).order_by(AskRow.id)):
        named = set(ask.case_ids or ())
        if not named & chosen:
            continue
        if not named <= chosen:
            left_out += 1
            continue
        rows.append(ask)
        if ask.encounter_id:
            encounter_ids.add(ask.encounter_id)
        official_ids.update(i for i in (ask.raised_by_official_id,
                                        ask.raised_with_official_id) if i)
        org_ids.update(i for i in (ask.raised_by_organisation_id,
                                   ask.raised_with_organisation_id) if i)
    for meeting in session.scalars(select(MeetingRow).order_by(MeetingRow.id)):
        named = {item["case_id"] for item in meeting.cases or ()}
        if not named & chosen:
            continue
        if not named <= chosen:
            left_out += 1
            continue
        rows.append(meeting)
        official_ids.update(meeting.official_ids or ())
        if meeting.organisation_id:
            org_ids.add(meeting.organisation_id)
    encounters = list(session.scalars(select(EncounterRow).where(
        EncounterRow.id.in_(encounter_ids)).order_by(EncounterRow.id)))
    for encounter in encounters:
        org_ids.update(encounter.organisation_ids or ())
    officials = list(session.scalars(select(OfficialRow).where(
        OfficialRow.id.in_(official_ids)).order_by(OfficialRow.id)))
    for official in officials:
        org_ids.update(filter(None, [official.organisation_id, *(
            p.get("organisation_id") for p in official.positions or ())]))
    organisations = list(session.scalars(select(OrganisationRow).where(
        or_(OrganisationRow.id.in_(org_ids))).order_by(OrganisationRow.id)))
    return organisations + officials + encounters + rows, left_out


# -- checking what a bundle brings ------------------------------------------------------------


def is_tombstone(rec: dict) -> bool:
    """A deleted record: today's carry only ``deleted``; older builds sent every field."""
    return rec["fields"].get("deleted") is True

_RECORD_KEYS = {"kind", "id", "origin", "version", "field_versions", "fields"}


def _bad() -> ValueError:
    return ValueError("not a bundle record")


def check_record(rec: dict) -> None:
    """Shape and column types of one record (enums and dates are checked when applied)."""
    kind = rec.get("kind")
    if kind not in KINDS or not set(rec) <= _RECORD_KEYS:
        raise _bad()
    table = KINDS[kind]
    if not isinstance(rec.get("id"), str) or not 0 < len(rec["id"]) <= 36:
        raise _bad()
    if not isinstance(rec.get("origin"), str) or len(rec["origin"]) > 32:
        raise _bad()
    versions, fields = rec.get("field_versions"), rec.get("fields")
    if not isinstance(versions, dict) or not isinstance(fields, dict):
        raise _bad()
    if is_tombstone(rec) and set(fields) == {"deleted"}:
        if set(versions) != {"deleted"}:
            raise _bad()
    elif set(fields) != set(FIELDS[kind]) or not set(versions) <= set(fields):
        raise _bad()
    for stamp in [rec.get("version"), *versions.values()]:
        if not isinstance(stamp, str) or len(stamp) > 64:
            raise _bad()
        hlc.parse(stamp)
    for name, value in fields.items():
        check_value(table, name, value)


def check_value(table, name: str, value) -> None:
    """A field's value has its column's type (enums and dates are checked when applied)."""
    nullable, is_json, python_type = _column_rule(table, name)
    if value is None:
        if not nullable:
            raise _bad()
        return
    if is_json:
        if not isinstance(value, list | dict):
            raise _bad()
        return
    if type(value) is not python_type:
        raise _bad()


@functools.cache
def _column_rule(table, name: str) -> tuple[bool, bool, type]:
    """Looked up once per column, not once per field of every record a bundle holds."""
    column = table.__table__.c[name]
    return bool(column.nullable), name in JSON_COLUMNS, column_python_type(table, name)


def cases_not_here(session: Session, recs: list[dict], conflicts: list[dict]) -> set[str]:
    """The cases a bundle names (as records, or through its events, sources, attachments,
    asks, meetings and kept conflicts) that this vault does not hold at all. Tombstones
    name nothing: deleting is never bringing back."""
    named: set[str] = set()
    for rec in recs:
        if is_tombstone(rec):
            continue
        kind, fields = rec["kind"], rec["fields"]
        if kind == "case":
            named.add(rec["id"])
        elif kind in ("event", "source", "attachment"):
            named.add(fields.get("case_id"))
        elif kind in ("ask", "meeting"):
            named.update(erasure.case_of(item) for item in
                         fields.get("case_ids" if kind == "ask" else "cases") or ())
    for conflict in conflicts:
        if conflict.get("field") in ("case_ids", "cases") and \
                isinstance(conflict.get("losing_value"), list):
            named.update(erasure.case_of(item) for item in conflict["losing_value"])
    named = {c for c in named if isinstance(c, str)}
    here: set[str] = set()
    ordered = sorted(named)
    for start in range(0, len(ordered), 500):
        here.update(session.scalars(select(CaseRow.id).where(
            CaseRow.id.in_(ordered[start:start + 500]))))
    return named - here


# -- conflicts travel with the records they are about -----------------------------------------

CONFLICT_KEYS = ("record_kind", "record_id", "field", "losing_value", "losing_stamp",
                 "winning_stamp")


def conflicts_on(session: Session, carried: set[tuple[str, str]]) -> list[dict]:
    """Unresolved conflicts about records this bundle carries, so that the colleague whose
    edit lost learns of it too."""
    from app.vault.sharing_tables import ConflictRow

    found = []
    for row in session.scalars(select(ConflictRow).where(ConflictRow.resolved.is_(False))
                               .order_by(ConflictRow.id)):
        if (row.record_kind, row.record_id) in carried:
            found.append({"record_kind": row.record_kind, "record_id": row.record_id,
                          "field": row.field, "losing_value": row.losing_value,
                          "losing_stamp": row.losing_stamp,
                          "winning_stamp": row.winning_stamp})
    return found


def check_conflict(conflict) -> None:
    if not isinstance(conflict, dict) or set(conflict) != set(CONFLICT_KEYS):
        raise _bad()
    kind = conflict["record_kind"]
    if kind not in KINDS or conflict["field"] not in FIELDS[kind]:
        raise _bad()
    check_value(KINDS[kind], conflict["field"], conflict["losing_value"])
    hint = typing.get_type_hints(DOMAIN[kind]).get(conflict["field"]) if kind in DOMAIN else None
    if hint is not None:  # an enum value or a date it names must read back ("use the other")
        structure(hint, conflict["losing_value"])
    if not isinstance(conflict["record_id"], str) or len(conflict["record_id"]) > 36:
        raise _bad()
    for name in ("losing_stamp", "winning_stamp"):
        if not isinstance(conflict[name], str) or len(conflict[name]) > 64:
            raise _bad()
        hlc.parse(conflict[name])
