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
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.engine import Connection

_LATIN_MARKS = re.compile("[\u0300-\u036f]")


def normalise(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    stripped = _LATIN_MARKS.sub("", decomposed)
    return unicodedata.normalize("NFKC", stripped).casefold()


# The case's own text columns, in the order its text lists them.
TEXT_FIELDS = ("display_name", "name_original", "ethnicity", "occupation", "location",
               "facility", "sentence", "health_concerns", "summary", "internal_notes")


def case_text(case) -> str:
    """Everything a caseworker may type to find this case, one line per piece."""
    return text_of([getattr(case, name) for name in TEXT_FIELDS],
                   [n.name for n in case.other_names], case.charges, case.tags,
                   [(event.title, event.description) for event in case.events])


def text_of(fields: Iterable[str | None], other_names: Iterable[str], charges: Iterable[str],
            tags: Iterable[str], events: Iterable[tuple[str, str | None]]) -> str:
    """``case_text`` from the pieces as stored (the flush hook reads rows, not records):
    the text fields, the other names, charges, tags, and each event's title and
    description, in timeline order."""
    parts = [*fields, *other_names, *charges, *tags]
    for title, description in events:
        parts += [title, description]
    return normalise("\n".join(p for p in parts if p))


def gram_token(piece: str) -> str:
    """One ASCII word for a piece of text (what the ``ascii`` tokenizer keeps whole):
    ``u`` and the hexadecimal code point of each character, so "律师" is ``u5f8bu5e08``."""
    return "".join(f"u{ord(ch):x}" for ch in piece)


def grams(body: str, tokens: dict[str, str] | None = None) -> str:
    """Every distinct piece of one or two characters of ``body`` without whitespace, as
    tokens separated by spaces. ``tokens``: pieces already written as tokens, shared by the
    cases of one batch (most pieces recur), filled as it goes; it lives only as long as the
    batch, so nothing of a case's text outlives it."""
    pieces: set[str] = set()
    for word in body.split():  # str.split and str.isspace agree on what whitespace is
        pieces.update(word)
        pieces.update(map(str.__add__, word, word[1:]))
    if tokens is None:
        return " ".join(sorted(map(gram_token, pieces)))
    found = []
    for piece in pieces:
        token = tokens.get(piece)
        if token is None:
            token = tokens[piece] = gram_token(piece)
        found.append(token)
    found.sort()
    return " ".join(found)


def search_rowid(case_id: str) -> int:
    """The index row of a case: a 64-bit hash of its whole UUID, so updates find it by rowid.

    (``case_id`` is UNINDEXED in FTS5: deleting by it would scan the whole index. A hash,
    not a slice: time-ordered or scripted UUIDs share their leading bits.)
    """
    # The plain hex of a canonical UUID is read directly: half the time of uuid.UUID, which
    # the case list pays for 10,000 IDs; any other spelling goes through uuid.UUID.
    digits = case_id.replace("-", "")
    try:
        raw = bytes.fromhex(digits) if len(digits) == 32 else b""
    except ValueError:
        raw = b""
    if len(raw) != 16:
        raw = uuid.UUID(case_id).bytes
    digest = hashlib.blake2b(raw, digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


# Built once: a bulk import indexes thousands of cases.
_UNINDEX = text("DELETE FROM case_search WHERE rowid = :r")
_INDEX = text("INSERT INTO case_search (rowid, case_id, body) VALUES (:r, :id, :body)")
_UNINDEX_GRAMS = text("DELETE FROM case_search_grams WHERE rowid = :r")
_INDEX_GRAMS = text("INSERT INTO case_search_grams (rowid, case_id, grams) "
                    "VALUES (:r, :id, :grams)")


def index_cases(connection: Connection, bodies: dict[str, str], *, new: bool = False) -> None:
    """Write the index rows of these (live) cases, ``{case ID: case_text}``, replacing any
    they had: four statements (executemany) however many cases (the flush hook,
    ``app.vault.case_derived``). ``new``: the cases were just inserted and have none (two
    statements)."""
    if bodies:
        rowids = {case_id: search_rowid(case_id) for case_id in bodies}
        if not new:
            connection.execute(_UNINDEX, [{"r": r} for r in rowids.values()])
            connection.execute(_UNINDEX_GRAMS, [{"r": r} for r in rowids.values()])
        connection.execute(_INDEX, [{"r": rowids[case_id], "id": case_id, "body": body}
                                    for case_id, body in bodies.items()])
        tokens: dict[str, str] = {}  # this batch's only: dropped with it
        connection.execute(_INDEX_GRAMS, [{"r": rowids[case_id], "id": case_id,
                                           "grams": grams(body, tokens)}
                                          for case_id, body in bodies.items()])


def unindex_cases(connection: Connection, case_ids: Iterable[str]) -> None:
    """Take these cases out of the index (deleted ones)."""
    rowids = [{"r": search_rowid(case_id)} for case_id in case_ids]
    if rowids:
        connection.execute(_UNINDEX, rowids)
        connection.execute(_UNINDEX_GRAMS, rowids)
