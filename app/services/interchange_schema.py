# SPDX-FileCopyrightText: 2026 Vigil contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Interchange JSON against its published JSON Schema, with the importer's own messages.

The schema is a resource of this package (docs/interchange.schema.json is a copy that a test
keeps identical). jsonschema finds what is wrong and where; this module turns each finding
into a Finding ("path: sentence"), where the sentence is chosen by the kind of key (a date,
an ID, a vocabulary…) and never quotes the value, only key names and enum-like tokens.
jsonschema's own messages quote values, so none of them is passed on.

jsonschema is pure Python (about 50 s for the reference file of 82 MiB), so jsonschema_rs
(compiled) checks first, and only a file it refuses goes through jsonschema for the messages.
The two agree on what they refuse (a test compares them over many broken files), except
where jsonschema_rs refuses more: a final newline matches `$` in Python's regular expressions
only, and jsonschema_rs cannot read a lone surrogate. jsonschema then decides, as before.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from typing import Any

from app.domain.dates import FuzzyDate
from app.services.interchange_fields import (
    MAX_PROBLEMS,
    PLAIN_VALUE,
    V2_KEYS,
    check_text,
    key_path,
)
from app.services.interchange_findings import DATE_CODES, Finding

SCHEMA_FILE = "interchange.schema.json"
NULL = {"type": "null"}
# The objects version 2 added keys to, by their key in the file.
V2_OBJECT_KEYS = {"officials": V2_KEYS["Official"], "asks": V2_KEYS["Ask"]}

Path = tuple[str | int, ...]
Said = tuple[str, dict[str, str | int]]  # a code of interchange_findings, its parameters


@cache
def schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath(SCHEMA_FILE).read_text("utf-8")
    return json.loads(text)


@cache
def _fast_validator() -> Any:
    import jsonschema_rs  # compiled, but loaded only once a file is read

    return jsonschema_rs.Draft202012Validator(schema())


def fast_accepts(doc: Any) -> bool:
    """Whether jsonschema_rs finds `doc` valid; False when it cannot read it."""
    try:
        return bool(_fast_validator().is_valid(doc))
    except ValueError:  # a lone surrogate (UnicodeEncodeError), a value JSON cannot hold
        return False


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator  # a heavy import: only once a file is read

    # The same rules with each $ref replaced by what it names (the schema has no cycles):
    # jsonschema's reference lookups were a third of its time.
    inlined = {k: v for k, v in _inline(schema()).items() if k != "$defs"}
    return Draft202012Validator(inlined)


