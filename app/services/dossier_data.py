# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Everything a dossier may need, gathered from the vault through the other services.

Returns plain data only (domain objects, ask views with names resolved, photo bytes in
memory). It decides nothing about profiles: `app.dossier.profiles` does, on what this
gathers. A photo that cannot be read is reported as missing, never as an error.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from sqlalchemy.orm import Session

from app.domain import rules
from app.domain.dates import FuzzyDate
from app.domain.model import Case, Meeting
from app.dossier.model import (
    AskRecord,
    DossierCase,
    DossierInput,
    MeetingInfo,
    Photo,
    PhotoProblem,
)
from app.errors import IntegrityError, UserError
from app.services import attachments, directory
from app.services.asks import AskView, list_asks
from app.services.cases import get_case
from app.services.meetings import get_meeting
from app.vault.tables import AttachmentRow, CaseRow

_UUID = re.compile(r"^[0-9a-fA-F-]{8,40}$")


@dataclass(frozen=True, slots=True)
class CaseMaterial:
    case: Case
    photo_id: str | None = None  # an attachment: read it with `read_photo` when needed
    photo_confidential: bool = False
    photo_missing: bool = False  # the case had a photo, but its attachment is gone
    asks: tuple[AskView, ...] = ()  # newest first
    ask: str | None = None
    talking_points: str | None = None
    days_detained: int | None = None
    last_raised_by_government: FuzzyDate | None = None


@dataclass(frozen=True, slots=True)
class DossierMaterial:
    cases: tuple[CaseMaterial, ...]
    meeting: Meeting | None = None
    counterpart: str | None = None
    officials: tuple[str, ...] = ()
    government_id: str | None = None
    government: str | None = None


def _unknown(what: str, ref: str) -> UserError:
    # IDs are not case data; anything else typed in their place is not echoed.
    shown = f"ID {ref}" if _UUID.match(ref) else "the ID given"
    return UserError(f"No {what} with {shown}.")


ISSUER_KEY = "dossier.issuing_organisation"


def issuing_organisation(vault) -> str | None:
    """The organisation named on dossier covers (a vault setting), or None if not set."""
    return (vault.meta(ISSUER_KEY) or "").strip() or None


def set_issuing_organisation(vault, name: str | None) -> None:
    """Set (or with an empty name, clear) the organisation named on dossier covers."""
    vault.set_meta(ISSUER_KEY, (name or "").strip())


def for_meeting(vault, meeting_id: str, today: date,
                recipient_org_id: str | None = None) -> DossierMaterial:
    """The cases of a meeting, in the order they are to be raised, with its ask and points.

    The recipient organisation is ``recipient_org_id`` if given, else the meeting's
    counterpart (or its first official's organisation): only its private asks may show.
    """
    with vault.session() as session:
        try:
            meeting = get_meeting(session, meeting_id)
        except UserError:
            raise _unknown("meeting", meeting_id) from None
        counterpart = government = None
        if meeting.organisation_id:
            government = counterpart = directory.get_organisation(
                session, meeting.organisation_id).name
        officials = tuple(_official_name(session, oid) for oid in meeting.official_ids)
        if government is None and meeting.official_ids:
            org_id = directory.get_official(session, meeting.official_ids[0]).organisation_id
            if org_id:
                government = directory.get_organisation(session, org_id).name
                meeting_gov_id = org_id
            else:
                meeting_gov_id = None
        else:
            meeting_gov_id = meeting.organisation_id
        if recipient_org_id:
            meeting_gov_id = recipient_org_id
            government = _organisation_name(session, recipient_org_id)
        items = [(m.case_id, m.ask, m.talking_points) for m in meeting.cases]
        cases = _cases(session, items, today, meeting_gov_id)
    return DossierMaterial(cases=tuple(cases), meeting=meeting,
                           counterpart=counterpart, officials=officials,
                           government_id=meeting_gov_id, government=government)


