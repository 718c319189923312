# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run Alembic migrations inside the app, on an unlocked vault's engine.

Never from a launcher script and never with a URL: the caller backs the vault up first.

Every unlock asks which revision the vault is at and whether it is this version's head.
Alembic (with Mako and Pygments) takes longer to import than the rest of a command, so those
questions are answered from the ``alembic_version`` table and the ``revision`` lines of the
scripts; Alembic is imported only to migrate, or when the scripts are not a plain chain.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).with_name("migrations")
# The full-text index is an FTS5 virtual table (with shadow tables) made by hand in a
# migration; SQLAlchemy models cannot describe it, so comparisons leave it out.
UNMODELLED_PREFIX = "case_search"
_REVISION = re.compile(r"^revision\s*(?::[^=\n]*)?=\s*(['\"])([^'\"\n]+)\1\s*$", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=\n]*)?=\s*(?:None|(['\"])([^'\"\n]+)\1)\s*$",
                   re.M)


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    return not (type_ == "table" and name and name.startswith(UNMODELLED_PREFIX))


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _chain() -> list[str] | None:
    """The revisions from base to head, read from the scripts' own lines without importing
    them; None when they are not one plain chain of literal revisions (Alembic decides)."""
    down_of: dict[str, str | None] = {}
    for script in (MIGRATIONS / "versions").glob("*.py"):
        if script.name.startswith((".#", "__init__")):  # what Alembic skips too
            continue
        text = script.read_text(encoding="utf-8")
        revisions, downs = _REVISION.findall(text), _DOWN.findall(text)
        if len(revisions) != 1 or len(downs) != 1 or revisions[0][1] in down_of:
            return None
        down_of[revisions[0][1]] = downs[0][1] or None
    after = {down: rev for rev, down in down_of.items()}
    if len(after) != len(down_of) or None not in after:  # a branch, a merge, or no base
        return None
    chain = [after[None]]
    while chain[-1] in after:
        chain.append(after[chain[-1]])
    return chain if len(chain) == len(down_of) else None


def head() -> str:
    chain = _chain()
    if chain is not None:
        return chain[-1]
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def known(revision: str) -> bool:
    """Whether this version of Vigil has the migration ``revision`` (else it is newer)."""
    chain = _chain()
    if chain is not None:
        return revision in chain
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_config())
    return any(script.revision == revision for script in scripts.walk_revisions())


def current(engine: Engine) -> str | None:
    with engine.connect() as connection:
        # alembic_version is Alembic's default name for it; env.py does not change it.
        if connection.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                      "AND name = 'alembic_version'").first() is None:
            return None
        rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
        if len(rows) <= 1:
            return rows[0][0] if rows else None
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()  # it refuses


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
