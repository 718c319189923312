# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A sanctions referral on one official: gather it from the vault, preview what will be left
out, and write the PDF through a temporary file renamed when complete.

Gathering copies only what a referral may ever show (a case's names, status, consent and
public-safe summary; its sources without their notes; never internal notes, the official's
notes or anything about asks). What the referral may then show is decided by
`app.dossier.referral_model.screen`. Shared by ``vigil referral`` and the desktop dialog.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from app.domain.enums import Regime, label
from app.domain.model import Official
from app.dossier.referral_model import (
    Claim,
    LeftOut,
    Person,
    PositionHeld,
    ReferralCase,
    ReferralInput,
    ReferralSource,
    needs_confirmation,
    screen,
)
from app.errors import Cancelled, UserError
from app.services import directory, involvements
from app.services.cases import get_case
from app.services.dossier_data import issuing_organisation
from app.vault.fsutil import atomic_output
from app.vault.tables import OfficialRow, OrganisationRow

_UUID = re.compile(r"^[0-9a-fA-F-]{8,40}$")
REMOVED = "That official was removed from this vault; no referral was written."
NO_CONDUCT = "No involvement of this official in any case is recorded; nothing was written."


def unknown_official(ref: str) -> UserError:
    shown = f"ID {ref}" if _UUID.match(ref) else "the ID given"
    return UserError(f"No official with {shown}.")


@dataclass(frozen=True, slots=True)
class CaseChoice:
    """A case the user must confirm before it may appear (private-only or unknown consent)."""

    case_id: str
    display_name: str  # vault data: shown to the user in plain text, never logged
    private_only: bool  # False: consent unknown
    claims: int = 0  # the official's claims in this case
    confidential_only: int = 0  # of them, left out even if the case is confirmed
    uncited: int = 0  # of them, shown with "no source recorded" if confirmed


@dataclass(frozen=True, slots=True)
class ReferralPreview:
    """What the user sees before export: who, the cases to confirm, what is left out."""

    official_name: str
    to_confirm: tuple[CaseChoice, ...]
    left_out: LeftOut  # as if every case to confirm were confirmed (see CaseChoice)
    claims: int  # every claim recorded, before screening


def _official(session: Session, official_id: str) -> Official:
    row = session.get(OfficialRow, official_id)
    if row is None:
        raise unknown_official(official_id)
    if row.deleted:
        raise UserError(REMOVED)
    return directory.get_official(session, official_id)


def _organisation_name(session: Session, organisation_id: str | None) -> str | None:
    if not organisation_id:
        return None
    row = session.get(OrganisationRow, organisation_id)
    return None if row is None or row.deleted else row.name


def _person(session: Session, o: Official) -> Person:
    positions = tuple(PositionHeld(organisation=_organisation_name(session, p.organisation_id),
                                   title=p.title, start=p.start, end=p.end)
                      for p in o.positions)
    return Person(name=o.name, name_original=o.name_original, other_names=o.other_names,
                  gender=label(o.gender) if o.gender else None, birth_year=o.birth_year,
                  level=label(o.level) if o.level else None, title=o.title,
                  organisation=_organisation_name(session, o.organisation_id),
                  country=o.country, identifiers=o.identifiers, positions=positions,
                  sanctions=o.sanctions)


def _cases(session: Session, official_id: str) -> tuple[ReferralCase, ...]:
    """The official's involvements grouped by case, cases in order of their first claim."""
    grouped: dict[str, list[Claim]] = {}
    for view in involvements.of_official(session, official_id):
        inv = view.involvement
        grouped.setdefault(inv.case_id, []).append(Claim(
            id=inv.id, role=inv.role, date=inv.date, description=inv.description,
            source_ids=inv.source_ids))
    found = []
    for case_id, claims in grouped.items():
        case = get_case(session, case_id)
        sources = tuple(ReferralSource(id=s.id, title=s.title, url=s.url, kind=s.kind,
                                       reliability=s.reliability, confidential=s.confidential)
                        for s in case.sources)
        found.append(ReferralCase(id=case.id, display_name=case.display_name,
                                  name_original=case.name_original, status=case.status,
                                  summary=case.summary, consent=case.consent,
                                  claims=tuple(claims), sources=sources))
    return tuple(found)