def for_cases(vault, case_ids: Sequence[str], today: date,
              government_id: str | None = None) -> DossierMaterial:
    """Chosen cases, in the order given (a repeated ID counts once)."""
    with vault.session() as session:
        government = None
        if government_id:
            government = _organisation_name(session, government_id)
        items = [(cid, None, None) for cid in dict.fromkeys(case_ids)]
        cases = _cases(session, items, today, government_id)
    return DossierMaterial(cases=tuple(cases), government_id=government_id,
                           government=government)


def _organisation_name(session: Session, organisation_id: str) -> str:
    try:
        return directory.get_organisation(session, organisation_id).name
    except UserError:
        raise _unknown("organisation", organisation_id) from None


def _official_name(session: Session, official_id: str) -> str:
    official = directory.get_official(session, official_id)
    return f"{official.name}, {official.title}" if official.title else official.name


def _cases(session: Session, items, today: date,
           government_id: str | None) -> list[CaseMaterial]:
    found = []
    for case_id, ask, points in items:
        try:
            case = get_case(session, case_id)
        except UserError:
            raise _unknown("case", case_id) from None
        views = tuple(list_asks(session, case_id=case_id))
        mine = [v.ask.date for v in views
                if v.counts and (government_id is None or v.government_id == government_id)]
        photo_id, confidential, missing = _photo_ref(session, case_id)
        found.append(CaseMaterial(case=case, photo_id=photo_id, photo_confidential=confidential,
                                  photo_missing=missing, asks=views, ask=ask,
                                  talking_points=points,
                                  days_detained=rules.days_detained(case, today),
                                  last_raised_by_government=max(mine) if mine else None))
    return found


def _photo_ref(session: Session, case_id: str) -> tuple[str | None, bool, bool]:
    """(attachment ID, confidential, missing) of the case's photo."""
    photo_id = session.get(CaseRow, case_id).photo_id
    if not photo_id:
        return None, False, False
    row = session.get(AttachmentRow, photo_id)
    if row is None or row.deleted:
        return None, False, True
    return photo_id, bool(row.confidential), False


def read_photo(vault, attachment_id: str) -> bytes | None:
    """A photo's bytes from the vault, or None if they are missing or damaged."""
    try:
        return attachments.read_attachment(vault, attachment_id)
    except (UserError, IntegrityError):
        return None


def dossier_input(material: DossierMaterial, recipient: str, today: date, *,
                  read_photo: Callable[[str], bytes | None], issuer: str | None = None,
                  case_asks: Mapping[str, str] | None = None) -> DossierInput:
    """What services gathered, as the renderer's plain input (nothing is filtered here).

    Photos are read through ``read_photo`` only when their page is laid out.
    ``case_asks`` (case ID → text) gives the ask for cases chosen without a meeting.
    """
    meeting = None
    if material.meeting is not None:
        m = material.meeting
        meeting = MeetingInfo(title=m.title, starts_at=m.starts_at, location=m.location,
                              counterpart=material.counterpart, officials=material.officials,
                              agenda=m.agenda)
    cases = []
    for item in material.cases:
        photo = None
        if item.photo_id is not None:
            photo = Photo(confidential=item.photo_confidential,
                          load=partial(read_photo, item.photo_id))
        asks = tuple(AskRecord(date=v.ask.date, raised_by=v.raised_by,
                               raised_with=v.raised_with, government=v.government,
                               government_id=v.government_id, counts=v.counts,
                               channel=v.ask.channel, public=v.ask.public,
                               requests=v.ask.requests, response=v.ask.response,
                               response_date=v.ask.response_date,
                               response_text=v.ask.response_text, notes=v.ask.notes)
                     for v in item.asks)
        cases.append(DossierCase(
            case=item.case, photo=photo,
            photo_problem=PhotoProblem.MISSING if item.photo_missing else None, asks=asks,
            ask=item.ask or (case_asks or {}).get(item.case.id) or None,
            talking_points=item.talking_points,
            days_detained=item.days_detained,
            last_raised_by_government=item.last_raised_by_government))
    return DossierInput(recipient=recipient, prepared_on=today, cases=tuple(cases),
                        meeting=meeting, government=material.government,
                        recipient_org_id=material.government_id, issuer=issuer)
