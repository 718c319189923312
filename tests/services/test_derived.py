# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The data kept beside the asks (each case's last ask date, the open follow-ups) and beside
each case (its detention start, its search entry) always equals what the rule computes from
scratch, whatever sequence of saves, edits, deletions, officials moving, organisations
changing kind, our organisation changing, case edits, imports and erasures produced it."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from alembic import command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from app.domain import rules
from app.domain.dates import FuzzyDate
from app.domain.enums import Channel, EventKind, OrganisationKind, Response, Status
from app.domain.model import Ask, Case, Document, Event, Official, Organisation, OtherName
from app.services import asks, bulk, cases, dashboard, directory, search
from app.services.cases import new_id
from app.vault import case_derived, derived, migrate
from app.vault.search_index import case_text, normalise
from app.vault.tables import AskRow, CaseRow, OfficialRow, OpenFollowUp, OrganisationRow

GERMANY = Organisation(id=new_id(), name="Germany", country="DE",
                       kind=OrganisationKind.GOVERNMENT)
SWEDEN = Organisation(id=new_id(), name="Sweden", country="SE", kind=OrganisationKind.GOVERNMENT)
ENVOY = Official(id=new_id(), name="Envoy", organisation_id=GERMANY.id)
LONER = Official(id=new_id(), name="Former envoy")  # counts for no government
AMNESTY = Organisation(id=new_id(), name="Amnesty", kind=OrganisationKind.NGO)
UNKNOWN = Organisation(id=new_id(), name="Some body")  # kind not recorded: counts
ORGS = (GERMANY, SWEDEN, AMNESTY, UNKNOWN)
COUNTING = {None, "government", "parliament", "intergovernmental"}
CASES = tuple(Case(id=new_id(), display_name=f"王{i}") for i in range(4))
DATES = ("2024", "2024-02", "2024-02-29", "2024-03-01~", "2025-01-15", "2025-06")

raisers = st.sampled_from([("org", GERMANY.id), ("org", SWEDEN.id), ("org", AMNESTY.id),
                           ("org", UNKNOWN.id), ("official", ENVOY.id),
                           ("official", LONER.id)])
an_ask = st.fixed_dictionaries({
    "raiser": raisers,
    "date": st.sampled_from(DATES),
    "follow_up": st.none() | st.sampled_from(DATES),
    "with": st.none() | st.sampled_from([o.id for o in ORGS]),
    "channel": st.sampled_from([None, Channel.UN_HRC, Channel.LETTER]),
    "response": st.sampled_from([None, Response.NONE, Response.DENIED]),
    "cases": st.lists(st.sampled_from(range(len(CASES))), min_size=1, max_size=3, unique=True),
})
# What a case may say of itself, and the terms looked for (one and two characters too).
NAMES = ("王全璋", "Li Heping", "ئىلھام توختى", "Wáng Yu", "江天勇")
TEXTS = (None, "律师 lawyer", "Tianjin 天津", "ئۇيغۇر", "held in RSDL")
TITLES = ("拘留", "detained in Tianjin", "released", "指定居所监视居住", "Ürümqi")
TERMS = ("王", "全璋", "li", "he", "律师", "ئى", "wang", "tianjin", "拘", "ü", "rsdl", "yu",
         "天", "qi", "ئۇيغۇر")
