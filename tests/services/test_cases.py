# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Cases with their timeline and sources: round trips, minimal updates, tombstones, the list.

Every person here is invented.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from app.domain.dates import FuzzyDate
from app.domain.enums import (
    Access,
    Category,
    Consent,
    EventKind,
    Gender,
    OrganisationKind,
    Reliability,
    Sensitivity,
    SourceKind,
    Status,
)
from app.domain.model import (
    Ask,
    Case,
    Confession,
    Event,
    Official,
    Organisation,
    OtherName,
    Source,
)
from app.errors import UserError
from app.services import asks, search
from app.services.cases import (
    CaseFilter,
    all_cases,
    delete_case,
    get_case,
    get_cases,
    list_cases,
    new_id,
    save_case,
)
from app.vault.schema import AuditEntry
from app.vault.tables import CaseRow, EventRow, SourceRow

TODAY = date(2026, 3, 1)
D = FuzzyDate.parse


def full_case() -> Case:
    """A case with every field set, names in five scripts and a sourced timeline."""
    news, family = new_id(), new_id()
    return Case(
        id=new_id(),
        display_name="Wang Lizhang",
        name_original="王立璋",
        other_names=(
            OtherName("王立璋", "zh-Hant"),
            OtherName("Wáng Lìzhāng", "zh-Latn-pinyin"),
            OtherName("Wong Lap-cheung", "yue-Latn"),
            OtherName("ۋاڭ لىجاڭ", "ug-Arab"),
            OtherName("ཝང་ལི་ཀྲང", "bo"),
            OtherName("Lao Wang"),
        ),
        gender=Gender.MALE,
        birth_year=1976,
        ethnicity="Han",
        nationalities=("CN", "SE"),
        category=Category.HUMAN_RIGHTS_LAWYER,
        occupation="律师 (lawyer)",
        status=Status.SENTENCED,
        status_since=D("2019-01~"),
        location="Linyi, Shandong",
        facility="Linyi Prison No. 2",
        charges=("subversion of state power", "颠覆国家政权罪"),
        sentence="4 years 6 months",
        sentence_ends=D("2020-04-05"),
        lawyer_access=Access.DENIED,
        family_access=Access.PARTIAL,
        consular_access=Access.NOT_APPLICABLE,
        health_concerns="Hypertension; weight loss reported",
        confession=Confession(D("2016-01~"), "CCTV-13"),
        consent=Consent.PUBLIC,
        sensitivity=Sensitivity.HIGH,
        priority=1,
        tags=("709", "lawyers"),
        summary="人权律师，代理宗教自由案件。",
        internal_notes="Wife's phone is monitored: call only via the Signal number.",
        events=(
            Event(id=new_id(), date=D("2015-07-10"), kind=EventKind.DETAINED,
                  title="Taken from home at night", description="Six officers, no warrant.",
                  source_ids=(news,)),
            Event(id=new_id(), date=D("2015"), kind=EventKind.RSDL_BEGAN,
                  title="Held under RSDL", source_ids=(news, family)),
            Event(id=new_id(), date=D("2019-01~"), title="Verdict read in closed court"),
        ),
        sources=(
            Source(id=news, title="News report", url="https://example.org/report",
                   kind=SourceKind.NEWS, reliability=Reliability.CONFIRMED, notes="page 2"),
            Source(id=family, title="Call with his wife", kind=SourceKind.FAMILY,
                   reliability=Reliability.PROBABLE, confidential=True),
        ),
    )


def audit(vault, record_id: str) -> list[tuple[str, set[str]]]:
    with vault.session() as session:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.record_id == record_id)
                               .order_by(AuditEntry.id))
        return [(r.action, set(r.fields)) for r in rows]


def versions(vault, table, row_id: str) -> dict[str, str]:
    with vault.session() as session:
        return session.get(table, row_id).field_versions


def row_count(vault, table) -> int:
    with vault.session() as session:
        return session.scalar(select(func.count()).select_from(table))


def fetch(vault, case_id: str) -> Case:
    with vault.session() as session:
        return get_case(session, case_id)


# -- saving and reading --------------------------------------------------------------------


