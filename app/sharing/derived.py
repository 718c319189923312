# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a merged row derives: sort keys, and the checks that it reads back as its domain
object. The data kept beside the rows (``ask_cases``, last raised, the open follow-ups, each
case's detention start and search entry) follows the flush (``app.vault.derived``).

Used by the merge and by resolving a conflict; never writes a synced field.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from sqlalchemy.orm import Session

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
from app.vault.records import from_row

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


def rebuild_rows(session: Session, touched: dict[str, dict[str, object]]) -> None:
    """Check every touched row reads as a domain object and set its sort keys; the flush
    at the end re-derives the rest.

    ``touched`` maps kind to {id: row or None (then it is looked up)}.
    """
    resolved = {kind: {row_id: row if row is not None else
                       session.get(records.KINDS[kind], row_id)
                       for row_id, row in rows.items()} for kind, rows in touched.items()}
    for kind, rows in resolved.items():
        for row in rows.values():
            if row is not None:
                derive(kind, row)
    session.flush()
