# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``vigil scorecard``: how hard governments pressed the detaining state over a period.

Figures come from ``app.services.scorecard`` (the rules live there); this module only reads
the options and prints a table, JSON, or (``--pdf``) a PDF under a dossier profile. Services
and reportlab are imported when the command runs: building the parser stays cheap.
"""

from __future__ import annotations

import argparse
import errno
from datetime import date
from pathlib import Path

from app.cli.common import echo, open_vault, print_json, vault_options
from app.errors import UserError

PROFILES = ("internal", "diplomatic", "public")  # app.dossier.model.Profile's values


def register(commands) -> None:
    cmd = commands.add_parser("scorecard", parents=[vault_options()],
                              help="figures per government: cases raised, encounters, "
                                   "responses")
    cmd.add_argument("--government", metavar="ORG_ID", action="append", required=True,
                     help="a government (repeatable: side by side, in the order given)")
    cmd.add_argument("--from", dest="start", metavar="DATE", required=True,
                     help="first day: YYYY-MM-DD, or YYYY-MM / YYYY for its first day")
    cmd.add_argument("--to", dest="end", metavar="DATE", required=True,
                     help="last day: YYYY-MM-DD, or YYYY-MM / YYYY for its last day")
    cmd.add_argument("--json", action="store_true", help="machine-readable output")
    cmd.add_argument("--pdf", action="store_true", help="write a PDF with bar charts (-o)")
    cmd.add_argument("-o", "--output", metavar="FILE.pdf", help="with --pdf: the file")
    cmd.add_argument("--profile", choices=PROFILES, default="internal",
                     help="with --pdf: what it may show (default internal)")
    cmd.add_argument("--recipient", metavar="NAME", help='with --pdf: "Prepared for NAME"')
    cmd.add_argument("--recipient-org", metavar="ORG_ID",
                     help="with --pdf --profile diplomatic: the government it is for (its "
                          "own private asks count; no other government's do)")
    cmd.set_defaults(handler=cmd_scorecard)


def period_day(text: str, option: str, *, last: bool) -> date:
    """A day from YYYY-MM-DD; YYYY-MM or YYYY mean their first (``--from``) or last day."""
    from app.domain.dates import FuzzyDate

    try:
        value = FuzzyDate.parse(text.strip())
    except ValueError:
        value = None
    if value is None or value.approximate:
        raise UserError(f"{option} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY.")
    return value.latest() if last else value.earliest()


def cmd_scorecard(args: argparse.Namespace) -> int:
    start = period_day(args.start, "--from", last=False)
    end = period_day(args.end, "--to", last=True)
    if start > end:
        raise UserError("The period ends before it starts (--from is after --to).")
    if args.json and args.pdf:
        raise UserError("Choose --json or --pdf, not both.")
    if not args.pdf and (args.output or args.recipient or args.recipient_org
                         or args.profile != "internal"):
        raise UserError("-o, --profile, --recipient and --recipient-org go with --pdf.")
    target = None
    if args.pdf:
        if not args.output:
            raise UserError("Say where to write the PDF (-o FILE.pdf).")
        target = Path(args.output).expanduser()
        if target.is_dir() or not target.parent.is_dir():
            raise UserError("Give the PDF a file name in an existing folder.")
    from app.services import scorecard, scorecard_text

    with open_vault(args) as vault:
        today = vault.clock().date()
        if target is not None:
            return _write_pdf(vault, args, start, end, today, target)
        with vault.session() as session:
            cards = scorecard.scorecards(session, list(dict.fromkeys(args.government)),
                                         start, end, today)
    if args.json:
        print_json([scorecard_text.to_json(card) for card in cards])
    else:
        for line in table(cards):
            echo(line)
    return 0


def _write_pdf(vault, args, start: date, end: date, today: date, target: Path) -> int:
    from app.dossier.model import Profile
    from app.dossier.scorecard import write_scorecard
    from app.services import dossier_data, scorecard_data
    from app.vault.fsutil import atomic_output

    profile = Profile(args.profile)
    with vault.session() as session:
        document = scorecard_data.scorecard_input(
            session, list(dict.fromkeys(args.government)), start, end, today, profile,
            recipient=(args.recipient or "").strip() or None,
            recipient_org_id=args.recipient_org,
            issuer=dossier_data.issuing_organisation(vault))
    try:
        with atomic_output(target) as out:
            pages = write_scorecard(document, out)
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise UserError("The disk is full; no PDF was written.") from None
        raise UserError("The PDF could not be written to that folder; nothing was left "
                        "behind.") from None
    echo(f"Wrote a {pages}-page {profile.value} scorecard of "
         f"{len(document.governments)} government(s).", err=True)
    return 0


def table(cards) -> list[str]:
    """The figures as a plain-text table: one row per figure, one column per government."""
    from app.services.scorecard_text import rows

    if not cards:
        return []
    head = ["", *(card.government for card in cards)]
    body = [[title, *cells] for title, cells in rows(cards)]
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    first = cards[0]
    lines = [f"Scorecard {first.start.isoformat()} to {first.end.isoformat()} "
             f"(follow-ups as of {first.today.isoformat()})", ""]
    for r in [head, *body]:
        lines.append("  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i])
                               for i, c in enumerate(r)).rstrip())
    return lines