def test_every_field_round_trips(vault, store):
    case = full_case()
    store(case)

    back = fetch(vault, case.id)

    assert back == case
    assert back.events[1].date.precision == "year" and back.status_since.approximate
    assert back.sources[1].confidential and not back.sources[0].confidential
    assert [n.script for n in back.other_names][-1] is None


def test_a_bare_case_round_trips_with_its_unknowns(vault, store):
    case = Case(id=new_id(), display_name="Unnamed person")
    store(case)

    assert fetch(vault, case.id) == case


def test_every_enum_value_and_date_precision_round_trips(vault, store):
    single_values = [("status", Status), ("category", Category), ("gender", Gender),
                     ("consent", Consent), ("sensitivity", Sensitivity),
                     ("lawyer_access", Access), ("family_access", Access),
                     ("consular_access", Access)]
    made = [Case(id=new_id(), display_name=f"{field} {value}", **{field: value})
            for field, enum in single_values for value in enum]
    made += [Case(id=new_id(), display_name=f"priority {p}", priority=p) for p in (1, 2, 3)]
    dates = ["2015", "2015~", "2015-07", "2015-07~", "2015-07-09", "2015-07-09~"]
    made += [Case(id=new_id(), display_name=f"dates {text}", status_since=D(text),
                  sentence_ends=D(text), confession=Confession(D(text)))
             for text in dates]
    sources = tuple(Source(id=new_id(), title=f"{kind}", kind=kind, reliability=reliability)
                    for kind, reliability in zip(SourceKind, list(Reliability) * 2, strict=False))
    made.append(Case(
        id=new_id(), display_name="whole timeline", sources=sources,
        events=tuple(Event(id=new_id(), date=D(dates[i % len(dates)]), kind=kind,
                           title=f"{kind}", source_ids=(sources[i % len(sources)].id,))
                     for i, kind in enumerate(EventKind))))
    store(*made)

    with vault.session() as session:
        for case in made:
            assert get_case(session, case.id) == case


def test_get_cases_reads_many_as_get_case_reads_one(vault, store):
    full, bare, gone = full_case(), Case(id=new_id(), display_name="Bare"), Case(
        id=new_id(), display_name="Gone")
    store(full, bare, gone)
    with vault.session() as session:
        delete_case(session, gone.id)

    with vault.session() as session:
        rows: list = []
        found = get_cases(session, [bare.id, full.id, gone.id, new_id(), full.id],
                          keep_rows=rows)
        assert found == {full.id: get_case(session, full.id), bare.id: get_case(session, bare.id)}
        assert found[full.id] == full
        assert {row.id for row in rows} == {full.id, bare.id}


def test_unknown_case_is_refused(vault):
    with vault.session() as session, pytest.raises(UserError, match="No case"):
        get_case(session, new_id())


def test_all_cases_lists_live_cases_by_name(vault, store):
    b, a, gone = (Case(id=new_id(), display_name=n) for n in ("Zhou B", "Ai A", "Gone C"))
    store(b, a, gone)
    with vault.session() as session:
        delete_case(session, gone.id)

    with vault.session() as session:
        assert [c.display_name for c in all_cases(session)] == ["Ai A", "Zhou B"]


# -- updating: only what changed -----------------------------------------------------------


def test_an_update_records_and_stamps_only_the_changed_fields(vault, store, fixed_clock):
    case = full_case()
    store(case)
    before = versions(vault, CaseRow, case.id)
    event_before = versions(vault, EventRow, case.events[0].id)
    fixed_clock.advance(minutes=5)

    store(replace(case, status=Status.RELEASED, summary=None, tags=("709",)))

    after = versions(vault, CaseRow, case.id)
    changed = {"status", "summary", "tags"}
    assert audit(vault, case.id)[-1] == ("update", changed)
    assert set(after) == set(before)
    for name, stamp in before.items():
        if name in changed:
            assert after[name] > stamp, name
        else:
            assert after[name] == stamp, name
    assert versions(vault, EventRow, case.events[0].id) == event_before
    assert [a for a, _ in audit(vault, case.events[0].id)] == ["create"]
    back = fetch(vault, case.id)
    assert back.summary is None and back.tags == ("709",) and back.status == Status.RELEASED


