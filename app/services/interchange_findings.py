# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""What interchange import says about a file it refuses: one Finding a problem, a path and
a sentence chosen by a stable code.

`str(finding)` is "path: sentence" in English, what the CLI prints (docs/cli.md); the
import wizard keeps the path and translates the sentence by its code
(app/ui/interchange_problems.py). Parameters are paths, key names, record kinds, numbers
and enum-like tokens (PLAIN_VALUE), never a value from the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.domain.dates import FORMAT_HINT

# The English sentence of each code; `{name}` is a parameter.
SENTENCES: dict[str, str] = {
    "other": "{text}",  # a sentence with no code of its own: shown as it is
    # the file as a whole (interchange.load_json_bytes)
    "json_utf16": "The file is UTF-16 text; save it as UTF-8 and try again.",
    "json_not_utf8": "The file is not UTF-8 text (the first bad byte is on line {line}).",
    "json_empty": "The file is empty.",
    "json_truncated": "The file ends before the JSON is complete (line {line}, column "
                      "{column}); it may be truncated.",
    "json_invalid": "The file is not valid JSON: {reason} at line {line}, column {column}.",
    "json_constant": "The file contains NaN or Infinity, which JSON does not allow.",
    "json_too_deep": "The file is nested too deeply to read.",
    "json_long_number": "The file contains a number with too many digits.",
    # the format and version (interchange._document)
    "not_an_object": "expected a JSON object",
    "not_the_format": 'expected "vigil-interchange"',
    "version_not_a_number": "expected 1 or 2",
    "version_unreadable": "this file is version {version}; this app reads versions 1 and 2",
    # a key or a value (interchange_schema, interchange_fields)
    "unknown_key": "unknown key",
    "missing_key": "required key is missing",
    "raiser_missing": "raised_by_official_id or raised_by_organisation_id is required",
    "no_case": "at least one case is required",
    "listed_twice": "listed twice",
    "regime_twice": "a regime is listed twice",
    "not_valid_here": "not valid here",
    "not_an_id": "not a UUID (expected 32 hexadecimal digits as 8-4-4-4-12)",
    "not_a_string": "expected a string",
    "not_unicode": "contains a character that is not valid Unicode",
    "nul": "contains a NUL character",
    "empty_text": "must not be empty",
    "not_a_country": "expected a country code of two capital letters (ISO 3166-1 alpha-2)",
    "not_a_date": f"not a date ({FORMAT_HINT})",
    "year_range": "the year must be from 0001 to 9999",
    "day_without_month": "a date with a day needs a month",
    "month_range": "the month must be from 01 to 12",
    "no_such_day": "that month does not have that day",
    "not_a_moment": "not a date and time with a UTC offset (use ISO 8601, like "
                    "2026-03-01T14:30+01:00)",
    "not_a_year": "expected a four-digit year",
    "not_whole": "expected a whole number",
    "not_a_priority": "expected 1, 2 or 3",
    "not_a_boolean": "expected true or false",
    "not_a_list": "expected a list",
    "not_an_object_here": "expected an object",
    "unknown_value_named": 'unknown value "{value}"',
    "unknown_value": "unknown value",
    "repeated_key": "key appears more than once",
    "duplicate_id": "duplicate id (also at {first})",
    "no_such_record_in_case": "no {kind} with this id in this case",
    "no_such_record": "no {kind} with this id",
    "ends_before_position": "ends before the position starts",
    "ends_before_encounter": "ends before the encounter starts",
    "case_twice_in_meeting": "this case is already listed in this meeting",
    # against the vault (bulk)
    "deleted_here": "deleted from this vault, and a deleted record is not brought back; "
                    "remove it from the file",
    "id_of_another_case": "already used by another case in the vault",
    "involvement_moves": "this involvement is about another case in the vault, and cannot "
                         "move",
}
# FuzzyDate's ValueError messages (app.domain.dates), by code.
DATE_CODES = {SENTENCES[code]: code for code in (
    "not_a_date", "year_range", "day_without_month", "month_range", "no_such_day")}


@dataclass(frozen=True)
class Finding:
    """One problem of an interchange file: where (a path such as "cases[3].status", or ""
    for the file as a whole) and what (a code of SENTENCES, with its parameters)."""

    path: str
    code: str
    params: dict[str, str | int] = field(default_factory=dict, compare=False, hash=False)

    @property
    def sentence(self) -> str:
        return SENTENCES[self.code].format(**self.params)

    def __str__(self) -> str:
        return f"{self.path}: {self.sentence}" if self.path else self.sentence


def date_finding(path: str, error: ValueError) -> Finding:
    """A FuzzyDate's refusal (its message never quotes the text) as a Finding."""
    text = str(error)
    code = DATE_CODES.get(text)
    return Finding(path, code) if code else Finding(path, "other", {"text": text})
