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
"""

from __future__ import annotations

from sqlalchemy import String, TextualSelect, text
from sqlalchemy.orm import Session

from app.vault.search_index import gram_token, normalise


def terms(query: str) -> list[str]:
    return [t for t in normalise(query).split() if t]


def matching_case_ids(session: Session, query: str) -> set[str] | None:
    """IDs of cases matching every term of ``query``; None when the query is empty."""
    found = _statement(query)
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
        return {case_id for (case_id,) in cursor.execute(*found)}
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


def _statement(query: str) -> tuple[str, dict[str, str]] | None:
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
    # Fixed statement texts; every user value is a bound parameter.
    if not long_terms:
        sql = "SELECT case_id FROM case_search_grams WHERE case_search_grams MATCH :grams"
    elif not short_terms:
        sql = "SELECT case_id FROM case_search WHERE case_search MATCH :match"
    else:
        sql = ("SELECT case_id FROM case_search WHERE case_search MATCH :match AND +rowid IN "
               "(SELECT rowid FROM case_search_grams WHERE case_search_grams MATCH :grams)")
    return sql, params