a_case = st.fixed_dictionaries({
    "name": st.sampled_from(NAMES),
    "status": st.sampled_from([None, Status.MISSING, Status.RSDL, Status.SENTENCED,
                               Status.CRIMINAL_DETENTION, Status.RELEASED_ON_BAIL]),
    "since": st.none() | st.sampled_from(DATES),
    "notes": st.sampled_from(TEXTS),
    "other": st.lists(st.sampled_from(NAMES), max_size=2),
    "events": st.lists(st.tuples(
        st.sampled_from([None, EventKind.DETAINED, EventKind.RELEASED, EventKind.RSDL_BEGAN,
                         EventKind.ARRESTED, EventKind.TRIAL]),
        st.sampled_from(DATES), st.sampled_from(TITLES)), max_size=3),
})
operation = st.one_of(
    st.tuples(st.just("case"), st.integers(0, len(CASES) - 1), a_case),
    st.tuples(st.just("import cases"), st.lists(st.tuples(st.integers(0, len(CASES) - 1),
                                                          a_case), min_size=1, max_size=3)),
    st.tuples(st.just("new case"), a_case),
    st.tuples(st.just("import new cases"), st.lists(a_case, min_size=1, max_size=3)),
    st.tuples(st.just("retitle"), st.integers(0, len(CASES) - 1), st.sampled_from(TITLES)),
    st.tuples(st.just("erase case"), st.integers(0, 50)),
    st.tuples(st.just("save"), an_ask),
    st.tuples(st.just("edit"), st.integers(0, 50), an_ask),
    st.tuples(st.just("delete"), st.integers(0, 50)),
    st.tuples(st.just("move"), st.sampled_from([GERMANY.id, SWEDEN.id, AMNESTY.id, None])),
    st.tuples(st.just("kind"), st.sampled_from(ORGS),
              st.sampled_from([None, *OrganisationKind])),
    st.tuples(st.just("ours"), st.sampled_from([None, *ORGS])),
    st.tuples(st.just("import"), st.lists(an_ask, min_size=1, max_size=4)),
)


def make(ask_id: str, spec: dict) -> Ask:
    kind, raiser = spec["raiser"]
    return Ask(id=ask_id, date=FuzzyDate.parse(spec["date"]), public=False,
               raised_by_organisation_id=raiser if kind == "org" else None,
               raised_by_official_id=raiser if kind == "official" else None,
               follow_up_due=FuzzyDate.parse(spec["follow_up"]) if spec["follow_up"] else None,
               raised_with_organisation_id=spec["with"], channel=spec["channel"],
               response=spec["response"],
               case_ids=tuple(CASES[i].id for i in spec["cases"]))


def edited(before: Case, spec: dict) -> Case:
    """``before`` saying what ``spec`` says (its events keep their IDs by position)."""
    events = tuple(Event(id=before.events[k].id if k < len(before.events) else new_id(),
                         kind=kind, date=FuzzyDate.parse(on), title=title)
                   for k, (kind, on, title) in enumerate(spec["events"]))
    return replace(before, display_name=spec["name"], status=spec["status"],
                   status_since=FuzzyDate.parse(spec["since"]) if spec["since"] else None,
                   internal_notes=spec["notes"],
                   other_names=tuple(OtherName(n) for n in spec["other"]), events=events)


def case_data(session) -> tuple[dict, dict]:
    """Each live case's stored detention start, and the cases the search finds per term."""
    starts = dict(session.execute(select(CaseRow.id, CaseRow.detention_start)
                                  .where(CaseRow.deleted.is_(False))).all())
    return starts, {term: search.matching_case_ids(session, term) for term in TERMS}


def case_data_from_scratch(session) -> tuple[dict, dict]:
    """The same by the rules, from the cases as read: ``rules.detention_start``, and a term
    matches a case when LIKE '%term%' on the case's text would."""
    live = [cases.get_case(session, case_id) for case_id in session.scalars(
        select(CaseRow.id).where(CaseRow.deleted.is_(False)))]
    starts = {case.id: str(start) if (start := rules.detention_start(case)) else None
              for case in live}
    body = {case.id: case_text(case) for case in live}
    found = {}
    for term in TERMS:
        like = session.scalars(text("SELECT value FROM json_each(:cases) "
                                    "WHERE json_extract(:bodies, '$.' || json_quote(value)) "
                                    "LIKE '%' || :term || '%'"),
                               {"cases": json.dumps(list(body)), "bodies": json.dumps(body),
                                "term": normalise(term)})
        found[term] = set(like)
    return starts, found


