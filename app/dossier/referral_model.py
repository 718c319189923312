# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The plain input of a sanctions referral, and the one place that decides what it may show.

A referral goes to a government's sanctions team, outside our organisation, so it is held
to the rules of a diplomatic dossier and more (DESIGN.md sections 3 and 6):
- a confidential source never appears: not cited, not in the evidence table;
- a claim (an involvement) whose only sources are confidential is left out, and the user is
  told before export;
- a case marked "do not raise" never appears, nor does any claim made in it;
- a case with private-only or unknown consent appears only if the user confirmed that case,
  and is then marked wherever it appears;
- internal notes never appear: the input cannot even hold them (a case here carries only
  its names, status and public-safe summary; a source carries no notes).
`screen` applies these rules; the renderer prints whatever it is given. Nothing here does
I/O or knows the ORM.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from app.domain.dates import FuzzyDate
from app.domain.enums import Consent, Regime, Reliability, Role, SourceKind, Status
from app.domain.model import Identifier, OtherName, Sanction


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferralSource:
    id: str
    title: str
    url: str | None = None
    kind: SourceKind | None = None
    reliability: Reliability | None = None
    confidential: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One involvement of the official in a case: what they did, when, and its sources."""

    id: str  # the involvement's ID (not case data: safe to show the user)
    role: Role
    date: FuzzyDate | None = None
    description: str | None = None
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferralCase:
    """A case as a referral may show it: names, status and the public-safe summary."""

    id: str
    display_name: str
    name_original: str | None = None
    status: Status | None = None
    summary: str | None = None
    consent: Consent | None = None
    claims: tuple[Claim, ...] = ()
    sources: tuple[ReferralSource, ...] = ()  # the case's sources the claims cite


@dataclass(frozen=True, slots=True, kw_only=True)
class PositionHeld:
    organisation: str | None = None
    title: str | None = None
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """The official referred: every name, identifiers, posts over time, designations."""

    name: str
    name_original: str | None = None
    other_names: tuple[OtherName, ...] = ()
    gender: str | None = None  # a label
    birth_year: int | None = None
    level: str | None = None  # a label
    title: str | None = None
    organisation: str | None = None
    country: str | None = None
    identifiers: tuple[Identifier, ...] = ()
    positions: tuple[PositionHeld, ...] = ()
    sanctions: tuple[Sanction, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ReferralInput:
    person: Person
    regime: Regime
    recipient: str
    prepared_on: date
    cases: tuple[ReferralCase, ...]
    submitter: str | None = None  # the submitting organisation
    exculpatory: str | None = None  # None: the user stated that none is known


@dataclass(frozen=True, slots=True)
class LeftOut:
    """What `screen` kept out, for the user to see before export (IDs only, no names)."""

    confidential_only: tuple[str, ...] = ()  # claim IDs whose only sources are confidential
    do_not_raise: tuple[str, ...] = ()  # case IDs
    unconfirmed: tuple[str, ...] = ()  # private-only or unknown-consent case IDs not confirmed
    uncited: tuple[str, ...] = ()  # claim IDs shown without any source

    def sentences(self) -> list[str]:
        """One plain sentence per kind of thing left out (counts, never names)."""
        out = []
        if self.confidential_only:
            n = len(self.confidential_only)
            out.append(f"{n} claim{'s' if n != 1 else ''} left out: "
                       f"{'their' if n != 1 else 'its'} only sources are confidential.")
        if self.do_not_raise:
            n = len(self.do_not_raise)
            out.append(f"{n} case{'s' if n != 1 else ''} marked \u201cdo not raise\u201d "
                       "left out, with every claim made in "
                       f"{'them' if n != 1 else 'it'}.")
        if self.unconfirmed:
            n = len(self.unconfirmed)
            out.append(f"{n} case{'s' if n != 1 else ''} with private-only or unknown consent "
                       "left out: include each only if you are sure it may be named.")
        if self.uncited:
            n = len(self.uncited)
            out.append(f"{n} claim{'s' if n != 1 else ''} cite{'' if n != 1 else 's'} no "
                       "source; the referral says so.")
        return out


NEEDS_CONFIRMATION = frozenset({Consent.PRIVATE_ONLY, Consent.UNKNOWN, None})


def needs_confirmation(case: ReferralCase) -> bool:
    """Private-only and unknown consent (no consent recorded is unknown) need a yes per case."""
    return case.consent in NEEDS_CONFIRMATION


def consent_mark(case: ReferralCase) -> str | None:
    if case.consent == Consent.PRIVATE_ONLY:
        return "Private advocacy only"
    if case.consent in (Consent.UNKNOWN, None):
        return "Consent unknown"
    return None


def screen(referral: ReferralInput,
           confirmed: frozenset[str] | set[str] = frozenset()) -> tuple[ReferralInput, LeftOut]:
    """The referral as it may be sent, and what was left out of it.

    ``confirmed``: IDs of private-only or unknown-consent cases the user chose to include.
    A case left with no claim is left out too (nothing in it concerns this official).
    """
    confidential_only: list[str] = []
    do_not_raise: list[str] = []
    unconfirmed: list[str] = []
    uncited: list[str] = []
    kept: list[ReferralCase] = []
    for case in referral.cases:
        if case.consent == Consent.DO_NOT_RAISE:
            do_not_raise.append(case.id)
            continue
        if needs_confirmation(case) and case.id not in confirmed:
            unconfirmed.append(case.id)
            continue
        secret = {s.id for s in case.sources if s.confidential}
        sources = {s.id: s for s in case.sources if not s.confidential}
        claims = []
        for claim in case.claims:
            shown = tuple(sid for sid in claim.source_ids if sid in sources)
            if claim.source_ids and not shown:
                confidential_only.append(claim.id)
                continue
            if not claim.source_ids:
                uncited.append(claim.id)
            claims.append(replace(claim, source_ids=shown))
        if not claims:
            continue
        cited = {sid for claim in claims for sid in claim.source_ids}
        kept.append(replace(case, claims=tuple(claims),
                            sources=tuple(s for s in case.sources
                                          if s.id in cited and s.id not in secret)))
    left = LeftOut(tuple(confidential_only), tuple(do_not_raise), tuple(unconfirmed),
                   tuple(uncited))
    return replace(referral, cases=tuple(kept)), left


def numbered_sources(referral: ReferralInput) -> dict[str, int]:
    """Source ID → its citation number [n], in order of first citation."""
    numbers: dict[str, int] = {}
    for case in referral.cases:
        for claim in case.claims:
            for sid in claim.source_ids:
                numbers.setdefault(sid, len(numbers) + 1)
    return numbers
