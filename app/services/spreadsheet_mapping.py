# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The mapping of a spreadsheet import (DESIGN.md section 10): the mapping file and cells.

Validates the mapping file the GUI's import wizard saves and `--mapping` reads, and converts
one cell to the interchange value of its case key. Messages name mapping keys, headers and
positions only; they must never quote a cell or a raw spelling from the `values` table: both
are case data.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from app.domain.dates import FuzzyDate, Precision
from app.domain.enums import Access, Category, Consent, EventKind, Gender, Sensitivity, Status
from app.errors import UserError
from app.services.sheet_cells import (
    COUNTRY_SPLIT,
    Cell,
    CellProblem,
    cell_text,
    clean,
    date_of_cell,
    date_of_text,
    empty_tokens,
    fold,
    split_list,
)
from app.services.sheet_problems import SheetProblem

MAX_MAPPING_BYTES = 1024 * 1024

# How each case key of DESIGN.md section 9 is filled from one cell.
TEXT_KEYS = frozenset({
    "display_name", "name_original", "ethnicity", "occupation", "location", "facility",
    "sentence", "health_concerns", "summary", "internal_notes",
})
DATE_KEYS = frozenset({"status_since", "sentence_ends"})
INT_KEYS = frozenset({"birth_year", "priority"})
LIST_KEYS = frozenset({"charges", "tags", "other_names", "nationalities"})
ENUM_KEYS: dict[str, type[Enum]] = {
    "gender": Gender,
    "category": Category,
    "status": Status,
    "lawyer_access": Access,
    "family_access": Access,
    "consular_access": Access,
    "consent": Consent,
    "sensitivity": Sensitivity,
}
PRIORITIES = (1, 2, 3)
# Keys whose value is a list of objects or an object: one cell cannot hold them.
NOT_FROM_ONE_CELL = {
    "events": 'map each date column to "event:<kind>" instead',
    "sources": "keep the source in a column of its own; it goes to the internal notes",
    "confession": 'map its date column to "event:confession_broadcast" instead',
    "id": 'set "id_column" in the mapping file to make IDs from a column',
}
CELL_KEYS = TEXT_KEYS | DATE_KEYS | INT_KEYS | LIST_KEYS | ENUM_KEYS.keys()
EVENT_PREFIX = "event:"
EVENT_KINDS = frozenset(kind.value for kind in EventKind)
_MAPPING_KEYS = ("columns", "values", "date_formats", "id_column", "empty_values")
MAX_EMPTY_VALUES = 1000


class SpreadsheetError(UserError):
    """A spreadsheet or mapping file that cannot be imported; `.problems` lists every reason."""

    def __init__(self, message: str, problems: list[str] | None = None,
                 details: list[Any] | None = None, *, code: str = "other",
                 params: dict[str, str | int] | None = None):
        super().__init__(message, code=code, params=params)
        self.problems = list(problems) if problems else [message]
        # A SheetProblem for each of `problems` (row, column and, for date and vocabulary
        # cells, the value; a code for each: for the wizard), when there is a list of them.
        self.details = list(details) if details else []


def header_key(header: str) -> str:
    """The case key a header names by itself ("Birth year" -> "birth_year")."""
    return fold(header).replace(" ", "_")


def enum_values(key: str) -> tuple[str, ...]:
    return tuple(member.value for member in ENUM_KEYS[key])


@dataclass(frozen=True)
class Mapping:
    """A mapping file: header -> case key or "event:<kind>", raw cell -> value per key, ...

    Build it with `load_mapping` or `parse_mapping`, which validate; an empty Mapping maps only
    headers that equal case keys.
    """

    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str | int]] = field(default_factory=dict)
    date_formats: tuple[str, ...] = ()
    id_column: str | None = None
    empty_values: tuple[str, ...] = ()  # read as empty, besides sheet_cells.EMPTY_VALUES
    # Lookups by fold(): the fallback after an exact match (headers, raw cells).
    _columns: dict[str, str] = field(init=False, repr=False, compare=False)
    _values: dict[str, dict[str, str | int]] = field(init=False, repr=False, compare=False)
    _empty: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_empty", empty_tokens(self.empty_values))
        object.__setattr__(self, "_columns", {fold(h): t for h, t in self.columns.items()})
        object.__setattr__(self, "_values", {
            key: {fold(raw): value for raw, value in table.items()}
            for key, table in self.values.items()
        })

    def target(self, header: str) -> str | None:
        """What the mapping makes of a column, or None if it does not name it."""
        return self.columns.get(header, self._columns.get(fold(header)))

    def value(self, key: str, cell: str) -> str | int | None:
        """The value `values[key]` gives a cell: exact match first, then folded."""
        table = self.values.get(key, {})
        return table[cell] if cell in table else self._values.get(key, {}).get(fold(cell))

    def is_empty(self, text: str) -> bool:
        """Whether a trimmed cell reads as empty: "", or a token such as "N/A" or "不详"."""
        return not text or fold(text) in self._empty

    def to_dict(self) -> dict[str, Any]:
        """The mapping file's JSON object (what the import wizard saves)."""
        obj: dict[str, Any] = {"columns": dict(self.columns), "values": {
            key: dict(table) for key, table in self.values.items()}}
        if self.date_formats:
            obj["date_formats"] = list(self.date_formats)
        if self.id_column is not None:
            obj["id_column"] = self.id_column
        if self.empty_values:
            obj["empty_values"] = list(self.empty_values)
        return obj


