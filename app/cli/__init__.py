# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The ``vigil`` command: the desktop app's launcher and the scripting interface.

The command line is a stable contract (DESIGN.md section 7). Errors are one or two plain
sentences on stderr with the documented exit codes; a traceback never reaches the user
and no message ever carries case data.

Start-up is kept short (DESIGN.md section 8: ``vigil --version`` < 60 ms): this module imports
no command module, the parser is built only with the module of the command named (every
module for help and for anything the parser must refuse), and a command imports what it
needs when it runs.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Iterable

from app import __version__

INTERNAL_ERROR = 70
# Each command module and the commands it registers, in the order help lists them.
COMMAND_MODULES = {
    "vault_commands": ("init", "passwd", "backup", "restore"),
    "data_commands": ("demo", "import", "export", "cases"),
    "share_commands": ("identity", "colleague", "share"),
    "dossier_commands": ("dossier",),
    "referral_commands": ("referral",),
    "travel_commands": ("travel",),
    "calendar_commands": ("calendar",),
    "scorecard_commands": ("scorecard",),
}


def build_parser(modules: Iterable[str] = COMMAND_MODULES) -> argparse.ArgumentParser:
    """The parser, with the commands of ``modules`` (by default every command)."""
    parser = argparse.ArgumentParser(
        prog="vigil", description="Encrypted case files and advocacy tracking.")
    _top_level_options(parser, self_check=_SelfCheck)
    parser.set_defaults(handler=_open_app)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in modules:
        importlib.import_module(f"app.cli.{module}").register(commands)
    return parser


def _top_level_options(parser: argparse.ArgumentParser, *, self_check) -> None:
    parser.add_argument("--version", action="version", version=f"vigil {__version__}")
    parser.add_argument("--vault", metavar="DIR", help="the vault folder")
    parser.add_argument("--passphrase-file", metavar="F", help="read the passphrase from F")
    parser.add_argument("--self-check", action=self_check,
                        help="check this installation on fictional data, then exit")


def _open_app(args: argparse.Namespace) -> int:
    from app.cli import vault_commands

    return vault_commands.open_app(args)


class _SelfCheck(argparse.Action):
    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        from app import selfcheck
        from app.cli.common import end_start_up

        end_start_up()
        parser.exit(selfcheck.run())


class _Unsure(Exception):
    """The probe cannot tell which command the arguments name."""


class _ProbeParser(argparse.ArgumentParser):
    def error(self, message):
        raise _Unsure


class _LeaveToTheParser(argparse.Action):
    """-h and --self-check in the probe: the real parser, with every command, acts on them."""

    def __init__(self, option_strings, dest, **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        raise _Unsure


def modules_for(argv: list[str]) -> Iterable[str]:
    """The command modules the parser needs for ``argv``.

    A probe with the same top-level options reads the arguments as the parser would up to
    the command's name (``--version`` acts in it just as in the parser). Only a name it
    recognises, after options it recognises, narrows the parser to that command's module;
    no command at all needs none; anything else (help, an unknown option or command, a usage
    error) gets every module, so help and error messages are those of the whole parser.
    """
    probe = _ProbeParser(prog="vigil", add_help=False)
    probe.add_argument("-h", "--help", action=_LeaveToTheParser)
    _top_level_options(probe, self_check=_LeaveToTheParser)
    probe.add_argument("rest", nargs=argparse.REMAINDER)
    try:
        args, unknown = probe.parse_known_args(argv)
    except _Unsure:
        return COMMAND_MODULES
    if unknown:
        return COMMAND_MODULES
    if not args.rest:
        return ()
    for module, names in COMMAND_MODULES.items():
        if args.rest[0] in names:
            return (module,)
    return COMMAND_MODULES


def main(argv: list[str] | None = None) -> int:
    """``vigil ARGV``: the exit code.

    Without ``argv`` this is the program itself (the ``vigil`` script, ``python -m app``):
    garbage collection waits until the command has imported what it needs
    (``common.end_start_up``), and once the command is over and its output flushed, the
    process ends without the interpreter's teardown. With ``argv`` (tests, benchmarks) it is
    an ordinary function.
    """
    if argv is not None:
        return run(argv)
    # Start-up makes ~100,000 objects that live until exit; collecting among them 300 times
    # finds nothing.
    gc.disable()
    code = run(sys.argv[1:])
    end_process(code)
    return code


def run(argv: list[str]) -> int:
    os.umask(0o077)  # everything Vigil writes is private to this user
    modules = modules_for(argv)  # touches nothing; may print the version and exit
    from app import hygiene
    from app.errors import Cancelled, VigilError

    hygiene.harden_process()  # before any command, vault or window exists
    args = build_parser(modules).parse_args(argv)
    try:
        return args.handler(args) or 0
    except VigilError as exc:
        _error(f"vigil: {exc}")
        return exc.exit_code
    except Cancelled:
        _error("vigil: cancelled; nothing was changed.")
        return 1
    except KeyboardInterrupt:
        _error("vigil: interrupted.")
        return 130
    except Exception as exc:  # a bug: report where, never what (messages can hold case data)
        _error(f"vigil: internal error ({bug_location(exc)}). Please report it; this line "
               "contains no case data.")
        return INTERNAL_ERROR


def _error(text: str) -> None:
    from app.cli.common import echo

    echo(text, err=True)


def end_process(code: int) -> None:
    """Exit now with ``code`` if nothing is left to do but the interpreter's teardown.

    Every command has closed its vault (checkpointed, unlocked, keys wiped) before it
    returns. What remains is exit handlers, flushing stdout and stderr, then freeing every
    object one by one, which takes longer than many commands; the first two are done here
    and the last is left to the OS. Not after the desktop app (Qt saves settings in its
    teardown) or while another thread runs: then the interpreter exits as usual, and so it
    does when stdout is gone, to report that as it always has.
    """
    threading = sys.modules.get("threading")
    if "PySide6.QtCore" in sys.modules or (threading and threading.active_count() > 1):
        return
    import atexit

    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def bug_location(exc: BaseException) -> str:
    import traceback

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
