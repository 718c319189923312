# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The asks list a page at a time: the ordered rowids of the live asks a filter keeps, and
the lines of a block of them, so a screen never holds 100,000 asks at once.

The filter is the one the Asks screen has always had: a case-insensitive substring of the
date, who raised it, with whom, the channel or response label, a case's name or the
follow-up date. Names live in small tables (officials, organisations, cases), so the text is
matched against those in Python first and the asks are then found by ID in one SQL query.
Labels are translated text, so the caller resolves them to channel and response values.

Plain data out, no Qt; never puts case data in an exception or a log.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.services.asks import AskLine, overdue_ask_ids

BLOCK = 200            # lines read at a time
SEPARATOR = " \u2014 "   # between an official and their organisation, as ask_lines writes it
_DATE_CHARACTERS = frozenset("0123456789-~")  # all a stored fuzzy date can contain
_FEW_CASES = 500      # up to this many matching cases, their asks are found by index
_ORDER = " ORDER BY date_sort DESC, rowid DESC"  # a backward scan of ix_asks_live_date_sort


@dataclass(frozen=True, slots=True)
class AskFilter:
    """What the Asks screen narrows by. ``text`` is matched case-insensitively;
    ``channels``/``responses`` are the values whose label contains it (the caller
    translates); ``only`` keeps just these rowids (the overdue follow-ups)."""

    text: str = ""
    channels: Collection[str] = ()
    responses: Collection[str] = ()
    only: Sequence[int] | None = None


def count_live_asks(session: Session) -> int:
    return session.execute(text("SELECT count(*) FROM asks WHERE deleted = 0")).scalar_one()


def ask_rowids(session: Session, where: AskFilter = AskFilter()) -> array:
    """The rowids of the live asks ``where`` keeps, newest first (ties: last written first)."""
    needle = where.text.strip().casefold()
    # SQL text below is put together from this module's constants only; every value the
    # user typed or a name from the vault goes in as a bound parameter (JSON for lists).
    clauses, params = ["deleted = 0"], {}
    if needle:
        found = _text_matches(session, needle, where, params)
        if not found:
            return array("q")
        clauses.append("rowid IN (" + " UNION ALL ".join(found) + ")")
    if where.only is not None:
        if not where.only:
            return array("q")
        params["only"] = json.dumps(list(where.only))
        clauses.append("rowid IN (SELECT value FROM json_each(:only))")
    # Straight from the driver: 100,000 rowids through SQLAlchemy's result cost twice as much.
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute("SELECT rowid FROM asks WHERE " +  # noqa: S608
                       " AND ".join(clauses) + _ORDER, params)
        return array("q", (rowid for (rowid,) in cursor))
    finally:
        cursor.close()


def overdue_rowids(session: Session, today: date) -> array:
    """``overdue_ask_ids`` as rowids, sorted: small enough to keep while the switch is on."""
    ids = overdue_ask_ids(session, today)
    if not ids:
        return array("q")
    rows = session.execute(text("SELECT rowid FROM asks WHERE id IN "
                                "(SELECT value FROM json_each(:ids)) ORDER BY rowid"),
                           {"ids": json.dumps(list(ids))})
    return array("q", (rowid for (rowid,) in rows))


def rowid_of(session: Session, ask_id: str) -> int | None:
    return session.execute(text("SELECT rowid FROM asks WHERE id = :id AND deleted = 0"),
                           {"id": ask_id}).scalar()


