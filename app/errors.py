# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Errors a user can act on, each with the exit code of DESIGN.md section 7.

Messages are one or two plain sentences and must never contain case data, keys or
passphrases: they reach stderr, dialogs and sometimes bug reports.
"""


class VigilError(Exception):
    """A failure the user can understand and act on."""

    exit_code = 1


class UserError(VigilError):
    """Bad input, an unknown ID, a missing file: exit 1."""

    exit_code = 1


class AuthenticationError(VigilError):
    """Wrong passphrase or key, or a bundle not addressed to this vault: exit 3."""

    exit_code = 3


class IntegrityError(VigilError):
    """A tampered or corrupt vault, bundle or signature, or an unknown signer: exit 4."""

    exit_code = 4


class Cancelled(Exception):
    """Cooperative cancellation of a long job; not an error to report."""
