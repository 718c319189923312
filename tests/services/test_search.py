# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one search box: any name in any script, charges, tags, summary, notes, event text.

Terms of three or more characters go to the FTS5 trigram index, shorter ones to the index
of one- and two-character pieces, which must find what LIKE on the text finds; both
paths are exercised, and hostile input must come back as an answer, never an error.
Every person here is invented.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text

from app.domain.dates import FuzzyDate
from app.domain.enums import Category, EventKind
from app.domain.model import Case, Event, OtherName
from app.services import search
from app.services.cases import CaseFilter, delete_case, list_cases, new_id

TODAY = date(2026, 3, 1)

LAWYER = Case(
    id=new_id(), display_name="W. Lizhang", name_original="王立璋",
    other_names=(OtherName("Wáng Lìzhāng", "zh-Latn-pinyin"),
                 OtherName("Wong Lap-cheung", "yue-Latn")),
    category=Category.HUMAN_RIGHTS_LAWYER, charges=("subversion of state power",),
    tags=("709",), summary="人权律师，代理宗教自由案件。",
)
SCHOLAR = Case(
    id=new_id(), display_name="Nurgul H.", name_original="نۇرگۈل ھەسەن",
    other_names=(OtherName("Nurgül Hesen", "ug-Latn"),), category=Category.SCHOLAR,
    charges=("separatism",), internal_notes="Her sister in Almaty is 100% sure of the date.",
)
MONK = Case(
    id=new_id(), display_name="T. Tseten", name_original="བཀྲ་ཤིས་ཚེ་བརྟན",
    other_names=(OtherName("Trashi Tseten", "bo-Latn"),),
    category=Category.RELIGIOUS_PRACTITIONER, tags=("tibet",),
    events=(Event(id=new_id(), date=FuzzyDate.parse("2024-02~"), kind=EventKind.DETAINED,
                  title="Detained after a prayer gathering",
                  description="Taken from the monastery kitchen before dawn."),),
)
ADVOCATE = Case(
    id=new_id(), display_name="Chen Meiling", name_original="陈美玲",
    other_names=(OtherName("Chén Měilíng", "zh-Latn-pinyin"),),
    category=Category.FEMINIST_ADVOCATE, summary="女权活动人士, a campaigner on harassment.",
    tags=("women",),
)
EVERYONE = (LAWYER, SCHOLAR, MONK, ADVOCATE)
NAMES = {c.id: c.display_name for c in EVERYONE}


@pytest.fixture(scope="module")
def indexed(module_vault, save_into):
    save_into(module_vault, *EVERYONE)
    return module_vault


def found(vault, query: str) -> list[str]:
    """Display names of the cases the search box finds, through the case list."""
    with vault.session() as session:
        return [c.display_name for c in list_cases(session, TODAY, CaseFilter(query=query))]


@pytest.mark.parametrize(("query", "who"), [
    # display name and name in original script, whole and in parts
    ("Lizhang", LAWYER), ("王立璋", LAWYER), ("立璋", LAWYER), ("王", LAWYER),
    ("美玲", ADVOCATE), ("陈", ADVOCATE),
    # other names in any script; Latin accents do not matter either way
    ("wang", LAWYER), ("WÁNG LÌZHĀNG", LAWYER), ("lap-cheung", LAWYER), ("Wong", LAWYER),
    ("meiling", ADVOCATE), ("Měilíng", ADVOCATE), ("nurgul", SCHOLAR), ("Nurgül", SCHOLAR),
    ("trashi", MONK),
    # Uyghur in Arabic script and Tibetan script, by substring
    ("نۇرگۈل", SCHOLAR), ("ھەسە", SCHOLAR), ("ھە", SCHOLAR), ("ۈ", SCHOLAR),
    ("ཚེ་བརྟན", MONK), ("བཀྲ", MONK),
    # charges, tags, summary, internal notes, event title and description
    ("subversion", LAWYER), ("separat", SCHOLAR), ("709", LAWYER), ("tibet", MONK),
    ("宗教自由", LAWYER), ("女权", ADVOCATE), ("harassment", ADVOCATE), ("Almaty", SCHOLAR),
    ("prayer gathering", MONK), ("kitchen", MONK),
])
def test_a_case_is_found_by_any_of_its_texts(indexed, query, who):
    assert found(indexed, query) == [who.display_name]


def test_two_characters_use_the_gram_index_three_the_trigram_index(indexed):
    # 律师 is too short for a trigram: only the index of short pieces can find the lawyer.
    with indexed.session() as session:
        assert search.matching_case_ids(session, "律师") == {LAWYER.id}
        assert search.matching_case_ids(session, "人权律师") == {LAWYER.id}
        fts = session.execute(text("SELECT case_id FROM case_search WHERE case_search MATCH "
                                   ":q"), {"q": '"人权律"'}).scalars().all()
        assert fts == [LAWYER.id]
        short = session.execute(text("SELECT case_id FROM case_search WHERE case_search MATCH "
                                     ":q"), {"q": '"律师"'}).scalars().all()
        assert short == []  # why the short pieces have their own index
    assert found(indexed, "律师") == [LAWYER.display_name]


def test_every_term_must_match(indexed):
    assert found(indexed, "wang subversion") == [LAWYER.display_name]
    assert found(indexed, "王 709") == [LAWYER.display_name]
    assert found(indexed, "  wang   王  ") == [LAWYER.display_name]
    assert found(indexed, "wang separatism") == []
    assert found(indexed, "王 陈") == []


