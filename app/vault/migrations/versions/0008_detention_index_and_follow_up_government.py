# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The advocacy calendar at reference scale: indexes that spare it the wide rows, and the
government of each open follow-up stored with it.

- ``ix_cases_detention`` (status, deletion, detention start, status since, sentence end,
  ID, name) replaces ``ix_cases_status``: the detention rules read every held person's
  dates from this index instead of 6,000 wide case rows (each with summary and notes).
- ``ix_events_detention``: a partial index of the live ``rsdl_began`` and ``released``
  events, all the RSDL time limit reads of a timeline.
- ``open_follow_ups.government_id``: the government a follow-up concerns (the one its ask
  counts for, else the counting organisation it was raised with), kept by the flush hook
  like the rest of that table, so the calendar reads neither ``ask_cases`` nor the
  organisations for it. With it, copies of the ask's follow-up date, channel, response and
  cases: the calendar's 90 days then read this narrow table, not 2,000 wide ask rows.
  Filled here for the open follow-ups there are; the SQL is this revision's own copy of
  the rule (a migration must not change when the services do).
- An ask that counts for no government (ours, an NGO's) raised with a government is now
  also answered when that government later raises one of its cases (what we asked Germany
  to do is done when Germany does it): the follow-ups this closes leave ``open_follow_ups``.
- ``ix_asks_raised_with_organisation_id``: an organisation changing kind (or our own
  changing) re-derives the open follow-ups raised with it; without the index that look-up
  read every ask (2 s at reference scale).

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_COUNTED = ("(SELECT ac.government_id FROM ask_cases AS ac "
            "WHERE ac.ask_id = open_follow_ups.ask_id LIMIT 1)")
_RAISED_WITH = ("(SELECT o.id FROM asks AS a JOIN organisations AS o "
                "ON o.id = a.raised_with_organisation_id "
                "WHERE a.id = open_follow_ups.ask_id AND o.deleted = 0 "
                "AND (o.kind IS NULL OR o.kind IN ('government', 'parliament', "
                "'intergovernmental')) AND o.id IS NOT "
                "(SELECT value FROM vault_meta WHERE key = 'our_organisation'))")


def upgrade() -> None:
    op.drop_index('ix_cases_status', table_name='cases')
    op.create_index('ix_cases_detention', 'cases',
                    ['status', 'deleted', 'detention_start', 'status_since', 'sentence_ends', 'id',
                     'display_name'],
                    unique=False)
    op.create_index('ix_events_detention', 'events',
                    ['case_id', 'position', 'kind', 'date', 'id'], unique=False,
                    sqlite_where=sa.text("deleted = 0 AND kind IN ('rsdl_began', 'released')"))
    op.create_index('ix_asks_raised_with_organisation_id', 'asks',
                    ['raised_with_organisation_id'], unique=False)
    for name, kind in (('government_id', sa.String(length=36)),
                       ('follow_up_due', sa.String(length=16)),
                       ('channel', sa.String(length=32)), ('response', sa.String(length=32)),
                       ('case_ids', sa.Text())):
        op.add_column('open_follow_ups', sa.Column(name, kind, nullable=True))
    op.execute(f"UPDATE open_follow_ups SET government_id = "  # noqa: S608
               f"COALESCE({_COUNTED}, {_RAISED_WITH})")
    # Only ours and NGOs' asks have a government here that they do not count for.
    op.execute("DELETE FROM open_follow_ups WHERE government_id IS NOT NULL AND EXISTS ("
               "SELECT 1 FROM ask_cases AS mine JOIN ask_cases AS later "
               "ON later.case_id = mine.case_id AND later.date_sort > mine.date_sort "
               "AND later.government_id = open_follow_ups.government_id "
               "WHERE mine.ask_id = open_follow_ups.ask_id AND mine.government_id IS NULL)")
    op.execute("UPDATE open_follow_ups SET follow_up_due = a.follow_up_due, "
               "channel = a.channel, response = a.response, case_ids = a.case_ids "
               "FROM asks AS a WHERE a.id = open_follow_ups.ask_id")


def downgrade() -> None:
    for name in ('case_ids', 'response', 'channel', 'follow_up_due', 'government_id'):
        op.drop_column('open_follow_ups', name)  # SQLite 3.35+: no table rebuild
    op.drop_index('ix_asks_raised_with_organisation_id', table_name='asks')
    op.drop_index('ix_events_detention', table_name='events')
    op.drop_index('ix_cases_detention', table_name='cases')
    op.create_index('ix_cases_status', 'cases', ['status'], unique=False)
