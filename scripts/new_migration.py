# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the next Alembic migration from the difference between the models and the head.

    uv run python scripts/new_migration.py "add the sanctions table"
    uv run python scripts/new_migration.py --empty "fill the new column"   # by hand

Vigil has no alembic.ini and no database URL on purpose: app/vault/migrations/env.py runs
only on a connection the caller hands it, so a migration can only ever run on an unlocked
vault, inside the app (docs/migrations.md). This script is that caller for development: it
makes a scratch SQLCipher database with a random key in a temporary folder, upgrades it to
the current head, lets Alembic compare it with the models, and writes
app/vault/migrations/versions/NNNN_<message>.py with the next number. The scratch database
is deleted afterwards; no vault is ever opened. Read and edit what it writes before you
commit it: autogenerate cannot see everything (docs/migrations.md says what).
"""

from __future__ import annotations

import argparse
import re
import secrets
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alembic import command  # noqa: E402  (after the path is set)
from alembic.autogenerate import compare_metadata  # noqa: E402
from alembic.config import Config  # noqa: E402
from alembic.runtime.migration import MigrationContext  # noqa: E402

from app.vault import migrate, sharing_tables, tables  # noqa: E402, F401  (register the models)
from app.vault.engine import open_engine  # noqa: E402
from app.vault.schema import Base  # noqa: E402

VERSIONS = migrate.MIGRATIONS / "versions"


def next_revision() -> str:
    """Revisions are numbered 0001, 0002, …: the file names sort in the order they run."""
    numbers = [int(m.group(1)) for path in VERSIONS.glob("*.py")
               if (m := re.match(r"(\d{4})_", path.name))]
    return f"{max(numbers, default=0) + 1:04d}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("message", help="what the migration changes, in a few words")
    parser.add_argument("--empty", action="store_true",
                        help="write empty upgrade() and downgrade() to fill in by hand")
    args = parser.parse_args(argv)

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    revision = next_revision()
    with tempfile.TemporaryDirectory(prefix="vigil-migration-") as scratch:
        engine = open_engine(Path(scratch) / "scratch.db", secrets.token_bytes(32))
        try:
            migrate.upgrade(engine)
            with engine.begin() as connection:
                if not args.empty and not compare_metadata(MigrationContext.configure(
                        connection, opts={"compare_type": True, "render_as_batch": True,
                                          "include_object": migrate.include_object}),
                        Base.metadata):
                    print("The models match the head: there is nothing to generate. For a "
                          "migration written by hand, add --empty.", file=sys.stderr)
                    return 1
                config.attributes["connection"] = connection  # what env.py runs on
                script = command.revision(config, message=args.message,
                                          autogenerate=not args.empty, rev_id=revision)
        finally:
            engine.dispose()
    print(f"Wrote {Path(script.path).relative_to(ROOT)} (revision {revision}, after "
          f"{script.down_revision}). Read it, edit it, then run "
          "uv run pytest tests/vault/test_migrations.py.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