def test_saving_an_unchanged_case_writes_nothing(vault, store):
    case = full_case()
    store(case)
    entries = row_count(vault, AuditEntry)
    stamps = versions(vault, CaseRow, case.id)

    store(case)

    assert row_count(vault, AuditEntry) == entries
    assert versions(vault, CaseRow, case.id) == stamps


def test_editing_one_event_touches_only_that_event(vault, store):
    case = full_case()
    store(case)
    first, second = case.events[0], case.events[1]
    stamps = versions(vault, EventRow, first.id)

    store(replace(case, events=(replace(first, title="Taken from his office"),
                                *case.events[1:])))

    assert audit(vault, first.id)[-1] == ("update", {"title"})
    assert versions(vault, EventRow, first.id)["title"] > stamps["title"]
    assert versions(vault, EventRow, first.id)["date"] == stamps["date"]
    assert [a for a, _ in audit(vault, second.id)] == ["create"]
    assert [a for a, _ in audit(vault, case.id)] == ["create"]


def test_events_and_sources_left_out_are_erased_to_tombstones(vault, store):
    case = full_case()
    store(case)
    kept_event, dropped_event = case.events[0], case.events[1]
    kept_source, dropped_source = case.sources[0], case.sources[1]

    store(replace(case, events=(kept_event,), sources=(kept_source,)))

    back = fetch(vault, case.id)
    assert back.events == (kept_event,) and back.sources == (kept_source,)
    with vault.session() as session:
        event = session.get(EventRow, dropped_event.id)
        source = session.get(SourceRow, dropped_source.id)
        assert event.deleted and source.deleted
        # Only the ID and the deletion stamp are left (issue 15: deletion erases).
        assert (event.title, event.description, event.case_id, event.date) == ("", None, None, "")
        assert (source.title, source.notes, source.url, source.case_id) == ("", None, None, None)
        assert list(event.field_versions) == ["deleted"]
        assert not session.get(EventRow, kept_event.id).deleted
        assert session.scalar(select(func.count()).select_from(EventRow)) == 3
    assert audit(vault, dropped_event.id)[-1][0] == "delete"
    assert audit(vault, dropped_source.id)[-1][0] == "delete"

    with pytest.raises(UserError, match="was deleted"):  # deletion is final
        store(case)
    assert fetch(vault, case.id).events == (kept_event,)


def test_timeline_keeps_the_order_it_was_given(vault, store):
    case = full_case()
    reordered = replace(case, events=tuple(reversed(case.events)))
    store(case)
    store(reordered)

    assert fetch(vault, case.id).events == reordered.events


def test_delete_case_tombstones_it_and_hides_it(vault, store):
    case = full_case()
    other = Case(id=new_id(), display_name="Wang Other")
    store(case, other)

    with vault.session() as session:
        delete_case(session, case.id)

    with vault.session() as session:
        row = session.get(CaseRow, case.id)
        assert row is not None and row.deleted
        assert all(session.get(EventRow, e.id).deleted for e in case.events)
        assert all(session.get(SourceRow, s.id).deleted for s in case.sources)
        with pytest.raises(UserError, match="No case"):
            get_case(session, case.id)
        assert [c.id for c in list_cases(session, TODAY)] == [other.id]
        assert [c.id for c in list_cases(session, TODAY, CaseFilter(query="wang"))] == [other.id]
        assert search.matching_case_ids(session, "王立璋") == set()
        with pytest.raises(UserError, match="No case"):
            delete_case(session, case.id)
    assert audit(vault, case.id)[-1] == ("delete", {"deleted"})


def test_an_event_id_of_another_case_is_refused_and_nothing_is_written(vault, store):
    case = full_case()
    store(case)
    thief = Case(id=new_id(), display_name="Other person",
                 events=(replace(case.events[0], title="Stolen event"),))
    entries = row_count(vault, AuditEntry)

    with pytest.raises(UserError, match="already used by another case"):
        store(thief)

    assert row_count(vault, AuditEntry) == entries
    with vault.session() as session:
        assert session.get(CaseRow, thief.id) is None
        assert session.get(EventRow, case.events[0].id).case_id == case.id
    assert fetch(vault, case.id) == case


