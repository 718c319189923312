# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Deletion that erases: a deleted record keeps only its ID and the deletion stamp.

Every delete, local or from a colleague's bundle, goes through ``erase``: each content
column is emptied in the same transaction, so the live database, and every bundle that
carries the tombstone, hold nothing of what was deleted. A deleted case takes with it its
timeline, sources, attachments (their keys here, their ciphertext after the commit) and the
involvements of officials in it,
its search entry, its place in asks and meetings (an ask that named only it goes too) and
the conflicts kept about any of them. Deletion is final: a tombstone is never brought back
to life, here or by a bundle (see ``app.sharing.merge``). Snapshots in ``backups/`` keep a
deleted record until they rotate out, or until ``app.services.erasure.purge_snapshots``
rewrites them. What derives from an erased row (``ask_cases``, last raised, open follow-ups,
a case's search entry) follows on the flush (``app.vault.derived``); the search index is
flushed and merged (``optimize``) before the commit, so no old segment keeps the terms.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, LargeBinary, delete, event, func, select, text
from sqlalchemy.orm import Session

from app.domain import hlc
from app.vault.json_text import JsonText, dump_json
from app.vault.sharing_tables import ConflictRow
from app.vault.tables import (
    AskRow,
    AttachmentRow,
    CaseRow,
    EventRow,
    InvolvementRow,
    MeetingRow,
    OfficialRow,
    SourceRow,
)
from app.vault.tracking import STAMPED

# The rows that belong to one case and go with it.
CASE_CHILDREN = (EventRow, SourceRow, AttachmentRow, InvolvementRow)
KEPT = frozenset({"id", "deleted", "origin", "version", "field_versions"})
DROP_BLOBS = "erasure.drop_blobs"  # session.info: ciphertext to remove once committed
OPTIMIZE = "erasure.optimize_search"  # session.info: the search index lost text


def empty_value(column):
    """What a column of a tombstone holds: nothing, in the column's own type."""
    if column.nullable:
        return None
    if isinstance(column.type, JsonText):
        return []  # every list column is NOT NULL ("[]"); object columns are nullable
    kind = type(column.type)
    if issubclass(kind, Boolean):
        return False
    if issubclass(kind, Integer):
        return 0
    if issubclass(kind, LargeBinary):
        return b""
    return ""


def stored_empty_value(column):
    """``empty_value`` as the database holds it (for SQL that bypasses the column types)."""
    value = empty_value(column)
    return dump_json(value) if value is not None and isinstance(column.type, JsonText) \
        else value


def deletion_stamp(session: Session, stamp: str | None) -> str:
    """The stamp of a deletion: a colleague's, or a fresh one of this vault's clock."""
    return stamp if stamp is not None else session.info["hlc"].tick()


def erase(session: Session, row, stamp: str | None = None) -> None:
    """Empty ``row`` (any synced row) and mark it deleted; ``stamp``: the deletion's (a
    colleague's, or the case's whose deletion takes this row with it)."""
    stamp = deletion_stamp(session, stamp)
    if row.__audit_kind__ == "attachment" and row.blob_id:
        session.info.setdefault(DROP_BLOBS, []).append(row.blob_id)
    if row.__audit_kind__ == "event":  # its title and description leave the search text
        session.info[OPTIMIZE] = True
    for column in row.__table__.columns:
        if column.key not in KEPT:
            setattr(row, column.key, empty_value(column))
    row.deleted = True
    row.origin = ""
    _stamp(session, row, stamp)
    session.execute(delete(ConflictRow).where(
        ConflictRow.record_kind == row.__audit_kind__, ConflictRow.record_id == row.id))


def _stamp(session: Session, row, stamp: str | None = None) -> None:
    """A deleted record carries its deletion's stamp. What the deletion takes with it (a
    deleted case's timeline, its place in asks and meetings) keeps the stamps it had:
    every vault that learns of the deletion makes the same changes to the same stamps,
    with no new stamp of its own that it would have to pass on. Either way the flush hook
    is told not to stamp these rows again."""
    if stamp is not None:
        row.field_versions = {"deleted": stamp}
        row.version = stamp
    session.info.setdefault(STAMPED, set()).add((row.__audit_kind__, row.id))


def _own_stamp(row) -> str:
    """The stamp a row taken along by a deletion keeps as a tombstone: its own."""
    return (row.field_versions or {}).get("deleted") or hlc.ZERO


def erase_case(session: Session, row: CaseRow, stamp: str | None = None) -> None:
    """Erase a case and everything that is about it alone."""
    forget_case(session, row.id)
    erase(session, row, stamp)  # the flush hook takes it out of the search index
    session.info[OPTIMIZE] = True


def forget_case(session: Session, case_id: str) -> None:
    """Erase what belongs to a deleted case, and take it out of the asks and meetings that
    name it (an ask that named only it goes too)."""
    for table in CASE_CHILDREN:
        for child in session.scalars(select(table).where(table.case_id == case_id,
                                                         table.deleted.is_(False))):
            erase(session, child, _own_stamp(child))
    each = func.json_each(AskRow.case_ids).table_valued("value")
    naming = select(AskRow).where(AskRow.deleted.is_(False), select(1).select_from(each)
                                  .where(each.c.value == case_id).exists())
    for ask in list(session.scalars(naming)):
        named = [c for c in ask.case_ids if c != case_id]
        if named:
            ask.case_ids = named
            _stamp(session, ask)
        else:
            erase(session, ask, _own_stamp(ask))
    for meeting in session.scalars(select(MeetingRow).where(MeetingRow.deleted.is_(False),
                                                            MeetingRow.cases.contains(case_id))):
        kept = without_cases(meeting.cases, {case_id})
        if len(kept) != len(meeting.cases):
            meeting.cases = kept
            _stamp(session, meeting)
    for conflict in session.scalars(select(ConflictRow).where(
            ConflictRow.field.in_(("case_ids", "cases")),
            ConflictRow.losing_value.contains(case_id))):
        conflict.losing_value = without_cases(conflict.losing_value, {case_id})


def case_of(item) -> str | None:
    """The case an item of an ask's case list or of a meeting's cases is about."""
    return item.get("case_id") if isinstance(item, dict) else item


def without_cases(items: list, case_ids: set[str]) -> list:
    """An ask's case list or a meeting's cases without the given cases."""
    return [item for item in items if case_of(item) not in case_ids]


def erase_official(session: Session, row: OfficialRow, stamp: str | None = None) -> None:
    """Erase an official; their asks keep counting for the government they served."""
    if row.organisation_id:
        for ask in session.scalars(select(AskRow).where(
                AskRow.raised_by_official_id == row.id,
                AskRow.raised_by_organisation_id.is_(None), AskRow.deleted.is_(False))):
            ask.raised_by_organisation_id = row.organisation_id
            _stamp(session, ask)
    erase(session, row, stamp)


def erase_record(session: Session, row, stamp: str | None = None) -> None:
    """Erase any synced row, with what goes with it."""
    kind = row.__audit_kind__
    if kind == "case":
        erase_case(session, row, stamp)
    elif kind == "official":
        erase_official(session, row, stamp)
    else:
        case_id = getattr(row, "case_id", None)
        erase(session, row, stamp)
        if kind == "attachment":
            case = session.get(CaseRow, case_id) if case_id else None
            if case is not None and case.photo_id == row.id:
                case.photo_id = None
                _stamp(session, case)


# -- after the commit --------------------------------------------------------------------------


@event.listens_for(Session, "before_commit")
def _compact_search(session: Session) -> None:
    # FTS5 keeps a deleted row's terms in older index segments until they are merged.
    if session.info.get(OPTIMIZE):
        session.flush()  # the erased cases leave the index on the flush: before merging
        session.info.pop(OPTIMIZE, None)
        session.execute(text("INSERT INTO case_search(case_search) VALUES ('optimize')"))
        session.execute(text("INSERT INTO case_search_grams(case_search_grams) "
                             "VALUES ('optimize')"))


@event.listens_for(Session, "after_commit")
def _drop_blobs(session: Session) -> None:
    blobs = session.info.pop(DROP_BLOBS, None)
    store = session.info.get("blobs")
    if blobs and store is not None:
        for blob_id in blobs:
            store.delete(blob_id, missing_ok=True)


@event.listens_for(Session, "after_rollback")
def _keep_blobs(session: Session) -> None:
    session.info.pop(DROP_BLOBS, None)
    session.info.pop(OPTIMIZE, None)
