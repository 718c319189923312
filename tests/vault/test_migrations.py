# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The models match the migration head, and every migration upgrades a vault with data in it
(as SecureDrop's tests/test_alembic.py does)."""

import importlib.util
import secrets

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Boolean, Integer, LargeBinary, MetaData, insert, inspect, select
from sqlalchemy.sql import func

from app.vault import migrate
from app.vault.engine import open_engine
from app.vault.schema import Base

if importlib.util.find_spec("app.vault.tables"):
    import app.vault.tables  # noqa: F401  (registers every case-data model)

SKIP_TABLES = {"alembic_version", "sqlite_sequence"}


@pytest.fixture
def engine(tmp_path):
    engine = open_engine(tmp_path / "migrations.db", secrets.token_bytes(32))
    yield engine
    engine.dispose()


def revisions_base_to_head():
    scripts = ScriptDirectory.from_config(migrate._config())
    return [s.revision for s in reversed(list(scripts.walk_revisions()))]


def test_there_is_one_head_and_the_chain_starts_at_base():
    scripts = ScriptDirectory.from_config(migrate._config())
    assert len(scripts.get_heads()) == 1
    chain = revisions_base_to_head()
    assert scripts.get_revision(chain[0]).down_revision is None
    assert chain[-1] == migrate.head()


def _diff(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "compare_type": True, "include_object": migrate.include_object,
            "render_as_batch": True})
        return compare_metadata(context, Base.metadata)


def test_the_models_match_the_migration_head(engine):
    migrate.upgrade(engine, revisions_base_to_head()[0])
    assert _diff(engine), "the comparison should see the tables later migrations add"
    migrate.upgrade(engine)
    assert _diff(engine) == []


def test_every_model_table_exists_after_migration(engine):
    migrate.upgrade(engine)
    names = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= names


# -- upgrading with data ---------------------------------------------------------------------


def _user_tables(connection):
    metadata = MetaData()
    metadata.reflect(connection)
    return [t for t in metadata.sorted_tables
            if t.name not in SKIP_TABLES and migrate.include_object(None, t.name, "table",
                                                                    True, None)]


def _value(column, step, ids):
    for fk in column.foreign_keys:
        return ids[fk.column.table.name]
    if isinstance(column.type, Boolean):
        return False
    if isinstance(column.type, Integer):
        return step + 1
    if isinstance(column.type, LargeBinary):
        return b"\x00\x01"
    length = getattr(column.type, "length", None) or 64
    return f"s{step}-{column.name}-王"[:length]


def _fill(connection, step):
    """One row in every table that exists now, every column set (foreign keys resolved)."""
    ids = {}
    counts = {}
    for table in _user_tables(connection):
        row = {}
        for column in table.columns:
            row[column.name] = _value(column, step, ids)
        connection.execute(insert(table), row)
        pk = list(table.primary_key.columns)
        if len(pk) == 1:
            ids[table.name] = row[pk[0].name]
        counts[table.name] = connection.execute(select(func.count()).select_from(table)).scalar()
    return counts


def test_every_migration_upgrades_with_data_in_it(engine):
    chain = revisions_base_to_head()
    migrate.upgrade(engine, chain[0])
    counts: dict[str, int] = {}
    for step, revision in enumerate(chain[1:]):
        with engine.begin() as connection:
            counts = _fill(connection, step)
        assert counts, "the first migration should create tables"
        migrate.upgrade(engine, revision)
        assert migrate.current(engine) == revision
        with engine.connect() as connection:
            tables = {t.name: t for t in _user_tables(connection)}
            for name, count in counts.items():
                if name in tables:  # a table a migration dropped is its own business
                    after = connection.execute(
                        select(func.count()).select_from(tables[name])).scalar()
                    assert after == count, f"{revision} lost rows of {name}"
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    with engine.begin() as connection:  # and the head takes data too
        _fill(connection, len(chain))
