# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Any text, any length, any mix of Latin, Chinese, Uyghur and Tibetan: it renders, flows
across pages, and pdftotext gives the names back.

The property test runs a few examples by default (CI budget); set VIGIL_DOSSIER_EXAMPLES=200
and VIGIL_DOSSIER_MAX_ROWS=500 for a long run (0–500 events and asks per case).

pdftotext (poppler) puts right-to-left text in reading order itself and marks it with
U+202B … U+202C, and it decides alone where spaces and line ends go (and drops a hyphen
at a line end); the comparison drops those marks and whitespace, nothing else.
"""

from __future__ import annotations

import os
import unicodedata
from datetime import date

import pytest
from dossier_helpers import pdf_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.dates import FuzzyDate
from app.domain.enums import Consent, EventKind, Status
from app.domain.model import Case, Event, OtherName
from app.dossier.model import AskRecord, DossierCase, DossierInput, Profile
from app.dossier.pdf import write_dossier

EXAMPLES = int(os.environ.get("VIGIL_DOSSIER_EXAMPLES", "4"))
MAX_ROWS = int(os.environ.get("VIGIL_DOSSIER_MAX_ROWS", "6"))
RECIPIENT = "Ambassador ئابدۇ 王 Jane"

LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéüçğş"
UYGHUR = "ئابپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىيە"
TIBETAN_BASE = "ཀཁགངཅཆཇཉཏཐདནཔཕབམཙཚཛཝཞཟའཡརལཤསཧཨ"
TIBETAN_SUB = ["", "", "ྱ", "ྲ", "ླ"]
TIBETAN_VOWEL = ["", "ི", "ུ", "ེ", "ོ"]


def flat(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFC", text)
                   if not c.isspace() and c not in "\u202a\u202b\u202c\u202d\u202e")


latin_word = st.text(LATIN, min_size=1, max_size=12)
chinese_word = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
                       min_size=1, max_size=6)
uyghur_word = st.text(UYGHUR, min_size=2, max_size=10)
tibetan_syllable = st.builds(lambda b, s, v: b + s + v, st.sampled_from(TIBETAN_BASE),
                             st.sampled_from(TIBETAN_SUB), st.sampled_from(TIBETAN_VOWEL))
tibetan_word = st.lists(tibetan_syllable, min_size=1, max_size=4).map("\u0f0b".join)
word = st.one_of(latin_word, chinese_word, uyghur_word, tibetan_word)
name = st.lists(word, min_size=1, max_size=4).map(" ".join)


@st.composite
def free_text(draw, max_words: int = 80):
    """Random words in random scripts, some lines, sometimes very long (a pasted reply)."""
    size = draw(st.sampled_from([0, 3, 20, max_words, max_words * 6]))
    words = draw(st.lists(word, max_size=size))
    out = []
    for w in words:
        out.append(w)
        out.append(draw(st.sampled_from([" ", " ", " ", "\n", ", ", "。"])))
    return "".join(out).strip() or None


@st.composite
def dossier_case(draw, index: int):
    events = tuple(Event(id=f"e{index}-{k}", date=FuzzyDate(2010 + k % 15, 1 + k % 12),
                         kind=EventKind.DETAINED if k == 0 else EventKind.OTHER,
                         title=draw(name), description=draw(free_text(20)))
                   for k in range(draw(st.integers(0, MAX_ROWS))))
    asks = tuple(AskRecord(date=FuzzyDate(2015 + k % 10, 1 + k % 12), raised_by=draw(name),
                           raised_with=draw(name), government="G", government_id="g",
                           channel=None, public=True, response_text=draw(free_text(30)))
                 for k in range(draw(st.integers(0, MAX_ROWS))))
    case = Case(id=f"c{index}", display_name=draw(name), name_original=draw(name),
                other_names=(OtherName(draw(name), "ug-Arab"),),
                consent=draw(st.sampled_from([Consent.PUBLIC, Consent.PRIVATE_ONLY,
                                              Consent.UNKNOWN])),
                status=Status.SENTENCED, location=draw(free_text(10)),
                facility=draw(free_text(10)), charges=(draw(free_text(10)) or "x",),
                sentence=draw(free_text(10)), health_concerns=draw(free_text()),
                summary=draw(free_text()), occupation=draw(free_text(5)), events=events)
    return DossierCase(case=case, asks=asks, ask=draw(free_text()),
                       talking_points=draw(free_text()))


@st.composite
def dossiers(draw):
    count = draw(st.integers(1, 3))
    return DossierInput(recipient=RECIPIENT, prepared_on=date(2026, 3, 1),
                        cases=tuple(draw(dossier_case(i)) for i in range(count)),
                        government="G", recipient_org_id="g")


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.large_base_example])
@given(dossiers())
def test_any_text_renders_and_names_extract(tmp_path_factory, dossier):
    out = tmp_path_factory.mktemp("prop") / "d.pdf"
    with out.open("wb") as handle:
        report = write_dossier(dossier, Profile.DIPLOMATIC, handle)
    text = pdf_text(out)
    pages = text.split("\f")[:-1]
    assert len(pages) == report.pages
    assert all(flat(f"Prepared for {RECIPIENT}") in flat(page) for page in pages)
    whole = flat(text)
    for item in dossier.cases:
        for each in (item.case.display_name, item.case.name_original,
                     item.case.other_names[0].name):
            assert flat(each) in whole, each


# -- the reported failures, one by one ----------------------------------------------------------

REPLY = ("The so called case you mention is purely China's internal affair. " * 50)[:3300]
CRASHED = ["བློ་བཟང་ཆོས་གྲགས（洛桑曲扎）", "麦合木提江·阿不都热依木/مەھمۇتجان", '王"ئابدۇسالام"',
           "Mehmutjan Abdurehim (مەھمۇتجان ئابدۇرەھىم)"]


def render(tmp_path, *items, profile=Profile.INTERNAL):
    out = tmp_path / "d.pdf"
    with out.open("wb") as handle:
        report = write_dossier(DossierInput(recipient="Desk", prepared_on=date(2026, 3, 1),
                                            cases=items), profile, handle)
    return out, report


@pytest.mark.parametrize("field", ["ask", "talking_points", "location", "facility", "charges",
                                   "health_concerns", "event", "response", "other_name"])
def test_a_field_longer_than_a_page_flows_on(tmp_path, field):
    long = REPLY + " 中文答复" * 400
    case = dict(id="c", display_name="Long Person", consent=Consent.PUBLIC,
                status=Status.SENTENCED)
    item = {}
    if field in ("location", "facility", "health_concerns"):
        case[field] = long
    elif field == "charges":
        case["charges"] = (long,)
    elif field == "event":
        case["events"] = (Event(id="e", date=FuzzyDate(2016), title=long, description=long),)
    elif field == "other_name":
        case["other_names"] = (OtherName(long, "zh-Hans"),)
    elif field == "response":
        item["asks"] = (AskRecord(date=FuzzyDate(2020), raised_by=long, raised_with="x",
                                  government="G", channel=None, public=True,
                                  response_text=long),)
    else:
        item[field] = long
    out, report = render(tmp_path, DossierCase(case=Case(**case), **item))
    assert report.pages >= 4
    # every word, in order, with page headers and footers in between where pages turn
    words = iter(pdf_text(out).split())
    assert all(any(w == seen for seen in words) for w in REPLY.split())


@pytest.mark.parametrize("name", CRASHED)
def test_mixed_script_names_render_and_their_letters_extract(tmp_path, name):
    out, _ = render(tmp_path, DossierCase(case=Case(id="c", display_name=name,
                                                    consent=Consent.PUBLIC)))
    text = flat(pdf_text(out))
    # poppler moves a bracket or quote that sits between right-to-left and other text;
    # every letter of every script comes back, in order, word by word.
    for part in name.replace("（", " ").replace("）", " ").replace("(", " ").replace(
            ")", " ").replace('"', " ").replace("/", " ").split():
        assert flat(part) in text, part


@pytest.mark.parametrize("name", ["伊力哈木·土赫提", "ئابدۇۋەلى مەمەت", "བློ་བཟང་ཆོས་གྲགས",
                                  "མཁའ་འགྲོ་སྒྲོལ་མ", "Ilham Tohti 伊力哈木 ئىلھام"])
def test_names_extract_exactly(tmp_path, name):
    out, _ = render(tmp_path, DossierCase(case=Case(id="c", display_name=name,
                                                    consent=Consent.PUBLIC)))
    text = pdf_text(out)
    assert flat(name) in flat(text)
    assert not any("\ufb50" <= c <= "\ufeff" or "\ue000" <= c <= "\uf8ff" for c in text)


def test_multiline_uyghur_keeps_its_line_order(tmp_path):
    lines = ["بىرىنچى قۇر", "ئىككىنچى قۇر", "ئۈچىنچى قۇر"]
    out, _ = render(tmp_path, DossierCase(case=Case(id="c", display_name="P",
                                                    consent=Consent.PUBLIC,
                                                    summary="\n".join(lines))))
    text = flat(pdf_text(out))
    at = [text.index(flat(line)) for line in lines]
    assert at == sorted(at)
