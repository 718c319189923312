# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Interchange JSON v1 (DESIGN.md section 9) to and from domain objects, without a database.

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
    EventKind,
    Gender,
    MeetingStatus,
    OrganisationKind,
    Reliability,
    Request,
    Response,
    Sensitivity,
    SourceKind,
    Status,
)
from app.domain.model import (
    Ask,
    Case,
    Confession,
    Document,
    Event,
    Meeting,
    MeetingCase,
    Official,
    Organisation,
    OtherName,
    Source,
)
from app.errors import UserError
from app.services.interchange_fields import (
    MAX_PROBLEMS,
    Context,
    ObjectReader,
    TooManyProblems,
    dump_object,
    key_path,
    object_pairs,
)

FORMAT = "vigil-interchange"
VERSION = 1
LISTS = ("organisations", "officials", "cases", "asks", "meetings")
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
    obj: Any, *, known: Callable[[str, str], bool] = _never_known
) -> Document:
    """Validate a decoded interchange file completely and return its content.

    `known(kind, id)` says whether the vault already holds an object of `kind`
    ("organisation", "official" or "case") with that id, for references to objects not in
    the file. Raises InterchangeError listing every problem (up to MAX_PROBLEMS).
    """
    ctx = Context(known)
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
    for position, key in enumerate(obj):
        if key not in ("format", "version", *LISTS):
            ctx.add(key_path("", key, position), "unknown key")
    for key in getattr(obj, "duplicate_keys", ()):
        ctx.add(key_path("", key), "key appears more than once")
    before = len(ctx.problems)
    if obj.get("format") != FORMAT:
        ctx.add("format", "required key is missing" if "format" not in obj
                else f'expected "{FORMAT}"')
    version = obj.get("version")
    if "version" not in obj:
        ctx.add("version", "required key is missing")
    elif type(version) is not int:
        ctx.add("version", f"expected {VERSION}")
    elif version != VERSION:
        ctx.add("version", f"this file is version {version}; this app reads version {VERSION}")
    if len(ctx.problems) > before:
        return None  # another format or version: checking the rest would only mislead

    def each(key: str, parse: Callable[[Context, str, Any], T | None]) -> tuple[T, ...]:
        value = obj.get(key)
        if value is None:
            return ()
        if not isinstance(value, list):
            ctx.add(key, "expected a list")
            return ()
        parsed = [parse(ctx, f"{key}[{i}]", item) for i, item in enumerate(value)]
        return tuple(p for p in parsed if p is not None)

    # References point only to earlier lists, so ids are registered before they are needed.
    return Document(
        organisations=each("organisations", _organisation),
        officials=each("officials", _official),
        cases=each("cases", _case),
        asks=each("asks", _ask),
        meetings=each("meetings", _meeting),
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
    )
    return Official(**fields) if r.ok else None


def _case(ctx: Context, path: str, value: Any) -> Case | None:
    r = ObjectReader(ctx, value, path, Case)
    if not r.is_object:
        return None
    case_id = r.new_id("case")
    source_ids: set[str] = set()
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


# ---- writing ---------------------------------------------------------------------------


def dump_document(doc: Document) -> dict[str, Any]:
    """The interchange JSON object for `doc`, ready for json.dumps(ensure_ascii=False).

    Keys follow section 9 order (`id` first); optional keys that are None or an empty list
    are left out, booleans are always written; the five top-level lists are always present.
    """
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for key in LISTS:
        out[key] = [dump_object(item) for item in getattr(doc, key)]
    return out
