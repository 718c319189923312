# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What every service write leaves behind: an audit entry without values, and clock stamps.

The flush hook lives in app.vault.tracking; these tests drive it the way the app does,
through the services, so a service that bypassed it would show here.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.domain import hlc
from app.domain.dates import FuzzyDate
from app.domain.enums import OrganisationKind
from app.domain.model import Ask, Case, Event, Meeting, Official, Organisation, Source
from app.services import asks, directory, meetings
from app.services.cases import delete_case, new_id, save_case
from app.vault.schema import AuditEntry
from app.vault.tables import AskRow, CaseRow, EventRow, OfficialRow, OrganisationRow
from app.vault.vault import Vault

PASSPHRASE = "passphrase123"  # the shared fixture's
CANARY = "TRACKING-CANARY 王立璋"


def entries(vault) -> list[AuditEntry]:
    with vault.session() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def row_of(vault, table, row_id):
    with vault.session() as session:
        return session.get(table, row_id)


def a_case(**fields) -> Case:
    return Case(id=new_id(), display_name="Wang Lizhang", summary=CANARY,
                events=(Event(id=new_id(), date=FuzzyDate.parse("2015-07"), title=CANARY),),
                sources=(Source(id=new_id(), title=CANARY, confidential=True),), **fields)


def test_every_kind_of_record_is_audited_without_its_values(vault, store, fixed_clock):
    germany = Organisation(id=new_id(), name=CANARY, kind=OrganisationKind.GOVERNMENT)
    envoy = Official(id=new_id(), name=CANARY, organisation_id=germany.id)
    case = a_case()
    ask = Ask(id=new_id(), date=FuzzyDate.parse("2025"), raised_by_official_id=envoy.id,
              public=False, case_ids=(case.id,), notes=CANARY)
    meeting = Meeting(id=new_id(), title=CANARY, starts_at=fixed_clock())
    store(germany, envoy, case, ask, meeting)

    log = entries(vault)

    assert sorted((e.record_kind, e.record_id, e.action) for e in log) == sorted([
        ("organisation", germany.id, "create"), ("official", envoy.id, "create"),
        ("case", case.id, "create"), ("event", case.events[0].id, "create"),
        ("source", case.sources[0].id, "create"), ("ask", ask.id, "create"),
        ("meeting", meeting.id, "create")])
    for entry in log:
        assert entry.actor == vault.identity.fingerprint
        assert entry.at == fixed_clock().isoformat(timespec="seconds")
        assert not any(CANARY in name or "王" in name for name in entry.fields)
    case_entry = next(e for e in log if e.record_kind == "case")
    assert set(case_entry.fields) == {"display_name", "summary", "deleted",
                                                  "other_names", "nationalities", "charges",
                                                  "tags"}


def test_a_new_row_gets_its_origin_and_a_stamp_per_field(vault, store):
    case = a_case()
    store(case)

    row = row_of(vault, CaseRow, case.id)
    stamps = row.field_versions

    assert row.origin == vault.identity.fingerprint
    created = next(e for e in entries(vault) if e.record_id == case.id)
    assert set(stamps) == set(created.fields)
    assert len(set(stamps.values())) == 1 and row.version == next(iter(stamps.values()))
    assert hlc.parse(row.version)[2] == vault.identity.fingerprint
    assert not set(stamps) & {"detention_start", "id", "origin", "version"}


def test_stamps_only_move_forward_even_when_the_wall_clock_goes_back(vault, store, fixed_clock):
    case = a_case()
    store(case)
    first = row_of(vault, CaseRow, case.id).version

    fixed_clock.advance(hours=-3)  # the laptop's clock is corrected backwards
    store(replace(case, summary="second"))
    second = row_of(vault, CaseRow, case.id)

    assert second.version > first
    assert second.field_versions["summary"] == second.version
    assert second.field_versions["display_name"] == first


