# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Interchange JSON (DESIGN.md section 9) to and from domain objects, without a database.

Export writes version 2; import reads versions 1 and 2 (a version 1 file may not use the
keys version 2 added).

`parse_document` validates a whole file and reports every problem by path, so a caseworker
can fix a spreadsheet export in one pass; the caller imports nothing unless it succeeds.
`dump_document` is its exact inverse. Errors must never quote names, notes or other free
text from the file: they reach stderr, dialogs and bug reports.
"""

from __future__ import annotations

import codecs
import contextlib
import json
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

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
from app.domain.plain import unstructure
from app.errors import UserError
from app.services.interchange_fields import (
    MAX_PROBLEMS,
    Context,
    ObjectReader,
    TooManyProblems,
    key_path,
    object_pairs,
)

FORMAT = "vigil-interchange"
VERSION = 2
READABLE_VERSIONS = (1, 2)
LISTS = ("organisations", "officials", "cases", "asks", "meetings", "involvements",
         "encounters")
V1_LISTS = LISTS[:5]
SHOWN_PROBLEMS = 3

T = TypeVar("T")


class InterchangeError(UserError):
    """The file is not valid interchange JSON; `problems` lists each one with its path."""

    def __init__(self, problems: Iterable[str], *, truncated: bool = False) -> None:
        self.problems = list(problems)
        self.truncated = truncated  # more problems exist than the MAX_PROBLEMS listed
        super().__init__(self._summary())

    def _summary(self) -> str:
        text = "; ".join(self.problems[:SHOWN_PROBLEMS])
        hidden = len(self.problems) - SHOWN_PROBLEMS
        if hidden > 0:
            text += f"; and {hidden} more"
        if self.truncated:
            text += f" (checking stopped after {MAX_PROBLEMS})"
        return text


def _never_known(kind: str, ident: str) -> bool:
    return False


# ---- reading ---------------------------------------------------------------------------


class _NotJson(ValueError):
    pass


def _refuse_constant(name: str) -> Any:
    raise _NotJson(name)


def load_json_bytes(data: bytes) -> Any:
    """Decode a file's bytes as JSON, or raise InterchangeError with one plain sentence."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InterchangeError(["The file is UTF-16 text; save it as UTF-8 and try again."])
    data = data.removeprefix(codecs.BOM_UTF8)  # Windows editors like to add one
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InterchangeError(
            [f"The file is not UTF-8 text (the first bad byte is on line {line})."]
        ) from None
    if not text.strip():
        raise InterchangeError(["The file is empty."])
    try:
        return json.loads(text, object_pairs_hook=object_pairs, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            message = f"The file ends before the JSON is complete ({where}); it may be truncated."
        else:
            message = f"The file is not valid JSON: {exc.msg} at {where}."
        raise InterchangeError([message]) from None
    except _NotJson:
        message = "The file contains NaN or Infinity, which JSON does not allow."
    except RecursionError:
        message = "The file is nested too deeply to read."
    except ValueError:  # int() refuses numbers of thousands of digits
        message = "The file contains a number with too many digits."
    raise InterchangeError([message])


def parse_document(
    obj: Any, *, known: Callable[[str, str], bool] = _never_known,
    sources_of: Callable[[str], set[str]] = lambda _case_id: set(),
) -> Document:
    """Validate a decoded interchange file completely and return its content.

    `known(kind, id)` says whether the vault already holds an object of `kind`
    ("organisation", "official", "case" or "encounter") with that id, for references to
    objects not in the file; `sources_of(case_id)` the source ids of a case in the vault,
    which an involvement about a case not in the file may cite. Raises InterchangeError
    listing every problem (up to MAX_PROBLEMS).
    """
    ctx = Context(known, sources_of)
    document = None
    with contextlib.suppress(TooManyProblems):  # ctx.truncated says so
        document = _document(ctx, obj)
    if ctx.problems or document is None:
        raise InterchangeError(ctx.problems, truncated=ctx.truncated)
    return document


def _document(ctx: Context, obj: Any) -> Document | None:
    if not isinstance(obj, dict):
        ctx.add("top level", "expected a JSON object")
        return None
    before = len(ctx.problems)
    if obj.get("format") != FORMAT:
        ctx.add("format", "required key is missing" if "format" not in obj
                else f'expected "{FORMAT}"')
    version = obj.get("version")
    if "version" not in obj:
        ctx.add("version", "required key is missing")
    elif type(version) is not int:
        ctx.add("version", "expected 1 or 2")
    elif version not in READABLE_VERSIONS:
        ctx.add("version", f"this file is version {version}; this app reads versions 1 and 2")
    if len(ctx.problems) > before:
        return None  # another format or version: checking the rest would only mislead
    ctx.version = version
    lists = LISTS if version >= 2 else V1_LISTS
    for position, key in enumerate(obj):
        if key not in ("format", "version", *lists):
            ctx.add(key_path("", key, position), "unknown key")
    for key in getattr(obj, "duplicate_keys", ()):
        ctx.add(key_path("", key), "key appears more than once")

    def each(key: str, parse: Callable[[Context, str, Any], T | None]) -> tuple[T, ...]:
        value = obj.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            ctx.add(key, "expected a list")
            return ()
        parsed = [parse(ctx, f"{key}[{i}]", item) for i, item in enumerate(value)]
        return tuple(p for p in parsed if p is not None)

    # Read so that references point only to lists already read (encounters before the asks
    # made at them), so ids are registered before they are needed.
    organisations = each("organisations", _organisation)
    officials = each("officials", _official)
    cases = each("cases", _case)
    encounters = each("encounters", _encounter) if version >= 2 else ()
    return Document(
        organisations=organisations,
        officials=officials,
        cases=cases,
        asks=each("asks", _ask),
        meetings=each("meetings", _meeting),
        involvements=each("involvements", _involvement) if version >= 2 else (),
        encounters=encounters,
    )


def _all(reader: ObjectReader, parsed: Iterable[T | None]) -> tuple[T, ...]:
    """Nested objects, marking the parent invalid if any of them is."""
    result = tuple(parsed)
    if any(p is None for p in result):
        reader.ok = False
    return tuple(p for p in result if p is not None)


def _organisation(ctx: Context, path: str, value: Any) -> Organisation | None:
    r = ObjectReader(ctx, value, path, Organisation)
    if not r.is_object:
        return None
    fields = dict(
        id=r.new_id("organisation"),
        name=r.text("name", required=True),
        country=r.country("country"),
        kind=r.enum("kind", OrganisationKind),
    )
    return Organisation(**fields) if r.ok else None


def _official(ctx: Context, path: str, value: Any) -> Official | None:
    r = ObjectReader(ctx, value, path, Official)
    if not r.is_object:
        return None
    fields = dict(
        id=r.new_id("official"),
        name=r.text("name", required=True),
        title=r.text("title"),
        organisation_id=r.ref("organisation_id", "organisation"),
        country=r.country("country"),
        notes=r.text("notes"),
        name_original=r.text("name_original"),
        other_names=_all(r, (_other_name(ctx, p, v) for p, v in r.objects("other_names"))),
        gender=r.enum("gender", Gender),
        birth_year=r.year("birth_year"),
        level=r.enum("level", Level),
        identifiers=_all(r, (_identifier(ctx, p, v) for p, v in r.objects("identifiers"))),
        positions=_all(r, (_position(ctx, p, v) for p, v in r.objects("positions"))),
        sanctions=_all(r, (_sanction(ctx, p, v) for p, v in r.objects("sanctions"))),
    )
    regimes = [s.regime for s in fields["sanctions"]]
    if len(set(regimes)) != len(regimes):
        r.problem("sanctions", "a regime is listed twice")
    return Official(**fields) if r.ok else None


def _identifier(ctx: Context, path: str, value: Any) -> Identifier | None:
    r = ObjectReader(ctx, value, path, Identifier)
    if not r.is_object:
        return None
    fields = dict(kind=r.text("kind", required=True), value=r.text("value", required=True),
                  note=r.text("note"))
    return Identifier(**fields) if r.ok else None


def _position(ctx: Context, path: str, value: Any) -> Position | None:
    r = ObjectReader(ctx, value, path, Position)
    if not r.is_object:
        return None
    fields = dict(organisation_id=r.ref("organisation_id", "organisation"),
                  title=r.text("title"), start=r.date("start"), end=r.date("end"))
    start, end = fields["start"], fields["end"]
    if start is not None and end is not None and end.latest() < start.earliest():
        r.problem("end", "ends before the position starts")
    return Position(**fields) if r.ok else None


def _sanction(ctx: Context, path: str, value: Any) -> Sanction | None:
    r = ObjectReader(ctx, value, path, Sanction)
    if not r.is_object:
        return None
    regime = r.enum("regime", Regime)
    if regime is None and value.get("regime") is None:
        r.problem("regime", "required key is missing")
    fields = dict(regime=regime, listed_on=r.date("listed_on"),
                  reference=r.text("reference"))
    return Sanction(**fields) if r.ok else None


def _case(ctx: Context, path: str, value: Any) -> Case | None:
    r = ObjectReader(ctx, value, path, Case)
    if not r.is_object:
        return None
    case_id = r.new_id("case")
    source_ids: set[str] = set()
    if case_id is not None:
        ctx.case_sources[case_id] = source_ids
    # Sources first: events may only cite sources of their own case.
    sources = _all(r, (_source(ctx, p, v, source_ids) for p, v in r.objects("sources")))
    events = _all(r, (_event(ctx, p, v, source_ids) for p, v in r.objects("events")))
    confession = None
    if (nested := r.nested("confession")) is not None:
        confession = _confession(ctx, *nested)
        r.ok = r.ok and confession is not None
    fields = dict(
        id=case_id,
        display_name=r.text("display_name", required=True),
        name_original=r.text("name_original"),
        other_names=_all(r, (_other_name(ctx, p, v) for p, v in r.objects("other_names"))),
        gender=r.enum("gender", Gender),
        birth_year=r.year("birth_year"),
        ethnicity=r.text("ethnicity"),
        nationalities=r.countries("nationalities"),
        category=r.enum("category", Category),
        occupation=r.text("occupation"),
        status=r.enum("status", Status),
        status_since=r.date("status_since"),
        location=r.text("location"),
        facility=r.text("facility"),
        charges=r.texts("charges"),
        sentence=r.text("sentence"),
        sentence_ends=r.date("sentence_ends"),
        lawyer_access=r.enum("lawyer_access", Access),
        family_access=r.enum("family_access", Access),
        consular_access=r.enum("consular_access", Access),
        health_concerns=r.text("health_concerns"),
        confession=confession,
        consent=r.enum("consent", Consent),
        sensitivity=r.enum("sensitivity", Sensitivity),
        priority=r.choice("priority", (1, 2, 3)),
        tags=r.texts("tags"),
        summary=r.text("summary"),
        internal_notes=r.text("internal_notes"),
        events=events,
        sources=sources,
    )
    return Case(**fields) if r.ok else None


def _other_name(ctx: Context, path: str, value: Any) -> OtherName | None:
    r = ObjectReader(ctx, value, path, OtherName)
    if not r.is_object:
        return None
    fields = dict(name=r.text("name", required=True), script=r.text("script"))
    return OtherName(**fields) if r.ok else None


def _confession(ctx: Context, path: str, value: Any) -> Confession | None:
    r = ObjectReader(ctx, value, path, Confession)
    if not r.is_object:
        return None
    fields = dict(date=r.date("date"), broadcaster=r.text("broadcaster"))
    return Confession(**fields) if r.ok else None


def _source(ctx: Context, path: str, value: Any, ids: set[str]) -> Source | None:
    r = ObjectReader(ctx, value, path, Source)
    if not r.is_object:
        return None
    source_id = r.new_id("source")
    if source_id is not None:
        ids.add(source_id)
    fields = dict(
        id=source_id,
        title=r.text("title", required=True),
        url=r.text("url"),
        kind=r.enum("kind", SourceKind),
        reliability=r.enum("reliability", Reliability),
        confidential=r.boolean("confidential") or False,
        notes=r.text("notes"),
    )
    return Source(**fields) if r.ok else None


def _event(ctx: Context, path: str, value: Any, source_ids: set[str]) -> Event | None:
    r = ObjectReader(ctx, value, path, Event)
    if not r.is_object:
        return None
    fields = dict(
        id=r.new_id("event"),
        date=r.date("date", required=True),
        kind=r.enum("kind", EventKind),
        title=r.text("title", required=True),
        description=r.text("description"),
        source_ids=r.refs("source_ids", "source", allowed=source_ids),
    )
    return Event(**fields) if r.ok else None


def _ask(ctx: Context, path: str, value: Any) -> Ask | None:
    r = ObjectReader(ctx, value, path, Ask)
    if not r.is_object:
        return None
    fields = dict(
        id=r.new_id("ask"),
        date=r.date("date", required=True),
        raised_by_official_id=r.ref("raised_by_official_id", "official"),
        raised_by_organisation_id=r.ref("raised_by_organisation_id", "organisation"),
        raised_with_official_id=r.ref("raised_with_official_id", "official"),
        raised_with_organisation_id=r.ref("raised_with_organisation_id", "organisation"),
        channel=r.enum("channel", Channel),
        public=r.boolean("public", required=True),
        requests=r.enums("requests", Request),
        response=r.enum("response", Response),
        response_date=r.date("response_date"),
        response_text=r.text("response_text"),
        follow_up_due=r.date("follow_up_due"),
        case_ids=r.refs("case_ids", "case", required=True),
        notes=r.text("notes"),
        level=r.enum("level", Level),
        encounter_id=r.ref("encounter_id", "encounter"),
    )
    if all(value.get(f"raised_by_{kind}_id") is None for kind in ("official", "organisation")):
        r.problem(None, "raised_by_official_id or raised_by_organisation_id is required")
    if value.get("case_ids") == []:
        r.problem("case_ids", "at least one case is required")
    return Ask(**fields) if r.ok else None


def _meeting(ctx: Context, path: str, value: Any) -> Meeting | None:
    r = ObjectReader(ctx, value, path, Meeting)
    if not r.is_object:
        return None
    fields = dict(
        id=r.new_id("meeting"),
        title=r.text("title", required=True),
        starts_at=r.moment("starts_at", required=True),
        location=r.text("location"),
        organisation_id=r.ref("organisation_id", "organisation"),
        official_ids=r.refs("official_ids", "official"),
        agenda=r.text("agenda"),
        status=r.enum("status", MeetingStatus),
        cases=_meeting_cases(ctx, r),
        outcome=r.text("outcome"),
    )
    return Meeting(**fields) if r.ok else None


def _meeting_cases(ctx: Context, meeting: ObjectReader) -> tuple[MeetingCase, ...]:
    result: list[MeetingCase | None] = []
    listed: set[str] = set()
    for path, value in meeting.objects("cases"):
        r = ObjectReader(ctx, value, path, MeetingCase)
        if not r.is_object:
            result.append(None)
            continue
        case_id = r.ref("case_id", "case", required=True)
        if case_id in listed:
            r.problem("case_id", "this case is already listed in this meeting")
        listed.add(case_id)
        fields = dict(case_id=case_id, ask=r.text("ask"), talking_points=r.text("talking_points"))
        result.append(MeetingCase(**fields) if r.ok else None)
    return _all(meeting, result)


def _involvement(ctx: Context, path: str, value: Any) -> Involvement | None:
    r = ObjectReader(ctx, value, path, Involvement)
    if not r.is_object:
        return None
    case_id = r.ref("case_id", "case", required=True)
    role = r.enum("role", Role)
    if role is None and value.get("role") is None:
        r.problem("role", "required key is missing")
    fields = dict(
        id=r.new_id("involvement"),
        case_id=case_id,
        official_id=r.ref("official_id", "official", required=True),
        role=role,
        date=r.date("date"),
        description=r.text("description"),
        source_ids=(),
    )
    if case_id is not None:  # only that case's sources, in the file or else in the vault
        sources = ctx.case_sources.get(case_id)
        fields["source_ids"] = r.refs("source_ids", "source", allowed=sources if sources
                                      is not None else ctx.sources_of(case_id))
    return Involvement(**fields) if r.ok else None


def _encounter(ctx: Context, path: str, value: Any) -> Encounter | None:
    r = ObjectReader(ctx, value, path, Encounter)
    if not r.is_object:
        return None
    kind = r.enum("kind", EncounterKind)
    if kind is None and value.get("kind") is None:
        r.problem("kind", "required key is missing")
    fields = dict(
        id=r.new_id("encounter"),
        kind=kind,
        title=r.text("title", required=True),
        starts_on=r.date("starts_on", required=True),
        ends_on=r.date("ends_on"),
        organisation_ids=r.refs("organisation_ids", "organisation"),
        level=r.enum("level", Level),
        location=r.text("location"),
        public_record=r.text("public_record"),
    )
    starts, ends = fields["starts_on"], fields["ends_on"]
    if starts is not None and ends is not None and ends.latest() < starts.earliest():
        r.problem("ends_on", "ends before the encounter starts")
    return Encounter(**fields) if r.ok else None


# ---- writing ---------------------------------------------------------------------------


def dump_document(doc: Document) -> dict[str, Any]:
    """The interchange JSON object for `doc`, ready for json.dumps(ensure_ascii=False).

    Keys follow section 9 order (`id` first); optional keys that are None or an empty list
    are left out, booleans are always written; the seven top-level lists are always present.
    """
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for key in LISTS:
        out[key] = unstructure(getattr(doc, key), omit_empty=True)
    return out