def read_block(session: Session, rowids: Sequence[int]) -> list[AskLine | None]:
    """The lines of these asks, in this order (None for one gone meanwhile); the same
    values ``ask_lines`` gives, read for a few hundred rows only."""
    found = {}
    people: dict[str, tuple[str, str | None, str | None]] = {}
    orgs: dict[str, str] = {}
    rows = session.execute(text(
        "SELECT rowid, id, date, raised_by_official_id, raised_by_organisation_id, "
        "raised_with_official_id, raised_with_organisation_id, channel, public, case_ids, "
        "response, follow_up_due, level, encounter_id FROM asks "
        "WHERE rowid IN (SELECT value FROM json_each(:r))"),
        {"r": json.dumps(list(rowids))}).all()
    officials = {r[i] for r in rows for i in (3, 5) if r[i]}
    for person_id, name, org_id, level in _in(
            session, "SELECT id, name, organisation_id, level FROM officials WHERE id IN",
            officials):
        people[person_id] = (name, org_id, level)
    wanted = {r[i] for r in rows for i in (4, 6) if r[i]} | {o for _n, o, _l in people.values()
                                                             if o}
    orgs.update(_in(session, "SELECT id, name FROM organisations WHERE id IN", wanted))
    named = {c for r in rows for c in json.loads(r[9])}
    cases = dict(_in(session, "SELECT id, display_name FROM cases WHERE deleted = 0 AND "
                     "id IN", named))
    met = dict(_in(session, "SELECT id, title FROM encounters WHERE deleted = 0 AND id IN",
                   {r[13] for r in rows if r[13]}))

    def party(official_id, organisation_id) -> str:  # the rule of ask_lines
        if official_id in people:
            person, own, _level = people[official_id]
            org = orgs.get(organisation_id) or orgs.get(own)
            return f"{person}{SEPARATOR}{org}" if org else person
        return orgs.get(organisation_id, "")

    for (rowid, ask_id, when, by_off, by_org, with_off, with_org, channel, public, case_ids,
         response, due, level, encounter_id) in rows:
        ids = tuple(c for c in json.loads(case_ids) if c in cases)
        own_level = people[by_off][2] if by_off in people else None
        found[rowid] = AskLine(ask_id, when, party(by_off, by_org) or "?",
                               party(with_off, with_org), channel, bool(public), ids,
                               tuple(cases[c] for c in ids), response, due,
                               level or own_level or None, met.get(encounter_id))
    return [found.get(rowid) for rowid in rowids]


# -- the text filter -----------------------------------------------------------------------------
def _in(session: Session, sql: str, values: Collection[str]):
    if not values:
        return []
    return session.execute(text(sql + " (SELECT value FROM json_each(:v))"),  # noqa: S608
                           {"v": json.dumps(list(values))}).all()


def _text_matches(session: Session, needle: str, where: AskFilter,
                  params: dict) -> list[str]:
    """SELECTs of the rowids of the asks that hold ``needle`` in some field (none when no
    field can hold it). Fields with an index get a query each; the others share one scan
    of ix_asks_live_filter, made only when one of them can hold the text."""

    def ids(values: Collection[str]) -> str:
        name = f"p{len(params)}"
        params[name] = json.dumps(sorted(values))
        return f"(SELECT value FROM json_each(:{name}))"  # noqa: S608

    either = []  # conditions for the scan
    indexed = []
    if set(needle) <= _DATE_CHARACTERS:
        params["needle"] = needle
        either += ["instr(date, :needle) > 0", "instr(follow_up_due, :needle) > 0"]
    if where.channels:
        either.append(f"channel IN {ids(where.channels)}")
    if where.responses:
        either.append(f"response IN {ids(where.responses)}")
    orgs = {org_id: name.casefold() for org_id, name in session.execute(
        text("SELECT id, name FROM organisations"))}
    people = {person_id: (name.casefold(), orgs.get(org_id) or "") for person_id, name, org_id
              in session.execute(text("SELECT id, name, organisation_id FROM officials"))}
    parties = _party_sets(needle, people, orgs)
    found_by, scan_by = _party_clauses("raised_by_official_id", "raised_by_organisation_id",
                                       parties, ids)
    indexed += [f"SELECT rowid FROM asks WHERE {clause}" for clause in found_by]  # noqa: S608
    either += scan_by + [clause for part in _party_clauses(
        "raised_with_official_id", "raised_with_organisation_id", parties, ids)
        for clause in part]
    if needle == "?":  # what the list shows for an ask raised by no one it knows
        either.append("((raised_by_official_id IS NULL OR raised_by_official_id NOT IN "  # noqa: S608
                      "(SELECT id FROM officials)) AND (raised_by_organisation_id IS NULL OR "
                      f"raised_by_organisation_id NOT IN {_NAMED}))")
    cases = [case_id for case_id, name in session.execute(text(
        "SELECT id, display_name FROM cases WHERE deleted = 0")) if needle in name.casefold()]
    if len(cases) > _FEW_CASES:  # the row's own list beats looking up each case's asks
        either.append(f"EXISTS (SELECT 1 FROM json_each(asks.case_ids) AS named "  # noqa: S608
                      f"WHERE named.value IN {ids(cases)})")
    elif cases:
        indexed.append("SELECT asks.rowid FROM ask_cases JOIN asks ON asks.id = "  # noqa: S608
                       f"ask_cases.ask_id WHERE ask_cases.case_id IN {ids(cases)}")
    if either:  # one scan of ix_asks_live_filter, which holds every column these read
        indexed.append("SELECT rowid FROM asks WHERE deleted = 0 AND (" +  # noqa: S608
                       " OR ".join(either) + ")")
    return indexed


