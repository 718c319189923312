# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The last mapping a sheet was imported with, remembered per set of headers, so that next
month's export of the same register needs no mapping again.

Kept inside the vault (VaultMeta, under a hash of the headers), never in QSettings or a
file: headers and vocabulary spellings say what an organisation records.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy.orm import Session

from app.errors import VigilError
from app.services.sheet_cells import fold
from app.services.spreadsheet_mapping import Mapping, parse_mapping
from app.vault.schema import VaultMeta

_PREFIX = "import_mapping:"


def _key(headers: list[str]) -> str:
    folded = sorted({fold(h) for h in headers if h})
    digest = hashlib.sha256("\x1f".join(folded).encode("utf-8")).hexdigest()
    return _PREFIX + digest[:40]  # VaultMeta keys hold 64 characters


def remembered_mapping(session: Session, headers: list[str]) -> Mapping | None:
    """The mapping last imported with a sheet of these headers (in any order), if any."""
    row = session.get(VaultMeta, _key(headers))
    if row is None:
        return None
    try:
        return parse_mapping(json.loads(row.value))
    except (ValueError, VigilError):  # from an older version: forget it, suggest afresh
        return None


def remember_mapping(session: Session, headers: list[str], mapping: Mapping) -> None:
    key, value = _key(headers), json.dumps(mapping.to_dict(), ensure_ascii=False)
    row = session.get(VaultMeta, key)
    if row is None:
        session.add(VaultMeta(key=key, value=value))
    else:
        row.value = value