def expected(session) -> tuple[dict[str, str | None], dict[str, tuple]]:
    """Each case's last ask date and the open follow-ups (their last day, government and
    the ask's columns copied beside them), by the rule, from the rows."""
    official_org = dict(session.execute(select(OfficialRow.id,
                                               OfficialRow.organisation_id)).all())
    kinds = dict(session.execute(select(OrganisationRow.id, OrganisationRow.kind)).all())
    ours = directory.our_organisation(session)

    def counts_for(org):  # a government, parliament, intergovernmental body or unknown kind
        return org if org in kinds and kinds[org] in COUNTING and org != ours else None

    live = [(row.id, row.date_sort, counts_for(row.raised_by_organisation_id
                                               or official_org.get(row.raised_by_official_id)),
             set(row.case_ids), row.follow_up_due,
             counts_for(row.raised_with_organisation_id),
             (row.follow_up_due, row.channel, row.response, row.case_ids))
            for row in session.scalars(select(AskRow).where(AskRow.deleted.is_(False)))]
    last = {case.id: max((d for _i, d, g, named, _f, _w, _c in live if case.id in named and g),
                         default=None)
            for case in CASES}
    open_ = {}
    for ask_id, when, gov, named, due, with_, copied in live:
        answered = any(d > when and named & other and (
            g == gov or (gov is None and with_ is not None and g == with_))
            for _i, d, g, other, _f, _w, _c in live)
        if due and not answered:  # the government it counts for, else the one asked
            open_[ask_id] = (FuzzyDate.parse(due).latest().isoformat(), gov or with_, *copied)
    return last, open_


def stored(session) -> tuple[dict[str, str | None], dict[str, tuple]]:
    last = dict(session.execute(select(CaseRow.id, CaseRow.last_raised)
                                .where(CaseRow.id.in_([c.id for c in CASES]))).all())
    return last, {ask_id: tuple(rest) for ask_id, *rest in session.execute(
        select(OpenFollowUp.ask_id, OpenFollowUp.due_until, OpenFollowUp.government_id,
               OpenFollowUp.follow_up_due, OpenFollowUp.channel, OpenFollowUp.response,
               OpenFollowUp.case_ids))}


@pytest.fixture
def people(store):
    store(*ORGS, ENVOY, LONER, *CASES)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(operation, min_size=1, max_size=10))
def test_derived_data_follows_every_change(vault, people, operations):
    made: list[str] = []
    extra: list[str] = []  # cases made (and erased) along the way
    for op in operations:
        with vault.session() as session:
            if op[0] == "case":
                cases.save_case(session, edited(cases.get_case(session, CASES[op[1]].id), op[2]))
            elif op[0] == "import cases":
                bulk.import_document(session, Document(cases=tuple(
                    edited(cases.get_case(session, CASES[i].id), spec) for i, spec in op[1])))
            elif op[0] == "retitle":  # only an event changes: the case row does not
                case = cases.get_case(session, CASES[op[1]].id)
                if case.events:
                    cases.save_case(session, replace(case, events=(
                        replace(case.events[0], title=op[2]), *case.events[1:])))
            elif op[0] == "new case":
                extra.append(new_id())
                cases.save_case(session, edited(Case(id=extra[-1], display_name="?"), op[1]))
            elif op[0] == "import new cases":  # written in a batch (app.vault.batch)
                new_cases = [edited(Case(id=new_id(), display_name="?"), spec)
                             for spec in op[1]]
                extra += [c.id for c in new_cases]
                bulk.import_document(session, Document(cases=tuple(new_cases)))
            elif op[0] == "erase case" and extra:
                cases.delete_case(session, extra.pop(op[1] % len(extra)))
            elif op[0] == "save":
                made.append(new_id())
                asks.save_ask(session, make(made[-1], op[1]))
            elif op[0] == "edit" and made:
                asks.save_ask(session, make(made[op[1] % len(made)], op[2]))
            elif op[0] == "delete" and made:
                ask_id = made.pop(op[1] % len(made))
                asks.delete_ask(session, ask_id)
            elif op[0] == "move":
                directory.save_official(session, Official(id=ENVOY.id, name=ENVOY.name,
                                                          organisation_id=op[1]))
            elif op[0] == "kind":
                directory.save_organisation(session, replace(op[1], kind=op[2]))
            elif op[0] == "ours":
                directory.set_our_organisation(session, op[1] and op[1].id)
            elif op[0] == "import":
                new = [make(new_id(), spec) for spec in op[1]]
                made += [a.id for a in new]
                bulk.import_document(session, Document(asks=tuple(new)))
        with vault.session() as session:
            assert stored(session) == expected(session)
            assert case_data(session) == case_data_from_scratch(session)
    with vault.session() as session:  # and a rebuild from scratch agrees
        derived.rebuild(session)
        case_derived.rebuild_cases(session)
        assert stored(session) == expected(session)
        assert case_data(session) == case_data_from_scratch(session)