def load_mapping(path: Path | str) -> Mapping:
    """Read and validate a mapping file; raise SpreadsheetError with every problem found."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_MAPPING_BYTES:
            raise SpreadsheetError("The mapping file is too large to be a mapping (over 1 MB).",
                                   code="mapping_too_large")
        raw = path.read_bytes()
    except OSError as exc:
        raise SpreadsheetError(f"The mapping file could not be read ({exc.strerror}).",
                               code="mapping_unreadable", params={"reason": str(exc.strerror)}
                               ) from None
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise SpreadsheetError("The mapping file is not UTF-8 text.",
                               code="mapping_not_utf8") from None
    except json.JSONDecodeError as exc:
        raise SpreadsheetError(
            f"The mapping file is not valid JSON (line {exc.lineno}, column {exc.colno}).",
            code="mapping_not_json_at", params={"line": exc.lineno, "column": exc.colno},
        ) from None
    except (ValueError, RecursionError):  # a number of thousands of digits, deep nesting
        raise SpreadsheetError("The mapping file is not valid JSON.",
                               code="mapping_not_json") from None
    return parse_mapping(obj)


def parse_mapping(obj: object) -> Mapping:
    """Validate a mapping already parsed from JSON (what the import wizard holds in memory)."""
    if not isinstance(obj, dict):
        raise SpreadsheetError("The mapping file must hold one JSON object.",
                               code="mapping_not_object")
    problems: list[SheetProblem] = []
    for key in obj:
        if key not in _MAPPING_KEYS:
            known = ", ".join(_MAPPING_KEYS)
            _add(problems, f'unknown key "{key}" (known: {known})', "map_unknown_key",
                 key=key, known=known)
    columns = _columns(obj.get("columns", {}), problems)
    values = _values(obj.get("values", {}), problems)
    formats = _date_formats(obj.get("date_formats", []), problems)
    id_column = obj.get("id_column")
    if id_column is not None and not (isinstance(id_column, str) and id_column.strip()):
        _add(problems, "id_column must be the header of a column", "map_id_column")
        id_column = None
    empty = _empty_values(obj.get("empty_values", []), problems)
    if problems:
        raise _mapping_error(problems)
    return Mapping(columns, values, formats, id_column, empty)


def _add(problems: list[SheetProblem], text: str, code: str, **params: str | int) -> None:
    problems.append(SheetProblem(f"mapping file: {text}", code=code, params=params))


def _mapping_error(problems: list[SheetProblem]) -> SpreadsheetError:
    texts = [str(problem) for problem in problems]
    if len(problems) == 1:
        return SpreadsheetError(f"The mapping file cannot be used: {texts[0]}.", texts,
                                problems, code="mapping_unusable",
                                params={"first": texts[0]})
    return SpreadsheetError(
        f"The mapping file cannot be used ({len(problems)} problems); the first: {texts[0]}.",
        texts, problems, code="mapping_unusable_many",
        params={"count": len(problems), "first": texts[0]},
    )


def _columns(columns: object, problems: list[SheetProblem]) -> dict[str, str]:
    if not isinstance(columns, dict):
        _add(problems, '"columns" must be an object of header: case key',
             "map_columns_not_object")
        return {}
    result: dict[str, str] = {}
    seen: set[str] = set()
    for header, target in columns.items():
        where = f'columns["{header}"]'
        if not isinstance(target, str):
            _add(problems, f"{where} must be a case key as a string", "map_target_not_text",
                 where=where)
            continue
        target = target.strip()
        if target.startswith(EVENT_PREFIX):
            kind = target[len(EVENT_PREFIX):]
            if kind not in EVENT_KINDS:
                known = ", ".join(sorted(EVENT_KINDS))
                _add(problems, f'{where}: "{kind}" is not an event kind (known: {known})',
                     "map_not_event_kind", where=where, kind=kind, known=known)
                continue
        elif target in NOT_FROM_ONE_CELL:
            _add(problems, f'{where}: "{target}" cannot be filled from one cell; '
                 f"{NOT_FROM_ONE_CELL[target]}", "map_not_from_one_cell", where=where,
                 key=target)
            continue
        elif target not in CELL_KEYS:
            _add(problems, f'{where}: "{target}" is not a case key', "map_not_case_key",
                 where=where, key=target)
            continue
        if fold(header) in seen:
            _add(problems, f"{where} repeats a header already in columns",
                 "map_repeated_header", where=where)
            continue
        seen.add(fold(header))
        result[header] = target
    return result


def _values(values: object, problems: list[SheetProblem]) -> dict[str, dict[str, str | int]]:
    if not isinstance(values, dict):
        _add(problems, '"values" must be an object of case key: {raw: value}',
             "map_values_not_object")
        return {}
    exact: dict[str, dict[str, str | int]] = {}
    folded: dict[str, dict[str, str | int]] = {}
    for key, table in values.items():
        if key not in ENUM_KEYS and key != "priority":
            keys = ", ".join([*ENUM_KEYS, "priority"])
            _add(problems, f'values["{key}"]: only keys with a fixed set of values can be '
                 f"mapped ({keys})", "map_values_key", key=key, keys=keys)
            continue
        if not isinstance(table, dict):
            _add(problems, f'values["{key}"] must be an object of raw: value',
                 "map_values_table", key=key)
            continue
        exact[key], folded[key] = {}, {}
        for position, (raw, target) in enumerate(table.items(), start=1):
            # Raw spellings come from case data: refer to them by position, never quote them.
            where = f'values["{key}"], entry {position}'
            value = _value_target(key, target)
            if value is None:
                allowed = PRIORITIES if key == "priority" else enum_values(key)
                valid = ", ".join(map(str, allowed))
                _add(problems, f"{where} maps to something that is not a {key} value "
                     f"(valid: {valid})", "map_not_a_value", where=where, key=key, valid=valid)
                continue
            if folded[key].get(fold(raw), value) != value:
                _add(problems, f"{where} differs from an earlier entry only in case or spaces "
                     "but maps to another value", "map_value_conflict", where=where)
                continue
            exact[key][raw] = value
            folded[key][fold(raw)] = value
    return exact


def _value_target(key: str, target: object) -> str | int | None:
    if key == "priority":
        if isinstance(target, str) and target.strip().isdigit():
            target = int(target)
        ok = isinstance(target, int) and not isinstance(target, bool) and target in PRIORITIES
        return target if ok else None
    return target if isinstance(target, str) and target in enum_values(key) else None


def _date_formats(formats: object, problems: list[SheetProblem]) -> tuple[str, ...]:
    if not (isinstance(formats, list) and all(isinstance(f, str) for f in formats)):
        _add(problems, '"date_formats" must be a list of strptime formats', "map_date_formats")
        return ()
    sample = datetime(2001, 12, 31)
    for position, fmt in enumerate(formats):
        if "%Y" not in fmt and "%y" not in fmt:
            _add(problems, f"date_formats[{position}] has no year (%Y or %y)",
                 "map_date_format_no_year", position=position)
            continue
        try:
            datetime.strptime(sample.strftime(fmt), fmt)
        except ValueError:
            _add(problems, f"date_formats[{position}] is not a usable strptime format",
                 "map_date_format_unusable", position=position)
    return tuple(formats)


def _empty_values(tokens: object, problems: list[SheetProblem]) -> tuple[str, ...]:
    if not (isinstance(tokens, list) and all(isinstance(t, str) for t in tokens)):
        _add(problems, '"empty_values" must be a list of strings', "map_empty_values")
        return ()
    if len(tokens) > MAX_EMPTY_VALUES:
        _add(problems, f'"empty_values" holds more than {MAX_EMPTY_VALUES}',
             "map_empty_values_too_many", max=MAX_EMPTY_VALUES)
        return ()
    for position, token in enumerate(tokens):
        if not clean(token):
            _add(problems, f"empty_values[{position}] is blank (a blank cell is empty "
                 "already)", "map_empty_value_blank", position=position)
    return tuple(token for token in tokens if clean(token))


def date_precision(fmt: str) -> Precision:
    """How much of a date a strptime format reads: "%Y.%m" a month, "%Y" only a year."""
    plain = fmt.replace("%%", "")
    if any(d in plain for d in ("%d", "%j", "%x", "%c")):
        return Precision.DAY
    if any(d in plain for d in ("%m", "%b", "%B")):
        return Precision.MONTH
    return Precision.YEAR


def convert_cell(key: str, cell: Cell, mapping: Mapping) -> Any:
    """The interchange value of one cell (a CSV's text or a workbook's value), or None for
    "absent". An empty cell, or a token such as "N/A" or "不详", is absent unless the key's
    `values` maps it."""
    if key in DATE_KEYS:
        return convert_date(cell, mapping)
    raw = cell if isinstance(cell, str) else cell_text(cell)
    text = clean(raw)
    if key in ENUM_KEYS or key == "priority":
        mapped = mapping.value(key, raw)
        if mapped is not None:
            return mapped
        if mapping.is_empty(text):
            return mapping.value(key, "")
        if key == "priority":
            return _int(text, PRIORITIES, "not a priority (1, 2 or 3)", key in mapping.values,
                        "not_a_priority", key)
        direct = fold(text).replace(" ", "_").replace("-", "_")
        if direct in enum_values(key):
            return direct
        if key in mapping.values:
            raise CellProblem("no mapping for this value", "no_value_mapping", {"key": key})
        valid = ", ".join(enum_values(key))
        raise CellProblem(f"not a {key} value (valid: {valid})", "not_a_value",
                          {"key": key, "valid": valid})
    if mapping.is_empty(text):
        return None
    if key in TEXT_KEYS:
        return text
    if key in INT_KEYS:
        return _int(text, range(1000, 10000), "not a four-digit year", False,
                    "not_a_year", key)
    if key == "nationalities":
        codes = [c.upper() for c in split_list(_nfkc(text), mapping._empty, COUNTRY_SPLIT)]
        if not all(re.fullmatch(r"[A-Z]{2}", code) for code in codes):
            raise CellProblem("not a list of two-letter country codes (ISO 3166-1 alpha-2)",
                              "not_countries")
        return list(dict.fromkeys(codes)) or None
    items = split_list(text, mapping._empty)
    if not items:
        return None
    if key == "other_names":
        return [{"name": item} for item in items]
    return items  # charges, tags


def _int(text: str, allowed: range | tuple[int, ...], reason: str, mapped: bool, code: str,
         key: str) -> int:
    digits = _nfkc(text).strip()
    if digits.isascii() and digits.isdigit() and int(digits) in allowed:
        return int(digits)
    if mapped:
        raise CellProblem("no mapping for this value", "no_value_mapping", {"key": key})
    raise CellProblem(reason, code)


def convert_date(cell: Cell, mapping: Mapping) -> str | None:
    """Canonical fuzzy date of a cell: a workbook's date cell or serial number; else its text
    in an interchange form, then in each of the mapping's date_formats, then as sheets write
    dates (`sheet_cells.date_of_text`: "2014.03.00", "2014年3月"). Empty tokens are absent."""
    if not isinstance(cell, str):
        day = date_of_cell(cell)
        if day is not None:
            return day
        cell = cell_text(cell)
    text = clean(_nfkc(cell))
    if mapping.is_empty(text):
        return None
    try:
        return str(FuzzyDate.parse(text))
    except ValueError:
        pass
    approximate = text.endswith("~")
    core = text.rstrip("~").strip()
    for fmt in mapping.date_formats:
        try:
            parsed = datetime.strptime(core, fmt)
        except ValueError:
            continue
        precision = date_precision(fmt)
        return str(FuzzyDate(
            parsed.year,
            None if precision is Precision.YEAR else parsed.month,
            parsed.day if precision is Precision.DAY else None,
            approximate,
        ))
    lenient = date_of_text(text)
    if lenient is not None:
        return lenient
    if mapping.date_formats:
        raise CellProblem("not a date: expected YYYY, YYYY-MM or YYYY-MM-DD or one of the "
                          "mapping's date_formats", "not_a_date_or_format")
    raise CellProblem("not a date: expected YYYY, YYYY-MM or YYYY-MM-DD", "not_a_date")


def _nfkc(text: str) -> str:
    # Full-width digits and punctuation from Chinese input methods read as their ASCII twins.
    return unicodedata.normalize("NFKC", text)