def gather(vault, official_id: str, regime: Regime, recipient: str, today: date, *,
           exculpatory: str | None) -> ReferralInput:
    """Everything a referral could show, unscreened. ``exculpatory`` None: none known."""
    with vault.session() as session:
        official = _official(session, official_id)
        person = _person(session, official)
        cases = _cases(session, official_id)
        ours = directory.our_organisation(session)
        submitter = issuing_organisation(vault) or _organisation_name(session, ours)
    if not cases:
        raise UserError(NO_CONDUCT)
    return ReferralInput(person=person, regime=regime, recipient=recipient, prepared_on=today,
                         cases=cases, submitter=submitter, exculpatory=exculpatory)


def preview(session: Session, official_id: str) -> ReferralPreview:
    """The cases that need the user's yes, and what is left out whatever they answer."""
    official = _official(session, official_id)
    cases = _cases(session, official_id)
    referral = ReferralInput(person=Person(name=official.name), regime=Regime.US_GLOMAG,
                             recipient="", prepared_on=date.min, cases=cases)
    asked = [c for c in cases if needs_confirmation(c)]
    _, left = screen(referral, {c.id for c in asked})
    secret, bare = set(left.confidential_only), set(left.uncited)
    to_confirm = tuple(CaseChoice(c.id, c.display_name, c.consent is not None
                                  and c.consent.value == "private_only", len(c.claims),
                                  sum(1 for claim in c.claims if claim.id in secret),
                                  sum(1 for claim in c.claims if claim.id in bare))
                       for c in asked)
    return ReferralPreview(official_name=official.name, to_confirm=to_confirm,
                           left_out=left, claims=sum(len(c.claims) for c in cases))


def check_exculpatory(text: str | None, none_known: bool) -> str | None:
    """The exculpatory text to print (None: "none known"); refuses when neither is given."""
    given = (text or "").strip()
    if given and none_known:
        raise UserError("Give exculpatory information or say that none is known, not both; "
                        "nothing was written.")
    if not given and not none_known:
        raise UserError("A referral needs its exculpatory information, or your statement "
                        "that none is known; nothing was written.")
    return given or None


def export_referral(vault, official_id: str, regime: Regime, recipient: str, target: Path, *,
                    exculpatory: str | None, include_cases: Iterable[str] = (),
                    password: str | None = None,
                    on_left_out: Callable[[LeftOut], None] | None = None,
                    cancelled: Callable[[], bool] | None = None):
    """Gather, screen and write the referral to ``target`` (complete, or not at all).

    ``on_left_out`` hears what is left out before anything is written. Returns the
    renderer's `ReferralReport`.
    """
    from app.dossier.referral import write_referral  # reportlab: only when writing

    if not recipient.strip():
        raise UserError("Say who the referral is prepared for (the recipient).")
    referral = gather(vault, official_id, regime, recipient.strip(), vault.clock().date(),
                      exculpatory=exculpatory)
    confirmed = frozenset(include_cases)
    known = {c.id for c in referral.cases}
    if confirmed - known:
        raise UserError("A case to include is not one this official is involved in; "
                        "nothing was written.")
    if on_left_out is not None:
        on_left_out(screen(referral, confirmed)[1])
    if cancelled is not None and cancelled():
        raise Cancelled()
    try:
        with atomic_output(target) as out:
            report = write_referral(referral, out, confirmed=confirmed, password=password,
                                    cancelled=cancelled)
            if cancelled is not None and cancelled():
                raise Cancelled()  # still inside: the temporary file is removed
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise UserError("The disk is full; no referral was written.") from None
        raise UserError("The referral could not be written to that folder; nothing was "
                        "left behind.") from None
    return report
