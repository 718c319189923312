# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Attachments of a case: encrypted on the way in, shown from memory, copied out on request.

The chain of custody (SHA-256, size, who added it and when) is kept with the per-file key
inside the encrypted database. Never decrypt to a temporary file to "open" one.
"""

from __future__ import annotations

import mimetypes
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from app.errors import UserError
from app.vault import erasure
from app.vault.tables import AttachmentRow, CaseRow

MAX_SHOWN_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Attachment:
    id: str
    case_id: str
    filename: str
    media_type: str
    size: int
    sha256: str
    added_by: str
    added_at: str
    description: str | None
    confidential: bool


def _plain(row: AttachmentRow) -> Attachment:
    return Attachment(row.id, row.case_id, row.filename, row.media_type, row.size, row.sha256,
                      row.added_by, row.added_at, row.description, row.confidential)


def add_attachment(vault, case_id: str, source: BinaryIO, filename: str, *,
                   media_type: str | None = None, description: str | None = None,
                   confidential: bool = False, as_photo: bool = False, progress=None,
                   cancelled=None) -> Attachment:
    """Encrypt ``source`` into the vault and record it on the case."""
    with vault.session() as session:
        case = session.get(CaseRow, case_id)
        if case is None or case.deleted:
            raise UserError("No case with that ID.")
    info = vault.blobs.write(source, progress=progress, cancelled=cancelled)
    name = Path(filename).name or "attachment"
    kind = media_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    try:
        with vault.session() as session:
            row = AttachmentRow(
                id=str(uuid.uuid4()), case_id=case_id, blob_id=info.blob_id, blob_key=info.key,
                filename=name, media_type=kind, size=info.size, sha256=info.sha256,
                added_by=vault.identity.fingerprint,
                added_at=vault.clock().isoformat(timespec="seconds"),
                description=description, confidential=confidential, deleted=False)
            session.add(row)
            if as_photo:
                session.get(CaseRow, case_id).photo_id = row.id
            return _plain(row)
    except BaseException:
        vault.blobs.delete(info.blob_id, missing_ok=True)  # no orphan ciphertext on failure
        raise


def list_attachments(session, case_id: str) -> list[Attachment]:
    rows = session.scalars(select(AttachmentRow).where(
        AttachmentRow.case_id == case_id, AttachmentRow.deleted.is_(False))
        .order_by(AttachmentRow.added_at, AttachmentRow.id))
    return [_plain(r) for r in rows]


def _row(session, attachment_id: str) -> AttachmentRow:
    row = session.get(AttachmentRow, attachment_id)
    if row is None or row.deleted:
        raise UserError("No attachment with that ID.")
    return row


def read_attachment(vault, attachment_id: str) -> bytes:
    """The decrypted content, in memory only, verified before it is returned."""
    with vault.session() as session:
        row = _row(session, attachment_id)
        blob_id, key = row.blob_id, row.blob_key
    return vault.blobs.read(blob_id, key, max_size=MAX_SHOWN_BYTES)


def photo(vault, case_id: str) -> bytes | None:
    with vault.session() as session:
        case = session.get(CaseRow, case_id)
        photo_id = case.photo_id if case is not None else None
    return read_attachment(vault, photo_id) if photo_id else None


def save_decrypted_copy(vault, attachment_id: str, dest: Path, **kwargs) -> None:
    """Write a decrypted copy where the user chose (temp name, renamed when complete)."""
    with vault.session() as session:
        row = _row(session, attachment_id)
        blob_id, key = row.blob_id, row.blob_key
    vault.blobs.save_copy(blob_id, key, dest, **kwargs)


def delete_attachment(vault, attachment_id: str) -> None:
    """Erase the record with its key; the ciphertext file goes once that is committed."""
    with vault.session() as session:
        erasure.erase_record(session, _row(session, attachment_id))


def photo_id(session, case_id: str) -> str | None:
    """The attachment shown as the case's photo, if any."""
    case = session.get(CaseRow, case_id)
    return case.photo_id if case is not None and not case.deleted else None


def set_photo(session, case_id: str, attachment_id: str) -> None:
    """Show this attachment (an image of the same case) as the case's photo."""
    row = _row(session, attachment_id)
    case = session.get(CaseRow, case_id)
    if case is None or case.deleted or row.case_id != case_id:
        raise UserError("No attachment with that ID.")
    if not row.media_type.startswith("image/"):
        raise UserError("Only an image can be the case photo.")
    case.photo_id = attachment_id
