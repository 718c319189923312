# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What interchange import checks beyond the JSON Schema, and the pieces its messages share.

interchange_schema finds what each key may hold; `check_rules` then walks a document that
meets the schema for the rules a schema cannot express: IDs unique in the file (in any
case), references that resolve to a record of the right kind in the file or the vault, a
case's sources cited only by its own events and involvements, real calendar dates, whole
numbers not written with a point, valid Unicode, periods that do not end before they start,
repeated JSON keys. Problem messages quote only key names and enum-like tokens, never the
values themselves: a file full of names and notes must not leak into a terminal, a log or a
bug report through an error. No database, no I/O.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Callable
from datetime import datetime
from typing import Any

from app.domain.dates import FuzzyDate
from app.domain.model import Case, Encounter, Involvement, Meeting, Position, Source
from app.domain.plain import field_names, hints, id_kind, is_record, is_tuple, unwrap_optional
from app.services.interchange_findings import Finding, date_finding

MAX_PROBLEMS = 100

# Keys and enum values that look like identifiers are safe to quote back; anything else
# (spaces, non-ASCII, long runs) may be a name or a note typed into the wrong column.
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_]{1,40}")
PLAIN_VALUE = re.compile(r"[A-Za-z0-9_-]{1,24}")


class TooManyProblems(Exception):
    """Raised by Context.add once MAX_PROBLEMS are recorded; caught by parse_document."""


class DuplicateKeyDict(dict):
    """A JSON object in which some key appeared more than once (json keeps only the last)."""

    duplicate_keys: tuple[str, ...] = ()


def object_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """`object_pairs_hook` for json.loads that remembers repeated keys instead of hiding them."""
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    marked = DuplicateKeyDict(pairs)
    seen: set[str] = set()
    repeated: list[str] = []
    for key, _ in pairs:
        if key in seen and key not in repeated:
            repeated.append(key)
        seen.add(key)
    marked.duplicate_keys = tuple(repeated)
    return marked


# Keys that version 2 added to objects version 1 already had: a version 1 file with one of
# them was not written by a Vigil that meant it, so it is an unknown key there.
V2_KEYS = {
    "Official": frozenset({"name_original", "other_names", "gender", "birth_year", "level",
                           "identifiers", "positions", "sanctions"}),
    "Ask": frozenset({"level", "encounter_id"}),
}


class Context:
    """What one parse shares: the problems found, the ids seen, the vault's answer for others."""

    def __init__(self, known: Callable[[str, str], bool],
                 sources_of: Callable[[str], set[str]] = lambda _case_id: set()) -> None:
        self.problems: list[Finding] = []
        self.truncated = False
        self.known = known
        self.sources_of = sources_of  # a vault case's source ids
        self.ids: dict[str, tuple[str, str]] = {}  # id -> (kind, path where first seen)
        self.case_sources: dict[str, set[str]] = {}  # a case in the file -> its source ids

    def add(self, path: str, code: str, **params: str | int) -> None:
        """A problem at `path`: `code` names its sentence (interchange_findings.SENTENCES)."""
        self.found(Finding(path, code, params))

    def found(self, finding: Finding) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.truncated = True
            raise TooManyProblems
        self.problems.append(finding)

    def exists(self, kind: str, value: str) -> bool:
        seen = self.ids.get(value)
        if seen is not None:
            return seen[0] == kind
        return bool(self.known(kind, value))

    def new_id(self, kind: str, value: str, path: str) -> str | None:
        """A record's own ID: not used by any other record in the file."""
        ident = value.lower()
        first = self.ids.get(ident)
        if first is not None:
            self.add(path, "duplicate_id", first=first[1])
            return None
        self.ids[ident] = (kind, path)
        return ident

    def ref(self, kind: str, value: str, path: str, allowed: set[str] | None = None,
            ) -> str | None:
        """An ID naming a record of `kind` in the file or else the vault; with `allowed`,
        one of those (a case's sources)."""
        ident = value.lower()
        if allowed is not None:
            if ident in allowed:
                return ident
            self.add(path, "no_such_record_in_case", kind=kind)
        elif self.exists(kind, ident):
            return ident
        else:
            self.add(path, "no_such_record", kind=kind)
        return None


def key_path(path: str, key: str, position: int | None = None) -> str:
    if not isinstance(key, str) or not _PLAIN_KEY.fullmatch(key):
        key = f"<key {position + 1}>" if position is not None else "<key>"
    return f"{path}.{key}" if path else key


def check_text(value: Any) -> str | None:
    """The code of the problem with a text value (interchange_findings), or None."""
    if not isinstance(value, str):
        return "not_a_string"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a "\ud800" escape
        return "not_unicode"
    if "\x00" in value:
        return "nul"
    return None



