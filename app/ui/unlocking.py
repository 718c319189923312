# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening the vault for the unlock screen, off the UI thread: by passphrase, recovery key or
this computer's keychain, once the vault locked last has closed; and, meanwhile, loading the
modules the unlocked window needs.

Loaded with the unlock screen: it must not import the storage layer, the screens or the
dossier renderer at module level (tests/gui/test_startup_imports.py).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.errors import AuthenticationError, Cancelled, IntegrityError, VigilError
from app.ui.tasks import Job, TaskRunner

if TYPE_CHECKING:
    from app.services.vault_access import KeyStore, Vault

# What the unlocked window needs, loaded from the first keystroke of the passphrase (see
# ``load_modules``); the vault first, which every other one loads.
UNLOCKED_MODULES = (
    "app.services.vault_access", "app.ui.context", "app.ui.exchange",
    "app.ui.screens.dashboard.screen", "app.ui.screens.cases.screen",
    "app.ui.screens.meetings.screen", "app.ui.screens.asks.screen",
    "app.ui.screens.directory.screen", "app.ui.screens.colleagues.screen",
    "app.ui.screens.settings.screen", "app.ui.screens.dashboard.case_lists", "app.ui.log_ask",
    "app.services.search",
)  # not the dossier renderer (reportlab): loaded when a dossier is first exported


class Unlocker(QObject):
    unlocked = Signal(object)  # the open vault
    failed = Signal(str)  # one sentence for the unlock screen
    snapshot_failed = Signal(object, bool, str)  # the vault, damaged, one sentence

    def __init__(self, tasks: TaskRunner, *, clock: Callable[[], datetime],
                 keystore: KeyStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._clock = clock
        self._keystore = keystore
        self.closing: Job | None = None  # closes the vault locked last; unlock waits for it
        self._loading = False

    def with_secret(self, folder: Path, secret: str, recovery: bool) -> None:
        self._open(folder, {"recovery_key": secret} if recovery else {"passphrase": secret})

    def with_keychain(self, folder: Path) -> None:
        self._open(folder, {"keystore": self._keystore})

    def _open(self, folder: Path, how: dict[str, Any]) -> None:
        closing, clock = self.closing, self._clock

        def open_(_job: Job) -> Vault:
            from app.services import vault_access

            _once_closed(closing)
            return vault_access.unlock(folder, clock=clock, **how)

        self.load_modules()
        self.tasks.run(open_, self.unlocked.emit, self._failed)

    def load_modules(self) -> None:
        """Import what the unlocked window needs, in the background: from the first
        keystroke of the passphrase (the unlock screen alone stays light), or alongside the
        key derivation at the latest (it lets go of the GIL). Unlocking then only builds."""
        if self._loading or all(name in sys.modules for name in UNLOCKED_MODULES):
            return
        self._loading = True

        def load(_job: Job) -> None:
            for name in UNLOCKED_MODULES:
                importlib.import_module(name)

        # A failure here surfaces again, as the crash dialog, when the screen is built
        self.tasks.run(load, lambda _r: None, lambda _error: None)

    def take_daily(self, vault: Vault) -> None:
        """Today's snapshot, in the background once the window is up."""
        from app.services import vault_access

        def failed(error: BaseException) -> None:
            if isinstance(error, Cancelled):
                return  # locked meanwhile
            if isinstance(error, IntegrityError):
                self.snapshot_failed.emit(vault, True, self.tr(
                    "Today's automatic snapshot could not be made: this vault is damaged or was "
                    "tampered with. Restore it from a backup (vigil restore), or ask for help."))
            elif isinstance(error, VigilError):
                self.snapshot_failed.emit(vault, False, self.tr(
                    "Today's automatic snapshot was not made: {0}").format(error))
            else:
                self.snapshot_failed.emit(vault, False, self.tr(
                    "Today's automatic snapshot was not made because of an internal error."))

        self.tasks.run(lambda _job: vault_access.take_daily(vault), lambda _r: None, failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, AuthenticationError):
            message = str(error)
        elif isinstance(error, IntegrityError):
            message = self.tr("This vault is damaged or was tampered with. Restore it from a "
                              "backup (vigil restore), or ask for help.")
        elif isinstance(error, VigilError):
            message = str(error)
        else:
            message = self.tr("Vigil could not open the vault because of an internal error.")
        self.failed.emit(message)


def _once_closed(closing: Job | None) -> None:
    """In an unlock job: wait until the vault locked last is closed (it holds the lock file
    until then). The closing job was queued first, so it is running or done."""
    if closing is not None:
        closing.wait_ended()
