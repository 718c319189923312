# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""A small fictional world with one moment of every kind (and the records that must not
give one) around a given day, for the calendar's service, ICS and CLI tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.domain.dates import FuzzyDate
from app.domain.enums import (
    Channel,
    Consent,
    EncounterKind,
    EventKind,
    MeetingStatus,
    OrganisationKind,
    Response,
    Status,
)
from app.domain.model import (
    Ask,
    Case,
    Encounter,
    Event,
    Meeting,
    MeetingCase,
    Organisation,
)
from app.domain.rules import add_months
from app.services import asks, cases, directory, encounters, meetings

CANARY_NOTE = "Qznote family phone 0049"  # internal notes, ask notes, agendas: never in a file


def _id() -> str:
    return str(uuid.uuid4())


def exact(day: date) -> FuzzyDate:
    return FuzzyDate.from_date(day)


@dataclass(frozen=True)
class World:
    today: date
    gov: str
    gov2: str  # raised two cases at the state visit
    un: str
    ours: str
    mfa: str
    public_case: str  # held, public consent; 2-year anniversary at +9 days
    rsdl_case: str  # RSDL from -6 months +14 days: the limit's last day at +14
    fuzzy_case: str  # held since a month, sentence ending a month: approximate moments
    private_case: str  # private-only consent, 1,000 days at +20
    unknown_case: str  # consent unknown, 100 days at +5
    dnr_case: str  # do not raise, 1 year at +7
    released_case: str  # would have an anniversary and a sentence end in range
    deceased_case: str
    deleted_case: str
    follow_up: str  # by the government, due +19
    un_open: str  # UN channel, no answer, due in a month (fuzzy)
    un_answered: str  # UN channel, answered: an ordinary follow-up
    closed_follow_up: str  # answered by a later ask of the same government
    deleted_ask: str
    ours_ask: str  # by our organisation with the government
    encounter: str  # state visit +9..+11
    fuzzy_encounter: str  # UPR in a month
    deleted_encounter: str
    far_encounter: str  # beyond 90 days
    at_encounter_ask: str
    meeting: str
    cancelled_meeting: str
    deleted_meeting: str
    fuzzy_month: date  # the first day of the month of the fuzzy dates
    rsdl_deadline: date  # the last day of the RSDL case's six months


