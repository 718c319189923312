# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Attachments: encrypted at rest, read back from memory, chain of custody, clean deletes."""

from __future__ import annotations

import hashlib
import io
import os

import pytest
from sqlalchemy import func, select

from app.domain.model import Case
from app.errors import Cancelled, UserError
from app.services import attachments
from app.services.cases import delete_case, new_id
from app.vault.tables import AttachmentRow, CaseRow

CANARY = "ATTACHMENT-CANARY-4f2a 王立璋 被带走的那天晚上".encode()
SECRET_NAME = "王立璋-判决书-CANARY.pdf"


def files_holding(folder, needle: bytes) -> list[str]:
    variants = [needle]
    try:
        text = needle.decode()
        variants += [text.encode("utf-16-le"), text.encode("utf-16-be")]
    except UnicodeDecodeError:
        pass
    return [str(p.relative_to(folder)) for p in folder.rglob("*")
            if p.is_file() and any(v in p.read_bytes() for v in variants)]


def blob_files(vault) -> list[str]:
    return list(vault.blobs.ids())


@pytest.fixture
def case(store) -> Case:
    made = Case(id=new_id(), display_name="Wang Lizhang", name_original="王立璋")
    store(made)
    return made


def add(vault, case_id, data: bytes = CANARY, name: str = SECRET_NAME, **kwargs):
    return attachments.add_attachment(vault, case_id, io.BytesIO(data), name, **kwargs)


def test_an_attachment_is_encrypted_at_rest(vault, case):
    document = CANARY * 3000  # several 64 KiB chunks
    added = add(vault, case.id, document)

    assert attachments.read_attachment(vault, added.id) == document
    assert files_holding(vault.path, CANARY) == []
    assert files_holding(vault.path, SECRET_NAME.encode()) == []
    assert files_holding(vault.path, b"ATTACHMENT-CANARY") == []


def test_the_chain_of_custody_is_recorded(vault, case, fixed_clock):
    data = os.urandom(70_000)
    added = add(vault, case.id, data, "scans/../evidence/court notice.pdf",
                description="Notice of detention", confidential=True)

    assert added.sha256 == hashlib.sha256(data).hexdigest()
    assert added.size == len(data)
    assert added.added_by == vault.identity.fingerprint
    assert added.added_at == fixed_clock().isoformat(timespec="seconds")
    assert (added.case_id, added.filename, added.media_type) == (
        case.id, "court notice.pdf", "application/pdf")
    assert (added.description, added.confidential) == ("Notice of detention", True)
    with vault.session() as session:
        assert attachments.list_attachments(session, case.id) == [added]
        row = session.get(AttachmentRow, added.id)
        vault.blobs.verify(row.blob_id, row.blob_key, row.sha256)


def test_media_types_are_guessed_or_given(vault, case):
    assert add(vault, case.id, name="photo.JPG").media_type == "image/jpeg"
    assert add(vault, case.id, name="notes").media_type == "application/octet-stream"
    assert add(vault, case.id, name="x.bin", media_type="image/png").media_type == "image/png"
    assert add(vault, case.id, name="").filename == "attachment"


def test_list_shows_a_cases_live_attachments_in_the_order_added(vault, case, store,
                                                                   fixed_clock):
    other = Case(id=new_id(), display_name="Someone else")
    store(other)
    first = add(vault, case.id, b"one", "a.txt")
    fixed_clock.advance(seconds=1)
    second = add(vault, case.id, b"two", "b.txt")
    fixed_clock.advance(seconds=1)
    gone = add(vault, case.id, b"three", "c.txt")
    add(vault, other.id, b"elsewhere", "d.txt")
    attachments.delete_attachment(vault, gone.id)

    with vault.session() as session:
        assert attachments.list_attachments(session, case.id) == [first, second]


def test_empty_and_multi_chunk_files_read_back_identical(vault, case):
    for data in (b"", b"x", os.urandom(64 * 1024), os.urandom(64 * 1024 * 3 + 17)):
        added = add(vault, case.id, data, "f.bin")
        assert attachments.read_attachment(vault, added.id) == data
        assert added.size == len(data)


def test_a_photo_is_set_and_shown(vault, case):
    assert attachments.photo(vault, case.id) is None
    portrait = b"\x89PNG\r\n\x1a\n" + os.urandom(1000)
    added = add(vault, case.id, portrait, "portrait.png", as_photo=True)
    add(vault, case.id, b"not the photo", "other.png")

    assert attachments.photo(vault, case.id) == portrait
    with vault.session() as session:
        assert session.get(CaseRow, case.id).photo_id == added.id
    assert attachments.photo(vault, new_id()) is None


def test_a_decrypted_copy_is_written_where_asked(vault, case, tmp_path):
    data = os.urandom(100_000)
    added = add(vault, case.id, data)
    out = tmp_path / "exported"
    out.mkdir()

    attachments.save_decrypted_copy(vault, added.id, out / "copy.pdf")

    assert (out / "copy.pdf").read_bytes() == data
    assert [p.name for p in out.iterdir()] == ["copy.pdf"]  # no partial file left
    with pytest.raises(UserError):
        attachments.save_decrypted_copy(vault, added.id, tmp_path / "missing" / "copy.pdf")


def test_delete_tombstones_the_row_drops_the_key_and_removes_the_blob(vault, case):
    kept = add(vault, case.id, b"kept", "kept.txt")
    added = add(vault, case.id, as_photo=True)
    with vault.session() as session:
        blob_id = session.get(AttachmentRow, added.id).blob_id
    assert vault.blobs.exists(blob_id)

    attachments.delete_attachment(vault, added.id)

    with vault.session() as session:
        row = session.get(AttachmentRow, added.id)
        assert row is not None and row.deleted and row.blob_key == b""
        assert session.get(CaseRow, case.id).photo_id is None
        assert attachments.list_attachments(session, case.id) == [kept]
    assert not vault.blobs.exists(blob_id)
    assert attachments.photo(vault, case.id) is None
    for call in (attachments.read_attachment, attachments.delete_attachment):
        with pytest.raises(UserError, match="No attachment"):
            call(vault, added.id)
    assert attachments.read_attachment(vault, kept.id) == b"kept"


def test_an_unknown_or_deleted_case_is_refused_and_no_blob_is_left(vault, case, store):
    gone = Case(id=new_id(), display_name="Deleted person")
    store(gone)
    with vault.session() as session:
        delete_case(session, gone.id)

    for case_id in (new_id(), gone.id):
        with pytest.raises(UserError, match="No case"):
            add(vault, case_id)

    assert blob_files(vault) == []
    with vault.session() as session:
        assert session.scalar(select(func.count()).select_from(AttachmentRow)) == 0


def test_a_cancelled_add_leaves_nothing(vault, case):
    with pytest.raises(Cancelled):
        add(vault, case.id, os.urandom(200_000), cancelled=lambda: True)

    assert blob_files(vault) == []
    with vault.session() as session:
        assert attachments.list_attachments(session, case.id) == []


def test_a_failure_after_encrypting_removes_the_blob(vault, case, monkeypatch):
    def broken_clock():
        raise OSError("clock unavailable")

    monkeypatch.setattr(vault, "clock", broken_clock)
    with pytest.raises(OSError, match="clock unavailable"):
        add(vault, case.id)

    assert blob_files(vault) == []


def test_progress_is_reported_in_plaintext_bytes(vault, case):
    seen: list[int] = []
    data = os.urandom(150_000)
    add(vault, case.id, data, progress=seen.append)

    assert seen[-1] == len(data) and seen == sorted(seen)
