# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The calendar as an ICS file: by default neutral titles and no case data at all; each
profile adds exactly what it allows, and no profile ever writes notes or IDs."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from calendar_world import FREE_TEXT, NAMES, World, build
from icalendar import Calendar

from app.dossier.model import Profile
from app.services import calendar
from app.services.calendar import TITLES
from app.services.calendar_ics import APPROXIMATE, calendar_file

TODAY = date(2026, 3, 1)
NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def world(module_vault) -> World:
    with module_vault.session() as session:
        return build(session, TODAY)


@pytest.fixture(scope="module")
def files(module_vault, world) -> dict[Profile | None, bytes]:
    with module_vault.session() as session:
        found = calendar.moments(session, TODAY, TODAY + timedelta(days=90))
        return {profile: calendar_file(session, found, now=NOW, profile=profile)
                for profile in (None, *Profile)}


def _text(data: bytes) -> str:
    # Unfolded, unescaped: a name split over two folded lines must still be found.
    return data.decode("utf-8").replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")


def _ids(world: World) -> list[str]:
    return [v for f in dataclasses.fields(world) if isinstance(v := getattr(world, f.name), str)]


def _names_of(world: World) -> dict[str, tuple[str, str]]:
    return {world.public_case: ("Wang Quanzhang", "王全璋"),
            world.rsdl_case: ("Ilham Tursun", "ئىلھام تۇرسۇن"),
            world.fuzzy_case: ("Gao Zhisheng", "高智晟"),
            world.private_case: ("Li Heping", "李和平"),
            world.unknown_case: ("Chen Qiushi", "陈秋实"),
            world.dnr_case: ("Ding Jiaxi", "丁家喜")}


def test_the_default_file_holds_no_case_data(files, world):
    data = files[None]
    text = _text(data)
    for needle in (*NAMES, *FREE_TEXT, *_ids(world)):
        assert needle not in text, needle
        assert needle.encode() not in data
    for uuid_like in re.findall(r"[0-9a-f]{8}-[0-9a-f]{4}-", text):
        pytest.fail(f"an ID-like string in the file: {uuid_like}")
    cal = Calendar.from_ical(data)
    events = list(cal.walk("VEVENT"))
    assert events
    titles = set(TITLES.values())
    for event in events:
        summary = str(event["SUMMARY"])
        assert summary.removesuffix(APPROXIMATE) in titles, summary
        assert "DESCRIPTION" not in event and "LOCATION" not in event
        assert re.fullmatch(r"[0-9a-f]{32}@vigil", str(event["UID"]))
        assert str(event["CLASS"]) == "PRIVATE" and str(event["TRANSP"]) == "TRANSPARENT"


def test_the_file_opens_as_a_calendar_of_whole_day_events(files, world):
    cal = Calendar.from_ical(files[None])
    events = list(cal.walk("VEVENT"))
    with_dates = {(e.decoded("DTSTART"), e.decoded("DTEND")) for e in events}
    # The state visit: three days, DTEND the day after its last (RFC 5545).
    assert (TODAY + timedelta(days=9), TODAY + timedelta(days=12)) in with_dates
    assert all(type(start) is date for start, _ in with_dates)
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_profiles_add_exactly_what_they_allow(files, world):
    names = _names_of(world)
    public_consent = {world.public_case, world.rsdl_case, world.fuzzy_case}
    internal_more = {world.private_case, world.unknown_case}
    for profile in (Profile.PUBLIC, Profile.DIPLOMATIC, Profile.INTERNAL):
        text = _text(files[profile])
        for case_id, (name, original) in names.items():
            allowed = case_id in public_consent or (
                profile is Profile.INTERNAL and case_id in internal_more)
            assert (name in text) is allowed, (profile, name)
            assert (original in text) is allowed, (profile, original)
        # Neutral details and governments' names under every profile.
        for word in ("RSDL six-month limit", "1,000 days", "State visit",
                     "Federal Foreign Office", "Special Rapporteur"):
            assert word in text, (profile, word)
        # The user's own titles and locations only in the internal profile.
        for free in ("Chancellor visits Beijing", "Qzhall", "Qzmeeting", "Qzwerderscher"):
            assert (free in text) is (profile is Profile.INTERNAL), (profile, free)
        # Never notes, agendas, talking points, the detention location, or any ID.
        for never in ("Qznote", "Qzcity", "Ding Jiaxi", "丁家喜", *_ids(world)):
            assert never not in text, (profile, never)
    assert _text(files[Profile.PUBLIC]) == _text(files[Profile.DIPLOMATIC])


