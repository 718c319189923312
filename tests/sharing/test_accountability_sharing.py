# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Involvements, encounters and officials' identities (issues 16 and 17) travel in bundles
like every record: in a full bundle and in a selection of cases, deleted with their case on
every side, kept when their official is removed, merged field by field; and a bundle that
names an encounter or an official the receiver does not have changes nothing."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date

import pytest
from sharing_helpers import open_plain
from sharing_state import conflicts, exported_state
from sqlalchemy import text
from test_deletion_erases import _everything_readable, _forged_changes, send

from app.domain.dates import FuzzyDate
from app.domain.enums import EncounterKind, Level, OrganisationKind, Regime, Role
from app.domain.model import (
    Ask,
    Case,
    Encounter,
    Event,
    Identifier,
    Involvement,
    Official,
    Organisation,
    OtherName,
    Position,
    Sanction,
    Source,
)
from app.errors import IntegrityError
from app.services import asks, cases, directory, encounters, involvements
from app.sharing import bundle, inbox
from app.sharing.merge import MISSING_REFERENCE

D = FuzzyDate.parse
CANARY = "Qzinvolvedshared"
CANARY_ZH = "审讯删除"


def _id() -> str:
    return str(uuid.uuid4())


class World:
    """Alice's records: a chosen case and another, each with an involvement of its own
    official and an ask made at an encounter of its own."""

    def __init__(self) -> None:
        (self.gov, self.mps, self.eu, self.court, self.chosen, self.other, self.source,
         self.other_source, self.judge, self.guard, self.envoy, self.involvement,
         self.other_involvement, self.visit, self.dialogue, self.ask,
         self.other_ask) = (_id() for _ in range(17))
        self.official = Official(
            id=self.judge, name="Zhang Wei", name_original="张伟",
            other_names=(OtherName("ﺟﺎڭ ۋېي", "ug-Arab"), OtherName("Cheung Wai", "yue-Latn")),
            gender=None, birth_year=1971, level=Level.SENIOR_OFFICIAL, country="CN",
            identifiers=(Identifier(kind="court staff number", value="7731",
                                    note="from the verdict"),),
            positions=(Position(organisation_id=self.mps, title="Director", start=D("2014"),
                                end=D("2019-06~")),),
            sanctions=(Sanction(regime=Regime.US_GLOMAG, listed_on=D("2021-03-22"),
                                reference="fictional notice"),
                       Sanction(regime=Regime.UK_GHR)))
        self.inv = Involvement(
            id=self.involvement, case_id=self.chosen, official_id=self.judge,
            role=Role.INTERROGATED, date=D("2015-08~"),
            description=f"{CANARY} led the interrogations {CANARY_ZH}",
            source_ids=(self.source,))
        self.encounter = Encounter(
            id=self.visit, kind=EncounterKind.STATE_VISIT, title="State visit",
            starts_on=D("2025-04-10"), ends_on=D("2025-04-12"),
            organisation_ids=(self.gov, self.eu), level=Level.HEAD_OF_STATE_OR_GOVERNMENT,
            location="Beijing", public_record="https://example.org/visit")
        self.at_visit = Ask(id=self.ask, date=D("2025-04-11"), raised_by_official_id=self.envoy,
                            public=False, case_ids=(self.chosen,), level=Level.MINISTER,
                            encounter_id=self.visit)

    def build(self, vault) -> None:
        with vault.session() as session:
            directory.save_organisation(session, Organisation(
                id=self.gov, name="Federal Foreign Office", country="DE",
                kind=OrganisationKind.GOVERNMENT))
            directory.save_organisation(session, Organisation(
                id=self.mps, name="Public Security Bureau", country="CN",
                kind=OrganisationKind.DETAINING_AUTHORITY))
            directory.save_organisation(session, Organisation(
                id=self.eu, name="European External Action Service",
                kind=OrganisationKind.INTERGOVERNMENTAL))
            directory.save_organisation(session, Organisation(
                id=self.court, name="Intermediate Court", country="CN",
                kind=OrganisationKind.DETAINING_AUTHORITY))
            directory.save_official(session, self.official)
            directory.save_official(session, Official(
                id=self.guard, name="Li Qiang", positions=(
                    Position(organisation_id=self.court, title="Warden"),)))
            directory.save_official(session, Official(
                id=self.envoy, name="Anna Berger", organisation_id=self.gov,
                level=Level.AMBASSADOR))
            cases.save_case(session, Case(
                id=self.chosen, display_name="Lin Wenjie", name_original="林文杰",
                sources=(Source(id=self.source, title="Verdict"),)))
            cases.save_case(session, Case(
                id=self.other, display_name="Other Person",
                sources=(Source(id=self.other_source, title="Report"),)))
            encounters.save_encounter(session, self.encounter)
            encounters.save_encounter(session, Encounter(
                id=self.dialogue, kind=EncounterKind.HUMAN_RIGHTS_DIALOGUE, title="Dialogue",
                starts_on=D("2025-06"), organisation_ids=(self.gov,)))
            asks.save_ask(session, self.at_visit)
            asks.save_ask(session, Ask(
                id=self.other_ask, date=D("2025-06-02"), raised_by_organisation_id=self.gov,
                public=True, case_ids=(self.other,), encounter_id=self.dialogue))
            involvements.save_involvement(session, self.inv)
            involvements.save_involvement(session, Involvement(
                id=self.other_involvement, case_id=self.other, official_id=self.guard,
                role=Role.PRISON_AUTHORITY, source_ids=(self.other_source,)))


