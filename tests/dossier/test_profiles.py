# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The profile filter, field by field, on plain data (no vault, no PDF)."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

import pytest

from app.domain.dates import FuzzyDate
from app.domain.enums import Consent, EventKind, Sensitivity, Status
from app.domain.model import Case, Event, Source
from app.dossier.model import AskRecord, DossierCase, DossierInput, Photo, PhotoProblem, Profile
from app.dossier.profiles import apply_profile, case_allowed, consent_mark

SHARED = (Profile.DIPLOMATIC, Profile.PUBLIC)


GOV, OTHER = "org-examplestan", "org-elsewhere"


def ask(day: FuzzyDate, *, public: bool, government: str = GOV) -> AskRecord:
    return AskRecord(date=day, raised_by="Minister", raised_with="Vice-minister",
                     government=government, government_id=government, channel=None,
                     public=public, notes="ask note")


def item(consent: Consent | None = Consent.PUBLIC, **kw) -> DossierCase:
    case = Case(
        id="c1", display_name="Ilham Testov", consent=consent, internal_notes="family contact",
        tags=("watch",), priority=1, sensitivity=Sensitivity.HIGH, summary="public summary",
        sources=(Source(id="s-open", title="news", notes="source note"),
                 Source(id="s-secret", title="family", confidential=True)),
        events=(Event(id="e1", date=FuzzyDate(2014), title="detained",
                      source_ids=("s-open", "s-secret")),
                Event(id="e2", date=FuzzyDate(2015), title="told in confidence",
                      source_ids=("s-secret",)),
                Event(id="e3", date=FuzzyDate(2016), title="unsourced")))
    defaults = dict(case=case, photo=Photo(b"jpeg"), ask="release", talking_points="points",
                    asks=(ask(FuzzyDate(2024), public=False), ask(FuzzyDate(2022), public=True),
                          ask(FuzzyDate(2025), public=True, government=OTHER)),
                    last_raised_by_government=FuzzyDate(2024), days_detained=10)
    defaults.update(kw)
    return DossierCase(**defaults)


def dossier(*items: DossierCase, org: str | None = GOV) -> DossierInput:
    return DossierInput(recipient="R", prepared_on=date(2026, 3, 1), cases=items,
                        government="Examplestan" if org else None, recipient_org_id=org)


def only(profile: Profile, entry: DossierCase, org: str | None = GOV) -> DossierCase | None:
    shown = apply_profile(dossier(entry, org=org), profile).cases
    return shown[0] if shown else None


def test_internal_is_everything():
    d = dossier(item(), item(Consent.DO_NOT_RAISE), org=OTHER)
    shown = apply_profile(d, Profile.INTERNAL)
    assert [(c.case, c.asks, c.photo, c.ask) for c in shown.cases] == \
        [(c.case, c.asks, c.photo, c.ask) for c in d.cases]


@pytest.mark.parametrize("profile", SHARED)
def test_internal_fields_go(profile):
    case = only(profile, item()).case
    assert case.internal_notes is None
    assert case.tags == () and case.priority is None and case.sensitivity is None
    assert case.summary == "public summary"


@pytest.mark.parametrize("profile", SHARED)
def test_confidential_sources_go_with_what_only_they_tell(profile):
    case = only(profile, item()).case
    assert [s.id for s in case.sources] == ["s-open"]
    assert all(s.notes is None for s in case.sources)
    assert [e.id for e in case.events] == ["e1", "e3"]
    assert case.events[0].source_ids == ("s-open",)


@pytest.mark.parametrize("profile", SHARED)
def test_ask_notes_go(profile):
    assert all(a.notes is None for a in only(profile, item()).asks)


@pytest.mark.parametrize("profile", SHARED)
def test_confidential_photo_goes_without_a_trace(profile):
    shown = only(profile, item(photo=Photo(b"x", confidential=True),
                               photo_problem=PhotoProblem.MISSING))
    assert shown.photo is None and shown.photo_problem is None
    assert only(profile, item()).photo == Photo(b"jpeg")


@pytest.mark.parametrize("profile", SHARED)
def test_do_not_raise_never_shown(profile):
    assert only(profile, item(Consent.DO_NOT_RAISE)) is None


def test_private_only_is_diplomatic_not_public():
    assert only(Profile.DIPLOMATIC, item(Consent.PRIVATE_ONLY)).case.consent == \
        Consent.PRIVATE_ONLY  # the renderer's "raise privately" note reads this
    assert only(Profile.PUBLIC, item(Consent.PRIVATE_ONLY)) is None


@pytest.mark.parametrize("consent", [Consent.UNKNOWN, None])
def test_public_needs_public_consent(consent):
    assert only(Profile.PUBLIC, item(consent)) is None
    assert only(Profile.DIPLOMATIC, item(consent)) is not None


def test_public_keeps_public_asks_and_recounts_last_raised():
    shown = only(Profile.PUBLIC, item())
    assert [a.public for a in shown.asks] == [True, True]
    assert shown.last_raised_by_government == FuzzyDate(2022)  # not the private 2024 ask
    diplomatic = only(Profile.DIPLOMATIC, item())
    assert len(diplomatic.asks) == 3
    assert diplomatic.last_raised_by_government == FuzzyDate(2024)


