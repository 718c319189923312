# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Alembic environment: runs only in-process, on the connection the unlocked vault hands it.

There is no alembic.ini and no URL: a migration can only run on a vault that is unlocked.
"""

from alembic import context

from app.vault import (
    sharing_tables,  # noqa: F401  (registers the sharing tables)
    tables,  # noqa: F401  (registers the case-data tables)
)
from app.vault.migrate import include_object
from app.vault.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=True, compare_type=True,
                  include_object=include_object)
with context.begin_transaction():
    context.run_migrations()
