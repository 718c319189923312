# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Involvements: what an official of the detaining state did in a case, with the case's
sources that support it.

An involvement goes with its case when the case is deleted (see ``app.vault.erasure``).
When the official is deleted it stays, pointing at the official's tombstone, and is shown
as a removed official: the conduct is still evidence about the case. Sources are the
case's own; one removed from the case later is no longer cited.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.model import Involvement
from app.errors import UserError
from app.vault import erasure
from app.vault.records import assign, column_values, from_row, refuse_tombstone
from app.vault.tables import CaseRow, InvolvementRow, OfficialRow, SourceRow

NO_SUCH_INVOLVEMENT = "No involvement with that ID."


@dataclass(frozen=True, slots=True)
class InvolvementView:
    """An involvement with what a list shows beside it: the official's name (None when the
    official was removed) and the case's display name."""

    involvement: Involvement
    official_name: str | None
    case_name: str


def check(session: Session, involvement: Involvement) -> None:
    """The references of an involvement resolve: a live case, a live official (or, for one
    already stored, the official's tombstone), and sources of that same case."""
    case = session.get(CaseRow, involvement.case_id)
    if case is None or case.deleted:
        raise UserError("No case with that ID.")
    official = session.get(OfficialRow, involvement.official_id)
    stored = session.get(InvolvementRow, involvement.id)
    keeps_removed = (official is not None and official.deleted and stored is not None
                     and stored.official_id == involvement.official_id)
    if official is None or official.deleted and not keeps_removed:
        raise UserError("No official with that ID.")
    if len(set(involvement.source_ids)) != len(involvement.source_ids):
        raise UserError("A source is cited twice for this involvement.")
    if involvement.source_ids:
        owners = dict(session.execute(
            select(SourceRow.id, SourceRow.case_id).where(
                SourceRow.id.in_(involvement.source_ids), SourceRow.deleted.is_(False))).all())
        if any(owners.get(s) != involvement.case_id for s in involvement.source_ids):
            raise UserError("An involvement can cite only sources of its own case.")


def save_involvement(session: Session, involvement: Involvement, *,
                     refs_checked: bool = False) -> None:
    """Create or update an involvement. ``refs_checked``: a validated interchange document's
    references are known to resolve."""
    if not refs_checked:
        check(session, involvement)
    row = session.get(InvolvementRow, involvement.id)
    refuse_tombstone(row, "involvement")
    if row is None:
        row = InvolvementRow(id=involvement.id, deleted=False)
        session.add(row)
    elif row.case_id != involvement.case_id:
        raise UserError("An involvement cannot move to another case.")
    values = column_values(involvement)
    values["date_sort"] = involvement.date.earliest().isoformat() if involvement.date else None
    assign(row, values)


def delete_involvement(session: Session, involvement_id: str) -> None:
    row = session.get(InvolvementRow, involvement_id)
    if row is None or row.deleted:
        raise UserError(NO_SUCH_INVOLVEMENT)
    erasure.erase(session, row)


def get_involvement(session: Session, involvement_id: str) -> Involvement:
    row = session.get(InvolvementRow, involvement_id)
    if row is None or row.deleted:
        raise UserError(NO_SUCH_INVOLVEMENT)
    return _live_sources(session, [from_row(Involvement, row)])[0]


def of_case(session: Session, case_id: str) -> list[InvolvementView]:
    """A case's involvements, by date (undated last), with the officials' names."""
    return _views(session, InvolvementRow.case_id == case_id)


def of_official(session: Session, official_id: str) -> list[InvolvementView]:
    """An official's involvements in live cases, by date, with the cases' names."""
    return _views(session, InvolvementRow.official_id == official_id)


def _views(session: Session, where) -> list[InvolvementView]:
    stmt = (select(InvolvementRow, OfficialRow.name, OfficialRow.deleted, CaseRow.display_name)
            .join(CaseRow, CaseRow.id == InvolvementRow.case_id)
            .join(OfficialRow, OfficialRow.id == InvolvementRow.official_id)
            .where(where, InvolvementRow.deleted.is_(False), CaseRow.deleted.is_(False))
            .order_by(InvolvementRow.date_sort.is_(None), InvolvementRow.date_sort,
                      InvolvementRow.id))
    found = session.execute(stmt).all()
    involvements = _live_sources(session, [from_row(Involvement, r[0]) for r in found])
    return [InvolvementView(inv, None if gone else name, case_name)
            for inv, (_row, name, gone, case_name) in zip(involvements, found, strict=True)]


def _live_sources(session: Session, found: list[Involvement]) -> list[Involvement]:
    """The involvements citing only sources still in their case."""
    cited = {s for inv in found for s in inv.source_ids}
    if not cited:
        return found
    live: set[str] = set()
    ordered = sorted(cited)
    for start in range(0, len(ordered), 500):
        live.update(session.scalars(select(SourceRow.id).where(
            SourceRow.id.in_(ordered[start:start + 500]), SourceRow.deleted.is_(False))))
    return [inv if set(inv.source_ids) <= live else
            replace(inv, source_ids=tuple(s for s in inv.source_ids if s in live))
            for inv in found]


def case_counts(session: Session) -> dict[str, int]:
    """How many live cases each official is involved in (for "involved in N or more")."""
    stmt = (select(InvolvementRow.official_id, InvolvementRow.case_id)
            .join(CaseRow, CaseRow.id == InvolvementRow.case_id)
            .where(InvolvementRow.deleted.is_(False), CaseRow.deleted.is_(False)))
    cases: dict[str, set[str]] = {}
    for official_id, case_id in session.execute(stmt):
        if official_id is not None and case_id is not None:
            cases.setdefault(official_id, set()).add(case_id)
    return {official_id: len(ids) for official_id, ids in cases.items()}

