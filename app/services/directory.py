# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Organisations (governments, UN bodies, the detaining state's organs) and officials, and
which organisation is our own (its asks are what we asked others to do, never a government
raising a case). What an ask counts for follows any change here on the flush
(``app.vault.derived``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.model import Official, Organisation
from app.errors import UserError
from app.vault import erasure
from app.vault.derived import OUR_ORGANISATION, counting_ids
from app.vault.records import assign, column_values, from_row, refuse_tombstone
from app.vault.schema import VaultMeta
from app.vault.tables import OfficialRow, OrganisationRow


def _upsert(session: Session, table, obj) -> None:
    row = session.get(table, obj.id)
    refuse_tombstone(row, table.__audit_kind__)
    if row is None:
        row = table(id=obj.id, deleted=False)
        session.add(row)
    assign(row, column_values(obj))


def save_organisation(session: Session, organisation: Organisation) -> None:
    if not organisation.name.strip():
        raise UserError("An organisation needs a name.")
    _upsert(session, OrganisationRow, organisation)


def save_official(session: Session, official: Official, *, refs_checked: bool = False) -> None:
    """Create or update an official. ``refs_checked``: a validated interchange document's
    references are known to resolve."""
    check_official(official)
    if not refs_checked:
        organisation_ids = {official.organisation_id} | {
            p.organisation_id for p in official.positions}
        for organisation_id in sorted(filter(None, organisation_ids)):
            if _live(session, OrganisationRow, organisation_id) is None:
                raise UserError("No organisation with that ID.")
    _upsert(session, OfficialRow, official)


def check_official(official: Official) -> None:
    """What an official must be on its own, whatever refers to it."""
    if not official.name.strip():
        raise UserError("An official needs a name.")
    for position in official.positions:
        if position.start and position.end and position.end.latest() < position.start.earliest():
            raise UserError("A position cannot end before it starts.")
    for identifier in official.identifiers:
        if not identifier.kind.strip() or not identifier.value.strip():
            raise UserError("An identifier needs a kind and a value.")
    if len({s.regime for s in official.sanctions}) != len(official.sanctions):
        raise UserError("A sanctions regime is listed twice for this official.")


def find_officials(session: Session, text: str) -> list[Official]:
    """Live officials with ``text`` in any of their names, in any script (case-insensitive
    for Latin letters)."""
    needle = text.strip().casefold()
    if not needle:
        return officials(session)
    return [o for o in officials(session)
            if any(needle in name.casefold() for name in
                   (o.name, o.name_original or "", *(n.name for n in o.other_names)))]


def _live(session, table, row_id):
    row = session.get(table, row_id)
    return None if row is None or row.deleted else row


def get_organisation(session: Session, organisation_id: str) -> Organisation:
    row = _live(session, OrganisationRow, organisation_id)
    if row is None:
        raise UserError("No organisation with that ID.")
    return from_row(Organisation, row)


def get_official(session: Session, official_id: str) -> Official:
    row = _live(session, OfficialRow, official_id)
    if row is None:
        raise UserError("No official with that ID.")
    return from_row(Official, row)


def organisations(session: Session) -> list[Organisation]:
    rows = session.scalars(select(OrganisationRow).where(OrganisationRow.deleted.is_(False))
                           .order_by(OrganisationRow.name, OrganisationRow.id))
    return [from_row(Organisation, r) for r in rows]


def officials(session: Session) -> list[Official]:
    rows = session.scalars(select(OfficialRow).where(OfficialRow.deleted.is_(False))
                           .order_by(OfficialRow.name, OfficialRow.id))
    return [from_row(Official, r) for r in rows]


def delete_organisation(session: Session, organisation_id: str) -> None:
    row = _live(session, OrganisationRow, organisation_id)
    if row is None:
        raise UserError("No organisation with that ID.")
    erasure.erase_record(session, row)


def governments(session: Session) -> list[Organisation]:
    """The organisations whose asks count as raising a case (docs/counting.md): those a
    dossier can be prepared for as "the recipient's government"."""
    found = organisations(session)
    counting = counting_ids(session, [o.id for o in found])  # the rule, written once
    return [o for o in found if o.id in counting]


def our_organisation(session: Session) -> str | None:
    """The organisation the vault's users work for, if one is set."""
    row = session.get(VaultMeta, OUR_ORGANISATION)
    return row.value if row is not None else None


def set_our_organisation(session: Session, organisation_id: str | None) -> None:
    """Set (or, with None, clear) our organisation; its asks and the previous one's are
    re-derived on the flush, since asks raised by our organisation never count as a
    government's."""
    if organisation_id is not None and _live(session, OrganisationRow, organisation_id) is None:
        raise UserError("No organisation with that ID.")
    before = our_organisation(session)
    if before == organisation_id:
        return
    row = session.get(VaultMeta, OUR_ORGANISATION)
    if organisation_id is None:
        session.delete(row)
    elif row is None:
        session.add(VaultMeta(key=OUR_ORGANISATION, value=organisation_id))
    else:
        row.value = organisation_id


def delete_official(session: Session, official_id: str) -> None:
    row = _live(session, OfficialRow, official_id)
    if row is None:
        raise UserError("No official with that ID.")
    erasure.erase_official(session, row)
