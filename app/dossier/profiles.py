# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one place where a profile decides what a dossier may show (DESIGN.md section 6).

`apply_profile` is a pure function over the dossier input; the renderer prints whatever it
is given, so every rule lives here and nowhere else:
- internal: everything;
- diplomatic: no internal notes (they hold family contact details), no confidential source
  (nor an event known only from confidential sources), no confidential photo, no ask notes,
  no internal tags or priority, no case marked "do not raise"; "private advocacy only" and
  unknown-consent cases stay and carry a mark (`consent_mark`) wherever they appear;
- public: as diplomatic, and only cases with consent to public advocacy.
A private ask is another government's confidence: outside the internal profile it shows only
when the dossier's recipient organisation is the government that made it (diplomatic). Public
asks show everywhere. "Last raised" and "detained since" are recounted from what is shown,
so a hidden ask's or a confidential event's date cannot show through.
"""

from __future__ import annotations

from dataclasses import replace

from app.domain import rules
from app.domain.enums import Consent
from app.domain.model import Case, Event
from app.dossier.model import AskRecord, DossierCase, DossierInput, Profile


def case_allowed(case: Case, profile: Profile) -> bool:
    if profile is Profile.INTERNAL:
        return True
    if profile is Profile.PUBLIC:
        return case.consent == Consent.PUBLIC
    return case.consent != Consent.DO_NOT_RAISE


PRIVATE_MARK = "Raise privately"
UNKNOWN_MARK = "Consent unknown: raise privately"
DO_NOT_RAISE_MARK = "DO NOT RAISE"


def consent_mark(case: Case) -> str | None:
    """The mark a case carries on every page, bookmark and row it appears in; None if public.

    Unknown consent is never read as consent: it is marked like private advocacy.
    """
    if case.consent == Consent.PUBLIC:
        return None
    if case.consent == Consent.PRIVATE_ONLY:
        return PRIVATE_MARK
    if case.consent == Consent.DO_NOT_RAISE:
        return DO_NOT_RAISE_MARK  # only ever printed in the internal profile
    return UNKNOWN_MARK


def ask_shown(ask: AskRecord, profile: Profile, recipient_org_id: str | None) -> bool:
    """Whether ``profile`` may show ``ask`` to ``recipient_org_id`` (DESIGN.md section 6)."""
    if profile is Profile.INTERNAL or ask.public:
        return True
    return (profile is Profile.DIPLOMATIC and recipient_org_id is not None
            and ask.government_id == recipient_org_id)


def apply_profile(dossier: DossierInput, profile: Profile) -> DossierInput:
    """The dossier as `profile` may show it (cases that may not appear are left out)."""
    kept = tuple(_filter_case(item, profile, dossier)
                 for item in dossier.cases if case_allowed(item.case, profile))
    return replace(dossier, cases=kept)


def _filter_case(item: DossierCase, profile: Profile, dossier: DossierInput) -> DossierCase:
    if profile is Profile.INTERNAL:
        return _recount(item, dossier)
    case = item.case
    confidential = {s.id for s in case.sources if s.confidential}
    sources = tuple(replace(s, notes=None) for s in case.sources if not s.confidential)
    events = tuple(_filter_event(e, confidential) for e in case.events
                   if not (e.source_ids and set(e.source_ids) <= confidential))
    case = replace(case, internal_notes=None, sources=sources, events=events, tags=(),
                   priority=None, sensitivity=None)
    asks = tuple(replace(a, notes=None) for a in item.asks
                 if ask_shown(a, profile, dossier.recipient_org_id))
    photo, problem = item.photo, item.photo_problem
    if photo is not None and photo.confidential:
        photo, problem = None, None  # not even a placeholder: it would say a photo exists
    return _recount(replace(item, case=case, asks=asks, photo=photo, photo_problem=problem),
                    dossier)


def _recount(item: DossierCase, dossier: DossierInput) -> DossierCase:
    """Derived dates from what is shown: a hidden ask or event must not show through."""
    org = dossier.recipient_org_id
    mine = [a.date for a in item.asks
            if a.counts and (org is None or a.government_id == org)]
    return replace(item, last_raised_by_government=max(mine) if mine else None,
                   detained_since=rules.detention_start(item.case),
                   days_detained=rules.days_detained(item.case, dossier.prepared_on))


def _filter_event(event: Event, confidential: set[str]) -> Event:
    if not confidential.intersection(event.source_ids):
        return event
    return replace(event, source_ids=tuple(i for i in event.source_ids if i not in confidential))


def scorecard_counts(profile: Profile, government_id: str,
                     recipient_org_id: str | None) -> tuple[bool, frozenset[Consent] | None]:
    """What a scorecard under ``profile`` may count of a government's record: whether only
    its public asks (a private ask is its confidence, shown only to itself in a diplomatic
    document), and the consents of the cases it may count (None: all). A hidden case or
    ask is left out of every figure, not only of the lists: a count must not show it."""
    if profile is Profile.INTERNAL:
        return False, None
    if profile is Profile.PUBLIC:
        return True, frozenset({Consent.PUBLIC})
    return government_id != recipient_org_id, frozenset(Consent) - {Consent.DO_NOT_RAISE}
