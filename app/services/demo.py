# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The demo vault: fictional people, governments and asks from resources/demo/.

Everyone in it is invented; no real detainee's name or photo. Its passphrase is public
(README) because the vault holds nothing real.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from app.errors import UserError
from app.paths import resource
from app.services import attachments, bulk, directory
from app.services.interchange import load_json_bytes, parse_document
from app.vault.keyslots import KdfParams
from app.vault.vault import Clock, Vault, is_vault, utc_now

DEMO_PASSPHRASE = "vigil demo vault"  # noqa: S105 (documented; the demo holds only fiction)
OUR_ORGANISATION = "Lantern Rights Network"  # the demo caseworkers' NGO (Settings)


def default_demo_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Vigil", appauthor=False) / "demo-vault"


def create_demo(folder: Path, *, kdf: KdfParams | None = None, clock: Clock = utc_now) -> bool:
    """Create and fill the demo vault unless one exists; True when it was created.

    It is built beside ``folder`` and renamed into place once complete: a run interrupted
    half-way must not leave a vault that later runs take for a finished demo.
    """
    if is_vault(folder):
        return False
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UserError("That folder is not empty: choose a new or empty folder.")
    doc = parse_document(load_json_bytes(resource("demo", "demo.json").read_bytes()))
    building = folder.with_name(f".{folder.name}.building")
    shutil.rmtree(building, ignore_errors=True)  # left by an interrupted run
    vault, _recovery = Vault.create(building, DEMO_PASSPHRASE, name="Demo caseworker", kdf=kdf,
                                    clock=clock)
    with vault:
        with vault.session() as session:
            bulk.import_document(session, doc)
            ours = next(o.id for o in doc.organisations if o.name == OUR_ORGANISATION)
            directory.set_our_organisation(session, ours)
        photos = resource("demo", "photos")
        for case in doc.cases:
            portrait = photos / f"{case.id}.png"
            if portrait.is_file():
                with portrait.open("rb") as handle:
                    attachments.add_attachment(vault, case.id, handle, "portrait.png",
                                               media_type="image/png", as_photo=True,
                                               description="Placeholder portrait (fictional)")
    with contextlib.suppress(OSError):  # absent, or filled meanwhile: the rename decides
        folder.rmdir()  # an empty folder the user chose
    try:
        building.rename(folder)
    except OSError:
        if not is_vault(folder):  # another run finished first: use its vault
            raise
        shutil.rmtree(building, ignore_errors=True)
        return False
    return True