def test_a_source_id_of_another_case_is_refused(vault, store):
    case = full_case()
    store(case)
    thief = Case(id=new_id(), display_name="Other person", sources=(case.sources[1],))

    with pytest.raises(UserError, match="already used by another case"):
        store(thief)

    assert fetch(vault, case.id) == case


@pytest.mark.parametrize("part", ["events", "sources"])
def test_an_id_listed_twice_in_one_case_is_refused_clearly(vault, store, part):
    case = full_case()
    items = getattr(case, part)
    twice = replace(case, **{part: (items[0], replace(items[1], id=items[0].id))})

    with pytest.raises(UserError, match="listed twice"):
        store(twice)

    assert row_count(vault, CaseRow) == 0 and row_count(vault, AuditEntry) == 0


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_an_empty_display_name_is_refused_and_nothing_is_written(vault, store, name):
    case = full_case()
    store(case)
    entries, cases_before = row_count(vault, AuditEntry), row_count(vault, CaseRow)

    with pytest.raises(UserError, match="display name"):
        store(Case(id=new_id(), display_name=name, events=(
            Event(id=new_id(), date=D("2020"), title="x"),)))
    with pytest.raises(UserError, match="display name"):
        store(replace(case, display_name=name, summary="changed"))

    assert (row_count(vault, AuditEntry), row_count(vault, CaseRow)) == (entries, cases_before)
    assert row_count(vault, EventRow) == len(case.events)
    assert fetch(vault, case.id) == case


# -- the case list and its filters ---------------------------------------------------------

GERMANY = Organisation(id=new_id(), name="Germany", country="DE",
                       kind=OrganisationKind.GOVERNMENT)
ENVOY = Official(id=new_id(), name="Anna Berg", title="Human Rights Commissioner",
                 organisation_id=GERMANY.id)

WANG = Case(id=new_id(), display_name="Wang Lizhang", name_original="王立璋",
            status=Status.SENTENCED, category=Category.HUMAN_RIGHTS_LAWYER,
            consent=Consent.PUBLIC, nationalities=("CN",), tags=("709", "lawyers"), priority=1,
            events=(Event(id=new_id(), date=D("2015-07-10"), kind=EventKind.DETAINED,
                          title="Detained"),))
NURGUL = Case(id=new_id(), display_name="Nurgul Hesen", name_original="نۇرگۈل ھەسەن",
              status=Status.MISSING, status_since=D("2017-11"), category=Category.SCHOLAR,
              consent=Consent.PRIVATE_ONLY, nationalities=("CN", "KZ"), tags=("xinjiang",),
              priority=2)
TASHI = Case(id=new_id(), display_name="Tashi Tseten", name_original="བཀྲ་ཤིས་ཚེ་བརྟན",
             status=Status.RSDL, category=Category.RELIGIOUS_PRACTITIONER,
             consent=Consent.DO_NOT_RAISE, tags=("tibet",), priority=3,
             events=(Event(id=new_id(), date=D("2025-06~"), kind=EventKind.RSDL_BEGAN,
                           title="Taken to a designated location"),))
CHEN = Case(id=new_id(), display_name="Chen Meiling", name_original="陈美玲",
            status=Status.RELEASED, category=Category.FEMINIST_ADVOCATE, consent=Consent.PUBLIC,
            nationalities=("CN",), tags=("women",), priority=2,
            events=(Event(id=new_id(), date=D("2018-03-07"), kind=EventKind.DETAINED,
                          title="Detained"),
                    Event(id=new_id(), date=D("2018-04-13"), kind=EventKind.RELEASED,
                          title="Released on bail")))
LI = Case(id=new_id(), display_name="Li Na", category=Category.JOURNALIST,
          status=Status.FORMALLY_ARRESTED, status_since=D("2023"), consent=Consent.UNKNOWN,
          nationalities=("SE",),
          events=(Event(id=new_id(), date=D("2024~"), kind=EventKind.ARRESTED,
                        title="Arrested"),))
GONE = Case(id=new_id(), display_name="Deleted person", status=Status.MISSING,
            category=Category.SCHOLAR, tags=("xinjiang",))


