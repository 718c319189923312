# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bundle format is a contract between versions (DESIGN.md, sharing): a bundle written
by an earlier Vigil (fixtures/bundle_v1, made by make_bundle_v1.py) imports into the vault
it was sent to, attachments byte for byte; and this version writes the same archive
layout, so earlier versions read what it writes."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
from pathlib import Path

import pyrage
import pytest
from sharing_helpers import get_case
from sqlalchemy import select

from app.sharing import bundle, container, inbox
from app.vault.sharing_tables import ColleagueRow
from app.vault.tables import AttachmentRow
from app.vault.vault import Vault

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "bundle_v1"


@pytest.fixture
def bob(tmp_path):
    expected = json.loads((FIXTURE / "expected.json").read_text("utf-8"))
    with tarfile.open(FIXTURE / "bob-vault.tar.gz") as archive:
        archive.extractall(tmp_path, filter="data")
    vault = Vault.unlock(tmp_path / "bob", passphrase=expected["passphrase"],
                         daily_backup=False)
    yield vault, expected
    vault.close()


def attachments_of(vault: Vault, case_id: str) -> dict[str, str]:
    with vault.session() as session:
        rows = list(session.scalars(select(AttachmentRow).where(
            AttachmentRow.case_id == case_id)))
        return {row.filename: hashlib.sha256(vault.blobs.read(row.blob_id, row.blob_key))
                .hexdigest() for row in rows}


def test_a_bundle_written_by_an_earlier_version_imports(bob):
    vault, expected = bob
    preview = inbox.import_bundle(vault, FIXTURE / "from-alice.vigil", dry_run=True)
    assert not preview.already_applied
    inbox.import_bundle(vault, FIXTURE / "from-alice.vigil")
    case = get_case(vault, expected["case_id"])
    assert case.display_name == expected["display_name"]
    assert len(case.events) == expected["events"]
    assert attachments_of(vault, expected["case_id"]) == expected["attachments"]
    assert inbox.import_bundle(vault, FIXTURE / "from-alice.vigil").already_applied


def headers(archive: bytes) -> list[tuple[str, bytes, bytes, bytes]]:
    """Per member: its name pattern, type, mode and format magic, as written."""
    found, offset = [], 0
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:") as reader:
        for member in reader.getmembers():
            block = archive[member.offset:member.offset + container.BLOCK]
            kind = "attachment" if member.name.startswith("attachments/") else member.name
            found.append((kind, block[156:157], block[100:108], block[257:265]))
            offset = member.offset_data + member.size
    assert offset <= len(archive)
    return found


def test_this_version_writes_the_layout_earlier_versions_read(bob, tmp_path):
    vault, expected = bob
    inbox.import_bundle(vault, FIXTURE / "from-alice.vigil")
    identity = pyrage.x25519.Identity.from_str(vault.identity.age_identity)
    earlier = pyrage.decrypt((FIXTURE / "from-alice.vigil").read_bytes(), [identity])
    target = tmp_path / "back.vigil"
    with vault.session() as session:
        alice = session.scalars(select(ColleagueRow.fingerprint)).one()
    bundle.export_bundle(vault, [alice], target, case_ids=[expected["case_id"]])
    now = pyrage.decrypt(target.read_bytes(), [identity])
    assert headers(now) == headers(earlier)
    assert now.endswith(bytes(2 * container.BLOCK)) and earlier.endswith(
        bytes(2 * container.BLOCK))
