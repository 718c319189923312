# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one converter between domain records and plain (JSON-ready) data, by type hints.

Enums are their values, fuzzy dates their canonical text, datetimes ISO text, tuples lists,
records objects with their fields in model order. Table rows, bundle records and interchange
JSON all go through here; interchange leaves absent values out (`omit_empty`), the others
keep every field. `structure` is the inverse for data that is already known to be valid
(a row, a checked bundle or a file the importer has checked): it does not report problems.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from functools import cache
from typing import Any

from app.domain.dates import FuzzyDate


def unstructure(value: Any, *, omit_empty: bool = False) -> Any:
    """A domain value as plain data; with `omit_empty`, a record leaves out the fields that
    are None or an empty tuple (booleans are always kept)."""
    if value is None or type(value) in (str, int, bool):  # most values; StrEnums are not str
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, FuzzyDate):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple):
        return [unstructure(v, omit_empty=omit_empty) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for name in field_names(type(value)):
            item = getattr(value, name)
            if omit_empty and (item is None or item == ()):
                continue
            out[name] = unstructure(item, omit_empty=omit_empty)
        return out
    raise TypeError(f"cannot convert a {type(value).__name__}")


def structure(tp: Any, plain: Any, *, ids: Callable[[str], str] | None = None) -> Any:
    """Plain data back to a domain value of type `tp`; `ids` rewrites every ID on the way
    (interchange files may write them in upper case)."""
    if plain is None:
        return None
    kind, target = _shape(tp)
    if kind == _PLAIN:
        return plain
    if kind == _ID:
        return plain if ids is None else ids(plain)
    if kind == _TUPLE:
        return tuple([structure(target, v, ids=ids) for v in plain])
    if kind == _RECORD:
        cls, found = target  # null is absent: the field keeps its default
        return cls(**{k: structure(found[k], v, ids=ids) for k, v in plain.items()
                      if k in found and v is not None})
    return target(plain)  # an enum, a fuzzy date, a datetime


_PLAIN, _ID, _TUPLE, _RECORD, _CALL = range(5)


@cache  # a bulk import structures 100,000s of values of some 60 types
def _shape(tp: Any) -> tuple[int, Any]:
    """How `structure` builds a value of type `tp`, and with what."""
    tp = unwrap_optional(tp)
    if is_tuple(tp):
        return _TUPLE, typing.get_args(tp)[0]
    if isinstance(tp, type):
        if issubclass(tp, Enum):
            return _CALL, tp
        if tp is FuzzyDate:
            return _CALL, FuzzyDate.parse
        if tp is datetime:
            return _CALL, datetime.fromisoformat
        if dataclasses.is_dataclass(tp):
            return _RECORD, (tp, hints(tp))
    if id_kind(tp) is not None:
        return _ID, None
    return _PLAIN, None


@cache
def hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def field_names(cls: type) -> tuple[str, ...]:
    # Cached: 200,000 events would otherwise each pay for dataclasses.fields().
    return tuple(f.name for f in dataclasses.fields(cls))


@cache  # hints are few and hashable; looking them up is most of reading a row
def unwrap_optional(tp: Any) -> Any:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


@cache
def is_tuple(tp: Any) -> bool:
    return typing.get_origin(unwrap_optional(tp)) is tuple


@cache
def is_record(tp: Any) -> bool:
    """A nested record (Confession, Position, …), not a fuzzy date."""
    tp = unwrap_optional(tp)
    return isinstance(tp, type) and tp is not FuzzyDate and dataclasses.is_dataclass(tp)


@cache
def id_kind(tp: Any) -> str | None:
    """"case" for CaseId and so on: the kind of record an ID type names, or None."""
    name = getattr(tp, "__name__", "")
    if getattr(tp, "__supertype__", None) is str and name.endswith("Id"):
        return name[:-2].lower()
    return None
