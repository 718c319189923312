# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What two vaults must agree on once they have seen the same bundles."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.services import bulk
from app.services.interchange import dump_document
from app.sharing import records
from app.vault.sharing_tables import ConflictRow


def exported_state(vault) -> tuple[str, dict]:
    """The interchange export and, per synced row, its stamps, tombstone and origin."""
    with vault.session() as session:
        doc = json.dumps(dump_document(bulk.export_document(session)), sort_keys=True,
                         ensure_ascii=False)
        versions = {}
        for kind, table in records.KINDS.items():
            for row in session.scalars(select(table)):
                stamps = {k: v for k, v in row.field_versions.items()
                          if k not in records.LOCAL_ONLY}
                versions[(kind, row.id)] = (stamps, row.deleted, row.origin, row.version)
    return doc, versions


def conflicts(vault) -> list[ConflictRow]:
    with vault.session() as session:
        return list(session.scalars(select(ConflictRow)))


def stamp_of(vault, kind: str, row_id: str, field: str) -> str | None:
    with vault.session() as session:
        row = session.get(records.KINDS[kind], row_id)
        return None if row is None else row.field_versions.get(field)
