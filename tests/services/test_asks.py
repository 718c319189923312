# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Asks: many cases per ask, references that must exist, the government an ask counts for."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import func, select

from app.domain.dates import FuzzyDate
from app.domain.enums import Channel, OrganisationKind, Request, Response
from app.domain.model import Ask, Case, Official, Organisation
from app.errors import UserError
from app.services import directory
from app.services.asks import delete_ask, get_ask, list_asks
from app.services.cases import delete_case, new_id
from app.vault.schema import AuditEntry
from app.vault.tables import AskCase, AskRow

D = FuzzyDate.parse

GERMANY = Organisation(id=new_id(), name="Germany", country="DE",
                       kind=OrganisationKind.GOVERNMENT)
SWEDEN = Organisation(id=new_id(), name="Sweden", country="SE", kind=OrganisationKind.GOVERNMENT)
MFA = Organisation(id=new_id(), name="Ministry of Foreign Affairs", country="CN",
                   kind=OrganisationKind.DETAINING_AUTHORITY)
AMBASSADOR = Official(id=new_id(), name="Karl Weiss", title="Ambassador",
                      organisation_id=GERMANY.id, country="DE")
SPOKESMAN = Official(id=new_id(), name="Spokesperson Zhao", organisation_id=MFA.id)
FREELANCE = Official(id=new_id(), name="Former envoy")  # no organisation
PEOPLE = tuple(Case(id=new_id(), display_name=f"Lawyer {i}") for i in range(12))


@pytest.fixture
def directory_and_cases(store):
    store(GERMANY, SWEDEN, MFA, AMBASSADOR, SPOKESMAN, FREELANCE, *PEOPLE)


def joint_statement() -> Ask:
    return Ask(
        id=new_id(), date=D("2025-07-09"), raised_by_organisation_id=GERMANY.id,
        raised_with_official_id=SPOKESMAN.id, raised_with_organisation_id=MFA.id,
        channel=Channel.JOINT_STATEMENT, public=True, requests=tuple(Request),
        response=Response.INTERNAL_AFFAIR, response_date=D("2025-07~"),
        response_text="“China is a country ruled by law.”", follow_up_due=D("2025-10"),
        case_ids=tuple(c.id for c in PEOPLE), notes="Twelve lawyers, tenth anniversary.")


def ask_case_rows(vault, ask_id: str) -> list[str]:
    with vault.session() as session:
        return sorted(session.scalars(select(AskCase.case_id).where(AskCase.ask_id == ask_id)))


def count(vault, table) -> int:
    with vault.session() as session:
        return session.scalar(select(func.count()).select_from(table))


def test_an_ask_naming_many_cases_round_trips(vault, store, directory_and_cases):
    ask = joint_statement()
    store(ask)

    with vault.session() as session:
        assert get_ask(session, ask.id) == ask
    assert ask_case_rows(vault, ask.id) == sorted(c.id for c in PEOPLE)
    with vault.session() as session:
        for person in PEOPLE:
            assert [v.ask.id for v in list_asks(session, case_id=person.id)] == [ask.id]


def test_every_response_and_channel_round_trips(vault, store, directory_and_cases):
    made = [Ask(id=new_id(), date=D("2024"), raised_by_official_id=AMBASSADOR.id,
                channel=channel, response=response, public=False, case_ids=(PEOPLE[0].id,))
            for channel, response in zip(Channel, list(Response) * 2, strict=False)]
    store(*made)
    with vault.session() as session:
        assert [get_ask(session, a.id) for a in made] == made


def test_an_update_rebuilds_the_case_links(vault, store, directory_and_cases):
    ask = joint_statement()
    store(ask)

    store(replace(ask, case_ids=(PEOPLE[0].id, PEOPLE[0].id, PEOPLE[11].id), date=D("2025")))

    assert ask_case_rows(vault, ask.id) == sorted([PEOPLE[0].id, PEOPLE[11].id])
    with vault.session() as session:
        assert list_asks(session, case_id=PEOPLE[5].id) == []
        dates = set(session.scalars(select(AskCase.date_sort).where(AskCase.ask_id == ask.id)))
    assert dates == {"2025-01-01"}


def _missing(kind: str) -> dict:
    return {"case": {"case_ids": (PEOPLE[0].id, new_id())},
            "raised_by_official": {"raised_by_official_id": new_id()},
            "raised_with_official": {"raised_with_official_id": new_id()},
            "raised_by_organisation": {"raised_by_organisation_id": new_id()},
            "raised_with_organisation": {"raised_with_organisation_id": new_id()}}[kind]


@pytest.mark.parametrize("kind", ["case", "raised_by_official", "raised_with_official",
                                  "raised_by_organisation", "raised_with_organisation"])
def test_unknown_references_are_refused(vault, store, directory_and_cases, kind):
    before = (count(vault, AskRow), count(vault, AuditEntry))

    with pytest.raises(UserError, match="No (case|official|organisation) with that ID"):
        store(replace(joint_statement(), **_missing(kind)))

    assert (count(vault, AskRow), count(vault, AuditEntry)) == before
    assert count(vault, AskCase) == 0


@pytest.mark.parametrize("kind", ["case", "official", "organisation"])
def test_references_to_deleted_records_are_refused(vault, store, directory_and_cases, kind):
    with vault.session() as session:
        if kind == "case":
            delete_case(session, PEOPLE[3].id)
            fields = {"case_ids": (PEOPLE[2].id, PEOPLE[3].id)}
        elif kind == "official":
            directory.delete_official(session, AMBASSADOR.id)
            fields = {"raised_by_official_id": AMBASSADOR.id}
        else:
            directory.delete_organisation(session, SWEDEN.id)
            fields = {"raised_by_organisation_id": SWEDEN.id}

    with pytest.raises(UserError, match=f"No {kind} with that ID"):
        store(replace(joint_statement(), **fields))
    assert count(vault, AskRow) == 0


