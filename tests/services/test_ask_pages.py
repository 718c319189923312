# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The asks list a page at a time: rowids newest first, lines read in blocks equal to
``ask_lines``, and the text filter in SQL finding exactly what the old in-memory filter
found, field by field, in any script; the overdue asks, alone and with the text."""

from __future__ import annotations

from array import array
from datetime import date

import pytest
from sqlalchemy import text

from app.domain.dates import FuzzyDate
from app.domain.enums import Channel, OrganisationKind, Response, label
from app.domain.model import Ask, Case, Official, Organisation
from app.services import ask_pages
from app.services.ask_pages import (
    BLOCK,
    AskFilter,
    ask_rowids,
    count_live_asks,
    overdue_rowids,
    read_block,
    rowid_of,
)
from app.services.asks import AskLine, ask_lines, delete_ask, overdue_ask_ids
from app.services.cases import delete_case, new_id

D = FuzzyDate.parse
TODAY = date(2026, 11, 28)

GERMANY = Organisation(id=new_id(), name="Germany", country="DE",
                       kind=OrganisationKind.GOVERNMENT)
SWEDEN = Organisation(id=new_id(), name="Sweden", country="SE", kind=OrganisationKind.GOVERNMENT)
MFA = Organisation(id=new_id(), name="Ministry of Foreign Affairs", country="CN",
                   kind=OrganisationKind.DETAINING_AUTHORITY)
WEISS = Official(id=new_id(), name="Karl Weiss", organisation_id=GERMANY.id)
WANG_YI = Official(id=new_id(), name="王毅", organisation_id=MFA.id)
ENVOY = Official(id=new_id(), name="Former envoy")  # no organisation
LIN = Case(id=new_id(), display_name="Lin Wenjie")
WANG = Case(id=new_id(), display_name="王小波")
TURSUN = Case(id=new_id(), display_name="Tursun Ablet")
GONE = Case(id=new_id(), display_name="Gone Case")

BY_GERMANY = Ask(id=new_id(), date=D("2026-06-01"), raised_by_organisation_id=GERMANY.id,
                 raised_with_official_id=WANG_YI.id, channel=Channel.BILATERAL_MEETING,
                 public=True, case_ids=(LIN.id,), follow_up_due=D("2026-09"))
BY_WEISS = Ask(id=new_id(), date=D("2026-11"), raised_by_official_id=WEISS.id, public=False,
               case_ids=(TURSUN.id, WANG.id), response=Response.DENIED,
               follow_up_due=D("2027-01-15"))
WEISS_FOR_SWEDEN = Ask(id=new_id(), date=D("2025-03-14~"), raised_by_official_id=WEISS.id,
                       raised_by_organisation_id=SWEDEN.id, raised_with_organisation_id=MFA.id,
                       channel=Channel.LETTER, public=False, case_ids=(WANG.id, GONE.id))
BY_ENVOY = Ask(id=new_id(), date=D("2024"), raised_by_official_id=ENVOY.id, public=True,
               case_ids=(GONE.id, TURSUN.id), response=Response.INTERNAL_AFFAIR)
DELETED = Ask(id=new_id(), date=D("2026-10-01"), raised_by_organisation_id=GERMANY.id,
              public=True, case_ids=(LIN.id,))
ASKS = (BY_GERMANY, BY_WEISS, WEISS_FOR_SWEDEN, BY_ENVOY)


@pytest.fixture
def vault(vault, store):
    store(GERMANY, SWEDEN, MFA, WEISS, WANG_YI, ENVOY, LIN, WANG, TURSUN, GONE, *ASKS, DELETED)
    with vault.session() as session:
        delete_ask(session, DELETED.id)
        delete_case(session, GONE.id)
    return vault


def read(vault, fn):
    with vault.session() as session:
        return fn(session)


def ids_of(vault, rowids) -> list[str]:
    return [line.id for line in read(vault, lambda s: read_block(s, list(rowids)))]


def found(vault, needle: str, **kwargs) -> set[str]:
    """What the filter finds, with the channel and response labels resolved as the screen
    does (English here)."""
    needle = needle.casefold()
    where = AskFilter(text=needle,
                      channels=[c.value for c in Channel if needle in label(c).casefold()],
                      responses=[r.value for r in Response if needle in label(r).casefold()],
                      **kwargs)
    return set(ids_of(vault, read(vault, lambda s: ask_rowids(s, where))))


def oracle(vault, needle: str) -> set[str]:
    """The old filter: a substring of the lower-cased text of the line."""
    def text(line: AskLine) -> str:
        return "\n".join((line.date, line.raised_by, line.raised_with,
                          label(Channel(line.channel)) if line.channel else "",
                          label(Response(line.response)) if line.response else "",
                          *line.cases, line.follow_up_due or "")).casefold()
    return {line.id for line in read(vault, ask_lines) if needle.casefold() in text(line)}


def test_rowids_are_the_live_asks_newest_first(vault):
    rowids = read(vault, ask_rowids)
    assert ids_of(vault, rowids) == [BY_WEISS.id, BY_GERMANY.id, WEISS_FOR_SWEDEN.id,
                                     BY_ENVOY.id]
    assert read(vault, count_live_asks) == 4


def test_a_block_reads_the_lines_ask_lines_gives(vault):
    rowids = read(vault, ask_rowids)
    assert read(vault, lambda s: read_block(s, list(rowids))) == read(vault, ask_lines)
    line = read(vault, lambda s: read_block(s, [rowids[2]]))[0]
    assert line.raised_by == "Karl Weiss \u2014 Sweden"  # the ask's own organisation shows
    assert line.raised_with == "Ministry of Foreign Affairs"
    assert line.cases == ("王小波",)  # a deleted case is not named
    assert read(vault, lambda s: read_block(s, [rowids[0], 10**9]))[1] is None


def test_paging_across_block_boundaries(vault, store):
    many = [Ask(id=new_id(), date=D(f"2019-{1 + i // 28:02d}-{1 + i % 28:02d}"),
                raised_by_organisation_id=SWEDEN.id, public=False, case_ids=(LIN.id,))
            for i in range(BLOCK + 50)]
    twins = [Ask(id=new_id(), date=D("2018-05-05"), raised_by_organisation_id=SWEDEN.id,
                 public=True, case_ids=(LIN.id,)) for _ in range(3)]
    store(*many, *twins)
    rowids = read(vault, ask_rowids)
    assert len(rowids) == len(ASKS) + len(many) + len(twins)
    pages = [read(vault, lambda s, at=at: read_block(s, rowids[at:at + BLOCK]))
             for at in range(0, len(rowids), BLOCK)]
    assert [len(page) for page in pages] == [BLOCK, len(rowids) - BLOCK]
    lines = [line for page in pages for line in page]
    assert [line.id for line in lines[:len(ASKS) + len(many)]] == (
        [BY_WEISS.id, BY_GERMANY.id, WEISS_FOR_SWEDEN.id, BY_ENVOY.id] +
        [ask.id for ask in reversed(many)])
    # asks of the same day: the one written last first, the same way every time
    assert [line.id for line in lines[-3:]] == [ask.id for ask in reversed(twins)]
    assert lines == read(vault, ask_lines)[:len(lines) - 3] + lines[-3:]


@pytest.mark.parametrize(("needle", "expected"), [
    ("2026-06", {BY_GERMANY}),                    # date
    ("2025-03-14~", {WEISS_FOR_SWEDEN}),
    ("2027-01", {BY_WEISS}),                      # follow-up due
    ("karl", {BY_WEISS, WEISS_FOR_SWEDEN}),       # raised by an official
    ("WEISS \u2014 GERMANY", {BY_WEISS}),         # with their organisation
    ("weiss \u2014 sweden", {WEISS_FOR_SWEDEN}),  # with the ask's own organisation
    ("ss \u2014 s", {WEISS_FOR_SWEDEN}),
    ("\u2014 g", {BY_WEISS}),
    ("germany", {BY_GERMANY, BY_WEISS}),          # raised by an organisation
    ("former", {BY_ENVOY}),
    ("王毅", {BY_GERMANY}),                        # raised with, in Chinese
    ("王", {BY_GERMANY, BY_WEISS, WEISS_FOR_SWEDEN}),  # and a case's Chinese name
    ("毅 \u2014 ministry", {BY_GERMANY}),
    ("foreign", {BY_GERMANY, WEISS_FOR_SWEDEN}),   # raised with an organisation
    ("bilateral", {BY_GERMANY}),                  # channel label
    ("letter", {WEISS_FOR_SWEDEN}),
    ("denied", {BY_WEISS}),                       # response label
    ("internal", {BY_ENVOY}),
    ("lin wen", {BY_GERMANY}),                    # case name
    ("王小波", {BY_WEISS, WEISS_FOR_SWEDEN}),
    ("gone", set()),                              # a deleted case is not searched
    ("%", set()), ("_", set()), ("?", set()),      # no wildcards
    ("no such thing", set()),
])
def test_the_text_filter_finds_what_the_old_one_found(vault, needle, expected):
    assert found(vault, needle) == {ask.id for ask in expected} == oracle(vault, needle)


@pytest.mark.parametrize("needle", ["王", "lin wen", "gone", "e"])
def test_many_matching_cases_are_found_through_each_asks_own_list(vault, monkeypatch, needle):
    fewer = found(vault, needle)
    monkeypatch.setattr(ask_pages, "_FEW_CASES", 0)  # as when thousands of names match
    assert found(vault, needle) == fewer == oracle(vault, needle)


def test_an_ask_raised_by_no_one_known_reads_as_a_question_mark(vault):
    with vault.session() as session:  # an organisation without a name reads as nothing
        session.execute(text("UPDATE organisations SET name = '' WHERE id = :id"),
                        {"id": GERMANY.id})
    assert read(vault, ask_lines)[1].raised_by == "?"
    assert found(vault, "?") == {BY_GERMANY.id} == oracle(vault, "?")
    assert found(vault, "karl weiss") == oracle(vault, "karl weiss")
    assert found(vault, "germany") == set()


def test_every_live_ask_matches_a_filter_every_line_holds(vault):
    assert found(vault, "-") == oracle(vault, "-") == {BY_GERMANY.id, BY_WEISS.id,
                                                       WEISS_FOR_SWEDEN.id}
    assert found(vault, "2") == {ask.id for ask in ASKS}


def test_the_overdue_asks_alone_and_with_the_text(vault):
    overdue = read(vault, lambda s: overdue_rowids(s, TODAY))
    assert set(ids_of(vault, overdue)) == read(vault, lambda s: overdue_ask_ids(s, TODAY)) == {
        BY_GERMANY.id}
    assert ids_of(vault, read(vault, lambda s: ask_rowids(s, AskFilter(only=overdue)))) == [
        BY_GERMANY.id]
    assert found(vault, "bilateral", only=overdue) == {BY_GERMANY.id}
    assert found(vault, "karl", only=overdue) == set()
    assert found(vault, "", only=[]) == set()
    assert read(vault, lambda s: overdue_rowids(s, date(2026, 1, 1))) == array("q")


def test_rowid_of_a_live_ask(vault):
    rowids = read(vault, ask_rowids)
    assert read(vault, lambda s: rowid_of(s, BY_GERMANY.id)) == rowids[1]
    assert read(vault, lambda s: rowid_of(s, DELETED.id)) is None
