# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Whoever writes (a case save, an ask saved or deleted, a directory change, an import, a
colleague's bundle, an erasure), the derived data (``ask_cases``, each case's last ask date,
the open follow-ups, each case's detention start and search entry) equals what a rebuild
from scratch computes: no writer calls a re-index, the vault's flush hook keeps it."""

from __future__ import annotations

import uuid
from dataclasses import replace

from sharing_helpers import add_case
from sqlalchemy import select, text

from app.domain.dates import FuzzyDate
from app.domain.enums import OrganisationKind, Status
from app.domain.model import Ask, Document, Official, Organisation
from app.services import asks, bulk, cases, directory
from app.sharing import bundle, inbox
from app.vault import case_derived, derived
from app.vault.tables import AskCase, CaseRow, OpenFollowUp


def _new() -> str:
    return str(uuid.uuid4())


def _derived(session) -> tuple:
    return (set(session.execute(select(AskCase.ask_id, AskCase.case_id, AskCase.date_sort,
                                       AskCase.government_id)).all()),
            dict(session.execute(select(CaseRow.id, CaseRow.last_raised)).all()),
            dict(session.execute(select(OpenFollowUp.ask_id, OpenFollowUp.due_until)).all()),
            dict(session.execute(select(CaseRow.id, CaseRow.detention_start)).all()),
            set(session.execute(text("SELECT rowid, case_id, body FROM case_search")).all()),
            set(session.execute(text("SELECT rowid, case_id FROM case_search_grams")).all()))


def assert_fresh(vault) -> tuple:
    """The stored derived data equals a rebuild from scratch (which is then rolled back)."""
    with vault.session() as session:
        kept = _derived(session)
        derived.rebuild(session)
        case_derived.rebuild_cases(session)
        scratch = _derived(session)
        session.rollback()
    assert kept == scratch
    return kept


def _ask(case_ids, *, date="2025-03", due="2025-04", organisation=None, official=None) -> Ask:
    return Ask(id=_new(), date=FuzzyDate.parse(date), public=False,
               follow_up_due=FuzzyDate.parse(due) if due else None,
               raised_by_organisation_id=organisation, raised_by_official_id=official,
               case_ids=tuple(case_ids))


def test_every_writer_leaves_the_derived_data_as_a_rebuild_would(team, tmp_path):
    alice, bob = team["alice"], team["bob"]
    germany = Organisation(id=_new(), name="Germany", kind=OrganisationKind.GOVERNMENT)
    sweden = Organisation(id=_new(), name="Sweden", kind=OrganisationKind.GOVERNMENT)
    envoy = Official(id=_new(), name="Envoy", organisation_id=germany.id)
    one = add_case(alice, "王全璋", status=Status.RSDL, status_since=FuzzyDate.parse("2020-01"))
    two = add_case(alice, "Case B")
    with alice.session() as session:  # directory and asks
        directory.save_organisation(session, germany)
        directory.save_organisation(session, sweden)
        directory.save_official(session, envoy)
        first = _ask([one, two], date="2025-01", official=envoy.id)
        asks.save_ask(session, first)
        asks.save_ask(session, _ask([two], date="2025-02", organisation=sweden.id, due=None))
    stored = assert_fresh(alice)
    assert stored[1][one] == "2025-01-01" and stored[2] == {first.id: "2025-04-30"}

    later = _ask([one], date="2025-05", organisation=germany.id, due=None)
    with alice.session() as session:  # an ask saved, then edited: it answers the first
        asks.save_ask(session, replace(later, date=FuzzyDate.parse("2024")))
        asks.save_ask(session, later)
    assert first.id not in assert_fresh(alice)[2]

    with alice.session() as session:  # a case save changes nothing derived of the asks
        cases.save_case(session, replace(cases.get_case(session, one), summary="detained"))
    assert assert_fresh(alice)[3][one] == "2020-01"

    with alice.session() as session:  # Germany is an NGO after all: its asks stop counting
        directory.save_organisation(session, replace(germany, kind=OrganisationKind.NGO))
    stored = assert_fresh(alice)  # (asks that count for nobody answer each other)
    assert stored[1][one] is None and stored[1][two] == "2025-02-01" and stored[2] == {}

    with alice.session() as session:  # the envoy moves; our organisation is Sweden
        directory.save_official(session, replace(envoy, organisation_id=sweden.id))
        directory.set_our_organisation(session, sweden.id)
    assert_fresh(alice)
    with alice.session() as session:
        directory.set_our_organisation(session, None)
    assert_fresh(alice)

    with alice.session() as session:  # an import: a kind changed and new asks
        bulk.import_document(session, Document(
            organisations=(replace(germany, kind=OrganisationKind.GOVERNMENT),),
            asks=(_ask([one], date="2025-07", organisation=germany.id),
                  _ask([one, two], date="2025-08", official=envoy.id, due="2025"))))
    stored = assert_fresh(alice)
    assert stored[1][one] == "2025-08-01"

    with alice.session() as session:  # the ask deleted
        asks.delete_ask(session, later.id)
    assert_fresh(alice)

    # A colleague's bundle: everything arrives at once, then changes to the directory.
    inbox.import_bundle(bob, _send(team, tmp_path, "alice", "bob"))
    assert assert_fresh(bob)[1:] == assert_fresh(alice)[1:]
    team.clocks["alice"].advance(minutes=1)
    with alice.session() as session:
        directory.save_organisation(session, replace(sweden, kind=OrganisationKind.NGO))
        asks.save_ask(session, _ask([two], date="2026-01", organisation=germany.id))
    inbox.import_bundle(bob, _send(team, tmp_path, "alice", "bob"))
    assert assert_fresh(bob)[1:] == assert_fresh(alice)[1:]

    # Erasure: an official, then a case (an ask that named only it goes too), by bundle.
    team.clocks["alice"].advance(minutes=1)
    with alice.session() as session:
        directory.delete_official(session, envoy.id)
    assert_fresh(alice)
    with alice.session() as session:
        cases.delete_case(session, one)
    assert_fresh(alice)
    with alice.session() as session:
        directory.delete_organisation(session, germany.id)
    assert_fresh(alice)
    inbox.import_bundle(bob, _send(team, tmp_path, "alice", "bob"))
    assert assert_fresh(bob)[1:] == assert_fresh(alice)[1:]


def _send(team, tmp_path, sender: str, recipient: str):
    path = tmp_path / f"{_new()}.vigil"
    bundle.export_bundle(team[sender], [team.fp[recipient]], path)
    return path
