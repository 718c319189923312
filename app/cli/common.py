# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What every vault command shares: where the vault is, and how the passphrase arrives.

A passphrase comes from ``--passphrase-file``, then ``VIGIL_PASSPHRASE``, then a prompt
on a terminal; it is never echoed, logged or put in an error message.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from app.errors import UserError
from app.vault.vault import Vault, default_vault_dir

ENV_PASSPHRASE = "VIGIL_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)


def vault_options() -> argparse.ArgumentParser:
    """Options every vault command accepts after its name as well as before it."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--vault", metavar="DIR", default=argparse.SUPPRESS,
                        help="the vault folder (default: your user data folder)")
    parent.add_argument("--passphrase-file", metavar="F", default=argparse.SUPPRESS,
                        help="read the passphrase from the first line of F")
    parent.add_argument("--recovery-key-file", metavar="F", default=argparse.SUPPRESS,
                        help="unlock with the recovery key written in F instead")
    return parent


def vault_dir(args: argparse.Namespace) -> Path:
    given = getattr(args, "vault", None)
    return Path(given).expanduser() if given else default_vault_dir()


def read_secret_file(path: str, what: str) -> str:
    try:
        data = Path(path).read_bytes()
    except OSError:
        raise UserError(f"The {what} file could not be read.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"The {what} file is not UTF-8 text.") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise UserError(f"The {what} file is empty.")
    return lines[0]


def read_passphrase(args: argparse.Namespace, *, confirm: bool = False,
                    prompt: str = "Passphrase: ") -> str:
    path = getattr(args, "passphrase_file", None)
    if path:
        return read_secret_file(path, "passphrase")
    if os.environ.get(ENV_PASSPHRASE):
        return os.environ[ENV_PASSPHRASE]
    return prompt_secret(prompt, confirm=confirm,
                         missing="No passphrase given: use --passphrase-file, "
                                 f"{ENV_PASSPHRASE}, or run this in a terminal.")


def prompt_secret(prompt: str, *, confirm: bool, missing: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError(missing)
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again, to be sure: ") != first:
        raise UserError("The two entries differ; nothing was changed.")
    return first


def open_vault(args: argparse.Namespace, **kwargs) -> Vault:
    folder = vault_dir(args)
    recovery_file = getattr(args, "recovery_key_file", None)
    if recovery_file:
        return Vault.unlock(folder, recovery_key=read_secret_file(recovery_file, "recovery key"),
                            **kwargs)
    if not (folder / "keyslots.json").is_file():
        raise UserError("No vault was found in that folder.")
    return Vault.unlock(folder, passphrase=read_passphrase(args), **kwargs)


def print_json(value: object) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