def test_the_clock_survives_reopening_the_vault(vault, store, fixed_clock):
    case = a_case()
    store(case)
    before = row_of(vault, CaseRow, case.id).version
    vault.close()

    fixed_clock.advance(days=-1)
    reopened = Vault.unlock(vault.path, passphrase=PASSPHRASE, clock=fixed_clock,
                            daily_backup=False)
    try:
        with reopened.session() as session:
            save_case(session, replace(case, summary="after reopening"))
        after = row_of(reopened, CaseRow, case.id).version
    finally:
        reopened.close()

    assert after > before


def test_a_delete_is_logged_as_a_delete_of_each_row(vault, store):
    case = a_case()
    store(case)
    with vault.session() as session:
        delete_case(session, case.id)

    deletes = {(e.record_kind, e.record_id) for e in entries(vault) if e.action == "delete"}
    assert deletes == {("case", case.id), ("event", case.events[0].id),
                       ("source", case.sources[0].id)}
    assert row_of(vault, CaseRow, case.id).field_versions["deleted"] == (
        row_of(vault, CaseRow, case.id).version)


def test_directory_and_ask_updates_stamp_only_what_changed(vault, store, fixed_clock):
    germany = Organisation(id=new_id(), name="Germany", country="DE")
    envoy = Official(id=new_id(), name="Karl Weiss", organisation_id=germany.id)
    case = a_case()
    ask = Ask(id=new_id(), date=FuzzyDate.parse("2025"), raised_by_organisation_id=germany.id,
              public=False, case_ids=(case.id,))
    store(germany, envoy, case, ask)
    before = {t: row_of(vault, t, i).field_versions
              for t, i in ((OrganisationRow, germany.id), (OfficialRow, envoy.id),
                           (AskRow, ask.id))}
    fixed_clock.advance(minutes=1)

    store(replace(germany, kind=OrganisationKind.GOVERNMENT),
          replace(envoy, title="Ambassador"), replace(ask, public=True))

    for (table, row_id), changed in (((OrganisationRow, germany.id), "kind"),
                                     ((OfficialRow, envoy.id), "title"),
                                     ((AskRow, ask.id), "public")):
        after = row_of(vault, table, row_id).field_versions
        assert {k for k in after if after[k] != before[table].get(k)} == {changed}
    updates = [(e.record_kind, e.fields) for e in entries(vault)
               if e.action == "update"]
    assert sorted(updates) == [("ask", ["public"]), ("official", ["title"]),
                               ("organisation", ["kind"])]


def test_derived_tables_are_not_audited(vault, store):
    case = a_case()
    store(case)
    ask = Ask(id=new_id(), date=FuzzyDate.parse("2025"), raised_by_organisation_id=None,
              raised_by_official_id=None, public=False, case_ids=(case.id,))
    germany = Organisation(id=new_id(), name="Germany")
    store(germany, replace(ask, raised_by_organisation_id=germany.id))
    with vault.session() as session:
        asks.delete_ask(session, ask.id)

    kinds = {e.record_kind for e in entries(vault)}
    assert kinds == {"case", "event", "source", "organisation", "ask"}


def test_a_remote_session_keeps_the_stamps_it_was_given(vault, store):
    case = a_case()
    store(case)
    row_before = row_of(vault, EventRow, case.events[0].id)

    with vault.session(remote=True) as session:
        save_case(session, replace(case, events=(replace(case.events[0], title="remote"),)))

    row_after = row_of(vault, EventRow, case.events[0].id)
    assert row_after.field_versions == row_before.field_versions
    assert row_after.version == row_before.version
    assert entries(vault)[-1].action == "merge-update"


@pytest.mark.parametrize("edit", ["meeting", "official"])
def test_deleting_directory_entries_and_meetings_is_logged(vault, store, fixed_clock, edit):
    germany = Organisation(id=new_id(), name="Germany")
    envoy = Official(id=new_id(), name="Karl Weiss", organisation_id=germany.id)
    meeting = Meeting(id=new_id(), title="Consultation",
                      starts_at=fixed_clock() + timedelta(days=1))
    store(germany, envoy, meeting)
    with vault.session() as session:
        if edit == "meeting":
            meetings.delete_meeting(session, meeting.id)
        else:
            directory.delete_official(session, envoy.id)

    last = entries(vault)[-1]
    assert (last.record_kind, last.action) == (edit, "delete")
