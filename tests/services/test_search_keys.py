# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Search answers by keys (what the Cases screen filters its rows by on a keystroke) and by
IDs find exactly the cases a plain scan of every case's text finds: for random queries cut
from Latin, Chinese and Uyghur (Arabic script) text, mixed with short terms, wildcards and
text found nowhere. Every person here is invented."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.dates import FuzzyDate
from app.domain.model import Case, Event, OtherName
from app.services import search
from app.services.cases import CaseFilter, list_cases, new_id
from app.vault.search_index import case_text, search_rowid

TODAY = date(2026, 3, 1)


def _case(name: str, original: str, other: str, summary: str, event: str) -> Case:
    return Case(id=new_id(), display_name=name, name_original=original,
                other_names=(OtherName(other, "und"),), summary=summary,
                charges=("subversion of state power",) if "王" in original else (),
                events=(Event(id=new_id(), date=FuzzyDate.parse("2025-03"), title=event,
                              description=f"{summary} {event}"),))


CASES = (
    _case("Wang Lizhang", "王立璋", "Wáng Lìzhāng", "人权律师，代理宗教自由案件。",
          "Taken from home / 在家中被带走"),
    _case("Wang Quanzhang", "王全璋", "Wong Chuen-cheung", "lawyer of choice refused",
          "Lawyer turned away / 律师会见被拒"),
    _case("Li Heping", "李和平", "Lei Woping", "家属多次要求会见被拒; family denied visits",
          "Sentenced / 被判刑"),
    _case("Ilham Tursun", "ئىلھام تۇرسۇن", "Ilham Tursun", "scholar serving a long sentence",
          "Transferred / 被转移关押地点"),
    _case("Gulnar Memet", "گۈلنار مەمەت", "Gülnar Mämät", "100% sure of the date_of transfer",
          "Statement by the family / 家属发表声明"),
    _case("Chen Meiling", "陈美玲", "Chén Měilíng", "女权活动人士, a feminist advocate",
          "Health incident reported / 健康状况告急"),
    _case("Rahile Ekhmet", "راھىلە ئەخمەت", "Rahilä Äxmät", "exit ban on the family",
          "Trial held in secret / 秘密开庭"),
)
TEXTS = [case_text(c) for c in CASES]
# What a caseworker might type: pieces of the texts, plus what is found nowhere and what
# LIKE, FTS5 or a phrase would read as syntax.
ALPHABET = sorted({ch for t in TEXTS for ch in t if not ch.isspace()} | set("%_\"*'-^:()xq"))


def plain_scan(query: str) -> set[str] | None:
    terms = search.terms(query)
    if not terms:
        return None
    return {c.id for c, body in zip(CASES, TEXTS, strict=True)
            if all(term in body for term in terms)}


@pytest.fixture(scope="module")
def indexed(module_vault, save_into):
    save_into(module_vault, *CASES)
    return module_vault


@st.composite
def pieces(draw) -> str:
    body = draw(st.sampled_from(TEXTS))
    size = draw(st.integers(1, 10))
    at = draw(st.integers(0, max(0, len(body) - size)))
    piece = body[at:at + size]
    return piece.upper() if draw(st.booleans()) else piece


QUERIES = st.lists(st.one_of(pieces(), st.text(ALPHABET, min_size=1, max_size=6)),
                   min_size=1, max_size=3).map(" ".join)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES)
def test_keys_and_ids_find_what_a_plain_scan_finds(indexed, query):
    expected = plain_scan(query)
    with indexed.session() as session:
        ids = search.matching_case_ids(session, query)
        keys = search.matching_keys(session, query)
        listed = {c.id for c in list_cases(session, TODAY, CaseFilter(query=query))}
    assert ids == expected, query
    if expected is None:
        assert keys is None
        assert listed == {c.id for c in CASES}
    else:
        assert keys == {search.key_of(case_id) for case_id in expected}, query
        assert listed == expected, query


@pytest.mark.parametrize("query", ["王", "律师", "ۇرس", "Wáng", "lawyer 王", "家属 family",
                                   "%", "100%", "nobody", "  "])
def test_keys_and_ids_agree_on_examples(indexed, query):
    test_keys_and_ids_find_what_a_plain_scan_finds.hypothesis.inner_test(indexed, query)


def test_a_key_is_the_index_rowid_of_any_spelling_of_the_id():
    case_id = CASES[0].id
    assert search.key_of(case_id) == search_rowid(case_id)
    assert search.key_of(case_id.upper()) == search.key_of(case_id)
    assert search.key_of("{" + case_id + "}") == search.key_of(case_id)
    assert search.key_of(case_id.replace("-", "")) == search.key_of(case_id)
    assert search.keys_of([c.id for c in CASES]) == [search.key_of(c.id) for c in CASES]
    with pytest.raises(ValueError):
        search.key_of("not an id")
    with pytest.raises(ValueError):
        search.key_of("0" * 30 + " 0")
