# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Derived data for the dashboard and the asks list at reference scale: each case's last
ask date, the open follow-ups (which replace the follow-up sort key they were once queried
by), and indexes for the asks list (its order and its text filter) and the governments'
activity.

The SQL is this revision's own copy (a migration must not change when the services do).

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_LAST_DAY = ("CASE length(rtrim(a.follow_up_due, '~')) "
             "WHEN 4 THEN substr(a.follow_up_due, 1, 4) || '-12-31' "
             "WHEN 7 THEN date(substr(a.follow_up_due, 1, 7) || '-01', '+1 month', '-1 day') "
             "ELSE substr(a.follow_up_due, 1, 10) END")


def upgrade() -> None:
    op.drop_index("ix_asks_follow_up_sort", table_name="asks")
    op.drop_column("asks", "follow_up_sort")  # SQLite 3.35+: no table rebuild
    op.add_column("cases", sa.Column("last_raised", sa.String(10), nullable=True))
    op.create_table(
        "open_follow_ups",
        sa.Column("ask_id", sa.String(36), nullable=False),
        sa.Column("due_until", sa.String(10), nullable=False),
        sa.ForeignKeyConstraint(["ask_id"], ["asks.id"],
                                name=op.f("fk_open_follow_ups_ask_id_asks"),
                                initially="DEFERRED", deferrable=True),
        sa.PrimaryKeyConstraint("ask_id", name=op.f("pk_open_follow_ups")),
    )
    op.create_index("ix_open_follow_ups_due_until", "open_follow_ups", ["due_until"])
    op.create_index("ix_ask_cases_government_id", "ask_cases", ["government_id"])
    op.create_index("ix_asks_live_date_sort", "asks", ["date_sort"],
                    sqlite_where=sa.text("deleted = 0"))
    op.create_index("ix_asks_live_filter", "asks",
                    ["date", "follow_up_due", "channel", "response", "raised_by_official_id",
                     "raised_by_organisation_id", "raised_with_official_id",
                     "raised_with_organisation_id", "case_ids"],
                    sqlite_where=sa.text("deleted = 0"))
    op.execute("UPDATE cases SET last_raised = (SELECT max(date_sort) FROM ask_cases "
               "WHERE case_id = cases.id)")
    op.execute(
        f"INSERT INTO open_follow_ups (ask_id, due_until) SELECT a.id, {_LAST_DAY} "
        f"FROM asks AS a WHERE a.deleted = 0 AND a.follow_up_due IS NOT NULL "
        f"AND ({_LAST_DAY}) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ask_cases AS m "
        "JOIN ask_cases AS l ON l.case_id = m.case_id "
        "AND l.government_id IS m.government_id AND l.date_sort > m.date_sort "
        "WHERE m.ask_id = a.id)")


def downgrade() -> None:
    op.drop_index("ix_asks_live_filter", table_name="asks")
    op.drop_index("ix_asks_live_date_sort", table_name="asks")
    op.drop_index("ix_ask_cases_government_id", table_name="ask_cases")
    op.drop_index("ix_open_follow_ups_due_until", table_name="open_follow_ups")
    op.drop_table("open_follow_ups")
    op.drop_column("cases", "last_raised")  # SQLite 3.35+: no table rebuild
    op.add_column("asks", sa.Column("follow_up_sort", sa.String(10), nullable=True))
    op.execute("UPDATE asks SET follow_up_sort = CASE length(rtrim(follow_up_due, '~')) "
               "WHEN 4 THEN substr(follow_up_due, 1, 4) || '-01-01' "
               "WHEN 7 THEN substr(follow_up_due, 1, 7) || '-01' "
               "ELSE substr(follow_up_due, 1, 10) END WHERE follow_up_due IS NOT NULL")
    op.create_index("ix_asks_follow_up_sort", "asks", ["follow_up_sort"])
