# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Travel mode's strip: the one transaction that removes every trace of the cases not marked
safe to travel, and the safety net that rolls it back if any link to them is left.

Called only by ``app.services.travel.prepare_for_travel``, after the full backup has been
written and read back. Like that module, it must never log or put in an error message
anything about a case.
"""

from __future__ import annotations

import json
import re

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.errors import UserError
from app.services import drafts
from app.vault import derived, search_index
from app.vault.json_text import dump_json
from app.vault.tables import CaseRow

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def strip(session: Session) -> tuple[int, int, int]:
    """Inside the caller's transaction, every trace of the cases not marked safe to travel
    goes; returns how many cases were kept, how many went, and how many attachments went."""
    drafts.discard_all(session)  # unsaved edits kept at a lock: of any case, or a new one
    keep = set(session.scalars(select(CaseRow.id).where(
        CaseRow.deleted.is_(False), CaseRow.safe_to_travel.is_(True))))
    all_cases = set(session.scalars(select(CaseRow.id)))
    gone_cases = all_cases - keep
    gone: set[str] = set(gone_cases)  # every record ID that leaves

    def ids(sql: str) -> set[str]:
        return {r[0] for r in session.execute(text(sql)) if r[1] not in keep or r[2]}

    gone_events = ids("SELECT id, case_id, deleted FROM events")
    gone_sources = ids("SELECT id, case_id, deleted FROM sources")
    gone_attachments = ids("SELECT id, case_id, deleted FROM attachments")
    gone_involvements = ids("SELECT id, case_id, deleted FROM involvements")
    gone |= gone_events | gone_sources | gone_attachments | gone_involvements
    gone |= _trim_lists(session, "asks", "case_ids", keep, gone_cases, lambda x: x)
    gone |= _trim_lists(session, "meetings", "cases", keep, gone_cases,
                        lambda x: x.get("case_id") if isinstance(x, dict) else None)

    _delete_ids(session, "ask_cases", "ask_id", gone)
    session.execute(text("DELETE FROM ask_cases WHERE case_id NOT IN "
                         "(SELECT id FROM cases WHERE deleted = 0 AND safe_to_travel = 1)"))
    for table, ids_ in (("events", gone_events), ("sources", gone_sources),
                        ("attachments", gone_attachments), ("involvements", gone_involvements)):
        _delete_ids(session, table, "id", ids_)
    _delete_ids(session, "asks", "id", gone)
    _delete_ids(session, "meetings", "id", gone)
    _delete_ids(session, "audit_log", "record_id", gone)
    for conflict_id, record_id, losing in session.execute(
            text("SELECT id, record_id, losing_value FROM conflicts")).all():
        if record_id in gone or _links_to(losing or "", gone_cases):
            session.execute(text("DELETE FROM conflicts WHERE id = :i"), {"i": conflict_id})
    session.execute(text("DELETE FROM case_search WHERE case_id NOT IN "
                         "(SELECT id FROM cases WHERE deleted = 0 AND safe_to_travel = 1)"))
    _delete_ids(session, "cases", "id", gone_cases)
    _drop_references_to_tombstones(session, gone)
    # Rebuilt from the rows kept: FTS5 otherwise keeps deleted terms in old index segments.
    session.execute(text("INSERT INTO case_search(case_search) VALUES ('rebuild')"))
    # The short pieces have no content to rebuild from: emptied, then written again from the
    # text of the cases kept.
    session.execute(text("INSERT INTO case_search_grams(case_search_grams) "
                         "VALUES ('delete-all')"))
    for rowid, case_id, body in session.execute(
            text("SELECT rowid, case_id, body FROM case_search")).all():
        session.execute(text("INSERT INTO case_search_grams (rowid, case_id, grams) "
                             "VALUES (:r, :id, :grams)"),
                        {"r": rowid, "id": case_id, "grams": search_index.grams(body)})
    # A kept ask may have been answered only on a removed case: its follow-up reopens.
    derived.rebuild(session)
    _refuse_if_any_left(session, gone)
    return len(keep), len(gone_cases), len(gone_attachments)


def _drop_references_to_tombstones(session: Session, gone: set[str]) -> None:
    # A kept case's photo or a kept event's sources may name a row deleted earlier.
    for case_id, photo_id in session.execute(text("SELECT id, photo_id FROM cases")).all():
        if photo_id in gone:
            session.execute(text("UPDATE cases SET photo_id = NULL WHERE id = :i"),
                            {"i": case_id})
    for table in ("events", "involvements"):  # this module's own table names only
        for row_id, value in session.execute(
                text(f"SELECT id, source_ids FROM {table}")).all():  # noqa: S608
            listed = json.loads(value or "[]")
            kept = [s for s in listed if s not in gone]
            if len(kept) != len(listed):
                session.execute(text(f"UPDATE {table} SET source_ids = :v "  # noqa: S608
                                     "WHERE id = :i"), {"v": dump_json(kept), "i": row_id})


def _trim_lists(session: Session, table: str, column: str, keep: set[str], gone_cases: set[str],
                case_of) -> set[str]:
    """Drop removed cases from each row's JSON list; a row left naming none of the cases it
    named goes (a joint statement on kept and removed cases keeps only the kept ones)."""
    gone = set()
    # Only fixed table and column names from this module are formatted into the SQL.
    rows = session.execute(text(f"SELECT id, {column}, deleted FROM {table}")).all()  # noqa: S608
    for row_id, value, deleted in rows:
        items = json.loads(value or "[]")
        kept = [x for x in items if case_of(x) not in gone_cases]
        if deleted or (items and not kept):
            gone.add(row_id)
        elif len(kept) != len(items):
            session.execute(text(f"UPDATE {table} SET {column} = :v WHERE id = :i"),  # noqa: S608
                            {"v": dump_json(kept), "i": row_id})
    return gone


def _delete_ids(session: Session, table: str, column: str, ids: set[str]) -> None:
    ordered = sorted(ids)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start:start + 500]
        marks = ", ".join(f":p{i}" for i in range(len(chunk)))
        session.execute(text(f"DELETE FROM {table} WHERE {column} IN ({marks})"),  # noqa: S608
                        {f"p{i}": v for i, v in enumerate(chunk)})


def _refuse_if_any_left(session: Session, gone: set[str]) -> None:
    """A safety net for tables added after this module: any link still naming a removed
    record rolls the whole strip back rather than carry it across a border.

    Only links count (a column holding an ID, or JSON whose IDs name one): an ID typed or
    pasted into a kept record's notes is the user's prose, like a name written there, and
    SECURITY.md says Vigil cannot read prose.
    """
    tables = [r[0] for r in session.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))]
    for table in tables:
        quoted = '"' + table.replace('"', '""') + '"'
        for row in session.execute(text(f"SELECT * FROM {quoted}")):  # noqa: S608
            for value in row:
                if isinstance(value, str) and len(value) >= 36 and _links_to(value, gone):
                    raise UserError("Travel mode found a part of the vault it cannot clean: "
                                    "nothing was removed. Please report this.")


def _links_to(value: str, gone: set[str]) -> bool:
    """Whether a column value links to a removed record: it is an ID, or JSON in which a
    list item, a key, or an ``id``/``*_id``/``*_ids`` entry is one. Text around an ID
    (a note, an agenda, talking points) is not a link."""
    stripped = value.strip()
    if _UUID.fullmatch(stripped):
        return stripped in gone
    if not stripped.startswith(("[", "{", '"')):
        return False
    try:
        return _json_links_to(json.loads(stripped), gone, linked=True)
    except (ValueError, RecursionError):
        return False


def _json_links_to(obj, gone: set[str], *, linked: bool) -> bool:
    if isinstance(obj, str):
        return linked and obj in gone
    if isinstance(obj, list):
        return any(_json_links_to(item, gone, linked=True) for item in obj)
    if isinstance(obj, dict):
        return any(key in gone or _json_links_to(
            item, gone, linked=key == "id" or key.endswith(("_id", "_ids")))
            for key, item in obj.items())
    return False
