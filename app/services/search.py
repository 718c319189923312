# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Find cases by any text: names in any script, charges, tags, summary, notes, events.

The index itself (what text a case has, kept up to date on every write) is the vault's:
``app.vault.search_index``.

One row per case in the FTS5 ``case_search`` table (trigram tokenizer). A term of three
or more characters is a phrase query on the index; FTS5 trigrams cannot match one or two
characters (律师, 王), so shorter terms fall back to LIKE on the same text. Text and
queries are normalised the same way: NFKC, case-folded, Latin accents removed (Wáng finds
Wang) — never Arabic or CJK marks, which would change the letters.
"""

from __future__ import annotations

from sqlalchemy import String, TextualSelect, text
from sqlalchemy.orm import Session

from app.vault.search_index import normalise


def terms(query: str) -> list[str]:
    return [t for t in normalise(query).split() if t]


def matching_case_ids(session: Session, query: str) -> set[str] | None:
    """IDs of cases matching every term of ``query``; None when the query is empty."""
    found = matching_select(query)
    if found is None:
        return None
    return set(session.scalars(found))


def matching_select(query: str) -> TextualSelect | None:
    """The statement selecting the IDs of cases that match every term of ``query`` (column
    ``case_id``), for use as a subquery; None when the query is empty."""
    words = terms(query)
    if not words:
        return None
    clauses, params = [], {}
    long_terms = [w for w in words if len(w) >= 3]
    if long_terms:
        params["match"] = " AND ".join('"' + w.replace('"', '""') + '"' for w in long_terms)
        clauses.append("case_search MATCH :match")
    for i, word in enumerate(w for w in words if len(w) < 3):
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params[f"like{i}"] = f"%{escaped}%"
        clauses.append(f"body LIKE :like{i} ESCAPE '\\'")
    # Only fixed clause texts are joined; every user value is a bound parameter.
    sql = "SELECT case_id FROM case_search WHERE " + " AND ".join(clauses)  # noqa: S608
    return text(sql).bindparams(**params).columns(case_id=String)
