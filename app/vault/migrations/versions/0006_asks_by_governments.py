# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Only governments raise cases: the matrix, "last raised" and "not raised" count an ask
only when the organisation it counts for (its own, or its raising official's) is a
government, a parliament, an intergovernmental body or of a kind not recorded, and is not
our own organisation (``vault_meta`` key ``our_organisation``). Until now "we asked the
German ambassador to raise these cases" counted as Germany raising them.

This revision re-derives ``ask_cases.government_id`` (NULL when the ask counts for
nobody), each case's ``last_raised`` and the open follow-ups. No schema change. The SQL
is this revision's own copy (a migration must not change when the services do).

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_LAST_DAY = ("CASE length(rtrim(a.follow_up_due, '~')) "
             "WHEN 4 THEN substr(a.follow_up_due, 1, 4) || '-12-31' "
             "WHEN 7 THEN date(substr(a.follow_up_due, 1, 7) || '-01', '+1 month', '-1 day') "
             "ELSE substr(a.follow_up_due, 1, 10) END")
_RAISER = ("(SELECT COALESCE(a.raised_by_organisation_id, p.organisation_id) FROM asks AS a "
           "LEFT JOIN officials AS p ON p.id = a.raised_by_official_id "
           "WHERE a.id = ask_cases.ask_id)")
_COUNTING = (f"(SELECT o.id FROM organisations AS o WHERE o.id = {_RAISER}"  # noqa: S608
             " AND o.deleted = 0 AND (o.kind IS NULL OR o.kind IN ('government', 'parliament', "
             "'intergovernmental')) AND o.id IS NOT "
             "(SELECT value FROM vault_meta WHERE key = 'our_organisation'))")


def _rederive(government: str, counted: str) -> None:
    op.execute(f"UPDATE ask_cases SET government_id = {government}")  # noqa: S608
    op.execute("UPDATE cases SET last_raised = (SELECT max(date_sort) FROM ask_cases "  # noqa: S608
               f"WHERE case_id = cases.id{counted})")
    op.execute("DELETE FROM open_follow_ups")
    op.execute(
        f"INSERT INTO open_follow_ups (ask_id, due_until) SELECT a.id, {_LAST_DAY} "  # noqa: S608
        f"FROM asks AS a WHERE a.deleted = 0 AND a.follow_up_due IS NOT NULL "
        f"AND ({_LAST_DAY}) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ask_cases AS m "
        "JOIN ask_cases AS l ON l.case_id = m.case_id "
        "AND l.government_id IS m.government_id AND l.date_sort > m.date_sort "
        "WHERE m.ask_id = a.id)")


def upgrade() -> None:
    _rederive(_COUNTING, " AND government_id IS NOT NULL")


def downgrade() -> None:
    _rederive(_RAISER, "")