@pytest.mark.parametrize("query", ["zzz", "江", "律师律师", "ab", "x"])
def test_no_match_gives_an_empty_list(indexed, query):
    assert found(indexed, query) == []


@pytest.mark.parametrize("query", ["", "   ", "\u3000"])
def test_an_empty_query_does_not_filter(indexed, query):
    assert len(found(indexed, query)) == len(EVERYONE)
    with indexed.session() as session:
        assert search.matching_case_ids(session, query) is None


def test_like_wildcards_are_literal(indexed):
    assert found(indexed, "%") == [SCHOLAR.display_name]  # only "100% sure" has one
    assert found(indexed, "0%") == [SCHOLAR.display_name]
    assert found(indexed, "_") == []
    assert found(indexed, "%%") == []
    assert found(indexed, "a_b") == []
    assert found(indexed, "\\") == []


@pytest.mark.parametrize("query", [
    '"', '""', "'", "''", '"wang', 'wang"', "wang*", "*", "***", "NEAR", "near(wang chen)",
    "NEAR/3", "wang AND chen", "wang OR chen", "NOT wang", "AND", "OR", "-wang", "^wang",
    "body:wang", "case_id:x", "{body}: wang", "(wang", "wang)", "'); DROP TABLE cases; --",
    "%' OR '1'='1", "\\%", ":match", "?", "\x00", "王'", '律"',
])
def test_fts_and_sql_syntax_in_a_query_is_harmless(indexed, query):
    result = found(indexed, query)

    assert set(result) <= set(NAMES.values())
    assert len(found(indexed, "")) == len(EVERYONE)  # and nothing was damaged


def test_operators_and_wildcards_are_plain_text(indexed):
    # No text here contains "and", "or" or "*": as operators they would have matched.
    assert found(indexed, "wang subversion") == [LAWYER.display_name]
    assert found(indexed, "wang AND subversion") == []
    assert found(indexed, "wang OR chen") == []
    assert found(indexed, "wang*") == []
    assert found(indexed, "harass*") == []
    assert found(indexed, "harass") == [ADVOCATE.display_name]


def test_the_index_follows_edits_and_deletes(vault, store):
    store(LAWYER, ADVOCATE)
    assert found(vault, "lizhang") == [LAWYER.display_name]

    renamed = replace(LAWYER, display_name="Lao Wang", other_names=(), summary="律所主任",
                      charges=(), tags=())
    store(renamed)
    assert found(vault, "lizhang") == []
    assert found(vault, "subversion") == []
    assert found(vault, "律师") == []
    assert found(vault, "律所") == ["Lao Wang"]
    assert found(vault, "lao wang") == ["Lao Wang"]

    store(replace(ADVOCATE, events=(Event(id=new_id(), date=FuzzyDate.parse("2025"),
                                          title="Summoned by police"),)))
    assert found(vault, "summoned") == [ADVOCATE.display_name]
    store(ADVOCATE)  # the event is dropped again
    assert found(vault, "summoned") == []

    with vault.session() as session:
        delete_case(session, renamed.id)
    assert found(vault, "lao wang") == []
    assert found(vault, "王") == []
    with vault.session() as session:
        assert session.execute(text("SELECT count(*) FROM case_search")).scalar() == 1


def like_ids(session, term: str) -> set[str]:
    """What a LIKE scan of the indexed text finds: the meaning short terms must keep."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return set(session.execute(text("SELECT case_id FROM case_search WHERE body LIKE :q "
                                     "ESCAPE '\\'"), {"q": f"%{escaped}%"}).scalars())


def test_short_terms_find_exactly_what_like_finds(indexed):
    with indexed.session() as session:
        bodies = session.execute(text("SELECT body FROM case_search")).scalars().all()
        pieces = {body[i:i + n] for body in bodies for n in (1, 2)
                  for i in range(len(body) - n + 1)}
        pieces = {p for p in pieces if not any(ch.isspace() for ch in p)}
        pieces |= {"zz", "江", "%", "_", "\\", "a%", "0%", "律", "师"}
        assert len(pieces) > 200
        for piece in sorted(pieces):
            assert search.matching_case_ids(session, piece) == like_ids(session, piece), piece
        for query in ("律师 王", "王 709", "wa ng", "人权律师 王", "ab 王"):
            expected = set.intersection(*(like_ids(session, t) for t in search.terms(query)))
            assert search.matching_case_ids(session, query) == expected, query


def test_a_deleted_case_leaves_no_short_pieces(vault, store):
    store(LAWYER, ADVOCATE)
    with vault.session() as session:
        delete_case(session, LAWYER.id)
    with vault.session() as session:
        assert session.execute(text("SELECT count(*) FROM case_search_grams")).scalar() == 1
        assert search.matching_case_ids(session, "律师") == set()


def test_normalise_strips_latin_accents_only():
    assert search.normalise("Wáng Lìzhāng") == "wang lizhang"
    assert search.normalise("Nurgül ÇELIK") == "nurgul celik"
    assert search.normalise("ＷＡＮＧ") == "wang"  # full-width letters
    assert search.normalise("نۇرگۈل") == "نۇرگۈل"
    assert search.normalise("王立璋") == "王立璋"
    assert search.normalise("བཀྲ་ཤིས") == search.normalise(search.normalise("བཀྲ་ཤིས"))