def _involvement(vault, involvement_id: str) -> Involvement:
    with vault.session() as session:
        return involvements.get_involvement(session, involvement_id)


def _ids(vault, kind: str) -> set[str]:
    from sqlalchemy import select

    from app.sharing import records

    table = records.KINDS[kind]
    with vault.session() as session:
        return set(session.scalars(select(table.id).where(table.deleted.is_(False))))


def _shared(team, tmp_path) -> World:
    """The world built by alice and applied by bob."""
    world = World()
    world.build(team["alice"])
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    return world


# ---- what a bundle carries -----------------------------------------------------------------


def test_a_full_bundle_carries_involvements_encounters_and_officials_details(team, tmp_path):
    world = World()
    world.build(team["alice"])
    preview = inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    assert preview.new["involvement"] == 2 and preview.new["encounter"] == 2
    bob = team["bob"]
    with bob.session() as session:
        assert directory.get_official(session, world.judge) == world.official
        assert encounters.get_encounter(session, world.visit) == world.encounter
        assert asks.get_ask(session, world.ask) == world.at_visit
        [view] = involvements.of_case(session, world.chosen)
        assert view.involvement == world.inv and view.official_name == "Zhang Wei"
        assert involvements.case_counts(session) == {world.judge: 1, world.guard: 1}
        assert [e.id for e in encounters.list_encounters(
            session, start=date(2025, 4, 1), end=date(2025, 12, 31))] == [world.visit,
                                                                          world.dialogue]
    assert exported_state(team["alice"]) == exported_state(bob)
    # Sort keys are derived on arrival, never taken from the bundle, and equal on both sides.
    sql = text("SELECT id, date_sort FROM involvements UNION ALL "
               "SELECT id, starts_on_sort || '/' || ends_on_sort FROM encounters ORDER BY 1")
    with team["alice"].session() as a, bob.session() as b:
        ours, theirs = a.execute(sql).all(), b.execute(sql).all()
    assert ours == theirs and len(ours) == 4


def test_a_selection_carries_its_cases_involvements_officials_and_encounters(team, tmp_path):
    world = World()
    world.build(team["alice"])
    path = tmp_path / "selection.vigil"
    bundle.export_bundle(team["alice"], [team.fp["bob"]], path, case_ids=[world.chosen])
    preview = inbox.import_bundle(team["bob"], path)
    assert preview.new_case_ids == [world.chosen]
    bob = team["bob"]
    assert _ids(bob, "case") == {world.chosen}
    assert _ids(bob, "involvement") == {world.involvement}
    # The official named only by the involvement, the envoy who raised the ask; not the
    # official involved in the other case.
    assert _ids(bob, "official") == {world.judge, world.envoy}
    # The encounter of the ask carried, not the one of the other case's ask.
    assert _ids(bob, "encounter") == {world.visit}
    assert _ids(bob, "ask") == {world.ask}
    # Organisations named by the official's position and by the encounter come too.
    assert _ids(bob, "organisation") == {world.gov, world.mps, world.eu}
    with bob.session() as session:
        assert directory.get_official(session, world.judge) == world.official
        assert encounters.get_encounter(session, world.visit) == world.encounter
        assert asks.get_ask(session, world.ask) == world.at_visit
        assert involvements.get_involvement(session, world.involvement) == world.inv