@pytest.mark.parametrize(("fields", "message"), [
    ({"case_ids": ()}, "at least one case"),
    ({"raised_by_organisation_id": None}, "who raised it"),
])
def test_an_ask_needs_a_case_and_someone_who_raised_it(vault, store, directory_and_cases,
                                                       fields, message):
    with pytest.raises(UserError, match=message):
        store(replace(joint_statement(), **fields))
    assert count(vault, AskRow) == 0


def test_an_ask_by_an_official_counts_for_the_officials_organisation(
        vault, store, directory_and_cases):
    by_ambassador = Ask(id=new_id(), date=D("2025-03-01"), raised_by_official_id=AMBASSADOR.id,
                        public=False, case_ids=(PEOPLE[0].id,))
    by_germany = Ask(id=new_id(), date=D("2025-01-01"), raised_by_organisation_id=GERMANY.id,
                     public=True, case_ids=(PEOPLE[1].id,))
    by_sweden = Ask(id=new_id(), date=D("2025-02-01"), raised_by_organisation_id=SWEDEN.id,
                    public=True, case_ids=(PEOPLE[0].id,))
    # Both given: the organisation named is the one it counts for.
    both = Ask(id=new_id(), date=D("2025-04-01"), raised_by_official_id=AMBASSADOR.id,
               raised_by_organisation_id=SWEDEN.id, public=False, case_ids=(PEOPLE[2].id,))
    loner = Ask(id=new_id(), date=D("2025-05-01"), raised_by_official_id=FREELANCE.id,
                public=False, case_ids=(PEOPLE[2].id,))
    store(by_ambassador, by_germany, by_sweden, both, loner)

    with vault.session() as session:
        german = list_asks(session, government_id=GERMANY.id)
        swedish = list_asks(session, government_id=SWEDEN.id)
        views = {v.ask.id: v for v in list_asks(session)}

    assert [v.ask.id for v in german] == [by_ambassador.id, by_germany.id]  # newest first
    assert [v.ask.id for v in swedish] == [both.id, by_sweden.id]
    assert (views[by_ambassador.id].government_id, views[by_ambassador.id].government) == (
        GERMANY.id, "Germany")
    assert views[by_ambassador.id].raised_by == "Karl Weiss"
    assert views[both.id].raised_by == "Karl Weiss / Sweden"
    assert (views[loner.id].government_id, views[loner.id].government) == (None, None)


def test_list_asks_by_case_and_by_official(vault, store, directory_and_cases):
    spoken_to = replace(joint_statement(), raised_with_official_id=SPOKESMAN.id,
                        case_ids=(PEOPLE[4].id,))
    by_him = Ask(id=new_id(), date=D("2023-06"), raised_by_official_id=AMBASSADOR.id,
                 public=False, case_ids=(PEOPLE[4].id, PEOPLE[5].id))
    store(spoken_to, by_him)

    with vault.session() as session:
        assert [v.ask.id for v in list_asks(session, case_id=PEOPLE[5].id)] == [by_him.id]
        assert [v.ask.id for v in list_asks(session, case_id=PEOPLE[4].id)] == [
            spoken_to.id, by_him.id]
        assert [v.ask.id for v in list_asks(session, official_id=SPOKESMAN.id)] == [
            spoken_to.id]
        assert [v.ask.id for v in list_asks(session, official_id=AMBASSADOR.id)] == [by_him.id]
        view = list_asks(session, official_id=SPOKESMAN.id)[0]
    assert view.raised_with == "Spokesperson Zhao / Ministry of Foreign Affairs"
    assert view.raised_by == "Germany"


def test_delete_ask_tombstones_it_and_clears_its_case_links(vault, store, directory_and_cases):
    ask, other = joint_statement(), replace(joint_statement(), id=new_id())
    store(ask, other)

    with vault.session() as session:
        delete_ask(session, ask.id)

    assert ask_case_rows(vault, ask.id) == []
    assert len(ask_case_rows(vault, other.id)) == len(PEOPLE)
    with vault.session() as session:
        assert session.get(AskRow, ask.id).deleted
        assert [v.ask.id for v in list_asks(session, case_id=PEOPLE[0].id)] == [other.id]
        assert [v.ask.id for v in list_asks(session)] == [other.id]
        with pytest.raises(UserError, match="No ask"):
            get_ask(session, ask.id)
        with pytest.raises(UserError, match="No ask"):
            delete_ask(session, ask.id)
        with pytest.raises(UserError, match="No ask"):
            delete_ask(session, new_id())


def test_when_an_official_moves_their_asks_count_for_the_new_government(
        vault, store, directory_and_cases, fixed_clock):
    from app.services import dashboard

    ask = replace(joint_statement(), raised_by_organisation_id=None,
                  raised_by_official_id=AMBASSADOR.id)
    store(ask)
    today = fixed_clock().date()
    with vault.session() as session:
        assert {g for (_, g) in dashboard.matrix(session, today).cells} == {GERMANY.id}
        directory.save_official(session, replace(AMBASSADOR, organisation_id=SWEDEN.id))
    with vault.session() as session:
        assert {g for (_, g) in dashboard.matrix(session, today).cells} == {SWEDEN.id}
        assert [v.government_id for v in list_asks(session, government_id=SWEDEN.id)] == [
            SWEDEN.id]
