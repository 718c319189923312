# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Interchange JSON (DESIGN.md section 9) to and from domain objects, without a database.

Export writes version 2; import reads versions 1 and 2 (a version 1 file may not use the
keys version 2 added).

`parse_document` validates a whole file against the published JSON Schema
(interchange_schema) and then the rules a schema cannot express (interchange_fields), and
reports every problem by path, so a caseworker can fix a spreadsheet export in one pass;
the caller imports nothing unless it succeeds. Reading and writing the records themselves is
app.domain.plain's, as for table rows and bundles.
`dump_document` is its exact inverse. Errors must never quote names, notes or other free
text from the file: they reach stderr, dialogs and bug reports.
"""

from __future__ import annotations

import codecs
import contextlib
import json
from collections.abc import Callable, Iterable
from typing import Any

from app.domain.model import (
    Ask,
    Case,
    Document,
    Encounter,
    Involvement,
    Meeting,
    Official,
    Organisation,
)
from app.domain.plain import structure, unstructure
from app.errors import UserError
from app.services.interchange_fields import (
    MAX_PROBLEMS,
    Context,
    TooManyProblems,
    check_rules,
    object_pairs,
)
from app.services.interchange_findings import Finding
from app.services.interchange_schema import schema_problems

FORMAT = "vigil-interchange"
VERSION = 2
READABLE_VERSIONS = (1, 2)
LISTS = ("organisations", "officials", "cases", "asks", "meetings", "involvements",
         "encounters")
V1_LISTS = LISTS[:5]
MODELS: dict[str, type] = {
    "organisations": Organisation, "officials": Official, "cases": Case, "asks": Ask,
    "meetings": Meeting, "involvements": Involvement, "encounters": Encounter}
SHOWN_PROBLEMS = 3


class InterchangeError(UserError):
    """The file is not valid interchange JSON; `problems` lists each one with its path,
    and `findings` the same as interchange_findings.Finding (a code each, for a
    translation) when every problem has one."""

    def __init__(self, problems: Iterable[str | Finding], *, truncated: bool = False) -> None:
        listed = list(problems)
        self.problems = [str(problem) for problem in listed]
        self.findings = [p for p in listed if isinstance(p, Finding)]
        if len(self.findings) != len(listed):
            self.findings = []
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
        raise InterchangeError([Finding("", "json_utf16")])
    data = data.removeprefix(codecs.BOM_UTF8)  # Windows editors like to add one
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InterchangeError([Finding("", "json_not_utf8", {"line": line})]) from None
    if not text.strip():
        raise InterchangeError([Finding("", "json_empty")])
    try:
        return json.loads(text, object_pairs_hook=object_pairs, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        where: dict[str, str | int] = {"line": exc.lineno, "column": exc.colno}
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            finding = Finding("", "json_truncated", where)
        else:
            finding = Finding("", "json_invalid", {**where, "reason": exc.msg})
        raise InterchangeError([finding]) from None
    except _NotJson:
        finding = Finding("", "json_constant")
    except RecursionError:
        finding = Finding("", "json_too_deep")
    except ValueError:  # int() refuses numbers of thousands of digits
        finding = Finding("", "json_long_number")
    raise InterchangeError([finding])


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
        ctx.add("top level", "not_an_object")
        return None
    before = len(ctx.problems)
    if obj.get("format") != FORMAT:
        ctx.add("format", "missing_key" if "format" not in obj else "not_the_format")
    version = obj.get("version")
    if "version" not in obj:
        ctx.add("version", "missing_key")
    elif type(version) is not int:
        ctx.add("version", "version_not_a_number")
    elif version not in READABLE_VERSIONS:
        ctx.add("version", "version_unreadable", version=version)
    if len(ctx.problems) > before:
        return None  # another format or version: checking the rest would only mislead
    ctx.problems, ctx.truncated = schema_problems(obj, V1_LISTS if version == 1 else LISTS)
    if ctx.problems:  # the rules below assume the schema's types
        return None
    check_rules(ctx, obj, MODELS)
    if ctx.problems:
        return None
    document: Document = structure(Document, obj, ids=str.lower)
    return document


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