def test_a_selection_then_the_full_bundle_agree(team, tmp_path):
    world = World()
    world.build(team["alice"])
    path = tmp_path / "selection.vigil"
    bundle.export_bundle(team["alice"], [team.fp["bob"]], path, case_ids=[world.chosen])
    inbox.import_bundle(team["bob"], path)
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    assert exported_state(team["alice"]) == exported_state(team["bob"])


# ---- deletion ------------------------------------------------------------------------------


def test_a_deleted_case_erases_its_involvements_on_both_sides(team, tmp_path):
    world = _shared(team, tmp_path)
    assert CANARY in _everything_readable(team["bob"])
    team.clocks["alice"].advance(minutes=1)
    with team["alice"].session() as session:
        cases.delete_case(session, world.chosen)

    changes = send(team, tmp_path, "alice", ["bob"])
    carried = "\n".join(d.decode("utf-8", "replace")
                        for d in open_plain(team["alice"], changes).values())
    assert CANARY not in carried and CANARY_ZH not in carried
    preview = inbox.import_bundle(team["bob"], changes)
    # The case's burial takes its involvement with it, as it does its timeline.
    assert preview.deleted["case"] == 1

    for name in ("alice", "bob"):
        readable = _everything_readable(team[name])
        assert CANARY not in readable and CANARY_ZH not in readable, name
        assert _ids(team[name], "involvement") == {world.other_involvement}, name
        with team[name].session() as session:
            assert involvements.of_official(session, world.judge) == []
            # The official and the encounter stay: they are not the case's.
            assert directory.get_official(session, world.judge) == world.official
            assert encounters.get_encounter(session, world.visit) == world.encounter
    assert exported_state(team["alice"]) == exported_state(team["bob"])


def test_a_case_deleted_by_one_while_the_other_edits_its_involvement(team, tmp_path):
    world = _shared(team, tmp_path)
    team.clocks["alice"].advance(minutes=1)
    team.clocks["bob"].advance(minutes=2)
    with team["alice"].session() as session:
        cases.delete_case(session, world.chosen)
    with team["bob"].session() as session:
        involvements.save_involvement(session, replace(
            world.inv, description=f"{CANARY} more detail {CANARY_ZH}"))
    from_bob = send(team, tmp_path, "bob", ["alice"])
    from_alice = send(team, tmp_path, "alice", ["bob"])
    inbox.import_bundle(team["alice"], from_bob)
    inbox.import_bundle(team["bob"], from_alice)
    for name in ("alice", "bob"):  # deletion is final: the later edit does not revive it
        readable = _everything_readable(team[name])
        assert CANARY not in readable and CANARY_ZH not in readable, name
        assert world.involvement not in _ids(team[name], "involvement")
    assert exported_state(team["alice"]) == exported_state(team["bob"])


def test_an_official_deleted_while_involved_keeps_the_involvement_on_both_sides(team,
                                                                               tmp_path):
    world = _shared(team, tmp_path)
    team.clocks["alice"].advance(minutes=1)
    with team["alice"].session() as session:
        directory.delete_official(session, world.judge)
    preview = inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    assert preview.deleted["official"] == 1 and not preview.deleted["involvement"]
    for name in ("alice", "bob"):
        with team[name].session() as session:
            [view] = involvements.of_case(session, world.chosen)
            assert view.involvement == world.inv and view.official_name is None, name
            assert involvements.get_involvement(session, world.involvement) == world.inv
    assert exported_state(team["alice"]) == exported_state(team["bob"])
    # Export has nobody to name, so the involvement stays out of the file on both sides.
    doc = json.loads(exported_state(team["bob"])[0])
    assert [i["id"] for i in doc["involvements"]] == [world.other_involvement]
    assert world.judge not in {o["id"] for o in doc["officials"]}


def test_an_involvement_edited_while_its_official_is_deleted_converges(team, tmp_path):
    world = _shared(team, tmp_path)
    team.clocks["alice"].advance(minutes=1)
    team.clocks["bob"].advance(minutes=2)
    with team["alice"].session() as session:
        directory.delete_official(session, world.judge)
    edited = replace(world.inv, role=Role.ILL_TREATMENT, description="Edited by bob")
    with team["bob"].session() as session:
        involvements.save_involvement(session, edited)
    from_bob = send(team, tmp_path, "bob", ["alice"])
    from_alice = send(team, tmp_path, "alice", ["bob"])
    inbox.import_bundle(team["alice"], from_bob)
    inbox.import_bundle(team["bob"], from_alice)
    for name in ("alice", "bob"):
        with team[name].session() as session:
            [view] = involvements.of_case(session, world.chosen)
            assert view.involvement == edited and view.official_name is None, name
    assert exported_state(team["alice"]) == exported_state(team["bob"])


