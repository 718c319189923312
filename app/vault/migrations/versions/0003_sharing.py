# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sharing: colleagues, conflicts, bundle log, outgoing marks.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "colleagues",
        sa.Column("fingerprint", sa.String(32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("recipient", sa.Text(), nullable=False),
        sa.Column("signing_key", sa.Text(), nullable=False),
        sa.Column("verified", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.String(40), nullable=False),
        sa.Column("seen", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("fingerprint", name=op.f("pk_colleagues")),
    )
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("record_kind", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("losing_value", sa.Text(), nullable=False),
        sa.Column("losing_stamp", sa.String(64), nullable=False),
        sa.Column("winning_stamp", sa.String(64), nullable=False),
        sa.Column("bundle_id", sa.String(36), nullable=False),
        sa.Column("detected_at", sa.String(40), nullable=False),
        sa.Column("resolved", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
        sa.UniqueConstraint("record_kind", "record_id", "field", "losing_stamp",
                            name=op.f("uq_conflicts_record_kind_record_id_field_losing_stamp")),
    )
    op.create_table(
        "bundle_log",
        sa.Column("bundle_id", sa.String(36), nullable=False),
        sa.Column("direction", sa.String(3), nullable=False),
        sa.Column("sender", sa.String(32), nullable=False),
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("logged_at", sa.String(40), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("attachments", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_bundle_log")),
    )
    op.create_table(
        "outgoing_marks",
        sa.Column("recipients", sa.Text(), nullable=False),
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.String(36), nullable=False),
        sa.PrimaryKeyConstraint("recipients", name=op.f("pk_outgoing_marks")),
    )


def downgrade() -> None:
    op.drop_table("outgoing_marks")
    op.drop_table("bundle_log")
    op.drop_table("conflicts")
    op.drop_table("colleagues")
