# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Typed reading of single values for interchange JSON (writing is app.domain.plain's).

`ObjectReader` checks one JSON object key by key against a model class and records every
problem with its path instead of stopping at the first. Problem messages quote only key names
and enum-like tokens, never the values themselves: a file full of names and notes must not
leak into a terminal, a log or a bug report through an error. No database, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from enum import Enum
from typing import Any, TypeVar

from app.domain.dates import FORMAT_HINT, FuzzyDate
from app.domain.plain import field_names

MAX_PROBLEMS = 100

E = TypeVar("E", bound=Enum)

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_COUNTRY = re.compile(r"[A-Z]{2}")
# Keys and enum values that look like identifiers are safe to quote back; anything else
# (spaces, non-ASCII, long runs) may be a name or a note typed into the wrong column.
_PLAIN_KEY = re.compile(r"[A-Za-z0-9_]{1,40}")
_PLAIN_VALUE = re.compile(r"[A-Za-z0-9_-]{1,24}")
_ABSENT = object()


class TooManyProblems(Exception):
    """Raised inside the reader once MAX_PROBLEMS are recorded; caught by parse_document."""


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
        self.problems: list[str] = []
        self.truncated = False
        self.known = known
        self.sources_of = sources_of  # a vault case's source ids
        self.ids: dict[str, tuple[str, str]] = {}  # id -> (kind, path where first seen)
        self.case_sources: dict[str, set[str]] = {}  # a case in the file -> its source ids
        self.version = 2

    def add(self, path: str, message: str) -> None:
        if len(self.problems) >= MAX_PROBLEMS:
            self.truncated = True
            raise TooManyProblems
        self.problems.append(f"{path}: {message}" if path else message)

    def exists(self, kind: str, value: str) -> bool:
        seen = self.ids.get(value)
        if seen is not None:
            return seen[0] == kind
        return bool(self.known(kind, value))


def key_path(path: str, key: str, position: int | None = None) -> str:
    if not isinstance(key, str) or not _PLAIN_KEY.fullmatch(key):
        key = f"<key {position + 1}>" if position is not None else "<key>"
    return f"{path}.{key}" if path else key


def items(path: str, value: list[Any]) -> Iterator[tuple[str, Any]]:
    for index, item in enumerate(value):
        yield f"{path}[{index}]", item


def check_text(value: Any) -> str | None:
    """The problem with a text value, or None."""
    if not isinstance(value, str):
        return "expected a string"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a "\ud800" escape
        return "contains a character that is not valid Unicode"
    if "\x00" in value:
        return "contains a NUL character"
    return None


def canonical_id(value: Any) -> str | None:
    if isinstance(value, str) and _UUID.fullmatch(value):
        return value.lower()
    return None


NOT_AN_ID = "not a UUID (expected 32 hexadecimal digits as 8-4-4-4-12)"


