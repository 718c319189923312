# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Property: three vaults edit at random and exchange bundles in random orders, duplicated
and delayed; once each has seen every bundle, their exports and stamps are identical, and
every edit that lost is either one its winner's author knowingly replaced, a conflict, or
an edit of a record that was deleted (deletion is final and erases it everywhere).

Besides cases and their timeline, each case has an involvement of an official, and there
is one encounter, which the vaults edit too; deleting a case takes its involvement."""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sharing_state import conflicts, exported_state
from sharing_team import TEAM, Team
from sqlalchemy import select

from app.domain.dates import FuzzyDate
from app.domain.enums import EncounterKind, Level, Role, Status
from app.domain.model import Encounter, Event, Involvement, Official
from app.services import cases, directory, encounters, involvements
from app.sharing import bundle, inbox, records

FIELDS = {"summary": st.sampled_from(["a", "b", "c", "释放"]),
          "status": st.sampled_from([Status.MISSING, Status.RSDL, Status.SENTENCED]),
          "location": st.sampled_from(["Beijing", "Urumqi", None])}

vault_index = st.integers(0, 2)
case_index = st.integers(0, 1)
edit = st.tuples(st.just("edit"), vault_index, case_index,
                 st.sampled_from(sorted(FIELDS)), st.integers(0, 3)).flatmap(
    lambda t: FIELDS[t[3]].map(lambda value: (*t, value)))
# Fields of the other records the vaults edit: (kind, field) -> values.
RECORD_FIELDS = {
    ("involvement", "description"): st.sampled_from(["beat him", "审讯", None]),
    ("involvement", "role"): st.sampled_from([Role.INTERROGATED, Role.ILL_TREATMENT]),
    ("involvement", "date"): st.sampled_from([FuzzyDate.parse("2015-08"), None]),
    ("encounter", "title"): st.sampled_from(["Visit", "State visit", "国事访问"]),
    ("encounter", "level"): st.sampled_from([Level.MINISTER, None]),
}
edit_record = st.tuples(st.just("edit_record"), vault_index, case_index,
                        st.sampled_from(sorted(RECORD_FIELDS)), st.integers(0, 3)).flatmap(
    lambda t: RECORD_FIELDS[t[3]].map(lambda value: (*t, value)))
EDITS = ("edit", "edit_record")
operation = st.one_of(
    edit,
    edit_record,
    st.tuples(st.just("add_event"), vault_index, case_index, st.integers(0, 3)),
    st.tuples(st.just("drop_event"), vault_index, case_index, st.integers(0, 3)),
    st.tuples(st.just("delete_case"), vault_index, case_index, st.integers(0, 3)),
    st.tuples(st.just("export"), vault_index, st.integers(0, 3)),
    st.tuples(st.just("deliver"), st.integers(0, 50), vault_index),
)


STATS = {"conflicts": 0, "edits": 0}


class World:
    def __init__(self, team: Team, folder) -> None:
        self.team, self.folder = team, folder
        self.folder.mkdir()
        self.vaults = [team[name] for name in TEAM]
        self.bundles: list = []
        self.case_ids: list[str] = []
        self.involvement_ids: list[str] = []  # one per case
        self.encounter_id = ""
        self.edits: list[tuple[str, str, str, str, object]] = []  # kind, id, field, stamp, value
        self.bases: set[str] = set()

    def export(self, i: int) -> None:
        others = [self.team.fp[n] for k, n in enumerate(TEAM) if k != i]
        path = self.folder / f"{len(self.bundles)}.vigil"
        bundle.export_bundle(self.vaults[i], others, path)
        self.bundles.append((i, path))

    def deliver(self, b: int, to: int) -> None:
        if not self.bundles:
            return
        sender, path = self.bundles[b % len(self.bundles)]
        if sender != to:
            inbox.import_bundle(self.vaults[to], path)

    def change(self, i: int, case_no: int, change) -> None:
        vault = self.vaults[i]
        case_id = self.case_ids[case_no]
        with vault.session() as session:
            row = cases.live(session, records.KINDS["case"], case_id)
            if row is None:
                return
            before = _stamps(session)
            updated = change(cases.get_case(session, case_id))
            if updated is None:
                cases.delete_case(session, case_id)
            else:
                cases.save_case(session, updated)
            session.flush()
            after = _stamps(session)
        self._note(before, after)

    def change_record(self, i: int, case_no: int, kind: str, name: str, value) -> None:
        """Edit a field of the case's involvement, or of the encounter."""
        vault = self.vaults[i]
        with vault.session() as session:
            if kind == "involvement":
                ident = self.involvement_ids[case_no]
                row = cases.live(session, records.KINDS[kind], ident)
                if row is None:  # its case was deleted
                    return
                before = _stamps(session)
                involvements.save_involvement(session, replace(
                    involvements.get_involvement(session, ident), **{name: value}))
            else:
                before = _stamps(session)
                encounters.save_encounter(session, replace(
                    encounters.get_encounter(session, self.encounter_id), **{name: value}))
            session.flush()
            after = _stamps(session)
        self._note(before, after)

    def _note(self, before: dict, after: dict) -> None:
        for key, (stamp, value) in after.items():
            old = before.get(key)
            if old is None or old[0] != stamp:
                self.edits.append((*key, stamp, value))
                if old is not None:
                    self.bases.add(old[0])


