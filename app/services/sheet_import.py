# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A converted sheet, checked against a vault, and what importing it will do: the import
wizard's preview and summary (bulk.read_document does the same from a file path and a
mapping file, for the CLI).

Reads only; the import itself is bulk.import_document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.domain.model import Document
from app.services import bulk, cases
from app.services.interchange import parse_document


@dataclass(frozen=True)
class Outcome:
    created: int
    updated: int
    unchanged: int


def check_document(session: Session, obj: dict[str, Any]) -> Document:
    """Validate an interchange object (a converted sheet's document) against the vault:
    raises InterchangeError listing every problem."""
    doc = parse_document(obj, known=lambda kind, ident: bulk._exists(session, kind, ident))
    bulk._check_deleted(session, doc)
    bulk._check_child_ids(session, doc)
    return doc


def outcome(session: Session, doc: Document, *, merge_cases: bool) -> Outcome:
    """How many cases the import creates, changes, and leaves as they are."""
    created = updated = unchanged = 0
    existing = cases.get_cases(session, (case.id for case in doc.cases))
    for case in doc.cases:
        stored = existing.get(case.id)
        if stored is None:
            created += 1
            continue
        after = bulk.merge_case(stored, case) if merge_cases else case
        if after == stored:
            unchanged += 1
        else:
            updated += 1
    return Outcome(created, updated, unchanged)
