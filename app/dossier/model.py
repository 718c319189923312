# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The plain input of a dossier: everything the renderer may print, already resolved to names.

Built by the caller (the CLI or the desktop task) from services; filtered by
`app.dossier.profiles.apply_profile` before rendering. Nothing here does I/O or knows the ORM.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from app.domain.dates import FuzzyDate
from app.domain.enums import Channel, Request, Response
from app.domain.model import Case


class Profile(StrEnum):
    INTERNAL = "internal"
    DIPLOMATIC = "diplomatic"
    PUBLIC = "public"


class PhotoProblem(StrEnum):
    MISSING = "missing"  # the case points at a photo that cannot be read from the vault
    UNREADABLE = "unreadable"  # the bytes are not an image we can draw


@dataclass(frozen=True, slots=True)
class Photo:
    """A photo's bytes, or a way to read them when its page is laid out (memory stays flat).

    ``load`` returns None when the photo cannot be read (missing or damaged in the vault).
    """

    data: bytes | None = None
    confidential: bool = False
    load: Callable[[], bytes | None] | None = field(default=None, compare=False, repr=False)

    def content(self) -> bytes | None:
        return self.data if self.load is None else self.load()


@dataclass(frozen=True, slots=True, kw_only=True)
class AskRecord:
    """One earlier ask on a case, with the names a reader needs."""

    date: FuzzyDate
    raised_by: str
    raised_with: str
    government: str | None
    channel: Channel | None
    government_id: str | None = None  # the organisation the ask counts for
    counts: bool = True  # a government raising the case (docs/counting.md), not an NGO or us
    public: bool
    requests: tuple[Request, ...] = ()
    response: Response | None = None
    response_date: FuzzyDate | None = None
    response_text: str | None = None
    notes: str | None = None  # internal working notes


@dataclass(frozen=True, slots=True, kw_only=True)
class DossierCase:
    case: Case
    photo: Photo | None = None
    photo_problem: PhotoProblem | None = None
    asks: tuple[AskRecord, ...] = ()  # newest first
    ask: str | None = None  # what to ask at this meeting
    talking_points: str | None = None
    days_detained: int | None = None
    detained_since: FuzzyDate | None = None  # the first detention event of this detention
    last_raised_by_government: FuzzyDate | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingInfo:
    title: str
    starts_at: datetime
    location: str | None = None
    counterpart: str | None = None  # the government or body met
    officials: tuple[str, ...] = ()
    agenda: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DossierInput:
    recipient: str
    prepared_on: date
    cases: tuple[DossierCase, ...]
    meeting: MeetingInfo | None = None
    government: str | None = None  # the recipient organisation's name ("this government")
    recipient_org_id: str | None = None  # its ID: the only maker whose private asks may show
    issuer: str | None = None  # the issuing organisation, printed on the cover
