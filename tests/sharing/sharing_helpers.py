# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Making case data and hand-crafted bundles (forged, re-encrypted, with bad entries)."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import uuid
from pathlib import Path

import pyrage

from app.domain.dates import FuzzyDate
from app.domain.model import Case, Event
from app.services import attachments, cases
from app.sharing import container, manifest
from app.sharing.container import Entry
from app.vault.identity import Identity


def new_id() -> str:
    return str(uuid.uuid4())


def add_case(vault, name: str = "Case A", *, events: int = 1, attachment: bytes | None = None,
             **fields) -> str:
    case_id = new_id()
    timeline = tuple(Event(id=new_id(), date=FuzzyDate.parse(f"2020-0{i + 1}"),
                           title=f"event {i}") for i in range(events))
    with vault.session() as session:
        cases.save_case(session, Case(id=case_id, display_name=name, events=timeline,
                                      **fields))
    if attachment is not None:
        attachments.add_attachment(vault, case_id, io.BytesIO(attachment), "file.bin")
    return case_id


def edit_case(vault, case_id: str, **changes) -> None:
    from dataclasses import replace

    with vault.session() as session:
        cases.save_case(session, replace(cases.get_case(session, case_id), **changes))


def get_case(vault, case_id: str):
    with vault.session() as session:
        return cases.get_case(session, case_id)


def open_plain(vault, path: Path) -> dict[str, bytes]:
    """Decrypt a bundle with the vault's age key, in memory: its entries by name."""
    identity = pyrage.x25519.Identity.from_str(vault.identity.age_identity)
    data = pyrage.decrypt(path.read_bytes(), [identity])
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:") as archive:
        return {m.name: archive.extractfile(m).read() for m in archive.getmembers()}


def seal(entries: list[tuple[str, bytes]], recipients: list[str], target: Path, *,
         check_names: bool = True) -> None:
    """Archive entries as a bundle would (or with any names) and age-encrypt them."""
    if check_names:
        chunks = container.archive_chunks(
            [Entry(n, len(d), (lambda d=d: [d])) for n, d in entries], 0)
        data = b"".join(chunks)
    else:
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
            for name, content in entries:
                info = tarfile.TarInfo(name)
                info.size = len(content)
                archive.addfile(info, io.BytesIO(content))
        data = buffer.getvalue()
    target.write_bytes(pyrage.encrypt(
        data, [pyrage.x25519.Recipient.from_str(r) for r in recipients]))


def resign(entries: dict[str, bytes], signer: Identity, **manifest_changes) -> dict[str, bytes]:
    """Entries with the manifest edited and signed again by ``signer``."""
    obj = json.loads(entries[container.MANIFEST])
    obj.update(manifest_changes)
    raw = json.dumps(obj, sort_keys=True).encode()
    return {**entries, container.MANIFEST: raw, container.SIGNATURE: manifest.sign(signer, raw)}


def ordered(entries: dict[str, bytes]) -> list[tuple[str, bytes]]:
    head = [container.MANIFEST, container.SIGNATURE, container.RECORDS]
    return [(n, entries[n]) for n in head if n in entries] + sorted(
        (n, d) for n, d in entries.items() if n not in head)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
