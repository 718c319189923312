# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes Vigil's fictional demo data: demo.json (interchange v2) and placeholder portraits.

Deterministic: a fixed seed and UUIDv5 ids from fixed names, so a rerun rewrites identical
bytes. Everything it writes is invented; it must never fetch anything or copy real people's
data or photographs. Never raises a case whose consent is do_not_raise, and names a
private_only case only in private asks.

    uv run python resources/demo/generate.py [--out DIR]
"""

from __future__ import annotations

import argparse
import colorsys
import io
import json
import random
import uuid
from datetime import date, timedelta
from pathlib import Path

from demo_accountability import INVOLVEMENTS, RESPONSIBLE
from demo_actors import COUNTERPARTS, DIPLOMAT_DETAILS, LEVELS, OFFICIALS, ORGANISATIONS, RAISERS
from demo_asks import (
    CONSULAR_DENIED,
    HUMAN_RIGHTS_DAY,
    MEETINGS,
    NOTES,
    PUBLIC_READOUT,
    READOUTS,
    REPLIES,
    SCRIPTED_ASKS,
    SPOKESPERSON,
)
from demo_cases import CASES
from demo_encounters import ALL_GOVERNMENTS, ENCOUNTERS, GENEVA, HRC_SESSIONS
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
SEED = 20261128
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://vigil.invalid/demo-data/v1")
TODAY = date(2026, 11, 28)
ASKS_FROM = date(2023, 12, 1)
ASKS_UNTIL = TODAY - timedelta(days=1)

PUBLIC_CHANNELS = {"public_statement", "joint_statement", "un_hrc", "press_conference",
                   "parliamentary_question", "other"}
CASES_PER_ASK = {"bilateral_meeting": (1, 4), "demarche": (1, 2), "letter": (1, 2),
                 "public_statement": (1, 5), "press_conference": (1, 2),
                 "summit_sideline": (1, 3), "un_hrc": (3, 8), "parliamentary_question": (1, 1),
                 "other": (2, 4)}
REQUEST_ORDER = ["release", "whereabouts", "proof_of_life", "lawyer_access", "family_access",
                 "consular_access", "medical_care", "fair_trial", "end_exit_ban",
                 "stop_family_harassment", "other"]
PRIVATE_REPLIES = {"none": 15, "denied": 15, "internal_affair": 25, "acknowledged": 20,
                   "information_provided": 15, "promise": 10}
KIND_ORDER = ["government", "intergovernmental", "parliament", "ngo", "detaining_authority"]

ORG_BY_KEY = {key: (name, kind, country) for key, name, kind, country in ORGANISATIONS}
OFFICIAL_BY_KEY = {row[0]: row for row in OFFICIALS}
CASE_BY_KEY = {case["key"]: case for case in CASES}


def make_id(label: str) -> str:
    return str(uuid.uuid5(NAMESPACE, label))


def day(text: str) -> date:
    return date.fromisoformat(text)


def compact(obj: dict) -> dict:
    """Absent means unknown in interchange: drop None and empty lists."""
    return {k: v for k, v in obj.items() if v is not None and v != []}


# ---- organisations, officials, cases --------------------------------------------------


def organisations() -> list[dict]:
    return [compact({"id": make_id(f"organisation/{key}"), "name": name, "kind": kind,
                     "country": country}) for key, name, kind, country in ORGANISATIONS]


def identity(details: dict) -> dict:
    """The interchange v2 keys of an official from demo_actors or demo_accountability."""
    return {
        "name_original": details.get("name_original"),
        "other_names": [{"name": n, "script": s} for n, s in details.get("other_names", [])],
        "gender": details.get("gender"), "birth_year": details.get("birth_year"),
        "identifiers": [compact({"kind": k, "value": v, "note": note})
                        for k, v, note in details.get("identifiers", [])],
        "positions": [compact({"organisation_id": make_id(f"organisation/{org}"),
                               "title": title, "start": start, "end": end})
                      for org, title, start, end in details.get("positions", [])],
        "sanctions": [compact({"regime": regime, "listed_on": listed, "reference": ref})
                      for regime, listed, ref in details.get("sanctions", [])],
    }


def officials() -> list[dict]:
    diplomats = [compact({"id": make_id(f"official/{key}"), "name": name, "title": title,
                          "organisation_id": make_id(f"organisation/{org}"),
                          "country": country, "notes": notes, "level": LEVELS[key],
                          **identity(DIPLOMAT_DETAILS.get(key, {}))})
                 for key, name, title, org, country, notes, _channels in OFFICIALS]
    responsible = [compact({"id": make_id(f"official/{o['key']}"), "name": o["name"],
                            "title": o["title"],
                            "organisation_id": make_id(f"organisation/{o['org']}"),
                            "country": o["country"], "notes": o["notes"],
                            "level": o["level"], **identity(o)})
                   for o in RESPONSIBLE]
    return diplomats + responsible


def involvements() -> list[dict]:
    known = {o["key"] for o in RESPONSIBLE}
    records = []
    for official, case_key, role, when, description, refs in INVOLVEMENTS:
        sources = CASE_BY_KEY[case_key]["sources"]
        if official not in known or any(not 0 <= n < len(sources) for n in refs):
            raise ValueError(f"involvement {official}/{case_key}: unknown official or source")
        records.append(compact({
            "id": make_id(f"involvement/{official}/{case_key}/{role}"),
            "case_id": make_id(f"case/{case_key}"),
            "official_id": make_id(f"official/{official}"), "role": role, "date": when,
            "description": description,
            "source_ids": [make_id(f"case/{case_key}/source/{n}") for n in refs]}))
    return records


def case_record(case: dict) -> dict:
    key = case["key"]
    source_ids = [make_id(f"case/{key}/source/{i}") for i in range(len(case["sources"]))]
    sources = [compact({"id": sid, **s}) for sid, s in zip(source_ids, case["sources"],
                                                           strict=True)]
    events = [compact({"id": make_id(f"case/{key}/event/{i}"), "date": when, "kind": kind,
                       "title": title, "description": description,
                       "source_ids": [source_ids[n] for n in refs]})
              for i, (when, kind, title, description, refs) in enumerate(case["events"])]
    skip = {"key", "other_names", "sources", "events", "photo", "advocacy"}
    fields = {k: v for k, v in case.items() if k not in skip}
    return compact({
        "id": make_id(f"case/{key}"),
        **fields,
        "other_names": [{"name": n, "script": s} for n, s in case["other_names"]],
        "events": events,
        "sources": sources,
    })


# ---- who may be raised, for what -------------------------------------------------------


def window(case: dict) -> tuple[date, date]:
    advocacy = case["advocacy"]
    start = day(advocacy["start"]) if advocacy["start"] else ASKS_FROM
    end = day(advocacy["end"]) if advocacy["end"] else date.max  # still open
    return start, end


def may_raise(case: dict, when: date, public: bool) -> bool:
    """The consent rule the app enforces, plus the span in which raising the case fits."""
    consent = case["consent"]
    if consent == "do_not_raise" or case["advocacy"]["weight"] == 0:
        return False
    if public and consent != "public":
        return False
    start, end = window(case)
    return start <= when <= end


def requests_for(case: dict, when: date) -> list[str]:
    current: list[str] = []
    for since, wanted in case["advocacy"]["phases"]:
        if since is None or day(since) <= when:
            current = wanted
    return current


def order_requests(requests) -> list[str]:
    return sorted(set(requests), key=REQUEST_ORDER.index)


def check_scripted(case_keys: list[str], when: date, public: bool, label: str) -> None:
    for key in case_keys:
        if not may_raise(CASE_BY_KEY[key], when, public):
            raise ValueError(f"{label}: {key} may not be raised on {when} (public={public})")


def party(ref: str | None) -> tuple[str | None, str | None]:
    """(official id, organisation id) for "key" (an official) or "org:key"."""
    if ref is None:
        return None, None
    if ref.startswith("org:"):
        return None, make_id(f"organisation/{ref[4:]}")
    return make_id(f"official/{ref}"), None


def ask_record(label: str, when: str, by: str, with_: str | None, channel: str,
               public: bool, requests: list[str], case_keys: list[str], *,
               response: str | None = None, response_date: str | None = None,
               response_text: str | None = None, follow_up_due: str | None = None,
               notes: str | None = None, level: str | None = None,
               encounter: str | None = None) -> dict:
    by_official, by_org = party(by)
    with_official, with_org = party(with_)
    return compact({
        "id": make_id(f"ask/{label}"), "date": when,
        "raised_by_official_id": by_official, "raised_by_organisation_id": by_org,
        "raised_with_official_id": with_official, "raised_with_organisation_id": with_org,
        "channel": channel, "public": public, "requests": order_requests(requests),
        "response": response, "response_date": response_date, "response_text": response_text,
        "follow_up_due": follow_up_due, "case_ids": [make_id(f"case/{k}") for k in case_keys],
        "notes": notes, "level": level,
        "encounter_id": make_id(f"encounter/{encounter}") if encounter else None,
    })


# ---- scripted asks, readouts and meetings -----------------------------------------------


def scripted_asks() -> list[dict]:
    asks = []
    for spec in SCRIPTED_ASKS:
        check_scripted(spec["cases"], day(spec["date"]), spec["public"], spec["label"])
        asks.append(ask_record(
            spec["label"], spec["date"], spec["by"], spec.get("with_"), spec["channel"],
            spec["public"], spec["requests"], spec["cases"], response=spec.get("response"),
            response_date=spec.get("response_date"), response_text=spec.get("response_text"),
            follow_up_due=spec.get("follow_up_due"), notes=spec.get("notes"),
            encounter=spec.get("encounter")))
    for when, keys, response in HUMAN_RIGHTS_DAY:
        check_scripted(keys, day(when), True, f"human-rights-day/{when}")
        replied = response != "none"
        asks.append(ask_record(
            f"human-rights-day/{when}", when, "org:eu", None, "public_statement", True,
            ["release", "family_access"], keys, response=response,
            response_date=(day(when) + timedelta(days=1)).isoformat() if replied else None,
            response_text=SPOKESPERSON if replied else None,
            notes="Statement by the EU spokesperson on Human Rights Day."))
    return asks


def readout_asks() -> list[dict]:
    """The asks a government made at a meeting with the detaining state, from its readout."""
    asks = []
    for spec in READOUTS:
        when = spec["date"]
        for case_key, requests, response, reply in spec["cases"]:
            check_scripted([case_key], day(when), False, spec["key"])
            asks.append(ask_record(
                f"meeting/{spec['key']}/{case_key}", when, spec["by"], spec["with_"],
                "bilateral_meeting", False, requests, [case_key], response=response,
                response_date=when if response != "none" else None, response_text=reply,
                follow_up_due=spec.get("follow_up_due"),
                notes=f"Raised at the meeting “{spec['title']}”.",
                encounter=spec.get("encounter")))
    return asks


def meetings() -> list[dict]:
    """Our organisation's meetings: only the counterpart government's officials."""
    records = []
    for spec in MEETINGS:
        when = day(spec["starts_at"][:10])
        if any(OFFICIAL_BY_KEY[o][3] != spec["org"] for o in spec["officials"]):
            raise ValueError(f"meeting {spec['key']}: an official of another organisation")
        lines = []
        for case_key, ask, points in spec["cases"]:
            check_scripted([case_key], when, False, spec["key"])
            lines.append(compact({"case_id": make_id(f"case/{case_key}"), "ask": ask,
                                  "talking_points": points}))
        records.append(compact({
            "id": make_id(f"meeting/{spec['key']}"), "title": spec["title"],
            "starts_at": spec["starts_at"], "location": spec["location"],
            "organisation_id": make_id(f"organisation/{spec['org']}"),
            "official_ids": [make_id(f"official/{o}") for o in spec["officials"]],
            "agenda": spec["agenda"], "status": spec["status"], "cases": lines,
            "outcome": spec.get("outcome"),
        }))
    return records


# ---- encounters and the asks made at them ------------------------------------------------


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def all_encounters() -> list[dict]:
    """The encounters of demo_encounters and a UN Human Rights Council session per entry of
    HRC_SESSIONS."""
    sessions = [dict(key=f"hrc-{n}", kind="un_session",
                     title=f"UN Human Rights Council, {ordinal(n)} session", starts_on=start,
                     ends_on=end, orgs=ALL_GOVERNMENTS, level="ambassador", location=GENEVA)
                for n, start, end in HRC_SESSIONS]
    return ENCOUNTERS + sessions


def encounters_and_asks() -> tuple[list[dict], list[dict]]:
    records, asks = [], []
    for spec in all_encounters():
        records.append(compact({
            "id": make_id(f"encounter/{spec['key']}"), "kind": spec["kind"],
            "title": spec["title"], "starts_on": spec["starts_on"],
            "ends_on": spec.get("ends_on"),
            "organisation_ids": [make_id(f"organisation/{o}") for o in spec["orgs"]],
            "level": spec.get("level"), "location": spec.get("location"),
            "public_record": spec.get("public_record")}))
        for number, made in enumerate(spec.get("asks", [])):
            when = made["on"] or spec["starts_on"]
            label = f"encounter/{spec['key']}/{number}"
            if day(when) > ASKS_UNTIL:
                raise ValueError(f"{label}: an ask after the demo's today")
            check_scripted(made["cases"], day(when), made["public"], label)
            asks.append(ask_record(
                label, when, made["by"], made["with_"], made["channel"], made["public"],
                made["requests"], made["cases"], response=made["response"],
                response_date=made["response_date"], response_text=made["response_text"],
                notes=made["notes"], level=made["level"], encounter=spec["key"]))
    return records, asks


def at_sessions(asks: list[dict]) -> list[dict]:
    """Asks at the Human Rights Council made during a session name that session."""
    linked = []
    for ask in asks:
        if ask["channel"] == "un_hrc" and "encounter_id" not in ask:
            for n, start, end in HRC_SESSIONS:
                if start <= ask["date"] <= end:
                    ask = {**ask, "encounter_id": make_id(f"encounter/hrc-{n}")}
        linked.append(ask)
    return linked


# ---- routine asks -----------------------------------------------------------------------


def pick_cases(rng: random.Random, raiser: str, when: date, public: bool,
               count: int) -> list[dict]:
    pool = [c for c in CASES if may_raise(c, when, public)]
    weights = []
    for case in pool:
        advocacy = case["advocacy"]
        weight = advocacy["weight"]
        if raiser in advocacy["champions"]:
            weight *= 2
        if raiser == advocacy["home"]:
            weight *= 5
        if advocacy["start"] and (when - day(advocacy["start"])).days < 180:
            weight *= 3  # a new case gets a burst of attention
        weights.append(weight)
    chosen = []
    while pool and len(chosen) < count:
        index = rng.choices(range(len(pool)), weights)[0]
        chosen.append(pool.pop(index))
        weights.pop(index)
    return chosen


def reply_text(rng: random.Random, response: str, cases: list[dict],
               requests: list[str]) -> str:
    if response == "denied" and "consular_access" in requests and len(cases) == 1 \
            and cases[0]["nationalities"] != ["CN"]:
        return CONSULAR_DENIED.format(name=cases[0]["display_name"])
    values = {}
    if len(cases) == 1:
        values = {"name": cases[0]["display_name"], "facility": cases[0].get("facility"),
                  "location": cases[0].get("location")}
    usable = []
    for template in REPLIES[response]:
        try:
            text = template.format(**values)
        except KeyError:
            continue
        if "None" not in text:
            usable.append(text)
    return rng.choice(usable)


def routine_ask(rng: random.Random, raiser: str, number: int) -> dict:
    count, channel_weights = RAISERS[raiser]
    channels = list(channel_weights)
    span = (ASKS_UNTIL - ASKS_FROM).days
    while True:
        # Denser towards today, as advocacy builds on a growing case list.
        when = ASKS_FROM + timedelta(days=round(span * rng.random() ** 0.75))
        channel = rng.choices(channels, [channel_weights[c] for c in channels])[0]
        readout = channel in ("bilateral_meeting", "summit_sideline") and rng.random() < 0.15
        public = channel in PUBLIC_CHANNELS or readout
        low, high = CASES_PER_ASK[channel]
        cases = pick_cases(rng, raiser, when, public, rng.randint(low, high))
        if cases:
            break

    requests: set[str] = set()
    for case in cases:
        wanted = requests_for(case, when)
        requests.update(wanted[:rng.randint(1, min(3, len(wanted)))])
        if case["advocacy"]["home"] == raiser:
            requests.add("consular_access")
    requests_list = order_requests(requests)[:5]

    speakers = [row[0] for row in OFFICIALS if row[3] == raiser and channel in row[6]]
    by = rng.choice(speakers) if speakers and rng.random() < 0.75 else f"org:{raiser}"
    counterparts, organ = COUNTERPARTS[raiser]
    with_ = None
    if channel == "summit_sideline":
        with_ = "cn-vfm"
    elif channel == "bilateral_meeting":
        with_ = rng.choice(counterparts) if counterparts else f"org:{organ}"
    elif channel == "demarche":
        with_ = f"org:{organ}"
    elif channel == "letter":
        with_ = counterparts[0] if counterparts and rng.random() < 0.6 else f"org:{organ}"
    elif channel in ("un_hrc", "parliamentary_question"):
        with_ = "org:cn-geneva" if channel == "un_hrc" else f"org:{organ}"

    response = response_date = text = follow_up = None
    if channel != "parliamentary_question":
        if public:
            response = "internal_affair" if rng.random() < 0.55 else "none"
        else:
            kinds = list(PRIVATE_REPLIES)
            response = rng.choices(kinds, [PRIVATE_REPLIES[k] for k in kinds])[0]
        if response != "none":
            if channel in ("bilateral_meeting", "summit_sideline") and rng.random() < 0.7:
                lag = 0
            elif public:
                lag = rng.randint(0, 2)
            else:
                lag = rng.randint(5, 60)
            replied = when + timedelta(days=lag)
            if replied > ASKS_UNTIL:
                response = "none"
            else:
                response_date = replied.isoformat()
                text = reply_text(rng, response, cases, requests_list)
        late = when >= date(2026, 6, 1)
        if not public and late and response in ("none", "acknowledged", "promise",
                                                "information_provided") \
                and rng.random() < 0.45:
            follow_up = (when + timedelta(days=rng.choice([30, 45, 60, 90]))).isoformat()

    notes = None
    if readout:
        notes = PUBLIC_READOUT
    elif channel in ("bilateral_meeting", "summit_sideline") and rng.random() < 0.3:
        notes = rng.choice(NOTES)  # NOTES describe meetings
    return ask_record(f"routine/{raiser}/{number}", when.isoformat(), by, with_, channel,
                      public, requests_list, [c["key"] for c in cases], response=response,
                      response_date=response_date, response_text=text,
                      follow_up_due=follow_up, notes=notes)


def routine_asks(rng: random.Random) -> list[dict]:
    return [routine_ask(rng, raiser, n) for raiser, (count, _) in RAISERS.items()
            for n in range(count)]


# ---- the document -----------------------------------------------------------------------


def build() -> dict:
    rng = random.Random(SEED)  # noqa: S311 - reproducible demo data, not security
    encounters, encounter_asks = encounters_and_asks()
    asks = at_sessions(scripted_asks() + readout_asks() + routine_asks(rng)) + encounter_asks
    org_rank = {make_id(f"organisation/{k}"): (KIND_ORDER.index(kind), name)
                for k, (name, kind, _) in ORG_BY_KEY.items()}
    return {
        "format": "vigil-interchange",
        "version": 2,
        "organisations": sorted(organisations(), key=lambda o: org_rank[o["id"]]),
        "officials": sorted(officials(),
                            key=lambda o: (org_rank[o["organisation_id"]], o["name"])),
        "cases": sorted((case_record(c) for c in CASES),
                        key=lambda c: c["display_name"].casefold()),
        "asks": sorted(asks, key=lambda a: (a["date"], a["id"])),
        "meetings": sorted(meetings(), key=lambda m: m["starts_at"]),
        "involvements": sorted(involvements(), key=lambda i: (i["case_id"], i["id"])),
        "encounters": sorted(encounters, key=lambda e: (e["starts_on"], e["id"])),
    }


def render(document: dict) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# ---- portraits --------------------------------------------------------------------------


def portrait(key: str) -> bytes:
    """A soft background and a generic head-and-shoulders silhouette; no face, no text."""
    shape = random.Random(f"portrait/{key}")  # noqa: S311 - reproducible, not security
    hue = shape.random()
    background = _rgb(hue, 0.86, 0.35)
    figure = _rgb((hue + 0.05) % 1.0, 0.42 + shape.uniform(-0.06, 0.06), 0.18)
    size, scale = 256, 2
    big = size * scale
    image = Image.new("RGB", (big, big), background)
    draw = ImageDraw.Draw(image)
    cx = big // 2 + shape.randint(-8, 8)
    head_w, head_h = shape.randint(80, 92), shape.randint(98, 108)
    head_y = 214 + shape.randint(-8, 8)
    shoulder_w, shoulder_top = shape.randint(205, 240), 336 + shape.randint(-6, 6)
    draw.ellipse((cx - shoulder_w, shoulder_top, cx + shoulder_w, shoulder_top + 420),
                 fill=figure)
    draw.rectangle((cx - 46, head_y + head_h - 40, cx + 46, shoulder_top + 30), fill=figure)
    draw.ellipse((cx - head_w, head_y - head_h, cx + head_w, head_y + head_h), fill=figure)
    small = image.resize((size, size), Image.Resampling.LANCZOS)
    small = small.quantize(colors=16, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _rgb(hue: float, lightness: float, saturation: float) -> tuple[int, int, int]:
    r, g, b = colorsys.hls_to_rgb(hue, lightness, saturation)
    return round(r * 255), round(g * 255), round(b * 255)


def write(out_dir: Path) -> tuple[Path, list[Path]]:
    document = build()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "demo.json"
    target.write_text(render(document), encoding="utf-8")
    photos_dir = out_dir / "photos"
    photos_dir.mkdir(exist_ok=True)
    wanted = {f"{make_id('case/' + c['key'])}.png": c["key"] for c in CASES if c["photo"]}
    for stale in photos_dir.glob("*.png"):
        if stale.name not in wanted:
            stale.unlink()
    photos = []
    for name, key in sorted(wanted.items()):
        path = photos_dir / name
        path.write_bytes(portrait(key))
        photos.append(path)
    return target, photos


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="folder for demo.json and photos/ (default: next to this script)")
    args = parser.parse_args()
    target, photos = write(args.out)
    print(f"wrote {target} and {len(photos)} portraits")


if __name__ == "__main__":
    main()
