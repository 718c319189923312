# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""``vigil referral``: a sanctions referral PDF on one official, for one regime.

Refuses without exculpatory information or the statement that none is known. What is left
out (claims whose only sources are confidential, "do not raise" cases, private-only or
unknown-consent cases not confirmed with ``--include-case``) is told on stderr as counts and
IDs, before the file is written. reportlab is imported only when a referral is written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import echo, open_vault, read_secret_file, vault_options
from app.domain.enums import Regime
from app.errors import UserError

MAX_EXCULPATORY = 100_000  # characters: a statement, not a document


def register(commands) -> None:
    cmd = commands.add_parser("referral", parents=[vault_options()],
                              help="write a sanctions referral PDF on one official")
    cmd.add_argument("--official", required=True, metavar="ID", help="the official referred")
    cmd.add_argument("--regime", required=True, choices=[r.value for r in Regime],
                     help="the sanctions regime the referral is made under")
    cmd.add_argument("--recipient", required=True, metavar="NAME",
                     help='printed on every page: "Prepared for NAME, date"')
    excul = cmd.add_mutually_exclusive_group()
    excul.add_argument("--exculpatory-file", metavar="F",
                       help="the exculpatory information known (UTF-8 text)")
    excul.add_argument("--no-exculpatory-known", action="store_true",
                       help="state that no exculpatory information is known")
    cmd.add_argument("--include-case", metavar="ID", action="append", default=[],
                     help="include this private-only or unknown-consent case, marked "
                          "(repeatable; each such case is left out without it)")
    cmd.add_argument("--pdf-password-file", metavar="F",
                     help="encrypt the PDF (AES-256) with the password on the first line of F")
    cmd.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    cmd.set_defaults(handler=cmd_referral)


def _exculpatory(path: str | None) -> str | None:
    if path is None:
        return None
    try:
        data = Path(path).expanduser().read_bytes()
    except OSError:
        raise UserError("The exculpatory information file could not be read.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError("The exculpatory information file is not UTF-8 text.") from None
    if len(text) > MAX_EXCULPATORY:
        raise UserError("The exculpatory information file is too long for a referral "
                        f"(more than {MAX_EXCULPATORY:,} characters).")
    if not text.strip():
        raise UserError("The exculpatory information file is empty; use "
                        "--no-exculpatory-known if none is known.")
    return text.strip()


def cmd_referral(args: argparse.Namespace) -> int:
    if args.exculpatory_file is None and not args.no_exculpatory_known:
        raise UserError("A referral needs exculpatory information (--exculpatory-file F) or "
                        "the statement that none is known (--no-exculpatory-known); nothing "
                        "was written.")
    recipient = args.recipient.strip()
    if not recipient:
        raise UserError("Say who the referral is prepared for (--recipient).")
    target = Path(args.output).expanduser()
    if target.is_dir() or not target.parent.is_dir():
        raise UserError("Give the referral a file name in an existing folder.")
    exculpatory = _exculpatory(args.exculpatory_file)
    password = (read_secret_file(args.pdf_password_file, "PDF password")
                if args.pdf_password_file else None)
    from app.services import referral_data

    def tell(left) -> None:
        for sentence in left.sentences():
            echo(f"Note: {sentence}", err=True)
        for case_id in left.unconfirmed:
            echo(f"  left out, consent to confirm: case {case_id} (--include-case "
                 f"{case_id})", err=True)
        for claim_id in left.confidential_only:
            echo(f"  left out, confidential sources only: involvement {claim_id}", err=True)

    with open_vault(args) as vault:
        report = referral_data.export_referral(
            vault, args.official, Regime(args.regime), recipient, target,
            exculpatory=exculpatory, include_cases=args.include_case, password=password,
            on_left_out=tell)
    echo(f"Wrote a {report.pages}-page referral: {report.claims} claim(s) in "
         f"{report.cases} case(s), citing {report.sources} source(s)"
         + (", encrypted." if report.encrypted else "."), err=True)
    return 0