class ObjectReader:
    """Reads the keys of one JSON object as the fields of `model`; see module docstring.

    Every getter returns the typed value, or None / () when the key is absent or invalid;
    `ok` turns False on the first problem so the caller builds no half-valid object.
    """

    def __init__(self, ctx: Context, value: Any, path: str, model: type) -> None:
        self.ctx = ctx
        self.path = path
        self.ok = True
        self.is_object = isinstance(value, dict)
        if not self.is_object:
            self.data: dict[str, Any] = {}
            self._fail(path, "expected an object")
            return
        self.data = value
        allowed = field_names(model)
        if ctx.version < 2:
            allowed = tuple(k for k in allowed if k not in V2_KEYS.get(model.__name__, ()))
        for position, key in enumerate(value):
            if key not in allowed:
                self._fail(key_path(path, key, position), "unknown key")
        for key in getattr(value, "duplicate_keys", ()):
            self._fail(key_path(path, key), "key appears more than once")

    def _fail(self, path: str, message: str) -> None:
        self.ok = False
        self.ctx.add(path, message)

    def problem(self, key: str | None, message: str) -> None:
        self._fail(self.at(key) if key else self.path, message)

    def at(self, key: str) -> str:
        return key_path(self.path, key)

    def _get(self, key: str, required: bool) -> Any:
        value = self.data.get(key)
        if value is None:  # absent and null both mean "unknown"
            if required:
                self.problem(key, "required key is missing")
            return _ABSENT
        return value

    def _list(self, key: str, required: bool = False) -> list[Any]:
        value = self._get(key, required)
        if value is _ABSENT:
            return []
        if not isinstance(value, list):
            self.problem(key, "expected a list")
            return []
        return value

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self._get(key, required)
        if value is _ABSENT:
            return None
        problem = check_text(value)
        if problem is None and required and not value.strip():
            problem = "must not be empty"
        if problem is not None:
            self.problem(key, problem)
            return None
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        result = []
        for path, item in items(self.at(key), self._list(key)):
            problem = check_text(item)
            if problem is not None:
                self._fail(path, problem)
            else:
                result.append(item)
        return tuple(result)

    def new_id(self, kind: str) -> str | None:
        """The object's own `id`: a UUID not used by any other object in the file."""
        value = self._get("id", True)
        if value is _ABSENT:
            return None
        ident = canonical_id(value)
        if ident is None:
            self.problem("id", NOT_AN_ID)
            return None
        first = self.ctx.ids.get(ident)
        if first is not None:
            self.problem("id", f"duplicate id (also at {first[1]})")
            return None
        self.ctx.ids[ident] = (kind, self.at("id"))
        return ident

    def _check_ref(self, path: str, value: Any, kind: str, allowed: set[str] | None) -> str | None:
        ident = canonical_id(value)
        if ident is None:
            self._fail(path, NOT_AN_ID)
        elif allowed is not None:
            if ident in allowed:
                return ident
            self._fail(path, f"no {kind} with this id in this case")
        elif self.ctx.exists(kind, ident):
            return ident
        else:
            self._fail(path, f"no {kind} with this id")
        return None

    def ref(self, key: str, kind: str, *, required: bool = False) -> str | None:
        """An id naming an object of `kind` in this file or, failing that, in the vault."""
        value = self._get(key, required)
        if value is _ABSENT:
            return None
        return self._check_ref(self.at(key), value, kind, None)

    def refs(self, key: str, kind: str, *, required: bool = False,
             allowed: set[str] | None = None) -> tuple[str, ...]:
        """A list of distinct ids; with `allowed`, only those ids may be named."""
        result: list[str] = []
        for path, item in items(self.at(key), self._list(key, required)):
            ident = self._check_ref(path, item, kind, allowed)
            if ident is not None and ident in result:
                self._fail(path, "listed twice")
            elif ident is not None:
                result.append(ident)
        return tuple(result)

    def enum(self, key: str, enum: type[E]) -> E | None:
        value = self._get(key, False)
        if value is _ABSENT:
            return None
        return self._enum_value(self.at(key), value, enum)

    def enums(self, key: str, enum: type[E]) -> tuple[E, ...]:
        result: list[E] = []
        for path, item in items(self.at(key), self._list(key)):
            member = self._enum_value(path, item, enum)
            if member is not None and member in result:
                self._fail(path, "listed twice")
            elif member is not None:
                result.append(member)
        return tuple(result)

    def _enum_value(self, path: str, value: Any, enum: type[E]) -> E | None:
        if not isinstance(value, str):
            self._fail(path, "expected a string")
            return None
        try:
            return enum(value)
        except ValueError:
            shown = f' "{value}"' if _PLAIN_VALUE.fullmatch(value) else ""
            self._fail(path, f"unknown value{shown}")
            return None

    def date(self, key: str, *, required: bool = False) -> FuzzyDate | None:
        value = self._get(key, required)
        if value is _ABSENT:
            return None
        if not isinstance(value, str):
            self.problem(key, f"not a date ({FORMAT_HINT})")
            return None
        try:
            return FuzzyDate.parse(value)
        except ValueError as exc:
            self.problem(key, str(exc))
            return None

    def moment(self, key: str, *, required: bool = False) -> datetime | None:
        """An ISO 8601 date-time with a UTC offset."""
        value = self._get(key, required)
        if value is _ABSENT:
            return None
        try:
            parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            parsed = None
        # A bare date parses as naive midnight, so this one check also refuses it.
        if parsed is None or parsed.utcoffset() is None:
            self.problem(key, "not a date and time with a UTC offset "
                              "(use ISO 8601, like 2026-03-01T14:30+01:00)")
            return None
        return parsed

    def boolean(self, key: str, *, required: bool = False) -> bool | None:
        value = self._get(key, required)
        if value is _ABSENT:
            return None
        if not isinstance(value, bool):
            self.problem(key, "expected true or false")
            return None
        return value

    def year(self, key: str) -> int | None:
        value = self._get(key, False)
        if value is _ABSENT:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem(key, "expected a whole number")
            return None
        if not 1000 <= value <= 9999:
            self.problem(key, "expected a four-digit year")
            return None
        return value

    def choice(self, key: str, allowed: tuple[int, ...]) -> int | None:
        value = self._get(key, False)
        if value is _ABSENT:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value not in allowed:
            names = ", ".join(str(a) for a in allowed[:-1]) + f" or {allowed[-1]}"
            self.problem(key, f"expected {names}")
            return None
        return value

    def country(self, key: str) -> str | None:
        value = self._get(key, False)
        if value is _ABSENT:
            return None
        return self._country(self.at(key), value)

    def countries(self, key: str) -> tuple[str, ...]:
        result: list[str] = []
        for path, item in items(self.at(key), self._list(key)):
            code = self._country(path, item)
            if code is not None and code in result:
                self._fail(path, "listed twice")
            elif code is not None:
                result.append(code)
        return tuple(result)

    def _country(self, path: str, value: Any) -> str | None:
        if isinstance(value, str) and _COUNTRY.fullmatch(value):
            return value
        self._fail(path, "expected a country code of two capital letters (ISO 3166-1 alpha-2)")
        return None

    def objects(self, key: str, *, required: bool = False) -> Iterator[tuple[str, Any]]:
        """(path, value) for each element of a list of nested objects."""
        return items(self.at(key), self._list(key, required))

    def nested(self, key: str) -> tuple[str, Any] | None:
        value = self._get(key, False)
        return None if value is _ABSENT else (self.at(key), value)
