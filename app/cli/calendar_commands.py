# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``vigil calendar``: the advocacy calendar from today on, as a list or an ICS file.

The ICS file carries neutral titles and no case data unless a profile allows it (see
``app.services.calendar_ics``); it goes to a temporary name beside the target and is
renamed when complete. Services and icalendar are imported only when the command runs.
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path

from app.cli.common import echo, open_vault, print_json, vault_options
from app.errors import UserError

DEFAULT_DAYS = 90
MAX_DAYS = 3660  # as app.services.calendar.MAX_DAYS (not imported: the parser stays cheap)
PROFILES = ("internal", "diplomatic", "public")  # app.dossier.model.Profile's values


def register(commands) -> None:
    cmd = commands.add_parser(
        "calendar", parents=[vault_options()],
        help="the advocacy calendar from today: encounters, meetings, follow-ups, time "
             "limits, anniversaries, UN reply deadlines")
    cmd.add_argument("--days", type=int, metavar="N", default=DEFAULT_DAYS,
                     help=f"today and the next N days (default {DEFAULT_DAYS})")
    cmd.add_argument("--json", action="store_true", help="machine-readable output")
    cmd.add_argument("--ics", action="store_true",
                     help="write an ICS calendar file (-o) instead of a list")
    cmd.add_argument("-o", "--output", metavar="FILE", help="with --ics: the file to write")
    cmd.add_argument("--profile", choices=PROFILES,
                     help="with --ics: what the file may name (default: nothing, neutral "
                          "titles only; public and diplomatic: public-consent cases; "
                          "internal: every case not marked do-not-raise)")
    cmd.set_defaults(handler=cmd_calendar, parser=cmd)


def cmd_calendar(args: argparse.Namespace) -> int:
    parser: argparse.ArgumentParser = args.parser
    if args.ics:
        if not args.output:
            parser.error("--ics needs -o FILE")
        if args.json:
            parser.error("--json and --ics do not go together")
    elif args.output or args.profile:
        parser.error("-o and --profile go with --ics")
    if not 0 <= args.days <= MAX_DAYS:
        raise UserError(f"--days takes a number of days from 0 to {MAX_DAYS}.")
    target = Path(args.output).expanduser() if args.ics else None
    if target is not None and (target.is_dir() or not target.parent.is_dir()):
        raise UserError("Give the calendar a file name in an existing folder.")
    from app.services import calendar

    with open_vault(args) as vault, vault.session() as session:
        now = vault.clock()
        today = now.date()
        found = calendar.moments(session, today, today + timedelta(days=args.days))
        if target is not None:
            from app.dossier.model import Profile
            from app.services.calendar_ics import calendar_file

            data = calendar_file(session, found, now=now,
                                 profile=Profile(args.profile) if args.profile else None)
            _write(target, data)
            echo(f"Wrote {len(found)} moment(s) to the calendar file"
                 + (f" ({args.profile} profile)." if args.profile else
                    " (neutral titles, no names)."), err=True)
            return 0
    if args.json:
        print_json([_plain(m) for m in found])
        return 0
    for m in found:
        when = m.on.isoformat() + ("~" if m.approximate else " ")
        until = f"..{m.last.isoformat()}" if m.last != m.on else ""
        detail = f": {m.detail}" if m.detail else ""
        echo(f"{when}{until}  {m.title}{detail}  [{m.record_kind.value} {m.record_id}]")
    echo(f"{len(found)} moment(s).", err=True)
    return 0


def _write(target: Path, data: bytes) -> None:
    from app.vault.fsutil import atomic_output

    try:
        with atomic_output(target) as out:
            out.write(data)
    except OSError as exc:  # atomic_output already turned a full or read-only disk into words
        raise UserError(f"The calendar could not be written ({exc.strerror or 'error'}); "
                        "no file was left behind.") from None


def _plain(m) -> dict:
    return {
        "date": m.on.isoformat(), "last": m.last.isoformat(), "approximate": m.approximate,
        "kind": m.kind.value, "title": m.title, "detail": m.detail,
        "record": {"kind": m.record_kind.value, "id": m.record_id},
        "government_ids": list(m.government_ids), "case_ids": list(m.case_ids),
        "subject": m.subject,
        "starts_at": m.starts_at.isoformat() if m.starts_at else None,
    }
