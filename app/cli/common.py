# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What every command shares: where the vault is, how the passphrase arrives, and how
text reaches the terminal.

A passphrase comes from ``--passphrase-file``, then ``VIGIL_PASSPHRASE``, then a prompt
on a terminal; it is never echoed, logged or put in an error message. Every line of text
goes through ``echo``, which shows control and bidi characters as escapes: a name from a
spreadsheet or a colleague's bundle must not set the window title, clear the screen or
reorder the line it is on. Importing this module must stay cheap (no vault, no SQLAlchemy):
parsers are built from it.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import UserError

if TYPE_CHECKING:
    from app.vault.vault import Vault

ENV_PASSPHRASE = "VIGIL_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)

# What a terminal acts on instead of showing: the C0 and C1 controls and DEL (escape
# sequences) and the bidi controls (they reorder what follows them on the line).
_BIDI = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
_CONTROLS = (*range(0x20), 0x7F, *range(0x80, 0xA0))
_TEXT_ESCAPES = ({c: f"\\x{c:02x}" for c in _CONTROLS} | {c: f"\\u{c:04x}" for c in _BIDI}
                 | {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"})
# json.dumps escapes C0 itself; the others are escaped the same JSON way (\u009b), so the
# document read back is unchanged.
_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0), *_BIDI)}


def terminal_text(text: object) -> str:
    """``text`` with every control and bidi character shown as an escape (``\\x1b``)."""
    return str(text).translate(_TEXT_ESCAPES)


def echo(text: object = "", *, err: bool = False, end: str = "\n", flush: bool = False) -> None:
    """Print one line of text (stdout, or stderr with ``err``) for a person to read."""
    print(terminal_text(text), end=end, file=sys.stderr if err else sys.stdout, flush=flush)


def end_start_up() -> None:
    """Called by every command once it has imported what it needs (``open_vault`` does it).

    The program (``main`` without arguments) defers garbage collection until then: what
    start-up made lives until exit, so it is frozen out of every later collection. Does
    nothing when collection was not deferred (tests call ``main`` in their own process).
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


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
    if given:
        return Path(given).expanduser()
    from app.vault.fsutil import default_vault_dir

    return default_vault_dir()


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
    import getpass

    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again, to be sure: ") != first:
        raise UserError("The two entries differ; nothing was changed.")
    return first


def open_vault(args: argparse.Namespace, *, preload: Iterable[str] = (), **kwargs) -> Vault:
    """The vault named by ``args``, unlocked.

    Argon2id, most of a command's time, releases the GIL: while it runs, a second thread
    imports the vault's modules and those named in ``preload`` (the command's services), so
    a command costs little more than the key derivation on a machine with two cores.
    """
    folder = vault_dir(args)
    recovery_file = getattr(args, "recovery_key_file", None)
    if recovery_file:
        from app.vault.vault import Vault

        end_start_up()
        return Vault.unlock(folder, recovery_key=read_secret_file(recovery_file, "recovery key"),
                            **kwargs)
    if not (folder / "keyslots.json").is_file():
        raise UserError("No vault was found in that folder.")
    passphrase = read_passphrase(args)
    from app.vault.keyslots import Keyslots

    keyslots = Keyslots.load(folder / "keyslots.json")
    loader = threading.Thread(target=_import_quietly, args=(("app.vault.vault", *preload),),
                              name="vigil-preload", daemon=True)
    loader.start()
    try:
        key = keyslots.unlock_with_passphrase(passphrase)
    finally:
        loader.join()
    from app.vault.vault import Vault  # imported by now; an import error is raised here

    end_start_up()
    return Vault.open_with_key(folder, keyslots, key, **kwargs)


def _import_quietly(modules: Iterable[str]) -> None:
    """Import ``modules`` and set up the ORM's mappers (done by the first query otherwise);
    a failure is left for the main thread to meet and report."""
    try:
        for name in modules:
            importlib.import_module(name)
        from sqlalchemy.orm import configure_mappers

        configure_mappers()
    except Exception:  # noqa: S110 (raised again where the main thread imports it)
        pass


def print_json(value: object) -> None:
    """``value`` as JSON on stdout; no control or bidi character reaches the terminal raw."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    sys.stdout.write(text.translate(_JSON_ESCAPES) + "\n")
