# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A bulk import writes its new cases (with events and sources) and asks in batches by Core
``executemany`` (``app.vault.batch``), not one ORM object per row. Whatever the documents,
the vault ends up as the ORM path leaves it: every table's rows, the audit log, the search
index and the derived data; only the clock stamps may be handed out in another order (a
flush stamps its new rows before its changed ones), so they are compared in shape."""

from __future__ import annotations

import dataclasses
import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app.domain.model import Document
from app.services import asks, bulk, cases
from app.vault import batch, search_index
from tests.services.conftest import FixedClock
from tests.strategies import documents

_STAMP = re.compile(r"[0-9a-f]{12}\.[0-9a-f]{4}\.[0-9A-Za-z-]+")
# The FTS tables' own storage (segments, sizes) depends on the order of writes: the index
# is compared by what it finds instead.
_SHADOW = re.compile(r"case_search(_grams)?_(data|idx|docsize|config|content)$")


def _in_shape(row: tuple) -> tuple:
    """``row`` with each clock stamp replaced by its rank among the row's stamps, so two
    vaults compare equal when their stamps differ only in the order they were issued."""
    stamps = sorted({m for value in row if isinstance(value, str)
                     for m in _STAMP.findall(value)})
    rank = {stamp: f"<stamp {number}>" for number, stamp in enumerate(stamps)}
    return tuple(_STAMP.sub(lambda m: rank[m.group(0)], value) if isinstance(value, str)
                 else value for value in row)


def dump(vault) -> dict[str, object]:
    """Every table of the vault as comparable rows (stamps in shape, audit IDs aside)."""
    found: dict[str, object] = {}
    with vault.session() as session:
        connection = session.connection()
        tables = connection.scalars(text(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name")).all()
        for table in tables:
            if _SHADOW.match(table) or table == "case_search_grams":
                continue
            every = connection.execute(text(f'SELECT * FROM "{table}" LIMIT 0')).keys()
            columns = [c for c in every if not (table == "audit_log" and c == "id")]
            order = "id" if table == "audit_log" else "rowid"
            rows = connection.execute(text(
                f'SELECT {", ".join(columns)} FROM "{table}" ORDER BY {order}')).all()
            shaped = sorted((_in_shape(tuple(row)) for row in rows),
                            key=lambda r: tuple(map(str, r)))
            found[table] = (columns, shaped)
        # the short-term index, by what each of its tokens finds
        bodies = connection.execute(text("SELECT body FROM case_search")).scalars().all()
        tokens = sorted({t for body in bodies for t in search_index.grams(body).split()})
        found["case_search_grams"] = {
            token: sorted(connection.execute(text(
                "SELECT rowid, case_id FROM case_search_grams WHERE case_search_grams MATCH "
                ":t"), {"t": token}).all())
            for token in tokens}
        found["grams_rows"] = sorted(connection.execute(text(
            "SELECT rowid, case_id FROM case_search_grams")).all())
    return found


def same(batched: dict, orm: dict) -> None:
    assert batched.keys() == orm.keys()
    for table in orm:
        assert batched[table] == orm[table], table


def _edited(doc: Document) -> Document:
    """The cases of ``doc`` with a field changed: an import of it updates them."""
    return Document(cases=tuple(dataclasses.replace(c, summary=f"{c.summary or ''} (later)")
                                for c in doc.cases))


def _import_all(vault, steps, *, batched: bool, monkeypatch) -> None:
    with monkeypatch.context() as patch:
        if not batched:
            patch.setattr(batch.NewRows, "possible", staticmethod(lambda session: False))
        for doc, merge in steps:
            with vault.session() as session:
                bulk.import_document(session, doc, merge_cases=merge)


@pytest.fixture
def two_vaults(tmp_path, _empty_vault_template):
    """A factory of pairs of empty vaults (same identity, same standing clock)."""
    opened = []
    counter = itertools.count()

    def make():
        number = next(counter)
        pair = tuple(_empty_vault_template.open_copy(tmp_path / f"{number}-{side}",
                                                     FixedClock())
                     for side in ("orm", "batch"))
        opened.extend(pair)
        return pair

    yield make
    for vault in opened:
        vault.close()


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(first=documents(), second=documents(), merge=st.booleans())
def test_batched_new_records_equal_the_orm_path(two_vaults, monkeypatch, first, second,
                                                merge):
    # new records; then new ones beside updates of the first's cases (merged or replaced)
    steps = [(first, False), (Document(cases=second.cases + _edited(first).cases,
                                       organisations=second.organisations,
                                       officials=second.officials,
                                       encounters=second.encounters, asks=second.asks,
                                       meetings=second.meetings,
                                       involvements=second.involvements), merge)]
    orm, batched = two_vaults()
    _import_all(orm, steps, batched=False, monkeypatch=monkeypatch)
    with monkeypatch.context() as patch:  # writes every few rows, a case apart from its events
        patch.setattr(batch, "_FLUSH_AT", 3)
        _import_all(batched, steps, batched=True, monkeypatch=monkeypatch)
    same(dump(batched), dump(orm))


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(doc=documents().filter(lambda d: d.cases and d.asks))
def test_batched_records_export_and_delete_as_orm_ones(two_vaults, monkeypatch, doc):
    orm, batched = two_vaults()
    _import_all(orm, [(doc, False)], batched=False, monkeypatch=monkeypatch)
    _import_all(batched, [(doc, False)], batched=True, monkeypatch=monkeypatch)
    with orm.session() as a, batched.session() as b:
        assert bulk.export_document(b) == bulk.export_document(a)
    for vault in (orm, batched):
        with vault.session() as session:
            asks.delete_ask(session, doc.asks[-1].id)
        with vault.session() as session:
            cases.delete_case(session, doc.cases[0].id)
    same(dump(batched), dump(orm))
