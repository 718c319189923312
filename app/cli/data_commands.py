# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Commands about case data: demo, import, export, cases.

Each command imports the services it needs when it runs: building the parser stays cheap.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import echo, end_start_up, open_vault, print_json, vault_options
from app.domain.enums import Status
from app.errors import UserError

if TYPE_CHECKING:
    from app.services.interchange import InterchangeError
    from app.services.spreadsheet import SpreadsheetError


def register(commands) -> None:
    common = vault_options()
    demo_cmd = commands.add_parser("demo", parents=[common],
                                   help="create a vault of fictional sample data and open it")
    demo_cmd.add_argument("--no-window", action="store_true", help="only create it")
    demo_cmd.set_defaults(handler=cmd_demo)

    imp = commands.add_parser(
        "import", parents=[common],
        help="import interchange JSON or a spreadsheet (CSV, XLSX, XLS, ODS) of cases")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--mapping", metavar="MAP.json", help="how spreadsheet columns map")
    imp.add_argument("--sheet", metavar="NAME",
                     help="the workbook's sheet to import (default: its first)")
    imp.add_argument("--dry-run", action="store_true", help="check everything, change nothing")
    imp.set_defaults(handler=cmd_import)

    exp = commands.add_parser("export", parents=[common],
                              help="export the vault as interchange JSON (NOT encrypted)")
    exp.add_argument("-o", "--output", required=True, metavar="FILE")
    exp.add_argument("--plaintext", action="store_true",
                     help="confirm that you want an unencrypted file")
    exp.set_defaults(handler=cmd_export)

    cases = commands.add_parser("cases", parents=[common], help="list cases")
    cases.add_argument("--status", choices=[s.value for s in Status])
    cases.add_argument("--not-raised-since", type=int, metavar="DAYS",
                       help="cases no government has raised in DAYS days (never raised "
                            "included), stalest first; not released, deceased or "
                            "do-not-raise ones unless --all-cases")
    cases.add_argument("--not-raised-by", metavar="ORGANISATION_ID",
                       help="with --not-raised-since: not raised by this government")
    cases.add_argument("--all-cases", action="store_true",
                       help="with --not-raised-since: released, deceased and do-not-raise "
                            "cases too")
    cases.add_argument("--json", action="store_true", help="machine-readable output")
    cases.set_defaults(handler=cmd_cases)


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services import demo

    end_start_up()
    folder = Path(args.vault).expanduser() if getattr(args, "vault", None) else \
        demo.default_demo_dir()
    created = demo.create_demo(folder)
    echo(("Created" if created else "Using") + f" the demo vault in {folder}.", err=True)
    echo(f'Its passphrase is "{demo.DEMO_PASSPHRASE}" (everyone in it is fictional).', err=True)
    if args.no_window:
        return 0
    from app.ui import launch

    return launch.run(folder, passphrase=demo.DEMO_PASSPHRASE)


def cmd_import(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    mapping = Path(args.mapping).expanduser() if args.mapping else None
    services = ("app.services.bulk", "app.services.spreadsheet")
    with open_vault(args, preload=services) as vault, vault.session() as session:
        from app.services import bulk
        from app.services.interchange import InterchangeError
        from app.services.spreadsheet import SpreadsheetError

        try:
            doc, spreadsheet = bulk.read_document(session, path, mapping, sheet=args.sheet)
        except (InterchangeError, SpreadsheetError) as exc:
            if args.dry_run and len(exc.problems) > 1:
                return _list_problems(exc)
            raise
        summary = bulk.summarise(session, doc)
        if not args.dry_run:
            bulk.import_document(session, doc, merge_cases=spreadsheet)
    verb = "Would import" if args.dry_run else "Imported"
    echo(f"{verb}: {summary.describe()}.", err=True)
    return 0


def _list_problems(exc: InterchangeError | SpreadsheetError) -> int:
    """A dry run shows every problem at once, so the file can be fixed in one pass."""
    echo(f"vigil: {exc}", err=True)
    # Not the cells, even of dates and vocabularies, which SheetProblem.value holds for the
    # wizard: this text lands in terminals' scrollback and in logs of scripts.
    for problem in exc.problems:
        echo(f"  {problem}", err=True)
    return exc.exit_code


def cmd_export(args: argparse.Namespace) -> int:
    if not args.plaintext:
        raise UserError("An export is NOT encrypted: anyone who gets the file can read every "
                        "case. Add --plaintext to confirm, or use 'vigil share export'.")
    target = Path(args.output).expanduser()
    from app.services import exports

    exports.check_target(target)
    with open_vault(args) as vault, vault.session() as session:
        exports.write_interchange(session, target)
    echo(f"Warning: {target} is NOT encrypted. Keep it only as long as you need it, "
         "and delete it securely.", err=True)
    return 0


def cmd_cases(args: argparse.Namespace) -> int:
    if args.not_raised_since is not None and args.not_raised_since < 0:
        raise UserError("--not-raised-since takes a number of days (0 or more).")
    if args.not_raised_since is None and (args.not_raised_by or args.all_cases):
        raise UserError("--not-raised-by and --all-cases go with --not-raised-since DAYS.")
    with open_vault(args, preload=("app.services.cases",)) as vault, vault.session() as session:
        from app.services.cases import CaseFilter, list_cases

        today = vault.clock().date()
        days = args.not_raised_since
        if days is not None:
            # More days than the calendar holds: nothing was raised that long ago either.
            days = min(days, (today - date.min).days)
        if args.not_raised_by:
            from app.services import dashboard, directory

            directory.get_organisation(session, args.not_raised_by)  # a clear error if none
        flt = CaseFilter(statuses=frozenset({Status(args.status)}) if args.status
                         else frozenset(), not_raised_since_days=days,
                         not_raised_by=args.not_raised_by,
                         not_raised_all_cases=args.all_cases)
        found = list_cases(session, today, flt)
        if args.not_raised_by:  # "last raised" then means by that government
            last = dashboard.last_raised_by(session, args.not_raised_by)
            found = [replace(c, last_raised=last.get(c.id)) for c in found]
    if args.not_raised_since is not None:
        found.sort(key=lambda c: (c.last_raised or date.min, c.display_name))
    if args.json:
        print_json([{
            "id": c.id, "display_name": c.display_name, "name_original": c.name_original,
            "status": c.status.value if c.status else None,
            "consent": c.consent.value if c.consent else None,
            "last_raised": c.last_raised.isoformat() if c.last_raised else None,
            "days_detained": c.days_detained, "priority": c.priority,
            "category": c.category.value if c.category else None,
        } for c in found])
        return 0
    for c in found:
        last = c.last_raised.isoformat() if c.last_raised else "never"
        held = f"{c.days_detained} days" if c.days_detained is not None else ""
        status = c.status.value if c.status else "unknown"
        echo(f"{last:<10}  {c.display_name}  {c.name_original or ''}  [{status}] {held}  {c.id}")
    echo(f"{len(found)} case(s).", err=True)
    return 0
