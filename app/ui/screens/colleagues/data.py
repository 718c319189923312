# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the Colleagues screen shows, read in one job off the UI thread (plain data only),
and the kinds of record it watches and a bundle can change."""

from __future__ import annotations

from dataclasses import dataclass

from app.services import vault_access
from app.services.vault_access import Vault
from app.sharing import colleagues, conflicts, inbox
from app.sharing.colleagues import Colleague
from app.sharing.conflicts import ConflictView
from app.ui.context import ASKS, CASES, COLLEAGUES, DIRECTORY, MEETINGS, SETTINGS

# the kind of change a bundle's record makes, and what the screen reloads for
KIND_OF_CHANGE = {"case": CASES, "event": CASES, "source": CASES, "attachment": CASES,
                  "ask": ASKS, "meeting": MEETINGS, "organisation": DIRECTORY,
                  "official": DIRECTORY}
WATCHED = (COLLEAGUES, CASES, ASKS, MEETINGS, DIRECTORY, SETTINGS)


@dataclass(frozen=True)
class ScreenData:
    own_name: str
    own_fingerprint: str
    card: str
    colleagues: list[Colleague]
    conflicts: list[ConflictView]
    folder: str | None
    folder_reachable: bool


def read_screen_data(vault: Vault) -> ScreenData:
    """This vault's identity, its colleagues, the conflicts to review and the exchange
    folder (looked at here: a network folder can hang)."""
    me = vault.identity
    with vault_access.session(vault) as session:
        found = colleagues.list_colleagues(session)
    folder = inbox.folder_of(vault)
    return ScreenData(me.name, me.fingerprint, colleagues.contact_card(me), found,
                      conflicts.review_conflicts(vault),
                      str(folder) if folder is not None else None,
                      folder is not None and folder.is_dir())
