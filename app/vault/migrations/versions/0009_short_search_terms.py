# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Short search terms from an index: the ``case_search_grams`` table.

A search term of one or two characters (王, 律师, "li") cannot use the trigram index and
was a LIKE scan over every case's whole searchable text: hundreds of milliseconds per
keystroke at 10,000 cases. This revision adds, per case, the set of every one- and
two-character piece of that same text (without whitespace), each as one ASCII token, in a
contentless FTS5 table without positions (the case ID kept beside it), and fills it from
``case_search``. What matches does not change. See ``app.vault.search_index``.

It also adds two covering indexes on ``cases``: the case list's columns in its order
(``ix_cases_list``) and the matrix's rows in theirs (``ix_cases_matrix``), so that neither
reads the wide case rows nor sorts 10,000 of them.

The tokens are this revision's own copy of ``search_index.grams`` (a migration must not
change when the services do); the two must agree.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _grams(body: str) -> str:
    pieces = {ch for ch in body if not ch.isspace()}
    pieces.update(pair for pair in map(str.__add__, body, body[1:])
                  if not (pair[0].isspace() or pair[1].isspace()))
    return " ".join(sorted("".join(f"u{ord(ch):x}" for ch in p) for p in pieces))


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index("ix_cases_list", ["deleted", "display_name", "id",
                                                "name_original", "status", "category",
                                                "consent", "priority", "nationalities", "tags",
                                                "detention_start", "last_raised"], unique=False)
        batch_op.create_index("ix_cases_matrix", ["deleted", "last_raised", "display_name",
                                                  "id", "name_original"], unique=False)
    op.execute("CREATE VIRTUAL TABLE case_search_grams USING fts5("
               "case_id UNINDEXED, grams, tokenize = 'ascii', detail = 'none', "
               "content = '', contentless_delete = 1, contentless_unindexed = 1)")
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT rowid, case_id, body FROM case_search")).all()
    insert = sa.text("INSERT INTO case_search_grams (rowid, case_id, grams) "
                     "VALUES (:r, :id, :grams)")
    for start in range(0, len(rows), 500):
        connection.execute(insert, [{"r": r, "id": case_id, "grams": _grams(body or "")}
                                    for r, case_id, body in rows[start:start + 500]])


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_matrix")
        batch_op.drop_index("ix_cases_list")
    op.execute("DROP TABLE case_search_grams")
    # This SQLite's FTS5 leaves the shadow table of the unindexed column behind.
    op.execute("DROP TABLE IF EXISTS case_search_grams_content")
