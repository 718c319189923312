# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a merged row derives: sort keys, the checks that it reads back as its domain object,
and the data kept beside it (search index, detention start). ``ask_cases``, last raised and
the open follow-ups follow the flush (``app.vault.derived``).

Used by the merge and by resolving a conflict; never writes a synced field.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from sqlalchemy.orm import Session

from app.domain import rules
from app.domain.model import (
    Ask,
    Case,
    Encounter,
    Event,
    Involvement,
    Meeting,
    Official,
    Organisation,
    Source,
)
from app.sharing import records
from app.vault import search_index
from app.vault.records import case_from_row, from_row

DOMAIN = {"organisation": Organisation, "official": Official, "event": Event,
          "source": Source, "ask": Ask, "meeting": Meeting, "involvement": Involvement,
          "encounter": Encounter}


def derive(kind: str, row) -> None:
    """Sort keys from their fields; and the row must read back as its domain object."""
    if row.deleted:
        return
    if kind == "attachment":  # on every path, not only for new ones: a rename travels too
        name = row.filename
        if not name or Path(name).name != name or name in (".", "..") or \
                any(c in name for c in "\\/\0") or not name.isprintable():
            raise ValueError("attachment file name with a path")
        return
    if kind == "case":  # the timeline is checked row by row
        from_row(Case, row, events=(), sources=())
        return
    if kind not in DOMAIN:
        return
    obj = from_row(DOMAIN[kind], row)
    if kind == "event" or kind == "ask":
        row.date_sort = obj.date.earliest().isoformat()
    elif kind == "involvement":
        row.date_sort = obj.date.earliest().isoformat() if obj.date else None
    elif kind == "encounter":
        row.starts_on_sort = obj.starts_on.earliest().isoformat()
        row.ends_on_sort = (obj.ends_on or obj.starts_on).latest().isoformat()
    elif kind == "meeting":
        if obj.starts_at.tzinfo is None:
            raise ValueError("meeting time without zone")
        row.starts_at_utc = obj.starts_at.astimezone(UTC).isoformat()


def rebuild_rows(session: Session, touched: dict[str, dict[str, object]],
                 new_cases: set[str] = frozenset()) -> None:
    """Check every touched row reads as a domain object and rebuild what derives from it.

    ``touched`` maps kind to {id: row or None (then it is looked up)}. ``new_cases`` were
    not in the vault before (a deleted one was never indexed here).
    """
    resolved = {kind: {row_id: row if row is not None else
                       session.get(records.KINDS[kind], row_id)
                       for row_id, row in rows.items()} for kind, rows in touched.items()}
    for kind, rows in resolved.items():
        for row in rows.values():
            if row is not None:
                derive(kind, row)
    session.flush()
    with session.no_autoflush:
        for row_id, row in sorted(resolved.get("case", {}).items()):
            if row is None:
                continue
            if row.deleted:
                if row_id not in new_cases:
                    search_index.unindex_case(session, row_id)
                continue
            case = case_from_row(session, row)
            start = rules.detention_start(case)
            row.detention_start = str(start) if start else None
            search_index.index_case(session, case)
