# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Asks: who raised which cases with whom, how, and what answer came back.

An ask raised by an official counts for that official's organisation: the government
in the case × government matrix. Which asks count as a government raising its cases, and
the data kept beside them (``ask_cases``, each case's last ask date, the open follow-ups),
are the vault's: see ``app.vault.derived``, whose flush hook keeps them whoever writes.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from app.domain.model import Ask
from app.errors import UserError
from app.vault import erasure
from app.vault.batch import NewRows
from app.vault.records import assign, column_values, from_row, refuse_tombstone
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
    if ask.encounter_id:
        _check_encounter(session, ask)


NOT_AT_THAT_ENCOUNTER = ("The government that raised this ask did not take part in that "
                         "encounter: choose one of its own encounters, or none.")


def raising_government(session: Session, ask: Ask) -> str | None:
    """The organisation the ask is raised for: its own, or its raising official's."""
    if ask.raised_by_organisation_id:
        return ask.raised_by_organisation_id
    official = session.get(OfficialRow, ask.raised_by_official_id) \
        if ask.raised_by_official_id else None
    return official.organisation_id if official is not None else None


def _check_encounter(session: Session, ask: Ask) -> None:
    """An ask made at an encounter was raised by one of the encounter's governments (the
    scorecard counts it for that government's encounter)."""
    encounter = session.get(EncounterRow, ask.encounter_id)
    assert encounter is not None  # _check_refs looked it up
    if raising_government(session, ask) not in (encounter.organisation_ids or ()):
        raise UserError(NOT_AT_THAT_ENCOUNTER)


def save_ask(session: Session, ask: Ask, *, refs_checked: bool = False,
             new: bool = False) -> None:
    """Create or update an ask. ``refs_checked``: a validated interchange document's
    references are known to exist (bulk import), so they are not looked up one by one.
    ``new``: the caller knows that no row has this ID, live or deleted (a bulk import asks
    once for all its asks), so none is looked for.
    What derives from it (``ask_cases``, last raised, open follow-ups) follows on the flush
    (``app.vault.derived``)."""
    if not refs_checked:
        _check_refs(session, ask)
    row = None if new else session.get(AskRow, ask.id)
    refuse_tombstone(row, "ask")
    if row is None:
        row = AskRow(id=ask.id, deleted=False)
        session.add(row)
    assign(row, _values(ask))


def add_new_ask(batch: NewRows, ask: Ask) -> None:
    """``save_ask(refs_checked=True, new=True)`` into a batch of new rows (a bulk import)."""
    batch.add(AskRow, {"id": ask.id, "deleted": False, **_values(ask)})


def _values(ask: Ask) -> dict:
    values = column_values(ask)
    values.update(date_sort=ask.date.earliest().isoformat())
    return values


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
    level: str | None = None    # a Level value: the ask's own, else its raising official's
    encounter: str | None = None  # the title of the live encounter it was made at


def ask_lines(session: Session, *, official_id: str | None = None,
              organisation_id: str | None = None,
              limit: int | None = None) -> list[AskLine]:
    """Live asks as ``AskLine``s, newest first; optionally only those raised by or with an
    official, or by or with an organisation (directly or through one of its officials)."""
    stmt = (select(AskRow.id, AskRow.date, AskRow.raised_by_official_id,
                   AskRow.raised_by_organisation_id, AskRow.raised_with_official_id,
                   AskRow.raised_with_organisation_id, AskRow.channel, AskRow.public,
                   AskRow.case_ids, AskRow.response, AskRow.follow_up_due, AskRow.level,
                   AskRow.encounter_id)
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
    levels = {person_id: level for person_id, level in session.execute(
        select(OfficialRow.id, OfficialRow.level).where(OfficialRow.level.is_not(None)))}
    met = {encounter_id: title for encounter_id, title in session.execute(
        select(EncounterRow.id, EncounterRow.title).where(EncounterRow.deleted.is_(False)))}
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
         response, due, level, encounter_id) in session.execute(stmt):
        ids = tuple(c for c in case_ids if c in names)
        lines.append(AskLine(ask_id, when, party(by_off, by_org) or "?",
                             party(with_off, with_org), channel, bool(public), ids,
                             tuple(names[c] for c in ids), response, due,
                             level or levels.get(by_off) or None, met.get(encounter_id)))
    return lines


def overdue_ask_ids(session: Session, today: date) -> set[str]:
    """IDs of the asks whose follow-up date has passed (its last possible day is before
    ``today``) with no later ask by the same government on any of their cases."""
    return set(session.scalars(select(OpenFollowUp.ask_id).where(
        OpenFollowUp.due_until < today.isoformat())))


def overdue_count(session: Session, today: date) -> int:
    return session.scalar(select(func.count()).select_from(OpenFollowUp).where(
        OpenFollowUp.due_until < today.isoformat()))
