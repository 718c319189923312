# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The scorecard (issue 17): every figure against a brute-force recount in plain Python over
the domain objects read back from the vault, on random organisations, officials, cases,
asks and encounters, with deletions; then a worked example and the refusals."""

from __future__ import annotations

import itertools
import uuid
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.dates import FuzzyDate
from app.domain.enums import (
    HIGH_LEVELS,
    SENIOR_LEVELS,
    Consent,
    EncounterKind,
    Level,
    OrganisationKind,
    Response,
    Status,
)
from app.domain.model import Ask, Case, Encounter, Official, Organisation
from app.errors import UserError
from app.services import asks, cases, directory, encounters, scorecard
from app.services.scorecard import Scope
from app.vault.derived import COUNTING_KINDS
from tests.services.conftest import FixedClock
from tests.strategies import fuzzy_dates

_serial = itertools.count()


def _id() -> str:
    return str(uuid.uuid4())


DATES = fuzzy_dates(2023, 2026)
DAYS = st.dates(date(2023, 1, 1), date(2026, 12, 31))
LEVELS = st.none() | st.sampled_from(Level)
# Encounters: often exact days in one year, so that the 30-day window is put to the test.
ENCOUNTER_DATES = DATES | st.dates(date(2025, 1, 1), date(2025, 12, 31)).map(FuzzyDate.from_date)


@st.composite
def worlds(draw):
    orgs = [Organisation(id=_id(), name=f"Org {i}", kind=draw(
        st.none() | st.sampled_from([OrganisationKind.GOVERNMENT, OrganisationKind.PARLIAMENT,
                                     OrganisationKind.NGO, OrganisationKind.OTHER])))
            for i in range(draw(st.integers(1, 4)))]
    org_ids = [o.id for o in orgs]
    officials = [Official(id=_id(), name=f"Official {i}",
                          organisation_id=draw(st.none() | st.sampled_from(org_ids)),
                          level=draw(LEVELS)) for i in range(draw(st.integers(0, 4)))]
    people = [Case(id=_id(), display_name=f"Case {i}",
                   consent=draw(st.none() | st.sampled_from(Consent)),
                   status=draw(st.none() | st.sampled_from(
                       [Status.RELEASED, Status.DECEASED, Status.SENTENCED, Status.RSDL])))
              for i in range(draw(st.integers(1, 6)))]
    met = []
    for i in range(draw(st.integers(0, 8))):
        starts = draw(ENCOUNTER_DATES)
        ends = draw(st.none() | ENCOUNTER_DATES.filter(
            lambda d, s=starts: d.latest() >= s.earliest()))
        met.append(Encounter(id=_id(), kind=draw(st.sampled_from(EncounterKind)),
                             title=f"Encounter {i}", starts_on=starts, ends_on=ends,
                             organisation_ids=tuple(draw(st.lists(
                                 st.sampled_from(org_ids), unique=True, max_size=2))),
                             level=draw(LEVELS)))
    made = []
    for _ in range(draw(st.integers(0, 12))):
        by_official = bool(officials) and draw(st.booleans())
        official = draw(st.sampled_from(officials)) if by_official else None
        org_id = draw(st.none() | st.sampled_from(org_ids)) if by_official else \
            draw(st.sampled_from(org_ids))
        government = org_id or (official.organisation_id if official else None)
        theirs = [e.id for e in met if government in e.organisation_ids]  # as save_ask wants
        made.append(Ask(
            id=_id(), date=draw(DATES),
            raised_by_official_id=official.id if official else None,
            raised_by_organisation_id=org_id,
            public=draw(st.booleans()), level=draw(LEVELS),
            encounter_id=draw(st.none() | st.sampled_from(theirs)) if theirs else None,
            response=draw(st.none() | st.sampled_from(Response)),
            follow_up_due=draw(st.none() | DATES),
            case_ids=tuple(draw(st.lists(st.sampled_from([c.id for c in people]),
                                         min_size=1, max_size=3, unique=True)))))
    ours = draw(st.none() | st.sampled_from(org_ids))
    gone = lambda items: draw(st.lists(st.sampled_from(items), unique=True,  # noqa: E731
                                       max_size=2)) if items else []
    deleted = {"case": gone([c.id for c in people]), "ask": gone([a.id for a in made]),
               "official": gone([o.id for o in officials]),
               "organisation": gone(org_ids[1:]), "encounter": gone([e.id for e in met])}
    start, end = sorted((draw(DAYS), draw(DAYS)))
    scope = Scope(public_asks_only=draw(st.booleans()), consents=draw(
        st.none() | st.frozensets(st.sampled_from(Consent), min_size=1)))
    return orgs, officials, people, met, made, ours, deleted, (start, end, draw(DAYS)), scope


def _build(session, orgs, officials, people, met, made, ours, deleted) -> None:
    for org in orgs:
        directory.save_organisation(session, org)
    for official in officials:
        directory.save_official(session, official)
    for case in people:
        cases.save_case(session, case)
    for encounter in met:
        encounters.save_encounter(session, encounter)
    for ask in made:
        asks.save_ask(session, ask)
    directory.set_our_organisation(session, ours)
    for case_id in deleted["case"]:
        cases.delete_case(session, case_id)
    for ask_id in deleted["ask"]:
        if _live_ask(session, ask_id):
            asks.delete_ask(session, ask_id)
    for official_id in deleted["official"]:
        directory.delete_official(session, official_id)
    for org_id in deleted["organisation"]:
        if org_id != ours:
            directory.delete_organisation(session, org_id)
    for encounter_id in deleted["encounter"]:
        encounters.delete_encounter(session, encounter_id)


def _live_ask(session, ask_id: str) -> bool:
    try:
        asks.get_ask(session, ask_id)
    except UserError:  # it named only deleted cases and went with them
        return False
    return True


# -- the brute force: the rules of docs/counting.md, read as plainly as possible ----------------

def expected(orgs, officials, people, met, made, ours, govs, start, end, today, scope):
    orgs = {o.id: o for o in orgs}
    officials = {o.id: o for o in officials}
    people = {c.id: c for c in people}

    def counts_for(ask: Ask) -> str | None:
        org = ask.raised_by_organisation_id
        if org is None and ask.raised_by_official_id in officials:
            org = officials[ask.raised_by_official_id].organisation_id
        found = orgs.get(org)
        if found is None or org == ours or (found.kind is not None and
                                             found.kind.value not in COUNTING_KINDS):
            return None
        return org

    def level(ask: Ask) -> Level | None:
        official = officials.get(ask.raised_by_official_id)
        return ask.level or (official.level if official else None)

    def shown(case_id: str) -> bool:
        consent = people[case_id].consent or Consent.UNKNOWN
        return scope.consents is None or consent in scope.consents

    def named(ask: Ask) -> list[str]:
        return [c for c in ask.case_ids if c in people and shown(c)]

    def in_scope(ask: Ask, gov: str) -> bool:
        return counts_for(ask) == gov and bool(named(ask)) and \
            (ask.public or not scope.public_asks_only)

    def overdue(ask: Ask) -> bool:
        if ask.follow_up_due is None or not ask.follow_up_due.latest() < today:
            return False
        mine = counts_for(ask)
        return not any(later.date.earliest() > ask.date.earliest() and counts_for(later) == mine
                       and set(later.case_ids) & set(ask.case_ids) & set(people)
                       for later in made)

    def first_last(e: Encounter) -> tuple[date, date]:
        return e.starts_on.earliest(), (e.ends_on or e.starts_on).latest()

    out = []
    for gov in govs:
        period = [a for a in made if in_scope(a, gov) and start <= a.date.earliest() <= end]
        raised: dict[Level | None, set[str]] = {}
        loud: dict[Level | None, set[str]] = {}
        for ask in period:
            for case_id in named(ask):
                raised.setdefault(level(ask), set()).add(case_id)
                if ask.public:
                    loud.setdefault(level(ask), set()).add(case_id)
        every = set().union(*raised.values())
        public = set().union(*loud.values())
        high = set().union(*(v for k, v in raised.items() if k in HIGH_LEVELS))
        high_loud = set().union(*(v for k, v in loud.items() if k in HIGH_LEVELS))
        theirs = [e for e in met if gov in e.organisation_ids]
        now = [e for e in theirs if start <= e.starts_on.earliest() <= end]
        top = [e for e in now if e.kind != EncounterKind.CIVIL_SOCIETY_MEETING
               and e.level in HIGH_LEVELS]
        at = {e.id: [a for a in made if a.encounter_id == e.id and in_scope(a, gov)]
              for e in top}
        senior = [e for e in now if e.kind not in (EncounterKind.CIVIL_SOCIETY_MEETING,
                                                   EncounterKind.AMBASSADOR_SUMMONED)
                  and e.level in SENIOR_LEVELS]
        civil = [first_last(e) for e in theirs
                 if e.kind == EncounterKind.CIVIL_SOCIETY_MEETING]
        month = timedelta(days=30)
        matched = {e.id for e in senior for first, last in civil
                   if first <= first_last(e)[1] + month and last >= first_last(e)[0] - month}
        to_raise = {c.id for c in people.values() if shown(c.id)
                    and c.status not in (Status.RELEASED, Status.DECEASED)
                    and c.consent != Consent.DO_NOT_RAISE}
        out.append({
            "asks": {a.id for a in period},
            "cases_raised": every, "cases_public": public, "cases_private_only": every - public,
            "by_level": {lv: (raised.get(lv, set()), loud.get(lv, set()))
                         for lv in (*Level, None)},
            "high_level": (high, high_loud),
            "not_raised_high_level": to_raise - high,
            "high_level_encounters": ({i for i, found in at.items() if found},
                                      {e.id for e in top}),
            "high_level_encounters_public": (
                {i for i, found in at.items() if any(a.public for a in found)},
                {e.id for e in top}),
            "summonses": {e.id for e in now if e.kind == EncounterKind.AMBASSADOR_SUMMONED},
            "senior_matched": (matched, {e.id for e in senior}),
            "senior_unmatched": {e.id for e in senior} - matched,
            "responses": {r: {a.id for a in period if (a.response or Response.NONE) == r}
                          for r in Response},
            "overdue_follow_ups": {a.id for a in period if overdue(a)},
        })
    return out


def got(card: scorecard.Scorecard) -> dict:
    s = set
    return {
        "asks": s(card.asks.ids), "cases_raised": s(card.cases_raised.ids),
        "cases_public": s(card.cases_public.ids),
        "cases_private_only": s(card.cases_private_only.ids),
        "by_level": {row.level: (s(row.raised.ids), s(row.public.ids)) for row in card.by_level},
        "high_level": (s(card.high_level.raised.ids), s(card.high_level.public.ids)),
        "not_raised_high_level": s(card.not_raised_high_level.ids),
        "high_level_encounters": (s(card.high_level_encounters.hits.ids),
                                  s(card.high_level_encounters.of.ids)),
        "high_level_encounters_public": (s(card.high_level_encounters_public.hits.ids),
                                         s(card.high_level_encounters_public.of.ids)),
        "summonses": s(card.summonses.ids),
        "senior_matched": (s(card.senior_matched.hits.ids), s(card.senior_matched.of.ids)),
        "senior_unmatched": s(card.senior_unmatched.ids),
        "responses": {r: s(f.ids) for r, f in card.responses},
        "overdue_follow_ups": s(card.overdue_follow_ups.ids),
    }


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(world=worlds())
def test_every_figure_matches_a_brute_force_recount(_empty_vault_template, tmp_path, world):
    orgs, officials, people, met, made, ours, deleted, (start, end, today), scope = world
    vault = _empty_vault_template.open_copy(tmp_path / f"v{next(_serial)}", FixedClock())
    try:
        with vault.session() as session:
            _build(session, orgs, officials, people, met, made, ours, deleted)
        with vault.session() as session:  # the domain objects as the vault now holds them
            live_orgs = directory.organisations(session)
            live_officials = directory.officials(session)
            live_cases = cases.all_cases(session)
            live_encounters = encounters.list_encounters(session)
            live_asks = [asks.get_ask(session, a.id) for a in made if _live_ask(session, a.id)]
            govs = directory.governments(session)
            cards = scorecard.scorecards(session, [g.id for g in govs], start, end, today,
                                         scope)
        want = expected(live_orgs, live_officials, live_cases, live_encounters, live_asks,
                        directory_ours(vault), [g.id for g in govs], start, end, today, scope)
        for card, expect in zip(cards, want, strict=True):
            assert got(card) == expect
            assert card.senior_matched.hits.count + card.senior_unmatched.count == \
                card.senior_matched.of.count
    finally:
        vault.close()


def directory_ours(vault) -> str | None:
    with vault.session() as session:
        return directory.our_organisation(session)


# -- a worked example ---------------------------------------------------------------------------

D = FuzzyDate.parse
DE, NGO, CN = _id(), _id(), _id()
CHANCELLOR, ENVOY = _id(), _id()
WANG, LI, HIDDEN, FREED = _id(), _id(), _id(), _id()
SUMMIT, DIALOGUE, SUMMONS, CIVIL, VISIT = _id(), _id(), _id(), _id(), _id()


@pytest.fixture
def germany(store):
    store(Organisation(id=DE, name="Germany", kind=OrganisationKind.GOVERNMENT),
          Organisation(id=NGO, name="Rights NGO", kind=OrganisationKind.NGO),
          Organisation(id=CN, name="MFA", kind=OrganisationKind.DETAINING_AUTHORITY),
          Official(id=CHANCELLOR, name="Chancellor", organisation_id=DE,
                   level=Level.HEAD_OF_STATE_OR_GOVERNMENT),
          Official(id=ENVOY, name="Envoy", organisation_id=DE, level=Level.AMBASSADOR),
          Case(id=WANG, display_name="Wang Quanzhang", name_original="王全璋",
               consent=Consent.PUBLIC, status=Status.SENTENCED),
          Case(id=LI, display_name="Li Yuhan", consent=Consent.PRIVATE_ONLY,
               status=Status.RSDL),
          Case(id=HIDDEN, display_name="Hidden Person", consent=Consent.DO_NOT_RAISE),
          Case(id=FREED, display_name="Freed Person", status=Status.RELEASED))


def _encounter(eid, kind, starts, level, ends=None):
    return Encounter(id=eid, kind=kind, title="E", starts_on=D(starts),
                     ends_on=D(ends) if ends else None, organisation_ids=(DE,), level=level)


def _ask(when, cases_, *, by=CHANCELLOR, public=False, **kw):
    return Ask(id=_id(), date=D(when), raised_by_official_id=by, public=public,
               case_ids=tuple(cases_), **kw)


def test_a_worked_example(vault, germany):
    with vault.session() as session:
        for e in (_encounter(SUMMIT, EncounterKind.SUMMIT, "2025-03-10",
                             Level.HEAD_OF_STATE_OR_GOVERNMENT, "2025-03-11"),
                  _encounter(DIALOGUE, EncounterKind.HUMAN_RIGHTS_DIALOGUE, "2025-06-01",
                             Level.MINISTER),
                  _encounter(SUMMONS, EncounterKind.AMBASSADOR_SUMMONED, "2025-07-01",
                             Level.MINISTER),
                  _encounter(CIVIL, EncounterKind.CIVIL_SOCIETY_MEETING, "2025-04-10", None),
                  _encounter(VISIT, EncounterKind.STATE_VISIT, "2024-12-30",
                             Level.HEAD_OF_STATE_OR_GOVERNMENT)):
            encounters.save_encounter(session, e)
        at_summit = _ask("2025-03-10", [WANG, HIDDEN], public=True, encounter_id=SUMMIT,
                         response=Response.INTERNAL_AFFAIR)
        by_envoy = _ask("2025-09", [LI], by=ENVOY, follow_up_due=D("2025-10-01"))
        leveled = _ask("2025-08-02", [LI], by=ENVOY, level=Level.MINISTER,
                       encounter_id=DIALOGUE)
        ours = Ask(id=_id(), date=D("2025-02-02"), raised_by_organisation_id=NGO,
                   public=True, case_ids=(FREED,))
        before = _ask("2024-12-31", [WANG], encounter_id=VISIT)
        for a in (at_summit, by_envoy, leveled, ours, before):
            asks.save_ask(session, a)
    with vault.session() as session:
        card = scorecard.scorecard(session, DE, date(2025, 1, 1), date(2025, 12, 31),
                                   date(2026, 1, 1))
    assert set(card.cases_raised.ids) == {WANG, HIDDEN, LI}
    assert set(card.cases_public.ids) == {WANG, HIDDEN}
    assert card.cases_private_only.ids == (LI,)
    levels = {row.level: row for row in card.by_level}
    assert levels[Level.AMBASSADOR].private_only.ids == (LI,)
    assert set(card.high_level.raised.ids) == {WANG, HIDDEN, LI}
    assert card.not_raised_high_level.ids == ()  # Freed is released, Hidden do-not-raise
    # The summit (public ask), the dialogue (private ask made at it), the summons (none).
    assert card.high_level_encounters.of.count == 3
    assert set(card.high_level_encounters.hits.ids) == {SUMMIT, DIALOGUE}
    assert card.high_level_encounters_public.hits.ids == (SUMMIT,)
    assert card.summonses.ids == (SUMMONS,)
    # The dialogue starts 52 days after the civil-society meeting; the summit ends 30 days
    # before it; the summons is not an engagement to match.
    assert card.senior_matched.hits.ids == (SUMMIT,)
    assert card.senior_unmatched.ids == (DIALOGUE,)
    assert dict(card.responses)[Response.INTERNAL_AFFAIR].count == 1
    assert dict(card.responses)[Response.NONE].count == 2
    assert card.overdue_follow_ups.ids == (by_envoy.id,)
    # A diplomatic document: no do-not-raise case; a public one: only public asks and cases.
    with vault.session() as session:
        diplomatic = scorecard.scorecard(
            session, DE, date(2025, 1, 1), date(2025, 12, 31), date(2026, 1, 1),
            Scope(consents=frozenset(Consent) - {Consent.DO_NOT_RAISE}))
        public = scorecard.scorecard(
            session, DE, date(2025, 1, 1), date(2025, 12, 31), date(2026, 1, 1),
            Scope(public_asks_only=True, consents=frozenset({Consent.PUBLIC})))
    assert set(diplomatic.cases_raised.ids) == {WANG, LI}
    assert public.cases_raised.ids == (WANG,) and public.asks.count == 1
    assert public.high_level_encounters.hits.ids == (SUMMIT,)


@pytest.mark.parametrize("which, sentence", [
    ("missing", "No organisation with that ID."),
    ("ngo", "not a government"),
    ("backwards", "The period ends before it starts."),
])
def test_refusals_are_one_sentence(vault, germany, which, sentence):
    start, end = date(2025, 1, 1), date(2025, 12, 31)
    gov = {"missing": _id(), "ngo": NGO, "backwards": DE}[which]
    if which == "backwards":
        start, end = end, start
    with pytest.raises(UserError, match=sentence), vault.session() as session:
        scorecard.scorecards(session, [gov], start, end, date(2026, 1, 1))


@pytest.mark.parametrize("civil_on, civil_ends, matched", [
    ("2025-07-01", None, True),  # 30 days after the last day
    ("2025-07-02", None, False),  # 31 days
    ("2025-04-01", "2025-04-30", True),  # ends 30 days before the first day
    ("2025-04-01", "2025-04-29", False),
    ("2025-06", None, True),  # a month: some day of it is close enough
])
def test_a_civil_society_meeting_within_30_days_matches(vault, germany, civil_on, civil_ends,
                                                        matched):
    with vault.session() as session:
        encounters.save_encounter(session, _encounter(
            DIALOGUE, EncounterKind.HUMAN_RIGHTS_DIALOGUE, "2025-05-30", Level.AMBASSADOR,
            "2025-06-01"))
        encounters.save_encounter(session, _encounter(
            CIVIL, EncounterKind.CIVIL_SOCIETY_MEETING, civil_on, None, civil_ends))
        card = scorecard.scorecard(session, DE, date(2025, 1, 1), date(2025, 12, 31),
                                   date(2026, 1, 1))
    assert card.senior_matched.of.ids == (DIALOGUE,)
    assert card.senior_matched.hits.ids == ((DIALOGUE,) if matched else ())
    assert card.senior_unmatched.ids == (() if matched else (DIALOGUE,))
