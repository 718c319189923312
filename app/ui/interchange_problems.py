# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Why an interchange file (or a sheet converted to one) cannot be imported, in the user's
language: each problem's path as the file names it ("cases[3].status"), then its sentence
translated by code (interchange_findings.SENTENCES). A code not known here shows the
English sentence, so a new problem is never hidden. Parameters are paths, key names, record
kinds, numbers and enum-like tokens; never a value from the file.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.interchange import SHOWN_PROBLEMS, InterchangeError
from app.services.interchange_fields import MAX_PROBLEMS
from app.services.interchange_findings import Finding

CONTEXT = "InterchangeProblems"
TEXTS: dict[str, object] = {  # QT_TRANSLATE_NOOP returns its text (typed object)
    "json_utf16": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "The file is UTF-16 text; save it as UTF-8 and try again."),
    "json_not_utf8": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "The file is not UTF-8 text (the first bad byte is on line "
        "{line})."),
    "json_empty": QT_TRANSLATE_NOOP("InterchangeProblems", "The file is empty."),
    "json_truncated": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "The file ends before the JSON is complete (line {line}, "
        "column {column}); it may be truncated."),
    "json_invalid": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "The file is not valid JSON (line {line}, column {column})."),
    "json_constant": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "The file contains NaN or Infinity, which JSON does not allow."),
    "json_too_deep": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "The file is nested too deeply to read."),
    "json_long_number": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "The file contains a number with too many digits."),
    "not_an_object": QT_TRANSLATE_NOOP("InterchangeProblems", "expected a JSON object"),
    "not_the_format": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "expected \"vigil-interchange\": this is not a Vigil "
        "interchange file"),
    "version_not_a_number": QT_TRANSLATE_NOOP("InterchangeProblems", "expected 1 or 2"),
    "version_unreadable": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "this file is version {version}; this app reads versions 1 "
        "and 2"),
    "unknown_key": QT_TRANSLATE_NOOP("InterchangeProblems", "unknown key"),
    "missing_key": QT_TRANSLATE_NOOP("InterchangeProblems", "required key is missing"),
    "raiser_missing": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "raised_by_official_id or raised_by_organisation_id is "
        "required"),
    "no_case": QT_TRANSLATE_NOOP("InterchangeProblems", "at least one case is required"),
    "listed_twice": QT_TRANSLATE_NOOP("InterchangeProblems", "listed twice"),
    "regime_twice": QT_TRANSLATE_NOOP("InterchangeProblems", "a regime is listed twice"),
    "not_valid_here": QT_TRANSLATE_NOOP("InterchangeProblems", "not valid here"),
    "not_an_id": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "not a UUID (expected 32 hexadecimal digits as 8-4-4-4-12)"),
    "not_a_string": QT_TRANSLATE_NOOP("InterchangeProblems", "expected a string"),
    "not_unicode": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "contains a character that is not valid Unicode"),
    "nul": QT_TRANSLATE_NOOP("InterchangeProblems", "contains a NUL character"),
    "empty_text": QT_TRANSLATE_NOOP("InterchangeProblems", "must not be empty"),
    "not_a_country": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "expected a country code of two capital letters (ISO 3166-1 "
        "alpha-2)"),
    "not_a_date": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "not a date (expected YYYY, YYYY-MM or YYYY-MM-DD, optionally "
        "followed by ~)"),
    "year_range": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "the year must be from 0001 to 9999"),
    "day_without_month": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "a date with a day needs a month"),
    "month_range": QT_TRANSLATE_NOOP("InterchangeProblems", "the month must be from 01 to 12"),
    "no_such_day": QT_TRANSLATE_NOOP("InterchangeProblems", "that month does not have that day"),
    "not_a_moment": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "not a date and time with a UTC offset (use ISO 8601, like "
        "2026-03-01T14:30+01:00)"),
    "not_a_year": QT_TRANSLATE_NOOP("InterchangeProblems", "expected a four-digit year"),
    "not_whole": QT_TRANSLATE_NOOP("InterchangeProblems", "expected a whole number"),
    "not_a_priority": QT_TRANSLATE_NOOP("InterchangeProblems", "expected 1, 2 or 3"),
    "not_a_boolean": QT_TRANSLATE_NOOP("InterchangeProblems", "expected true or false"),
    "not_a_list": QT_TRANSLATE_NOOP("InterchangeProblems", "expected a list"),
    "not_an_object_here": QT_TRANSLATE_NOOP("InterchangeProblems", "expected an object"),
    "unknown_value_named": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "unknown value \"{value}\""),
    "unknown_value": QT_TRANSLATE_NOOP("InterchangeProblems", "unknown value"),
    "repeated_key": QT_TRANSLATE_NOOP("InterchangeProblems", "key appears more than once"),
    "duplicate_id": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "duplicate id (also at {first})"),
    "no_such_record_in_case": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "no {kind} with this id in this case"),
    "no_such_record": QT_TRANSLATE_NOOP("InterchangeProblems", "no {kind} with this id"),
    "ends_before_position": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "ends before the position starts"),
    "ends_before_encounter": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "ends before the encounter starts"),
    "case_twice_in_meeting": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "this case is already listed in this meeting"),
    "deleted_here": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "deleted from this vault, and a deleted record is not brought "
        "back; remove it from the file"),
    "id_of_another_case": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "already used by another case in the vault"),
    "involvement_moves": QT_TRANSLATE_NOOP(
        "InterchangeProblems", "this involvement is about another case in the vault, and "
        "cannot move"),
}
# The kinds of record an ID may name ({kind} above).
KINDS: dict[str, object] = {
    "organisation": QT_TRANSLATE_NOOP("InterchangeProblems", "organisation"),
    "official": QT_TRANSLATE_NOOP("InterchangeProblems", "official"),
    "case": QT_TRANSLATE_NOOP("InterchangeProblems", "case"),
    "event": QT_TRANSLATE_NOOP("InterchangeProblems", "event"),
    "source": QT_TRANSLATE_NOOP("InterchangeProblems", "source"),
    "ask": QT_TRANSLATE_NOOP("InterchangeProblems", "ask"),
    "meeting": QT_TRANSLATE_NOOP("InterchangeProblems", "meeting"),
    "involvement": QT_TRANSLATE_NOOP("InterchangeProblems", "involvement"),
    "encounter": QT_TRANSLATE_NOOP("InterchangeProblems", "encounter"),
}


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def finding_text(finding: Finding) -> str:
    """ "path: sentence" with the sentence in the user's language (the path as it is)."""
    text = TEXTS.get(finding.code)
    if text is None:
        return str(finding)
    params = dict(finding.params)
    if isinstance(params.get("kind"), str) and params["kind"] in KINDS:
        params["kind"] = _tr(KINDS[str(params["kind"])])
    try:
        sentence = _tr(text).format(**params)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(finding)
    if not finding.path:
        return sentence
    return _tr(QT_TRANSLATE_NOOP("InterchangeProblems", "{path}: {sentence}")).format(
        path=finding.path, sentence=sentence)


def interchange_problems(error: InterchangeError) -> list[str]:
    """Every problem of the error, in the user's language (the English ones for an error
    whose problems have no codes)."""
    if not error.findings:
        return list(error.problems)
    return [finding_text(finding) for finding in error.findings]


def interchange_summary(error: InterchangeError) -> str:
    """The error's sentence (its first problems), in the user's language."""
    problems = interchange_problems(error)
    text = _tr(QT_TRANSLATE_NOOP("InterchangeProblems", "; ")).join(problems[:SHOWN_PROBLEMS])
    hidden = len(problems) - SHOWN_PROBLEMS
    if hidden > 0:
        text += _tr(QT_TRANSLATE_NOOP("InterchangeProblems", "; and {0} more")).format(hidden)
    if error.truncated:
        text += _tr(QT_TRANSLATE_NOOP(
            "InterchangeProblems", " (checking stopped after {0})")).format(MAX_PROBLEMS)
    return text
