# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Find cases by any text: names in any script, charges, tags, summary, notes, events.

The index itself (what text a case has, kept up to date on every write) is the vault's:
``app.vault.search_index``.

One row per case in the FTS5 ``case_search`` table (trigram tokenizer). A term of three
or more characters is a phrase query on the index; FTS5 trigrams cannot match one or two
characters (律师, 王), so shorter terms are looked up in ``case_search_grams``, which holds
each case's set of one- and two-character pieces of the same text: a case matches exactly
when ``LIKE '%term%'`` on its text would, without reading that text. Text and
queries are normalised the same way: NFKC, case-folded, Latin accents removed (Wáng finds
Wang) — never Arabic or CJK marks, which would change the letters.

Each case has a search key (``key_of``: the rowid of its index rows, a hash of its ID).
``matching_keys`` answers with keys, read from the index alone; ``matching_case_ids`` must
look up each hit's ID beside it, which is 2-4x the time when a term matches thousands of
cases (reference vault: 14 against 3 ms at 10,000 hits). The Cases screen keeps the keys of
the rows it lists and filters them by ``matching_keys`` on a keystroke.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from sqlalchemy import String, TextualSelect, text
from sqlalchemy.orm import Session

from app.vault.search_index import gram_token, normalise, search_rowid

T = TypeVar("T")


def key_of(case_id: str) -> int:
    """The search key of a case (what ``matching_keys`` answers with)."""
    return search_rowid(case_id)


def keys_of(case_ids: Iterable[str]) -> list[int]:
    """The search keys of these cases, in their order."""
    return list(map(search_rowid, case_ids))


def terms(query: str) -> list[str]:
    return [t for t in normalise(query).split() if t]


def matching_case_ids(session: Session, query: str) -> set[str] | None:
    """IDs of cases matching every term of ``query``; None when the query is empty."""
    return _answer(session, query, "case_id", lambda rows: {case_id for (case_id,) in rows})


def matching_keys(session: Session, query: str) -> set[int] | None:
    """The search keys (``key_of``) of the cases matching every term of ``query``, the same
    cases as ``matching_case_ids``; None when the query is empty."""
    return _answer(session, query, "rowid", _keys)


def _keys(rows) -> set[int]:
    (joined,) = rows.fetchone()  # the keys as one text, or NULL when there are none
    return set(map(int, joined.split(","))) if joined else set()


def _answer(session: Session, query: str, column: str, read: Callable[[Any], T]) -> T | None:
    found = _statement(query, column)
    if found is None:
        return None
    if session.autoflush:  # the index rows of pending changes, as a query through the ORM
        session.flush()
    # On the driver's cursor: a short term can match every case, and 10,000 rows through
    # SQLAlchemy's result machinery cost more than the index lookup itself.
    driver = session.connection().connection.driver_connection
    assert driver is not None  # a live session's connection
    cursor = driver.cursor()
    try:
        return read(cursor.execute(*found))
    finally:
        cursor.close()


def matching_select(query: str) -> TextualSelect | None:
    """The statement selecting the IDs of cases that match every term of ``query`` (column
    ``case_id``), for use as a subquery; None when the query is empty."""
    found = _statement(query)
    if found is None:
        return None
    sql, params = found
    return text(sql).bindparams(**params).columns(case_id=String)


# Fixed statement texts, by what they answer with (IDs, or keys: the index rowids) and
# whether the query has only short terms, only long ones, or both; every user value is a
# bound parameter.
_STATEMENTS = {
    "case_id": (
        "SELECT case_id FROM case_search_grams WHERE case_search_grams MATCH :grams",
        "SELECT case_id FROM case_search WHERE case_search MATCH :match",
        "SELECT case_id FROM case_search WHERE case_search MATCH :match AND +rowid IN "
        "(SELECT rowid FROM case_search_grams WHERE case_search_grams MATCH :grams)"),
    "rowid": (  # as one text: 10,000 numbers read faster than 10,000 rows
        "SELECT group_concat(rowid) FROM case_search_grams WHERE case_search_grams MATCH :grams",
        "SELECT group_concat(rowid) FROM case_search WHERE case_search MATCH :match",
        "SELECT group_concat(rowid) FROM case_search WHERE case_search MATCH :match AND +rowid "
        "IN (SELECT rowid FROM case_search_grams WHERE case_search_grams MATCH :grams)"),
}


def _statement(query: str, column: str = "case_id") -> tuple[str, dict[str, str]] | None:
    """The statement and its parameters; ``column``: ``case_id`` or ``rowid`` (the key)."""
    words = terms(query)
    if not words:
        return None
    long_terms = [w for w in words if len(w) >= 3]
    short_terms = [w for w in words if len(w) < 3]
    params = {}
    if short_terms:  # tokens are ASCII letters and digits: nothing to quote
        params["grams"] = " AND ".join(dict.fromkeys(gram_token(w) for w in short_terms))
    if long_terms:
        params["match"] = " AND ".join('"' + w.replace('"', '""') + '"' for w in long_terms)
    only_short, only_long, both = _STATEMENTS[column]
    return (only_short if not long_terms else only_long if not short_terms else both), params