def test_overdue_counts_from_the_last_possible_day(vault, people, store):
    loose = Ask(id=new_id(), date=FuzzyDate.parse("2025-01-10"), public=False,
                raised_by_organisation_id=GERMANY.id, follow_up_due=FuzzyDate.parse("2025-02"),
                case_ids=(CASES[0].id,))
    store(loose)
    with vault.session() as session:
        assert asks.overdue_count(session, date(2025, 2, 28)) == 0  # February may mean the 28th
        assert asks.overdue_ask_ids(session, date(2025, 3, 1)) == {loose.id}
        assert asks.overdue_count(session, date(2025, 3, 1)) == 1


def test_a_later_ask_by_the_same_government_closes_a_follow_up(vault, people, store):
    first = Ask(id=new_id(), date=FuzzyDate.parse("2025-01-10"), public=False,
                raised_by_official_id=ENVOY.id, follow_up_due=FuzzyDate.parse("2025-02-01"),
                case_ids=(CASES[0].id, CASES[1].id))
    store(first)
    with vault.session() as session:
        assert asks.overdue_ask_ids(session, date(2026, 1, 1)) == {first.id}
    other = Ask(id=new_id(), date=FuzzyDate.parse("2025-03"), public=False,
                raised_by_organisation_id=SWEDEN.id, case_ids=(CASES[1].id,))
    store(other)
    with vault.session() as session:  # another government's ask does not answer it
        assert asks.overdue_ask_ids(session, date(2026, 1, 1)) == {first.id}
    again = Ask(id=new_id(), date=FuzzyDate.parse("2025-03"), public=False,
                raised_by_organisation_id=GERMANY.id, case_ids=(CASES[1].id,))
    store(again)
    with vault.session() as session:
        assert asks.overdue_ask_ids(session, date(2026, 1, 1)) == set()
        assert session.scalar(select(CaseRow.last_raised)
                              .where(CaseRow.id == CASES[1].id)) == "2025-03-01"
        asks.delete_ask(session, again.id)
    with vault.session() as session:
        assert asks.overdue_ask_ids(session, date(2026, 1, 1)) == {first.id}
        assert dashboard.counts(session, date(2026, 1, 1), vault.clock())[
            "follow_ups_overdue"] == 1


def test_what_we_asked_a_government_is_answered_when_it_raises_the_case(vault, people, store):
    """An NGO's ask (as our organisation's from a meeting's outcome) raised with Germany,
    with a follow-up: Sweden raising the case leaves it open, Germany raising it closes it,
    and a vault upgraded from 0007 closes it the same way."""
    asked = Ask(id=new_id(), date=FuzzyDate.parse("2025-01-10"), public=False,
                raised_by_organisation_id=AMNESTY.id, raised_with_organisation_id=GERMANY.id,
                follow_up_due=FuzzyDate.parse("2025-02-01"), case_ids=(CASES[0].id,))
    by_sweden = Ask(id=new_id(), date=FuzzyDate.parse("2025-03"), public=False,
                    raised_by_organisation_id=SWEDEN.id, case_ids=(CASES[0].id,))
    store(asked, by_sweden)
    with vault.session() as session:
        assert asks.overdue_ask_ids(session, date(2026, 1, 1)) == {asked.id}
    by_germany = Ask(id=new_id(), date=FuzzyDate.parse("2025-04"), public=True,
                     raised_by_official_id=ENVOY.id, case_ids=(CASES[0].id, CASES[1].id))
    store(by_germany)
    with vault.session() as session:
        assert asks.overdue_ask_ids(session, date(2026, 1, 1)) == set()
        assert stored(session) == expected(session)
    config = migrate._config()
    with vault.engine.begin() as connection:  # as a vault of 0007, under the old rule
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
        connection.execute(text("INSERT INTO open_follow_ups (ask_id, due_until) "
                                "VALUES (:a, '2025-02-01')"), {"a": asked.id})
    migrate.upgrade(vault.engine)
    with vault.session() as session:
        assert stored(session) == expected(session)
        assert asked.id not in stored(session)[1]


