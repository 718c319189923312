# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""An ask's encounter and level through the services (issue 17): an ask made at an encounter
is raised by one of its governments or refused with one sentence and nothing saved; the
encounters an ask of a date may have been made at, nearest first; the asks list's level
(the ask's own, else its official's) and encounter title."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from app.domain.dates import FuzzyDate
from app.domain.enums import EncounterKind, Level, OrganisationKind
from app.domain.model import Ask, Case, Encounter, Official, Organisation
from app.errors import UserError
from app.services import asks, cases, directory, encounters
from app.services.ask_pages import ask_rowids, read_block

D = FuzzyDate.parse


def _id() -> str:
    return str(uuid.uuid4())


GERMANY, SWEDEN, LONER = _id(), _id(), _id()
ENVOY, NOBODY_S, CASE = _id(), _id(), _id()
VISIT, DIALOGUE, SUMMIT, LATER, SWEDISH = _id(), _id(), _id(), _id(), _id()


def _encounter(ident, title, starts, ends=None, governments=(GERMANY,)) -> Encounter:
    return Encounter(id=ident, kind=EncounterKind.STATE_VISIT, title=title,
                     starts_on=D(starts), ends_on=D(ends) if ends else None,
                     organisation_ids=governments, level=Level.MINISTER)


@pytest.fixture
def world(vault):
    with vault.session() as session:
        for ident, name in ((GERMANY, "Germany"), (SWEDEN, "Sweden")):
            directory.save_organisation(session, Organisation(
                id=ident, name=name, kind=OrganisationKind.GOVERNMENT))
        directory.save_official(session, Official(id=ENVOY, name="Anna Berger",
                                                  organisation_id=GERMANY,
                                                  level=Level.AMBASSADOR))
        directory.save_official(session, Official(id=NOBODY_S, name="No Office"))
        cases.save_case(session, Case(id=CASE, display_name="Lin Wenjie"))
        for encounter in (
                _encounter(VISIT, "Chancellor visits Beijing", "2025-04-10", "2025-04-12"),
                _encounter(DIALOGUE, "Human rights dialogue", "2025-05-05"),
                _encounter(SUMMIT, "G20 summit", "2025-03-01", "2025-03-02",
                           (SWEDEN, GERMANY)),
                _encounter(LATER, "Far too late", "2025-06-30"),
                _encounter(SWEDISH, "Swedish visit", "2025-04-11", governments=(SWEDEN,))):
            encounters.save_encounter(session, encounter)
    return vault


def _ask(**changes) -> Ask:
    values = dict(id=_id(), date=D("2025-04-11"), raised_by_official_id=ENVOY, public=False,
                  case_ids=(CASE,), encounter_id=VISIT)
    values.update(changes)
    return Ask(**values)


def _asks_on_disk(vault) -> int:
    with vault.session() as session:
        return session.execute(text("SELECT count(*) FROM asks")).scalar_one()


@pytest.mark.parametrize("changes", [
    {"raised_by_official_id": ENVOY},                                   # its official's
    {"raised_by_official_id": None, "raised_by_organisation_id": GERMANY},
    {"raised_by_official_id": NOBODY_S, "raised_by_organisation_id": GERMANY},
    {"encounter_id": SUMMIT},                                           # one of two
])
def test_an_ask_of_one_of_the_encounters_governments_is_kept(world, changes):
    ask = _ask(**changes)
    with world.session() as session:
        asks.save_ask(session, ask)
    with world.session() as session:
        assert asks.get_ask(session, ask.id) == ask


@pytest.mark.parametrize("changes", [
    {"raised_by_official_id": None, "raised_by_organisation_id": SWEDEN},
    {"encounter_id": SWEDISH},                        # the envoy is Germany's
    {"raised_by_official_id": NOBODY_S},              # an official of no government
    {"raised_by_official_id": ENVOY, "raised_by_organisation_id": SWEDEN},  # the ask's own
])
def test_an_ask_at_another_governments_encounter_is_refused(world, changes):
    with pytest.raises(UserError) as refused, world.session() as session:
        asks.save_ask(session, _ask(**changes))
    assert str(refused.value) == asks.NOT_AT_THAT_ENCOUNTER
    assert "Lin" not in str(refused.value)
    assert _asks_on_disk(world) == 0


def test_editing_an_ask_to_another_government_is_refused_and_changes_nothing(world):
    ask = _ask()
    with world.session() as session:
        asks.save_ask(session, ask)
    with pytest.raises(UserError, match="did not take part"), world.session() as session:
        asks.save_ask(session, _ask(id=ask.id, raised_by_official_id=None,
                                    raised_by_organisation_id=SWEDEN))
    with world.session() as session:
        assert asks.get_ask(session, ask.id) == ask


def test_the_encounters_near_an_ask_are_its_governments_nearest_first(world):
    def near(government, when):
        with world.session() as session:
            return [e.id for e in encounters.encounters_near(session, government, D(when))]

    # the visit holds the day, the dialogue is 24 days later; the summit ended 40 days
    # before, "Far too late" is 80 days after: outside the 30 days.
    assert near(GERMANY, "2025-04-11") == [VISIT, DIALOGUE]
    assert near(GERMANY, "2025-04-01") == [VISIT, SUMMIT]  # 9 days, 30 days
    assert near(GERMANY, "2025-04") == [VISIT, DIALOGUE, SUMMIT]  # 0, 5 and 30 days
    # all may hold a day of 2025: one-day ones first (by start), then the two-day summit,
    # then the three-day visit
    assert near(GERMANY, "2025") == [DIALOGUE, LATER, SUMMIT, VISIT]
    assert near(SWEDEN, "2025-04-11") == [SWEDISH]
    assert near(GERMANY, "2025-06") == [LATER, DIALOGUE]  # a month: any of its days
    assert near(GERMANY, "2024") == []
    assert near(LONER, "2025-04-11") == []
    with world.session() as session:
        encounters.delete_encounter(session, VISIT)
    assert near(GERMANY, "2025-04-11") == [DIALOGUE]


def test_the_asks_list_shows_the_level_and_the_encounter(world):
    own, inherited, none_ = (_ask(level=Level.MINISTER), _ask(date=D("2025-04-10")),
                             _ask(date=D("2025-04-09"), raised_by_official_id=NOBODY_S,
                                  raised_by_organisation_id=GERMANY, encounter_id=None))
    with world.session() as session:
        for ask in (own, inherited, none_):
            asks.save_ask(session, ask)
    with world.session() as session:
        lines = asks.ask_lines(session)
        block = read_block(session, ask_rowids(session))
    assert [(line.level, line.encounter) for line in lines] == [
        ("minister", "Chancellor visits Beijing"), ("ambassador", "Chancellor visits Beijing"),
        (None, None)]
    assert block == lines
    with world.session() as session:  # a deleted encounter is no encounter
        encounters.delete_encounter(session, VISIT)
    with world.session() as session:
        assert [line.encounter for line in asks.ask_lines(session)] == [None, None, None]
        assert [line.encounter for line in read_block(session, ask_rowids(session))] == \
            [None, None, None]
