# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Bulk import and export: interchange JSON (DESIGN.md section 9) and spreadsheets (10).

All or nothing: a file is validated completely before anything is written, and it is
applied in one transaction. Re-importing the same file updates the same records. A
spreadsheet only brings some of a case's fields, so re-importing one merges into the
case (its other fields, events and notes stay) instead of replacing it.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.model import (
    Ask,
    Case,
    Document,
    Encounter,
    Involvement,
    Meeting,
    Official,
    Organisation,
)
from app.errors import UserError
from app.services import asks, cases, directory, encounters, involvements, meetings
from app.services.interchange import InterchangeError, load_json_bytes, parse_document
from app.services.interchange_findings import Finding
from app.services.sheets import read_bounded
from app.services.spreadsheet import MAX_BYTES, Progress, load_mapping, read_cases
from app.vault.batch import NewRows
from app.vault.records import from_row
from app.vault.tables import (
    AskRow,
    CaseRow,
    EncounterRow,
    EventRow,
    InvolvementRow,
    MeetingRow,
    OfficialRow,
    OrganisationRow,
    SourceRow,
)

_LEADING_BLANKS = re.compile(rb"[\xef\xbb\xbf \t\r\n]*")
_TOO_LARGE = "The file is too large to import (over 100 MB)."
TABLES = {"organisation": OrganisationRow, "official": OfficialRow, "case": CaseRow,
          "encounter": EncounterRow, "ask": AskRow, "meeting": MeetingRow,
          "involvement": InvolvementRow}
# Each document list with the kind of its records, in the order they are applied.
LISTS = (("organisations", "organisation"), ("officials", "official"), ("cases", "case"),
         ("encounters", "encounter"), ("asks", "ask"), ("meetings", "meeting"),
         ("involvements", "involvement"))


@dataclass(frozen=True, slots=True)
class ImportSummary:
    created: dict[str, int]
    updated: dict[str, int]

    def describe(self) -> str:
        parts = []
        for kind in TABLES:
            new, changed = self.created.get(kind, 0), self.updated.get(kind, 0)
            if new or changed:
                parts.append(f"{kind}s: {new} new, {changed} updated")
        return "; ".join(parts) or "nothing to import"


