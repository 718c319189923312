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
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.model import Ask, Case, Document, Meeting, Official, Organisation
from app.errors import UserError
from app.services import asks, cases, directory, meetings
from app.services.interchange import load_json_bytes, parse_document
from app.services.records import from_row
from app.services.spreadsheet import MAX_BYTES, load_mapping, read_cases
from app.vault.tables import AskRow, CaseRow, MeetingRow, OfficialRow, OrganisationRow

TABLES = {"organisation": OrganisationRow, "official": OfficialRow, "case": CaseRow,
          "ask": AskRow, "meeting": MeetingRow}


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


def read_document(session: Session, path: Path, mapping_path: Path | None = None) -> tuple[
        Document, bool]:
    """Parse and validate a file; returns the document and whether it is a spreadsheet."""
    try:
        size = path.stat().st_size
    except OSError:
        raise UserError("The file to import does not exist or cannot be read.") from None
    if size > MAX_BYTES:
        raise UserError("The file is too large to import (over 100 MB).")
    data = path.read_bytes()
    is_json = path.suffix.lower() == ".json" or data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"
    if is_json and mapping_path is not None:
        raise UserError("A mapping file only applies to spreadsheets, not to JSON files.")
    if is_json:
        obj = load_json_bytes(data)
    else:
        mapping = load_mapping(mapping_path) if mapping_path is not None else None
        obj = read_cases(data, mapping).document
    return parse_document(obj, known=lambda kind, ident: _exists(session, kind, ident)), not is_json


def _exists(session: Session, kind: str, ident: str) -> bool:
    row = session.get(TABLES[kind], ident)
    return row is not None and not row.deleted


def summarise(session: Session, doc: Document) -> ImportSummary:
    created, updated = Counter(), Counter()
    for kind, items in (("organisation", doc.organisations), ("official", doc.officials),
                        ("case", doc.cases), ("ask", doc.asks), ("meeting", doc.meetings)):
        for item in items:
            (updated if _exists(session, kind, item.id) else created)[kind] += 1
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
        directory.save_official(session, official)
    session.flush()
    for case in doc.cases:
        if merge_cases and _exists(session, "case", case.id):
            case = merge_case(cases.get_case(session, case.id), case)
        cases.save_case(session, case)
    session.flush()
    for ask in doc.asks:
        asks.save_ask(session, ask, refs_checked=True)
    for meeting in doc.meetings:
        meetings.save_meeting(session, meeting)


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
    def rows(table, cls):
        stmt = select(table).where(table.deleted.is_(False)).order_by(table.id)
        return tuple(from_row(cls, r) for r in session.scalars(stmt))

    return Document(organisations=rows(OrganisationRow, Organisation),
                    officials=rows(OfficialRow, Official),
                    cases=tuple(sorted(cases.all_cases(session), key=lambda c: c.id)),
                    asks=rows(AskRow, Ask), meetings=rows(MeetingRow, Meeting))
