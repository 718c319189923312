# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Deletion erases: a tombstone keeps only its ID and deletion stamp.

Until now a deleted case kept its names, notes, timeline, sources and attachment keys in
its rows, and bundles carried them. This revision empties every tombstone already in the
vault, takes deleted cases out of the asks and meetings that named them (an ask that named
only deleted cases is deleted too), keeps a deleted official's asks counted for their
government, drops the derived rows and conflicts about deleted records, and compacts the
search index. A deleted timeline entry, source or attachment no longer names its case, so
their ``case_id`` may be empty.

The column lists and SQL are this revision's own copy (a migration must not change when
the services do). The attachments' ciphertext files stay in ``blobs/`` but their keys are
gone, which makes them unreadable.

Revision ID: 0005
Revises: 0004
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_EMPTY = {  # per table: the columns a tombstone empties, and what they hold then
    "organisations": {"name": "", "country": None, "kind": None},
    "officials": {"name": "", "title": None, "organisation_id": None, "country": None,
                  "notes": None},
    "cases": {"display_name": "", "name_original": None, "other_names": "[]", "gender": None,
              "birth_year": None, "ethnicity": None, "nationalities": "[]", "category": None,
              "occupation": None, "status": None, "status_since": None, "location": None,
              "facility": None, "charges": "[]", "sentence": None, "sentence_ends": None,
              "lawyer_access": None, "family_access": None, "consular_access": None,
              "health_concerns": None, "confession": None, "consent": None,
              "sensitivity": None, "priority": None, "tags": "[]", "summary": None,
              "internal_notes": None, "photo_id": None, "safe_to_travel": False,
              "detention_start": None, "last_raised": None},
    "events": {"case_id": None, "position": 0, "date": "", "date_sort": "", "kind": None,
               "title": "", "description": None, "source_ids": "[]"},
    "sources": {"case_id": None, "position": 0, "title": "", "url": None, "kind": None,
                "reliability": None, "confidential": False, "notes": None},
    "attachments": {"case_id": None, "blob_id": "", "blob_key": b"", "filename": "",
                    "media_type": "", "size": 0, "sha256": "", "added_by": "", "added_at": "",
                    "description": None, "confidential": False},
    "asks": {"date": "", "date_sort": "", "raised_by_official_id": None,
             "raised_by_organisation_id": None, "raised_with_official_id": None,
             "raised_with_organisation_id": None, "channel": None, "public": False,
             "requests": "[]", "response": None, "response_date": None,
             "response_text": None, "follow_up_due": None, "case_ids": "[]", "notes": None},
    "meetings": {"title": "", "starts_at": "", "starts_at_utc": "", "location": None,
                 "organisation_id": None, "official_ids": "[]", "agenda": None,
                 "status": None, "cases": "[]", "outcome": None},
}
_KIND = {"organisations": "organisation", "officials": "official", "cases": "case",
         "events": "event", "sources": "source", "attachments": "attachment", "asks": "ask",
         "meetings": "meeting"}
_LAST_DAY = ("CASE length(rtrim(a.follow_up_due, '~')) "
             "WHEN 4 THEN substr(a.follow_up_due, 1, 4) || '-12-31' "
             "WHEN 7 THEN date(substr(a.follow_up_due, 1, 7) || '-01', '+1 month', '-1 day') "
             "ELSE substr(a.follow_up_due, 1, 10) END")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _loads(value, default):
    """A JSON column's value; one that does not parse is left as it is (``default``)."""
    try:
        found = json.loads(value or "null")
    except ValueError:
        return default
    return found if isinstance(found, type(default)) else default


def upgrade() -> None:
    for table in ("events", "sources", "attachments"):
        with op.batch_alter_table(table) as batch:
            batch.alter_column("case_id", existing_type=sa.String(36), nullable=True)
    bind = op.get_bind()
    run = bind.exec_driver_sql
    gone_cases = {r[0] for r in run("SELECT id FROM cases WHERE deleted = 1")}
    for table in ("events", "sources", "attachments"):
        run(f"UPDATE {table} SET deleted = 1 WHERE case_id IN "  # noqa: S608
            "(SELECT id FROM cases WHERE deleted = 1)")
    for ask_id, value in run("SELECT id, case_ids FROM asks WHERE deleted = 0").all():
        named = [c for c in _loads(value, []) if isinstance(c, str)]
        kept = [c for c in named if c not in gone_cases]
        if not kept and named:
            run("UPDATE asks SET deleted = 1 WHERE id = ?", (ask_id,))
        elif len(kept) != len(named):
            run("UPDATE asks SET case_ids = ? WHERE id = ?", (_dumps(kept), ask_id))
    for meeting_id, value in run("SELECT id, cases FROM meetings WHERE deleted = 0").all():
        items = _loads(value, [])
        kept = [i for i in items if not isinstance(i, dict) or i.get("case_id") not in gone_cases]
        if len(kept) != len(items):
            run("UPDATE meetings SET cases = ? WHERE id = ?", (_dumps(kept), meeting_id))
    run("UPDATE asks SET raised_by_organisation_id = (SELECT organisation_id FROM officials "
        "WHERE officials.id = asks.raised_by_official_id) WHERE deleted = 0 AND "
        "raised_by_organisation_id IS NULL AND raised_by_official_id IN "
        "(SELECT id FROM officials WHERE deleted = 1)")
    run("UPDATE cases SET photo_id = NULL WHERE photo_id IN "
        "(SELECT id FROM attachments WHERE deleted = 1)")
    for table, empty in _EMPTY.items():
        for row_id, versions in run(
                f"SELECT id, field_versions FROM {table} WHERE deleted = 1").all():  # noqa: S608
            stamp = _loads(versions, {}).get("deleted", "")
            values = dict(empty, origin="", field_versions=_dumps({"deleted": stamp}),
                          version=stamp)
            assignments = ", ".join(f"{name} = ?" for name in values)
            run(f"UPDATE {table} SET {assignments} WHERE id = ?",  # noqa: S608
                (*values.values(), row_id))
            run("DELETE FROM conflicts WHERE record_kind = ? AND record_id = ?",
                (_KIND[table], row_id))
    run("DELETE FROM ask_cases WHERE ask_id IN (SELECT id FROM asks WHERE deleted = 1) "
        "OR case_id IN (SELECT id FROM cases WHERE deleted = 1)")
    run("UPDATE cases SET last_raised = (SELECT max(date_sort) FROM ask_cases "
        "WHERE case_id = cases.id)")
    run("DELETE FROM open_follow_ups")
    run(f"INSERT INTO open_follow_ups (ask_id, due_until) SELECT a.id, {_LAST_DAY} "
        f"FROM asks AS a WHERE a.deleted = 0 AND a.follow_up_due IS NOT NULL "
        f"AND ({_LAST_DAY}) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ask_cases AS m "
        "JOIN ask_cases AS l ON l.case_id = m.case_id "
        "AND l.government_id IS m.government_id AND l.date_sort > m.date_sort "
        "WHERE m.ask_id = a.id)")
    run("DELETE FROM case_search WHERE case_id IN (SELECT id FROM cases WHERE deleted = 1)")
    run("INSERT INTO case_search(case_search) VALUES ('optimize')")


def downgrade() -> None:
    # What was erased stays erased; only the columns go back to required.
    for table in ("events", "sources", "attachments"):
        op.execute(f"UPDATE {table} SET case_id = '' WHERE case_id IS NULL")  # noqa: S608
        with op.batch_alter_table(table) as batch:
            batch.alter_column("case_id", existing_type=sa.String(36), nullable=False)