def test_the_migration_fills_the_derived_data_of_an_older_vault(vault, people, store):
    ask = Ask(id=new_id(), date=FuzzyDate.parse("2024-05"), public=True,
              raised_by_organisation_id=SWEDEN.id, follow_up_due=FuzzyDate.parse("2024"),
              case_ids=(CASES[2].id,))
    store(ask)
    with vault.session() as session:  # as a vault made before the derived data existed
        session.execute(text("UPDATE cases SET last_raised = NULL"))
        session.execute(text("DELETE FROM open_follow_ups"))
    config = migrate._config()
    with vault.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    migrate.upgrade(vault.engine)
    with vault.session() as session:
        assert stored(session) == expected(session)
        assert stored(session)[1][ask.id][:2] == ("2024-12-31", SWEDEN.id)


def test_the_migration_stops_counting_asks_by_ngos_and_our_organisation(vault, people, store):
    ngo = Ask(id=new_id(), date=FuzzyDate.parse("2025-05"), public=False,
              raised_by_organisation_id=AMNESTY.id, case_ids=(CASES[3].id,))
    store(ngo)
    config = migrate._config()
    with vault.engine.begin() as connection:  # as before: every ask counted
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    with vault.session() as session:  # (the open follow-ups' government came later)
        assert session.scalar(select(CaseRow.last_raised)
                              .where(CaseRow.id == CASES[3].id)) == "2025-05-01"
    migrate.upgrade(vault.engine)
    with vault.session() as session:
        assert stored(session) == expected(session)
        assert stored(session)[0][CASES[3].id] is None


def test_the_migration_stores_the_government_of_each_open_follow_up(vault, people, store):
    by_sweden = Ask(id=new_id(), date=FuzzyDate.parse("2025-05"), public=False,
                    raised_by_organisation_id=SWEDEN.id, raised_with_organisation_id=GERMANY.id,
                    follow_up_due=FuzzyDate.parse("2025-07"), case_ids=(CASES[0].id,))
    by_ngo = Ask(id=new_id(), date=FuzzyDate.parse("2025-05"), public=False,
                 raised_by_organisation_id=AMNESTY.id, raised_with_organisation_id=GERMANY.id,
                 follow_up_due=FuzzyDate.parse("2025-07-01"), case_ids=(CASES[1].id,))
    with_ngo = Ask(id=new_id(), date=FuzzyDate.parse("2025-05"), public=False,
                   raised_by_official_id=LONER.id, raised_with_organisation_id=AMNESTY.id,
                   follow_up_due=FuzzyDate.parse("2025-07-01"), case_ids=(CASES[2].id,))
    store(by_sweden, by_ngo, with_ngo)
    config = migrate._config()
    with vault.engine.begin() as connection:  # as a vault of version 0007
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    migrate.upgrade(vault.engine)
    with vault.session() as session:
        assert stored(session) == expected(session)
        assert {a: row[:3] for a, row in stored(session)[1].items()} == {
            by_sweden.id: ("2025-07-31", SWEDEN.id, "2025-07"),
            by_ngo.id: ("2025-07-01", GERMANY.id, "2025-07-01"),
            with_ngo.id: ("2025-07-01", None, "2025-07-01")}
