# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Colleagues: the public keys of the people this vault exchanges bundles with.

A colleague added from pasted keys or a contact card is unverified until the user has
compared the fingerprint with them out of band; bundles are neither sent to nor accepted
from an unverified colleague. Must never accept keys that do not parse, or a contact card
whose stated fingerprint differs from the one its keys give.

A colleague's keys change when they prepare their vault for travel; their next bundle
carries the change, signed by the old key (see app.sharing.manifest), and applying it
replaces the old keys here (``take_new_keys``): the old ones are not kept.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.vault.identity import Identity, fingerprint
from app.vault.sharing_tables import ColleagueRow, OutgoingMarkRow

CARD_FORMAT = "vigil-contact"
NO_SUCH = "No colleague with that fingerprint."


@dataclass(frozen=True, slots=True)
class Colleague:
    fingerprint: str
    name: str
    recipient: str
    signing_key: str
    verified: bool


def _plain(row: ColleagueRow) -> Colleague:
    return Colleague(row.fingerprint, row.name, row.recipient, row.signing_key, row.verified)


def check_keys(recipient: str, signing_key: str) -> tuple[str, str]:
    """Normalised keys, or a UserError saying which one is wrong."""
    recipient = recipient.strip()
    signing_key = signing_key.strip()
    try:
        recipient = str(pyrage.x25519.Recipient.from_str(recipient))
    except Exception:
        raise UserError("That is not an age recipient (it starts with age1…).") from None
    try:
        raw = base64.b64decode(signing_key, validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError):
        raise UserError("That is not a signing key (44 characters of base64).") from None
    return recipient, base64.b64encode(raw).decode("ascii")


def add_colleague(session: Session, own: Identity, name: str, recipient: str,
                  signing_key: str, *, verified: bool, now: str) -> Colleague:
    name = name.strip()
    if not name:
        raise UserError("Give the colleague a name.")
    recipient, signing_key = check_keys(recipient, signing_key)
    fp = fingerprint(recipient, signing_key)
    if fp == own.fingerprint:
        raise UserError("Those are this vault's own keys.")
    row = session.get(ColleagueRow, fp)
    if row is None:
        row = ColleagueRow(fingerprint=fp, name=name, recipient=recipient,
                           signing_key=signing_key, verified=verified, added_at=now, seen={})
        session.add(row)
    else:
        row.name = name
        row.verified = row.verified or verified
    return _plain(row)


def list_colleagues(session: Session) -> list[Colleague]:
    rows = session.scalars(select(ColleagueRow).order_by(ColleagueRow.name,
                                                         ColleagueRow.fingerprint))
    return [_plain(r) for r in rows]


def get_colleague(session: Session, fp: str) -> Colleague:
    row = session.get(ColleagueRow, fp)
    if row is None:
        raise UserError(NO_SUCH)
    return _plain(row)


def mark_verified(session: Session, fp: str) -> None:
    row = session.get(ColleagueRow, fp)
    if row is None:
        raise UserError(NO_SUCH)
    row.verified = True


def remove_colleague(session: Session, fp: str) -> None:
    row = session.get(ColleagueRow, fp)
    if row is None:
        raise UserError(NO_SUCH)
    session.delete(row)


def take_new_keys(session: Session, old_fp: str, recipient: str, signing_key: str) -> str:
    """Replace a colleague's keys by the new ones their old key vouched for; returns the
    new fingerprint. Name, verification and what they had seen stay; so does how far the
    bundles to them went (the next one carries only what changed since)."""
    row = session.get(ColleagueRow, old_fp)
    if row is None:
        raise UserError(NO_SUCH)
    recipient, signing_key = check_keys(recipient, signing_key)
    new_fp = fingerprint(recipient, signing_key)
    known = session.get(ColleagueRow, new_fp)
    if known is None:
        session.add(ColleagueRow(fingerprint=new_fp, name=row.name, recipient=recipient,
                                 signing_key=signing_key, verified=row.verified,
                                 added_at=row.added_at, seen=row.seen))
    else:
        known.verified = known.verified or row.verified
    session.delete(row)
    for mark in list(session.scalars(select(OutgoingMarkRow))):
        named = mark.recipients.split(",")
        if old_fp in named:
            key = ",".join(sorted({new_fp if fp == old_fp else fp for fp in named}))
            audit_id, bundle_id = mark.audit_id, mark.bundle_id
            session.delete(mark)
            session.flush()
            session.merge(OutgoingMarkRow(recipients=key, audit_id=audit_id,
                                          bundle_id=bundle_id))
    return new_fp


# -- contact cards ----------------------------------------------------------------------------


def contact_card(own: Identity) -> str:
    """A small JSON text to hand to a colleague (public keys only)."""
    public = own.public
    return json.dumps({"format": CARD_FORMAT, "version": 1, "name": own.name,
                       "recipient": public.recipient, "signing_key": public.signing_key,
                       "fingerprint": own.fingerprint}, ensure_ascii=False, indent=1)


def read_card(text: str) -> tuple[str, str, str]:
    """(name, recipient, signing key) from a contact card; the fingerprint must match."""
    try:
        obj = json.loads(text)
    except ValueError:
        raise UserError("That is not a Vigil contact card.") from None
    if not isinstance(obj, dict) or obj.get("format") != CARD_FORMAT or not all(
            isinstance(obj.get(k), str) for k in ("recipient", "signing_key", "fingerprint")):
        raise UserError("That is not a Vigil contact card.")
    recipient, signing_key = check_keys(obj["recipient"], obj["signing_key"])
    if fingerprint(recipient, signing_key) != obj["fingerprint"]:
        raise UserError("This contact card's fingerprint does not match its keys: "
                        "do not use it.")
    name = obj.get("name") if isinstance(obj.get("name"), str) else ""
    return name, recipient, signing_key
