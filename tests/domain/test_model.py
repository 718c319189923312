# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The domain vocabulary is the file format: field names and enum values as in DESIGN.md 9."""

import dataclasses

import pytest

from app.domain import enums, model
from app.domain.enums import DETAINED_STATUSES, Status, label

# Copied by hand from DESIGN.md section 9 (plus "id" first): a change here is a format change.
KEYS = {
    model.Organisation: "id name country kind",
    model.Official: (
        "id name title organisation_id country notes name_original other_names gender "
        "birth_year level identifiers positions sanctions"
    ),
    model.Identifier: "kind value note",
    model.Position: "organisation_id title start end",
    model.Sanction: "regime listed_on reference",
    model.OtherName: "name script",
    model.Confession: "date broadcaster",
    model.Case: (
        "id display_name name_original other_names gender birth_year ethnicity nationalities "
        "category occupation status status_since location facility charges sentence "
        "sentence_ends lawyer_access family_access consular_access health_concerns confession "
        "consent sensitivity priority tags summary internal_notes events sources"
    ),
    model.Event: "id date kind title description source_ids",
    model.Source: "id title url kind reliability confidential notes",
    model.Ask: (
        "id date raised_by_official_id raised_by_organisation_id raised_with_official_id "
        "raised_with_organisation_id channel public requests response response_date "
        "response_text follow_up_due case_ids notes level encounter_id"
    ),
    model.MeetingCase: "case_id ask talking_points",
    model.Meeting: (
        "id title starts_at location organisation_id official_ids agenda status cases outcome"
    ),
    model.Involvement: "id case_id official_id role date description source_ids",
    model.Encounter: (
        "id kind title starts_on ends_on organisation_ids level location public_record"
    ),
    model.Document: "organisations officials cases asks meetings involvements encounters",
}

VALUES = {
    enums.Gender: "female male other unknown",
    enums.Category: (
        "human_rights_lawyer bookseller_publisher activist labour_activist feminist_advocate "
        "journalist scholar religious_practitioner family_member other"
    ),
    enums.Status: (
        "unknown missing detained_incommunicado rsdl criminal_detention formally_arrested "
        "indicted on_trial sentenced released_on_bail released_under_surveillance exit_banned "
        "released deceased"
    ),
    enums.Access: "unknown denied granted partial not_applicable",
    enums.Consent: "public private_only do_not_raise unknown",
    enums.Sensitivity: "normal high",
    enums.EventKind: (
        "abducted last_seen detained rsdl_began arrested charged indicted trial verdict "
        "sentenced transferred confession_broadcast lawyer_denied family_harassed released "
        "health_incident other"
    ),
    enums.SourceKind: (
        "news ngo_report court_document official_statement interview family lawyer other"
    ),
    enums.Reliability: "confirmed probable possible doubtful unknown",
    enums.OrganisationKind: (
        "government intergovernmental parliament ngo detaining_authority other"
    ),
    enums.Channel: (
        "bilateral_meeting demarche letter public_statement joint_statement un_hrc "
        "press_conference summit_sideline parliamentary_question other"
    ),
    enums.Request: (
        "release whereabouts proof_of_life lawyer_access family_access consular_access "
        "medical_care fair_trial end_exit_ban stop_family_harassment other"
    ),
    enums.Response: (
        "none denied internal_affair acknowledged information_provided promise released"
    ),
    enums.MeetingStatus: "planned held cancelled",
    enums.Level: (
        "head_of_state_or_government minister deputy_minister ambassador senior_official "
        "official parliamentarian un_mechanism other"
    ),
    enums.Role: (
        "ordered_detention arrested interrogated ill_treatment prosecuted judged "
        "prison_authority denied_access surveillance_harassment forced_confession other"
    ),
    enums.Regime: "us-glomag uk-ghr eu-ghrsr ca-sema au-magnitsky",
    enums.EncounterKind: (
        "state_visit summit ministerial_meeting human_rights_dialogue ambassador_summoned "
        "civil_society_meeting un_session upr_review other"
    ),
}


@pytest.mark.parametrize("cls", list(KEYS), ids=lambda c: c.__name__)
def test_field_names_are_the_interchange_keys_in_order(cls):
    assert [f.name for f in dataclasses.fields(cls)] == KEYS[cls].split()


@pytest.mark.parametrize("enum", list(VALUES), ids=lambda e: e.__name__)
def test_enum_values_are_exactly_the_interchange_values(enum):
    assert [m.value for m in enum] == VALUES[enum].split()


@pytest.mark.parametrize("enum", list(VALUES), ids=lambda e: e.__name__)
def test_every_value_has_a_label(enum):
    for member in enum:
        assert label(member).strip()


def test_label_distinguishes_vocabularies():
    assert label(Status.RSDL) == "Residential surveillance at a designated location (RSDL)"
    assert label(enums.Response.RELEASED) == "Released"
    assert label(enums.EventKind.ARRESTED) != label(enums.Category.ACTIVIST)


def test_detained_statuses():
    assert {s.value for s in DETAINED_STATUSES} == {
        "missing", "detained_incommunicado", "rsdl", "criminal_detention",
        "formally_arrested", "indicted", "on_trial", "sentenced",
    }


def test_records_are_frozen_and_slotted():
    case = model.Case(id="00000000-0000-4000-8000-000000000000", display_name="A")
    with pytest.raises(dataclasses.FrozenInstanceError):
        case.display_name = "B"  # type: ignore[misc]
    assert not hasattr(case, "__dict__")
    assert case.events == () and case.status is None
    source = model.Source(id="00000000-0000-4000-8000-000000000001", title="t")
    assert source.confidential is False


def test_ids_are_plain_strings_at_runtime():
    assert model.CaseId("x") == "x" and type(model.CaseId("x")) is str
