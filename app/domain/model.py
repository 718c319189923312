# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Plain, immutable records of the advocacy domain: what services hand to the UI, the CLI,
dossiers and interchange.

Field names and their order are exactly the interchange JSON keys of DESIGN.md section 9
(version 2; with `id` first), so the interchange module derives its key checks and output order from
these classes: renaming a field here changes the file format. Absent optional scalars are
None, absent lists are (). This module must never do I/O or import Qt or the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NewType

from app.domain.dates import FuzzyDate
from app.domain.enums import (
    Access,
    Category,
    Channel,
    Consent,
    EncounterKind,
    EventKind,
    Gender,
    Level,
    MeetingStatus,
    OrganisationKind,
    Regime,
    Reliability,
    Request,
    Response,
    Role,
    Sensitivity,
    SourceKind,
    Status,
)

# Lowercase canonical UUID strings; distinct names only for the type checker.
OrganisationId = NewType("OrganisationId", str)
OfficialId = NewType("OfficialId", str)
CaseId = NewType("CaseId", str)
EventId = NewType("EventId", str)
SourceId = NewType("SourceId", str)
AskId = NewType("AskId", str)
MeetingId = NewType("MeetingId", str)
InvolvementId = NewType("InvolvementId", str)
EncounterId = NewType("EncounterId", str)


@dataclass(frozen=True, slots=True, kw_only=True)
class Organisation:
    """A government, UN body, parliament, NGO or an organ of the detaining state."""

    id: OrganisationId
    name: str
    country: str | None = None  # ISO 3166-1 alpha-2, upper case
    kind: OrganisationKind | None = None


@dataclass(frozen=True, slots=True)
class OtherName:
    """Another name of the person, tagged with its BCP 47 script tag (zh-Hans, ug-Arab, …)."""

    name: str
    script: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Identifier:
    """A free-text identifier of an official (a police number, an ID card number), with a
    note on where it comes from."""

    kind: str
    value: str
    note: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Position:
    """A post an official held, over a (fuzzy) period."""

    organisation_id: OrganisationId | None = None
    title: str | None = None
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Sanction:
    """A designation of an official under a sanctions regime."""

    regime: Regime
    listed_on: FuzzyDate | None = None
    reference: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Official:
    """A person acting for a government or body, or an official of the detaining state."""

    id: OfficialId
    name: str
    title: str | None = None
    organisation_id: OrganisationId | None = None
    country: str | None = None
    notes: str | None = None
    name_original: str | None = None
    other_names: tuple[OtherName, ...] = ()
    gender: Gender | None = None
    birth_year: int | None = None
    level: Level | None = None
    identifiers: tuple[Identifier, ...] = ()
    positions: tuple[Position, ...] = ()
    sanctions: tuple[Sanction, ...] = ()


@dataclass(frozen=True, slots=True)
class Confession:
    """A televised "confession"; both parts may be unknown while the fact is known."""

    date: FuzzyDate | None = None
    broadcaster: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    id: EventId
    date: FuzzyDate
    kind: EventKind | None = None
    title: str
    description: str | None = None
    source_ids: tuple[SourceId, ...] = ()  # sources of the same case


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    id: SourceId
    title: str
    url: str | None = None
    kind: SourceKind | None = None
    reliability: Reliability | None = None
    confidential: bool = False  # a confidential source never leaves the internal profile
    notes: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Case:
    """The advocacy file on one person."""

    id: CaseId
    display_name: str
    name_original: str | None = None
    other_names: tuple[OtherName, ...] = ()
    gender: Gender | None = None
    birth_year: int | None = None
    ethnicity: str | None = None
    nationalities: tuple[str, ...] = ()
    category: Category | None = None
    occupation: str | None = None
    status: Status | None = None
    status_since: FuzzyDate | None = None
    location: str | None = None
    facility: str | None = None
    charges: tuple[str, ...] = ()
    sentence: str | None = None
    sentence_ends: FuzzyDate | None = None
    lawyer_access: Access | None = None
    family_access: Access | None = None
    consular_access: Access | None = None
    health_concerns: str | None = None
    confession: Confession | None = None
    consent: Consent | None = None
    sensitivity: Sensitivity | None = None
    priority: int | None = None  # 1, 2 or 3
    tags: tuple[str, ...] = ()
    summary: str | None = None  # public-safe
    internal_notes: str | None = None
    events: tuple[Event, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Ask:
    """One intervention: who raised which cases with whom, how, and what came back."""

    id: AskId
    date: FuzzyDate
    raised_by_official_id: OfficialId | None = None
    raised_by_organisation_id: OrganisationId | None = None
    raised_with_official_id: OfficialId | None = None
    raised_with_organisation_id: OrganisationId | None = None
    channel: Channel | None = None
    public: bool
    requests: tuple[Request, ...] = ()
    response: Response | None = None
    response_date: FuzzyDate | None = None
    response_text: str | None = None
    follow_up_due: FuzzyDate | None = None
    case_ids: tuple[CaseId, ...]  # at least one
    notes: str | None = None
    level: Level | None = None  # None: the raising official's level
    encounter_id: EncounterId | None = None  # the encounter it was made at


@dataclass(frozen=True, slots=True)
class MeetingCase:
    """A case to raise at a meeting, with the ask for this meeting (free text)."""

    case_id: CaseId
    ask: str | None = None
    talking_points: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Meeting:
    id: MeetingId
    title: str
    starts_at: datetime  # always timezone-aware
    location: str | None = None
    organisation_id: OrganisationId | None = None
    official_ids: tuple[OfficialId, ...] = ()
    agenda: str | None = None
    status: MeetingStatus | None = None
    cases: tuple[MeetingCase, ...] = ()  # in the order they are to be raised
    outcome: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Involvement:
    """What an official of the detaining state did in a case, and the case's sources for it."""

    id: InvolvementId
    case_id: CaseId
    official_id: OfficialId
    role: Role
    date: FuzzyDate | None = None
    description: str | None = None
    source_ids: tuple[SourceId, ...] = ()  # sources of the same case


@dataclass(frozen=True, slots=True, kw_only=True)
class Encounter:
    """A diplomatic event between governments and the detaining state that we did not
    attend: a state visit, a dialogue, an ambassador summoned, a UN review."""

    id: EncounterId
    kind: EncounterKind
    title: str
    starts_on: FuzzyDate
    ends_on: FuzzyDate | None = None
    organisation_ids: tuple[OrganisationId, ...] = ()  # the governments
    level: Level | None = None
    location: str | None = None
    public_record: str | None = None  # a URL or a note


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """The content of one interchange file."""

    organisations: tuple[Organisation, ...] = ()
    officials: tuple[Official, ...] = ()
    cases: tuple[Case, ...] = ()
    asks: tuple[Ask, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    involvements: tuple[Involvement, ...] = ()
    encounters: tuple[Encounter, ...] = ()
