# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the fictional demo data in resources/demo against DESIGN.md section 9 (interchange
version 2), and that it holds what the accountability and pressure-over-time screens need.

Deliberately independent of the app's own interchange code: the key sets and vocabularies are
copied from the design here, so a drift on either side shows up as a failure. One test also
reads the file with the app's parser, as `vigil demo` does.
"""

import json
import re
import subprocess
import sys
import uuid
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from app.services.interchange import load_json_bytes, parse_document

DEMO = Path(__file__).resolve().parents[2] / "resources" / "demo"
DEMO_JSON = DEMO / "demo.json"
PHOTOS = DEMO / "photos"
TODAY = date(2026, 11, 28)

GENDERS = {"female", "male", "other", "unknown"}
CATEGORIES = {"human_rights_lawyer", "bookseller_publisher", "activist", "labour_activist",
              "feminist_advocate", "journalist", "scholar", "religious_practitioner",
              "family_member", "other"}
STATUSES = {"unknown", "missing", "detained_incommunicado", "rsdl", "criminal_detention",
            "formally_arrested", "indicted", "on_trial", "sentenced", "released_on_bail",
            "released_under_surveillance", "exit_banned", "released", "deceased"}
ACCESS = {"unknown", "denied", "granted", "partial", "not_applicable"}
CONSENTS = {"public", "private_only", "do_not_raise", "unknown"}
SENSITIVITIES = {"normal", "high"}
ORG_KINDS = {"government", "intergovernmental", "parliament", "ngo", "detaining_authority",
             "other"}
EVENT_KINDS = {"abducted", "last_seen", "detained", "rsdl_began", "arrested", "charged",
               "indicted", "trial", "verdict", "sentenced", "transferred",
               "confession_broadcast", "lawyer_denied", "family_harassed", "released",
               "health_incident", "other"}
SOURCE_KINDS = {"news", "ngo_report", "court_document", "official_statement", "interview",
                "family", "lawyer", "other"}
RELIABILITIES = {"confirmed", "probable", "possible", "doubtful", "unknown"}
CHANNELS = {"bilateral_meeting", "demarche", "letter", "public_statement", "joint_statement",
            "un_hrc", "press_conference", "summit_sideline", "parliamentary_question", "other"}
REQUESTS = {"release", "whereabouts", "proof_of_life", "lawyer_access", "family_access",
            "consular_access", "medical_care", "fair_trial", "end_exit_ban",
            "stop_family_harassment", "other"}
RESPONSES = {"none", "denied", "internal_affair", "acknowledged", "information_provided",
             "promise", "released"}
MEETING_STATUSES = {"planned", "held", "cancelled"}
LEVELS = {"head_of_state_or_government", "minister", "deputy_minister", "ambassador",
          "senior_official", "official", "parliamentarian", "un_mechanism", "other"}
HIGH_LEVELS = {"head_of_state_or_government", "minister"}
SENIOR_LEVELS = HIGH_LEVELS | {"deputy_minister", "ambassador", "senior_official"}
ROLES = {"ordered_detention", "arrested", "interrogated", "ill_treatment", "prosecuted",
         "judged", "prison_authority", "denied_access", "surveillance_harassment",
         "forced_confession", "other"}
REGIMES = {"us-glomag", "uk-ghr", "eu-ghrsr", "ca-sema", "au-magnitsky"}
ENCOUNTER_KINDS = {"state_visit", "summit", "ministerial_meeting", "human_rights_dialogue",
                   "ambassador_summoned", "civil_society_meeting", "un_session", "upr_review",
                   "other"}
LISTS = ("organisations", "officials", "cases", "asks", "meetings", "involvements",
         "encounters")

# Real, well-known detainees and officials whose names must never appear in fictional data.
REAL_NAMES = [
    "王全璋", "江天勇", "伊力哈木", "桂民海", "李和平", "王宇", "周世锋", "谢阳", "余文生",
    "丁家喜", "许志永", "常玮平", "黄雪琴", "王建兵", "张展", "高智晟", "郭飞雄", "刘晓波",
    "林荣基", "李波", "杨恒均", "成蕾", "热依拉", "扎西文色", "王毅", "华春莹", "毛宁",
    "Wang Quanzhang", "Jiang Tianyong", "Ilham Tohti", "Gui Minhai", "Li Heping", "Wang Yu",
    "Zhou Shifeng", "Xie Yang", "Yu Wensheng", "Ding Jiaxi", "Xu Zhiyong", "Chang Weiping",
    "Huang Xueqin", "Wang Jianbing", "Zhang Zhan", "Gao Zhisheng", "Guo Feixiong",
    "Liu Xiaobo", "Lam Wing-kee", "Lee Bo", "Yang Hengjun", "Cheng Lei", "Rahile Dawut",
    "Tashi Wangchuk", "Huseyin Celil", "Li Qiaochu", "Lu Siwei", "Wang Yi", "Hua Chunying",
    "Mao Ning", "Wang Wenbin", "Zhao Lijian", "Zheng Zeguang",
    # Heads of government and foreign ministers the demo's invented ones stand in for.
    "习近平", "李强", "Xi Jinping", "Li Qiang", "Scholz", "Merz", "Baerbock", "Wadephul",
    "Starmer", "Lammy", "Macron", "Kristersson", "Albanese", "Penny Wong", "Trudeau",
    "Carney", "Blinken", "Rubio", "Biden", "Trump", "Kallas", "Borrell", "von der Leyen",
]

FUZZY_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?~?")
COUNTRY = re.compile(r"[A-Z]{2}")
ARABIC = re.compile(r"[\u0600-\u06FF]")
TIBETAN = re.compile(r"[\u0F00-\u0FFF]")
HAN = re.compile(r"[\u4E00-\u9FFF]")
# The letters of the Uyghur Arabic-script alphabet (UEY): a name written with Arabic or
# Persian look-alikes (ه for ە, ي for ى) is misspelt.
UYGHUR_LETTERS = set("ئاەبپتجچخدرزژسشغفقكگڭلمنھوۇۆۈۋېىي")
UYGHUR_VOWELS = set("اەوۇۆۈېى")


# ---- value checkers: each returns a problem or None -----------------------------------


def is_text(value):
    return None if isinstance(value, str) and value.strip() else "expected non-empty text"


def is_texts(value):
    if not isinstance(value, list) or any(is_text(v) for v in value):
        return "expected a list of texts"
    return None


def is_fuzzy_date(value):
    match = FUZZY_DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return "not a fuzzy date"
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return "impossible date"
    return None


def is_date_time(value):
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return "not ISO 8601"
    return None if parsed.utcoffset() is not None else "date-time without offset"


def is_uuid(value):
    try:
        return None if str(uuid.UUID(value)) == value else "not a canonical UUID"
    except (TypeError, ValueError, AttributeError):
        return "not a UUID"


def is_uuids(value):
    if not isinstance(value, list) or any(is_uuid(v) for v in value):
        return "expected a list of UUIDs"
    return None if len(set(value)) == len(value) else "an id is listed twice"


def is_bool(value):
    return None if isinstance(value, bool) else "expected a boolean"


def is_year(value):
    ok = isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2026
    return None if ok else "expected a year"


def is_country(value):
    return None if isinstance(value, str) and COUNTRY.fullmatch(value) else "not alpha-2"


def is_countries(value):
    if not isinstance(value, list) or any(is_country(v) for v in value):
        return "expected alpha-2 codes"
    return None


def one_of(allowed):
    def check(value):
        return None if value in allowed and not isinstance(value, bool) else "unknown value"
    return check


def some_of(allowed):
    def check(value):
        if not isinstance(value, list) or any(v not in allowed for v in value):
            return "unknown value in list"
        return None if len(set(value)) == len(value) else "a value is listed twice"
    return check


def is_script_tag(value):
    ok = isinstance(value, str) and re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", value)
    return None if ok else "not a BCP 47 tag"


# key -> checker, and the required keys, per object of section 9.
SCHEMAS = {
    "organisation": ({"id": is_uuid, "name": is_text, "country": is_country,
                      "kind": one_of(ORG_KINDS)}, {"id", "name"}),
    "official": ({"id": is_uuid, "name": is_text, "title": is_text, "organisation_id": is_uuid,
                  "country": is_country, "notes": is_text, "name_original": is_text,
                  "other_names": None, "gender": one_of(GENDERS), "birth_year": is_year,
                  "level": one_of(LEVELS), "identifiers": None, "positions": None,
                  "sanctions": None}, {"id", "name"}),
    "identifier": ({"kind": is_text, "value": is_text, "note": is_text}, {"kind", "value"}),
    "position": ({"organisation_id": is_uuid, "title": is_text, "start": is_fuzzy_date,
                  "end": is_fuzzy_date}, set()),
    "sanction": ({"regime": one_of(REGIMES), "listed_on": is_fuzzy_date,
                  "reference": is_text}, {"regime"}),
    "case": ({
        "id": is_uuid, "display_name": is_text, "name_original": is_text, "other_names": None,
        "gender": one_of(GENDERS), "birth_year": is_year, "ethnicity": is_text,
        "nationalities": is_countries, "category": one_of(CATEGORIES), "occupation": is_text,
        "status": one_of(STATUSES), "status_since": is_fuzzy_date, "location": is_text,
        "facility": is_text, "charges": is_texts, "sentence": is_text,
        "sentence_ends": is_fuzzy_date, "lawyer_access": one_of(ACCESS),
        "family_access": one_of(ACCESS), "consular_access": one_of(ACCESS),
        "health_concerns": is_text, "confession": None, "consent": one_of(CONSENTS),
        "sensitivity": one_of(SENSITIVITIES), "priority": one_of({1, 2, 3}), "tags": is_texts,
        "summary": is_text, "internal_notes": is_text, "events": None, "sources": None,
    }, {"id", "display_name"}),
    "other_name": ({"name": is_text, "script": is_script_tag}, {"name"}),
    "confession": ({"date": is_fuzzy_date, "broadcaster": is_text}, set()),
    "event": ({"id": is_uuid, "date": is_fuzzy_date, "kind": one_of(EVENT_KINDS),
               "title": is_text, "description": is_text, "source_ids": is_uuids},
              {"id", "date", "title"}),
    "source": ({"id": is_uuid, "title": is_text, "url": is_text, "kind": one_of(SOURCE_KINDS),
                "reliability": one_of(RELIABILITIES), "confidential": is_bool,
                "notes": is_text}, {"id", "title"}),
    "ask": ({"id": is_uuid, "date": is_fuzzy_date, "raised_by_official_id": is_uuid,
             "raised_by_organisation_id": is_uuid, "raised_with_official_id": is_uuid,
             "raised_with_organisation_id": is_uuid, "channel": one_of(CHANNELS),
             "public": is_bool, "requests": some_of(REQUESTS), "response": one_of(RESPONSES),
             "response_date": is_fuzzy_date, "response_text": is_text,
             "follow_up_due": is_fuzzy_date, "case_ids": is_uuids, "notes": is_text,
             "level": one_of(LEVELS), "encounter_id": is_uuid},
            {"id", "date", "public", "case_ids"}),
    "meeting": ({"id": is_uuid, "title": is_text, "starts_at": is_date_time,
                 "location": is_text, "organisation_id": is_uuid, "official_ids": is_uuids,
                 "agenda": is_text, "status": one_of(MEETING_STATUSES), "cases": None,
                 "outcome": is_text}, {"id", "title", "starts_at"}),
    "meeting_case": ({"case_id": is_uuid, "ask": is_text, "talking_points": is_text},
                     {"case_id"}),
    "involvement": ({"id": is_uuid, "case_id": is_uuid, "official_id": is_uuid,
                     "role": one_of(ROLES), "date": is_fuzzy_date, "description": is_text,
                     "source_ids": is_uuids}, {"id", "case_id", "official_id", "role"}),
    "encounter": ({"id": is_uuid, "kind": one_of(ENCOUNTER_KINDS), "title": is_text,
                   "starts_on": is_fuzzy_date, "ends_on": is_fuzzy_date,
                   "organisation_ids": is_uuids, "level": one_of(LEVELS), "location": is_text,
                   "public_record": is_text}, {"id", "kind", "title", "starts_on"}),
}
# Nested lists of objects (checked recursively) and nested single objects.
NESTED = {("case", "other_names"): "other_name", ("case", "events"): "event",
          ("case", "sources"): "source", ("meeting", "cases"): "meeting_case",
          ("official", "other_names"): "other_name", ("official", "identifiers"): "identifier",
          ("official", "positions"): "position", ("official", "sanctions"): "sanction"}
NESTED_ONE = {("case", "confession"): "confession"}


def check_object(kind, obj, path, problems):
    checkers, required = SCHEMAS[kind]
    if not isinstance(obj, dict):
        problems.append(f"{path}: expected an object")
        return
    for key in required - obj.keys():
        problems.append(f"{path}.{key}: required key is missing")
    for key, value in obj.items():
        where = f"{path}.{key}"
        if key not in checkers:
            problems.append(f"{where}: unknown key")
        elif (kind, key) in NESTED:
            if not isinstance(value, list):
                problems.append(f"{where}: expected a list")
                continue
            for i, item in enumerate(value):
                check_object(NESTED[(kind, key)], item, f"{where}[{i}]", problems)
        elif (kind, key) in NESTED_ONE:
            check_object(NESTED_ONE[(kind, key)], value, where, problems)
        elif (problem := checkers[key](value)) is not None:
            problems.append(f"{where}: {problem}")


def as_date(text):
    """The earliest day a fuzzy date allows."""
    year, month, day = (int(g) if g else None for g in FUZZY_DATE.fullmatch(text).groups())
    return date(year, month or 1, day or 1)


@pytest.fixture(scope="module")
def raw():
    return DEMO_JSON.read_bytes()


@pytest.fixture(scope="module")
def doc(raw):
    return json.loads(raw.decode("utf-8"))


@pytest.fixture(scope="module")
def by_id(doc):
    return {obj["id"]: obj for key in LISTS for obj in doc[key]}


@pytest.fixture(scope="module")
def raisers(doc):
    """For each ask, the organisation it counts for in the case × government matrix."""
    officials = {o["id"]: o for o in doc["officials"]}
    return {a["id"]: a.get("raised_by_organisation_id")
            or officials[a["raised_by_official_id"]]["organisation_id"] for a in doc["asks"]}


# ---- format ------------------------------------------------------------------------------


def test_file_is_readable_utf8_with_the_top_level_of_version_2(raw, doc):
    text = raw.decode("utf-8")
    assert not text.startswith("\ufeff")
    assert "律师" in text, "Chinese is written as characters, not \\u escapes"
    assert text.startswith('{\n "asks": [\n  {'), "indent 1 with sorted keys"
    assert set(doc) == {"format", "version", *LISTS}
    assert doc["format"] == "vigil-interchange"
    assert doc["version"] == 2 and type(doc["version"]) is int


def test_the_app_reads_the_file(raw):
    parsed = parse_document(load_json_bytes(raw))
    assert parsed.involvements and parsed.encounters


def test_every_object_has_only_section_9_keys_and_values(doc):
    problems = []
    kinds = {"organisations": "organisation", "officials": "official", "cases": "case",
             "asks": "ask", "meetings": "meeting", "involvements": "involvement",
             "encounters": "encounter"}
    for key, kind in kinds.items():
        assert isinstance(doc[key], list)
        for i, obj in enumerate(doc[key]):
            check_object(kind, obj, f"{key}[{i}]", problems)
    assert problems == []


def test_ids_are_unique_across_the_file(doc):
    ids = [o["id"] for key in LISTS for o in doc[key]]
    ids += [x["id"] for c in doc["cases"] for x in c.get("events", []) + c.get("sources", [])]
    assert len(ids) == len(set(ids))


def test_references_resolve_to_objects_of_the_right_kind(doc, by_id):
    kinds = {o["id"]: key for key in ("organisations", "officials", "cases", "encounters")
             for o in doc[key]}

    def points_to(ident, kind):
        return kinds.get(ident) == kind

    for official in doc["officials"]:
        assert points_to(official["organisation_id"], "organisations")
        for position in official.get("positions", []):
            assert points_to(position["organisation_id"], "organisations")
            if "start" in position and "end" in position:
                assert as_date(position["start"]) <= as_date(position["end"])
    for case in doc["cases"]:
        own_sources = {s["id"] for s in case.get("sources", [])}
        for event in case.get("events", []):
            assert set(event.get("source_ids", [])) <= own_sources, case["display_name"]
    for ask in doc["asks"]:
        assert ("raised_by_official_id" in ask) != ("raised_by_organisation_id" in ask)
        for key, kind in (("raised_by_official_id", "officials"),
                          ("raised_with_official_id", "officials"),
                          ("raised_by_organisation_id", "organisations"),
                          ("raised_with_organisation_id", "organisations")):
            if key in ask:
                assert points_to(ask[key], kind), (ask["id"], key)
        assert 1 <= len(ask["case_ids"]) <= 12
        assert all(points_to(c, "cases") for c in ask["case_ids"])
        assert "encounter_id" not in ask or points_to(ask["encounter_id"], "encounters")
    for meeting in doc["meetings"]:
        assert points_to(meeting["organisation_id"], "organisations")
        assert all(points_to(o, "officials") for o in meeting["official_ids"])
        assert all(points_to(line["case_id"], "cases") for line in meeting["cases"])
    for involvement in doc["involvements"]:
        assert points_to(involvement["case_id"], "cases")
        assert points_to(involvement["official_id"], "officials")
        own = {s["id"] for s in by_id[involvement["case_id"]]["sources"]}
        assert involvement["source_ids"] and set(involvement["source_ids"]) <= own
    for encounter in doc["encounters"]:
        assert encounter["organisation_ids"]
        assert all(points_to(o, "organisations") for o in encounter["organisation_ids"])
        if "ends_on" in encounter:
            assert as_date(encounter["starts_on"]) <= as_date(encounter["ends_on"])


# ---- content -------------------------------------------------------------------------------


def test_cases_cover_every_vocabulary(doc):
    cases = doc["cases"]
    assert len(cases) >= 32
    assert {c["category"] for c in cases} == CATEGORIES
    assert {c["status"] for c in cases} == STATUSES
    assert {c["consent"] for c in cases} == CONSENTS
    for field in ("lawyer_access", "family_access", "consular_access"):
        assert {c[field] for c in cases if field in c} == ACCESS, field
    scripts = {n["script"] for c in cases for n in c.get("other_names", [])}
    assert {"zh-Hans", "zh-Hant", "zh-Latn-pinyin", "yue-Latn", "ug-Latn", "bo"} <= scripts
    assert {1, 2, 3} == {c["priority"] for c in cases}
    assert all(c["name_original"] for c in cases)


def test_uyghur_tibetan_and_foreign_national_cases(doc):
    uyghur = [c for c in doc["cases"] if ARABIC.search(c.get("name_original", ""))
              and any(n["script"] == "ug-Latn" for n in c.get("other_names", []))]
    assert len(uyghur) >= 2
    tibetan = [c for c in doc["cases"] if any(
        n["script"] == "bo" and TIBETAN.search(n["name"]) for n in c.get("other_names", []))]
    assert tibetan
    foreign = {tuple(c["nationalities"]) for c in doc["cases"] if "CN" not in c["nationalities"]}
    assert len(foreign) >= 2
    assert any(c["nationalities"] == ["SE"] and c["category"] == "bookseller_publisher"
               for c in doc["cases"])


def test_cases_past_a_legal_time_limit_exist(doc):
    held_past_sentence = [c for c in doc["cases"] if c["status"] == "sentenced"
                          and "sentence_ends" in c and as_date(c["sentence_ends"]) < TODAY]
    assert held_past_sentence
    long_rsdl = [c for c in doc["cases"] if c["status"] == "rsdl"
                 and as_date(c["status_since"]) < TODAY - timedelta(days=183)]
    assert long_rsdl


def test_timelines_sources_and_notes_are_rich(doc):
    precisions = Counter()
    years = set()
    for case in doc["cases"]:
        events = case.get("events", [])
        assert 3 <= len(events) <= 8, case["display_name"]
        assert case.get("sources"), case["display_name"]
        assert case.get("summary"), case["display_name"]
        for event in events:
            text = event["date"]
            precisions[(text.rstrip("~").count("-"), text.endswith("~"))] += 1
            years.add(int(text[:4]))
    assert {(0, False), (1, False), (2, False)} <= set(precisions)
    assert any(approximate for _, approximate in precisions)
    assert min(years) == 2015 and max(years) == 2026
    sources = [s for c in doc["cases"] for s in c["sources"]]
    assert any(s["confidential"] for s in sources)
    assert any(not s["confidential"] for s in sources)
    assert len({s["kind"] for s in sources}) >= 6
    assert len({s["reliability"] for s in sources}) >= 4
    assert any("律师" in c.get("summary", "") for c in doc["cases"]
               if c["category"] == "human_rights_lawyer")
    assert any("CONFIDENTIAL" in c.get("internal_notes", "") for c in doc["cases"])
    assert sum("confession" in c for c in doc["cases"]) >= 2
    charges = {ch for c in doc["cases"] for ch in c.get("charges", [])}
    assert {"subversion of state power", "inciting subversion of state power",
            "picking quarrels and provoking trouble", "separatism",
            "illegal business operations", "leaking state secrets",
            "using a cult to undermine law enforcement"} <= charges


def test_organisations_and_officials(doc, by_id):
    orgs = doc["organisations"]
    governments = [o for o in orgs if o["kind"] == "government"]
    assert len(governments) == 8 and all("country" in o for o in governments)
    assert sum(o["kind"] == "intergovernmental" for o in orgs) >= 2
    assert sum(o["kind"] == "parliament" for o in orgs) >= 1
    assert sum(o["kind"] == "ngo" for o in orgs) >= 2
    detaining = [o for o in orgs if o["kind"] == "detaining_authority"]
    assert detaining and all(o["country"] == "CN" for o in detaining)
    per_org = Counter(o["organisation_id"] for o in doc["officials"])
    assert all(2 <= per_org[g["id"]] <= 6 for g in governments)
    assert sum(per_org[o["id"]] for o in detaining) >= 5
    assert all("level" in o for o in doc["officials"])
    # Every government and the EU has a head of government, a minister and an ambassador.
    for org in governments + [o for o in orgs if o["name"].startswith("European Union")]:
        levels = {o["level"] for o in doc["officials"] if o["organisation_id"] == org["id"]}
        assert {"head_of_state_or_government", "minister", "ambassador"} <= levels, org["name"]


def test_asks_span_three_years_and_every_vocabulary(doc):
    asks = doc["asks"]
    assert len(asks) >= 150
    dates = sorted(as_date(a["date"]) for a in asks)
    assert date(2023, 12, 1) <= dates[0] < date(2024, 1, 1)
    assert date(2026, 11, 1) <= dates[-1] <= TODAY
    assert {a["channel"] for a in asks} == CHANNELS
    assert {a["response"] for a in asks if "response" in a} == RESPONSES
    assert {r for a in asks for r in a.get("requests", [])} >= REQUESTS - {"other"}
    assert {a["public"] for a in asks} == {True, False}
    assert sum("raised_by_official_id" in a for a in asks) > len(asks) / 2
    assert any("raised_by_organisation_id" in a for a in asks)
    assert sum(len(a["case_ids"]) >= 10 for a in asks) >= 2
    replied = [a for a in asks if a.get("response") not in (None, "none")]
    assert sum("response_date" in a for a in replied) / len(replied) > 0.9
    assert all(as_date(a["response_date"]) >= as_date(a["date"])
               for a in asks if "response_date" in a)
    due = [as_date(a["follow_up_due"]) for a in asks if "follow_up_due" in a]
    assert any(d < TODAY for d in due) and any(d > TODAY for d in due)


def test_consent_is_respected(doc, by_id):
    consent = {c["id"]: c["consent"] for c in doc["cases"]}
    for ask in doc["asks"]:
        for case_id in ask["case_ids"]:
            assert consent[case_id] != "do_not_raise", ask["id"]
            if ask["public"]:
                assert consent[case_id] == "public", ask["id"]
    for meeting in doc["meetings"]:
        assert all(consent[line["case_id"]] != "do_not_raise" for line in meeting["cases"])


def test_advocacy_has_realistic_gaps_and_champions(doc, raisers):
    last = {}
    governments = defaultdict(set)
    for ask in doc["asks"]:
        for case_id in ask["case_ids"]:
            last[case_id] = max(last.get(case_id, date.min), as_date(ask["date"]))
            governments[case_id].add(raisers[ask["id"]])
    cases = {c["id"] for c in doc["cases"]}
    never = cases - set(last)
    stale = {c for c, when in last.items() if when < TODAY - timedelta(days=90)}
    assert len(never) >= 3
    assert len(stale) >= 3
    assert sum(len(g) >= 8 for g in governments.values()) >= 3


def test_meetings(doc, by_id):
    meetings = doc["meetings"]
    assert len(meetings) == 5
    moments = {m["id"]: datetime.fromisoformat(m["starts_at"]).date() for m in meetings}
    held = [m for m in meetings if m["status"] == "held"]
    planned = [m for m in meetings if m["status"] == "planned"]
    assert len(held) == 3 and len(planned) == 2
    assert all(moments[m["id"]] < TODAY and m.get("outcome") for m in held)
    assert all(moments[m["id"]] > TODAY and "outcome" not in m for m in planned)
    for meeting in meetings:
        assert meeting["organisation_id"] and meeting["official_ids"] and meeting["agenda"]
        # Our organisation's engagement with a government: only that government's officials.
        assert by_id[meeting["organisation_id"]]["kind"] != "detaining_authority"
        assert all(by_id[o]["organisation_id"] == meeting["organisation_id"]
                   for o in meeting["official_ids"])
        assert meeting["cases"] and all(line.get("ask") and line.get("talking_points")
                                        for line in meeting["cases"])


def test_no_real_well_known_names(raw):
    text = raw.decode("utf-8")
    for name in REAL_NAMES:
        pattern = re.escape(name) if not name.isascii() else rf"\b{re.escape(name)}\b"
        assert not re.search(pattern, text), name


# ---- accountability: officials of the detaining state and their involvements --------------


@pytest.fixture(scope="module")
def responsible(doc):
    """Officials with at least one involvement."""
    involved = {i["official_id"] for i in doc["involvements"]}
    return [o for o in doc["officials"] if o["id"] in involved]


def is_uyghur_arabic(text):
    words = text.split()
    return bool(words) and all(set(w) <= UYGHUR_LETTERS for w in words) \
        and not any(w[0] in UYGHUR_VOWELS for w in words)  # a vowel starts with ئ


def test_officials_responsible_have_names_identifiers_posts_and_sanctions(doc, by_id,
                                                                           responsible):
    detaining = {o["id"] for o in doc["organisations"] if o["kind"] == "detaining_authority"}
    assert len(responsible) >= 6
    assert all(o["organisation_id"] in detaining and o["country"] == "CN" for o in responsible)
    assert sum(bool(HAN.search(o.get("name_original", ""))) for o in responsible) >= 4
    uyghur = [o for o in responsible if is_uyghur_arabic(o.get("name_original", ""))]
    assert uyghur and all(any(n["script"] == "ug-Latn" for n in o["other_names"])
                          for o in uyghur)
    scripts = {n["script"] for o in responsible for n in o.get("other_names", [])}
    assert {"zh-Hant", "zh-Latn-pinyin", "ug-Latn", "zh-Hans"} <= scripts
    assert sum(bool(o.get("identifiers")) for o in responsible) >= 5
    assert all(i.get("note") for o in responsible for i in o.get("identifiers", []))
    # A referral prints identifiers with their notes: they never lean on a confidential source.
    assert not any("confidential" in i["note"].casefold()
                   for o in responsible for i in o.get("identifiers", []))
    assert all(o.get("positions") and o.get("level") for o in responsible)
    assert sum(len(o["positions"]) >= 3 for o in responsible) >= 2
    posts = {by_id[p["organisation_id"]]["name"] for o in responsible for p in o["positions"]}
    for kind in ("Public Security Bureau", "Procuratorate", "Court", "Prison"):
        assert any(kind in name for name in posts), kind
    designations = [s for o in responsible for s in o.get("sanctions", [])]
    assert len(designations) >= 2 and len({s["regime"] for s in designations}) >= 2
    assert {s["regime"] for s in designations} <= REGIMES
    assert all(s.get("listed_on") and s.get("reference") for s in designations)
    assert any(not o.get("sanctions") for o in responsible), "someone to refer"


def test_involvements_show_a_chain_of_responsibility_and_the_referral_rules(doc, by_id):
    involvements = doc["involvements"]
    per_case = defaultdict(dict)
    per_official = defaultdict(set)
    for inv in involvements:
        per_case[inv["case_id"]].setdefault(inv["official_id"], set()).add(inv["role"])
        per_official[inv["official_id"]].add(inv["case_id"])
    # Three or more officials in one case, each in a different role.
    assert any(len(officials) >= 3 and len(set().union(*officials.values())) >= 3
               for officials in per_case.values())
    # One official in three or more cases.
    assert max(len(c) for c in per_official.values()) >= 3
    assert len({i["role"] for i in involvements}) >= 8
    assert all(i.get("date") and i.get("description") for i in involvements)
    confidential = {s["id"] for c in doc["cases"] for s in c["sources"] if s["confidential"]}
    assert any(set(i["source_ids"]) <= confidential for i in involvements)
    assert any(not set(i["source_ids"]) <= confidential for i in involvements)
    consents = Counter(by_id[i["case_id"]]["consent"] for i in involvements)
    assert consents["do_not_raise"] and consents["private_only"] and consents["public"]
    # Someone with involvements in several cases, one of them not raisable in public.
    assert any(len(cases) >= 3 and any(by_id[c]["consent"] != "public" for c in cases)
               for cases in per_official.values())


# ---- pressure over time: encounters --------------------------------------------------------


def counts_for(doc):
    """The organisation each ask counts for (docs/counting.md: an official's organisation)."""
    officials = {o["id"]: o for o in doc["officials"]}
    return {a["id"]: a.get("raised_by_organisation_id")
            or officials[a["raised_by_official_id"]]["organisation_id"] for a in doc["asks"]}


def level_of(ask, officials):
    """An ask's level, or its raising official's."""
    if "level" in ask:
        return ask["level"]
    return officials.get(ask.get("raised_by_official_id"), {}).get("level")


def test_encounters_cover_every_kind_and_three_years(doc):
    encounters = doc["encounters"]
    assert {e["kind"] for e in encounters} >= ENCOUNTER_KINDS - {"other"}
    years = {int(e["starts_on"][:4]) for e in encounters}
    assert {2024, 2025, 2026} <= years
    assert all(e.get("level") for e in encounters)
    per_government = Counter(o for e in encounters for o in e["organisation_ids"]
                             if e["kind"] not in ("un_session", "upr_review"))
    assert sum(n >= 4 for n in per_government.values()) >= 3
    governments = {o["id"] for o in doc["organisations"] if o["kind"] == "government"}
    assert len(governments & set(per_government)) >= 6


def test_the_calendar_has_moments_coming(doc):
    ahead = [(as_date(e["starts_on"]) - TODAY).days for e in doc["encounters"]]
    assert any(0 < d <= 30 for d in ahead)
    assert sum(30 <= d <= 90 for d in ahead) >= 3
    kinds_ahead = {e["kind"] for e, d in zip(doc["encounters"], ahead, strict=True) if d > 0}
    assert "un_session" in kinds_ahead and len(kinds_ahead) >= 3
    future = {e["id"] for e, d in zip(doc["encounters"], ahead, strict=True) if d > 0}
    assert not any(a.get("encounter_id") in future for a in doc["asks"])


def test_asks_at_encounters(doc, by_id):
    counts = counts_for(doc)
    officials = {o["id"]: o for o in doc["officials"]}
    at = [a for a in doc["asks"] if "encounter_id" in a]
    assert len(at) >= 25
    assert any("level" in a for a in at)
    assert {level_of(a, officials) for a in at} >= {"head_of_state_or_government",
                                                      "minister", "senior_official"}
    for ask in at:
        encounter = by_id[ask["encounter_id"]]
        assert counts[ask["id"]] in encounter["organisation_ids"], ask["id"]
        start = as_date(encounter["starts_on"])
        end = as_date(encounter.get("ends_on", encounter["starts_on"]))
        assert start <= as_date(ask["date"]) <= end, ask["id"]
    # Named cases raised in public at some encounters, only in private at others, at others
    # none (high-level ones included).
    asks_at = defaultdict(list)
    for ask in at:
        asks_at[ask["encounter_id"]].append(ask)
    past = [e for e in doc["encounters"] if as_date(e["starts_on"]) < TODAY
            and e["kind"] != "civil_society_meeting"]
    public = [e for e in past if any(a["public"] for a in asks_at[e["id"]])]
    private = [e for e in past if asks_at[e["id"]] and not any(a["public"]
                                                               for a in asks_at[e["id"]])]
    silent = [e for e in past if not asks_at[e["id"]] and e["level"] in HIGH_LEVELS]
    assert len(public) >= 5 and len(private) >= 5 and len(silent) >= 3
    assert any(e["kind"] == "upr_review" for e in public)
    assert any(e["kind"] == "un_session" for e in public)


def test_civil_society_meetings_near_some_senior_encounters_and_not_others(doc):
    matched, unmatched = 0, 0
    civil = defaultdict(list)
    for e in doc["encounters"]:
        if e["kind"] == "civil_society_meeting":
            for org in e["organisation_ids"]:
                civil[org].append(as_date(e["starts_on"]))
    for e in doc["encounters"]:
        if e["kind"] in ("civil_society_meeting", "un_session", "upr_review") \
                or e["level"] not in SENIOR_LEVELS or as_date(e["starts_on"]) > TODAY:
            continue
        when = as_date(e["starts_on"])
        near = any(abs((d - when).days) <= 30 for o in e["organisation_ids"] for d in civil[o])
        matched += near
        unmatched += not near
    assert matched >= 4 and unmatched >= 4
    lonely = [d for dates in civil.values() for d in dates if d < TODAY and not any(
        abs((as_date(e["starts_on"]) - d).days) <= 30 for e in doc["encounters"]
        if e["kind"] != "civil_society_meeting" and e["level"] in SENIOR_LEVELS
        and e["kind"] not in ("un_session", "upr_review"))]
    assert lonely, "a civil-society meeting with no senior encounter around it"


def test_germany_2025_question_has_an_interesting_answer(doc):
    """In 2025, at how many of Germany's high-level meetings with China was a named detainee
    raised publicly, and which cases has Germany never raised at ministerial level?"""
    germany = next(o["id"] for o in doc["organisations"] if o.get("country") == "DE"
                   and o["kind"] == "government")
    counts = counts_for(doc)
    officials = {o["id"]: o for o in doc["officials"]}
    german = [a for a in doc["asks"] if counts[a["id"]] == germany]
    high = [e for e in doc["encounters"] if germany in e["organisation_ids"]
            and e["starts_on"].startswith("2025") and e["level"] in HIGH_LEVELS
            and e["kind"] != "civil_society_meeting"]
    raised = [[a for a in german if a.get("encounter_id") == e["id"]] for e in high]
    publicly = sum(any(a["public"] for a in at) for at in raised)
    at_all = sum(bool(at) for at in raised)
    assert len(high) >= 4
    assert 1 <= publicly < at_all < len(high)
    ministerial = {c for a in german if level_of(a, officials) in HIGH_LEVELS
                   for c in a["case_ids"]}
    times = Counter(c for a in german for c in a["case_ids"])
    never = [c for c in times if c not in ministerial]
    assert ministerial and sum(times[c] >= 3 for c in never) >= 2


# ---- portraits and reproducibility ----------------------------------------------------------


def test_portraits_are_small_valid_pngs_for_about_two_thirds(doc):
    case_ids = {c["id"] for c in doc["cases"]}
    photos = sorted(PHOTOS.glob("*"))
    assert all(p.suffix == ".png" and p.stem in case_ids for p in photos)
    assert 0.55 <= len(photos) / len(case_ids) <= 0.8
    for photo in photos:
        data = photo.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert len(data) < 16_000
        with Image.open(photo) as image:
            image.verify()
        with Image.open(photo) as image:
            assert image.format == "PNG" and image.size == (256, 256)
            assert not image.info.keys() & {"Comment", "Description", "Author"}


def test_generator_rewrites_the_committed_files_byte_for_byte(tmp_path):
    subprocess.run([sys.executable, str(DEMO / "generate.py"), "--out", str(tmp_path)],
                   check=True, capture_output=True, timeout=120)
    assert (tmp_path / "demo.json").read_bytes() == DEMO_JSON.read_bytes()
    fresh = {p.name: p.read_bytes() for p in (tmp_path / "photos").glob("*.png")}
    committed = {p.name: p.read_bytes() for p in PHOTOS.glob("*.png")}
    assert fresh == committed
