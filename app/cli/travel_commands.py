# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``vigil travel``: mark the cases safe to carry across a border, and strip the rest.

    vigil travel mark ID... [--unmark]
    vigil travel list [--json]
    vigil travel prepare --backup-to FILE [--yes]
    vigil travel status [--json]

Messages give counts, never names; the backup path is echoed only to the user who typed it.
Each step imports the services it needs when it runs: building the parser stays cheap.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import echo, open_vault, print_json, vault_options
from app.errors import UserError

if TYPE_CHECKING:
    from app.services.travel import TravelStatus

CONFIRM_WORD = "strip"


def register(commands) -> None:
    common = vault_options()
    group = commands.add_parser("travel", help="carry only the cases safe to travel")
    sub = group.add_subparsers(title="travel commands", metavar="STEP", required=True)

    mark = sub.add_parser("mark", parents=[common], help="mark cases as safe to travel")
    mark.add_argument("ids", nargs="+", metavar="ID")
    mark.add_argument("--unmark", action="store_true", help="mark them as not safe instead")
    mark.set_defaults(handler=cmd_mark)

    listing = sub.add_parser("list", parents=[common], help="cases and whether they travel")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.set_defaults(handler=cmd_list)

    prepare = sub.add_parser("prepare", parents=[common],
                             help="back up everything, then remove every case not marked")
    prepare.add_argument("--backup-to", metavar="FILE",
                         help="where the full backup goes (outside the vault folder)")
    prepare.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    prepare.set_defaults(handler=cmd_prepare)

    status = sub.add_parser("status", parents=[common], help="is this vault in travel mode?")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(handler=cmd_status)


def cmd_mark(args: argparse.Namespace) -> int:
    from app.services import travel

    with open_vault(args, daily_backup=False) as vault, vault.session() as session:
        count = travel.set_safe_to_travel(session, args.ids, not args.unmark)
    what = "not safe" if args.unmark else "safe"
    echo(f"Marked {count} case{'s' if count != 1 else ''} as {what} to travel.", err=True)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from app.services import travel

    with open_vault(args, daily_backup=False) as vault, vault.session() as session:
        candidates = travel.travel_candidates(session)
    if args.json:
        print_json([{"id": c.id, "display_name": c.display_name,
                     "name_original": c.name_original,
                     "status": c.status.value if c.status else None,
                     "safe_to_travel": c.safe_to_travel} for c in candidates])
        return 0
    for c in candidates:
        name = c.display_name + (f" ({c.name_original})" if c.name_original else "")
        echo(f"{'travels' if c.safe_to_travel else '       '}  {c.id}  {name}")
    marked = sum(c.safe_to_travel for c in candidates)
    echo(f"{marked} of {len(candidates)} cases are marked safe to travel.", err=True)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from app.services import travel

    with open_vault(args, daily_backup=False) as vault, vault.session() as session:
        status = travel.travel_status(session)
    if args.json:
        print_json({"travel_mode": status.since.isoformat() if status.since else None,
                    "unfinished": status.unfinished, "cases": status.cases,
                    "marked": status.marked})
        return 0
    if status.since is None:
        echo(f"Not in travel mode: {status.cases} cases, {status.marked} marked safe to "
             "travel.")
    else:
        echo(f"Travel mode since {status.since.isoformat()}: this vault holds only the "
             f"{status.cases} cases marked safe to travel.")
        if status.unfinished:
            echo("Preparing for travel was interrupted: run `vigil travel prepare` again "
                 "to finish.")
    return 0


def cmd_prepare(args: argparse.Namespace) -> int:
    from app.services import travel
    from app.sharing import inbox

    # No daily snapshot: it would only write one more full copy to this laptop's disk.
    with open_vault(args, daily_backup=False) as vault:
        with vault.session() as session:
            status = travel.travel_status(session)
        dest = None
        if not status.unfinished:
            if not args.backup_to:
                raise UserError("Say where the full backup goes with --backup-to FILE "
                                "(outside the vault folder).")
            dest = travel.check_backup_destination(vault, Path(args.backup_to))
            if not args.yes:
                _confirm(status)
        report = travel.prepare_for_travel(vault, dest)
        bundles = inbox.leave_folder(vault)
    if dest is None:
        echo("Finished preparing this vault for travel.", err=True)
        return 0
    echo(f"Wrote and checked a full backup at {dest}.", err=True)
    echo(f"Kept {report.kept_cases} cases; removed {report.removed_cases} cases and "
         f"{report.removed_attachments} attachments. To get everything back later: "
         f"vigil restore {dest} --vault NEW_FOLDER", err=True)
    echo(f"This vault has new keys (fingerprint {report.fingerprint}): bundles sent to the "
         "old ones open only from the full backup. Colleagues learn the new keys from the "
         "next bundle you send them.", err=True)
    if bundles:
        echo(f"The exchange folder is no longer used, but {bundles} bundle file(s) are still "
             "in it and would reveal the removed cases: delete them from this laptop (and "
             "stop the sync tool) before you travel.", err=True)
    if report.backup_on_same_disk:
        echo("The backup is on this computer's disk: move it off this laptop before you "
             "travel.", err=True)
    return 0


def _confirm(status: TravelStatus) -> None:
    removed = status.cases - status.marked
    echo(f"This removes {removed} of {status.cases} cases from this vault, with their "
         "attachments, after a full backup.", err=True)
    echo(f'Type "{CONFIRM_WORD}" to continue: ', end="", err=True, flush=True)
    answer = sys.stdin.readline() if sys.stdin else ""
    if answer.strip() != CONFIRM_WORD:
        raise UserError("Not confirmed: nothing was changed.")
