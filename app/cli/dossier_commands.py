# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``vigil dossier``: a PDF for a meeting or a set of cases, under a profile.

The services gather the dossier's plain input; the renderer turns it into pages.
The PDF goes to a temporary name beside the target and is renamed when complete.
reportlab and pikepdf are imported only when a dossier is written: building the parser
stays cheap.
"""

from __future__ import annotations

import argparse
import errno
from functools import partial
from pathlib import Path

from app.cli.common import echo, open_vault, read_secret_file, vault_options
from app.dossier.model import Profile
from app.errors import UserError
from app.vault.fsutil import atomic_output


def register(commands) -> None:
    cmd = commands.add_parser("dossier", parents=[vault_options()],
                              help="write a PDF dossier for a meeting or chosen cases")
    which = cmd.add_mutually_exclusive_group(required=True)
    which.add_argument("--meeting", metavar="ID", help="the cases of this meeting, in order")
    which.add_argument("--case", metavar="ID", action="append", help="a case (repeatable)")
    cmd.add_argument("--profile", required=True, choices=[p.value for p in Profile],
                     help="what the dossier may show (diplomatic for officials)")
    cmd.add_argument("--recipient", required=True, metavar="NAME",
                     help='printed on every page: "Prepared for NAME, date"')
    cmd.add_argument("--recipient-org", metavar="ORG_ID",
                     help="the recipient's organisation: its own private asks may show in a "
                          "diplomatic dossier, no other government's (default for a meeting: "
                          "its counterpart)")
    cmd.add_argument("--pdf-password-file", metavar="F",
                     help="encrypt the PDF (AES-256) with the password on the first line of F")
    cmd.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    cmd.set_defaults(handler=cmd_dossier)


def cmd_dossier(args: argparse.Namespace) -> int:
    recipient = args.recipient.strip()
    if not recipient:
        raise UserError("Say who the dossier is prepared for (--recipient).")
    target = Path(args.output).expanduser()
    if target.is_dir() or not target.parent.is_dir():
        raise UserError("Give the dossier a file name in an existing folder.")
    password = (read_secret_file(args.pdf_password_file, "PDF password")
                if args.pdf_password_file else None)
    profile = Profile(args.profile)
    from app.dossier.pdf import write_dossier
    from app.services import dossier_data

    with open_vault(args) as vault:
        today = vault.clock().date()
        if args.meeting:
            material = dossier_data.for_meeting(vault, args.meeting, today,
                                                recipient_org_id=args.recipient_org)
        else:
            material = dossier_data.for_cases(vault, args.case, today,
                                              government_id=args.recipient_org)
        if not material.cases:
            raise UserError("That meeting has no cases to raise; nothing was written.")
        dossier = dossier_data.dossier_input(material, recipient, today,
                                read_photo=partial(dossier_data.read_photo, vault),
                                issuer=dossier_data.issuing_organisation(vault))
        try:
            with atomic_output(target) as out:
                report = write_dossier(dossier, profile, out, password=password)
        except OSError as exc:
            if exc.errno == errno.ENOSPC:
                raise UserError("The disk is full; no dossier was written.") from None
            raise UserError("The dossier could not be written to that folder; "
                            "nothing was left behind.") from None
    if report.photo_problems:
        echo(f"Note: {report.photo_problems} photo(s) could not be read; the dossier shows "
             "a placeholder instead.", err=True)
    echo(f"Wrote a {report.pages}-page {profile.value} dossier of {report.cases} case(s)"
         + (", encrypted." if report.encrypted else "."), err=True)
    return 0
