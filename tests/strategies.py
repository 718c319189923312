# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hypothesis strategies for domain values: fuzzy dates and whole valid interchange Documents.

Documents are small (a handful of objects) so property tests stay fast, but every enum value
is reachable, names come in Latin, Chinese and Uyghur Arabic script, and every reference
(official and position -> organisation, ask -> cases and encounter, event and involvement ->
its case's sources, involvement -> official, encounter -> organisations) points at something
generated in the same document. Periods (positions, encounters) never end before they start,
and an official has at most one sanction per regime, as import requires. The people are
fictional.
"""

from __future__ import annotations

import calendar
import dataclasses
from datetime import datetime, timedelta, timezone

from hypothesis import strategies as st

from app.domain.dates import FuzzyDate
from app.domain.enums import (
    Access,
    Category,
    Channel,
    Consent,
    EncounterKind,
    EventKind,
    Gender,
    Level,
    MeetingStatus,
    OrganisationKind,
    Regime,
    Reliability,
    Request,
    Response,
    Role,
    Sensitivity,
    SourceKind,
    Status,
)
from app.domain.model import (
    Ask,
    Case,
    Confession,
    Document,
    Encounter,
    Event,
    Identifier,
    Involvement,
    Meeting,
    MeetingCase,
    Official,
    Organisation,
    OtherName,
    Position,
    Sanction,
    Source,
)

SCRIPTS = ("zh-Hans", "zh-Hant", "zh-Latn-pinyin", "yue-Latn", "ug-Arab", "ug-Latn", "bo")
COUNTRIES = ("CN", "HK", "DE", "FR", "GB", "SE", "US", "CA", "AU", "NL", "CH", "TW")

_LATIN_GIVEN = ("Wang", "Li", "Zhang", "Ilham", "Gui", "Jiang", "Chen", "Gulmira", "Tashi")
_LATIN_FAMILY = ("Quanzhang", "Heping", "Minhai", "Tohti", "Tianyong", "Qiushi", "Wangchuk")
_HAN = "王全璋李和平张桂民海江天勇陈秋实伊力哈木土赫提古丽米拉扎西旺秋高智晟许志永丁家喜"
_UYGHUR = "ئابپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىيە"


def fuzzy_dates(min_year: int = 1, max_year: int = 9999) -> st.SearchStrategy[FuzzyDate]:
    @st.composite
    def build(draw: st.DrawFn) -> FuzzyDate:
        year = draw(st.integers(min_year, max_year))
        month = draw(st.none() | st.integers(1, 12))
        day = None
        if month is not None:
            day = draw(st.none() | st.integers(1, calendar.monthrange(year, month)[1]))
        return FuzzyDate(year, month, day, draw(st.booleans()))

    return build()


def latin_names() -> st.SearchStrategy[str]:
    return st.builds(lambda a, b: f"{a} {b}", st.sampled_from(_LATIN_GIVEN),
                     st.sampled_from(_LATIN_FAMILY))


def chinese_names() -> st.SearchStrategy[str]:
    """Han names like 王全璋, and Uyghur names in Han transliteration like 伊力哈木·土赫提."""
    part = st.text(alphabet=_HAN, min_size=1, max_size=4)
    return part | st.builds(lambda a, b: f"{a}·{b}", part, part)


def uyghur_names() -> st.SearchStrategy[str]:
    part = st.text(alphabet=_UYGHUR, min_size=2, max_size=8)
    return st.builds(lambda a, b: f"{a} {b}", part, part)


def names() -> st.SearchStrategy[str]:
    return latin_names() | chinese_names() | uyghur_names()


# Free text as a caseworker might paste it: any Unicode the parser accepts (it refuses lone
# surrogates and NUL), including newlines and right-to-left text.
_TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
                max_size=12)
_REQUIRED_TEXT = _TEXT.filter(str.strip) | names()


def texts() -> st.SearchStrategy[str | None]:
    return st.none() | _TEXT | names()


def _opt(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


def _some(strategy: st.SearchStrategy, max_size: int = 3, **kwargs) -> st.SearchStrategy:
    return st.lists(strategy, max_size=max_size, **kwargs).map(tuple)


_DATES = fuzzy_dates(1900, 2100)
_MOMENTS = st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31),
    timezones=st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
)


class _Ids:
    """Fresh, distinct lowercase UUID strings (shrinking must not make two objects collide)."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw
        self.used: set[str] = set()

    def __call__(self) -> str:
        ident = self.draw(st.uuids().map(str).filter(lambda u: u not in self.used))
        self.used.add(ident)
        return ident


def _period(draw: st.DrawFn, required: bool = False) -> tuple[FuzzyDate | None,
                                                              FuzzyDate | None]:
    """A start and an end (either may be unknown unless `required`) that do not end before
    they start: fuzzy dates out of order are swapped."""
    start = draw(_DATES if required else _opt(_DATES))
    end = draw(_opt(_DATES))
    if start is not None and end is not None and end.latest() < start.earliest():
        start, end = end, start
    return start, end


_IDENTIFIER_KINDS = ("police number", "ID card", "passport", "警号", "身份证")


def _official(draw: st.DrawFn, new_id: _Ids, orgs: list[str]) -> Official:
    org_ref = _opt(st.sampled_from(orgs)) if orgs else st.none()
    official = Official(
        id=new_id(), name=draw(names()), title=draw(texts()), organisation_id=draw(org_ref),
        country=draw(_opt(st.sampled_from(COUNTRIES))), notes=draw(texts()),
        level=draw(_opt(st.sampled_from(Level))),
    )
    if not draw(st.booleans()):
        return official  # most officials raise cases and carry no more than this
    positions = []
    for _ in range(draw(st.integers(0, 2))):
        start, end = _period(draw)
        positions.append(Position(organisation_id=draw(org_ref), title=draw(texts()),
                                  start=start, end=end))
    regimes = draw(_some(st.sampled_from(Regime), unique=True))  # one sanction per regime
    identifier = st.builds(
        lambda kind, value, note: Identifier(kind=kind, value=value, note=note),
        st.sampled_from(_IDENTIFIER_KINDS), st.text("0123456789X", min_size=1, max_size=8),
        texts())
    return dataclasses.replace(
        official,
        name_original=draw(_opt(chinese_names() | uyghur_names())),
        other_names=draw(_some(st.builds(OtherName, names(), _opt(st.sampled_from(SCRIPTS))),
                               max_size=2)),
        gender=draw(_opt(st.sampled_from(Gender))),
        birth_year=draw(_opt(st.integers(1000, 9999))),
        identifiers=draw(_some(identifier, max_size=2)),
        positions=tuple(positions),
        sanctions=tuple(Sanction(regime=regime, listed_on=draw(_opt(_DATES)),
                                 reference=draw(texts())) for regime in regimes),
    )


def _encounter(draw: st.DrawFn, new_id: _Ids, orgs: list[str]) -> Encounter:
    starts, ends = _period(draw, required=True)
    assert starts is not None
    return Encounter(
        id=new_id(), kind=draw(st.sampled_from(EncounterKind)), title=draw(_REQUIRED_TEXT),
        starts_on=starts, ends_on=ends,
        organisation_ids=draw(_some(st.sampled_from(orgs), unique=True)) if orgs else (),
        level=draw(_opt(st.sampled_from(Level))), location=draw(texts()),
        public_record=draw(texts()),
    )


def _involvement(draw: st.DrawFn, new_id: _Ids, case: Case, officials: list[str]
                 ) -> Involvement:
    source_ids = [s.id for s in case.sources]
    cites = _some(st.sampled_from(source_ids), unique=True) if source_ids else st.just(())
    return Involvement(
        id=new_id(), case_id=case.id, official_id=draw(st.sampled_from(officials)),
        role=draw(st.sampled_from(Role)), date=draw(_opt(_DATES)),
        description=draw(texts()), source_ids=draw(cites),
    )


def _source(draw: st.DrawFn, new_id: _Ids) -> Source:
    return Source(
        id=new_id(), title=draw(_REQUIRED_TEXT), url=draw(texts()),
        kind=draw(_opt(st.sampled_from(SourceKind))),
        reliability=draw(_opt(st.sampled_from(Reliability))),
        confidential=draw(st.booleans()), notes=draw(texts()),
    )


def _case(draw: st.DrawFn, new_id: _Ids) -> Case:
    sources = tuple(_source(draw, new_id) for _ in range(draw(st.integers(0, 2))))
    source_ids = [s.id for s in sources]
    cites = _some(st.sampled_from(source_ids), unique=True) if source_ids else st.just(())
    events = tuple(
        Event(id=new_id(), date=draw(_DATES), kind=draw(_opt(st.sampled_from(EventKind))),
              title=draw(_REQUIRED_TEXT), description=draw(texts()), source_ids=draw(cites))
        for _ in range(draw(st.integers(0, 3)))
    )
    return Case(
        id=new_id(),
        display_name=draw(latin_names()),
        name_original=draw(_opt(chinese_names() | uyghur_names())),
        other_names=draw(_some(st.builds(OtherName, names(), _opt(st.sampled_from(SCRIPTS))))),
        gender=draw(_opt(st.sampled_from(Gender))),
        birth_year=draw(_opt(st.integers(1000, 9999))),
        ethnicity=draw(texts()),
        nationalities=draw(_some(st.sampled_from(COUNTRIES), unique=True)),
        category=draw(_opt(st.sampled_from(Category))),
        occupation=draw(texts()),
        status=draw(_opt(st.sampled_from(Status))),
        status_since=draw(_opt(_DATES)),
        location=draw(texts()),
        facility=draw(texts()),
        charges=draw(_some(_TEXT)),
        sentence=draw(texts()),
        sentence_ends=draw(_opt(_DATES)),
        lawyer_access=draw(_opt(st.sampled_from(Access))),
        family_access=draw(_opt(st.sampled_from(Access))),
        consular_access=draw(_opt(st.sampled_from(Access))),
        health_concerns=draw(texts()),
        confession=draw(_opt(st.builds(Confession, _opt(_DATES), texts()))),
        consent=draw(_opt(st.sampled_from(Consent))),
        sensitivity=draw(_opt(st.sampled_from(Sensitivity))),
        priority=draw(_opt(st.sampled_from((1, 2, 3)))),
        tags=draw(_some(_TEXT)),
        summary=draw(texts()),
        internal_notes=draw(texts()),
        events=events,
        sources=sources,
    )


def _ask(draw: st.DrawFn, new_id: _Ids, orgs: list[str], officials: list[str],
         cases: list[str], encounters: list[str]) -> Ask:
    org_ref = st.sampled_from(orgs) if orgs else st.none()
    official_ref = st.sampled_from(officials) if officials else st.none()
    by_official, by_org = draw(_opt(official_ref)), draw(_opt(org_ref))
    if by_official is None and by_org is None:  # one of the two is required
        by_official, by_org = (draw(official_ref), None) if officials else (None, draw(org_ref))
    return Ask(
        id=new_id(), date=draw(_DATES),
        raised_by_official_id=by_official, raised_by_organisation_id=by_org,
        raised_with_official_id=draw(_opt(official_ref)),
        raised_with_organisation_id=draw(_opt(org_ref)),
        channel=draw(_opt(st.sampled_from(Channel))), public=draw(st.booleans()),
        requests=draw(_some(st.sampled_from(Request), max_size=4, unique=True)),
        response=draw(_opt(st.sampled_from(Response))), response_date=draw(_opt(_DATES)),
        response_text=draw(texts()), follow_up_due=draw(_opt(_DATES)),
        case_ids=draw(_some(st.sampled_from(cases), min_size=1, unique=True)),
        notes=draw(texts()),
        level=draw(_opt(st.sampled_from(Level))),
        encounter_id=draw(_opt(st.sampled_from(encounters))) if encounters else None,
    )


def _meeting(draw: st.DrawFn, new_id: _Ids, orgs: list[str], officials: list[str],
             cases: list[str]) -> Meeting:
    chosen = draw(_some(st.sampled_from(cases), unique=True)) if cases else ()
    return Meeting(
        id=new_id(), title=draw(_REQUIRED_TEXT), starts_at=draw(_MOMENTS),
        location=draw(texts()),
        organisation_id=draw(_opt(st.sampled_from(orgs))) if orgs else None,
        official_ids=draw(_some(st.sampled_from(officials), unique=True)) if officials else (),
        agenda=draw(texts()), status=draw(_opt(st.sampled_from(MeetingStatus))),
        cases=tuple(MeetingCase(c, draw(texts()), draw(texts())) for c in chosen),
        outcome=draw(texts()),
    )


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """A small valid Document whose references all resolve inside it."""
    new_id = _Ids(draw)
    organisations = tuple(
        Organisation(id=new_id(), name=draw(_REQUIRED_TEXT),
                     country=draw(_opt(st.sampled_from(COUNTRIES))),
                     kind=draw(_opt(st.sampled_from(OrganisationKind))))
        for _ in range(draw(st.integers(0, 3)))
    )
    orgs = [o.id for o in organisations]
    officials = tuple(_official(draw, new_id, orgs) for _ in range(draw(st.integers(0, 3))))
    people = [o.id for o in officials]
    cases = tuple(_case(draw, new_id) for _ in range(draw(st.integers(0, 3))))
    case_ids = [c.id for c in cases]
    encounters = tuple(_encounter(draw, new_id, orgs) for _ in range(draw(st.integers(0, 2))))
    met = [e.id for e in encounters]
    asks: tuple[Ask, ...] = ()
    if case_ids and (orgs or people):
        asks = tuple(_ask(draw, new_id, orgs, people, case_ids, met)
                     for _ in range(draw(st.integers(0, 3))))
    meetings = tuple(_meeting(draw, new_id, orgs, people, case_ids)
                     for _ in range(draw(st.integers(0, 2))))
    involvements: tuple[Involvement, ...] = ()
    if cases and people:
        involvements = tuple(_involvement(draw, new_id, draw(st.sampled_from(cases)), people)
                             for _ in range(draw(st.integers(0, 3))))
    return Document(organisations=organisations, officials=officials, cases=cases, asks=asks,
                    meetings=meetings, involvements=involvements, encounters=encounters)
