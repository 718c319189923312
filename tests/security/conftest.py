# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Vault fixtures for the security tests (defined in tests/vaults.py)."""

from vaults import (  # noqa: F401  (fixtures)
    cli,
    cli_proc,
    clock,
    fast_kdf,
    passphrase_file,
    template_vault,
    vault_dir,
)