def _ask(when: str, *cases: Case, by_official: bool = False) -> Ask:
    return Ask(id=new_id(), date=D(when), public=False, case_ids=tuple(c.id for c in cases),
               raised_by_official_id=ENVOY.id if by_official else None,
               raised_by_organisation_id=None if by_official else GERMANY.id)


ASK_WANG = _ask("2026-01-15", WANG, by_official=True)
ASK_TASHI = _ask("2025-12-01", TASHI)  # exactly 90 days before TODAY
ASK_CHEN = _ask("2024-05-20", CHEN, GONE)
ASK_CHEN_WITHDRAWN = _ask("2026-02-20", CHEN)  # deleted below


@pytest.fixture(scope="module")
def listed(module_vault, save_into):
    save_into(module_vault, GERMANY, ENVOY, WANG, NURGUL, TASHI, CHEN, LI, GONE, ASK_WANG,
              ASK_TASHI, ASK_CHEN, ASK_CHEN_WITHDRAWN)
    with module_vault.session() as session:
        asks.delete_ask(session, ASK_CHEN_WITHDRAWN.id)
        delete_case(session, GONE.id)
    return module_vault


def names(vault, flt: CaseFilter | None = None) -> list[str]:
    with vault.session() as session:
        return [c.display_name for c in list_cases(session, TODAY, flt or CaseFilter())]


def by_id(vault) -> dict:
    with vault.session() as session:
        return {c.id: c for c in list_cases(session, TODAY)}


@pytest.mark.parametrize(("flt", "expected"), [
    (CaseFilter(), ["Chen Meiling", "Li Na", "Nurgul Hesen", "Tashi Tseten", "Wang Lizhang"]),
    (CaseFilter(statuses=frozenset({Status.RSDL, Status.MISSING})),
     ["Nurgul Hesen", "Tashi Tseten"]),
    (CaseFilter(statuses=frozenset({Status.DECEASED})), []),
    (CaseFilter(categories=frozenset({Category.HUMAN_RIGHTS_LAWYER, Category.JOURNALIST})),
     ["Li Na", "Wang Lizhang"]),
    (CaseFilter(consents=frozenset({Consent.DO_NOT_RAISE})), ["Tashi Tseten"]),
    (CaseFilter(consents=frozenset({Consent.PUBLIC, Consent.PRIVATE_ONLY})),
     ["Chen Meiling", "Nurgul Hesen", "Wang Lizhang"]),
    (CaseFilter(nationality="KZ"), ["Nurgul Hesen"]),
    (CaseFilter(nationality="se"), ["Li Na"]),
    (CaseFilter(nationality="CN"), ["Chen Meiling", "Nurgul Hesen", "Wang Lizhang"]),
    (CaseFilter(tag="709"), ["Wang Lizhang"]),
    (CaseFilter(tag="70"), []),  # a tag is matched whole
    (CaseFilter(tag="xinjiang"), ["Nurgul Hesen"]),  # not the deleted case
    (CaseFilter(priority=2), ["Chen Meiling", "Nurgul Hesen"]),
    (CaseFilter(query="wang", categories=frozenset({Category.HUMAN_RIGHTS_LAWYER})),
     ["Wang Lizhang"]),
    (CaseFilter(query="wang", statuses=frozenset({Status.RELEASED})), []),
    (CaseFilter(query="美玲", consents=frozenset({Consent.PUBLIC}), tag="women"),
     ["Chen Meiling"]),
    (CaseFilter(query="na", nationality="SE", priority=None), ["Li Na"]),
    (CaseFilter(query="nowhere at all"), []),
    (CaseFilter(statuses=frozenset({Status.MISSING}), not_raised_since_days=30, tag="xinjiang",
                priority=2, consents=frozenset({Consent.PRIVATE_ONLY}),
                categories=frozenset({Category.SCHOLAR}), nationality="cn", query="hesen"),
     ["Nurgul Hesen"]),
])
def test_filters(listed, flt, expected):
    assert names(listed, flt) == expected


