# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one place where a profile decides what a dossier may show (DESIGN.md section 6).

`apply_profile` is a pure function over the dossier input; the renderer prints whatever it
is given, so every rule lives here and nowhere else:
- internal: everything;
- diplomatic: no internal notes (they hold family contact details), no confidential source
  (nor an event known only from confidential sources), no confidential photo, no ask notes,
  no internal tags or priority, no case marked "do not raise"; "private advocacy only" cases
  stay and the renderer marks them "raise privately";
- public: as diplomatic, and only cases with consent to public advocacy, only public asks.
"""

from __future__ import annotations

from dataclasses import replace

from app.domain.enums import Consent
from app.domain.model import Case, Event
from app.dossier.model import DossierCase, DossierInput, Profile


def case_allowed(case: Case, profile: Profile) -> bool:
    if profile is Profile.INTERNAL:
        return True
    if profile is Profile.PUBLIC:
        return case.consent == Consent.PUBLIC
    return case.consent != Consent.DO_NOT_RAISE


def apply_profile(dossier: DossierInput, profile: Profile) -> DossierInput:
    """The dossier as `profile` may show it (cases that may not appear are left out)."""
    if profile is Profile.INTERNAL:
        return dossier
    kept = tuple(_filter_case(item, profile, dossier.government)
                 for item in dossier.cases if case_allowed(item.case, profile))
    return replace(dossier, cases=kept)


def _filter_case(item: DossierCase, profile: Profile, government: str | None) -> DossierCase:
    case = item.case
    confidential = {s.id for s in case.sources if s.confidential}
    sources = tuple(replace(s, notes=None) for s in case.sources if not s.confidential)
    events = tuple(_filter_event(e, confidential) for e in case.events
                   if not (e.source_ids and set(e.source_ids) <= confidential))
    case = replace(case, internal_notes=None, sources=sources, events=events, tags=(),
                   priority=None, sensitivity=None)
    asks = tuple(replace(a, notes=None) for a in item.asks)
    last_raised = item.last_raised_by_government
    if profile is Profile.PUBLIC:
        asks = tuple(a for a in asks if a.public)
        # Recounted from public asks only: a private démarche's date must not show through.
        mine = [a.date for a in asks if government is None or a.government == government]
        last_raised = max(mine) if mine else None
    photo, problem = item.photo, item.photo_problem
    if photo is not None and photo.confidential:
        photo, problem = None, None  # not even a placeholder: it would say a photo exists
    return replace(item, case=case, asks=asks, photo=photo, photo_problem=problem,
                   last_raised_by_government=last_raised)


def _filter_event(event: Event, confidential: set[str]) -> Event:
    if not confidential.intersection(event.source_ids):
        return event
    return replace(event, source_ids=tuple(i for i in event.source_ids if i not in confidential))