def test_order_is_kept_and_meeting_fields_stay():
    a, b = item(), replace(item(), ask="second")
    shown = apply_profile(dossier(a, item(Consent.DO_NOT_RAISE), b), Profile.DIPLOMATIC)
    assert [c.ask for c in shown.cases] == ["release", "second"]
    assert shown.cases[0].talking_points == "points"


def test_every_case_field_is_decided():
    """A new Case field must be added to this list on purpose, after deciding its profile."""
    reviewed = {"id", "display_name", "name_original", "other_names", "gender", "birth_year",
                "ethnicity", "nationalities", "category", "occupation", "status",
                "status_since", "location", "facility", "charges", "sentence", "sentence_ends",
                "lawyer_access", "family_access", "consular_access", "health_concerns",
                "confession", "consent", "sensitivity", "priority", "tags", "summary",
                "internal_notes", "events", "sources"}
    assert {f.name for f in fields(Case)} == reviewed
    assert {f.name for f in fields(Source)} == {"id", "title", "url", "kind", "reliability",
                                                 "confidential", "notes"}
    assert {f.name for f in fields(AskRecord)} >= {"notes"}


def test_case_allowed_table():
    expected = {
        Profile.INTERNAL: {c: True for c in Consent},
        Profile.DIPLOMATIC: {Consent.PUBLIC: True, Consent.PRIVATE_ONLY: True,
                             Consent.DO_NOT_RAISE: False, Consent.UNKNOWN: True},
        Profile.PUBLIC: {Consent.PUBLIC: True, Consent.PRIVATE_ONLY: False,
                         Consent.DO_NOT_RAISE: False, Consent.UNKNOWN: False},
    }
    for profile, table in expected.items():
        for consent, allowed in table.items():
            case = Case(id="c", display_name="x", consent=consent)
            assert case_allowed(case, profile) is allowed, (profile, consent)


# -- other governments' confidences, and consent never assumed -------------------------------

def test_third_party_private_ask_never_reaches_another_government():
    """For Examplestan: Elsewhere's public asks, never its private ones."""
    theirs = ask(FuzzyDate(2025, 6), public=False, government=OTHER)
    entry = item(asks=(theirs, ask(FuzzyDate(2024), public=False),
                       ask(FuzzyDate(2023), public=True, government=OTHER)))
    shown = only(Profile.DIPLOMATIC, entry)
    assert theirs not in [replace(a, notes="ask note") for a in shown.asks]
    assert [(a.government_id, a.public) for a in shown.asks] == [(GOV, False), (OTHER, True)]
    assert shown.last_raised_by_government == FuzzyDate(2024)  # their date does not show


def test_private_asks_need_a_recipient_organisation():
    shown = only(Profile.DIPLOMATIC, item(), org=None)
    assert all(a.public for a in shown.asks)
    assert shown.last_raised_by_government == FuzzyDate(2025)  # the newest public ask


def test_public_profile_shows_no_private_ask_even_to_its_maker():
    assert all(a.public for a in only(Profile.PUBLIC, item(), org=GOV).asks)


def test_internal_keeps_every_ask():
    assert len(only(Profile.INTERNAL, item(), org=OTHER).asks) == 3


@pytest.mark.parametrize("consent, mark", [(Consent.PUBLIC, None),
                                           (Consent.PRIVATE_ONLY, "Raise privately"),
                                           (Consent.UNKNOWN, "Consent unknown: raise privately"),
                                           (None, "Consent unknown: raise privately")])
def test_consent_marks(consent, mark):
    assert consent_mark(Case(id="c", display_name="x", consent=consent)) == mark


def test_detained_since_is_the_first_detention_not_the_status_date():
    held = item(case=Case(id="c", display_name="x", consent=Consent.PUBLIC,
                          status=Status.SENTENCED, status_since=FuzzyDate(2019, 3, 2),
                          events=(Event(id="e", date=FuzzyDate(2016, 5, 4),
                                        kind=EventKind.DETAINED, title="Taken"),)))
    shown = only(Profile.DIPLOMATIC, held)
    assert shown.detained_since == FuzzyDate(2016, 5, 4)
    assert shown.days_detained == (date(2026, 3, 1) - date(2016, 5, 4)).days


def test_an_ask_that_does_not_count_is_never_last_raised():
    """Our organisation's or an NGO's ask stays in the history but never counts as a
    government raising the case (docs/counting.md)."""
    ours = replace(ask(FuzzyDate(2026, 1), public=True, government=GOV), counts=False)
    entry = item(asks=(ours, ask(FuzzyDate(2023), public=True, government=GOV)))
    for org in (None, GOV):
        shown = only(Profile.DIPLOMATIC, entry, org=org)
        assert [a.counts for a in shown.asks] == [False, True]  # still in the history
        assert shown.last_raised_by_government == FuzzyDate(2023)