@pytest.mark.parametrize(("days", "expected"), [
    (90, ["Chen Meiling", "Li Na", "Nurgul Hesen"]),  # raised exactly 90 days ago: not stale
    (89, ["Chen Meiling", "Li Na", "Nurgul Hesen", "Tashi Tseten"]),
    (45, ["Chen Meiling", "Li Na", "Nurgul Hesen", "Tashi Tseten"]),  # Wang raised 45 days ago
    (44, ["Chen Meiling", "Li Na", "Nurgul Hesen", "Tashi Tseten", "Wang Lizhang"]),
    (0, ["Chen Meiling", "Li Na", "Nurgul Hesen", "Tashi Tseten", "Wang Lizhang"]),
    (5000, ["Li Na", "Nurgul Hesen"]),  # only the never-raised
])
def test_not_raised_since_includes_the_never_raised_and_has_a_sharp_boundary(
        listed, days, expected):
    # Every case, released and do-not-raise ones too: this is about the dates.
    assert names(listed, CaseFilter(not_raised_since_days=days,
                                    not_raised_all_cases=True)) == expected


def test_last_raised_comes_from_live_asks_only(listed):
    found = by_id(listed)

    assert found[WANG.id].last_raised == date(2026, 1, 15)  # raised by an official
    assert found[TASHI.id].last_raised == date(2025, 12, 1)
    assert found[CHEN.id].last_raised == date(2024, 5, 20)  # the later ask was deleted
    assert found[NURGUL.id].last_raised is None and found[LI.id].last_raised is None


def test_days_detained_is_a_lower_bound_and_none_once_released(listed):
    found = by_id(listed)

    assert found[WANG.id].days_detained == (TODAY - date(2015, 7, 10)).days
    assert found[NURGUL.id].days_detained == (TODAY - date(2017, 11, 30)).days  # "2017-11"
    assert found[TASHI.id].days_detained == (TODAY - date(2025, 6, 30)).days  # "2025-06~"
    assert found[LI.id].days_detained == (TODAY - date(2024, 12, 31)).days  # "2024~"
    assert found[CHEN.id].days_detained is None


def test_days_detained_is_zero_when_the_start_may_be_today_or_later(vault, store):
    case = Case(id=new_id(), display_name="Just taken", status=Status.DETAINED_INCOMMUNICADO,
                status_since=D("2026-03"))
    store(case)
    with vault.session() as session:
        assert list_cases(session, TODAY)[0].days_detained == 0
        assert list_cases(session, date(2026, 4, 10))[0].days_detained == 10


def test_days_detained_follows_a_status_change(vault, store):
    store(WANG)
    store(replace(WANG, status=Status.RELEASED))
    with vault.session() as session:
        assert list_cases(session, TODAY)[0].days_detained is None
    store(WANG)
    with vault.session() as session:
        assert list_cases(session, TODAY)[0].days_detained == (TODAY - date(2015, 7, 10)).days


def test_summary_lines_carry_the_list_columns(listed):
    line = by_id(listed)[NURGUL.id]

    assert (line.display_name, line.name_original, line.status, line.category, line.consent,
            line.priority, line.nationalities, line.tags) == (
        "Nurgul Hesen", "نۇرگۈل ھەسەن", Status.MISSING, Category.SCHOLAR,
        Consent.PRIVATE_ONLY, 2, ("CN", "KZ"), ("xinjiang",))


def test_save_case_accepts_the_session_of_a_caller(vault):
    # Services share the caller's unit of work: one rollback undoes the case and its index.
    case = full_case()
    with pytest.raises(RuntimeError), vault.session() as session:
        save_case(session, case)
        raise RuntimeError("the caller fails after saving")

    assert row_count(vault, CaseRow) == 0
    with vault.session() as session:
        assert search.matching_case_ids(session, "王立璋") == set()


@pytest.mark.parametrize("bad_id", ["101", "NOT-A-UUID", "6F9619FF-8B86-D011-B42D-00C04FC964FF"])
def test_a_case_id_that_is_not_a_lower_case_uuid_is_refused(vault, bad_id):
    case = Case(id=bad_id, display_name="Test Person")
    with pytest.raises(UserError, match="UUID"), vault.session() as session:
        save_case(session, case)