def _stamps(session) -> dict:
    found = {}
    for kind in TRACKED:
        for row in session.scalars(select(records.KINDS[kind])):
            for name, stamp in row.field_versions.items():
                if name in records.FIELDS[kind]:
                    found[(kind, row.id, name)] = (stamp, getattr(row, name))
    return found


TRACKED = ("case", "event", "involvement", "encounter")


def run(world: World, ops) -> None:
    for op in ops:
        kind, i = op[0], op[1]
        if kind != "deliver":
            world.team.clocks[TEAM[i]].advance(milliseconds=op[-1] if kind not in EDITS
                                               else op[4])
        if kind == "edit":
            _, i, c, name, _, value = op
            world.change(i, c, lambda case, n=name, v=value: replace(case, **{n: v}))
        elif kind == "edit_record":
            _, i, c, (record_kind, name), _, value = op
            world.change_record(i, c, record_kind, name, value)
        elif kind == "add_event":
            event = Event(id=str(uuid.uuid4()), date=FuzzyDate.parse(f"202{op[3]}"),
                          title=f"event by {TEAM[i]}")
            world.change(i, op[2], lambda case, e=event: replace(case, events=case.events + (e,)))
        elif kind == "drop_event":
            world.change(i, op[2], lambda case: replace(case, events=case.events[1:]))
        elif kind == "delete_case":
            world.change(i, op[2], lambda case: None)
        elif kind == "export":
            world.export(i)
        else:
            world.deliver(op[1], op[2])


EXAMPLES = int(os.environ.get("VIGIL_CONVERGENCE_EXAMPLES", "12"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(ops=st.lists(operation, min_size=5, max_size=25), order=st.randoms())
def test_three_vaults_converge_and_lose_nothing_silently(team_template, tmp_path_factory,
                                                         ops, order):
    root = tmp_path_factory.mktemp("world")
    team = Team(team_template, root / "team")
    try:
        world = World(team, root / "bundles")
        for _ in range(2):
            world.case_ids.append(_case(world))
        _accountability(world)
        world.export(0)
        for k in (1, 2):
            world.deliver(0, k)
        run(world, ops)
        for i in range(3):  # everyone sends what is left, then everything reaches everyone
            world.export(i)
        deliveries = [(b, k) for b in range(len(world.bundles)) for k in range(3)]
        deliveries += order.sample(deliveries, len(deliveries) // 3)  # duplicates
        order.shuffle(deliveries)
        for b, k in deliveries:
            world.deliver(b, k)
        states = [exported_state(v) for v in world.vaults]
        assert states[0] == states[1] == states[2]
        _assert_no_silent_loss(world, states[0][1])
        STATS["conflicts"] += sum(len(conflicts(v)) for v in world.vaults)
        STATS["edits"] += len(world.edits)
        STATS["record_edits"] = STATS.get("record_edits", 0) + sum(
            e[0] in ("involvement", "encounter") for e in world.edits)
        STATS["bundles"] = STATS.get("bundles", 0) + len(world.bundles)
        if os.environ.get("VIGIL_CONVERGENCE_STATS"):
            print(STATS)
    finally:
        team.close()
        shutil.rmtree(root, ignore_errors=True)


def _case(world: World) -> str:
    from sharing_helpers import add_case

    return add_case(world.vaults[0], "Shared case")


def _accountability(world: World) -> None:
    """An official involved in both cases, and an encounter, made by the first vault."""
    official = str(uuid.uuid4())
    world.encounter_id = str(uuid.uuid4())
    with world.vaults[0].session() as session:
        directory.save_official(session, Official(id=official, name="Zhang Wei"))
        for case_id in world.case_ids:
            world.involvement_ids.append(str(uuid.uuid4()))
            involvements.save_involvement(session, Involvement(
                id=world.involvement_ids[-1], case_id=case_id, official_id=official,
                role=Role.ARRESTED))
        encounters.save_encounter(session, Encounter(
            id=world.encounter_id, kind=EncounterKind.STATE_VISIT, title="Visit",
            starts_on=FuzzyDate.parse("2025-04")))


def _assert_no_silent_loss(world: World, versions: dict) -> None:
    kept = {(c.record_kind, c.record_id, c.field, c.losing_stamp)
            for v in world.vaults for c in conflicts(v)}
    final = {}
    with world.vaults[0].session() as session:
        for kind in TRACKED:
            for row in session.scalars(select(records.KINDS[kind])):
                for name, stamp in row.field_versions.items():
                    final[(kind, row.id, name)] = (stamp, getattr(row, name))
    for kind, row_id, name, stamp, value in world.edits:
        if (kind, row_id, "deleted") in final and final[(kind, row_id, "deleted")][1]:
            assert set(versions[(kind, row_id)][0]) == {"deleted"}  # nothing but the stamp
            continue
        won_stamp, won_value = final[(kind, row_id, name)]
        if stamp == won_stamp or stamp in world.bases or value == won_value:
            continue
        assert (kind, row_id, name, stamp) in kept, (kind, name)