def read_document(session: Session, path: Path, mapping_path: Path | None = None, *,
                  sheet: str | None = None, header_row: int | None = None,
                  progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> tuple[Document, bool]:
    """Parse and validate a file; returns the document and whether it is a spreadsheet.

    `sheet` (a workbook's sheet name), `header_row` (the headers' row number),
    `progress` and `cancelled` apply to spreadsheets: see `spreadsheet.read_cases`.
    """
    if path.is_dir():
        raise UserError("That is a folder: give the file to import.", code="file_is_folder")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UserError(_TOO_LARGE, code="file_too_large")
        with path.open("rb") as handle:  # bounded: a pipe reports size 0, may never end
            data = read_bounded(handle)
    except OSError:
        raise UserError("The file to import does not exist or cannot be read.",
                        code="file_unreadable") from None
    if len(data) > MAX_BYTES:
        raise UserError(_TOO_LARGE, code="file_too_large")
    start = _LEADING_BLANKS.match(data).end()  # not lstrip: that copies the whole file
    is_json = path.suffix.lower() == ".json" or data[start:start + 1] == b"{"
    if is_json and mapping_path is not None:
        raise UserError("A mapping file only applies to spreadsheets, not to JSON files.",
                        code="mapping_for_json")
    if is_json and sheet is not None:
        raise UserError("A sheet name only applies to workbooks (XLSX, XLS, ODS), not to "
                        "JSON files.", code="sheet_for_json")
    if is_json:
        obj = load_json_bytes(data)
    else:
        mapping = load_mapping(mapping_path) if mapping_path is not None else None
        obj = read_cases(data, mapping, sheet=sheet, header_row=header_row,
                         progress=progress, cancelled=cancelled).document
        del data  # the workbook's bytes are not needed while the document is validated
    sources: dict[str, set[str]] = {}  # a vault case's sources, read once per case

    def sources_of(case_id: str) -> set[str]:
        if case_id not in sources:
            sources[case_id] = _sources_of(session, case_id)
        return sources[case_id]

    doc = parse_document(obj, known=lambda kind, ident: _exists(session, kind, ident),
                         sources_of=sources_of)
    _check_deleted(session, doc)
    _check_child_ids(session, doc)
    _check_involvement_cases(session, doc)
    return doc, not is_json


def _check_deleted(session: Session, doc: Document) -> None:
    """Refuse records this vault deleted: deletion is final (its content was erased and
    colleagues dropped it), so a file cannot bring one back under the same ID."""
    problems = []
    for key, kind in LISTS:
        items = getattr(doc, key)
        table = TABLES[kind]
        ids = [item.id for item in items]
        deleted: set[str] = set()
        for start in range(0, len(ids), 500):
            deleted.update(session.scalars(select(table.id).where(
                table.id.in_(ids[start:start + 500]), table.deleted.is_(True))))
        problems += [Finding(f"{key}[{index}].id", "deleted_here")
                     for index, item in enumerate(items) if item.id in deleted]
    if problems:
        raise InterchangeError(problems)


def _check_child_ids(session: Session, doc: Document) -> None:
    """Refuse events and sources whose ID belongs to another case in the vault.

    `parse_document` sees only the file; `cases.save_case` would refuse them half-way
    through the import, after a dry run had said that all was well.
    """
    for key, table in (("events", EventRow), ("sources", SourceRow)):
        owner = {item.id: (index, position, case.id)
                 for index, case in enumerate(doc.cases)
                 for position, item in enumerate(getattr(case, key))}
        ids = list(owner)
        problems = []
        for start in range(0, len(ids), 500):  # SQLite limits bound parameters
            stmt = select(table.id, table.case_id).where(table.id.in_(ids[start:start + 500]))
            for ident, case_id in session.execute(stmt):
                index, position, wanted = owner[ident]
                if case_id != wanted:
                    problems.append((index, position))
        if problems:
            raise InterchangeError(Finding(f"cases[{index}].{key}[{position}].id",
                                           "id_of_another_case")
                                   for index, position in sorted(problems))


def _check_involvement_cases(session: Session, doc: Document) -> None:
    """Refuse an involvement the vault holds about another case: it cannot move."""
    wanted = {inv.id: (index, inv.case_id) for index, inv in enumerate(doc.involvements)}
    ids = list(wanted)
    problems = []
    for start in range(0, len(ids), 500):
        stmt = select(InvolvementRow.id, InvolvementRow.case_id).where(
            InvolvementRow.id.in_(ids[start:start + 500]), InvolvementRow.deleted.is_(False))
        for ident, case_id in session.execute(stmt):
            index, case = wanted[ident]
            if case_id != case:
                problems.append(Finding(f"involvements[{index}].case_id",
                                        "involvement_moves"))
    if problems:
        raise InterchangeError(sorted(problems, key=str))


def _sources_of(session: Session, case_id: str) -> set[str]:
    return set(session.scalars(select(SourceRow.id).where(
        SourceRow.case_id == case_id, SourceRow.deleted.is_(False))))


def _exists(session: Session, kind: str, ident: str) -> bool:
    row = session.get(TABLES[kind], ident)
    return row is not None and not row.deleted


def summarise(session: Session, doc: Document) -> ImportSummary:
    created, updated = Counter(), Counter()
    for key, kind in LISTS:
        items = getattr(doc, key)
        # One query per 500 IDs, not one per record: a 10,000-row sheet is 10,000 cases.
        table, ids = TABLES[kind], [item.id for item in items]
        live: set[str] = set()
        for start in range(0, len(ids), 500):
            live.update(session.scalars(select(table.id).where(
                table.id.in_(ids[start:start + 500]), table.deleted.is_(False))))
        for item in items:
            (updated if item.id in live else created)[kind] += 1
    return ImportSummary(dict(created), dict(updated))


def import_document(session: Session, doc: Document, *, merge_cases: bool = False) -> None:
    """Apply a document validated by ``parse_document`` (its references all resolve)."""
    with session.no_autoflush:  # one flush per statement would dominate a large import
        _import(session, doc, merge_cases)


def _import(session: Session, doc: Document, merge_cases: bool) -> None:
    for organisation in doc.organisations:
        directory.save_organisation(session, organisation)
    session.flush()
    for official in doc.officials:
        directory.save_official(session, official, refs_checked=True)
    session.flush()
    ids = [case.id for case in doc.cases]
    rows: list = []  # the stored cases' rows, held so that save_case finds them unqueried
    stored = cases.get_cases(session, ids, keep_rows=rows) if merge_cases else {}
    # Any row, live or deleted (read_document refused the deleted): the others are new.
    present = set(stored) if merge_cases else _ids_in(session, CaseRow, ids)
    # one question about the new cases' events and sources, not two per case
    cases.check_new_children(session, list({
        case.id: case for case in reversed(doc.cases) if case.id not in present}.values()))
    # New records listed once go to the batch (Core executemany); one listed twice is
    # updated by its second listing, which needs the first as an ORM row.
    batch = NewRows(session) if NewRows.possible(session) else None
    twice = _listed_twice(doc.cases)
    for case in doc.cases:
        if case.id in stored:
            before = stored.pop(case.id)
            case = merge_case(before, case)
            if case == before:  # the row says what the vault holds: nothing to write
                continue
        new = case.id not in present
        if new and batch is not None and case.id not in twice:
            cases.add_new_case(batch, case)
        else:
            cases.save_case(session, case, new=new, children_checked=new)
        present.add(case.id)  # listed twice: the second is an update
    del rows
    if batch is not None:  # the asks' derived rows need the cases' rows, not their derived
        batch.write()
    for encounter in doc.encounters:
        encounters.save_encounter(session, encounter, refs_checked=True)
    session.flush()
    # Any row, live or deleted (read_document refused the deleted): the others are new,
    # and one question about them is cheaper than one per ask.
    present = _ids_in(session, AskRow, [ask.id for ask in doc.asks])
    twice = _listed_twice(doc.asks)
    for ask in doc.asks:  # what derives from them follows in one pass on the flush
        new = ask.id not in present
        if new and batch is not None and ask.id not in twice:
            asks.add_new_ask(batch, ask)
        else:
            asks.save_ask(session, ask, refs_checked=True, new=new)
        present.add(ask.id)
    for meeting in doc.meetings:
        meetings.save_meeting(session, meeting)
    for involvement in doc.involvements:
        involvements.save_involvement(session, involvement, refs_checked=True)
    if batch is not None:  # what derives from the new cases and asks, over the whole vault
        session.flush()
        batch.finish()


def _listed_twice(items) -> set[str]:
    return {ident for ident, count in Counter(item.id for item in items).items() if count > 1}


def _ids_in(session: Session, table, ids: list[str]) -> set[str]:
    """Which of ``ids`` have a row in ``table``, live or deleted: a query per 500."""
    found: set[str] = set()
    for start in range(0, len(ids), 500):  # SQLite limits bound parameters
        found.update(session.scalars(select(table.id).where(table.id.in_(ids[start:start + 500]))))
    return found


def merge_case(existing: Case, incoming: Case) -> Case:
    """A spreadsheet row over a stored case: its non-empty fields win, the rest stays."""
    values = {}
    for field in dataclasses.fields(Case):
        new, old = getattr(incoming, field.name), getattr(existing, field.name)
        if field.name in ("events", "sources"):
            incoming_ids = {item.id for item in new}
            values[field.name] = tuple(i for i in old if i.id not in incoming_ids) + new
        elif field.name == "internal_notes" and old and new:
            lines = old.splitlines()
            values[field.name] = "\n".join(lines + [x for x in new.splitlines() if x not in lines])
        else:
            values[field.name] = new if new not in (None, ()) else old
    return Case(**values)


def export_document(session: Session) -> Document:
    """The live records as a document that imports anywhere (every reference resolves).

    Deleted records stay out, and so do references to them, which live records may still
    hold (a colleague's deletion arrives by bundle; asks keep naming a deleted case). An
    ask left naming no live case is about deleted people only and stays out too; one whose
    raiser is gone counts, as in the matrix, for the raising official's organisation. An
    involvement of a removed official has nobody to name in the file and stays out.
    """
    def rows(table, cls):
        stmt = select(table).where(table.deleted.is_(False)).order_by(table.id)
        return tuple(from_row(cls, r) for r in session.scalars(stmt))

    organisations = rows(OrganisationRow, Organisation)
    orgs = {o.id for o in organisations}
    employer = dict(session.execute(select(OfficialRow.id, OfficialRow.organisation_id)).all())
    officials = tuple(dataclasses.replace(
        _without_gone(o, orgs=orgs), positions=tuple(
            _without_gone(p, orgs=orgs) for p in o.positions))
        for o in rows(OfficialRow, Official))
    people = {o.id for o in officials}
    case_list = tuple(_own_sources_only(c) for c in sorted(cases.all_cases(session),
                                                           key=lambda c: c.id))
    live = {c.id for c in case_list}
    encounters_out = tuple(dataclasses.replace(e, organisation_ids=tuple(
        o for o in e.organisation_ids if o in orgs)) for e in rows(EncounterRow, Encounter))
    met = {e.id for e in encounters_out}
    asks_out = []
    for ask in rows(AskRow, Ask):
        by_org = ask.raised_by_organisation_id
        if ask.raised_by_official_id not in people and by_org is None:
            by_org = employer.get(ask.raised_by_official_id)
        ask = dataclasses.replace(
            _without_gone(ask, orgs=orgs, people=people), raised_by_organisation_id=by_org
            if by_org in orgs else None, case_ids=tuple(c for c in ask.case_ids if c in live),
            encounter_id=ask.encounter_id if ask.encounter_id in met else None)
        if ask.case_ids and (ask.raised_by_official_id or ask.raised_by_organisation_id):
            asks_out.append(ask)
    meetings_out = tuple(dataclasses.replace(
        _without_gone(m, orgs=orgs, people=people),
        official_ids=tuple(o for o in m.official_ids if o in people),
        cases=tuple(item for item in m.cases if item.case_id in live))
        for m in rows(MeetingRow, Meeting))
    sources = {s.id for c in case_list for s in c.sources}
    involvements_out = tuple(
        dataclasses.replace(i, source_ids=tuple(s for s in i.source_ids if s in sources))
        for i in rows(InvolvementRow, Involvement)
        if i.case_id in live and i.official_id in people)
    return Document(organisations=organisations, officials=officials, cases=case_list,
                    asks=tuple(asks_out), meetings=meetings_out,
                    involvements=involvements_out, encounters=encounters_out)


def _without_gone(obj, *, orgs: set[str], people: set[str] = frozenset()):
    """`obj` with its optional references to organisations and officials not exported unset."""
    gone = {}
    for field in dataclasses.fields(obj):
        value = getattr(obj, field.name)
        if value is None or not field.name.endswith("_id"):
            continue
        if field.name.endswith("organisation_id") and value not in orgs or \
                field.name.endswith("official_id") and value not in people:
            gone[field.name] = None
    return dataclasses.replace(obj, **gone) if gone else obj


def _own_sources_only(case: Case) -> Case:
    """Events cite only the case's exported sources (a removed source may still be cited)."""
    kept = {source.id for source in case.sources}
    if all(set(event.source_ids) <= kept for event in case.events):
        return case
    return dataclasses.replace(case, events=tuple(
        dataclasses.replace(e, source_ids=tuple(i for i in e.source_ids if i in kept))
        for e in case.events))
