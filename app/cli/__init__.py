# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The ``vigil`` command: the desktop app's launcher and the scripting interface.

The command line is a stable contract (DESIGN.md section 7). Errors are one or two plain
sentences on stderr with the documented exit codes; a traceback never reaches the user
and no message ever carries case data.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback

from app import __version__, hygiene
from app.cli import (
    data_commands,
    dossier_commands,
    share_commands,
    travel_commands,
    vault_commands,
)
from app.errors import Cancelled, VigilError

INTERNAL_ERROR = 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vigil", description="Encrypted case files and advocacy tracking.")
    parser.add_argument("--version", action="version", version=f"vigil {__version__}")
    parser.add_argument("--vault", metavar="DIR", help="the vault folder")
    parser.add_argument("--passphrase-file", metavar="F", help="read the passphrase from F")
    parser.add_argument("--self-check", action=_SelfCheck,
                        help="check this installation on fictional data, then exit")
    parser.set_defaults(handler=vault_commands.open_app)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    vault_commands.register(commands)
    data_commands.register(commands)
    share_commands.register(commands)
    dossier_commands.register(commands)
    travel_commands.register(commands)
    return parser


class _SelfCheck(argparse.Action):
    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from app import selfcheck

        parser.exit(selfcheck.run())


def main(argv: list[str] | None = None) -> int:
    os.umask(0o077)  # everything Vigil writes is private to this user
    hygiene.harden_process()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args) or 0
    except VigilError as exc:
        print(f"vigil: {exc}", file=sys.stderr)
        return exc.exit_code
    except Cancelled:
        print("vigil: cancelled; nothing was changed.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("vigil: interrupted.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: report where, never what (messages can hold case data)
        print(f"vigil: internal error ({bug_location(exc)}). Please report it; this line "
              "contains no case data.", file=sys.stderr)
        return INTERNAL_ERROR


def bug_location(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/app/" in f.filename.replace("\\", "/")] or frames
    where = ours[-1] if ours else None
    name = type(exc).__name__
    if where is None:
        return name
    path = where.filename.replace("\\", "/")
    path = path[path.rfind("/app/") + 1:] if "/app/" in path else os.path.basename(path)
    return f"{name} at {path}:{where.lineno}"


if __name__ == "__main__":
    sys.exit(main())
