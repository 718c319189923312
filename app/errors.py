# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Errors a user can act on, each with the exit code of DESIGN.md section 7.

Messages are one or two plain sentences and must never contain case data, keys or
passphrases: they reach stderr, dialogs and sometimes bug reports.
"""

from datetime import datetime


class VigilError(Exception):
    """A failure the user can understand and act on."""

    exit_code = 1


class UserError(VigilError):
    """Bad input, an unknown ID, a missing file: exit 1.

    `code` and `params` say what the English message says, for a translation (the import
    wizard's, app/ui/import_problems.py): a stable name, and parameters that are positions,
    numbers and key names, never case data. The message itself stays what the CLI prints.
    """

    exit_code = 1

    def __init__(self, *args: object, code: str = "other",
                 params: dict[str, str | int] | None = None) -> None:
        super().__init__(*args)
        self.code = code
        self.params = dict(params or {})


class ClockAheadError(UserError):
    """The computer's clock is far ahead of the vault's last change: nothing is stamped
    until the user confirms the date (``Vault.accept_clock_jump``). Exit 1."""

    def __init__(self, last_change: datetime) -> None:
        super().__init__(
            f"This computer's clock is more than a day ahead of this vault's last change "
            f"({last_change:%Y-%m-%d %H:%M} UTC), so nothing was saved. Check the date and "
            f"time; if they are right, confirm them in the Vigil desktop app, then try again.")
        self.last_change = last_change


class AuthenticationError(VigilError):
    """Wrong passphrase or key, or a bundle not addressed to this vault: exit 3."""

    exit_code = 3


class IntegrityError(VigilError):
    """A tampered or corrupt vault, bundle or signature, or an unknown signer: exit 4."""

    exit_code = 4


class Cancelled(Exception):
    """Cooperative cancellation of a long job; not an error to report."""
