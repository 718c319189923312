# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The case search index: one row per case in the FTS5 ``case_search`` table (trigram
tokenizer), holding everything a caseworker may type to find the case, normalised (NFKC,
case-folded, Latin accents removed; never Arabic or CJK marks). Queries: ``app.services.search``.

Trigrams cannot find a term of one or two characters (王, 律师, "li"), and a LIKE scan of
every case's text is too slow at 10,000 cases, so each case also has a row in
``case_search_grams``: the set of every one- and two-character piece of the same text
(without whitespace), each written as one ASCII token (``gram_token``), in a contentless
FTS5 table without positions. A short term matches a case exactly when its token is in that
case's set, which is what ``LIKE '%term%'`` on the text says.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from functools import cache

from sqlalchemy import text
from sqlalchemy.orm import Session

_LATIN_MARKS = re.compile("[\u0300-\u036f]")


def normalise(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = _LATIN_MARKS.sub("", decomposed)
    return unicodedata.normalize("NFKC", stripped).casefold()


def case_text(case) -> str:
    """Everything a caseworker may type to find this case, one line per piece."""
    parts = [case.display_name, case.name_original or "", case.ethnicity or "",
             case.occupation or "", case.location or "", case.facility or "",
             case.sentence or "", case.health_concerns or "", case.summary or "",
             case.internal_notes or ""]
    parts += [n.name for n in case.other_names]
    parts += list(case.charges) + list(case.tags)
    for event in case.events:
        parts += [event.title, event.description or ""]
    return normalise("\n".join(p for p in parts if p))


def gram_token(piece: str) -> str:
    """One ASCII word for a piece of text (what the ``ascii`` tokenizer keeps whole):
    ``u`` and the hexadecimal code point of each character, so "律师" is ``u5f8bu5e08``."""
    return "".join(map(_char_token, piece))


@cache
def _char_token(ch: str) -> str:
    return f"u{ord(ch):x}"


def grams(body: str) -> str:
    """Every distinct piece of one or two characters of ``body`` without whitespace, as
    tokens separated by spaces."""
    pieces: set[str] = set()
    for word in body.split():  # str.split and str.isspace agree on what whitespace is
        pieces.update(word)
        pieces.update(map(str.__add__, word, word[1:]))
    # A bulk import computes this for every case: each character's token is made once.
    return " ".join(sorted([_char_token(p) if len(p) == 1
                            else _char_token(p[0]) + _char_token(p[1]) for p in pieces]))


def search_rowid(case_id: str) -> int:
    """The index row of a case: a 64-bit hash of its whole UUID, so updates find it by rowid.

    (``case_id`` is UNINDEXED in FTS5: deleting by it would scan the whole index. A hash,
    not a slice: time-ordered or scripted UUIDs share their leading bits.)
    """
    digest = hashlib.blake2b(uuid.UUID(case_id).bytes, digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


# Built once: a bulk import indexes thousands of cases.
_UNINDEX = text("DELETE FROM case_search WHERE rowid = :r")
_INDEX = text("INSERT INTO case_search (rowid, case_id, body) VALUES (:r, :id, :body)")
_UNINDEX_GRAMS = text("DELETE FROM case_search_grams WHERE rowid = :r")
_INDEX_GRAMS = text("INSERT INTO case_search_grams (rowid, case_id, grams) "
                    "VALUES (:r, :id, :grams)")


def index_case(session: Session, case) -> None:
    rowid = search_rowid(case.id)
    body = case_text(case)
    unindex_case(session, case.id, rowid)
    session.execute(_INDEX, {"r": rowid, "id": case.id, "body": body})
    session.execute(_INDEX_GRAMS, {"r": rowid, "id": case.id, "grams": grams(body)})


def index_cases(session: Session, cases) -> None:
    """``index_case`` for many cases in four statements (executemany): a bulk import."""
    last = {case.id: case for case in cases}  # a case saved twice: its last text
    params = [{"r": search_rowid(case.id), "id": case.id, "body": case_text(case)}
              for case in last.values()]
    if params:
        rowids = [{"r": p["r"]} for p in params]
        session.execute(_UNINDEX, rowids)
        session.execute(_UNINDEX_GRAMS, rowids)
        session.execute(_INDEX, params)
        session.execute(_INDEX_GRAMS, [{"r": p["r"], "id": p["id"], "grams": grams(p["body"])}
                                       for p in params])


def unindex_case(session: Session, case_id: str, rowid: int | None = None) -> None:
    rowid = search_rowid(case_id) if rowid is None else rowid
    session.execute(_UNINDEX, {"r": rowid})
    session.execute(_UNINDEX_GRAMS, {"r": rowid})
