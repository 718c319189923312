# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Commands about sharing: identity, colleague, share export, share import.

A bundle that was already applied is reported on stderr and exits 0 (nothing changed), so
scripts that feed every file of an exchange folder stay idempotent.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import echo, open_vault, print_json, vault_options
from app.errors import UserError
from app.sharing import bundle, colleagues, inbox
from app.sharing.merge import NotOnThisLaptop


def register(commands) -> None:
    common = vault_options()
    ident = commands.add_parser("identity", parents=[common],
                                help="this vault's public keys and fingerprint")
    ident.add_argument("--json", action="store_true", help="machine-readable output")
    ident.set_defaults(handler=cmd_identity)

    colleague = commands.add_parser("colleague", help="colleagues you exchange bundles with")
    sub = colleague.add_subparsers(title="colleague commands", metavar="COMMAND", required=True)
    add = sub.add_parser("add", parents=[common],
                         help="add a colleague by public keys (you vouch for them)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--recipient", required=True, metavar="AGE1...")
    add.add_argument("--signing-key", required=True, metavar="KEY")
    add.set_defaults(handler=cmd_colleague_add)
    lst = sub.add_parser("list", parents=[common], help="list colleagues")
    lst.add_argument("--json", action="store_true", help="machine-readable output")
    lst.set_defaults(handler=cmd_colleague_list)
    card = sub.add_parser("card", parents=[common],
                          help="print this vault's contact card (public keys) for colleagues")
    card.set_defaults(handler=cmd_colleague_card)
    imp_card = sub.add_parser("import-card", parents=[common],
                              help="add a colleague from a contact card (unverified)")
    imp_card.add_argument("file", metavar="CARD.json")
    imp_card.add_argument("--name", help="the name to show (default: the card's)")
    imp_card.set_defaults(handler=cmd_colleague_import_card)
    verify = sub.add_parser("verify", parents=[common],
                            help="mark a colleague verified after comparing fingerprints")
    verify.add_argument("fingerprint", metavar="FINGERPRINT")
    verify.set_defaults(handler=cmd_colleague_verify)
    rm = sub.add_parser("remove", parents=[common], help="remove a colleague")
    rm.add_argument("fingerprint", metavar="FINGERPRINT")
    rm.set_defaults(handler=cmd_colleague_remove)

    share = commands.add_parser("share", help="encrypted, signed bundles for colleagues")
    ssub = share.add_subparsers(title="share commands", metavar="COMMAND", required=True)
    exp = ssub.add_parser("export", parents=[common], help="write a bundle for colleagues")
    exp.add_argument("--to", action="append", required=True, metavar="FINGERPRINT")
    exp.add_argument("--case", action="append", metavar="ID", dest="cases")
    exp.add_argument("-o", "--output", required=True, metavar="FILE.vigil")
    exp.set_defaults(handler=cmd_share_export)
    imp = ssub.add_parser("import", parents=[common], help="verify and apply a bundle")
    imp.add_argument("file", metavar="FILE.vigil")
    imp.add_argument("--dry-run", action="store_true", help="show what would change")
    imp.add_argument("--allow-new-cases", action="store_true",
                     help="in travel mode: apply even if it names cases not on this laptop")
    imp.set_defaults(handler=cmd_share_import)


def cmd_identity(args: argparse.Namespace) -> int:
    with open_vault(args, daily_backup=False) as vault:
        public, fp = vault.identity.public, vault.identity.fingerprint
    if args.json:
        print_json({"recipient": public.recipient, "signing_key": public.signing_key,
                    "fingerprint": fp})
    else:
        echo(f"Fingerprint:  {fp}")
        echo(f"Recipient:    {public.recipient}")
        echo(f"Signing key:  {public.signing_key}")
    return 0


