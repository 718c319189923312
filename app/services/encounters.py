# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Encounters: diplomatic events between governments and the detaining state that we did
not attend (a state visit, a human-rights dialogue, an ambassador summoned, a UN review).

Asks may name the encounter they were made at. Deleting an encounter leaves such asks as
they are, pointing at its tombstone (every reader treats that as no encounter): changing
them would give colleagues' vaults different values under the same stamps.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from app.domain.dates import FuzzyDate
from app.domain.model import Encounter
from app.errors import UserError
from app.vault import erasure
from app.vault.records import assign, column_values, from_row, refuse_tombstone
from app.vault.tables import EncounterRow, OrganisationRow

NO_SUCH_ENCOUNTER = "No encounter with that ID."


def check(session: Session, encounter: Encounter) -> None:
    if not encounter.title.strip():
        raise UserError("An encounter needs a title.")
    if encounter.ends_on is not None and encounter.ends_on.latest() < \
            encounter.starts_on.earliest():
        raise UserError("An encounter cannot end before it starts.")
    if len(set(encounter.organisation_ids)) != len(encounter.organisation_ids):
        raise UserError("A government is listed twice for this encounter.")
    for organisation_id in encounter.organisation_ids:
        row = session.get(OrganisationRow, organisation_id)
        if row is None or row.deleted:
            raise UserError("No organisation with that ID.")


def save_encounter(session: Session, encounter: Encounter, *,
                   refs_checked: bool = False) -> None:
    if not refs_checked:
        check(session, encounter)
    row = session.get(EncounterRow, encounter.id)
    refuse_tombstone(row, "encounter")
    if row is None:
        row = EncounterRow(id=encounter.id, deleted=False)
        session.add(row)
    values = column_values(encounter)
    values.update(starts_on_sort=encounter.starts_on.earliest().isoformat(),
                  ends_on_sort=(encounter.ends_on or encounter.starts_on).latest().isoformat())
    assign(row, values)


def delete_encounter(session: Session, encounter_id: str) -> None:
    row = session.get(EncounterRow, encounter_id)
    if row is None or row.deleted:
        raise UserError(NO_SUCH_ENCOUNTER)
    erasure.erase(session, row)


def get_encounter(session: Session, encounter_id: str) -> Encounter:
    row = session.get(EncounterRow, encounter_id)
    if row is None or row.deleted:
        raise UserError(NO_SUCH_ENCOUNTER)
    return from_row(Encounter, row)


def list_encounters(session: Session, *, start: date | None = None,
                    end: date | None = None) -> list[Encounter]:
    """Live encounters that may overlap ``start``..``end`` (both inclusive, either open), by
    start date. A fuzzy date overlaps when any day it allows does."""
    stmt = _overlapping(select(EncounterRow), start, end)
    return [from_row(Encounter, row) for row in session.scalars(stmt)]


class Span(NamedTuple):
    """What a calendar shows of an encounter, as stored (no record built)."""

    id: str
    kind: str
    title: str
    starts_on: str
    ends_on: str | None
    organisation_ids: list[str]
    location: str | None


def encounter_spans(session: Session, start: date, end: date) -> list[Span]:
    """``list_encounters(start=, end=)`` as light rows: the calendar shows hundreds."""
    stmt = _overlapping(select(*(getattr(EncounterRow, name) for name in Span._fields)),
                        start, end)
    return [Span(*row) for row in session.execute(stmt)]


def _overlapping(stmt: Select, start: date | None, end: date | None) -> Select:
    stmt = stmt.where(EncounterRow.deleted.is_(False))
    if end is not None:
        stmt = stmt.where(EncounterRow.starts_on_sort <= end.isoformat())
    if start is not None:
        stmt = stmt.where(or_(EncounterRow.ends_on_sort.is_(None),
                              EncounterRow.ends_on_sort >= start.isoformat()))
    return stmt.order_by(EncounterRow.starts_on_sort, EncounterRow.id)


NEAR_DAYS = 30  # how far from an ask's date the encounters it may have been made at lie


def encounters_near(session: Session, government_id: str, when: FuzzyDate, *,
                    days: int = NEAR_DAYS) -> list[Encounter]:
    """The live encounters of ``government_id`` that may overlap ``when`` give or take
    ``days``, nearest first (those that may hold the ask's date, then by the days between
    them; among equals the shorter, a day's meeting before a month's session), then by
    start date: the ones an ask of that date may have been made at."""
    first, last = when.earliest(), when.latest()
    found = [e for e in list_encounters(session, start=first - timedelta(days=days),
                                        end=last + timedelta(days=days))
             if government_id in e.organisation_ids]

    def nearness(encounter: Encounter) -> tuple[int, int]:
        starts = encounter.starts_on.earliest()
        ends = (encounter.ends_on or encounter.starts_on).latest()
        return max((starts - last).days, (first - ends).days, 0), (ends - starts).days

    return sorted(found, key=nearness)  # stable: by start date among equals