# The lists in the order they are checked: references point only to lists already read
# (encounters before the asks made at them), so IDs are registered before they are needed.
ORDER = {"organisations": "Organisation", "officials": "Official", "cases": "Case",
         "encounters": "Encounter", "asks": "Ask", "meetings": "Meeting",
         "involvements": "Involvement"}


def check_rules(ctx: Context, doc: dict[str, Any], models: dict[str, type]) -> None:
    """Add to `ctx` every rule beyond the schema that `doc` (which meets it) breaks."""
    _repeated_keys(ctx, doc, "")
    for key in ORDER:
        for index, item in enumerate(doc.get(key) or ()):
            _record(ctx, models[key], item, f"{key}[{index}]", None)


def _repeated_keys(ctx: Context, obj: dict[str, Any], path: str) -> None:
    for key in getattr(obj, "duplicate_keys", ()):
        ctx.add(key_path(path, key), "repeated_key")


def _record(ctx: Context, cls: type, obj: dict[str, Any], path: str,
            sources: set[str] | None) -> None:
    """One record; `sources` are the IDs its source_ids may name (its case's)."""
    _repeated_keys(ctx, obj, path)
    names = field_names(cls)
    if cls is Case:  # sources first: events may cite only sources of their own case
        names = ("id", "sources", *(n for n in names if n not in ("id", "sources")))
        sources = set()
    parsed: dict[str, Any] = {}
    for name in names:
        value = obj.get(name)
        if value is None:
            continue
        at = key_path(path, name)
        tp = unwrap_optional(hints(cls)[name])
        if name == "id":
            ident = ctx.new_id(str(id_kind(tp)), value, at)
            if ident is not None and cls is Case:
                ctx.case_sources[ident] = sources  # type: ignore[assignment]
            if ident is not None and cls is Source and sources is not None:
                sources.add(ident)
        elif is_tuple(tp):
            if cls is Involvement and name == "source_ids" and parsed.get("case_id") is None:
                continue  # whose sources they may be is not known
            _items(ctx, typing.get_args(tp)[0], value, at, sources)
        elif is_record(tp):
            _record(ctx, tp, value, at, sources)
        elif (kind := id_kind(tp)) is not None:
            parsed[name] = case_id = ctx.ref(kind, value, at)
            if cls is Involvement and name == "case_id" and case_id is not None:
                # That case's sources, in the file or else in the vault.
                sources = ctx.case_sources.get(case_id)
                if sources is None:
                    sources = ctx.sources_of(case_id)
        else:
            parsed[name] = _scalar(ctx, tp, name, value, at)
    _whole(ctx, cls, obj, path, parsed)


def _items(ctx: Context, tp: Any, values: list[Any], path: str,
           sources: set[str] | None) -> None:
    seen: set[str] = set()
    kind = id_kind(tp)
    for index, value in enumerate(values):
        at = f"{path}[{index}]"
        if is_record(tp):
            _record(ctx, tp, value, at, sources)
        elif kind is not None:
            ident = ctx.ref(kind, value, at, sources if kind == "source" else None)
            if ident in seen:  # the same ID in upper and lower case
                ctx.add(at, "listed_twice")
            elif ident is not None:
                seen.add(ident)
        else:
            _scalar(ctx, tp, "", value, at)


def _scalar(ctx: Context, tp: Any, name: str, value: Any, path: str) -> Any:
    """A date, a date-time, a whole number or a text the schema passed: parsed, or None."""
    problem = None
    if tp is FuzzyDate:
        try:
            return FuzzyDate.parse(value)
        except ValueError as exc:  # leap days, a final newline; never quotes the text
            ctx.found(date_finding(path, exc))
            return None
    elif tp is datetime:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            problem = "not_a_moment"
    elif tp is int and type(value) is not int:  # 1980.0 passes for an integer in JSON Schema
        problem = "not_a_priority" if name == "priority" else "not_whole"
    elif tp is str:
        problem = check_text(value)
    if problem is not None:
        ctx.add(path, problem)
    return None


def _whole(ctx: Context, cls: type, obj: dict[str, Any], path: str,
           parsed: dict[str, Any]) -> None:
    """Rules about several keys of one record."""
    if cls is Position or cls is Encounter:
        start, end = ("start", "end") if cls is Position else ("starts_on", "ends_on")
        first, last = parsed.get(start), parsed.get(end)
        if first is not None and last is not None and last.latest() < first.earliest():
            ctx.add(key_path(path, end), "ends_before_position" if cls is Position
                    else "ends_before_encounter")
    if cls is Meeting:
        listed: set[str] = set()
        for index, item in enumerate(obj.get("cases") or ()):
            ident = str(item["case_id"]).lower()
            if ident in listed:
                ctx.add(f"{path}.cases[{index}].case_id", "case_twice_in_meeting")
            listed.add(ident)
