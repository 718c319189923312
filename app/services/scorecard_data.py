# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The plain input of a scorecard PDF (``app.dossier.scorecard``), from the scorecard
service, counted as the profile allows (``app.dossier.profiles.scorecard_counts``).

Each government's figures are counted under its own scope: in a diplomatic document its
private asks count only if it is the recipient organisation. Only the names and consent of
the listed cases leave the vault, never their notes or sources.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.domain.enums import Consent, Level, Response, label
from app.domain.model import Case, CaseId
from app.dossier.model import Profile
from app.dossier.profiles import scorecard_counts
from app.dossier.scorecard import CaseList, Chart, GovernmentLists, ScorecardInput
from app.services.scorecard import MATCH_DAYS, Scope, Scorecard, scorecard
from app.services.scorecard_text import rows
from app.vault.tables import CaseRow

STALEST = 50  # the PDF lists this many of the cases it did not raise at the highest level

COUNTED = {
    Profile.INTERNAL: "Every ask the government made counts, public and private, on every "
                      "case.",
    Profile.DIPLOMATIC: "Cases marked \u201cdo not raise\u201d are left out of every figure. "
                        "A government's private asks count only in a scorecard prepared for "
                        "that government.",
    Profile.PUBLIC: "Only public asks, on cases whose families consented to public "
                    "advocacy, are counted.",
}


def scorecard_input(session: Session, government_ids: list[str], start: date, end: date,
                    today: date, profile: Profile, *, recipient: str | None = None,
                    recipient_org_id: str | None = None,
                    issuer: str | None = None) -> ScorecardInput:
    cards = []
    public_only: dict[str, bool] = {}
    for government_id in government_ids:
        public_only[government_id], consents = scorecard_counts(profile, government_id,
                                                                recipient_org_id)
        cards.append(scorecard(session, government_id, start, end, today,
                               Scope(public_asks_only=public_only[government_id],
                                     consents=consents)))
    wanted = {i for c in cards for i in (*c.high_level.raised.ids,
                                         *c.not_raised_high_level.ids)}
    people = _cases(session, wanted)
    return ScorecardInput(
        profile=profile, start=start, end=end, prepared_on=today,
        governments=tuple(c.government for c in cards),
        rows=tuple((title, tuple(cells)) for title, cells in rows(cards)),
        charts=charts(cards), lists=tuple(GovernmentLists(c.government, (
            CaseList("Cases raised at the highest level (head of state or government, "
                     "minister)", _named(people, c.high_level.raised.ids)),
            CaseList("Cases to raise that it did not raise at the highest level, stalest "
                     "first", _stalest(session, c, people, public_only[c.government_id]),
                     limit=STALEST),
        )) for c in cards),
        counted=COUNTED[profile], recipient=recipient, issuer=issuer)


def charts(cards: list[Scorecard]) -> tuple[Chart, ...]:
    levels = [n for n in range(len(Level) + 1)  # and unknown, last
              if any(c.by_level[n].raised.count for c in cards)]
    responses = [n for n, _ in enumerate(Response)
                 if any(c.responses[n][1].count for c in cards)]
    return (
        Chart("Named cases raised", ("Publicly", "Only privately", "Highest level",
                                     "Highest level, publicly"),
              tuple((c.cases_public.count, c.cases_private_only.count,
                     c.high_level.raised.count, c.high_level.public.count) for c in cards)),
        Chart("Named cases raised, by level",
              tuple(label(list(Level)[n]) if n < len(Level) else "Level unknown"
                    for n in levels) or ("None",),
              tuple(tuple(c.by_level[n].raised.count for n in levels) or (0,)
                    for c in cards)),
        Chart("High-level encounters with the detaining state",
              ("Encounters", "A named case raised", "Raised publicly", "Ambassador summoned"),
              tuple((c.high_level_encounters.of.count, c.high_level_encounters.hits.count,
                     c.high_level_encounters_public.hits.count, c.summonses.count)
                    for c in cards)),
        Chart("Senior encounters and civil society",
              ("Senior encounters", f"Civil society within {MATCH_DAYS} days", "Without"),
              tuple((c.senior_matched.of.count, c.senior_matched.hits.count,
                     c.senior_unmatched.count) for c in cards)),
        Chart("Responses received, and follow-ups overdue",
              (*(label(list(Response)[n]) for n in responses), "Follow-ups overdue"),
              tuple((*(c.responses[n][1].count for n in responses),
                     c.overdue_follow_ups.count) for c in cards)),
    )


def _cases(session: Session, ids: Iterable[str]) -> dict[str, Case]:
    """Names and consent of the cases to list, nothing more."""
    found: dict[str, Case] = {}
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), 5000):
        for case_id, name, original, consent in session.execute(
                select(CaseRow.id, CaseRow.display_name, CaseRow.name_original,
                       CaseRow.consent).where(CaseRow.id.in_(wanted[start:start + 5000]),
                                              CaseRow.deleted.is_(False))):
            found[case_id] = Case(id=CaseId(case_id), display_name=name, name_original=original,
                                  consent=Consent(consent) if consent else None)
    return found


def _stalest(session: Session, card: Scorecard, people: dict[str, Case],
             public_only: bool) -> tuple[Case, ...]:
    """The cases it did not raise at the highest level, stalest first: those it never
    raised, then by its last ask on them (any date, only the asks the profile counts:
    under the public profile a private ask must not move a case), then by name."""
    public = "JOIN asks AS a ON a.id = ac.ask_id AND a.public = 1 " if public_only else ""
    last: dict[str, str] = dict(session.execute(text(
        f"SELECT ac.case_id, max(ac.date_sort) FROM ask_cases AS ac {public}"  # noqa: S608
        "WHERE ac.government_id = :government GROUP BY ac.case_id"),
        {"government": card.government_id}).all())
    return tuple(sorted((people[i] for i in card.not_raised_high_level.ids if i in people),
                        key=lambda c: (last.get(c.id, ""), c.display_name.casefold(), c.id)))


def _named(people: dict[str, Case], ids: Iterable[str]) -> tuple[Case, ...]:
    return tuple(sorted((people[i] for i in ids if i in people),
                        key=lambda c: (c.display_name.casefold(), c.id)))