# ---- concurrent edits ------------------------------------------------------------------------


def test_concurrent_edits_of_an_involvement_converge(team, tmp_path):
    world = _shared(team, tmp_path)
    team.clocks["alice"].advance(minutes=1)
    team.clocks["bob"].advance(minutes=2)
    with team["alice"].session() as session:
        involvements.save_involvement(session, replace(
            world.inv, description="Alice's account", date=D("2015-08-03")))
    with team["bob"].session() as session:
        involvements.save_involvement(session, replace(
            world.inv, description="Bob's account", role=Role.ILL_TREATMENT, source_ids=()))
    from_alice = send(team, tmp_path, "alice", ["bob"])
    from_bob = send(team, tmp_path, "bob", ["alice"])
    inbox.import_bundle(team["bob"], from_alice)
    inbox.import_bundle(team["alice"], from_bob)
    expected = replace(world.inv, description="Bob's account", role=Role.ILL_TREATMENT,
                       source_ids=(), date=D("2015-08-03"))  # field by field, later wins
    assert _involvement(team["alice"], world.involvement) == expected
    assert _involvement(team["bob"], world.involvement) == expected
    assert exported_state(team["alice"]) == exported_state(team["bob"])
    # The description both changed is a conflict someone can review; the rest merged.
    kept = {(c.record_kind, c.record_id, c.field) for name in ("alice", "bob")
            for c in conflicts(team[name])}
    assert ("involvement", world.involvement, "description") in kept


def test_concurrent_edits_of_an_official_and_an_encounter_converge(team, tmp_path):
    world = _shared(team, tmp_path)
    team.clocks["alice"].advance(minutes=1)
    team.clocks["bob"].advance(minutes=2)
    with team["alice"].session() as session:
        directory.save_official(session, replace(
            world.official, sanctions=world.official.sanctions + (
                Sanction(regime=Regime.EU_GHRSR, listed_on=D("2021-03-22")),)))
        encounters.save_encounter(session, replace(world.encounter, title="State visit (2)"))
    with team["bob"].session() as session:
        directory.save_official(session, replace(world.official, level=Level.MINISTER))
        encounters.save_encounter(session, replace(world.encounter, ends_on=D("2025-04-13")))
    from_alice = send(team, tmp_path, "alice", ["bob"])
    from_bob = send(team, tmp_path, "bob", ["alice"])
    inbox.import_bundle(team["bob"], from_alice)
    inbox.import_bundle(team["alice"], from_bob)
    for name in ("alice", "bob"):
        with team[name].session() as session:
            official = directory.get_official(session, world.judge)
            assert official.level is Level.MINISTER and len(official.sanctions) == 3, name
            encounter = encounters.get_encounter(session, world.visit)
            assert (encounter.title, encounter.ends_on) == ("State visit (2)", D("2025-04-13"))
    assert exported_state(team["alice"]) == exported_state(team["bob"])


# ---- what a colleague's bundle may not do ------------------------------------------------


def _without(kind: str, record_id: str):
    def mutate(payload):
        payload["records"] = [r for r in payload["records"]
                              if not (r["kind"] == kind and r["id"] == record_id)]
    return mutate


@pytest.mark.parametrize("what", ["encounter of an ask", "official of an involvement"])
def test_a_bundle_naming_a_record_the_receiver_lacks_changes_nothing(team, tmp_path, what):
    world = World()
    world.build(team["alice"])
    kind, record_id = (("encounter", world.visit) if what == "encounter of an ask"
                       else ("official", world.judge))
    forged = _forged_changes(team, tmp_path, _without(kind, record_id))
    before = team.snapshot("bob")
    with pytest.raises(IntegrityError) as caught:
        inbox.import_bundle(team["bob"], forged)
    assert str(caught.value) == MISSING_REFERENCE
    assert team.snapshot("bob") == before
    assert _ids(team["bob"], "case") == set()


