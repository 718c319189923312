# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Asks: who raised which cases with whom, how, and what answer came back.

An ask raised by an official counts for that official's organisation: the government
in the case × government matrix. ``ask_cases`` mirrors each live ask's case list.

An ask counts as a government raising its cases (the matrix, "last raised", "not raised")
only when the organisation it counts for is a government, a parliament or an
intergovernmental body, or of a kind not yet recorded (older vaults and imported
spreadsheets have none), and is not our own organisation (a setting): what we or another
NGO asked someone to do is history, not pressure on the detaining state. Such asks keep
their ``ask_cases`` rows (the case's history lists them) with no ``government_id``.
This module must never let another rule decide what counts: see ``_COUNTING``.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import bindparam, delete, func, inspect, or_, select, text
from sqlalchemy.orm import Session, aliased

from app.domain.model import Ask
from app.errors import UserError
from app.services import erasure  # which re-indexes through this module
from app.services.records import assign, column_values, from_row, refuse_tombstone
from app.vault.tables import (
    AskCase,
    AskRow,
    CaseRow,
    EncounterRow,
    OfficialRow,
    OpenFollowUp,
    OrganisationRow,
)


def _check_refs(session: Session, ask: Ask) -> None:
    if not ask.case_ids:
        raise UserError("An ask names at least one case.")
    if not (ask.raised_by_official_id or ask.raised_by_organisation_id):
        raise UserError("Say who raised it: an official or an organisation.")
    refs = [(CaseRow, cid, "case") for cid in ask.case_ids]
    refs += [(OfficialRow, oid, "official") for oid in
             (ask.raised_by_official_id, ask.raised_with_official_id) if oid]
    refs += [(OrganisationRow, oid, "organisation") for oid in
             (ask.raised_by_organisation_id, ask.raised_with_organisation_id) if oid]
    if ask.encounter_id:
        refs.append((EncounterRow, ask.encounter_id, "encounter"))
    for table, ref, what in refs:
        row = session.get(table, ref)
        if row is None or row.deleted:
            raise UserError(f"No {what} with that ID.")


def save_ask(session: Session, ask: Ask, *, refs_checked: bool = False) -> None:
    """Create or update an ask. ``refs_checked``: a validated interchange document's
    references are known to exist (bulk import), so they are not looked up one by one."""
    if not refs_checked:
        _check_refs(session, ask)
    row = session.get(AskRow, ask.id)
    refuse_tombstone(row, "ask")
    if row is None:
        row = AskRow(id=ask.id, deleted=False)
        session.add(row)
    values = column_values(ask)
    values.update(date_sort=ask.date.earliest().isoformat())
    assign(row, values)
    index_ask(session, row)


OUR_ORGANISATION = "our_organisation"  # vault_meta key: the organisation the vault's users work for
COUNTING_KINDS = ("government", "parliament", "intergovernmental")  # and NULL: not recorded


def _counting(organisation: str) -> str:
    """SQL: the organisation (an SQL expression) when its asks count, else NULL."""
    kinds = ", ".join(f"'{k}'" for k in COUNTING_KINDS)
    return (f"(SELECT o.id FROM organisations AS o WHERE o.id = {organisation} "  # noqa: S608
            f"AND o.deleted = 0 AND (o.kind IS NULL OR o.kind IN ({kinds})) AND o.id IS NOT "
            f"(SELECT value FROM vault_meta WHERE key = '{OUR_ORGANISATION}'))")


_RAISER = "COALESCE(:organisation, (SELECT organisation_id FROM officials WHERE id = :official))"
_INDEX = text("INSERT INTO ask_cases (ask_id, case_id, date_sort, government_id) VALUES "  # noqa: S608
              f"(:ask, :case, :date, {_counting(_RAISER)})")


def index_ask(session: Session, row: AskRow, case_ids=None) -> None:
    """Rebuild the ask's rows in ``ask_cases``: the cases it names (``case_ids``, default
    all of them) and the government it counts for; none when it is deleted. Then the data
    derived from them (see ``refresh_derived``), for the cases it named before and now."""
    before: set[str] = set()
    if inspect(row).persistent:  # a new row has no index rows yet (bulk import: most)
        before = set(session.scalars(select(AskCase.case_id).where(AskCase.ask_id == row.id)))
    session.execute(delete(AskCase).where(AskCase.ask_id == row.id))
    named = [] if row.deleted else list(dict.fromkeys(
        json.loads(row.case_ids) if case_ids is None else case_ids))
    if named:
        session.execute(_INDEX, [
            {"ask": row.id, "case": case_id, "date": row.date_sort,
             "organisation": row.raised_by_organisation_id,
             "official": row.raised_by_official_id} for case_id in named])
    _touched(session, before | set(named), {row.id})


def reindex_official(session: Session, official_id: str) -> None:
    """After an official moved organisation: their asks count for the new government."""
    params = {"official": official_id}
    theirs = ("ask_id IN (SELECT id FROM asks WHERE raised_by_official_id = :official "
              "AND raised_by_organisation_id IS NULL)")
    cases = set(session.scalars(text(f"SELECT case_id FROM ask_cases WHERE {theirs}"),  # noqa: S608
                                params))
    counts_for = _counting("(SELECT organisation_id FROM officials WHERE id = :official)")
    session.execute(text(f"UPDATE ask_cases SET government_id = {counts_for} "  # noqa: S608
                         f"WHERE {theirs}"), params)
    _touched(session, cases, set())


def reindex_organisation(session: Session, organisation_id: str) -> None:
    """After an organisation's kind changed, or it became or stopped being our own: its
    asks (its own, and its officials' without one) count for it, or for nobody."""
    session.flush()
    params = {"organisation": organisation_id}
    theirs = ("ask_id IN (SELECT id FROM asks WHERE raised_by_organisation_id = :organisation "
              "UNION SELECT a.id FROM officials AS p JOIN asks AS a "
              "ON a.raised_by_official_id = p.id AND a.raised_by_organisation_id IS NULL "
              "WHERE p.organisation_id = :organisation)")
    cases = set(session.scalars(text(f"SELECT case_id FROM ask_cases WHERE {theirs}"),  # noqa: S608
                                params))
    session.execute(text(f"UPDATE ask_cases SET government_id = "  # noqa: S608
                         f"{_counting(':organisation')} WHERE {theirs}"), params)
    _touched(session, cases, set())


# -- derived data ------------------------------------------------------------------------------
# Two facts are kept beside ask_cases, because computing them at read time took seconds at
# reference scale (100,000 asks): each case's last ask date (``cases.last_raised``), and the
# open follow-ups (``open_follow_ups``). Whether an ask's follow-up is still open depends on
# other asks on the same cases, so a change to one ask refreshes every ask on its cases.
# Asks that count for no government (ours, other NGOs') answer each other's follow-ups.

_LAST_DAY = ("CASE length(rtrim(a.follow_up_due, '~')) "
             "WHEN 4 THEN substr(a.follow_up_due, 1, 4) || '-12-31' "
             "WHEN 7 THEN date(substr(a.follow_up_due, 1, 7) || '-01', '+1 month', '-1 day') "
             "ELSE substr(a.follow_up_due, 1, 10) END")  # FuzzyDate.latest(), in SQL
# Only this module's constant fragments are joined below; values are always bound.
_OPEN = (f"INSERT INTO open_follow_ups (ask_id, due_until) SELECT a.id, {_LAST_DAY} "  # noqa: S608
         f"FROM asks AS a WHERE a.deleted = 0 AND a.follow_up_due IS NOT NULL "
         f"AND ({_LAST_DAY}) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ask_cases AS m "
         "JOIN ask_cases AS l ON l.case_id = m.case_id "
         "AND l.government_id IS m.government_id AND l.date_sort > m.date_sort "
         "WHERE m.ask_id = a.id)")
_LAST_RAISED = ("UPDATE cases SET last_raised = (SELECT max(date_sort) FROM ask_cases "
                "WHERE case_id = cases.id AND government_id IS NOT NULL)")
_ON_CASES = "SELECT ask_id FROM ask_cases WHERE case_id IN :ids"
_SCOPES = (  # (last_raised, delete, insert) for a set of case IDs, then of ask IDs
    (f"{_LAST_RAISED} WHERE id IN :ids",
     f"DELETE FROM open_follow_ups WHERE ask_id IN ({_ON_CASES})",  # noqa: S608
     f"{_OPEN} AND a.id IN ({_ON_CASES})"),
    (None, "DELETE FROM open_follow_ups WHERE ask_id IN :ids", f"{_OPEN} AND a.id IN :ids"),
)
_PENDING = "asks.derived_pending"
_CHUNK = 5000  # well under SQLite's limit on bound parameters


def refresh_derived(session: Session, case_ids: Collection[str],
                    ask_ids: Collection[str] = ()) -> None:
    """Recompute ``last_raised`` of ``case_ids`` and the open follow-ups of every ask on
    them and of ``ask_ids``, from the flushed rows."""
    session.flush()
    for ids, statements in ((list(case_ids), _SCOPES[0]), (list(ask_ids), _SCOPES[1])):
        for start in range(0, len(ids), _CHUNK):
            chunk = {"ids": ids[start:start + _CHUNK]}
            for sql in filter(None, statements):
                session.execute(text(sql).bindparams(bindparam("ids", expanding=True)), chunk)


def rebuild_derived(session: Session) -> None:
    """Recompute every case's ``last_raised`` and every open follow-up."""
    session.flush()
    session.execute(text(_LAST_RAISED))
    session.execute(text("DELETE FROM open_follow_ups"))
    session.execute(text(_OPEN))


@contextmanager
def derived_later(session: Session) -> Iterator[None]:
    """Inside, changed asks only note what they touched; one refresh on the way out (a
    bulk import or a bundle: one pass instead of one per ask)."""
    if _PENDING in session.info:  # already deferred by a caller
        yield
        return
    pending: tuple[set[str], set[str]] = (set(), set())
    session.info[_PENDING] = pending
    try:
        yield
    finally:
        del session.info[_PENDING]
    refresh_derived(session, *pending)


def _touched(session: Session, case_ids: set[str], ask_ids: set[str]) -> None:
    pending = session.info.get(_PENDING)
    if pending is None:
        refresh_derived(session, case_ids, ask_ids)
    else:
        pending[0].update(case_ids)
        pending[1].update(ask_ids)


def delete_ask(session: Session, ask_id: str) -> None:
    row = session.get(AskRow, ask_id)
    if row is None or row.deleted:
        raise UserError("No ask with that ID.")
    erasure.erase_record(session, row)


def get_ask(session: Session, ask_id: str) -> Ask:
    row = session.get(AskRow, ask_id)
    if row is None or row.deleted:
        raise UserError("No ask with that ID.")
    return from_row(Ask, row)


@dataclass(frozen=True, slots=True)
class AskView:
    """An ask with the names a person reads: who raised it, with whom, for which government."""

    ask: Ask
    raised_by: str
    raised_with: str
    government_id: str | None
    government: str | None
    counts: bool = True  # raising its cases, by the counting rule (``ask_cases``)


def government_of():
    """SQL for the organisation an ask counts for: its own, or its official's."""
    by_official = aliased(OfficialRow)
    return by_official, func.coalesce(AskRow.raised_by_organisation_id,
                                      by_official.organisation_id)


def list_asks(session: Session, *, case_id: str | None = None,
              government_id: str | None = None, official_id: str | None = None,
              ask_ids: Collection[str] | None = None) -> list[AskView]:
    """Asks, newest first, optionally for one case, government, official or set of IDs."""
    by_official, gov = government_of()
    gov_org = aliased(OrganisationRow)
    with_official, with_org, by_org = (aliased(OfficialRow), aliased(OrganisationRow),
                                       aliased(OrganisationRow))
    # ask_cases holds the counting rule's verdict: the same government on every row of an ask.
    verdict = aliased(AskCase)
    counted = select(verdict.government_id).where(verdict.ask_id == AskRow.id) \
        .correlate(AskRow).limit(1).scalar_subquery()
    stmt = (select(AskRow, by_official.name, by_org.name, with_official.name, with_org.name,
                   gov, gov_org.name, counted)
            .outerjoin(by_official, by_official.id == AskRow.raised_by_official_id)
            .outerjoin(by_org, by_org.id == AskRow.raised_by_organisation_id)
            .outerjoin(with_official, with_official.id == AskRow.raised_with_official_id)
            .outerjoin(with_org, with_org.id == AskRow.raised_with_organisation_id)
            .outerjoin(gov_org, gov_org.id == gov)
            .where(AskRow.deleted.is_(False)))
    if case_id is not None:
        stmt = stmt.join(AskCase, AskCase.ask_id == AskRow.id).where(AskCase.case_id == case_id)
    if government_id is not None:
        stmt = stmt.where(gov == government_id)
    if ask_ids is not None:
        stmt = stmt.where(AskRow.id.in_(list(ask_ids)))
    if official_id is not None:
        stmt = stmt.where(or_(AskRow.raised_by_official_id == official_id,
                              AskRow.raised_with_official_id == official_id))
    stmt = stmt.order_by(AskRow.date_sort.desc(), AskRow.id)
    views = []
    for (row, by_off, by_org_name, with_off, with_org_name, gov_id, gov_name,
         counted_for) in session.execute(stmt):
        views.append(AskView(
            ask=from_row(Ask, row),
            raised_by=" / ".join(n for n in (by_off, by_org_name) if n) or "?",
            raised_with=" / ".join(n for n in (with_off, with_org_name) if n),
            government_id=gov_id, government=gov_name, counts=counted_for is not None))
    return views


class AskLine(NamedTuple):
    """One line of the asks list as plain values: cheap enough to read 100,000 at a time
    (``list_asks`` builds a full ``Ask`` per row and takes seconds at that scale)."""

    id: str
    date: str                   # a fuzzy date as stored: "2025", "2025-03", "2025-03-14~"
    raised_by: str
    raised_with: str
    channel: str | None         # a Channel value
    public: bool
    case_ids: tuple[str, ...]   # the live cases it names
    cases: tuple[str, ...]      # their display names, in the same order
    response: str | None        # a Response value
    follow_up_due: str | None


def ask_lines(session: Session, *, official_id: str | None = None,
              organisation_id: str | None = None,
              limit: int | None = None) -> list[AskLine]:
    """Live asks as ``AskLine``s, newest first; optionally only those raised by or with an
    official, or by or with an organisation (directly or through one of its officials)."""
    stmt = (select(AskRow.id, AskRow.date, AskRow.raised_by_official_id,
                   AskRow.raised_by_organisation_id, AskRow.raised_with_official_id,
                   AskRow.raised_with_organisation_id, AskRow.channel, AskRow.public,
                   AskRow.case_ids, AskRow.response, AskRow.follow_up_due)
            .where(AskRow.deleted.is_(False)))
    if official_id is not None:
        stmt = stmt.where(or_(AskRow.raised_by_official_id == official_id,
                              AskRow.raised_with_official_id == official_id))
    if organisation_id is not None:
        its_officials = select(OfficialRow.id).where(
            OfficialRow.organisation_id == organisation_id)
        stmt = stmt.where(or_(AskRow.raised_by_organisation_id == organisation_id,
                              AskRow.raised_with_organisation_id == organisation_id,
                              AskRow.raised_by_official_id.in_(its_officials),
                              AskRow.raised_with_official_id.in_(its_officials)))
    stmt = stmt.order_by(AskRow.date_sort.desc(), AskRow.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    # Names by dictionary, not by join: a few thousand people and bodies, read once, beat
    # four joins per row at 100,000 rows. Deleted ones keep their names (as in list_asks).
    orgs = {org_id: name for org_id, name in session.execute(
        select(OrganisationRow.id, OrganisationRow.name))}
    people = {person_id: (name, orgs.get(org_id)) for person_id, name, org_id in
              session.execute(select(OfficialRow.id, OfficialRow.name,
                                     OfficialRow.organisation_id))}
    names = {case_id: name for case_id, name in session.execute(
        select(CaseRow.id, CaseRow.display_name).where(CaseRow.deleted.is_(False)))}

    def party(official_id, organisation_id) -> str:
        if official_id in people:
            person, org = people[official_id]
            org = orgs.get(organisation_id) or org
            return f"{person} \u2014 {org}" if org else person
        return orgs.get(organisation_id, "")

    lines = []
    for (ask_id, when, by_off, by_org, with_off, with_org, channel, public, case_ids,
         response, due) in session.execute(stmt):
        ids = tuple(c for c in json.loads(case_ids) if c in names)
        lines.append(AskLine(ask_id, when, party(by_off, by_org) or "?",
                             party(with_off, with_org), channel, bool(public), ids,
                             tuple(names[c] for c in ids), response, due))
    return lines


def overdue_ask_ids(session: Session, today: date) -> set[str]:
    """IDs of the asks whose follow-up date has passed (its last possible day is before
    ``today``) with no later ask by the same government on any of their cases."""
    return set(session.scalars(select(OpenFollowUp.ask_id).where(
        OpenFollowUp.due_until < today.isoformat())))


def overdue_count(session: Session, today: date) -> int:
    return session.scalar(select(func.count()).select_from(OpenFollowUp).where(
        OpenFollowUp.due_until < today.isoformat()))