def build(session, today: date) -> World:
    """Save the world; ``today`` is the day the calendar is read from."""
    d = lambda n: today + timedelta(days=n)  # noqa: E731
    gov, gov2, un, ours, mfa = _id(), _id(), _id(), _id(), _id()
    for org_id, name, kind in ((gov, "Federal Foreign Office", OrganisationKind.GOVERNMENT),
                               (gov2, "Swedish Ministry for Foreign Affairs",
                                OrganisationKind.GOVERNMENT),
                               (un, "Special Rapporteur on torture",
                                OrganisationKind.INTERGOVERNMENTAL),
                               (ours, "Our Rights Group", OrganisationKind.NGO),
                               (mfa, "Ministry of Foreign Affairs",
                                OrganisationKind.DETAINING_AUTHORITY)):
        directory.save_organisation(session, Organisation(id=org_id, name=name, kind=kind))
    directory.set_our_organisation(session, ours)

    def years_before(day: date, years: int) -> date:
        return day.replace(year=day.year - years)

    fuzzy_month = (d(45)).replace(day=1)
    fuzzy = FuzzyDate(fuzzy_month.year, fuzzy_month.month)
    three_years = FuzzyDate(fuzzy_month.year - 3, fuzzy_month.month)

    def held(case_id, name, original, consent, start, status=Status.CRIMINAL_DETENTION,
             **more) -> Case:
        return Case(id=case_id, display_name=name, name_original=original, consent=consent,
                    status=status, internal_notes=CANARY_NOTE, location="Qzcity Detention",
                    events=(Event(id=_id(), date=start, kind=EventKind.DETAINED,
                                  title="Taken"),), **more)

    ids = {k: _id() for k in ("public", "rsdl", "fuzzy", "private", "unknown", "dnr",
                              "released", "deceased", "deleted")}
    rsdl_start = _months_before(d(14), 6)
    for case in (
        held(ids["public"], "Wang Quanzhang", "王全璋", Consent.PUBLIC,
             exact(years_before(d(9), 2))),
        Case(id=ids["rsdl"], display_name="Ilham Tursun", name_original="ئىلھام تۇرسۇن",
             consent=Consent.PUBLIC, status=Status.RSDL, status_since=exact(rsdl_start),
             events=(Event(id=_id(), date=exact(rsdl_start), kind=EventKind.RSDL_BEGAN,
                           title="RSDL"),)),
        held(ids["fuzzy"], "Gao Zhisheng", "高智晟", Consent.PUBLIC, three_years,
             status=Status.SENTENCED, sentence_ends=fuzzy),
        held(ids["private"], "Li Heping", "李和平", Consent.PRIVATE_ONLY, exact(d(20 - 1000))),
        held(ids["unknown"], "Chen Qiushi", "陈秋实", Consent.UNKNOWN, exact(d(5 - 100))),
        held(ids["dnr"], "Ding Jiaxi", "丁家喜", Consent.DO_NOT_RAISE,
             exact(years_before(d(7), 1))),
        held(ids["released"], "Jiang Tianyong", "江天勇", Consent.PUBLIC,
             exact(years_before(d(3), 2)), status=Status.RELEASED, sentence_ends=exact(d(4))),
        held(ids["deceased"], "Liu Xiaobo", "刘晓波", Consent.PUBLIC,
             exact(years_before(d(3), 2)), status=Status.DECEASED),
        held(ids["deleted"], "Xu Zhiyong", "许志永", Consent.PUBLIC,
             exact(years_before(d(3), 2))),
    ):
        cases.save_case(session, case)

    enc = {k: _id() for k in ("visit", "fuzzy", "deleted", "far")}
    for encounter in (
        Encounter(id=enc["visit"], kind=EncounterKind.STATE_VISIT,
                  title="Chancellor visits Beijing", starts_on=exact(d(9)), ends_on=exact(d(11)),
                  organisation_ids=(gov, gov2), location="Qzhall of the People"),
        Encounter(id=enc["fuzzy"], kind=EncounterKind.UPR_REVIEW, title="UPR fourth cycle",
                  starts_on=fuzzy, organisation_ids=(un,)),
        Encounter(id=enc["deleted"], kind=EncounterKind.SUMMIT, title="Deleted summit",
                  starts_on=exact(d(12)), organisation_ids=(gov,)),
        Encounter(id=enc["far"], kind=EncounterKind.SUMMIT, title="Far summit",
                  starts_on=exact(d(120)), organisation_ids=(gov,)),
    ):
        encounters.save_encounter(session, encounter)

    a = {k: _id() for k in ("follow", "un_open", "un_answered", "closed", "closer",
                            "deleted", "ours", "at")}

    def ask(ask_id, on, case_ids, *, by=gov, channel=Channel.BILATERAL_MEETING, due=None,
            response=None, with_org=mfa, encounter_id=None) -> Ask:
        return Ask(id=ask_id, date=on, raised_by_organisation_id=by,
                   raised_with_organisation_id=with_org, channel=channel, public=False,
                   follow_up_due=due, response=response, case_ids=tuple(case_ids),
                   notes=CANARY_NOTE, encounter_id=encounter_id)

    for item in (
        ask(a["follow"], exact(d(-30)), [ids["public"]], due=exact(d(19))),
        ask(a["un_open"], exact(d(-20)), [ids["private"]], by=un, channel=Channel.UN_HRC,
            due=fuzzy),
        ask(a["un_answered"], exact(d(-20)), [ids["unknown"]], by=un, channel=Channel.UN_HRC,
            due=exact(d(25)), response=Response.DENIED),
        ask(a["closed"], exact(d(-60)), [ids["dnr"]], due=exact(d(6))),
        ask(a["closer"], exact(d(-10)), [ids["dnr"]]),
        ask(a["deleted"], exact(d(-10)), [ids["public"]], due=exact(d(8))),
        ask(a["ours"], exact(d(-5)), [ids["fuzzy"]], by=ours, with_org=gov, due=exact(d(12))),
        # Sweden's ask at the visit (Germany's would answer Germany's follow-up above).
        ask(a["at"], exact(d(-1)), [ids["public"], ids["rsdl"]], by=gov2,
            encounter_id=enc["visit"]),
    ):
        asks.save_ask(session, item)

    berlin = ZoneInfo("Europe/Berlin")
    m = {k: _id() for k in ("planned", "cancelled", "deleted")}
    for meeting_id, status, offset in ((m["planned"], MeetingStatus.PLANNED, 2),
                                       (m["cancelled"], MeetingStatus.CANCELLED, 3),
                                       (m["deleted"], MeetingStatus.PLANNED, 4)):
        meetings.save_meeting(session, Meeting(
            id=meeting_id, title="Qzmeeting at the Foreign Office",
            starts_at=datetime.combine(d(offset), datetime.min.time(), berlin).replace(hour=10),
            location="Qzwerderscher Markt", organisation_id=gov, agenda=CANARY_NOTE,
            status=status, cases=(MeetingCase(ids["public"], ask="Release",
                                              talking_points=CANARY_NOTE),)))

    cases.delete_case(session, ids["deleted"])
    asks.delete_ask(session, a["deleted"])
    encounters.delete_encounter(session, enc["deleted"])
    meetings.delete_meeting(session, m["deleted"])
    return World(
        today=today, gov=gov, gov2=gov2, un=un, ours=ours, mfa=mfa, public_case=ids["public"],
        rsdl_case=ids["rsdl"], fuzzy_case=ids["fuzzy"], private_case=ids["private"],
        unknown_case=ids["unknown"], dnr_case=ids["dnr"], released_case=ids["released"],
        deceased_case=ids["deceased"], deleted_case=ids["deleted"], follow_up=a["follow"],
        un_open=a["un_open"], un_answered=a["un_answered"], closed_follow_up=a["closed"],
        deleted_ask=a["deleted"], ours_ask=a["ours"], encounter=enc["visit"],
        fuzzy_encounter=enc["fuzzy"], deleted_encounter=enc["deleted"],
        far_encounter=enc["far"], at_encounter_ask=a["at"], meeting=m["planned"],
        cancelled_meeting=m["cancelled"], deleted_meeting=m["deleted"],
        fuzzy_month=fuzzy_month, rsdl_deadline=add_months(rsdl_start, 6))


def _months_before(day: date, months: int) -> date:
    # The start whose six months end on ``day``: add_months(start, 6) == day.
    start = add_months(day, -months)
    while add_months(start, months) < day:
        start += timedelta(days=1)
    return start


# Every name in the world, and the free text that no default file may hold.
NAMES = ("Wang Quanzhang", "王全璋", "Ilham Tursun", "ئىلھام تۇرسۇن", "Gao Zhisheng", "高智晟",
         "Li Heping", "李和平", "Chen Qiushi", "陈秋实", "Ding Jiaxi", "丁家喜", "Jiang Tianyong",
         "江天勇", "Liu Xiaobo", "刘晓波", "Xu Zhiyong", "许志永")
FREE_TEXT = ("Chancellor visits Beijing", "Qzhall", "UPR fourth cycle", "Qzmeeting",
             "Qzwerderscher", "Qzcity", CANARY_NOTE, "Federal Foreign Office",
             "Special Rapporteur", "Our Rights Group", "Ministry of Foreign Affairs",
             "Swedish Ministry")