def test_an_ask_moved_to_an_encounter_the_receiver_lacks_changes_nothing(team, tmp_path):
    """An update, not a first bundle: bob has the ask, and alice's (tampered) next bundle
    points it at an encounter bob has never been sent."""
    world = _shared(team, tmp_path)
    team.clocks["alice"].advance(minutes=1)
    unknown = Encounter(id=_id(), kind=EncounterKind.SUMMIT, title="Summit",
                        starts_on=D("2025-09"), organisation_ids=(world.gov,))
    with team["alice"].session() as session:
        encounters.save_encounter(session, unknown)
        asks.save_ask(session, replace(world.at_visit, encounter_id=unknown.id))
    forged = _forged_changes(team, tmp_path, _without("encounter", unknown.id))
    before = team.snapshot("bob")
    with pytest.raises(IntegrityError, match="refers to records this vault does not have"):
        inbox.import_bundle(team["bob"], forged)
    assert team.snapshot("bob") == before
    with team["bob"].session() as session:
        assert asks.get_ask(session, world.ask).encounter_id == world.visit


@pytest.mark.parametrize("field", ["case_id", "source_ids"])
def test_a_bundle_moving_an_involvement_or_citing_another_case_changes_nothing(team, tmp_path,
                                                                               field):
    """The services never move an involvement to another case nor let it cite another
    case's sources; a validly signed bundle that does is refused as a whole."""
    world = _shared(team, tmp_path)
    team.clocks["alice"].advance(minutes=1)
    with team["alice"].session() as session:
        involvements.save_involvement(session, replace(world.inv, description="touched"))
    later = team["alice"].hlc.tick()
    value = world.other if field == "case_id" else [world.other_source]

    def mutate(payload):
        [rec] = [r for r in payload["records"] if r["id"] == world.involvement]
        rec["fields"][field] = value
        rec["field_versions"][field] = rec["version"] = later

    forged = _forged_changes(team, tmp_path, mutate)
    before = team.snapshot("bob")
    with pytest.raises(IntegrityError, match="another case"):
        inbox.import_bundle(team["bob"], forged)
    assert team.snapshot("bob") == before
    assert _involvement(team["bob"], world.involvement) == world.inv


def test_a_new_involvement_citing_another_case_s_source_changes_nothing(team, tmp_path):
    world = _shared(team, tmp_path)
    team.clocks["alice"].advance(minutes=1)
    new = Involvement(id=_id(), case_id=world.chosen, official_id=world.guard,
                      role=Role.DENIED_ACCESS, source_ids=(world.source,))
    with team["alice"].session() as session:
        involvements.save_involvement(session, new)

    def mutate(payload):
        [rec] = [r for r in payload["records"] if r["id"] == new.id]
        rec["fields"]["source_ids"] = [world.source, world.other_source]

    forged = _forged_changes(team, tmp_path, mutate)
    before = team.snapshot("bob")
    with pytest.raises(IntegrityError, match="another case"):
        inbox.import_bundle(team["bob"], forged)
    assert team.snapshot("bob") == before


@pytest.mark.parametrize("kind", ["event", "source"])
def test_a_bundle_moving_an_event_or_source_to_another_case_changes_nothing(team, tmp_path,
                                                                           kind):
    """As for involvements: the services never move a timeline entry or a source to another
    case, so a signed bundle that does is refused whole."""
    world = _shared(team, tmp_path)
    team.clocks["alice"].advance(minutes=1)
    event = Event(id=_id(), date=D("2016-08"), title="Verdict", source_ids=(world.source,))
    with team["alice"].session() as session:
        case = cases.get_case(session, world.chosen)
        cases.save_case(session, replace(case, events=(event,)))
    inbox.import_bundle(team["bob"], send(team, tmp_path, "alice", ["bob"]))
    team.clocks["alice"].advance(minutes=1)
    with team["alice"].session() as session:
        case = cases.get_case(session, world.chosen)
        cases.save_case(session, replace(case, events=(replace(event, title="touched"),),
                                         sources=(replace(case.sources[0], title="touched"),)))
    later = team["alice"].hlc.tick()
    moved = event.id if kind == "event" else world.source

    def mutate(payload):
        [rec] = [r for r in payload["records"] if r["id"] == moved]
        rec["fields"]["case_id"] = world.other
        rec["field_versions"]["case_id"] = rec["version"] = later

    forged = _forged_changes(team, tmp_path, mutate)
    before = team.snapshot("bob")
    with pytest.raises(IntegrityError, match="another case"):
        inbox.import_bundle(team["bob"], forged)
    assert team.snapshot("bob") == before