def test_uids_are_stable_between_files_and_keyed_per_vault(module_vault, vault, world, files):
    with module_vault.session() as session:
        found = calendar.moments(session, TODAY, TODAY + timedelta(days=90))
        again = calendar_file(session, found, now=NOW + timedelta(days=1))
    uids = [str(e["UID"]) for e in Calendar.from_ical(files[None]).walk("VEVENT")]
    assert uids == [str(e["UID"]) for e in Calendar.from_ical(again).walk("VEVENT")]
    with vault.session() as session:  # another vault: the same records, other UIDs
        other_world = build(session, TODAY)
        found = calendar.moments(session, TODAY, TODAY + timedelta(days=90))
        other = calendar_file(session, found, now=NOW)
    assert other_world.gov != world.gov
    assert not set(uids) & {str(e["UID"]) for e in Calendar.from_ical(other).walk("VEVENT")}


def test_a_rescheduled_meeting_keeps_its_uid(vault):
    from app.services import meetings

    with vault.session() as session:
        world = build(session, TODAY)
        before = calendar.moments(session, TODAY, TODAY + timedelta(days=30))
        first = calendar_file(session, before, now=NOW)
        meeting = meetings.get_meeting(session, world.meeting)
        meetings.save_meeting(session, dataclasses.replace(
            meeting, starts_at=meeting.starts_at + timedelta(days=3)))
        after = calendar.moments(session, TODAY, TODAY + timedelta(days=30))
        second = calendar_file(session, after, now=NOW)

    def meeting_uid(data: bytes) -> tuple[str, date]:
        (event,) = [e for e in Calendar.from_ical(data).walk("VEVENT")
                    if str(e["SUMMARY"]) == "Meeting"]
        return str(event["UID"]), event.decoded("DTSTART")

    (uid1, on1), (uid2, on2) = meeting_uid(first), meeting_uid(second)
    assert uid1 == uid2 and on2 == on1 + timedelta(days=3)


def _reference_file(session, found, *, now, profile=None) -> bytes:
    """The file as a Calendar of icalendar Events gives it (how it was written before
    the lines were cached): the output must stay byte for byte the same."""
    from icalendar import Event

    from app.services.calendar_ics import _description, _uid, _uid_key, summary
    key = _uid_key(session)
    names = calendar.names_of(session, found) if profile is not None \
        else calendar.Names({}, {})
    cal = Calendar()
    cal.add("prodid", "-//Vigil//Calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    for moment in found:
        event = Event()
        event.add("uid", _uid(key, moment))
        event.add("dtstamp", now)
        event.add("dtstart", moment.on)
        event.add("dtend", moment.last + timedelta(days=1))
        event.add("summary", summary(moment, names, profile))
        description = _description(moment, names, profile)
        if description:
            event.add("description", description)
        if profile is Profile.INTERNAL and moment.location:
            event.add("location", moment.location)
        event.add("transp", "TRANSPARENT")
        event.add("class", "PRIVATE")
        cal.add_component(event)
    return cal.to_ical()


def test_the_file_is_byte_for_byte_what_icalendar_writes(module_vault, world, files):
    with module_vault.session() as session:
        found = calendar.moments(session, TODAY, TODAY + timedelta(days=90))
        # Free text that needs escaping and folding (multi-byte characters across the
        # 75-octet limit, backslashes, commas, semicolons, line breaks).
        odd = found[0]._replace(
            subject="王全璋; Wang, \\ \"Quanzhang\"\n" + "维吾尔 ئۇيغۇر " * 12,
            location="Auswärtiges Amt, Werderscher Markt 1; Berlin\r\n" + "x" * 140)
        found = [*found, odd]
        for profile in (None, *Profile):
            assert calendar_file(session, found, now=NOW, profile=profile) == \
                _reference_file(session, found, now=NOW, profile=profile), profile
        berlin = datetime(2026, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))
        assert calendar_file(session, found, now=berlin) == \
            _reference_file(session, found, now=berlin)
        session.rollback()