def cmd_colleague_add(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as session:
        added = colleagues.add_colleague(
            session, vault.identity, args.name, args.recipient, args.signing_key,
            verified=True, now=vault.clock().isoformat(timespec="seconds"))
    echo(f"Added colleague {added.fingerprint} (verified).", err=True)
    echo(added.fingerprint)
    return 0


def cmd_colleague_list(args: argparse.Namespace) -> int:
    with open_vault(args, daily_backup=False) as vault, vault.session() as session:
        found = colleagues.list_colleagues(session)
    if args.json:
        print_json([{"fingerprint": c.fingerprint, "name": c.name, "recipient": c.recipient,
                     "signing_key": c.signing_key, "verified": c.verified} for c in found])
        return 0
    for c in found:
        echo(f"{c.fingerprint}  {'verified  ' if c.verified else 'UNVERIFIED'}  {c.name}")
    return 0


def cmd_colleague_card(args: argparse.Namespace) -> int:
    with open_vault(args, daily_backup=False) as vault:
        for line in colleagues.contact_card(vault.identity).splitlines():  # JSON: one line
            echo(line)  # at a time, each escaped (a name's bidi controls stay visible)
    return 0


def cmd_colleague_import_card(args: argparse.Namespace) -> int:
    try:
        text = Path(args.file).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise UserError("The contact card could not be read.") from None
    name, recipient, signing_key = colleagues.read_card(text)
    with open_vault(args) as vault, vault.session() as session:
        added = colleagues.add_colleague(
            session, vault.identity, args.name or name or "colleague", recipient,
            signing_key, verified=False, now=vault.clock().isoformat(timespec="seconds"))
    echo(f"Added colleague {added.fingerprint}. Compare this fingerprint with them (by "
          "phone or in person), then run 'vigil colleague verify'.", err=True)
    echo(added.fingerprint)
    return 0


def cmd_colleague_verify(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as session:
        colleagues.mark_verified(session, args.fingerprint)
    echo("Colleague verified.", err=True)
    return 0


def cmd_colleague_remove(args: argparse.Namespace) -> int:
    with open_vault(args) as vault, vault.session() as session:
        colleagues.remove_colleague(session, args.fingerprint)
    echo("Colleague removed.", err=True)
    return 0


def cmd_share_export(args: argparse.Namespace) -> int:
    target = Path(args.output).expanduser()
    with open_vault(args) as vault:
        result = bundle.export_bundle(vault, args.to, target, case_ids=args.cases)
    echo(f"Wrote bundle {result.bundle_id}: {result.records} record(s), "
          f"{result.attachments} attachment(s).", err=True)
    if result.left_out:
        echo(f"Left out {result.left_out} ask(s) or meeting(s) that also name cases "
              "outside the selection.", err=True)
    return 0


def cmd_share_import(args: argparse.Namespace) -> int:
    path = Path(args.file).expanduser()
    with open_vault(args) as vault:
        try:
            preview = inbox.import_bundle(vault, path, dry_run=args.dry_run,
                                          allow_new_cases=args.allow_new_cases)
        except NotOnThisLaptop as exc:
            raise UserError(f"{exc} To put them on this laptop, import it again with "
                            "--allow-new-cases.") from None
    if preview.already_applied:
        echo("vigil: this bundle was already applied; nothing was changed.", err=True)
        return 0
    verb = "Would apply" if args.dry_run else "Applied"
    echo(f"{verb} bundle {preview.bundle_id} from {preview.sender}: {preview.describe()}.",
         err=True)
    if preview.new_keys:
        was, now = preview.new_keys
        echo(f"{'Would take' if args.dry_run else 'Took'} the sender's new keys: {was} is "
             f"now {now} (their vault was prepared for travel; their old key vouched for "
             "the new one).", err=True)
    if preview.cases_not_here:
        count = preview.cases_not_here
        echo(f"Travel mode: this bundle names {count} case{'s' if count != 1 else ''} not "
             f"on this laptop{'' if not args.dry_run else ' (--allow-new-cases to apply)'}.",
             err=True)
    if args.dry_run:
        for case_id in preview.new_case_ids:
            echo(f"new case      {case_id}")
        for (kind, record_id), fields in sorted(preview.changed_fields.items()):
            echo(f"changed {kind:<10}{record_id}  {', '.join(fields)}")
        for kind, record_id, name in preview.conflicts:
            echo(f"conflict {kind:<9}{record_id}  {name}")
    return 0
