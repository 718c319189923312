# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The profile filter, field by field, on plain data (no vault, no PDF)."""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date

import pytest

from app.domain.dates import FuzzyDate
from app.domain.enums import Consent, Sensitivity
from app.domain.model import Case, Event, Source
from app.dossier.model import AskRecord, DossierCase, DossierInput, Photo, PhotoProblem, Profile
from app.dossier.profiles import apply_profile, case_allowed

SHARED = (Profile.DIPLOMATIC, Profile.PUBLIC)


def ask(day: FuzzyDate, *, public: bool, government: str = "Examplestan") -> AskRecord:
    return AskRecord(date=day, raised_by="Minister", raised_with="Vice-minister",
                     government=government, channel=None, public=public, notes="ask note")


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
                          ask(FuzzyDate(2025), public=True, government="Elsewhere")),
                    last_raised_by_government=FuzzyDate(2024), days_detained=10)
    defaults.update(kw)
    return DossierCase(**defaults)


def dossier(*items: DossierCase) -> DossierInput:
    return DossierInput(recipient="R", prepared_on=date(2026, 3, 1), cases=items,
                        government="Examplestan")


def only(profile: Profile, entry: DossierCase) -> DossierCase | None:
    shown = apply_profile(dossier(entry), profile).cases
    return shown[0] if shown else None


def test_internal_is_everything():
    d = dossier(item(), item(Consent.DO_NOT_RAISE))
    assert apply_profile(d, Profile.INTERNAL) == d


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