def _inline(node: Any) -> Any:
    if isinstance(node, list):
        return [_inline(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {k: _inline(v) for k, v in node.items() if k != "$ref"}
    if "$ref" not in node:
        return out
    target = _inline(schema()["$defs"][node["$ref"].removeprefix("#/$defs/")])
    return {**out, "allOf": [target]} if out else target


def schema_problems(doc: dict[str, Any], lists: Iterable[str]) -> tuple[list[Finding], bool]:
    """Every way `doc` (an object of a readable version, which has `lists`) breaks the
    schema, in document order; and whether checking stopped at MAX_PROBLEMS."""
    if fast_accepts(doc):
        return [], False
    found: dict[Path, Said] = {}
    truncated = False
    findings = _version_1(doc, set(lists)) if doc.get("version") == 1 else iter(())
    for path, message in itertools.chain(findings, _findings(doc)):
        if path in found:
            continue
        if len(found) == MAX_PROBLEMS:
            truncated = True
            break
        found[path] = message
    ordered = sorted(found, key=lambda path: _position(doc, path))
    return [_problem(doc, path, found[path]) for path in ordered], truncated


def _findings(doc: dict[str, Any]) -> Iterator[tuple[Path, Said]]:
    for error in _validator().iter_errors(doc):
        yield from _explain(error)


def _version_1(doc: dict[str, Any], v1_lists: set[str]) -> Iterator[tuple[Path, Said]]:
    """The lists and keys version 2 added, in a version 1 file (the schema's `version_1`;
    jsonschema reports a `false` schema without the key's path)."""
    for key, value in doc.items():
        if key not in v1_lists and key in schema()["properties"] and key != "format" \
                and key != "version":
            yield (key,), ("unknown_key", {})
        elif key in V2_OBJECT_KEYS and isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict):
                    for name in item:
                        if name in V2_OBJECT_KEYS[key]:
                            yield (key, index, name), ("unknown_key", {})


def _explain(error: Any) -> Iterator[tuple[Path, Said]]:
    path: Path = tuple(error.absolute_path)
    rule = error.validator
    if rule is None:  # a `false` schema: version 2 keys in a version 1 file, see _version_1
        return
    if rule == "anyOf":
        branches = error.validator_value
        if any("required" in branch for branch in branches):  # an ask's raiser
            yield path, ("raiser_missing", {})
            return
        for sub in error.context:  # what the branch that is not null says
            if branches[sub.relative_schema_path[0]] != NULL:
                yield from _explain(sub)
        return
    if rule == "required":
        for key in error.validator_value:
            if key not in error.instance:
                yield (*path, key), ("missing_key", {})
    elif rule == "additionalProperties":
        for key in error.instance:
            if key not in error.schema.get("properties", {}):
                yield (*path, key), ("unknown_key", {})
    elif rule == "minItems":  # only an ask's cases
        yield path, ("no_case", {})
    elif rule == "uniqueItems":
        seen: list[Any] = []
        for index, item in enumerate(error.instance):
            if item in seen:
                yield (*path, index), ("listed_twice", {})
                return
            seen.append(item)
    elif rule in ("contains", "minContains", "maxContains"):  # only an official's sanctions
        yield path, ("regime_twice", {})
    else:  # type, enum, const, pattern, lengths, bounds: the value itself
        yield path, _value_problem(path, error.instance)


def _value_problem(path: Path, value: Any) -> Said:
    try:
        kind = _kind(_schema_at(path))
    except (KeyError, StopIteration):  # a rule this module does not know: say no more
        return "not_valid_here", {}
    if value is None and path and isinstance(path[-1], str):
        return "missing_key", {}  # null means absent
    if kind == "date":
        try:
            FuzzyDate.parse(value)
        except ValueError as exc:  # FuzzyDate's messages never quote the text
            text = str(exc)
            return (DATE_CODES[text], {}) if text in DATE_CODES else ("other", {"text": text})
        return "not_a_date", {}
    if kind in ("text", "required_text"):
        return check_text(value) or "empty_text", {}
    if kind == "year":
        whole = isinstance(value, int) and not isinstance(value, bool)
        return "not_a_year" if whole else "not_whole", {}
    if kind[:1].isupper():  # a vocabulary
        if not isinstance(value, str):
            return "not_a_string", {}
        if PLAIN_VALUE.fullmatch(value):
            return "unknown_value_named", {"value": value}
        return "unknown_value", {}
    return _BY_KIND.get(kind, "not_an_object_here"), {}


_BY_KIND = {"uuid": "not_an_id", "country": "not_a_country", "date_time": "not_a_moment",
            "priority": "not_a_priority", "boolean": "not_a_boolean", "list": "not_a_list",
            "format": "not_the_format"}


def _schema_at(path: Path) -> dict[str, Any]:
    """The schema of the key or list item at `path` (with its $ref, not resolved)."""
    node = schema()
    for part in path:
        node = _resolve(node)
        node = node["items"] if isinstance(part, int) else node["properties"][part]
    return node


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while True:
        if "$ref" in node:
            node = schema()["$defs"][node["$ref"].removeprefix("#/$defs/")]
        elif "anyOf" in node and "properties" not in node:  # a nullable value
            node = next(branch for branch in node["anyOf"] if branch != NULL)
        else:
            return node


def _kind(node: dict[str, Any]) -> str:
    """The $defs name a key's value is checked against, or a name for an inline rule."""
    if "$ref" in node:
        return str(node["$ref"].removeprefix("#/$defs/"))
    if "anyOf" in node:
        return _kind(next(branch for branch in node["anyOf"] if branch != NULL))
    if node.get("enum") == [1, 2, 3]:
        return "priority"
    if "const" in node:
        return "format"
    types = node.get("type")
    types = types if isinstance(types, list) else [types]
    if "array" in types:
        return "list"
    if "integer" in types:
        return "year"
    return "boolean" if "boolean" in types else "object"


def _position(doc: Any, path: Path) -> tuple[int, ...]:
    """Where `path` is in the document: list indexes, and keys by their place in their
    object (a missing key after the keys present)."""
    places = []
    node = doc
    for part in path:
        if isinstance(part, int):
            places.append(part)
            node = node[part] if isinstance(node, list) and part < len(node) else None
        elif isinstance(node, dict) and part in node:
            places.append(list(node).index(part))
            node = node[part]
        else:
            places.append(len(node) if isinstance(node, dict) else 0)
            node = None
    return tuple(places)


def _problem(doc: Any, path: Path, said: Said) -> Finding:
    """The finding at "cases[3].status_since", a key that could be free text as <key N>."""
    text = ""
    node = doc
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
        else:
            keys = list(node) if isinstance(node, dict) else []
            text = key_path(text, part, keys.index(part) if part in keys else None)
            node = node.get(part) if isinstance(node, dict) else None
    return Finding(text, said[0], said[1])
