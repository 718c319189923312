# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Commands about the vault itself: open the app, init, passwd, backup, restore.

Each command imports the vault when it runs: building the parser stays cheap.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import (
    echo,
    end_start_up,
    open_vault,
    prompt_secret,
    read_passphrase,
    read_secret_file,
    vault_dir,
    vault_options,
)
from app.errors import UserError


def register(commands) -> None:
    common = vault_options()
    init = commands.add_parser("init", parents=[common], help="create an empty vault")
    init.add_argument("--name", default="", help="your name, shown to colleagues you share with")
    init.set_defaults(handler=cmd_init)

    passwd = commands.add_parser("passwd", parents=[common], help="change the passphrase")
    passwd.add_argument("--new-passphrase-file", metavar="F")
    passwd.set_defaults(handler=cmd_passwd)

    backup_cmd = commands.add_parser("backup", parents=[common],
                                     help="write an encrypted copy of the vault to one file")
    backup_cmd.add_argument("-o", "--output", required=True, metavar="FILE")
    backup_cmd.set_defaults(handler=cmd_backup)

    restore = commands.add_parser("restore", parents=[common],
                                  help="restore a backup file into a new vault folder")
    restore.add_argument("file", metavar="FILE")
    restore.set_defaults(handler=cmd_restore)


def open_app(args: argparse.Namespace) -> int:
    from app.ui import launch

    end_start_up()
    return launch.run(vault_dir(args))


def cmd_init(args: argparse.Namespace) -> int:
    from app.vault.vault import Vault

    end_start_up()
    folder = vault_dir(args)
    passphrase = read_passphrase(args, confirm=True, prompt="New passphrase: ")
    vault, recovery_key = Vault.create(folder, passphrase, name=args.name)
    vault.close()
    echo(f"Created a vault in {folder}.")
    echo("Your recovery key (shown only now; write it down and keep it apart from this "
         "computer):")
    echo()
    echo(f"    {recovery_key}")
    echo()
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    with open_vault(args, daily_backup=False) as vault:
        if args.new_passphrase_file:
            new = read_secret_file(args.new_passphrase_file, "new passphrase")
        else:
            new = prompt_secret("New passphrase: ", confirm=True,
                                missing="No new passphrase given: use --new-passphrase-file "
                                        "or run this in a terminal.")
        vault.change_passphrase(new)
    echo("The passphrase was changed. The recovery key still works.", err=True)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from app.vault import backup

    target = Path(args.output).expanduser()
    if target.exists():
        raise UserError("The backup file already exists: choose a new name.")
    with open_vault(args, daily_backup=False) as vault:
        backup.write_backup(vault, target)
    echo(f"Wrote an encrypted backup to {target}.", err=True)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    if getattr(args, "vault", None) is None:
        raise UserError("Say where to restore with --vault DIR (a new or empty folder).")
    from app.vault import backup

    end_start_up()
    folder = vault_dir(args)
    backup.restore_backup(Path(args.file).expanduser(), folder)
    echo(f"Restored the vault into {folder}. Unlock it with its passphrase or recovery key.",
         err=True)
    return 0
