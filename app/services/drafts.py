# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Unsaved edits kept across a lock: written into the vault as the app locks, offered back
after the next unlock, and deleted once the user has restored or discarded them.

A draft is one JSON row of the vault's own ``vault_meta`` table (key ``draft:<kind>``), so
it is encrypted with everything else and needs no migration; one draft per kind of form,
since one case is edited at a time. This module must never write a draft anywhere but the
vault (no temp file, no settings, no log), and never offer one for a record deleted since.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.services.cases import live
from app.vault.schema import VaultMeta
from app.vault.tables import CaseRow

PREFIX = "draft:"
CASE = "case"  # the case editor's profile form (with the internal notes)


@dataclass(frozen=True)
class Draft:
    """What a form held, as plain values: ``fields`` is the form's own (field name → text,
    choice or rows); ``title`` names the record in the offer; ``new`` is a record never
    saved (so never deleted either)."""

    kind: str
    record_id: str
    title: str
    fields: Mapping[str, Any] = field(default_factory=dict)
    new: bool = False


def keep(session: Session, draft: Draft) -> None:
    """Keep ``draft`` in the vault, in place of an older one of its kind."""
    value = json.dumps({"record_id": draft.record_id, "title": draft.title,
                        "fields": dict(draft.fields), "new": draft.new}, ensure_ascii=False)
    session.merge(VaultMeta(key=PREFIX + draft.kind, value=value))


def pending(session: Session) -> list[Draft]:
    """The drafts to offer. One whose record was deleted meanwhile (on another computer, a
    colleague's bundle, the command line) or that cannot be read is deleted, not offered."""
    found: list[Draft] = []
    for row in session.scalars(select(VaultMeta).where(VaultMeta.key.startswith(PREFIX))):
        draft = _read(row.key[len(PREFIX):], row.value)
        if draft is None or (not draft.new and not _exists(session, draft)):
            session.delete(row)
        else:
            found.append(draft)
    return sorted(found, key=lambda d: d.kind)


def discard(session: Session, kind: str) -> None:
    """Forget the draft of ``kind`` (it was restored into its form, or discarded)."""
    row = session.get(VaultMeta, PREFIX + kind)
    if row is not None:
        session.delete(row)


def discard_all(session: Session) -> int:
    """Forget every draft (for whatever must leave no case data behind); how many went."""
    result = session.execute(delete(VaultMeta).where(VaultMeta.key.startswith(PREFIX)))
    return int(getattr(result, "rowcount", 0) or 0)


def _read(kind: str, value: str) -> Draft | None:
    try:
        data = json.loads(value)
        draft = Draft(kind=kind, record_id=str(data["record_id"]), title=str(data["title"]),
                      fields=dict(data["fields"]), new=bool(data.get("new", False)))
    except (ValueError, KeyError, TypeError):
        return None
    return draft


def _exists(session: Session, draft: Draft) -> bool:
    if draft.kind == CASE:
        return live(session, CaseRow, draft.record_id) is not None
    return False  # a kind this version does not know: nothing could restore it