_NAMED = "(SELECT id FROM organisations WHERE coalesce(name, '') <> '')"


@dataclass(frozen=True, slots=True)
class _PartySets:
    in_name: set[str]                 # officials whose own name holds the text
    in_org: set[str]                  # organisations whose name holds it
    with_own_org: set[str]            # officials whose "name — own organisation" holds it
    spans: list[tuple[set[str], set[str]]]  # (officials, organisations) it straddles


def _party_sets(needle: str, people: dict[str, tuple[str, str]],
                orgs: dict[str, str]) -> _PartySets:
    """Who the text can name. An ask shows "official — organisation", the organisation
    being the ask's own when it names one, else the official's; or just one of the two."""
    spans = []
    for before, after in _straddles(needle):
        officials = {p for p, (name, _own) in people.items() if name.endswith(before)}
        bodies = {o for o, name in orgs.items() if name and name.startswith(after)}
        if officials and bodies:
            spans.append((officials, bodies))
    return _PartySets(
        in_name={p for p, (name, _own) in people.items() if needle in name},
        in_org={o for o, name in orgs.items() if needle in name},
        with_own_org={p for p, (name, own) in people.items()  # beyond the name alone
                      if own and needle not in name and needle in f"{name}{SEPARATOR}{own}"},
        spans=spans)


def _straddles(needle: str) -> Iterator[tuple[str, str]]:
    """Each way ``needle`` can overlap the separator: (the end of the name before it, the
    start of the organisation after it)."""
    for at in range(1 - len(SEPARATOR), len(needle)):  # where the separator starts in needle
        overlap = range(max(at, 0), min(at + len(SEPARATOR), len(needle)))
        if all(needle[i] == SEPARATOR[i - at] for i in overlap):
            yield needle[:max(at, 0)], needle[at + len(SEPARATOR):]


def _party_clauses(official: str, organisation: str, sets: _PartySets,
                   ids) -> tuple[list[str], list[str]]:
    """Conditions an index of one column answers, and those that need the row."""
    by_index, by_row = [], []
    if sets.in_name:
        by_index.append(f"{official} IN {ids(sets.in_name)}")
    if sets.in_org:
        by_index.append(f"{organisation} IN {ids(sets.in_org)}")
    if sets.with_own_org:  # the ask names no organisation (with a name): the official's shows
        by_row.append(f"({official} IN {ids(sets.with_own_org)} AND ({organisation} IS NULL "
                      f"OR {organisation} NOT IN {_NAMED}))")
    for officials, bodies in sets.spans:  # the ask's own organisation shows
        by_row.append(f"({official} IN {ids(officials)} AND {organisation} IN {ids(bodies)})")
    return by_index, by_row
